//! Pairing quotation marks into quotations.
//!
//! Curly marks say which way they face; straight marks and ’ do not, so each mark
//! gets the roles its surroundings allow (a mark after a space opens, one before a
//! space closes) and marks are paired left to right within a paragraph. A quotation
//! still open at the end of a paragraph continues when the next paragraph opens
//! with a quotation mark (the newspaper convention for long quotes); otherwise it
//! ends with its paragraph. An odd number of marks therefore never spreads a
//! quotation past one paragraph.
//!
//! Later stages ask which quotations stand alone as a sentence of their own:
//! the words of whoever spoke last.

use super::sentences::Sentence;
use super::tokens::{Mark, Paragraph, Token, TokenKind, flag};
use super::turns::speaker_turn;

/// An outermost quotation, marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// Token index one past the quotation.
    pub end_token: usize,
    /// Byte span, marks included.
    pub start: usize,
    pub end: usize,
    /// Paragraphs the quotation runs over.
    pub paragraphs: u32,
}

impl Quote {
    pub fn contains_token(&self, i: usize) -> bool {
        self.open <= i && i < self.end_token
    }
    /// Token range of the quoted words, marks excluded.
    pub fn inner(&self) -> std::ops::Range<usize> {
        self.open + 1..self.close.unwrap_or(self.end_token)
    }
}

const MAX_GLUED: usize = 4;

#[derive(Clone, Copy, Debug)]
struct Candidate {
    token: usize,
    mark: Mark,
    can_open: bool,
    can_close: bool,
}

fn is_opening_punct(text: &str) -> bool {
    matches!(text, "(" | "[" | "{" | "—" | "–" | "-" | "--" | "/" | ":")
}

/// The roles a mark may play, from the characters around it.
fn candidate(tokens: &[Token], text: &str, i: usize) -> Option<Candidate> {
    let TokenKind::Quote(mark) = tokens[i].kind else {
        return None;
    };
    // Marks glued together (`,’”` or `“‘`) see through each other to the nearest
    // word or space.
    let glued = |a: &Token, b: &Token| {
        a.end == b.start && !b.has(flag::SPACE_BEFORE) && !b.has(flag::PARA_START)
    };
    // Real text glues two or three marks at most; the bound keeps a run of
    // thousands of marks linear.
    let mut p = i;
    while p > 0
        && i - p < MAX_GLUED
        && matches!(tokens[p - 1].kind, TokenKind::Quote(_))
        && glued(&tokens[p - 1], &tokens[p])
    {
        p -= 1;
    }
    let mut n = i;
    while n + 1 < tokens.len()
        && n - i < MAX_GLUED
        && matches!(tokens[n + 1].kind, TokenKind::Quote(_))
        && glued(&tokens[n], &tokens[n + 1])
    {
        n += 1;
    }
    let first = &tokens[p];
    let space_before = first.has(flag::SPACE_BEFORE)
        || first.has(flag::PARA_START)
        || p.checked_sub(1)
            .is_none_or(|q| is_opening_punct(&text[tokens[q].range()]));
    let space_after = tokens.get(n + 1).is_none_or(|next| {
        next.has(flag::SPACE_BEFORE)
            || next.has(flag::PARA_START)
            || (next.kind == TokenKind::Punct && !is_opening_punct(&text[next.range()]))
    });
    let (can_open, can_close) = match mark {
        Mark::DoubleLeft | Mark::SingleLeft => (true, !space_before && space_after),
        Mark::DoubleLow | Mark::SingleLow => (true, false),
        Mark::DoubleRight | Mark::SingleRight => (space_before && !space_after, !space_before),
        Mark::DoubleStraight | Mark::SingleStraight => match (space_before, space_after) {
            (true, false) => (true, false),
            (false, true) => (false, true),
            _ => (true, true),
        },
    };
    Some(Candidate {
        token: i,
        mark,
        can_open,
        can_close,
    })
}

