//! briefing's engine: who said what in a news article.
//!
//! [`analyze`] finds every statement in an article (direct quotes, reported
//! speech and the mix of both) and the person or organisation who made it. It
//! is pure Rust and deterministic; its word lists and the trained model's
//! weights are compiled in, so nothing is downloaded or read at run time. It
//! knows nothing of terminals, files or formats: the `briefing` crate reads
//! articles, writes JSON and runs the reader on top of it.
//!
//! ```
//! let text = "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said.";
//! let analysis = briefing_engine::analyze(text);
//! let statement = &analysis.statements[0];
//! let speaker = &analysis.actors[statement.speaker.unwrap()];
//! assert_eq!(speaker.name, "Ana Ruiz");
//! assert_eq!(&text[statement.span.range()], "“We will rebuild the bridge by spring,”");
//! ```
//!
//! # The API
//!
//! - [`analyze`] and what it returns: an [`Analysis`] of [`Statement`]s and
//!   [`Actor`]s, with byte [`Span`]s into the text. The result types are
//!   `#[non_exhaustive]`: build them with [`Analysis::new`],
//!   [`Statement::new`] and [`Actor::named`].
//! - [`analysis::identity`]: who an actor is as far as names tell, and the
//!   key that joins actors across articles ([`Actor::key`]).
//! - [`lexicon`]: the word lists' answers other crates need (name
//!   normalisation, English words, titles).
//! - [`dates`]: calendar dates as pages and URLs write them.
//!
//! # Features
//!
//! - `train`: training the tagger, on all cores (with `rayon`), and the API
//!   around it: `analysis::tagger` (the tagger, reading and writing its
//!   weights file, `train`) and `analysis::analyze_with`.
//! - `internals`: hooks for briefing's own tests, benchmarks and tools
//!   (`analyze_in_chunks`, `explain`, generated texts); not a stable API.

#![deny(missing_docs)]

pub mod analysis;
pub mod dates;
pub mod lexicon;

pub use analysis::{
    Actor, ActorId, ActorKind, Analysis, Mode, Span, Statement, StatementKind, analyze,
};
pub use lexicon::Gender;
