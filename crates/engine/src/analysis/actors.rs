//! Who is who: grouping name mentions into actors and resolving each frame's
//! speaker phrase (a name, a role such as "the Russian president", a pronoun, or a
//! description such as "officials") to an actor.

use super::frames::{Frame, Phrase, PhraseKind, Speaker};
use super::identity::{self, compatible_first_names, first_name_key};
use super::mentions::{NameClass, NameFinder, NameMention};
use super::model::{Actor, ActorId, ActorKind, Span};
use super::sentences::{Sentence, is_terminal};
use super::tokens::{Token, TokenKind, flag};
use crate::lexicon::{
    Gender, class, full_title_word, is_generic_organization_noun, lexicon, normalize_name,
};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// An actor while it is being built.
#[derive(Clone, Debug)]
struct Draft {
    name: String,
    /// `name` normalised ([`plain`]), kept with it for comparisons.
    key: String,
    kind: ActorKind,
    /// A single word never seen as a full name: a surname or an unfamiliar name.
    provisional: bool,
    gender: Option<Gender>,
    roles: Vec<String>,
    /// `roles` normalised, in the same order.
    role_keys: Vec<String>,
    aliases: Vec<String>,
    mentions: Vec<Span>,
    first_names: Vec<String>,
    /// Whether its full names end in a suffix ("Jr."), once it has one.
    suffixed: Option<bool>,
    /// Each way the name is written, with its count (see [`Actor::forms`]).
    forms: Vec<(String, usize)>,
    /// The gender comes from a lone word read as a first name ("Clinton"):
    /// a full name may say otherwise.
    gender_guessed: bool,
    /// Mentions where a place would be ("in Palo Alto").
    located: usize,
    /// A title, a form of address, a known first name or a "he" or "she" that
    /// took it up: it is a person, wherever it is mentioned.
    person_evidence: bool,
    /// A description of one person ("the spokesman", "a senior official"):
    /// he or she may take it up.
    personal: bool,
    /// Set when the actor is the subject of a frame.
    speaks: bool,
    /// Named from the word list ("Kyiv" for "KYIV") until the article spells it out.
    listed_name: bool,
    /// Merged into another actor.
    merged_into: Option<usize>,
    /// Whose it is ("Eric Holcomb's office"): a later "his" that takes it up
    /// means the owner.
    owner: Option<usize>,
}

impl Draft {
    fn new(name: &str, kind: ActorKind) -> Draft {
        Draft {
            name: name.to_string(),
            key: plain(name),
            kind,
            provisional: false,
            gender: None,
            roles: Vec::new(),
            role_keys: Vec::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            first_names: Vec::new(),
            suffixed: None,
            forms: Vec::new(),
            owner: None,
            gender_guessed: false,
            located: 0,
            person_evidence: false,
            personal: false,
            speaks: false,
            listed_name: false,
            merged_into: None,
        }
    }
}

/// Words that open a place's name, always ("San", "Fort") or before a place
/// ("South", "Upstate"): see `assets/lexicon/place_openers.txt`.
static PLACE_OPENERS: LazyLock<FxHashMap<&'static str, bool>> = LazyLock::new(|| {
    let mut always = true;
    let mut map = FxHashMap::default();
    for line in include_str!("../../../../assets/lexicon/place_openers.txt").lines() {
        match line.split('#').next().unwrap_or("").trim() {
            "" => {}
            "[place]" => always = true,
            "[direction]" => always = false,
            word => {
                map.insert(word, always);
            }
        }
    }
    map
});

impl Draft {
    /// Its kind, all mentions seen: a "person" only by the shape of its name,
    /// with no first name, title or he/she, that reads as a place ("San
    /// Bernardino", "South Florida") or that the text names where places go
    /// ("in Palo Alto" most times), is a place.
    fn settled_kind(&self) -> ActorKind {
        if self.kind != ActorKind::Person || self.person_evidence {
            return self.kind;
        }
        let name = self.canonical_name().unwrap_or(&self.name);
        let words: Vec<String> = name.split_whitespace().map(plain).collect();
        if words.len() < 2 {
            return self.kind;
        }
        let opener = |w: &String| PLACE_OPENERS.get(w.as_str()).copied();
        let directions = words
            .iter()
            .take_while(|w| opener(w) == Some(false))
            .count();
        let rest = words[directions..].join(" ");
        let before_place = directions > 0
            && lexicon()
                .known(&rest)
                .is_some_and(|k| k.kind == crate::lexicon::KnownKind::Place);
        let named: usize = self.forms.iter().map(|(_, n)| n).sum();
        let placed = self.located * 2 >= named.max(1);
        if opener(&words[0]) == Some(true)
            || before_place
            || directions > 0 && self.located > 0
            || placed
        {
            ActorKind::Place
        } else {
            self.kind
        }
    }

    /// Counts one more mention that writes the name as `form`.
    fn note_form(&mut self, form: &str) {
        let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        if form.is_empty() {
            return;
        }
        match self.forms.iter_mut().find(|(f, _)| *f == form) {
            Some((_, n)) => *n += 1,
            None => self.forms.push((form, 1)),
        }
    }

    /// The name to show: the full form written most often, the longer one on a
    /// tie ("Donald Trump" over "Donald J. Trump" when the article writes it
    /// so more often; never "Trump" over "Donald Trump").
    fn canonical_name(&self) -> Option<&str> {
        identity::canonical_form(self.forms.iter().map(|(f, n)| (f.as_str(), *n)))
    }
}

/// Who said it: the actor (if any) and the words the attribution rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub actor: Option<usize>,
    pub mention: Option<Span>,
}

/// Something that makes an actor salient at a point of the text, for pronouns.
#[derive(Clone, Copy, Debug)]
struct Focus {
    actor: usize,
    /// Where in the article (bytes).
    at: usize,
    sentence: usize,
    subject: bool,
    speaker: bool,
    /// Named inside a quotation.
    quoted: bool,
}

/// Everything known about actors so far: it lives for the whole article, while
/// a [`Resolver`] works through one chunk of it.
#[derive(Default)]
pub struct ActorTable {
    drafts: Vec<Draft>,
    by_key: FxHashMap<String, usize>,
    by_surname: FxHashMap<String, Vec<usize>>,
    by_first_name: FxHashMap<String, Vec<usize>>,
    by_canonical: FxHashMap<u32, usize>,
    /// Drafts by the words of their roles ("president" for "Russian
    /// President"), in the order the roles came.
    by_role_word: FxHashMap<String, Vec<usize>>,
    /// Drafts by the last word of any name they had, and by its initials: where
    /// "the Post" and "NYPD" look for the organisation they shorten.
    by_last_word: FxHashMap<String, Vec<usize>>,
    by_initials: FxHashMap<String, Vec<usize>>,
    focus: Vec<Focus>,
    /// Weak mentions no actor claimed yet, as (lookup key, span, name): a later
    /// chunk may introduce their actor.
    pending: Vec<(String, Span, String)>,
}

/// Resolves the names and frames of one chunk of the article against the table.
pub struct Resolver<'a> {
    /// The chunk's text; tokens and sentences index it.
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    /// Where the chunk starts in the article: bytes and sentences.
    pub base: usize,
    pub sentence_base: usize,
    t: &'a mut ActorTable,
    /// Actor of each name mention.
    pub name_actor: Vec<Option<usize>>,
    /// The chunk's name finder: which capitals say a word is a name.
    finder: NameFinder<'a>,
    /// For each sentence, whether it is a headline: the title, or a
    /// paragraph in title case.
    headline: Vec<bool>,
}

