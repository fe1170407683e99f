//! The quote list: every shown statement with its speaker and kind; the selected
//! one wrapped whole. Across the briefing, each entry starts with the number of
//! its article (as in the article list).

use super::body::{Underline, chunks};
use super::{kind_marker, mode_marker, put};
use crate::Span;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::text::{sanitize_collapsed, truncate};
use crate::tui::theme::Theme;
use crate::tui::wrap::Row;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// What the quote list says when it has nothing to list.
fn empty_message(app: &App) -> [&'static str; 2] {
    let art = app.article();
    if art.analysing {
        return ["analysing…", ""];
    }
    if app.filter_on() {
        return ["No statement passes the filter.", "Esc clears the filter."];
    }
    if app.hides_thoughts() && !art.doc.analysis.statements.is_empty() {
        return ["Only thoughts here, and they are hidden.", "t shows them."];
    }
    if art.doc.analysis.statements.is_empty() {
        return [
            "No statements found in this article.",
            "Its text is in the Article pane.",
        ];
    }
    ["No statements.", ""]
}

pub(super) fn render_quotes(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let art = app.article();
    let right = inner.right();
    if inner.is_empty() {
        return;
    }
    let list = app.quote_list();
    if list.is_empty() || (art.analysing && !list.across_articles()) {
        for (dy, line) in empty_message(app).iter().enumerate() {
            if (dy as u16) < inner.height {
                let text = truncate(line, usize::from(inner.width));
                put(buf, inner.x, inner.y + dy as u16, right, &text, theme.muted);
            }
        }
        return;
    }
    let geo = app.quote_geometry();
    let focused = app.focus() == Pane::Quotes;
    let selected_rows = app.selected_quote_rows();
    let selected_pos = app.quote_pos();
    let text_x = inner.x + geo.text_x;
    let mut y = inner.y;
    for pos in app.quotes_top().min(list.len())..list.len() {
        if y >= inner.bottom() {
            break;
        }
        let Some((doc, stmt)) = list.get(pos) else {
            break;
        };
        let art = &app.articles()[doc];
        let s = &art.doc.analysis.statements[stmt];
        let selected = selected_pos == Some(pos);
        if geo.article_width > 0 {
            let number = format!("{:>w$}", doc + 1, w = usize::from(geo.article_width - 1));
            let style = if doc == app.current() {
                theme.text.add_modifier(Modifier::BOLD)
            } else {
                theme.muted
            };
            put(buf, inner.x, y, right, &number, style);
        }
        let slot = art.slot(s.speaker);
        let tag = truncate(art.speaker_tag(s.speaker), usize::from(geo.tag_width));
        let tag_style = theme.speaker(slot).add_modifier(Modifier::BOLD);
        put(buf, inner.x + geo.tag_x, y, right, &tag, tag_style);
        let marker_x = put(
            buf,
            inner.x + geo.marker_x,
            y,
            right,
            kind_marker(s.kind),
            theme.muted,
        );
        put(buf, marker_x, y, right, mode_marker(s.mode), theme.muted);
        let thought = s.mode == crate::Mode::Thought;
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
                let style = if thought {
                    style.patch(theme.thought)
                } else {
                    style
                };
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
                let tag_end = (geo.tag_x + geo.tag_width.max(1)).min(inner.width);
                buf.set_style(Rect::new(inner.x, y, tag_end, 1), style);
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
