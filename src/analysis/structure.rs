//! The parts of an article that are not its body: the title, the byline and
//! credit lines ("With Post wires", "Reporting by ...; Editing by ...").

use super::model::Span;
use super::tokens::{Paragraph, Token, TokenKind};

/// Where the title and the metadata lines of an article are.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub title: Option<Span>,
    /// Paragraph indexes of bylines and credit lines, in order.
    pub metadata: Vec<usize>,
}

impl Layout {
    pub fn is_metadata(&self, paragraph: usize) -> bool {
        self.metadata.binary_search(&paragraph).is_ok()
    }
}

const TITLE_MAX_WORDS: usize = 24;
const CREDIT_MAX_WORDS: usize = 16;

fn words(tokens: &[Token], p: &Paragraph) -> usize {
    tokens[p.first_token..p.end_token]
        .iter()
        .filter(|t| t.is_word())
        .count()
}

/// A byline or credit line: short, and opening or ending the way they do.
pub fn is_credit_line(line: &str, word_count: usize) -> bool {
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

pub fn detect(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Layout {
    let mut layout = Layout::default();
    for (i, p) in paragraphs.iter().enumerate() {
        if is_credit_line(&text[p.start..p.end], words(tokens, p)) {
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
        if n > 0
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
    fn reuters_credits() {
        assert!(is_credit_line(
            "(Reporting by Ana Lima; Editing by Tom Berg)",
            9
        ));
        assert!(!is_credit_line(
            "By the end of the day, the port had reopened.",
            10
        ));
    }
}
