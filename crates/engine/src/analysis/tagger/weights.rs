//! Linear weights over hashed features, first-order Viterbi decoding, and the
//! compact file format the weights ship in.
//!
//! A feature is a 64-bit hash; its top `bits` bits pick a row of one weight per
//! tag. Weights are integers (an averaged perceptron's sums, scaled so that the
//! largest is the i16 limit, then stored in units of [`EMISSION_UNIT`] as i8), so
//! training and decoding are exact and the same on every machine.

use super::clusters::WordClusters;
use super::decode::Linker;
use super::link::Linear;
use super::tags::{ROW, TAGS, Tag};

/// Per-token feature rows: token `i` has `rows[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub rows: Vec<u32>,
    pub ends: Vec<u32>,
}

impl Features {
    pub fn clear(&mut self) {
        self.rows.clear();
        self.ends.clear();
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn of(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.rows[start..self.ends[i] as usize]
    }

    /// Ends the features of the current token.
    pub fn end_token(&mut self) {
        self.ends.push(self.rows.len() as u32);
    }
}

/// What one unit of an emission weight is worth on the scale of the
/// transitions and path scores. Emission rows are read at random from tables
/// larger than the cache, so they are kept to a byte a weight: half the memory
/// traffic of i16, and on PolNeAR dev the same figures (the finer bits were
/// below the perceptron's noise).
pub const EMISSION_UNIT: i32 = 256;

/// One stage's weights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weights {
    /// log2 of the number of rows.
    pub bits: u32,
    /// Emission weights, in units of [`EMISSION_UNIT`].
    pub rows: Vec<[i8; ROW]>,
    /// `trans[prev][tag]`.
    pub trans: [[i32; ROW]; ROW],
}

/// Emission scores of each token, one per tag.
pub type Scores = Vec<[i32; ROW]>;

/// The tagger's two stages, their weight rows side by side: every feature of
/// the first stage is read by both, and side by side both rows come in one
/// cache line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stages {
    /// log2 of the number of rows.
    pub bits: u32,
    pub rows: Vec<[[i8; ROW]; 2]>,
    /// Each stage's `trans[prev][tag]`.
    pub trans: [[[i32; ROW]; ROW]; 2],
}

impl Stages {
    /// Two trained stages, which must have tables of one size.
    #[cfg(any(test, feature = "train"))]
    pub fn new(first: &Weights, second: &Weights) -> Stages {
        assert_eq!(first.bits, second.bits, "stages of different sizes");
        Stages {
            bits: first.bits,
            rows: first
                .rows
                .iter()
                .zip(&second.rows)
                .map(|(&a, &b)| [a, b])
                .collect(),
            trans: [first.trans, second.trans],
        }
    }

    fn zero(bits: u32) -> Stages {
        Stages {
            bits,
            rows: vec![[[0; ROW]; 2]; 1 << bits],
            trans: [[[0; ROW]; ROW]; 2],
        }
    }

    /// The emission scores of both stages for the first stage's features.
    pub fn emissions(&self, features: &Features, first: &mut Scores, second: &mut Scores) {
        first.clear();
        second.clear();
        first.reserve(features.len());
        second.reserve(features.len());
        for i in 0..features.len() {
            prefetch_ahead(&self.rows, features, i);
            let [a, b] = sum_rows(&self.rows, features.of(i), |[a, b]| [a, b]);
            first.push(a.map(|v| v * EMISSION_UNIT));
            second.push(b.map(|v| v * EMISSION_UNIT));
        }
    }

    /// Adds the second stage's scores for its own features to `scores`.
    pub fn add_second_emissions(&self, features: &Features, scores: &mut Scores) {
        for (i, s) in scores.iter_mut().enumerate().take(features.len()) {
            prefetch_ahead(&self.rows, features, i);
            let [b] = sum_rows(&self.rows, features.of(i), |[_, b]| [b]);
            for (s, b) in s.iter_mut().zip(b) {
                *s += b * EMISSION_UNIT;
            }
        }
    }
}

