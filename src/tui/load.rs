//! Reading and analysing the inputs while the reader runs.
//!
//! A few worker threads (one per core) take the files in order from a shared
//! counter: each reads its file, hands the articles over, then analyses them one
//! by one. Streams (pipes, FIFOs, devices, stdin) may wait on someone else, so
//! each has a thread of its own and never holds up a worker. The reader opens as
//! soon as the first article is read (or after [`OPEN_WAIT`], waiting for its
//! inputs in front of the user, who can quit) and fills in as the rest arrive;
//! articles are released in input order (a file read early waits for those
//! before it), so positions in the reader never change once given. A stream
//! still not read after [`STREAM_WAIT`] holds up no one: its articles come after
//! those released meanwhile. A file that cannot be read is reported and
//! skipped; an engine failure on one article leaves that article without
//! statements and the others untouched.

use super::app::{App, Update};
use crate::input::{Article, InputJob, LoadError, LoadOptions, LoadReason};
use crate::{Analysis, Document};
use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// How long the reader waits for a first article before it opens anyway.
pub const OPEN_WAIT: Duration = Duration::from_millis(400);
/// How long a stream keeps its place in the input order.
pub const STREAM_WAIT: Duration = Duration::from_millis(500);

/// What a worker reports.
enum Msg {
    /// Input `job` read: its articles, or why not.
    Read(usize, Result<Vec<Document>, LoadError>),
    /// The analysis of article `sub` of input `job`; with the engine's failure,
    /// the article's metadata alone.
    Analysed((usize, usize), Analysis, Option<LoadReason>),
}

/// The reader's end of the workers.
pub struct Loader {
    rx: mpsc::Receiver<Msg>,
    inputs: usize,
    read: usize,
    /// The next input to release to the reader.
    next: usize,
    /// Inputs read ahead of `next`.
    waiting: BTreeMap<usize, Result<Vec<Document>, LoadError>>,
    /// Position in the reader and source of each released article, by (input,
    /// article).
    positions: HashMap<(usize, usize), (usize, String)>,
    /// Analyses that came before their article was released.
    early: HashMap<(usize, usize), Analysis>,
    released: usize,
    analysed: usize,
    /// Updates not yet handed over.
    queue: Vec<Update>,
    all_read_sent: bool,
    cancel: Arc<AtomicBool>,
    /// Which inputs are streams.
    streams: Vec<bool>,
    /// Streams passed over in the order while still unread: released when read.
    deferred: std::collections::BTreeSet<usize>,
    started: Instant,
}

/// Analyses a document read from its input (see [`Document::analyze`]). A panic
/// in the engine becomes an error.
fn analyse(doc: &Document) -> Result<Analysis, LoadReason> {
    catch_unwind(AssertUnwindSafe(|| doc.analyze())).map_err(|payload| {
        let reason = crate::document::panic_message(&*payload);
        LoadReason::EngineFailed(reason)
    })
}

/// Documents still to analyse: the header shows their metadata at once.
fn documents(articles: Vec<Article>) -> Vec<Document> {
    articles.into_iter().map(Document::unread).collect()
}

impl Loader {
    /// Starts reading `jobs` on worker threads; `errors` (inputs that could not
    /// even be listed) are reported first.
    pub fn start(jobs: Vec<InputJob>, options: LoadOptions, errors: Vec<LoadError>) -> Loader {
        Loader::with_workers(jobs, options, errors, 0)
    }

