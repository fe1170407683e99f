//! Attribution frames: a reporting cue, the phrase naming its speaker, and the
//! stretches of text it attributes.
//!
//! Works sentence by sentence with quotations as units. For each cue (a reporting
//! verb such as "said", or "according to") it finds the speaker phrase to the left
//! ("Kremlin spokesman Dimitry Peskov said") or, inverted, to the right ("said
//! Peskov"), then the content: after the cue ("said [that] the plan failed",
//! "added, “...”") and/or before it ("“...,” he said", "The plan failed, he said").
//! A cue coordinated with an earlier one ("... but emphasized that ...") shares its
//! speaker and starts a new statement.

use super::model::Mode;
use super::quotes::{Quote, quote_at};
use super::sentences::Sentence;
use super::tokens::{Token, TokenKind, flag};
use super::turns::Turn;
use crate::lexicon::{PARTICLES, VerbForm, VerbInfo, class, lexicon};

/// A phrase naming a speaker, as a token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub first: usize,
    pub end: usize,
    pub kind: PhraseKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    /// he, she, they, it, I, we
    Pronoun,
    /// Has a capitalised name in it: "Russian Foreign Minister Sergey Lavrov", "The Post".
    Proper,
    /// A description: "the Russian president", "officials", "a campaign operative".
    Common,
    /// who, which, that: stands for the phrase before it.
    Relative,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker {
    Phrase(Phrase),
    /// Shares the speaker of an earlier frame (by index into the frame list).
    SameAs(usize),
    /// The text does not say: "it was reported that ...".
    Unstated,
}

/// One attribution frame.
#[derive(Clone, Debug)]
pub struct Frame {
    pub sentence: usize,
    /// Token range of the cue ("said", "pointed out", "according to").
    pub cue: (usize, usize),
    pub speaker: Option<Speaker>,
    /// An apposition that describes the speaker: "a scholar at the institute".
    pub apposition: Option<(usize, usize)>,
    /// What a relative pronoun subject stands for: "Phil Lovas" in "Phil Lovas, who said".
    pub antecedent: Option<Phrase>,
    /// Token ranges of the attributed content, in text order.
    pub contents: Vec<(usize, usize)>,
    /// The frame ends its paragraph with a colon or a bare cue, so a quotation that
    /// follows belongs to it.
    pub introduces: bool,
    /// The content is the speaker's own words without quotation marks (a
    /// transcript turn).
    pub verbatim: bool,
}

/// Speech or thought, by the cue's words: a reporting verb that is not a
/// belief ("said", "told", "warned"), "according to", or a colon or dash before
/// a quotation is speech; beliefs and everything else ("believes", "shows",
/// "is expected") is thought.
pub fn cue_mode(text: &str, tokens: &[Token], (first, end): (usize, usize)) -> Mode {
    let speech = tokens[first..end.max(first + 1).min(tokens.len())]
        .iter()
        .any(|t| match t.kind {
            TokenKind::Word => {
                t.info().verb.is_some_and(|v| !v.weak)
                    || text[t.range()].eq_ignore_ascii_case("according")
            }
            TokenKind::Punct => matches!(&text[t.range()], ":" | "—" | "―" | "–" | "-" | "--"),
            _ => false,
        });
    if speech { Mode::Speech } else { Mode::Thought }
}

pub struct FrameFinder<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub quotes: &'a [Quote],
}

const MAX_PHRASE: usize = 12;
/// Words an object needs to count as content without quotation marks.
const NP_CONTENT_WORDS: usize = 5;

