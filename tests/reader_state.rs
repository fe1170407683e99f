//! The reader's state driven by keys, mouse and resizes, without a terminal.

mod reader_fixture;

use briefing::tui::App;
use briefing::tui::app::{Effect, InputMode};
use briefing::tui::layout::Pane;
use briefing::{Document, Mode as StatementMode, input::SAMPLE};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use reader_fixture::{TEXT, document, span_of};

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(vec![document()]);
    app.resize(width, height);
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses keys: characters as typed, `<Tab>`, `<Esc>`, `<Enter>`, `<Space>`,
/// `<Down>`, `<C-d>` etc. for the others.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let name = &rest[1..end];
            let event = match name {
                "Tab" => key(KeyCode::Tab),
                "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Esc" => key(KeyCode::Esc),
                "Enter" => key(KeyCode::Enter),
                "Space" => key(KeyCode::Char(' ')),
                "Down" => key(KeyCode::Down),
                "Up" => key(KeyCode::Up),
                "Left" => key(KeyCode::Left),
                "Right" => key(KeyCode::Right),
                "End" => key(KeyCode::End),
                "BS" => key(KeyCode::Backspace),
                "lt" => key(KeyCode::Char('<')),
                ctrl if ctrl.starts_with("C-") => KeyEvent::new(
                    KeyCode::Char(ctrl.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            (event, end + 1)
        } else {
            (key(KeyCode::Char(c)), c.len_utf8())
        };
        effects.extend(app.handle_event(&Event::Key(event)));
        rest = &rest[len..];
    }
    effects
}

fn selected(app: &App) -> usize {
    app.article().selected.expect("a statement is selected")
}

/// Whether a row of the selected statement is on screen in the body.
fn selection_in_view(app: &App) -> bool {
    let art = app.article();
    let (first, last) = art.body.statement_rows[selected(app)];
    let h = usize::from(app.body_geometry().text.height);
    last >= art.body_top && first < art.body_top + h
}

#[test]
fn opens_on_the_first_statement_with_the_quotes_focused() {
    let app = app(120, 40);
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(selected(&app), 0);
    assert_eq!(app.article().shown.len(), 6);
    assert!(app.is_running());
}

#[test]
fn j_and_k_walk_the_statements_and_the_body_follows() {
    // A short screen, so the body must scroll.
    let mut app = app(70, 16);
    press(&mut app, "jj");
    assert_eq!(selected(&app), 2);
    press(&mut app, "k<Down><Down>");
    assert_eq!(selected(&app), 3);
    press(&mut app, "G");
    assert_eq!(selected(&app), 5);
    assert!(app.article().body_top > 0, "the body scrolled down");
    assert!(selection_in_view(&app));
    press(&mut app, "j");
    assert_eq!(selected(&app), 5, "stays on the last statement");
    press(&mut app, "g");
    assert_eq!(selected(&app), 0);
    assert!(selection_in_view(&app));
    press(&mut app, "<C-d>");
    assert!(selected(&app) > 0);
}

#[test]
fn brackets_jump_between_statements_of_one_speaker() {
    let mut app = app(120, 40);
    press(&mut app, "]");
    assert_eq!(selected(&app), 4, "Ruiz again");
    press(&mut app, "]");
    assert_eq!(selected(&app), 5);
    press(&mut app, "]");
    assert_eq!(selected(&app), 5);
    assert!(app.notice().unwrap().contains("no later statement by Ruiz"));
    press(&mut app, "[[");
    assert_eq!(selected(&app), 0);
}

#[test]
fn the_actors_list_speakers_first_then_the_mentioned() {
    let app = app(120, 40);
    use briefing::tui::article::ActorEntry::*;
    assert_eq!(
        app.article().actors.entries,
        vec![
            Speaker(Some(0)),
            Speaker(Some(1)),
            Speaker(Some(2)),
            Mentioned(3)
        ]
    );
}

