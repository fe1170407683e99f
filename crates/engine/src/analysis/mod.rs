//! The statement and speaker engine.
//!
//! [`analyze`] runs the stages in order: tokens and paragraphs, quotations,
//! sentences, names, attribution frames, actors, then statements with their
//! speakers. Each stage is a module of its own and knows nothing of output or
//! terminals.

mod actors;
mod conversation;
#[cfg(feature = "internals")]
pub mod corpus;
mod evidence;
#[cfg(feature = "internals")]
mod explain;
mod frames;
pub mod identity;
mod mentions;
mod model;
#[cfg(feature = "internals")]
pub mod pathological;
mod quotes;
mod sentences;
mod structure;
#[cfg(feature = "train")]
pub mod tagger;
#[cfg(not(feature = "train"))]
mod tagger;
mod tokens;
mod turns;

#[cfg(feature = "internals")]
pub use explain::explain;
pub use model::{Actor, ActorId, ActorKind, Analysis, Mode, Span, Statement, StatementKind};

use actors::{ActorTable, Attribution, Resolver};
use conversation::{Turns, is_conversation};
use evidence::Evidence;
use frames::Frame;
use mentions::NameFinder;
use quotes::{Quote, quote_at};
use sentences::Sentence;
use tagger::Tagger;
use tokens::Token;

/// Articles longer than this are read in chunks of about this size, cut between
/// paragraphs: memory stays proportional to the text, and actors, pronouns and
/// continued quotes carry over from chunk to chunk.
const CHUNK_BYTES: usize = 1 << 16;

/// Finds the statements of an article and who made them.
pub fn analyze(text: &str) -> Analysis {
    analyze_text(text, CHUNK_BYTES, Tagger::shipped())
}

/// [`analyze`] with a chosen chunk size, to check that chunking changes nothing.
#[cfg(feature = "internals")]
pub fn analyze_in_chunks(text: &str, chunk_bytes: usize) -> Analysis {
    analyze_text(text, chunk_bytes, Tagger::shipped())
}

/// [`analyze`] with another tagger (one [`tagger::train::train`] made, or
/// [`tagger::Tagger::from_bytes`] read) and a chosen chunk size, for training
/// and measuring a tagger.
#[cfg(feature = "train")]
pub fn analyze_with(text: &str, chunk_bytes: usize, tagger: &Tagger) -> Analysis {
    analyze_text(text, chunk_bytes, tagger)
}

/// All stages over an article, read in chunks of about `chunk_bytes`, with
/// `tagger`.
fn analyze_text(text: &str, chunk_bytes: usize, tagger: &Tagger) -> Analysis {
    let mut table = ActorTable::default();
    let mut carry = Carry::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut header = Header::default();
    for (k, (start, end)) in chunk_bounds(text, chunk_bytes).into_iter().enumerate() {
        let part = analyze_chunk(&text[start..end], start, &mut table, &mut carry, tagger);
        if k == 0 {
            header = part.header;
        }
        drafts.extend(part.drafts);
    }
    for d in &drafts {
        if let (Some(actor), Some(mention)) = (d.attribution.actor, d.attribution.mention) {
            table.add_mention(actor, mention);
        }
    }
    let (mut actors, map) = table.finish();
    let statements: Vec<Statement> = drafts
        .into_iter()
        .map(|d| {
            let speaker = d.attribution.actor.and_then(|a| map[a]);
            if let Some(s) = speaker {
                actors[s].statements += 1;
            }
            Statement {
                kind: d.kind,
                mode: d.mode,
                span: d.span,
                speaker,
                speaker_mention: d.attribution.mention,
                cue: d.cue,
            }
        })
        .collect();
    Analysis {
        title: header.title,
        byline: header.byline,
        date: header.date,
        actors,
        statements,
    }
}

/// Where to cut a text into chunks of about `size` bytes: at a line break whose
/// next line does not open with a quotation mark (a quote may run on there),
/// else at any line break, else at a sentence end, else at a space; never inside
/// a character.
fn chunk_bounds(text: &str, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size * 3 / 2 {
        let window = start + size..(start + size * 2).min(text.len());
        let bytes = text.as_bytes();
        let line_breaks = || window.clone().filter(|&i| bytes[i] == b'\n');
        let opens_quote = |i: usize| {
            let rest = text[i + 1..].trim_start_matches([' ', '\t', '\n', '\r']);
            rest.starts_with(['“', '"', '‘', '\'', '«', '„', '「'])
        };
        let cut = line_breaks()
            .find(|&i| !opens_quote(i))
            .or_else(|| line_breaks().next())
            .or_else(|| {
                window
                    .clone()
                    .find(|&i| bytes[i] == b' ' && i > 0 && bytes[i - 1] == b'.')
            })
            .or_else(|| window.clone().find(|&i| bytes[i] == b' '))
            .map(|i| i + 1)
            .unwrap_or_else(|| {
                (window.start..=window.end)
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len())
            });
        out.push((start, cut));
        start = cut;
    }
    out.push((start, text.len()));
    out
}

/// The title, byline and date found at the top of an article.
#[derive(Default)]
struct Header {
    title: Option<String>,
    byline: Option<String>,
    date: Option<String>,
}

/// What one chunk hands to the next.
#[derive(Default)]
struct Carry {
    /// Sentences and paragraphs before this chunk.
    sentences: usize,
    paragraphs: usize,
    /// Who spoke last: a quote that opens the next chunk may continue them.
    turns: Turns,
}

struct ChunkResult {
    header: Header,
    drafts: Vec<Draft>,
}

