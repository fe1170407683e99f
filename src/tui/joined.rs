//! The open articles as one briefing: the same person or organisation across
//! articles is one actor (joined by [`crate::briefing::Briefing`]), with their
//! statements counted per article.
//!
//! The reader keeps the articles (texts, analyses, wrapped bodies) itself; the
//! join only needs the actors, so it is built from copies of the actor lists and
//! is cheap to rebuild when another article's analysis arrives. Global actor ids
//! (indices into [`Joined::actors`]) change with every rebuild: what must
//! survive one (the filter, the cursor) is kept as an article's actor and
//! mapped back (see [`Joined::global_of`]).

use super::article::{ActorEntry, ActorLine, ActorList, ArticleView, tag_for};
use crate::briefing::{Briefing, BriefingActor};
use crate::{ActorId, Analysis, Document};

/// Articles listed under a speaker before "+n more".
pub const ARTICLES_PER_SPEAKER: usize = 3;

/// The briefing as the actors pane shows it.
#[derive(Clone, Debug, Default)]
pub struct Joined {
    /// The join: documents without text, actors by briefing id.
    briefing: Briefing,
    /// Articles joined (the reader's articles, in order).
    pub documents: usize,
    /// The actors pane in the briefing scope; `ActorEntry` ids are briefing ids.
    pub list: ActorList,
    /// Statements of each briefing actor, plus one for the unattributed at the end.
    pub totals: Vec<usize>,
    /// For each entry of `list`: the articles it speaks in, with the count there.
    pub per_article: Vec<Vec<(usize, usize)>>,
    /// Palette slot of each briefing actor who speaks.
    pub slots: Vec<Option<usize>>,
    /// The widest speaker tag of any article.
    pub tag_width: u16,
    /// Each briefing actor's short name, as the articles tag their actors.
    pub tags: Vec<String>,
}

impl Joined {
    /// Joins the actors of `articles` (those still being analysed have none yet).
    pub fn build(articles: &[ArticleView]) -> Joined {
        let documents: Vec<Document> = articles
            .iter()
            .map(|a| Document {
                analysis: Analysis::new(a.doc.analysis.actors.clone(), Vec::new()),
                ..Document::default()
            })
            .collect();
        let briefing = Briefing::new(documents);
        let n = briefing.actors.len();

        let (mut per_actor, first_seen) = statements_by_actor(&briefing, articles);
        let totals: Vec<usize> = per_actor
            .iter()
            .map(|v| v.iter().map(|&(_, c)| c).sum())
            .collect();

        let mut speakers: Vec<usize> = (0..n).filter(|&g| totals[g] > 0).collect();
        speakers.sort_by_key(|&g| (std::cmp::Reverse(totals[g]), first_seen[g]));
        let mut slots = vec![None; n];
        for (slot, &g) in speakers.iter().enumerate() {
            slots[g] = Some(slot);
        }
        let mut mentioned: Vec<usize> = (0..n).filter(|&g| totals[g] == 0).collect();
        mentioned.sort_by_key(|&g| (std::cmp::Reverse(briefing.actors[g].mentions()), g));

        let mut entries: Vec<ActorEntry> = speakers
            .iter()
            .map(|&g| ActorEntry::Speaker(Some(g)))
            .collect();
        if totals[n] > 0 {
            entries.push(ActorEntry::Speaker(None));
        }
        entries.extend(mentioned.iter().map(|&g| ActorEntry::Mentioned(g)));
        let per_article: Vec<Vec<(usize, usize)>> = entries
            .iter()
            .map(|e| match e {
                ActorEntry::Speaker(Some(g)) => std::mem::take(&mut per_actor[*g]),
                ActorEntry::Speaker(None) => std::mem::take(&mut per_actor[n]),
                ActorEntry::Mentioned(_) => Vec::new(),
            })
            .collect();
        let several = articles.len() > 1;
        let actors = &briefing.actors;
        let list = ActorList::new(
            entries,
            |e| match e {
                ActorEntry::Speaker(Some(g)) => !actors[*g].roles.is_empty(),
                _ => true,
            },
            |e, lines| {
                if !several {
                    return;
                }
                let list = &per_article[e];
                for item in 0..list.len().min(ARTICLES_PER_SPEAKER) {
                    lines.push(ActorLine::InArticle { entry: e, item });
                }
                if list.len() > ARTICLES_PER_SPEAKER {
                    lines.push(ActorLine::MoreArticles {
                        entry: e,
                        more: list.len() - ARTICLES_PER_SPEAKER,
                    });
                }
            },
        );
        let tags = briefing_tags(&briefing);
        let tag_width = articles.iter().map(|a| a.tag_width).max().unwrap_or(3);
        Joined {
            briefing,
            documents: articles.len(),
            list,
            totals,
            per_article,
            slots,
            tag_width,
            tags,
        }
    }

