//! What the engine finds: statements, their speakers, and the actors of an article.
//!
//! Spans here are byte ranges into the article text, so the reader can slice the
//! text directly; the JSON output converts them to char offsets.

use crate::lexicon::Gender;
use serde::Serialize;

/// A byte range into the article text, end exclusive.
///
/// Not `#[non_exhaustive]`: a range is a start and an end and nothing more, and
/// callers build and destructure spans freely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The bytes from `start` up to, not including, `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Does it hold no byte?
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// Do the two share a byte?
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// Does it hold every byte of `other`?
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// As a range, to slice the text with: `&text[span.range()]`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// How a statement gives what was said: quoted, reported, or both.
///
/// Not `#[non_exhaustive]`: the three kinds cover quotation (all, part or
/// none of it), and the reader draws a mark for each; a new kind should fail
/// to compile there rather than fall into a wildcard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Words in quotation marks, given as a whole.
    Direct,
    /// Reported speech with quoted fragments inside.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl StatementKind {
    /// Every kind, in the order the output lists them.
    pub const ALL: [StatementKind; 3] = [
        StatementKind::Direct,
        StatementKind::Mixed,
        StatementKind::Indirect,
    ];

    /// The value a [`label`](Self::label) names, as JSON writes it.
    pub fn from_label(label: &str) -> Option<StatementKind> {
        Self::ALL.into_iter().find(|v| v.label() == label)
    }

    /// As JSON writes it: "direct", "mixed", "indirect".
    pub fn label(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Mixed => "mixed",
            StatementKind::Indirect => "indirect",
        }
    }
}

/// Whether a statement reports what someone said or what they think.
///
/// Not `#[non_exhaustive]`: the reader draws each mode its own way (bars,
/// markers, a filter for thoughts), so a new mode should fail to compile
/// there rather than be drawn as one of these by a wildcard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Said, told, wrote, according to, or a quotation.
    Speech,
    /// Believes, wants, expects, fears; polls show, evidence suggests.
    Thought,
}

impl Mode {
    /// Every mode, in the order the output lists them.
    pub const ALL: [Mode; 2] = [Mode::Speech, Mode::Thought];

    /// The value a [`label`](Self::label) names, as JSON writes it.
    pub fn from_label(label: &str) -> Option<Mode> {
        Self::ALL.into_iter().find(|v| v.label() == label)
    }

    /// As JSON writes it: "speech", "thought".
    pub fn label(self) -> &'static str {
        match self {
            Mode::Speech => "speech",
            Mode::Thought => "thought",
        }
    }
}

/// What kind of actor a speaker is. More kinds may come (a publication, a
/// document), so matches need a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ActorKind {
    /// A person, named or by a role that fits one person: "the mayor".
    Person,
    /// A company, agency, party, newspaper or other body.
    Organization,
    /// A country, region, city or other place.
    Place,
    /// An unnamed description: "officials", "a senior official", "the agency"
    /// when the text does not say which.
    Group,
    /// Named, but neither a person, an organisation nor a place as far as the
    /// text tells.
    Other,
}

impl ActorKind {
    /// Every kind, in the order the output lists them.
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
        ActorKind::Other,
    ];

    /// The value a [`label`](Self::label) names, as JSON writes it.
    pub fn from_label(label: &str) -> Option<ActorKind> {
        Self::ALL.into_iter().find(|v| v.label() == label)
    }

    /// As JSON writes it: "person", "organization", "place", "group", "other".
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
            ActorKind::Other => "other",
        }
    }
}

/// Index of an actor in [`Analysis::actors`].
pub type ActorId = usize;

/// One statement: what was said or thought, and by whom.
///
/// `#[non_exhaustive]`: build one with [`Statement::new`] and set the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Statement {
    /// Quoted, reported, or both.
    pub kind: StatementKind,
    /// Said or thought.
    pub mode: Mode,
    /// The statement: for direct quotes the quotation with its marks; for reported
    /// speech the reported content, without speaker or cue.
    pub span: Span,
    /// Who made it, when the article says.
    pub speaker: Option<ActorId>,
    /// The words the attribution rests on: "he" in "he told reporters".
    pub speaker_mention: Option<Span>,
    /// The reporting words: "said", "pointed out", "according to".
    pub cue: Option<Span>,
}

