//! Hostile input, as a hostile but realistic user gives it: escape sequences in
//! articles and file names, symbolic link loops, devices, FIFOs, broken JSON
//! Lines, pathological HTML, closed and broken output. Every run here has a
//! deadline: an input that hangs fails its test instead of hanging the suite.
//! Deadlines are generous (the machine may be busy); the floors themselves
//! (under 2 s) are measured on release builds, see the README.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_briefing");

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("hostile-{name}-{}", std::process::id()));
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
        // Locked directories must be unlocked to be removed.
        let _ = Command::new("chmod")
            .args(["-R", "u+rwx"])
            .arg(&self.0)
            .status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run gave, and how long it took.
struct Run {
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: String,
    took: Duration,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    fn code(&self) -> Option<i32> {
        self.status.and_then(|s| s.code())
    }
}

/// Collects a child's output on threads, waits up to `deadline`, and kills it
/// after that (status `None`).
fn finish(mut child: Child, deadline: Duration) -> Run {
    let start = Instant::now();
    let mut out = child.stdout.take();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(out) = out.as_mut() {
            let _ = out.read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = start.elapsed();
    Run {
        status,
        stdout: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
        took,
    }
}

/// A child's address space is capped, so that a run that reads without end
/// fails on its own instead of taking the machine's memory.
fn capped(cmd: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child
    // before exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 3 << 30,
                rlim_max: 3 << 30,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        })
    }
}

fn run(args: &[&str], stdin: &[u8], deadline: Duration) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = capped(&mut cmd).spawn().expect("briefing runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written on a thread: a child that stops reading must not block the test.
    std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    finish(child, deadline)
}

const DEADLINE: Duration = Duration::from_secs(30);

/// Characters that would drive a terminal or reorder a line: C0 controls but
/// the line feed, DEL, C1 controls, bidi embeddings, overrides, isolates and
/// marks.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
        })
        .collect()
}

/// An article with an escape sequence in every string a listing or a note
/// shows: the title (OSC 0 and a screen clear), a speaker's name (C1 CSI), a
/// role (BEL), the statements (OSC 52 clipboard write, OSC 8 link, bidi
/// override).
const HOSTILE: &str = "Harbour \u{1b}]0;pwned\u{7}vote\u{1b}[2J\n\n\
    Mayor Ana Ru\u{9b}1miz said the harbour \u{1b}]52;c;cm0gLXJmIC8=\u{7}would reopen in May.\n\n\
    “We will \u{202e}nepo\u{202c} on time,” said Tom Berg, the \u{7}port director.\n\n\
    “The \u{1b}]8;;http://evil.example\u{7}plan\u{1b}]8;;\u{7} is sound,” Berg added.\n";

fn hostile_files(dir: &TempDir) -> (PathBuf, PathBuf) {
    let evil = dir.file("evil\u{1b}[31m\u{202e}txt.\u{7}.txt", HOSTILE);
    let plain = dir.file("plain.txt", "The council met on Tuesday, Lena Okafor said.");
    (evil, plain)
}

#[test]
fn listings_and_notes_show_escapes_not_obey_them_wherever_they_go() {
    let dir = TempDir::new("escapes");
    let (evil, plain) = hostile_files(&dir);
    let (evil, plain) = (evil.to_str().unwrap(), plain.to_str().unwrap());
    for format in ["text", "markdown"] {
        for inputs in [vec![evil], vec![evil, plain]] {
            let mut args = vec!["extract", "--format", format];
            args.extend(&inputs);
            let r = run(&args, b"", DEADLINE);
            assert_eq!(r.code(), Some(0), "{format}: {}", r.stderr);
            let out = r.out();
            assert!(out.contains("Berg"), "{format}:\n{out}");
            assert!(
                out.contains('␛'),
                "ESC shown as a picture ({format}):\n{out}"
            );
            let raw = raw_controls(&out);
            assert!(raw.is_empty(), "{format} {inputs:?}: raw {raw:?} in\n{out}");
        }
    }
    // The reader's listing when stdout is not a terminal.
    let r = run(&[evil, plain], b"", DEADLINE);
    assert!(raw_controls(&r.out()).is_empty(), "{}", r.out());
    // Errors name files with their controls shown.
    let missing = format!("{}/gone\u{1b}]0;x\u{7}.txt", dir.0.display());
    let r = run(&["extract", &missing], b"", DEADLINE);
    assert!(
        raw_controls(&r.stderr).is_empty() && r.stderr.contains("gone␛"),
        "{}",
        r.stderr
    );
}

