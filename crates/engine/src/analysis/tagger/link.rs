//! Linking, learned: which cue each content belongs to (or none: it continues
//! the last speaker; or it is no statement at all), and which phrase is each
//! cue's source. Each decision is a choice among candidates, scored by a linear
//! model over hashed features of the candidate in its context.
//!
//! Candidates come from the tagger (its cue and source runs) and from the rules
//! (their cues and speaker phrases) and from the names and pronouns of the
//! sentence, so the model can prefer either reading.

use super::features::{TokenFacts, bucket, feat, feat2};
use super::tags::{Role, Run};
use super::weights::Features;
use crate::analysis::evidence::Evidence;
use crate::analysis::frames::Speaker;
use crate::analysis::tokens::TokenKind;
use crate::lexicon::class;

/// Weights of one linear chooser: a weight per row of hashed features.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linear {
    pub bits: u32,
    pub w: Vec<i16>,
}

impl Linear {
    pub fn zero(bits: u32) -> Linear {
        Linear {
            bits,
            w: vec![0; 1 << bits],
        }
    }

    pub fn score(&self, options: &Features, k: usize) -> i32 {
        options
            .of(k)
            .iter()
            .map(|&r| i32::from(self.w[r as usize]))
            .sum()
    }

    /// The best option (the first among equals).
    pub fn choose(&self, options: &Features) -> usize {
        let mut best = (i32::MIN, 0);
        for k in 0..options.len() {
            let s = self.score(options, k);
            if s > best.0 {
                best = (s, k);
            }
        }
        best.1
    }
}

/// A cue a content may belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueCandidate {
    pub first: usize,
    pub end: usize,
    /// The tagger marked it.
    pub tagged: bool,
    /// Index of the rule frame with this cue.
    pub rule: Option<usize>,
}

/// What a content may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentLink {
    /// Said at this cue (an index into the cue candidates).
    Cue(usize),
    /// No cue: the words of whoever spoke last.
    Continues,
    /// Not a statement.
    Drop,
}

/// A source a cue may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceLink {
    Phrase { first: usize, end: usize },
    None,
}

/// Where the tokens are: sentence of each token and paragraph of each sentence.
pub struct LinkLayout<'e, 'a> {
    pub ev: &'e Evidence<'a>,
    pub ctx: &'e TokenFacts,
    pub sentence_of: Vec<u32>,
    /// The rules' contents, by start.
    pub rule_contents: Vec<(usize, usize)>,
    /// Tokens before each token that some rule content covers.
    covered_before: Vec<u32>,
}

/// The rules' contents of every frame, sorted by start.
pub fn rule_contents(ev: &Evidence) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = ev
        .frames
        .iter()
        .flat_map(|f| f.contents.iter().copied())
        .collect();
    out.sort_unstable();
    out
}

/// The spans of a sorted, nearly disjoint list that overlap `first..end`.
pub fn overlapping(
    sorted: &[(usize, usize)],
    first: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    // Spans rarely nest, so a few steps back from the first that starts at or
    // after `end` find every overlap.
    const BACK: usize = 8;
    let hi = sorted.partition_point(|&(a, _)| a < end);
    sorted[hi.saturating_sub(BACK)..hi]
        .iter()
        .copied()
        .filter(move |&(a, b)| a < end && first < b)
}

/// Indexes of the items of a list sorted by `key` whose key lies in `lo..hi`.
pub fn within<T>(
    items: &[T],
    key: impl Fn(&T) -> usize,
    lo: usize,
    hi: usize,
) -> std::ops::Range<usize> {
    let a = items.partition_point(|x| key(x) < lo);
    let b = items.partition_point(|x| key(x) < hi);
    a..b.max(a)
}

impl<'e, 'a> LinkLayout<'e, 'a> {
    pub fn new(ev: &'e Evidence<'a>, ctx: &'e TokenFacts) -> LinkLayout<'e, 'a> {
        let mut sentence_of = vec![0u32; ev.tokens.len()];
        for (k, s) in ev.sentences.iter().enumerate() {
            sentence_of[s.first..s.end].fill(k as u32);
        }
        let rule_contents = rule_contents(ev);
        let mut covered = vec![false; ev.tokens.len()];
        for &(a, b) in &rule_contents {
            covered[a..b].fill(true);
        }
        let mut covered_before = Vec::with_capacity(ev.tokens.len() + 1);
        let mut n = 0u32;
        covered_before.push(0);
        for c in covered {
            n += u32::from(c);
            covered_before.push(n);
        }
        LinkLayout {
            ev,
            ctx,
            sentence_of,
            rule_contents,
            covered_before,
        }
    }

