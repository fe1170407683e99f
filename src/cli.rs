//! Command line: `briefing [INPUT]...` opens the reader, `briefing extract`
//! prints what the engine finds.

use crate::briefing::Briefing;
use crate::document::Document;
use crate::input::{self, Article, LoadError, LoadOptions};
use crate::output::{JsonArticle, JsonBriefing, text_listing};
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The sample article opened when no file is given.
pub const SAMPLE: &str = include_str!("../assets/sample/nato-open-door.txt");
/// How the sample is named in the reader.
pub const SAMPLE_NAME: &str = "nato-open-door.txt (sample)";

#[derive(Parser, Debug)]
#[command(
    name = "briefing",
    version,
    about = "Who said what: a terminal reader for news articles"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open: files (.txt, .md, .html, .json), directories, or `-`
    /// for stdin. The bundled sample when none is given.
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    /// Reader colours; monochrome when NO_COLOR is set, else from the terminal.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<Theme>,
    /// Leave the mouse to the terminal (native text selection) instead of the reader.
    #[arg(long)]
    pub no_mouse: bool,
}

/// How inputs are read.
#[derive(Args, Debug, Clone)]
pub struct LoadArgs {
    /// Read every input as this format instead of guessing from its name or content.
    #[arg(long = "input", value_enum, value_name = "FORMAT", global = true)]
    pub input_format: Option<input::Format>,
    /// Read directories recursively.
    #[arg(short, long, global = true)]
    pub recursive: bool,
    /// Refuse files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = input::DEFAULT_MAX_SIZE >> 20, global = true)]
    pub max_size: u64,
}

impl LoadArgs {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            format: self.input_format,
            recursive: self.recursive,
            max_size: self.max_size.saturating_mul(1 << 20),
        }
    }
}

/// Colours of the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    /// For dark backgrounds.
    Dark,
    /// For light backgrounds.
    Light,
    /// No colour: bold, underline and reverse video only.
    Mono,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the statements and speakers of articles.
    Extract {
        /// Articles to read: files, directories, or `-` (the default) for stdin.
        inputs: Vec<PathBuf>,
        /// Output format; `text` when stdout is a terminal, `json` otherwise.
        #[arg(long, short, value_enum)]
        format: Option<Format>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document: the article, or {"articles", "actors"} for several.
    Json,
    /// One JSON object per article per line; from stdin, {"id","text"} lines in.
    Jsonl,
    /// A readable listing.
    Text,
    /// A briefing note grouped by speaker.
    Markdown,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`briefing extract | head`) is not an error worth a message.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("briefing: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    let options = cli.load.options();
    match cli.command {
        Some(Command::Extract { inputs, format }) => {
            let format = format.unwrap_or(if std::io::stdout().is_terminal() {
                Format::Text
            } else {
                Format::Json
            });
            extract(&inputs, format, &options)
        }
        None => read(&cli.inputs, &options, cli.theme, cli.no_mouse),
    }
}

/// Articles from every input, in order, with the inputs that failed.
/// Files are read and parsed in parallel; progress goes to stderr when there
/// are many and stderr is a terminal.
pub fn load_all(inputs: &[PathBuf], options: &LoadOptions) -> (Vec<Article>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let mut jobs: Vec<Option<PathBuf>> = Vec::new(); // None: stdin
    for path in inputs {
        if path.as_os_str() == "-" {
            jobs.push(None);
            continue;
        }
        match input::expand(path, options) {
            Ok(files) => jobs.extend(files.into_iter().map(Some)),
            Err(e) => errors.push(e),
        }
    }
    let progress = Progress::new(jobs.len());
    let results: Vec<Result<Vec<Article>, LoadError>> = jobs
        .par_iter()
        .map(|job| {
            let r = match job {
                Some(path) => input::load_file(path, options),
                None => input::load_stdin(options),
            };
            progress.tick();
            r
        })
        .collect();
    progress.finish();
    let mut articles = Vec::new();
    for r in results {
        match r {
            Ok(a) => articles.extend(a),
            Err(e) => errors.push(e),
        }
    }
    (articles, errors)
}

/// "Reading 120/1000 files" on stderr, when it is a terminal and there are many.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    const MIN_FILES: usize = 20;

    fn new(total: usize) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: total >= Self::MIN_FILES && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown && (done.is_multiple_of(10) || done == self.total) {
            eprint!("\rReading {done}/{} files", self.total);
        }
    }

    fn finish(&self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}

