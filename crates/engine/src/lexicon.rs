//! Word lists compiled in from `assets/lexicon/`.
//!
//! Every list is parsed once, on first use, into one table keyed by the lowercase
//! word, so the tokenizer classifies a word with a single lookup.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// Grammatical gender known for a first name, title or pronoun. More may
/// come (the neutral "Mx."), so matches need a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Gender {
    /// "he", "Mr.", "spokesman", "Sergey".
    Male,
    /// "she", "Mrs.", "spokeswoman", "Hillary".
    Female,
}

impl Gender {
    /// As JSON writes it: "male", "female".
    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    /// The gender a [`label`](Self::label) names.
    pub fn from_label(label: &str) -> Option<Gender> {
        [Gender::Male, Gender::Female]
            .into_iter()
            .find(|g| g.label() == label)
    }
}

/// Word classes, as bit flags on [`WordInfo::classes`].
pub(crate) mod class {
    pub const DETERMINER: u32 = 1 << 0;
    pub const PRONOUN_M: u32 = 1 << 1;
    pub const PRONOUN_F: u32 = 1 << 2;
    pub const PRONOUN_N: u32 = 1 << 3;
    pub const PRONOUN_PL: u32 = 1 << 4;
    pub const PRONOUN_1: u32 = 1 << 5;
    pub const PRONOUN_2: u32 = 1 << 6;
    pub const RELATIVE: u32 = 1 << 7;
    pub const AUXILIARY: u32 = 1 << 8;
    pub const ADVERB: u32 = 1 << 9;
    pub const PREPOSITION: u32 = 1 << 10;
    pub const CONJUNCTION: u32 = 1 << 11;
    pub const TIME: u32 = 1 << 12;
    pub const TITLE: u32 = 1 << 13;
    pub const GROUP_SPEAKER: u32 = 1 << 14;
    pub const ORG_WORD: u32 = 1 << 15;
    pub const DEMONYM: u32 = 1 << 16;
    pub const FIRST_NAME: u32 = 1 << 17;
    pub const REPORTING_VERB: u32 = 1 << 18;
    pub const ABBREV_TITLE: u32 = 1 << 19;
    pub const ABBREV_OTHER: u32 = 1 << 20;
    pub const PLACE_WORD: u32 = 1 << 21;
    /// As a reporting verb's object, says that nothing was reported: "said nothing".
    pub const EMPTY_OBJECT: u32 = 1 << 22;
    /// Denies or withholds what follows: "not", "n't", "never", "declined".
    pub const NEGATION: u32 = 1 << 23;
    /// A form of "be": with a participle, a passive ("was told").
    pub const BE: u32 = 1 << 24;
    /// Says no one is meant: "no group claimed", "nobody said", "neither side".
    pub const NOBODY: u32 = 1 << 25;
    /// A common irregular past tense ("left", "went", "took"): a clause's
    /// verb that no suffix shows.
    pub const IRREGULAR_PAST: u32 = 1 << 26;

    /// Any personal pronoun that can be the subject of a reporting verb.
    pub const SUBJECT_PRONOUN: u32 = PRONOUN_M | PRONOUN_F | PRONOUN_N | PRONOUN_PL | PRONOUN_1;
    /// Words that belong to the grammar rather than to a name.
    pub const FUNCTION: u32 = DETERMINER
        | PRONOUN_M
        | PRONOUN_F
        | PRONOUN_N
        | PRONOUN_PL
        | PRONOUN_1
        | PRONOUN_2
        | RELATIVE
        | AUXILIARY
        | PREPOSITION
        | CONJUNCTION;
}

/// How a reporting verb form behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbInfo {
    /// Index of the lemma in [`Lexicon::verb_lemmas`].
    pub lemma: u16,
    pub form: VerbForm,
    /// May take the hearer as object: "told reporters that".
    pub takes_object: bool,
    /// Belief or intention rather than speech.
    pub weak: bool,
    /// The content may be a plain noun phrase.
    pub np_content: bool,
    /// Never used as a parenthetical after the content.
    pub no_parenthetical: bool,
    /// The content may be an infinitive: "vowed to fight".
    pub infinitive: bool,
    /// Reports only quotations: "“...,” he continued".
    pub quote_only: bool,
    /// A particle that must follow ("pointed out"), as an index into [`PARTICLES`].
    pub particle: Option<u8>,
}

