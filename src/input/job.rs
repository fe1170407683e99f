//! The inputs a command names, as jobs to read: what the batch commands
//! (`briefing extract`, the text listing) and the reader's loader both take.

use super::{Article, LoadError, LoadOptions};
use std::path::PathBuf;

/// The sample article opened when no file is given.
pub const SAMPLE: &str = include_str!("../../assets/sample/nato-open-door.txt");
/// How the sample is named in the reader.
pub const SAMPLE_NAME: &str = "nato-open-door.txt (sample)";

/// One input to read, once the paths are expanded.
#[derive(Debug)]
pub enum InputJob {
    /// A regular file.
    File(PathBuf),
    /// A pipe, a FIFO or a device (`<(...)`, `/dev/stdin`).
    Stream(PathBuf),
    /// Standard input.
    Stdin,
    /// The article piped to stdin, else the bundled sample.
    Default,
    /// An input read already (stdin from the terminal, the sample), or one
    /// that could not even be listed.
    Ready(Result<Vec<Article>, LoadError>),
}

impl InputJob {
    /// Whether reading it may wait on someone else (a writer to a pipe, the
    /// user at stdin): such inputs are read on threads of their own, so that
    /// one waiting never holds up the others.
    pub fn may_block(&self) -> bool {
        matches!(
            self,
            InputJob::Stream(_) | InputJob::Stdin | InputJob::Default
        )
    }

    /// How an error names the input: its path, `-` for stdin.
    pub fn source(&self) -> String {
        match self {
            InputJob::File(path) | InputJob::Stream(path) => path.display().to_string(),
            _ => "-".to_string(),
        }
    }

    /// Reads the input's articles.
    pub fn read(self, options: &LoadOptions) -> Result<Vec<Article>, LoadError> {
        match self {
            InputJob::File(path) | InputJob::Stream(path) => super::load_file(&path, options),
            InputJob::Stdin => super::load_stdin(options),
            InputJob::Default => default_input(true, options),
            InputJob::Ready(result) => result,
        }
    }
}

/// The inputs to read, in order: paths expanded (directories to their files),
/// `-` as stdin, and what could not be listed in its place.
pub fn jobs(inputs: &[PathBuf], options: &LoadOptions) -> Vec<InputJob> {
    let mut jobs = Vec::new();
    for path in inputs {
        if path.as_os_str() == "-" {
            jobs.push(InputJob::Stdin);
            continue;
        }
        let (files, errors) = super::expand(path, options);
        jobs.extend(errors.into_iter().map(|e| InputJob::Ready(Err(e))));
        for file in files {
            if super::is_stream(&file) {
                jobs.push(InputJob::Stream(file));
            } else {
                jobs.push(InputJob::File(file));
            }
        }
    }
    jobs
}

/// Without inputs: the article piped in (`echo ... | briefing`), else the sample.
pub fn default_input(piped: bool, options: &LoadOptions) -> Result<Vec<Article>, LoadError> {
    if piped {
        let bytes = super::read_stdin(options)?;
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            return super::parse_bytes(bytes, "-", options.format);
        }
    }
    Ok(vec![Article {
        source: SAMPLE_NAME.to_string(),
        body: SAMPLE.to_string(),
        ..Article::default()
    }])
}
