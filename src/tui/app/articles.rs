//! Many articles: switching between them, the article list, articles and
//! analyses arriving while the reader runs (as [`Update`]s from the loader),
//! and the briefing join.

use super::{App, InputMode, Scope};
use crate::input::LoadError;
use crate::tui::article::ArticleView;
use crate::tui::briefing_view::BriefingView;
use crate::{Analysis, Document};

/// Inputs being read while the reader runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Inputs read so far (or failed).
    pub read: usize,
    /// Inputs in all.
    pub inputs: usize,
}

/// What the loader tells the reader, in order.
#[derive(Debug)]
pub enum Update {
    /// The next article (its analysis follows unless given here).
    Article(Box<Document>, Option<Analysis>),
    /// The analysis of the article at this position.
    Analysis(usize, Analysis),
    Failed(LoadError),
    /// Inputs read so far, of all.
    Progress(usize, usize),
    /// Every input has been read (analyses may still come).
    AllRead,
}

impl App {
    // ----- switching -------------------------------------------------------------------

    pub(super) fn switch_article(&mut self, forward: bool) {
        let n = self.articles.len();
        if n < 2 {
            self.notice = Some("only one article is open".into());
            return;
        }
        let next = if forward {
            (self.current + 1) % n
        } else {
            (self.current + n - 1) % n
        };
        self.show_article(next);
        self.notice = Some(self.article_notice());
    }

    /// "article 2/3: Harbour plan divides the council".
    pub(super) fn article_notice(&self) -> String {
        format!(
            "article {}/{}: {}",
            self.current + 1,
            self.articles.len(),
            self.article().title()
        )
    }

    /// Makes article `index` the current one, laid out for the screen, with the
    /// search carried over.
    pub fn show_article(&mut self, index: usize) {
        if index >= self.articles.len() || index == self.current {
            return;
        }
        self.current = index;
        let fresh = self.article().body.width == 0;
        self.reflow();
        let query = self.query.clone();
        self.set_query(query);
        if fresh {
            self.follow_selection();
        } else {
            self.follow_quotes();
        }
        self.clamp_actors();
    }

    // ----- the article list ------------------------------------------------------------

    pub(super) fn open_picker(&mut self) {
        self.mode = InputMode::Articles;
        self.picker.cursor = self.current;
        self.clamp_picker();
    }

    pub(super) fn open_picked(&mut self) {
        self.mode = InputMode::Normal;
        let picked = self.picker.cursor.min(self.articles.len() - 1);
        self.show_article(picked);
        self.notice = Some(self.article_notice());
    }

    // ----- arrivals --------------------------------------------------------------------

    /// Takes what the loader sends.
    pub fn apply_update(&mut self, update: Update) {
        match update {
            Update::Article(doc, analysis) => {
                self.add_article(*doc, true);
                if let Some(analysis) = analysis {
                    self.set_analysis(self.articles.len() - 1, analysis);
                }
            }
            Update::Analysis(index, analysis) => self.set_analysis(index, analysis),
            Update::Failed(error) => self.load_failed(error),
            Update::Progress(read, inputs) => self.set_progress(read, inputs),
            Update::AllRead => self.loading_finished(),
        }
    }

    /// Adds an article read while the reader runs, after the others; its
    /// analysis follows with [`App::set_analysis`] unless `analysing` is false.
    pub fn add_article(&mut self, doc: Document, analysing: bool) {
        if self.waiting {
            // The first article takes the stand-in's place, in a reader made
            // for it; what the user did meanwhile (the screen, the errors, the
            // progress, a notice, the help) stays.
            let mut fresh = App::pending(Vec::new());
            fresh.articles = vec![ArticleView::new(doc, analysing)];
            fresh.briefing = BriefingView::new(&fresh.articles);
            fresh.export_dir = std::mem::take(&mut self.export_dir);
            fresh.clipboard_doubt = self.clipboard_doubt;
            fresh.hide_thoughts = self.hide_thoughts;
            fresh.articles[0].hide_thoughts = self.hide_thoughts;
            fresh.articles[0].refilter();
            fresh.errors = std::mem::take(&mut self.errors);
            fresh.loading = self.loading;
            fresh.notice = self.notice.take();
            fresh.running = self.running;
            if self.mode == InputMode::Help {
                fresh.mode = InputMode::Help;
                fresh.help_scroll = self.help_scroll;
            }
            let area = self.layout.area;
            *self = fresh;
            if area.width > 0 && area.height > 0 {
                self.resize(area.width, area.height);
            }
            return;
        }
        let mut art = ArticleView::new(doc, analysing);
        art.hide_thoughts = self.hide_thoughts;
        art.refilter();
        if self.scope == Scope::Briefing {
            art.pinned = self.cross_mode();
            art.refilter();
        }
        self.articles.push(art);
        self.briefing.mark_stale();
    }