pub(crate) const PARTICLES: [&str; 4] = ["out", "up", "back", "on"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerbForm {
    /// say, says
    Present,
    /// said (past tense or participle)
    Past,
    /// saying
    Gerund,
}

/// Everything the lexicon knows about one lowercase word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    pub classes: u32,
    pub verb: Option<VerbInfo>,
    /// Gender from a gendered title or a first name.
    pub gender: Option<Gender>,
}

impl WordInfo {
    pub fn is(&self, classes: u32) -> bool {
        self.classes & classes != 0
    }
}

/// Kind of a multi-word name from the gazetteers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KnownKind {
    Place,
    Organization,
}

/// A known name: its kind and the index of its canonical form in [`Lexicon::canonical`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct KnownName {
    pub kind: KnownKind,
    pub canonical: u32,
}

pub(crate) struct Lexicon {
    /// Lowercase word (as bytes) to its id, an index into `infos`; id 0 is the
    /// unknown word.
    ids: FxHashMap<&'static [u8], u32>,
    infos: Vec<WordInfo>,
    /// Gazetteer names, keyed by their lowercase form with single spaces.
    known: FxHashMap<String, KnownName>,
    pub canonical: Vec<&'static str>,
    pub verb_lemmas: Vec<&'static str>,
    /// Verb chains before "to" ("went on"), as lowercase words; `*` is any
    /// capitalised word.
    pub verb_chains: Vec<Vec<&'static str>>,
}

macro_rules! asset {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/lexicon/",
            $name
        ))
    };
}

/// Lines of a list file without comments and blank lines.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn leak_lower(s: &str) -> &'static str {
    if s.chars().any(|c| c.is_uppercase()) {
        Box::leak(s.to_lowercase().into_boxed_str())
    } else {
        Box::leak(s.to_string().into_boxed_str())
    }
}

