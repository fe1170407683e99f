//! Names in the text: runs of capitalised words, split into a role ("Russian
//! Foreign Minister") and a name ("Sergey Lavrov"), and classified as a person,
//! an organisation or a place from the word lists.

use super::identity;
use super::sentences::{Sentence, is_terminal};
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
/// a capitalised word, as in a headline, a capital says nothing). A lowercase
/// word that ends a paragraph or ends in a full stop ("11:30 a.m.") may end
/// its sentence: the capital after it says nothing either. With each word,
/// the two words it begins go in too, as "cinco de" for "on Cinco de Mayo":
/// where a name of several words starts.
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
            && !text[pair[0].range()].ends_with('.')
            && pair[1].kind == TokenKind::Word
            && pair[1].has(flag::CAPITALIZED)
            && !pair[1].has(flag::ALL_CAPS)
            && !pair[1].has(flag::PARA_START)
        {
            let word = text[pair[1].range()].to_lowercase();
            if let Some(next) = tokens.get(k + 2).filter(|t| t.kind == TokenKind::Word) {
                out.insert(format!("{word} {}", text[next.range()].to_lowercase()));
            }
            out.insert(word);
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
    /// capital says they belong to a name: "White" in "the White House"; and
    /// the first two words of each such name ("white house").
    mid_caps: MidCaps,
}

