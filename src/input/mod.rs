//! Reading articles from what people have: plain text in any common encoding,
//! Markdown, saved HTML pages, JSON exports of scrapers, directories of those,
//! and stdin.
//!
//! Every loader yields [`Article`]s: a title, byline and date when the source
//! says so, and the body as plain text, with which of its line breaks end a
//! paragraph (plain text may be hard-wrapped) and where its subheads are.
//! Problems are reported per file as [`LoadError`]s so that one bad file in a
//! folder never stops the others.

pub mod decode;
pub mod html;
mod job;
pub mod json;
pub mod markdown;
pub mod results;
pub mod unwrap;

use std::fmt;
use std::path::{Path, PathBuf};

pub use job::{InputJob, SAMPLE, SAMPLE_NAME, default_input, jobs};

/// An article as read from its source, before analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Where it came from: a path, `-` for stdin, or a path with `#n` for the
    /// n-th article of a JSON file.
    pub source: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Publication date, `YYYY-MM-DD` when it could be parsed, else as given.
    pub date: Option<String>,
    pub body: String,
    /// Which line breaks of `body` end a paragraph: plain text is unwrapped
    /// where it was hard-wrapped (see [`unwrap`]).
    pub breaks: unwrap::LineBreaks,
    /// Subheads of the body (byte ranges of `body`), which are not statements.
    pub headings: Vec<std::ops::Range<usize>>,
    /// The analysis when it was done already (a results file, see
    /// [`results`]): its spans index the body as given.
    pub analysis: Option<Box<crate::analysis::Analysis>>,
}

/// The kinds of input `briefing` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Json,
}

impl InputFormat {
    /// The format a file name promises, if its extension is known.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => InputFormat::Text,
            "md" | "markdown" | "mdown" | "mkd" => InputFormat::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => InputFormat::Html,
            "json" | "jsonl" | "ndjson" => InputFormat::Json,
            _ => return None,
        })
    }

    /// The format a text looks like: markup, JSON, Markdown, else plain text.
    pub fn sniff(text: &str) -> InputFormat {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = head
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.contains("<head")
            || lower.contains("<body")
            || lower.starts_with("<?xml") && lower.contains("<html")
        {
            return InputFormat::Html;
        }
        if (head.starts_with('{') || head.starts_with('[')) && json::looks_like_json(head) {
            return InputFormat::Json;
        }
        if markdown::looks_like_markdown(head) {
            return InputFormat::Markdown;
        }
        InputFormat::Text
    }
}

/// A file (or stdin) that could not be read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The input: its path, `-` for stdin, or where it stands ("input 2").
    pub source: String,
    /// Why it could not be read.
    pub reason: LoadReason,
}

impl LoadError {
    /// The error of `source` for `reason`.
    pub fn new(source: impl Into<String>, reason: LoadReason) -> LoadError {
        LoadError {
            source: source.into(),
            reason,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

impl std::error::Error for LoadError {}

/// Why an input could not be read as an article. Its `Display` is the message
/// users see after the input's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadReason {
    /// The system would not list, open or read it.
    Io {
        /// What kind of failure.
        kind: std::io::ErrorKind,
        /// The reason printed, without the OS error number: "no such file or
        /// directory".
        message: String,
    },
    /// A directory where a file was expected.
    IsDirectory,
    /// A file that says it is larger than `--max-size`.
    FileTooLarge {
        /// The file's size, in bytes.
        size: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A stream (stdin, a pipe, a device) that ran past `--max-size` bytes.
    InputTooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// Nothing but white space.
    Empty,
    /// Bytes that are not text in an encoding `briefing` reads.
    NotText(decode::NotText),
    /// A JSON file that is no article export `briefing` reads: why not.
    Json(String),
    /// A results file (`briefing extract` output) that does not read back:
    /// where and why.
    Results(String),
    /// No article text in it: an HTML page without an article, say.
    NoText,
    /// A directory without a file of a supported kind.
    NoArticles {
        /// Subdirectories were searched too (`-r`).
        recursive: bool,
    },
    /// No thread could be started to read it, with the system's reason when
    /// it gave one.
    NoThread(Option<String>),
    /// The reader for its format panicked.
    ReaderFailed,
    /// Reading or analysing it panicked (`briefing extract`).
    ExtractFailed,
    /// The engine panicked on one of its articles, with the panic's message.
    EngineFailed(String),
}

impl LoadReason {
    /// The reason of an I/O error.
    pub fn io(e: &std::io::Error) -> LoadReason {
        LoadReason::Io {
            kind: e.kind(),
            message: io_reason(e),
        }
    }
}

impl fmt::Display for LoadReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadReason::Io { message, .. } => f.write_str(message),
            LoadReason::IsDirectory => f.write_str("is a directory"),
            LoadReason::FileTooLarge { size, limit } => write!(
                f,
                "file is {}, larger than the limit of {} (--max-size)",
                size_text(*size, true),
                size_text(*limit, false)
            ),
            LoadReason::InputTooLarge { limit } => write!(
                f,
                "input is larger than the limit of {} (--max-size)",
                size_text(*limit, false)
            ),
            LoadReason::Empty => f.write_str("empty file"),
            LoadReason::NotText(why) => write!(f, "{why}"),
            LoadReason::Json(why) | LoadReason::Results(why) => f.write_str(why),
            LoadReason::NoText => f.write_str("no article text found"),
            LoadReason::NoArticles { recursive } => {
                let hint = if *recursive {
                    ""
                } else {
                    " (use -r for subdirectories)"
                };
                write!(
                    f,
                    "directory has no readable articles (.txt, .md, .html, .json, part-*){hint}"
                )
            }
            LoadReason::NoThread(None) => f.write_str("no thread to read it"),
            LoadReason::NoThread(Some(why)) => write!(f, "no thread to read it: {why}"),
            LoadReason::ReaderFailed => f.write_str("the reader for this format failed"),
            LoadReason::ExtractFailed => f.write_str("reading or analysing this input failed"),
            LoadReason::EngineFailed(why) => {
                write!(f, "the engine failed on this article ({why})")
            }
        }
    }
}