    /// Tokens of `first..end` inside some rule content.
    fn rule_covered(&self, first: usize, end: usize) -> usize {
        (self.covered_before[end] - self.covered_before[first]) as usize
    }

    /// Does a name mention overlap `first..end`? (Names are sorted and disjoint.)
    pub(super) fn named(
        &self,
        first: usize,
        end: usize,
    ) -> Option<&crate::analysis::mentions::NameMention> {
        let names = &self.ev.names;
        let k = names.partition_point(|m| m.end <= first);
        names.get(k).filter(|m| m.first < end)
    }

    /// The paragraph of a token.
    fn paragraph(&self, i: usize) -> usize {
        let p = &self.ev.paragraphs;
        p.partition_point(|p| p.end_token <= i)
            .min(p.len().saturating_sub(1))
    }

    /// May a content link to a cue? Within the paragraphs the content spans, or
    /// from the paragraph before when that ends in a colon ("He told
    /// reporters:"). A line further on continues or answers a speaker instead,
    /// which is the assembler's to decide.
    fn reaches(&self, c: &Run, cue: &CueCandidate) -> bool {
        let (first, last) = (self.paragraph(c.first), self.paragraph(c.end - 1));
        let at = self.paragraph(cue.first);
        // "“A.” “B,” said X.": X's cue is B's; A answers or continues.
        let q = &self.ev.quotes;
        let k = q.partition_point(|q| q.open < c.end);
        let quotation_between = cue.first >= c.end
            && q.get(k)
                .is_some_and(|q| q.open >= c.end && q.end_token <= cue.first);
        ((first..=last).contains(&at) && !quotation_between)
            || (at + 1 == first
                && c.first > 0
                && self.ev.paragraphs[first].first_token == c.first
                && self.word(c.first - 1) == ":")
    }

    fn sentence(&self, s: usize) -> (usize, usize) {
        let s = &self.ev.sentences[s];
        (s.first, s.end)
    }

    fn word(&self, i: usize) -> &str {
        &self.ev.text[self.ev.tokens[i].range()]
    }

    fn hash(&self, i: usize) -> u64 {
        self.ctx.words[i]
    }

    fn count(&self, a: usize, b: usize, what: impl Fn(usize) -> bool) -> usize {
        (a..b).filter(|&k| what(k)).count()
    }

    /// Is a cue denied or withheld ("did not say", "declined to comment")? A
    /// negation in it or up to three words before it.
    fn negated(&self, cue: &CueCandidate) -> bool {
        (cue.first.saturating_sub(3)..cue.end).any(|i| self.ev.tokens[i].is(class::NEGATION))
    }

    /// How a cue stands to its subject: bit 0, a passive ("was told", "were
    /// asked"), whose subject is the hearer; bit 1, "by" after it, which names
    /// the speaker.
    fn voice(&self, cue: &CueCandidate) -> u64 {
        let tokens = &self.ev.tokens;
        let participle = |i: usize| {
            tokens[i]
                .info()
                .verb
                .is_some_and(|v| v.form == crate::lexicon::VerbForm::Past)
        };
        let be_before = |i: usize| {
            (i.saturating_sub(2)..i).any(|k| tokens[k].is(class::BE))
                && (i.saturating_sub(2)..i).all(|k| tokens[k].kind == TokenKind::Word)
        };
        let passive = (cue.first..cue.end).any(|i| participle(i) && (be_before(i)));
        let by = tokens
            .get(cue.end)
            .is_some_and(|t| self.ev.text[t.range()].eq_ignore_ascii_case("by"));
        u64::from(passive) | u64::from(by) << 1
    }

    /// A passive of a verb that takes its hearer as object ("Ana Ruiz was
    /// told", "they were asked"): its subject heard, and only "by ..." after
    /// it names who spoke.
    pub(super) fn passive_of_telling(&self, cue: &CueCandidate) -> bool {
        let tokens = &self.ev.tokens;
        self.voice(cue) & 1 == 1
            && (cue.first..cue.end).any(|i| {
                tokens[i]
                    .info()
                    .verb
                    .is_some_and(|v| v.form == crate::lexicon::VerbForm::Past && v.takes_object)
            })
    }
}

