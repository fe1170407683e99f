//! The speaker filter, and the actors pane as a way into the article.
//!
//! In the article scope the filter is the current article's own. In the
//! briefing scope it holds briefing actors: every article's filter is derived
//! from it, and the quote list lists their statements across the briefing.

use super::{App, Scope};
use crate::tui::article::ActorEntry;
use crate::tui::text::plural;

impl App {
    // ----- filter ----------------------------------------------------------------------

    /// Whether a filter is on in the current scope.
    pub fn filter_on(&self) -> bool {
        match self.scope {
            Scope::Article => self.article().filter_on(),
            Scope::Briefing => self.cross_mode(),
        }
    }

    pub(super) fn toggle_actor(&mut self) {
        let list = self.actor_list();
        let cursor = list.cursor;
        match (list.entries.get(cursor).copied(), self.scope) {
            (Some(ActorEntry::Speaker(speaker)), Scope::Article) => self.toggle_speaker(speaker),
            (Some(ActorEntry::Speaker(g)), Scope::Briefing) => self.toggle_briefing_speaker(g),
            (Some(ActorEntry::Mentioned(id)), scope) => {
                let name = match scope {
                    Scope::Article => self.article().speaker_tag(Some(id)),
                    Scope::Briefing => self.briefing.joined().short_name(Some(id)),
                }
                .to_string();
                let Some(local) = self.entry_actor(cursor) else {
                    let articles = self.briefing.joined().actors()[id].appearances.len();
                    let s = if articles == 1 { "" } else { "s" };
                    self.notice = Some(format!(
                        "{name} is only mentioned, in {articles} other article{s}"
                    ));
                    return;
                };
                let total = self.article().doc.analysis.actors[local].mentions.len();
                let shown = self.reveal_actor(true);
                self.notice = Some(match shown {
                    Some(i) => format!("{name} is only mentioned: mention {}/{total}", i + 1),
                    None => format!("{name} is only mentioned"),
                });
            }
            (None, _) => {}
        }
    }

    pub(super) fn filter_selected_speaker(&mut self) {
        let art = self.article();
        let Some(s) = art.selected else {
            return;
        };
        let speaker = art.doc.analysis.statements[s].speaker;
        match self.scope {
            Scope::Article => self.toggle_speaker(speaker),
            Scope::Briefing => {
                self.ensure_joined();
                match self.briefing.speaker_key(self.current, speaker) {
                    Some(g) => self.toggle_briefing_speaker(g),
                    None => self.notice = Some("this article is still being read".into()),
                }
            }
        }
    }

    /// Toggles an actor of the current article in its filter.
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

    /// Toggles a briefing actor (`None`: statements without a speaker) in the
    /// briefing filter.
    pub(super) fn toggle_briefing_speaker(&mut self, g: Option<usize>) {
        let Some(now_on) = self.briefing.toggle(g) else {
            return;
        };
        self.apply_briefing_filter();
        let name = self.briefing.joined().short_name(g).to_string();
        let change = if now_on { "added to" } else { "removed from" };
        let statements = self.briefing.quotes().len();
        let articles = self.briefing.quote_articles();
        self.notice = Some(if now_on || self.cross_mode() {
            format!(
                "{name} {change} the filter: {} in {}",
                plural(statements, "statement"),
                plural(articles, "article")
            )
        } else {
            format!("{name} {change} the filter")
        });
    }

    /// `t`: hides the statements of what people think, want or expect, in
    /// every article, or shows them again; the speaker filter stays as it is.
    pub(super) fn toggle_thoughts(&mut self) {
        self.hide_thoughts = !self.hide_thoughts;
        let hide = self.hide_thoughts;
        for art in &mut self.articles {
            art.hide_thoughts = hide;
            art.refilter();
        }
        if self.cross_mode() {
            self.apply_briefing_filter();
        } else {
            self.follow_selection();
        }
        let thoughts: usize = self.articles.iter().map(|a| a.thoughts()).sum();
        let what = plural(thoughts, "thought statement");
        self.notice = Some(match (hide, thoughts) {
            (true, 0) => "thoughts hidden: there are none here".into(),
            (true, _) => format!("{what} hidden (t shows them)"),
            (false, _) => format!("{what} shown (~ marks them)"),
        });
    }

    pub(super) fn clear_filter(&mut self) {
        if !self.filter_on() {
            return;
        }
        match self.scope {
            Scope::Article => {
                let art = self.article_mut();
                art.filter.iter_mut().for_each(|f| *f = false);
                art.refilter();
                self.follow_selection();
            }
            Scope::Briefing => {
                self.briefing.clear_filter();
                self.apply_briefing_filter();
            }
        }
        self.notice = Some("filter cleared".into());
    }

    /// Derives every article's filter from the briefing filter and rebuilds the
    /// briefing-wide quote list; keeps the selection in view.
    pub(super) fn apply_briefing_filter(&mut self) {
        let on = self.briefing.apply_filter(&mut self.articles);
        // The current article may have nothing left to show: go to the first
        // article that has.
        if on && self.article().shown.is_empty() {
            let quotes = self.briefing.quotes();
            let next = self.quote_list().first_from(self.current);
            if let Some((doc, _)) = quotes.get(next).or(quotes.first()).copied() {
                self.show_article(doc);
            }
        }
        self.follow_selection();
    }

    /// "filter: Peskov, Putin (5/22)" or "no filter".
    pub fn filter_summary(&self) -> String {
        if self.scope == Scope::Briefing {
            if !self.cross_mode() {
                return "no filter".into();
            }
            let names = self.briefing.filter_names();
            let total: usize = self
                .articles
                .iter()
                .map(|a| a.doc.analysis.statements.len())
                .sum();
            return format!(
                "filter: {} ({}/{} in the briefing)",
                names.join(", "),
                self.briefing.quotes().len(),
                total
            );
        }
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
