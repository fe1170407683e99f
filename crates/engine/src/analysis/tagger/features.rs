//! What the tagger sees of each token: the word and its neighbours, its shape and
//! word classes, quotation state, place in the sentence, names, and the votes of
//! the hand-written rules (their cues, speakers and contents). The second stage
//! also sees the first stage's tags: where the cues and sources it found lie.
//!
//! Every feature is a hash of a template number and values; nothing of the text
//! itself is stored.

use super::clusters::WordClusters;
use super::tags::{Role, Tag, runs};
use super::weights::{Features, Weights};
use crate::analysis::evidence::Evidence;
use crate::analysis::frames::Speaker;
use crate::analysis::tokens::{TokenKind, flag};
use crate::lexicon::{VerbForm, class};

/// splitmix64's finaliser: a fixed, well-mixed hash of a 64-bit value.
const fn mix(x: u64) -> u64 {
    let x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Odd multipliers of Fibonacci hashing: the top bits of `x * M` (which pick a
/// weight row) depend on every bit of `x`, in one multiplication. Features
/// are hashed some fifty times a token, so this is cheaper than mixing.
const M1: u64 = 0x9e37_79b9_7f4a_7c15;
const M2: u64 = 0xc2b2_ae3d_27d4_eb4f;

/// A feature of one value: the template's key (a constant) with the value.
#[inline]
pub(super) fn feat(template: u64, a: u64) -> u64 {
    (mix(template.wrapping_add(0x9e37_79b9)) ^ a).wrapping_mul(M1)
}

/// A feature of two values.
#[inline]
pub(super) fn feat2(template: u64, a: u64, b: u64) -> u64 {
    (feat(template, a) ^ b).wrapping_mul(M2)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x100_0000_01b3;

/// FNV-1a over the lowercase word, with ’ read as '.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = FNV_OFFSET;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars() {
            let c = if c == '’' || c == '‘' { '\'' } else { c };
            for l in c.to_lowercase() {
                l.encode_utf8(&mut buf).bytes().for_each(&mut eat);
            }
        }
    }
    h
}

/// [`word_hash`] and [`stem_hash`] of an ASCII word in one pass: FNV-1a of
/// the stem is the hash of the word's first bytes.
fn ascii_word_and_stem(word: &str) -> (u64, u64) {
    let cut = stem_len(word);
    let mut h = FNV_OFFSET;
    let mut stem = h;
    for (k, b) in word.bytes().enumerate() {
        if k == cut {
            stem = h;
        }
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(FNV_PRIME);
    }
    if cut == word.len() {
        stem = h;
    }
    (h, stem ^ 0x77)
}

/// The hash of every token's word, as [`TokenFacts`] has it: what word
/// classes are learnt from.
#[cfg(feature = "train")]
pub(super) fn word_hashes(ev: &Evidence) -> Vec<u64> {
    ev.tokens
        .iter()
        .map(|t| word_hash(&ev.text[t.range()]))
        .collect()
}

/// The last three characters, lowercase.
fn suffix_hash(word: &str) -> u64 {
    let start = word.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    word_hash(&word[start..]) ^ 0x5u64
}

/// The length of the word without an inflection ("promised", "promises",
/// "promising" -> "promis"): cue words generalise over their forms.
fn stem_len(word: &str) -> usize {
    for suffix in ["ing", "ed", "es", "s", "e", "d"] {
        let cut = word.len().wrapping_sub(suffix.len());
        if word.len() > suffix.len() + 3
            && word.is_char_boundary(cut)
            && word[cut..].eq_ignore_ascii_case(suffix)
        {
            return cut;
        }
    }
    word.len()
}

/// The word without an inflection, lowercase.
#[cfg(test)]
fn stem_hash(word: &str) -> u64 {
    word_hash(&word[..stem_len(word)]) ^ 0x77
}

/// Character classes with repeats collapsed: "Xx", "x", "X", "d", "Xx-Xx", ".".
fn shape(word: &str) -> u64 {
    let mut h = 0u64;
    let mut last = 0u8;
    let mut n = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if k != last {
            h = h.wrapping_mul(131).wrapping_add(u64::from(k));
            last = k;
            n += 1;
            if n == 5 {
                break;
            }
        }
    }
    h
}

