//! The interactive reader: three panes (actors, article, quotes), keyboard first.
//!
//! State and its update step ([`app`]) know nothing of terminals; [`render`] draws
//! the state; [`terminal`] owns the terminal and the event loop. Keys live in one
//! table ([`keys`]) that also writes the help.
//!
//! Several articles are one briefing: [`load`] reads and analyses them on worker
//! threads while the reader runs, [`joined`] joins their actors across
//! articles, and [`briefing_view`] keeps the briefing scope's filter and
//! quote list over that join.

pub mod app;
pub mod article;
pub mod briefing_view;
pub mod help;
pub mod joined;
pub mod keys;
pub mod layout;
pub mod load;
pub mod render;
pub mod search;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod wrap;

pub use app::App;
pub use terminal::{Options, Outcome, run};
pub use theme::{ColorDepth, Theme, ThemeName};
