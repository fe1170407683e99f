//! The reader's state against hostile input, without a terminal: what it copies
//! and writes carries no control character, a paste is text and never keys, a
//! huge paste into the search prompt costs one search, and a reader whose
//! inputs are still on their way answers its keys.

use briefing::Document;
use briefing::tui::App;
use briefing::tui::app::{Effect, InputMode};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn special(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Characters that would drive a terminal or reorder a line (see tests/hostile.rs).
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
        })
        .collect()
}

const HOSTILE: &str = "Harbour \u{1b}]0;pwned\u{7}vote\u{1b}[2J\n\n\
    Mayor Ana Ru\u{9b}1miz said the harbour \u{1b}]52;c;cm0gLXJmIC8=\u{7}would reopen in May.\n\n\
    “We will \u{202e}nepo\u{202c} on time,” said Tom Berg, the \u{7}port director.\n\n\
    “The \u{1b}]8;;http://evil.example\u{7}plan\u{1b}]8;;\u{7} is sound,” Berg added.\n";

const PLAIN: &str = "Quay closed\n\nThe quay is closed for repairs, Tom Berg said on Tuesday.\n";

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("reader-hostile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn hostile_app() -> App {
    let mut app = App::new(vec![
        Document::new("evil\u{1b}[31m\u{202e}txt.\u{7}.txt", HOSTILE),
        Document::new("plain.txt", PLAIN),
    ]);
    app.resize(120, 40);
    app
}

#[test]
fn the_clipboard_gets_no_control_character() {
    let mut app = hostile_app();
    let statements = app.article().doc.analysis.statements.len();
    assert!(statements >= 3, "the engine finds the statements");
    for _ in 0..statements {
        let effects: Vec<Effect> = app.handle_event(&key('y')).into_iter().collect();
        let [Effect::Copy(text)] = effects.as_slice() else {
            panic!("y copies: {effects:?}");
        };
        assert!(raw_controls(text).is_empty(), "{text:?}");
        app.handle_event(&key('j'));
    }
}

