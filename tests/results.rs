//! Precomputed results read back: `briefing results.jsonl` and `briefing
//! extract` over the output of `briefing extract --format jsonl` give what
//! analysing the articles gives, without analysing them; bad results files
//! are refused with a reason, never a panic.

mod common;

use common::briefing;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-results-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Invented articles sharing speakers, with non-ASCII text, one ending on a
/// statement at the end of a text of 64 bytes' multiple.
fn articles() -> Vec<(String, String)> {
    let mut texts = vec![
        "Harbour reopens\n\nPort director Marta Quiñones said the harbour would reopen on Monday. “We are ready,” Quiñones told reporters.".to_string(),
        "Quiñones said the cranes were repaired. Mayor Tomas Berg said the town had waited too long.".to_string(),
        "Marta Quiñones said the ferries would run again. Berg said he was pleased, and officials said the budget held.".to_string(),
    ];
    // A quotation that ends the text, in a text of whole 64-byte blocks (the
    // span the char offsets once got wrong).
    let mut filler = String::new();
    let quote = |f: &str| format!("Tomas Berg told the council: “Ça ira, we will rebuild{f}.”");
    while !quote(&filler).len().is_multiple_of(64) {
        filler.push_str(" é");
        if quote(&filler).len() % 64 == 63 {
            filler.push('!');
        }
    }
    texts.push(quote(&filler));
    texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| (format!("a{i}"), t))
        .collect()
}

fn batch_input() -> String {
    articles()
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect()
}

/// The batch results of [`articles`], written to `dir/results.jsonl`.
fn results(dir: &Path) -> (PathBuf, String) {
    let out = stdout(&briefing(&["extract", "-f", "jsonl"], batch_input()));
    let path = dir.join("results.jsonl");
    std::fs::write(&path, &out).unwrap();
    (path, out)
}

fn without(mut v: Value, key: &str) -> Value {
    v.as_object_mut().unwrap().remove(key);
    v
}

#[test]
fn results_read_back_give_the_same_analyses() {
    let dir = scratch("same");
    let (path, lines) = results(&dir);
    let again = stdout(&briefing(
        &["extract", "-f", "jsonl", path.to_str().unwrap()],
        "",
    ));
    let first: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let second: Vec<Value> = again
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(first.len(), 4);
    assert_eq!(second.len(), 4);
    for (a, b) in first.into_iter().zip(second) {
        // The id names the article read back.
        assert_eq!(b["source"], a["id"]);
        assert_eq!(without(a, "id"), without(b, "source"));
    }
    // The last article's quotation ends where its text ends.
    let last: Value = serde_json::from_str(lines.lines().last().unwrap()).unwrap();
    let chars = last["text"].as_str().unwrap().chars().count();
    let ends: Vec<u64> = last["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["end"].as_u64().unwrap())
        .collect();
    assert!(ends.contains(&(chars as u64)), "{ends:?} of {chars}");
}

#[test]
fn a_briefing_of_results_joins_actors_as_analysing_does() {
    let dir = scratch("join");
    let (path, _) = results(&dir);
    let inputs = dir.join("articles.jsonl");
    std::fs::write(&inputs, batch_input()).unwrap();
    let from_results: Value = serde_json::from_str(&stdout(&briefing(
        &["extract", "-f", "json", path.to_str().unwrap()],
        "",
    )))
    .unwrap();
    let analysed: Value = serde_json::from_str(&stdout(&briefing(
        &["extract", "-f", "json", inputs.to_str().unwrap()],
        "",
    )))
    .unwrap();
    assert_eq!(from_results["actors"], analysed["actors"]);
    let names: Vec<&str> = from_results["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Marta Quiñones"), "{names:?}");
    // The text listing (what `briefing` prints when stdout is no terminal)
    // is the same but for the sources.
    let listing = stdout(&briefing(&[path.to_str().unwrap()], ""));
    let analysed_listing = stdout(&briefing(&[inputs.to_str().unwrap()], ""));
    // Headers name the sources, which differ; the rest is the same.
    let strip = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with(' '))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(strip(&listing), strip(&analysed_listing));
}

#[test]
fn a_directory_of_part_files_is_one_output() {
    let dir = scratch("parts");
    let (_, lines) = results(&dir);
    let parts = dir.join("articles");
    std::fs::create_dir_all(&parts).unwrap();
    let all: Vec<&str> = lines.lines().collect();
    std::fs::write(parts.join("part-00000"), all[..2].join("\n") + "\n").unwrap();
    std::fs::write(parts.join("part-00001"), all[2..].join("\n") + "\n").unwrap();
    std::fs::write(parts.join("_SUCCESS"), "").unwrap();
    std::fs::write(parts.join(".part-00000.crc"), "junk").unwrap();
    let out = stdout(&briefing(
        &["extract", "-f", "jsonl", parts.to_str().unwrap()],
        "",
    ));
    let sources: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(sources, ["\"a0\"", "\"a1\"", "\"a2\"", "\"a3\""]);
}

