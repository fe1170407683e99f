//! Serialising an analysis: the JSON document of `briefing extract` (char offsets)
//! and the plain text listing.

use crate::analysis::Span;
use crate::briefing::{Briefing, BriefingActor};
use crate::document::Document;
use crate::sanitize::inline;
use serde::Serialize;
use std::borrow::Cow;

/// Converts byte offsets of a text into char (Unicode scalar) offsets.
///
/// Keeps the char count at every 64th byte, so a lookup scans at most 64 bytes and
/// the index costs 1/16 of the text in memory.
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex {
                text,
                ascii: true,
                blocks: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        }
        // The end of a text of whole blocks lies in the block after the last:
        // it needs its count too.
        if bytes.len().is_multiple_of(BLOCK) {
            blocks.push(count);
        }
        CharIndex {
            text,
            ascii: false,
            blocks,
        }
    }

    /// Char offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.blocks.get(block).copied().unwrap_or(0) as usize;
        let from = block * BLOCK;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

#[derive(Serialize)]
pub struct JsonSpan {
    pub start: usize,
    pub end: usize,
}

/// A span with its words as the engine read them.
#[derive(Serialize)]
pub struct JsonTextSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
}

#[derive(Serialize)]
pub struct JsonActor<'a> {
    pub id: usize,
    pub name: &'a str,
    pub kind: &'static str,
    /// What a briefing joins actors by (see [`crate::analysis::identity`]).
    pub key: Option<String>,
    /// What the name, title or pronouns tell; the join keeps a woman and a
    /// man of one surname apart.
    pub gender: Option<crate::lexicon::Gender>,
    pub roles: &'a [String],
    pub aliases: &'a [String],
    /// Each way the article writes the name, with how many mentions write
    /// it so: what a briefing names the actor by.
    pub forms: Vec<JsonForm<'a>>,
    pub mentions: Vec<JsonSpan>,
    pub statements: usize,
}

/// A way of writing an actor's name and how many mentions write it so.
#[derive(Serialize)]
pub struct JsonForm<'a> {
    pub form: &'a str,
    pub count: usize,
}

#[derive(Serialize)]
pub struct JsonStatement<'a> {
    pub id: usize,
    pub kind: &'static str,
    pub mode: &'static str,
    pub start: usize,
    pub end: usize,
    /// The statement's words as read: lines joined, split words whole.
    pub text: Cow<'a, str>,
    pub speaker: Option<usize>,
    pub speaker_mention: Option<JsonTextSpan<'a>>,
    pub cue: Option<JsonTextSpan<'a>>,
}

/// The JSON document for one article: offsets are char offsets into `text`.
#[derive(Serialize)]
pub struct JsonArticle<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub date: Option<&'a str>,
    pub text: &'a str,
    pub actors: Vec<JsonActor<'a>>,
    pub statements: Vec<JsonStatement<'a>>,
}

fn json_statements<'a>(
    doc: &'a Document,
    index: &CharIndex<'_>,
    speaker: impl Fn(usize) -> usize,
) -> Vec<JsonStatement<'a>> {
    let text_span = |s: &Span| JsonTextSpan {
        start: index.char_offset(s.start),
        end: index.char_offset(s.end),
        text: doc.read(*s),
    };
    doc.analysis
        .statements
        .iter()
        .enumerate()
        .map(|(id, s)| JsonStatement {
            id,
            kind: s.kind.label(),
            mode: s.mode.label(),
            start: index.char_offset(s.span.start),
            end: index.char_offset(s.span.end),
            text: doc.read(s.span),
            speaker: s.speaker.map(&speaker),
            speaker_mention: s.speaker_mention.as_ref().map(text_span),
            cue: s.cue.as_ref().map(text_span),
        })
        .collect()
}

fn json_spans(index: &CharIndex<'_>, spans: &[Span]) -> Vec<JsonSpan> {
    spans
        .iter()
        .map(|s| JsonSpan {
            start: index.char_offset(s.start),
            end: index.char_offset(s.end),
        })
        .collect()
}

