//! The tab bar, the status line and the help overlay.

use super::put;
use crate::tui::app::{App, InputMode};
use crate::tui::article::ArticleView;
use crate::tui::help::{self, RowKind};
use crate::tui::keys::{self, Action, KeyContext};
use crate::tui::layout::{Pane, help_area, help_text_width};
use crate::tui::text::{
    display_width, fit_prefix, sanitize, truncate, truncate_middle, truncate_start,
};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

pub(super) fn render_tabs(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let slot = (area.width / 3).max(1);
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        let x = area.x + slot * i as u16;
        if x >= area.right() {
            break;
        }
        let w = if i == 2 {
            area.right() - x
        } else {
            slot.min(area.right() - x)
        };
        let cell = Rect::new(x, area.y, w, 1);
        let active = pane == app.focus();
        let label = if active {
            format!("▸{}", pane.title())
        } else {
            pane.title().to_string()
        };
        let style = if active { theme.tab_active } else { theme.tab };
        buf.set_style(cell, style);
        let label = truncate(&label, usize::from(w));
        let lx = x + (w.saturating_sub(display_width(&label) as u16)) / 2;
        put(buf, lx, area.y, cell.right(), &label, style);
    }
}

/// The status line: where the selection is, what narrows the view, the
/// search, the article; a notice or key hints on the right. What does not fit
/// is cut, and the cut shows as `…`.
pub(super) fn render_status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let width = usize::from(area.width);
    let right_text = status_right(app);
    let right_style = if app.notice().is_some() {
        theme.notice
    } else {
        theme.status
    };
    let right_w = display_width(&right_text);
    let left_budget = if width >= right_w + 20 || app.notice().is_some() {
        width.saturating_sub(right_w)
    } else {
        width
    };
    let parts = match app.mode() {
        InputMode::Search(prompt) => search_parts(app, theme, &prompt.input, left_budget),
        InputMode::Save(prompt) => {
            let label = "save note to: ";
            let room = left_budget.saturating_sub(label.len() + 1);
            vec![
                (label.into(), theme.status),
                (truncate_start(&prompt.input, room), theme.status_accent),
                ("▏".into(), theme.status_accent),
            ]
        }
        _ => reading_parts(app, theme),
    };
    let (x, used) = put_parts(&parts, left_budget, theme, area, buf);
    if left_budget < width {
        // A notice keeps its start and its end (a file name, a count).
        let t = truncate_middle(&right_text, width - used.min(width));
        let rx = area.right().saturating_sub(display_width(&t) as u16);
        put(buf, rx.max(x), area.y, area.right(), &t, right_style);
    }
}

/// Where the search stands in an article: "2/5", "5 matches", "no match".
fn search_counter(art: &ArticleView) -> String {
    match (art.current_match, art.matches.len()) {
        (_, 0) => "no match".to_string(),
        (Some(i), n) => format!("{}/{n}", i + 1),
        (None, n) => format!("{n} matches"),
    }
}

/// The right side of the status bar: a notice, or key hints taken from the
/// key table.
fn status_right(app: &App) -> String {
    match app.notice() {
        Some(n) => format!(" {} ", sanitize(n)),
        None => {
            let hint = |c: KeyContext, a: Action, what: &str| {
                keys::key_for(c, a).map(|k| format!("{} {what}", k.label()))
            };
            // In a prompt, keys are text: the hints are the prompt's own.
            let hints = match app.mode() {
                InputMode::Search(_) => [
                    hint(KeyContext::Prompt, Action::PromptAccept, "keeps"),
                    hint(KeyContext::Prompt, Action::PromptCancel, "cancels"),
                ],
                InputMode::Save(_) => [
                    hint(KeyContext::Prompt, Action::PromptAccept, "saves"),
                    hint(KeyContext::Prompt, Action::PromptCancel, "cancels"),
                ],
                _ => [
                    hint(KeyContext::Global, Action::Help, "help"),
                    hint(KeyContext::Global, Action::Quit, "quit"),
                ],
            };
            let hints: Vec<String> = hints.into_iter().flatten().collect();
            format!(" {} ", hints.join(" · "))
        }
    }
}

/// The search prompt: the query's end (where the cursor is), the counter, and
/// how to repeat the last search.
fn search_parts(app: &App, theme: &Theme, input: &str, left_budget: usize) -> Vec<(String, Style)> {
    let mut parts = Vec::new();
    let counter = if input.is_empty() {
        String::new()
    } else {
        format!("  {}", search_counter(app.article()))
    };
    // The end of a long query shows, where the cursor is, with the counter.
    let room = left_budget.saturating_sub(display_width(&counter) + 2);
    parts.push((
        format!("/{}", truncate_start(input, room)),
        theme.status_accent,
    ));
    parts.push(("▏".into(), theme.status_accent));
    if !counter.is_empty() {
        parts.push((counter, theme.status));
    }
    if input.is_empty() && !app.query().is_empty() {
        parts.push((
            format!("  Enter: /{} again", sanitize(app.query())),
            theme.status,
        ));
    }
    parts
}

