//! Checks the actors of a briefing the way a reader counting who said what would:
//! reads articles as JSON Lines (`{"id", "text"}` a line), joins them into one
//! briefing and prints figures on its actors.
//!
//! ```sh
//! cargo run --release --example actor_check -- ../shared/eval/polnear-train.jsonl
//! cargo run --release --example actor_check -- --json briefing.json   # `briefing extract --format json` output
//! ```
//!
//! The figures judge the engine's output by the articles' own text, not by the
//! engine's rules:
//! - **opener names**: actors whose name starts with a capitalised common word
//!   (an English word, not a first name, that the articles write in lowercase
//!   more often than capitalised inside a sentence) that they capitalise
//!   only where every word is capitalised: at a sentence opening or in a
//!   headline ("Unpredictable Sondland", "Officials"); of a longer name, only
//!   where the rest also stands alone ("Perez"), so "Ban Ki-moon" is a name.
//! - **canonical names**: for every actor with 20 or more statements, is its
//!   name the full form (two words or more, not in capitals) that its mentions
//!   use most often?
//! - **repeated articles**: actors that list an article more than once.
//! - **descriptions across articles**: unnamed descriptions ("officials", or
//!   one common word that speaks, such as "Police") joined over more than
//!   one article.
//! - **keys**: does grouping the articles' own actors by their `key`
//!   reproduce the briefing's join (named people and organisations)?

use briefing::briefing::Briefing;
use briefing::document::Document;
use briefing::output::JsonBriefing;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;
use std::io::BufRead;

/// Statements from which an actor's canonical name is checked.
const BIG: u64 = 20;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (briefing, json) = match args.as_slice() {
        [flag, path] if flag == "--json" => (None, read_json(path)),
        [path] => {
            let b = Briefing::new(read_articles(path));
            let json = serde_json::to_value(JsonBriefing::new(&b)).expect("serialisable");
            (Some(b), json)
        }
        _ => {
            eprintln!("usage: actor_check ARTICLES.jsonl | actor_check --json BRIEFING.json");
            std::process::exit(2);
        }
    };
    let corpus = Corpus::new(&json);
    println!("articles {}", corpus.texts.len());
    kinds(&json);
    opener_names(&json, &corpus);
    canonical_names(&json, &corpus);
    repeated_articles(&json);
    descriptions_across(&json, &corpus);
    if let Some(b) = &briefing {
        keys(b);
    }
}

fn read_articles(path: &str) -> Vec<Document> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(file)
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let line = line.expect("readable lines");
            let v: Value = serde_json::from_str(&line).ok()?;
            let text = v.get("text")?.as_str()?.to_string();
            let id = v
                .get("id")
                .and_then(Value::as_str)
                .map_or_else(|| format!("line {}", i + 1), str::to_string);
            Some((id, text))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(id, text)| Document::new(id, text))
        .collect()
}

fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("a briefing as JSON")
}

/// The articles' texts (as chars, since offsets count chars) and how the
/// corpus writes its words.
struct Corpus {
    texts: Vec<Vec<char>>,
    /// How often each word (lowercase) is written in lowercase, and how often
    /// capitalised right after a lowercase word (where only names are).
    lowercase: FxHashMap<String, usize>,
    inside_caps: FxHashMap<String, usize>,
    first_names: FxHashSet<String>,
}

