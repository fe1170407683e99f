//! Splitting an article into tokens and paragraphs.
//!
//! Tokens keep byte offsets into the article. Words carry their lexicon id so later
//! stages classify them without another lookup. Clitics ("’s", "n’t") are split off
//! so that "Russia’s" yields the name "Russia".

use crate::lexicon::{WordInfo, class, lexicon};

/// A quotation mark, by shape. Which marks open and which close is decided when
/// quotes are paired, since straight marks and ’ are ambiguous.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// “ « 「 『
    DoubleLeft,
    /// ” » 」 』
    DoubleRight,
    /// "
    DoubleStraight,
    /// „ (German and Polish opening mark, closed by “ or ”)
    DoubleLow,
    /// ‘ ‹
    SingleLeft,
    /// ’ › (also an apostrophe)
    SingleRight,
    /// '
    SingleStraight,
    /// ‚
    SingleLow,
}

impl Mark {
    pub fn is_double(self) -> bool {
        matches!(
            self,
            Mark::DoubleLeft | Mark::DoubleRight | Mark::DoubleStraight | Mark::DoubleLow
        )
    }

    fn of(c: char) -> Option<Mark> {
        Some(match c {
            '“' | '«' | '「' | '『' => Mark::DoubleLeft,
            '”' | '»' | '」' | '』' => Mark::DoubleRight,
            '"' | '＂' => Mark::DoubleStraight,
            '„' => Mark::DoubleLow,
            '‘' | '‹' => Mark::SingleLeft,
            '’' | '›' => Mark::SingleRight,
            '\'' => Mark::SingleStraight,
            '‚' => Mark::SingleLow,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A split-off clitic: ’s, ’re, ’ve, ’ll, ’d, ’m, n’t.
    Clitic,
    Quote(Mark),
    Punct,
}

pub mod flag {
    /// White space precedes the token.
    pub const SPACE_BEFORE: u8 = 1 << 0;
    /// The token starts a paragraph.
    pub const PARA_START: u8 = 1 << 1;
    /// First letter is uppercase.
    pub const CAPITALIZED: u8 = 1 << 2;
    /// Two or more letters, all uppercase.
    pub const ALL_CAPS: u8 = 1 << 3;
    /// White space follows the token.
    pub const SPACE_AFTER: u8 = 1 << 4;
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// Lexicon id for words, 0 otherwise.
    pub word: u32,
    pub kind: TokenKind,
    pub flags: u8,
}

impl Token {
    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }
    pub fn info(&self) -> &'static WordInfo {
        lexicon().info(self.word)
    }
    pub fn is(&self, classes: u32) -> bool {
        self.info().is(classes)
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.has(flag::CAPITALIZED)
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A paragraph: a run of tokens between line breaks.
#[derive(Clone, Copy, Debug)]
pub struct Paragraph {
    pub first_token: usize,
    pub end_token: usize,
    pub start: usize,
    pub end: usize,
    /// A blank line follows.
    pub blank_after: bool,
}

const CLITICS: [&str; 7] = ["s", "re", "ve", "ll", "d", "m", "t"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks and joiners stay inside the word they modify.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200C | 0x200D)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}'
    )
}

/// Tokens and paragraphs of a text.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<Paragraph>) {
    let mut t = Tokenizer {
        text,
        bytes: text.as_bytes(),
        tokens: Vec::with_capacity(text.len() / 5),
        paragraphs: Vec::new(),
        pending_flags: 0,
        paragraph: ParagraphState::Between,
    };
    t.run();
    (t.tokens, t.paragraphs)
}

struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    tokens: Vec<Token>,
    paragraphs: Vec<Paragraph>,
    /// Flags for the next token: white space before it.
    pending_flags: u8,
    paragraph: ParagraphState,
}

/// Where the tokenizer is: between paragraphs or inside one.
#[derive(Clone, Copy)]
enum ParagraphState {
    /// At the start of the text or after a line break: the next token opens
    /// a paragraph.
    Between,
    /// Inside a paragraph that starts at byte `start`, with token `first_token`.
    Inside { start: usize, first_token: usize },
}

