//! Text from articles made safe to print on a terminal.
//!
//! Articles are untrusted: an ESC or C1 byte printed raw would let the text drive
//! the terminal, and bidi overrides would reorder what the reader sees. One rule
//! ([`shown`]) covers every output meant for people, whatever it is connected
//! to: the reader draws every article string through [`sanitize_into`]; the text
//! listing, the Markdown note (printed or written by the reader), the line the
//! reader copies to the clipboard and the error messages put every article
//! string (titles, names, roles, statements, file names) through [`inline`].
//! C0 controls show as their Unicode control pictures (ESC as `␛`), C1 controls
//! and bidi embeddings, overrides and isolates as `�`; invisible bidi marks go.
//! JSON keeps the text exact: [`JsonFormatter`] writes those characters as
//! `\u` escapes, so a JSON document shown on a terminal cannot drive it either.

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

/// Whether `c` is a zero-width joiner or non-joiner.
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

/// Whether a joiner after `prev` does a joiner's work: after an emoji or a
/// letter of a script that joins (Arabic, Indic…). After a Latin, Greek or
/// Cyrillic letter, punctuation or a space it only hides in a word (`Ru`ZWJ`iz`
/// shows as `Ruiz`), and terminals that join the letters around it would draw
/// the rest of the line a cell off: it is not drawn.
#[inline]
fn joiner_works(prev: Option<char>) -> bool {
    prev.is_some_and(|c| {
        c >= '\u{0530}' && !c.is_whitespace() && !('\u{2000}'..='\u{206f}').contains(&c)
    })
}

/// Whether `s` is drawn exactly as it is: every char kept, no idle joiner.
pub fn shows_as_is(s: &str) -> bool {
    let mut prev = None;
    for c in s.chars() {
        if shown(c) != Shown::Keep || (is_joiner(c) && !joiner_works(prev)) {
            return false;
        }
        prev = Some(c);
    }
    true
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
    let mut prev = None;
    for c in s.chars() {
        if is_joiner(c) && !joiner_works(prev) {
            continue;
        }
        match shown(c) {
            Shown::Keep => out.push(c),
            Shown::As(d) => out.push(d),
            Shown::Drop => {}
        }
        prev = Some(c);
    }
}

/// `s` as it will be shown, with each run of whitespace (line breaks included)
/// shown as one space: for text taken out of its paragraphs.
pub fn sanitize_collapsed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut prev = None;
    for c in s.chars() {
        if is_joiner(c) && !joiner_works(prev) {
            continue;
        }
        prev = Some(c);
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

/// Whether `s` needs no work to be shown on one line: no control, bidi control
/// or white space other than single spaces.
fn inline_as_is(s: &str) -> bool {
    if s.bytes().all(plain_ascii) {
        return !s.contains("  ");
    }
    let mut space = false;
    let mut prev = None;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || space {
                return false;
            }
            space = true;
        } else {
            if shown(c) != Shown::Keep || (is_joiner(c) && !joiner_works(prev)) {
                return false;
            }
            space = false;
        }
        prev = Some(c);
    }
    true
}

/// An article string on one line of human-facing output (text listing, note,
/// clipboard, file names): every run of white space (line breaks included) one
/// space, controls shown, not obeyed. Borrowed when nothing changes.
pub fn inline(s: &str) -> Cow<'_, str> {
    if inline_as_is(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(sanitize_collapsed(s))
    }
}

/// Whether any character of `s` could drive a terminal or reorder its line:
/// what no human-facing output may contain.
pub fn has_controls(s: &str) -> bool {
    s.chars()
        .any(|c| !matches!(c, '\n' | ' ') && matches!(shown(c), Shown::As(_) | Shown::Drop))
}

/// Writes JSON as serde_json's compact formatter does, with DEL, the C1
/// controls and the bidi controls also written as `\u` escapes (serde_json
/// escapes the C0 controls itself). The document means the same; printed on a
/// terminal, it cannot drive it.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonFormatter;

