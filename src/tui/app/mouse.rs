//! Clicks select and focus; the wheel scrolls the pane under the pointer.

use super::{App, InputMode, WHEEL_ROWS};
use crate::tui::article::ActorLine;
use crate::tui::keys::Motion;
use crate::tui::layout::{Pane, picker_area};
use crate::tui::text::for_each_grapheme;
use crate::tui::wrap::Row;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

impl App {
    // ----- mouse ------------------------------------------------------------------------

    pub fn handle_mouse(&mut self, mouse: &MouseEvent) {
        let (x, y) = (mouse.column, mouse.row);
        if self.mode == InputMode::Help {
            match mouse.kind {
                MouseEventKind::ScrollDown => self.move_by(Motion::Down),
                MouseEventKind::ScrollUp => self.move_by(Motion::Up),
                MouseEventKind::Down(_) => self.mode = InputMode::Normal,
                _ => {}
            }
            return;
        }
        if self.mode == InputMode::Articles {
            self.picker_mouse(mouse);
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
                let max = self.quote_list().len().saturating_sub(1);
                let top = scroll(self.quotes_top(), max);
                self.set_quotes_top(top);
            }
            Pane::Actors => {
                let h = self.actors_height();
                let list = self.actor_list_mut();
                let max = list.lines.len().saturating_sub(h.max(1));
                list.top = scroll(list.top, max);
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
                let list = self.actor_list_mut();
                let line = list.lines.get(list.top + dy).copied();
                let Some(e) = line.and_then(ActorLine::entry) else {
                    return;
                };
                list.cursor = e;
                if let Some(ActorLine::InArticle { entry, item }) = line {
                    // A click on an article under a speaker opens it at their
                    // first statement there.
                    self.open_speaker_in(entry, item);
                } else {
                    self.reveal_actor(false);
                }
            }
            Pane::Quotes => {
                if let Some((doc, stmt)) = self.quote_at_row(dy) {
                    self.select_entry(doc, stmt);
                }
            }
            Pane::Body => {
                let geo = self.body_geometry();
                if y < geo.text.y {
                    return; // the header
                }
                let art = self.article();
                let row_index = art.body_top + usize::from(y - geo.text.y);
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

    /// The (article, statement) drawn on row `dy` of the quote list.
    pub(super) fn quote_at_row(&self, dy: usize) -> Option<(usize, usize)> {
        let list = self.quote_list();
        let sel_pos = self.quote_pos();
        let sel_h = self.selected_quote_height().max(1);
        let mut row = 0;
        for pos in self.quotes_top()..list.len() {
            let h = if Some(pos) == sel_pos { sel_h } else { 1 };
            if dy < row + h {
                return list.get(pos);
            }
            row += h;
        }
        None
    }

    /// Opens the `item`th article listed under briefing entry `entry` and
    /// selects the speaker's first statement there.
    fn open_speaker_in(&mut self, entry: usize, item: usize) {
        let joined = self.briefing.joined();
        let Some(&(doc, _)) = joined.per_article.get(entry).and_then(|l| l.get(item)) else {
            return;
        };
        let who = joined.list.entries.get(entry).copied();
        self.show_article(doc);
        self.notice = Some(self.article_notice());
        let art = self.article();
        let first = art
            .doc
            .analysis
            .statements
            .iter()
            .enumerate()
            .find(|(_, s)| {
                let g = s
                    .speaker
                    .and_then(|a| self.briefing.joined().global_of(doc, a));
                matches!(who, Some(crate::tui::article::ActorEntry::Speaker(x)) if x == g)
            });
        if let Some((i, _)) = first.filter(|&(i, _)| art.passes(i)) {
            self.select(i);
        }
    }

    /// The article list: a click on an article opens it, a click outside closes
    /// the list, the wheel scrolls it.
    fn picker_mouse(&mut self, mouse: &MouseEvent) {
        let area = picker_area(self.layout.area);
        let inside = area.contains(ratatui::layout::Position::new(mouse.column, mouse.row));
        match mouse.kind {
            MouseEventKind::ScrollDown => self.move_by(Motion::Down),
            MouseEventKind::ScrollUp => self.move_by(Motion::Up),
            MouseEventKind::Down(MouseButton::Left) if !inside => self.mode = InputMode::Normal,
            MouseEventKind::Down(MouseButton::Left) => {
                let row = usize::from(mouse.row.saturating_sub(area.y));
                if row == 0 || row + 1 >= usize::from(area.height) {
                    return;
                }
                let index = self.picker.top + row - 1;
                if index < self.articles.len() {
                    self.picker.cursor = index;
                    self.open_picked();
                }
            }
            _ => {}
        }
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
