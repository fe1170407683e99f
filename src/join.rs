//! `briefing join`: the briefing-wide actor table from per-article results,
//! without the articles' texts: the reduce step of a distributed run (see
//! scripts/spark/briefing_job.py), and the same table on one machine.
//!
//! Each input line is an article's `id` and `actors` as `briefing extract
//! --format jsonl` writes them (whole result lines do; `text` and
//! `statements` may be left out). An optional `article` number orders the
//! articles as the briefing would (input order otherwise): several lines with
//! one number are one article. The join is [`Briefing`]'s own, so the table
//! is the one a briefing over the same articles shows.
//!
//! The join of a surname ("Quiñones") to a full name ("Marta Quiñones") looks
//! only at actors with the same last word of the key's name, so actors split
//! by that word (see [`bucket`]) can be joined apart and the tables put
//! together.

use crate::analysis::Actor;
use crate::briefing::Briefing;
use crate::document::Document;
use crate::output::JsonBriefingActor;
use crate::sanitize::write_json;
use serde::Serialize;
use serde_json::Value;
use std::io::Write;

/// Where an actor of the table appears: each article once, by its id.
#[derive(Serialize)]
pub struct TableArticle<'a> {
    pub id: &'a Value,
    pub statements: usize,
    pub mentions: usize,
}

/// The articles read so far: order number, id and actors.
#[derive(Default)]
pub struct Input {
    articles: Vec<(i64, Value, Vec<Actor>)>,
}

impl Input {
    /// Takes one line; `n` is its line number, the order of an article
    /// without an `article` number.
    pub fn add(&mut self, line: &str, n: usize) -> Result<(), String> {
        let value: Value =
            serde_json::from_str(line).map_err(|e| format!("line {n}: invalid JSON: {e}"))?;
        let order = match value.get("article") {
            None => n as i64,
            Some(v) => v
                .as_i64()
                .ok_or_else(|| format!("line {n}: \"article\" is not a whole number"))?,
        };
        let (id, actors) =
            crate::input::results::parse_actors(line).map_err(|e| format!("line {n}: {e}"))?;
        self.articles.push((order, id, actors));
        Ok(())
    }

    /// The briefing of the articles' actors, and each document's id.
    pub fn briefing(mut self) -> (Briefing, Vec<Value>) {
        self.articles.sort_by_key(|(order, _, _)| *order);
        let mut ids: Vec<Value> = Vec::new();
        let mut documents: Vec<Document> = Vec::new();
        let mut last = None;
        for (order, id, actors) in self.articles {
            if last == Some(order)
                && let Some(doc) = documents.last_mut()
            {
                doc.analysis.actors.extend(actors);
                continue;
            }
            last = Some(order);
            let mut doc = Document::default();
            doc.analysis.actors = actors;
            documents.push(doc);
            ids.push(id);
        }
        (Briefing::new(documents), ids)
    }
}

/// Writes the table of a briefing, one actor a line, in briefing order.
pub fn write_table(
    out: &mut impl Write,
    briefing: &Briefing,
    ids: &[Value],
) -> std::io::Result<()> {
    for actor in &briefing.actors {
        let mut articles: Vec<TableArticle<'_>> = Vec::new();
        let mut last = None;
        for ap in &actor.appearances {
            // An article whose actors the engine could not tell apart is
            // listed once, with their counts together.
            if last == Some(ap.document)
                && let Some(a) = articles.last_mut()
            {
                a.statements += ap.statements;
                a.mentions += ap.mentions;
                continue;
            }
            last = Some(ap.document);
            articles.push(TableArticle {
                id: &ids[ap.document],
                statements: ap.statements,
                mentions: ap.mentions,
            });
        }
        write_json(
            &mut *out,
            &JsonBriefingActor {
                mentions: Some(actor.mentions()),
                ..JsonBriefingActor::new(actor, articles)
            },
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// What a distributed join groups an actor by: the last word of its key's
/// name, suffixes aside ("person:donald trump jr" is `trump`), which every
/// actor a surname may join shares; a description, which joins no one,
/// stands alone (`None`).
pub fn bucket(key: Option<&str>) -> Option<&str> {
    const SUFFIXES: [&str; 5] = ["jr", "sr", "ii", "iii", "iv"];
    let name = key?.split_once(':').map_or(key?, |(_, n)| n);
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    words.last().copied().or(Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_hold_a_surname_and_its_full_names() {
        assert_eq!(bucket(Some("person:donald trump jr")), Some("trump"));
        assert_eq!(bucket(Some("person:trump")), Some("trump"));
        assert_eq!(
            bucket(Some("person:ludwig van beethoven")),
            Some("beethoven")
        );
        assert_eq!(bucket(Some("organization:fbi")), Some("fbi"));
        assert_eq!(bucket(Some("person:ii")), Some("ii"));
        assert_eq!(bucket(None), None);
    }

    /// The table as a set of lines: joined apart, the order of actors changes.
    fn table(inputs: &[String]) -> Vec<String> {
        let mut input = Input::default();
        for (n, line) in inputs.iter().enumerate() {
            input.add(line, n + 1).unwrap();
        }
        let (briefing, ids) = input.briefing();
        let mut out = Vec::new();
        write_table(&mut out, &briefing, &ids).unwrap();
        let mut lines: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    }

    #[test]
    fn joined_bucket_by_bucket_as_all_at_once() {
        let texts = [
            "Port director Marta Quiñones said the harbour would reopen. Mayor Tomas Berg agreed.",
            "Quiñones said the cranes were fixed. Berg said he was pleased, officials said.",
            "Marta Quiñones said the ferries would run. Tom Berg said it was time.",
            "Ana Quiñones, her sister, said she was proud. The FBI said nothing. Berg added that the town would pay.",
        ];
        let lines: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let doc = Document::new("-", *t);
                let mut json = crate::output::JsonArticle::new(&doc);
                let id = Value::from(format!("a{i}"));
                json.id = Some(&id);
                serde_json::to_string(&json).unwrap()
            })
            .collect();
        let whole = table(&lines);
        assert!(
            whole.iter().any(|l| l.contains("\"Marta Quiñones\"")),
            "{whole:#?}"
        );
        // Split each article's actors by bucket, numbered as the articles.
        let mut buckets: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (i, line) in lines.iter().enumerate() {
            let v: Value = serde_json::from_str(line).unwrap();
            for (k, actor) in v["actors"].as_array().unwrap().iter().enumerate() {
                let b = bucket(actor["key"].as_str())
                    .map_or_else(|| format!("#{i}:{k}"), str::to_string);
                let record = serde_json::json!({"article": i, "id": v["id"], "actors": [actor]});
                buckets.entry(b).or_default().push(record.to_string());
            }
        }
        let mut apart: Vec<String> = buckets.values().flat_map(|b| table(b)).collect();
        apart.sort();
        assert_eq!(apart, whole);
    }
}
