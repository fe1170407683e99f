//! Many articles read as one briefing: the same person or organisation across
//! articles is one actor, with what they said in each.
//!
//! Actors join by their key (see [`crate::analysis::identity`]): the same kind
//! and the same normalised name, so grouping the articles' actors by `key`
//! reproduces the join. Two kinds of actor need the rest of the briefing to say
//! who they are: a person every mention of which in the article gives by
//! surname alone (or with an initial), and a single name of unknown kind. Each
//! joins the entity the briefing names in full with that surname or name: the
//! one whose roles share a title with it, else the one quoted most, never one
//! of the other gender; a surname with a title that none of several such
//! entities holds stays apart. Descriptions ("officials", "a source") never
//! join.

use crate::analysis::identity::{self, PersonName};
use crate::analysis::{Actor, ActorId, ActorKind};
use crate::document::Document;
use crate::lexicon::{Gender, is_title, normalize_name};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Where a briefing actor appears: the article and its actor there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appearance {
    pub document: usize,
    pub actor: ActorId,
    pub statements: usize,
    pub mentions: usize,
}

/// An actor across the briefing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingActor {
    /// The full form of the name written most often across the briefing.
    pub name: String,
    pub kind: ActorKind,
    /// What the join went by: kind and normalised name; none for descriptions.
    pub key: Option<String>,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    /// In document order; an article whose actors the engine could not tell
    /// apart may appear twice (the JSON lists it once).
    pub appearances: Vec<Appearance>,
}

