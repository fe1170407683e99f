//! The parts of an article that are not its body: the title, the byline and
//! credit lines ("With Post wires", "Reporting by ...; Editing by ...").

use super::model::Span;
use super::tokens::{Paragraph, Token, TokenKind};

/// Where the title and the metadata lines of an article are.
#[derive(Clone, Debug, Default)]
pub struct ArticleLayout {
    pub title: Option<Span>,
    /// The "By ..." line, without "By".
    pub byline: Option<Span>,
    /// The publication date, `YYYY-MM-DD`, from a date line near the top.
    pub date: Option<String>,
    /// Paragraph indexes of bylines and credit lines, in order.
    pub metadata: Vec<usize>,
}

impl ArticleLayout {
    pub fn is_metadata(&self, paragraph: usize) -> bool {
        self.metadata.binary_search(&paragraph).is_ok()
    }
}

const TITLE_MAX_WORDS: usize = 24;
/// Bylines and date lines are looked for among the first paragraphs only.
const HEADER_PARAGRAPHS: usize = 6;
const DATE_LINE_MAX_WORDS: usize = 12;

/// The date in a short line: "January 27, 2022", "Jan. 27, 2022", "27 Jan 2022",
/// "2022-01-27", "Published 5:03 PM EST, Thu January 27, 2022".
pub fn parse_date(line: &str) -> Option<String> {
    crate::dates::parse(line).map(|d| d.to_string())
}
const CREDIT_MAX_WORDS: usize = 16;

fn words(tokens: &[Token], p: &Paragraph) -> usize {
    tokens[p.first_token..p.end_token]
        .iter()
        .filter(|t| t.is_word())
        .count()
}

/// A byline or credit line: short, and opening or ending the way they do.
/// Credits of several parts ("(Reporting by ...; Additional reporting by
/// ...; Editing by ...)") are one when each part is, however long the line.
pub fn is_credit_line(line: &str, word_count: usize) -> bool {
    if line.contains(';') {
        return line.split(';').all(|part| {
            let n = part.split_whitespace().count();
            is_credit_line(part, n.min(CREDIT_MAX_WORDS))
        });
    }
    if word_count == 0 || word_count > CREDIT_MAX_WORDS {
        return false;
    }
    let l = line
        .trim()
        .trim_start_matches(['(', '[', '—', '–', '-', ' '])
        .to_lowercase();
    let l = l.trim_end_matches([')', ']', '.', ' ']);
    if l.starts_with("by ") {
        return is_byline(line);
    }
    const OPENERS: [&str; 11] = [
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "compiled by",
        "contributing:",
        "contributors:",
        "copyright",
        "©",
        "all rights reserved",
        "staff and wire reports",
    ];
    OPENERS.iter().any(|o| l.starts_with(o))
        || (l.starts_with("with ")
            && (l.ends_with("wires") || l.ends_with("wire services") || l.ends_with("reports")))
        || l.ends_with("contributed to this report")
        || l.ends_with("contributed reporting")
}

/// "By Ana Lima and Tom Berg, Reuters": names after "By", little else.
fn is_byline(line: &str) -> bool {
    let rest = line.trim().get(3..).unwrap_or("");
    let words: Vec<&str> = rest.split_whitespace().collect();
    let lowercase = words
        .iter()
        .filter(|w| {
            w.chars().next().is_some_and(|c| c.is_lowercase())
                && !matches!(**w, "and" | "of" | "in" | "de" | "van" | "von")
        })
        .count();
    !words.is_empty() && words.len() <= 10 && lowercase == 0
}

