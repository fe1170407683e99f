//! Running the `briefing` binary from integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `briefing` with `args`, feeding it `stdin`, and waits for it to end.
pub fn briefing(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("briefing runs");
    // The run may refuse before reading stdin: a closed pipe is no failure.
    let _ = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_ref());
    child.wait_with_output().expect("briefing ends")
}
