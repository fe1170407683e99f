//! The article list: every open article with its number, title, source and
//! statement count, then the inputs that could not be read.

use super::put;
use crate::tui::app::App;
use crate::tui::keys::{self, Action, KeyContext};
use crate::tui::layout::picker_area;
use crate::tui::text::{display_width, truncate, truncate_start};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

/// The list's bottom line, from the key table.
fn footer() -> String {
    let label = |a: Action| {
        keys::key_for(KeyContext::Articles, a)
            .map(|k| k.label())
            .unwrap_or_default()
    };
    format!(
        " {} opens · {} closes ",
        label(Action::OpenArticle),
        label(Action::CloseArticles)
    )
}

pub(super) fn render_articles(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let popup = picker_area(area);
    if popup.width < 4 || popup.height < 3 {
        return;
    }
    Clear.render(popup, buf);
    let n = app.articles().len();
    let mut title = format!(" Articles {n} ");
    if let Some(p) = app.loading() {
        title.push_str(&format!("· reading {}/{} ", p.read, p.inputs));
    }
    if !app.errors().is_empty() {
        title.push_str(&format!("· {} unreadable ", app.errors().len()));
    }
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(TextSpan::styled(title, theme.title_focused))
        .title_bottom(Line::styled(footer(), theme.muted).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    let number_w = n.to_string().len();
    // Statement counts, right-aligned; "…" while the engine reads the article.
    let count_w = app
        .articles()
        .iter()
        .map(|a| a.doc.analysis.statements.len().to_string().len())
        .max()
        .unwrap_or(1)
        .max(1);
    let source_w = if width >= 60 { (width / 3).min(40) } else { 0 };
    let fixed = 2 + number_w + 1 + count_w + 1 + if source_w > 0 { source_w + 2 } else { 0 };
    let title_w = width.saturating_sub(fixed);
    let right = inner.right();
    let rows = n + app.errors().len();
    for (dy, index) in (app.picker().top..rows)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        if let Some(err) = index.checked_sub(n).and_then(|e| app.errors().get(e)) {
            let text = format!("✗ {}: {}", err.source, err.reason);
            put(buf, inner.x, y, right, &truncate(&text, width), theme.muted);
            continue;
        }
        let art = &app.articles()[index];
        let current = index == app.current();
        let mut x = inner.x;
        x = put(
            buf,
            x,
            y,
            right,
            if current { "▸ " } else { "  " },
            theme.text,
        );
        let number = format!("{:>number_w$} ", index + 1);
        x = put(buf, x, y, right, &number, theme.muted);
        let title = art.title();
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let title = truncate(&title, title_w);
        let title_style = if current {
            theme.text.add_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        put(buf, x, y, right, &title, title_style);
        x = x.saturating_add(title_w as u16);
        if source_w > 0 {
            let source = truncate_start(crate::export::source_label(&art.doc.source), source_w);
            put(buf, x.saturating_add(2), y, right, &source, theme.muted);
            x = x.saturating_add(source_w as u16 + 2);
        }
        let count = if art.analysing {
            "…".to_string()
        } else {
            art.doc.analysis.statements.len().to_string()
        };
        let cx = right.saturating_sub(display_width(&count) as u16);
        if cx > x {
            put(buf, cx, y, right, &count, theme.muted);
        }
        if index == app.picker().cursor {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.cursor_focused);
        }
    }
}