/// Descriptions that name an office by another word: "the Ukrainian leader" is
/// the Ukrainian President, "the top diplomat" a foreign minister.
const ROLE_SYNONYMS: [(&str, &[&str]); 3] = [
    (
        "leader",
        &[
            "president",
            "prime",
            "premier",
            "chancellor",
            "king",
            "queen",
            "emir",
            "sultan",
        ],
    ),
    ("diplomat", &["foreign"]),
    (
        "chief",
        &["head", "director", "chairman", "chairwoman", "executive"],
    ),
];

/// Salience entries kept for pronouns (more than a pronoun ever looks back).
const FOCUS_KEEP: usize = 256;

const NAME_SUFFIXES: [&str; 6] = ["jr.", "sr.", "jr", "ii", "iii", "iv"];

/// The plural of a nationality's or a party's word ("Americans",
/// "Republicans", and "Democrats" by "Democratic"): English writes it with a
/// capital wherever it stands (unlike "federal" or "western", which the same
/// list holds).
fn is_demonym_plural(word: &str) -> bool {
    let demonym = |w: &str| lexicon().word(w).is(class::DEMONYM);
    word.strip_suffix('s')
        .is_some_and(|singular| demonym(singular) || demonym(&format!("{singular}ic")))
}

fn plain(word: &str) -> String {
    normalize_name(word)
}

impl ActorTable {
    /// The finished actors, in order of first mention, with a map from draft index
    /// to final id.
    pub fn finish(mut self) -> (Vec<Actor>, Vec<Option<ActorId>>) {
        // Weak mentions whose actor came later in the article.
        for (key, span, name) in std::mem::take(&mut self.pending) {
            if let Some(id) = self.lookup_name(&key) {
                let d = &mut self.drafts[id];
                d.mentions.push(span);
                d.note_form(&name);
                if name != d.name && !d.aliases.contains(&name) {
                    d.aliases.push(name);
                }
            }
        }
        for d in &mut self.drafts {
            sort_disjoint(&mut d.mentions);
        }
        let n = self.drafts.len();
        let mut order: Vec<usize> = (0..n)
            .filter(|&i| {
                self.drafts[i].merged_into.is_none() && !self.drafts[i].mentions.is_empty()
            })
            .collect();
        order.sort_by_key(|&i| self.drafts[i].mentions[0]);
        let mut map = vec![None; n];
        for (new, &old) in order.iter().enumerate() {
            map[old] = Some(new);
        }
        for i in 0..n {
            map[i] = map[self.root(i)];
        }
        let actors = order
            .iter()
            .map(|&i| {
                let d = std::mem::replace(&mut self.drafts[i], Draft::new("", ActorKind::Other));
                let kind = d.settled_kind();
                let name = match kind {
                    ActorKind::Group => d.name.clone(),
                    _ => d.canonical_name().unwrap_or(&d.name).to_string(),
                };
                let mut aliases = d.aliases;
                if d.name != name && !aliases.contains(&d.name) {
                    aliases.push(d.name);
                }
                aliases.retain(|a| *a != name);
                Actor {
                    name,
                    kind,
                    roles: d.roles,
                    aliases,
                    mentions: d.mentions,
                    gender: d.gender,
                    statements: 0,
                    forms: d.forms,
                }
            })
            .collect();
        (actors, map)
    }

    fn root(&self, mut id: usize) -> usize {
        while let Some(next) = self.drafts[id].merged_into {
            id = next;
        }
        id
    }

    /// Records a pronoun or continuation mention on an actor.
    pub fn add_mention(&mut self, actor: usize, span: Span) {
        let actor = self.root(actor);
        self.drafts[actor].mentions.push(span);
    }

    /// The actor with this single-word name: a surname, a first name or an alias.
    pub(crate) fn lookup_single(&self, word: &str) -> Option<usize> {
        let best = |ids: &Vec<usize>| {
            ids.iter()
                .map(|&i| self.root(i))
                .max_by_key(|&i| (self.drafts[i].mentions.len(), i))
        };
        if let Some(id) = self.by_surname.get(word).and_then(best) {
            return Some(id);
        }
        if let Some(ids) = self.by_first_name.get(&first_name_key(word)) {
            let mut roots: Vec<usize> = ids.iter().map(|&i| self.root(i)).collect();
            roots.dedup();
            if roots.len() == 1 {
                return Some(roots[0]);
            }
        }
        None
    }

    /// The actor a single-word name or a full name stands for.
    fn lookup_name(&self, key: &str) -> Option<usize> {
        self.lookup_single(key)
            .or_else(|| self.by_key.get(key).copied())
            .map(|id| self.root(id))
    }
}

