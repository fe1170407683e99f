//! Bounds on a page's markup before it is parsed, so that parsing stays linear.
//!
//! html5ever, like the HTML standard it follows, walks the stack of open
//! elements for many start tags (is a `<p>` in button scope?), and checks each
//! attribute of a tag against the ones before it: a page of 100,000 nested
//! `<div>`s or one tag with 100,000 attributes takes minutes. Browsers cap the
//! depth of the tree (Blink at 512); here one linear pass over the markup does
//! the same before html5ever sees it:
//!
//! * an element opened deeper than [`MAX_OPEN`] elements whose end tags are
//!   required loses its start and end tags (its content stays, in its parent);
//! * a tag keeps its first [`MAX_ATTRIBUTES`] attributes.
//!
//! The pass only counts elements whose end tag is required (`div`, `span`, `b`,
//! `table`…): elements with optional end tags (`p`, `li`, `td`…) are closed by
//! their siblings, and void elements (`br`, `img`…) never open. An end tag
//! closes what the parser would close (everything opened after the element it
//! names) and only when that element is open; a `/>` closes only inside SVG and
//! MathML, as in the parser. Text inside `<script>`, `<style>`, `<textarea>`,
//! `<title>` and the other raw-text elements is not markup, and comments are
//! skipped. Real pages stay far below both bounds and come out unchanged (and
//! borrowed).

use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Elements with required end tags open at once; deeper ones are dissolved.
pub const MAX_OPEN: usize = 512;
/// Attributes kept per tag.
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out: closed by what follows them.
const OPTIONAL_END: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// A tag found in the markup.
struct Tag {
    /// Lower-case name.
    name: String,
    end_tag: bool,
    /// Byte just after the tag's `>` (or the end of the text).
    end: usize,
    /// Byte where the attribute past [`MAX_ATTRIBUTES`] starts, if there is one.
    cut: Option<usize>,
    /// Ends with `/>`.
    self_closing: bool,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Reads the tag whose name starts at `i` (after `<` or `</`).
fn read_tag(bytes: &[u8], mut i: usize, end_tag: bool) -> Tag {
    let start = i;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = String::from_utf8_lossy(&bytes[start..i]).to_ascii_lowercase();
    let mut attributes = 0;
    let mut cut = None;
    let mut self_closing = false;
    loop {
        let after_previous = i;
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'>');
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        attributes += 1;
        if attributes > MAX_ATTRIBUTES && cut.is_none() {
            cut = Some(after_previous);
        }
        // The name (a leading `=` belongs to it).
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                i = memchr::memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |k| i + 1 + k + 1);
            }
            _ => {
                while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
            }
        }
    }
    Tag {
        name,
        end_tag,
        end: i,
        cut,
        self_closing,
    }
}

/// Where the raw text of a `name` element that starts at `from` ends: at its
/// end tag (`</script` followed by a space, `/` or `>`), else the text's end.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&bytes[i..], b"</") {
        let at = i + k;
        let after = at + 2 + name.len();
        if bytes.len() >= after
            && bytes[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(after)
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return at;
        }
        i = at + 2;
    }
    bytes.len()
}

