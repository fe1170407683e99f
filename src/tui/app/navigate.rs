//! Moving through statements, actors and the article, and keeping the
//! selection in view.

use super::{App, InputMode, Scope};
use crate::ActorId;
use crate::tui::article::ActorEntry;
use crate::tui::help;
use crate::tui::keys::Motion;
use crate::tui::layout::{Pane, help_area, help_text_width};

impl App {
    // ----- movement ------------------------------------------------------------------

    pub(super) fn move_by(&mut self, motion: Motion) {
        if self.mode == InputMode::Help {
            let (rows, page) = self.help_rows_and_page();
            let max = rows.saturating_sub(page);
            self.help_scroll = step(self.help_scroll, motion, page, max).min(max);
            return;
        }
        if self.mode == InputMode::Articles {
            let page = self.picker_height().max(1);
            let last = self.articles.len() - 1;
            self.picker.cursor = step(self.picker.cursor, motion, page, last);
            self.clamp_picker();
            return;
        }
        match self.focus {
            Pane::Quotes => {
                let page = self.quotes_height().max(1);
                let list = self.quote_list();
                if list.is_empty() {
                    return;
                }
                let last = list.len() - 1;
                let target = match self.quote_pos() {
                    Some(pos) => step(pos, motion, page, last),
                    // The current article has nothing in a briefing-wide list: start
                    // from where it would be.
                    None => match motion {
                        Motion::Up | Motion::HalfUp | Motion::PageUp => {
                            list.first_from(self.current).saturating_sub(1)
                        }
                        Motion::Last => last,
                        Motion::First => 0,
                        _ => list.first_from(self.current).min(last),
                    },
                };
                if let Some((doc, stmt)) = list.get(target) {
                    self.select_entry(doc, stmt);
                }
            }
            Pane::Actors => {
                let page = self.actors_height().max(1);
                let list = self.actor_list_mut();
                let last = list.entries.len().saturating_sub(1);
                list.cursor = step(list.cursor, motion, page / 2, last);
                self.follow_actor_cursor();
                self.reveal_actor(false);
            }
            Pane::Body => {
                let page = self.body_height().max(1);
                let max = self.max_body_top();
                let art = self.article_mut();
                art.body_top = step(art.body_top, motion, page, max);
            }
        }
    }

    /// Rows of the help as wrapped for the screen, and how many show at once.
    fn help_rows_and_page(&self) -> (usize, usize) {
        let area = self.layout.area;
        let probe = help_area(area, usize::MAX >> 1);
        let rows = help::rows(help_text_width(probe.width)).len();
        let popup = help_area(area, rows);
        (rows, usize::from(popup.height.saturating_sub(2)).max(1))
    }

    /// Selects statement `stmt` and brings it into view in the quotes and the body.
    pub fn select(&mut self, stmt: usize) {
        self.article_mut().selected = Some(stmt);
        self.follow_selection();
    }

    /// Selects statement `stmt` of article `doc`, opening that article first.
    pub fn select_entry(&mut self, doc: usize, stmt: usize) {
        if doc != self.current {
            self.show_article(doc);
            self.notice = Some(self.article_notice());
        }
        self.select(stmt);
    }

    /// Who said statement `stmt` of article `doc`, as the current scope tells
    /// people apart: the article's actor, or the briefing's.
    fn speaker_identity(&self, doc: usize, stmt: usize) -> (Option<ActorId>, bool) {
        let art = &self.articles[doc];
        let speaker = art.doc.analysis.statements[stmt].speaker;
        match (self.scope, speaker) {
            (Scope::Briefing, Some(a)) => match self.briefing.joined().global_of(doc, a) {
                Some(g) => (Some(g), true),
                None => (Some(a), false),
            },
            _ => (speaker, false),
        }
    }