impl<'a> Resolver<'a> {
    /// `names`: the chunk's name finder (its text, tokens and capitals);
    /// `title`: the article's title in this chunk (bytes), read as a headline.
    pub fn new(
        table: &'a mut ActorTable,
        names: &NameFinder<'a>,
        sentences: &'a [Sentence],
        title: Option<Span>,
        (base, sentence_base): (usize, usize),
    ) -> Resolver<'a> {
        let (text, tokens) = (names.text, names.tokens);
        let headline = headlines(names, sentences, title);
        // Capitals inside headlines say nothing of names.
        let finder = NameFinder::counting(text, tokens, |k| {
            let s = sentences.partition_point(|s| s.end <= k);
            !headline.get(s).copied().unwrap_or(false)
        });
        Resolver {
            text,
            tokens,
            sentences,
            base,
            sentence_base,
            t: table,
            name_actor: Vec::new(),
            finder,
            headline,
        }
    }

    /// The article span of a token range.
    fn span(&self, first: usize, end: usize) -> Span {
        Span::new(
            self.base + self.tokens[first].start as usize,
            self.base + self.tokens[end - 1].end as usize,
        )
    }

    fn str(&self, first: usize, end: usize) -> &'a str {
        &self.text[self.tokens[first].start as usize..self.tokens[end - 1].end as usize]
    }

    fn root(&self, id: usize) -> usize {
        self.t.root(id)
    }

    fn create(&mut self, name: &str, kind: ActorKind) -> usize {
        self.t.drafts.push(Draft::new(name, kind));
        let id = self.t.drafts.len() - 1;
        self.index_name(id);
        id
    }

    /// Names a draft anew, keeping its key and the indexes in step.
    fn rename(&mut self, id: usize, name: &str) {
        let d = &mut self.t.drafts[id];
        d.name = name.to_string();
        d.key = plain(name);
        self.index_name(id);
    }

    fn index_name(&mut self, id: usize) {
        let key = &self.t.drafts[id].key;
        let words = || key.trim_start_matches("the ").split(' ');
        let add = |map: &mut FxHashMap<String, Vec<usize>>, word: String| {
            let ids = map.entry(word).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        };
        if let Some(last) = words().next_back() {
            add(&mut self.t.by_last_word, last.to_string());
        }
        add(&mut self.t.by_initials, initials(words()));
    }

    fn add_alias(&mut self, id: usize, alias: &str) {
        let d = &mut self.t.drafts[id];
        if !alias.is_empty() && alias != d.name && !d.aliases.iter().any(|a| a == alias) {
            d.aliases.push(alias.to_string());
        }
    }

    fn add_role(&mut self, id: usize, role: &str) {
        let mut role = role.trim();
        // "Her deputy" is a deputy; "the club’s coach" keeps its owner.
        for det in [
            "the ", "his ", "her ", "its ", "their ", "our ", "my ", "your ",
        ] {
            if role.len() > det.len()
                && role
                    .get(..det.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(det))
            {
                role = &role[det.len()..];
                break;
            }
        }
        // Forms of address tell gender, not a role.
        if identity::is_honorific(role) {
            return;
        }
        let d = &mut self.t.drafts[id];
        if !role.is_empty() && !d.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
            // "Gov." is keyed as "governor", which "the governor" finds.
            let key = plain(role)
                .split(' ')
                .map(full_title_word)
                .collect::<Vec<_>>()
                .join(" ");
            for word in key.split([' ', '-']) {
                let ids = self.t.by_role_word.entry(word.to_string()).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
            let d = &mut self.t.drafts[id];
            d.roles.push(role.to_string());
            d.role_keys.push(key);
        }
    }

    /// Groups name mentions into actors, in text order.
    pub fn cluster(&mut self, names: &[NameMention]) {
        self.name_actor = vec![None; names.len()];
        let mut weak = Vec::new();
        for (k, m) in names.iter().enumerate() {
            let m = self.without_opening_word(m);
            // A lone common word after a colon or a dash is as weak as a
            // sentence's first word.
            if m.weak || self.common_word_named(&m) {
                weak.push((k, m));
                continue;
            }
            let id = self.place_name(&m);
            let id = self.root(id);
            self.name_actor[k] = Some(id);
            self.record_name(id, &m);
        }
        // Weak mentions (headlines, sentence openers) only join actors found elsewhere.
        for (k, m) in weak {
            let name = self.str(m.name_first, m.end);
            let span = self.span(m.name_first, m.end);
            match self.t.lookup_name(&plain(name)) {
                Some(id) => {
                    self.name_actor[k] = Some(id);
                    self.t.drafts[id].mentions.push(span);
                    self.t.drafts[id].note_form(name);
                    self.add_alias(id, name);
                }
                None => self.t.pending.push((plain(name), span, name.to_string())),
            }
        }
    }

    /// Records a name mention on its actor: the span, role, alias and form,
    /// and what it says of the actor's gender and kind.
    fn record_name(&mut self, id: usize, m: &NameMention) {
        let span = self.span(m.first, m.end);
        self.t.drafts[id].mentions.push(span);
        if m.has_role() {
            let role = self.str(m.first, m.name_first);
            self.add_role(id, role);
            self.note_organisations_in_role(m);
        }
        let name = self.str(m.name_first, m.end);
        self.add_alias(id, name);
        let located = self.located(m);
        let personal =
            m.has_role() || m.gender.is_some() || self.tokens[m.name_first].is(class::FIRST_NAME);
        let guess = m.end - m.name_first == 1 && !m.has_role();
        let d = &mut self.t.drafts[id];
        d.note_form(name);
        if m.gender.is_some() && (d.gender.is_none() || d.gender_guessed && !guess) {
            d.gender = m.gender;
            d.gender_guessed = guess;
        }
        d.located += usize::from(located);
        d.person_evidence |= personal;
    }

    /// Is the name one common word that only its place capitalises: a lone
    /// word opening a sentence or after a colon or a dash ("Officials
    /// said", "— Renounce"), or after a title in a headline ("Delegate
    /// Update: ...")? It is as weak as a sentence's first word.
    fn common_word_named(&self, m: &NameMention) -> bool {
        let single = m.end - m.name_first == 1;
        let alone = single && !m.has_role() && m.class == NameClass::Unknown;
        let titled = single && m.has_role() && self.in_headline(m.name_first);
        (alone || titled) && self.capital_says_nothing(m.name_first)
    }

    /// The name without a word that its capital only puts there: the verb
    /// that opens the sentence ("Said Comey, ..."; the name finder keeps it in
    /// the run, for the tagger's sake), or a common word after a colon or a
    /// dash ("— Renounce Trump", "11:40 — Even Lindsey Graham").
    fn without_opening_word(&self, m: &NameMention) -> NameMention {
        let t = &self.tokens[m.first];
        let mut m = m.clone();
        let verb = m.name_first == m.first && t.info().verb.is_some() && !t.is(class::FIRST_NAME);
        if m.end - m.first >= 2
            && self.capital_says_nothing(m.first)
            && (verb || self.finder.sentence_word_before_name(m.first, m.end))
        {
            m.name_first = m.name_first.max(m.first + 1);
            m.first += 1;
            // One word left: what it is, the name's shape (or the
            // organisation's word taken off) no longer says.
            let single = m.end - m.name_first == 1;
            let shaped = m.class == NameClass::Person
                || m.class == NameClass::Organization
                    && m.canonical.is_none()
                    && !self.tokens[m.name_first].is(class::ORG_WORD);
            if single && shaped && !m.has_role() && m.gender.is_none() {
                m.class = NameClass::Unknown;
            }
        }
        m
    }

    /// "Kremlin spokesman ...": the Kremlin is mentioned too.
    fn note_organisations_in_role(&mut self, m: &NameMention) {
        for k in m.first..m.name_first {
            if let Some(known) = lexicon().known(self.str(k, k + 1))
                && known.kind == crate::lexicon::KnownKind::Organization
            {
                let org = match self.t.by_canonical.get(&known.canonical) {
                    Some(&org) => org,
                    None => {
                        let org = self.create(
                            lexicon().canonical[known.canonical as usize],
                            ActorKind::Organization,
                        );
                        self.t.by_canonical.insert(known.canonical, org);
                        org
                    }
                };
                let span = self.span(k, k + 1);
                self.t.drafts[org].mentions.push(span);
            }
        }
    }

    /// Is the name where a place would be: "in", "at" before it, and not
    /// owning what follows ("in Trump’s campaign")?
    fn located(&self, m: &NameMention) -> bool {
        let possessive = m.end < self.tokens.len()
            && matches!(self.str(m.end, m.end + 1), "’s" | "'s" | "’" | "'");
        m.first > 0
            && !possessive
            && matches!(
                self.str(m.first - 1, m.first),
                "in" | "at" | "across" | "near" | "outside" | "throughout"
            )
    }

    fn place_name(&mut self, m: &NameMention) -> usize {
        let name = self.str(m.name_first, m.end).to_string();
        let key = plain(&name);
        if let Some(c) = m.canonical {
            // The article's own spelling names the actor ("Kiev", "Kyiv"), unless it
            // is an abbreviation or a dateline in capitals ("U.S.", "KYIV").
            let spelled_out = name.chars().count() >= 4 && name.chars().any(char::is_lowercase);
            if let Some(&id) = self.t.by_canonical.get(&c) {
                if spelled_out && self.t.drafts[id].listed_name {
                    let old = self.t.drafts[id].name.clone();
                    self.rename(id, &name);
                    let d = &mut self.t.drafts[id];
                    d.aliases.push(old);
                    d.listed_name = false;
                }
                return id;
            }
            let kind = if m.class == NameClass::Place {
                ActorKind::Place
            } else {
                ActorKind::Organization
            };
            let canonical = lexicon().canonical[c as usize];
            let id = self.create(if spelled_out { &name } else { canonical }, kind);
            self.t.drafts[id].listed_name = !spelled_out;
            self.t.by_canonical.insert(c, id);
            self.t.by_key.insert(key, id);
            return id;
        }
        if let Some(&id) = self.t.by_key.get(&key) {
            let d = &self.t.drafts[self.root(id)];
            let other_gender = d.gender.is_some() && m.gender.is_some() && d.gender != m.gender;
            if !other_gender {
                return id;
            }
        }
        let single = m.end - m.name_first == 1;
        if m.class == NameClass::Person && !m.has_role() && self.names_institution(m) {
            return self.place_organization(&name, key);
        }
        if self.names_members(m) {
            let id = self.create(&name, ActorKind::Group);
            self.t.by_key.insert(key, id);
            return id;
        }
        // "Police said", "Groups Launch Ads": an organisation's word alone,
        // capitalised by where it stands, names no organisation.
        if single
            && !m.has_role()
            && m.canonical.is_none()
            && m.class == NameClass::Organization
            && self.capital_says_nothing(m.name_first)
        {
            let head = lowercase_first(&name);
            let singular = head.strip_suffix('s').unwrap_or(&head).to_string();
            let group_key = format!("~{}", plain(&singular));
            if let Some(&id) = self.t.by_key.get(&group_key) {
                return id;
            }
            let id = self.create(&head, ActorKind::Group);
            self.t.by_key.insert(group_key, id);
            self.t
                .by_key
                .insert(format!("~head {}", plain(&singular)), id);
            return id;
        }
        match m.class {
            // "Martha laughed" after "Martha Greaves": the person met before.
            NameClass::Person if single && !m.has_role() => match self.t.lookup_single(&key) {
                Some(id) => id,
                None => self.place_person(m, &name, key),
            },
            NameClass::Person => self.place_person(m, &name, key),
            NameClass::Organization => self.place_organization(&name, key),
            NameClass::Place => {
                let id = self.create(&name, ActorKind::Place);
                self.t.by_key.insert(key, id);
                id
            }
            NameClass::Unknown => {
                if let Some(id) = self.t.lookup_single(&key) {
                    return id;
                }
                let kind = if m.has_role() {
                    ActorKind::Person
                } else {
                    ActorKind::Other
                };
                let id = self.create(&name, kind);
                self.t.drafts[id].provisional = !m.has_role();
                self.t.by_key.insert(key.clone(), id);
                self.t.by_surname.entry(key).or_default().push(id);
                id
            }
        }
    }

    /// A person's name before the institution named after them: "Walter Reed
    /// hospital", "Johns Hopkins University" written "Johns Hopkins university".
    fn names_institution(&self, m: &NameMention) -> bool {
        const INSTITUTIONS: [&str; 15] = [
            "hospital",
            "university",
            "college",
            "school",
            "academy",
            "clinic",
            "institute",
            "foundation",
            "center",
            "centre",
            "library",
            "museum",
            "airport",
            "stadium",
            "arena",
        ];
        m.end < self.tokens.len()
            && !self.tokens[m.end].has(flag::CAPITALIZED)
            && INSTITUTIONS.contains(&self.str(m.end, m.end + 1))
    }

    /// Members of a party or people of a place, not one entity: "Democrats",
    /// "Reagan Democrats", "New Yorkers".
    fn names_members(&self, m: &NameMention) -> bool {
        if m.has_role() || self.tokens[m.name_first].is(class::FIRST_NAME) {
            return false;
        }
        let last = self.str(m.end - 1, m.end);
        let Some(singular) = last.strip_suffix('s') else {
            return false;
        };
        let lex = lexicon();
        lex.word(last).is(class::GROUP_SPEAKER) || lex.word(singular).is(class::DEMONYM)
    }

    fn place_person(&mut self, m: &NameMention, name: &str, key: String) -> usize {
        let words: Vec<&str> = name.split_whitespace().collect();
        let mut last = words.len() - 1;
        while last > 0 && NAME_SUFFIXES.contains(&plain(words[last]).as_str()) {
            last -= 1;
        }
        let surname = plain(words[last].trim_end_matches(','));
        let first = plain(words[0]);
        let single = words.len() == 1;
        let suffixed = last + 1 < words.len();
        let same = self.same_person(m, &surname, &first, single, suffixed);
        let id = match same {
            Some(id) => {
                let d = &mut self.t.drafts[id];
                if (d.provisional || d.gender_guessed) && !single {
                    d.gender = m.gender.or(d.gender);
                    d.gender_guessed = false;
                }
                if self.t.drafts[id].provisional && !single {
                    self.rename(id, name);
                    self.t.drafts[id].provisional = false;
                }
                id
            }
            None => self.new_person(m, name, surname, single),
        };
        let d = &mut self.t.drafts[id];
        d.kind = ActorKind::Person;
        if !single {
            d.suffixed = Some(suffixed);
        }
        if !single && !d.first_names.contains(&first) {
            d.first_names.push(first.clone());
            self.t
                .by_first_name
                .entry(first_name_key(&first))
                .or_default()
                .push(id);
        }
        if words.len() > d.name.split_whitespace().count() && !d.provisional {
            self.rename(id, name);
        }
        self.t.by_key.insert(key, id);
        id
    }

    /// The person already met whom a mention of `surname` (with `first`, a
    /// lone word when `single`, with a suffix when `suffixed`) names: the same
    /// surname with a compatible first name, gender and suffix; of several,
    /// the one who held the mention's role, else the one named last.
    fn same_person(
        &self,
        m: &NameMention,
        surname: &str,
        first: &str,
        single: bool,
        suffixed: bool,
    ) -> Option<usize> {
        // The same surname with a compatible first name (and no other gender:
        // Mrs. Bennet is not Mr. Bennet; no other suffix: Donald Trump Jr. is
        // not Donald Trump) is the same person.
        let fits = |d: &Draft| {
            // A lone word's gender is a guess from the list of first names:
            // "Clinton" may be Hillary.
            let same_gender = d.gender.is_none()
                || m.gender.is_none()
                || d.gender == m.gender
                || d.provisional
                || d.gender_guessed;
            let same_suffix = single || d.suffixed.is_none_or(|s| s == suffixed);
            same_gender
                && same_suffix
                && (d.provisional
                    || single
                    || d.first_names.is_empty()
                    || d.first_names
                        .iter()
                        .any(|f| compatible_first_names(f, first)))
        };
        // Of several (a surname alone: "Vice President Biden" after "Joe and
        // Hunter Biden"), the one who held the role, else the one named last.
        let role: Vec<String> = if m.has_role() {
            plain(self.str(m.first, m.name_first))
                .split(' ')
                .filter(|w| lexicon().word(w).is(class::TITLE) && !identity::is_honorific(w))
                .map(str::to_string)
                .collect()
        } else {
            Vec::new()
        };
        let held = |d: &Draft| {
            d.role_keys
                .iter()
                .any(|r| r.split([' ', '-']).any(|w| role.iter().any(|x| x == w)))
        };
        let mut candidates: Vec<usize> = self
            .t
            .by_surname
            .get(surname)
            .into_iter()
            .flatten()
            .map(|&i| self.root(i))
            .filter(|&i| fits(&self.t.drafts[i]))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        // Which of two Bidens "Vice President Biden" is, only a role they held
        // can say: without one, the surname with its role stands alone.
        let ambiguous = single
            && !role.is_empty()
            && candidates.len() > 1
            && !candidates.iter().any(|&i| held(&self.t.drafts[i]));
        candidates
            .into_iter()
            .filter(|_| !ambiguous)
            .max_by_key(|&i| {
                let d = &self.t.drafts[i];
                (held(d), d.mentions.last().copied(), std::cmp::Reverse(i))
            })
    }

    /// A new person for a name mention no one met so far fits (`single`: a
    /// name of one word).
    fn new_person(&mut self, m: &NameMention, name: &str, surname: String, single: bool) -> usize {
        // "Mrs. Bennet": a surname alone keeps its form of address as its name.
        let role = if m.has_role() {
            self.str(m.first, m.name_first)
        } else {
            ""
        };
        let addressed = single && identity::is_honorific(role);
        let shown = if addressed {
            format!("{role} {name}")
        } else {
            name.to_string()
        };
        let id = self.create(&shown, ActorKind::Person);
        self.t.by_surname.entry(surname).or_default().push(id);
        id
    }

    fn place_organization(&mut self, name: &str, key: String) -> usize {
        let stripped = key.trim_start_matches("the ").to_string();
        if let Some(&id) = self.t.by_key.get(&stripped) {
            return id;
        }
        // "The Post" after "The New York Post": the shorter name's words are all in
        // the longer one, ending the same way.
        let words: Vec<&str> = stripped.split(' ').collect();
        // The latest organisation whose name ends the same way, or whose
        // initials this is.
        let mut candidates: Vec<usize> = words
            .last()
            .and_then(|w| self.t.by_last_word.get(*w))
            .into_iter()
            .chain(
                (words.len() == 1)
                    .then(|| self.t.by_initials.get(words[0]))
                    .flatten(),
            )
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        candidates.dedup();
        let found = candidates.into_iter().find(|&id| {
            let d = &self.t.drafts[id];
            if d.kind != ActorKind::Organization || d.merged_into.is_some() {
                return false;
            }
            let other = d.key.trim_start_matches("the ");
            let ow = || other.split(' ');
            (ow().count() > words.len()
                && ow().next_back() == words.last().copied()
                && words.iter().all(|w| ow().any(|o| o == *w)))
                || (words.len() == 1 && initials(ow()) == words[0])
        });
        let id = match found {
            Some(id) => id,
            None => self.create(
                name.trim_start_matches("the ").trim_start_matches("The "),
                ActorKind::Organization,
            ),
        };
        self.t.by_key.insert(stripped, id);
        self.t.by_key.insert(key, id);
        id
    }

    /// Resolves the speaker of every frame, in text order. Returns one attribution
    /// per frame, and one per pronoun that is the subject of an action beat
    /// (`beats`, token indices in text order: "He turned a page.").
    pub fn resolve_frames(
        &mut self,
        names: &[NameMention],
        frames: &[Frame],
        beats: &[usize],
    ) -> (Vec<Attribution>, Vec<Attribution>) {
        let mut out: Vec<Attribution> = Vec::with_capacity(frames.len());
        let mut beat_out: Vec<Attribution> = Vec::with_capacity(beats.len());
        let mut next_name = 0;
        let mut next_beat = 0;
        // Name mentions before `at` make their actors salient; beat pronouns
        // among them are resolved where they stand.
        let mut advance = |this: &mut Self, at: usize, beat_out: &mut Vec<Attribution>| loop {
            let name_at = names.get(next_name).map_or(usize::MAX, |m| m.first);
            let beat_at = beats.get(next_beat).copied().unwrap_or(usize::MAX);
            if name_at.min(beat_at) >= at {
                break;
            }
            if name_at < beat_at {
                this.note_name(names, next_name);
                next_name += 1;
            } else {
                let sentence = this.sentence_of(beat_at);
                let actor = this.resolve_pronoun(beat_at, sentence, &[]);
                let mention = Some(this.span(beat_at, beat_at + 1));
                if let Some(actor) = actor {
                    this.push_focus(Focus {
                        actor,
                        at: this.base + this.tokens[beat_at].start as usize,
                        sentence,
                        subject: true,
                        speaker: false,
                        quoted: false,
                    });
                }
                beat_out.push(Attribution { actor, mention });
                next_beat += 1;
            }
        };
        for frame in frames {
            let at = match frame.speaker {
                Some(Speaker::Phrase(p)) => p.first.min(frame.cue.0),
                _ => frame.cue.0,
            };
            advance(self, at, &mut beat_out);
            let attribution = match frame.speaker {
                None | Some(Speaker::Unstated) => Attribution::default(),
                Some(Speaker::SameAs(k)) => out.get(k).copied().unwrap_or_default(),
                Some(Speaker::Phrase(p)) => self.resolve_phrase(names, frame, p),
            };
            if let Some(actor) = attribution.actor {
                let actor = self.root(actor);
                self.t.drafts[actor].speaks = true;
                // An apposition is a role when it names one: "a scholar at ...",
                // "spokeswoman for ...", not "commenting before ...".
                let describes = frame
                    .apposition
                    .is_some_and(|(a, _)| self.tokens[a].is(class::DETERMINER | class::TITLE));
                if let Some((a, b)) = frame.apposition.filter(|_| describes) {
                    let role = self.str(a, b).to_string();
                    let role = role
                        .trim_start_matches("a ")
                        .trim_start_matches("an ")
                        .trim_start_matches("the ");
                    if self.t.drafts[actor].kind == ActorKind::Person
                        && role.split_whitespace().count() <= 10
                    {
                        self.add_role(actor, role);
                    }
                }
                let token = match frame.speaker {
                    Some(Speaker::Phrase(p)) => p.first,
                    _ => frame.cue.0,
                };
                let at = self.base + self.tokens[token].start as usize;
                self.push_focus(Focus {
                    actor,
                    at,
                    sentence: self.sentence_base + frame.sentence,
                    subject: true,
                    speaker: true,
                    quoted: false,
                });
            }
            out.push(attribution);
        }
        advance(self, usize::MAX, &mut beat_out);
        (out, beat_out)
    }

    /// Remembers what made an actor salient; entries far behind the text being
    /// read can no longer win a pronoun and are dropped, keeping memory flat.
    fn push_focus(&mut self, focus: Focus) {
        if self.t.focus.len() >= FOCUS_KEEP * 2 {
            self.t.focus.drain(..self.t.focus.len() - FOCUS_KEEP);
        }
        self.t.focus.push(focus);
    }

    fn note_name(&mut self, names: &[NameMention], k: usize) {
        let Some(actor) = self.name_actor[k] else {
            return;
        };
        let actor = self.root(actor);
        let m = &names[k];
        let sentence = self.sentence_of(m.first);
        self.push_focus(Focus {
            actor,
            at: self.base + self.tokens[m.first].start as usize,
            sentence,
            subject: m.subject,
            speaker: false,
            quoted: m.quoted,
        });
    }

    /// The article-wide index of the sentence holding a token of this chunk.
    fn sentence_of(&self, token: usize) -> usize {
        self.sentence_base + self.sentences.partition_point(|s| s.end <= token)
    }

    fn resolve_phrase(&mut self, names: &[NameMention], frame: &Frame, p: Phrase) -> Attribution {
        let mention = Some(self.span(p.first, p.end));
        let actor = match p.kind {
            PhraseKind::Pronoun => {
                // Names inside what the speaker says are whom they talk to or
                // about, not who they are: "“Oh, Doctor,” she cried".
                let said: Vec<(usize, usize)> = frame
                    .contents
                    .iter()
                    .map(|&(a, b)| {
                        (
                            self.base + self.tokens[a].start as usize,
                            self.base + self.tokens[b - 1].end as usize,
                        )
                    })
                    .collect();
                self.resolve_pronoun(p.first, self.sentence_base + frame.sentence, &said)
            }
            PhraseKind::Proper => self.resolve_proper(names, p),
            PhraseKind::Common => self.resolve_description(names, p),
            PhraseKind::Relative => match frame.antecedent {
                Some(a) if a.kind == PhraseKind::Proper => self.resolve_proper(names, a),
                Some(a) if a.kind == PhraseKind::Common => self.resolve_description(names, a),
                _ => None,
            },
        };
        if let Some(a) = actor
            && matches!(p.kind, PhraseKind::Proper | PhraseKind::Common)
        {
            let span = self.span(p.first, p.end);
            let d = &mut self.t.drafts[a];
            d.mentions.push(span);
        }
        Attribution { actor, mention }
    }

    /// People named as the subject of a sentence, in text order: who an action
    /// beat before a quotation is about. Names inside quotations do not count.
    pub fn person_subjects(&self, names: &[NameMention]) -> Vec<Attribution> {
        names
            .iter()
            .zip(&self.name_actor)
            .filter(|(m, _)| m.subject && !m.quoted)
            .filter_map(|(m, a)| {
                let actor = self.root((*a)?);
                (self.t.drafts[actor].kind == ActorKind::Person).then(|| Attribution {
                    actor: Some(actor),
                    mention: Some(self.span(m.first, m.end)),
                })
            })
            .collect()
    }

    /// Name mentions inside a token range.
    fn names_in(&self, names: &[NameMention], first: usize, end: usize) -> std::ops::Range<usize> {
        let a = names.partition_point(|m| m.end <= first);
        let b = names.partition_point(|m| m.first < end);
        a..b.max(a)
    }

    fn resolve_proper(&mut self, names: &[NameMention], p: Phrase) -> Option<usize> {
        let range = self.names_in(names, p.first, p.end);
        // "Tom Berg of Brookfield": a preposition right after a name ends the
        // phrase's head; what follows says where the speaker is from.
        let head = (p.first + 1..p.end)
            .find(|&k| {
                let t = &self.tokens[k];
                t.is(class::PREPOSITION)
                    && !t.is_capitalized()
                    && range.clone().any(|n| names[n].end == k)
            })
            .map_or(p.end - 1, |k| k - 1);
        // The name that holds the phrase's head, else the last name in it.
        let pick = range
            .clone()
            .rev()
            .find(|&k| names[k].first <= head && head < names[k].end);
        let Some(k) = pick else {
            return self.resolve_description(names, p);
        };
        let m = &names[k];
        // "Officials said": a common word that only opens the sentence is a
        // description, not a name.
        if self.name_actor[k].is_none() && self.common_word_named(m) {
            return self.resolve_description(names, p);
        }
        let id = match self.name_actor[k] {
            Some(id) => self.root(id),
            None => {
                // A weak name that turns out to speak: it is an actor after all.
                let mut strong = self.without_opening_word(m);
                strong.weak = false;
                let m = &strong;
                let id = self.place_name(&strong);
                let id = self.root(id);
                self.name_actor[k] = Some(id);
                let span = self.span(m.first, m.end);
                let name = self.str(m.name_first, m.end);
                let d = &mut self.t.drafts[id];
                d.mentions.push(span);
                d.note_form(name);
                id
            }
        };
        if self.t.drafts[id].provisional {
            self.t.drafts[id].kind = ActorKind::Person;
        }
        Some(id)
    }

    /// "the Russian president", "a spokesperson for Google", "officials".
    fn resolve_description(&mut self, names: &[NameMention], p: Phrase) -> Option<usize> {
        if let Some(subject) = self.copula_subject(names, p) {
            return Some(subject);
        }
        let d = self.describe(p);
        if self.tokens[d.head].is(class::TITLE)
            && let Some(a) = self.role_holder(&d, p)
        {
            return Some(a);
        }
        // An organisation named inside: "a spokesperson for Google", "State Department officials".
        for k in self.names_in(names, p.first, p.end).rev() {
            if let Some(id) = self.name_actor[k].map(|i| self.root(i))
                && self.t.drafts[id].kind == ActorKind::Organization
            {
                return Some(id);
            }
        }
        // An unnamed speaker: "officials", "a source", "the report"; a head
        // that cannot speak ("an assault that threatened ...") names no one.
        let can_speak = self.tokens[d.head]
            .is(class::GROUP_SPEAKER | class::TITLE | class::ORG_WORD)
            || d.capital
            || d.people;
        if !can_speak {
            return None;
        }
        // "the agency" after "the Food Standards Agency".
        if d.definite
            && d.modifiers.is_empty()
            && self.tokens[d.head].is(class::ORG_WORD)
            && let Some(id) = self.salient_organisation(&d.head_word, p.first)
        {
            return Some(id);
        }
        // "Indiana State Police reported ..., but the agency said": a noun any
        // organisation goes by takes up the only one just named.
        if d.definite
            && d.modifiers.is_empty()
            && is_generic_organization_noun(&d.head_word)
            && let Some(id) = self.only_organisation_near(p.first)
        {
            return Some(id);
        }
        // "His office said", "her spokesman": the description is its owner's.
        if let Some(owner) = self.owner(p) {
            return Some(self.owned(owner, p, &d));
        }
        self.unnamed(names, p, d)
    }

    /// Whom the possessive opening a description means ("his" in "his
    /// office", "its" in "its lawyers"): the most salient actor that fits it.
    fn owner(&mut self, p: Phrase) -> Option<usize> {
        if p.end - p.first < 2 {
            return None;
        }
        let wanted = match plain(self.str(p.first, p.first + 1)).as_str() {
            "his" => Want::Person(Some(Gender::Male)),
            "her" => Want::Person(Some(Gender::Female)),
            // "their" is left alone: which group it means is seldom clear.
            "its" => Want::Thing,
            _ => return None,
        };
        let sentence = self.sentence_of(p.first);
        let found = self.salient(wanted, p.first, sentence, &[])?;
        Some(self.t.drafts[found].owner.unwrap_or(found))
    }

    /// The actor a description of `owner`'s stands for ("Eric Holcomb's
    /// office"), one per owner and description.
    fn owned(&mut self, owner: usize, p: Phrase, d: &Description) -> usize {
        let what = self.description_name(p.first + 1, p.end);
        let key = format!("~of {owner} {}", plain(&what));
        if let Some(&id) = self.t.by_key.get(&key) {
            return self.root(id);
        }
        let name = format!("{}’s {what}", self.t.drafts[owner].name);
        let kind = if self.tokens[d.head].is(class::ORG_WORD) {
            ActorKind::Organization
        } else {
            ActorKind::Group
        };
        let id = self.create(&name, kind);
        let singular = d.head_key == d.head_word;
        // "her spokesman": a title names one person.
        self.t.drafts[id].personal = singular && self.tokens[d.head].is(class::TITLE);
        self.t.drafts[id].owner = Some(owner);
        self.t.by_key.insert(key, id);
        id
    }

    /// "Morrison was the third witness who ...": a description after "was"
    /// says who the name before it is. The phrase may begin after its article
    /// and modifiers ("pilot" of "the only pilot").
    fn copula_subject(&self, names: &[NameMention], p: Phrase) -> Option<usize> {
        let modifier = |t: &Token| {
            t.is_word()
                && !t.is_capitalized()
                && t.info().verb.is_none()
                && !t.is(class::BE | class::PREPOSITION | class::CONJUNCTION)
        };
        let mut be = p.first;
        while be > 0 && be + 3 > p.first && modifier(&self.tokens[be - 1]) {
            be -= 1;
        }
        let be = be
            .checked_sub(1)
            .filter(|&k| k > 0 && self.tokens[k].is(class::BE))?;
        self.names_in(names, be - 1, be)
            .find(|&k| names[k].end == be)
            .and_then(|k| self.name_actor[k])
            .map(|id| self.root(id))
    }

    /// The parts of a description that say whom it may mean.
    fn describe(&self, p: Phrase) -> Description {
        let head = p.end - 1;
        let head_word = plain(self.str(head, p.end));
        let modifiers: Vec<String> = (p.first..head)
            .filter(|&k| {
                let t = &self.tokens[k];
                t.kind == TokenKind::Word && !t.is(class::DETERMINER)
            })
            .map(|k| plain(self.str(k, k + 1)))
            .collect();
        let head_key = if head_word.ends_with('s') && !head_word.ends_with("ss") {
            head_word[..head_word.len() - 1].to_string()
        } else {
            head_word.clone()
        };
        let determiner = plain(self.str(p.first, p.first + 1));
        // "Delegates said", "Proponents say": a plural noun that opens the
        // sentence may be people.
        let people = head_key != head_word
            && self.tokens[head].has(flag::CAPITALIZED)
            && crate::lexicon::english_word(&head_key);
        Description {
            head,
            people,
            capital: self.tokens[head].has(flag::CAPITALIZED) && !self.capital_says_nothing(head),
            definite: determiner == "the",
            // "a source", "one person", "another official": someone new each time.
            indefinite: matches!(determiner.as_str(), "a" | "an" | "one" | "another")
                && head_key == head_word,
            head_word,
            head_key,
            modifiers,
        }
    }

    /// Is token `k` capitalised only because it opens its sentence or stands
    /// in a headline: a common word ("Officials said", "Police Name
    /// Suspect"), not a name?
    fn capital_says_nothing(&self, k: usize) -> bool {
        let at = self.chunk_sentence(k);
        let s = &self.sentences[at];
        // Sentences inside a quotation start after its inner full stops.
        let inner = (s.first..k)
            .rev()
            .find(|&j| !matches!(self.tokens[j].kind, TokenKind::Quote(_)))
            .is_some_and(|j| {
                let mark = self.str(j, j + 1);
                self.tokens[j].kind == TokenKind::Punct
                    && (is_terminal(mark) || matches!(mark, ":" | "—" | "–"))
            });
        // A quotation opening inside the sentence: “There is ...”.
        let quoted = k > s.first
            && matches!(self.tokens[k - 1].kind, TokenKind::Quote(_))
            && self.tokens[k - 1].has(flag::SPACE_BEFORE);
        // A headline in capitals before the paragraph's text ("HOW TO SPOT
        // BEDBUGS Before you start") is a headline, and its text opens a sentence.
        let lead = self.finder.caps_lead(s.first, s.end);
        let headline = self.headline[at] || lead.is_some_and(|e| k < e);
        let from = lead.filter(|&e| e <= k).unwrap_or(s.first);
        let opens = inner || quoted || (from..k).all(|j| !self.tokens[j].is_word());
        let t = &self.tokens[k];
        let word = plain(self.str(k, k + 1));
        // A word in capitals says nothing in a headline ("LOOK: ..."); in the
        // text, it may be a transcript's speaker ("PENCE: ...").
        (opens || headline)
            && t.kind == TokenKind::Word
            && (!t.has(flag::ALL_CAPS) || headline)
            && !t.is(class::FIRST_NAME)
            && crate::lexicon::english_word(&word)
            && !self.finder.capitalised_inside(&word)
            && !is_demonym_plural(&word)
    }

    /// The index in this chunk of the sentence that holds token `k`.
    fn chunk_sentence(&self, k: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= k)
            .min(self.sentences.len() - 1)
    }

    /// Does token `k` stand in a headline: the title, a paragraph in title
    /// case or in capitals?
    fn in_headline(&self, k: usize) -> bool {
        self.headline[self.chunk_sentence(k)]
    }

    /// A description's words as a name: those capitalised only by where they
    /// stand in lowercase ("Officials" is "officials").
    fn description_name(&self, first: usize, end: usize) -> String {
        let mut name = String::new();
        for k in first..end {
            let t = &self.tokens[k];
            if k > first && t.has(flag::SPACE_BEFORE) {
                name.push(' ');
            }
            let word = self.str(k, k + 1);
            if !self.capital_says_nothing(k) {
                name.push_str(word);
            } else if t.has(flag::ALL_CAPS) {
                name.push_str(&word.to_lowercase());
            } else {
                name.push_str(&lowercase_first(word));
            }
        }
        name
    }

    /// A role seen earlier with a name: "Russian President Vladimir Putin" for
    /// "the Russian president"; the last in focus first, then the first to take
    /// the role.
    fn role_holder(&mut self, d: &Description, p: Phrase) -> Option<usize> {
        let head_word = d.head_word.as_str();
        let heads = ROLE_SYNONYMS
            .iter()
            .find(|(word, _)| *word == head_word)
            .map_or(&[][..], |(_, same)| *same);
        let mut holders: Vec<usize> = std::iter::once(head_word)
            .chain(heads.iter().copied())
            .filter_map(|w| self.t.by_role_word.get(w))
            .flatten()
            .copied()
            .collect();
        holders.sort_unstable();
        holders.dedup();
        let fits = |a: usize| {
            let dr = &self.t.drafts[a];
            dr.kind == ActorKind::Person
                && dr.merged_into.is_none()
                && dr.role_keys.iter().any(|r| {
                    let words = || r.split([' ', '-']);
                    (words().any(|w| w == head_word || heads.contains(&w)))
                        && d.modifiers.iter().all(|m| words().any(|w| w == m))
                })
        };
        let found = self
            .t
            .focus
            .iter()
            .rev()
            .map(|f| f.actor)
            .filter(|a| holders.binary_search(a).is_ok())
            .chain(holders.iter().copied())
            .find(|&a| fits(a))?;
        let alias = self.str(p.first, p.end).to_string();
        let alias = alias.trim_start_matches("the ").trim_start_matches("The ");
        self.add_alias(found, alias);
        Some(found)
    }

    /// The organisations named before token `before`, latest first, back to
    /// `sentences_back` sentences before its own.
    fn organisations_before(
        &self,
        before: usize,
        sentences_back: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        let at = self.base + self.tokens[before].start as usize;
        let sentence = self.sentence_of(before);
        self.t
            .focus
            .iter()
            .rev()
            .filter(move |f| f.at < at && !f.quoted)
            .take_while(move |f| sentence.saturating_sub(f.sentence) <= sentences_back)
            .map(|f| self.root(f.actor))
            .filter(|&a| self.t.drafts[a].kind == ActorKind::Organization)
    }

    /// The organisation last named before token `before` whose name holds the
    /// word `head` ("Agency" for "the agency"), a few sentences back at most.
    fn salient_organisation(&self, head: &str, before: usize) -> Option<usize> {
        self.organisations_before(before, 5).find(|&a| {
            let d = &self.t.drafts[a];
            std::iter::once(&d.name)
                .chain(&d.aliases)
                .any(|n| n.split_whitespace().any(|w| plain(w) == head))
        })
    }

    /// The one organisation named before token `before` in its sentence and
    /// the one before it; `None` where there are none or several.
    fn only_organisation_near(&self, before: usize) -> Option<usize> {
        let mut near = self.organisations_before(before, 1);
        let first = near.next()?;
        near.all(|a| a == first).then_some(first)
    }

    /// An unnamed speaker: the one this description took up before, or a new
    /// one. Indefinite descriptions ("a source", "another official") are
    /// someone new each time.
    fn unnamed(&mut self, names: &[NameMention], p: Phrase, d: Description) -> Option<usize> {
        let mut words: Vec<String> = d.modifiers.clone();
        words.push(d.head_key.clone());
        let key = format!("~{}", words.join(" "));
        if !d.indefinite
            && let Some(&id) = self.t.by_key.get(&key)
        {
            return Some(id);
        }
        // "the Doctor", "the Colonel": a capitalised title used as a name is the
        // actor of that name.
        let named = words.len() == 1 && d.capital;
        if named && let Some(&id) = self.t.by_key.get(&d.head_word) {
            let id = self.root(id);
            if self.t.drafts[id].provisional && self.tokens[d.head].is(class::TITLE) {
                self.t.drafts[id].kind = ActorKind::Person;
            }
            return Some(id);
        }
        // "the authority" after "the harbour authority": a definite description
        // takes up the last one with the same head.
        let head_ref = format!("~head {}", d.head_key);
        if d.definite
            && let Some(&id) = self.t.by_key.get(&head_ref)
        {
            return Some(self.root(id));
        }
        let first = (p.first..p.end)
            .find(|&k| !self.tokens[k].is(class::DETERMINER))
            .unwrap_or(p.first);
        let name = self.description_name(first, p.end);
        let singular = d.head_key == d.head_word;
        // "the Clinton campaign": an organisation's word after a name.
        let kind = if self.tokens[d.head].is(class::ORG_WORD)
            && !self.names_in(names, p.first, d.head).is_empty()
        {
            ActorKind::Organization
        } else if named && self.tokens[d.head].is(class::TITLE) && singular {
            ActorKind::Person
        } else {
            ActorKind::Group
        };
        let id = self.create(&name, kind);
        // "the doctor", "a spokesperson": a title names one person.
        self.t.drafts[id].personal = singular && self.tokens[d.head].is(class::TITLE);
        if kind == ActorKind::Organization {
            self.t.drafts[id].note_form(&name);
        }
        if !d.indefinite {
            self.t.by_key.insert(key, id);
        }
        self.t.by_key.insert(head_ref, id);
        if named {
            self.t.by_key.insert(d.head_word, id);
        }
        Some(id)
    }

    /// he, she, they, it: the most salient compatible actor nearby.
    fn resolve_pronoun(
        &mut self,
        token: usize,
        sentence: usize,
        said: &[(usize, usize)],
    ) -> Option<usize> {
        let info = self.tokens[token].info();
        let wanted = if info.is(class::PRONOUN_M) {
            Want::Person(Some(Gender::Male))
        } else if info.is(class::PRONOUN_F) {
            Want::Person(Some(Gender::Female))
        } else if info.is(class::PRONOUN_PL) {
            Want::Group
        } else if info.is(class::PRONOUN_N) {
            Want::Thing
        } else {
            return None; // I, we: the writer
        };
        self.salient(wanted, token, sentence, said)
    }

    /// The most salient actor before token `token` that fits `wanted`.
    fn salient(
        &mut self,
        wanted: Want,
        token: usize,
        sentence: usize,
        said: &[(usize, usize)],
    ) -> Option<usize> {
        let at = self.base + self.tokens[token].start as usize;
        let mut best: Option<(i64, usize)> = None;
        for (rank, f) in self.t.focus.iter().rev().enumerate() {
            // Names inside quotations are whom speakers talk to or about.
            if f.at >= at || f.quoted || said.iter().any(|&(a, b)| (a..b).contains(&f.at)) {
                continue;
            }
            let distance = sentence.saturating_sub(f.sentence) as i64;
            if distance > 6 || rank > 60 {
                break;
            }
            let actor = self.root(f.actor);
            if !self.compatible(actor, wanted) {
                continue;
            }
            let mut score = -3 * distance;
            if f.speaker {
                score += 4;
            }
            if f.subject {
                score += 2;
            }
            if f.sentence == sentence {
                score += 1;
            }
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, actor));
            }
        }
        let (_, actor) = best?;
        if let Want::Person(g) = wanted {
            let d = &mut self.t.drafts[actor];
            d.person_evidence = true;
            if d.kind != ActorKind::Group {
                d.kind = ActorKind::Person;
            }
            d.gender = d.gender.or(g);
        }
        Some(actor)
    }

    fn compatible(&self, actor: usize, wanted: Want) -> bool {
        let d = &self.t.drafts[actor];
        match wanted {
            Want::Person(g) => {
                (d.kind == ActorKind::Person || d.provisional || d.personal)
                    && (g.is_none() || d.gender.is_none() || d.gender == g)
                    && !(d.provisional
                        && !d.speaks
                        && d.mentions.len() < 2
                        && d.kind != ActorKind::Person)
            }
            Want::Group => {
                let unnamed = matches!(d.kind, ActorKind::Group | ActorKind::Other)
                    && !d.provisional
                    && !d.personal;
                d.kind == ActorKind::Organization || (unnamed && d.name.ends_with('s'))
            }
            Want::Thing => {
                let unnamed = matches!(d.kind, ActorKind::Group | ActorKind::Other)
                    && !d.provisional
                    && !d.personal;
                d.kind == ActorKind::Organization
                    || (unnamed
                        && lexicon()
                            .word(d.name.split_whitespace().last().unwrap_or(""))
                            .is(class::GROUP_SPEAKER))
            }
        }
    }
}

