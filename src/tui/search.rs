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
/// byte where it was, so offsets into it are offsets into the text. Queries
/// beyond ASCII search the text folded char by char, made at the first such
/// query; every search is linear in the text and the query.
#[derive(Clone, Debug)]
pub struct Folded {
    bytes: Vec<u8>,
    full: std::sync::OnceLock<FullFold>,
}

/// The text with every char folded to lower case, and the way back.
#[derive(Clone, Debug)]
struct FullFold {
    text: String,
    /// (byte in `text`, byte in the original) after each char whose folded
    /// form has another length: between two marks, bytes correspond one to one.
    marks: Vec<(usize, usize)>,
}

/// A char's case-folded form, as queries and texts are compared.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl FullFold {
    fn new(text: &str) -> FullFold {
        let mut folded = String::with_capacity(text.len());
        let mut marks = Vec::new();
        for (i, c) in text.char_indices() {
            let f = fold(c);
            folded.push(f);
            if f.len_utf8() != c.len_utf8() {
                marks.push((folded.len(), i + c.len_utf8()));
            }
        }
        FullFold {
            text: folded,
            marks,
        }
    }

    /// The byte of the original text at a char boundary `pos` of the folded one.
    fn original(&self, pos: usize) -> usize {
        let k = self.marks.partition_point(|m| m.0 <= pos);
        match k.checked_sub(1) {
            None => pos,
            Some(k) => self.marks[k].1 + (pos - self.marks[k].0),
        }
    }
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        Folded {
            bytes: text.as_bytes().to_ascii_lowercase(),
            full: std::sync::OnceLock::new(),
        }
    }

    /// Every non-overlapping match of `query` in `text` (the text this was made of).
    pub fn find(&self, text: &str, query: &str) -> Vec<Span> {
        let mut out = Vec::new();
        if query.is_empty() || query.len() > 4 * text.len() {
            // A query longer than the text (in chars, at most its bytes) finds nothing.
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
            let full = self.full.get_or_init(|| FullFold::new(text));
            let needle: String = query.chars().map(fold).collect();
            let finder = memchr::memmem::Finder::new(needle.as_bytes());
            out.extend(
                finder
                    .find_iter(full.text.as_bytes())
                    .map(|i| Span::new(full.original(i), full.original(i + needle.len()))),
            );
        }
        out
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
    fn folding_that_changes_lengths_maps_back() {
        // 'İ' (2 bytes) folds to 'i' (1 byte); 'Ⱥ' (2 bytes) to 'ⱥ' (3 bytes).
        let text = "İİ Ⱥx éÉ İé";
        assert_eq!(found(text, "iⱥ"), Vec::<&str>::new());
        assert_eq!(found(text, "ⱥx"), ["Ⱥx"]);
        assert_eq!(found(text, "éé"), ["éÉ"]);
        assert_eq!(found(text, "ié"), ["İé"]);
    }

    #[test]
    fn long_repetitive_queries_stay_linear() {
        let text = "é".repeat(200_000);
        let query = "é".repeat(50_000) + "x";
        let start = std::time::Instant::now();
        assert!(find_matches(&text, &query).is_empty());
        assert_eq!(find_matches(&text, &"é".repeat(50_000)).len(), 4);
        // Quadratic, this was minutes; linear it is milliseconds (a generous bound).
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
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
