//! Command line: `briefing [INPUT]...` opens the reader, `briefing extract`
//! prints what the engine finds.

use crate::briefing::Briefing;
use crate::document::Document;
use crate::input::{self, InputJob, LoadError, LoadOptions, LoadReason};
use crate::output::{JsonArticle, JsonBriefing, statement_listing, text_listing};
use crate::sanitize::write_json;
use crate::tui::ThemeName;
use crate::tui::load::Loader;
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    pub theme: Option<ThemeName>,
    /// Leave the mouse to the terminal (native text selection) instead of the reader.
    #[arg(long)]
    pub no_mouse: bool,
}

/// How inputs are read.
#[derive(Args, Debug, Clone)]
pub struct LoadArgs {
    /// Read every input as this format instead of guessing from its name or content.
    #[arg(long = "input", value_enum, value_name = "FORMAT", global = true)]
    pub input_format: Option<input::InputFormat>,
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

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the statements and speakers of articles.
    Extract {
        /// Articles to read: files, directories, or `-` (the default) for stdin.
        inputs: Vec<PathBuf>,
        /// Output format; `text` when stdout is a terminal, `json` otherwise.
        #[arg(long, short, value_enum)]
        format: Option<OutputFormat>,
        /// Where the batch mode (`--format jsonl` from stdin) reports a bad
        /// line: on stderr, skipping it, or as a `{"error","id","line"}`
        /// record on stdout in its place (for pipelines that route errors).
        #[arg(long, value_enum, value_name = "TO", default_value_t = Errors::Stderr)]
        errors: Errors,
    },
    /// Print the briefing's actor table (one actor per line, JSON) from the
    /// output of `extract --format jsonl`, without analysing again.
    Join {
        /// Results to join: files, or `-` (the default) for stdin.
        inputs: Vec<PathBuf>,
    },
}

/// Where the batch mode reports the lines it cannot read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Errors {
    /// A line on stderr; the line is skipped and the exit status is 1.
    Stderr,
    /// A JSON record on stdout in the line's place; the exit status is 0.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
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
    run_checked(false)
}

/// [`run`], told whether stdout was closed when the process started (the
/// Rust runtime then opens `/dev/null` in its place, where the output would
/// vanish without a word).
pub fn run_checked(stdout_was_closed: bool) -> ExitCode {
    let cli = Cli::parse();
    let prints = match &cli.command {
        Some(Command::Extract { .. } | Command::Join { .. }) => true,
        None => !std::io::stdout().is_terminal(),
    };
    if stdout_was_closed && prints {
        say("briefing: standard output is closed: nothing to write the output to");
        return ExitCode::FAILURE;
    }
    match dispatch(cli) {
        Ok(code) => code,
        // A closed pipe (`briefing extract | head`) is not an error worth a
        // message, in any format: the reader of the output has what it wanted
        // (the exit status is 0, as with ripgrep).
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!(
                "briefing: {}",
                crate::sanitize::sanitize(&format!("{e:#}"))
            ));
            ExitCode::FAILURE
        }
    }
}

/// A line on stderr; a stderr gone (a closed pipe, a hung-up terminal) is no
/// reason to panic.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Whether an error comes from writing to a pipe whose reader has gone.
fn broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    let options = cli.load.options();
    match cli.command {
        Some(Command::Extract {
            inputs,
            format,
            errors,
        }) => {
            let format = format.unwrap_or(if std::io::stdout().is_terminal() {
                OutputFormat::Text
            } else {
                OutputFormat::Json
            });
            extract(&inputs, format, errors, &options)
        }
        Some(Command::Join { inputs }) => join(&inputs, options.max_size),
        None => read(&cli.inputs, &options, cli.theme, cli.no_mouse),
    }
}

/// What one input gave: its articles, analysed, or why it could not be read.
pub type Loaded = Result<Vec<Document>, LoadError>;

