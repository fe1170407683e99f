//! Several articles as one briefing, without a terminal: the actors joined
//! across articles with counts per article, the scope toggle, switching
//! articles, the briefing-wide quote list, the article list, the Markdown note,
//! and articles without statements.

mod reader_fixture;

use briefing::tui::app::{InputMode, Scope};
use briefing::tui::article::ActorEntry;
use briefing::tui::layout::Pane;
use briefing::tui::{App, ColorDepth, Theme, ThemeName, render};
use briefing::{Analysis, Document};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use reader_fixture::three_articles;

fn mono() -> Theme {
    Theme::new(ThemeName::Mono, ColorDepth::Indexed256)
}

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(three_articles());
    app.resize(width, height);
    app
}

/// Presses keys: characters as typed, `<Tab>`, `<Esc>`, `<Enter>`, `<Space>`.
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let code = match &rest[1..end] {
                "Tab" => KeyCode::Tab,
                "Esc" => KeyCode::Esc,
                "Enter" => KeyCode::Enter,
                "Space" => KeyCode::Char(' '),
                other => panic!("unknown key <{other}>"),
            };
            (code, end + 1)
        } else {
            (KeyCode::Char(c), c.len_utf8())
        };
        app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        rest = &rest[len..];
    }
}

/// The screen as lines of text.
fn screen(app: &mut App, width: u16, height: u16) -> Vec<String> {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| render::draw(frame, app, &mono()))
        .unwrap();
    let buf = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The text of a rectangle of the screen, row by row, trimmed.