    pub(super) fn same_speaker(&mut self, forward: bool) {
        let Some(sel) = self.article().selected else {
            return;
        };
        let list = self.quote_list();
        let who = self.speaker_identity(self.current, sel);
        let found = match self.quote_pos() {
            Some(pos) if forward => (pos + 1..list.len()).find(|&p| self.same_as(list.get(p), who)),
            Some(pos) => (0..pos).rev().find(|&p| self.same_as(list.get(p), who)),
            None => None,
        };
        match found.and_then(|p| list.get(p)) {
            Some((doc, stmt)) => self.select_entry(doc, stmt),
            None => {
                let art = self.article();
                let tag = art
                    .speaker_tag(art.doc.analysis.statements[sel].speaker)
                    .to_string();
                let which = if forward { "later" } else { "earlier" };
                self.notice = Some(format!("no {which} statement by {tag}"));
            }
        }
    }

    fn same_as(&self, entry: Option<(usize, usize)>, who: (Option<ActorId>, bool)) -> bool {
        entry.is_some_and(|(d, s)| {
            let other = self.speaker_identity(d, s);
            // Within one article the article's ids say it; across, only joined ids.
            other == who && (other.1 || d == self.current)
        })
    }

    // ----- keeping things in view ------------------------------------------------------

    pub(super) fn max_body_top(&self) -> usize {
        self.article()
            .body
            .len()
            .saturating_sub(self.body_height().max(1))
    }

    pub(super) fn clamp_body(&mut self) {
        let max = self.max_body_top();
        let art = self.article_mut();
        art.body_top = art.body_top.min(max);
    }

    pub(super) fn clamp_actors(&mut self) {
        let h = self.actors_height();
        let list = self.actor_list_mut();
        list.cursor = list.cursor.min(list.entries.len().saturating_sub(1));
        list.top = list.top.min(list.lines.len().saturating_sub(h.max(1)));
    }

    /// Rows the article list shows at once.
    pub fn picker_height(&self) -> usize {
        usize::from(super::super::layout::picker_area(self.layout.area).height)
            .saturating_sub(2)
            .max(1)
    }

    /// Keeps the article list's cursor on an article and in view.
    pub(super) fn clamp_picker(&mut self) {
        let h = self.picker_height();
        let p = &mut self.picker;
        p.cursor = p.cursor.min(self.articles.len() - 1);
        if p.cursor < p.top {
            p.top = p.cursor;
        } else if p.cursor >= p.top + h {
            p.top = p.cursor + 1 - h;
        }
        let rows = self.articles.len() + self.errors.len();
        p.top = p.top.min(rows.saturating_sub(h));
        // At the last article, the unreadable inputs listed below it come into view.
        if p.cursor + 1 == self.articles.len() {
            p.top = p.top.max(rows.saturating_sub(h).min(p.cursor));
        }
    }

    /// Whether any row of the selected statement is on screen in the body.
    pub(super) fn selection_in_body_view(&self) -> bool {
        let art = self.article();
        let Some(&(first, last)) = art.selected.and_then(|s| art.body.statement_rows.get(s)) else {
            return false;
        };
        let h = self.body_height();
        h > 0 && last >= art.body_top && first < art.body_top + h
    }

    pub(super) fn follow_selection(&mut self) {
        self.follow_body();
        self.follow_quotes();
    }

    /// Scrolls the body so the selected statement shows, with a little context.
    pub(super) fn follow_body(&mut self) {
        let h = self.body_height();
        let art = self.article();
        let Some(&(first, last)) = art.selected.and_then(|s| art.body.statement_rows.get(s)) else {
            return;
        };
        self.show_body_rows(first, last, h);
    }

    pub(super) fn show_body_rows(&mut self, first: usize, last: usize, h: usize) {
        if h == 0 {
            return;
        }
        let margin = (h / 4).min(3);
        let art = self.article_mut();
        let top = art.body_top;
        // A statement taller than the pane shows from its start.
        let too_tall = last + 1 - first + 2 * margin > h;
        art.body_top = if too_tall || first < top + margin {
            first.saturating_sub(margin)
        } else if last + margin >= top + h {
            last + margin + 1 - h
        } else {
            top
        };
        self.clamp_body();
    }