/// The cues contents may belong to: the tagger's cue runs, and the rules' cues
/// that no run overlaps, in text order.
pub fn cue_candidates(ev: &Evidence, runs: &[Run]) -> Vec<CueCandidate> {
    let cue_of = |f: &crate::analysis::frames::Frame| (f.cue.0, f.cue.1.max(f.cue.0 + 1));
    let mut rule_cues: Vec<(usize, usize, usize)> = ev
        .frames
        .iter()
        .enumerate()
        .map(|(k, f)| (cue_of(f).0, cue_of(f).1, k))
        .collect();
    rule_cues.sort_unstable();
    let rule_at = |first: usize, end: usize| {
        let hi = rule_cues.partition_point(|c| c.0 < end);
        rule_cues[hi.saturating_sub(4)..hi]
            .iter()
            .find(|c| first < c.1)
            .map(|c| c.2)
    };
    let mut out: Vec<CueCandidate> = runs
        .iter()
        .filter(|r| r.role == Role::Cue)
        .map(|r| CueCandidate {
            first: r.first,
            end: r.end,
            tagged: true,
            rule: rule_at(r.first, r.end),
        })
        .collect();
    let tagged: Vec<(usize, usize)> = out.iter().map(|c| (c.first, c.end)).collect();
    for (k, f) in ev.frames.iter().enumerate() {
        let (a, b) = cue_of(f);
        if f.contents.is_empty() && !f.introduces {
            continue;
        }
        if overlapping(&tagged, a, b).next().is_none() {
            out.push(CueCandidate {
                first: a,
                end: b,
                tagged: false,
                rule: Some(k),
            });
        }
    }
    out.sort_by_key(|c| c.first);
    out
}

mod t {
    pub const DROP: u64 = 200;
    pub const DROP_KIND: u64 = 201;
    pub const DROP_MARGIN: u64 = 202;
    pub const DROP_LEN: u64 = 203;
    pub const DROP_FIRST: u64 = 204;
    pub const DROP_RULE: u64 = 205;
    pub const DROP_NEAR_CUE: u64 = 206;
    pub const DROP_CUE_WORD: u64 = 207;
    pub const DROP_CLAUSE: u64 = 208;
    pub const DROP_BEFORE: u64 = 209;
    pub const CONT: u64 = 210;
    pub const CONT_KIND: u64 = 211;
    pub const CONT_PARA: u64 = 212;
    pub const CONT_CUES_NEAR: u64 = 213;
    pub const CONT_FIRST: u64 = 214;
    pub const CUE: u64 = 220;
    pub const CUE_SIDE_GAP: u64 = 221;
    pub const CUE_WORD_SIDE: u64 = 222;
    pub const CUE_ORIGIN: u64 = 223;
    pub const CUE_RULE_LINK: u64 = 224;
    pub const CUE_BETWEEN: u64 = 225;
    pub const CUE_RANK: u64 = 226;
    pub const CUE_KIND_SIDE: u64 = 227;
    pub const CUE_SENTENCES: u64 = 228;
    pub const CUE_NEXT_WORD: u64 = 229;
    pub const CUE_MARGIN: u64 = 230;
    pub const CUE_NEGATED: u64 = 231;
    pub const SRC: u64 = 240;
    pub const SRC_ORIGIN: u64 = 241;
    pub const SRC_SIDE_GAP: u64 = 242;
    pub const SRC_BETWEEN: u64 = 243;
    pub const SRC_FIRST: u64 = 244;
    pub const SRC_HEAD: u64 = 245;
    pub const SRC_CUE_WORD: u64 = 246;
    pub const SRC_START: u64 = 247;
    pub const SRC_NAME: u64 = 248;
    pub const SRC_RANK: u64 = 249;
    pub const SRC_LEN: u64 = 250;
    pub const SRC_CUE_SHAPE: u64 = 251;
    pub const SRC_PASSIVE: u64 = 252;
    pub const NONE: u64 = 260;
    pub const NONE_CUE_WORD: u64 = 261;
    pub const NONE_BEFORE: u64 = 262;
    pub const NONE_SOURCES: u64 = 263;
    pub const NONE_CUE_SHAPE: u64 = 264;
    pub const NONE_PASSIVE: u64 = 265;
}

