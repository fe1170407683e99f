//! The statement and speaker engine.
//!
//! [`analyze`] runs these stages in order over an article, each in a file of
//! its own; none knows anything of output or terminals.
//!
//! 1. `tokens.rs`: words (with their lexicon ids), clitics, quotation marks
//!    and paragraphs, with byte offsets.
//! 2. `quotes.rs`: quotation marks paired into quotations, over paragraphs
//!    where a quotation runs on.
//! 3. `sentences.rs`: sentences, each quotation kept whole.
//! 4. `structure.rs`: the title, byline, date and credit lines, which are not
//!    the body.
//! 5. `turns.rs`: transcript speaker labels ("PENCE: ...").
//! 6. `mentions.rs`: names, split into role and name and classified.
//! 7. `frames.rs`: the hand-written rules' attribution frames (cue, speaker
//!    phrase, contents), candidates and votes for the model.
//!
//!    `evidence.rs` runs stages 1 to 7 on a text: their results are the
//!    `Evidence` the later stages read.
//! 8. `tagger/`: the trained model tags cues, speakers and contents and
//!    decodes them into the frames that stand, and contents with no cue.
//! 9. `actors.rs`: names grouped into actors; each frame's speaker phrase (a
//!    name, a role, a pronoun, a description) resolved to one; `identity.rs`
//!    says who an actor is as far as names tell.
//! 10. `assemble.rs`: statements from the frames, with their speakers;
//!     quotations no frame claimed continue or answer whoever spoke last
//!     (`conversation.rs`).
//!
//! `chunks.rs` runs the stages on a long text chunk by chunk, carries what
//! one chunk hands the next, and merges the chunks' statements and actors
//! into one [`Analysis`] (the result types are in `model.rs`). `explain.rs`
//! shows the rule stages' findings, `corpus.rs` and `pathological.rs`
//! generate texts for tests and benchmarks.

mod actors;
mod assemble;
mod chunks;
mod conversation;
#[cfg(feature = "internals")]
pub mod corpus;
mod evidence;
#[cfg(feature = "internals")]
mod explain;
mod frames;
pub mod identity;
mod mentions;
mod model;
#[cfg(feature = "internals")]
pub mod pathological;
mod quotes;
mod sentences;
mod structure;
#[cfg(feature = "train")]
pub mod tagger;
#[cfg(not(feature = "train"))]
mod tagger;
mod tokens;
mod turns;
#[cfg(any(feature = "internals", feature = "train"))]
mod xorshift;

#[cfg(feature = "internals")]
pub use explain::explain;
pub use model::{Actor, ActorId, ActorKind, Analysis, Mode, Span, Statement, StatementKind};

use tagger::Tagger;

/// Finds the statements of an article and who made them.
pub fn analyze(text: &str) -> Analysis {
    chunks::analyze_text(text, chunks::CHUNK_BYTES, Tagger::shipped())
}

/// [`analyze`] with a chosen chunk size, to check that chunking changes nothing.
#[cfg(feature = "internals")]
pub fn analyze_in_chunks(text: &str, chunk_bytes: usize) -> Analysis {
    chunks::analyze_text(text, chunk_bytes, Tagger::shipped())
}

/// [`analyze`] with another tagger (one [`tagger::train::train`] made, or
/// [`tagger::Tagger::from_bytes`] read) and a chosen chunk size, for training
/// and measuring a tagger.
#[cfg(feature = "train")]
pub fn analyze_with(text: &str, chunk_bytes: usize, tagger: &Tagger) -> Analysis {
    chunks::analyze_text(text, chunk_bytes, tagger)
}
