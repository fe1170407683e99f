//! Training the tagger: an averaged structured perceptron, in integers, so the
//! same data gives the same weights byte for byte.
//!
//! The first stage is trained on all articles for the shipped model, and once
//! per fold without that fold to tag it: the second stage learns from first-stage
//! tags as they will look on unseen text (stacking), not from tags the first
//! stage had memorised.

use super::Tagger;
use super::clusters::{self, WordClusters};
use super::decode::{Linker, content_candidates};
use super::features::{self, TokenFacts};
use super::link::{
    ContentLink, Linear, LinkLayout, SourceLink, content_options, cue_candidates, source_options,
};
use super::spans::{TagCounts, span_options};
use super::tags::{ROW, Role, Run, TAGS, Tag, runs};
use super::weights::{
    EMISSION_UNIT, Features, Lattice, Margins, Scores, Weights, viterbi, viterbi_with_margins,
};
use crate::analysis::evidence::Evidence;
use crate::analysis::xorshift::XorShift;
use rayon::prelude::*;

/// One annotated attribution, in byte offsets into its text.
#[derive(Clone, Debug, Default)]
pub struct GoldItem {
    /// What was said or thought.
    pub content: (usize, usize),
    /// The reporting words: "said", "according to".
    pub cues: Vec<(usize, usize)>,
    /// Who said it: "the mayor", "he".
    pub sources: Vec<(usize, usize)>,
}

/// A text with its attributions.
#[derive(Clone, Debug, Default)]
pub struct Annotated {
    /// The article.
    pub text: String,
    /// Its attributions, byte offsets into `text`.
    pub items: Vec<GoldItem>,
}

/// How to train.
#[derive(Clone, Debug)]
pub struct Config {
    /// log2 of the rows of each stage's table.
    pub bits: u32,
    /// Epochs of the first and of the second stage.
    pub epochs: [usize; 2],
    /// Folds for the first stage's stacked tags.
    pub folds: usize,
    /// Perceptrons per stage, averaged (each sees the examples in its own order).
    pub bags: usize,
    /// Margin the perceptron learns over each wrong tag (0: the plain perceptron).
    pub cost: i32,
    /// Scaled weights smaller than this are dropped, which keeps the file small.
    pub prune: i16,
    /// Seed of the order examples are seen in.
    pub seed: u64,
    /// log2 of the rows of the linker's tables.
    pub link_bits: u32,
    /// Epochs of the linker's choosers.
    pub link_epochs: usize,
    /// Added to the score of dropping a content of speech and of thought:
    /// below zero, the linker keeps doubtful contents (see
    /// [`Tagger::set_drop_bias`]).
    pub drop_bias: [i32; 2],
    /// Word classes learnt from the training text (at most 254).
    pub word_classes: usize,
    /// Passes of exchange clustering over the words.
    pub class_passes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            bits: 18,
            epochs: [12, 12],
            folds: 5,
            bags: 3,
            cost: 3,
            prune: 100,
            seed: 0x6272_6965_6669_6e67,
            link_bits: 18,
            link_epochs: 6,
            drop_bias: [-8000, 0],
            word_classes: 64,
            class_passes: 10,
        }
    }
}

/// The gold tag of every token: a token belongs to a span when its middle lies
/// inside it; each span's first token begins it.
pub(crate) fn gold_tags(ev: &Evidence, items: &[GoldItem]) -> Vec<Tag> {
    let mut tags = vec![Tag::Outside; ev.tokens.len()];
    let mut mark = |(s, e): (usize, usize), role: Role| {
        let first = ev
            .tokens
            .partition_point(|t| (t.start as usize + t.end as usize) / 2 < s);
        let mut begun = false;
        for (k, t) in ev.tokens[first..].iter().enumerate() {
            if (t.start as usize + t.end as usize) / 2 >= e {
                break;
            }
            tags[first + k] = if begun {
                Tag::inside(role)
            } else {
                Tag::begin(role)
            };
            begun = true;
        }
    };
    for it in items {
        mark(it.content, Role::Content);
    }
    for it in items {
        for &c in &it.cues {
            mark(c, Role::Cue);
        }
        for &s in &it.sources {
            mark(s, Role::Source);
        }
    }
    tags
}