impl<'a> FrameFinder<'a> {
    fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].range()]
    }

    fn lower_is(&self, i: usize, w: &str) -> bool {
        i < self.tokens.len() && self.word(i).eq_ignore_ascii_case(w)
    }

    fn lower_in(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.lower_is(i, w))
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.word(i) == p
    }

    fn quote_opening_at(&self, i: usize) -> Option<&'a Quote> {
        quote_at(self.quotes, i)
            .map(|q| &self.quotes[q])
            .filter(|q| q.open == i)
    }

    fn quote_closing_at(&self, i: usize) -> Option<&'a Quote> {
        quote_at(self.quotes, i)
            .map(|q| &self.quotes[q])
            .filter(|q| q.end_token == i + 1)
    }

    fn verb(&self, i: usize) -> Option<VerbInfo> {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Word {
            return None;
        }
        t.info().verb
    }

    /// Adverbs, auxiliaries and negation between a subject and its verb.
    fn is_verb_modifier(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        match t.kind {
            TokenKind::Clitic => true,
            TokenKind::Word => {
                !t.has(flag::CAPITALIZED)
                    && (t.is(class::ADVERB | class::AUXILIARY) || self.word(i).ends_with("ly"))
            }
            _ => false,
        }
    }

    /// Is token `i` a reporting verb used as one, not as a noun or adjective?
    fn cue_at(&self, i: usize, lo: usize, hi: usize) -> Option<(VerbInfo, usize)> {
        let verb = self.verb(i)?;
        let mut end = i + 1;
        if let Some(p) = verb.particle {
            if end < hi && self.lower_is(end, PARTICLES[p as usize]) {
                end += 1;
            } else {
                return None;
            }
        }
        let prev = (i > lo).then(|| i - 1);
        // "United States", "Says" in a title: capitalised words are names here.
        if self.tokens[i].has(flag::CAPITALIZED) && prev.is_some() {
            return None;
        }
        if let Some(p) = prev {
            let pt = &self.tokens[p];
            // "the written response", "his claims", "to say": not a reporting verb here.
            if pt.kind == TokenKind::Word
                && pt.is(class::DETERMINER)
                && !pt.is(class::RELATIVE | class::PRONOUN_N)
            {
                return None;
            }
            if pt.kind == TokenKind::Clitic
                && self.word(p).ends_with('s')
                && verb.form != VerbForm::Gerund
            {
                // "Trump’s claims": a possessive, so the word is a noun.
                if !self.tokens[p - 1].is(class::SUBJECT_PRONOUN) {
                    return None;
                }
            }
            if self.lower_is(p, "to")
                && verb.form == VerbForm::Present
                && self.chain_before(p).is_none()
            {
                return None;
            }
            // "Russia’s key security demand that ...": a bare verb after a singular
            // noun is a noun itself.
            let bare = self
                .word(i)
                .eq_ignore_ascii_case(lexicon().verb_lemma(&verb));
            let numeric = self.word(p).bytes().any(|b| b.is_ascii_digit());
            // "that claim", "this plan": a bare form after a demonstrative is a noun.
            let demonstrative = self.lower_in(p, &["that", "this"]);
            // "Battleground state Florida": a bare form between two names is part
            // of a longer name ("Police say he ..." is a verb).
            let singular_name = self.tokens[p].is_capitalized()
                && !self.word(p).ends_with('s')
                && !self.tokens[p].is(class::SUBJECT_PRONOUN)
                && !(p.saturating_sub(4)..p).any(|k| self.lower_is(k, "and"))
                && self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_capitalized() && !n.is(class::FUNCTION));
            let demonstrative = demonstrative || singular_name;
            if bare
                && (numeric
                    || demonstrative
                    || self.noun_candidate(p) && !self.word(p).ends_with('s'))
            {
                return None;
            }
        }
        if verb.form == VerbForm::Gerund {
            // A gerund reports after a comma or an auxiliary (", adding that", "is
            // saying") or right before its content ("tweets saying that");
            // otherwise it is a noun or a modifier.
            let introduces = end < hi
                && (self.lower_is(end, "that")
                    || self.is_punct(end, ":")
                    || self.quote_opening_at(end).is_some()
                    || (self.is_punct(end, ",") && self.quote_opening_at(end + 1).is_some()));
            let ok = introduces
                || prev.is_some_and(|p| {
                    self.is_punct(p, ",")
                        || self.tokens[p]
                            .is(class::AUXILIARY | class::PREPOSITION | class::CONJUNCTION)
                        || self.tokens[p].kind == TokenKind::Clitic
                });
            if !ok {
                return None;
            }
        }
        Some((verb, end))
    }

    /// Can token `i` be part of a speaker phrase (other than its determiner)?
    fn phrase_word(&self, i: usize, sentence_first: usize) -> bool {
        let t = &self.tokens[i];
        match t.kind {
            TokenKind::Word => {
                if t.has(flag::CAPITALIZED) {
                    let function = t.is(class::FUNCTION) && !t.is(class::TITLE | class::ORG_WORD);
                    let time = t.is(class::TIME) && !t.is(class::FIRST_NAME);
                    // A capitalised function word only opens a sentence; ALL CAPS words are names.
                    !(function || time) || (t.has(flag::ALL_CAPS) && i != sentence_first)
                } else {
                    t.is(class::TITLE | class::GROUP_SPEAKER | class::ORG_WORD | class::DEMONYM)
                }
            }
            TokenKind::Clitic => self.word(i).ends_with(['s', 'S']), // possessive ’s
            TokenKind::Number => false,
            _ => false,
        }
    }

    fn is_role_word(&self, i: usize) -> bool {
        self.tokens[i].is(class::TITLE | class::GROUP_SPEAKER | class::ORG_WORD)
    }

    /// A subject pronoun: he, she, it, they, I, we ("US" in capitals is a country).
    fn is_pronoun(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == TokenKind::Word
            && t.is(class::SUBJECT_PRONOUN)
            && !t.is(class::DETERMINER | class::RELATIVE)
            && (!t.has(flag::ALL_CAPS) || self.word(i) == "I")
    }

    /// A lowercase word that may head a noun phrase: not a function word, verb,
    /// adverb or time word.
    fn noun_candidate(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == TokenKind::Word
            && !t.has(flag::CAPITALIZED)
            && !t.is(class::FUNCTION | class::REPORTING_VERB | class::ADVERB | class::TIME)
            && !self.word(i).ends_with("ly")
    }

    /// Is there a determiner or possessive a few words left of `end`, with only
    /// noun-like words between ("the ad’s narrator", "a campaign operative")?
    fn determiner_anchored(&self, end: usize, lo: usize) -> bool {
        let mut i = end;
        while i > lo && end - i < 5 {
            let j = i - 1;
            let t = &self.tokens[j];
            if t.kind == TokenKind::Word && t.is(class::DETERMINER) && !t.is(class::RELATIVE) {
                return true;
            }
            if t.kind == TokenKind::Clitic && self.word(j).ends_with(['s', 'S']) {
                return true;
            }
            if !(self.noun_candidate(j) || self.phrase_word(j, lo)) {
                return false;
            }
            i = j;
        }
        false
    }

    /// The speaker phrase that ends just before token `end` (exclusive), reading leftwards.
    fn phrase_ending_at(&self, end: usize, lo: usize) -> Option<Phrase> {
        if end <= lo {
            return None;
        }
        let last = end - 1;
        let t = &self.tokens[last];
        if self.is_pronoun(last) {
            return Some(Phrase {
                first: last,
                end,
                kind: PhraseKind::Pronoun,
            });
        }
        if t.kind == TokenKind::Word
            && t.is(class::RELATIVE)
            && self.lower_in(last, &["who", "which", "that"])
            && last > lo
        {
            return Some(Phrase {
                first: last,
                end,
                kind: PhraseKind::Relative,
            });
        }
        // The head: a name or role word, or any noun after a determiner.
        let generic_head = !self.phrase_word(last, lo)
            && self.noun_candidate(last)
            && self.determiner_anchored(last, lo);
        if !self.phrase_word(last, lo) && !generic_head {
            return None;
        }
        // Possessive at the end is not a head: "Trump’s said" never happens.
        if t.kind == TokenKind::Clitic {
            return None;
        }
        let noun_head = generic_head || self.is_role_word(last);
        let mut committed = end; // leftmost token of the phrase confirmed so far
        let mut i = end;
        while i > lo && end - i < MAX_PHRASE {
            let j = i - 1;
            let tj = &self.tokens[j];
            if self.phrase_word(j, lo) {
                i = j;
                committed = i;
                continue;
            }
            if tj.kind == TokenKind::Word && tj.is(class::DETERMINER) && !tj.is(class::RELATIVE) {
                // Includes possessive determiners: "his spokesman".
                committed = j;
                break;
            }
            // "Secretary of State", "a spokesperson for Google", "Ministry of Foreign Affairs".
            let linking = tj.kind == TokenKind::Word
                && !tj.has(flag::CAPITALIZED)
                && matches!(self.word(j), "of" | "for" | "at" | "from" | "to")
                && j > lo
                && self.is_role_word(j - 1)
                && self.tokens[i].is_capitalized();
            if linking {
                i = j;
                continue;
            }
            // Lowercase modifiers before a noun head: "a campaign operative", "top black lawmakers".
            if noun_head && self.noun_candidate(j) {
                i = j;
                committed = i;
                continue;
            }
            break;
        }
        let mut first = committed;
        // Drop words that only open the sentence: "But", and a leading "of".
        while first < end
            && self.tokens[first].is(class::PREPOSITION | class::CONJUNCTION)
            && !self.is_role_word(first)
        {
            first += 1;
        }
        if first >= end {
            return None;
        }
        let head = &self.tokens[last];
        if head.is(class::DEMONYM) && !head.is(class::GROUP_SPEAKER) && first == last {
            return None;
        }
        // A name heads the phrase ("a spokesperson for Google", "Dimitry Peskov"),
        // or a description does ("the Russian president", "officials").
        let title = head.is(class::TITLE) && !head.has(flag::ALL_CAPS);
        let opening_group = head.is(class::GROUP_SPEAKER) && last == lo;
        let proper = head.is_capitalized()
            && !title
            && !opening_group
            && !head.is(class::DEMONYM | class::DETERMINER);
        let kind = if proper {
            PhraseKind::Proper
        } else {
            PhraseKind::Common
        };
        if kind == PhraseKind::Common && !noun_head {
            return None;
        }
        Some(Phrase { first, end, kind })
    }

    /// A form of "be" among the words right before the verb: "was told", "is said".
    fn is_passive(&self, cue: usize, lo: usize) -> bool {
        let mut k = cue;
        while k > lo && self.is_verb_modifier(k - 1) {
            k -= 1;
            if self.lower_in(k, &["is", "was", "were", "are", "been", "being", "be"]) {
                return true;
            }
        }
        false
    }

    /// The subject of the cue at `cue`: skips adverbs and auxiliaries, an affiliation
    /// in parentheses and an apposition between commas.
    fn subject_before(&self, cue: usize, lo: usize) -> Option<(Phrase, Option<(usize, usize)>)> {
        let mut end = cue;
        // "X went on to say": the subject of the chain.
        if end > lo + 1
            && self.lower_is(end - 1, "to")
            && let Some(chain) = self.chain_before(end - 1).filter(|&c| c > lo)
        {
            end = chain;
        }
        while end > lo && self.is_verb_modifier(end - 1) {
            end -= 1;
        }
        // "who in 2010 said", "Trump on Monday said": a time phrase before the verb.
        if end > lo + 1 {
            let t = &self.tokens[end - 1];
            if t.kind == TokenKind::Number || t.is(class::TIME) {
                let mut k = end - 1;
                while k > lo
                    && end - k < 4
                    && !self.tokens[k - 1].is(class::PREPOSITION)
                    && (self.tokens[k - 1].is(class::TIME | class::DETERMINER)
                        || self.tokens[k - 1].kind == TokenKind::Number)
                {
                    k -= 1;
                }
                if k > lo
                    && self.tokens[k - 1].is(class::PREPOSITION)
                    && !self.tokens[k - 1].has(flag::CAPITALIZED)
                {
                    end = k - 1;
                }
            }
        }
        if end > lo && self.is_punct(end - 1, ")") {
            let open = (lo..end - 1)
                .rev()
                .take(8)
                .find(|&k| self.is_punct(k, "("))?;
            return self.phrase_ending_at(open, lo).map(|p| (p, None));
        }
        if end > lo && self.is_punct(end - 1, ",") {
            return self.apposed_subject(end - 1, lo, cue);
        }
        self.phrase_ending_at(end, lo).map(|p| (p, None))
    }

    /// The subject before an apposition that ends with the comma at `comma`:
    /// "Norman Ornstein, a scholar at the institute, said", "Karl Dietz, 59, of
    /// Ashton, said", "Clinton, at a later press gaggle, said"; and the other way
    /// round, "The campaign's chairman, Phil Lovas, said" (the name speaks, the
    /// description is its role).
    fn apposed_subject(
        &self,
        comma: usize,
        lo: usize,
        cue: usize,
    ) -> Option<(Phrase, Option<(usize, usize)>)> {
        const MAX_APPOSITION: usize = 40;
        const MAX_SEGMENTS: usize = 3;
        let mut k = comma;
        for _ in 0..MAX_SEGMENTS {
            // The comma that opens the apposition.
            let seg_end = k;
            loop {
                if k <= lo || comma - k >= MAX_APPOSITION {
                    return None;
                }
                k -= 1;
                let finite_cue = self.verb(k).is_some_and(|v| v.form != VerbForm::Gerund)
                    && self.cue_at(k, lo, cue).is_some();
                if quote_at(self.quotes, k).is_some() || finite_cue {
                    return None;
                }
                if self.is_punct(k, ",") {
                    break;
                }
            }
            if k + 1 >= seg_end {
                return None;
            }
            let Some(before) = self
                .phrase_ending_at(k, lo)
                .filter(|p| p.kind != PhraseKind::Pronoun && p.kind != PhraseKind::Relative)
            else {
                continue; // "59," in "Karl Dietz, 59, of Ashton,": look one segment further
            };
            let seg = k + 1;
            let named = self
                .phrase_ending_at(comma, seg)
                .filter(|p| p.first == seg && p.kind == PhraseKind::Proper);
            if before.kind == PhraseKind::Common
                && seg_end == comma
                && let Some(name) = named
            {
                return Some((name, Some((before.first, before.end))));
            }
            return Some((before, Some((seg, comma))));
        }
        None
    }

    /// A speaker phrase starting at `start`, reading rightwards: "said Peskov",
    /// "according to the State Department".
    fn phrase_starting_at(&self, start: usize, hi: usize) -> Option<Phrase> {
        if start >= hi {
            return None;
        }
        let t = &self.tokens[start];
        if self.is_pronoun(start) {
            return Some(Phrase {
                first: start,
                end: start + 1,
                kind: PhraseKind::Pronoun,
            });
        }
        let mut i = start;
        if t.kind == TokenKind::Word && t.is(class::DETERMINER) && !t.is(class::RELATIVE) {
            i += 1;
        }
        let body = i;
        let mut last_head = None;
        while i < hi && i - start < MAX_PHRASE {
            if self.phrase_word(i, usize::MAX) {
                if self.tokens[i].kind != TokenKind::Clitic {
                    last_head = Some(i);
                }
                i += 1;
                continue;
            }
            let ti = &self.tokens[i];
            let linking = ti.kind == TokenKind::Word
                && matches!(self.word(i), "of" | "for" | "at" | "from")
                && i > body
                && self.is_role_word(i - 1)
                && i + 1 < hi
                && (self.tokens[i + 1].is_capitalized()
                    || self.tokens[i + 1].is(class::DETERMINER));
            if linking {
                i += 1;
                if self.tokens[i].is(class::DETERMINER) {
                    i += 1;
                }
                continue;
            }
            // Lowercase modifiers after a determiner: "a senior administration official".
            let modifier = ti.kind == TokenKind::Word
                && !ti.has(flag::CAPITALIZED)
                && !ti.is(class::FUNCTION | class::REPORTING_VERB | class::ADVERB | class::TIME)
                && (i + 1..hi.min(i + 4)).any(|k| self.is_role_word(k));
            if modifier {
                i += 1;
                continue;
            }
            break;
        }
        let end = last_head? + 1;
        let phrase = self.phrase_ending_at(end, start)?;
        (phrase.first >= start).then_some(phrase)
    }

    /// Skips what may sit between a cue and its content: the hearer, time words and
    /// prepositional phrases ("told reporters on Thursday that").
    fn skip_modifiers(&self, mut i: usize, hi: usize, verb: Option<VerbInfo>) -> usize {
        if verb.is_some_and(|v| v.takes_object) && i < hi {
            i = self.skip_hearer(i, hi);
        }
        loop {
            if i >= hi {
                return i;
            }
            let t = &self.tokens[i];
            if t.kind == TokenKind::Word
                && (t.is(class::TIME) || (t.is(class::ADVERB) && !t.has(flag::CAPITALIZED)))
                && !self.lower_is(i, "that")
            {
                i += 1;
                continue;
            }
            // "one day", "that evening", "every morning".
            if i + 1 < hi
                && (t.is(class::DETERMINER) || self.lower_is(i, "one"))
                && !t.has(flag::CAPITALIZED)
                && self.tokens[i + 1].is(class::TIME)
                && !self.tokens[i + 1].has(flag::CAPITALIZED)
            {
                i += 2;
                continue;
            }
            if t.kind == TokenKind::Word
                && t.is(class::PREPOSITION)
                && !t.has(flag::CAPITALIZED)
                && !self.lower_is(i, "that")
                && !self.lower_is(i, "to")
                && !self.lower_is(i, "like")
            {
                match self.prepositional_phrase_end(i, hi) {
                    Some(end) => i = end,
                    None => return i,
                }
                continue;
            }
            return i;
        }
    }

    /// Skips the hearer of a verb that takes one: "told him", "told the forum",
    /// "told a crowd in Cleveland", "told reporters".
    fn skip_hearer(&self, mut i: usize, hi: usize) -> usize {
        let t = &self.tokens[i];
        if t.kind == TokenKind::Word
            && self.lower_in(
                i,
                &[
                    "him",
                    "her",
                    "them",
                    "us",
                    "me",
                    "you",
                    "myself",
                    "himself",
                    "herself",
                    "themselves",
                    "ourselves",
                    "yourself",
                ],
            )
        {
            i += 1;
        } else if t.kind == TokenKind::Word
            && t.is(class::DETERMINER)
            && !t.is(class::RELATIVE)
            && i + 1 < hi
            && self.noun_candidate(i + 1)
        {
            // "told the forum he was ...", "told a crowd in Cleveland that ...":
            // a determiner and its nouns.
            i += 1;
            while i < hi && self.noun_candidate(i) && !self.lower_is(i, "that") {
                i += 1;
            }
        } else if let Some(p) = self
            .phrase_starting_at(i, hi)
            .filter(|p| p.kind != PhraseKind::Pronoun)
        {
            i = p.end;
        } else if t.kind == TokenKind::Word
            && !t.is(class::FUNCTION | class::TIME)
            && !t.has(flag::CAPITALIZED)
            && self.word(i).ends_with('s')
            && i + 1 < hi
            && (self.lower_is(i + 1, "that")
                || self.tokens[i + 1].kind != TokenKind::Word
                || self.tokens[i + 1].is(class::DETERMINER | class::SUBJECT_PRONOUN)
                    && !self.tokens[i + 1].is(class::RELATIVE))
        {
            i += 1; // "told reporters that", "told reporters the plan ..."
        }
        i
    }

    /// Where a prepositional phrase at `i` ends ("on Thursday", "in a
    /// statement", "in Toledo, Ohio,"); `None` when no noun follows it.
    fn prepositional_phrase_end(&self, i: usize, hi: usize) -> Option<usize> {
        let mut j = i + 1;
        let mut nouns = 0;
        while j < hi {
            let tj = &self.tokens[j];
            if tj.kind == TokenKind::Word && tj.is(class::DETERMINER) && !tj.is(class::RELATIVE) {
                if nouns > 0 {
                    break; // a new noun phrase: the content starts
                }
                j += 1;
                continue;
            }
            let word_like = matches!(
                tj.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Clitic
            ) && !tj.is(class::SUBJECT_PRONOUN
                | class::AUXILIARY
                | class::CONJUNCTION
                | class::RELATIVE)
                && !self.lower_is(j, "that")
                && self.cue_at(j, i, hi).is_none();
            if !word_like || tj.is(class::PREPOSITION) {
                break;
            }
            nouns += 1;
            j += 1;
        }
        if nouns == 0 {
            return None;
        }
        let mut i = j;
        // "in Toledo, Ohio, that ...": a place's state between commas.
        if i + 2 < hi && self.is_punct(i, ",") && self.tokens[i + 1].is_capitalized() {
            let mut k = i + 1;
            while k < hi && k - i < 4 && self.tokens[k].is_capitalized() {
                k += 1;
            }
            if k < hi && self.is_punct(k, ",") {
                i = k + 1;
            }
        }
        Some(i)
    }

    /// The subject that opens a sentence: "Rival Hillary Clinton" in "Rival Hillary
    /// Clinton had mocked the complaint, saying ...".
    fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Phrase> {
        let mut i = lo;
        while i < hi
            && (self.tokens[i].kind != TokenKind::Word
                || self.tokens[i].is(class::CONJUNCTION | class::ADVERB))
        {
            i += 1;
        }
        self.phrase_starting_at(i, hi)
            .filter(|p| p.kind != PhraseKind::Relative)
    }

    /// After an inverted subject ("said Peskov") the sentence ends, or goes on
    /// with an apposition, a modifier or a new quotation; it has no clause of its own.
    fn ends_inverted_frame(&self, i: usize, hi: usize) -> bool {
        let mut j = self.skip_modifiers(i, hi, None);
        // The hearer: "said Tom to his wife", "said she to him one day".
        if j + 1 < hi && self.lower_is(j, "to") {
            let hearer = if self.tokens[j + 1].is(class::FUNCTION)
                && !self.tokens[j + 1].is(class::DETERMINER)
            {
                Some(j + 2)
            } else {
                self.phrase_starting_at(j + 1, hi).map(|p| p.end)
            };
            if let Some(h) = hearer {
                j = self.skip_modifiers(h, hi, None);
            }
        }
        // "said the doctor gently."
        if j < hi && self.manner_adverb(j) {
            j += 1;
        }
        j >= hi
            || self.quote_opening_at(j).is_some()
            || (self.tokens[j].kind == TokenKind::Punct
                && matches!(self.word(j), "," | ";" | ":" | "." | "—" | "–" | "(" | ")"))
    }

    /// Where the content that follows a cue starts, if it has any.
    ///
    /// `parenthetical`: the frame sits between commas ("The plan, he said, is dead"),
    /// so a comma after the cue opens the content, even a verb phrase.
    fn content_start(
        &self,
        i: usize,
        hi: usize,
        verb: Option<VerbInfo>,
        parenthetical: bool,
    ) -> Option<usize> {
        if i >= hi {
            return None;
        }
        let t = &self.tokens[i];
        let w = self.word(i);
        if t.kind == TokenKind::Punct {
            return match w {
                ":" => (i + 1 < hi).then_some(i + 1),
                "," if i + 1 < hi && self.quote_opening_at(i + 1).is_none() => {
                    let n = &self.tokens[i + 1];
                    let clause = n.is_word()
                        && !n.is(class::PREPOSITION | class::CONJUNCTION | class::RELATIVE)
                        && self.cue_at(i + 1, i, hi).is_none()
                        && !self.word(i + 1).ends_with("ing")
                        && (parenthetical || !n.is(class::AUXILIARY));
                    let speech = verb.is_none_or(|v| !v.weak && !v.np_content);
                    (clause
                        && (parenthetical || speech)
                        && self.content_start(i + 1, hi, verb, true).is_some())
                    .then_some(i + 1)
                }
                "," | ";" | "—" | "–" => self.quote_opening_at(i + 1).map(|_| i + 1),
                _ => None,
            };
        }
        if self.quote_opening_at(i).is_some() {
            return Some(i);
        }
        if t.kind != TokenKind::Word && t.kind != TokenKind::Number {
            return None;
        }
        if let Some(q) = self.manner_before_quote(i, hi) {
            return Some(q);
        }
        // "said nothing.", "said so, but", "said little about it"; not "said
        // nothing has changed".
        if t.is(class::EMPTY_OBJECT)
            && !t.has(flag::CAPITALIZED)
            && self
                .tokens
                .get(i + 1)
                .is_none_or(|n| !n.is_word() || n.is(class::CONJUNCTION | class::PREPOSITION))
        {
            return None;
        }
        if self.lower_is(i, "that") {
            return (i + 1 < hi).then_some(i + 1);
        }
        if self.lower_in(
            i,
            &[
                "whether", "if", "why", "how", "what", "when", "where", "who",
            ],
        ) {
            return Some(i);
        }
        if self.lower_is(i, "to") {
            return verb.is_some_and(|v| v.infinitive).then_some(i);
        }
        if t.is(class::PREPOSITION | class::CONJUNCTION)
            || (t.is(class::AUXILIARY) && !parenthetical)
            || self.verb(i).is_some() && self.cue_at(i, i, hi).is_some()
        {
            return None;
        }
        if t.is(class::ADVERB) && i + 1 >= hi {
            return None;
        }
        // A clause or, for verbs such as "called", a noun phrase: at least two words.
        let words = (i..hi)
            .filter(|&k| self.tokens[k].is_word())
            .take(2)
            .count();
        (words >= 2 || self.quote_opening_at(i + 1).is_some()).then_some(i)
    }

    /// A lowercase word in "-ly", which where this is asked is a manner adverb:
    /// "gently".
    fn manner_adverb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let w = self.word(i);
        t.kind == TokenKind::Word && !t.has(flag::CAPITALIZED) && w.len() > 4 && w.ends_with("ly")
    }

    /// "she said mildly, “...”", "he said at last, “...”", "she said, smiling,
    /// “...”": a short phrase of manner or time between the cue and a quotation
    /// is not content; the quotation is.
    fn manner_before_quote(&self, i: usize, hi: usize) -> Option<usize> {
        const MAX_WORDS: usize = 4;
        let first = &self.tokens[i];
        let manner = first.is(class::ADVERB | class::TIME | class::PREPOSITION)
            || self.manner_adverb(i)
            || self.word(i).len() > 4 && self.word(i).ends_with("ing");
        if !manner || first.has(flag::CAPITALIZED) {
            return None;
        }
        let comma = (i + 1..hi.min(i + 1 + MAX_WORDS))
            .take_while(|&k| self.tokens[k].is_word() || self.is_punct(k, ","))
            .find(|&k| self.is_punct(k, ","))?;
        (comma + 1 < hi && self.quote_opening_at(comma + 1).is_some()).then_some(comma + 1)
    }

    /// Does a verb chain end at the "to" at `to`, making the infinitive after it
    /// the real cue: "went on to say", "continued to argue", "took to Twitter to
    /// say"? Returns where the chain starts.
    fn chain_before(&self, to: usize) -> Option<usize> {
        lexicon().verb_chains.iter().find_map(|chain| {
            let first = to.checked_sub(chain.len())?;
            chain
                .iter()
                .enumerate()
                .all(|(k, w)| match *w {
                    "*" => self.tokens[first + k].is_capitalized(),
                    w => self.lower_is(first + k, w),
                })
                .then_some(first)
        })
    }

    /// Is there a speaker phrase of its own before the cue at `k`, or is the cue
    /// coordinated with an earlier one ("..., but emphasized that")?
    fn coordinated(&self, k: usize, lo: usize) -> Option<usize> {
        let mut j = k;
        while j > lo && self.is_verb_modifier(j - 1) {
            j -= 1;
        }
        if j <= lo {
            return None;
        }
        let p = j - 1;
        let is_conj = self.tokens[p].kind == TokenKind::Word
            && self.lower_in(p, &["and", "but", "while", "yet"]);
        if is_conj {
            let cut = if p > lo && self.is_punct(p - 1, ",") {
                p - 1
            } else {
                p
            };
            return Some(cut);
        }
        if self.is_punct(p, ",") || self.is_punct(p, ";") {
            let gerund = self.verb(k).is_some_and(|v| v.form == VerbForm::Gerund);
            if gerund || self.is_punct(p, ";") {
                return Some(p);
            }
        }
        None
    }

    /// Does content starting at `c` fit the verb that introduces it? A clause after
    /// a comma only right after the cue ("he said, the plan failed"), not after a
    /// prepositional phrase; "told" and its kin need their hearer or a "that"
    /// before a bare clause ("told some of the miners" has no content).
    fn content_fits_verb(
        &self,
        c: usize,
        cue_end: usize,
        after: usize,
        after_speaker: usize,
        verb: VerbInfo,
    ) -> bool {
        let introduced = c > 0
            && (self.lower_is(c - 1, "that")
                || self.is_punct(c - 1, ":")
                || self.quote_opening_at(c).is_some()
                || self.lower_in(
                    c,
                    &[
                        "whether", "if", "why", "how", "what", "when", "where", "who", "to",
                    ],
                ));
        if introduced {
            return true;
        }
        let after_comma = c > 0 && self.is_punct(c - 1, ",");
        if after_comma && c - 1 != after_speaker && c - 1 != cue_end {
            return false;
        }
        // "told the crowd to welcome ...": object and complement are the content.
        let complement_follows =
            (c..(c + 5).min(self.tokens.len())).any(|k| self.lower_in(k, &["to", "that"]));
        let hearer_missing = verb.takes_object && after == cue_end;
        !hearer_missing || after_comma || complement_follows
    }

    /// Where post content that starts at `start` ends: the sentence end, a cue
    /// coordinated with this one, or an apposition after a dash.
    fn content_end(&self, start: usize, hi: usize) -> (usize, Option<usize>) {
        const CONTRAST_JOINTS: &[&str] = &["but", "while"];
        let mut i = start;
        while i < hi {
            if let Some(q) = self.quote_opening_at(i) {
                i = q.end_token;
                continue;
            }
            if i > start && self.cue_at(i, start, hi).is_some() {
                if let Some(cut) = self.coordinated(i, start) {
                    return (cut, Some(i));
                }
                // "..., though she noted that ...": a new frame with its own subject.
                if let Some((phrase, _)) = self.subject_before(i, start)
                    && phrase.kind != PhraseKind::Relative
                    && phrase.first > start
                {
                    let p = phrase.first - 1;
                    // A bare "and" joins names ("Moscow and Kiev would ..."); ", and" joins clauses.
                    let comma_and =
                        self.lower_is(p, "and") && p > start && self.is_punct(p - 1, ",");
                    let joint = self.is_punct(p, ",")
                        || self.is_punct(p, ";")
                        || comma_and
                        || self.lower_in(
                            p,
                            &["but", "though", "although", "while", "whereas", "because"],
                        );
                    if joint {
                        let cut = if p > start && self.is_punct(p - 1, ",") {
                            p - 1
                        } else {
                            p
                        };
                        return (cut, Some(phrase.first));
                    }
                }
            }
            let w = self.word(i);
            // A semicolon joins another clause, usually with a source of its own.
            if self.tokens[i].kind == TokenKind::Punct && w == ";" {
                return (i, None);
            }
            // ", but ...", ", while ...": a contrast the writer adds.
            if i > start
                && self.is_punct(i, ",")
                && i + 1 < hi
                && self.lower_in(i + 1, CONTRAST_JOINTS)
            {
                return (i, None);
            }
            if self.tokens[i].kind == TokenKind::Punct
                && matches!(w, "—" | "–" | "--")
                && i + 1 < hi
            {
                let n = &self.tokens[i + 1];
                if n.kind == TokenKind::Word && n.is(class::DETERMINER) && !n.is(class::RELATIVE) {
                    return (i, None);
                }
            }
            i += 1;
        }
        (hi, None)
    }

    /// Drops trailing punctuation (but not closing quotation marks) and leading commas.
    fn trim(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        while a < b
            && self.tokens[a].kind == TokenKind::Punct
            && matches!(self.word(a), "," | ":" | ";" | "—" | "–" | "-" | "--")
        {
            a += 1;
        }
        while b > a {
            let t = &self.tokens[b - 1];
            let trailing =
                t.kind == TokenKind::Punct && !matches!(self.word(b - 1), ")" | "]" | "…");
            if trailing {
                b -= 1;
            } else {
                break;
            }
        }
        (b > a && (a..b).any(|k| self.tokens[k].is_word())).then_some((a, b))
    }

    /// Content before a frame: from `lo` to the comma or closing quotation mark that
    /// precedes the speaker phrase or cue at `at`.
    fn content_before(&self, at: usize, lo: usize) -> Option<(usize, usize)> {
        const MIN_CONTENT_BEFORE: usize = 2;
        if at <= lo {
            return None;
        }
        let mut p = at - 1;
        // "..., as police have said."
        if self.lower_is(p, "as") && p > lo && self.is_punct(p - 1, ",") {
            p -= 1;
        }
        let end = if self.quote_closing_at(p).is_some() {
            at
        } else if self.is_punct(p, ",") || self.is_punct(p, "—") || self.is_punct(p, "–") {
            p
        } else {
            return None;
        };
        let (mut a, b) = self.trim(lo, end)?;
        let whole_quote = self.quote_opening_at(a).is_some_and(|q| q.end_token >= b);
        if whole_quote {
            return Some((a, b));
        }
        // A dateline is not content: "FLINT, Mich., Oct. 4 (UPI) — ...".
        if let Some(after) = self.dateline_end(a, b) {
            a = self.trim(after, b)?.0;
        }
        // An opening phrase is not content: "At the same time, Peskov added",
        // "Speaking at a rally in Ohio, Trump said", "More than anything, ...".
        let first = &self.tokens[a];
        let participle =
            first.is_capitalized() && self.word(a).ends_with("ing") && !first.is(class::FUNCTION);
        let opener =
            first.is(class::PREPOSITION | class::CONJUNCTION) && !self.lower_in(a, &["but", "and"]);
        // A participle or comparison may open the sentence ("Speaking in Ohio, ...")
        // or be its subject ("Shifting monsoons could ..."): only a comma tells.
        let maybe_opener =
            participle || self.lower_in(a, &["more", "less", "once", "asked", "pressed", "back"]);
        let comma = (a..b).find(|&k| self.is_punct(k, ",") && quote_at(self.quotes, k).is_none());
        // Without a comma, a clause has a verb of its own (an auxiliary at least:
        // "Shifting monsoons could affect ..."); "Speaking at a rally" has none.
        let clause = (a..b)
            .any(|k| self.tokens[k].is(class::AUXILIARY) && !self.tokens[k].has(flag::CAPITALIZED));
        if opener || (maybe_opener && (comma.is_some() || !clause)) {
            a = self.trim(comma? + 1, b)?.0;
        }
        // "Last week, she said ...", "Several weeks ago, ...": a time is not content.
        if (a..b).all(|k| {
            let t = &self.tokens[k];
            let w = self.word(k).to_ascii_lowercase();
            let plural_time = w
                .strip_suffix('s')
                .is_some_and(|one| lexicon().word(one).is(class::TIME));
            !t.is_word()
                || t.is(class::TIME | class::DETERMINER | class::ADVERB)
                || t.kind == TokenKind::Number
                || plural_time
        }) {
            return None;
        }
        let words = (a..b).filter(|&k| self.tokens[k].is_word()).count();
        (words >= MIN_CONTENT_BEFORE || (a..b).any(|k| self.quote_opening_at(k).is_some()))
            .then_some((a, b))
    }

    /// The end of `start..end` before a clause of time, cause or purpose.
    fn before_circumstance(&self, start: usize, end: usize) -> usize {
        const SUBORDINATORS: [&str; 12] = [
            "as", "while", "when", "after", "before", "because", "since", "so", "until",
            "although", "though", "during",
        ];
        let mut k = start + 2;
        while k < end {
            if let Some(q) = self.quote_opening_at(k) {
                k = q.end_token;
                continue;
            }
            if self.tokens[k].kind == TokenKind::Word
                && !self.tokens[k].has(flag::CAPITALIZED)
                && self.lower_in(k, &SUBORDINATORS)
            {
                // "as" after the object is often its complement ("described X as a
                // disgrace"); it opens a clause when a subject and a verb follow.
                let verb_soon = (k + 2..(k + 5).min(end)).any(|j| {
                    let t = &self.tokens[j];
                    t.kind == TokenKind::Word
                        && !t.has(flag::CAPITALIZED)
                        && (t.is(class::AUXILIARY) || self.word(j).ends_with("ed"))
                });
                let subject_next = self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| n.is_capitalized() || n.is(class::SUBJECT_PRONOUN));
                let complement = self.lower_is(k, "as") && !subject_next && !verb_soon;
                if !complement {
                    return k;
                }
            }
            k += 1;
        }
        end
    }

    /// The end of `start..end` before a short apposition that closes it: "he did
    /// not support Mr. Trump, the presumed favorite".
    fn before_trailing_apposition(&self, start: usize, end: usize) -> usize {
        const MAX_APPOSITION_WORDS: usize = 6;
        let Some(comma) = (start + 1..end)
            .rev()
            .find(|&k| self.is_punct(k, ",") && quote_at(self.quotes, k).is_none())
        else {
            return end;
        };
        let tail = comma + 1..end;
        let starts_with_article =
            tail.start < end && self.lower_in(tail.start, &["a", "an", "the"]);
        let words = tail.clone().filter(|&k| self.tokens[k].is_word()).count();
        let plain = tail.clone().all(|k| {
            quote_at(self.quotes, k).is_none()
                && !self.tokens[k].is(class::AUXILIARY | class::RELATIVE | class::SUBJECT_PRONOUN)
        });
        if starts_with_article && words <= MAX_APPOSITION_WORDS && plain {
            comma
        } else {
            end
        }
    }

    /// Where a dateline that opens `a..b` ends: capitals, optional state and date,
    /// an optional agency in parentheses, then a dash.
    fn dateline_end(&self, a: usize, b: usize) -> Option<usize> {
        const MAX_DATELINE: usize = 12;
        // "(CNN)President Trump ...": an agency in parentheses opens the text.
        if a + 2 < b
            && self.is_punct(a, "(")
            && self.tokens[a + 1].has(flag::ALL_CAPS)
            && self.is_punct(a + 2, ")")
        {
            let after = a + 3;
            let dash = after < b && matches!(self.word(after), "—" | "–" | "―" | "-" | "--");
            return Some(if dash { after + 1 } else { after });
        }
        if !self.tokens[a].has(flag::ALL_CAPS) {
            return None;
        }
        let dash = (a + 1..b.min(a + MAX_DATELINE)).find(|&k| {
            self.tokens[k].kind == TokenKind::Punct
                && matches!(self.word(k), "—" | "–" | "―" | "-" | "--")
        })?;
        // Only names, dates and an agency in parentheses come before the dash.
        let plain = (a..dash).all(|k| {
            let t = &self.tokens[k];
            match t.kind {
                TokenKind::Word => t.has(flag::CAPITALIZED),
                TokenKind::Number => true,
                TokenKind::Punct => matches!(self.word(k), "," | "." | "(" | ")"),
                _ => false,
            }
        });
        plain.then_some(dash + 1)
    }

    /// The frame of a transcript turn: the label speaks the rest of the paragraph.
    pub fn turn_frame(&self, sentence: usize, turn: Turn, paragraph_end: usize) -> Frame {
        let (first, end) = turn.label;
        let contents = self
            .trim(turn.colon + 1, paragraph_end)
            .into_iter()
            .collect();
        Frame {
            speaker: Some(Speaker::Phrase(Phrase {
                first,
                end,
                kind: PhraseKind::Proper,
            })),
            contents,
            verbatim: true,
            ..Frame::at(sentence, (turn.colon, turn.colon + 1))
        }
    }

    /// "“...” — Jane Doe": a quotation signed with a dash and a name.
    fn signed_quote(&self, sentence: usize, q: &Quote, hi: usize) -> Option<Frame> {
        let dash = q.end_token;
        if dash + 1 >= hi || !matches!(self.word(dash), "—" | "–" | "―" | "-" | "--") {
            return None;
        }
        let phrase = self.phrase_starting_at(dash + 1, hi)?;
        let rest_is_punct = (phrase.end..hi).all(|k| self.tokens[k].kind == TokenKind::Punct);
        (phrase.kind == PhraseKind::Proper && rest_is_punct).then(|| Frame {
            speaker: Some(Speaker::Phrase(phrase)),
            contents: vec![(q.open, q.end_token)],
            ..Frame::at(sentence, (dash, dash + 1))
        })
    }

    /// Phrases that may name the speaker of a cue at `first..end` in the sentence
    /// `lo..hi`: its subject to the left (over an apposition), the phrase just
    /// before it, and an inverted subject after it ("said Jane Doe").
    pub fn speaker_phrases(
        &self,
        (first, end): (usize, usize),
        lo: usize,
        hi: usize,
    ) -> Vec<Phrase> {
        let mut out = Vec::new();
        if let Some((p, _)) = self.subject_before(first, lo) {
            out.push(p);
        }
        if let Some(p) = self.phrase_ending_at(first, lo) {
            out.push(p);
        }
        if let Some(p) = self.phrase_starting_at(end, hi) {
            out.push(p);
        }
        out
    }

    /// All frames of one sentence, appended to `out`: the sentence is read from
    /// left to right, and each place a frame may start (a quotation, *according
    /// to*, a reporting verb) is tried in turn.
    pub fn sentence_frames(&self, sentence_index: usize, s: &Sentence, out: &mut Vec<Frame>) {
        // "KYIV, Ukraine (AP) — ...": the sentence starts after its dateline.
        let lo = self.dateline_end(s.first, s.end).unwrap_or(s.first);
        let mut scan = SentenceScan {
            index: sentence_index,
            lo,
            hi: s.end,
            consumed: lo,
            first_frame: out.len(),
        };
        let mut i = lo;
        while i < scan.hi {
            let step = if let Some(q) = self.quote_opening_at(i) {
                match self.signed_quote(scan.index, q, scan.hi) {
                    // The signature ends the sentence.
                    Some(frame) => Step::found(frame, scan.hi, None),
                    None => Step::skip(q.end_token),
                }
            } else if self.lower_is(i, "according") && i + 1 < scan.hi && self.lower_is(i + 1, "to")
            {
                self.according_to(&scan, i)
            } else if let Some((verb, cue_end)) = self.cue_at(i, lo, scan.hi) {
                let prev_frame = (out.len() > scan.first_frame).then(|| out.len() - 1);
                self.cue_frame(&scan, prev_frame, (i, cue_end), verb)
            } else {
                Step::skip(i + 1)
            };
            if let Some(c) = step.consumed {
                scan.consumed = c;
            }
            out.extend(step.frame);
            i = step.next;
        }
    }

    /// "according to X": the content before it, after its comma, or both ("The
    /// plan, according to X, will fail").
    fn according_to(&self, scan: &SentenceScan, i: usize) -> Step {
        let (lo, hi) = (scan.lo, scan.hi);
        let after = i + 2;
        let phrase = self.phrase_starting_at(after, hi);
        let mut frame = Frame::at(scan.index, (i, after));
        frame.speaker = phrase.map(Speaker::Phrase);
        let phrase_end = phrase.map_or(after, |p| p.end);
        if let Some(pre) = self.content_before(i, scan.consumed) {
            frame.contents.push(pre);
        }
        let enclosed = !frame.contents.is_empty() && i > lo && self.is_punct(i - 1, ",");
        if (frame.contents.is_empty() || enclosed)
            && phrase_end < hi
            && self.is_punct(phrase_end, ",")
        {
            let (end, _) = self.content_end(phrase_end + 1, hi);
            if let Some(c) = self.trim(phrase_end + 1, end) {
                frame.contents.push(c);
            }
        }
        let consumed = frame
            .contents
            .last()
            .map_or(phrase_end, |c| c.1.max(phrase_end));
        Step::found(frame, consumed.max(i + 1), Some(consumed))
    }

    /// The frame of a reporting verb at `cue`: who (a subject to the left, the
    /// subject of a coordinated cue, or an inverted subject to the right), then
    /// what (before the speaker phrase, and after the cue).
    fn cue_frame(
        &self,
        scan: &SentenceScan,
        prev_frame: Option<usize>,
        (i, cue_end): (usize, usize),
        verb: VerbInfo,
    ) -> Step {
        let mut frame = Frame::at(scan.index, (i, cue_end));
        // Passive voice: "it was reported that" has no speaker; in "Trump was
        // asked" the subject is the hearer, not the speaker.
        if verb.form == VerbForm::Past && self.is_passive(i, scan.lo) {
            return self.passive_frame(scan, frame, (i, cue_end));
        }
        let Some(place) = self.cue_speaker(scan, prev_frame, &mut frame, verb) else {
            return Step::skip(i + 1);
        };
        self.cue_contents(scan, frame, place, verb)
    }

    /// "it was reported that ...": a frame with no speaker to name.
    fn passive_frame(
        &self,
        scan: &SentenceScan,
        mut frame: Frame,
        (i, cue_end): (usize, usize),
    ) -> Step {
        let (lo, hi) = (scan.lo, scan.hi);
        let mut s = i;
        while s > lo && self.is_verb_modifier(s - 1) {
            s -= 1;
        }
        let dummy_subject = s > lo && self.lower_in(s - 1, &["it", "there"]);
        let that = cue_end < hi && self.lower_is(self.skip_modifiers(cue_end, hi, None), "that");
        if !(dummy_subject && that) {
            return Step::skip(cue_end);
        }
        frame.speaker = Some(Speaker::Unstated);
        let start = self.skip_modifiers(cue_end, hi, None) + 1;
        let (end, _) = self.content_end(start, hi);
        frame.contents.extend(self.trim(start, end));
        let consumed = frame.contents.last().map_or(cue_end, |c| c.1);
        let frame = (!frame.contents.is_empty()).then_some(frame);
        Step {
            frame,
            next: consumed.max(cue_end),
            consumed: Some(consumed),
        }
    }

    /// Who speaks at the cue of `frame`: sets its speaker, apposition and
    /// antecedent, and says where the speaker phrase lies; `None` when no one
    /// can be named.
    fn cue_speaker(
        &self,
        scan: &SentenceScan,
        prev_frame: Option<usize>,
        frame: &mut Frame,
        verb: VerbInfo,
    ) -> Option<SpeakerPlace> {
        let (lo, hi, consumed) = (scan.lo, scan.hi, scan.consumed);
        let (i, cue_end) = frame.cue;
        let joined = self.coordinated(i, consumed.min(i)).is_some();
        let coordinated = prev_frame.is_some() && joined;
        let gerund = verb.form == VerbForm::Gerund;
        let place = if let Some((phrase, appos)) = self
            .subject_before(i, consumed.max(lo))
            .filter(|_| !coordinated)
        {
            // The subject reaches back over an apposition before the name.
            let first = appos.map_or(phrase.first, |(a, _)| a.min(phrase.first));
            frame.speaker = Some(Speaker::Phrase(phrase));
            frame.apposition = appos;
            if phrase.kind == PhraseKind::Relative {
                let mut at = phrase.first;
                if at > lo && self.is_punct(at - 1, ",") {
                    at -= 1;
                }
                frame.antecedent = self
                    .phrase_ending_at(at, lo)
                    .filter(|p| p.kind != PhraseKind::Relative);
                SpeakerPlace::Relative { first }
            } else {
                SpeakerPlace::Subject { first }
            }
        } else if let Some(pf) = prev_frame.filter(|_| coordinated || gerund) {
            frame.speaker = Some(Speaker::SameAs(pf));
            SpeakerPlace::Elsewhere
        } else if gerund || joined {
            // "footage of Hillary Clinton asking, “...”": the name right before;
            // "Clinton mocked the complaint, saying ...": the sentence's subject.
            let adjacent = (gerund && i > lo && !self.is_punct(i - 1, ","))
                .then(|| self.phrase_ending_at(i, consumed.max(lo)))
                .flatten()
                .filter(|p| matches!(p.kind, PhraseKind::Proper | PhraseKind::Pronoun));
            frame.speaker = adjacent
                .or_else(|| self.sentence_subject(lo, i))
                .map(Speaker::Phrase);
            SpeakerPlace::Elsewhere
        } else {
            let before_ok =
                i == lo || self.is_punct(i - 1, ",") || self.quote_closing_at(i - 1).is_some();
            let phrase = self
                .phrase_starting_at(cue_end, hi)
                .filter(|p| self.ends_inverted_frame(p.end, hi));
            if before_ok && let Some(p) = phrase {
                frame.speaker = Some(Speaker::Phrase(p));
                // "said Jane Doe, a professor at the university."
                let appos_end = self.inverted_apposition_end(p.end, hi);
                if let Some(appos_end) = appos_end {
                    frame.apposition = Some((p.end + 1, appos_end));
                }
                SpeakerPlace::Inverted {
                    end: appos_end.unwrap_or(p.end),
                }
            } else {
                SpeakerPlace::Elsewhere
            }
        };
        frame.speaker.is_some().then_some(place)
    }

    /// Where an apposition after an inverted subject ends: ", a professor at
    /// the university" up to the next comma, full stop or semicolon.
    fn inverted_apposition_end(&self, speaker_end: usize, hi: usize) -> Option<usize> {
        if speaker_end >= hi || !self.is_punct(speaker_end, ",") {
            return None;
        }
        let appos_end = (speaker_end + 1..hi)
            .find(|&k| {
                self.tokens[k].kind == TokenKind::Punct && matches!(self.word(k), "," | "." | ";")
            })
            .unwrap_or(hi);
        let st = &self.tokens[(speaker_end + 1).min(hi - 1)];
        (st.is(class::DETERMINER | class::TITLE) && appos_end > speaker_end + 1)
            .then_some(appos_end)
    }

    /// What the speaker of `frame` says: a content before the speaker phrase,
    /// after the cue, or both; or a cue that introduces what follows ("Peskov
    /// told reporters:").
    fn cue_contents(
        &self,
        scan: &SentenceScan,
        mut frame: Frame,
        place: SpeakerPlace,
        verb: VerbInfo,
    ) -> Step {
        let (lo, hi) = (scan.lo, scan.hi);
        let (i, cue_end) = frame.cue;
        let relative = matches!(place, SpeakerPlace::Relative { .. });
        let after_speaker = place.after(cue_end);
        let before_at = place.subject_first().unwrap_or(i);
        let may_precede = !verb.no_parenthetical
            && !relative
            && verb.form != VerbForm::Gerund
            && !matches!(frame.speaker, Some(Speaker::SameAs(_)));
        let pre = may_precede
            .then(|| self.content_before(before_at, scan.consumed))
            .flatten()
            .filter(|&(a, _)| !verb.quote_only || self.quote_opening_at(a).is_some());
        let mut after = self.skip_modifiers(after_speaker, hi, Some(verb));
        // "promised a second hearing": what looked like the hearer is the
        // content, when nothing follows it.
        let object_start = after_speaker.max(cue_end);
        let object_is_content = verb.takes_object
            && verb.np_content
            && after > object_start
            && self.content_start(after, hi, Some(verb), false).is_none();
        if object_is_content {
            after = object_start;
        }
        // After an inverted subject only a new quotation can follow as content.
        let parenthetical = place
            .subject_first()
            .is_some_and(|f| f > lo && self.is_punct(f - 1, ","));
        let post_start = self
            .content_start(after, hi, Some(verb), parenthetical)
            .filter(|&c| !verb.quote_only || self.quote_opening_at(c).is_some())
            .filter(|&c| {
                !matches!(place, SpeakerPlace::Inverted { .. })
                    || self.quote_opening_at(c).is_some()
            })
            .filter(|&c| {
                object_is_content || self.content_fits_verb(c, cue_end, after, after_speaker, verb)
            });
        let mut next_cue = None;
        if let Some(start) = post_start {
            let object_only = verb.np_content
                && start == object_start
                && !self.tokens[start].is(class::SUBJECT_PRONOUN)
                && !self.lower_in(start, &["to", "whether", "if", "how", "why", "what"]);
            let (end, next) = self.content_after_cue(start, (lo, hi), relative, object_only);
            next_cue = next;
            let said_enough = |c: (usize, usize)| {
                (c.0..c.1).any(|k| self.quote_opening_at(k).is_some())
                    || (c.0..c.1).filter(|&k| self.tokens[k].is_word()).count() >= NP_CONTENT_WORDS
            };
            if let Some(c) = self
                .trim(start, end)
                .filter(|&c| !object_only || said_enough(c))
            {
                if verb.weak && pre.is_none() && !self.explicit_belief(start, c.0) {
                    return Step::skip(cue_end);
                }
                frame.contents.extend(pre);
                frame.contents.push(c);
            }
        } else {
            frame.contents.extend(pre);
        }
        if frame.contents.is_empty() && post_start.is_none() {
            // "Peskov told reporters:" at the end of a paragraph introduces what follows.
            let rest = self.skip_modifiers(after_speaker, hi, Some(verb));
            frame.introduces = rest >= hi || (rest + 1 >= hi && self.is_punct(rest, ":"));
        }
        if frame.contents.is_empty() && !frame.introduces {
            // A cue with nothing to attribute ("commenting before ...") leaves
            // the sentence to the frames around it.
            return Step::skip(cue_end);
        }
        let content_end = frame
            .contents
            .last()
            .map_or(after.max(after_speaker), |c| c.1)
            .max(cue_end);
        // A relative clause leaves the main clause free to claim the sentence.
        let consumed = (!relative).then_some(content_end);
        Step::found(frame, next_cue.unwrap_or(content_end), consumed)
    }

    /// Where a content that starts after its cue at `start` ends, and the next
    /// cue if one cut it short.
    fn content_after_cue(
        &self,
        start: usize,
        (lo, hi): (usize, usize),
        relative: bool,
        object_only: bool,
    ) -> (usize, Option<usize>) {
        let (mut end, next) = self.content_end(start, hi);
        // `says, “...” until ...`: a quotation introduced by a comma or colon
        // is the whole content.
        if start > lo
            && (self.is_punct(start - 1, ",") || self.is_punct(start - 1, ":"))
            && let Some(q) = self.quote_opening_at(start)
        {
            end = end.min(q.end_token);
        }
        // A relative clause ends at its comma: "who said X, watched ...". An
        // object does too: "demands accountability, yet refuses ..."; "defended
        // the plan" names a topic, not a statement, so an object counts only
        // when it quotes or says something at length.
        if (relative || object_only)
            && let Some(comma) =
                (start..end).find(|&k| self.is_punct(k, ",") && quote_at(self.quotes, k).is_none())
        {
            end = comma;
        }
        // An object or an infinitive ends where a clause of circumstance
        // begins: "condemned the launch as Pyongyang fired ...", "agreed to
        // lend $5 million so the work could start".
        if object_only || self.lower_is(start, "to") {
            end = self.before_circumstance(start, end);
        }
        (self.before_trailing_apposition(start, end), next)
    }

    /// Does a belief's content at `first` (after the cue's `start`) look like
    /// one: a clause ("hopes that ...", "hopes he wins"), an infinitive
    /// ("hopes to win") or a quotation, not whatever lowercase words follow
    /// the verb?
    fn explicit_belief(&self, start: usize, first: usize) -> bool {
        self.lower_is(start.saturating_sub(1), "that")
            || self.quote_opening_at(first).is_some()
            || self.tokens[first].is(class::SUBJECT_PRONOUN | class::DETERMINER)
            || self.tokens[first].is_capitalized()
            || self.lower_is(first, "to")
    }
}

