//! The terminal side: entering and leaving full-screen mode, the panic hook,
//! signals, the event loop, and the few effects only a terminal can carry out.
//!
//! Whatever happens — `q`, an error, a panic, SIGTERM or SIGHUP — the terminal is
//! handed back as it was: raw mode off, main screen back, mouse capture off,
//! cursor shown. Only a panic on the reader's own thread restores the terminal
//! (a worker's panic is caught and reported as that article's failure).
//!
//! For the end-to-end test of that promise, a debug build panics after its
//! first frame when `BRIEFING_TEST_PANIC_AFTER_FIRST_FRAME` is set.

use super::app::{App, Effect};
use super::load::Loader;
use super::render;
use super::theme::{ColorDepth, Theme, ThemeName};
use crate::input::LoadError;
use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once, OnceLock};
use std::time::{Duration, Instant};

/// How the reader was asked to look and behave.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `None`: monochrome under NO_COLOR, else guessed from the terminal.
    pub theme: Option<ThemeName>,
    /// Capture the mouse (clicks and wheel); off leaves native text selection.
    pub mouse: bool,
}

/// How a reader session ended.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Inputs that could not be read (or analysed), to report after the screen is back.
    pub errors: Vec<LoadError>,
    /// The signal that ended the session, if one did.
    pub signal: Option<i32>,
}

/// The environment variable that makes a debug build panic after its first frame.
pub const TEST_PANIC_VAR: &str = "BRIEFING_TEST_PANIC_AFTER_FIRST_FRAME";

/// Chooses the theme: an explicit choice, else NO_COLOR, else the background
/// colour the terminal advertises in COLORFGBG ("15;0" is light on dark).
pub fn pick_theme(choice: Option<ThemeName>) -> ThemeName {
    if let Some(name) = choice {
        return name;
    }
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return ThemeName::Mono;
    }
    let light_bg = std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| v.rsplit(';').next().and_then(|bg| bg.parse::<u8>().ok()))
        .is_some_and(|bg| bg == 7 || bg >= 9);
    if light_bg {
        ThemeName::Light
    } else {
        ThemeName::Dark
    }
}

/// Events taken in one go before the reader searches and draws.
const MAX_BURST: usize = 4096;

/// How often the briefing join is rebuilt while analyses pour in.
const REJOIN_EVERY: Duration = Duration::from_millis(300);

