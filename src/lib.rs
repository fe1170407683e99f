//! briefing: who said what in a news article.
//!
//! The engine ([`analyze`]) finds every statement in an article — direct quotes,
//! reported speech and the mix of both — and the person or organisation who made
//! it. It is pure Rust, deterministic and needs no model files. The binary adds
//! `briefing extract` (JSON, JSON Lines or text) and an interactive reader.

pub mod briefing;
pub mod cli;
pub mod document;
pub mod export;
pub mod input;
pub mod join;
pub mod output;
pub mod sanitize;
pub mod tui;

// The engine, under the names it had before it became a crate of its own.
pub use briefing_engine::{analysis, dates, lexicon};

pub use analysis::{
    Actor, ActorId, ActorKind, Analysis, Mode, Span, Statement, StatementKind, analyze,
};
pub use document::Document;