impl std::error::Error for LoadReason {}

/// How to read inputs.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Read every input as this format instead of guessing.
    pub format: Option<InputFormat>,
    /// Descend into subdirectories.
    pub recursive: bool,
    /// Refuse files larger than this many bytes.
    pub max_size: u64,
}

/// The default size limit: generous for articles, short of what hurts.
pub const DEFAULT_MAX_SIZE: u64 = 256 << 20;

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            format: None,
            recursive: false,
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

fn error(source: &str, reason: LoadReason) -> LoadError {
    LoadError::new(source, reason)
}

/// Parses the bytes of one input. `name` is its path or `-`; the format comes
/// from `format`, else the name's extension, else the content.
pub fn parse_bytes(
    bytes: Vec<u8>,
    name: &str,
    format: Option<InputFormat>,
) -> Result<Vec<Article>, LoadError> {
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(error(name, LoadReason::Empty));
    }
    let format = format.or_else(|| InputFormat::from_path(Path::new(name)));
    // HTML names its own charset; everything else is decoded by its bytes.
    let text = match format {
        Some(InputFormat::Html) => decode_html(&bytes),
        _ => decode::decode_text(bytes).map_err(|why| error(name, LoadReason::NotText(why)))?,
    };
    let format = format.unwrap_or_else(|| InputFormat::sniff(&text));
    let articles = match format {
        InputFormat::Text => vec![Article {
            source: name.to_string(),
            body: decode::normalize_newlines(text),
            ..Article::default()
        }],
        InputFormat::Markdown => vec![markdown::parse(&text, name)],
        InputFormat::Html => vec![html_article(&text, name)],
        // Precomputed analyses are JSON too: read back, not analysed again.
        InputFormat::Json => match results::parse(&text, name) {
            Some(results) => results.map_err(|why| error(name, LoadReason::Results(why)))?,
            None => json::parse(&text, name).map_err(|why| error(name, LoadReason::Json(why)))?,
        },
    };
    let articles: Vec<Article> = articles
        .into_iter()
        .filter(|a| !a.body.trim().is_empty())
        .collect();
    if articles.is_empty() {
        return Err(error(name, LoadReason::NoText));
    }
    Ok(articles)
}

fn decode_html(bytes: &[u8]) -> String {
    html::decode(bytes)
}

/// An article from an HTML page (or an HTML fragment in a JSON export).
pub(crate) fn html_article(text: &str, name: &str) -> Article {
    let page = html::extract(text);
    Article {
        source: name.to_string(),
        title: page.title,
        byline: page.byline,
        date: page.date,
        body: page.text,
        breaks: unwrap::LineBreaks::Hard,
        headings: page.headings,
        analysis: None,
    }
}

/// Reads one file as one or more articles.
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Vec<Article>, LoadError> {
    let name = path.display().to_string();
    let bytes = read_file(path, options.max_size)?;
    parse_bytes(bytes, &name, options.format)
}