/// The reader, or the text listing when stdout is not a terminal.
///
/// The reader opens as soon as the first article is read; the others are read
/// and analysed on worker threads and fill in while it runs. Inputs that cannot
/// be read are skipped, shown in the reader and listed on stderr afterwards; when
/// none can be read, the errors are listed and the reader does not start.
fn read(
    inputs: &[PathBuf],
    options: &LoadOptions,
    theme: Option<Theme>,
    no_mouse: bool,
) -> Result<ExitCode> {
    // Without inputs: the article piped in (`echo ... | briefing`), else the sample.
    let default_input = || -> Result<Vec<Article>, LoadError> {
        if !std::io::stdin().is_terminal() {
            let bytes = input::read_stdin(options)?;
            if !bytes.iter().all(u8::is_ascii_whitespace) {
                return input::parse_bytes(&bytes, "-", options.format);
            }
        }
        Ok(vec![Article {
            source: SAMPLE_NAME.to_string(),
            body: SAMPLE.to_string(),
            ..Article::default()
        }])
    };
    if !std::io::stdout().is_terminal() {
        let (articles, errors) = if inputs.is_empty() {
            match default_input() {
                Ok(articles) => (articles, Vec::new()),
                Err(e) => (Vec::new(), vec![e]),
            }
        } else {
            load_all(inputs, options)
        };
        report(&errors);
        if articles.is_empty() {
            return Ok(ExitCode::FAILURE);
        }
        let briefing = Briefing::from_articles(articles);
        write_text(&briefing)?;
        return Ok(if errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    use crate::tui::load::{Job, Loader};
    let mut errors = Vec::new();
    let mut jobs = Vec::new();
    if inputs.is_empty() {
        // Read before the screen is taken; the keys then come from the terminal.
        jobs.push(Job::Ready(default_input()));
    }
    for path in inputs {
        if path.as_os_str() == "-" {
            // Read before the screen is taken: stdin may be the terminal.
            jobs.push(Job::Ready(input::load_stdin(options)));
            continue;
        }
        match input::expand(path, options) {
            Ok(files) => jobs.extend(files.into_iter().map(Job::Path)),
            Err(e) => errors.push(e),
        }
    }
    let mut loader = Loader::start(jobs, options.clone(), errors);
    let app = match loader.open() {
        Ok(app) => app,
        Err(errors) => {
            report(&errors);
            return Ok(ExitCode::FAILURE);
        }
    };
    let theme = theme.map(|t| match t {
        Theme::Dark => crate::tui::ThemeName::Dark,
        Theme::Light => crate::tui::ThemeName::Light,
        Theme::Mono => crate::tui::ThemeName::Mono,
    });
    let options = crate::tui::Options {
        theme,
        mouse: !no_mouse,
    };
    let outcome = crate::tui::run(app, loader, options)?;
    report(&outcome.errors);
    if let Some(signal) = outcome.signal {
        return Ok(ExitCode::from((128 + signal).clamp(0, 255) as u8));
    }
    Ok(if outcome.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The errors on stderr, with control characters of file names shown, not obeyed.
/// A stderr gone with its terminal (SIGHUP) is no reason to panic.
fn report(errors: &[LoadError]) {
    let mut err = std::io::stderr().lock();
    for e in errors {
        let _ = writeln!(
            err,
            "briefing: {}",
            crate::sanitize::sanitize(&e.to_string())
        );
    }
}

/// The text listing of every article. On a terminal, control characters of the
/// articles are shown, not obeyed.
fn write_text(briefing: &Briefing) -> Result<()> {
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let many = briefing.documents.len() > 1;
    let mut listing = String::new();
    for (i, d) in briefing.documents.iter().enumerate() {
        if many {
            let rule = "─".repeat(60);
            listing.push_str(&format!(
                "{rule}\n{} ({})\n{rule}\n",
                d.display_title(),
                d.source
            ));
        } else if i > 0 {
            listing.push('\n');
        }
        listing.push_str(&text_listing(d));
    }
    if terminal {
        listing = crate::sanitize::sanitize_lines(&listing);
    }
    out.write_all(listing.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn extract(inputs: &[PathBuf], format: Format, options: &LoadOptions) -> Result<ExitCode> {
    // From stdin, JSON Lines is the batch mode: {"id","text"} in, one result out per line.
    let from_stdin = inputs.is_empty() || (inputs.len() == 1 && inputs[0].as_os_str() == "-");
    if format == Format::Jsonl && from_stdin && options.format.is_none() {
        batch(std::io::stdin().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdin = [PathBuf::from("-")];
    let (articles, errors) = load_all(if inputs.is_empty() { &stdin } else { inputs }, options);
    report(&errors);
    if articles.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    let briefing = Briefing::from_articles(articles);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json if briefing.documents.len() == 1 => {
            let d = &briefing.documents[0];
            serde_json::to_writer(&mut out, &JsonArticle::new(d).with_source(&d.source))?;
            out.write_all(b"\n")?;
        }
        Format::Json => {
            serde_json::to_writer(&mut out, &JsonBriefing::new(&briefing))?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {
            for d in &briefing.documents {
                serde_json::to_writer(&mut out, &JsonArticle::new(d).with_source(&d.source))?;
                out.write_all(b"\n")?;
            }
        }
        Format::Text => {
            drop(out);
            write_text(&briefing)?;
            return Ok(if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        Format::Markdown => {
            out.write_all(
                crate::export::markdown(&briefing, &crate::export::Selection::default()).as_bytes(),
            )?;
        }
    }
    out.flush()?;
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The batch mode: one `{"id", "text"}` object per line in, one result per line
/// out, in input order; lines are analysed in parallel in chunks.
fn batch(reader: impl BufRead) -> Result<()> {
    const CHUNK: usize = 256;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut lines = reader.lines().enumerate();
    loop {
        let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
        for (n, line) in lines.by_ref() {
            let line = line.context("reading input")?;
            if !line.trim().is_empty() {
                chunk.push((n + 1, line));
            }
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<Result<String>> = chunk
            .par_iter()
            .map(|(n, line)| {
                let record: serde_json::Value = serde_json::from_str(line)
                    .with_context(|| format!("line {n}: not a JSON object"))?;
                let text = record
                    .get("text")
                    .and_then(|t| t.as_str())
                    .with_context(|| format!("line {n}: no \"text\" string"))?;
                // Plain text as given: unwrapped if hard-wrapped, offsets into `text`.
                let doc = Document::new("-", text);
                let mut json = JsonArticle::new(&doc);
                json.id = record.get("id");
                Ok(serde_json::to_string(&json)?)
            })
            .collect();
        for r in results {
            out.write_all(r?.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}