/// The markup with its nesting and attributes bounded (see the module doc);
/// borrowed when nothing needed cutting.
pub fn bound(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes up to here are in `out` already (when it exists).
    let mut copied = 0;
    // Counted elements open, innermost last, with how many of each name.
    let mut open: Vec<String> = Vec::new();
    let mut open_by_name: FxHashMap<String, usize> = FxHashMap::default();
    // Elements dissolved and still open, by name: their end tags go too.
    let mut dissolved: FxHashMap<String, usize> = FxHashMap::default();
    let mut foreign = 0usize;
    let mut i = 0;
    // Replaces bytes `from..to` with `with`.
    let edit =
        |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize, with: &str| {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[*copied..from]);
            o.push_str(with);
            *copied = to;
        };
    while let Some(k) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + k;
        let next = bytes.get(lt + 1).copied();
        i = lt + 1;
        match next {
            Some(b'!') if bytes[lt..].starts_with(b"<!--") => {
                i = memchr::memmem::find(&bytes[lt + 4..], b"-->")
                    .map_or(bytes.len(), |k| lt + 4 + k + 3);
            }
            Some(b'!' | b'?') => {
                i = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |k| lt + k + 1);
            }
            Some(b'/') if bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let tag = read_tag(bytes, lt + 2, true);
                i = tag.end;
                let name = tag.name;
                if let Some(n) = dissolved.get_mut(&name).filter(|n| **n > 0) {
                    *n -= 1;
                    edit(&mut out, &mut copied, lt, tag.end, "");
                    continue;
                }
                if open_by_name.get(&name).is_some_and(|&n| n > 0) {
                    // Closes it and everything opened inside it.
                    while let Some(top) = open.pop() {
                        if let Some(n) = open_by_name.get_mut(&top) {
                            *n -= 1;
                        }
                        if matches!(top.as_str(), "svg" | "math") {
                            foreign = foreign.saturating_sub(1);
                        }
                        if top == name {
                            break;
                        }
                    }
                }
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let tag = read_tag(bytes, lt + 1, false);
                debug_assert!(!tag.end_tag);
                i = tag.end;
                let name = tag.name.as_str();
                let counted = !VOID.contains(&name)
                    && !OPTIONAL_END.contains(&name)
                    && !(tag.self_closing && (foreign > 0 || matches!(name, "svg" | "math")));
                if counted && open.len() >= MAX_OPEN {
                    *dissolved.entry(tag.name.clone()).or_default() += 1;
                    edit(&mut out, &mut copied, lt, tag.end, "");
                } else {
                    if let Some(cut) = tag.cut {
                        let close = if tag.self_closing { "/>" } else { ">" };
                        edit(&mut out, &mut copied, cut, tag.end, close);
                    }
                    if counted {
                        if matches!(name, "svg" | "math") {
                            foreign += 1;
                        }
                        *open_by_name.entry(tag.name.clone()).or_default() += 1;
                        open.push(tag.name.clone());
                    }
                }
                if name == "plaintext" {
                    break;
                }
                if RAW_TEXT.contains(&name) && foreign == 0 {
                    i = raw_text_end(bytes, i, name);
                }
            }
            _ => {}
        }
        if i >= bytes.len() {
            break;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_markup_is_untouched() {
        let page = r#"<!DOCTYPE html><html><head><title>a <div> b</title>
            <script>if (a < b && "</div>") {}</script></head><body>
            <!-- <div><div> --><div class="x" data-a='>'><p>One<p>Two<ul><li>a<li>b</ul>
            <svg><path d="M0"/><g/></svg><br><img src=x></div></body></html>"#;
        assert!(matches!(bound(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_dissolved_past_the_bound() {
        let n = MAX_OPEN + 100;
        let page = format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n));
        let out = bound(&page);
        assert_eq!(out.matches("<div>").count(), MAX_OPEN);
        assert_eq!(out.matches("</div>").count(), MAX_OPEN);
        assert!(out.contains("<div>text</div>"));
        // Self-closing is no close in HTML, and a stray end tag closes nothing.
        let page = "<div/>".repeat(n) + &"<span></i>".repeat(n);
        let out = bound(&page);
        assert_eq!(
            out.matches("<div/>").count() + out.matches("<span>").count(),
            MAX_OPEN
        );
    }

    #[test]
    fn attributes_are_cut_past_the_bound() {
        let attrs: String = (0..MAX_ATTRIBUTES + 5)
            .map(|k| format!(" a{k}=\"v>\""))
            .collect();
        let page = format!("<div{attrs}>text</div>");
        let out = bound(&page);
        assert_eq!(out.matches('=').count(), MAX_ATTRIBUTES);
        assert!(out.ends_with("\">text</div>"), "{}", &out[out.len() - 30..]);
    }
}