#[test]
fn filtering_to_a_speaker_shows_only_their_statements() {
    let mut app = app(120, 40);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Pane::Actors);
    press(&mut app, "j<Space>");
    assert_eq!(app.article().shown, vec![1, 2]);
    assert_eq!(
        selected(&app),
        1,
        "the selection moved onto a shown statement"
    );
    assert_eq!(app.filter_summary(), "filter: Berg (2/6)");

    // A second speaker joins the filter.
    press(&mut app, "j<Enter>");
    assert_eq!(app.article().shown, vec![1, 2, 3]);
    assert_eq!(app.filter_summary(), "filter: Berg, Okafor (3/6)");

    // Mentioned actors have nothing to filter.
    press(&mut app, "j<Space>");
    assert_eq!(app.article().shown, vec![1, 2, 3]);
    assert!(app.notice().unwrap().contains("only mentioned"));

    press(&mut app, "<Esc>");
    assert_eq!(app.article().shown.len(), 6);
    assert!(!app.article().filter_on());
}

#[test]
fn f_filters_by_the_selected_statements_speaker() {
    let mut app = app(80, 24);
    press(&mut app, "jf");
    assert_eq!(app.article().shown, vec![1, 2]);
    press(&mut app, "j");
    assert_eq!(selected(&app), 2);
    press(&mut app, "j");
    assert_eq!(selected(&app), 2, "only the filtered statements are walked");
    press(&mut app, "f");
    assert_eq!(app.article().shown.len(), 6);
}

#[test]
fn search_as_you_type_with_a_counter_and_n() {
    let mut app = app(120, 40);
    press(&mut app, "/sai");
    assert!(matches!(app.mode(), InputMode::Search(_)));
    assert_eq!(app.query(), "sai");
    let matches = app.article().matches.clone();
    assert_eq!(matches.len(), 4, "every “said”");
    assert_eq!(matches[0], span_of("sai", 0));
    press(&mut app, "d<Enter>");
    assert_eq!(*app.mode(), InputMode::Normal);
    // The first “said” after the selected statement (the first precedes it).
    assert_eq!(app.article().current_match, Some(1));
    press(&mut app, "n");
    assert_eq!(app.article().current_match, Some(2));
    press(&mut app, "nn");
    assert_eq!(app.article().current_match, Some(0));
    assert!(app.notice().unwrap().contains("wrapped"));
    press(&mut app, "N");
    assert_eq!(app.article().current_match, Some(3));

    // A match inside a statement selects it.
    press(&mut app, "/hearing<Enter>");
    assert_eq!(selected(&app), 4);

    // Smart case: a capital makes the search exact.
    press(&mut app, "/Nobody<Enter>");
    assert_eq!(app.article().matches.len(), 1);
    press(&mut app, "/nobody<Enter>");
    assert_eq!(app.article().matches.len(), 1);

    press(&mut app, "<Esc>");
    assert!(app.query().is_empty());
    assert!(app.article().matches.is_empty());
}

#[test]
fn a_cancelled_search_puts_everything_back() {
    let mut app = app(70, 16);
    press(&mut app, "j");
    let top = app.article().body_top;
    press(&mut app, "/o");
    assert_eq!(selected(&app), 1, "the first match after the selection");
    press(&mut app, "<BS>dredg");
    assert_eq!(selected(&app), 3, "the search jumped ahead");
    press(&mut app, "<BS><BS>");
    assert_eq!(app.query(), "dre");
    press(&mut app, "<Esc>");
    assert_eq!(*app.mode(), InputMode::Normal);
    assert!(app.query().is_empty());
    assert_eq!(selected(&app), 1);
    assert_eq!(app.article().body_top, top);
}

#[test]
fn keys_typed_in_the_search_prompt_are_text_not_commands() {
    let mut app = app(120, 40);
    press(&mut app, "/q?j");
    assert!(app.is_running());
    assert_eq!(app.query(), "q?j");
    press(&mut app, "<C-c>");
    assert!(!app.is_running(), "Ctrl-c quits even while typing");
}

