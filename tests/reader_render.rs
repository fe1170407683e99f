//! Drawing the reader into ratatui's `TestBackend`: snapshots at three sizes,
//! monochrome visibility, hostile and wide text, and every small size.

mod reader_fixture;

use briefing::Document;
use briefing::tui::{App, ColorDepth, Theme, ThemeName, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use reader_fixture::{document, span_of};

fn mono() -> Theme {
    Theme::new(ThemeName::Mono, ColorDepth::Indexed256)
}

fn dark() -> Theme {
    Theme::new(ThemeName::Dark, ColorDepth::Indexed256)
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn draw(app: &mut App, theme: &Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| render::draw(frame, app, theme))
        .unwrap();
    terminal
}

fn buffer(terminal: &Terminal<TestBackend>) -> &Buffer {
    terminal.backend().buffer()
}

/// The screen position of byte `pos` of the article in the body (ASCII lines only).
fn body_cell(app: &App, pos: usize) -> (u16, u16) {
    let art = app.article();
    let geo = app.body_geometry();
    let row = art.body.row_of(pos);
    let start = art.body.rows[row].start;
    let col = art.doc.text[start..pos].chars().count() as u16;
    (geo.text.x + col, geo.text.y + (row - art.body_top) as u16)
}

#[test]
fn wide_120x40() {
    let mut app = App::new(vec![document()]);
    press(&mut app, "j");
    let terminal = draw(&mut app, &mono(), 120, 40);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn stacked_80x24_filtered_and_searching() {
    let mut app = App::new(vec![document()]);
    press(&mut app, "\tj ");
    press(&mut app, "/plan\n");
    let terminal = draw(&mut app, &mono(), 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn single_pane_30x10() {
    let mut app = App::new(vec![document()]);
    let terminal = draw(&mut app, &mono(), 30, 10);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_overlay_80x24() {
    let mut app = App::new(vec![document()]);
    press(&mut app, "?");
    let terminal = draw(&mut app, &mono(), 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn monochrome_shows_statements_selection_and_focus_without_colour() {
    let mut app = App::new(vec![document()]);
    press(&mut app, "j");
    let terminal = draw(&mut app, &mono(), 120, 40);
    let buf = buffer(&terminal);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "no colour in {:?}", cell.symbol());
        assert_eq!(cell.bg, Color::Reset, "no colour in {:?}", cell.symbol());
    }
    // The selected statement is reversed, another statement is bold, plain text is plain.
    let selected = span_of("the costs", 0).start;
    let other = span_of("the new harbour", 0).start;
    let plain = span_of("declined", 0).start;
    let style = |pos| {
        let (x, y) = body_cell(&app, pos);
        buf[(x, y)].modifier
    };
    assert!(style(selected).contains(Modifier::REVERSED));
    assert!(style(other).contains(Modifier::BOLD));
    assert!(!style(other).contains(Modifier::REVERSED));
    assert!(style(plain).is_empty());
    // The speaker tag names the speaker in the gutter.
    let (_, y) = body_cell(&app, selected);
    let gutter: String = (0..app.body_geometry().text.x)
        .map(|x| buf[(x, y)].symbol())
        .collect();
    assert!(gutter.contains("Berg ┃"), "{gutter:?}");
    // The focused pane (quotes) has a thick border; the others a thin one.
    let q = app.layout.quotes.outer;
    let b = app.layout.body.outer;
    assert_eq!(buf[(q.x, q.y)].symbol(), "┏");
    assert_eq!(buf[(b.x, b.y)].symbol(), "┌");
}

#[test]
fn speakers_get_their_own_colours_and_the_filter_dims_the_others() {
    let mut app = App::new(vec![document()]);
    let terminal = draw(&mut app, &dark(), 120, 40);
    let buf = buffer(&terminal);
    let fg = |pos| {
        let (x, y) = body_cell(&app, pos);
        buf[(x, y)].fg
    };
    let ruiz = fg(span_of("a public", 0).start);
    let berg = fg(span_of("the costs", 0).start);
    let okafor = fg(span_of("the dredging", 0).start);
    assert_ne!(ruiz, berg);
    assert_ne!(berg, okafor);
    assert_ne!(ruiz, okafor);
    assert_eq!(fg(span_of("declined", 0).start), Color::Reset);

    press(&mut app, "\tj ");
    let terminal = draw(&mut app, &dark(), 120, 40);
    let buf = buffer(&terminal);
    let (x, y) = body_cell(&app, span_of("a public", 0).start);
    assert_eq!(
        buf[(x, y)].fg,
        dark().dimmed.fg.unwrap(),
        "Ruiz is outside the filter"
    );
    let (x, y) = body_cell(&app, span_of("the costs", 0).start);
    assert_eq!(buf[(x, y)].fg, berg, "Berg keeps his colour");
}

/// An article that tries to drive the terminal and mixes scripts and widths.
fn hostile() -> Document {
    let text = "Breaking \u{1b}[2J\u{1b}]0;owned\u{7} news \u{9b}31m here.\n\
                The mayor said 日本語のテキストを表示する and \u{202e}reversed\u{202c} text, 👍🏽 e\u{301}.\n\
                \tTabs\rand\u{0}nulls.\n";
    let statement_text = "日本語のテキストを表示する";
    let start = text.find(statement_text).unwrap();
    reader_fixture::one_statement("hostile", text, start..start + statement_text.len())
}

fn assert_clean(buf: &Buffer) {
    for cell in buf.content() {
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

#[test]
fn control_characters_never_reach_the_terminal() {
    let mut app = App::new(vec![hostile()]);
    let terminal = draw(&mut app, &dark(), 100, 30);
    let buf = buffer(&terminal);
    assert_clean(buf);
    let screen: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("␛[2J"), "ESC shows as a picture");
}

#[test]
fn wide_characters_wrap_and_highlight_on_their_own_columns() {
    let mut app = App::new(vec![hostile()]);
    let theme = dark();
    // Narrow enough that the CJK statement wraps: one pane, the article's.
    press(&mut app, "\t\t");
    let terminal = draw(&mut app, &theme, 40, 24);
    let buf = buffer(&terminal);
    assert_clean(buf);
    let art = app.article();
    let geo = app.body_geometry();
    let colour = theme.speaker(Some(0)).fg.unwrap();
    let (first, last) = art.body.statement_rows[0];
    assert!(last > first, "the statement wraps");
    let mut seen = String::new();
    for row in first..=last {
        let y = geo.text.y + (row - art.body_top) as u16;
        for x in geo.text.x..geo.text.right() {
            let cell = &buf[(x, y)];
            if ('\u{3040}'..='\u{9fff}').contains(&cell.symbol().chars().next().unwrap_or(' ')) {
                assert_eq!(
                    cell.fg,
                    colour,
                    "{} at {x},{y} is highlighted",
                    cell.symbol()
                );
                seen.push_str(cell.symbol());
            } else if cell.fg == colour && !cell.symbol().is_empty() && cell.symbol() != " " {
                panic!(
                    "{:?} at {x},{y} highlighted but not in the statement",
                    cell.symbol()
                );
            }
        }
    }
    assert_eq!(seen, "日本語のテキストを表示する");
}

#[test]
fn every_small_size_draws_without_panicking() {
    for doc in [document(), hostile()] {
        let mut app = App::new(vec![doc]);
        press(&mut app, "jG");
        for w in 0..=64 {
            for h in 0..=18 {
                let terminal = draw(&mut app, &dark(), w, h);
                assert_clean(buffer(&terminal));
            }
        }
        press(&mut app, "?");
        for (w, h) in [(1, 1), (2, 2), (10, 3), (20, 5), (200, 60)] {
            draw(&mut app, &mono(), w, h);
        }
    }
}

#[test]
fn the_actor_under_the_cursor_has_its_mentions_underlined() {
    let mut app = App::new(vec![document()]);
    press(&mut app, "\tj");
    let terminal = draw(&mut app, &mono(), 120, 40);
    let buf = buffer(&terminal);
    let underlined = |pos| {
        let (x, y) = body_cell(&app, pos);
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED)
    };
    assert!(underlined(span_of("Tom Berg", 0).start));
    assert!(underlined(span_of("Berg", 1).start));
    assert!(!underlined(span_of("Ana Ruiz", 0).start));
}

/// Other scripts: Arabic and Hebrew (right to left, with vowel marks), emoji
/// joined into one picture or with a skin tone, combining accents, CJK.
const SCRIPTS: &str = "Voices from the port\n\
    Amal Haddad said مرحبًا بكم في الميناء الجديد and the crew answered שָׁלוֹם לכולם before \
    👩‍👩‍👧‍👦 families and 👋🏾 waves greeted the ship; Zoë’s café served crème brûlée, \
    pho\u{31b}\u{301} and 日本語のお茶 all day long.\n\
    Nothing else happened.\n";

fn scripts() -> Document {
    let start = SCRIPTS.find("مرحبًا").unwrap();
    let end = SCRIPTS.find(" all day").unwrap();
    reader_fixture::one_statement("scripts", SCRIPTS, start..end)
}

#[test]
fn other_scripts_wrap_and_highlight_on_their_own_columns() {
    use briefing::tui::text::{display_width, for_each_grapheme, sanitize};
    let theme = dark();
    for width in [24u16, 31, 40, 57, 80] {
        let mut app = App::new(vec![scripts()]);
        // The article pane alone (a narrow screen), so the statement wraps.
        press(&mut app, "\t\t");
        let terminal = draw(&mut app, &theme, width, 30);
        let buf = buffer(&terminal);
        assert_clean(buf);
        let art = app.article();
        let geo = app.body_geometry();
        let span = art.doc.analysis.statements[0].span;
        let colour = theme.speaker(Some(0)).fg.unwrap();
        let (first, last) = art.body.statement_rows[0];
        assert!(last > first, "the statement wraps at {width}");
        let mut highlighted = String::new();
        for (i, row) in art.body.rows.iter().enumerate().skip(art.body_top) {
            let dy = (i - art.body_top) as u16;
            if dy >= geo.text.height {
                break;
            }
            let y = geo.text.y + dy;
            let text = &art.doc.text[row.start..row.end];
            assert!(
                display_width(text) <= usize::from(geo.text.width),
                "{text:?} fits in {} columns",
                geo.text.width
            );
            let mut x = geo.text.x;
            for_each_grapheme(text, |at, g, w| {
                let byte = row.start + at;
                if w > 0 {
                    let cell = &buf[(x, y)];
                    assert_eq!(
                        cell.symbol(),
                        sanitize(g),
                        "{g:?} at column {x}, width {width}"
                    );
                    let inside = span.start <= byte && byte < span.end;
                    if inside && !g.trim().is_empty() {
                        assert_eq!(cell.fg, colour, "{g:?} highlighted at width {width}");
                        highlighted.push_str(g);
                    } else if !inside {
                        assert_ne!(cell.fg, colour, "{g:?} not highlighted at width {width}");
                    }
                }
                x += w as u16;
                true
            });
        }
        let expected: String = art.doc.text[span.range()].split_whitespace().collect();
        assert_eq!(
            highlighted, expected,
            "the whole statement, at width {width}"
        );
    }
}

#[test]
fn control_characters_stay_out_of_the_header_the_list_and_names() {
    let mut evil = hostile();
    evil.source = "evil\u{1b}[31m\u{202e}.txt".into();
    evil.analysis.title = Some("Title \u{1b}]0;owned\u{7} here".into());
    evil.analysis.byline = Some("Ann \u{9b}2J Lee".into());
    evil.analysis.date = Some("2024\u{0}-01-02".into());
    evil.analysis.actors[0].name = "Ana \u{1b}[5m Ruiz".into();
    evil.analysis.actors[0].roles = vec!["Mayor\u{202e}".into()];
    let mut app = App::new(vec![evil, document()]);
    app.errors.push(briefing::input::LoadError {
        source: "bad\u{1b}[2J.txt".into(),
        reason: "not a text file\u{7}".into(),
    });
    for keys in ["", "B", "\t", "a"] {
        press(&mut app, keys);
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            let terminal = draw(&mut app, &dark(), w, h);
            assert_clean(buffer(&terminal));
        }
    }
    let terminal = draw(&mut app, &dark(), 120, 40);
    let screen: String = buffer(&terminal)
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        screen.contains("bad␛[2J.txt"),
        "the list shows the error, made safe"
    );
}
