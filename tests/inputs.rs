//! Inputs as people have them: each format and encoding, article headers, many
//! articles as one briefing, and the errors a user sees. Every fixture is written
//! here, into a temporary directory.

mod common;

use common::briefing;
use serde_json::Value;
use std::path::{Path, PathBuf};

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("briefing-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn extract_json(paths: &[&Path]) -> Value {
    let mut args = vec!["extract", "--format", "json"];
    let strs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(strs.iter().map(String::as_str));
    let out = briefing(&args, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (speaker name, kind, statement text with whitespace collapsed) of a one-article document.
fn said(doc: &Value) -> Vec<(String, String, String)> {
    doc["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let who = s["speaker"].as_u64().map_or("-".to_string(), |id| {
                doc["actors"][id as usize]["name"]
                    .as_str()
                    .unwrap()
                    .to_string()
            });
            let text = s["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (who, s["kind"].as_str().unwrap().to_string(), text)
        })
        .collect()
}

const TITLE: &str = "Harbour reopens after the storm";
const BODY: [&str; 3] = [
    "The harbour reopened on Monday after a week of repairs, Mayor Ana Ruiz said.",
    "“We lost a week, but nobody was hurt,” Ruiz told reporters. She added that the fish market would open on Friday.",
    "Tom Berg, the harbour master, said the new sea wall had held.",
];

#[test]
fn the_same_article_in_every_format_says_the_same() {
    let dir = TempDir::new("formats");
    let body = BODY.join("\n\n");
    let txt = dir.file("story.txt", format!("{TITLE}\n\nBy Lena Holm\n\n{body}\n"));
    let md = dir.file(
        "story.md",
        format!(
            "# {TITLE}\n\n*By Lena Holm*\n\n{}\n",
            BODY.map(|p| p.replace("Tom Berg", "**Tom Berg**"))
                .join("\n\n")
        ),
    );
    let paragraphs: String = BODY.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html = dir.file(
        "story.html",
        format!(
            "<!DOCTYPE html><html><head><title>{TITLE} | Coast News</title><meta name=\"author\" content=\"Lena Holm\">\
             <meta property=\"article:published_time\" content=\"2024-03-04T08:00:00Z\"></head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
             <article><h1>{TITLE}</h1><p class=\"byline\">By Lena Holm</p>{paragraphs}</article>\
             <aside><h2>Related</h2><ul><li><a href=\"/a\">Storm warning issued for the coast</a></li></ul></aside>\
             <footer>© Coast News</footer></body></html>"
        ),
    );
    let json = dir.file("story.json", serde_json::json!({"title": TITLE, "text": body, "authors": ["Lena Holm"], "publish_date": "2024-03-04"}).to_string());
    let want = said(&extract_json(&[&txt]));
    assert_eq!(want.len(), 4, "{want:#?}");
    for path in [&md, &html, &json] {
        let doc = extract_json(&[path]);
        assert_eq!(said(&doc), want, "{}", path.display());
        assert_eq!(doc["title"], TITLE, "{}", path.display());
        assert!(
            doc["byline"]
                .as_str()
                .is_some_and(|b| b.contains("Lena Holm")),
            "{}: {}",
            path.display(),
            doc["byline"]
        );
    }
    assert_eq!(extract_json(&[&html])["date"], "2024-03-04");
    assert_eq!(extract_json(&[&json])["date"], "2024-03-04");
}

