//! Word classes learnt from the training text alone: words that occur between
//! the same kinds of neighbours share a class ("hurries" with the other verbs,
//! "Tuesday" with the other days), which tells the tagger about words too rare
//! in the annotations to have weights of their own. Classes come from exchange
//! clustering (Kneser and Ney 1993; Martin, Liermann and Ney 1998): each word
//! moves to the class that makes the class bigram model of the text most
//! likely, pass after pass.
//!
//! Words are stored as the tagger's word hashes, never as text.

use rustc_hash::FxHashMap;

/// The class of a word not in the table.
pub const UNKNOWN: u8 = 254;

/// Word hash to class.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordClusters {
    classes: FxHashMap<u64, u8>,
}

impl WordClusters {
    /// The class of the word with this hash ([`UNKNOWN`] if none).
    #[inline]
    pub fn class_of(&self, word: u64) -> u8 {
        self.classes.get(&word).copied().unwrap_or(UNKNOWN)
    }

    pub fn from_pairs(pairs: impl IntoIterator<Item = (u64, u8)>) -> WordClusters {
        WordClusters {
            classes: pairs.into_iter().collect(),
        }
    }

    /// The table sorted by hash, as it is stored.
    #[cfg(any(test, feature = "train"))]
    pub fn sorted(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.classes.iter().map(|(&h, &c)| (h, c)).collect();
        v.sort_unstable();
        v
    }

    /// How many words have a class.
    #[cfg(feature = "train")]
    pub fn len(&self) -> usize {
        self.classes.len()
    }
}

#[cfg(feature = "train")]
pub use learn::learn;

#[cfg(feature = "train")]
mod learn {
    use super::WordClusters;
    use rustc_hash::FxHashMap;

    /// Words seen fewer times than this share one class that never moves.
    const MIN_COUNT: u32 = 3;

    /// `x ln x`, the term of a count in the log-likelihood.
    fn xlx(x: f64) -> f64 {
        if x > 0.0 { x * x.ln() } else { 0.0 }
    }

    /// The text as word ids, with the counts exchange clustering reads.
    struct Bigrams {
        /// Each word's count.
        count: Vec<f64>,
        /// Each word's following and preceding words with counts, sorted.
        next: Vec<Vec<(usize, u32)>>,
        prev: Vec<Vec<(usize, u32)>>,
    }

    impl Bigrams {
        /// Word ids by frequency (most frequent first, ties by hash); the last
        /// id stands for every rare word.
        fn new(texts: &[Vec<u64>]) -> (Vec<u64>, Bigrams) {
            let mut freq: FxHashMap<u64, u32> = FxHashMap::default();
            for &w in texts.iter().flatten() {
                *freq.entry(w).or_default() += 1;
            }
            let mut vocab: Vec<(u32, u64)> = freq
                .iter()
                .filter(|x| *x.1 >= MIN_COUNT)
                .map(|(&w, &n)| (n, w))
                .collect();
            vocab.sort_unstable_by(|a, b| b.cmp(a));
            let id: FxHashMap<u64, usize> = vocab
                .iter()
                .enumerate()
                .map(|(i, &(_, w))| (w, i))
                .collect();
            let rare = vocab.len();
            let mut next: Vec<FxHashMap<usize, u32>> = vec![FxHashMap::default(); rare + 1];
            let mut prev = next.clone();
            let mut count = vec![0.0; rare + 1];
            for text in texts {
                let ids: Vec<usize> = text
                    .iter()
                    .map(|w| id.get(w).copied().unwrap_or(rare))
                    .collect();
                for &a in &ids {
                    count[a] += 1.0;
                }
                // A word next to itself would count twice when it moves.
                for p in ids.windows(2).filter(|p| p[0] != p[1]) {
                    *next[p[0]].entry(p[1]).or_default() += 1;
                    *prev[p[1]].entry(p[0]).or_default() += 1;
                }
            }
            let sorted = |m: &FxHashMap<usize, u32>| {
                let mut v: Vec<(usize, u32)> = m.iter().map(|(&a, &n)| (a, n)).collect();
                v.sort_unstable();
                v
            };
            let bigrams = Bigrams {
                count,
                next: next.iter().map(sorted).collect(),
                prev: prev.iter().map(sorted).collect(),
            };
            (vocab.into_iter().map(|(_, w)| w).collect(), bigrams)
        }
    }

    /// Class counts of the text: class bigrams (`pair[c * n + d]`) and classes.
    struct ClassCounts {
        n: usize,
        pair: Vec<f64>,
        single: Vec<f64>,
    }

    /// A word's neighbours by class: the classes that follow it and precede it.
    struct Neighbours {
        next: Vec<(usize, f64)>,
        prev: Vec<(usize, f64)>,
    }

    impl Neighbours {
        fn of(b: &Bigrams, class: &[usize], n: usize, w: usize) -> Neighbours {
            let by_class = |list: &[(usize, u32)]| {
                let mut acc = vec![0.0; n];
                for &(x, k) in list {
                    acc[class[x]] += f64::from(k);
                }
                (0..n)
                    .filter(|&c| acc[c] > 0.0)
                    .map(|c| (c, acc[c]))
                    .collect()
            };
            Neighbours {
                next: by_class(&b.next[w]),
                prev: by_class(&b.prev[w]),
            }
        }