    /// The briefing's actors, by briefing id.
    pub fn actors(&self) -> &[BriefingActor] {
        &self.briefing.actors
    }

    /// The slot for "statements without a speaker" in `totals` and filters.
    pub fn unattributed(&self) -> usize {
        self.briefing.actors.len()
    }

    /// The briefing id of actor `actor` of article `document`, if both were
    /// joined (an article whose analysis arrived after the join was not).
    pub fn global_of(&self, document: usize, actor: ActorId) -> Option<usize> {
        let actors = self.briefing.documents.get(document)?.analysis.actors.len();
        (actor < actors).then(|| self.briefing.global(document, actor))
    }

    /// The briefing filter slot of a speaker of article `document`.
    pub fn filter_key(&self, document: usize, speaker: Option<ActorId>) -> Option<usize> {
        match speaker {
            Some(a) => self.global_of(document, a),
            None => Some(self.unattributed()),
        }
    }

    /// An article's actor standing for briefing actor `g`: its first appearance.
    pub fn representative(&self, g: usize) -> Option<(usize, ActorId)> {
        let a = self.briefing.actors.get(g)?.appearances.first()?;
        Some((a.document, a.actor))
    }

    /// Briefing actor `g`'s actor in article `document`, if they appear there
    /// (the one with most mentions when the article names them twice).
    pub fn local_in(&self, g: usize, document: usize) -> Option<ActorId> {
        self.briefing
            .actors
            .get(g)?
            .appearances
            .iter()
            .filter(|a| a.document == document)
            .max_by_key(|a| (a.statements, a.mentions))
            .map(|a| a.actor)
    }

    /// The name of a briefing speaker ("statements without a speaker" for `None`).
    pub fn name(&self, g: Option<usize>) -> &str {
        match g.and_then(|g| self.briefing.actors.get(g)) {
            Some(a) => &a.name,
            None => "unattributed",
        }
    }

    /// How the reader names a briefing actor where room is short: the same
    /// short name as an article's tag for them (see [`tag_for`]).
    pub fn short_name(&self, g: Option<usize>) -> &str {
        match g.and_then(|g| self.tags.get(g)) {
            Some(tag) => tag,
            None => "unattributed",
        }
    }
}

/// (article, statements) pairs of one actor, in article order.
type ArticleCounts = Vec<(usize, usize)>;

/// Statements by briefing actor (the last entry: the unattributed), as
/// (article, count) in article order, from the articles' own counts (which
/// the quote list also follows); and where each speaks first.
fn statements_by_actor(
    briefing: &Briefing,
    articles: &[ArticleView],
) -> (Vec<ArticleCounts>, Vec<(usize, usize)>) {
    let n = briefing.actors.len();
    let mut per_actor: Vec<ArticleCounts> = vec![Vec::new(); n + 1];
    let mut first_seen = vec![(usize::MAX, usize::MAX); n + 1];
    for (g, actor) in briefing.actors.iter().enumerate() {
        for ap in &actor.appearances {
            let count = articles[ap.document]
                .counts
                .get(ap.actor)
                .copied()
                .unwrap_or(0);
            if count > 0 {
                match per_actor[g].last_mut() {
                    // Two actors of one article may be one person.
                    Some((d, c)) if *d == ap.document => *c += count,
                    _ => per_actor[g].push((ap.document, count)),
                }
            }
        }
    }
    for (d, art) in articles.iter().enumerate() {
        let unattributed = art.counts.last().copied().unwrap_or(0);
        if unattributed > 0 {
            per_actor[n].push((d, unattributed));
        }
        for (i, s) in art.doc.analysis.statements.iter().enumerate() {
            let g = match s.speaker {
                Some(a) if a < art.doc.analysis.actors.len() => briefing.global(d, a),
                _ => n,
            };
            first_seen[g] = first_seen[g].min((d, i));
        }
    }
    (per_actor, first_seen)
}

/// Short names by the articles' rule, from each actor as the briefing names
/// them.
fn briefing_tags(briefing: &Briefing) -> Vec<String> {
    briefing
        .actors
        .iter()
        .map(|a| tag_for(&crate::Actor::named(a.name.clone(), a.kind)))
        .collect()
}
