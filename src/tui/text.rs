//! Article text made safe and measurable for a terminal.
//!
//! Articles are untrusted: an ESC or C1 byte drawn raw would let the text drive the
//! terminal, and bidi overrides would reorder what the reader sees. Every string the
//! reader draws from an article goes through [`sanitize_into`], and every width the
//! wrapper computes goes through [`display_width`], which measures the *sanitised*
//! text grapheme by grapheme exactly as ratatui's buffer does. One routine for both
//! keeps wrapping and drawing on the same columns.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use crate::sanitize::plain_ascii;
pub use crate::sanitize::{Shown, sanitize, sanitize_collapsed, sanitize_into, shown};

/// "1 article", "3 articles": a count with its noun.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Whether `c` is a character that is always a grapheme of its own, one column
/// wide and safe to show: printable ASCII, Latin-1 and Latin Extended-A letters,
/// and the common punctuation of news text (’ “ ” — …). Text made only of these
/// is measured and drawn char by char, without grapheme segmentation.
#[inline]
pub fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a1}'..='\u{ac}' | '\u{ae}'..='\u{17f}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// Whether every character of `s` is [`is_simple`].
#[inline]
pub fn all_simple(s: &str) -> bool {
    s.bytes().all(plain_ascii) || s.chars().all(is_simple)
}

/// Columns one grapheme of article text takes once shown.
fn grapheme_width(g: &str) -> usize {
    if crate::sanitize::shows_as_is(g) {
        g.cell_width() as usize
    } else {
        let clean = sanitize(g);
        if clean.is_empty() {
            0
        } else {
            clean.cell_width() as usize
        }
    }
}

/// Columns `s` takes once shown: the sum of its graphemes' widths.
pub fn display_width(s: &str) -> usize {
    if s.bytes().all(plain_ascii) {
        return s.len();
    }
    if s.chars().all(is_simple) {
        return s.chars().count();
    }
    let mut width = 0;
    for_each_grapheme(s, |_, _, w| {
        width += w;
        true
    });
    width
}

/// Whether `c` is an emoji skin-tone modifier (U+1F3FB to U+1F3FF).
#[inline]
pub fn is_skin_tone(c: char) -> bool {
    ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

/// Calls `f(byte offset, piece)` for the pieces of grapheme `g` the reader
/// draws in cells of their own: a skin-tone modifier after an emoji starts one
/// (with what the grapheme rules join to it). Terminals disagree on the width
/// of an emoji with its modifier: 2 columns, or 4 where they draw the modifier
/// apart (tmux does); drawn in one 2-column cell, the modifier is covered by
/// the next cell where the terminal takes 4. Drawn in its own cell, after a
/// cursor move, it shows in every terminal: joined to the emoji, or as its
/// swatch beside it.
fn skin_tone_pieces(g: &str, mut f: impl FnMut(usize, &str) -> bool) -> bool {
    let mut start = 0;
    let cuts = g
        .char_indices()
        .skip(1)
        .filter(|&(_, c)| is_skin_tone(c))
        .map(|(i, _)| i)
        .chain(std::iter::once(g.len()));
    for cut in cuts {
        let part = &g[start..cut];
        if start == 0 {
            if !f(0, part) {
                return false;
            }
        } else {
            // A part that starts with a modifier may be several graphemes.
            for (i, sub) in part.grapheme_indices(true) {
                if !f(start + i, sub) {
                    return false;
                }
            }
        }
        start = cut;
    }
    true
}

/// Calls `f(byte_offset, grapheme, width)` for each grapheme of `s`, as the
/// reader draws them (see [`skin_tone_pieces`]).
pub fn for_each_grapheme(s: &str, mut f: impl FnMut(usize, &str, usize) -> bool) {
    if s.bytes().all(plain_ascii) {
        for i in 0..s.len() {
            if !f(i, &s[i..i + 1], 1) {
                return;
            }
        }
        return;
    }
    if s.chars().all(is_simple) {
        for (i, c) in s.char_indices() {
            if !f(i, &s[i..i + c.len_utf8()], 1) {
                return;
            }
        }
        return;
    }
    for (i, g) in s.grapheme_indices(true) {
        let go_on = if g.chars().skip(1).any(is_skin_tone) {
            skin_tone_pieces(g, |j, piece| f(i + j, piece, grapheme_width(piece)))
        } else {
            f(i, g, grapheme_width(g))
        };
        if !go_on {
            return;
        }
    }
}

/// The longest prefix of `s` that fits in `width` columns: its byte length and width.
pub fn fit_prefix(s: &str, width: usize) -> (usize, usize) {
    let mut end = 0;
    let mut used = 0;
    for_each_grapheme(s, |i, g, w| {
        if used + w > width {
            return false;
        }
        used += w;
        end = i + g.len();
        true
    });
    (end, used)
}

/// `s` cut to `width` columns, with `…` when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return sanitize(s);
    }
    if width == 0 {
        return String::new();
    }
    let (end, _) = fit_prefix(s, width - 1);
    let mut out = sanitize(&s[..end]);
    out.push('…');
    out
}