fn region(lines: &[String], area: Rect) -> Vec<String> {
    lines[usize::from(area.y)..usize::from(area.bottom())]
        .iter()
        .map(|l| {
            l.chars()
                .skip(usize::from(area.x))
                .take(usize::from(area.width))
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

fn status(lines: &[String]) -> &str {
    lines.last().unwrap()
}

/// The briefing id of the actor whose name ends with `name`.
fn global(app: &App, name: &str) -> usize {
    let found: Vec<usize> = app
        .briefing()
        .joined()
        .actors()
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name.ends_with(name))
        .map(|(g, _)| g)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one {name} in {:#?}",
        app.briefing().joined().actors()
    );
    found[0]
}

#[test]
fn one_speaker_across_three_articles_with_counts_per_article() {
    let mut app = app(120, 40);
    assert_eq!(app.scope(), Scope::Article);
    press(&mut app, "B");
    assert_eq!(app.scope(), Scope::Briefing);

    // "Ana Ruiz" and "Ruiz" are one actor, the first speaker, 3 + 1 + 2.
    let ruiz = global(&app, "Ruiz");
    assert_eq!(app.briefing().joined().actors()[ruiz].name, "Ana Ruiz");
    let list = &app.briefing().joined().list;
    assert_eq!(list.entries[0], ActorEntry::Speaker(Some(ruiz)));
    assert_eq!(
        app.briefing().joined().per_article[0],
        [(0, 3), (1, 1), (2, 2)]
    );
    assert_eq!(app.briefing().joined().totals[ruiz], 6);
    let berg = global(&app, "Berg");
    let okafor = global(&app, "Okafor");
    assert_eq!(list.entries[1], ActorEntry::Speaker(Some(berg)));
    assert_eq!(app.briefing().joined().per_article[1], [(0, 2), (2, 1)]);
    assert_eq!(list.entries[2], ActorEntry::Speaker(Some(okafor)));
    assert_eq!(app.briefing().joined().per_article[2], [(0, 1), (1, 2)]);
    assert_eq!(list.entries[3], ActorEntry::Speaker(None));

    // The sidebar says so: the name with the total, then each article with its count.
    let lines = screen(&mut app, 120, 40);
    let actors = region(&lines, app.layout().actors.outer);
    assert!(actors[0].contains("Actors 6 · briefing"), "{actors:#?}");
    let at = actors.iter().position(|l| l.contains("Ana Ruiz")).unwrap();
    let row = |i: usize| actors[at + i].trim_start_matches('│').trim_end_matches('│');
    assert!(row(0).trim_end().ends_with('6'), "{actors:#?}");
    assert!(row(1).contains("Mayor"));
    assert!(row(2).contains("▸#1 Harbour plan"), "{actors:#?}");
    assert!(row(2).trim_end().ends_with('3'));
    assert!(row(3).contains("#2 Dredging"));
    assert!(row(3).trim_end().ends_with('1'));
    assert!(row(4).contains("#3 Hearing"));
    assert!(row(4).trim_end().ends_with('2'));
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn braces_switch_articles_and_each_keeps_its_place() {
    let mut app = app(120, 40);
    press(&mut app, "j");
    assert_eq!(app.article().selected, Some(1));
    press(&mut app, "}");
    assert_eq!(app.current(), 1);
    assert_eq!(
        app.notice(),
        Some("article 2/3: Dredging contract signed for the harbour")
    );
    // The header names the article, its byline and date.
    let lines = screen(&mut app, 120, 40);
    let body = region(&lines, app.layout().body.inner).join("\n");
    assert!(body.contains("Dredging contract signed for the harbour"));
    assert!(body.contains("By Mara Lind · 2024-03-05"), "{body}");
    assert!(status(&lines).contains("art 2/3"), "{}", status(&lines));

    press(&mut app, "}");
    assert_eq!(app.current(), 2);
    press(&mut app, "}");
    assert_eq!(app.current(), 0, "wraps around");
    assert_eq!(app.article().selected, Some(1), "the selection stayed");
    press(&mut app, "{");
    assert_eq!(app.current(), 2);
    press(&mut app, "2}");
    assert_eq!(app.current(), 1, "a count repeats");
}

#[test]
fn the_scope_toggle_carries_the_filter_and_the_title_says_which() {
    let mut app = app(120, 40);
    // Ruiz's statement is selected: filter on her in this article.
    press(&mut app, "f");
    assert_eq!(app.article().shown, [0, 4, 5]);
    let lines = screen(&mut app, 120, 40);
    assert!(lines[0].contains("Actors 4 · article"), "{}", lines[0]);

    press(&mut app, "B");
    let lines = screen(&mut app, 120, 40);
    assert!(lines[0].contains("Actors 6 · briefing"), "{}", lines[0]);
    assert!(app.cross_mode());
    assert_eq!(
        app.briefing().quotes(),
        [(0, 0), (0, 4), (0, 5), (1, 2), (2, 0), (2, 1)],
        "all of Ruiz's statements in the briefing"
    );
    assert!(status(&lines).contains("filter: Ruiz (6/13 in the briefing)"));

    press(&mut app, "B");
    assert_eq!(app.scope(), Scope::Article);
    assert!(!app.cross_mode());
    assert_eq!(
        app.article().shown,
        [0, 4, 5],
        "back to the article's filter"
    );
    let lines = screen(&mut app, 120, 40);
    assert!(lines[0].contains("Actors 4 · article"));
}

#[test]
fn a_briefing_filter_lists_statements_across_articles_by_article() {
    let mut app = app(120, 40);
    press(&mut app, "B<Tab>");
    assert_eq!(app.focus(), Pane::Actors);
    // Ruiz is the first entry: the filter takes her statements in every article.
    press(&mut app, "<Space>");
    assert_eq!(app.briefing().quotes().len(), 6);
    assert_eq!(
        app.notice(),
        Some("Ruiz added to the filter: 6 statements in 3 articles")
    );
    let lines = screen(&mut app, 120, 40);
    let quotes = region(&lines, app.layout().quotes.inner);
    let numbers: Vec<&str> = quotes
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "1", "1", "2", "3", "3"], "{quotes:#?}");
    assert!(
        quotes
            .iter()
            .all(|l| l.trim().is_empty() || l.contains("Ruiz"))
    );
    assert!(lines[app.layout().quotes.outer.y as usize].contains("briefing 6 in 3 articles"));

    // Walking the list opens each statement's article.
    press(&mut app, "<Tab><Tab>");
    assert_eq!(app.focus(), Pane::Quotes);
    press(&mut app, "jjj");
    assert_eq!((app.current(), app.article().selected), (1, Some(2)));
    assert_eq!(
        app.notice(),
        Some("article 2/3: Dredging contract signed for the harbour")
    );
    press(&mut app, "]");
    assert_eq!(
        (app.current(), app.article().selected),
        (2, Some(0)),
        "next by Ruiz"
    );
    press(&mut app, "G");
    assert_eq!((app.current(), app.article().selected), (2, Some(1)));
    press(&mut app, "g");
    assert_eq!((app.current(), app.article().selected), (0, Some(0)));

    // Esc clears the briefing filter.
    press(&mut app, "<Esc>");
    assert!(!app.cross_mode());
    assert_eq!(app.article().shown.len(), 6);
}

#[test]
fn the_article_list_opens_an_article() {
    let mut app = app(120, 40);
    press(&mut app, "a");
    assert_eq!(*app.mode(), InputMode::Articles);
    let lines = screen(&mut app, 120, 40).join("\n");
    for (n, title, source, count) in [
        (1, "Harbour plan divides the council", "harbour.txt", 6),
        (
            2,
            "Dredging contract signed for the harbour",
            "dredging.txt",
            3,
        ),
        (3, "Hearing on the harbour draws a crowd", "hearing.txt", 4),
    ] {
        let line = lines
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} listed:\n{lines}"));
        assert!(line.contains(&format!("{n} {title}")), "{line}");
        assert!(line.contains(source), "{line}");
        let inside = &line[..line.rfind('┃').unwrap()];
        assert!(inside.trim_end().ends_with(&count.to_string()), "{line}");
    }
    press(&mut app, "jj<Enter>");
    assert_eq!(*app.mode(), InputMode::Normal);
    assert_eq!(app.current(), 2);
    press(&mut app, "a<Esc>");
    assert_eq!((app.mode().clone(), app.current()), (InputMode::Normal, 2));
}

