//! The last stage: statements from the frames the tagger chose, with the
//! speakers the actor stage resolved; quotations no frame claimed continue
//! the speaker before them or answer the one before that. Actors get their
//! final ids when all chunks are read.

use super::actors::Attribution;
use super::conversation::Turns;
use super::frames::{self, Frame};
use super::model::{Mode, Span, StatementKind};
use super::quotes::{Quote, SPEECH_WORDS, quote_at};
use super::sentences::Sentence;
use super::tokens::{Token, TokenKind, flag};

/// A statement before actors get their final ids.
pub(super) struct DraftStatement {
    pub(super) kind: StatementKind,
    pub(super) mode: Mode,
    pub(super) span: Span,
    pub(super) attribution: Attribution,
    pub(super) cue: Option<Span>,
    /// A short quotation standing alone ("“I would, Donald.”"): speech only if it
    /// continues someone, else dropped.
    pub(super) needs_speaker: bool,
}

/// Turns the frames of one chunk into statements.
pub(super) struct Assembler<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) quotes: &'a [Quote],
    pub(super) sentences: &'a [Sentence],
    /// Where the chunk starts in the article: bytes and paragraphs.
    pub(super) base: usize,
    pub(super) paragraph_base: usize,
    /// The chunk reads as a conversation (fiction, an interview): see
    /// [`is_conversation`](super::conversation::is_conversation).
    pub(super) conversation: bool,
}