/// Sums the weight rows (`pick` of each) that a token's features select. The
/// sums run in 16-bit lanes, which halves the work of widening the bytes: a
/// token has a few dozen features, and only past [`NARROW_SUM_LIMIT`] of them
/// could a sum leave the 16-bit range, where 32-bit lanes take over.
#[inline(always)]
fn sum_rows<R, const N: usize>(
    rows: &[R],
    picked: &[u32],
    pick: impl Fn(&R) -> [&[i8; ROW]; N],
) -> [[i32; ROW]; N] {
    if picked.len() > NARROW_SUM_LIMIT {
        let mut acc = [[0i32; ROW]; N];
        for &r in picked {
            for (acc, row) in acc.iter_mut().zip(pick(&rows[r as usize])) {
                for k in 0..ROW {
                    acc[k] += i32::from(row[k]);
                }
            }
        }
        return acc;
    }
    let mut acc = [[0i16; ROW]; N];
    for &r in picked {
        for (acc, row) in acc.iter_mut().zip(pick(&rows[r as usize])) {
            for k in 0..ROW {
                acc[k] += i16::from(row[k]);
            }
        }
    }
    acc.map(|a| a.map(i32::from))
}

/// The most rows whose bytes always sum within an `i16`.
const NARROW_SUM_LIMIT: usize = (i16::MAX / -(i8::MIN as i16)) as usize;

/// Tokens ahead whose rows are fetched while a token's are summed.
const AHEAD: usize = 4;

/// Fetches the rows token `i + AHEAD` will read.
#[inline(always)]
fn prefetch_ahead<R>(rows: &[R], features: &Features, i: usize) {
    if i + AHEAD < features.len() {
        for &r in features.of(i + AHEAD) {
            prefetch(&rows[r as usize]);
        }
    }
}

impl Weights {
    #[cfg(any(test, feature = "train"))]
    pub fn zero(bits: u32) -> Weights {
        Weights {
            bits,
            rows: vec![[0; ROW]; 1 << bits],
            trans: [[0; ROW]; ROW],
        }
    }

    /// The row a feature hash falls in.
    pub fn row(bits: u32, hash: u64) -> u32 {
        (hash >> (64 - bits)) as u32
    }

    #[cfg(feature = "train")]
    pub fn emissions(&self, features: &Features, out: &mut Scores) {
        out.clear();
        out.reserve(features.len());
        for i in 0..features.len() {
            prefetch_ahead(&self.rows, features, i);
            let mut acc = [0i32; ROW];
            for &r in features.of(i) {
                let row = &self.rows[r as usize];
                for k in 0..ROW {
                    acc[k] += i32::from(row[k]);
                }
            }
            out.push(acc.map(|v| v * EMISSION_UNIT));
        }
    }

    /// The best tag sequence for these emission scores (inside tags only continue
    /// their own role; the sequence starts after an outside token).
    #[cfg(feature = "train")]
    pub fn viterbi(&self, scores: &[[i32; ROW]], out: &mut Vec<Tag>) {
        viterbi(&self.trans, scores, out, &mut Lattice::default());
    }
}

/// Asks the processor to bring a weight row into the cache: the rows a token
/// reads are scattered over a table larger than the cache, and fetching the
/// next tokens' rows while summing this one's hides most of the wait.
#[inline(always)]
fn prefetch<R>(row: &R) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it reads nothing and cannot fault.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((row as *const R).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = row;
}

/// A path score no path has: where a tag cannot be reached.
const NONE: i64 = i64::MIN / 4;

/// Scores below this are no path (sums of [`NONE`] with finite scores).
const UNREACHED: i64 = NONE / 2;

/// Transition scores with the tag constraints of [`Tag::may_follow`] folded
/// in (a forbidden transition scores [`NONE`]), so the decoders' inner loops
/// have no branches.
fn allowed_transitions<T: Copy + Into<i64>>(trans: &[[T; ROW]; ROW]) -> [[i64; TAGS]; TAGS] {
    let mut out = [[NONE; TAGS]; TAGS];
    for (j, row) in out.iter_mut().enumerate() {
        for (k, t) in row.iter_mut().enumerate() {
            if Tag::from_index(k).may_follow(Tag::from_index(j)) {
                *t = trans[j][k].into();
            }
        }
    }
    out
}

