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
pub mod json;
pub mod markdown;
pub mod unwrap;

use std::fmt;
use std::path::{Path, PathBuf};

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
}

/// The kinds of input `briefing` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    /// The format a file name promises, if its extension is known.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "json" | "jsonl" | "ndjson" => Format::Json,
            _ => return None,
        })
    }

    /// The format a text looks like: markup, JSON, Markdown, else plain text.
    pub fn sniff(text: &str) -> Format {
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
            return Format::Html;
        }
        if (head.starts_with('{') || head.starts_with('[')) && json::looks_like_json(head) {
            return Format::Json;
        }
        if markdown::looks_like_markdown(head) {
            return Format::Markdown;
        }
        Format::Text
    }
}

/// A file (or stdin) that could not be read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub source: String,
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

impl std::error::Error for LoadError {}

/// How to read inputs.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Read every input as this format instead of guessing.
    pub format: Option<Format>,
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

fn error(source: &str, reason: impl Into<String>) -> LoadError {
    LoadError {
        source: source.to_string(),
        reason: reason.into(),
    }
}

/// Parses the bytes of one input. `name` is its path or `-`; the format comes
/// from `format`, else the name's extension, else the content.
pub fn parse_bytes(
    bytes: &[u8],
    name: &str,
    format: Option<Format>,
) -> Result<Vec<Article>, LoadError> {
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(error(name, "empty file"));
    }
    let format = format.or_else(|| Format::from_path(Path::new(name)));
    // HTML names its own charset; everything else is decoded by its bytes.
    let text = match format {
        Some(Format::Html) => decode_html(bytes),
        _ => decode::decode_text(bytes).map_err(|reason| error(name, reason))?,
    };
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    let articles = match format {
        Format::Text => vec![Article {
            source: name.to_string(),
            body: decode::normalize_newlines(&text),
            ..Article::default()
        }],
        Format::Markdown => vec![markdown::parse(&text, name)],
        Format::Html => vec![html_article(&text, name)],
        Format::Json => json::parse(&text, name).map_err(|reason| error(name, reason))?,
    };
    let articles: Vec<Article> = articles
        .into_iter()
        .filter(|a| !a.body.trim().is_empty())
        .collect();
    if articles.is_empty() {
        return Err(error(name, "no article text found"));
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
    }
}

/// Reads one file as one or more articles.
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Vec<Article>, LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| error(&name, io_reason(&e)))?;
    if meta.is_dir() {
        return Err(error(&name, "is a directory"));
    }
    if meta.len() > options.max_size {
        return Err(error(
            &name,
            format!(
                "file is {} MB, larger than the {} MB limit (--max-size)",
                meta.len() >> 20,
                options.max_size >> 20
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| error(&name, io_reason(&e)))?;
    parse_bytes(&bytes, &name, options.format)
}

/// Reads stdin as one or more articles.
pub fn load_stdin(options: &LoadOptions) -> Result<Vec<Article>, LoadError> {
    parse_bytes(&read_stdin(options)?, "-", options.format)
}

/// The bytes of stdin, up to the size limit.
pub fn read_stdin(options: &LoadOptions) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(options.max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error("-", io_reason(&e)))?;
    if bytes.len() as u64 > options.max_size {
        return Err(error(
            "-",
            format!(
                "input is larger than the {} MB limit (--max-size)",
                options.max_size >> 20
            ),
        ));
    }
    Ok(bytes)
}

/// A short reason for an I/O error, without the OS error number.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

/// The files a path names: itself, or the supported files of a directory
/// (sorted; subdirectories only when `recursive`).
pub fn expand(path: &Path, options: &LoadOptions) -> Result<Vec<PathBuf>, LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| error(&name, io_reason(&e)))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| error(&dir.display().to_string(), io_reason(&e)))?;
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                if options.recursive {
                    stack.push(p);
                }
            } else if options.format.is_some() || Format::from_path(&p).is_some() {
                out.push(p);
            }
        }
    }
    out.sort();
    if out.is_empty() {
        let hint = if options.recursive {
            ""
        } else {
            " (use -r for subdirectories)"
        };
        return Err(error(
            &name,
            format!("directory has no readable articles (.txt, .md, .html, .json){hint}"),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_content() {
        assert_eq!(
            Format::from_path(Path::new("a/story.HTML")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_path(Path::new("notes.md")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_path(Path::new("feed.jsonl")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(
            Format::sniff("<!DOCTYPE html><html><body>x</body></html>"),
            Format::Html
        );
        assert_eq!(
            Format::sniff("{\"title\": \"A\", \"text\": \"B\"}"),
            Format::Json
        );
        assert_eq!(Format::sniff("# Heading\n\nSome *text*."), Format::Markdown);
        assert_eq!(
            Format::sniff("The mayor said the port would reopen."),
            Format::Text
        );
    }

    #[test]
    fn empty_input_is_an_error() {
        let e = parse_bytes(b"  \n", "empty.txt", None).unwrap_err();
        assert_eq!(e.to_string(), "empty.txt: empty file");
    }
}
