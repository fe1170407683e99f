//! What the reader keeps about the open articles as one briefing: their join,
//! the filter on briefing actors and the quote list it gives across every
//! article. The counterpart of [`ArticleView`] for the briefing scope; which
//! scope the actors pane shows is the app's.
//!
//! Briefing ids change with every join: what must survive a rejoin (the
//! filter, the actors pane's cursor) is taken as an article's actor before
//! and mapped back after (see [`Anchor`]).

use super::article::{ActorEntry, ActorList, ArticleView};
use super::joined::Joined;
use crate::ActorId;

/// An actors-pane entry, by an article's actor, to find it again after a rejoin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    Actor(usize, ActorId),
    Unattributed,
}

/// The briefing scope's state: the join, the filter and its quote list.
#[derive(Clone, Debug)]
pub struct BriefingView {
    /// The articles as one briefing (rebuilt as analyses arrive).
    joined: Joined,
    /// Briefing actors in the filter (by briefing id, then one for "no speaker").
    filter: Vec<bool>,
    /// The quote list while the filter is on: (article, statement) pairs in
    /// article then text order.
    quotes: Vec<(usize, usize)>,
    /// First entry of `quotes` on screen.
    quotes_top: usize,
    /// An analysis arrived since the join was built.
    stale: bool,
}

impl BriefingView {
    /// Joins `articles`, with no filter.
    pub fn new(articles: &[ArticleView]) -> BriefingView {
        BriefingView {
            joined: Joined::build(articles),
            filter: Vec::new(),
            quotes: Vec::new(),
            quotes_top: 0,
            stale: false,
        }
    }

    /// The join: actors, their counts and the actors pane's list.
    pub fn joined(&self) -> &Joined {
        &self.joined
    }

    /// The actors pane's list in the briefing scope, to move its cursor.
    pub(super) fn list_mut(&mut self) -> &mut ActorList {
        &mut self.joined.list
    }

    /// Whether an analysis arrived since the join was built.
    pub fn is_stale(&self) -> bool {
        self.stale
    }

    /// Notes that the articles changed since the join.
    pub(super) fn mark_stale(&mut self) {
        self.stale = true;
    }

    // ----- the filter ------------------------------------------------------------------

    /// Whether any briefing actor is in the filter.
    pub fn filter_on(&self) -> bool {
        self.filter.iter().any(|&f| f)
    }

    /// Whether briefing actor `g` (or, at [`Joined::unattributed`], the
    /// statements without a speaker) is in the filter.
    pub fn in_filter(&self, g: usize) -> bool {
        self.filter.get(g) == Some(&true)
    }

    /// The short names of those in the filter, in briefing order.
    pub fn filter_names(&self) -> Vec<&str> {
        let unattributed = self.joined.unattributed();
        (0..self.filter.len())
            .filter(|&g| self.in_filter(g))
            .map(|g| self.joined.short_name((g < unattributed).then_some(g)))
            .collect()
    }

