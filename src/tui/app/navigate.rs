//! Moving through statements, actors and the article, and keeping the
//! selection in view.

use super::{App, Mode};
use crate::tui::article::ActorEntry;
use crate::tui::help;
use crate::tui::keys::Motion;
use crate::tui::layout::Pane;

impl App {
    // ----- movement ------------------------------------------------------------------

    pub(super) fn move_by(&mut self, motion: Motion) {
        if self.mode == Mode::Help {
            let page = usize::from(self.layout.area.height.saturating_sub(4)).max(1);
            let max = help::lines().len().saturating_sub(page);
            self.help_scroll = step(self.help_scroll, motion, page, max);
            return;
        }
        match self.focus {
            Pane::Quotes => {
                let page = self.quotes_height().max(1);
                let art = self.article();
                let Some(pos) = art.selected_pos() else {
                    return;
                };
                let last = art.shown.len().saturating_sub(1);
                let target = step(pos, motion, page, last);
                let stmt = art.shown[target];
                self.select(stmt);
            }
            Pane::Actors => {
                let page = self.actors_height().max(1);
                let art = self.article_mut();
                let last = art.entries.len().saturating_sub(1);
                art.actor_cursor = step(art.actor_cursor, motion, page / 2, last);
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

    /// Selects statement `stmt` and brings it into view in the quotes and the body.
    pub fn select(&mut self, stmt: usize) {
        self.article_mut().selected = Some(stmt);
        self.follow_selection();
    }

    pub(super) fn same_speaker(&mut self, forward: bool) {
        let art = self.article();
        let Some(sel) = art.selected else {
            return;
        };
        let statements = &art.doc.analysis.statements;
        let speaker = statements[sel].speaker;
        let found = if forward {
            (sel + 1..statements.len()).find(|&i| statements[i].speaker == speaker)
        } else {
            (0..sel).rev().find(|&i| statements[i].speaker == speaker)
        };
        match found {
            Some(i) if art.passes(i) => self.select(i),
            _ => {
                let tag = art.speaker_tag(speaker).to_string();
                let which = if forward { "later" } else { "earlier" };
                self.notice = Some(format!("no {which} statement by {tag}"));
            }
        }
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
        let art = self.article_mut();
        art.actors_top = art.actors_top.min(art.lines.len().saturating_sub(h.max(1)));
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
        let art = self.article_mut();
        let Some(pos) = art.selected_pos() else {
            art.quotes_top = 0;
            return;
        };
        if pos < art.quotes_top {
            art.quotes_top = pos;
        } else if pos - art.quotes_top + sel_h > h {
            art.quotes_top = (pos + sel_h).saturating_sub(h).min(pos);
        }
        // No empty rows at the bottom while entries hide above (after a resize).
        let fill_top = (art.shown.len() + sel_h.saturating_sub(1)).saturating_sub(h);
        art.quotes_top = art.quotes_top.min(fill_top);
    }

    pub(super) fn follow_actor_cursor(&mut self) {
        let h = self.actors_height();
        let art = self.article_mut();
        let Some(&line) = art.entry_line.get(art.actor_cursor) else {
            return;
        };
        let rows = match art.entries[art.actor_cursor] {
            ActorEntry::Speaker(_) => 2,
            ActorEntry::Mentioned(_) => 1,
        };
        // Show the "Speakers" heading when the cursor is on the first entry.
        let first = if art.actor_cursor == 0 { 0 } else { line };
        if first < art.actors_top {
            art.actors_top = first;
        } else if line + rows > art.actors_top + h {
            art.actors_top = (line + rows).saturating_sub(h);
        }
    }

    /// Brings a mention of the actor under the cursor into the body's view: with
    /// `next`, the one after the last shown; else the first one after the top of
    /// the screen, and only if none shows already. Returns its index.
    pub(super) fn reveal_actor(&mut self, next: bool) -> Option<usize> {
        let h = self.body_height();
        let art = self.article();
        let actor = match art.entries.get(art.actor_cursor)? {
            ActorEntry::Speaker(Some(a)) | ActorEntry::Mentioned(a) => *a,
            ActorEntry::Speaker(None) => return None,
        };
        let mentions = &art.doc.analysis.actors[actor].mentions;
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
