//! The help overlay's content, generated from the key table so it cannot drift
//! from what the keys do.

use super::keys;

/// One line of the help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Binding { keys: String, help: &'static str },
    Text(&'static str),
    Blank,
}

/// Notes that are not key bindings.
const NOTES: &[&str] = &[
    "A count before a movement repeats it (5j); before g or G it goes there (12G).",
    "Mouse: click a statement or actor to select it; the wheel scrolls the pane under it.",
    "Quote marks: D direct quote · M mixed (reported, partly quoted) · I indirect (reported).",
    "In the article, the gutter names each statement's speaker; the selected statement is",
    "reversed and its speaker mention and reporting verb are underlined.",
    "Hold Shift to select text with the mouse, or start with --no-mouse.",
    "Several articles open as one briefing: a lists them, { and } switch between them.",
    "s shows the actors of the whole briefing (one person across articles is one actor);",
    "filtering on one there lists their statements in every article, by article number.",
    "e writes the Markdown note to briefing-YYYYMMDD-HHMMSS.md (UTC) in the current folder.",
];

/// The whole help, top to bottom.
pub fn lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    for (title, rows) in keys::help_sections() {
        out.push(HelpLine::Heading(title));
        for (keys, help) in rows {
            out.push(HelpLine::Binding { keys, help });
        }
        out.push(HelpLine::Blank);
    }
    out.push(HelpLine::Heading("Notes"));
    out.extend(NOTES.iter().map(|&t| HelpLine::Text(t)));
    out
}

/// Columns the key column needs.
pub fn key_column_width(lines: &[HelpLine]) -> usize {
    lines
        .iter()
        .map(|l| match l {
            HelpLine::Binding { keys, .. } => keys.chars().count(),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}
