//! The real binary in a real terminal: tmux runs it, sends keys and reads the
//! screen. Skipped (with a message) where tmux is not installed.

mod reader_fixture;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_briefing");
const TIMEOUT: Duration = Duration::from_secs(15);

fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("tmux is not installed: skipping the terminal test");
    }
    found
}

/// A tmux server of our own (its own socket) with one window.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a shell in a `width`×`height` window.
    fn start(tag: &str, width: u16, height: u16) -> Tmux {
        let socket = format!("briefing-test-{tag}-{}", std::process::id());
        let tmux = Tmux { socket };
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "env -u NO_COLOR PS1='$ ' TERM=xterm-256color sh",
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("running tmux")
    }

    /// Types `text` literally, then Enter.
    fn line(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
        self.run(&["send-keys", "Enter"]);
    }

    /// Sends tmux key names ("j", "Tab", "Escape", "Space").
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// The screen with lines the terminal wrapped joined again (`-J`): what a
    /// program printed, whatever the width of the window.
    fn joined_screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-J"]).stdout).into_owned()
    }

    fn format(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Polls the screen until `ready` holds; panics with the screen after a while.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The status line: the last non-empty line of the screen.
fn status(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// "3/22" → (3, 22), from the start of the status line.
fn position(screen: &str) -> (usize, usize) {
    let word = status(screen).split_whitespace().next().unwrap_or("");
    let (a, b) = word.split_once('/').unwrap_or(("0", "0"));
    (a.parse().unwrap_or(0), b.parse().unwrap_or(0))
}

/// The speaker tags of the quote list, top to bottom (continuation rows skipped).
fn quote_tags(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(top) = lines.iter().position(|l| l.contains(" Quotes ")) else {
        return Vec::new();
    };
    let col = lines[top]
        .chars()
        .take_while(|&c| c != '┏' && c != '┌')
        .count();
    let mut tags = Vec::new();
    for line in &lines[top + 1..] {
        if matches!(line.chars().nth(col), Some('┗' | '└') | None) {
            break;
        }
        let rest: String = line.chars().skip(col + 1).collect();
        if let Some(tag) = rest.split_whitespace().next()
            && !rest.starts_with(' ')
        {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[test]
fn the_reader_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start("sample", 120, 40);
    tmux.wait_for_text("$");
    tmux.line(&format!("{BIN}; echo EXIT:$?"));

    // Three panes, five speakers with roles.
    let screen = tmux.wait_for("the first frame with statements", |s| {
        s.contains("Quotes") && s.contains("Peskov") && position(s).0 == 1
    });
    for pane in ["Actors", "Article", "Quotes"] {
        assert!(screen.contains(pane), "{pane} pane:\n{screen}");
    }
    for name in ["Peskov", "Blinken", "Putin", "Lavrov", "Kuleba"] {
        assert!(screen.contains(name), "{name} in the actors:\n{screen}");
    }
    assert!(screen.contains("Kremlin spokesman"), "roles:\n{screen}");
    assert_eq!(tmux.format("#{mouse_any_flag}#{alternate_on}"), "11");
    let (_, total) = position(&screen);
    assert!(total >= 5);

    // j moves the selection; G goes to the last statement and the body follows.
    tmux.keys(&["j"]);
    tmux.wait_for("2/N", |s| position(s) == (2, total));
    tmux.keys(&["G"]);
    let screen = tmux.wait_for("the last statement", |s| position(s) == (total, total));
    assert!(
        screen.contains("100%"),
        "the body scrolled to the end:\n{screen}"
    );
    tmux.keys(&["g"]);
    tmux.wait_for("1/N", |s| position(s) == (1, total));

    // Filter to Putin in the actors pane: only his statements remain.
    let actors: Vec<&str> = screen.lines().collect();
    let names: Vec<&str> = actors
        .iter()
        .filter_map(|l| l.split('│').nth(1).or_else(|| l.split('┃').nth(1)))
        .filter(|cell| cell.contains('█'))
        .collect();
    let putin = names
        .iter()
        .position(|n| n.contains("Putin"))
        .expect("Putin in the actors pane");
    tmux.keys(&["Tab"]);
    for _ in 0..putin {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Space"]);
    let screen = tmux.wait_for("the filter", |s| status(s).contains("filter: Putin"));
    let tags = quote_tags(&screen);
    assert!(!tags.is_empty(), "quotes shown:\n{screen}");
    assert!(
        tags.iter().all(|t| t == "Putin"),
        "only Putin: {tags:?}\n{screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("no filter", |s| !status(s).contains("filter: Putin"));

    // Help, generated from the key table.
    tmux.keys(&["?"]);
    // Frames arrive row by row: wait for a row low in the help, not just the top.
    tmux.wait_for("the help", |s| {
        s.contains("show this help") && s.contains("next statement by the same speaker")
    });
    tmux.keys(&["?"]);
    tmux.wait_for("the help closed", |s| !s.contains("show this help"));

    // Search with a counter.
    tmux.keys(&["/"]);
    tmux.keys(&["-l", "Kremlin"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("a match counter", |s| status(s).contains("/Kremlin 1/"));

    // q leaves a clean shell: main screen, no mouse reporting, cooked mode.
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT:0");
    assert_eq!(tmux.format("#{alternate_on}"), "0");
    assert_eq!(
        tmux.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_sgr_flag}"),
        "000"
    );
    assert_eq!(tmux.format("#{cursor_flag}"), "1");
    tmux.line(
        "stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon -e echo -e -echo | tr '\\n' ,; echo",
    );
    tmux.wait_for("stty", |s| s.contains("icanon,echo,"));
}

#[test]
fn an_article_from_stdin_still_takes_keys_from_the_terminal() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start("stdin", 80, 24);
    tmux.wait_for_text("$");
    let article = "Mayor Ana Ruiz said on Monday that the harbour would reopen. \
                   “We have waited long enough,” Ruiz said.";
    tmux.line(&format!(
        "printf '%s\\n' '{article}' | {BIN} -; echo EXIT:$?"
    ));
    tmux.wait_for("the article", |s| {
        s.contains("Article") && s.contains("harbour would")
    });
    tmux.keys(&["?"]);
    tmux.wait_for_text("show this help");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for_text("EXIT:0");
    assert_eq!(tmux.format("#{alternate_on}"), "0");
}

#[test]
fn clicks_and_tiny_windows() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start("mouse", 120, 40);
    tmux.wait_for_text("$");
    tmux.line(&format!("{BIN}; echo EXIT:$?"));
    let screen = tmux.wait_for("the first frame", |s| position(s).0 == 1);
    // Click the third quote row (SGR mouse report: button 0 at column;row, 1-based).
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines.iter().position(|l| l.contains(" Quotes ")).unwrap();
    let col = lines[top]
        .chars()
        .take_while(|&c| c != '┏' && c != '┌')
        .count();
    let rows_of_first = 1 + lines[top + 2..]
        .iter()
        .take_while(|l| l.chars().nth(col + 1) == Some(' '))
        .count();
    let y = top + 1 + rows_of_first + 1; // 0-based screen row of the third entry
    let report = format!("\x1b[<0;{};{}M", col + 10, y + 1);
    let release = format!("\x1b[<0;{};{}m", col + 10, y + 1);
    tmux.keys(&["-l", &report]);
    tmux.keys(&["-l", &release]);
    tmux.wait_for("the click", |s| position(s).0 == 3);

    for (w, h) in [(20, 5), (1, 1), (45, 12), (120, 40)] {
        tmux.run(&["resize-window", "-x", &w.to_string(), "-y", &h.to_string()]);
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux.wait_for("the selection after resizes", |s| position(s).0 == 3);
    tmux.keys(&["C-c"]);
    tmux.wait_for_text("EXIT:0");
}

/// Asserts the shell got its terminal back: main screen, no mouse reporting,
/// cursor shown, cooked mode with echo.
fn assert_restored(tmux: &Tmux) {
    assert_eq!(tmux.format("#{alternate_on}"), "0", "main screen");
    assert_eq!(
        tmux.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_sgr_flag}"),
        "000",
        "mouse reporting off"
    );
    assert_eq!(tmux.format("#{cursor_flag}"), "1", "cursor shown");
    tmux.line("clear; stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon -e echo -e -echo | tr '\\n' ,; echo");
    tmux.wait_for("stty", |s| s.contains("icanon,echo,"));
}

/// A folder of three articles and a file that is not text, under the target dir.
fn article_folder(tag: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("tmux-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a-harbour.txt"), reader_fixture::TEXT).unwrap();
    std::fs::write(articles.join("b-dredging.txt"), reader_fixture::DREDGING).unwrap();
    std::fs::write(articles.join("c-hearing.txt"), reader_fixture::HEARING).unwrap();
    std::fs::write(articles.join("d-broken.txt"), b"\x00\x01\x02\x03 not text").unwrap();
    dir
}

#[test]
fn a_folder_opens_as_one_briefing() {
    if !have_tmux() {
        return;
    }
    let dir = article_folder("folder");
    let tmux = Tmux::start("folder", 120, 40);
    tmux.wait_for_text("$");
    tmux.line(&format!(
        "cd {} && {BIN} articles; echo EXIT:$?",
        dir.display()
    ));
    let screen = tmux.wait_for("three articles read", |s| {
        status(s).contains("art 1/3") && status(s).contains("✗ 1 unreadable") && position(s).0 == 1
    });
    assert!(
        screen.contains("Harbour plan divides the council"),
        "header:\n{screen}"
    );

    // The article list: three articles and the file that could not be read.
    tmux.keys(&["a"]);
    let titles = [
        "Harbour plan divides the council",
        "Dredging contract signed for the harbour",
        "Hearing on the harbour draws a crowd",
        "d-broken.txt",
    ];
    // Waits for every entry: a capture can catch the list half drawn on a
    // busy machine.
    tmux.wait_for("the article list with its four entries", |s| {
        s.contains("Articles 3") && titles.iter().all(|t| s.contains(t))
    });
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the second article", |s| status(s).contains("art 2/3"));
    tmux.keys(&["}"]);
    tmux.wait_for("the third article", |s| status(s).contains("art 3/3"));

    // The briefing's actors: Ruiz speaks in all three articles.
    tmux.keys(&["B"]);
    let screen = tmux.wait_for("the briefing scope", |s| s.contains("· briefing"));
    assert!(screen.contains("Ruiz"), "{screen}");
    assert!(
        screen.contains("#1 Harbour"),
        "articles under a speaker:\n{screen}"
    );

    // s asks where the note goes, offering a name in the current directory;
    // Enter takes it, and the status line says where it went.
    tmux.keys(&["s"]);
    tmux.wait_for("the save prompt", |s| {
        status(s).contains("save note to: briefing-")
    });
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the note", |s| status(s).contains("note written to"));
    let notes: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("briefing-"))
        .collect();
    assert_eq!(notes.len(), 1, "{screen}");
    let note = std::fs::read_to_string(notes[0].path()).unwrap();
    assert!(note.contains("# Who said what: 3 articles"), "{note}");

    tmux.keys(&["q"]);
    let screen = tmux.wait_for_text("EXIT:1");
    assert!(
        screen.contains("d-broken.txt: not a text file"),
        "the unreadable file on stderr after exit:\n{screen}"
    );
    assert_restored(&tmux);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn nothing_readable_means_no_screen_and_a_failure() {
    if !have_tmux() {
        return;
    }
    // A checkout (and so the target dir) may lie at a long path, and tmux wraps
    // the error lines at the window's width: the folder is made long on
    // purpose, and the screen is read with wrapped lines joined.
    let dir = article_folder(&format!("nothing-{}", "long".repeat(30)));
    assert!(dir.display().to_string().len() > 150);
    let tmux = Tmux::start("nothing", 100, 20);
    tmux.wait_for_text("$");
    tmux.line(&format!(
        "{BIN} {}/articles/d-broken.txt /no/such/article.txt; echo EXIT:$?",
        dir.display()
    ));
    tmux.wait_for_text("EXIT:1");
    let screen = tmux.joined_screen();
    // The lines after the command line: what the run printed.
    let printed: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("echo EXIT"))
        .skip(1)
        .collect();
    let broken = format!(
        "briefing: {}/articles/d-broken.txt: not a text file",
        dir.display()
    );
    assert!(printed.iter().any(|l| l.starts_with(&broken)), "{screen}");
    assert!(
        printed
            .iter()
            .any(|l| l.starts_with("briefing: /no/such/article.txt: ")),
        "{screen}"
    );
    assert!(!screen.contains("Quotes"), "no reader:\n{screen}");
    assert_restored(&tmux);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_panic_gives_the_terminal_back() {
    if !have_tmux() {
        return;
    }
    if !cfg!(debug_assertions) {
        eprintln!("the panic hook for tests is in debug builds only: skipping");
        return;
    }
    let tmux = Tmux::start("panic", 100, 30);
    tmux.wait_for_text("$");
    // A debug build panics after its first frame when asked to.
    tmux.line(&format!(
        "BRIEFING_TEST_PANIC_AFTER_FIRST_FRAME=1 {BIN}; echo EXIT:$?"
    ));
    let screen = tmux.wait_for_text("EXIT:101");
    assert!(
        screen.contains("panicking after the first frame"),
        "the panic message on the main screen:\n{screen}"
    );
    assert_restored(&tmux);
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    if !have_tmux() {
        return;
    }
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let tmux = Tmux::start(&format!("sig{signal}"), 100, 30);
        tmux.wait_for_text("$");
        let pid_file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("reader-{signal}-{}.pid", std::process::id()));
        let _ = std::fs::remove_file(&pid_file);
        tmux.line(&format!(
            "sh -c 'echo $$ > {}; exec {BIN}'; echo EXIT:$?",
            pid_file.display()
        ));
        tmux.wait_for("the first frame", |s| position(s).0 == 1);
        assert_eq!(tmux.format("#{mouse_any_flag}#{alternate_on}"), "11");
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        // The shell's own kill, to the process started above and no other.
        let killed = Command::new("sh")
            .args(["-c", &format!("kill -{signal} {}", pid.trim())])
            .status()
            .unwrap();
        assert!(killed.success());
        tmux.wait_for_text(&format!("EXIT:{code}"));
        assert_restored(&tmux);
        let _ = std::fs::remove_file(&pid_file);
    }
}

/// `briefing extract --format text` on a terminal shows an article's escape
/// sequences instead of obeying them: the screen is not cleared, the window
/// title not changed.
#[test]
fn the_text_listing_on_a_terminal_shows_control_characters() {
    if !have_tmux() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("briefing-tty-listing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hostile.txt");
    std::fs::write(
        &file,
        "“The quay \u{1b}]0;pwned\u{7}is closed\u{1b}[2J,” Tom Berg said.\n“We open \u{9b}1m soon\u{1b}]0;pwned\u{7}\u{1b}[2J,” he added.",
    )
    .unwrap();
    let t = Tmux::start("listing", 100, 20);
    // The markers print what the typed command line does not show ($((...))),
    // so waiting for them waits for the output, not the echo of the command.
    t.line("echo MARKER-$((40+2))");
    t.wait_for_text("MARKER-42");
    t.line(&format!(
        "{BIN} extract --format text {}; echo DONE-$((6*7))",
        file.display()
    ));
    let screen = t.wait_for_text("DONE-42");
    assert!(
        screen.contains("MARKER-42"),
        "the screen was cleared:\n{screen}"
    );
    assert!(screen.contains('␛'), "ESC is shown:\n{screen}");
    assert!(screen.contains("Tom Berg"), "{screen}");
    assert_ne!(
        t.format("#{pane_title}"),
        "pwned",
        "the title escape was obeyed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A reader whose terminal goes away (the window closed, the connection lost)
/// ends instead of spinning: crossterm alone would read end-of-file forever.
#[test]
fn the_reader_ends_when_its_terminal_goes_away() {
    if !have_tmux() {
        return;
    }
    let pid_file = std::env::temp_dir().join(format!("briefing-hangup-{}", std::process::id()));
    let _ = std::fs::remove_file(&pid_file);
    let tmux = Tmux::start("hangup", 100, 30);
    tmux.wait_for_text("$");
    tmux.line(&format!("echo $$ > {} && exec {BIN}", pid_file.display()));
    tmux.wait_for("the first frame", |s| s.contains("Quotes"));
    let pid: u32 = std::fs::read_to_string(&pid_file)
        .expect("the shell wrote its pid")
        .trim()
        .parse()
        .expect("a pid");
    let _ = std::fs::remove_file(&pid_file);
    let proc_dir = std::path::PathBuf::from(format!("/proc/{pid}"));
    assert!(proc_dir.exists(), "the reader runs as {pid}");
    tmux.run(&["kill-server"]);
    let start = Instant::now();
    while proc_dir.exists() && start.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(50));
    }
    // A zombie (state Z) has ended too; its parent, the tmux server, is gone.
    let state = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
    let ended = state.is_empty() || state.split_whitespace().nth(2) == Some("Z");
    assert!(
        ended,
        "the reader still runs after its terminal closed: {state}"
    );
}

/// A hard-wrapped article of our own, with a word split at a line end.
const WRAPPED_ARTICLE: &str = "The harbour authority said on Monday that the port would reopen\n\
    after a week of repairs to the outer wall and the fuel dock.\n\
    \n\
    “We expect the govern-\n\
    ment to pay for most of it,” said Ana Ruiz, who runs the authority.\n";

#[test]
fn a_piped_article_opens_in_the_reader() {
    if !have_tmux() {
        return;
    }
    let file = std::env::temp_dir().join(format!("briefing-piped-{}.txt", std::process::id()));
    std::fs::write(&file, WRAPPED_ARTICLE).unwrap();
    let tmux = Tmux::start("piped", 100, 30);
    tmux.wait_for_text("$");
    for command in [
        format!("cat {} | {BIN}; echo EXIT:$?", file.display()),
        format!("{BIN} - < {}; echo EXIT:$?", file.display()),
    ] {
        tmux.run(&["send-keys", "clear", "Enter"]);
        tmux.line(&command);
        let screen = tmux.wait_for("the piped article", |s| {
            s.contains("Quotes") && position(s).1 == 2
        });
        assert!(screen.contains("Ruiz"), "the speaker:\n{screen}");
        assert!(
            status(&screen).contains("standard input"),
            "named for stdin:\n{screen}"
        );
        // The wrapped paragraph is one paragraph on screen, not a line each.
        assert!(
            screen.contains("would reopen after a week"),
            "one paragraph:\n{screen}"
        );
        // Keys come from the terminal although stdin was the pipe.
        tmux.keys(&["j"]);
        tmux.wait_for("2/2", |s| position(s) == (2, 2));
        tmux.keys(&["q"]);
        tmux.wait_for_text("EXIT:0");
    }
    let _ = std::fs::remove_file(&file);
}

/// Pastes `text` as the terminal would: bracketed when the reader asked for it.
fn paste(tmux: &Tmux, text: &str) {
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "paste-{}-{}",
        tmux.socket,
        text.len()
    ));
    std::fs::write(&file, text).unwrap();
    let out = tmux.run(&["load-buffer", "-b", "pasted", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux.run(&["paste-buffer", "-p", "-d", "-b", "pasted"]);
    let _ = std::fs::remove_file(file);
}

/// A pasted sentence is text, not keys: "Here is a quote…" would write notes
/// (`e`) and quit (`q`).
#[test]
fn a_pasted_sentence_runs_no_command() {
    if !have_tmux() {
        return;
    }
    let dir = article_folder("paste");
    let tmux = Tmux::start("paste", 100, 30);
    tmux.wait_for_text("$");
    tmux.line(&format!(
        "cd {} && {BIN} articles/a-harbour.txt; echo EXIT:$?",
        dir.display()
    ));
    tmux.wait_for("the first frame", |s| position(s).0 == 1);
    paste(&tmux, "Here is a quote you asked about.\n");
    tmux.wait_for("the paste noticed", |s| status(s).contains("paste"));
    let notes = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count();
    assert_eq!(notes, 0, "no note written");
    assert_eq!(tmux.format("#{alternate_on}"), "1", "still running");
    tmux.keys(&["j"]);
    tmux.wait_for("2/N", |s| position(s).0 == 2);
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT:0");
    let _ = std::fs::remove_dir_all(dir);
}

/// 100 KB pasted into the search prompt: the reader answers its keys at once
/// (quadratic, it froze for half a minute).
#[test]
fn a_huge_paste_into_search_leaves_the_reader_answering() {
    if !have_tmux() {
        return;
    }
    let dir = article_folder("bigpaste");
    let tmux = Tmux::start("bigpaste", 100, 30);
    tmux.wait_for_text("$");
    tmux.line(&format!(
        "{BIN} {}/articles/a-harbour.txt; echo EXIT:$?",
        dir.display()
    ));
    tmux.wait_for("the first frame", |s| position(s).0 == 1);
    tmux.keys(&["/"]);
    tmux.wait_for("the prompt", |s| status(s).starts_with('/'));
    let start = Instant::now();
    paste(&tmux, &"the harbour plan would bring jobs ".repeat(3000));
    tmux.wait_for("the counter", |s| status(s).contains("no match"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the prompt closed", |s| !status(s).starts_with('/'));
    tmux.keys(&["j"]);
    tmux.wait_for("2/N", |s| position(s).0 == 2);
    // Well under a second on an idle machine; generous for a busy one.
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT:0");
    let _ = std::fs::remove_dir_all(dir);
}

/// A FIFO nobody writes to: the reader opens anyway, shows what else it has,
/// and quits on `q`.
#[test]
fn a_fifo_without_writer_leaves_the_reader_answering() {
    if !have_tmux() {
        return;
    }
    let dir = article_folder("fifo");
    let fifo = dir.join("no-writer.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let tmux = Tmux::start("fifo", 100, 30);
    tmux.wait_for_text("$");
    // Alone: a reader waiting for it.
    tmux.line(&format!("{BIN} {}; echo EXIT:$?", fifo.display()));
    tmux.wait_for("the waiting reader", |s| {
        s.contains("Quotes") && status(s).contains("reading 0/1")
    });
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT:0");
    // First of two: the other opens meanwhile.
    tmux.run(&["send-keys", "clear", "Enter"]);
    tmux.line(&format!(
        "{BIN} {} {}/articles/b-dredging.txt; echo EXIT:$?",
        fifo.display(),
        dir.display()
    ));
    tmux.wait_for("the other article", |s| {
        s.contains("Okafor") && status(s).contains("reading 1/2")
    });
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT:0");
    assert_restored(&tmux);
    let _ = std::fs::remove_dir_all(dir);
}

/// The width of the box whose top border holds ` {title} `, in columns, with
/// the column of its left corner (the box's row is ASCII and box drawing).
fn box_width(screen: &str, title: &str) -> Option<(usize, usize)> {
    screen.lines().find_map(|line| {
        let chars: Vec<char> = line.chars().collect();
        let at = line.find(&format!(" {title} "))?;
        let start = line[..at].chars().count().checked_sub(1)?;
        if !matches!(chars[start], '┌' | '┏') {
            return None;
        }
        let end = (start + 1..chars.len()).find(|&i| matches!(chars[i], '┐' | '┓'))?;
        Some((start, end - start + 1))
    })
}

#[test]
fn every_pane_keeps_40_columns_at_the_common_sizes() {
    if !have_tmux() {
        return;
    }
    for (w, h) in [(80, 24), (100, 24), (120, 40), (200, 60)] {
        let tmux = Tmux::start(&format!("floor{w}"), w, h);
        tmux.wait_for_text("$");
        tmux.line(&format!("{BIN}; echo EXIT:$?"));
        let screen = tmux.wait_for("the first frame", |s| position(s).0 == 1);
        let quotes_title = format!("Quotes {}", position(&screen).1);
        // The actors share the quotes' place on narrow screens: Tab brings them.
        let actors = match box_width(&screen, "Actors 16") {
            Some(b) => b,
            None => {
                tmux.keys(&["Tab"]);
                let s = tmux.wait_for("the actors", |s| box_width(s, "Actors 16").is_some());
                tmux.keys(&["BTab"]);
                tmux.wait_for("the quotes again", |s| {
                    box_width(s, &quotes_title).is_some()
                });
                box_width(&s, "Actors 16").unwrap()
            }
        };
        let quotes = box_width(&screen, &quotes_title).expect("the quotes");
        let article = box_width(&screen, "Article").expect("the article");
        // Text columns: inside the borders, after the widest tag (10), its
        // marks and spaces in the quotes and its bar in the article.
        assert!(
            actors.1 - 2 >= 40,
            "actors {actors:?} at {w}x{h}:\n{screen}"
        );
        assert!(
            quotes.1 - 2 - 14 >= 40,
            "quotes {quotes:?} at {w}x{h}:\n{screen}"
        );
        assert!(
            article.1 - 2 - 13 >= 40,
            "article {article:?} at {w}x{h}:\n{screen}"
        );
        // Side by side or stacked, never overlapping.
        if actors.0 != quotes.0 {
            assert!(actors.0 + actors.1 <= article.0, "at {w}x{h}:\n{screen}");
        }
        tmux.keys(&["q"]);
        tmux.wait_for_text("EXIT:0");
    }
}

#[test]
fn an_emoji_skin_tone_survives_the_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = article_folder("emoji");
    std::fs::write(
        dir.join("thumbs.txt"),
        "Ana Ruiz said the crew gave the plan a 👍🏽 and went home.\n",
    )
    .unwrap();
    let tmux = Tmux::start("emoji", 100, 24);
    tmux.wait_for_text("$");
    tmux.line(&format!(
        "cd {} && {BIN} thumbs.txt; echo EXIT:$?",
        dir.display()
    ));
    let screen = tmux.wait_for("the statement", |s| {
        s.contains("went home") && position(s).0 == 1
    });
    // tmux draws the tone apart from the emoji: drawn in one cell with it, the
    // next cell covered it up.
    assert_eq!(
        screen.matches("👍🏽").count(),
        2,
        "body and quotes:\n{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT:0");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn copying_says_what_it_did_and_y_writes_to_a_file() {
    if !have_tmux() {
        return;
    }
    let dir = article_folder("copy");
    let tmux = Tmux::start("copy", 120, 30);
    tmux.wait_for_text("$");
    tmux.line(&format!(
        "cd {} && {BIN} articles/a-harbour.txt; echo EXIT:$?",
        dir.display()
    ));
    tmux.wait_for("the first frame", |s| position(s).0 == 1);
    tmux.keys(&["y"]);
    // Inside tmux (TMUX is set), the reader cannot know the copy went through.
    tmux.wait_for("the copy notice", |s| {
        status(s).contains("sent via OSC 52, but tmux passes it on only with set-clipboard on")
    });
    tmux.keys(&["Y"]);
    tmux.wait_for("the file", |s| status(s).contains("written to"));
    let quotes = std::fs::read_to_string(dir.join("briefing-quotes.txt")).unwrap();
    assert!(
        quotes.contains(
            "— Ana Ruiz, Mayor (Harbour plan divides the council, articles/a-harbour.txt)"
        ),
        "{quotes}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT:0");
    let _ = std::fs::remove_dir_all(dir);
}