/// A directory of its own under the target directory.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("reader-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn e_writes_the_note_of_the_view_and_names_the_file() {
    let dir = scratch("export");
    let mut app = app(200, 40);
    app.set_export_dir(dir.clone());
    press(&mut app, "B<Tab><Space>e");
    // The prompt offers a fresh name; Enter takes it.
    let InputMode::Save(prompt) = app.mode() else {
        panic!("the save prompt: {:?}", app.mode())
    };
    assert!(prompt.input.starts_with("briefing-") && prompt.input.ends_with(".md"));
    press(&mut app, "<Enter>");
    assert_eq!(*app.mode(), InputMode::Normal);
    let notice = app.notice().unwrap().to_string();
    let path = notice
        .strip_prefix("note written to ")
        .and_then(|rest| rest.split(" (").next())
        .unwrap_or_else(|| panic!("{notice}"));
    let note = std::fs::read_to_string(path).expect("the note");
    assert!(path.starts_with(dir.to_str().unwrap()), "{path}");
    assert!(
        path.ends_with(".md") && path.contains("briefing-"),
        "{path}"
    );
    // Ruiz speaks in all three articles: the note lists them.
    assert!(note.contains("3 articles"), "{note}");
    assert!(note.contains("## Ana Ruiz"), "{note}");
    assert!(!note.contains("## Tom Berg"), "the filter applies:\n{note}");
    assert!(
        note.contains("*Hearing on the harbour draws a crowd*"),
        "{note}"
    );
    // However long the path (the checkout may lie deep), the status line
    // shows what happened and the file's name.
    let lines = screen(&mut app, 200, 40);
    let name = std::path::Path::new(path)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let shown = status(&lines);
    assert!(shown.contains("note written to "), "{shown}");
    assert!(shown.contains(&format!("{name} (6 statements)")), "{shown}");

    // Again in the same second: a new name is offered, not an overwrite.
    press(&mut app, "e<Enter>");
    let second = app.notice().unwrap().to_string();
    assert_ne!(second, notice);
    assert!(second.starts_with("note written to "), "{second}");

    // The article scope without a filter: the current article, everyone.
    press(&mut app, "B}s<Enter>");
    let notice = app.notice().unwrap().to_string();
    let path = notice
        .strip_prefix("note written to ")
        .and_then(|rest| rest.split(" (").next())
        .unwrap();
    let note = std::fs::read_to_string(path).unwrap();
    assert!(note.starts_with("# Who said what: Dredging contract signed for the harbour"));
    assert!(
        note.contains("## Lena Okafor") && note.contains("## Ruiz"),
        "{note}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_note_that_cannot_be_written_is_an_error_in_the_status_line() {
    let mut app = app(120, 30);
    // A directory inside a file: no one can write there, not even root.
    app.set_export_dir("/dev/null/notes".into());
    press(&mut app, "e<Enter>");
    let notice = app.notice().unwrap().to_string();
    assert!(
        notice.starts_with("could not write the note: /dev/null/notes/briefing-"),
        "{notice}"
    );
    let lines = screen(&mut app, 120, 30);
    assert!(
        status(&lines).contains("could not write the note"),
        "{}",
        status(&lines)
    );
    assert!(app.is_running(), "the reader goes on");
}