impl Corpus {
    fn new(json: &Value) -> Corpus {
        let texts: Vec<Vec<char>> = json["articles"]
            .as_array()
            .map(|a| a.iter().map(|x| text_of(x).chars().collect()).collect())
            .unwrap_or_default();
        let mut lowercase: FxHashMap<String, usize> = FxHashMap::default();
        let mut inside_caps: FxHashMap<String, usize> = FxHashMap::default();
        for t in &texts {
            let s: String = t.iter().collect();
            let mut after_lowercase = false;
            for w in s.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphabetic());
                let Some(c) = w.chars().next() else {
                    after_lowercase = false;
                    continue;
                };
                if c.is_lowercase() {
                    *lowercase.entry(w.to_string()).or_default() += 1;
                } else if after_lowercase {
                    *inside_caps.entry(w.to_lowercase()).or_default() += 1;
                }
                after_lowercase = c.is_lowercase();
            }
        }
        let first_names = include_str!("../assets/lexicon/first_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(str::to_lowercase)
            .collect();
        Corpus {
            texts,
            lowercase,
            inside_caps,
            first_names,
        }
    }

    /// A capitalised word that is a common word of the language, not a name:
    /// an English word, not a first name, that the articles write in
    /// lowercase more often than capitalised inside a sentence ("trump" is
    /// a word, "Trump" a name).
    fn common_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let count = |map: &FxHashMap<String, usize>| map.get(&lower).copied().unwrap_or(0);
        briefing::lexicon::english_word(&lower)
            && count(&self.lowercase) > count(&self.inside_caps)
            && !self.first_names.contains(&lower)
    }

    /// Is the char at `at` where any word is capitalised: a sentence opening
    /// (after quotation marks and brackets), or a headline?
    fn capitals_say_nothing(&self, article: usize, at: usize) -> bool {
        let t = &self.texts[article];
        let mut k = at;
        while k > 0
            && matches!(
                t[k - 1],
                ' ' | '“' | '"' | '‘' | '\'' | '(' | '[' | '\u{a0}'
            )
        {
            k -= 1;
        }
        let opening = k == 0 || matches!(t[k - 1], '\n' | '.' | '!' | '?' | ':' | ';' | '—' | '–');
        opening || self.headline(article, at)
    }

    /// The line holding `at` is the title (the first line) or in title case.
    fn headline(&self, article: usize, at: usize) -> bool {
        let t = &self.texts[article];
        let start = t[..at]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1);
        let end = t[at..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(t.len(), |i| at + i);
        let line: String = t[start..end].iter().collect();
        let words: Vec<&str> = line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() > 3)
            .collect();
        let caps = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        start == 0 || words.len() >= 3 && caps * 10 >= words.len() * 7
    }

    /// Char offsets where `name` occurs as whole words.
    fn occurrences(&self, article: usize, name: &[char]) -> Vec<usize> {
        let t = &self.texts[article];
        let word = |c: char| c.is_alphanumeric();
        (0..t.len().saturating_sub(name.len() - 1))
            .filter(|&i| t[i..i + name.len()] == *name)
            .filter(|&i| i == 0 || !word(t[i - 1]))
            .filter(|&i| t.get(i + name.len()).is_none_or(|&c| !word(c)))
            .collect()
    }
}

fn text_of(article: &Value) -> &str {
    article["text"].as_str().unwrap_or("")
}

fn actors(json: &Value) -> &[Value] {
    json["actors"].as_array().map_or(&[], Vec::as_slice)
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn articles_of(actor: &Value) -> Vec<u64> {
    actor["articles"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["article"].as_u64()).collect())
        .unwrap_or_default()
}

fn kinds(json: &Value) {
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for a in actors(json) {
        *count.entry(str_of(&a["kind"])).or_default() += 1;
    }
    let mut count: Vec<_> = count.into_iter().collect();
    count.sort();
    let list: Vec<String> = count.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("actors {} ({})", actors(json).len(), list.join(", "));
}

/// Actors named from a capitalised common word that only sentence openings and
/// headlines capitalise.
fn opener_names(json: &Value, corpus: &Corpus) {
    let mut bad: Vec<(u64, String)> = Vec::new();
    for a in actors(json) {
        let name = str_of(&a["name"]);
        let Some(first) = name.split_whitespace().next() else {
            continue;
        };
        if !first.chars().next().is_some_and(char::is_uppercase) || !corpus.common_word(first) {
            continue;
        }
        let chars: Vec<char> = name.chars().collect();
        let seen: Vec<(usize, usize)> = articles_of(a)
            .into_iter()
            .flat_map(|d| {
                let d = d as usize;
                corpus
                    .occurrences(d, &chars)
                    .into_iter()
                    .map(move |at| (d, at))
            })
            .collect();
        let only_openings = !seen.is_empty()
            && seen
                .iter()
                .all(|&(d, at)| corpus.capitals_say_nothing(d, at));
        // "Understated Perez" where the articles also write "Perez": the first
        // word comes off; "Ban Ki-moon" is a name as a whole.
        let rest: Vec<char> = name[first.len()..].trim_start().chars().collect();
        let detachable = rest.is_empty()
            || articles_of(a).into_iter().any(|d| {
                let d = d as usize;
                corpus.occurrences(d, &rest).len()
                    > seen.iter().filter(|&&(doc, _)| doc == d).count()
            });
        if only_openings && detachable {
            bad.push((a["statements"].as_u64().unwrap_or(0), name.to_string()));
        }
    }
    bad.sort_by(|a, b| b.cmp(a));
    let speaking = bad.iter().filter(|(s, _)| *s > 0).count();
    println!("opener names: {} ({} with statements)", bad.len(), speaking);
    for (s, name) in bad.iter().take(
        std::env::var("SHOW")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(25),
    ) {
        println!("    {s:>4} {name}");
    }
}

/// A full form of a name: two words or more, not in capitals, not a
/// description, no form of address ("Mr. Manafort" is not Paul Manafort's full name).
fn full_form(form: &str) -> bool {
    let words: Vec<&str> = form.split_whitespace().collect();
    words.len() >= 2
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && form.chars().any(char::is_lowercase)
        && !matches!(
            words[0],
            "The" | "A" | "An" | "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Miss"
        )
}

