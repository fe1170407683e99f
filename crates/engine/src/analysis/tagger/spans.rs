//! Where a content begins and ends, learned: for each content run of the tagger,
//! a choice among boundaries that quotations and the rules suggest: the run as
//! tagged, the whole quotation it overlaps, the run cut at the quotation's close
//! ("says, “...” until ..."), the run joined with the next one inside the same
//! quotation, and the rules' contents over it.

use super::features::{bucket, feat, feat2};
use super::link::{LinkLayout, overlapping};
use super::tags::{Role, Run, Tag};
use super::weights::{Features, Margins};
use crate::analysis::quotes::quote_at;
use crate::analysis::tokens::TokenKind;

/// Where a boundary candidate came from, as bit flags.
pub mod origin {
    pub const TAGGED: u8 = 1;
    pub const QUOTATION: u8 = 2;
    pub const EXTENDED: u8 = 4;
    pub const CUT_AT_CLOSE: u8 = 8;
    pub const JOINED: u8 = 16;
    pub const RULES: u8 = 32;
    /// Cut at a clause mark inside the run ("A; B", "A, although B").
    pub const CUT_AT_MARK: u8 = 64;
    /// Run on to the end of its sentence.
    pub const TO_SENTENCE_END: u8 = 128;
}

/// A content's token range and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpanCandidate {
    pub first: usize,
    pub end: usize,
    pub origin: u8,
}

impl SpanCandidate {
    pub fn run(&self) -> Run {
        Run {
            role: Role::Content,
            first: self.first,
            end: self.end,
        }
    }
}

mod t {
    pub const ORIGIN: u64 = 300;
    pub const LEN: u64 = 301;
    pub const DELTA: u64 = 302;
    pub const QUOTE_EDGES: u64 = 303;
    pub const CROSSES: u64 = 304;
    pub const CUES_INSIDE: u64 = 305;
    pub const TAGGED_SHARE: u64 = 306;
    pub const SENTENCE_EDGES: u64 = 307;
    pub const FIRST: u64 = 308;
    pub const LAST: u64 = 309;
    pub const AFTER: u64 = 310;
    pub const BEFORE: u64 = 311;
    pub const ORIGIN_KIND: u64 = 312;
    pub const CUT: u64 = 313;
    pub const RIGHT_EDGE: u64 = 314;
    pub const LEFT_EDGE: u64 = 315;
    pub const AFTER_ORIGIN: u64 = 316;
    pub const END_CLASSES: u64 = 317;
    pub const EXTENSION_START: u64 = 318;
}

/// Tokens looked at next to each edge of a candidate: how the decoder rated
/// them tells whether an edge may move, and the bound keeps long quotations
/// cheap.
const EDGE_WINDOW: usize = 48;

/// The largest value over `first..end`, looking at most [`EDGE_WINDOW`]
/// tokens in from each end; `None` for an empty range.
fn edge_max(values: &[i64], first: usize, end: usize) -> Option<i64> {
    if first >= end {
        return None;
    }
    let head = first..end.min(first + EDGE_WINDOW);
    let tail = end.saturating_sub(EDGE_WINDOW).max(head.end)..end;
    head.chain(tail)
        .filter_map(|i| values.get(i).copied())
        .max()
}

/// How far an edge moved from the tagged run, and how sure the decoder was of
/// the tokens it moved over: taking in tokens it did not call content (their
/// cost of becoming content), or leaving out tokens it did (its margin on them).
fn edge_code(taken: Option<i64>, left_out: Option<i64>) -> u64 {
    let b = |v: Option<i64>| v.map_or(0, |v| 1 + super::link::margin_bucket(v));
    b(taken) * 16 + b(left_out)
}

/// Word classes that tell where a clause or phrase begins.
const CLASSES: u32 = crate::lexicon::class::PREPOSITION
    | crate::lexicon::class::CONJUNCTION
    | crate::lexicon::class::RELATIVE
    | crate::lexicon::class::TIME
    | crate::lexicon::class::SUBJECT_PRONOUN
    | crate::lexicon::class::DETERMINER
    | crate::lexicon::class::REPORTING_VERB
    | crate::lexicon::class::AUXILIARY;

/// Running counts of cue beginnings and content tags: a candidate's counts
/// cost the same however long it is.
pub struct TagCounts {
    cue_begins: Vec<u32>,
    content: Vec<u32>,
}

impl TagCounts {
    pub fn new(tags: &[Tag]) -> TagCounts {
        let running = |keep: &dyn Fn(&Tag) -> bool| {
            let mut n = 0;
            std::iter::once(0)
                .chain(tags.iter().map(|t| {
                    n += u32::from(keep(t));
                    n
                }))
                .collect()
        };
        TagCounts {
            cue_begins: running(&|t| *t == Tag::CueBegin),
            content: running(&|t| t.role() == Some(Role::Content)),
        }
    }

    fn cue_begins(&self, first: usize, end: usize) -> usize {
        (self.cue_begins[end] - self.cue_begins[first]) as usize
    }

    fn content(&self, first: usize, end: usize) -> usize {
        (self.content[end] - self.content[first]) as usize
    }
}

