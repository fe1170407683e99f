//! Bytes to text: byte-order marks, UTF-8, UTF-16, and Windows-1252 / Latin-1
//! for older files; binary files are recognised and refused with their kind.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::fmt;

/// Magic numbers of binary formats people point text tools at by mistake.
const SIGNATURES: [(&[u8], &str); 14] = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\x00", "an xz archive"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7FELF", "an executable"),
    (b"\xD0\xCF\x11\xE0", "an old Office document"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
];

/// What kind of binary file this is, if it is one.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(kind);
    }
    if bytes.len() > 8 && &bytes[4..8] == b"ftyp" {
        return Some("a media file");
    }
    if bytes.starts_with(b"ID3") {
        return Some("an audio file");
    }
    None
}

/// Why bytes are not text in any encoding [`decode_text`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// A UTF-8 byte-order mark, then bytes that are not UTF-8.
    BadUtf8AfterBom,
    /// A binary format of a known kind ("a PDF document"; see [`binary_kind`]).
    LooksLike(&'static str),
    /// Zero bytes, and not in the pattern of UTF-16.
    Binary,
    /// Not UTF-8, and bytes that Windows-1252 leaves undefined or many control
    /// characters.
    NotLatin,
    /// Not UTF-8, and too many bytes over 127 for text in Windows-1252.
    TooManyHighBytes,
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotText::BadUtf8AfterBom => f.write_str("invalid UTF-8 after a UTF-8 byte-order mark"),
            NotText::LooksLike(kind) => write!(f, "not a text file: looks like {kind}"),
            NotText::Binary => f.write_str("not a text file: binary data"),
            NotText::NotLatin => f.write_str(
                "not a text file: invalid UTF-8, and not Windows-1252 or Latin-1 either",
            ),
            NotText::TooManyHighBytes => f.write_str(
                "not a text file: invalid UTF-8, and too many non-ASCII bytes for Windows-1252",
            ),
        }
    }
}

impl std::error::Error for NotText {}

/// Decodes a text file. Fails, with a reason a user understands, on binary data
/// and on bytes that no supported encoding explains.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|_| NotText::BadUtf8AfterBom);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Ok(UTF_16LE.decode_with_bom_removal(&bytes).0.into_owned());
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Ok(UTF_16BE.decode_with_bom_removal(&bytes).0.into_owned());
    }
    if let Some(kind) = binary_kind(&bytes) {
        return Err(NotText::LooksLike(kind));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        // UTF-16 without a byte-order mark has a zero in every other byte.
        let zeros_at = |parity: usize| {
            head.iter()
                .skip(parity)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count()
        };
        let half = head.len() / 2;
        if zeros_at(1) * 10 > half * 8 {
            return Ok(UTF_16LE.decode_without_bom_handling(&bytes).0.into_owned());
        }
        if zeros_at(0) * 10 > half * 8 {
            return Ok(UTF_16BE.decode_without_bom_handling(&bytes).0.into_owned());
        }
        return Err(NotText::Binary);
    }
    // Valid UTF-8 (nearly every input) becomes the text without a copy.
    String::from_utf8(bytes).or_else(|e| decode_legacy(e.as_bytes()))
}

/// Windows-1252, which covers Latin-1's printable range. Bytes it leaves
/// undefined, or many control characters, mean the file is not text in any
/// encoding we know.
fn decode_legacy(bytes: &[u8]) -> Result<String, NotText> {
    let undefined = bytes
        .iter()
        .filter(|&&b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
        .count();
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if undefined > 0 || controls * 100 > bytes.len() {
        return Err(NotText::NotLatin);
    }
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    // Text in a legacy encoding is mostly ASCII with accents here and there.
    if high * 3 > bytes.len() {
        return Err(NotText::TooManyHighBytes);
    }
    Ok(WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned())
}

/// Line ends as `\n`: CRLF and lone CR become LF.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode_text("Zoë said “yes.”".as_bytes().to_vec()).unwrap(),
            "Zoë said “yes.”"
        );
        assert_eq!(decode_text(b"\xEF\xBB\xBFplain".to_vec()).unwrap(), "plain");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Zoë".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(le).unwrap(), "Zoë");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Zoë".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_text(be).unwrap(), "Zoë");
    }

    #[test]
    fn windows_1252_and_latin1() {
        // “Café” in Windows-1252: curly quotes are 0x93 and 0x94, é is 0xE9.
        assert_eq!(
            decode_text(b"\x93Caf\xE9,\x94 she said.".to_vec()).unwrap(),
            "“Café,” she said."
        );
        assert_eq!(
            decode_text(b"Dvor\xE1k and M\xFCller".to_vec()).unwrap(),
            "Dvorák and Müller"
        );
    }

    #[test]
    fn binary_files_are_named() {
        assert_eq!(
            decode_text(b"%PDF-1.7\n...".to_vec())
                .unwrap_err()
                .to_string(),
            "not a text file: looks like a PDF document"
        );
        assert_eq!(
            decode_text(b"\x89PNG\r\n\x1a\n".to_vec()).unwrap_err(),
            NotText::LooksLike("a PNG image")
        );
        assert_eq!(
            decode_text(b"abc\x00\x01\x02def\x00".to_vec())
                .unwrap_err()
                .to_string(),
            "not a text file: binary data"
        );
        assert_eq!(
            decode_text(vec![0x81, 0x82, 0x83, 0xC0, 0xC1]).unwrap_err(),
            NotText::NotLatin
        );
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFok \xC0".to_vec())
                .unwrap_err()
                .to_string(),
            "invalid UTF-8 after a UTF-8 byte-order mark"
        );
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n".to_string()), "a\nb\nc\n");
    }
}