/// An article ready for training: features, gold tags, and the stretches it is
/// decoded in (cut between paragraphs where no span runs on).
struct Prepared {
    /// First token of each paragraph.
    paragraphs: Vec<usize>,
    base: Features,
    stacked: Features,
    gold: Vec<Tag>,
    segments: Vec<(usize, usize)>,
}

fn prepare(a: &Annotated, bits: u32, clusters: &WordClusters) -> Prepared {
    let ev = Evidence::gather(&a.text);
    let ctx = TokenFacts::new(&ev, clusters);
    let mut base = Features::default();
    features::base(&ev, &ctx, bits, &mut base);
    let gold = gold_tags(&ev, &a.items);
    let mut segments = Vec::new();
    let mut start = 0;
    for p in ev.paragraphs.iter().skip(1) {
        let i = p.first_token;
        if i > start && i < gold.len() && !gold[i].is_inside() {
            segments.push((start, i));
            start = i;
        }
    }
    if start < gold.len() {
        segments.push((start, gold.len()));
    }
    Prepared {
        paragraphs: ev.paragraphs.iter().map(|p| p.first_token).collect(),
        base,
        stacked: Features::default(),
        gold,
        segments,
    }
}

/// Perceptron weights with the sums needed for averaging (Daumé's trick: the
/// average is `w - u / c`).
struct Trainer {
    bits: u32,
    w: Vec<i32>,
    u: Vec<i64>,
    tw: [[i32; ROW]; ROW],
    tu: [[i64; ROW]; ROW],
    c: i64,
    /// Added to the score of each wrong tag while learning.
    cost: i32,
}

impl Trainer {
    fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * ROW;
        Trainer {
            bits,
            w: vec![0; n],
            u: vec![0; n],
            tw: [[0; ROW]; ROW],
            tu: [[0; ROW]; ROW],
            c: 1,
            cost: 0,
        }
    }

    fn scores(&self, feats: &[&Features], (a, b): (usize, usize), out: &mut Scores) {
        out.clear();
        for i in a..b {
            let mut acc = [0i32; ROW];
            for f in feats {
                for &r in f.of(i) {
                    let row = &self.w[r as usize * ROW..r as usize * ROW + ROW];
                    for k in 0..ROW {
                        acc[k] = acc[k].saturating_add(row[k]);
                    }
                }
            }
            out.push(acc);
        }
    }

    fn bump(&mut self, feats: &[&Features], i: usize, tag: Tag, delta: i32) {
        let c = self.c;
        for f in feats {
            for &r in f.of(i) {
                let k = r as usize * ROW + tag as usize;
                self.w[k] += delta;
                self.u[k] += c * i64::from(delta);
            }
        }
    }

    fn bump_transition(&mut self, prev: Tag, tag: Tag, delta: i32) {
        self.tw[prev as usize][tag as usize] += delta;
        self.tu[prev as usize][tag as usize] += self.c * i64::from(delta);
    }

    /// Decodes one segment and moves the weights toward the gold tags where the
    /// prediction differs.
    fn learn(&mut self, feats: &[&Features], gold: &[Tag], seg: (usize, usize), buf: &mut Buffers) {
        self.scores(feats, seg, &mut buf.scores);
        let gold = &gold[seg.0..seg.1];
        // Loss-augmented decoding: every wrong tag gets a head start, so the
        // weights learn a margin over the gold tags, not only to rank them first.
        for (s, &g) in buf.scores.iter_mut().zip(gold) {
            for (k, v) in s.iter_mut().enumerate() {
                if k != g as usize {
                    *v += self.cost;
                }
            }
        }
        viterbi(&self.tw, &buf.scores, &mut buf.tags, &mut buf.lattice);
        if buf.tags.as_slice() != gold {
            for (k, (&p, &g)) in buf.tags.clone().iter().zip(gold).enumerate() {
                if p != g {
                    self.bump(feats, seg.0 + k, g, 1);
                    self.bump(feats, seg.0 + k, p, -1);
                }
                let (pp, gp) = if k == 0 {
                    (Tag::Outside, Tag::Outside)
                } else {
                    (buf.tags[k - 1], gold[k - 1])
                };
                if (pp, p) != (gp, g) {
                    self.bump_transition(gp, g, 1);
                    self.bump_transition(pp, p, -1);
                }
            }
        }
        self.c += 1;
    }

    /// The averaged weights, unscaled: `w * c - u` for each row and transition
    /// (the average times the number of steps).
    fn totals(&self) -> Totals {
        let c = i128::from(self.c);
        let total = |w: i32, u: i64| i128::from(w) * c - i128::from(u);
        let mut trans = [[0i128; ROW]; ROW];
        for ((row, tw), tu) in trans.iter_mut().zip(&self.tw).zip(&self.tu) {
            for ((t, &w), &u) in row.iter_mut().zip(tw).zip(tu) {
                *t = total(w, u);
            }
        }
        Totals {
            bits: self.bits,
            rows: self
                .w
                .iter()
                .zip(&self.u)
                .map(|(&w, &u)| total(w, u))
                .collect(),
            trans,
        }
    }
}