/// Regular English inflection of a verb lemma: (third person, past, gerund).
fn inflect(lemma: &str) -> (String, String, String) {
    let bytes = lemma.as_bytes();
    let last = *bytes.last().unwrap_or(&b'a') as char;
    let before_last = if bytes.len() >= 2 {
        bytes[bytes.len() - 2] as char
    } else {
        'a'
    };
    let vowel = |c: char| "aeiou".contains(c);
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        format!("{lemma}es")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let past = if last == 'e' {
        format!("{lemma}d")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    };
    let gerund = if last == 'e' && !lemma.ends_with("ee") && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    };
    (third, past, gerund)
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lex = Lexicon {
            ids: FxHashMap::default(),
            infos: vec![WordInfo::default()],
            known: FxHashMap::default(),
            canonical: Vec::new(),
            verb_lemmas: Vec::new(),
            verb_chains: entries(asset!("verb_chains.txt"))
                .map(|l| l.split_whitespace().collect())
                .collect(),
        };
        lex.load_function_words();
        for w in entries(asset!("time_words.txt")) {
            lex.add_class(w, class::TIME);
        }
        for line in entries(asset!("titles.txt")) {
            let (word, gender) = split_flags(line);
            lex.add_class(word, class::TITLE);
            if let Some(g) = parse_gender(gender) {
                lex.entry(word).gender = Some(g);
            }
        }
        for w in entries(asset!("group_speakers.txt")) {
            lex.add_class(w, class::GROUP_SPEAKER);
        }
        for w in entries(asset!("organization_words.txt")) {
            lex.add_class(w, class::ORG_WORD);
        }
        for w in entries(asset!("place_words.txt")) {
            lex.add_class(w, class::PLACE_WORD);
        }
        for w in entries(asset!("demonyms.txt")) {
            lex.add_class(w, class::DEMONYM);
        }
        for line in entries(asset!("first_names.tsv")) {
            let mut parts = line.split('\t');
            let name = parts.next().unwrap_or("");
            let gender = match parts.next().map(str::trim) {
                Some("m") => Some(Gender::Male),
                Some("f") => Some(Gender::Female),
                _ => None,
            };
            let info = lex.entry(name);
            info.classes |= class::FIRST_NAME;
            if info.gender.is_none() {
                info.gender = gender;
            }
        }
        let mut section = class::ABBREV_TITLE;
        for line in entries(asset!("abbreviations.txt")) {
            match line {
                "[title]" => section = class::ABBREV_TITLE,
                "[other]" => section = class::ABBREV_OTHER,
                w => lex.add_class(w, section),
            }
        }
        lex.load_verbs();
        lex.load_known(asset!("places.txt"), KnownKind::Place);
        lex.load_known(asset!("organizations.txt"), KnownKind::Organization);
        lex
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        let lower = word.to_lowercase();
        let id = match self.ids.get(lower.as_bytes()) {
            Some(&id) => id,
            None => {
                // Keys live as long as the program: the table is built once.
                let key: &'static str = Box::leak(lower.into_boxed_str());
                let id = self.infos.len() as u32;
                self.ids.insert(key.as_bytes(), id);
                self.infos.push(WordInfo::default());
                id
            }
        };
        &mut self.infos[id as usize]
    }

    fn add_class(&mut self, word: &str, class: u32) {
        self.entry(word).classes |= class;
    }

    fn load_function_words(&mut self) {
        let mut current = 0;
        for line in entries(asset!("function_words.txt")) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = match name {
                    "determiner" => class::DETERMINER,
                    "pronoun_m" => class::PRONOUN_M,
                    "pronoun_f" => class::PRONOUN_F,
                    "pronoun_n" => class::PRONOUN_N,
                    "pronoun_pl" => class::PRONOUN_PL,
                    "pronoun_1" => class::PRONOUN_1,
                    "pronoun_2" => class::PRONOUN_2,
                    "relative" => class::RELATIVE,
                    "auxiliary" => class::AUXILIARY,
                    "adverb" => class::ADVERB,
                    "preposition" => class::PREPOSITION,
                    "conjunction" => class::CONJUNCTION,
                    "empty_object" => class::EMPTY_OBJECT,
                    "negation" => class::NEGATION,
                    "be" => class::BE,
                    "nobody" => class::NOBODY,
                    "irregular_past" => class::IRREGULAR_PAST,
                    other => panic!("function_words.txt: unknown class [{other}]"),
                };
                continue;
            }
            self.add_class(line, current);
        }
    }

    fn load_verbs(&mut self) {
        for line in entries(asset!("reporting_verbs.txt")) {
            let (forms, flags) = split_flags(line);
            let forms: Vec<&str> = forms.split_whitespace().collect();
            let Some(&lemma) = forms.first() else {
                continue;
            };
            let lemma_index = self.verb_lemmas.len() as u16;
            self.verb_lemmas.push(leak_lower(lemma));
            let flag = |f: &str| flags.split_whitespace().any(|x| x == f);
            let particle = flags
                .split_whitespace()
                .find_map(|f| PARTICLES.iter().position(|p| *p == f))
                .map(|i| i as u8);
            let base = VerbInfo {
                lemma: lemma_index,
                form: VerbForm::Present,
                takes_object: flag("obj"),
                weak: flag("weak"),
                np_content: flag("np"),
                no_parenthetical: flag("noparen"),
                infinitive: flag("to"),
                quote_only: flag("quote"),
                particle,
            };
            let (third, regular_past, mut gerund) = inflect(lemma);
            let past = forms.get(1).map(|s| s.to_string()).unwrap_or(regular_past);
            let participle = forms.get(2).map(|s| s.to_string()).unwrap_or(past.clone());
            // A doubled consonant in the past ("admitted") doubles in the gerund too.
            if past.ends_with("ed") && past.len() == lemma.len() + 3 && !lemma.ends_with('e') {
                gerund = format!("{}ing", &past[..past.len() - 2]);
            }
            for (form, kind) in [
                (lemma.to_string(), VerbForm::Present),
                (third, VerbForm::Present),
                (past, VerbForm::Past),
                (participle, VerbForm::Past),
                (gerund, VerbForm::Gerund),
            ] {
                let info = self.entry(&form);
                info.classes |= class::REPORTING_VERB;
                if info.verb.is_none() {
                    info.verb = Some(VerbInfo { form: kind, ..base });
                }
            }
        }
    }

    fn load_known(&mut self, src: &'static str, kind: KnownKind) {
        for line in entries(src) {
            let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
            let Some(canonical) = names.next() else {
                continue;
            };
            let index = self.canonical.len() as u32;
            self.canonical.push(canonical);
            for name in std::iter::once(canonical).chain(names) {
                self.known.entry(normalize_name(name)).or_insert(KnownName {
                    kind,
                    canonical: index,
                });
            }
        }
    }

    /// The id of a word in any case; 0 when the lexicon does not know it.
    pub fn id(&self, word: &str) -> u32 {
        // Fast path: ASCII, with ’ read as ' ("don’t", "’s"), lowercased on the stack.
        let mut buf = [0u8; 40];
        let mut n = 0;
        let bytes = word.as_bytes();
        let mut i = 0;
        let mut simple = word.len() <= buf.len();
        while simple && i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                buf[n] = b.to_ascii_lowercase();
                i += 1;
            } else if bytes[i..].starts_with("’".as_bytes()) {
                buf[n] = b'\'';
                i += 3;
            } else {
                simple = false;
                break;
            }
            n += 1;
        }
        if simple {
            return self.ids.get(&buf[..n]).copied().unwrap_or(0);
        }
        let lower: String = word
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(&id) = self.ids.get(lower.as_bytes()) {
            return id;
        }
        // "Zoë" is "Zoe" to the word lists.
        let folded: String = lower.chars().map(fold_accent).collect();
        self.ids.get(folded.as_bytes()).copied().unwrap_or(0)
    }

    /// What the lexicon knows about the word with this id.
    pub fn info(&self, id: u32) -> &WordInfo {
        &self.infos[id as usize]
    }

    /// What the lexicon knows about a word, in any case.
    pub fn word(&self, word: &str) -> WordInfo {
        *self.info(self.id(word))
    }

    /// A gazetteer entry for a (possibly multi-word) name.
    pub fn known(&self, name: &str) -> Option<KnownName> {
        // Fast path: a short ASCII name in single spaces, lowercased on the stack.
        let mut buf = [0u8; 48];
        let simple = name.len() <= buf.len()
            && name.is_ascii()
            && !name.contains("  ")
            && !name.starts_with(' ')
            && !name.ends_with(' ')
            && !name.contains(['\t', '\n', '\r']);
        if simple {
            let b = &mut buf[..name.len()];
            b.copy_from_slice(name.as_bytes());
            b.make_ascii_lowercase();
            // Lowercased ASCII stays valid UTF-8.
            return std::str::from_utf8(b)
                .ok()
                .and_then(|key| self.known.get(key))
                .copied();
        }
        self.known.get(&normalize_name(name)).copied()
    }

    pub fn verb_lemma(&self, verb: &VerbInfo) -> &'static str {
        self.verb_lemmas[verb.lemma as usize]
    }
}