/// A person, organisation, place or group the article quotes or mentions as
/// a speaker, with every way the article names it.
///
/// `#[non_exhaustive]`: build one with [`Actor::named`] and set the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Actor {
    /// The fullest name the article gives.
    pub name: String,
    /// Person, organisation, place, group or other.
    pub kind: ActorKind,
    /// Offices and descriptions: "Kremlin spokesman", "a scholar at the institute".
    pub roles: Vec<String>,
    /// Other names the article uses: "Lavrov", "the Russian president".
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
    /// What the name, a title or the pronouns for the actor tell, if anything.
    pub gender: Option<Gender>,
    /// Number of statements attributed to this actor.
    pub statements: usize,
    /// Each way the article writes the name (roles and forms of address left
    /// out), with how many mentions write it so: what the canonical name is
    /// chosen from, here and across a briefing.
    pub forms: Vec<(String, usize)>,
}

impl Statement {
    /// A statement of this kind and mode over `span`, with no speaker, speaker
    /// mention or cue yet.
    pub fn new(kind: StatementKind, mode: Mode, span: Span) -> Statement {
        Statement {
            kind,
            mode,
            span,
            speaker: None,
            speaker_mention: None,
            cue: None,
        }
    }
}

impl Actor {
    /// An actor known by its name and kind alone: no roles, aliases,
    /// mentions or statements yet.
    pub fn named(name: impl Into<String>, kind: ActorKind) -> Actor {
        Actor {
            name: name.into(),
            kind,
            roles: Vec::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            gender: None,
            statements: 0,
            forms: Vec::new(),
        }
    }

    /// The identity the briefing joins actors by: kind and normalised canonical
    /// name (`person:timothy morrison`); none for descriptions. See
    /// [`super::identity`].
    pub fn key(&self) -> Option<String> {
        super::identity::actor_key(self.kind, &self.name)
    }

    /// A name that only other articles can complete: a person named by
    /// surname alone (or with an initial) everywhere in the article, or one
    /// word of unknown kind ("Obama" mentioned once). A briefing joins it to
    /// the entity it names in full (see the `briefing` crate's `Briefing`).
    pub fn partial_name(&self) -> bool {
        match self.kind {
            ActorKind::Person => {
                super::identity::person_name(&self.name).is_none_or(|n| n.partial())
            }
            ActorKind::Other => self.name.split_whitespace().count() == 1,
            _ => false,
        }
    }

    /// The shortest distinctive name: a person's surname ("Kennedy" for "James P.
    /// Kennedy Jr."), else the name.
    pub fn short_name(&self) -> &str {
        const SUFFIXES: [&str; 7] = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];
        let words: Vec<&str> = self
            .name
            .split_whitespace()
            .filter(|w| !SUFFIXES.contains(&w.trim_end_matches(',')))
            .collect();
        match words.last() {
            Some(last) if self.kind == ActorKind::Person && words.len() > 1 => {
                last.trim_end_matches(',')
            }
            _ => &self.name,
        }
    }
}

/// Everything found in one article.
///
/// `#[non_exhaustive]`: build one with [`Analysis::new`] (or `default`) and set
/// the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Analysis {
    /// The headline, when the text opens with one.
    pub title: Option<String>,
    /// The byline, without "By", when the text has one.
    pub byline: Option<String>,
    /// The publication date (`YYYY-MM-DD`) from a date line, when the text has one.
    pub date: Option<String>,
    /// Every speaker and everyone named as one, indexed by [`ActorId`].
    pub actors: Vec<Actor>,
    /// Statements in text order; they never overlap.
    pub statements: Vec<Statement>,
}

impl Analysis {
    /// An analysis of these actors and statements, without title, byline or
    /// date.
    pub fn new(actors: Vec<Actor>, statements: Vec<Statement>) -> Analysis {
        Analysis {
            actors,
            statements,
            ..Analysis::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_skip_suffixes() {
        let person = |name: &str| Actor::named(name, ActorKind::Person);
        assert_eq!(person("James P. Kennedy Jr.").short_name(), "Kennedy");
        assert_eq!(person("Martin Luther King, Jr.").short_name(), "King");
        assert_eq!(person("Lavrov").short_name(), "Lavrov");
    }
}