    /// As [`Loader::start`], with `workers` threads (0: one per core).
    pub fn with_workers(
        jobs: Vec<InputJob>,
        options: LoadOptions,
        errors: Vec<LoadError>,
        workers: usize,
    ) -> Loader {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let inputs = jobs.len();
        let workers = if workers == 0 {
            std::thread::available_parallelism().map_or(2, |n| n.get())
        } else {
            workers
        }
        .clamp(1, inputs.max(1));
        let streams: Vec<bool> = jobs.iter().map(InputJob::may_block).collect();
        let jobs: Arc<Vec<std::sync::Mutex<Option<InputJob>>>> = Arc::new(
            jobs.into_iter()
                .map(|j| std::sync::Mutex::new(Some(j)))
                .collect(),
        );
        for (i, _) in streams.iter().enumerate().filter(|(_, s)| **s) {
            let job = jobs[i].lock().ok().and_then(|mut j| j.take());
            let (sender, cancel, options) = (tx.clone(), Arc::clone(&cancel), options.clone());
            // Detached: a FIFO nobody writes to never returns, and must not
            // keep the process alive once the user quits.
            let spawned = std::thread::Builder::new()
                .name(format!("briefing-stream-{i}"))
                .spawn(move || {
                    if let Some(job) = job {
                        run_job(i, job, &cancel, &options, &sender);
                    }
                });
            if spawned.is_err() {
                let _ = tx.send(Msg::Read(
                    i,
                    Err(LoadError {
                        source: format!("input {}", i + 1),
                        reason: LoadReason::NoThread(None),
                    }),
                ));
            }
        }
        let counter = Arc::new(AtomicUsize::new(0));
        let mut spawned = 0;
        for w in 0..workers {
            let (tx, jobs, counter, cancel, options) = (
                tx.clone(),
                Arc::clone(&jobs),
                Arc::clone(&counter),
                Arc::clone(&cancel),
                options.clone(),
            );
            let thread = std::thread::Builder::new()
                .name(format!("briefing-load-{w}"))
                .spawn(move || work(&jobs, &counter, &cancel, &options, &tx));
            spawned += usize::from(thread.is_ok());
        }
        if spawned == 0 {
            // No thread at all: read on this one, before the reader starts.
            work(&jobs, &counter, &cancel, &options, &tx);
        }
        let queue = errors.into_iter().map(Update::Failed).collect();
        Loader {
            rx,
            inputs,
            read: 0,
            next: 0,
            waiting: BTreeMap::new(),
            positions: HashMap::new(),
            early: HashMap::new(),
            released: 0,
            analysed: 0,
            queue,
            all_read_sent: false,
            cancel,
            streams,
            deferred: std::collections::BTreeSet::new(),
            started: Instant::now(),
        }
    }

    /// Inputs in all.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Whether every input is read and every article analysed.
    pub fn done(&self) -> bool {
        self.read == self.inputs && self.analysed == self.released && self.all_read_sent
    }

    fn take(&mut self, msg: Msg) {
        match msg {
            Msg::Read(job, result) => {
                self.read += 1;
                if self.deferred.remove(&job) {
                    // A stream passed over: it comes after what is out already.
                    self.release_input(job, result);
                } else {
                    self.waiting.insert(job, result);
                }
                self.release();
                self.queue.push(Update::Progress(self.read, self.inputs));
            }
            Msg::Analysed(key, analysis, failure) => {
                if let Some(reason) = failure {
                    let source = match self.positions.get(&key) {
                        Some((_, source)) => source.clone(),
                        None => format!("article {} of input {}", key.1 + 1, key.0 + 1),
                    };
                    self.queue
                        .push(Update::Failed(LoadError { source, reason }));
                }
                match self.positions.get(&key) {
                    Some(&(pos, _)) => {
                        self.analysed += 1;
                        self.queue.push(Update::Analysis(pos, analysis));
                    }
                    None => {
                        self.early.insert(key, analysis);
                    }
                }
            }
        }
        if self.read == self.inputs && !self.all_read_sent {
            self.all_read_sent = true;
            self.queue.push(Update::AllRead);
        }
    }

    /// Releases the inputs that are next in order; a stream unread for
    /// [`STREAM_WAIT`] is passed over.
    fn release(&mut self) {
        loop {
            if let Some(result) = self.waiting.remove(&self.next) {
                let job = self.next;
                self.next += 1;
                self.release_input(job, result);
            } else if self.next < self.inputs
                && self.streams[self.next]
                && self.started.elapsed() >= STREAM_WAIT
            {
                self.deferred.insert(self.next);
                self.next += 1;
            } else {
                return;
            }
        }
    }

    /// Hands the articles of input `job` (or its failure) to the reader.
    fn release_input(&mut self, job: usize, result: Result<Vec<Document>, LoadError>) {
        match result {
            Ok(docs) => {
                for (sub, doc) in docs.into_iter().enumerate() {
                    self.positions
                        .insert((job, sub), (self.released, doc.source.clone()));
                    self.released += 1;
                    let analysis = self.early.remove(&(job, sub));
                    if analysis.is_some() {
                        self.analysed += 1;
                    }
                    self.queue.push(Update::Article(Box::new(doc), analysis));
                }
            }
            Err(e) => self.queue.push(Update::Failed(e)),
        }
    }

    /// Updates that arrived since the last call, without waiting.
    pub fn poll(&mut self) -> Vec<Update> {
        while let Ok(msg) = self.rx.try_recv() {
            self.take(msg);
        }
        self.release();
        if self.inputs == 0 && !self.all_read_sent {
            self.all_read_sent = true;
            self.queue.push(Update::AllRead);
        }
        std::mem::take(&mut self.queue)
    }

    /// Waits (up to `timeout`) for something to arrive, then returns the updates.
    pub fn wait(&mut self, timeout: Duration) -> Vec<Update> {
        if self.queue.is_empty()
            && !self.done()
            && let Ok(msg) = self.rx.recv_timeout(timeout)
        {
            self.take(msg);
        }
        self.poll()
    }

