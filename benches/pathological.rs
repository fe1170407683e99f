//! Extraction time on text shaped to break naive parsers, at 1 MB and 4 MB:
//! each shape's time should grow four-fold, not sixteen-fold.
//!
//! `cargo bench --bench pathological`

use briefing::analysis::pathological::SHAPES;
use briefing::analyze;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, make) in SHAPES {
        for mb in [1usize, 4] {
            let text = make(mb << 20);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, format!("{mb}MB")), &text, |b, t| {
                b.iter(|| analyze(black_box(t)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, pathological);
criterion_main!(benches);