    /// Scrolls the quote list so the selected entry shows whole.
    pub(super) fn follow_quotes(&mut self) {
        let h = self.quotes_height();
        let sel_h = self.selected_quote_height();
        let len = self.quote_list().len();
        let mut top = self.quotes_top();
        match self.quote_pos() {
            Some(pos) => {
                if pos < top {
                    top = pos;
                } else if pos - top + sel_h > h {
                    top = (pos + sel_h).saturating_sub(h).min(pos);
                }
            }
            // Nothing of this article in a briefing-wide list: where it would be.
            None if self.cross_mode() => top = self.quote_list().first_from(self.current),
            None => top = 0,
        }
        // No empty rows at the bottom while entries hide above (after a resize).
        let fill_top = (len + sel_h.saturating_sub(1)).saturating_sub(h);
        self.set_quotes_top(top.min(fill_top));
    }

    pub(super) fn follow_actor_cursor(&mut self) {
        let h = self.actors_height();
        let list = self.actor_list_mut();
        let Some(&line) = list.entry_line.get(list.cursor) else {
            return;
        };
        let rows = list.rows_of(list.cursor);
        // Show the "Speakers" heading when the cursor is on the first entry.
        let first = if list.cursor == 0 { 0 } else { line };
        if first < list.top {
            list.top = first;
        } else if line + rows > list.top + h {
            list.top = (line + rows).saturating_sub(h).min(first);
        }
    }

    /// The article's actor that actors-pane entry `entry` stands for in the
    /// current article, if any.
    pub fn entry_actor(&self, entry: usize) -> Option<ActorId> {
        let id = match self.actor_list().entries.get(entry)? {
            ActorEntry::Speaker(Some(a)) | ActorEntry::Mentioned(a) => *a,
            ActorEntry::Speaker(None) => return None,
        };
        match self.scope {
            Scope::Article => Some(id),
            Scope::Briefing => self.briefing.joined().local_in(id, self.current),
        }
    }

    /// Brings a mention of the actor under the cursor into the body's view: with
    /// `next`, the one after the last shown; else the first one after the top of
    /// the screen, and only if none shows already. Returns its index.
    pub(super) fn reveal_actor(&mut self, next: bool) -> Option<usize> {
        let h = self.body_height();
        let actor = self.entry_actor(self.actor_list().cursor)?;
        let art = self.article();
        let mentions = &art.doc.analysis.actors.get(actor)?.mentions;
        if mentions.is_empty() || h == 0 {
            return None;
        }
        let top = art.body_top;
        let in_view = |m: &crate::Span| (top..top + h).contains(&art.body.row_of(m.start));
        if !next && mentions.iter().any(in_view) {
            return None;
        }
        let from = art.body.rows.get(top).map_or(0, |r| r.start);
        let i = match art.mention_cursor {
            Some((a, i)) if next && a == actor => (i + 1) % mentions.len(),
            _ => mentions.partition_point(|m| m.start < from) % mentions.len(),
        };
        let row = art.body.row_of(mentions[i].start);
        let art = self.article_mut();
        art.mention_cursor = Some((actor, i));
        // Centred: the text around a mention says why it is there.
        art.body_top = row.saturating_sub(h / 2);
        self.clamp_body();
        Some(i)
    }
}

/// Moves `pos` by `motion` within `0..=last`; `page` is a screenful.
fn step(pos: usize, motion: Motion, page: usize, last: usize) -> usize {
    let half = (page / 2).max(1);
    let page = page.max(1);
    let next = match motion {
        Motion::Down => pos.saturating_add(1),
        Motion::Up => pos.saturating_sub(1),
        Motion::HalfDown => pos.saturating_add(half),
        Motion::HalfUp => pos.saturating_sub(half),
        Motion::PageDown => pos.saturating_add(page),
        Motion::PageUp => pos.saturating_sub(page),
        Motion::First => 0,
        Motion::Last => last,
    };
    next.min(last)
}