#[test]
fn the_body_scrolls_on_its_own_when_focused() {
    let mut app = app(70, 16);
    press(&mut app, "<Tab><Tab>");
    assert_eq!(app.focus(), Pane::Body);
    press(&mut app, "jj");
    assert_eq!(app.article().body_top, 2);
    assert_eq!(selected(&app), 0, "scrolling leaves the selection alone");
    press(&mut app, "G");
    let last = app.article().body_top;
    press(&mut app, "<Space>");
    assert_eq!(app.article().body_top, last, "clamped at the end");
    press(&mut app, "g");
    assert_eq!(app.article().body_top, 0);
    press(&mut app, "<S-Tab>");
    assert_eq!(app.focus(), Pane::Actors);
}

#[test]
fn resizing_keeps_the_selection_in_view_and_never_panics() {
    let mut app = app(120, 40);
    press(&mut app, "G");
    for (w, h) in [
        (80, 24),
        (30, 10),
        (1, 1),
        (0, 0),
        (200, 60),
        (61, 16),
        (70, 16),
        (45, 30),
    ] {
        app.resize(w, h);
        if app.body_geometry().text.height > 2 {
            assert!(selection_in_view(&app), "at {w}x{h}");
        }
    }
    assert_eq!(selected(&app), 5);
}

#[test]
fn help_opens_and_closes() {
    let mut app = app(80, 24);
    press(&mut app, "?");
    assert_eq!(*app.mode(), InputMode::Help);
    press(&mut app, "jj");
    assert_eq!(app.help_scroll(), 2);
    assert_eq!(selected(&app), 0, "keys scroll the help, not the quotes");
    press(&mut app, "q");
    assert_eq!(*app.mode(), InputMode::Normal);
    assert!(app.is_running(), "q closes the help before it quits");
    press(&mut app, "q");
    assert!(!app.is_running());
}

#[test]
fn only_key_presses_count() {
    let mut app = app(80, 24);
    let mut release = key(KeyCode::Char('j'));
    release.kind = KeyEventKind::Release;
    app.handle_event(&Event::Key(release));
    assert_eq!(selected(&app), 0);
}

#[test]
fn copy_and_redraw_are_effects() {
    let mut app = app(80, 24);
    let effects = press(&mut app, "jy<C-l>");
    assert_eq!(effects.len(), 2);
    assert_eq!(
        effects[0],
        Effect::Copy(
            "the costs had been hidden from voters — Tom Berg, opposition leader \
             (Harbour plan divides the council, harbour.txt)"
                .into()
        )
    );
    assert_eq!(effects[1], Effect::Redraw);
}

fn click(app: &mut App, x: u16, y: u16) {
    app.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
}

#[test]
fn clicks_select_and_focus() {
    let mut app = app(120, 40);
    // The fourth row of the quote list is statement 3 (the first entry is one row
    // per statement, the selected one may take more).
    let quotes = app.layout().quotes.inner;
    let sel_rows = app.selected_quote_rows().len() as u16;
    click(&mut app, quotes.x + 12, quotes.y + sel_rows + 2);
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(selected(&app), 3);

    // An actor row moves the actors cursor.
    let actors = app.layout().actors.inner;
    click(&mut app, actors.x + 2, actors.y + 3);
    assert_eq!(app.focus(), Pane::Actors);
    assert_eq!(
        app.article().actors.cursor,
        1,
        "heading, Ruiz, Ruiz's role, Berg"
    );

    // A word of a statement in the body selects it.
    let geo = app.body_geometry();
    let art = app.article();
    let target = span_of("Nobody", 0).start;
    let row = art.body.row_of(target);
    let col = TEXT[art.body.rows[row].start..target].chars().count() as u16;
    let y = geo.text.y + (row - art.body_top) as u16;
    click(&mut app, geo.text.x + col + 1, y);
    assert_eq!(app.focus(), Pane::Body);
    assert_eq!(selected(&app), 5);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(70, 16);
    let body = app.layout().body.inner;
    app.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: body.x + 5,
        row: body.y + 1,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.article().body_top, 3);
    assert_eq!(
        app.focus(),
        Pane::Quotes,
        "the wheel does not move the focus"
    );
}

