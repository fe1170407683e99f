//! The speaker filter, and the actors pane as a way into the article.

use super::App;
use crate::tui::article::ActorEntry;

impl App {
    // ----- filter ----------------------------------------------------------------------

    pub(super) fn toggle_actor(&mut self) {
        let art = self.article();
        let cursor = art.actor_cursor;
        match art.entries.get(cursor) {
            Some(&ActorEntry::Speaker(speaker)) => self.toggle_speaker(speaker),
            Some(&ActorEntry::Mentioned(a)) => {
                let name = art.doc.analysis.actors[a].short_name().to_string();
                let total = art.doc.analysis.actors[a].mentions.len();
                let shown = self.reveal_actor(true);
                self.notice = Some(match shown {
                    Some(i) => format!("{name} is only mentioned: mention {}/{total}", i + 1),
                    None => format!("{name} is only mentioned"),
                });
            }
            None => {}
        }
    }

    pub(super) fn filter_selected_speaker(&mut self) {
        let art = self.article();
        if let Some(s) = art.selected {
            let speaker = art.doc.analysis.statements[s].speaker;
            self.toggle_speaker(speaker);
        }
    }

    pub(super) fn toggle_speaker(&mut self, speaker: Option<usize>) {
        let art = self.article_mut();
        let key = art.filter_key(speaker);
        if let Some(on) = art.filter.get_mut(key) {
            *on = !*on;
        }
        let now_on = art.filter.get(key).copied().unwrap_or(false);
        let tag = art.speaker_tag(speaker).to_string();
        art.refilter();
        self.follow_selection();
        let change = if now_on { "added to" } else { "removed from" };
        self.notice = Some(format!("{tag} {change} the filter"));
    }

    pub(super) fn clear_filter(&mut self) {
        let art = self.article_mut();
        if !art.filter_on() {
            return;
        }
        art.filter.iter_mut().for_each(|f| *f = false);
        art.refilter();
        self.follow_selection();
        self.notice = Some("filter cleared".into());
    }

    /// "filter: Peskov, Putin (5/22)" or "no filter".
    pub fn filter_summary(&self) -> String {
        let art = self.article();
        if !art.filter_on() {
            return "no filter".into();
        }
        format!(
            "filter: {} ({}/{})",
            art.filter_names().join(", "),
            art.shown.len(),
            art.doc.analysis.statements.len()
        )
    }
}
