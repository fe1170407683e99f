//! briefing: who said what in a news article.
//!
//! The engine ([`analyze`]) finds every statement in an article — direct quotes,
//! reported speech and the mix of both — and the person or organisation who made
//! it. It is pure Rust, deterministic and needs no model files. The binary adds
//! `briefing extract` (JSON, JSON Lines or text) and an interactive reader.

pub mod analysis;
pub mod briefing;
pub mod cli;
pub mod dates;
pub mod document;
pub mod export;
pub mod input;
pub mod join;
pub mod lexicon;
pub mod output;
pub mod sanitize;
pub mod tui;

pub use analysis::{
    Actor, ActorId, ActorKind, Analysis, Mode, Span, Statement, StatementKind, analyze,
};
pub use document::Document;
