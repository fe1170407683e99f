//! The terminal side: entering and leaving full-screen mode, the panic hook, the
//! event loop, and the few effects only a terminal can carry out.
//!
//! Whatever happens — `q`, an error, a panic — the terminal is handed back as it
//! was: raw mode off, main screen back, mouse capture off, cursor shown.

use super::app::{App, Effect};
use super::render;
use super::theme::{ColorDepth, Theme, ThemeName};
use crate::{Analysis, Document, analyze};
use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{Stdout, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How the reader was asked to look and behave.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `None`: monochrome under NO_COLOR, else guessed from the terminal.
    pub theme: Option<ThemeName>,
    /// Capture the mouse (clicks and wheel); off leaves native text selection.
    pub mouse: bool,
}

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

/// Runs the reader over `(source, text)` articles until the user quits.
///
/// The first frame shows the text at once; the engine reads the articles on a
/// worker thread and their statements light up as each analysis arrives.
pub fn run(articles: Vec<(String, String)>, options: Options) -> Result<()> {
    let docs: Vec<Document> = articles
        .into_iter()
        .map(|(source, text)| Document {
            source,
            text,
            analysis: Analysis::default(),
        })
        .collect();
    let texts: Vec<String> = docs.iter().map(|d| d.text.clone()).collect();
    let mut app = App::pending(docs);

    let (tx, analyses) = mpsc::channel::<(usize, Analysis)>();
    std::thread::spawn(move || {
        for (i, text) in texts.iter().enumerate() {
            if tx.send((i, analyze(text))).is_err() {
                return;
            }
        }
    });

    // NO_COLOR is honoured by the monochrome theme. crossterm's own handling
    // would also cancel reverse video and bold, so it is switched off.
    ratatui::crossterm::style::force_color_output(true);
    let depth = ColorDepth::from_count(ratatui::crossterm::style::available_color_count());
    let theme = Theme::new(pick_theme(options.theme), depth);

    let mut session = Session::start(options.mouse)?;
    let mut pending = app.articles.len();
    let mut dirty = true;
    while app.running {
        if dirty {
            let size = session.terminal.size()?;
            app.resize(size.width, size.height);
            session
                .terminal
                .draw(|frame| render::draw(frame, &app, &theme))?;
            dirty = false;
        }
        // Wait for a key, or for an analysis while any is still running.
        let ready = if pending > 0 {
            event::poll(Duration::from_millis(25))?
        } else {
            true
        };
        if ready {
            let first = event::read().context("reading the terminal")?;
            let mut effects = Vec::new();
            dirty |= changes_something(&first);
            effects.extend(app.handle_event(&first));
            // Take whatever else is queued (a wheel burst, a paste of keys) before
            // drawing once.
            while app.running && event::poll(Duration::ZERO)? {
                let next = event::read()?;
                dirty |= changes_something(&next);
                effects.extend(app.handle_event(&next));
            }
            for effect in effects {
                session.carry_out(effect)?;
            }
        }
        while let Ok((index, analysis)) = analyses.try_recv() {
            app.set_analysis(index, analysis);
            pending = pending.saturating_sub(1);
            dirty = true;
        }
    }
    Ok(())
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

impl Session {
    fn start(mouse: bool) -> Result<Session> {
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if ACTIVE.swap(false, Ordering::SeqCst) {
                    restore();
                }
                previous(info);
            }));
        });
        enable_raw_mode().context("switching the terminal to raw mode")?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut out = stdout();
        let entered = execute!(out, EnterAlternateScreen, Hide).and_then(|()| {
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

/// Hands the terminal back: raw mode off, main screen, no mouse capture, cursor on.
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
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
