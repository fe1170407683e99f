//! The quote list: every shown statement with its speaker and kind; the selected
//! one wrapped whole.

use super::body::{Underline, chunks};
use super::{kind_marker, put};
use crate::Span;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::text::{sanitize_collapsed, truncate};
use crate::tui::theme::Theme;
use crate::tui::wrap::Row;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

pub(super) fn render_quotes(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let art = app.article();
    let right = inner.right();
    if inner.is_empty() {
        return;
    }
    if art.analysing {
        put(buf, inner.x, inner.y, right, "analysing…", theme.muted);
        return;
    }
    if art.shown.is_empty() {
        put(
            buf,
            inner.x,
            inner.y,
            right,
            "No statements found.",
            theme.muted,
        );
        return;
    }
    let geo = app.quote_geometry();
    let focused = app.focus == Pane::Quotes;
    let statements = &art.doc.analysis.statements;
    let selected_rows = app.selected_quote_rows();
    let text_x = inner.x + geo.text_x;
    let mut y = inner.y;
    for &stmt in &art.shown[art.quotes_top.min(art.shown.len())..] {
        if y >= inner.bottom() {
            break;
        }
        let s = &statements[stmt];
        let selected = art.selected == Some(stmt);
        let slot = art.slot(s.speaker);
        let tag = truncate(art.speaker_tag(s.speaker), usize::from(geo.tag_width));
        let tag_style = theme.speaker(slot).add_modifier(Modifier::BOLD);
        put(buf, inner.x, y, right, &tag, tag_style);
        put(
            buf,
            inner.x + geo.marker_x,
            y,
            right,
            kind_marker(s.kind),
            theme.muted,
        );
        let rows: Vec<Row> = if selected {
            selected_rows.clone()
        } else {
            vec![first_line(
                &art.doc.text,
                s.span,
                usize::from(geo.text_width),
            )]
        };
        let height = rows.len().min(usize::from(inner.bottom() - y)) as u16;
        for (i, row) in rows.iter().take(usize::from(height)).enumerate() {
            let ry = y + i as u16;
            let mut x = text_x;
            for (a, b, style) in chunks(art, theme, *row, false, &Underline::none()) {
                let text = sanitize_collapsed(&art.doc.text[a..b]);
                x = put(buf, x, ry, right, &text, style);
            }
            let cut = if selected {
                i + 1 == rows.len() && row.end < s.span.end
            } else {
                row.end < s.span.end
            };
            if cut && x < right {
                put(buf, x.min(right - 1), ry, right, "…", theme.muted);
            }
        }
        if selected {
            let area = Rect::new(inner.x, y, inner.width, height.max(1));
            let style = if focused {
                theme.cursor_focused
            } else {
                theme.cursor_unfocused
            };
            if focused {
                buf.set_style(area, style);
            } else {
                buf.set_style(Rect::new(inner.x, y, geo.tag_width.max(1), 1), style);
            }
        }
        y += height.max(1);
    }
}

/// The first row of a statement in the quote list: as much as fits in `width`
/// (leaving a column for `…` when it does not all fit).
fn first_line(text: &str, span: Span, width: usize) -> Row {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let s = &s[lead..];
    let (fit, _) = crate::tui::text::fit_prefix(s, width);
    let end = if fit < s.len() {
        crate::tui::text::fit_prefix(s, width.saturating_sub(1)).0
    } else {
        fit
    };
    Row {
        start: span.start + lead,
        end: span.start + lead + end,
    }
}
