//! Who an actor is, as far as names tell: the parts of a person's name, when
//! two first names can be one person's, which way of writing a name is a full
//! form, and the key that joins actors across articles.
//!
//! The key is the actor's kind and the normalised form of its canonical name:
//! `person:timothy morrison`, `organization:state department` (a known name by
//! its listed form: "Federal Bureau of Investigation" is `organization:fbi`),
//! `place:united states`. Nicknames are folded into the name they stand for
//! ("Tim" is "timothy"), middle names and initials are dropped, a suffix stays
//! ("Donald Trump Jr." is not his father). Descriptions ("officials", "a
//! source") have no key: they are different people in different articles;
//! nor has an organisation's word alone ("the Post", "the Council").

use super::model::ActorKind;
use crate::lexicon::{class, full_first_name, lexicon, normalize_name};

/// Forms of address that may stand before a surname in a name ("Mrs. Bennet").
pub(crate) const HONORIFICS: [&str; 10] = [
    "mr.", "mrs.", "ms.", "miss", "mx.", "mr", "mrs", "ms", "mx", "messrs.",
];

const SUFFIXES: [&str; 7] = ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"];

/// Lowercase words that belong to a surname: "van" in "Ludwig van Beethoven".
const PARTICLES: [&str; 14] = [
    "de", "del", "della", "der", "den", "van", "von", "bin", "al", "da", "di", "du", "la", "le",
];

/// A word of a name as keys compare it: lowercase, without full stops and
/// trailing commas.
fn key_word(word: &str) -> String {
    normalize_name(word)
        .trim_end_matches(',')
        .chars()
        .filter(|&c| c != '.')
        .collect()
}

/// A first name as keys compare it: "Tim" is "timothy", "J." is "j".
pub(crate) fn first_name_key(word: &str) -> String {
    let w = key_word(word);
    full_first_name(&w).map_or(w, str::to_string)
}

/// The full first name a short one stands for: "William" for "Will" (lowercase).
pub(crate) fn nickname_of(word: &str) -> Option<&'static str> {
    full_first_name(&key_word(word))
}

/// Is this word (any case) a name suffix: "Jr.", "III"?
pub(crate) fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&normalize_name(word).trim_end_matches(','))
}

/// Is this word (any case) a form of address: "Mrs.", "Mr"?
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&normalize_name(word).as_str())
}

/// "Dmitry" and "Dimitry", "J." and "John", "Tim" and "Timothy", "Dan" and
/// "Daniel": the same first name as far as we can tell (lowercase).
pub fn compatible_first_names(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    if a == b || first_name_key(a) == first_name_key(b) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() == 1 {
        return long.starts_with(short);
    }
    // A short form that opens the long one: "Dan" and "Daniel", "Chris" and
    // "Christopher".
    if short.chars().count() >= 3 && long.starts_with(short) {
        return true;
    }
    // One letter apart: spelling variants of a transliterated name.
    let (sa, sb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let common_prefix = sa.iter().zip(&sb).take_while(|(x, y)| x == y).count();
    let common_suffix = sa
        .iter()
        .rev()
        .zip(sb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    sa.len().abs_diff(sb.len()) <= 1
        && common_prefix + common_suffix + 1 >= sa.len().max(sb.len())
        && common_prefix >= 1
}

/// The parts of a person's name that identify them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    /// The first name as keys compare it ("timothy"), if the name has one.
    pub first: Option<String>,
    /// Lowercase, with its particles: "van beethoven".
    pub surname: String,
    /// "jr", "iii".
    pub suffix: Option<String>,
}

impl PersonName {
    /// A name that does not say which of the people with this surname it is:
    /// a surname alone, or with an initial.
    pub fn partial(&self) -> bool {
        self.first.as_ref().is_none_or(|f| f.chars().count() <= 1)
    }

    fn key(&self) -> String {
        let mut key = String::from("person:");
        if let Some(first) = &self.first {
            key.push_str(first);
            key.push(' ');
        }
        key.push_str(&self.surname);
        if let Some(suffix) = &self.suffix {
            key.push(' ');
            key.push_str(suffix);
        }
        key
    }
}

/// Splits a person's name: "Joseph R. Biden Jr." is first name "joseph",
/// surname "biden", suffix "jr"; "Mrs. Clinton" is the surname "clinton".
pub fn person_name(name: &str) -> Option<PersonName> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && is_honorific(words[0]) {
        words.remove(0);
    }
    let mut suffix = None;
    if words.len() > 1 && is_suffix(words[words.len() - 1]) {
        suffix = words.pop().map(key_word);
    }
    let last = words.len().checked_sub(1)?;
    let mut surname_start = last;
    while surname_start > 1 && PARTICLES.contains(&words[surname_start - 1]) {
        surname_start -= 1;
    }
    let surname = words[surname_start..]
        .iter()
        .map(|w| key_word(w))
        .collect::<Vec<_>>()
        .join(" ");
    let first = (surname_start > 0).then(|| first_name_key(words[0]));
    Some(PersonName {
        first,
        surname,
        suffix,
    })
}

