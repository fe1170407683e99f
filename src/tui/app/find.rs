//! Search as you type, and stepping through the matches.

use super::{App, InputMode};
use crate::tui::search::Folded;

impl App {
    // ----- search ----------------------------------------------------------------------

    pub(super) fn set_query(&mut self, query: String) {
        self.query = query;
        let query = self.query.clone();
        let art = self.article_mut();
        art.matches = if query.is_empty() {
            Vec::new()
        } else {
            let folded = art.folded.get_or_insert_with(|| Folded::new(&art.doc.text));
            folded.find(&art.doc.text, &query)
        };
        art.current_match = None;
    }

    /// Follows the prompt as it is typed: finds the matches and shows the first
    /// one after where the search started.
    pub(super) fn update_search(&mut self) {
        let InputMode::Search(prompt) = &self.mode else {
            return;
        };
        let input = prompt.input.clone();
        let from = prompt.origin;
        self.set_query(input);
        let art = self.article();
        let first = art.matches.partition_point(|m| m.start < from);
        if !art.matches.is_empty() {
            self.goto_match(first % art.matches.len());
        }
    }

    /// `n` and `N`: the next (previous) match after (before) the selection,
    /// as vim searches from the cursor; from the current match while the
    /// selection is the one the match gave. With the article pane focused and
    /// the selection out of its view, from the top of the screen, as less does.
    pub(super) fn step_match(&mut self, forward: bool) {
        if self.query.is_empty() {
            self.notice = Some("no search: press / to search".into());
            return;
        }
        let from_top =
            self.focus == crate::tui::layout::Pane::Body && !self.selection_in_body_view();
        let art = self.article();
        let count = art.matches.len();
        if count == 0 {
            self.notice = Some(format!("no match for “{}”", self.query));
            return;
        }
        let anchored = art
            .current_match
            .filter(|_| art.match_selection == art.selected && !from_top);
        // `next` may be `count` (past the last) or usize::MAX (before the first).
        let next = match anchored {
            Some(i) if forward => i + 1,
            Some(i) => i.wrapping_sub(1),
            None => {
                let from = match art.selected {
                    Some(s) if !from_top => art.doc.analysis.statements[s].span.start,
                    _ => art.body.rows.get(art.body_top).map_or(0, |r| r.start),
                };
                let i = art.matches.partition_point(|m| m.start < from);
                if forward { i } else { i.wrapping_sub(1) }
            }
        };
        let next = if next == usize::MAX {
            self.notice = Some("search wrapped to the bottom".into());
            count - 1
        } else if next >= count {
            self.notice = Some("search wrapped to the top".into());
            0
        } else {
            next
        };
        self.goto_match(next);
    }

    /// `/` and Enter with nothing typed: the last search again, on from the
    /// selection.
    pub(super) fn repeat_search(&mut self, previous: String) {
        if previous.is_empty() {
            self.notice = Some("no search to repeat: type what to find after /".into());
            return;
        }
        if self.query != previous {
            self.set_query(previous);
        }
        self.step_match(true);
        if self.notice.is_none() {
            let art = self.article();
            let at = art.current_match.map_or(0, |i| i + 1);
            self.notice = Some(format!("/{} {at}/{}", self.query, art.matches.len()));
        }
    }

    /// Makes match `i` current: selects its statement and scrolls the body to it.
    pub(super) fn goto_match(&mut self, i: usize) {
        let h = self.body_height();
        let art = self.article_mut();
        let Some(m) = art.matches.get(i).copied() else {
            return;
        };
        art.current_match = Some(i);
        if let Some(s) = art.statement_at(m.start).filter(|&s| art.passes(s)) {
            art.selected = Some(s);
        }
        art.match_selection = art.selected;
        self.follow_quotes();
        let art = self.article();
        let first = art.body.row_of(m.start);
        let last = art.body.row_of(m.end.saturating_sub(1));
        self.show_body_rows(first, last, h);
    }
}