/// A sentence being read for frames.
struct SentenceScan {
    index: usize,
    /// The sentence's tokens, after any dateline.
    lo: usize,
    hi: usize,
    /// Tokens before this belong to an earlier frame.
    consumed: usize,
    /// The index of the sentence's first frame in the output.
    first_frame: usize,
}

/// What trying one place of a sentence gives.
struct Step {
    frame: Option<Frame>,
    /// Where reading goes on.
    next: usize,
    /// The new end of the text earlier frames took, if it moved.
    consumed: Option<usize>,
}

impl Step {
    fn skip(next: usize) -> Step {
        Step {
            frame: None,
            next,
            consumed: None,
        }
    }

    fn found(frame: Frame, next: usize, consumed: Option<usize>) -> Step {
        Step {
            frame: Some(frame),
            next,
            consumed,
        }
    }
}

/// Where a cue's speaker phrase lies.
#[derive(Clone, Copy)]
enum SpeakerPlace {
    /// A subject before the cue, from token `first` (with its apposition):
    /// "Jane Doe, a professor, said".
    Subject { first: usize },
    /// A relative pronoun subject before the cue, from token `first`: "Doe,
    /// who said ...".
    Relative { first: usize },
    /// After the cue, up to token `end` (with its apposition): "said Jane Doe".
    Inverted { end: usize },
    /// Neither: the speaker of a coordinated cue, the name right before a
    /// gerund ("footage of Clinton asking"), or the sentence's subject.
    Elsewhere,
}

