//! The help overlay's content, generated from the key table so it cannot drift
//! from what the keys do, and wrapped to the width it is shown at so that
//! nothing is cut on a narrow terminal.

use super::keys::{self, Action, KeyContext};
use super::text::display_width;

/// One line of the help, before wrapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Binding { keys: String, help: &'static str },
    Text(&'static str),
    Blank,
}

/// The widest key column; longer keys get a row of their own.
const MAX_KEY_COLUMN: usize = 12;

/// Notes that are not key bindings.
const NOTES: &[&str] = &[
    "Mouse: click a statement or actor to select it; the wheel scrolls the pane under it. \
     Hold Shift to select text with the mouse, or start with --no-mouse.",
    "Quote list: D direct quote · M mixed (reported, partly quoted) · I indirect (reported); \
     ~ marks what people think, want or expect rather than say (shown in italics too).",
    "In the article, the gutter names each statement's speaker; a dashed bar (┆) marks a \
     thought. The selected statement is reversed, and its speaker mention and reporting verb \
     are underlined.",
    "Search is smart-case: a query in lower case matches any case. n and N go on from the \
     selected statement.",
    "Several articles open as one briefing: a lists them, { and } switch between them. \
     B shows the actors of the whole briefing (one person across articles is one actor); \
     filtering on one there lists their statements in every article, by article number.",
    "s (or e) saves the Markdown note of the view: Enter takes the name offered \
     (briefing-YYYYMMDD-HHMMSS.md, UTC, in the current folder), or type another path; \
     an existing file is never overwritten.",
    "y copies through the terminal (OSC 52), which some drop: under tmux set \
     `set -g set-clipboard on`. Y adds the statement to briefing-quotes.txt in the \
     current folder instead.",
];

/// The whole help, top to bottom, before wrapping.
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
    for &note in NOTES {
        out.push(HelpLine::Text(note));
    }
    out
}

/// Columns the key column needs.
pub fn key_column_width(lines: &[HelpLine]) -> usize {
    lines
        .iter()
        .map(|l| match l {
            HelpLine::Binding { keys, .. } => display_width(keys),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// What a row of the wrapped help is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Heading,
    /// Keys, then what they do.
    Binding,
    /// What keys do, continued on a row of its own.
    Description,
    Text,
    Blank,
}

/// One screen row of the help: `keys` (empty but on a binding's first row)
/// and `text`, starting `indent` columns in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub kind: RowKind,
    pub keys: String,
    pub indent: usize,
    pub text: String,
}

fn row(kind: RowKind, keys: String, indent: usize, text: String) -> HelpRow {
    HelpRow {
        kind,
        keys,
        indent,
        text,
    }
}

/// `text` wrapped at `width` columns (at least one row, words longer than a
/// row cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    let rows: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(|c| c.into_owned())
        .collect();
    if rows.is_empty() {
        vec![String::new()]
    } else {
        rows
    }
}

/// The help wrapped to `width` columns: descriptions beside their keys where
/// there is room for both, under them where there is not; notes wrapped. No
/// row is wider than `width`.
pub fn rows(width: usize) -> Vec<HelpRow> {
    let lines = lines();
    // Each section's key column fits its keys, up to a limit: longer keys
    // take a row of their own.
    let mut section_key_w = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let w = match line {
            HelpLine::Heading(_) => {
                let section = lines[i + 1..]
                    .iter()
                    .take_while(|l| !matches!(l, HelpLine::Heading(_)));
                let found: Vec<HelpLine> = section.cloned().collect();
                key_column_width(&found).min(MAX_KEY_COLUMN)
            }
            _ => section_key_w.last().copied().unwrap_or(0),
        };
        section_key_w.push(w);
    }
    let mut out = Vec::new();
    for (line, key_w) in lines.into_iter().zip(section_key_w) {
        // Beside the keys when that leaves a description room to read.
        let beside = width >= key_w + 3 + 24;
        match line {
            HelpLine::Heading(t) => {
                for r in wrap(t, width) {
                    out.push(row(RowKind::Heading, String::new(), 0, r));
                }
            }
            HelpLine::Blank => out.push(row(RowKind::Blank, String::new(), 0, String::new())),
            HelpLine::Text(t) => {
                for r in wrap(t, width.saturating_sub(1)) {
                    out.push(row(RowKind::Text, String::new(), 1, r));
                }
            }
            HelpLine::Binding { keys, help } if beside && display_width(&keys) > key_w => {
                out.push(row(RowKind::Binding, keys, 1 + key_w + 2, String::new()));
                for r in wrap(help, width - key_w - 3) {
                    out.push(row(RowKind::Description, String::new(), 1 + key_w + 2, r));
                }
            }
            HelpLine::Binding { keys, help } if beside => {
                let indent = 1 + key_w + 2;
                for (i, r) in wrap(help, width - indent).into_iter().enumerate() {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    let kind = if i == 0 {
                        RowKind::Binding
                    } else {
                        RowKind::Description
                    };
                    out.push(row(kind, keys, indent, r));
                }
            }
            HelpLine::Binding { keys, help } => {
                for k in wrap(&keys, width.saturating_sub(1)) {
                    out.push(row(RowKind::Binding, k, 1, String::new()));
                }
                for r in wrap(help, width.saturating_sub(3)) {
                    out.push(row(RowKind::Description, String::new(), 3, r));
                }
            }
        }
    }
    out
}

/// The help's bottom line, from the key table: how to close and scroll it.
pub fn footer() -> String {
    let label = |a: Action| {
        keys::key_for(KeyContext::Help, a)
            .map(|k| k.label())
            .unwrap_or_default()
    };
    format!(
        " {} closes · {}/{} scroll ",
        label(Action::CloseHelp),
        label(Action::Move(keys::Motion::Down)),
        label(Action::Move(keys::Motion::Up))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fit_their_width_and_keep_every_word() {
        for width in [20, 30, 44, 60, 80, 96] {
            let rows = rows(width);
            for r in &rows {
                let used = r.indent + display_width(&r.text);
                assert!(used <= width, "{r:?} at {width}");
                assert!(display_width(&r.keys) < width, "{r:?} at {width}");
            }
            // Every word of every note is there, none cut off.
            let all: String = rows.iter().map(|r| format!("{} ", r.text)).collect();
            let words =
                |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
            for note in NOTES {
                let last = words(note).pop().unwrap();
                assert!(all.contains(&last), "{last:?} of a note at {width}");
            }
        }
    }
}