/// The boundary candidates of content run `k` (the run as tagged first), with
/// their features.
pub fn span_options(
    l: &LinkLayout,
    contents: &[Run],
    k: usize,
    counts: &TagCounts,
    margins: &Margins,
    bits: u32,
    out: &mut Features,
) -> Vec<SpanCandidate> {
    out.clear();
    let cands = span_candidates(l, contents, k);
    let row = |h: u64| (h >> (64 - bits)) as u32;
    for x in &cands {
        let f = span_features(l, contents[k], x, counts, margins);
        out.rows.extend(f.iter().map(|&h| row(h)));
        out.end_token();
    }
    cands
}

/// Where content run `k` may begin and end: as tagged, the quotations it
/// overlaps, cuts and joins around them, the rules' contents, cuts at clause
/// marks, and on to the sentence's end.
fn span_candidates(l: &LinkLayout, contents: &[Run], k: usize) -> Vec<SpanCandidate> {
    let ev = l.ev;
    let c = contents[k];
    let mut cands: Vec<SpanCandidate> = Vec::new();
    let mut add = |first: usize, end: usize, origin: u8| {
        if first >= end {
            return;
        }
        match cands.iter_mut().find(|x| x.first == first && x.end == end) {
            Some(x) => x.origin |= origin,
            None => cands.push(SpanCandidate { first, end, origin }),
        }
    };
    add(c.first, c.end, origin::TAGGED);
    let quotes = &ev.quotes;
    let q0 = quotes.partition_point(|q| q.end_token <= c.first);
    // A content holds a few quotations; candidates from the first few are
    // enough, and bound the work on text made of quote marks.
    const QUOTATIONS: usize = 8;
    for q in quotes[q0..]
        .iter()
        .take_while(|q| q.open < c.end)
        .take(QUOTATIONS)
    {
        add(q.open, q.end_token, origin::QUOTATION);
        add(
            c.first.min(q.open),
            c.end.max(q.end_token),
            origin::EXTENDED,
        );
        if c.first <= q.open && c.end > q.end_token {
            add(c.first, q.end_token, origin::CUT_AT_CLOSE);
        }
        // The next run inside the same quotation: one statement the tagger split.
        if let Some(n) = contents.get(k + 1)
            && n.first <= c.end + 1
            && n.end <= q.end_token
            && c.first >= q.open
        {
            add(c.first, n.end, origin::JOINED);
        }
    }
    for (a, b) in overlapping(&l.rule_contents, c.first, c.end) {
        add(a, b, origin::RULES);
    }
    // Cuts at the first few and the last few clause marks: a content runs
    // over its clause's end as often as it stops short.
    const CUTS_EACH_END: usize = 3;
    let marks: Vec<usize> = (c.first + 1..c.end)
        .filter(|&i| l.ctx.quoted(i) == 0 && opens_clause(l, i, c.end))
        .collect();
    let last = marks.len().saturating_sub(CUTS_EACH_END).max(CUTS_EACH_END);
    for &m in marks
        .iter()
        .take(CUTS_EACH_END)
        .chain(marks.iter().skip(last))
    {
        add(c.first, m, origin::CUT_AT_MARK);
    }
    let sentence_end = ev.sentences[l.sentence_of[c.end - 1] as usize].end;
    let mut end = sentence_end;
    while end > c.end && ev.tokens[end - 1].kind == TokenKind::Punct && l.ctx.quoted(end - 1) == 0 {
        end -= 1;
    }
    // Only within reach: a "sentence" of hostile text may never end.
    const SENTENCE_END_REACH: usize = 120;
    if end > c.end && end - c.end <= SENTENCE_END_REACH {
        add(c.first, end, origin::TO_SENTENCE_END);
    }
    cands
}

