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

pub mod analysis;
pub mod dates;
pub mod lexicon;

pub use analysis::{
    Actor, ActorId, ActorKind, Analysis, Mode, Span, Statement, StatementKind, analyze,
};