/// The status of reading: position, loading, filter, search, article.
fn reading_parts(app: &App, theme: &Theme) -> Vec<(String, Style)> {
    let art = app.article();
    let total = art.doc.analysis.statements.len();
    let mut parts = Vec::new();
    let position = match app.quote_pos() {
        Some(p) => format!("{}/{}", p + 1, app.quote_list().len()),
        None if art.analysing => "analysing…".to_string(),
        None if total == 0 => "no statements".to_string(),
        None => format!("0/{}", app.quote_list().len()),
    };
    parts.push((format!(" {position} "), theme.status_accent));
    if let Some(p) = app.loading() {
        parts.push((
            format!(" reading {}/{} ", p.read, p.inputs),
            theme.status_accent,
        ));
    }
    let waiting = app.analysing();
    if waiting > 0 && app.articles().len() > 1 {
        parts.push((format!(" analysing {waiting} "), theme.status));
    }
    if !app.errors().is_empty() {
        parts.push((
            format!(" ✗ {} unreadable ", app.errors().len()),
            theme.status_accent,
        ));
    }
    if let Some(count) = app.count() {
        parts.push((format!(" {count}… "), theme.status_accent));
    }
    if app.filter_on() {
        parts.push((format!(" {} ", app.filter_summary()), theme.status_accent));
    }
    if app.hides_thoughts() {
        parts.push((" thoughts hidden ".into(), theme.status_accent));
    }
    if !app.query().is_empty() {
        parts.push((
            format!(" /{} {} ", truncate(app.query(), 30), search_counter(art)),
            theme.status,
        ));
    }
    if app.articles().len() > 1 {
        parts.push((
            format!(" art {}/{} ", app.current() + 1, app.articles().len()),
            theme.status,
        ));
    }
    parts.push((format!(" {}", sanitize(art.title())), theme.status));
    parts
}

/// Draws the parts from the left, as many as fit in `left_budget` columns
/// with a `…` when some do not; returns the column after them and the
/// columns used.
fn put_parts(
    parts: &[(String, Style)],
    left_budget: usize,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> (u16, usize) {
    // Everything, or as much as fits before a `…`.
    let whole: usize = parts.iter().map(|(t, _)| display_width(t)).sum();
    let room = if whole > left_budget {
        left_budget.saturating_sub(1)
    } else {
        left_budget
    };
    let mut x = area.x;
    let mut used = 0;
    for (text, style) in parts {
        let left = room.saturating_sub(used);
        if left == 0 {
            break;
        }
        let (end, w) = fit_prefix(text, left);
        used += w;
        x = put(
            buf,
            x,
            area.y,
            area.right(),
            &sanitize(&text[..end]),
            *style,
        );
    }
    if whole > left_budget && left_budget > 0 {
        x = put(buf, x, area.y, area.right(), "…", theme.status);
        used += 1;
    }
    (x, used)
}

/// The help over the panes, wrapped to the room there is.
pub(super) fn render_help(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let probe = help_area(area, usize::MAX >> 1);
    let rows = help::rows(help_text_width(probe.width));
    let popup = help_area(area, rows.len());
    if popup.width < 6 || popup.height < 3 {
        return;
    }
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(TextSpan::styled(" Keys ", theme.title_focused));
    let footer = help::footer();
    let block = if display_width(&footer) + 2 <= usize::from(popup.width) {
        block.title_bottom(Line::styled(footer, theme.muted).right_aligned())
    } else {
        block
    };
    let inner = block.inner(popup);
    block.render(popup, buf);
    let max_scroll = rows.len().saturating_sub(usize::from(inner.height));
    let scroll = app.help_scroll().min(max_scroll);
    let right = inner.right().saturating_sub(1);
    let x = inner.x + 1;
    for (dy, row) in rows
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let tx = x + row.indent as u16;
        match row.kind {
            RowKind::Heading => {
                put(buf, x, y, right, &row.text, theme.heading);
            }
            RowKind::Binding => {
                put(buf, x + 1, y, right, &row.keys, theme.key);
                put(buf, tx, y, right, &row.text, theme.text);
            }
            RowKind::Description => {
                put(buf, tx, y, right, &row.text, theme.text);
            }
            RowKind::Text => {
                put(buf, tx, y, right, &row.text, theme.muted);
            }
            RowKind::Blank => {}
        }
    }
}