/// Tokens on each side of a content or cue within which its cues or sources
/// are looked for: more than any real sentence needs, and a bound on the work
/// for text with no sentence ends.
const REACH: usize = 120;

/// How a content run looks: 0 no quotation, 1 it is one quotation, 2 it holds one.
fn kind(l: &LinkLayout, c: &Run) -> u64 {
    let q = &l.ev.quotes;
    let k = q.partition_point(|q| q.end_token <= c.first);
    match q.get(k) {
        Some(q) if q.open == c.first && q.end_token >= c.end => 1,
        Some(q) if q.open < c.end => 2,
        _ => 0,
    }
}

/// The options for one content run, with their features: each cue candidate
/// near it, then "continues", then "drop".
pub fn content_options(
    l: &LinkLayout,
    c: &Run,
    cues: &[CueCandidate],
    margin: i64,
    bits: u32,
    out: &mut Features,
) -> Vec<ContentLink> {
    out.clear();
    let row = |h: u64| (h >> (64 - bits)) as u32;
    let ev = l.ev;
    let s_first = l.sentence_of[c.first] as usize;
    let s_last = l.sentence_of[c.end - 1] as usize;
    let run = RunFacts {
        own: (l.sentence(s_first).0, l.sentence(s_last).1),
        kind: kind(l, c),
        first_word: l.hash(c.first),
        margin: margin_bucket(margin),
    };
    let near = nearby_cues(l, c, cues);
    let mut options = Vec::new();
    for (rank, &(g, k)) in near.iter().enumerate() {
        let f = cue_link_features(l, c, cues, (rank, g, k), &run);
        out.rows.extend(f.iter().map(|&h| row(h)));
        out.end_token();
        options.push(ContentLink::Cue(k));
    }
    let kind = run.kind;
    // Continues the last speaker.
    let para_start = ev.tokens[c.first].has(crate::analysis::tokens::flag::PARA_START)
        || l.sentence(s_first).0 == c.first;
    let f = [
        feat(t::CONT, 0),
        feat(t::CONT_KIND, kind),
        feat2(t::CONT_PARA, u64::from(para_start), kind),
        feat2(t::CONT_CUES_NEAR, near.len().min(3) as u64, kind),
        feat(t::CONT_FIRST, run.first_word),
    ];
    out.rows.extend(f.iter().map(|&h| row(h)));
    out.end_token();
    options.push(ContentLink::Continues);
    // Not a statement. A phrase with no verb right after a word ("said on
    // CNN's program", "a letter from his doctor") rarely says anything; after
    // punctuation ("KYIV (AP) — Ships left port, ...") it may be a clause
    // whose verb no list knows.
    let after_word = c.first > 0 && l.ev.tokens[c.first - 1].kind == TokenKind::Word;
    let clause = u64::from(looks_like_clause(l, c)) | u64::from(after_word) << 1;
    let word_before = if c.first > 0 { l.hash(c.first - 1) } else { 3 };
    let nearest_cue = near.first().map_or(0, |&(_, k)| l.hash(cues[k].first));
    let f = [
        feat(t::DROP, 0),
        feat(t::DROP_KIND, kind),
        feat2(t::DROP_MARGIN, run.margin, kind),
        feat2(t::DROP_LEN, bucket(c.end - c.first), kind),
        feat(t::DROP_FIRST, run.first_word),
        feat2(t::DROP_RULE, rule_share(l, c), kind),
        feat2(
            t::DROP_NEAR_CUE,
            near.first().map_or(99, |n| bucket(n.0)),
            kind,
        ),
        feat(t::DROP_CUE_WORD, nearest_cue),
        feat2(t::DROP_CLAUSE, clause, kind),
        feat2(t::DROP_BEFORE, word_before, clause),
    ];
    out.rows.extend(f.iter().map(|&h| row(h)));
    out.end_token();
    options.push(ContentLink::Drop);
    options
}