#[test]
fn the_note_gets_no_control_character() {
    let dir = temp_dir("note");
    let mut app = hostile_app();
    app.set_export_dir(dir.clone());
    // The article's note, then the briefing's (which lists the file names).
    app.handle_event(&key('e'));
    app.handle_event(&special(KeyCode::Enter));
    app.handle_event(&key('B'));
    app.handle_event(&key('s'));
    app.handle_event(&special(KeyCode::Enter));
    let mut notes: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    notes.sort_by_key(String::len);
    assert_eq!(notes.len(), 2, "two notes written");
    for note in &notes {
        assert!(note.contains("Berg"), "{note}");
        assert!(
            raw_controls(note).is_empty(),
            "{:?} in\n{note}",
            raw_controls(note)
        );
    }
    assert!(
        notes[1].contains("evil␛[31m"),
        "the file name, shown:\n{}",
        notes[1]
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// "Here is a quote you asked about." pasted as keys would write notes (`e`)
/// and quit (`q`).
#[test]
fn a_paste_runs_no_command() {
    let dir = temp_dir("paste");
    let mut app = hostile_app();
    app.set_export_dir(dir.clone());
    let before = app.article().selected;
    let effect = app.handle_event(&Event::Paste(
        "Here is a quote you asked about. yes, quit? y e q\n".into(),
    ));
    assert_eq!(effect, None, "nothing copied");
    assert!(app.is_running(), "not quit");
    assert_eq!(*app.mode(), InputMode::Normal);
    assert_eq!(app.article().selected, before, "nothing moved");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no note written"
    );
    assert!(
        app.notice().unwrap_or("").contains("paste"),
        "{:?}",
        app.notice()
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_paste_into_the_search_prompt_is_one_line_of_query() {
    let mut app = hostile_app();
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('}'),
        KeyModifiers::NONE,
    )));
    app.handle_event(&key('/'));
    app.handle_event(&Event::Paste("quay is\nclosed\u{1b}[2J".into()));
    let InputMode::Search(prompt) = app.mode() else {
        panic!("still in the prompt");
    };
    assert_eq!(prompt.input, "quay is closed[2J");
    for _ in 0..3 {
        app.handle_event(&Event::Key(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    assert_eq!(app.query(), "quay is closed");
    assert_eq!(app.article().matches.len(), 1);
    app.handle_event(&special(KeyCode::Enter));
    assert_eq!(*app.mode(), InputMode::Normal);
    assert!(app.is_running());
}

/// 100 KB pasted into the prompt: one search, then the keys answer at once.
#[test]
fn a_huge_paste_into_the_search_prompt_costs_one_search() {
    let mut app = hostile_app();
    app.handle_event(&key('/'));
    let paste = "the harbour plan would reopen é ".repeat(3200);
    assert!(paste.len() > 100_000);
    let start = Instant::now();
    app.handle_event(&Event::Paste(paste.clone()));
    app.handle_event(&special(KeyCode::Esc));
    app.handle_event(&key('j'));
    // Milliseconds when linear; a generous bound for a busy machine.
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(*app.mode(), InputMode::Normal);

    // Without bracketed paste the same text is a burst of keys, taken as one.
    app.handle_event(&key('/'));
    let start = Instant::now();
    for c in paste.chars() {
        app.take_event(&key(c));
    }
    app.settle();
    assert_eq!(app.query().len(), paste.len());
    app.handle_event(&special(KeyCode::Esc));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

/// Typing then a key of the prompt in one burst: the key sees the query typed.
#[test]
fn a_burst_settles_before_any_command() {
    let mut app = hostile_app();
    app.handle_event(&key('}'));
    app.take_event(&key('/'));
    for c in "quay".chars() {
        app.take_event(&key(c));
    }
    app.take_event(&special(KeyCode::Enter));
    assert_eq!(app.query(), "quay");
    assert_eq!(*app.mode(), InputMode::Normal);
    assert_eq!(app.article().matches.len(), 2, "the title's and the body's");
}

/// The reader opens before any input has arrived (a FIFO nobody writes to yet),
/// answers its keys, and takes the first article when it comes.
#[test]
fn a_waiting_reader_answers_keys_and_takes_its_first_article() {
    let mut app = App::waiting();
    app.resize(100, 30);
    app.set_progress(0, 1);
    app.handle_event(&key('?'));
    assert_eq!(*app.mode(), InputMode::Help);
    app.add_article(Document::new("plain.txt", PLAIN), false);
    assert!(!app.is_waiting());
    assert_eq!(app.articles().len(), 1);
    assert_eq!(app.article().doc.source, "plain.txt");
    assert_eq!(*app.mode(), InputMode::Help, "the help stays open");
    app.handle_event(&key('q'));
    app.handle_event(&key('q'));
    assert!(!app.is_running(), "q quits");

    // Every input failed: the reader ends by itself.
    let mut app = App::waiting();
    app.load_failed(briefing::input::LoadError::new(
        "x.fifo",
        briefing::input::LoadReason::Empty,
    ));
    app.loading_finished();
    assert!(!app.is_running());
}

/// A zero-width joiner inside a name: one speaker, and no cell of the screen
/// holds a joiner that a terminal would use to join two letters into one cell
/// (drawing the rest of the row a cell off).
#[test]
fn a_joiner_inside_a_name_neither_splits_the_speaker_nor_shifts_the_screen() {
    use briefing::tui::{ColorDepth, Theme, ThemeName};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    let text = "The port will reopen next week, Ana Ruiz said on Monday.\n\n\
        The cost was high, Ana Ru\u{200d}iz said later. “We are back,” she added.\n";
    let mut app = App::new(vec![Document::new("zwj.txt", text)]);
    app.resize(110, 24);
    let names: Vec<&str> = app
        .article()
        .doc
        .analysis
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Ana Ruiz"]);
    let area = Rect::new(0, 0, 110, 24);
    let mut buf = Buffer::empty(area);
    let theme = Theme::new(ThemeName::Mono, ColorDepth::Ansi16);
    briefing::tui::render::render(&app, &theme, area, &mut buf);
    let joined: Vec<&str> = buf
        .content
        .iter()
        .map(|c| c.symbol())
        .filter(|s| s.contains('\u{200d}'))
        .collect();
    assert!(joined.is_empty(), "{joined:?}");
    let screen: String = buf.content.iter().map(|c| c.symbol()).collect();
    assert!(
        screen.contains("Ana Ruiz said later"),
        "the name drawn whole"
    );
}