/// Words (lowercase) a text capitalises after another word, and the first two
/// words of each such name: see [`NameFinder`].
pub(crate) type MidCaps = FxHashSet<String>;

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

    /// A finder with the capitals another finder over the same text learnt
    /// ([`NameFinder::into_mid_caps`]): they are learnt once a chunk.
    pub(crate) fn with_mid_caps(
        text: &'a str,
        tokens: &'a [Token],
        mid_caps: MidCaps,
    ) -> NameFinder<'a> {
        NameFinder {
            text,
            tokens,
            mid_caps,
        }
    }

    /// What this finder learnt of the text's capitals, to hand on.
    pub(crate) fn into_mid_caps(self) -> MidCaps {
        self.mid_caps
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
            && !t.is(class::TITLE | class::ORG_WORD | class::FIRST_NAME)
            && !self.short_first_name(i);
        let time = t.is(class::TIME) && !t.is(class::FIRST_NAME) && !self.names_org(i + 1);
        !function && !time && !self.modifier(i) && !self.emphasis(i) && !self.credit_verb(i)
    }

    /// A capitalised verb form that opens a credit with its agent: "Editing"
    /// in "(Reporting by Ana Ruiz; Editing by Tom Berg)", "Photographed by".
    /// Not a name's later word ("Peyton Manning by halftime").
    fn credit_verb(&self, i: usize) -> bool {
        let w = self.word(i);
        (w.ends_with("ing") || w.ends_with("ed"))
            && i + 1 < self.tokens.len()
            && self.word(i + 1) == "by"
            && !i.checked_sub(1).is_some_and(|p| {
                self.tokens[p].kind == TokenKind::Word && self.tokens[p].has(flag::CAPITALIZED)
            })
            && crate::lexicon::english_word(&w.to_lowercase())
    }

    /// Is token `i` a capitalised organisation word ("Magazine", "Times")? A
    /// word of time before one starts a title: "Time Magazine", "The Sunday
    /// Times".
    fn names_org(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && t.has(flag::CAPITALIZED) && t.is(class::ORG_WORD)
        })
    }

    /// A capitalised word of the grammar that is also a short first name,
    /// before a name in a sentence that asks nothing: "Will" in "Will Smith
    /// said ..." and "the actor Will Smith", not in "Will Congress act?".
    fn short_first_name(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.has(flag::CAPITALIZED)
            && !t.has(flag::ALL_CAPS)
            && t.is(class::FUNCTION)
            && identity::nickname_of(self.word(i)).is_some()
            && self.tokens.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && n.has(flag::CAPITALIZED) && !n.is(class::FUNCTION)
            })
            && !self.asks(i)
            // "We Don't Know What Will Happen": title case.
            && !i.checked_sub(1).is_some_and(|p| {
                let prev = &self.tokens[p];
                prev.kind == TokenKind::Word && prev.has(flag::CAPITALIZED) && prev.is(class::FUNCTION)
            })
    }

    /// Does the sentence from token `i` on end in a question mark (within
    /// sixty tokens)?
    fn asks(&self, i: usize) -> bool {
        self.tokens[i..]
            .iter()
            .take(60)
            .find(|t| t.kind == TokenKind::Punct && is_terminal(&self.text[t.range()]))
            .is_some_and(|t| self.text[t.range()].starts_with('?'))
    }

    /// Is token `i` a first name, and of which gender: from the word lists,
    /// or a short form ("Will" is William's).
    fn first_name(&self, i: usize) -> (bool, Option<Gender>) {
        let info = self.tokens[i].info();
        if info.is(class::FIRST_NAME) {
            (true, info.gender)
        } else if self.short_first_name(i) {
            let full = identity::nickname_of(self.word(i));
            (true, full.and_then(|f| lexicon().word(f).gender))
        } else {
            (false, None)
        }
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
        // A function word in capitals ("THE", "WHAT") is no name by itself,
        // though the text capitalises it at the head of names ("The
        // Washington Post"); "WHO" and "US" are known names.
        let word = self.word(i);
        let lower = word.to_lowercase();
        crate::lexicon::english_word(&lower)
            && (!self.mid_caps.contains(&lower) || t.is(class::FUNCTION))
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
        // "Former Governor", "Acting U.S. Attorney": a role opener before a title.
        let role_opener = ROLE_OPENERS.contains(lower.as_str())
            && (first + 1..end)
                .take(3)
                .any(|k| self.tokens[k].is(class::TITLE));
        // An organisation's word before a person ("Trust Bratton on
        // security") is a verb or a noun of the sentence, not the name's head.
        let person_next = next.is(class::FIRST_NAME | class::TITLE)
            || end - first == 2
                && !crate::lexicon::english_word(&self.word(first + 1).to_lowercase());
        // A verb of saying ("Say Mexico demanded ...") stays: without a name
        // over it, the tagger would read it as a cue.
        if role_opener
            || t.info().verb.is_some()
            || t.has(flag::ALL_CAPS)
            || self.short_first_name(first)
            || t.is(class::ORG_WORD) && !person_next
            || t.is(class::FIRST_NAME | class::TITLE | class::PLACE_WORD | class::DEMONYM)
            || !crate::lexicon::english_word(&lower)
            || self.mid_caps.contains(&lower)
        {
            return false;
        }
        let lex = lexicon();
        // A known name from token `from` on, of two words or more from the opener.
        let known_from = |from: usize| {
            (first + 2..=end.min(first + 6)).any(|k| {
                let span = self.tokens[from].start as usize..self.tokens[k - 1].end as usize;
                lex.known(&self.text[span]).is_some()
            })
        };
        // What follows must read as a name by itself: a first name, a title,
        // one word (a surname), a known name ("Addressing New York State
        // Republicans") or a name the text writes inside a sentence too
        // ("Happy Cinco de Mayo" where it writes "on Cinco de Mayo").
        let written_inside = end - first > 2
            && self.mid_caps.contains(&format!(
                "{} {}",
                self.word(first + 1).to_lowercase(),
                self.word(first + 2).to_lowercase()
            ));
        !known_from(first)
            && (end - first == 2
                || next.is(class::FIRST_NAME | class::TITLE)
                || known_from(first + 1)
                || written_inside)
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
    /// title case also needs a capitalised small word or verb after the first
    /// word, or, in a line with no word in lowercase nor in capitals, common
    /// words that the text never capitalises inside a sentence ("Declared
    /// Presidential Candidates", "The Faces of the Movement").
    pub fn title_case(&self, first: usize, end: usize) -> bool {
        let (mut content, mut capitalized, mut telling) = (0usize, 0usize, false);
        let mut in_capitals = 0usize;
        let mut seen_word = false;
        let words = || {
            self.tokens[first..end]
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == TokenKind::Word)
        };
        for (_, t) in words() {
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
        // An acronym says a name is there: "KUNA News Agency".
        // Common words are counted last, only where they can decide.
        let plain_title = content >= 3 && capitalized == content && in_capitals == 0 && {
            let common = words()
                .filter(|&(k, t)| {
                    t.has(flag::CAPITALIZED)
                        && !t.has(flag::ALL_CAPS)
                        && self.common_word(first + k)
                })
                .count();
            common * 3 >= content * 2
        };
        plain_title
            || content >= 4
                && (telling && capitalized * 10 >= content * 7 || in_capitals * 10 >= content * 9)
    }

    /// A common word of the language whose capital here says nothing of a
    /// name: no function word, first name or title, no known name, and one
    /// the text never capitalises right after a lowercase word.
    fn common_word(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        let word = self.word(k);
        let lower = word.to_lowercase();
        !t.is(class::FUNCTION | class::FIRST_NAME | class::TITLE)
            && crate::lexicon::english_word(&lower)
            && !self.mid_caps.contains(&lower)
            && lexicon().known(word).is_none()
    }

    /// Where a headline in capitals that opens a paragraph ends, when the
    /// paragraph's text follows it with no full stop between: "TWO MORE BITE
    /// THE DUST Rand Paul and Ana Ruiz ...", "HOW TO SPOT BEDBUGS Before you
    /// start". Its capitals say nothing, and the word after it opens a
    /// sentence. It needs three words in capitals, most of its own words
    /// common words of the language ("SEN. BERNIE SANDERS" is a name), and no
    /// colon at its end (a transcript's label, "TOM BERG: We ...").
    pub(crate) fn caps_lead(&self, first: usize, end: usize) -> Option<usize> {
        if !self.tokens.get(first)?.has(flag::PARA_START) {
            return None;
        }
        // A headline is short: looking further would make long runs of
        // capitals cost the square of their length.
        const MAX_LEAD_TOKENS: usize = 40;
        let (mut caps, mut content, mut common) = (0usize, 0usize, 0usize);
        let mut k = first;
        let lead_end = loop {
            let t = self
                .tokens
                .get(k)
                .filter(|_| k < end && k < first + MAX_LEAD_TOKENS)?;
            let word = self.word(k);
            if t.kind == TokenKind::Word {
                if word.chars().any(char::is_lowercase) {
                    break k;
                }
                caps += usize::from(t.has(flag::ALL_CAPS));
                if t.has(flag::ALL_CAPS) && !t.is(class::FUNCTION) {
                    content += 1;
                    common += usize::from(
                        !t.is(class::FIRST_NAME | class::TITLE)
                            && crate::lexicon::english_word(&word.to_lowercase())
                            && lexicon().known(word).is_none(),
                    );
                }
            }
            k += 1;
        };
        let label = (first..lead_end)
            .rev()
            .find(|&j| !matches!(self.tokens[j].kind, TokenKind::Quote(_)))
            .is_some_and(|j| self.word(j) == ":");
        (caps >= 3 && common >= 2 && common * 2 >= content && !label).then_some(lead_end)
    }

    /// All name runs of a sentence, appended to `out`.
    pub fn sentence_names(&self, s: &Sentence, headline: bool, out: &mut Vec<NameMention>) {
        if !headline && let Some(lead) = self.caps_lead(s.first, s.end) {
            self.sentence_names(&Sentence { end: lead, ..*s }, true, out);
            self.sentence_names(&Sentence { first: lead, ..*s }, false, out);
            return;
        }
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
                && !self.short_first_name(first)
            {
                first += 1;
            }
            if first >= end {
                continue;
            }
            // Sentences inside a quotation start after its inner full stops
            // and ellipses: “Oh, single! What a fine thing.”, “... Sometimes”.
            let inner_opener = (s.first..first)
                .rev()
                .find(|&k| !matches!(self.tokens[k].kind, TokenKind::Quote(_)))
                .is_some_and(|k| {
                    self.tokens[k].kind == TokenKind::Punct && is_terminal(self.word(k))
                });
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
        // "Institute for the Study of Human Rights": a further complement of
        // an organisation's.
        let further = linker == "of" && complement;
        let anchored = self.org_word(end - 1)
            || further
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

    /// Does "the" stand right before the name that begins at `name_first`,
    /// in the candidate (a sentence's "The") or before it?
    fn after_the(&self, first: usize, name_first: usize) -> bool {
        let the = |k: usize| self.word(k).eq_ignore_ascii_case("the");
        (name_first > first && the(name_first - 1)) || (first > 0 && the(first - 1))
    }

    /// Does a name ending before token `k` modify the noun there ("the Clinton
    /// campaign", "the Obama administration")? A lowercase word that is
    /// neither a verb nor a function word reads as that noun.
    fn modifies(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !t.is_capitalized()
                && t.info().verb.is_none()
                && !t.is(class::FUNCTION | class::AUXILIARY | class::BE)
        })
    }

    /// Is token `k` an acronym: two capitals or more, and no Roman numeral?
    fn acronym(&self, k: usize) -> bool {
        let w = self.word(k);
        self.tokens[k].has(flag::ALL_CAPS)
            && w.chars().filter(char::is_ascii_uppercase).count() >= 2
            && !w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
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
        let first_name = self.first_name(name_first);
        let mut gender = None;
        let class = match known {
            Some(k) if k.kind == KnownKind::Place => NameClass::Place,
            Some(_) => NameClass::Organization,
            None if org_word => NameClass::Organization,
            None if words >= 2 && name_tokens.last().is_some_and(|t| t.is(class::PLACE_WORD)) => {
                NameClass::Place
            }
            None if all_caps && !has_role => NameClass::Organization,
            None if words >= 2 && first_name.0 => {
                gender = first_name.1;
                NameClass::Person
            }
            None if has_role => NameClass::Person,
            // "Chinese CDC", "Miami-Dade PD": a name without a first name that
            // ends in an acronym (not a numeral, "Henry Ford III") is an
            // organisation's.
            None if words >= 2 && self.acronym(end - 1) => NameClass::Organization,
            // "the Pulsar Timing Array", "the Fact Checker": a person's name has
            // no article before it; an institution's often has.
            None if words >= 2 && self.after_the(first, name_first) && !self.modifies(end) => {
                NameClass::Organization
            }
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
    fn function_words_in_capitals_are_no_names() {
        // "The" is capitalised inside a sentence at the head of a name, which
        // does not make "THE" a name of its own.
        let found = names("Ana Ruiz told The Riverton Post.\n\nINSIDE THE DEAL.\n\nWHAT IT MEANS.");
        assert_eq!(
            found,
            [
                n("", "Ana Ruiz", NameClass::Person),
                n("", "Riverton Post", NameClass::Organization)
            ]
        );
    }

    #[test]
    fn a_headline_in_capitals_opens_the_paragraph() {
        fn lead(text: &str) -> Option<&str> {
            let (tokens, paras) = tokenize(text);
            let finder = NameFinder::new(text, &tokens);
            let p = &paras[0];
            finder
                .caps_lead(p.first_token, p.end_token)
                .map(|k| &text[tokens[k].start as usize..])
        }
        assert_eq!(
            lead("TWO BIDS MISS THE HARBOR DEADLINE Ana Ruiz said the bidding would reopen."),
            Some("Ana Ruiz said the bidding would reopen.")
        );
        assert_eq!(lead("SEN. ALMA REYES Thanked the crowd."), None);
        assert_eq!(
            lead("TOM BERG, HARBOR CHIEF: We are ready for the storm."),
            None
        );
        assert_eq!(lead("The port reopened on Monday."), None);
    }

    #[test]
    fn a_line_of_capitalised_common_words_is_in_title_case() {
        let text = "Declared Mayoral Candidates.\n\nTom Berg Met Ana Ruiz.\n\nKUNA News Agency.";
        let (tokens, paras) = tokenize(text);
        let finder = NameFinder::new(text, &tokens);
        let title =
            |p: &crate::analysis::tokens::Paragraph| finder.title_case(p.first_token, p.end_token);
        assert!(title(&paras[0]));
        assert!(!title(&paras[1]));
        assert!(!title(&paras[2]));
    }

    #[test]
    fn capitals_after_a_clock_time_open_a_sentence() {
        // "More" is capitalised only where a sentence starts, after "a.m."
        // and a paragraph break: it is not a name's word.
        assert_eq!(
            names("Voting ended at 11:40 a.m.\n\nMore GOP senators back it."),
            [n("", "GOP", NameClass::Organization)]
        );
    }

    #[test]
    fn a_credit_verb_before_its_agent_is_no_name() {
        assert_eq!(
            names("The vote is set for May. (Reporting by Ana Ruiz; Editing by Tom Berg)"),
            [
                n("", "Ana Ruiz", NameClass::Person),
                n("", "Tom Berg", NameClass::Person)
            ]
        );
    }

    #[test]
    fn an_organisations_name_runs_over_a_second_complement() {
        assert_eq!(
            names("A fellow at the Institute for the Study of River Towns, Ana Ruiz, spoke."),
            [
                n(
                    "",
                    "Institute for the Study of River Towns",
                    NameClass::Organization
                ),
                n("", "Ana Ruiz", NameClass::Person)
            ]
        );
        // Without an organisation's complement before it, "of" still ends it.
        assert_eq!(
            names("Tom Berg of Harbour City spoke."),
            [
                n("", "Tom Berg", NameClass::Person),
                n("", "Harbour City", NameClass::Place)
            ]
        );
    }

    #[test]
    fn a_word_of_time_starts_a_title_before_an_organisation_word() {
        assert_eq!(
            names("A cover of Time Magazine named Ana Ruiz, and the Harbour Morning News agreed."),
            [
                n("", "Time Magazine", NameClass::Organization),
                n("", "Ana Ruiz", NameClass::Person),
                n("", "Harbour Morning News", NameClass::Organization)
            ]
        );
        // Before anything else it stays a word of time.
        assert_eq!(
            names("On Monday Ana Ruiz spoke."),
            [n("", "Ana Ruiz", NameClass::Person)]
        );
    }

    #[test]
    fn a_name_after_the_is_no_person_s() {
        assert_eq!(
            names(
                "The Pacific Pulsar Array is using radio telescopes. \
                 Planets outside the Solar System are many. \
                 The Ana Ruiz campaign said little."
            ),
            [
                n("", "Pacific Pulsar Array", NameClass::Organization),
                n("", "Solar System", NameClass::Organization),
                n("", "Ana Ruiz", NameClass::Person)
            ]
        );
    }

    #[test]
    fn a_name_ending_in_an_acronym_is_an_organisation_s() {
        assert_eq!(
            names("The virus was new, the Chinese CDC said. Henry Ford III agreed."),
            [
                n("", "Chinese CDC", NameClass::Organization),
                n("", "Henry Ford", NameClass::Person)
            ]
        );
    }

    #[test]
    fn an_opening_word_before_a_name_written_elsewhere_comes_off() {
        assert_eq!(
            names("Addressing New York State Republicans, Tom Berg spoke."),
            [
                n("", "New York State Republicans", NameClass::Person),
                n("", "Tom Berg", NameClass::Person)
            ]
        );
        assert_eq!(
            names("Crowds came on Cinco de Mayo. Happy Cinco de Mayo, the mayor wrote."),
            [
                n("", "Cinco de Mayo", NameClass::Person),
                n("", "Cinco de Mayo", NameClass::Person)
            ]
        );
        // A role's first word, and a name's own first word, stay.
        assert_eq!(
            names("Acting U.S. Attorney Lena Holt and Will Smith spoke. Rand Paul left."),
            [
                n("Acting U.S. Attorney", "Lena Holt", NameClass::Person),
                n("", "Will Smith", NameClass::Person),
                n("", "Rand Paul", NameClass::Person)
            ]
        );
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
