//! Names in the text: runs of capitalised words, split into a role ("Russian
//! Foreign Minister") and a name ("Sergey Lavrov"), and classified as a person,
//! an organisation or a place from the word lists.

use super::sentences::Sentence;
use super::tokens::{Token, TokenKind, flag};
use crate::lexicon::{Gender, KnownKind, class, lexicon};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameClass {
    Person,
    Organization,
    Place,
    /// A single unfamiliar word: a person's surname, or something else.
    Unknown,
}

/// A capitalised name in the text.
#[derive(Clone, Debug)]
pub struct NameMention {
    /// Token range of the whole run, role included.
    pub first: usize,
    pub end: usize,
    /// Token where the name proper starts (after the role).
    pub name_first: usize,
    pub class: NameClass,
    /// Canonical gazetteer name, when the name is a known place or organisation.
    pub canonical: Option<u32>,
    pub gender: Option<Gender>,
    /// Seen only where capitals say little (a headline, a sentence's first word):
    /// it may name an actor found elsewhere but never creates one.
    pub weak: bool,
    /// The first name phrase of its sentence: the likely subject.
    pub subject: bool,
    /// Inside a quotation: someone the speaker talks about or to.
    pub quoted: bool,
}

/// Words (lowercase) the text capitalises right after a lowercase word, where
/// a capital says they belong to a name: "White" in "the White House" (after
/// a capitalised word, as in a headline, a capital says nothing).
fn capitalised_after_words(
    text: &str,
    tokens: &[Token],
    counts: impl Fn(usize) -> bool,
) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for (k, pair) in tokens.windows(2).enumerate() {
        if counts(k + 1)
            && pair[0].kind == TokenKind::Word
            && !pair[0].has(flag::CAPITALIZED)
            && pair[1].kind == TokenKind::Word
            && pair[1].has(flag::CAPITALIZED)
            && !pair[1].has(flag::ALL_CAPS)
        {
            out.insert(text[pair[1].range()].to_lowercase());
        }
    }
    out
}

/// Whether a sentence's subject has been found yet.
#[derive(Default)]
struct Subject {
    seen: bool,
}

impl NameMention {
    /// A transcript's speaker label: a person's name even when written in capitals.
    pub fn treat_as_person_label(&mut self) {
        if self.class == NameClass::Organization && self.canonical.is_none() {
            self.class = if self.end - self.name_first > 1 {
                NameClass::Person
            } else {
                NameClass::Unknown
            };
        }
        self.weak = false;
    }

    pub fn has_role(&self) -> bool {
        self.name_first > self.first
    }
}

pub struct NameFinder<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Words (lowercase) the text capitalises after another word, where a
    /// capital says they belong to a name: "White" in "the White House".
    mid_caps: FxHashSet<String>,
}

/// Words that open a role ("Former President", "Foreign Minister") though the
/// language uses them in lowercase too: at the start of a sentence they stay
/// in the run.
static ROLE_OPENERS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../assets/lexicon/role_openers.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
});

