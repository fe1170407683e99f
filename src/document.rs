//! An article with what the engine found in it: the unit the reader and the
//! exporters work on.
//!
//! The engine reads the article unwrapped (see [`crate::input::unwrap`]): the
//! lines of a hard-wrapped paragraph joined, words split at line ends whole. A
//! document keeps the text as the user gave it and the [`OffsetMap`] back to it,
//! and maps every span of the analysis onto the text as given, so offsets in the
//! output and the highlighting in the reader point at the user's characters.
//! [`Document::read`] gives the words of a span as the engine read them.

use std::borrow::Cow;
use std::ops::Range;

use crate::analysis::{Analysis, Span, analyze};
use crate::input::Article;
use crate::input::unwrap::{OffsetMap, unwrap};

#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Where the article came from: a file path, "-" for stdin, or "sample".
    pub source: String,
    /// The article text as given, that every span of `analysis` indexes (byte
    /// offsets).
    pub text: String,
    /// From the text the engine read back to `text`.
    pub reading: OffsetMap,
    /// Subheads inside the body (byte ranges of `text`): never statements.
    pub headings: Vec<Range<usize>>,
    pub analysis: Analysis,
    /// The analysis came with the article (a results file): nothing to analyse.
    pub precomputed: bool,
}

impl Document {
    /// Analyses `text`, plain text as people have it (hard-wrapped or not).
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Document {
        Document::from_article(Article {
            source: source.into(),
            body: text.into(),
            ..Article::default()
        })
    }

    /// Analyses an article read from a file. A title from the source's metadata
    /// opens the text (so a headline's statements are found as in plain text),
    /// and the source's title, byline and date win over what the text suggests.
    pub fn from_article(article: Article) -> Document {
        let mut doc = Document::unread(article);
        if !doc.precomputed {
            doc.analysis = doc.analyze();
        }
        doc
    }

    /// The document of an article before the engine has read it: its text, the
    /// way the engine will read it, and the source's own title, byline and date.
    /// An article with its analysis done already keeps it (`precomputed`).
    pub fn unread(mut article: Article) -> Document {
        let precomputed = article.analysis.take();
        let body_len = article.body.len();
        let text = Document::text_of(&mut article);
        let prefix = text.len() - body_len;
        let reading = unwrap(&text, article.breaks).map;
        Document {
            headings: article
                .headings
                .iter()
                .map(|h| h.start + prefix..h.end + prefix)
                .collect(),
            precomputed: precomputed.is_some(),
            analysis: precomputed.map_or_else(
                || {
                    let mut analysis = Analysis::default();
                    analysis.title = article.title;
                    analysis.byline = article.byline;
                    analysis.date = article.date;
                    analysis
                },
                |analysis| *analysis,
            ),
            source: article.source,
            text,
            reading,
        }
    }

    /// What the engine finds in the text, with its spans on the text as given.
    /// The title, byline and date the document has already (the source's) win.
    /// A title the engine proposes stands only when it is one line of the text
    /// as given, never the first lines of a wrapped paragraph; statements inside
    /// subheads are dropped.
    pub fn analyze(&self) -> Analysis {
        self.analyze_with(analyze)
    }

    /// [`Document::analyze`] with another engine, such as one with weights
    /// being trained.
    pub fn analyze_with(&self, engine: impl Fn(&str) -> Analysis) -> Analysis {
        let read = self.reading.read(&self.text, 0..self.text.len());
        let mut a = engine(&read);
        if !self.reading.is_identity() {
            let map = |s: Span| {
                let start = self.reading.start(s.start);
                Span::new(start, self.reading.end(s.end).max(start))
            };
            for s in &mut a.statements {
                s.span = map(s.span);
                s.speaker_mention = s.speaker_mention.map(map);
                s.cue = s.cue.map(map);
            }
            for actor in &mut a.actors {
                for m in &mut actor.mentions {
                    *m = map(*m);
                }
            }
            if a.title.is_some() && !first_paragraph_is_one_line(&read, &self.reading, &self.text) {
                a.title = None;
            }
        }
        if !self.headings.is_empty() {
            let in_heading = |s: &Span| {
                let k = self.headings.partition_point(|h| h.end <= s.start);
                self.headings.get(k).is_some_and(|h| h.start <= s.start)
            };
            a.statements.retain(|s| !in_heading(&s.span));
            for actor in &mut a.actors {
                actor.statements = 0;
            }
            for s in &a.statements {
                if let Some(id) = s.speaker {
                    a.actors[id].statements += 1;
                }
            }
        }
        a.title = self.analysis.title.clone().or(a.title);
        a.byline = self.analysis.byline.clone().or(a.byline);
        a.date = self.analysis.date.clone().or(a.date);
        a
    }