/// Word classes that tell about attribution, as one value.
const CLASS_MASK: u32 = class::DETERMINER
    | class::SUBJECT_PRONOUN
    | class::RELATIVE
    | class::AUXILIARY
    | class::ADVERB
    | class::PREPOSITION
    | class::CONJUNCTION
    | class::TIME
    | class::TITLE
    | class::GROUP_SPEAKER
    | class::ORG_WORD
    | class::FIRST_NAME
    | class::REPORTING_VERB
    | class::PLACE_WORD
    | class::EMPTY_OBJECT;

/// Distances in tokens, in buckets that grow with the distance.
pub(super) fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=15 => 6,
        16..=30 => 7,
        _ => 8,
    }
}

/// What the rules say of a token.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Vote {
    None = 0,
    CueBegin,
    CueInside,
    SourceBegin,
    SourceInside,
    ContentBegin,
    ContentInside,
    Apposition,
    /// A quotation standing alone, which the rules give to whoever spoke last.
    Standalone,
    /// Content of a frame whose speaker the text does not state.
    UnstatedContent,
}

/// Token-level facts shared by both stages.
pub struct TokenFacts {
    pub(super) words: Vec<u64>,
    suffixes: Vec<u64>,
    stems: Vec<u64>,
    shapes: Vec<u64>,
    sentence: Vec<u32>,
    votes: Vec<Vote>,
    /// 0 outside a quotation; 1 opening mark; 2 inside; 3 closing mark; plus 4 when
    /// the quotation opens its sentence and 8 when it has four words or more.
    quote: Vec<u8>,
    /// 0 outside a name; else class and part of the name.
    name: Vec<u8>,
    /// Where each sentence starts and ends (tokens).
    bounds: Vec<(u32, u32)>,
    metadata: Vec<bool>,
    /// Each token's word class ([`WordClusters`]).
    classes: Vec<u8>,
}

/// Word count from which a quotation reads as speech rather than a scare quote.
const SPEECH_WORDS: usize = 4;

impl TokenFacts {
    pub fn new(ev: &Evidence, clusters: &WordClusters) -> TokenFacts {
        let n = ev.tokens.len();
        let mut words = Vec::with_capacity(n);
        let mut suffixes = Vec::with_capacity(n);
        let mut shapes = Vec::with_capacity(n);
        let mut stems = Vec::with_capacity(n);
        for t in &ev.tokens {
            let w = &ev.text[t.range()];
            let word = t.kind == TokenKind::Word;
            let (h, stem) = if word && w.is_ascii() {
                ascii_word_and_stem(w)
            } else {
                let h = word_hash(w);
                (h, h)
            };
            words.push(h);
            suffixes.push(if word && w.len() > 3 {
                suffix_hash(w)
            } else {
                h
            });
            shapes.push(shape(w));
            stems.push(stem);
        }
        let mut sentence = vec![0u32; n];
        let mut bounds = Vec::with_capacity(ev.sentences.len());
        let mut metadata = vec![false; n];
        for (k, s) in ev.sentences.iter().enumerate() {
            for x in &mut sentence[s.first..s.end] {
                *x = k as u32;
            }
            bounds.push((s.first as u32, s.end as u32));
            if ev.layout.is_metadata(s.paragraph) {
                metadata[s.first..s.end].fill(true);
            }
        }
        let mut quote = vec![0u8; n];
        for q in &ev.quotes {
            let words_in = ev.tokens[q.inner()].iter().filter(|t| t.is_word()).count();
            let s = sentence[q.open] as usize;
            let mut extra = 0;
            if ev.sentences[s].first == q.open {
                extra |= 4;
            }
            if words_in >= SPEECH_WORDS {
                extra |= 8;
            }
            for (i, x) in quote[q.open..q.end_token].iter_mut().enumerate() {
                *x = 2 | extra;
                if i == 0 {
                    *x = 1 | extra;
                }
            }
            if let Some(c) = q.close {
                quote[c] = 3 | extra;
            }
        }
        let mut name = vec![0u8; n];
        for m in &ev.names {
            let class = m.class as u8 + 1;
            for (k, x) in name[m.first..m.end].iter_mut().enumerate() {
                let i = m.first + k;
                let part = if i < m.name_first {
                    0
                } else if i == m.name_first {
                    1
                } else {
                    2
                };
                *x = class * 8 + part * 2 + u8::from(m.weak) + 64 * u8::from(m.subject);
            }
        }
        let classes = words.iter().map(|&h| clusters.class_of(h)).collect();
        TokenFacts {
            classes,
            words,
            suffixes,
            stems,
            shapes,
            sentence,
            votes: rule_votes(ev),
            quote,
            name,
            bounds,
            metadata,
        }
    }

