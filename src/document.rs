//! An article with what the engine found in it: the unit the reader and the
//! exporters work on.

use crate::analysis::{Analysis, analyze};

#[derive(Clone, Debug)]
pub struct Document {
    /// Where the article came from: a file path, "-" for stdin, or "sample".
    pub source: String,
    /// The article text that every span of `analysis` indexes (byte offsets).
    pub text: String,
    pub analysis: Analysis,
}

impl Document {
    /// Analyses `text`.
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let analysis = analyze(&text);
        Document {
            source: source.into(),
            text,
            analysis,
        }
    }

    /// Analyses an article read from a file. A title from the source's metadata
    /// opens the text (so a headline's statements are found as in plain text),
    /// and the source's title, byline and date win over what the text suggests.
    pub fn from_article(article: crate::input::Article) -> Document {
        let text = Document::text_of(&article);
        let crate::input::Article {
            source,
            title,
            byline,
            date,
            ..
        } = article;
        let mut doc = Document::new(source, text);
        let a = &mut doc.analysis;
        a.title = title.or(a.title.take());
        a.byline = byline.or(a.byline.take());
        a.date = date.or(a.date.take());
        doc
    }

    /// The text an article is read as: its title, a blank line, then the body.
    pub fn text_of(article: &crate::input::Article) -> String {
        match &article.title {
            Some(t) if !article.body.trim_start().starts_with(t.as_str()) => {
                format!("{t}\n\n{}", article.body)
            }
            _ => article.body.clone(),
        }
    }

    /// The article's title, or its source when it has none.
    pub fn display_title(&self) -> &str {
        self.analysis.title.as_deref().unwrap_or(&self.source)
    }
}