    /// The words of a span of `text` as the engine read them: lines joined, a
    /// word split by a hyphen at a line end whole.
    pub fn read(&self, span: Span) -> Cow<'_, str> {
        self.reading.read(&self.text, span.range())
    }

    /// The paragraphs of `text` as the engine read them (byte ranges, blank
    /// lines in none): a hard-wrapped paragraph is one, not one per line.
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        self.reading.paragraphs(&self.text)
    }

    /// The text an article is read as: its title, a blank line, then the body
    /// (taken from the article, not copied: it may be megabytes).
    fn text_of(article: &mut Article) -> String {
        let body = std::mem::take(&mut article.body);
        match &article.title {
            Some(t) if !body.trim_start().starts_with(t.as_str()) => format!("{t}\n\n{body}"),
            _ => body,
        }
    }

    /// The article's title, or its source when it has none.
    pub fn display_title(&self) -> &str {
        match (&self.analysis.title, self.source.as_str()) {
            (Some(title), _) => title,
            (None, "-") => "standard input",
            (None, source) => source,
        }
    }
}

/// Is the first paragraph of the text as read one line of the text as given?
fn first_paragraph_is_one_line(read: &str, map: &OffsetMap, original: &str) -> bool {
    let start = read.len() - read.trim_start().len();
    let end = read[start..]
        .find(['\n', '\r'])
        .map_or(read.len(), |i| start + i);
    !original[map.start(start)..map.end(end)].contains(['\n', '\r'])
}

/// What a panic caught around the engine says: its message, or "unknown
/// error" (for the reason a failed article or line is reported with).
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::unwrap::LineBreaks;

    const WRAPPED: &str = "The port will reopen on Monday, the harbour authority said in\n\
        a statement.\n\
        \n\
        “We are back in business,” said Ana Ruiz, who runs the authority\n\
        and who spent the week on the quay with the repair crews, adding\n\
        that the storm had been the worst in living memory for the town.\n";

    #[test]
    fn spans_point_at_the_text_as_given() {
        let doc = Document::new("port.txt", WRAPPED);
        assert_eq!(doc.text, WRAPPED);
        let quote = doc
            .analysis
            .statements
            .iter()
            .find(|s| doc.read(s.span).starts_with('“'))
            .expect("the quotation");
        assert_eq!(&doc.text[quote.span.range()], "“We are back in business,”");
        let ruiz = &doc.analysis.actors[quote.speaker.expect("a speaker")];
        assert_eq!(ruiz.name, "Ana Ruiz");
        for m in &ruiz.mentions {
            assert!(doc.text[m.range()].contains("Ruiz"));
        }
        let adding = doc
            .analysis
            .statements
            .iter()
            .find(|s| doc.read(s.span).starts_with("the storm"))
            .expect("the reported clause");
        assert!(adding.span.start > quote.span.end);
    }

    #[test]
    fn the_first_lines_of_a_wrapped_paragraph_are_no_title() {
        assert_eq!(Document::new("port.txt", WRAPPED).analysis.title, None);
        let titled = format!("Port reopens after storm\n\n{WRAPPED}");
        assert_eq!(
            Document::new("port.txt", titled).analysis.title.as_deref(),
            Some("Port reopens after storm")
        );
    }

    #[test]
    fn subheads_are_never_statements() {
        let body = "“We will rebuild”\n\nThe mayor said the town would recover.";
        let subhead = 0..body.find('\n').unwrap();
        let article = Article {
            source: "a.html".into(),
            body: body.into(),
            breaks: LineBreaks::Hard,
            headings: std::iter::once(subhead).collect(),
            ..Article::default()
        };
        let doc = Document::from_article(article);
        let texts: Vec<&str> = doc
            .analysis
            .statements
            .iter()
            .map(|s| &doc.text[s.span.range()])
            .collect();
        assert_eq!(texts, ["the town would recover"]);
        assert!(doc.analysis.actors.iter().all(|a| a.statements <= 1));
    }
}