#[test]
fn an_article_without_statements_opens_and_says_so() {
    let text = "Quiet week at the harbour\n\nThe ferries ran on time and the fish market opened early every day.\n";
    let plain = Document {
        source: "quiet.txt".into(),
        text: text.into(),
        analysis: Analysis::default(),
        ..Document::default()
    };
    for mut app in [App::new(vec![plain.clone()]), {
        // The same, with the empty analysis arriving late.
        let mut a = App::pending(vec![plain.clone()]);
        a.resize(100, 30);
        a.set_analysis(0, Analysis::default());
        a
    }] {
        press(&mut app, "jkG]f<Tab><Space>y");
        let lines = screen(&mut app, 100, 30);
        let quotes = region(&lines, app.layout().quotes.inner).join("\n");
        assert!(
            quotes.contains("No statements found in this article."),
            "{quotes}"
        );
        let body = region(&lines, app.layout().body.inner).join("\n");
        assert!(
            body.contains("The ferries ran on time"),
            "the text is readable:\n{body}"
        );
        assert!(
            status(&lines).contains("no statements"),
            "{}",
            status(&lines)
        );
        assert!(app.is_running());
    }
    // Also among other articles, and with the real engine.
    let mut app = App::new(vec![
        reader_fixture::document(),
        Document::new("quiet.txt", text),
    ]);
    press(&mut app, "}");
    let lines = screen(&mut app, 100, 30);
    assert!(
        lines
            .join("\n")
            .contains("No statements found in this article.")
    );
}

#[test]
fn analyses_arriving_late_join_the_briefing() {
    let docs = three_articles();
    let analyses: Vec<Analysis> = docs.iter().map(|d| d.analysis.clone()).collect();
    let pending: Vec<Document> = docs
        .into_iter()
        .map(|d| Document {
            analysis: Analysis::default(),
            ..d
        })
        .collect();
    let mut app = App::pending(pending);
    app.resize(120, 40);
    press(&mut app, "B");
    // In the briefing scope with a filter, then the analyses come in any order.
    app.set_analysis(2, analyses[2].clone());
    app.set_analysis(0, analyses[0].clone());
    assert!(app.briefing().is_stale());
    app.rejoin_if_stale();
    press(&mut app, "<Tab><Space>");
    assert!(app.cross_mode());
    let ruiz = global(&app, "Ruiz");
    assert_eq!(app.briefing().joined().totals[ruiz], 5);
    app.set_analysis(1, analyses[1].clone());
    assert!(
        !app.briefing().is_stale(),
        "the last analysis joins at once"
    );
    let ruiz = global(&app, "Ruiz");
    assert_eq!(app.briefing().joined().totals[ruiz], 6);
    assert!(app.briefing().in_filter(ruiz), "the filter kept Ruiz");
    assert_eq!(app.briefing().quotes().len(), 6);
}

#[test]
fn counts_of_one_are_singular() {
    let mut app = app(120, 40);
    // The statements without a speaker: one, in the third article.
    press(&mut app, "B<Tab>jjj<Space>");
    assert_eq!(
        app.notice(),
        Some("unattributed added to the filter: 1 statement in 1 article")
    );
    let lines = screen(&mut app, 120, 40);
    assert!(
        lines.iter().any(|l| l.contains("briefing 1 in 1 article ")),
        "{lines:#?}"
    );
}

#[test]
fn the_note_lists_only_the_articles_the_filter_keeps() {
    let dir = scratch("note-articles");
    let mut app = app(120, 40);
    app.set_export_dir(dir.clone());
    // Berg speaks in the first and the third article, not in the second.
    press(&mut app, "B<Tab>j<Space>s<Enter>");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let note = std::fs::read_to_string(path).unwrap();
    assert!(note.starts_with("# Who said what: 2 articles\n"), "{note}");
    assert!(
        note.contains("*Harbour plan divides the council*"),
        "{note}"
    );
    assert!(
        note.contains("*Hearing on the harbour draws a crowd*"),
        "{note}"
    );
    assert!(!note.contains("Dredging"), "{note}");
    assert!(
        note.contains("## Tom Berg") && !note.contains("## Ana Ruiz"),
        "{note}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