/// Averaged weights before scaling; several add up to an ensemble.
struct Totals {
    bits: u32,
    rows: Vec<i128>,
    trans: [[i128; ROW]; ROW],
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        for (a, b) in self.rows.iter_mut().zip(&other.rows) {
            *a += b;
        }
        for (ra, rb) in self.trans.iter_mut().zip(&other.trans) {
            for (a, b) in ra.iter_mut().zip(rb) {
                *a += b;
            }
        }
    }

    /// Scaled so that the largest weight is the i16 limit; emission weights
    /// smaller than `prune` on that scale drop out, the others are stored in
    /// units of [`EMISSION_UNIT`].
    fn weights(&self, prune: i16) -> Weights {
        let max = self
            .rows
            .iter()
            .chain(self.trans.iter().flatten())
            .map(|v| v.abs())
            .max()
            .unwrap_or(1)
            .max(1);
        let mut out = Weights::zero(self.bits);
        for (r, row) in out.rows.iter_mut().enumerate() {
            for (k, v) in row.iter_mut().enumerate().take(TAGS) {
                let q = round_scaled(self.rows[r * ROW + k], max);
                *v = if q.abs() < i128::from(prune) {
                    0
                } else {
                    let unit = i128::from(EMISSION_UNIT);
                    round_div(q, unit).clamp(-127, 127) as i8
                };
            }
        }
        for a in 0..ROW {
            for b in 0..ROW {
                out.trans[a][b] = round_scaled(self.trans[a][b], max) as i32;
            }
        }
        out
    }
}

#[derive(Default)]
struct Buffers {
    scores: Scores,
    tags: Vec<Tag>,
    lattice: Lattice,
}