#[test]
fn articles_switch_only_when_there_are_several() {
    let mut app = app(80, 24);
    press(&mut app, "}");
    assert_eq!(app.current(), 0);
    assert!(app.notice().unwrap().contains("only one article"));

    let mut two = App::new(vec![
        document(),
        Document::new("second", "Plain text, no quotes."),
    ]);
    two.resize(80, 24);
    press(&mut two, "}");
    assert_eq!(two.current(), 1);
    press(&mut two, "{");
    assert_eq!(two.current(), 0);
    assert_eq!(two.article().selected, Some(0));
}

#[test]
fn an_analysis_arriving_late_lights_up_the_text() {
    let doc = document();
    let analysis = doc.analysis.clone();
    let pending = Document {
        analysis: Default::default(),
        ..doc
    };
    let mut app = App::pending(vec![pending]);
    app.resize(80, 24);
    assert!(app.article().analysing);
    assert!(!app.article().body.is_empty(), "the text shows meanwhile");
    assert_eq!(app.article().selected, None);
    press(&mut app, "jjG");
    app.set_analysis(0, analysis);
    assert!(!app.article().analysing);
    assert_eq!(app.article().shown.len(), 6);
    assert_eq!(app.article().body.statement_rows.len(), 6);
    assert!(app.article().selected.is_some());
}

#[test]
fn the_sample_names_its_five_speakers_and_filters_to_one() {
    let mut app = App::new(vec![Document::new("sample", SAMPLE)]);
    app.resize(120, 40);
    let art = app.article();
    let speakers: Vec<&str> = art
        .actors
        .entries
        .iter()
        .filter_map(|e| match e {
            briefing::tui::article::ActorEntry::Speaker(Some(a)) => {
                Some(art.doc.analysis.actors[*a].short_name())
            }
            _ => None,
        })
        .collect();
    for name in ["Peskov", "Blinken", "Putin", "Lavrov", "Kuleba"] {
        assert!(speakers.contains(&name), "{name} in {speakers:?}");
    }
    // Filter to Putin through the actors pane.
    let putin = art
        .actors
        .entries
        .iter()
        .position(|e| {
            matches!(e, briefing::tui::article::ActorEntry::Speaker(Some(a))
                if art.doc.analysis.actors[*a].short_name() == "Putin")
        })
        .unwrap();
    press(&mut app, "<Tab>");
    for _ in 0..putin {
        press(&mut app, "j");
    }
    press(&mut app, "<Space>");
    let art = app.article();
    assert!(!art.shown.is_empty());
    for &i in &art.shown {
        let speaker = art.doc.analysis.statements[i].speaker.unwrap();
        assert_eq!(art.doc.analysis.actors[speaker].short_name(), "Putin");
    }
}

#[test]
fn the_actors_pane_walks_through_mentions() {
    let mut app = app(70, 16);
    press(&mut app, "<Tab>jjj");
    assert_eq!(
        app.article().actors.cursor,
        3,
        "the council, only mentioned"
    );
    press(&mut app, "<Space>");
    assert_eq!(
        app.notice(),
        Some("the council is only mentioned: mention 1/1")
    );
    press(&mut app, "<Space>");
    assert_eq!(
        app.notice(),
        Some("the council is only mentioned: mention 1/1"),
        "wraps around"
    );
}

#[test]
fn a_count_repeats_a_movement_or_says_where_to_go() {
    let mut app = app(120, 40);
    press(&mut app, "3j");
    assert_eq!(selected(&app), 3);
    press(&mut app, "2k");
    assert_eq!(selected(&app), 1);
    press(&mut app, "5G");
    assert_eq!(selected(&app), 4, "the fifth statement");
    press(&mut app, "1g");
    assert_eq!(selected(&app), 0);
    press(&mut app, "99j");
    assert_eq!(selected(&app), 5);
    press(&mut app, "12");
    assert_eq!(app.count(), Some(12));
    press(&mut app, "<Esc>");
    assert_eq!(app.count(), None, "any other key drops the count");
    press(&mut app, "/3<Enter>");
    assert_eq!(app.query(), "3", "digits are text in the search prompt");
}

