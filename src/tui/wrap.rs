//! Wrapping article text into screen rows that remember where they came from.
//!
//! ratatui's `Paragraph` cannot scroll to a span, so the reader wraps the text itself:
//! each [`Row`] is a byte range of the article, which tells the renderer what to draw
//! and tells the app on which rows every statement lies. The body is wrapped once per
//! text width, never per frame.

use super::text::{Shown, for_each_grapheme, shown};
use crate::Span;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

/// One screen row: the bytes `start..end` of the article. An empty range is the
/// blank row between two paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.start >= self.end
    }
}

/// A word (or a piece of one) with the whitespace after it, for `wrap_first_fit`.
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Whether a line may break at `c` (it is shown as a space).
#[inline]
fn is_break_space(c: char) -> bool {
    c == ' ' || (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// Splits `text[start..end]` into pieces no wider than `width`: words, with a break
/// allowed after every wide (CJK) character and inside words too long for a row.
fn pieces(text: &str, start: usize, end: usize, width: usize, out: &mut Vec<Piece>) {
    out.clear();
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // The word: up to the next break space.
        let word_start = i;
        while i < s.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b == b' ' || b.is_ascii_whitespace() {
                    break;
                }
                i += 1;
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                if is_break_space(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let word_end = i;
        // The whitespace after it.
        let mut space = 0;
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or('x');
            if !is_break_space(c) {
                break;
            }
            space += usize::from(shown(c) != Shown::Drop);
            i += c.len_utf8();
        }
        split_word(s, word_start, word_end, width, start, out);
        if let Some(last) = out.last_mut() {
            last.space = space;
        }
    }
}

/// Adds the word `s[from..to]` as pieces: cut after wide characters and wherever it
/// would overflow `width`.
fn split_word(s: &str, from: usize, to: usize, width: usize, base: usize, out: &mut Vec<Piece>) {
    let word = &s[from..to];
    if word.is_empty() {
        return;
    }
    let width = width.max(1);
    let mut piece_start = 0;
    let mut piece_width = 0;
    for_each_grapheme(word, |i, g, w| {
        if piece_width + w > width && i > piece_start {
            out.push(Piece {
                start: base + from + piece_start,
                end: base + from + i,
                width: piece_width,
                space: 0,
            });
            piece_start = i;
            piece_width = 0;
        }
        piece_width += w;
        // A line may break after a wide character (CJK text has no spaces).
        if w >= 2 {
            out.push(Piece {
                start: base + from + piece_start,
                end: base + from + i + g.len(),
                width: piece_width,
                space: 0,
            });
            piece_start = i + g.len();
            piece_width = 0;
        }
        true
    });
    if piece_start < word.len() {
        out.push(Piece {
            start: base + from + piece_start,
            end: base + to,
            width: piece_width,
            space: 0,
        });
    }
}

/// Reusable scratch space for wrapping.
#[derive(Default)]
pub struct Wrapper {
    pieces: Vec<Piece>,
}

impl Wrapper {
    /// Wraps `text[start..end]` at `width` columns, appending its rows to `rows`.
    /// Leading whitespace is dropped; nothing is appended for blank text.
    pub fn wrap(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        width: usize,
        rows: &mut Vec<Row>,
    ) {
        pieces(text, start, end, width, &mut self.pieces);
        if self.pieces.is_empty() {
            return;
        }
        let widths = [width.max(1) as f64];
        for line in wrap_first_fit(&self.pieces, &widths) {
            if let (Some(first), Some(last)) = (line.first(), line.last()) {
                rows.push(Row {
                    start: first.start,
                    end: last.end,
                });
            }
        }
    }
}

/// The article wrapped at one width, with the rows of every statement.
#[derive(Clone, Debug, Default)]
pub struct WrappedBody {
    /// The text width the rows were wrapped at.
    pub width: usize,
    pub rows: Vec<Row>,
    /// For each statement, its first and last row.
    pub statement_rows: Vec<(usize, usize)>,
}

impl WrappedBody {
    /// Wraps `text` at `width`: one paragraph per line, a blank row between them.
    pub fn new(text: &str, width: usize) -> WrappedBody {
        let mut offset = 0;
        let lines = text.split_inclusive('\n').map(|line| {
            let start = offset;
            offset += line.len();
            start..start + line.trim_end_matches(['\n', '\r']).len()
        });
        WrappedBody::of_paragraphs(text, lines, width)
    }

    /// Wraps the `paragraphs` of `text` (byte ranges, in order; the line breaks
    /// inside one are spaces) at `width`, a blank row between them.
    pub fn of_paragraphs(
        text: &str,
        paragraphs: impl IntoIterator<Item = std::ops::Range<usize>>,
        width: usize,
    ) -> WrappedBody {
        let mut rows = Vec::with_capacity(text.len() / width.max(20) + 16);
        let mut wrapper = Wrapper::default();
        for para in paragraphs {
            let (start, end) = (para.start, para.end);
            if text[start..end].trim().is_empty() {
                continue;
            }
            if !rows.is_empty() {
                rows.push(Row { start, end: start });
            }
            wrapper.wrap(text, start, end, width, &mut rows);
        }
        WrappedBody {
            width,
            rows,
            statement_rows: Vec::new(),
        }
    }

    /// Records on which rows each span lies (spans in text order).
    pub fn place(&mut self, spans: impl Iterator<Item = Span>) {
        self.statement_rows.clear();
        for span in spans {
            let first = self.row_of(span.start);
            let last = self.row_of(span.end.saturating_sub(1).max(span.start));
            self.statement_rows.push((first, last.max(first)));
        }
    }

    /// The row showing byte `pos` (or the last row before it).
    pub fn row_of(&self, pos: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= pos)
            .saturating_sub(1)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::display_width;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        WrappedBody::new(text, width)
            .rows
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn wraps_words_and_keeps_paragraphs() {
        let text = "one two three four\n\n\nfive six";
        assert_eq!(lines(text, 9), ["one two", "three", "four", "", "five six"]);
    }

    #[test]
    fn long_words_and_cjk_break() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let cjk = lines("日本語のテキスト", 6);
        assert_eq!(cjk, ["日本語", "のテキ", "スト"]);
        for l in cjk {
            assert!(display_width(l) <= 6);
        }
    }

    #[test]
    fn rows_never_exceed_width() {
        let text = "Zoë said \u{1b}[31m“ok” 👍🏽 and e\u{301}e\u{301} 中文字符串 end";
        for width in 1..30 {
            for l in lines(text, width) {
                // A lone character wider than the row is the only overflow.
                let lone =
                    unicode_segmentation::UnicodeSegmentation::graphemes(l, true).count() == 1;
                assert!(display_width(l) <= width || lone, "{l:?} at {width}");
            }
        }
    }

    #[test]
    fn a_paragraph_over_several_lines_wraps_as_one() {
        let text = "one two\nthree four\n\nfive";
        let body = WrappedBody::of_paragraphs(text, [0..18, 20..24], 20);
        let rows: Vec<&str> = body.rows.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(rows, ["one two\nthree four", "", "five"]);
    }

    #[test]
    fn statements_land_on_their_rows() {
        let text = "aa bb cc dd\nee ff";
        let mut body = WrappedBody::new(text, 5);
        body.place([Span::new(3, 8), Span::new(12, 17)].into_iter());
        assert_eq!(body.statement_rows, vec![(0, 1), (3, 3)]);
    }
}
