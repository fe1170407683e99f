//! How `briefing` starts: help, version, and the listing when stdout is no terminal.

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_briefing");

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("running briefing");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_names_the_reader_options() {
    let (ok, out, _) = run(&["--help"]);
    assert!(ok);
    for word in ["--theme", "--no-mouse", "extract", "[INPUTS]..."] {
        assert!(out.contains(word), "{word} in\n{out}");
    }
}

#[test]
fn version() {
    let (ok, out, _) = run(&["--version"]);
    assert!(ok);
    assert!(out.starts_with("briefing "), "{out}");
}

#[test]
fn piped_output_is_the_text_listing_not_a_screen() {
    let (ok, out, _) = run(&[]);
    assert!(ok);
    assert!(!out.contains('\u{1b}'), "no escape sequences in a pipe");
    for name in ["Peskov", "Blinken", "Putin", "Lavrov", "Kuleba"] {
        assert!(out.contains(name), "{name} in the listing");
    }
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sample/nato-open-door.txt"
    );
    let (_, listing, _) = run(&["extract", "--format", "text", sample]);
    assert_eq!(out, listing, "the same listing as `extract --format text`");
}

#[test]
fn unknown_themes_and_missing_files_are_reported() {
    let (ok, _, err) = run(&["--theme", "sepia"]);
    assert!(!ok);
    assert!(err.contains("sepia"), "{err}");
    let (ok, _, err) = run(&["/no/such/article.txt"]);
    assert!(!ok);
    assert!(err.contains("/no/such/article.txt"), "{err}");
}

#[test]
fn a_piped_article_is_read_instead_of_the_sample() {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("running briefing");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "“The port will reopen on Monday,” said Ana Ruiz, the harbour master.\n".as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("Ana Ruiz"), "{listing}");
    assert!(!listing.contains("Peskov"), "not the sample:\n{listing}");
}