    /// The quotation state of a token (see [`TokenFacts::quote`]): 0 outside.
    pub(super) fn quoted(&self, i: usize) -> u8 {
        self.quote[i]
    }

    fn word(&self, i: isize) -> u64 {
        if i < 0 {
            return 0x1111;
        }
        self.words.get(i as usize).copied().unwrap_or(0x2222)
    }

    fn vote(&self, i: isize) -> u64 {
        if i < 0 {
            return 99;
        }
        self.votes.get(i as usize).map_or(99, |&v| v as u64)
    }

    /// Tokens of the sentence holding token `i`.
    fn sentence_range(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.bounds[self.sentence[i] as usize];
        (a as usize, b as usize)
    }
}

/// The rules' cues, speakers and contents as a vote per token.
fn rule_votes(ev: &Evidence) -> Vec<Vote> {
    let mut votes = vec![Vote::None; ev.tokens.len()];
    let mut mark = |first: usize, end: usize, begin: Vote, inside: Vote| {
        for (k, v) in votes[first..end].iter_mut().enumerate() {
            *v = if k == 0 { begin } else { inside };
        }
    };
    for q in &ev.quotes {
        if crate::analysis::quotes::standalone_quotation(ev.text, &ev.tokens, &ev.sentences, q)
            .is_some()
        {
            mark(q.open, q.end_token, Vote::Standalone, Vote::Standalone);
        }
    }
    for f in &ev.frames {
        let unstated = matches!(f.speaker, Some(Speaker::Unstated));
        for &(a, b) in &f.contents {
            if unstated {
                mark(a, b, Vote::UnstatedContent, Vote::UnstatedContent);
            } else {
                mark(a, b, Vote::ContentBegin, Vote::ContentInside);
            }
        }
        mark(f.cue.0, f.cue.1, Vote::CueBegin, Vote::CueInside);
        if let Some(Speaker::Phrase(p)) = f.speaker {
            mark(p.first, p.end, Vote::SourceBegin, Vote::SourceInside);
        }
        if let Some((a, b)) = f.apposition {
            mark(a, b, Vote::Apposition, Vote::Apposition);
        }
    }
    votes
}

/// Templates: each feature hashes its template number with its values.
mod t {
    pub const BIAS: u64 = 0;
    pub const W0: u64 = 1;
    pub const WM1: u64 = 2;
    pub const WP1: u64 = 3;
    pub const WM2: u64 = 4;
    pub const WP2: u64 = 5;
    pub const WM1_W0: u64 = 6;
    pub const W0_WP1: u64 = 7;
    pub const SUFFIX: u64 = 8;
    pub const SHAPE: u64 = 9;
    pub const SHAPES: u64 = 10;
    pub const CLASSES: u64 = 11;
    pub const VERB: u64 = 12;
    pub const QUOTE: u64 = 13;
    pub const QUOTE_W0: u64 = 14;
    pub const POSITION: u64 = 15;
    pub const VOTE: u64 = 16;
    pub const VOTE_PREV: u64 = 17;
    pub const VOTE_NEXT: u64 = 18;
    pub const VOTE_W0: u64 = 19;
    pub const NAME: u64 = 20;
    pub const NAME_VOTE: u64 = 21;
    pub const RULE_CUE_LEFT: u64 = 22;
    pub const RULE_CUE_RIGHT: u64 = 23;
    pub const RULE_CUE_NEAR_W0: u64 = 24;
    pub const METADATA: u64 = 25;
    pub const CLASSES_M1: u64 = 26;
    pub const CLASSES_P1: u64 = 27;
    pub const SENTENCE_QUOTED: u64 = 28;
    pub const PUNCT_NEXT: u64 = 29;
    pub const PUNCT_PREV: u64 = 30;
    pub const TO_SENTENCE_END: u64 = 31;
    pub const FROM_SENTENCE_START: u64 = 32;
    pub const STEM: u64 = 33;
    pub const STEM_NEXT: u64 = 34;
    pub const CLASS: u64 = 35;
    pub const CLASS_PREV: u64 = 36;
    pub const CLASS_NEXT: u64 = 37;
    pub const CLASS_AROUND: u64 = 38;
    // Second stage.
    pub const S_TAG: u64 = 40;
    pub const S_TAG_PREV: u64 = 41;
    pub const S_TAG_NEXT: u64 = 42;
    pub const S_CUE_LEFT: u64 = 43;
    pub const S_CUE_RIGHT: u64 = 44;
    pub const S_CUE_LEFT_WORD: u64 = 45;
    pub const S_CUE_RIGHT_WORD: u64 = 46;
    pub const S_SOURCE_LEFT: u64 = 47;
    pub const S_SOURCE_RIGHT: u64 = 48;
    pub const S_NEAR_CUE_W0: u64 = 49;
    pub const S_COMMA_SINCE_CUE: u64 = 50;
    pub const S_CUES_IN_SENTENCE: u64 = 51;
    pub const S_TAG_W0: u64 = 52;
    pub const S_TAG_WINDOW: u64 = 53;
}