/// The key that joins an actor across articles: its kind and the normalised
/// form of its canonical name; none for descriptions.
pub(crate) fn actor_key(kind: ActorKind, name: &str) -> Option<String> {
    let gazetteer = |name: &str| {
        lexicon().known(name).map_or_else(
            || name.to_string(),
            |k| lexicon().canonical[k.canonical as usize].to_string(),
        )
    };
    let plain = |name: &str| {
        let words: Vec<String> = name.split_whitespace().map(key_word).collect();
        let words = match words.first().map(String::as_str) {
            Some("the") if words.len() > 1 => &words[1..],
            _ => &words[..],
        };
        words.join(" ")
    };
    // "THE", "WHAT": words of the grammar alone name nothing to find again
    // in another article ("WHO" and "US" are known names).
    let grammar_only = name
        .split_whitespace()
        .all(|w| lexicon().word(w).is(class::FUNCTION))
        && lexicon().known(name).is_none();
    match kind {
        ActorKind::Group => None,
        ActorKind::Organization | ActorKind::Place | ActorKind::Other if grammar_only => None,
        ActorKind::Person => Some(person_name(name)?.key()),
        // "the Post", "the Council": which one, only its article could say.
        ActorKind::Organization if generic_organisation(name) => None,
        ActorKind::Organization => Some(format!("organization:{}", plain(&gazetteer(name)))),
        ActorKind::Place => Some(format!("place:{}", plain(&gazetteer(name)))),
        ActorKind::Other => Some(format!("other:{}", plain(name))),
    }
}

/// An organisation's word alone, in no list of known names: "Post",
/// "Times", "Council", "Party".
pub(crate) fn generic_organisation(name: &str) -> bool {
    let lex = lexicon();
    let word = name.trim_start_matches("the ").trim_start_matches("The ");
    let singular = word.strip_suffix('s').unwrap_or(word);
    !word.contains(char::is_whitespace)
        && lex.known(word).is_none()
        && (lex.word(word).is(class::ORG_WORD) || lex.word(singular).is(class::ORG_WORD))
}

/// A full form of a name, the kind a canonical name is chosen from: two words
/// or more, not in capitals, no form of address ("Hillary Clinton", "Federal
/// Bureau of Investigation"; not "Clinton", "FBI", "Mrs. Clinton").
pub fn full_form(form: &str) -> bool {
    let mut words = form.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    words.next().is_some()
        && form.chars().any(char::is_lowercase)
        && first.chars().next().is_some_and(char::is_uppercase)
        && !is_honorific(first)
}

/// The most frequent full form (see [`full_form`]) of a name, the one
/// with more words on a tie, else the first seen.
pub fn canonical_form<'a>(forms: impl Iterator<Item = (&'a str, usize)>) -> Option<&'a str> {
    let mut best: Option<(&str, usize, usize)> = None;
    for (form, count) in forms {
        if !full_form(form) {
            continue;
        }
        let words = form.split_whitespace().count();
        if best.is_none_or(|(_, c, w)| (count, words) > (c, w)) {
            best = Some((form, count, words));
        }
    }
    best.map(|(f, _, _)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_name_variants() {
        assert!(compatible_first_names("dmitry", "dimitry"));
        assert!(compatible_first_names("j.", "john"));
        assert!(compatible_first_names("tim", "timothy"));
        assert!(compatible_first_names("bill", "william"));
        assert!(compatible_first_names("dan", "daniel"));
        assert!(!compatible_first_names("bill", "hillary"));
        assert!(!compatible_first_names("chelsea", "hillary"));
        assert!(!compatible_first_names("eric", "donald"));
    }

    #[test]
    fn person_keys() {
        let key = |n: &str| actor_key(ActorKind::Person, n).unwrap();
        assert_eq!(key("Timothy Morrison"), "person:timothy morrison");
        assert_eq!(key("Tim Morrison"), "person:timothy morrison");
        assert_eq!(key("Donald J. Trump"), "person:donald trump");
        assert_eq!(key("Donald Trump Jr."), "person:donald trump jr");
        assert_eq!(key("Mrs. Clinton"), "person:clinton");
        assert_eq!(key("Ludwig van Beethoven"), "person:ludwig van beethoven");
        assert!(person_name("B. Obama").unwrap().partial());
        assert!(person_name("Obama").unwrap().partial());
        assert!(!person_name("Barack Obama").unwrap().partial());
    }

    #[test]
    fn other_keys() {
        assert_eq!(
            actor_key(ActorKind::Organization, "FBI").as_deref(),
            actor_key(ActorKind::Organization, "Federal Bureau of Investigation").as_deref()
        );
        assert_eq!(
            actor_key(ActorKind::Organization, "The Washington Post").as_deref(),
            Some("organization:washington post")
        );
        assert_eq!(actor_key(ActorKind::Group, "officials"), None);
        assert_eq!(actor_key(ActorKind::Organization, "Post"), None);
        assert!(actor_key(ActorKind::Organization, "Congress").is_some());
        assert_eq!(actor_key(ActorKind::Organization, "THE"), None);
        assert_eq!(actor_key(ActorKind::Other, "WHAT"), None);
        assert_eq!(
            actor_key(ActorKind::Organization, "WHO").as_deref(),
            Some("organization:who")
        );
    }

    #[test]
    fn full_forms() {
        assert!(full_form("Hillary Clinton"));
        assert!(full_form("Federal Bureau of Investigation"));
        assert!(!full_form("Clinton"));
        assert!(!full_form("HILLARY CLINTON"));
        assert!(!full_form("Mrs. Clinton"));
    }
}