/// Best path scores into each tag of each token (`alpha`, [`NONE`] where no
/// path reaches), and each tag's predecessor on its best path (`back`).
fn forward(
    t: &[[i64; TAGS]; TAGS],
    scores: &[[i32; ROW]],
    alpha: &mut Vec<[i64; TAGS]>,
    back: &mut Vec<[u8; TAGS]>,
) {
    let n = scores.len();
    alpha.clear();
    alpha.resize(n, [NONE; TAGS]);
    back.clear();
    back.resize(n, [0; TAGS]);
    let Some(first) = scores.first() else {
        return;
    };
    for k in 0..TAGS {
        if t[0][k] > UNREACHED {
            alpha[0][k] = t[0][k] + i64::from(first[k]);
        }
    }
    for i in 1..n {
        let prev = alpha[i - 1];
        let (mut cur, mut arg) = ([NONE; TAGS], [0u8; TAGS]);
        for k in 0..TAGS {
            let (best, from) = if Tag::from_index(k).is_inside() {
                // Only its own role's begin and inside tags precede an inside
                // tag; any other predecessor scores NONE and cannot win.
                best_of(&prev, t, k, k - 1..k + 1)
            } else {
                best_of(&prev, t, k, 0..TAGS)
            };
            if best > UNREACHED {
                cur[k] = best + i64::from(scores[i][k]);
                arg[k] = from;
            }
        }
        alpha[i] = cur;
        back[i] = arg;
    }
}

/// The best path score into tag `k` from the predecessors `from`, and the first
/// predecessor that gives it (as ties go). Branch-free: which predecessor wins
/// is unpredictable.
#[inline(always)]
fn best_of(
    prev: &[i64; TAGS],
    t: &[[i64; TAGS]; TAGS],
    k: usize,
    from: std::ops::Range<usize>,
) -> (i64, u8) {
    let first = from.start;
    let mut best = prev[first] + t[first][k];
    let mut arg = first as u8;
    for j in from.skip(1) {
        let v = prev[j] + t[j][k];
        arg = if v > best { j as u8 } else { arg };
        best = best.max(v);
    }
    (best, arg)
}

/// The best path through a [`forward`] lattice: its last tag is the first
/// best-scoring one.
fn best_path(alpha: &[[i64; TAGS]], back: &[[u8; TAGS]], out: &mut Vec<Tag>) {
    out.clear();
    let Some(last) = alpha.last() else {
        return;
    };
    let mut k = (0..TAGS)
        .max_by_key(|&k| (last[k], std::cmp::Reverse(k)))
        .unwrap_or(0);
    out.resize(alpha.len(), Tag::Outside);
    for i in (0..alpha.len()).rev() {
        out[i] = Tag::from_index(k);
        k = back[i][k] as usize;
    }
}

/// Viterbi over integer scores, with the tag constraints of [`Tag::may_follow`];
/// `lattice` is scratch space, reused between calls.
pub fn viterbi<T: Copy + Into<i64>>(
    trans: &[[T; ROW]; ROW],
    scores: &[[i32; ROW]],
    out: &mut Vec<Tag>,
    lattice: &mut Lattice,
) {
    let Lattice { alpha, back, .. } = lattice;
    forward(&allowed_transitions(trans), scores, alpha, back);
    best_path(alpha, back, out);
}

/// How sure the decoder is of each token's tag, from max-marginals (a forward
/// and a backward pass).
#[derive(Clone, Debug, Default)]
pub struct Margins {
    /// How much better the best path is than the best that gives the token
    /// another tag: 0 where another tag does as well, large where it is clear.
    pub tag: Vec<i64>,
    /// How much worse the best path is that makes the token content (begin
    /// or inside): 0 for the content of the best path.
    pub to_content: Vec<i64>,
}