/// The nearest marked tokens to the left and right of each token inside its
/// sentence, for tokens visited in order: a cursor rather than a table, since
/// a table a chunk was a fifth of the tagger's page faults.
struct Nearest<'a> {
    /// Sorted token indices.
    marked: &'a [usize],
    /// Marked tokens before the last token visited.
    before: usize,
}

impl<'a> Nearest<'a> {
    fn new(marked: &'a [usize]) -> Self {
        Nearest { marked, before: 0 }
    }

    /// The marked tokens nearest to token `i` inside `sentence`, not `i`
    /// itself; `i` never decreases from call to call.
    fn at(&mut self, i: usize, sentence: (usize, usize)) -> (Option<usize>, Option<usize>) {
        let (a, b) = sentence;
        while self.before < self.marked.len() && self.marked[self.before] < i {
            self.before += 1;
        }
        let left = self
            .before
            .checked_sub(1)
            .map(|j| self.marked[j])
            .filter(|&m| m >= a && m < i);
        let right = self
            .marked
            .get(self.before)
            .copied()
            .filter(|&m| m > i && m < b);
        (left, right)
    }
}

/// The first stage's features of every token.
pub fn base(ev: &Evidence, ctx: &TokenFacts, bits: u32, out: &mut Features) {
    out.clear();
    let n = ev.tokens.len();
    out.rows.reserve(n * 32);
    let rule_cues: Vec<usize> = (0..n).filter(|&i| ctx.votes[i] == Vote::CueBegin).collect();
    let mut near = Nearest::new(&rule_cues);
    let classes = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            return 1 << 40;
        }
        u64::from(ev.tokens[i as usize].info().classes & CLASS_MASK)
    };
    let clause = clause_marks(ev);
    let mut punct_near = Nearest::new(&clause);
    let mut sentence_quoted = false;
    let mut last_sentence = u32::MAX;
    for i in 0..n {
        let tok = &ev.tokens[i];
        let ii = i as isize;
        let mut push = |h: u64| out.rows.push(Weights::row(bits, h));
        let w0 = ctx.words[i];
        if ctx.sentence[i] != last_sentence {
            last_sentence = ctx.sentence[i];
            let (a, b) = ctx.sentence_range(i);
            sentence_quoted = ctx.quote[a..b].iter().any(|&q| q & 8 != 0);
        }
        push(feat(t::BIAS, 0));
        push(feat(t::W0, w0));
        push(feat(t::WM1, ctx.word(ii - 1)));
        push(feat(t::WP1, ctx.word(ii + 1)));
        push(feat(t::WM2, ctx.word(ii - 2)));
        push(feat(t::WP2, ctx.word(ii + 2)));
        push(feat2(t::WM1_W0, ctx.word(ii - 1), w0));
        push(feat2(t::W0_WP1, w0, ctx.word(ii + 1)));
        // Word classes learnt from raw text: what a rare word's neighbours
        // make of it.
        let class = |k: isize| -> u64 {
            if k < 0 {
                return 300;
            }
            ctx.classes.get(k as usize).map_or(301, |&c| u64::from(c))
        };
        let (cm1, c0, cp1) = (class(ii - 1), class(ii), class(ii + 1));
        push(feat(t::CLASS, c0));
        push(feat2(t::CLASS_PREV, cm1, c0));
        push(feat2(t::CLASS_NEXT, c0, cp1));
        push(feat2(t::CLASS_AROUND, cm1 << 16 | c0, cp1));
        push(feat(t::SUFFIX, ctx.suffixes[i]));
        push(feat(t::STEM, ctx.stems[i]));
        push(feat2(t::STEM_NEXT, ctx.stems[i], ctx.word(ii + 1)));
        push(feat(t::SHAPE, ctx.shapes[i]));
        let sm1 = if i > 0 { ctx.shapes[i - 1] } else { 1 };
        let sp1 = ctx.shapes.get(i + 1).copied().unwrap_or(2);
        push(feat2(t::SHAPES, sm1.wrapping_mul(31) ^ ctx.shapes[i], sp1));
        push(feat(t::CLASSES, classes(ii)));
        push(feat(t::CLASSES_M1, classes(ii - 1)));
        push(feat(t::CLASSES_P1, classes(ii + 1)));
        if let Some(v) = tok.info().verb {
            let form = match v.form {
                VerbForm::Present => 0,
                VerbForm::Past => 1,
                VerbForm::Gerund => 2,
            };
            let code = form
                | u64::from(v.weak) << 2
                | u64::from(v.takes_object) << 3
                | u64::from(v.np_content) << 4
                | u64::from(v.quote_only) << 5
                | u64::from(v.infinitive) << 6;
            push(feat(t::VERB, code));
            push(feat(t::VERB, 1000 + u64::from(v.lemma)));
        }
        let q = u64::from(ctx.quote[i]);
        push(feat(t::QUOTE, q));
        push(feat2(t::QUOTE_W0, q & 3, w0));
        let (a, b) = ctx.sentence_range(i);
        let para_start = u64::from(tok.has(flag::PARA_START));
        let position = match i {
            _ if i == a => 0,
            _ if i + 1 == b => 1,
            _ if i == a + 1 => 2,
            _ => 3,
        };
        push(feat(
            t::POSITION,
            position | para_start << 2 | u64::from(tok.is_capitalized()) << 3,
        ));
        push(feat(t::SENTENCE_QUOTED, u64::from(sentence_quoted)));
        let v = ctx.vote(ii);
        push(feat(t::VOTE, v));
        push(feat2(t::VOTE_PREV, ctx.vote(ii - 1), v));
        push(feat2(t::VOTE_NEXT, v, ctx.vote(ii + 1)));
        push(feat2(t::VOTE_W0, v, w0));
        let nm = u64::from(ctx.name[i]);
        push(feat(t::NAME, nm));
        push(feat2(t::NAME_VOTE, nm, v));
        let (left, right) = near.at(i, (a, b));
        let dl = left.map_or(99, |c| bucket(i - c));
        let dr = right.map_or(99, |c| bucket(c - i));
        push(feat(t::RULE_CUE_LEFT, dl));
        push(feat(t::RULE_CUE_RIGHT, dr));
        if dl <= 2 || dr <= 2 {
            push(feat2(t::RULE_CUE_NEAR_W0, dl * 100 + dr, w0));
        }
        if ctx.metadata[i] {
            push(feat(t::METADATA, 1));
        }
        let (pl, pr) = punct_near.at(i, (a, b));
        push(feat2(
            t::PUNCT_NEXT,
            pr.map_or(0, |k| ctx.words[k]),
            pr.map_or(99, |k| bucket(k - i)),
        ));
        push(feat2(
            t::PUNCT_PREV,
            pl.map_or(0, |k| ctx.words[k]),
            pl.map_or(99, |k| bucket(i - k)),
        ));
        push(feat(t::TO_SENTENCE_END, bucket(b - i)));
        push(feat(t::FROM_SENTENCE_START, bucket(i - a)));
        out.end_token();
    }
}