/// SIGTERM, SIGHUP and SIGINT, watched while the reader runs: the first ends
/// the session through the normal exit path (so the terminal is restored); a
/// second one ends the process at once.
struct Signals {
    /// The last signal received (0: none).
    last: Arc<AtomicUsize>,
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn watch() -> Signals {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let received = Arc::new(AtomicBool::new(false));
        let last = Arc::new(AtomicUsize::new(0));
        let mut ids = Vec::new();
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            // Registered first, so it sees the flag as the previous signal left it.
            ids.extend(
                signal_hook::flag::register_conditional_shutdown(
                    sig,
                    128 + sig,
                    Arc::clone(&received),
                )
                .ok(),
            );
            ids.extend(signal_hook::flag::register(sig, Arc::clone(&received)).ok());
            ids.extend(
                signal_hook::flag::register_usize(sig, Arc::clone(&last), sig as usize).ok(),
            );
        }
        Signals { last, ids }
    }

    fn received(&self) -> Option<i32> {
        match self.last.load(Ordering::Relaxed) {
            0 => None,
            n => Some(n as i32),
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Ends the process when its terminal hangs up.
///
/// crossterm 0.29 spins inside `event::poll` once the terminal is gone (its
/// reads return end-of-file forever, crossterm-rs/crossterm#793), so the event
/// loop would neither see the hangup nor the SIGHUP that came with it, and
/// would burn a core until killed. This thread waits on the terminal for a
/// hangup and exits; a terminal that is gone has nothing left to restore.
struct HangupWatch {
    stop: Arc<AtomicBool>,
}

impl HangupWatch {
    const CHECK_EVERY_MS: i32 = 200;

    fn start() -> HangupWatch {
        use std::io::IsTerminal;
        use std::os::fd::AsRawFd;
        let stop = Arc::new(AtomicBool::new(false));
        // The terminal crossterm reads: stdin, or /dev/tty when stdin is the
        // article (a pipe at its end would look hung up).
        let tty = if std::io::stdin().is_terminal() {
            None
        } else {
            match std::fs::File::open("/dev/tty") {
                Ok(tty) => Some(tty),
                Err(_) => return HangupWatch { stop },
            }
        };
        let fd = tty.as_ref().map_or(0, |f| f.as_raw_fd());
        {
            let stop = Arc::clone(&stop);
            let _detached = std::thread::Builder::new()
                .name("hangup-watch".into())
                .spawn(move || {
                    let _tty = tty; // kept open while watched
                    while !stop.load(Ordering::Relaxed) {
                        let mut watched = libc::pollfd {
                            fd,
                            events: 0, // hangups and errors are always reported
                            revents: 0,
                        };
                        // SAFETY: one valid pollfd, for the duration of the call.
                        let ready = unsafe { libc::poll(&mut watched, 1, Self::CHECK_EVERY_MS) };
                        let gone = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
                        if ready > 0 && watched.revents & gone != 0 {
                            std::process::exit(128 + libc::SIGHUP);
                        }
                        if ready < 0
                            && std::io::Error::last_os_error().kind()
                                != std::io::ErrorKind::Interrupted
                        {
                            return;
                        }
                    }
                });
        }
        HangupWatch { stop }
    }
}

impl Drop for HangupWatch {
    fn drop(&mut self) {
        // Not joined: quitting should not wait for the thread's next check.
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Runs the reader until the user quits, feeding it what `loader` reads.
///
/// The first frame shows what has arrived; articles and analyses fill in as
/// the workers finish them.
pub fn run(mut app: App, mut loader: Loader, options: Options) -> Result<Outcome> {
    // NO_COLOR is honoured by the monochrome theme. crossterm's own handling
    // would also cancel reverse video and bold, so it is switched off.
    ratatui::crossterm::style::force_color_output(true);
    let depth = ColorDepth::from_count(ratatui::crossterm::style::available_color_count());
    let theme = Theme::new(pick_theme(options.theme), depth);
    let test_panic = cfg!(debug_assertions) && std::env::var_os(TEST_PANIC_VAR).is_some();
    let signals = Signals::watch();
    let _hangup = HangupWatch::start();

    app.set_clipboard_doubt(clipboard_doubt(|name| std::env::var_os(name)));
    let mut session = Session::start(options.mouse)?;
    let mut dirty = true;
    let mut frames = 0u64;
    let mut last_join = Instant::now();
    while app.is_running() {
        if signals.received().is_some() {
            break;
        }
        if dirty {
            let size = session.terminal.size()?;
            app.resize(size.width, size.height);
            session
                .terminal
                .draw(|frame| render::draw(frame, &app, &theme))?;
            dirty = false;
            frames += 1;
            if test_panic && frames == 1 {
                panic!("{TEST_PANIC_VAR} is set: panicking after the first frame");
            }
        }
        // Wait for a key; while inputs are still being read, not for long.
        let loading = !loader.done();
        let timeout = if loading {
            Duration::from_millis(25)
        } else {
            Duration::from_millis(250)
        };
        if event::poll(timeout)? {
            let first = event::read().context("reading the terminal")?;
            let mut effects = Vec::new();
            dirty |= changes_something(&first);
            effects.extend(app.take_event(&first));
            // Take whatever else is queued (a wheel burst, keys pasted where
            // bracketed paste is not supported) before searching and drawing
            // once; a few thousand at most, so that a flood still draws.
            let mut taken = 1;
            while app.is_running() && taken < MAX_BURST && event::poll(Duration::ZERO)? {
                let next = event::read()?;
                dirty |= changes_something(&next);
                effects.extend(app.take_event(&next));
                taken += 1;
            }
            app.settle();
            for effect in effects {
                if let Err(e) = session.carry_out(effect) {
                    app.set_notice(Some(format!("could not copy: {e}")));
                    dirty = true;
                }
            }
        }
        if loading {
            for update in loader.poll() {
                app.apply_update(update);
                dirty = true;
            }
        }
        // The briefing's actors pane follows the analyses, a few times a second.
        if app.briefing().is_stale()
            && app.scope() == super::app::Scope::Briefing
            && last_join.elapsed() >= REJOIN_EVERY
        {
            app.rejoin();
            last_join = Instant::now();
            dirty = true;
        }
    }
    drop(session);
    Ok(Outcome {
        errors: app.errors().to_vec(),
        signal: signals.received(),
    })
}

/// Whether an event can change the screen: the pointer moving over the reader
/// (reported under mouse capture) does not, so it draws nothing.
fn changes_something(event: &Event) -> bool {
    !matches!(
        event,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Moved | MouseEventKind::Drag(_),
            ..
        }) | Event::FocusGained
            | Event::FocusLost
    )
}

/// The terminal in full-screen mode; dropping it restores the terminal.
struct Session {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

/// Whether the terminal is in full-screen mode, for the panic hook.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();
/// The thread that owns the terminal.
static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();

impl Session {
    fn start(mouse: bool) -> Result<Session> {
        let _ = UI_THREAD.set(std::thread::current().id());
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let on_ui = UI_THREAD.get() == Some(&std::thread::current().id());
                if on_ui {
                    if ACTIVE.swap(false, Ordering::SeqCst) {
                        restore();
                    }
                    previous(info);
                } else if !ACTIVE.load(Ordering::SeqCst) {
                    previous(info);
                }
                // A worker's panic while the screen is ours is caught and
                // reported with its article; printing it would scribble on
                // the screen.
            }));
        });
        enable_raw_mode().context("switching the terminal to raw mode")?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut out = stdout();
        // Bracketed paste: a paste arrives as text, never as keys that would
        // run commands.
        let entered =
            execute!(out, EnterAlternateScreen, Hide, EnableBracketedPaste).and_then(|()| {
                if mouse {
                    execute!(out, EnableMouseCapture)
                } else {
                    Ok(())
                }
            });
        if let Err(e) = entered {
            ACTIVE.store(false, Ordering::SeqCst);
            restore();
            return Err(e).context("setting up the terminal");
        }
        let terminal = match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(t) => t,
            Err(e) => {
                ACTIVE.store(false, Ordering::SeqCst);
                restore();
                return Err(e).context("setting up the terminal");
            }
        };
        Ok(Session { terminal })
    }

    fn carry_out(&mut self, effect: Effect) -> Result<()> {
        match effect {
            Effect::Redraw => self.terminal.clear()?,
            Effect::Copy(text) => {
                // OSC 52: the terminal (or tmux with set-clipboard) sets the clipboard,
                // also over ssh.
                let mut out = stdout();
                write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if ACTIVE.swap(false, Ordering::SeqCst) {
            restore();
        }
    }
}

/// Hands the terminal back: raw mode off, main screen, no mouse capture, no
/// bracketed paste, cursor on.
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

/// Why the terminal may not pass an OSC 52 copy on to the clipboard, from
/// the environment (`var` reads a variable): tmux does only with
/// `set-clipboard on`, GNU screen not at all, the Linux console has no
/// clipboard. Other terminals mostly do, but none says whether it did.
pub fn clipboard_doubt(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<&'static str> {
    if var("TMUX").is_some() {
        Some("tmux passes it on only with set-clipboard on")
    } else if var("STY").is_some() {
        Some("GNU screen does not pass it on")
    } else if var("TERM").is_some_and(|t| t == "linux") {
        Some("the Linux console has no clipboard")
    } else {
        None
    }
}

/// Standard base64 with padding, for OSC 52.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("“ok”".as_bytes()), "4oCcb2vigJ0=");
    }
}
