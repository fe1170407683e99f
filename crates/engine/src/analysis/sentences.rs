//! Sentence boundaries that treat each quotation as one unit.
//!
//! A sentence ends at a terminal mark followed by something that can start a
//! sentence, or at a paragraph break. Inside a quotation nothing ends, so
//! `“A. B,” she said.` is one sentence; a quotation that ends with a terminal mark
//! and is followed by a capitalised word or a new quotation ends its sentence.

use super::quotes::Quote;
use super::tokens::{Paragraph, Token, TokenKind, flag};
use crate::lexicon::class;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Paragraph of the first token.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence before token `at` and the one after it: a transcript
    /// turn's label and its speech, read apart around the colon.
    pub fn split(&self, at: usize) -> (Sentence, Sentence) {
        let at = at.clamp(self.first, self.end);
        (
            Sentence { end: at, ..*self },
            Sentence {
                first: (at + 1).min(self.end),
                ..*self
            },
        )
    }
}

/// Does this mark end a sentence: a full stop, "!", "?", an ellipsis ("...", "…")?
pub(crate) fn is_terminal(text: &str) -> bool {
    matches!(text.chars().next(), Some('.' | '!' | '?' | '…')) || text == "..."
}

/// Can token `i` begin a sentence?
fn starts_sentence(
    tokens: &[Token],
    text: &str,
    quotes_start: impl Fn(usize) -> bool,
    i: usize,
) -> bool {
    let Some(t) = tokens.get(i) else { return true };
    if t.has(flag::PARA_START) {
        return true;
    }
    match t.kind {
        TokenKind::Word => t.has(flag::CAPITALIZED),
        TokenKind::Number => true,
        TokenKind::Quote(_) => quotes_start(i),
        TokenKind::Clitic => false,
        TokenKind::Punct => matches!(&text[t.range()], "(" | "[" | "—" | "–" | "-" | "•" | "*"),
    }
}

/// Can token `i` begin a sentence after an abbreviation such as "U.S."? Only a word
/// that is clearly a sentence opener: a capitalised function word or pronoun.
fn opens_after_abbreviation(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i)
        .is_none_or(|t| t.has(flag::PARA_START) || (t.is_capitalized() && t.is(class::FUNCTION)))
}

pub fn split_sentences(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    quotes: &[Quote],
) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut q = 0; // next quotation that may start at or after the cursor
    let quote_starts = |i: usize| quotes.binary_search_by_key(&i, |q| q.open).is_ok();
    let mut para_of = 0usize;
    let mut first = 0usize;
    let mut i = 0usize;
    // Ends the current sentence before token `end`; paragraphs are found by
    // walking forward, so the whole pass stays linear.
    let cut = |out: &mut Vec<Sentence>, first: &mut usize, para_of: &mut usize, end: usize| {
        while *para_of + 1 < paragraphs.len() && paragraphs[*para_of].end_token <= *first {
            *para_of += 1;
        }
        out.push(Sentence {
            first: *first,
            end,
            paragraph: *para_of,
        });
        *first = end;
    };
    while i < tokens.len() {
        if i > first && tokens[i].has(flag::PARA_START) {
            cut(&mut out, &mut first, &mut para_of, i);
        }
        while q < quotes.len() && quotes[q].open < i {
            q += 1;
        }
        if let Some(quote) = quotes.get(q).filter(|quote| quote.open == i) {
            // A quotation is one unit; it ends the sentence if its last word does.
            let next = quote.end_token;
            let ends_terminal = quote
                .close
                .is_some_and(|c| c > quote.open + 1 && is_terminal(&text[tokens[c - 1].range()]));
            let next_starts = tokens.get(next).is_none_or(|n| {
                n.has(flag::PARA_START)
                    || (n.kind == TokenKind::Word && n.has(flag::CAPITALIZED))
                    || quote_starts(next)
            });
            i = next;
            if ends_terminal && next_starts && i < tokens.len() && !tokens[i].has(flag::PARA_START)
            {
                cut(&mut out, &mut first, &mut para_of, i);
            }
            continue;
        }
        let t = &tokens[i];
        let word = &text[t.range()];
        let boundary = match t.kind {
            TokenKind::Punct if is_terminal(word) => {
                // Closing brackets and stray marks stay with the sentence they close.
                let mut j = i + 1;
                while tokens.get(j).is_some_and(|n| {
                    !n.has(flag::SPACE_BEFORE)
                        && !quote_starts(j)
                        && (matches!(&text[n.range()], ")" | "]")
                            || matches!(n.kind, TokenKind::Quote(_)))
                }) {
                    j += 1;
                }
                let ok = starts_sentence(tokens, text, quote_starts, j);
                ok.then_some(j)
            }
            TokenKind::Word if word.ends_with('.') && word.len() > 1 => {
                let info = t.info();
                let initial = word.chars().count() == 2;
                if info.is(class::ABBREV_TITLE) || initial {
                    None
                } else {
                    opens_after_abbreviation(tokens, i + 1).then_some(i + 1)
                }
            }
            _ => None,
        };
        match boundary {
            Some(j) if j < tokens.len() && !tokens[j].has(flag::PARA_START) => {
                cut(&mut out, &mut first, &mut para_of, j);
                i = j;
            }
            Some(j) => i = j.max(i + 1),
            None => i += 1,
        }
    }
    if first < tokens.len() {
        cut(&mut out, &mut first, &mut para_of, tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::find_quotes;
    use crate::analysis::tokens::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let (tokens, paras) = tokenize(text);
        let quotes = find_quotes(text, &tokens, &paras);
        split_sentences(text, &tokens, &paras, &quotes)
            .iter()
            .map(|s| &text[tokens[s.first].start as usize..tokens[s.end - 1].end as usize])
            .collect()
    }

    #[test]
    fn quotations_are_atomic() {
        assert_eq!(
            sentences("“It is late. We must go,” he said. “Now.” She left."),
            ["“It is late. We must go,” he said.", "“Now.”", "She left."]
        );
    }

    #[test]
    fn question_inside_quote_before_attribution() {
        assert_eq!(
            sentences("“Why not?” he asked. Then he left."),
            ["“Why not?” he asked.", "Then he left."]
        );
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            sentences(
                "Sen. Bernie Sanders spoke in the U.S. Senate. He left the U.S. The end came."
            ),
            [
                "Sen. Bernie Sanders spoke in the U.S. Senate.",
                "He left the U.S.",
                "The end came."
            ]
        );
    }

    #[test]
    fn a_price_ends_its_sentence() {
        assert_eq!(
            sentences("Day workers earn $5.20. Permanent staff earn twice that."),
            [
                "Day workers earn $5.20.",
                "Permanent staff earn twice that."
            ]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(
            sentences("A headline\nBody text. More"),
            ["A headline", "Body text.", "More"]
        );
    }
}
