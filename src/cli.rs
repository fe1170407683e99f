//! Command line: `briefing [FILE]` opens the reader, `briefing extract` prints what
//! the engine finds.

use crate::analysis::analyze;
use crate::output::{JsonArticle, text_listing};
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The sample article opened when no file is given.
pub const SAMPLE: &str = include_str!("../assets/sample/nato-open-door.txt");

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
    /// Article to open (`-` reads stdin); the bundled sample when omitted.
    pub file: Option<PathBuf>,
    /// Reader colours; monochrome when NO_COLOR is set, else from the terminal.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<Theme>,
    /// Leave the mouse to the terminal (native text selection) instead of the reader.
    #[arg(long)]
    pub no_mouse: bool,
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
    /// Print the statements and speakers of an article.
    Extract {
        /// Article to read; `-` or nothing reads stdin.
        file: Option<PathBuf>,
        /// Output format; `text` when stdout is a terminal, `json` otherwise.
        #[arg(long, short)]
        format: Option<Format>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document.
    Json,
    /// Batch: one {"id","text"} object per input line, one result per output line.
    Jsonl,
    /// A readable listing.
    Text,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
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

fn dispatch(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Extract { file, format }) => {
            let format = format.unwrap_or(if std::io::stdout().is_terminal() {
                Format::Text
            } else {
                Format::Json
            });
            extract(file, format)
        }
        None => {
            let (source, text) = match &cli.file {
                Some(path) => (path.display().to_string(), read_text(path)?),
                None => (
                    "nato-open-door.txt (sample)".to_string(),
                    SAMPLE.to_string(),
                ),
            };
            if std::io::stdout().is_terminal() {
                let theme = cli.theme.map(|t| match t {
                    Theme::Dark => crate::tui::ThemeName::Dark,
                    Theme::Light => crate::tui::ThemeName::Light,
                    Theme::Mono => crate::tui::ThemeName::Mono,
                });
                let options = crate::tui::Options {
                    theme,
                    mouse: !cli.no_mouse,
                };
                return crate::tui::run(vec![(source, text)], options);
            }
            let analysis = analyze(&text);
            let mut out = std::io::stdout().lock();
            out.write_all(text_listing(&text, &analysis).as_bytes())?;
            Ok(())
        }
    }
}

fn read_text(path: &PathBuf) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .context("reading stdin")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("{}", path.display()))?
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => bail!("{}: not UTF-8 text", path.display()),
    }
}

fn extract(file: Option<PathBuf>, format: Format) -> Result<()> {
    let path = file.unwrap_or_else(|| PathBuf::from("-"));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Jsonl => {
            let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::io::BufReader::new(
                    std::fs::File::open(&path).with_context(|| format!("{}", path.display()))?,
                ))
            };
            for (n, line) in reader.lines().enumerate() {
                let line = line.context("reading input")?;
                if line.trim().is_empty() {
                    continue;
                }
                let record: serde_json::Value = serde_json::from_str(&line)
                    .with_context(|| format!("line {}: not a JSON object", n + 1))?;
                let text = record
                    .get("text")
                    .and_then(|t| t.as_str())
                    .with_context(|| format!("line {}: no \"text\" string", n + 1))?;
                let analysis = analyze(text);
                let mut doc = JsonArticle::new(text, &analysis);
                doc.id = record.get("id");
                serde_json::to_writer(&mut out, &doc)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            let text = read_text(&path)?;
            let analysis = analyze(&text);
            serde_json::to_writer(&mut out, &JsonArticle::new(&text, &analysis))?;
            out.write_all(b"\n")?;
        }
        Format::Text => {
            let text = read_text(&path)?;
            let analysis = analyze(&text);
            out.write_all(text_listing(&text, &analysis).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}
