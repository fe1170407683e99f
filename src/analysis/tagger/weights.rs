//! Linear weights over hashed features, first-order Viterbi decoding, and the
//! compact file format the weights ship in.
//!
//! A feature is a 64-bit hash; its top `bits` bits pick a row of one weight per
//! tag. Weights are integers (an averaged perceptron's sums, scaled to i16), so
//! training and decoding are exact and the same on every machine.

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

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
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

/// One stage's weights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weights {
    /// log2 of the number of rows.
    pub bits: u32,
    pub rows: Vec<[i16; ROW]>,
    /// `trans[prev][tag]`.
    pub trans: [[i32; ROW]; ROW],
}

/// Emission scores of each token, one per tag.
pub type Scores = Vec<[i32; ROW]>;

impl Weights {
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

    pub fn emissions(&self, features: &Features, out: &mut Scores) {
        out.clear();
        out.reserve(features.len());
        for i in 0..features.len() {
            let mut acc = [0i32; ROW];
            for &r in features.of(i) {
                let row = &self.rows[r as usize];
                for k in 0..ROW {
                    acc[k] += i32::from(row[k]);
                }
            }
            out.push(acc);
        }
    }

    /// The best tag sequence for these emission scores (inside tags only continue
    /// their own role; the sequence starts after an outside token).
    pub fn viterbi(&self, scores: &[[i32; ROW]], out: &mut Vec<Tag>) {
        viterbi(&self.trans, scores, out);
    }
}

/// Viterbi over integer scores, with the tag constraints of [`Tag::may_follow`].
pub fn viterbi<T: Copy + Into<i64>>(
    trans: &[[T; ROW]; ROW],
    scores: &[[i32; ROW]],
    out: &mut Vec<Tag>,
) {
    out.clear();
    let n = scores.len();
    if n == 0 {
        return;
    }
    const NONE: i64 = i64::MIN / 4;
    let mut back: Vec<[u8; ROW]> = vec![[0; ROW]; n];
    let mut prev = [NONE; TAGS];
    for (k, p) in prev.iter_mut().enumerate() {
        let tag = Tag::from_index(k);
        if tag.may_follow(Tag::Outside) {
            *p = trans[0][k].into() + i64::from(scores[0][k]);
        }
    }
    for i in 1..n {
        let mut cur = [NONE; TAGS];
        for (k, c) in cur.iter_mut().enumerate() {
            let tag = Tag::from_index(k);
            let mut best = NONE;
            let mut arg = 0u8;
            for (j, &pv) in prev.iter().enumerate() {
                if pv == NONE || !tag.may_follow(Tag::from_index(j)) {
                    continue;
                }
                let v = pv + trans[j][k].into();
                if v > best {
                    best = v;
                    arg = j as u8;
                }
            }
            if best != NONE {
                *c = best + i64::from(scores[i][k]);
                back[i][k] = arg;
            }
        }
        prev = cur;
    }
    let mut k = (0..TAGS)
        .max_by_key(|&k| (prev[k], std::cmp::Reverse(k)))
        .unwrap_or(0);
    out.resize(n, Tag::Outside);
    for i in (0..n).rev() {
        out[i] = Tag::from_index(k);
        k = back[i][k] as usize;
    }
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

impl Margins {
    /// Nothing known: every tag as likely as another.
    pub fn unknown(n: usize) -> Margins {
        Margins {
            tag: vec![0; n],
            to_content: vec![0; n],
        }
    }
}

/// The [`Margins`] of the best path `tags`.
pub fn margins<T: Copy + Into<i64>>(
    trans: &[[T; ROW]; ROW],
    scores: &[[i32; ROW]],
    tags: &[Tag],
) -> Margins {
    const NONE: i64 = i64::MIN / 4;
    let n = scores.len();
    let allowed = |j: usize, k: usize| Tag::from_index(k).may_follow(Tag::from_index(j));
    let mut alpha = vec![[NONE; TAGS]; n];
    let mut beta = vec![[0i64; TAGS]; n];
    for i in 0..n {
        for k in 0..TAGS {
            let best = if i == 0 {
                allowed(0, k).then(|| trans[0][k].into())
            } else {
                (0..TAGS)
                    .filter(|&j| alpha[i - 1][j] != NONE && allowed(j, k))
                    .map(|j| alpha[i - 1][j] + trans[j][k].into())
                    .max()
            };
            if let Some(b) = best {
                alpha[i][k] = b + i64::from(scores[i][k]);
            }
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        for j in 0..TAGS {
            beta[i][j] = (0..TAGS)
                .filter(|&k| allowed(j, k))
                .map(|k| trans[j][k].into() + i64::from(scores[i + 1][k]) + beta[i + 1][k])
                .max()
                .unwrap_or(NONE);
        }
    }
    let mut out = Margins {
        tag: Vec::with_capacity(n),
        to_content: Vec::with_capacity(n),
    };
    let content = [Tag::ContentBegin as usize, Tag::ContentInside as usize];
    for i in 0..n {
        let through = |k: usize| {
            if alpha[i][k] == NONE || beta[i][k] == NONE {
                NONE
            } else {
                alpha[i][k] + beta[i][k]
            }
        };
        let mine = tags[i] as usize;
        let best = through(mine);
        let other = (0..TAGS)
            .filter(|&k| k != mine)
            .map(through)
            .max()
            .unwrap_or(NONE);
        out.tag.push((best - other).max(0));
        let as_content = content.iter().map(|&k| through(k)).max().unwrap_or(NONE);
        out.to_content
            .push((best - as_content).clamp(0, i64::MAX / 8));
    }
    out
}

const MAGIC: &[u8; 8] = b"BRFTAG03";

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    BadMagic,
    Truncated,
    BadBits(u32),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::BadMagic => write!(f, "not a briefing tagger file"),
            FormatError::Truncated => write!(f, "the tagger file ends early"),
            FormatError::BadBits(b) => write!(f, "unsupported table size 2^{b}"),
        }
    }
}