impl<'a> JsonArticle<'a> {
    /// The article as given, with the spans of its analysis in char offsets.
    pub fn new(doc: &'a Document) -> JsonArticle<'a> {
        let text = doc.text.as_str();
        let analysis = &doc.analysis;
        let index = CharIndex::new(text);
        let actors = analysis
            .actors
            .iter()
            .enumerate()
            .map(|(id, a)| JsonActor {
                id,
                name: &a.name,
                kind: a.kind.label(),
                key: a.key(),
                gender: a.gender,
                roles: &a.roles,
                aliases: &a.aliases,
                forms: a
                    .forms
                    .iter()
                    .map(|(form, count)| JsonForm {
                        form,
                        count: *count,
                    })
                    .collect(),
                mentions: json_spans(&index, &a.mentions),
                statements: a.statements,
            })
            .collect();
        JsonArticle {
            id: None,
            source: None,
            title: analysis.title.as_deref(),
            byline: analysis.byline.as_deref(),
            date: analysis.date.as_deref(),
            text,
            actors,
            statements: json_statements(doc, &index, |a| a),
        }
    }

    /// Names the file the article came from.
    pub fn with_source(mut self, source: &'a str) -> JsonArticle<'a> {
        self.source = Some(source);
        self
    }
}

/// An article of a briefing: statements name briefing-wide actors.
#[derive(Serialize)]
pub struct JsonBriefingArticle<'a> {
    pub id: usize,
    pub source: &'a str,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub date: Option<&'a str>,
    pub text: &'a str,
    pub statements: Vec<JsonStatement<'a>>,
}

/// Where a briefing actor appears.
#[derive(Serialize)]
pub struct JsonAppearance {
    pub article: usize,
    pub statements: usize,
    pub mentions: Vec<JsonSpan>,
}

/// A briefing actor: in a briefing's JSON with its `id` and the articles it
/// appears in ([`JsonAppearance`]); in `briefing join`'s table with its
/// `mentions` counted and the articles by their ids.
#[derive(Serialize)]
pub struct JsonBriefingActor<'a, A> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub name: &'a str,
    pub kind: &'static str,
    pub key: Option<&'a str>,
    pub roles: &'a [String],
    pub aliases: &'a [String],
    pub statements: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentions: Option<usize>,
    pub articles: Vec<A>,
}

impl<'a, A> JsonBriefingActor<'a, A> {
    /// The actor with where it appears, without an id or a mention count.
    pub fn new(actor: &'a BriefingActor, articles: Vec<A>) -> JsonBriefingActor<'a, A> {
        JsonBriefingActor {
            id: None,
            name: &actor.name,
            kind: actor.kind.label(),
            key: actor.key.as_deref(),
            roles: &actor.roles,
            aliases: &actor.aliases,
            statements: actor.statements(),
            mentions: None,
            articles,
        }
    }
}

/// `{"articles": [...], "actors": [...]}` for several articles read together.
#[derive(Serialize)]
pub struct JsonBriefing<'a> {
    pub articles: Vec<JsonBriefingArticle<'a>>,
    pub actors: Vec<JsonBriefingActor<'a, JsonAppearance>>,
}

impl<'a> JsonBriefing<'a> {
    pub fn new(briefing: &'a Briefing) -> JsonBriefing<'a> {
        let indexes: Vec<CharIndex<'_>> = briefing
            .documents
            .iter()
            .map(|d| CharIndex::new(&d.text))
            .collect();
        let articles = briefing
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| JsonBriefingArticle {
                id: i,
                source: &d.source,
                title: d.analysis.title.as_deref(),
                byline: d.analysis.byline.as_deref(),
                date: d.analysis.date.as_deref(),
                text: &d.text,
                statements: json_statements(d, &indexes[i], |a| briefing.global(i, a)),
            })
            .collect();
        let actors = briefing
            .actors
            .iter()
            .enumerate()
            .map(|(id, a)| JsonBriefingActor {
                id: Some(id),
                ..JsonBriefingActor::new(a, appearances(briefing, a, &indexes))
            })
            .collect();
        JsonBriefing { articles, actors }
    }
}