/// All stages on one chunk of the article (`base`: where it starts, in bytes).
fn analyze_chunk(
    text: &str,
    base: usize,
    table: &mut ActorTable,
    carry: &mut Carry,
    tagger: &Tagger,
) -> ChunkResult {
    let ev = Evidence::gather(text);
    let decoded = tagger.frames(&ev);
    let frames = &decoded.frames;
    let Evidence {
        tokens,
        paragraphs,
        quotes,
        sentences,
        layout,
        names,
        ..
    } = ev;
    let names_finder = NameFinder::new(text, &tokens);

    let mut resolver = Resolver::new(
        table,
        text,
        &tokens,
        &sentences,
        layout.title,
        (base, carry.sentences),
    );
    resolver.cluster(&names);
    let mut speaker_starts: Vec<usize> = frames
        .iter()
        .filter_map(|f| match f.speaker {
            Some(frames::Speaker::Phrase(p)) => Some(p.first),
            _ => None,
        })
        .collect();
    speaker_starts.sort_unstable();
    let beats: Vec<usize> = sentences
        .iter()
        .filter(|s| !layout.is_metadata(s.paragraph))
        .filter_map(|s| names_finder.pronoun_subject(s))
        .filter(|&t| quote_at(&quotes, t).is_none())
        // "He said ...": a speaker already, not a beat.
        .filter(|t| speaker_starts.binary_search(t).is_err())
        .collect();
    let (attributions, pronoun_beats) = resolver.resolve_frames(&names, frames, &beats);
    let mut subjects = resolver.person_subjects(&names);
    subjects.extend(pronoun_beats.into_iter().filter(|a| a.actor.is_some()));
    subjects.sort_by_key(|a| a.mention.map(|m| m.start));

    let assembler = Assembler {
        text,
        tokens: &tokens,
        quotes: &quotes,
        sentences: &sentences,
        base,
        paragraph_base: carry.paragraphs,
        conversation: is_conversation(&tokens, &paragraphs, &quotes),
    };
    let drafts = assembler.statements(
        frames,
        &attributions,
        &decoded.loose,
        &subjects,
        &mut carry.turns,
    );
    carry.sentences += sentences.len();
    carry.paragraphs += paragraphs.len();
    let header = Header {
        title: layout.title.map(|s| text[s.range()].trim().to_string()),
        byline: layout.byline.map(|s| text[s.range()].trim().to_string()),
        date: layout.date,
    };
    ChunkResult { header, drafts }
}

/// A statement before actors get their final ids.
struct Draft {
    kind: StatementKind,
    mode: Mode,
    span: Span,
    attribution: Attribution,
    cue: Option<Span>,
    /// A short quotation standing alone ("“I would, Donald.”"): speech only if it
    /// continues someone, else dropped.
    needs_speaker: bool,
}

struct Assembler<'a> {
    text: &'a str,
    tokens: &'a [Token],
    quotes: &'a [Quote],
    sentences: &'a [Sentence],
    /// Where the chunk starts in the article: bytes and paragraphs.
    base: usize,
    paragraph_base: usize,
    /// The chunk reads as a conversation (fiction, an interview): see
    /// [`is_conversation`].
    conversation: bool,
}

/// A quotation is speech-like, not a scare quote, when it has this many words.
const SPEECH_WORDS: usize = 4;

/// A quotation that is a sentence of its own, long enough or ending like a
/// sentence, and not the title of a work: the words of whoever spoke last.
/// Returns whether it is short (then speech only if it continues someone).
pub(crate) fn standalone_quotation(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    q: &Quote,
) -> Option<bool> {
    let words = |r: std::ops::Range<usize>| tokens[r].iter().filter(|t| t.is_word()).count();
    let inner = q.inner();
    let n = words(inner.clone());
    let ends_sentence = q.close.is_some_and(|c| {
        c > q.open + 1 && matches!(&text[tokens[c - 1].range()], "." | "!" | "?" | "?!" | "!!")
    });
    if n == 0 || (n < SPEECH_WORDS && !ends_sentence) {
        return None;
    }
    let s = &sentences[sentences.partition_point(|s| s.end <= q.open)];
    let any_word = |r: std::ops::Range<usize>| tokens[r].iter().any(|t| t.is_word());
    let outside = any_word(s.first..q.open) || any_word(q.end_token..s.end);
    let title_cased = {
        let w: Vec<&Token> = tokens[inner]
            .iter()
            .filter(|t| t.kind == tokens::TokenKind::Word)
            .collect();
        w.len() >= 2 && w.iter().all(|t| t.has(tokens::flag::CAPITALIZED))
    };
    (!outside && !title_cased).then_some(n < SPEECH_WORDS)
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
            matches!(t.kind, tokens::TokenKind::Quote(_))
                && t.has(tokens::flag::PARA_START)
                && q.open < first
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
    fn statements(
        &self,
        frames: &[Frame],
        attributions: &[Attribution],
        loose: &[(usize, usize)],
        subjects: &[Attribution],
        turns: &mut Turns,
    ) -> Vec<Draft> {
        let mut out: Vec<Draft> = Vec::new();
        for (f, a) in frames.iter().zip(attributions) {
            let cue = Some(self.span(f.cue.0, f.cue.1));
            let cue_mode = frames::cue_mode(self.text, self.tokens, f.cue);
            for &(first, end) in &f.contents {
                let kind = if f.verbatim {
                    StatementKind::Direct
                } else {
                    self.kind_of(first, end)
                };
                out.push(Draft {
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
        let orphans: Vec<Draft> = loose
            .iter()
            .map(|&(first, end)| {
                let words = self.words(first..end);
                let quoted = quote_at(self.quotes, first).is_some();
                Draft {
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
        let mut kept: Vec<Draft> = Vec::with_capacity(out.len());
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
        drafts: &mut [Draft],
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