/// Trains one stage on the chosen articles: `bags` perceptrons that see the
/// examples in different orders, in parallel, averaged into one.
fn train_stage(
    data: &[Prepared],
    chosen: &[usize],
    stacked: bool,
    config: &Config,
    rng: &mut XorShift,
) -> Weights {
    let order: Vec<(usize, usize)> = chosen
        .iter()
        .flat_map(|&a| (0..data[a].segments.len()).map(move |s| (a, s)))
        .collect();
    let epochs = config.epochs[usize::from(stacked)];
    let seeds: Vec<u64> = (0..config.bags.max(1)).map(|_| rng.next() | 1).collect();
    let bags: Vec<Totals> = seeds
        .par_iter()
        .map(|&seed| {
            let mut rng = XorShift(seed);
            let mut order = order.clone();
            let mut t = Trainer::new(config.bits);
            t.cost = config.cost;
            let mut buf = Buffers::default();
            for _ in 0..epochs {
                rng.shuffle(&mut order);
                for &(a, s) in &order {
                    let p = &data[a];
                    let feats: Vec<&Features> = if stacked {
                        vec![&p.base, &p.stacked]
                    } else {
                        vec![&p.base]
                    };
                    t.learn(&feats, &p.gold, p.segments[s], &mut buf);
                }
            }
            t.totals()
        })
        .collect();
    let mut sum = Totals {
        bits: config.bits,
        rows: vec![0; bags[0].rows.len()],
        trans: [[0; ROW]; ROW],
    };
    for b in &bags {
        sum.add(b);
    }
    sum.weights(config.prune)
}

/// Tags of one article by one stage (the second reads the stacked features too).
fn stage_tags(w: &Weights, p: &Prepared, stacked: bool) -> OutOfFold {
    let mut scores = Scores::new();
    w.emissions(&p.base, &mut scores);
    if stacked {
        let mut extra = Scores::new();
        w.emissions(&p.stacked, &mut extra);
        for (s, e) in scores.iter_mut().zip(&extra) {
            for k in 0..ROW {
                s[k] += e[k];
            }
        }
    }
    super::break_at(p.paragraphs.iter().copied(), &mut scores);
    let mut tags = Vec::new();
    let m = if stacked {
        viterbi_with_margins(&w.trans, &scores, &mut tags, &mut Default::default())
    } else {
        w.viterbi(&scores, &mut tags);
        Margins::default()
    };
    (tags, m)
}

/// One article's tags and margins from a model that did not see it.
type OutOfFold = (Vec<Tag>, Margins);

/// Trains a stage on all articles, and once per fold on the others to tag that
/// fold as unseen text. Returns the weights and the out-of-fold tags.
fn stage_with_folds(
    data: &[Prepared],
    stacked: bool,
    config: &Config,
    rng: &mut XorShift,
    log: &mut dyn FnMut(&str),
) -> (Weights, Vec<OutOfFold>) {
    let all: Vec<usize> = (0..data.len()).collect();
    let folds = config.folds.max(2).min(data.len().max(2));
    let name = if stacked { "second" } else { "first" };
    let mut out = vec![(Vec::new(), Margins::default()); data.len()];
    for k in 0..folds {
        let train: Vec<usize> = all.iter().copied().filter(|i| i % folds != k).collect();
        let w = train_stage(data, &train, stacked, config, rng);
        for i in all.iter().copied().filter(|i| i % folds == k) {
            out[i] = stage_tags(&w, &data[i], stacked);
        }
        log(&format!("{name} stage, fold {} of {folds}", k + 1));
    }
    let w = train_stage(data, &all, stacked, config, rng);
    log(&format!("{name} stage, all articles"));
    (w, out)
}

