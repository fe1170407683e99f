//! Many articles read as one briefing: the same person or organisation across
//! articles is one actor, with what they said in each.

use crate::analysis::{ActorId, ActorKind, same_first_name};
use crate::document::Document;
use crate::lexicon::normalize_name;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

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
    pub name: String,
    pub kind: ActorKind,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    /// In document order.
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

/// How an article's actor is recognised in another article.
#[derive(Clone, Debug)]
struct Identity {
    kind: ActorKind,
    /// Lowercase words of the name.
    words: Vec<String>,
    /// Lowercase name and aliases, "the" dropped.
    names: Vec<String>,
    /// Descriptions ("officials", "a source") stand for different people in
    /// different articles.
    description: bool,
}

fn identity(actor: &crate::Actor) -> Identity {
    let strip = |s: &str| {
        let n = normalize_name(s);
        n.strip_prefix("the ").map(str::to_string).unwrap_or(n)
    };
    let words: Vec<String> = normalize_name(&actor.name)
        .split(' ')
        .map(str::to_string)
        .collect();
    let mut names: Vec<String> = std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|n| strip(n))
        .collect();
    names.sort();
    names.dedup();
    let description = actor.name.chars().next().is_some_and(|c| c.is_lowercase());
    Identity {
        kind: actor.kind,
        words,
        names,
        description,
    }
}

/// Same person: same surname and compatible first names (or one of them given
/// by surname alone).
fn same_person(a: &Identity, b: &Identity) -> bool {
    let (Some(sa), Some(sb)) = (a.words.last(), b.words.last()) else {
        return false;
    };
    if sa != sb {
        return false;
    }
    match (a.words.len(), b.words.len()) {
        (1, _) | (_, 1) => true,
        _ => same_first_name(&a.words[0], &b.words[0]),
    }
}

fn same_entity(a: &Identity, b: &Identity) -> bool {
    if a.description || b.description {
        return false;
    }
    if a.kind == ActorKind::Person && b.kind == ActorKind::Person {
        return same_person(a, b);
    }
    if (a.kind == ActorKind::Person) != (b.kind == ActorKind::Person) {
        return false;
    }
    a.names.iter().any(|n| b.names.contains(n))
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

    fn join_actors(&mut self) {
        let mut actors: Vec<BriefingActor> = Vec::new();
        let mut identities: Vec<Identity> = Vec::new();
        // Candidates by surname or name, so joining stays linear in the actors.
        let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        self.local_to_global = Vec::with_capacity(self.documents.len());
        for (d, doc) in self.documents.iter().enumerate() {
            let mut map = Vec::with_capacity(doc.analysis.actors.len());
            for (local, actor) in doc.analysis.actors.iter().enumerate() {
                let id = identity(actor);
                let keys: Vec<String> = if id.kind == ActorKind::Person {
                    id.words.last().cloned().into_iter().collect()
                } else {
                    id.names.clone()
                };
                // Prefer the candidate that speaks most: "Clinton" alone joins the
                // Clinton quoted most, not one named once.
                let found = keys
                    .iter()
                    .filter_map(|k| by_key.get(k))
                    .flatten()
                    .copied()
                    .filter(|&g| same_entity(&identities[g], &id))
                    .max_by_key(|&g| (actors[g].statements(), std::cmp::Reverse(g)));
                let appearance = Appearance {
                    document: d,
                    actor: local,
                    statements: actor.statements,
                    mentions: actor.mentions.len(),
                };
                let g = match found {
                    Some(g) => {
                        let b = &mut actors[g];
                        // The fullest name wins: "Sergey Lavrov" over "Lavrov".
                        if actor.name.split_whitespace().count() > b.name.split_whitespace().count()
                        {
                            let old = std::mem::replace(&mut b.name, actor.name.clone());
                            b.aliases.push(old);
                            identities[g].words = id.words.clone();
                        }
                        for r in &actor.roles {
                            if !b.roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                                b.roles.push(r.clone());
                            }
                        }
                        for a in std::iter::once(&actor.name).chain(&actor.aliases) {
                            if *a != b.name && !b.aliases.contains(a) {
                                b.aliases.push(a.clone());
                            }
                        }
                        for n in &id.names {
                            if !identities[g].names.contains(n) {
                                identities[g].names.push(n.clone());
                            }
                        }
                        b.appearances.push(appearance);
                        g
                    }
                    None => {
                        actors.push(BriefingActor {
                            name: actor.name.clone(),
                            kind: actor.kind,
                            roles: actor.roles.clone(),
                            aliases: actor.aliases.clone(),
                            appearances: vec![appearance],
                        });
                        identities.push(id);
                        actors.len() - 1
                    }
                };
                for k in keys {
                    let list = by_key.entry(k).or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
                map.push(g);
            }
            self.local_to_global.push(map);
        }
        self.actors = actors;
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