pub fn detect(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> ArticleLayout {
    let mut layout = ArticleLayout::default();
    for (i, p) in paragraphs.iter().enumerate() {
        let line = &text[p.start..p.end];
        let n = words(tokens, p);
        if is_credit_line(line, n) {
            layout.metadata.push(i);
            if layout.byline.is_none() && i < HEADER_PARAGRAPHS && is_byline(line) {
                let by = line
                    .trim_start()
                    .get(..3)
                    .map_or(0, |_| line.len() - line.trim_start().len() + 3);
                layout.byline = Some(Span::new(p.start + by, p.end));
            }
        } else if i < HEADER_PARAGRAPHS
            && n <= DATE_LINE_MAX_WORDS
            && layout.date.is_none()
            && let Some(date) = parse_date(line)
        {
            layout.date = Some(date);
            layout.metadata.push(i);
        }
    }
    // A title is a short first paragraph set off by a blank line, or without a
    // closing full stop before a longer paragraph.
    if let Some(first) = paragraphs.first() {
        let n = words(tokens, first);
        let last = tokens[first.end_token - 1];
        let ends_sentence = last.kind == TokenKind::Punct
            && matches!(&text[last.range()], "." | "!" | "?")
            || matches!(last.kind, TokenKind::Quote(_));
        let next_longer = paragraphs.get(1).is_some_and(|q| words(tokens, q) > n);
        // Dialogue is not a title: “I cannot come,” said Margaret.
        let opens_with_quote = matches!(tokens[first.first_token].kind, TokenKind::Quote(_));
        if n > 0
            && !opens_with_quote
            && n <= TITLE_MAX_WORDS
            && (first.blank_after || (!ends_sentence && next_longer))
            && !layout.is_metadata(0)
        {
            layout.title = Some(Span::new(first.start, first.end));
        }
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn layout(text: &str) -> (Option<String>, Vec<usize>) {
        let (tokens, paras) = tokenize(text);
        let l = detect(text, &tokens, &paras);
        (l.title.map(|s| text[s.range()].to_string()), l.metadata)
    }

    #[test]
    fn title_and_credit_lines() {
        let text = "Port reopens after storm\n\nBy Ana Lima\nThe port reopened on Monday, officials said.\nWith Post wires";
        assert_eq!(
            layout(text),
            (Some("Port reopens after storm".into()), vec![1, 3])
        );
    }

    #[test]
    fn body_first_line_is_not_a_title() {
        let text = "The port reopened on Monday, officials said.\nIt had been closed for a week after the storm hit.";
        assert_eq!(layout(text).0, None);
    }

    #[test]
    fn byline_and_date_lines() {
        let text = "Port reopens\n\nBy Ana Lima and Tom Berg\nJanuary 27, 2022\nThe port reopened, officials said.";
        let (tokens, paras) = tokenize(text);
        let l = detect(text, &tokens, &paras);
        assert_eq!(
            l.byline.map(|s| &text[s.range()]),
            Some("Ana Lima and Tom Berg")
        );
        assert_eq!(l.date.as_deref(), Some("2022-01-27"));
        assert_eq!(l.metadata, [1, 2]);
    }

    #[test]
    fn date_formats() {
        assert_eq!(parse_date("Jan. 5, 2021").as_deref(), Some("2021-01-05"));
        assert_eq!(
            parse_date("Published 5:03 PM EST, Thu September 27th, 2018").as_deref(),
            Some("2018-09-27")
        );
        assert_eq!(parse_date("3 March 2020").as_deref(), Some("2020-03-03"));
        assert_eq!(
            parse_date("2019-11-02T10:00:00Z").as_deref(),
            Some("2019-11-02")
        );
        assert_eq!(parse_date("The May meeting ran late."), None);
    }

    #[test]
    fn reuters_credits() {
        assert!(is_credit_line(
            "(Reporting by Ana Lima; Editing by Tom Berg)",
            9
        ));
        assert!(!is_credit_line(
            "By the end of the day, the port had reopened.",
            10
        ));
        // Each part of a long credit is a credit.
        assert!(is_credit_line(
            "(Additional reporting by Ana Lima, Tom Berg, Rosa Kettering and Omar Said in Lisbon \
             and Ben Ortiz in Porto; Editing by Tom Berg and Ana Lima)",
            26
        ));
        assert!(!is_credit_line(
            "(Reporting by Ana Lima; the port reopened on Monday, officials said)",
            11
        ));
    }
}
