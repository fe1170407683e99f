//! `briefing extract` as a user runs it: JSON schema, char offsets, batch mode,
//! the text listing and errors.

mod common;

use common::briefing;
use serde_json::Value;

fn json(args: &[&str], stdin: &str) -> Value {
    let out = briefing(args, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

const TEXT: &str =
    "Café owner Zoë Marchand said the rent “doubled in a year.”\n“We may close,” she added. 😟";

#[test]
fn json_document_has_the_documented_fields() {
    let doc = json(&["extract", "--format", "json", "-"], TEXT);
    for key in ["title", "text", "actors", "statements"] {
        assert!(doc.get(key).is_some(), "missing {key}");
    }
    assert_eq!(doc["text"], TEXT);
    let actor = &doc["actors"][0];
    for key in [
        "id",
        "name",
        "kind",
        "key",
        "gender",
        "roles",
        "aliases",
        "forms",
        "mentions",
        "statements",
    ] {
        assert!(actor.get(key).is_some(), "actor lacks {key}");
    }
    let st = &doc["statements"][0];
    for key in [
        "id",
        "kind",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_mention",
        "cue",
    ] {
        assert!(st.get(key).is_some(), "statement lacks {key}");
    }
}

#[test]
fn offsets_are_char_offsets_into_text() {
    let doc = json(&["extract", "--format", "json", "-"], TEXT);
    let chars: Vec<char> = TEXT.chars().collect();
    let slice = |v: &Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    let statements = doc["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 2);
    for st in statements {
        assert_eq!(slice(st), st["text"].as_str().unwrap());
        assert_eq!(
            slice(&st["speaker_mention"]),
            st["speaker_mention"]["text"].as_str().unwrap()
        );
        assert_eq!(slice(&st["cue"]), st["cue"]["text"].as_str().unwrap());
    }
    assert_eq!(slice(&statements[1]), "“We may close,”");
    assert_eq!(statements[1]["speaker_mention"]["text"], "she");
    let speaker = statements[1]["speaker"].as_u64().unwrap() as usize;
    assert_eq!(doc["actors"][speaker]["name"], "Zoë Marchand");
    for m in doc["actors"][speaker]["mentions"].as_array().unwrap() {
        assert!(
            ["Café owner Zoë Marchand", "she"].contains(&slice(m).as_str()),
            "{}",
            slice(m)
        );
    }
}

#[test]
fn jsonl_batch_keeps_ids_and_order() {
    let input = [
        serde_json::json!({"id": "b", "text": "The plan failed, Ana Ruiz said."}),
        serde_json::json!({"id": 7, "text": "No statements here."}),
        serde_json::json!({"id": "a", "text": "“Yes,” said Tom Berg, “we agree.”"}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let out = briefing(&["extract", "--format", "jsonl"], &input);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "b");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[2]["id"], "a");
    assert_eq!(lines[1]["statements"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["statements"].as_array().unwrap().len(), 2);
}

#[test]
fn text_listing_names_speaker_and_kind() {
    let out = briefing(&["extract", "--format", "text", "-"], TEXT);
    let listing = String::from_utf8(out.stdout).unwrap();
    assert!(listing.contains("Zoë Marchand"), "{listing}");
    assert!(
        listing.contains("[direct]") && listing.contains("[mixed]"),
        "{listing}"
    );
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = briefing(&["extract", "--format", "json", "/no/such/article.txt"], "");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/article.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn bad_jsonl_line_is_a_clear_error() {
    let out = briefing(&["extract", "--format", "jsonl"], "{\"id\": 1}\n");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

/// An article of our own, hard-wrapped at 64 columns, with a word split by a
/// hyphen inside a quotation and a real compound split at a line end.
const WRAPPED: &str = "Harbour reopens\n\
    \n\
    The harbour authority said on Monday that the port would reopen\n\
    after a week of repairs to the outer wall and the fuel dock, and\n\
    that the ferries would run again from Wednesday.\n\
    \n\
    “We expect the govern-\n\
    ment to pay for most of it, and the well-\n\
    known repair yard to do the work,” said Ana Ruiz, who runs the\n\
    authority.\n";

/// The char offsets `start..end` of `text`.
fn chars(text: &str, start: &Value, end: &Value) -> String {
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn hard_wrapped_text_is_read_whole_with_offsets_on_the_text_as_given() {
    let doc = json(&["extract", "--format", "json", "-"], WRAPPED);
    assert_eq!(doc["text"], WRAPPED, "the text as given");
    assert_eq!(doc["title"], "Harbour reopens");
    let text = doc["text"].as_str().unwrap();
    let st = doc["statements"].as_array().unwrap();
    let quote = st
        .iter()
        .find(|s| s["kind"] == "direct")
        .expect("the quote");
    // The statement's words as read: the split word whole, the compound kept.
    assert_eq!(
        quote["text"],
        "“We expect the government to pay for most of it, and the well-known repair yard to do the work,”"
    );
    // Its offsets point at the original characters, line ends and hyphen included.
    let original = chars(text, &quote["start"], &quote["end"]);
    assert!(
        original.starts_with("“We expect the govern-\nment"),
        "{original:?}"
    );
    assert!(original.ends_with("do the work,”"), "{original:?}");
    let mention = &quote["speaker_mention"];
    assert_eq!(chars(text, &mention["start"], &mention["end"]), "Ana Ruiz");
    // The reported clause runs over three lines and is one statement.
    let reported = st
        .iter()
        .find(|s| {
            s["text"]
                .as_str()
                .unwrap()
                .starts_with("the port would reopen")
        })
        .expect("the reported clause");
    assert!(
        reported["text"]
            .as_str()
            .unwrap()
            .contains("reopen after a week")
    );
}

#[test]
fn the_first_lines_of_a_wrapped_paragraph_are_no_title() {
    let untitled = WRAPPED.split_once("\n\n").unwrap().1;
    let doc = json(&["extract", "--format", "json", "-"], untitled);
    assert_eq!(doc["title"], Value::Null);
}

#[test]
fn batch_lines_are_unwrapped_crlf_and_all() {
    let crlf = WRAPPED.replace('\n', "\r\n");
    let input = format!("{}\n", serde_json::json!({"id": "w", "text": crlf}));
    let out = briefing(&["extract", "--format", "jsonl"], &input);
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["id"], "w");
    assert_eq!(doc["text"], crlf.as_str());
    let quote = doc["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "direct")
        .expect("the quote");
    assert!(
        quote["text"]
            .as_str()
            .unwrap()
            .contains("the government to pay")
    );
    let original = chars(&crlf, &quote["start"], &quote["end"]);
    assert!(original.contains("govern-\r\nment"), "{original:?}");
}

#[test]
fn wrapped_markdown_is_read_whole() {
    let md = "# Harbour reopens\n\n**The harbour** authority said the port would\nreopen, and Ana Ruiz said the govern-\nment would pay.\n";
    let doc = json(
        &["extract", "--format", "json", "--input", "markdown", "-"],
        md,
    );
    assert_eq!(doc["title"], "Harbour reopens");
    let texts: Vec<&str> = doc["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"the government would pay"), "{texts:?}");
}

/// A folder of our own articles for tests that read files.
fn folder(tag: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("extract-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn the_text_listing_of_several_articles_prints_each_title_once() {
    let dir = folder(
        "titles",
        &[
            ("a.txt", "Port reopens\n\n“We are back,” Tom Berg said.\n"),
            ("b.txt", "Storm hits\n\nAna Ruiz said the quay flooded.\n"),
        ],
    );
    let a = dir.join("a.txt").display().to_string();
    let b = dir.join("b.txt").display().to_string();
    let out = briefing(&["extract", "--format", "text", &a, &b], "");
    let listing = String::from_utf8(out.stdout).unwrap();
    assert_eq!(listing.matches("Port reopens").count(), 1, "{listing}");
    assert_eq!(listing.matches("Storm hits").count(), 1, "{listing}");
    assert!(
        listing.contains(&format!("Port reopens ({a})")),
        "{listing}"
    );
    // Standard input among them is named so, once, not as `-`.
    let out = briefing(
        &["extract", "--format", "text", &a, "-"],
        "Ana Ruiz said the quay flooded on Monday night.\n",
    );
    let listing = String::from_utf8(out.stdout).unwrap();
    assert!(listing.contains("\nstandard input\n"), "{listing}");
    assert!(!listing.contains("(-)"), "{listing}");
    // One article: the title heads its listing, once.
    let out = briefing(&["extract", "--format", "text", &a], "");
    let listing = String::from_utf8(out.stdout).unwrap();
    assert!(listing.starts_with("Port reopens\n\n"), "{listing}");
    assert_eq!(listing.matches("Port reopens").count(), 1, "{listing}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_null_body_is_named_as_such() {
    let out = briefing(
        &["extract", "--format", "json", "--input", "json", "-"],
        r#"{"title": "Port reopens", "body": null}"#,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"body\" is null"), "{err}");
    assert!(!err.contains("found body"), "no contradiction: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn batch_errors_as_json_records_take_the_place_of_bad_lines() {
    let input = "{\"id\":\"a\",\"text\":\"Ana Ruiz said the port would reopen.\"}\n\
                 not json\n\
                 {\"id\":7}\n\
                 \n\
                 {\"id\":\"b\",\"text\":\"Bo Li said the bridge would close.\"}\n";
    let out = briefing(&["extract", "-f", "jsonl", "--errors", "json"], input);
    assert!(out.status.success(), "the errors are in the output");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one record per line that is not blank");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["id"], Value::Null);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON")
    );
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["error"], "no \"text\" field");
    assert_eq!(lines[3]["id"], "b");
    // Good lines come out as without the flag.
    let plain = briefing(&["extract", "-f", "jsonl"], input);
    assert!(!plain.status.success());
    let plain = String::from_utf8(plain.stdout).unwrap();
    let plain: Vec<&str> = plain.lines().collect();
    assert_eq!(plain.len(), 2);
    let with = briefing(&["extract", "-f", "jsonl", "--errors", "json"], input).stdout;
    let with = String::from_utf8(with).unwrap();
    let with: Vec<&str> = with.lines().collect();
    assert_eq!((with[0], with[3]), (plain[0], plain[1]));
}

#[test]
fn batch_errors_as_json_only_in_the_batch_mode() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sample/nato-open-door.txt"
    );
    let out = briefing(&["extract", "-f", "json", "--errors", "json", sample], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--errors json"));
}
