//! Precomputed analyses: the output of `briefing extract --format jsonl` (or
//! of one article with `--format json`), read back as articles whose analysis
//! is already done, so a briefing of results from a batch or a Spark job opens
//! without analysing anything again.
//!
//! A results file is JSON Lines whose objects have a `text` string and
//! `actors` and `statements` arrays (an `{"id","text"}` input line has no
//! `actors`). Every line is checked before the file is used: offsets are char
//! offsets into `text`, end exclusive, and must lie inside it; speakers must
//! name an actor of the line; statements must come in text order without
//! overlapping, as the engine gives them. Offsets become byte offsets, as the
//! reader's structures index text. A line that fails makes the file fail, with
//! its line number. `{"error","id","line"}` records (`--errors json`) name
//! articles that were never analysed and are passed over.

use super::Article;
use crate::analysis::{Actor, ActorKind, Analysis, Mode, Span, Statement, StatementKind};
use crate::lexicon::Gender;
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct RawResult {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    date: Option<String>,
    text: String,
    actors: Vec<RawActor>,
    statements: Vec<RawStatement>,
}

#[derive(Deserialize)]
struct RawActor {
    id: usize,
    name: String,
    kind: String,
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    /// Absent from results written before forms were part of the output.
    #[serde(default)]
    forms: Option<Vec<RawForm>>,
    #[serde(default)]
    mentions: Vec<RawSpan>,
    statements: usize,
}

#[derive(Deserialize)]
struct RawForm {
    form: String,
    count: usize,
}

#[derive(Deserialize, Clone, Copy)]
struct RawSpan {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct RawStatement {
    kind: String,
    mode: String,
    start: usize,
    end: usize,
    speaker: Option<usize>,
    #[serde(default)]
    speaker_mention: Option<RawSpan>,
    #[serde(default)]
    cue: Option<RawSpan>,
}

/// Is this JSON value an analysis `briefing extract` wrote?
fn is_result(v: &Value) -> bool {
    v.get("text").is_some_and(Value::is_string)
        && v.get("actors").is_some_and(Value::is_array)
        && v.get("statements").is_some_and(Value::is_array)
}

/// Is this JSON value an `{"error","id","line"}` record of `--errors json`?
fn is_error_record(v: &Value) -> bool {
    v.get("error").is_some_and(Value::is_string) && v.get("text").is_none()
}

/// The articles of a results file with their analyses, or why the file is
/// not a valid one; `None` when `text` is not a results file at all (then it
/// is read as articles to analyse). `name` is the file's name, for the
/// articles' sources when a result has neither `source` nor `id`.
pub fn parse(text: &str, name: &str) -> Option<Result<Vec<Article>, String>> {
    let text = text.trim_start_matches('\u{feff}');
    // The first line says what the file is; error records say nothing.
    let mut first = None;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<Value>(line) {
            Ok(v) if is_error_record(&v) => continue,
            Ok(v) => first = Some(v),
            Err(_) => {}
        }
        break;
    }
    match first {
        Some(v) if is_result(&v) => Some(parse_lines(text, name)),
        Some(_) => None,
        // One pretty-printed document (`extract --format json` of one article).
        None if text.trim_start().starts_with('{') => {
            let v: Value = serde_json::from_str(text).ok()?;
            if !is_result(&v) {
                return None;
            }
            Some(
                RawResult::deserialize(v)
                    .map_err(|e| format!("invalid results: {e}"))
                    .and_then(|raw| article(raw, name, 1))
                    .map(|a| vec![a]),
            )
        }
        None => None,
    }
}

fn parse_lines(text: &str, name: &str) -> Result<Vec<Article>, String> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let parsed: Vec<Option<Article>> = lines
        .par_iter()
        .map(|&(i, line)| {
            let n = i + 1;
            let raw = match serde_json::from_str::<RawResult>(line) {
                Ok(raw) => raw,
                Err(e) => {
                    return match serde_json::from_str::<Value>(line) {
                        Ok(v) if is_error_record(&v) => Ok(None),
                        Ok(v) if !v.is_object() => Err(format!("line {n}: not a JSON object")),
                        Ok(v) if !is_result(&v) => Err(format!(
                            "line {n}: not an analysis (no \"text\", \"actors\" and \"statements\"): \
                             a results file holds only the output of `briefing extract --format jsonl`"
                        )),
                        Ok(_) => Err(format!("line {n}: {}", serde_reason(&e))),
                        Err(e) => Err(format!("line {n}: invalid JSON: {}", serde_reason(&e))),
                    };
                }
            };
            article(raw, name, n).map(Some).map_err(|e| format!("line {n}: {e}"))
        })
        .collect::<Result<_, String>>()?;
    Ok(parsed.into_iter().flatten().collect())
}

