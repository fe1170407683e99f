//! Finding a query in the article.
//!
//! Smart case, as in less and vim: a query in lower case matches any case, a query
//! with a capital matches exactly. Matches are byte spans in text order that start
//! and end on character boundaries.

use crate::Span;

/// Every non-overlapping match of `query` in `text`.
pub fn find_matches(text: &str, query: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    if query.chars().any(char::is_uppercase) {
        out.extend(
            text.match_indices(query)
                .map(|(i, m)| Span::new(i, i + m.len())),
        );
    } else if query.is_ascii() {
        find_ascii_caseless(text.as_bytes(), query.as_bytes(), &mut out);
    } else {
        find_caseless(text, query, &mut out);
    }
    out
}

/// ASCII case-insensitive search. An ASCII byte never occurs inside a multi-byte
/// UTF-8 character, so every match lies on character boundaries.
fn find_ascii_caseless(hay: &[u8], needle: &[u8], out: &mut Vec<Span>) {
    let lower = needle[0].to_ascii_lowercase();
    let upper = lower.to_ascii_uppercase();
    let n = needle.len();
    let mut next_free = 0;
    // memchr finds the candidates (SIMD); each is then compared in full.
    let mut check = |i: usize| {
        if i >= next_free && i + n <= hay.len() && hay[i..i + n].eq_ignore_ascii_case(needle) {
            out.push(Span::new(i, i + n));
            next_free = i + n;
        }
    };
    if lower == upper {
        memchr::memchr_iter(lower, hay).for_each(&mut check);
    } else {
        memchr::memchr2_iter(lower, upper, hay).for_each(&mut check);
    }
}

/// Case-insensitive search for queries beyond ASCII, char by char.
fn find_caseless(text: &str, query: &str, out: &mut Vec<Span>) {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let needle: Vec<char> = query.chars().map(fold).collect();
    let mut skip_to = 0;
    for (i, _) in text.char_indices() {
        if i < skip_to {
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
            skip_to = end;
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