/// Forward and backward path scores, kept between calls.
#[derive(Default)]
pub struct Lattice {
    alpha: Vec<[i64; TAGS]>,
    back: Vec<[u8; TAGS]>,
    beta: Vec<[i64; TAGS]>,
}

/// [`viterbi`], and the [`Margins`] of the best path: its forward pass is the
/// margins' forward pass.
pub fn viterbi_with_margins<T: Copy + Into<i64>>(
    trans: &[[T; ROW]; ROW],
    scores: &[[i32; ROW]],
    out: &mut Vec<Tag>,
    lattice: &mut Lattice,
) -> Margins {
    let t = allowed_transitions(trans);
    let Lattice { alpha, back, beta } = lattice;
    forward(&t, scores, alpha, back);
    best_path(alpha, back, out);
    backward(&t, scores, beta);
    let mut margins = Margins {
        tag: Vec::with_capacity(out.len()),
        to_content: Vec::with_capacity(out.len()),
    };
    let content = [Tag::ContentBegin as usize, Tag::ContentInside as usize];
    for ((a, b), &tag) in alpha.iter().zip(beta.iter()).zip(out.iter()) {
        let through = |k: usize| {
            if a[k] == NONE || b[k] == NONE {
                NONE
            } else {
                a[k] + b[k]
            }
        };
        let mine = tag as usize;
        let best = through(mine);
        let other = (0..TAGS)
            .filter(|&k| k != mine)
            .map(through)
            .max()
            .unwrap_or(NONE);
        margins.tag.push((best - other).max(0));
        let as_content = content.iter().map(|&k| through(k)).max().unwrap_or(NONE);
        margins
            .to_content
            .push((best - as_content).clamp(0, i64::MAX / 8));
    }
    margins
}

/// Best path scores from each tag of each token to the end, the token's own
/// score excluded ([`NONE`] where the end cannot be reached).
fn backward(t: &[[i64; TAGS]; TAGS], scores: &[[i32; ROW]], beta: &mut Vec<[i64; TAGS]>) {
    let n = scores.len();
    beta.clear();
    beta.resize(n, [0; TAGS]);
    for i in (0..n.saturating_sub(1)).rev() {
        let next: [i64; TAGS] =
            std::array::from_fn(|k| i64::from(scores[i + 1][k]) + beta[i + 1][k]);
        for j in 0..TAGS {
            let best = (0..TAGS).map(|k| t[j][k] + next[k]).max().unwrap_or(NONE);
            beta[i][j] = if best > UNREACHED { best } else { NONE };
        }
    }
}

const MAGIC: &[u8; 8] = b"BRFTAG05";

/// Why a weights file could not be read (see [`Tagger::from_bytes`]).
///
/// [`Tagger::from_bytes`]: super::Tagger::from_bytes
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// The file does not start as a tagger file does.
    BadMagic,
    /// The file ends before the tables it announces.
    Truncated,
    /// A table of 2^n rows for an n the tagger does not support (8 to 24).
    BadBits(u32),
    /// Not two stages with tables of one size.
    BadStages,
}

impl std::error::Error for FormatError {}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::BadMagic => write!(f, "not a briefing tagger file"),
            FormatError::Truncated => write!(f, "the tagger file ends early"),
            FormatError::BadBits(b) => write!(f, "unsupported table size 2^{b}"),
            FormatError::BadStages => write!(f, "not two tagger stages of one size"),
        }
    }
}