/// The features of boundary candidate `x` of content run `c`.
fn span_features(
    l: &LinkLayout,
    c: Run,
    x: &SpanCandidate,
    counts: &TagCounts,
    margins: &Margins,
) -> [u64; SPAN_FEATURES] {
    let ev = l.ev;
    let quotes = &ev.quotes;
    let is_verb = |i: usize| ev.tokens.get(i).is_some_and(|t| t.info().verb.is_some());
    let len = x.end - x.first;
    let base = c.end - c.first;
    let delta = if len >= base {
        bucket(len - base)
    } else {
        100 + bucket(base - len)
    };
    let starts_quote = quote_at(quotes, x.first).is_some_and(|q| quotes[q].open == x.first);
    let ends_quote = quote_at(quotes, x.end - 1).is_some_and(|q| quotes[q].end_token == x.end);
    let q0 = quotes.partition_point(|q| q.end_token <= x.first);
    // Nested quotations cross nothing; a few quotations in, any that
    // crosses has been seen (bounded for text made of quote marks).
    const QUOTES_SEEN: usize = 64;
    let crosses = quotes[q0..]
        .iter()
        .take_while(|q| q.open < x.end)
        .take(QUOTES_SEEN)
        .any(|q| q.open < x.first || q.end_token > x.end);
    let cues_inside = counts.cue_begins(x.first, x.end);
    let tagged = counts.content(x.first, x.end);
    let share = (tagged * 4 / len.max(1)) as u64;
    let sentence = &ev.sentences[l.sentence_of[x.first] as usize];
    let last_sentence = &ev.sentences[l.sentence_of[x.end - 1] as usize];
    let edges = u64::from(sentence.first == x.first) | u64::from(last_sentence.end == x.end) << 1;
    // Past the last token (a cut right before it), a word of its own.
    let word = |i: usize| l.ctx.words.get(i).copied().unwrap_or(6);
    let after = if x.end < ev.tokens.len() && x.end < last_sentence.end {
        word(x.end)
    } else {
        1
    };
    let before = if x.first > sentence.first {
        word(x.first - 1)
    } else {
        2
    };
    let last = if ev.tokens[x.end - 1].kind == TokenKind::Punct {
        word(x.end - 1)
    } else {
        3
    };
    let o = u64::from(x.origin);
    let right = edge_code(
        edge_max(&margins.to_content, c.end, x.end),
        edge_max(&margins.tag, x.end, c.end),
    );
    let left = edge_code(
        edge_max(&margins.to_content, x.first, c.first),
        edge_max(&margins.tag, c.first, x.first),
    );
    let classes = |i: usize| {
        ev.tokens
            .get(i)
            .map_or(1 << 40, |t| u64::from(t.info().classes & CLASSES))
    };
    let extension_start = if x.end > c.end { word(c.end) } else { 5 };
    // What follows a cut: "and warned", "although", "which".
    let cut_next = if x.origin & origin::CUT_AT_MARK != 0 {
        word(x.end + 1) ^ (u64::from(is_verb(x.end + 1) || is_verb(x.end + 2)) << 63)
    } else {
        4
    };
    [
        feat2(t::CUT, word(x.end.min(ev.tokens.len() - 1)), cut_next),
        feat(t::CUT, cut_next),
        feat(t::ORIGIN, o),
        feat(t::LEN, bucket(len)),
        feat2(t::DELTA, delta, o & 1),
        feat2(
            t::QUOTE_EDGES,
            u64::from(starts_quote) | u64::from(ends_quote) << 1,
            o & 1,
        ),
        feat(t::CROSSES, u64::from(crosses)),
        feat(t::CUES_INSIDE, cues_inside.min(3) as u64),
        feat(t::TAGGED_SHARE, share),
        feat(t::SENTENCE_EDGES, edges),
        feat(t::FIRST, word(x.first)),
        feat(t::LAST, last),
        feat2(t::AFTER, after, u64::from(ends_quote)),
        feat(t::BEFORE, before),
        feat2(t::RIGHT_EDGE, right, o & 1),
        feat2(t::LEFT_EDGE, left, o & 1),
        feat2(t::RIGHT_EDGE, right, bucket(len)),
        feat2(t::AFTER_ORIGIN, after, o),
        feat2(t::END_CLASSES, classes(x.end - 1), classes(x.end)),
        feat2(
            t::EXTENSION_START,
            extension_start,
            bucket(x.end.saturating_sub(c.end)),
        ),
        feat2(
            t::ORIGIN_KIND,
            o,
            u64::from(starts_quote) | u64::from(ends_quote) << 1 | u64::from(crosses) << 2,
        ),
    ]
}

/// How many features [`span_features`] gives a candidate.
const SPAN_FEATURES: usize = 21;

/// May a content end before token `i`? At clause punctuation; before a
/// conjunction or preposition that opens a clause ("and warned that", "as
/// protesters gathered", "after the vote was held"); before a time or place
/// adjunct ("in a statement on Thursday").
fn opens_clause(l: &LinkLayout, i: usize, end: usize) -> bool {
    use crate::lexicon::class;
    let tokens = &l.ev.tokens;
    let verb_within = |n: usize| {
        // No part-of-speech tags: reporting verbs, auxiliaries, and lowercase
        // words in -ed stand for the verbs of a clause.
        (i + 1..(i + 1 + n).min(end)).any(|k| {
            let w = &l.ev.text[tokens[k].range()];
            tokens[k].info().verb.is_some()
                || tokens[k].is(class::AUXILIARY | class::BE)
                || (!tokens[k].is_capitalized() && w.len() > 4 && w.ends_with("ed"))
        })
    };
    let t = &tokens[i];
    is_clause_mark(l, i)
        || (t.is(class::CONJUNCTION) && verb_within(2))
        || (t.is(class::PREPOSITION)
            && !l.ev.text[t.range()].eq_ignore_ascii_case("of")
            && verb_within(3))
        || (t.is(class::PREPOSITION)
            && (i + 1..(i + 3).min(end)).any(|k| tokens[k].is(class::TIME)))
}

/// Punctuation where a clause may end, outside quotations.
fn is_clause_mark(l: &LinkLayout, i: usize) -> bool {
    l.ev.tokens[i].kind == TokenKind::Punct
        && matches!(
            &l.ev.text[l.ev.tokens[i].range()],
            "," | ";" | "—" | "–" | "--" | "(" | ":"
        )
}