/// What a description says about whom it means.
struct Description {
    /// The head word's token: "official" in "a senior official".
    head: usize,
    head_word: String,
    /// The head in the singular: "official" for "officials".
    head_key: String,
    /// Words before the head, determiners left out.
    modifiers: Vec<String>,
    /// The head is capitalised and the capital says it is a name ("the Doctor").
    capital: bool,
    /// A capitalised plural noun: "Delegates", "Proponents".
    people: bool,
    definite: bool,
    indefinite: bool,
}

/// "Officials" as "officials": a capital that only opened a sentence.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Person(Option<Gender>),
    Group,
    Thing,
}

/// For each sentence, whether it is a headline: the title, or in a paragraph
/// in title case.
fn headlines(finder: &NameFinder, sentences: &[Sentence], title: Option<Span>) -> Vec<bool> {
    let tokens = finder.tokens;
    let mut headline = vec![false; sentences.len()];
    let mut k = 0;
    while k < sentences.len() {
        let same = sentences[k..]
            .iter()
            .take_while(|s| s.paragraph == sentences[k].paragraph)
            .count();
        let (first, end) = (sentences[k].first, sentences[k + same - 1].end);
        let title_case = finder.title_case(first, end);
        headline[k..k + same].fill(title_case);
        k += same;
    }
    if let Some(title) = title {
        for (h, s) in headline.iter_mut().zip(sentences) {
            let t = &tokens[s.first];
            *h |= title.contains(&Span::new(t.start as usize, t.end as usize));
        }
    }
    headline
}

/// Sorts spans and drops any that overlap an earlier one (a name inside a
/// speaker phrase already recorded, say).
fn sort_disjoint(spans: &mut Vec<Span>) {
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut end = 0;
    spans.retain(|s| {
        let keep = s.start >= end;
        if keep {
            end = s.end;
        }
        keep
    });
}

/// Initials of the capitalised words of a name: "north atlantic treaty organization" → "nato".
/// The initials of a name's words, without "of", "the", "and", "for", "&".
fn initials<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words
        .into_iter()
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms() {
        assert_eq!(initials(["new", "york", "police", "department"]), "nypd");
        assert_eq!(initials(["bank", "of", "america"]), "ba");
    }
}