/// Pairs the quotation marks of a tokenized text; returns the outermost quotations
/// in text order.
pub fn find_quotes(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Quote> {
    let mut doubles: Vec<Quote> = Vec::new();
    let mut pairing = Pairing::Outside;
    for (pi, para) in paragraphs.iter().enumerate() {
        let marks = (para.first_token..para.end_token)
            .filter_map(|i| candidate(tokens, text, i))
            .filter(|c| c.mark.is_double());
        for c in marks {
            let at = c.token;
            if let Some(Opened { mark, paragraph }) = pairing.mark(&c, pi, at == para.first_token) {
                doubles.push(quote(tokens, mark, Some(at), at + 1, pi - paragraph));
            }
        }
        // A transcript's next speaker label ends the quotation even when its
        // paragraph opens with a quotation mark.
        let next_opens = || {
            paragraphs.get(pi + 1).is_some_and(|n| {
                n.first_token < n.end_token
                    && candidate(tokens, text, n.first_token)
                        .is_some_and(|c| c.mark.is_double() && c.can_open)
                    && speaker_turn(text, tokens, n).is_none()
            })
        };
        if let Some(Opened { mark, paragraph }) = pairing.paragraph_end(next_opens) {
            doubles.push(quote(tokens, mark, None, para.end_token, pi - paragraph));
        }
    }
    let singles = pair_singles(text, tokens, paragraphs, &doubles);
    outermost(doubles, singles)
}

/// Where the pairing of double marks is, from mark to mark.
#[derive(Clone, Copy)]
enum Pairing {
    /// Outside any quotation.
    Outside,
    /// Inside a quotation.
    InQuote(Opened),
}

/// Where an open quotation opened.
#[derive(Clone, Copy)]
struct Opened {
    /// Token index of its opening mark.
    mark: usize,
    /// The paragraph of that mark.
    paragraph: usize,
}

impl Pairing {
    /// Reads the mark `c` in paragraph `pi` (`opens_paragraph`: it is the
    /// paragraph's first token); returns where the quotation it closes opened.
    fn mark(&mut self, c: &Candidate, pi: usize, opens_paragraph: bool) -> Option<Opened> {
        match *self {
            // The opening mark of a paragraph that continues an open quotation.
            Pairing::InQuote(o) if opens_paragraph && o.paragraph < pi && c.can_open => None,
            Pairing::InQuote(o) if c.can_close => {
                *self = Pairing::Outside;
                Some(o)
            }
            _ if c.can_open => {
                *self = Pairing::InQuote(Opened {
                    mark: c.token,
                    paragraph: pi,
                });
                None
            }
            _ => None,
        }
    }

    /// The end of a paragraph: a quotation still open runs on when the next
    /// paragraph opens with a quotation mark (`next_opens`), and otherwise ends
    /// here; returns where it opened if it ends.
    fn paragraph_end(&mut self, next_opens: impl FnOnce() -> bool) -> Option<Opened> {
        match *self {
            Pairing::InQuote(o) if !next_opens() => {
                *self = Pairing::Outside;
                Some(o)
            }
            _ => None,
        }
    }
}

fn quote(
    tokens: &[Token],
    open: usize,
    close: Option<usize>,
    end_token: usize,
    extra_paragraphs: usize,
) -> Quote {
    let last = close.unwrap_or(end_token - 1);
    Quote {
        open,
        close,
        end_token,
        start: tokens[open].start as usize,
        end: tokens[last].end as usize,
        paragraphs: extra_paragraphs as u32 + 1,
    }
}

/// Single quotation marks outside double quotations, where ’ is far more often an
/// apostrophe: only a mark that can open starts a quotation, and a possessive-looking
/// closer ("States’ plan") gives way to a later closer in the same paragraph.
fn pair_singles(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    doubles: &[Quote],
) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut d = 0;
    for para in paragraphs {
        let mut cands: Vec<Candidate> = Vec::new();
        for i in para.first_token..para.end_token {
            while d < doubles.len() && doubles[d].end_token <= i {
                d += 1;
            }
            if doubles.get(d).is_some_and(|q| q.contains_token(i)) {
                continue;
            }
            if let Some(c) = candidate(tokens, text, i).filter(|c| !c.mark.is_double()) {
                cands.push(c);
            }
        }
        // closer_ahead[k]: a mark after k can close before the next mark that can
        // only open. Computed right to left so the pairing stays linear.
        let mut closer_ahead = vec![false; cands.len()];
        let mut ahead = false;
        for k in (0..cands.len()).rev() {
            closer_ahead[k] = ahead;
            let c = &cands[k];
            if c.can_close {
                ahead = true;
            } else if c.can_open {
                ahead = false;
            }
        }
        let mut open: Option<usize> = None;
        for (k, c) in cands.iter().enumerate() {
            match open {
                Some(o) if c.can_close => {
                    if looks_possessive(text, tokens, c.token) && closer_ahead[k] {
                        continue;
                    }
                    out.push(quote(tokens, o, Some(c.token), c.token + 1, 0));
                    open = None;
                }
                _ if c.can_open && !(c.can_close && open.is_some()) => open = Some(c.token),
                _ => {}
            }
        }
    }
    out
}