/// Reads and analyses one input; a panic in a reader or the engine is that
/// input's failure, not everyone's.
fn load_job(job: InputJob, options: &LoadOptions) -> Loaded {
    let source = job.source();
    let run = || -> Loaded {
        let articles = job.read(options)?;
        Ok(articles
            .into_par_iter()
            .map(Document::from_article)
            .collect())
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        .unwrap_or_else(|_| Err(LoadError::new(source, LoadReason::ExtractFailed)))
}

/// Reads and analyses every input, handing each to `each` in input order as
/// soon as it and those before it are done. Files are read in parallel;
/// streams (pipes, FIFOs, devices, stdin) each on a thread of their own, so a
/// FIFO nobody writes to holds up only what comes after it, never the inputs
/// before it. `each` failing (a closed pipe) stops the run at once.
pub fn load_in_order(
    jobs: Vec<InputJob>,
    options: &LoadOptions,
    mut each: impl FnMut(Loaded) -> Result<()>,
) -> Result<()> {
    let total = jobs.len();
    let progress = std::sync::Arc::new(Progress::new(total));
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Loaded)>();
    let mut files = Vec::new();
    for (i, job) in jobs.into_iter().enumerate() {
        match job {
            InputJob::File(_) => files.push((i, job)),
            job => {
                let (sender, options, progress) = (tx.clone(), options.clone(), progress.clone());
                // Detached: a FIFO without a writer never returns, and must not
                // keep the process alive once the output is done.
                let spawned = std::thread::Builder::new()
                    .name("briefing-stream".into())
                    .spawn(move || {
                        let loaded = load_job(job, &options);
                        progress.tick();
                        let _ = sender.send((i, loaded));
                    });
                if let Err(e) = spawned {
                    let _ = tx.send((
                        i,
                        Err(LoadError::new(
                            "input",
                            LoadReason::NoThread(Some(e.to_string())),
                        )),
                    ));
                }
            }
        }
    }
    if !files.is_empty() {
        let (tx, options, progress) = (tx.clone(), options.clone(), progress.clone());
        std::thread::Builder::new()
            .name("briefing-files".into())
            .spawn(move || {
                files.into_par_iter().for_each_with(tx, |tx, (i, job)| {
                    let loaded = load_job(job, &options);
                    progress.tick();
                    let _ = tx.send((i, loaded));
                });
            })
            .context("starting the readers")?;
    }
    drop(tx);
    let mut waiting = std::collections::BTreeMap::new();
    let mut next = 0;
    while next < total {
        let Ok((i, loaded)) = rx.recv() else {
            break;
        };
        waiting.insert(i, loaded);
        while let Some(loaded) = waiting.remove(&next) {
            next += 1;
            if next == total {
                progress.finish();
            }
            each(loaded)?;
        }
    }
    Ok(())
}

/// Articles from every input, in order, with the inputs that failed; read and
/// analysed in parallel (see [`load_in_order`]).
pub fn load_all(inputs: &[PathBuf], options: &LoadOptions) -> (Vec<Document>, Vec<LoadError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let _ = load_in_order(input::jobs(inputs, options), options, |loaded| {
        match loaded {
            Ok(d) => docs.extend(d),
            Err(e) => errors.push(e),
        }
        Ok(())
    });
    (docs, errors)
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
            shown: total >= Self::MIN_FILES
                && std::io::stderr().is_terminal()
                && !std::io::stdout().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown && (done.is_multiple_of(10) || done == self.total) {
            let _ = write!(
                std::io::stderr().lock(),
                "\rReading {done}/{} files",
                self.total
            );
        }
    }

    fn finish(&self) {
        if self.shown {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
        }
    }
}