fn normal(form: &str) -> String {
    form.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How often each full form of an actor's name names it: for each mention, the
/// longest full form it holds.
fn form_counts(actor: &Value, corpus: &Corpus) -> Vec<(String, usize)> {
    let mut forms: Vec<String> = std::iter::once(&actor["name"])
        .chain(actor["aliases"].as_array().into_iter().flatten())
        .map(|v| normal(str_of(v)))
        .filter(|f| full_form(f))
        .collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    let mut counts = vec![0usize; forms.len()];
    for ap in actor["articles"].as_array().into_iter().flatten() {
        let d = ap["article"].as_u64().unwrap_or(0) as usize;
        let text = &corpus.texts[d];
        for m in ap["mentions"].as_array().into_iter().flatten() {
            let (s, e) = (
                m["start"].as_u64().unwrap_or(0) as usize,
                m["end"].as_u64().unwrap_or(0) as usize,
            );
            let said = normal(
                &text[s.min(text.len())..e.min(text.len())]
                    .iter()
                    .collect::<String>(),
            );
            let padded = format!(" {said} ");
            if let Some(k) = forms
                .iter()
                .position(|f| padded.contains(&format!(" {f} ")))
            {
                counts[k] += 1;
            }
        }
    }
    forms.into_iter().zip(counts).collect()
}

fn canonical_names(json: &Value, corpus: &Corpus) {
    let (mut big, mut good, mut without) = (0, 0, 0);
    let mut bad = Vec::new();
    for a in actors(json) {
        let statements = a["statements"].as_u64().unwrap_or(0);
        if statements < BIG {
            continue;
        }
        big += 1;
        let counts = form_counts(a, corpus);
        let Some(&(_, top)) = counts
            .iter()
            .max_by_key(|(_, n)| *n)
            .filter(|(_, n)| *n > 0)
        else {
            without += 1;
            good += 1;
            continue;
        };
        let name = normal(str_of(&a["name"]));
        if counts.iter().any(|(f, n)| *f == name && *n == top) {
            good += 1;
        } else {
            let best: Vec<String> = counts
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(f, n)| format!("{f} {n}"))
                .collect();
            bad.push(format!("{statements:>4} {name}: {}", best.join(", ")));
        }
    }
    println!(
        "actors with >= {BIG} statements: {big}; named by their most frequent full form: {good} ({without} have no full form)"
    );
    for line in bad.iter().take(25) {
        println!("    {line}");
    }
}

fn repeated_articles(json: &Value) {
    let repeated: Vec<&str> = actors(json)
        .iter()
        .filter(|a| {
            let arts = articles_of(a);
            let set: FxHashSet<u64> = arts.iter().copied().collect();
            set.len() < arts.len()
        })
        .map(|a| str_of(&a["name"]))
        .collect();
    println!("actors listing an article twice: {}", repeated.len());
    for name in repeated.iter().take(10) {
        println!("    {name}");
    }
}

/// Unnamed descriptions: kind "group", a name in lowercase, or one common word
/// ("Officials", "Police").
fn descriptions_across(json: &Value, corpus: &Corpus) {
    let joined: Vec<String> = actors(json)
        .iter()
        .filter(|a| {
            let name = str_of(&a["name"]);
            let statements = a["statements"].as_u64().unwrap_or(0);
            let one_word = !name.contains(' ') && corpus.common_word(name) && statements > 0;
            str_of(&a["kind"]) == "group"
                || name.chars().next().is_some_and(char::is_lowercase)
                || one_word
        })
        .filter(|a| articles_of(a).len() > 1)
        .map(|a| format!("{} ({} articles)", str_of(&a["name"]), articles_of(a).len()))
        .collect();
    println!("descriptions joined across articles: {}", joined.len());
    for j in joined.iter().take(10) {
        println!("    {j}");
    }
}

/// Grouping the articles' own actors by key against the briefing's join.
fn keys(b: &Briefing) {
    let mut by_key: FxHashMap<String, FxHashSet<usize>> = FxHashMap::default();
    let mut keys_of: Vec<FxHashSet<String>> = vec![FxHashSet::default(); b.actors.len()];
    let (mut named, mut partial, mut unkeyed) = (0, 0, 0);
    for (d, doc) in b.documents.iter().enumerate() {
        for (i, actor) in doc.analysis.actors.iter().enumerate() {
            let g = b.global(d, i);
            match actor.key() {
                Some(k) if actor.partial_name() => {
                    partial += 1;
                    let _ = k;
                }
                Some(k) => {
                    named += 1;
                    by_key.entry(k.clone()).or_default().insert(g);
                    keys_of[g].insert(k);
                }
                None => unkeyed += 1,
            }
        }
    }
    let split = by_key.values().filter(|g| g.len() > 1).count();
    let merged = keys_of.iter().filter(|k| k.len() > 1).count();
    println!(
        "keys: {named} article actors with a full name, {partial} with a partial one (surname alone, initial, one word of unknown kind), {unkeyed} descriptions without a key"
    );
    println!(
        "keys against the join: {split} keys spread over several briefing actors, {merged} briefing actors holding several keys"
    );
}