/// ’ right after a word ending in s and before a lowercase word: "the States’ plan".
fn looks_possessive(text: &str, tokens: &[Token], i: usize) -> bool {
    let prev_s = i.checked_sub(1).is_some_and(|p| {
        tokens[p].kind == TokenKind::Word && text[tokens[p].range()].ends_with(['s', 'z'])
    });
    let next_lower = tokens
        .get(i + 1)
        .is_some_and(|n| n.kind == TokenKind::Word && !n.has(flag::CAPITALIZED));
    prev_s && next_lower
}

/// Merges double and single quotations, keeping only those not inside another.
fn outermost(doubles: Vec<Quote>, singles: Vec<Quote>) -> Vec<Quote> {
    let mut all = doubles;
    all.extend(singles);
    all.sort_by_key(|q| (q.open, std::cmp::Reverse(q.end_token)));
    let mut out: Vec<Quote> = Vec::with_capacity(all.len());
    for q in all {
        match out.last() {
            Some(last) if q.open < last.end_token => {} // nested or crossing: the outer one stands
            _ => out.push(q),
        }
    }
    out
}

/// Index of the quotation containing token `i`, by binary search.
pub fn quote_at(quotes: &[Quote], i: usize) -> Option<usize> {
    let k = quotes.partition_point(|q| q.open <= i);
    k.checked_sub(1).filter(|&k| quotes[k].contains_token(i))
}

/// A quotation is speech-like, not a scare quote, when it has this many words.
pub(super) const SPEECH_WORDS: usize = 4;

/// A quotation that is a sentence of its own, long enough or ending like a
/// sentence, and not the title of a work: the words of whoever spoke last.
/// Returns whether it is short (then speech only if it continues someone).
pub(crate) fn standalone_quotation(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    q: &Quote,
) -> Option<bool> {
    let words = |r: std::ops::Range<usize>| tokens[r].iter().filter(|t| t.is_word()).count();
    let inner = q.inner();
    let n = words(inner.clone());
    let ends_sentence = q.close.is_some_and(|c| {
        c > q.open + 1 && matches!(&text[tokens[c - 1].range()], "." | "!" | "?" | "?!" | "!!")
    });
    if n == 0 || (n < SPEECH_WORDS && !ends_sentence) {
        return None;
    }
    let s = &sentences[sentences.partition_point(|s| s.end <= q.open)];
    let any_word = |r: std::ops::Range<usize>| tokens[r].iter().any(|t| t.is_word());
    let outside = any_word(s.first..q.open) || any_word(q.end_token..s.end);
    let title_cased = {
        let w: Vec<&Token> = tokens[inner]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .collect();
        w.len() >= 2 && w.iter().all(|t| t.has(flag::CAPITALIZED))
    };
    (!outside && !title_cased).then_some(n < SPEECH_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn quoted(text: &str) -> Vec<&str> {
        let (tokens, paras) = tokenize(text);
        find_quotes(text, &tokens, &paras)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(
            quoted("“Yes,” he said. \"No,\" she said."),
            ["“Yes,”", "\"No,\""]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quoted("“He called it ‘a farce’ today,” she said."),
            ["“He called it ‘a farce’ today,”"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("The United States’ rejection of Russia’s plan in the ’90s.").is_empty());
        assert!(quoted("They played rock ’n’ roll all night.").is_empty());
        assert_eq!(
            quoted("‘The States’ plan is bad,’ he said."),
            ["‘The States’ plan is bad,’"]
        );
    }

    #[test]
    fn glued_marks_close_together() {
        assert_eq!(
            quoted("“You said ‘we accept it,’” she said."),
            ["“You said ‘we accept it,’”"]
        );
        assert_eq!(
            quoted("He said, “‘Fake news’ is a phrase.”"),
            ["“‘Fake news’ is a phrase.”"]
        );
    }

    #[test]
    fn quote_runs_over_paragraphs() {
        let text = "“First part of it.\n“Second part,” he said.\nNext.";
        assert_eq!(quoted(text), ["“First part of it.\n“Second part,”"]);
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let text = "He said “this never closes.\nA new paragraph with “a quote” here.";
        assert_eq!(quoted(text), ["“this never closes.", "“a quote”"]);
    }

    #[test]
    fn other_languages() {
        assert_eq!(quoted("Er sagte „Ja“ und «oui»."), ["„Ja“", "«oui»"]);
    }
}
