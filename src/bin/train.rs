//! Trains the attribution tagger on annotated articles and writes its weights.
//!
//! `cargo run --release --bin briefing-train -- ../shared/eval/polnear-train.jsonl`
//!
//! Input: JSON Lines in the scorer's gold format, one article a line:
//! `{"text", "quotes": [{"start", "end", "cue_spans": [[s, e]], "speaker_spans": [[s, e]]}]}`,
//! offsets in characters. The same data and options give the same file, byte
//! for byte.

use anyhow::{Context, Result, bail};
use briefing::analysis::tagger::Tagger;
use briefing::analysis::tagger::train::{Annotated, Config, GoldItem, evaluate, train};
use clap::Parser;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
#[command(name = "briefing-train", about = "Train the attribution tagger")]
struct Args {
    /// Annotated articles (JSON Lines).
    train: PathBuf,
    /// Where to write the weights.
    #[arg(long, default_value = "assets/model/tagger.bin")]
    out: PathBuf,
    /// Articles to report figures on (never trained on).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Articles (JSON Lines with "id" and "text") to analyse with the new
    /// weights; the results go to --predictions, for the scorer.
    #[arg(long)]
    predict: Option<PathBuf>,
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// Print the tags of the --predict articles whose id contains this.
    #[arg(long)]
    show: Option<String>,
    /// Read the weights from this file instead of training.
    #[arg(long)]
    weights: Option<PathBuf>,
    /// Added to the score of dropping a content of speech and of thought
    /// (negative keeps more).
    #[arg(long, num_args = 2, allow_hyphen_values = true, default_values_t = Config::default().drop_bias)]
    drop_bias: Vec<i32>,
    /// Perceptrons per stage, averaged.
    #[arg(long, default_value_t = Config::default().bags)]
    bags: usize,
    /// Margin learnt over each wrong tag.
    #[arg(long, default_value_t = Config::default().cost)]
    cost: i32,
    /// Drop scaled weights smaller than this.
    #[arg(long, default_value_t = Config::default().prune)]
    prune: i16,
    /// Seed of the order examples are seen in.
    #[arg(long, default_value_t = Config::default().seed)]
    seed: u64,
    /// log2 of the rows of each stage's weight table.
    #[arg(long, default_value_t = Config::default().bits)]
    bits: u32,
    /// Epochs of the first and second stage.
    #[arg(long, num_args = 2, default_values_t = Config::default().epochs)]
    epochs: Vec<usize>,
    /// Epochs of the linker's choosers.
    #[arg(long, default_value_t = Config::default().link_epochs)]
    link_epochs: usize,
    /// Word classes learnt from the training text.
    #[arg(long, default_value_t = Config::default().word_classes)]
    word_classes: usize,
    /// Folds for the first stage's stacked tags.
    #[arg(long, default_value_t = Config::default().folds)]
    folds: usize,
}

fn spans(v: Option<&serde_json::Value>, bytes: &[usize]) -> Vec<(usize, usize)> {
    let Some(list) = v.and_then(|v| v.as_array()) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|p| {
            let s = p.get(0)?.as_u64()? as usize;
            let e = p.get(1)?.as_u64()? as usize;
            (s < e && e < bytes.len()).then(|| (bytes[s], bytes[e]))
        })
        .collect()
}

fn read(path: &PathBuf) -> Result<Vec<Annotated>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let Some(text) = doc.get("text").and_then(|t| t.as_str()) else {
            bail!("{}:{}: no \"text\"", path.display(), n + 1);
        };
        // Character offset to byte offset, one past the end included.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut items = Vec::new();
        for q in doc
            .get("quotes")
            .and_then(|q| q.as_array())
            .into_iter()
            .flatten()
        {
            let (Some(s), Some(e)) = (
                q.get("start").and_then(|v| v.as_u64()),
                q.get("end").and_then(|v| v.as_u64()),
            ) else {
                continue;
            };
            let (s, e) = (s as usize, e as usize);
            if s >= e || e >= bytes.len() {
                continue;
            }
            items.push(GoldItem {
                content: (bytes[s], bytes[e]),
                cues: spans(q.get("cue_spans"), &bytes),
                sources: spans(q.get("speaker_spans"), &bytes),
            });
        }
        out.push(Annotated {
            text: text.to_string(),
            items,
        });
    }
    Ok(out)
}