impl Assembler<'_> {
    /// The article span of a token range.
    fn span(&self, first: usize, end: usize) -> Span {
        Span::new(
            self.base + self.tokens[first].start as usize,
            self.base + self.tokens[end - 1].end as usize,
        )
    }

    fn kind_of(&self, first: usize, end: usize) -> StatementKind {
        let k = quote_at(self.quotes, first);
        // The whole quotation, or the part of one reopened at a paragraph start.
        let reopened = |q: &Quote| {
            let t = &self.tokens[first];
            matches!(t.kind, TokenKind::Quote(_)) && t.has(flag::PARA_START) && q.open < first
        };
        if let Some(q) = k.map(|k| &self.quotes[k])
            && (q.open == first || reopened(q))
            && q.end_token >= end
        {
            return StatementKind::Direct;
        }
        let has_quote = self.quotes[self.quotes.partition_point(|q| q.end_token <= first)..]
            .iter()
            .take_while(|q| q.open < end)
            .next()
            .is_some();
        if has_quote {
            StatementKind::Mixed
        } else {
            StatementKind::Indirect
        }
    }

    fn words(&self, range: std::ops::Range<usize>) -> usize {
        self.tokens[range].iter().filter(|t| t.is_word()).count()
    }

    /// Statements from frames, then quotations no frame claimed: a quotation that
    /// stands alone continues the speaker of the statement before it.
    pub(super) fn statements(
        &self,
        frames: &[Frame],
        attributions: &[Attribution],
        loose: &[(usize, usize)],
        subjects: &[Attribution],
        turns: &mut Turns,
    ) -> Vec<DraftStatement> {
        let mut out: Vec<DraftStatement> = Vec::new();
        for (f, a) in frames.iter().zip(attributions) {
            let cue = Some(self.span(f.cue.0, f.cue.1));
            let cue_mode = frames::cue_mode(self.text, self.tokens, f.cue);
            for &(first, end) in &f.contents {
                let kind = if f.verbatim {
                    StatementKind::Direct
                } else {
                    self.kind_of(first, end)
                };
                out.push(DraftStatement {
                    kind,
                    // A quotation is speech, whatever introduces it.
                    mode: if kind == StatementKind::Direct {
                        Mode::Speech
                    } else {
                        cue_mode
                    },
                    span: self.span(first, end),
                    attribution: *a,
                    cue,
                    needs_speaker: false,
                });
            }
        }
        out.sort_by_key(|d| d.span.start);

        // Contents the tagger found with no cue near them: quotations that
        // continue a speaker, given one below.
        let orphans: Vec<DraftStatement> = loose
            .iter()
            .map(|&(first, end)| {
                let words = self.words(first..end);
                let quoted = quote_at(self.quotes, first).is_some();
                DraftStatement {
                    kind: self.kind_of(first, end),
                    mode: Mode::Speech,
                    span: self.span(first, end),
                    attribution: Attribution::default(),
                    cue: None,
                    needs_speaker: !quoted || words < SPEECH_WORDS,
                }
            })
            .collect();
        out.extend(orphans);
        out.sort_by_key(|d| d.span.start);
        // Statements never overlap: the earlier one stands.
        // A later statement that contains the earlier one replaces it: the main
        // clause around a relative clause ("X, who said A, said B").
        let mut kept: Vec<DraftStatement> = Vec::with_capacity(out.len());
        for d in out {
            if let Some(k) = kept.last_mut()
                && k.span.end > d.span.start
            {
                if d.span.contains(&k.span) && d.cue.is_some() && d.span.len() > k.span.len() {
                    *k = d;
                }
                continue;
            }
            kept.push(d);
        }
        self.continue_speakers(&mut kept, frames, attributions, subjects, turns);
        kept.retain(|d| !d.needs_speaker || d.attribution.mention.is_some());
        kept
    }

    /// The token at an article byte inside this chunk, and the sentence holding
    /// it (the last one when the byte lies past them all).
    fn token_and_sentence(&self, byte: usize) -> (usize, usize) {
        let byte = byte - self.base;
        let t = self.tokens.partition_point(|t| (t.end as usize) <= byte);
        let s = self
            .sentences
            .partition_point(|s| s.end <= t)
            .min(self.sentences.len() - 1);
        (t, s)
    }

    /// The article-wide paragraph of an article byte inside this chunk.
    fn paragraph_of(&self, byte: usize) -> usize {
        let (_, s) = self.token_and_sentence(byte);
        self.paragraph_base + self.sentences[s].paragraph
    }

    /// Does an article byte start a paragraph of this chunk?
    fn opens_paragraph(&self, byte: usize) -> bool {
        let (t, s) = self.token_and_sentence(byte);
        self.sentences[s].first == t
            && (s == 0 || self.sentences[s - 1].paragraph != self.sentences[s].paragraph)
    }

    /// A quotation without a frame belongs to whoever spoke last, if that was in
    /// the same or the previous paragraph (or a frame there introduced it with a
    /// colon) — unless a person was the subject of a sentence in its own paragraph
    /// since then: "Mrs. Bennet laid down her needle. “And did he speak?”". In a
    /// dialogue of alternating paragraphs, a quotation that opens its paragraph
    /// answers the one before.
    fn continue_speakers(
        &self,
        drafts: &mut [DraftStatement],
        frames: &[Frame],
        attributions: &[Attribution],
        subjects: &[Attribution],
        turns: &mut Turns,
    ) {
        let mut f = 0;
        let mut k = 0;
        let mut beat: Option<(Attribution, usize)> = None; // a subject since the last statement
        for i in 0..drafts.len() {
            let next_start = drafts.get(i + 1).map(|n| n.span.start);
            let d = &mut drafts[i];
            let para = self.paragraph_of(d.span.start);
            // Frames that introduce what follows ("he told reporters:").
            while f < frames.len()
                && self.span(frames[f].cue.0, frames[f].cue.1).start < d.span.start
            {
                if frames[f].introduces && attributions[f].mention.is_some() {
                    turns.record(
                        attributions[f],
                        self.paragraph_base + self.sentences[frames[f].sentence].paragraph,
                        false,
                    );
                }
                f += 1;
            }
            while let Some(m) = subjects
                .get(k)
                .and_then(|s| s.mention)
                .filter(|m| m.start < d.span.start)
            {
                beat = Some((subjects[k], self.paragraph_of(m.start)));
                k += 1;
            }
            // A line of dialogue: a quotation that opens its paragraph or follows
            // an action beat there.
            let mut dialogue = self.opens_paragraph(d.span.start);
            // Action beats name the speaker of a line of dialogue, never of
            // reported speech: "Ana Ruiz was told by a clerk that ..." is not
            // hers.
            let quoted = d.kind == StatementKind::Direct;
            if d.cue.is_none() && d.attribution.mention.is_none() {
                // A beat after the line, before anything else is said there:
                // "“I shall walk.” Eleanor rose from her chair."
                let beat_after = subjects
                    .get(k)
                    .filter(|s| {
                        s.mention.is_some_and(|m| {
                            self.paragraph_of(m.start) == para
                                && next_start.is_none_or(|n| n > m.start)
                        })
                    })
                    .filter(|_| dialogue && quoted);
                if let Some((a, _)) = beat.filter(|&(_, p)| p == para && quoted) {
                    d.attribution = a;
                    dialogue = true;
                } else if let Some(&a) = beat_after {
                    d.attribution = a;
                } else if let Some(a) = turns.answerer(para, self.conversation).filter(|_| dialogue)
                {
                    d.attribution = a;
                } else if let Some(last) = turns.last
                    && para <= last.paragraph + 1
                {
                    d.attribution = last.who;
                }
            }
            if d.attribution.mention.is_some() {
                let dialogue = dialogue && d.kind == StatementKind::Direct;
                turns.record(d.attribution, para, dialogue);
                beat = None;
            }
        }
    }
}