// ----- issue 13: what a first-time user trips over ---------------------------------

#[test]
fn n_goes_on_from_the_selection_not_from_the_last_match() {
    let mut app = app(120, 40);
    // Every “said”: Ruiz's, Berg's, Okafor's, and the last one, after statement 5.
    press(&mut app, "/said<Enter>");
    assert_eq!(app.article().current_match, Some(1));
    // The user walks on to the last statement: n finds the match after it,
    // not the one after the last match.
    press(&mut app, "G");
    press(&mut app, "n");
    assert_eq!(app.article().current_match, Some(3));
    // And back: N from statement 4 is the “said” before it (Okafor's).
    press(&mut app, "k");
    assert_eq!(selected(&app), 4);
    press(&mut app, "N");
    assert_eq!(app.article().current_match, Some(2));
    // While the selection stays where the match put it, n steps match by match.
    press(&mut app, "n");
    assert_eq!(app.article().current_match, Some(3));
    press(&mut app, "n");
    assert_eq!(app.article().current_match, Some(0));
    assert!(app.notice().unwrap().contains("wrapped"));
}

#[test]
fn slash_enter_with_nothing_typed_repeats_the_last_search() {
    let mut app = app(120, 40);
    press(&mut app, "/said<Enter>G");
    press(&mut app, "/<Enter>");
    assert_eq!(*app.mode(), InputMode::Normal);
    assert_eq!(app.query(), "said");
    assert_eq!(
        app.article().current_match,
        Some(3),
        "the next match after the selection"
    );
    // Typed and erased again: still the last search.
    press(&mut app, "gg/ove<BS><BS><BS><Enter>");
    assert_eq!(app.query(), "said");
    assert_eq!(app.article().current_match, Some(1));
    // With no search before, it says so.
    let mut fresh = self::app(120, 40);
    press(&mut fresh, "/<Enter>");
    assert!(fresh.query().is_empty());
    assert!(fresh.notice().unwrap().contains("no search to repeat"));
}

#[test]
fn esc_clears_a_search_in_the_actors_pane_too() {
    let mut app = app(120, 40);
    press(&mut app, "/plan<Enter><Tab>");
    assert_eq!(app.focus(), Pane::Actors);
    press(&mut app, "<Space>");
    assert!(app.article().filter_on());
    press(&mut app, "<Esc>");
    assert!(app.query().is_empty(), "the search first");
    assert!(app.article().filter_on());
    press(&mut app, "<Esc>");
    assert!(!app.article().filter_on(), "then the filter");
}

#[test]
fn enter_in_the_quotes_shows_the_statement_in_the_article() {
    let mut app = app(70, 16);
    press(&mut app, "G<Tab><Tab>g");
    assert_eq!(app.focus(), Pane::Body);
    assert!(!selection_in_view(&app), "scrolled away from the selection");
    press(&mut app, "<Tab>");
    assert_eq!(app.focus(), Pane::Quotes);
    press(&mut app, "<Enter>");
    assert_eq!(app.focus(), Pane::Body);
    assert!(selection_in_view(&app));
    assert_eq!(selected(&app), 5);
}

#[test]
fn h_l_and_the_arrows_move_between_panes_without_wrapping() {
    let mut app = app(120, 40);
    assert_eq!(app.focus(), Pane::Quotes);
    press(&mut app, "l");
    assert_eq!(app.focus(), Pane::Quotes, "the last pane stays");
    press(&mut app, "h");
    assert_eq!(app.focus(), Pane::Body);
    press(&mut app, "<Left>");
    assert_eq!(app.focus(), Pane::Actors);
    press(&mut app, "<Left>");
    assert_eq!(app.focus(), Pane::Actors, "the first pane stays");
    press(&mut app, "<Right>l");
    assert_eq!(app.focus(), Pane::Quotes);
    assert_eq!(selected(&app), 0, "no statement moved");
}