/// Lowercase, single-spaced, typographic apostrophes made plain: the key for names.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The base letter of an accented Latin letter.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        c => c,
    }
}

fn split_flags(line: &str) -> (&str, &str) {
    match line.split_once(':') {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (line.trim(), ""),
    }
}

fn parse_gender(flag: &str) -> Option<Gender> {
    match flag {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// The compiled-in lexicon.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// A list of full forms, each line the full form and then the short forms
/// that stand for it, as a map from short form to full form.
fn short_forms(src: &'static str) -> FxHashMap<&'static str, &'static str> {
    let mut map = FxHashMap::default();
    for line in entries(src) {
        let mut words = line.split_whitespace();
        if let Some(full) = words.next() {
            map.extend(words.map(|short| (short, full)));
        }
    }
    map
}

/// Short forms of titles to the word they stand for ("gov" is "governor").
static TITLE_ABBREVIATIONS: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| short_forms(asset!("title_abbreviations.txt")));

/// Short first names to the full name they stand for ("tim" is "timothy").
static NICKNAMES: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| short_forms(asset!("nicknames.txt")));

/// The full first name a short one stands for, if it is one (lowercase).
pub(crate) fn full_first_name(short: &str) -> Option<&'static str> {
    NICKNAMES.get(short).copied()
}