/// Trains both stages and the linker. `log` hears of each step.
pub fn train(articles: &[Annotated], config: &Config, log: &mut dyn FnMut(&str)) -> Tagger {
    let bits = config.bits;
    let mut rng = XorShift(config.seed | 1);
    let texts: Vec<Vec<u64>> = articles
        .par_iter()
        .map(|a| features::word_hashes(&Evidence::gather(&a.text)))
        .collect();
    let clusters = clusters::learn(&texts, config.word_classes, config.class_passes);
    log(&format!("{} words in classes", clusters.len()));
    let mut data: Vec<Prepared> = articles
        .par_iter()
        .map(|a| prepare(a, bits, &clusters))
        .collect();
    log(&format!(
        "{} articles, {} tokens, {} segments",
        data.len(),
        data.iter().map(|p| p.gold.len()).sum::<usize>(),
        data.iter().map(|p| p.segments.len()).sum::<usize>()
    ));
    let (first, first_tags) = stage_with_folds(&data, false, config, &mut rng, log);
    let stacked: Vec<Features> = articles
        .par_iter()
        .zip(first_tags.par_iter())
        .map(|(a, (tags, _))| {
            let ev = Evidence::gather(&a.text);
            let ctx = TokenFacts::new(&ev, &clusters);
            let mut f = Features::default();
            features::stacked(&ev, &ctx, tags, bits, &mut f);
            f
        })
        .collect();
    for (p, f) in data.iter_mut().zip(stacked) {
        p.stacked = f;
    }
    let (second, second_tags) = stage_with_folds(&data, true, config, &mut rng, log);
    let examples: Vec<LinkExamples> = articles
        .par_iter()
        .zip(second_tags.par_iter())
        .map(|(a, (tags, margins))| link_examples(a, tags, margins, config.link_bits, &clusters))
        .collect();
    let spans: Vec<&(Features, usize)> = examples.iter().flat_map(|e| &e.spans).collect();
    let contents: Vec<&(Features, usize)> = examples.iter().flat_map(|e| &e.contents).collect();
    let sources: Vec<&(Features, usize)> = examples.iter().flat_map(|e| &e.sources).collect();
    log(&format!(
        "linker: {} span, {} content and {} source choices",
        spans.len(),
        contents.len(),
        sources.len()
    ));
    let linker = Linker {
        spans: train_chooser(&spans, config.link_bits, config.link_epochs, &mut rng),
        contents: train_chooser(&contents, config.link_bits, config.link_epochs, &mut rng),
        sources: train_chooser(&sources, config.link_bits, config.link_epochs, &mut rng),
        drop_bias: config.drop_bias,
    };
    Tagger::new(&first, &second, linker, clusters)
}

/// The linker's training choices from one article: options with their features
/// and the index of the right one.
#[derive(Default)]
struct LinkExamples {
    spans: Vec<(Features, usize)>,
    contents: Vec<(Features, usize)>,
    sources: Vec<(Features, usize)>,
}

/// A span without surrounding white space and punctuation and a leading "that",
/// as the scorer compares spans exactly.
fn trim(text: &str, (mut s, mut e): (usize, usize)) -> (usize, usize) {
    const EDGE: &str = " \t\n\u{a0}.,;:!?\"'“”‘’«»—–-()[]";
    while s < e {
        match text[s..e].chars().next() {
            Some(c) if EDGE.contains(c) => s += c.len_utf8(),
            _ => break,
        }
    }
    while e > s {
        match text[s..e].chars().next_back() {
            Some(c) if EDGE.contains(c) => e -= c.len_utf8(),
            _ => break,
        }
    }
    if text[s..e]
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("that "))
    {
        s += 5;
    }
    (s, e)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn jaccard(a: (usize, usize), b: (usize, usize)) -> f64 {
    let i = overlap(a, b);
    let u = a.1.max(b.1) - a.0.min(b.0);
    if u == 0 { 0.0 } else { i as f64 / u as f64 }
}

/// A gold item and its content runs (token ranges).
type GoldContents<'a> = (&'a GoldItem, Vec<(usize, usize)>);