/// `s` cut to `width` columns in the middle, with `…` where it was cut: its
/// first third and its end show, for notices whose ends both say something
/// ("note written to …/briefing-20240229-123456.md (6 statements)").
pub fn truncate_middle(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return sanitize(s);
    }
    if width < 8 {
        return truncate(s, width);
    }
    let head = width / 3;
    let (end, used) = fit_prefix(s, head);
    let mut out = sanitize(&s[..end]);
    out.push_str(&truncate_start(&s[end..], width - used));
    out
}

/// `s` cut to its last `width` columns, with `…` in front when something was
/// cut: for paths, whose end says most.
pub fn truncate_start(s: &str, width: usize) -> String {
    let total = display_width(s);
    if total <= width {
        return sanitize(s);
    }
    if width == 0 {
        return String::new();
    }
    // Skip graphemes until what is left fits after the `…`.
    let mut skip = total;
    let mut start = s.len();
    for_each_grapheme(s, |i, _, w| {
        if skip < width {
            start = i;
            return false;
        }
        skip -= w;
        true
    });
    let mut out = String::from("…");
    out.push_str(&sanitize(&s[start..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let s = sanitize("a\x1b[2Jb\u{9b}c");
        assert_eq!(s, "a␛[2Jb\u{fffd}c");
        assert!(!s.chars().any(|c| c.is_control()));
        assert_eq!(display_width("a\x1b[2Jb"), 6);
    }

    #[test]
    fn collapsed_text_has_single_spaces() {
        assert_eq!(sanitize_collapsed("a.\n\n“b\t c"), "a. “b c");
    }

    #[test]
    fn widths_follow_graphemes() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("\u{202e}x"), 2);
        // An emoji and its skin tone take a cell each (see skin_tone_pieces).
        assert_eq!(display_width("👍🏽"), 4);
        assert_eq!(display_width("a👍🏽b"), 6);
        assert_eq!(display_width("\u{200f}x"), 1);
        assert_eq!(display_width("Ru\u{200d}iz"), 4);
        assert_eq!(
            display_width("👩\u{200d}👩\u{200d}👧"),
            "👩\u{200d}👩\u{200d}👧".cell_width() as usize
        );
    }

    #[test]
    fn simple_characters_are_one_column_graphemes() {
        for c in (' '..='\u{17f}')
            .chain('\u{2010}'..='\u{205e}')
            .filter(|&c| is_simple(c))
        {
            let s = c.to_string();
            assert_eq!(s.cell_width(), 1, "{c:?}");
            assert_eq!(s.graphemes(true).count(), 1);
            assert_eq!(shown(c), Shown::Keep, "{c:?}");
        }
        assert_eq!(display_width("“it’s — fine…”"), 14);
        assert!(!all_simple("e\u{301}"));
    }

    #[test]
    fn truncation_respects_wide_chars() {
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(fit_prefix("日本語", 3), (3, 2));
        assert_eq!(truncate_start("dir/story.txt", 8), "…ory.txt");
        assert_eq!(truncate_start("日本語", 4), "…語");
        assert_eq!(truncate_start("abc", 3), "abc");
        assert_eq!(truncate_start("abc", 0), "");
        let notice = "note written to /a/very/long/path/to/the/notes/briefing-1.md (6 statements)";
        let cut = truncate_middle(notice, 50);
        assert_eq!(display_width(&cut), 50);
        assert!(cut.starts_with("note written to"), "{cut}");
        assert!(cut.ends_with("briefing-1.md (6 statements)"), "{cut}");
        assert_eq!(truncate_middle("short", 50), "short");
    }
}
