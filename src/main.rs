use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

fn main() -> ExitCode {
    briefing::cli::run_checked(STDOUT_CLOSED.load(Ordering::Relaxed))
}

/// Whether the process started with stdout closed (`briefing extract >&-`).
///
/// The Rust runtime opens `/dev/null` in place of a closed standard stream
/// before `main`, so writes would succeed into nothing; looking at fd 1 from a
/// constructor, which runs before the runtime does, tells a closed stdout from
/// one redirected to `/dev/null` on purpose.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

extern "C" fn note_closed_stdout() {
    // SAFETY: F_GETFD only reads the descriptor's flags; it fails with EBADF
    // when the descriptor is not open.
    if unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1 {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
}

#[used]
#[cfg_attr(
    any(target_os = "linux", target_os = "android", target_os = "freebsd"),
    unsafe(link_section = ".init_array")
)]
#[cfg_attr(
    target_vendor = "apple",
    unsafe(link_section = "__DATA,__mod_init_func")
)]
static NOTE_CLOSED_STDOUT: extern "C" fn() = note_closed_stdout;