fn main() -> Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let articles = read(&args.train)?;
    let [e1, e2] = args.epochs[..] else {
        bail!("--epochs takes two numbers");
    };
    let config = Config {
        bits: args.bits,
        epochs: [e1, e2],
        folds: args.folds,
        seed: args.seed,
        bags: args.bags,
        cost: args.cost,
        prune: args.prune,
        link_epochs: args.link_epochs,
        word_classes: args.word_classes,
        ..Config::default()
    };
    let mut tagger = match &args.weights {
        Some(w) => Tagger::from_bytes(&std::fs::read(w)?)?,
        None => train(&articles, &config, &mut |m| {
            eprintln!("[{:6.1}s] {m}", started.elapsed().as_secs_f64());
        }),
    };
    let [speech, thought] = args.drop_bias[..] else {
        bail!("--drop-bias takes two numbers");
    };
    tagger.set_drop_bias([speech, thought]);
    if args.weights.is_none() {
        let bytes = tagger.to_bytes();
        std::fs::write(&args.out, &bytes)
            .with_context(|| format!("writing {}", args.out.display()))?;
        eprintln!(
            "[{:6.1}s] wrote {} ({} bytes)",
            started.elapsed().as_secs_f64(),
            args.out.display(),
            bytes.len()
        );
        debug_assert_eq!(Tagger::from_bytes(&bytes).ok().as_ref(), Some(&tagger));
    }
    if let Some(dev) = &args.dev {
        let dev = read(dev)?;
        let f = evaluate(&tagger, &dev);
        for (name, (p, r, f1)) in [
            ("cue", f.cue),
            ("source", f.source),
            ("content", f.content),
            ("content overlap", f.content_overlap),
        ] {
            eprintln!("{name:>16}: P {p:.3} R {r:.3} F1 {f1:.3}");
        }
    }
    if let (Some(input), Some(id)) = (&args.predict, &args.show) {
        for line in std::fs::read_to_string(input)?.lines() {
            let doc: serde_json::Value = serde_json::from_str(line)?;
            if doc
                .get("id")
                .and_then(|v| v.as_str())
                .is_some_and(|v| v.contains(id.as_str()))
            {
                let text = doc.get("text").and_then(|t| t.as_str()).unwrap_or_default();
                println!("{}", tagger.explain(text));
            }
        }
        return Ok(());
    }
    if let (Some(input), Some(output)) = (&args.predict, &args.predictions) {
        predict(&tagger, input, output)?;
    }
    Ok(())
}

/// Analyses each article with `tagger` and writes what `briefing extract
/// --format jsonl` would.
fn predict(tagger: &Tagger, input: &PathBuf, output: &PathBuf) -> Result<()> {
    use rayon::prelude::*;
    let text =
        std::fs::read_to_string(input).with_context(|| format!("reading {}", input.display()))?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let out: Vec<String> = lines
        .par_iter()
        .map(|line| -> Result<String> {
            let doc: serde_json::Value = serde_json::from_str(line)?;
            let text = doc.get("text").and_then(|t| t.as_str()).unwrap_or_default();
            let mut article = briefing::Document::unread(briefing::input::Article {
                source: "-".into(),
                body: text.to_string(),
                ..Default::default()
            });
            article.analysis = article
                .analyze_with(|t| briefing::analysis::analyze_with(t, usize::MAX / 4, tagger));
            let mut v = serde_json::to_value(briefing::output::JsonArticle::new(&article))?;
            if let (Some(obj), Some(id)) = (v.as_object_mut(), doc.get("id")) {
                obj.insert("id".into(), id.clone());
            }
            Ok(serde_json::to_string(&v)?)
        })
        .collect::<Result<_>>()?;
    std::fs::write(output, out.join("\n") + "\n")
        .with_context(|| format!("writing {}", output.display()))?;
    Ok(())
}