/// Writes stages of weights: a header, then per stage its size, transitions and
/// the non-zero emission weights (one byte each); then the linker's drop
/// biases and three choosers, each as its size and its non-zero weights (two
/// bytes each); then the word classes, as their count and each word hash (eight
/// bytes) with its class (one), in order of hash.
#[cfg(any(test, feature = "train"))]
pub fn encode(stages: &Stages, linker: &Linker, clusters: &WordClusters) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&2u32.to_le_bytes());
    for k in 0..2 {
        out.extend_from_slice(&stages.bits.to_le_bytes());
        for row in &stages.trans[k] {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        put_sparse(&mut out, stages.rows.iter().flat_map(|r| r[k]));
    }
    for b in linker.drop_bias {
        out.extend_from_slice(&b.to_le_bytes());
    }
    for l in [&linker.spans, &linker.contents, &linker.sources] {
        out.extend_from_slice(&l.bits.to_le_bytes());
        put_sparse(&mut out, l.w.iter().copied());
    }
    let classes = clusters.sorted();
    out.extend_from_slice(&(classes.len() as u32).to_le_bytes());
    for (hash, class) in classes {
        out.extend_from_slice(&hash.to_le_bytes());
        out.push(class);
    }
    out
}

/// A weight as stored: i8 or i16, little-endian.
trait Stored: Copy + Default + PartialEq {
    const BYTES: usize;
    #[cfg(any(test, feature = "train"))]
    fn put(self, out: &mut Vec<u8>);
    fn get(bytes: &[u8]) -> Self;
}

impl Stored for i8 {
    const BYTES: usize = 1;
    #[cfg(any(test, feature = "train"))]
    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn get(bytes: &[u8]) -> i8 {
        i8::from_le_bytes([bytes[0]])
    }
}

impl Stored for i16 {
    const BYTES: usize = 2;
    #[cfg(any(test, feature = "train"))]
    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn get(bytes: &[u8]) -> i16 {
        i16::from_le_bytes([bytes[0], bytes[1]])
    }
}

/// Writes the non-zero values of a table: their count, then each as the
/// distance from the previous one (LEB128) and the value.
#[cfg(any(test, feature = "train"))]
fn put_sparse<V: Stored>(out: &mut Vec<u8>, values: impl Iterator<Item = V> + Clone) {
    let zero = V::default();
    let count = values.clone().filter(|&v| v != zero).count() as u32;
    out.extend_from_slice(&count.to_le_bytes());
    let mut last = 0usize;
    for (i, v) in values.enumerate().filter(|&(_, v)| v != zero) {
        let mut gap = i - last;
        last = i;
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
        v.put(out);
    }
}