impl<'a> NameFinder<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token]) -> NameFinder<'a> {
        NameFinder {
            text,
            tokens,
            mid_caps: capitalised_after_words(text, tokens, |_| true),
        }
    }

    /// A name finder that learns which words are names' words only from the
    /// tokens `counts` accepts (headlines' capitals say nothing).
    pub(crate) fn counting(
        text: &'a str,
        tokens: &'a [Token],
        counts: impl Fn(usize) -> bool,
    ) -> NameFinder<'a> {
        NameFinder {
            text,
            tokens,
            mid_caps: capitalised_after_words(text, tokens, counts),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].range()]
    }

    /// A he or she that opens a sentence and is followed by a verb: the subject
    /// of what may be an action beat ("He turned a page.").
    pub fn pronoun_subject(&self, s: &Sentence) -> Option<usize> {
        let first = (s.first..s.end).find(|&k| self.tokens[k].kind == TokenKind::Word)?;
        let t = &self.tokens[first];
        (t.is(class::PRONOUN_M | class::PRONOUN_F)
            && t.has(flag::CAPITALIZED)
            && self.verb_like(first + 1))
        .then_some(first)
    }

    /// Does a verb seem to start at token `i`: a past tense in "-ed", an
    /// auxiliary ("was", "had") or a reporting verb?
    fn verb_like(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let w = self.word(i);
        t.kind == TokenKind::Word
            && !t.has(flag::CAPITALIZED)
            && (w.len() > 4 && w.ends_with("ed") || t.is(class::AUXILIARY | class::REPORTING_VERB))
    }

    /// A word that can be part of a name run.
    fn name_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Word || !t.has(flag::CAPITALIZED) || self.word(i) == "I" {
            return false;
        }
        let function = t.is(class::FUNCTION)
            && !t.has(flag::ALL_CAPS)
            && !t.is(class::TITLE | class::ORG_WORD | class::FIRST_NAME);
        let time = t.is(class::TIME) && !t.is(class::FIRST_NAME);
        !function && !time && !self.modifier(i) && !self.emphasis(i)
    }

    /// A word in capitals for emphasis or as a kicker ("a man with NO
    /// credentials", "VIDEO: ...", "WINNING"): a word of the language, no
    /// known name, and one the text never capitalises as names are. Acronyms
    /// ("GOP", "WHO") and surnames in transcripts' labels ("TRUMP:" where the
    /// text also writes "said Trump") stay.
    fn emphasis(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if !t.has(flag::ALL_CAPS)
            || t.end - t.start < 2
            || t.is(class::FIRST_NAME
                | class::TITLE
                | class::ORG_WORD
                | class::PLACE_WORD
                | class::DEMONYM)
        {
            return false;
        }
        // A surname after a first name or title in capitals ("TOM BERG:",
        // "MR. GREEN") is part of the name, however common the word.
        let after_name = i.checked_sub(1).is_some_and(|p| {
            let prev = &self.tokens[p];
            prev.kind == TokenKind::Word
                && prev.has(flag::ALL_CAPS)
                && prev.is(class::FIRST_NAME | class::TITLE)
        }) || i.checked_sub(2).is_some_and(|p| {
            // "MR. GREEN": the title's full stop sits between.
            self.tokens[p].has(flag::ALL_CAPS)
                && self.tokens[p].is(class::TITLE)
                && self.word(p + 1) == "."
        });
        if after_name {
            return false;
        }
        let word = self.word(i);
        let lower = word.to_lowercase();
        crate::lexicon::english_word(&lower)
            && !self.mid_caps.contains(&lower)
            && lexicon().known(word).is_none()
    }

    /// Does the text capitalise this word (lowercase) right after a lowercase
    /// word somewhere, as names are?
    pub(crate) fn capitalised_inside(&self, word: &str) -> bool {
        self.mid_caps.contains(word)
    }

    /// A capitalised compound that ends in a lowercase participle or the like
    /// describes what follows: "Clinton-endorsing", "Korean-born",
    /// "GOP-dominated", "Obama-era"; "Ban Ki-moon" is a name.
    fn modifier(&self, i: usize) -> bool {
        const TAILS: [&str; 12] = [
            "born", "based", "era", "style", "led", "run", "made", "type", "like", "wide", "level",
            "friendly",
        ];
        let word = self.word(i);
        let Some((_, tail)) = word.rsplit_once('-') else {
            return false;
        };
        tail.chars().next().is_some_and(char::is_lowercase)
            && (tail.len() > 4 && (tail.ends_with("ed") || tail.ends_with("ing"))
                || TAILS.contains(&tail))
    }

    /// A capitalised common word that opens the sentence before a name
    /// ("Understated Perez", "Even Lindsey Graham", "Enter President Trump"):
    /// its capital only says where the sentence starts. Role openers ("Former",
    /// "Foreign" before a title), names' own words (a first name, an organisation's or a
    /// place's word, a word the text capitalises elsewhere) and the start of a
    /// known name stay.
    pub(crate) fn sentence_word_before_name(&self, first: usize, end: usize) -> bool {
        if end - first < 2 {
            return false;
        }
        let (t, next) = (&self.tokens[first], &self.tokens[first + 1]);
        let lower = self.word(first).to_lowercase();
        let role_opener = ROLE_OPENERS.contains(lower.as_str()) && next.is(class::TITLE);
        // A verb of saying ("Say Mexico demanded ...") stays: without a name
        // over it, the tagger would read it as a cue.
        if role_opener
            || t.info().verb.is_some()
            || t.has(flag::ALL_CAPS)
            || t.is(class::FIRST_NAME
                | class::TITLE
                | class::ORG_WORD
                | class::PLACE_WORD
                | class::DEMONYM)
            || !crate::lexicon::english_word(&lower)
            || self.mid_caps.contains(&lower)
        {
            return false;
        }
        let lex = lexicon();
        let known_start = (first + 2..=end.min(first + 6)).any(|k| {
            lex.known(&self.text[t.start as usize..self.tokens[k - 1].end as usize])
                .is_some()
        });
        // What follows must read as a person: a first name, a title, or one
        // word (a surname).
        !known_start && (end - first == 2 || next.is(class::FIRST_NAME | class::TITLE))
    }

    /// Where a known place or organisation glued to a person's name ends:
    /// "Massachusetts" in "... District of Massachusetts Joshua Levy",
    /// "Ukraine" in "envoy to Ukraine Kurt Volker", "European Union" in
    /// "Ambassador to the European Union Gordon Sondland".
    fn place_before_name(&self, first: usize, end: usize) -> Option<usize> {
        let lex = lexicon();
        (first + 1..end.saturating_sub(1)).take(3).find(|&k| {
            let place =
                &self.text[self.tokens[first].start as usize..self.tokens[k - 1].end as usize];
            !self.tokens[first].is(class::FIRST_NAME)
                && lex.known(place).is_some()
                && self.tokens[k].is(class::FIRST_NAME)
                && !self.tokens[k].has(flag::ALL_CAPS)
                && !self.tokens[k..end].iter().any(|t| t.is(class::TITLE))
        })
    }

    /// Paragraphs in title case ("Trump Urges Supporters To Vote") or in
    /// capitals ("HOW POLICE SHOOTINGS ARE CHANGING") say nothing by their
    /// capitals.
    ///
    /// Names alone can capitalise most of a sentence ("Tom Berg met Ana Ruiz"), so
    /// title case also needs a capitalised small word or verb after the first word.
    pub fn title_case(&self, first: usize, end: usize) -> bool {
        let (mut content, mut capitalized, mut telling) = (0usize, 0usize, false);
        let mut in_capitals = 0usize;
        let mut seen_word = false;
        for t in &self.tokens[first..end] {
            if t.kind != TokenKind::Word {
                continue;
            }
            let cap = t.has(flag::CAPITALIZED) && !t.has(flag::ALL_CAPS);
            if seen_word
                && cap
                && t.is(class::FUNCTION | class::REPORTING_VERB)
                && !t.is(class::TITLE)
            {
                telling = true;
            }
            seen_word = true;
            if !t.is(class::FUNCTION) {
                content += 1;
                capitalized += usize::from(t.has(flag::CAPITALIZED));
                in_capitals += usize::from(t.has(flag::ALL_CAPS));
            }
        }
        // A subhead in capitals ("7. HOW POLICE SHOOTINGS ARE CHANGING ...")
        // says as little by its capitals as one in title case.
        content >= 4
            && (telling && capitalized * 10 >= content * 7 || in_capitals * 10 >= content * 9)
    }

    /// All name runs of a sentence, appended to `out`.
    pub fn sentence_names(&self, s: &Sentence, headline: bool, out: &mut Vec<NameMention>) {
        // The sentence's first word, after opening quotation marks and brackets.
        let opener = (s.first..s.end)
            .find(|&k| matches!(self.tokens[k].kind, TokenKind::Word | TokenKind::Number))
            .unwrap_or(s.first);
        let mut subject = Subject::default();
        let mut i = s.first;
        while i < s.end {
            if !self.name_word(i) {
                // Lowercase words between subject and verb do not end the search for a subject.
                i += 1;
                continue;
            }
            let start = i;
            let end = self.run_end(start, s.end, headline);
            i = end;
            // Strip opening function words: "But Peskov", "The Washington Post" keeps "The" out of the name.
            let mut first = start;
            while first < end
                && self.tokens[first].is(class::FUNCTION)
                && !self.tokens[first].is(class::TITLE | class::ORG_WORD)
                && !self.tokens[first].has(flag::ALL_CAPS)
            {
                first += 1;
            }
            if first >= end {
                continue;
            }
            // Sentences inside a quotation start after its inner full stops:
            // “Oh, single! What a fine thing.”
            let inner_opener = (s.first..first)
                .rev()
                .find(|&k| !matches!(self.tokens[k].kind, TokenKind::Quote(_)))
                .is_some_and(|k| matches!(self.word(k), "." | "!" | "?"));
            let at_opener = first == opener || inner_opener;
            if at_opener && !headline && self.sentence_word_before_name(first, end) {
                first += 1;
            }
            if !headline && let Some(k) = self.place_before_name(first, end) {
                self.push_name(s, (first, k), headline, false, &mut subject, out);
                first = k;
            }
            self.push_name(s, (first, end), headline, at_opener, &mut subject, out);
        }
    }

    /// Where a name run that starts at `start` ends: capitalised words, with
    /// lowercase titles and the links of organisations' names inside.
    fn run_end(&self, start: usize, sentence_end: usize, headline: bool) -> usize {
        let mut end = start + 1;
        if headline {
            return end;
        }
        loop {
            if end < sentence_end && self.name_word(end) {
                end += 1;
                continue;
            }
            // Lowercase titles inside a run: "Kremlin spokesman Dimitry Peskov".
            if end + 1 < sentence_end
                && self.tokens[end].kind == TokenKind::Word
                && !self.tokens[end].has(flag::CAPITALIZED)
                && self.tokens[end].is(class::TITLE)
                && self.name_word(end + 1)
            {
                end += 1;
                continue;
            }
            match self.link(start, end, sentence_end) {
                Some(next) => end = next,
                None => return end,
            }
        }
    }

    /// "Ministry of Foreign Affairs", "Secretary of State", "Bank of America",
    /// "Centers for Disease Control and Prevention": where the run goes on
    /// after a linking word at `end`, if it does.
    fn link(&self, start: usize, end: usize, sentence_end: usize) -> Option<usize> {
        let lex = lexicon();
        if end + 1 >= sentence_end {
            return None;
        }
        let linker = self.word(end);
        let to_office = linker == "to" && self.tokens[end - 1].is(class::TITLE);
        if !to_office
            && !matches!(
                linker,
                "of" | "for" | "de" | "del" | "van" | "von" | "bin" | "al" | "&" | "and"
            )
        {
            return None;
        }
        let prev = &self.tokens[end - 1];
        // "Centers for Disease Control and Prevention": an organisation word
        // with its complement already in the run.
        let complement = (start..end.saturating_sub(1))
            .any(|j| self.org_word(j) && matches!(self.word(j + 1), "of" | "for"));
        let and_closes = linker == "and"
            && complement
            && !self.tokens[end + 1].is(class::FIRST_NAME)
            && !self.tokens[end + 1].has(flag::ALL_CAPS)
            && lex.known(self.word(end + 1)).is_none();
        // "Attorney for the District of Massachusetts", "Ambassador to the
        // European Union": an office's place after a title in the run.
        let office = prev.is(class::PLACE_WORD)
            && linker == "of"
            && (start..end).any(|j| self.tokens[j].is(class::TITLE));
        let anchored = self.org_word(end - 1)
            || prev.is(class::TITLE)
            || linker == "&"
            || linker == "and" && self.org_word(end - 1)
            || and_closes
            || office;
        // "Bank of the Ozarks"; but "X and the Y" are two names.
        let mut k = end + 1;
        if linker != "and" && self.word(k) == "the" && k + 1 < sentence_end {
            k += 1;
        }
        let particle = matches!(linker, "de" | "del" | "van" | "von" | "bin" | "al");
        ((anchored || particle)
            && self.name_word(k)
            && (linker != "and"
                || and_closes
                || self.org_word(k)
                || k + 1 < sentence_end && self.org_word(k + 1)))
        .then_some(k + 1)
    }

    /// An organisation's word, in the singular or the plural: "Center",
    /// "Centers".
    fn org_word(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        t.is(class::ORG_WORD)
            || t.kind == TokenKind::Word
                && self
                    .word(k)
                    .strip_suffix('s')
                    .is_some_and(|singular| lexicon().word(singular).is(class::ORG_WORD))
    }

    /// Where an office named by a title ends, the title ending before `at`:
    /// "of State" in "Secretary of State Antony Blinken", "for the District of
    /// Massachusetts" in "Attorney for the District of Massachusetts Daniel
    /// Pryor". A place of more than one word runs up to the first name after
    /// it; without one, it is one word ("Secretary of State Blinken").
    fn office_end(&self, mut at: usize, end: usize) -> usize {
        while at + 1 < end && matches!(self.word(at), "of" | "for" | "to") {
            let mut k = at + 1;
            if self.word(k) == "the" && k + 1 < end {
                k += 1;
            }
            // "President of the United States": a known place ends the run.
            let rest = &self.text[self.tokens[k].start as usize..self.tokens[end - 1].end as usize];
            if lexicon().known(rest).is_some() {
                return end;
            }
            // The next first name, or the next link of a longer office.
            at = (k + 1..end.saturating_sub(1))
                .find(|&j| {
                    self.tokens[j].is(class::FIRST_NAME)
                        || matches!(self.word(j), "of" | "for" | "to")
                })
                .unwrap_or(k + 1);
        }
        at
    }

    /// Classifies the run `first..end` and adds it to `out`, unless it is no
    /// name: a verb of saying opening the sentence, a lone nationality.
    fn push_name(
        &self,
        s: &Sentence,
        (first, end): (usize, usize),
        headline: bool,
        at_opener: bool,
        subject: &mut Subject,
        out: &mut Vec<NameMention>,
    ) {
        let lex = lexicon();
        let Some(mut mention) = self.classify(first, end, lex) else {
            return;
        };
        let single = mention.end - mention.name_first == 1;
        let unknown_alone = single && !mention.has_role() && mention.class == NameClass::Unknown;
        // "Asked why she left, Ana Ruiz said ...": a verb of saying that
        // opens a sentence is no name.
        let opener_verb = |k: usize| {
            let t = &self.tokens[k];
            t.info().verb.is_some() && !t.is(class::FIRST_NAME)
        };
        if at_opener && unknown_alone && opener_verb(mention.name_first) {
            return;
        }
        // A known first name that opens a sentence and is followed by a verb
        // ("Martha laughed", "Thomas was ...") is a name, not a capitalised word.
        let named_subject = single
            && self.tokens[mention.name_first].is(class::FIRST_NAME)
            && self.verb_like(mention.end);
        if named_subject && mention.class == NameClass::Unknown && !headline {
            mention.class = NameClass::Person;
        }
        if headline || at_opener && unknown_alone && mention.class == NameClass::Unknown {
            mention.weak = true;
        }
        // Plural nationalities ("Americans") and lone nationalities are not names.
        if single && !mention.has_role() {
            let w = self.word(mention.name_first);
            let singular = w.strip_suffix('s').unwrap_or(w);
            if lex.word(singular).is(class::DEMONYM) && mention.canonical.is_none() {
                return;
            }
        }
        if !subject.seen {
            // At most three words before it; counting stops at four, so a
            // sentence of weak names stays linear.
            let before = (s.first..mention.first)
                .filter(|&k| self.tokens[k].is_word() && !self.tokens[k].is(class::CONJUNCTION))
                .take(4)
                .count();
            mention.subject = before <= 3;
            // A weak opener may be the subject, if it names an actor, or not
            // a name at all: the search goes on.
            subject.seen = !mention.weak;
        }
        out.push(mention);
    }

    /// Splits a run into role and name and says what the name is.
    fn classify(
        &self,
        first: usize,
        end: usize,
        lex: &crate::lexicon::Lexicon,
    ) -> Option<NameMention> {
        // The role ends at the last title word that has a name after it; "of X"
        // after a title belongs to the role ("Secretary of State").
        let mut name_first = first;
        for k in first..end {
            let t = &self.tokens[k];
            if !t.is(class::TITLE) || t.is(class::FIRST_NAME) && k + 2 < end {
                continue;
            }
            let role_end = self.office_end(k + 1, end);
            if role_end < end {
                name_first = role_end;
            }
        }
        // "General Motors", "General Electric": a title word inside an
        // organisation's name.
        let whole =
            &self.text[self.tokens[first].start as usize..self.tokens[end - 1].end as usize];
        if name_first > first
            && ((name_first..end).any(|k| self.org_word(k)) || lex.known(whole).is_some())
        {
            name_first = first;
        }
        // "the Attorney General", "the Prime Minister": an office without a
        // name is no name ("Mr. King" is one).
        let addressed = name_first > first
            && crate::analysis::identity::is_honorific(self.word(name_first - 1));
        if name_first > first
            && name_first < end
            && !addressed
            && self.tokens[name_first..end]
                .iter()
                .all(|t| t.is(class::TITLE) && !t.is(class::FIRST_NAME) && !t.has(flag::ALL_CAPS))
        {
            return None;
        }
        let name_text =
            &self.text[self.tokens[name_first].start as usize..self.tokens[end - 1].end as usize];
        let has_role = name_first > first;
        let words = end - name_first;
        let known = lex.known(name_text);
        let name_tokens = &self.tokens[name_first..end];
        let org_word = (name_first..end).any(|k| self.org_word(k));
        let all_caps = words == 1 && name_tokens[0].has(flag::ALL_CAPS);
        let first_info = name_tokens[0].info();
        let mut gender = None;
        let class = match known {
            Some(k) if k.kind == KnownKind::Place => NameClass::Place,
            Some(_) => NameClass::Organization,
            None if org_word => NameClass::Organization,
            None if words >= 2 && name_tokens.last().is_some_and(|t| t.is(class::PLACE_WORD)) => {
                NameClass::Place
            }
            None if all_caps && !has_role => NameClass::Organization,
            None if words >= 2 && first_info.is(class::FIRST_NAME) => {
                gender = first_info.gender;
                NameClass::Person
            }
            None if has_role => NameClass::Person,
            None if (2..=4).contains(&words)
                && name_tokens.iter().all(|t| !t.is(class::FUNCTION)) =>
            {
                NameClass::Person
            }
            None if words == 1 => {
                gender = first_info
                    .gender
                    .filter(|_| first_info.is(class::FIRST_NAME));
                NameClass::Unknown
            }
            None => NameClass::Organization,
        };
        // Gendered titles: "Mrs.", "spokeswoman".
        if class == NameClass::Person && gender.is_none() {
            gender = (first..name_first)
                .rev()
                .find_map(|k| self.tokens[k].info().gender);
        }
        if name_first == end {
            return None;
        }
        Some(NameMention {
            first,
            end,
            name_first,
            class,
            canonical: known.map(|k| k.canonical),
            gender,
            weak: false,
            subject: false,
            quoted: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::find_quotes;
    use crate::analysis::sentences::split_sentences;
    use crate::analysis::tokens::tokenize;

    fn names(text: &str) -> Vec<(String, String, NameClass)> {
        let (tokens, paras) = tokenize(text);
        let quotes = find_quotes(text, &tokens, &paras);
        let sentences = split_sentences(text, &tokens, &paras, &quotes);
        let finder = NameFinder::new(text, &tokens);
        let mut out = Vec::new();
        for s in &sentences {
            finder.sentence_names(s, false, &mut out);
        }
        let span = |a: usize, b: usize| {
            if a == b {
                String::new()
            } else {
                text[tokens[a].start as usize..tokens[b - 1].end as usize].to_string()
            }
        };
        out.iter()
            .filter(|m| !m.weak)
            .map(|m| {
                (
                    span(m.first, m.name_first),
                    span(m.name_first, m.end),
                    m.class,
                )
            })
            .collect()
    }

    fn n(role: &str, name: &str, class: NameClass) -> (String, String, NameClass) {
        (role.into(), name.into(), class)
    }

    #[test]
    fn roles_split_from_names() {
        assert_eq!(
            names(
                "Yesterday Russian Foreign Minister Sergey Lavrov met Secretary of State Antony Blinken."
            ),
            [
                n(
                    "Russian Foreign Minister",
                    "Sergey Lavrov",
                    NameClass::Person
                ),
                n("Secretary of State", "Antony Blinken", NameClass::Person)
            ]
        );
        assert_eq!(
            names("He met Kremlin spokesman Dimitry Peskov."),
            [n("Kremlin spokesman", "Dimitry Peskov", NameClass::Person)]
        );
    }

    #[test]
    fn organisations_and_places() {
        assert_eq!(
            names(
                "It went to Russia’s Ministry of Foreign Affairs and the NATO office in Eastern Europe."
            ),
            [
                n("", "Russia", NameClass::Place),
                n("", "Ministry of Foreign Affairs", NameClass::Organization),
                n("", "NATO", NameClass::Organization),
                n("", "Eastern Europe", NameClass::Place)
            ]
        );
    }

    #[test]
    fn words_in_capitals_for_emphasis_are_no_names() {
        assert_eq!(
            names("The mayor met a man with NO permit and a WHITE van, said Ana Ruiz of the EPA."),
            [
                n("", "Ana Ruiz", NameClass::Person),
                n("", "EPA", NameClass::Organization)
            ]
        );
        // An acronym that is also a word stays a name when a list knows it.
        assert_eq!(
            names("The report came from the WHO on Monday."),
            [n("", "WHO", NameClass::Organization)]
        );
    }

    #[test]
    fn subheads_in_capitals_are_headlines() {
        let text = "Intro.\n\n7. HOW POLICE SHOOTINGS ARE CHANGING THE DEBATE.\n\nMore.";
        let (tokens, paras) = tokenize(text);
        let finder = NameFinder::new(text, &tokens);
        let p = &paras[1];
        assert!(finder.title_case(p.first_token, p.end_token));
        let p = &paras[0];
        assert!(!finder.title_case(p.first_token, p.end_token));
    }

    #[test]
    fn sentence_openers_are_weak() {
        assert!(names("Tensions rose on Monday.").is_empty());
        assert_eq!(
            names("But Peskov disagreed."),
            [n("", "Peskov", NameClass::Unknown)]
        );
    }
}
