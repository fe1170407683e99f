//! Drawing the reader into ratatui's `TestBackend`: snapshots at three sizes,
//! monochrome visibility, hostile and wide text, and every small size.

mod reader_fixture;

use briefing::Document;
use briefing::tui::app::Update;
use briefing::tui::keys::Action;
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
    let q = app.layout().quotes.outer;
    let b = app.layout().body.outer;
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
    // A reason that quotes what it read (a panic's message) may hold them too.
    app.apply_update(Update::Failed(briefing::input::LoadError::new(
        "bad\u{1b}[2J.txt",
        briefing::input::LoadReason::EngineFailed("not a text file\u{7}".into()),
    )));
    // Listed with the articles; the status line as before it came.
    app.set_notice(None);
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

// ----- issue 13: what a first-time user trips over ---------------------------------

/// The screen as lines of text.
fn lines_of(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = buffer(terminal);
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The text inside a pane's border, row by row.
fn inside(lines: &[String], area: ratatui::layout::Rect) -> String {
    lines[usize::from(area.y)..usize::from(area.bottom())]
        .iter()
        .map(|l| {
            let row: String = l
                .chars()
                .skip(usize::from(area.x))
                .take(usize::from(area.width))
                .collect();
            row + "\n"
        })
        .collect()
}

#[test]
fn the_title_shows_once_in_the_article_pane_also_after_g() {
    let mut app = App::new(vec![document()]);
    for keys in ["", "G\t\tG", "g"] {
        press(&mut app, keys);
        for (w, h) in [(120, 40), (80, 24)] {
            let terminal = draw(&mut app, &mono(), w, h);
            let body = inside(&lines_of(&terminal), app.layout().body.inner);
            let top = app.article().body_top;
            if top == 0 {
                assert_eq!(
                    body.matches("Harbour plan divides the council").count(),
                    1,
                    "after {keys:?} at {w}x{h}:\n{body}"
                );
            }
        }
    }
}

#[test]
fn the_help_fits_a_narrow_screen_and_lists_every_key() {
    use briefing::tui::help;
    use briefing::tui::keys::BINDINGS;
    for (w, h) in [(40, 30), (60, 20), (80, 24), (120, 40)] {
        let mut app = App::new(vec![document()]);
        press(&mut app, "?");
        // Scroll through the whole help, a page at a time, reading it.
        let mut seen = String::new();
        for _ in 0..200 {
            let terminal = draw(&mut app, &mono(), w, h);
            for line in lines_of(&terminal) {
                seen.push_str(&line);
                seen.push('\n');
            }
            let before = app.help_scroll();
            press(&mut app, "j");
            if app.help_scroll() == before {
                break;
            }
        }
        // Every description, every word of it (rows are wrapped, not cut), and
        // every key as the help names it.
        let words: String = seen
            .lines()
            .map(|l| l.trim_matches(|c| "┃│┏┓┗┛ ".contains(c)).to_string() + " ")
            .collect();
        for b in BINDINGS {
            for word in b.help.split_whitespace() {
                assert!(words.contains(word), "{word:?} of {:?} at {w}x{h}", b.help);
            }
            assert!(
                seen.contains(&b.keys_label()),
                "{} at {w}x{h}",
                b.keys_label()
            );
        }
        for key in ["g Home", "G End", "0-9", "t", "Y", "s e", "B"] {
            assert!(seen.contains(key), "{key} at {w}x{h}");
        }
        assert!(seen.contains("set-clipboard"), "the last notes at {w}x{h}");
        // Nothing drawn past the popup: every row of the help fits its width.
        let width = briefing::tui::layout::help_text_width(
            briefing::tui::layout::help_area(ratatui::layout::Rect::new(0, 0, w, h), 1000).width,
        );
        for row in help::rows(width) {
            let used = row.indent + briefing::tui::text::display_width(&row.text);
            assert!(used <= width, "{row:?} in {width} at {w}x{h}");
        }
    }
}

#[test]
fn every_pane_keeps_40_columns_of_text_at_common_sizes() {
    use briefing::tui::layout::Pane;
    for (w, h) in [(80, 24), (100, 24), (120, 40), (200, 60)] {
        for focus in Pane::ALL {
            let mut app = App::new(vec![document()]);
            while app.focus() != focus {
                app.apply(Action::FocusNext);
            }
            app.resize(w, h);
            let layout = app.layout();
            if layout.shows(Pane::Body, focus) {
                let text = app.body_geometry().text.width;
                assert!(text >= 40, "article text {text} at {w}x{h}");
            }
            if layout.shows(Pane::Quotes, focus) {
                // The widest tag the list may have, 10 columns.
                let geo = briefing::tui::layout::QuoteGeometry::new(layout.quotes.inner.width, 10);
                assert!(
                    geo.text_width >= 40,
                    "quote text {} at {w}x{h}",
                    geo.text_width
                );
            }
            if layout.shows(Pane::Actors, focus) {
                let inner = layout.actors.inner.width;
                assert!(inner >= 40, "actors {inner} at {w}x{h}");
            }
            // Every pane shows, side by side or in turn.
            let shown = Pane::ALL
                .iter()
                .filter(|&&p| layout.shows(p, focus))
                .count();
            assert!(shown >= 2, "{focus:?} at {w}x{h}");
            assert!(layout.shows(focus, focus));
        }
    }
}

#[test]
fn a_cut_status_line_ends_in_an_ellipsis() {
    let mut doc = document();
    doc.analysis.title =
        Some("A very long headline about the harbour plan that divides the whole council".into());
    let mut app = App::new(vec![doc]);
    press(&mut app, "jf/hidden\n");
    app.set_notice(None);
    let terminal = draw(&mut app, &mono(), 70, 20);
    let status = lines_of(&terminal).pop().unwrap();
    let left = status
        .trim_end()
        .trim_end_matches("? help · q quit")
        .trim_end();
    assert!(left.ends_with('…'), "{status:?}");
    assert!(left.contains("filter: Berg"), "{status:?}");
    // A part that would just fit leaves no room for what follows: the cut shows.
    let terminal = draw(&mut app, &mono(), 40, 20);
    let status = lines_of(&terminal).pop().unwrap();
    let left = status
        .trim_end()
        .trim_end_matches("? help · q quit")
        .trim_end();
    assert!(left.ends_with('…'), "{status:?}");
}

#[test]
fn a_speaker_without_a_known_role_gets_no_kind_for_one() {
    let mut doc = document();
    doc.analysis.actors[2].roles.clear(); // Okafor
    let mut app = App::new(vec![doc]);
    let terminal = draw(&mut app, &mono(), 120, 40);
    let actors = inside(&lines_of(&terminal), app.layout().actors.inner);
    assert!(!actors.contains("person"), "{actors}");
    let rows: Vec<&str> = actors.lines().map(str::trim).collect();
    let okafor = rows.iter().position(|r| r.contains("Lena Okafor")).unwrap();
    assert!(rows[okafor + 1].starts_with("Mentioned"), "{actors}");
}

#[test]
fn one_actor_has_one_short_name_in_every_pane() {
    let mut doc = document();
    doc.analysis.actors[2].name = "New York Times".into();
    doc.analysis.actors[2].kind = briefing::ActorKind::Organization;
    let mut app = App::new(vec![doc]);
    // Select the Times' statement and filter on it.
    press(&mut app, "jjjf");
    assert_eq!(app.notice(), Some("NYT added to the filter"));
    assert_eq!(app.filter_summary(), "filter: NYT (1/6)");
    let terminal = draw(&mut app, &mono(), 46, 20);
    let lines = lines_of(&terminal);
    let quotes = inside(&lines, app.layout().quotes.inner);
    assert!(quotes.contains("NYT"), "{quotes}");
    // In the briefing scope too.
    press(&mut app, "B");
    assert_eq!(
        app.briefing().joined().short_name(Some(0)),
        app.article().speaker_tag(Some(0))
    );
    assert!(
        app.filter_summary().starts_with("filter: NYT"),
        "{}",
        app.filter_summary()
    );
    // The actors pane, too narrow for the full name, uses the same short name.
    press(&mut app, "\t");
    let terminal = draw(&mut app, &mono(), 20, 20);
    let actors = inside(&lines_of(&terminal), app.layout().actors.inner);
    assert!(actors.contains("NYT"), "{actors}");
}

#[test]
fn an_emoji_skin_tone_is_drawn_in_a_cell_of_its_own() {
    let text = "Ana Ruiz said the crew gave a 👍🏽 to the plan.\n";
    let start = text.find("the crew").unwrap();
    let end = text.find(" to the plan").unwrap();
    let doc = reader_fixture::one_statement("emoji", text, start..end);
    let mut app = App::new(vec![doc]);
    let terminal = draw(&mut app, &dark(), 100, 20);
    let buf = buffer(&terminal);
    // In the body and in the quote list: the emoji, its cell's second column,
    // then the skin tone in a cell of its own, so that a terminal which draws
    // it apart does not see it covered by the next cell.
    let cells: Vec<(u16, u16)> = buf
        .content()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.symbol() == "👍")
        .map(|(i, _)| buf.pos_of(i))
        .collect();
    assert_eq!(cells.len(), 2, "in the body and the quote list");
    for (x, y) in cells {
        assert_eq!(buf[(x + 2, y)].symbol(), "🏽", "at {x},{y}");
        assert_eq!(buf[(x + 4, y)].symbol(), " ");
    }
    // In the body, the text goes on after both.
    let (x, y) = body_cell_of(&app, text, text.find("👍").unwrap());
    assert_eq!(buf[(x, y)].symbol(), "👍");
    assert_eq!(buf[(x + 5, y)].symbol(), "t");
}