#[test]
fn json_keeps_the_text_exact_with_every_control_escaped() {
    let dir = TempDir::new("json-escapes");
    let (evil, _) = hostile_files(&dir);
    for format in ["json", "jsonl"] {
        let r = run(
            &["extract", "--format", format, evil.to_str().unwrap()],
            b"",
            DEADLINE,
        );
        assert_eq!(r.code(), Some(0), "{}", r.stderr);
        let out = r.out();
        assert!(
            raw_controls(&out).is_empty(),
            "{format}: {:?}",
            raw_controls(&out)
        );
        let doc: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(doc["text"], HOSTILE, "the text as given");
        assert!(
            doc["source"]
                .as_str()
                .unwrap()
                .contains("evil\u{1b}[31m\u{202e}")
        );
    }
}

/// A tree where `self` links to its own folder and `sub/up` back to the top:
/// following links without a check never ends.
#[test]
fn symlink_loops_are_walked_once_each() {
    let dir = TempDir::new("loops");
    dir.file("a.txt", "The quay is closed, Tom Berg said.");
    dir.file("sub/b.txt", "The port will reopen, Ana Ruiz said.");
    std::os::unix::fs::symlink(".", dir.0.join("self")).unwrap();
    std::os::unix::fs::symlink("..", dir.0.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("b.txt", dir.0.join("sub/same-b.txt")).unwrap();
    let r = run(
        &[
            "extract",
            "-r",
            "--format",
            "jsonl",
            dir.0.to_str().unwrap(),
        ],
        b"",
        Duration::from_secs(10),
    );
    assert_eq!(r.code(), Some(0), "ended in time, well: {}", r.stderr);
    let sources: Vec<String> = r
        .out()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(sources.len(), 2, "each file once: {sources:?}");
    assert!(r.took < Duration::from_secs(10));
}

#[test]
fn an_unreadable_subdirectory_is_reported_and_the_rest_read() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let dir = TempDir::new("locked");
    dir.file("a.txt", "The quay is closed, Tom Berg said.");
    dir.file("locked/b.txt", "The port will reopen, Ana Ruiz said.");
    dir.file("z/c.txt", "The cost was high, Lena Okafor said.");
    let locked = dir.0.join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(["extract", "-r", "--format", "jsonl"])
        .arg(&dir.0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: geteuid is always safe to call.
    if unsafe { libc::geteuid() } == 0 {
        // Root reads any folder: the run is someone else's (nobody's).
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setgid(65534) != 0
                    || libc::setuid(65534) != 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let r = finish(cmd.spawn().unwrap(), DEADLINE);
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert_eq!(
        r.out().lines().count(),
        2,
        "the rest of the tree:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("locked: permission denied"),
        "{}",
        r.stderr
    );
}

/// Devices and pipes have no size to check first: the limit holds while reading.
#[test]
fn size_limits_hold_for_devices_and_pipes() {
    let r = run(
        &["extract", "--max-size", "1", "/dev/zero"],
        b"",
        Duration::from_secs(20),
    );
    assert_eq!(r.code(), Some(1), "refused: {}", r.stderr);
    assert!(
        r.stderr
            .contains("/dev/zero: input is larger than the limit of 1 MB (--max-size)"),
        "{}",
        r.stderr
    );
    let big = "Tom Berg said the quay was closed. ".repeat(40_000);
    let r = run(
        &["extract", "--max-size", "1", "-"],
        big.as_bytes(),
        DEADLINE,
    );
    assert!(
        r.stderr
            .contains("-: input is larger than the limit of 1 MB"),
        "{}",
        r.stderr
    );
    let r = run(
        &["extract", "--max-size", "1", "/dev/stdin"],
        big.as_bytes(),
        DEADLINE,
    );
    assert!(
        r.stderr.contains("larger than the limit of 1 MB"),
        "{}",
        r.stderr
    );
}

/// "file is 0 MB, larger than the 0 MB limit" said nothing.
#[test]
fn size_messages_never_round_a_size_down_to_the_limit() {
    let dir = TempDir::new("sizes");
    let file = dir.file(
        "half.txt",
        "Tom Berg said the quay was closed. ".repeat(15_000),
    );
    let r = run(
        &["extract", "--max-size", "0", file.to_str().unwrap()],
        b"",
        DEADLINE,
    );
    assert!(
        r.stderr
            .contains("half.txt: file is 513 KB, larger than the limit of 0 bytes"),
        "{}",
        r.stderr
    );
    let file = dir.file("more.txt", "x".repeat((1 << 20) + 1));
    let r = run(
        &["extract", "--max-size", "1", file.to_str().unwrap()],
        b"",
        DEADLINE,
    );
    assert!(
        r.stderr
            .contains("file is 1.1 MB, larger than the limit of 1 MB"),
        "{}",
        r.stderr
    );
}

fn jsonl_ids(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("valid JSON")["id"].to_string()
        })
        .collect()
}

