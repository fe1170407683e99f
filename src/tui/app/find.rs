//! Search as you type, and stepping through the matches.

use super::{App, Mode};
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
        let Mode::Search(prompt) = &self.mode else {
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

    pub(super) fn step_match(&mut self, forward: bool) {
        if self.query.is_empty() {
            self.notice = Some("no search: press / to search".into());
            return;
        }
        let art = self.article();
        let count = art.matches.len();
        if count == 0 {
            self.notice = Some(format!("no match for “{}”", self.query));
            return;
        }
        let next = match (art.current_match, forward) {
            (Some(i), true) => i + 1,
            (Some(i), false) => i.wrapping_sub(1),
            (None, _) => {
                // From the top of the screen.
                let from = art.body.rows.get(art.body_top).map_or(0, |r| r.start);
                let i = art.matches.partition_point(|m| m.start < from);
                if forward { i } else { i.wrapping_sub(1) }
            }
        };
        let wrapped = next >= count;
        let next = if next == usize::MAX {
            count - 1
        } else {
            next % count
        };
        if wrapped {
            self.notice = Some(if forward {
                "search wrapped to the top".into()
            } else {
                "search wrapped to the bottom".into()
            });
        }
        self.goto_match(next);
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
            self.follow_quotes();
        }
        let art = self.article();
        let first = art.body.row_of(m.start);
        let last = art.body.row_of(m.end.saturating_sub(1));
        self.show_body_rows(first, last, h);
    }
}