#[test]
fn error_records_among_results_are_passed_over() {
    let dir = scratch("errors");
    let mut input = batch_input();
    input.insert_str(0, "not json\n");
    let out = stdout(&briefing(
        &["extract", "-f", "jsonl", "--errors", "json"],
        &input,
    ));
    assert!(out.starts_with("{\"error\""));
    let path = dir.join("with-errors.jsonl");
    std::fs::write(&path, &out).unwrap();
    let again = stdout(&briefing(
        &["extract", "-f", "jsonl", path.to_str().unwrap()],
        "",
    ));
    assert_eq!(again.lines().count(), 4);
}

/// A bad results file: refused with its name, the line and a reason; no
/// panic; exit status 1.
fn refused(name: &str, content: &str, reason: &str) {
    let dir = scratch(name);
    let path = dir.join(format!("{name}.jsonl"));
    std::fs::write(&path, content).unwrap();
    for args in [
        vec!["extract", "-f", "jsonl", path.to_str().unwrap()],
        vec![path.to_str().unwrap()],
    ] {
        let out = briefing(&args, "");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(err.contains(&format!("{name}.jsonl")), "{name}: {err}");
        assert!(err.contains(reason), "{name}: wanted {reason:?} in {err}");
        assert!(out.stdout.is_empty(), "{name}");
    }
}

fn edited(f: impl Fn(&mut Value)) -> String {
    let (_, lines) = results(&scratch("edit"));
    let mut out = String::new();
    for (i, line) in lines.lines().enumerate() {
        let mut v: Value = serde_json::from_str(line).unwrap();
        if i == 1 {
            f(&mut v);
        }
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn bad_results_files_are_refused_with_a_reason() {
    refused(
        "offset-past-end",
        &edited(|v| v["statements"][0]["end"] = 100_000.into()),
        "line 2: statement 0 ",
    );
    refused(
        "mention-past-end",
        &edited(|v| {
            v["actors"][0]["mentions"][0]["start"] = 99_998.into();
            v["actors"][0]["mentions"][0]["end"] = 99_999.into();
        }),
        "lies outside the text",
    );
    refused(
        "reversed",
        &edited(|v| v["statements"][0]["start"] = 50.into()),
        "line 2: statement 0 starts at 50 after its end",
    );
    refused(
        "speaker",
        &edited(|v| v["statements"][0]["speaker"] = 42.into()),
        "names speaker 42",
    );
    refused(
        "kind",
        &edited(|v| v["actors"][0]["kind"] = "robot\u{1b}[31m".into()),
        "unknown kind \"robot␛[31m\"",
    );
    refused(
        "overlap",
        &edited(|v| {
            let first = v["statements"][0].clone();
            v["statements"].as_array_mut().unwrap().push(first);
        }),
        "overlaps",
    );
    refused(
        "negative",
        &edited(|v| v["statements"][0]["start"] = (-1).into()),
        "line 2:",
    );
    refused(
        "ids",
        &edited(|v| v["actors"][0]["id"] = 5.into()),
        "actor 0 has id 5",
    );
    let (_, good) = results(&scratch("truncated"));
    let truncated = &good[..good.len() - 40];
    refused("truncated", truncated, "line 4: invalid JSON");
    let mixed = format!("{good}{{\"id\":\"x\",\"text\":\"Ana said so.\"}}\n");
    refused("mixed", &mixed, "line 5: not an analysis");
    refused(
        "not-object",
        &format!("{good}[1, 2]\n"),
        "line 5: not a JSON object",
    );
}

#[test]
fn the_joined_table_is_the_briefings_actors() {
    let dir = scratch("table");
    let (path, _) = results(&dir);
    let inputs = dir.join("articles.jsonl");
    std::fs::write(&inputs, batch_input()).unwrap();
    let analysed: Value = serde_json::from_str(&stdout(&briefing(
        &["extract", "-f", "json", inputs.to_str().unwrap()],
        "",
    )))
    .unwrap();
    let ids: Vec<String> = articles().into_iter().map(|(id, _)| id).collect();
    let mut want: Vec<(String, usize, Vec<String>)> = analysed["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let articles = a["articles"].as_array().unwrap().iter();
            (
                a["name"].as_str().unwrap().to_string(),
                a["statements"].as_u64().unwrap() as usize,
                articles
                    .map(|x| ids[x["article"].as_u64().unwrap() as usize].clone())
                    .collect(),
            )
        })
        .collect();
    let table = stdout(&briefing(&["join", path.to_str().unwrap()], ""));
    let mut got: Vec<(String, usize, Vec<String>)> = table
        .lines()
        .map(|l| {
            let a: Value = serde_json::from_str(l).unwrap();
            let articles = a["articles"].as_array().unwrap().iter();
            (
                a["name"].as_str().unwrap().to_string(),
                a["statements"].as_u64().unwrap() as usize,
                articles
                    .map(|x| x["id"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    assert!(
        got.iter()
            .any(|(name, _, arts)| name == "Marta Quiñones" && arts.len() == 3),
        "{got:#?}"
    );
    // A line it cannot read fails the table, with the line.
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"id\":1,\"actors\":[{\"id\":0}]}\n").unwrap();
    let out = briefing(&["join", bad.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.jsonl: line 1: missing field"));
}