fn link_examples(
    a: &Annotated,
    tags: &[Tag],
    margins: &Margins,
    bits: u32,
    clusters: &WordClusters,
) -> LinkExamples {
    let ev = Evidence::gather(&a.text);
    let ctx = TokenFacts::new(&ev, clusters);
    let l = LinkLayout::new(&ev, &ctx);
    let all = runs(tags);
    let cues = cue_candidates(&ev, &all);
    let sources: Vec<Run> = all
        .iter()
        .filter(|r| r.role == Role::Source)
        .copied()
        .collect();
    let bytes = |first: usize, end: usize| {
        (
            ev.tokens[first].start as usize,
            ev.tokens[end - 1].end as usize,
        )
    };
    let mut out = LinkExamples::default();
    // The gold item each cue's contents belong to, for its source choice.
    let mut cue_gold: Vec<Option<GoldContents>> = vec![None; cues.len()];
    let content_runs = content_candidates(&ev, &all);
    // Boundaries: the candidate that matches a gold content best (exactly after
    // trimming, else by overlap) is the right one.
    let mut best_runs = Vec::new();
    let counts = TagCounts::new(tags);
    for k in 0..content_runs.len() {
        let mut f = Features::default();
        let options = span_options(&l, &content_runs, k, &counts, margins, bits, &mut f);
        let quality = |o: &super::spans::SpanCandidate| {
            let span = bytes(o.first, o.end);
            let trimmed = trim(&a.text, span);
            a.items
                .iter()
                .map(|g| {
                    let exact = trim(&a.text, g.content) == trimmed;
                    (exact, (jaccard(span, g.content) * 1e6) as i64)
                })
                .max()
                .unwrap_or((false, 0))
        };
        let scored: Vec<_> = options.iter().map(quality).collect();
        let best = (0..options.len()).max_by_key(|&i| (scored[i], std::cmp::Reverse(i)));
        match best.filter(|&i| scored[i].0 || scored[i].1 >= 500_000) {
            Some(i) => {
                out.spans.push((f, i));
                best_runs.push(options[i].run());
            }
            None => best_runs.push(content_runs[k]),
        }
    }
    let mut last_end = 0;
    for c in &best_runs {
        if c.first < last_end {
            continue;
        }
        last_end = c.end;
        let mut f = Features::default();
        let margin = margins.tag.get(c.first).copied().unwrap_or(0);
        let options = content_options(&l, c, &cues, margin, bits, &mut f);
        let span = bytes(c.first, c.end);
        let gold = a
            .items
            .iter()
            .map(|g| (jaccard(span, g.content), g))
            .filter(|(j, _)| *j >= 0.5)
            .max_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, g)| g);
        let right = match gold {
            None => ContentLink::Drop,
            Some(g) => options
                .iter()
                .filter_map(|o| match *o {
                    ContentLink::Cue(k) => {
                        let q = bytes(cues[k].first, cues[k].end);
                        let ov: usize = g.cues.iter().map(|&x| overlap(q, x)).sum();
                        (ov > 0).then_some((ov, k))
                    }
                    _ => None,
                })
                .max()
                .map_or(ContentLink::Continues, |(_, k)| ContentLink::Cue(k)),
        };
        if let (ContentLink::Cue(k), Some(g)) = (right, gold) {
            let entry = cue_gold[k].get_or_insert_with(|| (g, Vec::new()));
            entry.1.push((c.first, c.end));
        }
        if let Some(i) = options.iter().position(|&o| o == right) {
            out.contents.push((f, i));
        }
    }
    for (k, entry) in cue_gold.into_iter().enumerate() {
        let Some((g, contents)) = entry else { continue };
        let mut f = Features::default();
        let options = source_options(&l, &cues[k], &contents, &sources, &cues, bits, &mut f);
        let right = if g.sources.is_empty() {
            options.iter().position(|&o| o == SourceLink::None)
        } else {
            options
                .iter()
                .enumerate()
                .filter_map(|(i, o)| match *o {
                    SourceLink::Phrase { first, end } => {
                        let s = bytes(first, end);
                        let ov: usize = g.sources.iter().map(|&x| overlap(s, x)).sum();
                        (ov > 0).then_some((ov, std::cmp::Reverse(i)))
                    }
                    SourceLink::None => None,
                })
                .max()
                .map(|(_, std::cmp::Reverse(i))| i)
        };
        if let Some(i) = right {
            out.sources.push((f, i));
        }
    }
    out
}

