//! Clicks select and focus; the wheel scrolls the pane under the pointer.

use super::{App, Mode, WHEEL_ROWS};
use crate::tui::article::ActorLine;
use crate::tui::keys::Motion;
use crate::tui::layout::Pane;
use crate::tui::text::for_each_grapheme;
use crate::tui::wrap::Row;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

impl App {
    // ----- mouse ------------------------------------------------------------------------

    pub fn handle_mouse(&mut self, mouse: &MouseEvent) {
        let (x, y) = (mouse.column, mouse.row);
        if self.mode == Mode::Help {
            match mouse.kind {
                MouseEventKind::ScrollDown => self.move_by(Motion::Down),
                MouseEventKind::ScrollUp => self.move_by(Motion::Up),
                MouseEventKind::Down(_) => self.mode = Mode::Normal,
                _ => {}
            }
            return;
        }
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(tab) = self.layout.tab_at(x, y) {
                    self.focus = tab;
                } else if let Some(pane) = self.layout.pane_at(x, y, self.focus) {
                    self.focus = pane;
                    self.click(pane, x, y);
                }
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if let Some(pane) = self.layout.pane_at(x, y, self.focus) {
                    self.wheel(pane, down);
                }
            }
            _ => {}
        }
    }

    pub(super) fn wheel(&mut self, pane: Pane, down: bool) {
        let scroll = |v: usize, max: usize| {
            if down {
                (v + WHEEL_ROWS).min(max)
            } else {
                v.saturating_sub(WHEEL_ROWS)
            }
        };
        match pane {
            Pane::Body => {
                let max = self.max_body_top();
                let art = self.article_mut();
                art.body_top = scroll(art.body_top, max);
            }
            Pane::Quotes => {
                let art = self.article_mut();
                let max = art.shown.len().saturating_sub(1);
                art.quotes_top = scroll(art.quotes_top, max);
            }
            Pane::Actors => {
                let h = self.actors_height();
                let art = self.article_mut();
                let max = art.lines.len().saturating_sub(h.max(1));
                art.actors_top = scroll(art.actors_top, max);
            }
        }
    }

    pub(super) fn click(&mut self, pane: Pane, x: u16, y: u16) {
        let inner = self.layout.pane(pane).inner;
        if y < inner.y || y >= inner.bottom() {
            return;
        }
        let dy = usize::from(y - inner.y);
        match pane {
            Pane::Actors => {
                let art = self.article_mut();
                let line = art.actors_top + dy;
                let entry = match art.lines.get(line) {
                    Some(ActorLine::Name(e) | ActorLine::Role(e)) => Some(*e),
                    _ => None,
                };
                if let Some(e) = entry {
                    art.actor_cursor = e;
                    self.reveal_actor(false);
                }
            }
            Pane::Quotes => {
                if let Some(stmt) = self.quote_at_row(dy) {
                    self.select(stmt);
                }
            }
            Pane::Body => {
                let geo = self.body_geometry();
                let art = self.article();
                let row_index = art.body_top + dy;
                let Some(row) = art.body.rows.get(row_index).copied() else {
                    return;
                };
                let stmt = if x >= geo.text.x {
                    byte_at_column(&art.doc.text, row, usize::from(x - geo.text.x))
                        .and_then(|b| art.statement_at(b))
                } else {
                    art.statement_starting_on(row_index)
                };
                if let Some(s) = stmt.filter(|&s| art.passes(s)) {
                    self.article_mut().selected = Some(s);
                    self.follow_quotes();
                }
            }
        }
    }

    /// The statement drawn on row `dy` of the quote list.
    pub(super) fn quote_at_row(&self, dy: usize) -> Option<usize> {
        let art = self.article();
        let sel_pos = art.selected_pos();
        let sel_h = self.selected_quote_height().max(1);
        let mut row = 0;
        for pos in art.quotes_top..art.shown.len() {
            let h = if Some(pos) == sel_pos { sel_h } else { 1 };
            if dy < row + h {
                return Some(art.shown[pos]);
            }
            row += h;
        }
        None
    }
}

/// The byte of `row` drawn at `column` columns from its start.
fn byte_at_column(text: &str, row: Row, column: usize) -> Option<usize> {
    let mut found = None;
    let mut at = 0;
    for_each_grapheme(&text[row.start..row.end], |i, _, w| {
        if column < at + w.max(1) {
            found = Some(row.start + i);
            return false;
        }
        at += w;
        true
    });
    found
}