/// The screen position of byte `pos` of `text` in the body, counted in
/// columns as the reader draws them.
fn body_cell_of(app: &App, text: &str, pos: usize) -> (u16, u16) {
    let art = app.article();
    let geo = app.body_geometry();
    let row = art.body.row_of(pos);
    let start = art.body.rows[row].start;
    let col = briefing::tui::text::display_width(&text[start..pos]) as u16;
    (geo.text.x + col, geo.text.y + (row - art.body_top) as u16)
}

/// The fixture with Okafor's statement (“the dredging could start in May”) in
/// thought mode.
fn thinking() -> Document {
    let mut doc = document();
    doc.analysis.statements[3].mode = briefing::Mode::Thought;
    doc
}

#[test]
fn thoughts_are_marked_in_the_list_and_the_gutter_without_colour() {
    let mut app = App::new(vec![thinking()]);
    press(&mut app, "jjj");
    let terminal = draw(&mut app, &mono(), 120, 40);
    let buf = buffer(&terminal);
    let lines = lines_of(&terminal);
    let quotes = inside(&lines, app.layout().quotes.inner);
    let rows: Vec<&str> = quotes.lines().collect();
    let okafor = rows.iter().find(|r| r.contains("dredging")).unwrap();
    assert!(okafor.starts_with("Okafor I~ "), "{okafor:?}");
    let berg = rows.iter().find(|r| r.contains("the costs")).unwrap();
    assert!(berg.starts_with("Berg   I  "), "{berg:?}");
    assert!(
        lines.iter().any(|l| l.contains("~ thought")),
        "the legend says what ~ is"
    );
    // The body: a dashed bar, thick while selected, and italics.
    let (x, y) = body_cell(&app, span_of("the dredging", 0).start);
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "selected"
    );
    let bar = app.body_geometry().bar.x;
    assert_eq!(buf[(bar, y)].symbol(), "┇");
    press(&mut app, "k");
    let terminal = draw(&mut app, &mono(), 120, 40);
    let buf = buffer(&terminal);
    assert_eq!(buf[(bar, y)].symbol(), "┆");
    let (x, y) = body_cell(&app, span_of("the costs", 0).start);
    assert!(
        !buf[(x, y)].modifier.contains(Modifier::ITALIC),
        "speech is upright"
    );
    assert_eq!(buf[(bar, y)].symbol(), "│");
    // Hidden, they leave the list and the legend says so in the status line.
    press(&mut app, "t");
    let terminal = draw(&mut app, &mono(), 120, 40);
    let lines = lines_of(&terminal);
    let quotes = inside(&lines, app.layout().quotes.inner);
    assert!(!quotes.contains("dredging"), "{quotes}");
    assert!(lines.last().unwrap().contains("thoughts hidden"));
    assert!(lines.iter().any(|l| l.contains("Quotes 5/6")));
}

#[test]
fn prompts_show_their_own_keys_in_the_status_line() {
    let mut app = App::new(vec![document()]);
    press(&mut app, "s");
    let terminal = draw(&mut app, &mono(), 100, 24);
    let status = lines_of(&terminal).pop().unwrap();
    assert!(status.starts_with("save note to: briefing-"), "{status:?}");
    assert!(
        status.trim_end().ends_with("Enter saves · Esc cancels"),
        "{status:?}"
    );
    assert!(!status.contains("q quit"), "q is text here: {status:?}");
    press(&mut app, "\u{1b}/");
    let terminal = draw(&mut app, &mono(), 100, 24);
    let status = lines_of(&terminal).pop().unwrap();
    assert!(
        status.trim_end().ends_with("Enter keeps · Esc cancels"),
        "{status:?}"
    );
}