/// The reader, or the text listing when stdout is not a terminal.
///
/// The reader opens at once and fills in as articles are read and analysed on
/// worker threads. Inputs that cannot be read are skipped, shown in the reader
/// and listed on stderr afterwards; when none can be read, the errors are listed
/// (and the reader closes, or never starts).
fn read(
    inputs: &[PathBuf],
    options: &LoadOptions,
    theme: Option<ThemeName>,
    no_mouse: bool,
) -> Result<ExitCode> {
    let piped = !std::io::stdin().is_terminal();
    let mut jobs = Vec::new();
    if inputs.is_empty() {
        jobs.push(if piped {
            InputJob::Default
        } else {
            InputJob::Ready(input::default_input(false, options))
        });
    }
    jobs.extend(input::jobs(inputs, options));
    if !std::io::stdout().is_terminal() {
        let mut listing = Listing::new(jobs.len() > 1);
        load_in_order(jobs, options, |loaded| listing.take(loaded))?;
        return Ok(listing.finish()?);
    }
    // The keys come from the terminal, and a piped article arrives meanwhile;
    // stdin that is the terminal is read before the screen is taken.
    let jobs = jobs
        .into_iter()
        .map(|job| match job {
            InputJob::Stdin if !piped => InputJob::Ready(input::load_stdin(options)),
            job => job,
        })
        .collect();
    let mut loader = Loader::start(jobs, options.clone(), Vec::new());
    let app = match loader.open() {
        Ok(app) => app,
        Err(errors) => {
            report(&errors);
            return Ok(ExitCode::FAILURE);
        }
    };
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
fn report(errors: &[LoadError]) {
    for e in errors {
        say(&format!(
            "briefing: {}",
            crate::sanitize::sanitize(&e.to_string())
        ));
    }
}

/// The text listing, printed input by input as they are read.
struct Listing {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    /// Several articles: each under a header with its title and file.
    many: Option<bool>,
    several_inputs: bool,
    printed: usize,
    failed: bool,
}

impl Listing {
    fn new(several_inputs: bool) -> Listing {
        Listing {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            many: None,
            several_inputs,
            printed: 0,
            failed: false,
        }
    }

    fn take(&mut self, loaded: Loaded) -> Result<()> {
        let docs = match loaded {
            Ok(docs) => docs,
            Err(e) => {
                // In order with the listing around it.
                self.out.flush()?;
                report(&[e]);
                self.failed = true;
                return Ok(());
            }
        };
        let many = *self
            .many
            .get_or_insert(self.several_inputs || docs.len() > 1);
        for d in &docs {
            self.out
                .write_all(text_block(d, many, self.printed).as_bytes())?;
            self.printed += 1;
        }
        // Each input shows as soon as it is read.
        self.out.flush()?;
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<ExitCode> {
        self.out.flush()?;
        Ok(if self.failed || self.printed == 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// The text listing of one article: under a header with its title and file when
/// there are several (the title then shows once, in the header); every string
/// of the article shown on its line with its controls shown, not obeyed.
fn text_block(d: &Document, many: bool, index: usize) -> String {
    let mut block = String::new();
    if many {
        let rule = "─".repeat(60);
        let source = crate::export::source_label(&d.source);
        let header = match &d.analysis.title {
            Some(title) => format!(
                "{} ({})",
                crate::sanitize::inline(title),
                crate::sanitize::inline(source)
            ),
            None => crate::sanitize::inline(source).into_owned(),
        };
        block.push_str(&format!("{rule}\n{header}\n{rule}\n"));
        block.push_str(&statement_listing(d));
        return block;
    }
    if index > 0 {
        block.push('\n');
    }
    block.push_str(&text_listing(d));
    block
}

fn extract(
    inputs: &[PathBuf],
    format: OutputFormat,
    errors: Errors,
    options: &LoadOptions,
) -> Result<ExitCode> {
    // From stdin, JSON Lines is the batch mode: {"id","text"} in, one result out per line.
    let from_stdin = inputs.is_empty() || (inputs.len() == 1 && inputs[0].as_os_str() == "-");
    if format == OutputFormat::Jsonl && from_stdin && options.format.is_none() {
        return batch(std::io::stdin().lock(), options.max_size, errors);
    }
    if errors == Errors::Json {
        anyhow::bail!("--errors json is for the batch mode: --format jsonl reading stdin");
    }
    let stdin = [PathBuf::from("-")];
    let jobs = input::jobs(if inputs.is_empty() { &stdin } else { inputs }, options);
    match format {
        OutputFormat::Text => {
            let mut listing = Listing::new(jobs.len() > 1);
            load_in_order(jobs, options, |loaded| listing.take(loaded))?;
            Ok(listing.finish()?)
        }
        OutputFormat::Jsonl => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let (mut printed, mut failed) = (0, false);
            load_in_order(jobs, options, |loaded| {
                match loaded {
                    Ok(docs) => {
                        for d in &docs {
                            write_json(&mut out, &JsonArticle::new(d).with_source(&d.source))?;
                            out.write_all(b"\n")?;
                            printed += 1;
                        }
                        out.flush()?;
                    }
                    Err(e) => {
                        out.flush()?;
                        report(&[e]);
                        failed = true;
                    }
                }
                Ok(())
            })?;
            out.flush()?;
            Ok(if failed || printed == 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        OutputFormat::Json | OutputFormat::Markdown => {
            let mut docs = Vec::new();
            let mut failed = false;
            load_in_order(jobs, options, |loaded| {
                match loaded {
                    Ok(d) => docs.extend(d),
                    Err(e) => {
                        report(&[e]);
                        failed = true;
                    }
                }
                Ok(())
            })?;
            if docs.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match format {
                // One article is written as itself: no actors to join.
                OutputFormat::Json if docs.len() == 1 => {
                    let d = &docs[0];
                    write_json(&mut out, &JsonArticle::new(d).with_source(&d.source))?;
                    out.write_all(b"\n")?;
                }
                OutputFormat::Json => {
                    write_json(&mut out, &JsonBriefing::new(&Briefing::new(docs)))?;
                    out.write_all(b"\n")?;
                }
                _ => {
                    let note = crate::export::markdown(
                        &Briefing::new(docs),
                        &crate::export::Selection::default(),
                    );
                    out.write_all(note.as_bytes())?;
                }
            }
            out.flush()?;
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// `briefing join`: reads every line, then joins. A line it cannot read
/// fails the run, since a table without it would be wrong without a word.
fn join(inputs: &[PathBuf], max: u64) -> Result<ExitCode> {
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    let mut table = crate::join::Input::default();
    for path in inputs {
        let name = path.display().to_string();
        let mut reader: Box<dyn BufRead> = if name == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let file = std::fs::File::open(path)
                .map_err(|e| anyhow::anyhow!("{name}: {}", input::io_reason(&e)))?;
            Box::new(std::io::BufReader::new(file))
        };
        let mut n = 0;
        while let Some(line) = read_line(&mut reader, max).with_context(|| name.clone())? {
            n += 1;
            let line = match line {
                BatchLine::Bytes(b) => b,
                BatchLine::TooLong => anyhow::bail!(
                    "{name}: line {n}: longer than the limit of {} (--max-size)",
                    input::size_text(max, false)
                ),
            };
            let Ok(line) = std::str::from_utf8(&line) else {
                anyhow::bail!("{name}: line {n}: invalid UTF-8");
            };
            if line.trim().is_empty() {
                continue;
            }
            table
                .add(line, n)
                .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        }
    }
    let (briefing, ids) = table.briefing();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    crate::join::write_table(&mut out, &briefing, &ids)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One line of the batch input, read up to a limit.
enum BatchLine {
    Bytes(Vec<u8>),
    /// Longer than the limit: its bytes were read past, not kept.
    TooLong,
}

/// The next line of `reader` without its line end, keeping at most `max`
/// bytes of it: a line without end costs no memory past the limit. `None` at
/// the end of the input.
fn read_line(reader: &mut impl BufRead, max: u64) -> std::io::Result<Option<BatchLine>> {
    let mut line = Vec::new();
    let mut len = 0u64;
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (part, ends) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        len += part.len() as u64;
        if !too_long && len > max {
            too_long = true;
            line = Vec::new();
        }
        if !too_long {
            line.extend_from_slice(part);
        }
        let used = part.len() + usize::from(ends);
        reader.consume(used);
        if ends {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(BatchLine::TooLong));
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(BatchLine::Bytes(line)))
}

/// Why a batch line gave no result, with its `id` when it has one.
struct BatchError {
    reason: String,
    id: Option<serde_json::Value>,
}

impl From<String> for BatchError {
    fn from(reason: String) -> BatchError {
        BatchError { reason, id: None }
    }
}

impl From<&str> for BatchError {
    fn from(reason: &str) -> BatchError {
        BatchError::from(reason.to_string())
    }
}

/// The result of one batch line, isolated: a panic in the engine is that
/// line's failure, never the run's (every other line still comes out).
fn batch_result(n: usize, line: &BatchLine, max: u64) -> Result<Vec<u8>, BatchError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        batch_result_unguarded(n, line, max)
    }))
    .unwrap_or_else(|payload| {
        let what = crate::document::panic_message(&*payload);
        Err(format!("the engine failed on this line ({what})").into())
    })
}

/// The result of one batch line: its JSON output, or why it was skipped.
fn batch_result_unguarded(n: usize, line: &BatchLine, max: u64) -> Result<Vec<u8>, BatchError> {
    let bytes = match line {
        BatchLine::Bytes(b) => b.as_slice(),
        BatchLine::TooLong => {
            return Err(format!(
                "longer than the limit of {} (--max-size)",
                input::size_text(max, false)
            )
            .into());
        }
    };
    let bytes = if n == 1 {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    } else {
        bytes
    };
    let line = std::str::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 (byte {} of the line)", e.valid_up_to() + 1))?;
    let record: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        let what = e.to_string();
        let what = what
            .rsplit_once(" at line ")
            .map_or(what.as_str(), |(w, _)| w);
        format!("invalid JSON at column {}: {what}", e.column())
    })?;
    let Some(obj) = record.as_object() else {
        return Err("not a JSON object".into());
    };
    let with_id = |reason: &str| BatchError {
        reason: reason.into(),
        id: obj.get("id").cloned(),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(t)) => t,
        Some(_) => return Err(with_id("\"text\" is not a string")),
        None => return Err(with_id("no \"text\" field")),
    };
    // Plain text as given: unwrapped if hard-wrapped, offsets into `text`.
    let doc = Document::new("-", text.as_str());
    let mut json = JsonArticle::new(&doc);
    json.id = obj.get("id");
    let mut out = Vec::new();
    write_json(&mut out, &json).map_err(|e| with_id(&e.to_string()))?;
    Ok(out)
}

/// The record a bad batch line gives with `--errors json`, in its place.
#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    error: &'a str,
    id: Option<&'a serde_json::Value>,
    line: usize,
}