impl SpeakerPlace {
    /// The first token of a subject before the cue.
    fn subject_first(self) -> Option<usize> {
        match self {
            SpeakerPlace::Subject { first } | SpeakerPlace::Relative { first } => Some(first),
            SpeakerPlace::Inverted { .. } | SpeakerPlace::Elsewhere => None,
        }
    }

    /// The token after the speaker phrase and its apposition: the cue's end
    /// `cue_end` when the speaker is not after the cue.
    fn after(self, cue_end: usize) -> usize {
        match self {
            SpeakerPlace::Inverted { end } => end,
            _ => cue_end,
        }
    }
}

impl Frame {
    /// A frame of a cue with nothing found yet.
    pub(crate) fn at(sentence: usize, cue: (usize, usize)) -> Frame {
        Frame {
            sentence,
            cue,
            speaker: None,
            apposition: None,
            antecedent: None,
            contents: Vec::new(),
            introduces: false,
            verbatim: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::find_quotes;
    use crate::analysis::sentences::split_sentences;
    use crate::analysis::tokens::tokenize;

    /// (speaker phrase, contents) of every frame, as text.
    fn frames(text: &str) -> Vec<(String, Vec<String>)> {
        let (tokens, paras) = tokenize(text);
        let quotes = find_quotes(text, &tokens, &paras);
        let sentences = split_sentences(text, &tokens, &paras, &quotes);
        let finder = FrameFinder {
            text,
            tokens: &tokens,
            quotes: &quotes,
        };
        let mut out = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            finder.sentence_frames(k, s, &mut out);
        }
        let span = |a: usize, b: usize| {
            text[tokens[a].start as usize..tokens[b - 1].end as usize].to_string()
        };
        out.iter()
            .map(|f| {
                let mut speaker = match f.speaker {
                    Some(Speaker::Phrase(p)) => span(p.first, p.end),
                    Some(Speaker::SameAs(k)) => format!("={k}"),
                    Some(Speaker::Unstated) => "?".into(),
                    None => String::new(),
                };
                if f.introduces {
                    speaker.push(':');
                }
                (
                    speaker,
                    f.contents.iter().map(|&(a, b)| span(a, b)).collect(),
                )
            })
            .collect()
    }

    fn one(speaker: &str, contents: &[&str]) -> (String, Vec<String>) {
        (
            speaker.to_string(),
            contents.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn subject_verb_that_clause() {
        assert_eq!(
            frames("Acting Mayor Jane Ruiz said on Monday that the bridge would reopen in May."),
            [one(
                "Acting Mayor Jane Ruiz",
                &["the bridge would reopen in May"]
            )]
        );
    }

    #[test]
    fn quote_then_pronoun_and_hearer() {
        assert_eq!(
            frames("“We will not back down,” she told reporters."),
            [one("she", &["“We will not back down,”"])]
        );
    }

    #[test]
    fn inverted_speaker_with_apposition() {
        assert_eq!(
            frames("“Prices will rise,” said Tom Berg, an economist at the bank."),
            [one("Tom Berg", &["“Prices will rise,”"])]
        );
    }

    #[test]
    fn coordinated_cues_share_the_speaker() {
        assert_eq!(
            frames("The mayor added that taxes would fall, but warned that services would be cut."),
            [
                one("The mayor", &["taxes would fall"]),
                one("=0", &["services would be cut"])
            ]
        );
    }

    #[test]
    fn content_before_a_parenthetical_cue() {
        assert_eq!(
            frames("The vote will be held next week, the senator added."),
            [one("the senator", &["The vote will be held next week"])]
        );
    }

    #[test]
    fn opening_phrase_is_not_content() {
        assert_eq!(
            frames("In a statement, Mr. Okafor said, “The deal is done.”"),
            [one("Mr. Okafor", &["“The deal is done.”"])]
        );
    }

    #[test]
    fn according_to_before_and_after() {
        assert_eq!(
            frames(
                "According to the agency, prices rose sharply. Prices fell in June, according to analysts."
            ),
            [
                one("the agency", &["prices rose sharply"]),
                one("analysts", &["Prices fell in June"])
            ]
        );
    }

    #[test]
    fn apposition_between_subject_and_verb() {
        assert_eq!(
            frames("Ana Lima, a lawyer for the family, said the ruling was unfair."),
            [one("Ana Lima", &["the ruling was unfair"])]
        );
    }

    #[test]
    fn colon_introduces_the_next_paragraph() {
        let f = frames("The minister told reporters:\n“We are ready.”");
        assert_eq!(f[0], one("The minister:", &[]));
    }

    #[test]
    fn nouns_are_not_cues() {
        assert!(frames("The written response and his claims were discussed.").is_empty());
    }
}