/// Reads what [`put_sparse`] wrote for a table of `len` values.
fn get_sparse<V: Stored>(
    r: &mut Reader,
    len: usize,
    mut set: impl FnMut(usize, V),
) -> Result<(), FormatError> {
    let count = r.u32()?;
    let mut at = 0usize;
    for _ in 0..count {
        let mut gap = 0usize;
        let mut shift = 0;
        loop {
            let b = r.take(1)?[0];
            gap |= usize::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 || shift > 35 {
                break;
            }
        }
        at += gap;
        if at >= len {
            return Err(FormatError::Truncated);
        }
        set(at, V::get(r.take(V::BYTES)?));
    }
    Ok(())
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        if self.bytes.len() < n {
            return Err(FormatError::Truncated);
        }
        let (a, b) = self.bytes.split_at(n);
        self.bytes = b;
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

fn table_bits(r: &mut Reader) -> Result<u32, FormatError> {
    let bits = r.u32()?;
    if !(8..=24).contains(&bits) {
        return Err(FormatError::BadBits(bits));
    }
    Ok(bits)
}

/// Reads what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<(Stages, Linker, WordClusters), FormatError> {
    let mut r = Reader { bytes };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(FormatError::BadMagic);
    }
    if r.u32()? != 2 {
        return Err(FormatError::BadStages);
    }
    let mut stages: Option<Stages> = None;
    for k in 0..2 {
        let bits = table_bits(&mut r)?;
        let s = stages.get_or_insert_with(|| Stages::zero(bits));
        if s.bits != bits {
            return Err(FormatError::BadStages);
        }
        for row in s.trans[k].iter_mut() {
            for v in row.iter_mut() {
                *v = r.u32()? as i32;
            }
        }
        let len = s.rows.len() * ROW;
        get_sparse(&mut r, len, |i, v| s.rows[i / ROW][k][i % ROW] = v)?;
    }
    let stages = stages.ok_or(FormatError::BadStages)?;
    let drop_bias = [r.u32()? as i32, r.u32()? as i32];
    let mut chooser = || -> Result<Linear, FormatError> {
        let bits = table_bits(&mut r)?;
        let mut l = Linear::zero(bits);
        let len = l.w.len();
        get_sparse(&mut r, len, |i, v| l.w[i] = v)?;
        Ok(l)
    };
    let spans = chooser()?;
    let contents = chooser()?;
    let sources = chooser()?;
    let count = r.u32()? as usize;
    let mut classes = Vec::with_capacity(count.min(r.bytes.len() / 9));
    for _ in 0..count {
        let b = r.take(9)?;
        let hash = u64::from_le_bytes(b[..8].try_into().expect("eight bytes"));
        classes.push((hash, b[8]));
    }
    Ok((
        stages,
        Linker {
            spans,
            contents,
            sources,
            drop_bias,
        },
        WordClusters::from_pairs(classes),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_sums_are_exact_at_the_extremes() {
        let rows = vec![[[i8::MIN; ROW], [i8::MAX; ROW]], [[1; ROW], [-1; ROW]]];
        for n in [0, 1, NARROW_SUM_LIMIT, NARROW_SUM_LIMIT + 1, 1000] {
            let picked = vec![0u32; n];
            let [a, b] = sum_rows(&rows, &picked, |[a, b]| [a, b]);
            assert_eq!(a, [i32::from(i8::MIN) * n as i32; ROW], "{n} rows");
            assert_eq!(b, [i32::from(i8::MAX) * n as i32; ROW], "{n} rows");
        }
        let [b] = sum_rows(&rows, &[0, 1, 1, 0], |[_, b]| [b]);
        assert_eq!(b, [2 * i32::from(i8::MAX) - 2; ROW]);
    }

    #[test]
    fn encoding_round_trips() {
        let mut w = Weights::zero(10);
        w.rows[3] = [1, -2, 3, 0, 0, 0, 7, 0];
        w.rows[1000] = [0, 0, 0, 0, 0, 0, 0, -9];
        w.trans[1][2] = -55;
        let mut linker = Linker::zero(9);
        linker.sources.w[7] = -3;
        let mut second = Weights::zero(10);
        second.rows[3] = [0, 0, 4, 0, 0, 0, 0, 0];
        second.trans[0][5] = 12;
        let stages = Stages::new(&w, &second);
        let clusters = WordClusters::from_pairs([(u64::MAX, 3), (17, 0)]);
        let bytes = encode(&stages, &linker, &clusters);
        let back = decode(&bytes).unwrap();
        assert_eq!(back, (stages, linker, clusters));
        assert_eq!(back.2.class_of(u64::MAX), 3);
        assert_eq!(back.0.rows[3], [w.rows[3], second.rows[3]]);
        assert_eq!(back.0.trans, [w.trans, second.trans]);
        let mut one_stage = bytes.clone();
        one_stage[8] = 1;
        assert_eq!(decode(&one_stage), Err(FormatError::BadStages));
        assert_eq!(
            decode(&bytes[..bytes.len() - 1]),
            Err(FormatError::Truncated)
        );
        assert_eq!(decode(b"nonsense"), Err(FormatError::BadMagic));
        let e: Box<dyn std::error::Error> = Box::new(FormatError::BadBits(30));
        assert_eq!(e.to_string(), "unsupported table size 2^30");
    }

    #[test]
    fn viterbi_respects_constraints() {
        // Token 1 prefers ContentInside, but token 0 can only be Outside or a
        // begin tag, and Outside scores best there: the path must begin content.
        let mut s = vec![[0i32; ROW]; 2];
        s[0][Tag::Outside as usize] = 5;
        s[0][Tag::ContentBegin as usize] = 1;
        s[1][Tag::ContentInside as usize] = 10;
        let trans = [[0i32; ROW]; ROW];
        let mut out = Vec::new();
        viterbi(&trans, &s, &mut out, &mut Lattice::default());
        assert_eq!(out, vec![Tag::ContentBegin, Tag::ContentInside]);
    }
}