#[test]
fn the_header_names_the_file_not_its_path_and_never_stdin() {
    let mut doc = document();
    doc.source = "/home/someone/news/2024/harbour.txt".into();
    let mut app = App::new(vec![doc]);
    app.resize(120, 40);
    assert_eq!(
        app.header_lines(),
        ["Harbour plan divides the council", "harbour.txt"]
    );
    let mut doc = document();
    doc.source = "-".into();
    let mut stdin = App::new(vec![doc.clone()]);
    stdin.resize(120, 40);
    assert_eq!(stdin.header_lines(), ["Harbour plan divides the council"]);
    doc.analysis.title = None;
    let mut untitled = App::new(vec![doc]);
    untitled.resize(120, 40);
    assert_eq!(untitled.header_lines(), ["standard input"]);
}

#[test]
fn the_title_leaves_the_body_for_the_header_unless_it_holds_a_statement() {
    let app = app(120, 40);
    let art = app.article();
    let title_end = TEXT.find('\n').unwrap();
    assert!(art.title_dropped);
    assert!(
        art.body.rows[0].start > title_end,
        "the body starts after it"
    );
    // A headline that is a statement stays in the body, highlighted; the
    // header then holds the file alone.
    let mut doc = document();
    let title = doc.analysis.title.clone().unwrap();
    doc.analysis.statements.insert(
        0,
        briefing::Statement::new(
            briefing::StatementKind::Indirect,
            StatementMode::Speech,
            briefing::Span::new(0, title_end),
        ),
    );
    let mut app = App::new(vec![doc]);
    app.resize(120, 40);
    assert!(!app.article().title_dropped);
    assert_eq!(app.article().body.rows[0].start, 0);
    assert_eq!(app.header_lines(), ["harbour.txt"]);
    assert!(!app.header_lines().contains(&title));
}

#[test]
fn y_says_how_it_copied_and_what_to_do_when_it_does_not_paste() {
    let mut app = app(120, 40);
    press(&mut app, "y");
    let notice = app.notice().unwrap().to_string();
    assert!(
        notice.contains("Ruiz's statement copied via OSC 52"),
        "{notice}"
    );
    assert!(notice.contains("Y writes it to a file"), "{notice}");
    // Under tmux the reader cannot tell whether it went through: it says why.
    app.set_clipboard_doubt(briefing::tui::terminal::clipboard_doubt(|v| {
        (v == "TMUX").then(|| "/tmp/x,1,0".into())
    }));
    press(&mut app, "y");
    let notice = app.notice().unwrap().to_string();
    assert!(
        notice.contains("sent via OSC 52, but tmux passes it on only with set-clipboard on"),
        "{notice}"
    );
    assert!(briefing::tui::terminal::clipboard_doubt(|_| None).is_none());
}