/// Whether reading `path` may wait for someone else: a pipe, a FIFO, a device,
/// a socket (anything but a regular file or a directory). Such inputs are read
/// on threads of their own, so that one waiting never holds up the others.
pub fn is_stream(path: &Path) -> bool {
    if path.as_os_str() == "-" {
        return true;
    }
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// The bytes of a file, a device, a pipe or a FIFO (`<(...)` process
/// substitution included), up to `max` bytes. The limit holds while reading:
/// the size a file claims is checked first, but devices and pipes claim none,
/// so no more than `max + 1` bytes are ever read.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| error(&name, LoadReason::io(&e)))?;
    if meta.is_dir() {
        return Err(error(&name, LoadReason::IsDirectory));
    }
    if meta.is_file() && meta.len() > max {
        let size = meta.len();
        return Err(error(&name, LoadReason::FileTooLarge { size, limit: max }));
    }
    // Opening a FIFO waits for its writer; the caller runs streams on threads
    // of their own.
    let file = std::fs::File::open(path).map_err(|e| error(&name, LoadReason::io(&e)))?;
    let hint = meta.is_file().then_some(meta.len());
    read_limited(file, max, hint, &name)
}

/// Reads at most `max` bytes of `reader`; more is an error. `hint` is the size
/// the input claims, to allocate once.
fn read_limited(
    reader: impl std::io::Read,
    max: u64,
    hint: Option<u64>,
    name: &str,
) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let capacity = hint.map_or(0, |n| n.min(max).saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| error(name, LoadReason::io(&e)))?;
    if bytes.len() as u64 > max {
        return Err(error(name, LoadReason::InputTooLarge { limit: max }));
    }
    Ok(bytes)
}

/// A size for people: bytes, KB or MB with one decimal (1 MB = 2^20 bytes, as
/// `--max-size` counts). `up` rounds up, so that a size over a limit never
/// reads as the limit or less; a limit itself is rounded down.
pub fn size_text(bytes: u64, up: bool) -> String {
    const KB: u64 = 1 << 10;
    const MB: u64 = 1 << 20;
    let scaled = |unit: u64, tenths: bool| {
        let per = if tenths { unit / 10 } else { unit };
        let n = if up { bytes.div_ceil(per) } else { bytes / per };
        if tenths && n % 10 != 0 {
            format!("{}.{}", n / 10, n % 10)
        } else if tenths {
            (n / 10).to_string()
        } else {
            n.to_string()
        }
    };
    if bytes < KB {
        let s = if bytes == 1 { "" } else { "s" };
        format!("{bytes} byte{s}")
    } else if bytes < MB {
        format!("{} KB", scaled(KB, false))
    } else if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else {
        format!("{} MB", scaled(MB, true))
    }
}

/// Reads stdin as one or more articles.
pub fn load_stdin(options: &LoadOptions) -> Result<Vec<Article>, LoadError> {
    parse_bytes(read_stdin(options)?, "-", options.format)
}

/// The bytes of stdin, up to the size limit.
pub fn read_stdin(options: &LoadOptions) -> Result<Vec<u8>, LoadError> {
    read_limited(std::io::stdin().lock(), options.max_size, None, "-")
}

/// A short reason for an I/O error, without the OS error number.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

/// A part of a Spark or Hadoop output (`part-00000`): a directory of them is
/// one output, read part by part (results of `briefing extract`, say).
fn is_part_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("part-"))
}

