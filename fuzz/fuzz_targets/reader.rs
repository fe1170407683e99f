//! The reader's update step and renderer on arbitrary keys, pastes, clicks and
//! resizes: no panic, the state stays consistent, a copy carries no control
//! character, and a paste never runs a command.
#![no_main]

use briefing::Document;
use briefing::tui::app::{App, Effect};
use briefing::tui::{Theme, ThemeName};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::sync::OnceLock;

/// Two articles, one of them hostile, analysed once.
fn base() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| {
        let hostile = "Harbour \u{1b}]0;x\u{7}vote\n\nMayor Ana Ru\u{200d}iz said the harbour \
            \u{1b}[2Jwould reopen.\n\n“We will \u{202e}nepo\u{202c} on time,” said Tom Berg, the \
            \u{9b}port director. “Ünïcode İs fine,” Berg added. 👩\u{200d}👩\u{200d}👧";
        let mut app = App::new(vec![
            Document::new("hostile\u{1b}.txt", hostile),
            Document::new("sample", briefing::input::SAMPLE),
        ]);
        // Notes and statements cannot be written here: `s`, `e` and `Y` only say so.
        app.set_export_dir("/nonexistent/briefing-fuzz".into());
        app
    })
}

const CODES: [KeyCode; 16] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Delete,
    KeyCode::F(1),
    KeyCode::Null,
];

/// The next event from the bytes, or `None` when they are used up.
fn next_event(data: &mut &[u8]) -> Option<Event> {
    let (&op, rest) = data.split_first()?;
    *data = rest;
    let mut byte = || -> u8 {
        let (&b, rest) = data.split_first().unwrap_or((&0, &[]));
        *data = rest;
        b
    };
    Some(match op % 8 {
        // Printable keys: every bound letter and more.
        0..=2 => Event::Key(KeyEvent::new(
            KeyCode::Char(char::from(b' ' + byte() % 95)),
            KeyModifiers::NONE,
        )),
        3 => Event::Key(KeyEvent::new(
            CODES[usize::from(byte()) % CODES.len()],
            KeyModifiers::NONE,
        )),
        4 => {
            let m = byte();
            let mods = KeyModifiers::from_bits_truncate(m & 0b111);
            Event::Key(KeyEvent::new(
                KeyCode::Char(char::from(b'a' + byte() % 26)),
                mods,
            ))
        }
        5 => {
            // A paste: any text, controls and broken UTF-8 included.
            let len = usize::from(byte()).min(data.len());
            let (text, rest) = data.split_at(len);
            *data = rest;
            Event::Paste(String::from_utf8_lossy(text).into_owned())
        }
        6 => Event::Resize(u16::from(byte()), u16::from(byte() / 2)),
        _ => {
            let kind = match byte() % 5 {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::Up(MouseButton::Left),
                2 => MouseEventKind::ScrollDown,
                3 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::Moved,
            };
            Event::Mouse(MouseEvent {
                kind,
                column: u16::from(byte()),
                row: u16::from(byte() / 2),
                modifiers: KeyModifiers::NONE,
            })
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let mut app = base().clone();
    app.resize(100, 30);
    let theme = Theme::new(ThemeName::Dark, briefing::tui::ColorDepth::Indexed256);
    let mut data = data;
    let mut burst = 0;
    while let Some(event) = next_event(&mut data) {
        if !app.is_running() {
            break;
        }
        let before = (
            app.mode().clone(),
            app.current(),
            app.article().selected,
            app.focus(),
        );
        // Events come in bursts, as the terminal loop takes them.
        let effect = app.take_event(&event);
        if let Event::Paste(_) = event {
            assert!(effect.is_none(), "a paste ran a command");
            assert!(app.is_running(), "a paste quit");
            if !before.0.in_prompt() {
                assert_eq!(
                    (
                        app.mode().clone(),
                        app.current(),
                        app.article().selected,
                        app.focus()
                    ),
                    before,
                    "a paste outside the prompt changed the view"
                );
            }
        }
        if let Some(Effect::Copy(text)) = &effect {
            assert!(
                !text.chars().any(|c| c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "raw control in the clipboard: {text:?}"
            );
        }
        burst += 1;
        if burst % 7 == 0 || data.is_empty() {
            app.settle();
            let area = app.layout().area;
            if area.width > 0 && area.height > 0 && area.width <= 300 {
                let mut terminal = Terminal::new(TestBackend::new(area.width, area.height))
                    .expect("a test terminal");
                terminal
                    .draw(|frame| briefing::tui::render::draw(frame, &app, &theme))
                    .expect("drawn");
            }
        }
        assert!(app.current() < app.articles().len());
        let art = app.article();
        if let Some(s) = art.selected {
            assert!(s < art.doc.analysis.statements.len());
        }
        for m in &art.matches {
            assert!(m.end <= art.doc.text.len() && art.doc.text.is_char_boundary(m.start));
            assert!(art.doc.text.is_char_boundary(m.end));
        }
    }
});