    /// An article's actor for each briefing actor in the filter (its first
    /// appearance), in briefing order.
    pub fn filtered_representatives(&self) -> impl Iterator<Item = (usize, ActorId)> + '_ {
        (0..self.joined.unattributed())
            .filter(|&g| self.in_filter(g))
            .filter_map(|g| self.joined.representative(g))
    }

    /// Toggles a briefing actor (`None`: the statements without a speaker);
    /// returns whether it is in the filter now, `None` if there is no such actor.
    pub(super) fn toggle(&mut self, g: Option<usize>) -> Option<bool> {
        let unattributed = self.joined.unattributed();
        let key = g.unwrap_or(unattributed);
        self.filter.resize(unattributed + 1, false);
        let on = self.filter.get_mut(key)?;
        *on = !*on;
        Some(*on)
    }

    /// Takes everyone out of the filter.
    pub(super) fn clear_filter(&mut self) {
        self.filter.iter_mut().for_each(|f| *f = false);
    }

    /// Takes the filter of article `doc` as the briefing's: its speakers
    /// become briefing actors.
    pub(super) fn filter_from(&mut self, doc: usize, art: &ArticleView) {
        let n = art.doc.analysis.actors.len();
        let mut filter = vec![false; self.joined.unattributed() + 1];
        for (k, _) in art.filter.iter().enumerate().filter(|&(_, &on)| on) {
            if let Some(g) = self.joined.filter_key(doc, (k < n).then_some(k)) {
                filter[g] = true;
            }
        }
        self.filter = filter;
    }

    /// Leaves the briefing scope: no filter, no briefing-wide quote list.
    pub(super) fn drop_filter(&mut self) {
        self.filter.clear();
        self.quotes.clear();
        self.quotes_top = 0;
    }

    /// The briefing actor a speaker of article `doc` is (`Some(None)` for
    /// the statements without a speaker), or `None` while the article is
    /// not joined yet.
    pub fn speaker_key(&self, doc: usize, speaker: Option<ActorId>) -> Option<Option<usize>> {
        let g = self.joined.filter_key(doc, speaker)?;
        Some((g < self.joined.unattributed()).then_some(g))
    }

    /// Derives every article's filter from the briefing filter and rebuilds
    /// the briefing-wide quote list from what the articles then show; returns
    /// whether the filter is on.
    pub(super) fn apply_filter(&mut self, articles: &mut [ArticleView]) -> bool {
        let on = self.filter_on();
        let unattributed = self.joined.unattributed();
        for (d, art) in articles.iter_mut().enumerate() {
            let n = art.doc.analysis.actors.len();
            art.pinned = on;
            for k in 0..=n {
                let speaker = (k < n).then_some(k);
                art.filter[k] = on
                    && match speaker {
                        Some(a) => self
                            .joined
                            .global_of(d, a)
                            .is_some_and(|g| self.in_filter(g)),
                        None => self.in_filter(unattributed),
                    };
            }
            art.refilter();
        }
        self.quotes.clear();
        if on {
            for (d, art) in articles.iter().enumerate() {
                self.quotes.extend(art.shown.iter().map(|&s| (d, s)));
            }
        }
        self.quotes_top = self.quotes_top.min(self.quotes.len().saturating_sub(1));
        on
    }

    // ----- the quote list --------------------------------------------------------------

    /// The quote list while the filter is on.
    pub fn quotes(&self) -> &[(usize, usize)] {
        &self.quotes
    }

    /// How many articles the quote list draws on.
    pub fn quote_articles(&self) -> usize {
        let mut docs: Vec<usize> = self.quotes.iter().map(|&(d, _)| d).collect();
        docs.dedup();
        docs.len()
    }

    /// The first entry of the quote list on screen.
    pub fn quotes_top(&self) -> usize {
        self.quotes_top
    }

    pub(super) fn set_quotes_top(&mut self, top: usize) {
        self.quotes_top = top;
    }

    // ----- the join --------------------------------------------------------------------

    /// Joins the articles' actors again, keeping the filter and the actors
    /// pane's cursor on the same people and its scroll where it was.
    pub(super) fn rejoin(&mut self, articles: &[ArticleView]) {
        let filtered: Vec<Anchor> = (0..self.filter.len())
            .filter(|&g| self.in_filter(g))
            .filter_map(|g| self.anchor_of(Some(g)))
            .collect();
        let list = &self.joined.list;
        let cursor = match list.entries.get(list.cursor) {
            Some(ActorEntry::Speaker(g)) => self.anchor_of(*g),
            Some(ActorEntry::Mentioned(g)) => self.anchor_of(Some(*g)),
            None => None,
        };
        let top = list.top;

        self.joined = Joined::build(articles);
        self.stale = false;

        let mut filter = vec![false; self.joined.unattributed() + 1];
        for anchor in filtered {
            if let Some(g) = self.global_of_anchor(anchor) {
                filter[g] = true;
            }
        }
        self.filter = filter;
        if let Some(g) = cursor.and_then(|a| self.global_of_anchor(a)) {
            self.joined.list.cursor = self.entry_of(g).unwrap_or(0);
        }
        self.joined.list.top = top;
    }

    /// Puts the actors pane's cursor on actor `actor` of article `doc`, if
    /// the join knows them.
    pub(super) fn point_at(&mut self, doc: usize, actor: Option<ActorId>) {
        if let Some(g) = actor.and_then(|a| self.joined.global_of(doc, a)) {
            self.joined.list.cursor = self.entry_of(g).unwrap_or(0);
        }
    }

    /// The actors-pane entry of briefing actor `g` (at
    /// [`Joined::unattributed`]: of the statements without a speaker).
    fn entry_of(&self, g: usize) -> Option<usize> {
        let unattributed = self.joined.unattributed();
        self.joined.list.entries.iter().position(|e| match e {
            ActorEntry::Speaker(Some(x)) | ActorEntry::Mentioned(x) => *x == g,
            ActorEntry::Speaker(None) => g == unattributed,
        })
    }

    fn anchor_of(&self, g: Option<usize>) -> Option<Anchor> {
        match g {
            None => Some(Anchor::Unattributed),
            Some(g) if g >= self.joined.unattributed() => Some(Anchor::Unattributed),
            Some(g) => self
                .joined
                .representative(g)
                .map(|(d, a)| Anchor::Actor(d, a)),
        }
    }

    fn global_of_anchor(&self, anchor: Anchor) -> Option<usize> {
        match anchor {
            Anchor::Unattributed => Some(self.joined.unattributed()),
            Anchor::Actor(d, a) => self.joined.global_of(d, a),
        }
    }

    /// The palette slots of article `doc`'s actors in the briefing, so that
    /// one person has one colour in every article; an actor the join does
    /// not know keeps its own (`local`).
    pub fn slots(&self, doc: usize, local: &[Option<usize>]) -> Vec<Option<usize>> {
        (0..local.len())
            .map(|a| match self.joined.global_of(doc, a) {
                Some(g) => self.joined.slots.get(g).copied().flatten(),
                None => local[a],
            })
            .collect()
    }
}