/// A multiclass averaged perceptron over the options of each choice.
fn train_chooser(
    examples: &[&(Features, usize)],
    bits: u32,
    epochs: usize,
    rng: &mut XorShift,
) -> Linear {
    let n = 1usize << bits;
    let mut w = vec![0i32; n];
    let mut u = vec![0i64; n];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let (f, right) = examples[e];
            let score =
                |k: usize| -> i64 { f.of(k).iter().map(|&r| i64::from(w[r as usize])).sum() };
            let mut best = (i64::MIN, 0);
            for k in 0..f.len() {
                let s = score(k);
                if s > best.0 {
                    best = (s, k);
                }
            }
            let guess = best.1;
            if guess != *right {
                for (k, d) in [(*right, 1), (guess, -1)] {
                    for &r in f.of(k) {
                        w[r as usize] += d;
                        u[r as usize] += c * i64::from(d);
                    }
                }
            }
            c += 1;
        }
    }
    let total: Vec<i128> = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| i128::from(w) * i128::from(c) - i128::from(u))
        .collect();
    let max = total.iter().map(|v| v.abs()).max().unwrap_or(1).max(1);
    let mut out = Linear::zero(bits);
    for (o, &v) in out.w.iter_mut().zip(&total) {
        *o = round_scaled(v, max) as i16;
    }
    out
}

/// `v` scaled so that `max` becomes the i16 limit, rounded half away from zero.
fn round_scaled(v: i128, max: i128) -> i128 {
    round_div(v * i128::from(i16::MAX), max)
}

/// `num / den` for a positive `den`, rounded half away from zero.
fn round_div(num: i128, den: i128) -> i128 {
    if num >= 0 {
        (2 * num + den) / (2 * den)
    } else {
        -((-2 * num + den) / (2 * den))
    }
}

/// Figures of a tagger against gold: per role, exact runs found (P, R, F1), and
/// content runs that overlap their gold run by half or more.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Cues: precision, recall, F1.
    pub cue: (f64, f64, f64),
    /// Sources: precision, recall, F1.
    pub source: (f64, f64, f64),
    /// Contents found exactly: precision, recall, F1.
    pub content: (f64, f64, f64),
    /// Contents overlapping their gold content by half or more: precision,
    /// recall, F1.
    pub content_overlap: (f64, f64, f64),
}

fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// How well `tagger` tags annotated articles it was not trained on.
pub fn evaluate(tagger: &Tagger, articles: &[Annotated]) -> Figures {
    // (tp, predicted, gold) per role, and overlap matches for content.
    let counts: Vec<[usize; 12]> = articles
        .par_iter()
        .map(|a| {
            let ev = Evidence::gather(&a.text);
            let gold = runs(&gold_tags(&ev, &a.items));
            let pred = runs(&tagger.tags(&ev));
            let mut c = [0usize; 12];
            for (k, role) in [Role::Cue, Role::Source, Role::Content]
                .into_iter()
                .enumerate()
            {
                let g: Vec<_> = gold.iter().filter(|r| r.role == role).collect();
                let p: Vec<_> = pred.iter().filter(|r| r.role == role).collect();
                c[3 * k] = p.iter().filter(|r| g.contains(r)).count();
                c[3 * k + 1] = p.len();
                c[3 * k + 2] = g.len();
                if role == Role::Content {
                    let overlap = |a: &Run, b: &Run| {
                        let i = a.end.min(b.end).saturating_sub(a.first.max(b.first));
                        let u = a.end.max(b.end) - a.first.min(b.first);
                        2 * i >= u
                    };
                    c[9] = p.iter().filter(|r| g.iter().any(|x| overlap(r, x))).count();
                    c[10] = p.len();
                    c[11] = g.len();
                }
            }
            c
        })
        .collect();
    let mut s = [0usize; 12];
    for c in counts {
        for k in 0..12 {
            s[k] += c[k];
        }
    }
    Figures {
        cue: prf(s[0], s[1], s[2]),
        source: prf(s[3], s[4], s[5]),
        content: prf(s[6], s[7], s[8]),
        content_overlap: prf(s[9], s[10], s[11]),
    }
}
