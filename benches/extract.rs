//! Extraction throughput on news text: the bundled sample repeated to 1 MB and
//! 10 MB. Throughput should stay the same at both sizes (linear scaling).
//!
//! `cargo bench --bench extract`

use briefing::{analyze, cli::SAMPLE};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn news_text(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + SAMPLE.len());
    while text.len() < bytes {
        text.push_str(SAMPLE);
        text.push('\n');
    }
    text
}

fn extraction(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for mb in [1usize, 10] {
        let text = news_text(mb << 20);
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
