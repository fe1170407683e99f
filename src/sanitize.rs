//! Text from articles made safe to print on a terminal.
//!
//! Articles are untrusted: an ESC or C1 byte printed raw would let the text drive
//! the terminal, and bidi overrides would reorder what the reader sees. The
//! reader draws every article string through [`sanitize_into`]; `briefing
//! extract --format text` on a terminal and the error messages do the same.

/// What a character of the article becomes on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Drawn as it is.
    Keep,
    /// Drawn as another character.
    As(char),
    /// Not drawn at all.
    Drop,
}

/// How one character is shown.
#[inline]
pub fn shown(c: char) -> Shown {
    match c {
        ' ' => Shown::Keep,
        // Any other spacing (tabs, line and paragraph separators) is one column.
        '\t' | '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Shown::As(' ')
        }
        // C0 controls become their Unicode control pictures: ESC shows as ␛.
        '\0'..='\u{1f}' => Shown::As(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => Shown::As('\u{2421}'),
        // C1 controls (CSI 0x9b among them) can start escape sequences.
        '\u{80}'..='\u{9f}' => Shown::As('\u{fffd}'),
        // Bidi embeddings, overrides and isolates would reorder the screen.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Shown::As('\u{fffd}'),
        // Invisible marks that only matter to bidi layout.
        '\u{200e}' | '\u{200f}' | '\u{061c}' => Shown::Drop,
        _ => Shown::Keep,
    }
}

/// Whether `b` is a printable ASCII byte, which needs no work at all.
#[inline]
pub(crate) fn plain_ascii(b: u8) -> bool {
    (0x20..0x7f).contains(&b)
}

/// Appends `s` to `out` as it will be shown.
pub fn sanitize_into(out: &mut String, s: &str) {
    if s.bytes().all(plain_ascii) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match shown(c) {
            Shown::Keep => out.push(c),
            Shown::As(d) => out.push(d),
            Shown::Drop => {}
        }
    }
}

/// `s` as it will be shown, with each run of whitespace (line breaks included)
/// shown as one space: for text taken out of its paragraphs.
pub fn sanitize_collapsed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match shown(c) {
            Shown::Keep => out.push(c),
            Shown::As(d) => out.push(d),
            Shown::Drop => {}
        }
    }
    out
}

/// `s` as it will be shown.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    sanitize_into(&mut out, s);
    out
}

/// A multi-line text as shown: each line sanitised, the line breaks kept.
pub fn sanitize_lines(s: &str) -> String {
    s.split('\n').map(sanitize).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(sanitize("a\u{1b}]0;title\u{7}b"), "a␛]0;title␇b");
        assert_eq!(sanitize("x\u{9b}2Jy\u{202e}z"), "x�2Jy�z");
        assert_eq!(sanitize_lines("one\u{1b}[2J\ntwo"), "one␛[2J\ntwo");
        assert_eq!(sanitize("Zoë “quoted” 中文 👩‍👩‍👧"), "Zoë “quoted” 中文 👩‍👩‍👧");
    }
}