/// Where a briefing actor appears, each article once: an article whose actors
/// the engine could not tell apart gives their mentions and statements together.
fn appearances(
    briefing: &Briefing,
    actor: &BriefingActor,
    indexes: &[CharIndex<'_>],
) -> Vec<JsonAppearance> {
    let mut out: Vec<(usize, usize, Vec<Span>)> = Vec::new();
    for ap in &actor.appearances {
        let mentions = &briefing.documents[ap.document].analysis.actors[ap.actor].mentions;
        match out.iter_mut().find(|(d, _, _)| *d == ap.document) {
            Some((_, statements, spans)) => {
                *statements += ap.statements;
                spans.extend(mentions);
            }
            None => out.push((ap.document, ap.statements, mentions.clone())),
        }
    }
    out.into_iter()
        .map(|(article, statements, mut spans)| {
            spans.sort_unstable();
            spans.dedup();
            JsonAppearance {
                article,
                statements,
                mentions: json_spans(&indexes[article], &spans),
            }
        })
        .collect()
}

/// The readable listing: the title, then one block per statement with its
/// speaker and kind. Every string of the article is shown on its line with its
/// controls shown, not obeyed (see [`crate::sanitize`]), wherever the listing goes.
pub fn text_listing(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.analysis.title {
        out.push_str(&inline(t));
        out.push_str("\n\n");
    }
    out.push_str(&statement_listing(doc));
    out
}

/// The listing's statements alone, for a block whose header already names the
/// article (several articles listed one after another).
pub fn statement_listing(doc: &Document) -> String {
    let analysis = &doc.analysis;
    let mut out = String::new();
    if analysis.statements.is_empty() {
        out.push_str("No statements found.\n");
    }
    for (i, s) in analysis.statements.iter().enumerate() {
        let who = s
            .speaker
            .map(|a| inline(&analysis.actors[a].name))
            .unwrap_or(Cow::Borrowed("(unattributed)"));
        let role = s
            .speaker
            .and_then(|a| analysis.actors[a].roles.first())
            .map(|r| format!(", {}", inline(r)))
            .unwrap_or_default();
        let read = doc.read(s.span);
        let body = inline(read.trim());
        // What people think, want or expect says so after its kind.
        let mode = match s.mode {
            crate::analysis::Mode::Speech => "",
            crate::analysis::Mode::Thought => ", thought",
        };
        out.push_str(&format!(
            "{:>3}. {who}{role} [{}{mode}]\n     {body}\n",
            i + 1,
            s.kind.label()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listing_says_which_statements_are_thoughts() {
        let mut doc = Document::new(
            "vote.txt",
            "Vote on Monday\n\nAna Ruiz said the vote would be held on Monday. Ruiz added that the plan will pass.",
        );
        assert_eq!(doc.analysis.statements.len(), 2, "{:?}", doc.analysis);
        doc.analysis.statements[1].mode = crate::analysis::Mode::Thought;
        let listing = text_listing(&doc);
        assert!(listing.starts_with("Vote on Monday\n\n"), "{listing}");
        assert!(listing.contains("  1. Ana Ruiz [indirect]\n"), "{listing}");
        assert!(
            listing.contains("  2. Ana Ruiz [indirect, thought]\n"),
            "{listing}"
        );
    }

    #[test]
    fn char_offsets_count_scalars() {
        let text = "“Ça va,” dit-il. ".repeat(20);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count());
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn a_span_to_the_end_of_a_text_of_whole_blocks_ends_there() {
        // 64 bytes exactly, not ASCII: the end falls on the block after the last.
        let text = format!("é{}", "a".repeat(BLOCK - 2));
        assert_eq!(text.len(), BLOCK);
        let index = CharIndex::new(&text);
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        let text = "é".repeat(BLOCK);
        let index = CharIndex::new(&text);
        assert_eq!(index.char_offset(text.len()), BLOCK);
    }
}
