//! Bytes to text: the page's character encoding from its byte-order mark, its
//! `<meta charset>` / `http-equiv` declaration or its XML declaration, decoded
//! with `encoding_rs`.
//!
//! The declaration is found by a small byte scanner over the first few
//! kilobytes, in the spirit of the HTML standard's "prescan": it walks tags and
//! their attributes (skipping comments) and reads the charset of the first
//! `<meta>` that names one. Without a declaration the bytes are taken as UTF-8
//! when they are valid UTF-8 and as windows-1252 otherwise.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for. The standard says
/// 1024 bytes; real pages often put it later, after long comments or scripts.
const PRESCAN_LIMIT: usize = 16 * 1024;

/// Decodes a saved page to text (see the module doc for how the encoding is chosen).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let declared = declared_encoding(&bytes[..bytes.len().min(PRESCAN_LIMIT)]);
    match declared {
        Some(enc) if enc != UTF_8 => enc.decode_without_bom_handling(bytes).0.into_owned(),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            // Declared UTF-8 with a few bad bytes: keep the rest intact.
            Err(_) if declared.is_some() => String::from_utf8_lossy(bytes).into_owned(),
            Err(_) => WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    }
}

/// The encoding named by the page itself, if any. UTF-16 labels are taken as
/// UTF-8, as browsers do (a page that really is UTF-16 carries a BOM).
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let enc = xml_declaration(head).or_else(|| meta_declaration(head))?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    // `x-user-defined` and `replacement` are never what a saved page means.
    if enc == encoding_rs::REPLACEMENT || enc == encoding_rs::X_USER_DEFINED {
        return None;
    }
    Some(enc)
}

/// `<?xml version="1.0" encoding="...">` at the very start.
fn xml_declaration(head: &[u8]) -> Option<&'static Encoding> {
    let rest = head.strip_prefix(b"<?xml")?;
    let end = find(rest, b"?>")?;
    let decl = &rest[..end];
    let at = find_ci(decl, b"encoding")?;
    let value = attr_value_after_eq(&decl[at + 8..])?;
    Encoding::for_label(value)
}

/// Walks the tags of `head` and returns the charset of the first `<meta>` that
/// declares one (`charset=` or `http-equiv=content-type` + `content=`).
fn meta_declaration(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < head.len() {
        let Some(lt) = memchr(b'<', &head[i..]) else {
            break;
        };
        i += lt;
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            i += find(&rest[4..], b"-->").map_or(head.len(), |e| 4 + e + 3);
            continue;
        }
        if rest.len() > 5 && rest[1..5].eq_ignore_ascii_case(b"meta") && is_space_or_slash(rest[5])
        {
            let (attrs, used) = parse_attributes(&rest[5..]);
            i += 5 + used;
            if let Some(enc) = charset_from_meta(&attrs) {
                return Some(enc);
            }
            continue;
        }
        // Any other tag: skip its name and attributes so `<` inside attribute
        // values is not taken for a tag.
        if rest.len() > 1 && (rest[1].is_ascii_alphabetic() || rest[1] == b'/') {
            let name_end = rest[1..]
                .iter()
                .position(|&b| is_space_or_slash(b) || b == b'>')
                .map_or(rest.len(), |p| p + 1);
            let (_, used) = parse_attributes(&rest[name_end..]);
            i += name_end + used;
            continue;
        }
        i += 1;
    }
    None
}

fn charset_from_meta(attrs: &[Attr]) -> Option<&'static Encoding> {
    let get = |name: &[u8]| {
        attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    };
    if let Some(cs) = get(b"charset") {
        return Encoding::for_label(trim(cs));
    }
    let content_type =
        get(b"http-equiv").is_some_and(|v| trim(v).eq_ignore_ascii_case(b"content-type"));
    if content_type {
        let content = get(b"content")?;
        let at = find_ci(content, b"charset")?;
        let value = attr_value_after_eq(&content[at + 7..])?;
        return Encoding::for_label(value);
    }
    None
}

/// An attribute: lower-cased name, raw value.
type Attr = (Vec<u8>, Vec<u8>);

/// Reads attributes up to the closing `>`; returns them (names lower-cased) and
/// the number of bytes consumed, `>` included.
fn parse_attributes(s: &[u8]) -> (Vec<Attr>, usize) {
    let mut attrs = Vec::new();
    let mut i = 0;
    loop {
        while i < s.len() && (is_space_or_slash(s[i])) {
            i += 1;
        }
        if i >= s.len() {
            return (attrs, i);
        }
        if s[i] == b'>' {
            return (attrs, i + 1);
        }
        let start = i;
        while i < s.len() && !is_space_or_slash(s[i]) && s[i] != b'=' && s[i] != b'>' {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = Vec::new();
        if i < s.len() && s[i] == b'=' {
            i += 1;
            while i < s.len() && s[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < s.len() && (s[i] == b'"' || s[i] == b'\'') {
                let q = s[i];
                i += 1;
                let vstart = i;
                while i < s.len() && s[i] != q {
                    i += 1;
                }
                value.extend_from_slice(&s[vstart..i]);
                i = (i + 1).min(s.len());
            } else {
                let vstart = i;
                while i < s.len() && !s[i].is_ascii_whitespace() && s[i] != b'>' {
                    i += 1;
                }
                value.extend_from_slice(&s[vstart..i]);
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

/// After a keyword: optional spaces, `=`, optional spaces, then a quoted or bare value.
fn attr_value_after_eq(s: &[u8]) -> Option<&[u8]> {
    let s = trim_start(s);
    let s = trim_start(s.strip_prefix(b"=")?);
    let (q, body) = match s.first()? {
        b'"' | b'\'' => (Some(s[0]), &s[1..]),
        _ => (None, s),
    };
    let end = body
        .iter()
        .position(|&b| match q {
            Some(q) => b == q,
            None => b.is_ascii_whitespace() || b == b';' || b == b'"' || b == b'\'' || b == b'?',
        })
        .unwrap_or(body.len());
    let value = trim(&body[..end]);
    (!value.is_empty()).then_some(value)
}

fn is_space_or_slash(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'/'
}

fn trim_start(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    &s[start..]
}

fn trim(s: &[u8]) -> &[u8] {
    let s = trim_start(s);
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |p| p + 1);
    &s[..end]
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(
            declared_encoding(b"<html><head><meta charset=\"ISO-8859-1\">"),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            declared_encoding(
                b"<meta http-equiv='Content-Type' content='text/html; charset=shift_jis'>"
            ),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(
            declared_encoding(b"<!-- <meta charset=koi8-r> --><p>"),
            None
        );
        assert_eq!(
            declared_encoding(b"<div title='<meta charset=koi8-r>'><meta charset=utf-8>"),
            Some(UTF_8)
        );
        assert_eq!(declared_encoding(b"<meta charset=utf-16le>"), Some(UTF_8));
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><html>"),
            Some(encoding_rs::WINDOWS_1251)
        );
    }

    #[test]
    fn fallbacks() {
        assert_eq!(decode("caf\u{e9}".as_bytes()), "caf\u{e9}");
        assert_eq!(
            decode(b"caf\xe9 \x93quoted\x94"),
            "caf\u{e9} \u{201c}quoted\u{201d}"
        );
        assert_eq!(decode(b"\xef\xbb\xbfok"), "ok");
        assert_eq!(decode(b""), "");
        assert_eq!(
            decode(b"<meta charset=\"utf-8\">a\xffb"),
            "<meta charset=\"utf-8\">a\u{fffd}b"
        );
    }
}