/// Does a content run hold a clause: a verb, an auxiliary or a subject
/// pronoun in its first words (a past tense, in "-ed" or a common irregular
/// one, stands for any verb)?
fn looks_like_clause(l: &LinkLayout, c: &Run) -> bool {
    const WORDS: usize = 40;
    (c.first..c.end.min(c.first + WORDS)).any(|i| {
        let t = &l.ev.tokens[i];
        t.kind == TokenKind::Word
            && (t.info().verb.is_some()
                || t.is(class::AUXILIARY | class::SUBJECT_PRONOUN | class::IRREGULAR_PAST)
                || (!t.is_capitalized() && l.word(i).ends_with("ed")))
    })
}

/// What the content options share of their content run.
struct RunFacts {
    /// The run's own sentences, first token to end.
    own: (usize, usize),
    kind: u64,
    first_word: u64,
    /// How sure the tagger was of the run, bucketed.
    margin: u64,
}

/// The cues that may have said content run `c`, nearest first, with their
/// distance: in its sentences and the one on each side, but never more than
/// a reach of tokens (a "sentence" of hostile text may hold thousands of cues).
fn nearby_cues(l: &LinkLayout, c: &Run, cues: &[CueCandidate]) -> Vec<(usize, usize)> {
    let s_first = l.sentence_of[c.first] as usize;
    let s_last = l.sentence_of[c.end - 1] as usize;
    let lo = l
        .sentence(s_first.saturating_sub(1))
        .0
        .max(c.first.saturating_sub(REACH));
    let hi = l
        .sentence((s_last + 1).min(l.ev.sentences.len() - 1))
        .1
        .min(c.end + REACH);
    let mut near: Vec<(usize, usize)> = within(cues, |q| q.first, lo, hi)
        .filter(|&k| cues[k].end <= hi && l.reaches(c, &cues[k]))
        .map(|k| (gap(cues[k].first, cues[k].end, c), k))
        .collect();
    near.sort_unstable();
    near
}

/// The features of cue `k` (the `rank`th nearest, `g` tokens away) as the
/// speaker's cue of content run `c`.
fn cue_link_features(
    l: &LinkLayout,
    c: &Run,
    cues: &[CueCandidate],
    (rank, g, k): (usize, usize, usize),
    run: &RunFacts,
) -> [u64; 13] {
    let ev = l.ev;
    let q = &cues[k];
    let before = q.end <= c.first;
    let side = u64::from(before);
    let (a, b) = if before {
        (q.end, c.first)
    } else {
        (c.end, q.first)
    };
    let between_cue = within(cues, |o| o.first, a, b).any(|j| j != k && cues[j].end <= b);
    let commas = l.count(a, b, |i| l.word(i) == ",");
    let terminal = l.count(a, b, |i| matches!(l.word(i), "." | "?" | "!"));
    let quotes = l.count(a, b, |i| matches!(ev.tokens[i].kind, TokenKind::Quote(_)));
    let (own_lo, own_hi) = run.own;
    let sentences = if q.first >= own_lo && q.end <= own_hi {
        0
    } else if q.first < own_lo {
        1
    } else {
        2
    };
    let rule_link = q.rule.is_some_and(|f| {
        ev.frames[f]
            .contents
            .iter()
            .any(|&(x, y)| x < c.end && c.first < y)
    });
    let qw = l.hash(q.first);
    let named = l.named(q.first, q.end).is_some();
    let lemma = ev.tokens[q.first]
        .info()
        .verb
        .map_or(0, |v| 1 + u64::from(v.lemma));
    let kind = run.kind;
    [
        feat(t::CUE, 0),
        feat2(t::CUE_SIDE_GAP, side, bucket(g)),
        feat2(t::CUE_WORD_SIDE, qw, side),
        feat2(t::CUE_WORD_SIDE, lemma + (1 << 40), side),
        feat2(
            t::CUE_ORIGIN,
            u64::from(q.tagged) | u64::from(named) << 1,
            u64::from(q.rule.is_some()),
        ),
        feat(t::CUE_RULE_LINK, u64::from(rule_link)),
        feat2(
            t::CUE_BETWEEN,
            u64::from(between_cue) | (commas.min(3) as u64) << 1,
            (terminal.min(2) as u64) | (quotes.min(2) as u64) << 2,
        ),
        feat2(t::CUE_RANK, rank.min(3) as u64, side),
        feat2(t::CUE_KIND_SIDE, kind, side * 10 + sentences),
        feat(t::CUE_SENTENCES, sentences),
        feat2(
            t::CUE_NEXT_WORD,
            if before && g <= 1 { run.first_word } else { 7 },
            side,
        ),
        feat2(t::CUE_MARGIN, run.margin, u64::from(q.tagged)),
        feat2(t::CUE_NEGATED, u64::from(l.negated(q)), kind),
    ]
}