/// A directory of its own under the target dir, empty.
fn scratch(tag: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("state-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn shift_y_adds_the_statement_with_role_and_source_to_a_file() {
    let dir = scratch("quotes");
    let mut app = app(120, 40);
    app.set_export_dir(dir.clone());
    press(&mut app, "jYjY");
    let path = dir.join("briefing-quotes.txt");
    let notice = app.notice().unwrap().to_string();
    assert!(
        notice.starts_with("Berg's statement written to "),
        "{notice}"
    );
    assert!(notice.ends_with("briefing-quotes.txt"), "{notice}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        "the costs had been hidden from voters — Tom Berg, opposition leader \
         (Harbour plan divides the council, harbour.txt)\n\
         “We were never shown the real numbers,” — Tom Berg, opposition leader \
         (Harbour plan divides the council, harbour.txt)\n"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn s_asks_where_to_save_the_note_and_never_overwrites() {
    let dir = scratch("save");
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    let mut app = app(120, 40);
    app.set_export_dir(dir.clone());
    press(&mut app, "s");
    let InputMode::Save(prompt) = app.mode() else {
        panic!("a prompt: {:?}", app.mode())
    };
    assert!(prompt.input.starts_with("briefing-") && prompt.input.ends_with(".md"));
    // The name offered can be changed: a path of one's own.
    press(&mut app, "<C-u>notes/harbour.md<Enter>");
    assert_eq!(*app.mode(), InputMode::Normal);
    let path = dir.join("notes/harbour.md");
    let note = std::fs::read_to_string(&path).expect("the note where asked");
    assert!(
        note.starts_with("# Who said what: Harbour plan divides the council"),
        "{note}"
    );
    assert!(app.notice().unwrap().contains("(6 statements)"));
    // The same name again: the file stays as it was, the prompt stays open.
    std::fs::write(&path, "mine").unwrap();
    press(&mut app, "s<C-u>notes/harbour.md<Enter>");
    assert!(matches!(app.mode(), InputMode::Save(_)));
    assert!(
        app.notice().unwrap().contains("exists"),
        "{:?}",
        app.notice()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    press(&mut app, "<Esc>");
    assert_eq!(*app.mode(), InputMode::Normal);
    assert_eq!(app.notice(), Some("nothing saved"));
    // A folder takes a fresh name inside.
    press(&mut app, "s<C-u>notes<Enter>");
    let in_notes = std::fs::read_dir(dir.join("notes")).unwrap().count();
    assert_eq!(in_notes, 2, "{:?}", app.notice());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn nothing_in_view_means_no_note_and_a_word_why() {
    let dir = scratch("empty");
    let quiet = Document::new("quiet.txt", "The ferries ran on time all week.");
    assert!(quiet.analysis.statements.is_empty());
    let mut app = App::new(vec![quiet]);
    app.resize(120, 40);
    app.set_export_dir(dir.clone());
    press(&mut app, "s");
    assert_eq!(*app.mode(), InputMode::Normal, "no prompt");
    assert_eq!(
        app.notice(),
        Some("nothing to save: no statement in this view")
    );
    press(&mut app, "e<Enter>");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no file");
    let _ = std::fs::remove_dir_all(dir);
}

/// The fixture with one of Ruiz's statements (“a public hearing would
/// follow”) and Okafor's in thought mode.
fn with_thoughts() -> App {
    let mut doc = document();
    doc.analysis.statements[3].mode = StatementMode::Thought;
    doc.analysis.statements[4].mode = StatementMode::Thought;
    let mut app = App::new(vec![doc]);
    app.resize(120, 40);
    app
}

#[test]
fn t_hides_and_shows_thoughts_and_the_speaker_filter_keeps_working() {
    let mut app = with_thoughts();
    press(&mut app, "t");
    assert!(app.hides_thoughts());
    assert_eq!(app.article().shown, [0, 1, 2, 5]);
    assert_eq!(
        app.notice(),
        Some("2 thought statements hidden (t shows them)")
    );
    // Ruiz in the filter: her speech only, while thoughts are hidden…
    press(&mut app, "gf");
    assert_eq!(app.article().shown, [0, 5]);
    // …and all of hers once they show again.
    press(&mut app, "t");
    assert_eq!(app.article().shown, [0, 4, 5]);
    press(&mut app, "t");
    assert_eq!(app.article().shown, [0, 5]);
    // The filter goes, thoughts stay hidden.
    press(&mut app, "<Esc>");
    assert_eq!(app.article().shown, [0, 1, 2, 5]);
    // Walking the list skips hidden thoughts.
    press(&mut app, "gjjj");
    assert_eq!(selected(&app), 5);
}

#[test]
fn the_note_of_a_view_without_thoughts_leaves_them_out() {
    let dir = scratch("thoughts");
    let mut app = with_thoughts();
    app.set_export_dir(dir.clone());
    press(&mut app, "s<Enter>");
    let all = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let note = std::fs::read_to_string(&all).unwrap();
    assert!(
        note.contains("### Thinks, wants, expects\n\n- a public hearing would follow"),
        "{note}"
    );
    std::fs::remove_file(all).unwrap();
    press(&mut app, "ts<Enter>");
    let spoken = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let note = std::fs::read_to_string(spoken).unwrap();
    assert!(!note.contains("a public hearing"), "{note}");
    assert!(!note.contains("Thinks"), "{note}");
    let _ = std::fs::remove_dir_all(dir);
}
