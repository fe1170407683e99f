//! JSON inputs: one article object, an array of them, or JSON Lines, with the
//! field names common scrapers use (trafilatura, newspaper, readability, our
//! own `{"id","text"}` batch lines).

use super::Article;
use serde_json::{Map, Value};

const TITLE_KEYS: [&str; 3] = ["title", "headline", "name"];
const TEXT_KEYS: [&str; 8] = [
    "text",
    "raw_text",
    "body",
    "content",
    "article",
    "maintext",
    "articleBody",
    "textContent",
];
const BYLINE_KEYS: [&str; 5] = ["byline", "author", "authors", "creator", "by"];
const DATE_KEYS: [&str; 9] = [
    "date",
    "publish_date",
    "published",
    "date_publish",
    "datePublished",
    "pubdate",
    "published_at",
    "publication_date",
    "created_at",
];
const ID_KEYS: [&str; 4] = ["id", "url", "source", "hostname"];

/// Is this JSON (a whole document, or JSON Lines)?
pub fn looks_like_json(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok()
        || text
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v.is_object()))
}

/// Parses JSON into articles; objects without any text field are an error.
pub fn parse(text: &str, source: &str) -> Result<Vec<Article>, String> {
    let text = text.trim_start_matches('\u{feff}');
    let records: Vec<Value> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items,
        Ok(Value::Object(mut obj)) => match obj.remove("articles") {
            Some(Value::Array(items)) => items,
            Some(other) => {
                obj.insert("articles".into(), other);
                vec![Value::Object(obj)]
            }
            None => vec![Value::Object(obj)],
        },
        Ok(_) => return Err("JSON is neither an article object nor a list of them".into()),
        Err(whole) => {
            let mut items = Vec::new();
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let value = serde_json::from_str::<Value>(line).map_err(|e| {
                    if n == 0 {
                        format!("invalid JSON: {whole}")
                    } else {
                        format!("line {}: invalid JSON: {e}", n + 1)
                    }
                })?;
                items.push(value);
            }
            items
        }
    };
    let many = records.len() > 1;
    let mut out = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let Value::Object(obj) = record else {
            return Err(format!("item {} is not an object", i + 1));
        };
        let name = if many {
            format!("{source}#{}", i + 1)
        } else {
            source.to_string()
        };
        let Some(article) = article(obj, &name) else {
            return Err(format!("item {} {}", i + 1, no_text(obj)));
        };
        out.push(article);
    }
    Ok(out)
}

/// Why an object gives no text: the text fields it has are not text (null,
/// empty, not a string), or it has none.
fn no_text(obj: &Map<String, Value>) -> String {
    let unusable: Vec<String> = TEXT_KEYS
        .iter()
        .filter_map(|k| {
            let what = match obj.get(*k)? {
                Value::Null => "null",
                Value::String(_) => "empty",
                Value::Bool(_) => "true or false",
                Value::Number(_) => "a number",
                Value::Array(_) => "a list",
                Value::Object(_) => "an object",
            };
            Some(format!("\"{k}\" is {what}"))
        })
        .collect();
    if !unusable.is_empty() {
        return format!("has no text: {}", unusable.join(", "));
    }
    let keys: Vec<&str> = obj.keys().map(String::as_str).take(8).collect();
    let found = if keys.is_empty() {
        "an empty object".to_string()
    } else {
        format!("found {}", keys.join(", "))
    };
    format!(
        "has no text field (looked for {}; {found})",
        TEXT_KEYS.join(", ")
    )
}

fn string_field(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match obj.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// Authors as a string, a list of strings, or a list of `{"name"}` objects.
fn byline(obj: &Map<String, Value>) -> Option<String> {
    BYLINE_KEYS.iter().find_map(|k| match obj.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s.trim().to_string()),
                    Value::Object(o) => o
                        .get("name")
                        .and_then(Value::as_str)
                        .map(|s| s.trim().to_string()),
                    _ => None,
                })
                .filter(|s| !s.is_empty())
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    })
}

/// `2022-01-27T10:00:00Z` and `2022-01-27` both give `2022-01-27`.
pub fn normalize_date(date: &str) -> String {
    let head: Vec<char> = date.trim().chars().take(10).collect();
    let iso = head.len() == 10
        && head.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso {
        head.into_iter().collect()
    } else {
        date.trim().to_string()
    }
}

fn article(obj: &Map<String, Value>, source: &str) -> Option<Article> {
    let raw = string_field(obj, &TEXT_KEYS)?;
    // Some exports carry the body as HTML.
    let (body, breaks, headings) =
        if raw.trim_start().starts_with('<') && (raw.contains("</p>") || raw.contains("<br")) {
            let page = super::html_article(&raw, source);
            (page.body, page.breaks, page.headings)
        } else {
            let text = super::decode::normalize_newlines(raw);
            (text, super::unwrap::LineBreaks::Detect, Vec::new())
        };
    let id = string_field(obj, &ID_KEYS);
    Some(Article {
        source: id.map_or_else(|| source.to_string(), |id| format!("{source} ({id})")),
        title: string_field(obj, &TITLE_KEYS),
        byline: byline(obj),
        date: string_field(obj, &DATE_KEYS).map(|d| normalize_date(&d)),
        body,
        breaks,
        headings,
        analysis: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newspaper_style_object() {
        let json = r#"{"title": "Port reopens", "text": "The port reopened, officials said.", "authors": ["Ana Ruiz", "Tom Berg"], "publish_date": "2024-03-02T08:00:00"}"#;
        let a = &parse(json, "a.json").unwrap()[0];
        assert_eq!(a.title.as_deref(), Some("Port reopens"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz, Tom Berg"));
        assert_eq!(a.date.as_deref(), Some("2024-03-02"));
        assert_eq!(a.body, "The port reopened, officials said.");
    }

    #[test]
    fn trafilatura_style_and_arrays_and_lines() {
        let json = r#"[{"title": "A", "raw_text": "First.", "author": "Ana Ruiz", "date": "2024-01-05"}, {"headline": "B", "content": "<p>Second.</p><p>Third.</p>"}]"#;
        let items = parse(json, "feed.json").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(items[1].title.as_deref(), Some("B"));
        assert_eq!(items[1].source, "feed.json#2");
        let lines = "{\"id\": 1, \"text\": \"One.\"}\n\n{\"id\": 2, \"text\": \"Two.\"}\n";
        let items = parse(lines, "batch.jsonl").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].source, "batch.jsonl#2 (2)");
    }

    #[test]
    fn objects_without_text_are_an_error() {
        let e = parse(r#"{"title": "Only a title"}"#, "x.json").unwrap_err();
        assert!(e.contains("no text field"), "{e}");
        assert!(e.contains("found title"), "{e}");
        // A text field that is there but holds no text is named as such, not
        // listed among the fields found after "no text field".
        let e = parse(r#"{"title": "T", "body": null}"#, "x.json").unwrap_err();
        assert_eq!(e, "item 1 has no text: \"body\" is null");
        let e = parse(r#"{"text": " ", "content": []}"#, "x.json").unwrap_err();
        assert_eq!(
            e,
            "item 1 has no text: \"text\" is empty, \"content\" is a list"
        );
        assert!(
            parse("{not json", "x.json")
                .unwrap_err()
                .contains("invalid JSON")
        );
    }
}