    /// Notes an input that could not be read; the reader goes on without it.
    pub fn load_failed(&mut self, error: LoadError) {
        self.notice = Some(format!("could not read {error}"));
        self.errors.push(error);
        self.clamp_picker();
    }

    /// Inputs read so far, for the status line.
    pub fn set_progress(&mut self, read: usize, inputs: usize) {
        self.loading = Some(super::Progress { read, inputs });
    }

    /// Every input has been read: joins what is in, and says how it went.
    pub fn loading_finished(&mut self) {
        self.loading = None;
        if self.waiting {
            // Every input failed: nothing to read, the errors say why.
            self.running = false;
            return;
        }
        if !self.articles.iter().any(|a| a.analysing) {
            self.rejoin();
        }
        let n = self.articles.len();
        let s = if n == 1 { "" } else { "s" };
        self.notice = Some(match self.errors.len() {
            0 => format!("{n} article{s} open"),
            e => {
                let es = if e == 1 { "" } else { "s" };
                format!("{n} article{s} open · {e} input{es} could not be read (a lists them)")
            }
        });
    }

    /// Articles still waiting for their analysis.
    pub fn analysing(&self) -> usize {
        self.articles.iter().filter(|a| a.analysing).count()
    }

    // ----- the briefing join -----------------------------------------------------------

    /// Rebuilds the join if an analysis arrived since; returns whether it did.
    pub fn rejoin_if_stale(&mut self) -> bool {
        self.ensure_joined();
        !self.briefing.is_stale()
    }

    pub(super) fn ensure_joined(&mut self) {
        if self.briefing.is_stale() {
            self.rejoin();
        }
    }

    /// Joins the articles' actors again, keeping the briefing filter and the
    /// actors-pane cursor on the same people.
    pub fn rejoin(&mut self) {
        let was_on = self.cross_mode();
        self.briefing.rejoin(&self.articles);
        if self.scope == Scope::Briefing {
            self.recolour();
            if was_on || self.cross_mode() {
                self.apply_briefing_filter();
            }
            self.clamp_actors();
        }
    }

    /// Speaker colours by scope: each article's own, or the briefing's, so that
    /// one person has one colour in every article.
    pub(super) fn recolour(&mut self) {
        for (d, art) in self.articles.iter_mut().enumerate() {
            art.slots = match self.scope {
                Scope::Article => art.local_slots.clone(),
                Scope::Briefing => self.briefing.slots(d, &art.local_slots),
            };
        }
    }

    /// Switches the actors pane between the current article and the briefing;
    /// the filter goes along: the article's speakers become briefing actors, and
    /// back to the article in view.
    pub(super) fn toggle_scope(&mut self) {
        self.ensure_joined();
        match self.scope {
            Scope::Article => {
                let d = self.current;
                self.briefing.filter_from(d, &self.articles[d]);
                // The actor under the cursor stays under it.
                let cursor = self.entry_actor(self.article().actors.cursor);
                self.scope = Scope::Briefing;
                self.briefing.point_at(d, cursor);
                self.recolour();
                self.apply_briefing_filter();
                let n = self.articles.len();
                let s = if n == 1 { "" } else { "s" };
                self.notice = Some(format!("actors of the whole briefing ({n} article{s})"));
            }
            Scope::Briefing => {
                self.scope = Scope::Article;
                self.briefing.drop_filter();
                // The filter stays with the article in view; the others drop theirs.
                let current = self.current;
                for (d, art) in self.articles.iter_mut().enumerate() {
                    art.pinned = false;
                    if d != current {
                        art.filter.iter_mut().for_each(|f| *f = false);
                    }
                    art.refilter();
                }
                self.recolour();
                self.follow_selection();
                self.notice = Some("actors of this article".into());
            }
        }
        self.clamp_actors();
        self.follow_actor_cursor();
    }
}