/// Writes stages of weights: a header, then per stage its size, transitions, a
/// bitmap of the rows that are not all zero, and those rows; then the linker's
/// two choosers, each as its size, a bitmap of non-zero weights and those.
pub fn encode(stages: &[Weights], linker: &Linker) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(stages.len() as u32).to_le_bytes());
    for w in stages {
        out.extend_from_slice(&w.bits.to_le_bytes());
        for row in &w.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        put_sparse(&mut out, w.rows.iter().flatten().copied());
    }
    for b in linker.drop_bias {
        out.extend_from_slice(&b.to_le_bytes());
    }
    for l in [&linker.spans, &linker.contents, &linker.sources] {
        out.extend_from_slice(&l.bits.to_le_bytes());
        put_sparse(&mut out, l.w.iter().copied());
    }
    out
}

/// Writes the non-zero values of a table: their count, then each as the
/// distance from the previous one (LEB128) and the value (i16, little-endian).
fn put_sparse(out: &mut Vec<u8>, values: impl Iterator<Item = i16> + Clone) {
    let count = values.clone().filter(|&v| v != 0).count() as u32;
    out.extend_from_slice(&count.to_le_bytes());
    let mut last = 0usize;
    for (i, v) in values.enumerate().filter(|&(_, v)| v != 0) {
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
        out.extend_from_slice(&v.to_le_bytes());
    }
}

/// Reads what [`put_sparse`] wrote for a table of `len` values.
fn get_sparse(
    r: &mut Reader,
    len: usize,
    mut set: impl FnMut(usize, i16),
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
        let b = r.take(2)?;
        set(at, i16::from_le_bytes([b[0], b[1]]));
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
pub fn decode(bytes: &[u8]) -> Result<(Vec<Weights>, Linker), FormatError> {
    let mut r = Reader { bytes };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(FormatError::BadMagic);
    }
    let n = r.u32()?;
    let mut stages = Vec::new();
    for _ in 0..n {
        let bits = table_bits(&mut r)?;
        let mut w = Weights::zero(bits);
        for row in w.trans.iter_mut() {
            for v in row.iter_mut() {
                *v = r.u32()? as i32;
            }
        }
        let len = w.rows.len() * ROW;
        get_sparse(&mut r, len, |i, v| w.rows[i / ROW][i % ROW] = v)?;
        stages.push(w);
    }
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
    Ok((
        stages,
        Linker {
            spans,
            contents,
            sources,
            drop_bias,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        let mut w = Weights::zero(10);
        w.rows[3] = [1, -2, 3, 0, 0, 0, 7, 0];
        w.rows[1000] = [0, 0, 0, 0, 0, 0, 0, -9];
        w.trans[1][2] = -55;
        let mut linker = Linker::zero(9);
        linker.sources.w[7] = -3;
        let bytes = encode(&[w.clone(), Weights::zero(8)], &linker);
        let back = decode(&bytes).unwrap();
        assert_eq!(back, (vec![w, Weights::zero(8)], linker));
        assert_eq!(
            decode(&bytes[..bytes.len() - 1]),
            Err(FormatError::Truncated)
        );
        assert_eq!(decode(b"nonsense"), Err(FormatError::BadMagic));
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
        viterbi(&trans, &s, &mut out);
        assert_eq!(out, vec![Tag::ContentBegin, Tag::ContentInside]);
    }
}