/// Whether a char is escaped by [`JsonFormatter`].
fn json_escaped(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}')
        || matches!(shown(c), Shown::Drop)
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

impl serde_json::ser::Formatter for JsonFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Every escaped char starts with one of these bytes: DEL, C2 (C1
        // controls), D8 (U+061C), E2 (U+200E.., U+202A.., U+2066..).
        // Each is a character's first byte, so only the characters there are
        // decoded (curly quotes start with E2 too, and are in most strings).
        let bytes = fragment.as_bytes();
        let suspect = |b: &u8| matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2);
        let mut from = 0;
        let mut at = 0;
        while let Some(found) = bytes[at..].iter().position(suspect) {
            at += found;
            let c = fragment[at..].chars().next().unwrap_or_default();
            if json_escaped(c) {
                writer.write_all(&bytes[from..at])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                from = at + c.len_utf8();
            }
            at += 1;
        }
        writer.write_all(&bytes[from..])
    }
}

/// `value` as compact JSON through [`JsonFormatter`].
pub fn write_json<W: std::io::Write>(
    writer: W,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, JsonFormatter);
    value.serialize(&mut ser).map_err(std::io::Error::from)
}

/// `value` as compact JSON through [`JsonFormatter`], in a string.
pub fn json_string(value: &impl serde::Serialize) -> String {
    let mut out = Vec::new();
    // Writing to a Vec fails only if serialising does, which our types never do.
    let _ = write_json(&mut out, value);
    String::from_utf8(out).unwrap_or_default()
}

use std::borrow::Cow;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_strings_are_one_safe_line() {
        assert!(matches!(inline("Ana Ruiz"), Cow::Borrowed(_)));
        assert!(matches!(inline("Zoë “quoted” 👩‍👩‍👧"), Cow::Borrowed(_)));
        assert_eq!(inline("a\n\n## b\t c"), "a ## b c");
        assert_eq!(inline("x\u{1b}]52;c;aGk=\u{7}y"), "x␛]52;c;aGk=␇y");
        assert_eq!(inline("\u{9b}2J\u{202e}abc\u{200f}"), "�2J�abc");
        assert!(!has_controls(&inline("a\u{1b}[2J\u{85}\u{2066}b")));
        assert!(has_controls("a\u{202e}b") && has_controls("\u{7f}") && !has_controls("a\nb"));
    }

    #[test]
    fn json_escapes_what_could_drive_a_terminal() {
        let text = "a\u{1b}[2J b\u{9b}c \u{202e}d\u{7f} “e”";
        let json = json_string(&text);
        assert_eq!(json, r#""a\u001b[2J b\u009bc \u202ed\u007f “e”""#);
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, text);
        assert_eq!(json_string(&"plain é"), r#""plain é""#);
    }

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(sanitize("a\u{1b}]0;title\u{7}b"), "a␛]0;title␇b");
        assert_eq!(sanitize("x\u{9b}2Jy\u{202e}z"), "x�2Jy�z");
        assert_eq!(sanitize_lines("one\u{1b}[2J\ntwo"), "one␛[2J\ntwo");
        assert_eq!(sanitize("Zoë “quoted” 中文 👩‍👩‍👧"), "Zoë “quoted” 中文 👩‍👩‍👧");
    }

    #[test]
    fn idle_joiners_are_not_drawn() {
        assert_eq!(sanitize("Ana Ru\u{200d}iz \u{200c}x"), "Ana Ruiz x");
        assert_eq!(sanitize_collapsed("Ru\u{200d}iz\n\u{200d}b"), "Ruiz b");
        assert_eq!(inline("Ru\u{200d}iz"), "Ruiz");
        // Emoji sequences and joining scripts keep theirs.
        let kept = "👩\u{200d}👩\u{200d}👧 \u{645}\u{200c}\u{627} \u{915}\u{94d}\u{200d}";
        assert_eq!(sanitize(kept), kept);
        assert!(shows_as_is(kept) && !shows_as_is("u\u{200d}"));
    }
}