/// Tokens between a span and a run (0 when adjacent).
fn gap(first: usize, end: usize, c: &Run) -> usize {
    if end <= c.first {
        c.first - end
    } else {
        first.saturating_sub(c.end)
    }
}

pub(super) fn margin_bucket(m: i64) -> u64 {
    match m {
        ..=0 => 0,
        1..=1000 => 1,
        1001..=3000 => 2,
        3001..=6000 => 3,
        6001..=12000 => 4,
        12001..=25000 => 5,
        _ => 6,
    }
}

/// How much of a run the rules also call content: 0 none, 1 some, 2 most, 3 all.
fn rule_share(l: &LinkLayout, c: &Run) -> u64 {
    let covered = l.rule_covered(c.first, c.end);
    let n = c.end - c.first;
    match covered {
        0 => 0,
        x if x >= n => 3,
        x if 2 * x >= n => 2,
        _ => 1,
    }
}

/// A source candidate and where it came from.
#[derive(Clone, Copy, Debug)]
struct SourceCandidate {
    first: usize,
    end: usize,
    tagged: bool,
    rule: bool,
    name: bool,
    pronoun: bool,
    /// A phrase the rules' grammar finds beside the cue.
    phrase: bool,
}

/// The options for a cue's source, with their features: phrases of its
/// sentence (the tagger's source runs, the rules' speaker, names, pronouns),
/// nearest first, then none.
pub fn source_options(
    l: &LinkLayout,
    cue: &CueCandidate,
    contents: &[(usize, usize)],
    sources: &[Run],
    cues: &[CueCandidate],
    bits: u32,
    out: &mut Features,
) -> Vec<SourceLink> {
    out.clear();
    let row = |h: u64| (h >> (64 - bits)) as u32;
    let sentence_lo = l.sentence(l.sentence_of[cue.first] as usize).0;
    let cands = source_candidates(l, cue, contents, sources);
    let cue_facts = CueFacts {
        word: l.hash(cue.first),
        // First and last word: "was ... told" has its hearer before it.
        shape: l.hash(cue.first) ^ l.hash(cue.end - 1).rotate_left(17),
        voice: l.voice(cue),
        sentence_lo,
    };
    let mut options = Vec::new();
    for (rank, c) in cands.iter().enumerate() {
        let f = source_features(l, cue, c, rank, contents, cues, &cue_facts);
        out.rows.extend(f.iter().map(|&h| row(h)));
        out.end_token();
        options.push(SourceLink::Phrase {
            first: c.first,
            end: c.end,
        });
    }
    let word_before = if cue.first > sentence_lo {
        l.hash(cue.first - 1)
    } else {
        3
    };
    let f = [
        feat(t::NONE, 0),
        feat(t::NONE_CUE_WORD, cue_facts.word),
        feat(t::NONE_BEFORE, word_before),
        feat(t::NONE_SOURCES, cands.len().min(3) as u64),
        feat(t::NONE_CUE_SHAPE, cue_facts.shape),
        feat(t::NONE_PASSIVE, cue_facts.voice),
    ];
    out.rows.extend(f.iter().map(|&h| row(h)));
    out.end_token();
    options.push(SourceLink::None);
    options
}

/// What the source options share of their cue.
struct CueFacts {
    word: u64,
    shape: u64,
    voice: u64,
    /// The first token of the cue's sentence.
    sentence_lo: usize,
}

/// Tokens between a cue and a source candidate.
fn cue_gap(cue: &CueCandidate, c: &SourceCandidate) -> usize {
    if c.end <= cue.first {
        cue.first - c.end
    } else {
        c.first - cue.end
    }
}

