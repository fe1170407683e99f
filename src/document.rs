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

    /// The article's title, or its source when it has none.
    pub fn display_title(&self) -> &str {
        self.analysis.title.as_deref().unwrap_or(&self.source)
    }
}
