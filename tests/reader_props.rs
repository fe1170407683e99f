//! For any sequence of keys, mouse events, resizes (0×0 and 1×1 among them),
//! articles and analyses arriving, the reader's update step and its drawing into
//! `TestBackend` do not panic, and never draw a raw control character. Bounded
//! to run in seconds.

mod reader_fixture;

use briefing::tui::{App, ColorDepth, Theme, ThemeName, render};
use briefing::{Analysis, Document};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// One step of a session.
#[derive(Clone, Debug)]
enum Step {
    Event(Event),
    /// The analysis of article `n` (modulo the open articles) arrives.
    Analysis(usize),
    /// Another article arrives while the reader runs.
    Arrive(usize),
    /// The event loop rebuilds the join.
    Rejoin,
}

/// Text that tries everything: escapes, bidi overrides, wide and joined graphemes.
const HOSTILE: &str = "Storm \u{1b}[2J\u{1b}]0;x\u{7} hits \u{9b}31m the coast\n\
    The mayor said 日本語のテキスト and \u{202e}reversed\u{202c}, 👨‍👩‍👧 👍🏽 e\u{301} \
    שלום עולם مرحبا بالعالم.\n\n\t\r\0 tail";

fn hostile() -> Document {
    let start = HOSTILE.find("日本語").unwrap();
    let end = HOSTILE.find(" and").unwrap();
    reader_fixture::one_statement("hostile\u{1b}[31m.txt", HOSTILE, start..end)
}

/// The documents a session starts with, or that arrive later.
fn documents(setup: usize) -> Vec<Document> {
    let mut docs = match setup % 4 {
        0 => vec![reader_fixture::document()],
        1 => reader_fixture::three_articles(),
        2 => vec![hostile(), reader_fixture::document()],
        _ => vec![Document::new("empty", "No quotes here at all.")],
    };
    if setup.is_multiple_of(3) {
        docs.push(Document::new("blank", "   \n\n  "));
    }
    docs
}

fn key_strategy() -> impl Strategy<Value = Event> {
    let chars: Vec<char> = "jkgGqs?aey{}[]fnN/ bE0123459xé日".chars().collect();
    let special = vec![
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Esc,
        KeyCode::Enter,
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
    ];
    let ctrl: Vec<char> = "dufblwc".chars().collect();
    prop_oneof![
        6 => prop::sample::select(chars).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        2 => prop::sample::select(special).prop_map(|k| KeyEvent::new(k, KeyModifiers::NONE)),
        1 => prop::sample::select(ctrl).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => prop::sample::select(vec!['j', 'x', '/']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)),
    ]
    .prop_map(Event::Key)
}

fn mouse_strategy() -> impl Strategy<Value = Event> {
    let kinds = vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::ScrollUp,
        MouseEventKind::ScrollDown,
        MouseEventKind::Moved,
        MouseEventKind::Drag(MouseButton::Left),
    ];
    (prop::sample::select(kinds), 0u16..140, 0u16..60).prop_map(|(kind, column, row)| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    })
}

fn resize_strategy() -> impl Strategy<Value = Event> {
    prop_oneof![
        1 => Just((0u16, 0u16)),
        1 => Just((1, 1)),
        2 => (0u16..25, 0u16..12),
        3 => (20u16..160, 5u16..50),
    ]
    .prop_map(|(w, h)| Event::Resize(w, h))
}

fn step_strategy() -> impl Strategy<Value = Step> {
    prop_oneof![
        10 => key_strategy().prop_map(Step::Event),
        3 => mouse_strategy().prop_map(Step::Event),
        2 => resize_strategy().prop_map(Step::Event),
        1 => (0usize..8).prop_map(Step::Analysis),
        1 => (0usize..8).prop_map(Step::Arrive),
        1 => Just(Step::Rejoin),
    ]
}

fn assert_clean(terminal: &Terminal<TestBackend>) {
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "raw control in {:?}",
            cell.symbol()
        );
    }
}

fn scratch() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("reader-props-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_sequence_of_events_panics(
        setup in 0usize..12,
        analysed in any::<bool>(),
        mono in any::<bool>(),
        steps in prop::collection::vec(step_strategy(), 0..48),
    ) {
        let docs = documents(setup);
        // The true analysis of every open article, by position.
        let mut analyses: Vec<Analysis> = docs.iter().map(|d| d.analysis.clone()).collect();
        let mut app = if analysed {
            App::new(docs)
        } else {
            App::pending(
                docs.into_iter()
                    .map(|d| Document { analysis: Analysis::default(), ..d })
                    .collect(),
            )
        };
        app.set_export_dir(scratch());
        let theme = Theme::new(
            if mono { ThemeName::Mono } else { ThemeName::Dark },
            ColorDepth::Indexed256,
        );
        let (mut w, mut h) = (80u16, 24u16);
        app.resize(w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        for step in steps {
            match step {
                Step::Event(event) => {
                    if let Event::Resize(nw, nh) = event {
                        (w, h) = (nw, nh);
                        terminal.backend_mut().resize(w, h);
                    }
                    app.handle_event(&event);
                }
                Step::Analysis(n) => {
                    let i = n % app.articles().len();
                    app.set_analysis(i, analyses[i].clone());
                }
                Step::Arrive(n) => {
                    let doc = documents(n).swap_remove(0);
                    let analysis = doc.analysis.clone();
                    analyses.push(analysis.clone());
                    app.add_article(Document { analysis: Analysis::default(), ..doc }, true);
                    if n.is_multiple_of(2) {
                        app.set_analysis(app.articles().len() - 1, analysis);
                    }
                }
                Step::Rejoin => {
                    app.rejoin_if_stale();
                }
            }
            // The event loop lays out for the screen before every frame.
            app.resize(w, h);
            terminal.draw(|frame| render::draw(frame, &app, &theme)).unwrap();
            assert_clean(&terminal);
        }
    }
}
