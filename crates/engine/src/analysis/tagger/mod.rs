//! The trained attribution tagger.
//!
//! Each token gets one of seven tags (outside, or the beginning or inside of a
//! cue, a source or a content), by two linear models over hashed features with
//! first-order Viterbi decoding. The first stage reads the token, its neighbours,
//! quotation state, names and the votes of the hand-written rules; the second
//! also reads where the first stage put cues and sources, which is what content
//! boundaries depend on. Tags become frames in `decode`.
//!
//! The weights were trained on PolNeAR's training split by `briefing-train` (see
//! `assets/model/README.md`) and are compiled in.

mod clusters;
mod decode;
mod features;
mod link;
mod spans;
mod tags;
#[cfg(feature = "train")]
pub mod train;
mod weights;

pub use weights::FormatError;

use clusters::WordClusters;
use decode::{Decoded, Linker};
use tags::Tag;

use super::evidence::Evidence;
use features::TokenFacts;
use std::sync::LazyLock;
use weights::{Features, Margins, Scores, Stages};

/// The compiled-in weights.
const SHIPPED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/model/tagger.bin"
));

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| {
    // The file is part of the source tree and a test checks that it loads, so a
    // failure here is a broken build, not bad input.
    Tagger::from_bytes(SHIPPED).expect("assets/model/tagger.bin is a valid tagger")
});

/// Nothing continues over a paragraph break: the tagger learnt from articles
/// where one paragraph's content never runs into the next (a quotation that
/// runs on is reopened there), and is decoded over whole chunks.
fn break_at_paragraphs(ev: &Evidence, scores: &mut Scores) {
    break_at(ev.paragraphs.iter().map(|p| p.first_token), scores);
}

/// [`break_at_paragraphs`] with the paragraphs' first tokens.
fn break_at(firsts: impl Iterator<Item = usize>, scores: &mut Scores) {
    for first in firsts {
        if let Some(s) = scores.get_mut(first) {
            for (k, v) in s.iter_mut().enumerate().take(tags::TAGS) {
                if Tag::from_index(k).is_inside() {
                    *v = i32::MIN / 4;
                }
            }
        }
    }
}

/// Two stages of weights and the linker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagger {
    stages: Stages,
    linker: Linker,
    /// The word classes the features read.
    clusters: WordClusters,
}

thread_local! {
    /// Each thread's scratch buffers: the tables of a megabyte chunk run to tens
    /// of megabytes, which fresh allocations would fault in page by page.
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
}

/// Scratch buffers, reused from chunk to chunk.
#[derive(Default)]
struct Buffers {
    lattice: weights::Lattice,
    base: Features,
    stacked: Features,
    scores: Scores,
    extra: Scores,
}

impl Tagger {
    /// The tagger that ships with the engine.
    pub fn shipped() -> &'static Tagger {
        &TAGGER
    }

    /// A tagger of two trained stages (of one table size) and a linker.
    #[cfg(feature = "train")]
    pub(crate) fn new(
        first: &weights::Weights,
        second: &weights::Weights,
        linker: Linker,
        clusters: WordClusters,
    ) -> Tagger {
        Tagger {
            stages: Stages::new(first, second),
            linker,
            clusters,
        }
    }

    /// Reads a tagger from the bytes of a weights file (what
    /// [`to_bytes`](Self::to_bytes) writes and `assets/model/tagger.bin` holds).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, FormatError> {
        let (stages, linker, clusters) = weights::decode(bytes)?;
        Ok(Tagger {
            stages,
            linker,
            clusters,
        })
    }

    /// The weights file of this tagger: the same tagger gives the same bytes.
    #[cfg(feature = "train")]
    pub fn to_bytes(&self) -> Vec<u8> {
        weights::encode(&self.stages, &self.linker, &self.clusters)
    }

    /// Sets what is added to the score of dropping a content of speech and of
    /// thought: below zero, doubtful contents are kept.
    #[cfg(feature = "train")]
    pub fn set_drop_bias(&mut self, speech_and_thought: [i32; 2]) {
        self.linker.drop_bias = speech_and_thought;
    }

    /// The tag of every token of the evidence.
    #[cfg(feature = "train")]
    pub(crate) fn tags(&self, ev: &Evidence) -> Vec<Tag> {
        self.tags_and_margins(ev, &self.facts(ev), false).0
    }

    /// What the features read of each token.
    fn facts(&self, ev: &Evidence) -> TokenFacts {
        TokenFacts::new(ev, &self.clusters)
    }

    /// Tags, and with `margins` how sure the last stage is of each (see
    /// [`weights::margins`]).
    fn tags_and_margins(
        &self,
        ev: &Evidence,
        ctx: &TokenFacts,
        margins: bool,
    ) -> (Vec<Tag>, Margins) {
        BUFFERS.with_borrow_mut(|buf| self.tags_and_margins_in(ev, ctx, margins, buf))
    }

    fn tags_and_margins_in(
        &self,
        ev: &Evidence,
        ctx: &TokenFacts,
        margins: bool,
        buf: &mut Buffers,
    ) -> (Vec<Tag>, Margins) {
        let mut tags = Vec::new();
        let stages = &self.stages;
        features::base(ev, ctx, stages.bits, &mut buf.base);
        // The first stage's scores, and the second's for the same features.
        stages.emissions(&buf.base, &mut buf.scores, &mut buf.extra);
        break_at_paragraphs(ev, &mut buf.scores);
        weights::viterbi(&stages.trans[0], &buf.scores, &mut tags, &mut buf.lattice);
        features::stacked(ev, ctx, &tags, stages.bits, &mut buf.stacked);
        stages.add_second_emissions(&buf.stacked, &mut buf.extra);
        break_at_paragraphs(ev, &mut buf.extra);
        let m = if margins {
            weights::viterbi_with_margins(&stages.trans[1], &buf.extra, &mut tags, &mut buf.lattice)
        } else {
            weights::viterbi(&stages.trans[1], &buf.extra, &mut tags, &mut buf.lattice);
            Margins::default()
        };
        (tags, m)
    }

    /// Each token of a text with its tag, one a line: for reading the tagger's
    /// decisions.
    #[cfg(feature = "train")]
    pub fn explain(&self, text: &str) -> String {
        let ev = Evidence::gather(text);
        let tags = self.tags(&ev);
        let mut out = String::new();
        for (t, tag) in ev.tokens.iter().zip(tags) {
            if t.has(super::tokens::flag::PARA_START) {
                out.push('\n');
            }
            let mark = match tag {
                Tag::Outside => "",
                Tag::CueBegin => "[CUE ",
                Tag::SourceBegin => "[SRC ",
                Tag::ContentBegin => "[CON ",
                _ => "+",
            };
            out.push_str(mark);
            out.push_str(&text[t.range()]);
            out.push(' ');
        }
        out
    }

    /// Attribution frames of the evidence, as the tagger reads it.
    pub(crate) fn frames(&self, ev: &Evidence) -> Decoded {
        let ctx = self.facts(ev);
        let (tags, margins) = self.tags_and_margins(ev, &ctx, true);
        decode::decode(ev, &ctx, &tags, &margins, &self.linker)
    }
}