/// Punctuation that ends or opens a clause, outside quotations: where contents
/// tend to begin and end.
fn clause_marks(ev: &Evidence) -> Vec<usize> {
    (0..ev.tokens.len())
        .filter(|&i| {
            ev.tokens[i].kind == TokenKind::Punct
                && matches!(
                    &ev.text[ev.tokens[i].range()],
                    "," | ";" | ":" | "—" | "–" | "--" | "(" | ")"
                )
        })
        .collect()
}

/// The second stage's extra features, from the first stage's tags.
pub fn stacked(ev: &Evidence, ctx: &TokenFacts, first: &[Tag], bits: u32, out: &mut Features) {
    out.clear();
    let n = ev.tokens.len();
    out.rows.reserve(n * 14);
    let spans = runs(first);
    let cue_starts: Vec<usize> = spans
        .iter()
        .filter(|r| r.role == Role::Cue)
        .map(|r| r.first)
        .collect();
    let cue_ends: Vec<usize> = spans
        .iter()
        .filter(|r| r.role == Role::Cue)
        .map(|r| r.end - 1)
        .collect();
    let sources: Vec<usize> = spans
        .iter()
        .filter(|r| r.role == Role::Source)
        .map(|r| r.first)
        .collect();
    let mut cues_left = Nearest::new(&cue_ends);
    let mut cues_right = Nearest::new(&cue_starts);
    let mut near_sources = Nearest::new(&sources);
    let tag = |i: isize| -> u64 {
        if i < 0 {
            return 98;
        }
        first.get(i as usize).map_or(99, |&t| t as u64)
    };
    let mut commas_since = 0u64;
    let mut since_cue = None;
    // The cues of a token's sentence, counted once a sentence (binary searches
    // a token were a third of this function).
    let mut sentence = (usize::MAX, usize::MAX);
    let mut cues_here = 0;
    for i in 0..n {
        let ii = i as isize;
        let mut push = |h: u64| out.rows.push(Weights::row(bits, h));
        let w0 = ctx.words[i];
        let y = tag(ii);
        push(feat(t::S_TAG, y));
        push(feat2(t::S_TAG_PREV, tag(ii - 1), y));
        push(feat2(t::S_TAG_NEXT, y, tag(ii + 1)));
        push(feat2(t::S_TAG_W0, y, w0));
        push(feat2(
            t::S_TAG_WINDOW,
            tag(ii - 2) * 100 + tag(ii - 1),
            tag(ii + 1) * 100 + tag(ii + 2),
        ));
        let here = ctx.sentence_range(i);
        let (left, _) = cues_left.at(i, here);
        let (_, right) = cues_right.at(i, here);
        let dl = left.map_or(99, |c| bucket(i - c));
        let dr = right.map_or(99, |c| bucket(c - i));
        push(feat(t::S_CUE_LEFT, dl));
        push(feat(t::S_CUE_RIGHT, dr));
        if left.is_some() {
            // The cue word as the first stage found it: its first token (the
            // nearest cue end to the left is the last before `i`).
            let start = cue_starts[cues_left.before - 1];
            push(feat2(t::S_CUE_LEFT_WORD, dl, ctx.words[start]));
        }
        if left != since_cue {
            since_cue = left;
            commas_since = 0;
        }
        if let Some(c) = right {
            push(feat2(t::S_CUE_RIGHT_WORD, dr, ctx.words[c]));
        }
        if dl <= 2 || dr <= 2 {
            push(feat2(t::S_NEAR_CUE_W0, dl * 100 + dr, w0));
        }
        let (sl, sr) = near_sources.at(i, here);
        push(feat(t::S_SOURCE_LEFT, sl.map_or(99, |c| bucket(i - c))));
        push(feat(t::S_SOURCE_RIGHT, sr.map_or(99, |c| bucket(c - i))));
        if left.is_some() {
            push(feat2(t::S_COMMA_SINCE_CUE, commas_since.min(3), dl));
        }
        if here != sentence {
            sentence = here;
            let (a, b) = sentence;
            cues_here =
                cue_starts.partition_point(|&s| s < b) - cue_starts.partition_point(|&s| s < a);
        }
        push(feat(t::S_CUES_IN_SENTENCE, (cues_here as u64).min(3)));
        if &ev.text[ev.tokens[i].range()] == "," {
            commas_since += 1;
        }
        out.end_token();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hash_ignores_case_and_apostrophe_style() {
        assert_eq!(word_hash("Said"), word_hash("said"));
        assert_eq!(word_hash("don’t"), word_hash("don't"));
        assert_ne!(word_hash("said"), word_hash("says"));
        assert_eq!(word_hash("ÉTÉ"), word_hash("été"));
    }

    #[test]
    fn one_pass_hashes_match_the_word_and_its_stem() {
        for w in [
            "Promised",
            "says",
            "told",
            "insisting",
            "NATO",
            "a",
            "cases",
            "'s",
        ] {
            assert_eq!(ascii_word_and_stem(w), (word_hash(w), stem_hash(w)), "{w}");
        }
        assert_eq!(stem_hash("promised"), stem_hash("Promises"));
        assert_ne!(stem_hash("promised"), word_hash("promised") ^ 0x77);
    }

    #[test]
    fn shapes_collapse_repeats() {
        assert_eq!(shape("Lavrov"), shape("Putin"));
        assert_ne!(shape("Lavrov"), shape("NATO"));
        assert_eq!(shape("1990"), shape("12"));
    }

    #[test]
    fn buckets_grow() {
        assert!(bucket(1) < bucket(5));
        assert_eq!(bucket(100), bucket(1000));
    }
}
