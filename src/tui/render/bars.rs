//! The tab bar, the status line and the help overlay.

use super::put;
use crate::tui::app::{App, Mode};
use crate::tui::article::Article;
use crate::tui::help::{self, HelpLine};
use crate::tui::keys::{self, Action, Context};
use crate::tui::layout::Pane;
use crate::tui::text::{display_width, sanitize, truncate, truncate_start};
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
        let active = pane == app.focus;
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

pub(super) fn render_status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let art = app.article();
    let width = usize::from(area.width);
    let total = art.doc.analysis.statements.len();
    let mut parts: Vec<(String, Style)> = Vec::new();
    let search_counter = |art: &Article| match (art.current_match, art.matches.len()) {
        (_, 0) => "no match".to_string(),
        (Some(i), n) => format!("{}/{n}", i + 1),
        (None, n) => format!("{n} matches"),
    };
    // The right side: a notice, or key hints taken from the key table.
    let right_text = match &app.notice {
        Some(n) => format!(" {} ", sanitize(n)),
        None => {
            let hint = |a: Action, what: &str| {
                keys::key_for(Context::Global, a).map(|k| format!("{} {what}", k.label()))
            };
            let hints: Vec<String> = [hint(Action::Help, "help"), hint(Action::Quit, "quit")]
                .into_iter()
                .flatten()
                .collect();
            format!(" {} ", hints.join(" · "))
        }
    };
    let right_style = if app.notice.is_some() {
        theme.notice
    } else {
        theme.status
    };
    let right_w = display_width(&right_text);
    let left_budget = if width >= right_w + 20 || app.notice.is_some() {
        width.saturating_sub(right_w)
    } else {
        width
    };
    if let Mode::Search(prompt) = &app.mode {
        let counter = if prompt.input.is_empty() {
            String::new()
        } else {
            format!("  {}", search_counter(art))
        };
        // The end of a long query shows, where the cursor is, with the counter.
        let room = left_budget.saturating_sub(display_width(&counter) + 2);
        parts.push((
            format!("/{}", truncate_start(&prompt.input, room)),
            theme.status_accent,
        ));
        parts.push(("▏".into(), theme.status_accent));
        if !counter.is_empty() {
            parts.push((counter, theme.status));
        }
    } else {
        let position = match app.quote_pos() {
            Some(p) => format!("{}/{}", p + 1, app.quote_list().len()),
            None if art.analysing => "analysing…".to_string(),
            None if total == 0 => "no statements".to_string(),
            None => format!("0/{}", app.quote_list().len()),
        };
        parts.push((format!(" {position} "), theme.status_accent));
        if let Some(p) = app.loading {
            parts.push((
                format!(" reading {}/{} ", p.read, p.inputs),
                theme.status_accent,
            ));
        }
        let waiting = app.analysing();
        if waiting > 0 && app.articles.len() > 1 {
            parts.push((format!(" analysing {waiting} "), theme.status));
        }
        if !app.errors.is_empty() {
            parts.push((
                format!(" ✗ {} unreadable ", app.errors.len()),
                theme.status_accent,
            ));
        }
        if let Some(count) = app.count {
            parts.push((format!(" {count}… "), theme.status_accent));
        }
        if app.filter_on() {
            parts.push((format!(" {} ", app.filter_summary()), theme.status_accent));
        }
        if !app.query.is_empty() {
            parts.push((
                format!(" /{} {} ", truncate(&app.query, 30), search_counter(art)),
                theme.status,
            ));
        }
        if app.articles.len() > 1 {
            parts.push((
                format!(" art {}/{} ", app.current + 1, app.articles.len()),
                theme.status,
            ));
        }
        parts.push((
            format!(" {}", sanitize(art.doc.display_title())),
            theme.status,
        ));
    }
    let mut x = area.x;
    let mut used = 0;
    for (text, style) in parts {
        let room = left_budget.saturating_sub(used);
        if room == 0 {
            break;
        }
        let t = truncate(&text, room);
        used += display_width(&t);
        x = put(buf, x, area.y, area.right(), &t, style);
    }
    if left_budget < width {
        let t = truncate(&right_text, width - used.min(width));
        let rx = area.right().saturating_sub(display_width(&t) as u16);
        put(buf, rx.max(x), area.y, area.right(), &t, right_style);
    }
}

pub(super) fn render_help(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = help::lines();
    let key_w = help::key_column_width(&lines);
    let width = area.width.saturating_sub(2).min(88);
    let height = area.height.saturating_sub(1).min(lines.len() as u16 + 2);
    if width < 4 || height < 3 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(1) - height) / 2,
        width,
        height,
    );
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(TextSpan::styled(" Keys ", theme.title_focused))
        .title_bottom(Line::styled(" ? or Esc closes · j/k scroll ", theme.muted).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.help_scroll.min(max_scroll);
    let right = inner.right();
    for (dy, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let x = inner.x + 1;
        match line {
            HelpLine::Heading(t) => {
                put(buf, x, y, right, t, theme.heading);
            }
            HelpLine::Binding { keys, help } => {
                let padded = format!("{keys:<key_w$}  ");
                let nx = put(buf, x + 1, y, right, &padded, theme.key);
                put(buf, nx, y, right, help, theme.text);
            }
            HelpLine::Text(t) => {
                put(buf, x + 1, y, right, t, theme.muted);
            }
            HelpLine::Blank => {}
        }
    }
}