#[test]
fn a_bad_batch_line_is_reported_with_its_number_and_skipped() {
    let mut input = Vec::new();
    input.extend(br#"{"id": 1, "text": "The quay is closed, Tom Berg said."}"#);
    input.extend(b"\n{\"id\": 2, \"text\": \"Caf\xe9 owners said rents doubled.\"}\n");
    input.extend(br#"{"id": 3, "text": "The port will reopen, Ana Ruiz said."}"#);
    input.extend(b"\n");
    input.extend(br#"{"id": 4, "text": "A lone \ud800 surrogate, she said."}"#);
    input.extend(b"\n\n");
    input.extend(br#"{"id": 6, "body": "No text field here, he said."}"#);
    input.extend(b"\n{\"id\": 7, \"text\": \"unclosed\n");
    input.extend(br#"["not", "an", "object"]"#);
    input.extend(b"\n");
    input.extend(br#"{"id": 9, "text": "The cost was high, Lena Okafor said."}"#);
    input.extend(b"\n");
    let r = run(&["extract", "--format", "jsonl"], &input, DEADLINE);
    assert_eq!(r.code(), Some(1), "some lines were skipped: {}", r.stderr);
    assert_eq!(jsonl_ids(&r.out()), ["1", "3", "9"], "{}", r.stderr);
    for (line, what) in [
        (2, "invalid UTF-8"),
        (4, "hex escape"),
        (6, "no \"text\""),
        (7, "invalid JSON"),
        (8, "not a JSON object"),
    ] {
        assert!(
            r.stderr.contains(&format!("-: line {line}: ")) && r.stderr.contains(what),
            "line {line} ({what}):\n{}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("5 lines skipped"), "{}", r.stderr);
}

/// A line without end is refused at the limit, without holding it in memory,
/// and the lines after it still come out.
#[test]
fn batch_lines_obey_the_size_limit() {
    let mut input = Vec::new();
    input.extend(br#"{"id": "a", "text": "The quay is closed, Tom Berg said."}"#);
    input.extend(b"\n{\"id\": \"long\", \"text\": \"");
    input.extend(
        "Tom Berg said the quay was closed. "
            .repeat(60_000)
            .as_bytes(),
    );
    input.extend(b"\"}\n");
    input.extend(br#"{"id": "b", "text": "The port will reopen, Ana Ruiz said."}"#);
    input.extend(b"\n");
    let r = run(
        &["extract", "--format", "jsonl", "--max-size", "1"],
        &input,
        DEADLINE,
    );
    assert_eq!(jsonl_ids(&r.out()), ["\"a\"", "\"b\""], "{}", r.stderr);
    assert!(
        r.stderr
            .contains("-: line 2: longer than the limit of 1 MB"),
        "{}",
        r.stderr
    );
    assert_eq!(r.code(), Some(1));
}

#[test]
fn deep_html_and_many_attributes_parse_in_linear_time() {
    let dir = TempDir::new("deep-html");
    let n = 100_000;
    let deep = format!(
        "<html><body>{}<p>The port will reopen in May, Ana Ruiz said on Monday.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let attrs: String = (0..n).map(|k| format!(" data-a{k}=\"{k}\"")).collect();
    let wide = format!(
        "<html><body><article{attrs}><p>The quay is closed, Tom Berg said on Tuesday.</p></article></body></html>"
    );
    for (name, page, speaker) in [
        ("deep.html", deep, "Ana Ruiz"),
        ("wide.html", wide, "Tom Berg"),
    ] {
        let path = dir.file(name, page);
        let r = run(
            &["extract", "--format", "text", path.to_str().unwrap()],
            b"",
            DEADLINE,
        );
        assert_eq!(r.code(), Some(0), "{name} in time: {}", r.stderr);
        assert!(r.out().contains(speaker), "{name}:\n{}", r.out());
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo");
}

/// A FIFO nobody writes to waits, as `cat` does, but the inputs before it come
/// out meanwhile; a FIFO written later, and a pipe as `<(...)` gives, are read.
#[test]
fn a_fifo_without_writer_holds_up_no_input_before_it() {
    let dir = TempDir::new("fifo");
    let good = dir.file("good.txt", "The quay is closed, Tom Berg said.");
    let fifo = dir.0.join("no-writer.fifo");
    mkfifo(&fifo);
    for format in ["jsonl", "text"] {
        let mut child = Command::new(BIN)
            .args(["extract", "--format", format])
            .arg(&good)
            .arg(&fifo)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            let n = out.read(&mut buf).unwrap_or(0);
            let _ = tx.send(String::from_utf8_lossy(&buf[..n]).into_owned());
        });
        let first = rx.recv_timeout(DEADLINE);
        let _ = child.kill();
        let _ = child.wait();
        let first = first.unwrap_or_default();
        assert!(
            first.contains("Tom Berg"),
            "{format}: the good file came out: {first:?}"
        );
    }
    // A writer that comes late.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            std::fs::write(&fifo, "The port will reopen, Ana Ruiz said.").unwrap();
        })
    };
    let r = run(
        &[
            "extract",
            "--format",
            "jsonl",
            good.to_str().unwrap(),
            fifo.to_str().unwrap(),
        ],
        b"",
        DEADLINE,
    );
    writer.join().unwrap();
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert_eq!(r.out().lines().count(), 2);
    // A pipe named by path, as `<(...)` gives it.
    let r = run(
        &[
            "extract",
            "--format",
            "jsonl",
            "/dev/stdin",
            good.to_str().unwrap(),
        ],
        b"The port will reopen, Ana Ruiz said.",
        DEADLINE,
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(
        r.out().lines().next().unwrap_or("").contains("Ana Ruiz"),
        "{}",
        r.out()
    );
}

/// The output goes to a pipe whose reader has gone: a quiet exit 0 in every
/// format (as ripgrep), no message.
#[test]
fn a_broken_pipe_ends_quietly_in_every_format() {
    let dir = TempDir::new("pipe");
    // Well over a pipe's buffer in every format.
    let text: String = (0..3000)
        .map(|k| format!("“Item {k} is on the list,” Tom Berg said.\n\n"))
        .collect();
    let file = dir.file("long.txt", text);
    for format in ["json", "jsonl", "text", "markdown"] {
        let mut child = Command::new(BIN)
            .args(["extract", "--format", format])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader of the output goes before reading anything.
        drop(child.stdout.take());
        let r = finish(child, DEADLINE);
        assert_eq!(r.code(), Some(0), "{format}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{format}: no message");
    }
}

/// `briefing extract >&-`: the output would go nowhere, so that is an error.
#[test]
fn a_closed_stdout_is_an_error() {
    use std::os::unix::process::CommandExt;
    let dir = TempDir::new("closed");
    let file = dir.file("a.txt", "The quay is closed, Tom Berg said.");
    for format in ["json", "text"] {
        let mut cmd = Command::new(BIN);
        cmd.args(["extract", "--format", format])
            .arg(&file)
            .stderr(Stdio::piped());
        // SAFETY: close is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                libc::close(1);
                Ok(())
            });
        }
        let r = finish(cmd.spawn().unwrap(), DEADLINE);
        assert_eq!(r.code(), Some(1), "{format}: {}", r.stderr);
        assert!(
            r.stderr.contains("standard output is closed"),
            "{}",
            r.stderr
        );
    }
    // Thrown away on purpose is fine.
    let r = finish(
        Command::new(BIN)
            .args(["extract"])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
        DEADLINE,
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
}

/// A zero-width joiner or a soft hyphen inside a name is the same name: one
/// actor, named without it, every mention on the text as given.
#[test]
fn invisible_characters_inside_a_name_make_no_second_actor() {
    let text = "The port will reopen next week, Ana Ruiz said on Monday.\n\n\
        The cost was high, Ana Ru\u{200d}iz said later.\n\n\
        The dredging starts in May, Ana R\u{ad}uiz added. “We are ready,” she said. 👩\u{200d}👩\u{200d}👧\n";
    let r = run(
        &["extract", "--format", "json", "-"],
        text.as_bytes(),
        DEADLINE,
    );
    let doc: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    let actors = doc["actors"].as_array().unwrap();
    let names: Vec<&str> = actors.iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ana Ruiz"], "one actor");
    assert_eq!(actors[0]["statements"], 4);
    let chars: Vec<char> = text.chars().collect();
    let mentions: Vec<String> = actors[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            chars[s as usize..e as usize].iter().collect()
        })
        .collect();
    assert!(
        mentions.contains(&"Ana Ru\u{200d}iz".to_string()),
        "{mentions:?}"
    );
    assert_eq!(doc["text"], text, "the text as given, joiners and all");
}
