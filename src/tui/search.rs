//! Finding a query in the article.
//!
//! Smart case, as in less and vim: a query in lower case matches any case, a query
//! with a capital matches exactly. Matches are byte spans in text order that start
//! and end on character boundaries.

use crate::Span;

/// Every non-overlapping match of `query` in `text`.
pub fn find_matches(text: &str, query: &str) -> Vec<Span> {
    Folded::new(text).find(text, query)
}

/// The text with ASCII letters in lower case, kept per article so that every key
/// typed in the search prompt is one SIMD scan. ASCII case folding keeps every
/// byte where it was, so offsets into it are offsets into the text.
#[derive(Clone, Debug)]
pub struct Folded {
    bytes: Vec<u8>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        Folded {
            bytes: text.as_bytes().to_ascii_lowercase(),
        }
    }

    /// Every non-overlapping match of `query` in `text` (the text this was made of).
    pub fn find(&self, text: &str, query: &str) -> Vec<Span> {
        let mut out = Vec::new();
        if query.is_empty() {
            return out;
        }
        if query.chars().any(char::is_uppercase) {
            let finder = memchr::memmem::Finder::new(query.as_bytes());
            out.extend(
                finder
                    .find_iter(text.as_bytes())
                    .map(|i| Span::new(i, i + query.len())),
            );
        } else if query.is_ascii() {
            let finder = memchr::memmem::Finder::new(query.as_bytes());
            out.extend(
                finder
                    .find_iter(&self.bytes)
                    .map(|i| Span::new(i, i + query.len())),
            );
        } else {
            find_caseless(text, query, &mut out);
        }
        out
    }
}

/// Case-insensitive search for queries beyond ASCII: candidates are where the
/// first character occurs in either case (a SIMD scan each), then checked char
/// by char.
fn find_caseless(text: &str, query: &str, out: &mut Vec<Span>) {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let needle: Vec<char> = query.chars().map(fold).collect();
    let Some(&first) = needle.first() else {
        return;
    };
    let mut variants: Vec<char> = std::iter::once(first).chain(first.to_uppercase()).collect();
    variants.sort_unstable();
    variants.dedup();
    let mut candidates: Vec<usize> = Vec::new();
    for v in variants {
        let mut buf = [0u8; 4];
        let finder = memchr::memmem::Finder::new(v.encode_utf8(&mut buf).as_bytes());
        candidates.extend(finder.find_iter(text.as_bytes()));
    }
    candidates.sort_unstable();
    let mut next_free = 0;
    for i in candidates {
        if i < next_free {
            continue;
        }
        let mut chars = text[i..].char_indices();
        let mut end = i;
        let matched = needle.iter().all(|&n| match chars.next() {
            Some((j, c)) if fold(c) == n => {
                end = i + j + c.len_utf8();
                true
            }
            _ => false,
        });
        if matched {
            out.push(Span::new(i, end));
            next_free = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, q: &str) -> Vec<&'a str> {
        find_matches(text, q)
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn smart_case() {
        let text = "Ball, ball and BALL";
        assert_eq!(found(text, "ball"), ["Ball", "ball", "BALL"]);
        assert_eq!(found(text, "Ball"), ["Ball"]);
    }

    #[test]
    fn unicode_queries() {
        let text = "Über über ÜBER — “quote”";
        assert_eq!(found(text, "über"), ["Über", "über", "ÜBER"]);
        assert_eq!(found(text, "“q"), ["“q"]);
        assert_eq!(found("aaa", "aa"), ["aa"]);
        assert!(found("abc", "").is_empty());
    }
}