/// The phrases of a cue's sentence that may be its source, nearest first:
/// words, never inside what the cue attributes, never overlapping the cue.
fn source_candidates(
    l: &LinkLayout,
    cue: &CueCandidate,
    contents: &[(usize, usize)],
    sources: &[Run],
) -> Vec<SourceCandidate> {
    let ev = l.ev;
    let (sentence_lo, sentence_hi) = l.sentence(l.sentence_of[cue.first] as usize);
    let lo = sentence_lo.max(cue.first.saturating_sub(REACH));
    let hi = sentence_hi.min(cue.end + REACH);
    let mut cands: Vec<SourceCandidate> = Vec::new();
    let mut add = |first: usize, end: usize, set: &dyn Fn(&mut SourceCandidate)| {
        if first >= end || first < lo || end > hi {
            return;
        }
        if let Some(c) = cands.iter_mut().find(|c| c.first == first && c.end == end) {
            set(c);
            return;
        }
        let mut c = SourceCandidate {
            first,
            end,
            tagged: false,
            rule: false,
            name: false,
            pronoun: false,
            phrase: false,
        };
        set(&mut c);
        cands.push(c);
    };
    for k in within(sources, |s| s.first, lo, hi) {
        add(sources[k].first, sources[k].end, &|c| c.tagged = true);
    }
    if let Some(f) = cue.rule.map(|k| &ev.frames[k])
        && let Some(Speaker::Phrase(p)) = f.speaker
    {
        add(p.first, p.end, &|c| c.rule = true);
    }
    let finder = crate::analysis::frames::FrameFinder {
        text: ev.text,
        tokens: &ev.tokens,
        quotes: &ev.quotes,
    };
    for p in finder.speaker_phrases((cue.first, cue.end), lo, hi) {
        add(p.first, p.end, &|c| c.phrase = true);
    }
    for k in within(&ev.names, |m| m.first, lo, hi) {
        let m = &ev.names[k];
        if m.end <= hi {
            add(m.first, m.end, &|c| c.name = true);
        }
    }
    for i in lo..hi {
        if ev.tokens[i].is(class::SUBJECT_PRONOUN) && l.ctx.quoted(i) == 0 {
            add(i, i + 1, &|c| c.pronoun = true);
        }
    }
    // Words, never inside what the cue attributes, never overlapping the cue.
    cands.retain(|c| {
        ev.tokens[c.first..c.end]
            .iter()
            .any(|t| t.kind == TokenKind::Word)
    });
    cands.retain(|c| {
        !contents.iter().any(|&(a, b)| c.first < b && a < c.end)
            && (c.end <= cue.first || c.first >= cue.end)
    });
    cands.sort_by_key(|c| (cue_gap(cue, c), c.first));
    cands
}

/// The features of source candidate `c` (the `rank`th nearest) of a cue.
fn source_features(
    l: &LinkLayout,
    cue: &CueCandidate,
    c: &SourceCandidate,
    rank: usize,
    contents: &[(usize, usize)],
    cues: &[CueCandidate],
    facts: &CueFacts,
) -> [u64; 13] {
    let before = c.end <= cue.first;
    let side = u64::from(before);
    let g = cue_gap(cue, c);
    let (a, b) = if before {
        (c.end, cue.first)
    } else {
        (cue.end, c.first)
    };
    let other_cue = within(cues, |o| o.first, a, b).any(|j| cues[j].end <= b);
    let content_between = contents.iter().any(|&(x, y)| x >= a && y <= b);
    let commas = l.count(a, b, |i| l.word(i) == ",");
    let origin = u64::from(c.tagged)
        | u64::from(c.rule) << 1
        | u64::from(c.name) << 2
        | u64::from(c.pronoun) << 3
        | u64::from(c.phrase) << 4;
    let name_class = l.named(c.first, c.end).map_or(0, |m| 1 + m.class as u64);
    [
        feat(t::SRC, 0),
        feat(t::SRC_ORIGIN, origin),
        feat2(t::SRC_SIDE_GAP, side, bucket(g)),
        feat2(
            t::SRC_BETWEEN,
            u64::from(other_cue) | u64::from(content_between) << 1,
            commas.min(3) as u64,
        ),
        feat(t::SRC_FIRST, l.hash(c.first)),
        feat(t::SRC_HEAD, l.hash(c.end - 1)),
        feat2(t::SRC_CUE_WORD, facts.word, side),
        feat2(t::SRC_START, u64::from(c.first == facts.sentence_lo), side),
        feat2(t::SRC_NAME, name_class, origin),
        feat2(t::SRC_RANK, rank.min(3) as u64, side),
        feat(t::SRC_LEN, bucket(c.end - c.first)),
        feat2(t::SRC_CUE_SHAPE, facts.shape, side),
        feat2(t::SRC_PASSIVE, facts.voice, side),
    ]
}
