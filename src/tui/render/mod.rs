//! Drawing the reader: a pure function of the app state into a buffer, one
//! module per part of the screen.
//!
//! Only what is on screen is touched: the visible rows of the body, the visible
//! entries of the lists. Article text is sanitised as it is drawn (see `text`).

mod actors;
mod articles;
mod bars;
mod body;
mod quotes;

use super::app::{App, InputMode};
use super::keys::{self, Action, KeyContext};
use super::layout::{Pane, PaneArea};
use super::text::{all_simple, display_width};
use super::theme::Theme;
use crate::{Mode as StatementMode, StatementKind};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, BorderType, Widget};

/// Draws the whole reader into a frame.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut());
}

/// Draws the whole reader into `buf`; `area` must be the area the app was laid
/// out for (see [`App::resize`]), or nothing is drawn.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area != app.layout().area || area.is_empty() || buf.area.intersection(area) != area {
        return;
    }
    let layout = app.layout();
    for pane in Pane::ALL {
        if layout.shows(pane, app.focus()) {
            let pa = layout.pane(pane);
            frame_pane(app, theme, pane, pa, buf);
            match pane {
                Pane::Actors => actors::render_actors(app, theme, pa.inner, buf),
                Pane::Body => body::render_body(app, theme, pa, buf),
                Pane::Quotes => quotes::render_quotes(app, theme, pa.inner, buf),
            }
        }
    }
    if !layout.tabs.is_empty() {
        bars::render_tabs(app, theme, layout.tabs, buf);
    }
    if !layout.status.is_empty() {
        bars::render_status(app, theme, layout.status, buf);
    }
    match app.mode() {
        InputMode::Help => bars::render_help(app, theme, area, buf),
        InputMode::Articles => articles::render_articles(app, theme, area, buf),
        _ => {}
    }
}

// ----- panes ---------------------------------------------------------------------------

/// The border and title of a pane; the focused pane gets a thick border, so focus
/// shows without colour.
fn frame_pane(app: &App, theme: &Theme, pane: Pane, pa: PaneArea, buf: &mut Buffer) {
    if !pa.bordered() {
        return;
    }
    let focused = app.focus() == pane;
    let art = app.article();
    let mut title = format!(" {} ", pane.title());
    let detail = match pane {
        Pane::Quotes if app.cross_mode() => {
            let briefing = app.briefing();
            let articles = briefing.quote_articles();
            let s = if articles == 1 { "" } else { "s" };
            format!(
                "· briefing {} in {articles} article{s} ",
                briefing.quotes().len()
            )
        }
        Pane::Quotes if art.narrowed() => {
            format!("{}/{} ", art.shown.len(), art.doc.analysis.statements.len())
        }
        Pane::Quotes => format!("{} ", art.shown.len()),
        Pane::Actors => String::new(),
        Pane::Body if app.articles().len() > 1 => {
            format!("{}/{} ", app.current() + 1, app.articles().len())
        }
        Pane::Body => String::new(),
    };
    title.push_str(&detail);
    if pane == Pane::Actors {
        title = actors::title(app, pa.outer.width);
    }
    // Where the actors and the quotes take turns, the title says how to
    // bring the other one.
    if app.layout().shares_bottom() {
        let (action, other) = match pane {
            Pane::Quotes => (Action::FocusNext, Pane::Actors),
            Pane::Actors => (Action::FocusPrev, Pane::Quotes),
            Pane::Body => (Action::FocusNext, Pane::Body),
        };
        if other != pane
            && let Some(key) = keys::key_for(KeyContext::Global, action)
        {
            let hint = format!("· {}: {} ", key.label(), other.title().to_lowercase());
            if display_width(&title) + display_width(&hint) + 2 <= usize::from(pa.outer.width) {
                title.push_str(&hint);
            }
        }
    }
    let (border, title_style, kind) = if focused {
        (theme.border_focused, theme.title_focused, BorderType::Thick)
    } else {
        (theme.border, theme.title, BorderType::Plain)
    };
    let mut block = Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(TextSpan::styled(title, title_style));
    if pane == Pane::Body {
        let total = art.body.len().max(1);
        let h = usize::from(app.body_geometry().text.height);
        let percent = if total <= h {
            100
        } else {
            (art.body_top + h).min(total) * 100 / total
        };
        block = block.title_top(Line::styled(format!(" {percent}% "), theme.title).right_aligned());
    }
    if pane == Pane::Quotes {
        // The thought marker is explained where there are thoughts.
        let thoughts = app.hides_thoughts() || art.thoughts() > 0;
        let legend = [
            (" D direct · M mixed · I indirect · ~ thought ", true),
            (" D direct · M mixed · I indirect ", false),
            (" ~ thought ", true),
        ]
        .into_iter()
        .filter(|&(_, thought)| thought == thoughts || !thought)
        .map(|(l, _)| l)
        .find(|l| display_width(l) + 6 <= usize::from(pa.outer.width));
        if let Some(legend) = legend {
            block = block.title_bottom(Line::styled(legend, theme.muted).right_aligned());
        }
    }
    block.render(pa.outer, buf);
}

/// The quote list's mark for a statement's mode: `~` for what people think,
/// want or expect.
pub(super) fn mode_marker(mode: StatementMode) -> &'static str {
    match mode {
        StatementMode::Speech => " ",
        StatementMode::Thought => "~",
    }
}

pub(super) fn kind_marker(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Direct => "D",
        StatementKind::Mixed => "M",
        StatementKind::Indirect => "I",
    }
}

/// Writes `s` (already sanitised) at `x`, no further than `right`; returns the next x.
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, right: u16, s: &str, style: Style) -> u16 {
    if x >= right {
        return x;
    }
    if all_simple(s) && buf.area.contains(Position::new(x, y)) && right <= buf.area.right() {
        // One char, one cell: skip grapheme segmentation, the bulk of drawing time.
        let start = buf.index_of(x, y);
        let room = usize::from(right - x);
        let cells = &mut buf.content[start..start + room];
        let mut written = 0;
        for (cell, c) in cells.iter_mut().zip(s.chars()) {
            cell.set_char(c).set_style(style);
            written += 1;
        }
        return x + written as u16;
    }
    if !s.chars().any(super::text::is_skin_tone) {
        return buf.set_stringn(x, y, s, usize::from(right - x), style).0;
    }
    // Each piece in a cell of its own, as the text was measured (an emoji's
    // skin tone apart from it: see `text::for_each_grapheme`).
    let mut x = x;
    super::text::for_each_grapheme(s, |i, piece, width| {
        if x >= right {
            return false;
        }
        let next = buf
            .set_stringn(x, y, &s[i..i + piece.len()], usize::from(right - x), style)
            .0;
        x = if width > 0 { next.max(x + 1) } else { next };
        true
    });
    x
}