    /// Waits until the first article is read, or every input has failed, or
    /// [`OPEN_WAIT`] has passed. Returns the reader over what has arrived (with
    /// nothing yet, a reader waiting for its inputs), or every error when
    /// nothing could be read.
    pub fn open(&mut self) -> Result<App, Vec<LoadError>> {
        let mut first: Vec<Update> = Vec::new();
        let start = Instant::now();
        loop {
            first.extend(self.wait(Duration::from_millis(20)));
            if first.iter().any(|u| matches!(u, Update::Article(..))) {
                break;
            }
            if self.read == self.inputs {
                let errors = first
                    .into_iter()
                    .filter_map(|u| match u {
                        Update::Failed(e) => Some(e),
                        _ => None,
                    })
                    .collect();
                return Err(errors);
            }
            if start.elapsed() >= OPEN_WAIT {
                break;
            }
        }
        // The first article takes the waiting reader's stand-in's place;
        // what came before it (errors, progress) stays.
        let mut app = App::waiting();
        app.apply_update(Update::Progress(self.read, self.inputs));
        for update in first {
            app.apply_update(update);
        }
        Ok(app)
    }
}

impl Drop for Loader {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// A worker: takes inputs in order until none is left (or the reader quit).
fn work(
    jobs: &[std::sync::Mutex<Option<InputJob>>],
    counter: &AtomicUsize,
    cancel: &AtomicBool,
    options: &LoadOptions,
    tx: &mpsc::Sender<Msg>,
) {
    loop {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let i = counter.fetch_add(1, Ordering::Relaxed);
        let Some(slot) = jobs.get(i) else {
            return;
        };
        let job = slot.lock().ok().and_then(|mut j| j.take());
        if let Some(job) = job
            && !run_job(i, job, cancel, options, tx)
        {
            return;
        }
    }
}

/// Reads input `i`, hands its articles over, then analyses them one by one.
/// Returns false when the reader is gone.
fn run_job(
    i: usize,
    job: InputJob,
    cancel: &AtomicBool,
    options: &LoadOptions,
    tx: &mpsc::Sender<Msg>,
) -> bool {
    let source = job.source();
    let result = catch_unwind(AssertUnwindSafe(|| job.read(options)))
        .unwrap_or(Err(LoadError::new(source, LoadReason::ReaderFailed)));
    let docs = result.map(documents);
    let pending: Vec<Document> = docs.as_ref().map_or_else(|_| Vec::new(), Clone::clone);
    if tx.send(Msg::Read(i, docs)).is_err() {
        return false;
    }
    for (sub, doc) in pending.into_iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return false;
        }
        // Results read back come analysed: their analysis is handed on as is.
        if doc.precomputed {
            if tx
                .send(Msg::Analysed((i, sub), doc.analysis, None))
                .is_err()
            {
                return false;
            }
            continue;
        }
        let msg = match analyse(&doc) {
            Ok(analysis) => Msg::Analysed((i, sub), analysis, None),
            Err(reason) => Msg::Analysed((i, sub), doc.analysis, Some(reason)),
        };
        if tx.send(msg).is_err() {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(source: &str, body: &str) -> InputJob {
        InputJob::Ready(Ok(vec![Article {
            source: source.into(),
            body: body.into(),
            ..Article::default()
        }]))
    }

    #[test]
    fn articles_arrive_in_input_order_with_errors_reported() {
        let jobs = vec![
            ready("a", "Ana Ruiz said the port would reopen."),
            InputJob::File("/no/such/file.txt".into()),
            ready("c", "Tom Berg said the cost was high."),
        ];
        let mut loader = Loader::with_workers(jobs, LoadOptions::default(), Vec::new(), 2);
        let mut app = loader.open().expect("an article");
        while !loader.done() {
            for update in loader.wait(Duration::from_millis(50)) {
                app.apply_update(update);
            }
        }
        for update in loader.poll() {
            app.apply_update(update);
        }
        let sources: Vec<&str> = app
            .articles()
            .iter()
            .map(|a| a.doc.source.as_str())
            .collect();
        assert_eq!(sources, ["a", "c"]);
        assert_eq!(app.errors().len(), 1);
        assert!(app.errors()[0].source.contains("/no/such/file.txt"));
        assert!(app.articles().iter().all(|a| !a.analysing));
        assert!(app.loading().is_none());
    }

    #[test]
    fn nothing_readable_is_an_error_not_a_reader() {
        let jobs = vec![
            InputJob::File("/no/such/a.txt".into()),
            InputJob::File("/no/such/b.txt".into()),
        ];
        let mut loader = Loader::start(jobs, LoadOptions::default(), Vec::new());
        let errors = loader.open().expect_err("no reader");
        assert_eq!(errors.len(), 2);
    }
}
