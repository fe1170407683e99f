//! Extraction throughput on real-shaped news: the texts of PolNeAR's training
//! split when the evaluation data sits beside the project
//! (`../shared/eval/polnear-train.jsonl`), else generated articles of varied
//! names, quotes and reported speech ([`briefing::analysis::corpus`]). Each is
//! measured as one text of 1 MB and of 4 MB: four times the text should take
//! about four times as long.
//!
//! `cargo bench --bench extract`

use briefing::analysis::corpus;
use briefing::analyze;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Real news texts, one per article, if the evaluation data is at hand.
fn real_news() -> Option<Vec<String>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/polnear-train.jsonl"
    );
    let data = std::fs::read_to_string(path).ok()?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// About `bytes` of articles, cycling through them, apart by blank lines.
fn joined(articles: &[String], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 8192);
    for a in articles.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(a.trim_end());
        text.push_str("\n\n");
    }
    text
}

fn extraction(c: &mut Criterion) {
    let (name, articles) = match real_news() {
        Some(texts) => ("real news", texts),
        None => ("generated news", corpus::articles(4 << 20, 1)),
    };
    let mut group = c.benchmark_group(format!("extract {name}"));
    group.sample_size(10);
    for mb in [1usize, 4] {
        let text = joined(&articles, mb << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, text| b.iter(|| analyze(black_box(text))),
        );
    }
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