impl BriefingActor {
    pub fn statements(&self) -> usize {
        self.appearances.iter().map(|a| a.statements).sum()
    }
    pub fn mentions(&self) -> usize {
        self.appearances.iter().map(|a| a.mentions).sum()
    }
    /// Statement count in one document.
    pub fn statements_in(&self, document: usize) -> usize {
        self.appearances
            .iter()
            .filter(|a| a.document == document)
            .map(|a| a.statements)
            .sum()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Briefing {
    pub documents: Vec<Document>,
    pub actors: Vec<BriefingActor>,
    /// For each document, the briefing actor of each of its actors.
    local_to_global: Vec<Vec<usize>>,
}

/// Actors of the briefing that share a key, while the join runs.
#[derive(Default)]
struct Joined {
    key: Option<String>,
    /// (document, actor) of each member.
    members: Vec<(usize, ActorId)>,
    /// Of its members with full names: what partial names are matched against.
    statements: usize,
    gender: Option<Gender>,
    titles: FxHashSet<String>,
    person: Option<PersonName>,
}

/// The title words of an actor's roles ("president" for "Russian President"):
/// what a partial name's roles may share with a full one.
fn title_words(actor: &Actor) -> FxHashSet<String> {
    actor
        .roles
        .iter()
        .flat_map(|r| r.split_whitespace())
        .map(normalize_name)
        .filter(|w| is_title(w) && !identity::is_honorific(w))
        .collect()
}

/// The key of the entity a full name stands for with the name part of it:
/// "organization:federal bureau of investigation" gives the name
/// "federal bureau of investigation".
fn key_name(key: &str) -> &str {
    key.split_once(':').map_or(key, |(_, n)| n)
}

impl Joined {
    fn add(&mut self, document: usize, local: ActorId, actor: &Actor, full: bool) {
        self.members.push((document, local));
        if full {
            self.statements += actor.statements;
            self.gender = self.gender.or(actor.gender);
            self.titles.extend(title_words(actor));
            if self.person.is_none() && actor.kind == ActorKind::Person {
                self.person = identity::person_name(&actor.name);
            }
        }
    }

    /// Can this partial name stand for this entity?
    fn fits(&self, actor: &Actor) -> bool {
        let other_gender = matches!((actor.gender, self.gender), (Some(a), Some(b)) if a != b);
        if other_gender {
            return false;
        }
        match (&self.person, identity::person_name(&actor.name)) {
            (Some(full), Some(p)) => {
                p.surname == full.surname
                    && p.suffix
                        .as_ref()
                        .is_none_or(|s| full.suffix.as_ref() == Some(s))
                    && match (&p.first, &full.first) {
                        (Some(a), Some(b)) => identity::compatible_first_names(a, b),
                        _ => true,
                    }
            }
            // One word of unknown kind that names an organisation or a place.
            _ => {
                actor.kind == ActorKind::Other
                    && self
                        .key
                        .as_deref()
                        .is_some_and(|k| !k.starts_with("person:"))
            }
        }
    }
}

impl Briefing {
    /// Analyses the documents' texts in parallel where they lack an analysis,
    /// then joins their actors.
    pub fn new(documents: Vec<Document>) -> Briefing {
        let mut briefing = Briefing {
            documents,
            ..Briefing::default()
        };
        briefing.join_actors();
        briefing
    }

    /// Reads articles into documents, analysing them in parallel.
    pub fn from_articles(articles: Vec<crate::input::Article>) -> Briefing {
        let documents: Vec<Document> = articles
            .into_par_iter()
            .map(Document::from_article)
            .collect();
        Briefing::new(documents)
    }

    fn actor(&self, (document, local): (usize, ActorId)) -> &Actor {
        &self.documents[document].analysis.actors[local]
    }

    /// Full names by key, then partial names to the entity they fit, then
    /// descriptions each alone; every step in document order, so the result
    /// does not depend on which article came first.
    fn join_actors(&mut self) {
        let mut groups: Vec<Joined> = Vec::new();
        let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
        let mut partials = Vec::new();
        let mut descriptions = Vec::new();
        for (d, doc) in self.documents.iter().enumerate() {
            for (i, actor) in doc.analysis.actors.iter().enumerate() {
                match actor.key() {
                    None => descriptions.push((d, i)),
                    Some(_) if actor.partial_name() => partials.push((d, i)),
                    Some(key) => {
                        let g = *by_key.entry(key.clone()).or_insert_with(|| {
                            groups.push(Joined {
                                key: Some(key),
                                ..Joined::default()
                            });
                            groups.len() - 1
                        });
                        groups[g].add(d, i, actor, true);
                    }
                }
            }
        }
        let candidates = self.candidates(&groups);
        for (d, i) in partials {
            let actor = self.actor((d, i));
            let key = actor.key().unwrap_or_default();
            let name = identity::person_name(&actor.name)
                .map_or_else(|| key_name(&key).to_string(), |p| p.surname);
            let titles = title_words(actor);
            let fitting: Vec<usize> = candidates
                .get(&name)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&g| groups[g].fits(actor))
                .collect();
            let shares = |g: usize| !titles.is_disjoint(&groups[g].titles);
            // "Vice President Biden" with two Bidens named in full, neither
            // of them a vice president: which one, nothing says.
            let ambiguous =
                !titles.is_empty() && fitting.len() > 1 && !fitting.iter().any(|&g| shares(g));
            let best = fitting
                .into_iter()
                .filter(|_| !ambiguous)
                .max_by_key(|&g| (shares(g), groups[g].statements, std::cmp::Reverse(g)));
            let g = best.unwrap_or_else(|| {
                *by_key.entry(key.clone()).or_insert_with(|| {
                    groups.push(Joined {
                        key: Some(key),
                        ..Joined::default()
                    });
                    groups.len() - 1
                })
            });
            groups[g].add(d, i, actor, false);
        }
        for (d, i) in descriptions {
            let mut g = Joined::default();
            g.add(d, i, self.actor((d, i)), false);
            groups.push(g);
        }
        for g in &mut groups {
            g.members.sort_unstable();
        }
        groups.sort_by_key(|g| g.members[0]);
        self.local_to_global = self
            .documents
            .iter()
            .map(|d| vec![0; d.analysis.actors.len()])
            .collect();
        for (k, g) in groups.iter().enumerate() {
            for &(d, i) in &g.members {
                self.local_to_global[d][i] = k;
            }
        }
        self.actors = groups.iter().map(|g| self.briefing_actor(g)).collect();
    }

    /// Entities named in full, by what a partial name would give: a person's
    /// surname, an organisation's or a place's normalised name.
    fn candidates(&self, groups: &[Joined]) -> FxHashMap<String, Vec<usize>> {
        let mut out: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (g, group) in groups.iter().enumerate() {
            let name = match (&group.person, &group.key) {
                (Some(p), _) => p.surname.clone(),
                (None, Some(key)) => key_name(key).to_string(),
                _ => continue,
            };
            out.entry(name).or_default().push(g);
        }
        out
    }

    /// The actor a group of joined actors makes: named by the full form its
    /// mentions use most often across the briefing.
    fn briefing_actor(&self, g: &Joined) -> BriefingActor {
        let members: Vec<&Actor> = g.members.iter().map(|&m| self.actor(m)).collect();
        let mut forms: Vec<(&str, usize)> = Vec::new();
        for (form, n) in members.iter().flat_map(|a| &a.forms) {
            match forms.iter_mut().find(|(f, _)| f == form) {
                Some((_, count)) => *count += n,
                None => forms.push((form, *n)),
            }
        }
        // A name of its own, else the name of the member mentioned most.
        let most_mentioned = members
            .iter()
            .max_by_key(|a| a.mentions.len())
            .map_or("", |a| a.name.as_str());
        let name = match members.first().map(|a| a.kind) {
            Some(ActorKind::Group) | None => most_mentioned,
            _ => identity::canonical_form(forms.iter().copied()).unwrap_or(most_mentioned),
        }
        .to_string();
        // The kind its full names say; a partial name alone keeps its own.
        let kind = g
            .key
            .as_deref()
            .and_then(|k| {
                members
                    .iter()
                    .find(|a| a.key().as_deref() == Some(k))
                    .map(|a| a.kind)
            })
            .or_else(|| members.first().map(|a| a.kind))
            .unwrap_or(ActorKind::Other);
        let mut roles: Vec<String> = Vec::new();
        let mut aliases: Vec<String> = Vec::new();
        for a in &members {
            for r in &a.roles {
                if !roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                    roles.push(r.clone());
                }
            }
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                if *n != name && !aliases.contains(n) {
                    aliases.push(n.clone());
                }
            }
        }
        BriefingActor {
            name,
            kind,
            key: g.key.clone(),
            roles,
            aliases,
            appearances: g
                .members
                .iter()
                .zip(&members)
                .map(|(&(document, actor), a)| Appearance {
                    document,
                    actor,
                    statements: a.statements,
                    mentions: a.mentions.len(),
                })
                .collect(),
        }
    }

    /// The briefing actor of an article's actor.
    pub fn global(&self, document: usize, actor: ActorId) -> usize {
        self.local_to_global[document][actor]
    }

    /// Every statement of a briefing actor, as (document, statement index), in
    /// document then text order.
    pub fn statements_of(&self, actor: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for a in &self.actors[actor].appearances {
            let doc = &self.documents[a.document];
            for (i, s) in doc.analysis.statements.iter().enumerate() {
                if s.speaker == Some(a.actor) {
                    out.push((a.document, i));
                }
            }
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: &str, text: &str) -> Document {
        Document::new(source, text)
    }

    #[test]
    fn one_person_across_articles_with_counts() {
        let b = Briefing::new(vec![
            doc(
                "a",
                "Russian Foreign Minister Sergey Lavrov said the talks had failed.",
            ),
            doc(
                "b",
                "Sergey Lavrov said the offer stood. “We wait,” Lavrov added.",
            ),
            doc(
                "c",
                "Lavrov said nothing had changed. The Kremlin said the same.",
            ),
        ]);
        let lavrov: Vec<&BriefingActor> = b
            .actors
            .iter()
            .filter(|a| a.name.contains("Lavrov"))
            .collect();
        assert_eq!(lavrov.len(), 1, "{:#?}", b.actors);
        let l = lavrov[0];
        assert_eq!(l.name, "Sergey Lavrov");
        assert_eq!(l.roles, ["Russian Foreign Minister"]);
        assert_eq!(
            (l.statements_in(0), l.statements_in(1), l.statements_in(2)),
            (1, 2, 1)
        );
        assert_eq!(l.statements(), 4);
        let g = b
            .actors
            .iter()
            .position(|a| a.name == "Sergey Lavrov")
            .unwrap();
        assert_eq!(b.statements_of(g).len(), 4);
    }

    #[test]
    fn different_first_names_stay_apart() {
        let b = Briefing::new(vec![
            doc("a", "Hillary Clinton said the plan would work."),
            doc("b", "Bill Clinton said the plan would fail."),
        ]);
        assert_eq!(
            b.actors
                .iter()
                .filter(|a| a.name.ends_with("Clinton"))
                .count(),
            2
        );
    }

    #[test]
    fn descriptions_are_not_joined() {
        let b = Briefing::new(vec![
            doc("a", "The plant will close, officials said."),
            doc("b", "The bridge will open, officials said."),
        ]);
        assert_eq!(b.actors.iter().filter(|a| a.name == "officials").count(), 2);
    }
}