/// Nouns any organisation may go by ("the agency", "the company").
static GENERIC_ORGANIZATION_NOUNS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| entries(asset!("generic_organization_nouns.txt")).collect());

/// Is `word` (lowercase) a noun any organisation may go by?
pub(crate) fn is_generic_organization_noun(word: &str) -> bool {
    GENERIC_ORGANIZATION_NOUNS.contains(word)
}

/// A word of a role as roles compare: a title's short form is its full word
/// ("Gov." and "governor" are one title); any other word is itself. `word` is
/// lowercase.
pub(crate) fn full_title_word(word: &str) -> &str {
    let bare = word.strip_suffix('.').unwrap_or(word);
    TITLE_ABBREVIATIONS.get(bare).copied().unwrap_or(word)
}

/// English words (lowercase), the language's own words: what a word split by
/// a hyphen may rejoin into, and what a capital at a sentence's start does not
/// make a name.
static ENGLISH: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../assets/words/english.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Is `word` (any case) a title or office: "president", "spokesman", "sen."?
pub fn is_title(word: &str) -> bool {
    lexicon().word(word).is(class::TITLE)
}

/// Is `word` (lowercase) an English word?
pub fn english_word(word: &str) -> bool {
    ENGLISH.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_are_derived() {
        let lex = lexicon();
        for form in [
            "say",
            "says",
            "said",
            "saying",
            "told",
            "admitted",
            "admitting",
        ] {
            assert!(
                lex.word(form).verb.is_some(),
                "{form} should be a reporting verb"
            );
        }
        assert_eq!(lex.word("Said").verb.map(|v| v.form), Some(VerbForm::Past));
        assert!(lex.word("told").verb.is_some_and(|v| v.takes_object));
        assert!(lex.word("replies").verb.is_some());
        assert!(lex.word("tables").verb.is_none());
    }

    #[test]
    fn classes_and_genders() {
        let lex = lexicon();
        assert!(lex.word("The").is(class::DETERMINER));
        assert!(lex.word("spokesman").is(class::TITLE));
        assert_eq!(lex.word("spokeswoman").gender, Some(Gender::Female));
        assert_eq!(lex.word("Sergey").gender, Some(Gender::Male));
        assert_eq!(lex.word("Hillary").gender, Some(Gender::Female));
        assert!(lex.word("Thursday").is(class::TIME));
        assert!(lex.word("sen.").is(class::ABBREV_TITLE));
    }

    #[test]
    fn short_titles_read_as_their_full_word() {
        assert_eq!(full_title_word("gov."), "governor");
        assert_eq!(full_title_word("sen"), "senator");
        assert_eq!(full_title_word("governor"), "governor");
        assert_eq!(full_title_word("foreign"), "foreign");
        assert!(is_generic_organization_noun("agency"));
        assert!(!is_generic_organization_noun("department"));
    }

    #[test]
    fn gazetteer_aliases_share_a_canonical_name() {
        let lex = lexicon();
        let us = lex.known("U.S.").expect("U.S. is known");
        let full = lex.known("united  states").expect("United States is known");
        assert_eq!(us.canonical, full.canonical);
        assert_eq!(lex.canonical[us.canonical as usize], "United States");
        assert_eq!(
            lex.known("NATO").map(|k| k.kind),
            Some(KnownKind::Organization)
        );
    }
}