        /// The classes that follow (`true`) and those that precede.
        fn sides(&self) -> [(&[(usize, f64)], bool); 2] {
            [(&self.next, true), (&self.prev, false)]
        }
    }

    impl ClassCounts {
        fn new(b: &Bigrams, class: &[usize], n: usize) -> ClassCounts {
            let mut c = ClassCounts {
                n,
                pair: vec![0.0; n * n],
                single: vec![0.0; n],
            };
            for (w, next) in b.next.iter().enumerate() {
                c.single[class[w]] += b.count[w];
                for &(x, k) in next {
                    c.pair[class[w] * n + class[x]] += f64::from(k);
                }
            }
            c
        }

        /// The cell of class `c` with a neighbour of class `d`, which follows
        /// it (`after`) or precedes it.
        fn cell(&self, c: usize, d: usize, after: bool) -> usize {
            if after {
                c * self.n + d
            } else {
                d * self.n + c
            }
        }

        /// Adds (`sign` 1) or takes out (-1) a word of `count` in class `c`.
        fn shift(&mut self, c: usize, nb: &Neighbours, count: f64, sign: f64) {
            for (list, after) in nb.sides() {
                for &(d, k) in list {
                    let i = self.cell(c, d, after);
                    self.pair[i] += sign * k;
                }
            }
            self.single[c] += sign * count;
        }

        /// How much the log-likelihood grows when a word (taken out) joins `c`.
        fn gain(&self, c: usize, nb: &Neighbours, count: f64) -> f64 {
            let mut g = 0.0;
            // Its bigrams with words of class `c` itself land in one cell.
            let mut own = 0.0;
            for (list, after) in nb.sides() {
                for &(d, k) in list {
                    if d == c {
                        own += k;
                    } else {
                        let x = self.pair[self.cell(c, d, after)];
                        g += xlx(x + k) - xlx(x);
                    }
                }
            }
            let x = self.pair[self.cell(c, c, true)];
            g += xlx(x + own) - xlx(x);
            g - 2.0 * (xlx(self.single[c] + count) - xlx(self.single[c]))
        }
    }

    /// Classes (at most 254) for the words of `texts` (each a sequence of word
    /// hashes), after at most `passes` passes over the words. Deterministic: the
    /// same texts give the same classes.
    pub fn learn(texts: &[Vec<u64>], classes: usize, passes: usize) -> WordClusters {
        let classes = classes.clamp(1, usize::from(super::UNKNOWN));
        let (vocab, b) = Bigrams::new(texts);
        let rare = vocab.len();
        // Class `classes` holds the rare words; the others start round-robin
        // by frequency.
        let n = classes + 1;
        let mut class: Vec<usize> = (0..=rare)
            .map(|w| if w == rare { classes } else { w % classes })
            .collect();
        let mut counts = ClassCounts::new(&b, &class, n);
        for _ in 0..passes {
            let mut moved = 0;
            for w in 0..rare {
                let nb = Neighbours::of(&b, &class, n, w);
                let from = class[w];
                counts.shift(from, &nb, b.count[w], -1.0);
                let mut best = (counts.gain(from, &nb, b.count[w]), from);
                for c in (0..classes).filter(|&c| c != from) {
                    let g = counts.gain(c, &nb, b.count[w]);
                    if g > best.0 + 1e-9 {
                        best = (g, c);
                    }
                }
                counts.shift(best.1, &nb, b.count[w], 1.0);
                moved += usize::from(best.1 != from);
                class[w] = best.1;
            }
            if moved == 0 {
                break;
            }
        }
        WordClusters::from_pairs(vocab.iter().zip(&class).map(|(&h, &c)| (h, c as u8)))
    }
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    fn h(w: &str) -> u64 {
        // Any fixed mapping will do: the clustering sees numbers.
        w.bytes()
            .fold(7u64, |a, b| a.wrapping_mul(31).wrapping_add(u64::from(b)))
    }

    #[test]
    fn words_between_the_same_neighbours_share_a_class() {
        let mut texts = Vec::new();
        for (k, animal) in ["cat", "dog", "fox", "owl"].iter().enumerate() {
            for (j, verb) in ["ran", "sat", "hid"].iter().enumerate() {
                let det = if (k + j) % 2 == 0 { "the" } else { "a" };
                texts.push([det, animal, verb, "away", "."].map(h).to_vec());
            }
        }
        let texts: Vec<Vec<u64>> = texts.iter().cycle().take(60).cloned().collect();
        let c = learn(&texts, 4, 20);
        let class = |w: &str| c.class_of(h(w));
        assert_eq!(class("cat"), class("dog"));
        assert_eq!(class("fox"), class("owl"));
        assert_eq!(class("ran"), class("hid"));
        assert_ne!(class("cat"), class("ran"));
        assert_eq!(class("unseen"), UNKNOWN);
        assert_eq!(
            learn(&texts, 4, 20),
            c,
            "the same text gives the same classes"
        );
    }
}
