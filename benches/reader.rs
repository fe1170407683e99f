//! The reader on a 1 MB article at 200×60: the first frame (before and after the
//! engine's analysis arrives, and from the file on disk through the loader), one
//! key plus the next frame, and extraction on its own for comparison. Then a
//! briefing of 1,000 articles: read and analysed by the loader's workers, and
//! keys in the briefing scope.
//!
//! `cargo bench --bench reader`

use briefing::input::{InputJob, LoadOptions, SAMPLE};
use briefing::tui::keys::Action;
use briefing::tui::layout::Pane;
use briefing::tui::load::Loader;
use briefing::tui::{App, ColorDepth, Theme, ThemeName, render};
use briefing::{Analysis, Document, analyze};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::time::{Duration, Instant};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// The sample repeated to 1 MB, as paragraphs of one long article.
fn article() -> String {
    let mut text = String::with_capacity((1 << 20) + SAMPLE.len());
    while text.len() < 1 << 20 {
        text.push_str(SAMPLE);
        text.push_str("\n\n");
    }
    text
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

/// Moves the focus to `pane`, as Tab does.
fn focus(app: &mut App, pane: Pane) {
    while app.focus() != pane {
        app.apply(Action::FocusNext);
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap()
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme) {
    app.resize(WIDTH, HEIGHT);
    terminal
        .draw(|frame| render::draw(frame, app, theme))
        .unwrap();
}

fn reader(c: &mut Criterion) {
    let text = article();
    let theme = Theme::new(ThemeName::Dark, ColorDepth::Indexed256);
    let analysis = analyze(&text);

    let mut group = c.benchmark_group("reader_1MB_200x60");
    group.sample_size(20);

    // What `briefing FILE` shows first: the text, wrapped, while the engine runs.
    group.bench_function("first_frame_before_analysis", |b| {
        b.iter(|| {
            let doc = Document {
                source: "bench".into(),
                text: text.clone(),
                analysis: Analysis::default(),
                ..Document::default()
            };
            let mut app = App::pending(vec![doc]);
            let mut t = terminal();
            draw(&mut t, &mut app, &theme);
            black_box(app.article().body.len())
        })
    });

    // The analysis arriving: speakers, quote list, statement rows, redraw.
    group.bench_function("analysis_arrives_and_frame", |b| {
        let doc = Document {
            source: "bench".into(),
            text: text.clone(),
            analysis: Analysis::default(),
            ..Document::default()
        };
        let mut app = App::pending(vec![doc]);
        let mut t = terminal();
        draw(&mut t, &mut app, &theme);
        b.iter(|| {
            app.set_analysis(0, analysis.clone());
            draw(&mut t, &mut app, &theme);
        })
    });

    let mut app = App::new(vec![Document {
        source: "bench".into(),
        text: text.clone(),
        analysis: analysis.clone(),
        ..Document::default()
    }]);
    let mut t = terminal();
    draw(&mut t, &mut app, &theme);
    let statements = analysis.statements.len();

    // j in the quote list: select, follow in the body and the list, draw.
    group.bench_function("key_j_and_frame", |b| {
        let mut pressed = 0;
        b.iter(|| {
            pressed += 1;
            let k = if pressed % statements == 0 { 'g' } else { 'j' };
            app.handle_event(&key(KeyCode::Char(k), KeyModifiers::NONE));
            draw(&mut t, &mut app, &theme);
        })
    });

    // ] across the whole article: the next statement by the same speaker.
    group.bench_function("key_bracket_and_frame", |b| {
        b.iter(|| {
            app.handle_event(&key(KeyCode::Char(']'), KeyModifiers::NONE));
            if app.notice().is_some() {
                app.handle_event(&key(KeyCode::Char('g'), KeyModifiers::NONE));
            }
            draw(&mut t, &mut app, &theme);
        })
    });

    // Ctrl-d in the body pane.
    group.bench_function("key_half_page_in_body_and_frame", |b| {
        focus(&mut app, Pane::Body);
        b.iter(|| {
            app.handle_event(&key(KeyCode::Char('d'), KeyModifiers::CONTROL));
            if app.article().body_top + 200 > app.article().body.len() {
                app.handle_event(&key(KeyCode::Char('g'), KeyModifiers::NONE));
            }
            draw(&mut t, &mut app, &theme);
        });
        focus(&mut app, Pane::Quotes);
    });

    // Toggling the speaker filter (f) re-filters every statement.
    group.bench_function("key_filter_and_frame", |b| {
        b.iter(|| {
            app.handle_event(&key(KeyCode::Char('f'), KeyModifiers::NONE));
            draw(&mut t, &mut app, &theme);
        })
    });

    // One more character typed in the search prompt: search 1 MB, jump, draw.
    group.bench_function("search_keystroke_and_frame", |b| {
        app.handle_event(&key(KeyCode::Char('/'), KeyModifiers::NONE));
        app.handle_event(&key(KeyCode::Char('r'), KeyModifiers::NONE));
        let mut toggle = false;
        b.iter(|| {
            toggle = !toggle;
            let event = if toggle {
                key(KeyCode::Char('u'), KeyModifiers::NONE)
            } else {
                key(KeyCode::Backspace, KeyModifiers::NONE)
            };
            app.handle_event(&event);
            draw(&mut t, &mut app, &theme);
        });
        app.handle_event(&key(KeyCode::Esc, KeyModifiers::NONE));
    });

    // A resize that changes the text width: re-wrap 1 MB and draw.
    group.bench_function("resize_rewrap_and_frame", |b| {
        let mut narrow = false;
        b.iter(|| {
            narrow = !narrow;
            let w = if narrow { WIDTH - 30 } else { WIDTH };
            app.resize(w, HEIGHT);
            let mut t = Terminal::new(TestBackend::new(w, HEIGHT)).unwrap();
            t.draw(|frame| render::draw(frame, &app, &theme)).unwrap();
        })
    });
    group.finish();

    // From `briefing FILE` to the first frame: read the file on a worker, wrap,
    // draw. Timed by hand: each run waits for the engine to finish, so that no
    // analysis left running skews the next.
    let dir = std::env::temp_dir().join(format!("briefing-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    std::fs::write(&big, &text).unwrap();
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let start = Instant::now();
            let jobs = vec![InputJob::File(big.clone())];
            let mut loader = Loader::start(jobs, LoadOptions::default(), Vec::new());
            let mut app = loader.open().unwrap();
            let mut t = terminal();
            draw(&mut t, &mut app, &theme);
            let first = start.elapsed();
            while !loader.done() {
                for update in loader.wait(Duration::from_millis(25)) {
                    app.apply_update(update);
                }
            }
            first
        })
        .collect();
    times.sort();
    println!(
        "1 MB file to first frame: median {:.1?}, worst {:.1?} (of 10)",
        times[5], times[9]
    );

    many_articles(c, &dir, &theme);
    let _ = std::fs::remove_dir_all(&dir);

    let mut group = c.benchmark_group("extraction_1MB");
    group.sample_size(10);
    group.bench_function("analyze", |b| b.iter(|| analyze(black_box(&text))));
    group.finish();
}

/// 1,000 articles of about 4 KB in a folder: the sample under different names,
/// so that its speakers join across articles.
fn many_articles(c: &mut Criterion, dir: &std::path::Path, theme: &Theme) {
    let folder = dir.join("many");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..1000 {
        std::fs::write(
            folder.join(format!("{i:04}.txt")),
            format!("Report number {i}\n\n{SAMPLE}"),
        )
        .unwrap();
    }
    let jobs = || -> Vec<InputJob> {
        let (files, errors) = briefing::input::expand(&folder, &LoadOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        files.into_iter().map(InputJob::File).collect()
    };
    let load_all = || {
        let start = Instant::now();
        let mut loader = Loader::start(jobs(), LoadOptions::default(), Vec::new());
        let mut app = loader.open().unwrap();
        let first = start.elapsed();
        while !loader.done() {
            for update in loader.wait(Duration::from_millis(25)) {
                app.apply_update(update);
            }
        }
        for update in loader.poll() {
            app.apply_update(update);
        }
        (app, first, start.elapsed())
    };
    let (mut app, first, all) = load_all();
    assert_eq!(app.articles().len(), 1000);
    assert!(app.articles().iter().all(|a| !a.analysing));
    println!(
        "1,000 articles: first article after {first:.1?}, all read and analysed after {all:.1?}"
    );

    let mut group = c.benchmark_group("briefing_1000_articles");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("read_and_analyse_all", |b| {
        b.iter(|| black_box(load_all().2))
    });

    // The briefing scope, then keys over the joined actors and the quote list.
    let mut t = terminal();
    draw(&mut t, &mut app, theme);
    app.handle_event(&key(KeyCode::Char('s'), KeyModifiers::NONE));
    group.bench_function("join_1000_articles", |b| b.iter(|| app.rejoin()));
    app.handle_event(&key(KeyCode::Tab, KeyModifiers::NONE));
    app.handle_event(&key(KeyCode::Char(' '), KeyModifiers::NONE));
    app.handle_event(&key(KeyCode::Tab, KeyModifiers::NONE));
    app.handle_event(&key(KeyCode::Tab, KeyModifiers::NONE));
    assert!(
        app.briefing().quotes().len() >= 1000,
        "a speaker across the briefing"
    );
    group.bench_function("key_j_across_articles_and_frame", |b| {
        let mut pressed = 0;
        b.iter(|| {
            pressed += 1;
            let k = if pressed % 500 == 0 { 'g' } else { 'j' };
            app.handle_event(&key(KeyCode::Char(k), KeyModifiers::NONE));
            draw(&mut t, &mut app, theme);
        })
    });
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