#[test]
fn encodings_decode_to_the_same_text() {
    let dir = TempDir::new("encodings");
    let text = "“Café prices doubled,” said Zoë Müller.";
    let utf8 = dir.file("utf8.txt", text);
    let bom = dir.file(
        "bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16 = dir.file("utf16.txt", utf16);
    let cp1252 = dir.file(
        "cp1252.txt",
        b"\x93Caf\xE9 prices doubled,\x94 said Zo\xEB M\xFCller.",
    );
    let crlf = dir.file(
        "crlf.txt",
        "First line.\r\n“Café prices doubled,” said Zoë Müller.\r\n",
    );
    for path in [&utf8, &bom, &utf16, &cp1252] {
        let doc = extract_json(&[path]);
        assert_eq!(doc["text"], text, "{}", path.display());
        assert_eq!(
            said(&doc),
            [(
                "Zoë Müller".to_string(),
                "direct".to_string(),
                "“Café prices doubled,”".to_string()
            )]
        );
    }
    let doc = extract_json(&[&crlf]);
    assert!(!doc["text"].as_str().unwrap().contains('\r'));
    assert_eq!(said(&doc).len(), 1);
}

#[test]
fn headers_and_credit_lines_are_not_statements() {
    let dir = TempDir::new("headers");
    let story = dir.file(
        "story.txt",
        "Port strike ends\n\nBy Ana Lima and Tom Berg\nMarch 3, 2024\n\nThe strike ended on Sunday, union leader Sara Kim said.\n\n(Reporting by Ana Lima; Editing by Tom Berg)\nWith Post wires\n",
    );
    let doc = extract_json(&[&story]);
    assert_eq!(doc["title"], "Port strike ends");
    assert_eq!(doc["byline"], "Ana Lima and Tom Berg");
    assert_eq!(doc["date"], "2024-03-03");
    assert_eq!(
        said(&doc),
        [(
            "Sara Kim".to_string(),
            "indirect".to_string(),
            "The strike ended on Sunday".to_string()
        )]
    );
    let names: Vec<&str> = doc["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Lima") || n.contains("Berg") || *n == "Post"),
        "{names:?}"
    );
}