impl Tokenizer<'_> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    fn run(&mut self) {
        let mut i = 0;
        let len = self.text.len();
        while i < len {
            let b = self.bytes[i];
            // ASCII fast paths: the common case in news text.
            if b == b' ' || b == b'\t' || b == b'\r' {
                self.space(i);
                i += 1;
                continue;
            }
            if b == b'\n' {
                self.line_break(i);
                i += 1;
                continue;
            }
            let c = self.char_at(i).unwrap_or(' ');
            let clen = c.len_utf8();
            if is_line_break(c) {
                self.line_break(i);
                i += clen;
            } else if c.is_whitespace() || c == '\u{FEFF}' {
                self.space(i);
                i += clen;
            } else if is_word_char(c) {
                i = self.word(i);
            } else if is_apostrophe(c) && self.starts_elided_word(i + clen) {
                // ’90s, ’em, ’n’: an apostrophe that opens a word.
                i = self.word(i);
            } else if let Some(mark) = Mark::of(c) {
                // Two single marks in a row stand for a double one: ''...'' and ``...''.
                let doubled = (mark == Mark::SingleStraight
                    || mark == Mark::SingleLeft
                    || mark == Mark::SingleRight)
                    && self.text[i + clen..].starts_with(c);
                if doubled {
                    let mark = match mark {
                        Mark::SingleLeft => Mark::DoubleLeft,
                        Mark::SingleRight => Mark::DoubleRight,
                        _ => Mark::DoubleStraight,
                    };
                    self.push(i, i + 2 * clen, TokenKind::Quote(mark), 0);
                    i += 2 * clen;
                } else {
                    self.push(i, i + clen, TokenKind::Quote(mark), 0);
                    i += clen;
                }
            } else if c == '`' && self.text[i + 1..].starts_with('`') {
                self.push(i, i + 2, TokenKind::Quote(Mark::DoubleLeft), 0);
                i += 2;
            } else {
                i = self.punct(i, c);
            }
        }
        self.close_paragraph(len);
    }

    fn space(&mut self, i: usize) {
        self.pending_flags |= flag::SPACE_BEFORE;
        if let Some(last) = self.tokens.last_mut()
            && last.end as usize == i
        {
            last.flags |= flag::SPACE_AFTER;
        }
    }

    fn line_break(&mut self, i: usize) {
        self.space(i);
        match self.paragraph {
            ParagraphState::Inside { .. } => self.close_paragraph(i),
            // An empty line: the previous paragraph is followed by a blank line.
            ParagraphState::Between => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.blank_after = true;
                }
            }
        }
    }

    /// Ends the paragraph the tokenizer is in, if any.
    fn close_paragraph(&mut self, end: usize) {
        if let ParagraphState::Inside { start, first_token } = self.paragraph {
            let end = self.tokens.last().map_or(end, |t| t.end as usize);
            self.paragraphs.push(Paragraph {
                first_token,
                end_token: self.tokens.len(),
                start,
                end,
                blank_after: false,
            });
        }
        self.paragraph = ParagraphState::Between;
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, extra: u8) {
        if let ParagraphState::Between = self.paragraph {
            self.paragraph = ParagraphState::Inside {
                start,
                first_token: self.tokens.len(),
            };
            self.pending_flags |= flag::PARA_START;
        }
        let word = match kind {
            TokenKind::Word | TokenKind::Clitic => lexicon().id(&self.text[start..end]),
            _ => 0,
        };
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            word,
            kind,
            flags: self.pending_flags | extra,
        });
        self.pending_flags = 0;
    }

    fn starts_elided_word(&self, next: usize) -> bool {
        let Some(c) = self.char_at(next) else {
            return false;
        };
        if !c.is_alphanumeric() {
            return false;
        }
        let before_ok = self
            .char_before(next - 1)
            .is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b));
        if !before_ok {
            return false;
        }
        if c.is_ascii_digit() {
            return true; // ’90s
        }
        // ’em, ’til, ’n’: a short lowercase word glued to the apostrophe.
        let rest = &self.text[next..];
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        matches!(word.as_str(), "em" | "til" | "n" | "cause" | "tis" | "twas")
    }

    /// Scans a word or number starting at `start`; returns the end byte.
    fn word(&mut self, start: usize) -> usize {
        let text = self.text;
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        let mut letters = 0usize;
        let mut uppers = 0usize;
        let mut digits = 0usize;
        let mut first_alpha_upper: Option<bool> = None;
        let mut has_inner_period = false;
        // ASCII letters and digits: the bulk of news text, counted byte by byte.
        let bytes = self.bytes;
        let mut ascii_end = start;
        while ascii_end < bytes.len() && bytes[ascii_end].is_ascii_alphanumeric() {
            let b = bytes[ascii_end];
            if b.is_ascii_alphabetic() {
                letters += 1;
                uppers += usize::from(b.is_ascii_uppercase());
                if first_alpha_upper.is_none() {
                    first_alpha_upper = Some(b.is_ascii_uppercase());
                }
            } else {
                digits += 1;
            }
            ascii_end += 1;
        }
        if ascii_end > start {
            end = ascii_end;
            chars = text[ascii_end..].char_indices().peekable();
        }
        let base = if ascii_end > start { ascii_end } else { start };
        while let Some((off, c)) = chars.next() {
            let pos = base + off;
            if is_word_char(c) || (pos == start && is_apostrophe(c)) {
                if c.is_alphabetic() {
                    letters += 1;
                    if c.is_uppercase() {
                        uppers += 1;
                    }
                    if first_alpha_upper.is_none() {
                        first_alpha_upper = Some(c.is_uppercase());
                    }
                } else if c.is_numeric() {
                    digits += 1;
                }
                end = pos + c.len_utf8();
                continue;
            }
            // Connectors that stay inside a word when a word character follows.
            let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            let prev = text[..pos].chars().next_back().unwrap_or(' ');
            let next = chars.peek().map(|&(_, n)| n).unwrap_or(' ');
            let decimal = prev.is_ascii_digit() && next.is_ascii_digit();
            let connector = match c {
                '-' | '‑' | '&' => next_is_word && end > start,
                '\'' | '’' => next_is_word,
                // U.S., a.m., 3.5, 10,000: only between short segments or digits.
                '.' | ',' => {
                    next_is_word
                        && (decimal
                            || (c == '.' && segment_len(&text[start..pos]) <= 2 && letters > 0))
                }
                _ => false,
            };
            if connector {
                // A decimal point makes no abbreviation: "$9.40." ends a sentence.
                if c == '.' && !decimal {
                    has_inner_period = true;
                }
                end = pos + c.len_utf8();
                continue;
            }
            break;
        }
        // ’n’: an elided word closed by a second apostrophe.
        if is_apostrophe(text[start..].chars().next().unwrap_or(' '))
            && let Some(c) = text[end..].chars().next()
            && is_apostrophe(c)
            && !text[end + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
        {
            end += c.len_utf8();
        }
        // A trailing period belongs to abbreviations, initials and dotted acronyms.
        if text[end..].starts_with('.') {
            // The last hyphenated part decides: "I-Vt." ends in the abbreviation "Vt.".
            let part_start = text[start..end].rfind('-').map_or(start, |h| start + h + 1);
            let candidate = &text[part_start..end + 1];
            let info = lexicon().word(candidate);
            let initial = letters == 1 && uppers == 1 && digits == 0;
            if info.is(class::ABBREV_TITLE | class::ABBREV_OTHER) || initial || has_inner_period {
                end += 1;
            }
        }
        let mut flags = 0;
        if first_alpha_upper == Some(true) {
            flags |= flag::CAPITALIZED;
        }
        if letters >= 2 && uppers == letters {
            flags |= flag::ALL_CAPS;
        }
        let kind = if digits > 0 && letters == 0 {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        // Split a clitic off the end: Russia’s → Russia ’s, don’t → do n’t.
        if kind == TokenKind::Word
            && let Some(split) = clitic_split(&text[start..end])
            && split > 0
        {
            self.push(start, start + split, TokenKind::Word, flags);
            self.push(start + split, end, TokenKind::Clitic, 0);
            return end;
        }
        self.push(start, end, kind, flags);
        end
    }

    fn punct(&mut self, start: usize, c: char) -> usize {
        let mut end = start + c.len_utf8();
        // Runs of the same dot or dash character are one token ("...", "--").
        if matches!(c, '.' | '-' | '—' | '–' | '!' | '?') {
            while self.text[end..].starts_with(c) {
                end += c.len_utf8();
            }
        }
        self.push(start, end, TokenKind::Punct, 0);
        end
    }
}

/// Length in chars of the last dot-separated segment of a word.
fn segment_len(word: &str) -> usize {
    word.rsplit(['.', '-'])
        .next()
        .map_or(0, |s| s.chars().count())
}

/// Byte index where a clitic starts in `word`, if it ends with one.
fn clitic_split(word: &str) -> Option<usize> {
    // Most words have no apostrophe at all: check before anything else.
    let apostrophe_at = word.rfind(['’', '\''])?;
    let alen = word[apostrophe_at..]
        .chars()
        .next()
        .map_or(1, char::len_utf8);
    let after = &word[apostrophe_at + alen..];
    if apostrophe_at == 0 {
        return None;
    }
    // n’t: split before the n (do n’t, could n’t).
    if after.eq_ignore_ascii_case("t") && word[..apostrophe_at].ends_with(['n', 'N']) {
        let at = apostrophe_at - 1;
        return (at > 0).then_some(at);
    }
    CLITICS
        .iter()
        .any(|c| after.eq_ignore_ascii_case(c))
        .then_some(apostrophe_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).0.iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn splits_clitics_and_keeps_abbreviations() {
        assert_eq!(
            words("Russia’s Sen. Smith didn’t go to the U.S. on Jan. 5."),
            [
                "Russia", "’s", "Sen.", "Smith", "did", "n’t", "go", "to", "the", "U.S.", "on",
                "Jan.", "5", "."
            ]
        );
    }

    #[test]
    fn apostrophes_that_open_words() {
        assert_eq!(
            words("the ’90s and rock ’n’ roll"),
            ["the", "’90s", "and", "rock", "’n’", "roll"]
        );
        assert_eq!(
            words("the States’ rejection"),
            ["the", "States", "’", "rejection"]
        );
    }

    #[test]
    fn numbers_hyphens_and_initials() {
        assert_eq!(
            words("about 120,000 military-technical J. Smith (I-Vt.)"),
            [
                "about",
                "120,000",
                "military-technical",
                "J.",
                "Smith",
                "(",
                "I-Vt.",
                ")"
            ]
        );
    }

    #[test]
    fn a_decimal_number_leaves_the_full_stop_after_it() {
        assert_eq!(
            words("It cost $9.40. Staff paid 3.5 in the U.S. today."),
            [
                "It", "cost", "$", "9.40", ".", "Staff", "paid", "3.5", "in", "the", "U.S.",
                "today", "."
            ]
        );
    }

    #[test]
    fn paragraphs_and_blank_lines() {
        let text = "Title here\n\nFirst para.\nSecond para.";
        let (tokens, paras) = tokenize(text);
        assert_eq!(paras.len(), 3);
        assert!(paras[0].blank_after);
        assert!(!paras[1].blank_after);
        assert_eq!(&text[paras[2].start..paras[2].end], "Second para.");
        assert!(tokens[paras[1].first_token].has(flag::PARA_START));
    }

    #[test]
    fn doubled_single_marks_are_double_quotes() {
        let (tokens, _) = tokenize("''It's late,'' he said. ``Yes''");
        let marks: Vec<Mark> = tokens
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(m) => Some(m),
                _ => None,
            })
            .collect();
        assert_eq!(
            marks,
            [
                Mark::DoubleStraight,
                Mark::DoubleStraight,
                Mark::DoubleLeft,
                Mark::DoubleStraight
            ]
        );
    }

    #[test]
    fn quote_marks_are_tokens() {
        let (tokens, _) = tokenize("“Yes,” he said. «Oui» 'no'");
        let marks: Vec<Mark> = tokens
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(m) => Some(m),
                _ => None,
            })
            .collect();
        assert_eq!(
            marks,
            [
                Mark::DoubleLeft,
                Mark::DoubleRight,
                Mark::DoubleLeft,
                Mark::DoubleRight,
                Mark::SingleStraight,
                Mark::SingleStraight
            ]
        );
    }
}
