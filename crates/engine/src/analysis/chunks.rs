//! Long texts in chunks: where to cut them, what one chunk hands the next
//! (sentence and paragraph counts, who spoke last; the actor table is shared),
//! all stages over each chunk, and the chunks' statements merged into one
//! [`Analysis`] with the actors' final ids.

use super::actors::{ActorTable, Resolver};
use super::assemble::{Assembler, DraftStatement};
use super::conversation::{Turns, is_conversation};
use super::evidence::Evidence;
use super::frames;
use super::mentions::NameFinder;
use super::model::{Analysis, Statement};
use super::quotes::quote_at;
use super::tagger::Tagger;

/// Articles longer than this are read in chunks of about this size, cut between
/// paragraphs: memory stays proportional to the text, and actors, pronouns and
/// continued quotes carry over from chunk to chunk.
pub(super) const CHUNK_BYTES: usize = 1 << 16;

/// All stages over an article, read in chunks of about `chunk_bytes`, with
/// `tagger`.
pub(super) fn analyze_text(text: &str, chunk_bytes: usize, tagger: &Tagger) -> Analysis {
    let mut table = ActorTable::default();
    let mut carry = Carry::default();
    let mut drafts: Vec<DraftStatement> = Vec::new();
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

/// What one chunk gives: the header found at its top, and its statements.
struct ChunkResult {
    header: Header,
    drafts: Vec<DraftStatement>,
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
        mid_caps,
        ..
    } = ev;
    let names_finder = NameFinder::with_mid_caps(text, &tokens, mid_caps);

    let mut resolver = Resolver::new(
        table,
        &names_finder,
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