/// The batch mode: one `{"id", "text"}` object per line in, one result per line
/// out, in input order; lines are analysed in parallel in chunks. A line that is
/// not such an object (bad JSON or UTF-8, no text, over `max` bytes) is reported
/// on stderr with its number and skipped; the others all come out, and the exit
/// status says some were skipped. With `--errors json` the reason comes out as a
/// record in the line's place instead, and the status is 0: the output then
/// accounts for every line.
fn batch(mut reader: impl BufRead, max: u64, errors: Errors) -> Result<ExitCode> {
    const CHUNK_LINES: usize = 256;
    const CHUNK_BYTES: u64 = 16 << 20;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut n = 0;
    let mut skipped = 0;
    let mut done = false;
    while !done {
        let mut chunk: Vec<(usize, BatchLine)> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let Some(line) = read_line(&mut reader, max).context("reading the input")? else {
                done = true;
                break;
            };
            n += 1;
            if let BatchLine::Bytes(b) = &line {
                if b.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                bytes += b.len() as u64;
            }
            chunk.push((n, line));
        }
        let results: Vec<Result<Vec<u8>, BatchError>> = chunk
            .par_iter()
            .map(|(n, line)| batch_result(*n, line, max))
            .collect();
        for ((n, _), r) in chunk.iter().zip(results) {
            match r {
                Ok(json) => {
                    out.write_all(&json)?;
                    out.write_all(b"\n")?;
                }
                Err(e) if errors == Errors::Json => {
                    let record = ErrorRecord {
                        error: &e.reason,
                        id: e.id.as_ref(),
                        line: *n,
                    };
                    write_json(&mut out, &record)?;
                    out.write_all(b"\n")?;
                }
                Err(e) => {
                    out.flush()?;
                    say(&format!(
                        "briefing: -: line {n}: {}, skipped",
                        crate::sanitize::sanitize(&e.reason)
                    ));
                    skipped += 1;
                }
            }
        }
    }
    out.flush()?;
    if skipped > 0 {
        let s = if skipped == 1 { "" } else { "s" };
        say(&format!("briefing: -: {skipped} line{s} skipped"));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