/// A serde error without its "at line 1" (the line is given apart).
fn serde_reason(e: &serde_json::Error) -> String {
    let what = e.to_string();
    let what = what
        .rsplit_once(" at line ")
        .map_or(what.as_str(), |(w, _)| w);
    format!("{what} (column {})", e.column())
}

/// Char offsets to byte offsets of one text: the byte offset of every 64th
/// char, so a lookup walks at most 64 chars.
struct ByteIndex<'a> {
    text: &'a str,
    chars: usize,
    /// Empty for ASCII, where offsets are the same.
    blocks: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'a> ByteIndex<'a> {
    fn new(text: &'a str) -> ByteIndex<'a> {
        if text.is_ascii() {
            return ByteIndex {
                text,
                chars: text.len(),
                blocks: Vec::new(),
            };
        }
        let mut blocks = Vec::new();
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % BLOCK == 0 {
                blocks.push(byte);
            }
            chars += 1;
        }
        ByteIndex {
            text,
            chars,
            blocks,
        }
    }

    /// The byte offset of a char offset, none past the end of the text.
    fn byte(&self, char_offset: usize) -> Option<usize> {
        if char_offset > self.chars {
            return None;
        }
        // The end has no char of its own to start a block (the JSON offsets
        // had that bug once): say it directly.
        if char_offset == self.chars {
            return Some(self.text.len());
        }
        if self.blocks.is_empty() {
            return Some(char_offset);
        }
        let from = self.blocks[char_offset / BLOCK];
        self.text[from..]
            .char_indices()
            .nth(char_offset % BLOCK)
            .map(|(b, _)| from + b)
    }

    fn span(&self, s: RawSpan, what: &str) -> Result<Span, String> {
        if s.start > s.end {
            return Err(format!(
                "{what} starts at {} after its end {}",
                s.start, s.end
            ));
        }
        match (self.byte(s.start), self.byte(s.end)) {
            (Some(start), Some(end)) => Ok(Span::new(start, end)),
            _ => Err(format!(
                "{what} {}..{} lies outside the text ({} chars)",
                s.start, s.end, self.chars
            )),
        }
    }
}

/// The value a label names, or why there is none: "actor 3 has an unknown
/// kind \"robot\"" (the label made safe to show).
fn known<T>(value: Option<T>, who: &str, what: &str, label: &str) -> Result<T, String> {
    value.ok_or_else(|| {
        format!(
            "{who} has an unknown {what} {:?}",
            crate::sanitize::inline(label)
        )
    })
}

/// The actors of one result, checked against its text (or, when `index` is
/// `None`, taken without their mentions' positions: the join needs their
/// count only).
fn actors(raw: Vec<RawActor>, index: Option<&ByteIndex<'_>>) -> Result<Vec<Actor>, String> {
    raw.into_iter()
        .enumerate()
        .map(|(i, a)| {
            if a.id != i {
                return Err(format!(
                    "actor {i} has id {}: ids are positions in \"actors\"",
                    a.id
                ));
            }
            let who = format!("actor {i}");
            let kind = known(ActorKind::from_label(&a.kind), &who, "kind", &a.kind)?;
            let gender = a
                .gender
                .as_deref()
                .map(|g| known(Gender::from_label(g), &who, "gender", g))
                .transpose()?;
            let mut mentions = Vec::with_capacity(a.mentions.len());
            for m in &a.mentions {
                mentions.push(match index {
                    Some(index) => index.span(*m, &format!("a mention of actor {i}"))?,
                    None => Span::new(m.start, m.end),
                });
            }
            mentions.sort_unstable();
            let forms = match a.forms {
                Some(forms) => forms.into_iter().map(|f| (f.form, f.count)).collect(),
                // Older results: the name, as often as the actor is mentioned.
                None => vec![(a.name.clone(), a.mentions.len())],
            };
            let mut actor = Actor::named(a.name, kind);
            actor.roles = a.roles;
            actor.aliases = a.aliases;
            actor.mentions = mentions;
            actor.gender = gender;
            actor.statements = a.statements;
            actor.forms = forms;
            Ok(actor)
        })
        .collect()
}