/// A file's identity: its device and inode.
fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The files a path names: itself, or the supported files of a directory
/// (sorted; subdirectories only when `recursive`), with the entries that could
/// not be read.
///
/// Symbolic links are followed, but every directory and every file is taken
/// once (by device and inode), so a link back up the tree neither loops nor
/// reads a file twice. A directory or entry that cannot be read is reported and
/// skipped; the rest of the tree is still read. Inside a directory only regular
/// files are taken: a FIFO or device there is skipped (named on the command line,
/// it is read).
pub fn expand(path: &Path, options: &LoadOptions) -> (Vec<PathBuf>, Vec<LoadError>) {
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return (Vec::new(), vec![error(&name, LoadReason::io(&e))]),
    };
    if !meta.is_dir() {
        return (vec![path.to_path_buf()], Vec::new());
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut dirs = rustc_hash::FxHashSet::default();
    let mut files = rustc_hash::FxHashSet::default();
    dirs.insert(file_id(&meta));
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(error(&dir.display().to_string(), LoadReason::io(&e)));
                continue;
            }
        };
        let mut entries: Vec<PathBuf> = entries
            .filter_map(|e| match e {
                Ok(e) => Some(e.path()),
                Err(e) => {
                    errors.push(error(&dir.display().to_string(), LoadReason::io(&e)));
                    None
                }
            })
            .collect();
        entries.sort();
        for p in entries {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let wanted = options.format.is_some()
                || InputFormat::from_path(&p).is_some()
                || is_part_file(&p);
            let meta = match std::fs::metadata(&p) {
                Ok(meta) => meta,
                // A dangling link or an entry gone meanwhile: worth a word only
                // when it would have been read.
                Err(e) => {
                    if wanted {
                        errors.push(error(&p.display().to_string(), LoadReason::io(&e)));
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                if options.recursive && dirs.insert(file_id(&meta)) {
                    stack.push(p);
                }
            } else if meta.is_file() && wanted && files.insert(file_id(&meta)) {
                out.push(p);
            }
        }
    }
    out.sort();
    if out.is_empty() && errors.is_empty() {
        let recursive = options.recursive;
        errors.push(error(&name, LoadReason::NoArticles { recursive }));
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_content() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/story.HTML")),
            Some(InputFormat::Html)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("notes.md")),
            Some(InputFormat::Markdown)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("feed.jsonl")),
            Some(InputFormat::Json)
        );
        assert_eq!(InputFormat::from_path(Path::new("README")), None);
        assert_eq!(
            InputFormat::sniff("<!DOCTYPE html><html><body>x</body></html>"),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::sniff("{\"title\": \"A\", \"text\": \"B\"}"),
            InputFormat::Json
        );
        assert_eq!(
            InputFormat::sniff("# Heading\n\nSome *text*."),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::sniff("The mayor said the port would reopen."),
            InputFormat::Text
        );
    }

    #[test]
    fn sizes_over_a_limit_never_read_as_the_limit() {
        assert_eq!(size_text(1, true), "1 byte");
        assert_eq!(size_text(1000, true), "1000 bytes");
        assert_eq!(size_text(500 << 10, true), "500 KB");
        assert_eq!(size_text((500 << 10) + 1, true), "501 KB");
        assert_eq!(size_text(1 << 20, true), "1 MB");
        assert_eq!(size_text((1 << 20) + 1, true), "1.1 MB");
        assert_eq!(size_text((3 << 20) / 2, false), "1.5 MB");
        assert_eq!(size_text(0, false), "0 bytes");
        let e = read_limited(&[7u8; 10][..], 9, None, "x").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x: input is larger than the limit of 9 bytes (--max-size)"
        );
        assert_eq!(read_limited(&[7u8; 9][..], 9, None, "x").unwrap().len(), 9);
    }

    #[test]
    fn reasons_print_the_messages_users_know() {
        let not_found = std::io::Error::from(std::io::ErrorKind::NotFound);
        let cases = [
            (LoadReason::io(&not_found), "no such file or directory"),
            (LoadReason::IsDirectory, "is a directory"),
            (
                LoadReason::FileTooLarge {
                    size: (1 << 20) + 1,
                    limit: 1 << 20,
                },
                "file is 1.1 MB, larger than the limit of 1 MB (--max-size)",
            ),
            (
                LoadReason::InputTooLarge { limit: 1 << 20 },
                "input is larger than the limit of 1 MB (--max-size)",
            ),
            (LoadReason::Empty, "empty file"),
            (
                LoadReason::NotText(decode::NotText::Binary),
                "not a text file: binary data",
            ),
            (
                LoadReason::Json("item 2 is not an object".into()),
                "item 2 is not an object",
            ),
            (LoadReason::NoText, "no article text found"),
            (
                LoadReason::NoArticles { recursive: false },
                "directory has no readable articles (.txt, .md, .html, .json, part-*) \
                 (use -r for subdirectories)",
            ),
            (
                LoadReason::NoArticles { recursive: true },
                "directory has no readable articles (.txt, .md, .html, .json, part-*)",
            ),
            (LoadReason::NoThread(None), "no thread to read it"),
            (
                LoadReason::NoThread(Some("out of memory".into())),
                "no thread to read it: out of memory",
            ),
            (
                LoadReason::ReaderFailed,
                "the reader for this format failed",
            ),
            (
                LoadReason::ExtractFailed,
                "reading or analysing this input failed",
            ),
            (
                LoadReason::EngineFailed("oops".into()),
                "the engine failed on this article (oops)",
            ),
        ];
        for (reason, message) in cases {
            assert_eq!(reason.to_string(), message);
        }
        assert!(matches!(
            LoadReason::io(&not_found),
            LoadReason::Io {
                kind: std::io::ErrorKind::NotFound,
                ..
            }
        ));
    }

    #[test]
    fn empty_input_is_an_error() {
        let e = parse_bytes(b"  \n".to_vec(), "empty.txt", None).unwrap_err();
        assert_eq!(e.reason, LoadReason::Empty);
        assert_eq!(e.to_string(), "empty.txt: empty file");
    }
}