#[test]
fn three_articles_share_one_speaker() {
    let dir = TempDir::new("briefing");
    let a = dir.file(
        "a.txt",
        "Talks stall\n\nRussian Foreign Minister Sergey Lavrov said the talks had stalled.",
    );
    let b = dir.file(
        "b.md",
        "# Offer stands\n\nSergey Lavrov said the offer stood. “We are waiting,” Lavrov added.",
    );
    let c = dir.file("c.json", r#"{"title": "No change", "text": "Lavrov said nothing had changed. Ana Ruiz said the same."}"#);
    let out = extract_json(&[&a, &b, &c]);
    let actors = out["actors"].as_array().unwrap();
    let lavrov: Vec<&Value> = actors
        .iter()
        .filter(|x| x["name"].as_str().unwrap().contains("Lavrov"))
        .collect();
    assert_eq!(lavrov.len(), 1, "{actors:#?}");
    let l = lavrov[0];
    assert_eq!(l["name"], "Sergey Lavrov");
    assert_eq!(l["statements"], 4);
    let per_article: Vec<(u64, u64)> = l["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["article"].as_u64().unwrap(),
                x["statements"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(per_article, [(0, 1), (1, 2), (2, 1)]);
    // Statements name briefing-wide actors.
    let id = l["id"].as_u64().unwrap();
    let articles = out["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    let by_lavrov: usize = articles
        .iter()
        .map(|art| {
            art["statements"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["speaker"].as_u64() == Some(id))
                .count()
        })
        .sum();
    assert_eq!(by_lavrov, 4);
    assert_eq!(articles[1]["title"], "Offer stands");
}

#[test]
fn directories_recursion_and_markdown_note() {
    let dir = TempDir::new("dirs");
    dir.file("one.txt", "The quay is closed, Tom Berg said.");
    dir.file("notes.bin", [0u8, 159, 146, 150]);
    dir.file("deeper/two.txt", "“We reopen soon,” Tom Berg said.");
    let root = dir.0.display().to_string();
    let flat = briefing(&["extract", "--format", "jsonl", &root], b"");
    assert!(flat.status.success());
    assert_eq!(
        String::from_utf8(flat.stdout).unwrap().lines().count(),
        1,
        "only one.txt without -r"
    );
    let deep = briefing(&["extract", "--format", "markdown", "-r", &root], b"");
    assert!(
        deep.status.success(),
        "{}",
        String::from_utf8_lossy(&deep.stderr)
    );
    let note = String::from_utf8(deep.stdout).unwrap();
    assert!(note.contains("## Tom Berg"), "{note}");
    assert!(
        note.contains("- the quay is closed") || note.contains("- The quay is closed"),
        "{note}"
    );
    // Quoted as the article has it: the comma before the attribution stays.
    assert!(note.contains("- “We reopen soon,” — two.txt"), "{note}");
}

#[test]
fn stdin_format_is_sniffed() {
    let html = b"<!DOCTYPE html><html><head><title>Quay news</title></head><body><article><p>The quay is closed, Tom Berg said on Monday morning.</p><p>Repairs will take a week, he added.</p></article></body></html>";
    let out = briefing(&["extract", "--format", "json", "-"], html);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["title"], "Quay news");
    assert!(!doc["text"].as_str().unwrap().contains('<'));
    let forced = briefing(
        &["extract", "--format", "json", "--input", "text", "-"],
        html,
    );
    let doc: Value = serde_json::from_slice(&forced.stdout).unwrap();
    assert!(
        doc["text"].as_str().unwrap().contains("<article>"),
        "--input text keeps markup as text"
    );
}

// --- errors a user understands: one line naming the file and the reason, and a non-zero exit ---

fn error_for(args: &[&str]) -> String {
    let out = briefing(args, b"");
    assert!(!out.status.success(), "should fail: {args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn error_missing_file() {
    let err = error_for(&["extract", "--format", "json", "/no/such/story.txt"]);
    assert!(
        err.contains("/no/such/story.txt") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn error_directory_without_articles() {
    let dir = TempDir::new("emptydir");
    dir.file("image.png", b"\x89PNG\r\n\x1a\n");
    let path = dir.0.display().to_string();
    let err = error_for(&["extract", "--format", "json", &path]);
    assert!(
        err.contains(&path) && err.contains("no readable articles"),
        "{err}"
    );
}

#[test]
fn error_binary_files_name_their_kind() {
    let dir = TempDir::new("binary");
    for (name, bytes, kind) in [
        (
            "report.pdf",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".as_slice(),
            "PDF",
        ),
        (
            "photo.txt",
            b"\xFF\xD8\xFF\xE0\x00\x10JFIF".as_slice(),
            "JPEG",
        ),
        (
            "archive.txt",
            b"PK\x03\x04\x14\x00\x00\x00".as_slice(),
            "ZIP",
        ),
    ] {
        let path = dir.file(name, bytes);
        let err = error_for(&["extract", "--format", "json", path.to_str().unwrap()]);
        assert!(err.contains(name) && err.contains(kind), "{err}");
    }
}

#[test]
fn error_undecodable_bytes() {
    let dir = TempDir::new("undecodable");
    let path = dir.file(
        "garbage.txt",
        [0x81u8, 0x8D, 0xC3, 0x28, 0x90, 0x9D, 0xE2, 0x28],
    );
    let err = error_for(&["extract", "--format", "json", path.to_str().unwrap()]);
    assert!(
        err.contains("garbage.txt") && err.contains("invalid UTF-8"),
        "{err}"
    );
}

#[test]
fn error_empty_file() {
    let dir = TempDir::new("empty");
    let path = dir.file("empty.txt", "");
    let err = error_for(&["extract", "--format", "json", path.to_str().unwrap()]);
    assert!(err.contains("empty.txt: empty file"), "{err}");
}

#[test]
fn error_file_over_the_size_limit() {
    let dir = TempDir::new("large");
    let path = dir.file(
        "large.txt",
        "The quay is closed, Tom Berg said. ".repeat(40_000),
    );
    let err = error_for(&[
        "extract",
        "--format",
        "json",
        "--max-size",
        "1",
        path.to_str().unwrap(),
    ]);
    assert!(err.contains("large.txt") && err.contains("limit"), "{err}");
}

#[test]
fn error_no_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("perm");
    let path = dir.file("secret.txt", "The quay is closed, Tom Berg said.");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running as a user who can read any file (root)");
        return;
    }
    let err = error_for(&["extract", "--format", "json", path.to_str().unwrap()]);
    assert!(err.contains("secret.txt: permission denied"), "{err}");
}

#[test]
fn a_bad_file_in_a_briefing_is_reported_and_skipped() {
    let dir = TempDir::new("mixed");
    let good = dir.file("good.txt", "The quay is closed, Tom Berg said.");
    let bad = dir.file("bad.pdf", b"%PDF-1.4\n");
    let out = briefing(
        &[
            "extract",
            "--format",
            "jsonl",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        !out.status.success(),
        "a failed input makes the exit status non-zero"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.pdf") && err.contains("PDF"), "{err}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        1,
        "the good file still comes out"
    );
}