/// One checked result as an article with its analysis.
fn article(raw: RawResult, name: &str, n: usize) -> Result<Article, String> {
    let index = ByteIndex::new(&raw.text);
    let actors = actors(raw.actors, Some(&index))?;
    let mut statements = Vec::with_capacity(raw.statements.len());
    let mut last_end = 0;
    for (i, s) in raw.statements.into_iter().enumerate() {
        let who = format!("statement {i}");
        let kind = known(StatementKind::from_label(&s.kind), &who, "kind", &s.kind)?;
        let mode = known(Mode::from_label(&s.mode), &who, "mode", &s.mode)?;
        let span = index.span(
            RawSpan {
                start: s.start,
                end: s.end,
            },
            &format!("statement {i}"),
        )?;
        // The reader walks statements in order and never expects two on one
        // character.
        if span.start < last_end {
            return Err(format!(
                "statement {i} overlaps the one before it or comes before it"
            ));
        }
        last_end = span.end;
        if let Some(a) = s.speaker
            && a >= actors.len()
        {
            return Err(format!(
                "statement {i} names speaker {a}, but there are {} actors",
                actors.len()
            ));
        }
        let mut statement = Statement::new(kind, mode, span);
        statement.speaker = s.speaker;
        statement.speaker_mention = s
            .speaker_mention
            .map(|m| index.span(m, &format!("the speaker mention of statement {i}")))
            .transpose()?;
        statement.cue = s
            .cue
            .map(|c| index.span(c, &format!("the cue of statement {i}")))
            .transpose()?;
        statements.push(statement);
    }
    let source = match (raw.source, raw.id) {
        (Some(source), _) => source,
        (None, Some(Value::String(id))) => id,
        (None, Some(id)) if !id.is_null() => id.to_string(),
        _ => format!("{name}#{n}"),
    };
    // The text was read as its source's format reads it: HTML one paragraph a
    // line, Markdown with soft breaks, else plain text.
    let breaks = match super::InputFormat::from_path(std::path::Path::new(&source)) {
        Some(super::InputFormat::Html) => super::unwrap::LineBreaks::Hard,
        Some(super::InputFormat::Markdown) => super::unwrap::LineBreaks::Soft,
        _ => super::unwrap::LineBreaks::Detect,
    };
    let mut analysis = Analysis::new(actors, statements);
    analysis.title = raw.title;
    analysis.byline = raw.byline;
    analysis.date = raw.date;
    Ok(Article {
        source,
        title: None,
        byline: None,
        date: None,
        body: raw.text,
        breaks,
        headings: Vec::new(),
        analysis: Some(Box::new(analysis)),
    })
}

/// One line of the input of `briefing join`: an article's id and its actors
/// (or some of them), as `extract` wrote them; `text` and `statements` may be
/// left out, and mentions count, whatever their offsets.
#[derive(Deserialize)]
struct RawActors {
    #[serde(default)]
    id: Option<Value>,
    actors: Vec<RawActor>,
}

/// The id and actors of an article for the join (see `briefing join`).
pub fn parse_actors(line: &str) -> Result<(Value, Vec<Actor>), String> {
    let raw: RawActors = serde_json::from_str(line).map_err(|e| serde_reason(&e))?;
    // Any subset of an article's actors may come: their ids need not be
    // positions here, only in order.
    let raw_actors: Vec<RawActor> = raw
        .actors
        .into_iter()
        .enumerate()
        .map(|(i, a)| RawActor { id: i, ..a })
        .collect();
    Ok((raw.id.unwrap_or(Value::Null), actors(raw_actors, None)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_become_byte_offsets_to_the_very_end() {
        for text in [
            "plain".to_string(),
            "é".repeat(64),
            format!("é{}", "a".repeat(62)),
            "“Ça va,” dit-il. ".repeat(20),
        ] {
            let index = ByteIndex::new(&text);
            let chars: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect();
            for (c, &b) in chars.iter().enumerate() {
                assert_eq!(index.byte(c), Some(b), "{text:?} char {c}");
            }
            assert_eq!(index.byte(chars.len()), None);
        }
    }

    #[test]
    fn inputs_to_analyse_are_no_results() {
        assert!(parse("{\"id\":1,\"text\":\"Ana said so.\"}\n", "a.jsonl").is_none());
        assert!(parse("{\"title\":\"A\",\"text\":\"B\"}", "a.json").is_none());
    }
}
