//! Extraction time on text shaped to break naive parsers, at 1 MB and 4 MB:
//! each shape's time should grow four-fold, not sixteen-fold. Then hostile
//! inputs outside the engine at two sizes, four-fold apart: pages of nested
//! `<div>`s and of attributes (html5ever alone is quadratic there), and a
//! pasted query searched in an article.
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

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for n in [25_000usize, 100_000] {
        let deep = format!(
            "<html><body>{}<p>The port will reopen, Ana Ruiz said.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        group.bench_with_input(BenchmarkId::new("nested divs", n), &deep, |b, page| {
            b.iter(|| briefing::input::html::extract(black_box(page)))
        });
        let attrs: String = (0..n).map(|k| format!(" data-a{k}=\"{k}\"")).collect();
        let wide =
            format!("<html><body><p{attrs}>The quay is closed, Tom Berg said.</p></body></html>");
        group.bench_with_input(BenchmarkId::new("attributes", n), &wide, |b, page| {
            b.iter(|| briefing::input::html::extract(black_box(page)))
        });
    }
    let text = "Ça va, the harbour plan would bring jobs back, Zoë said. ".repeat(20_000);
    let folded = briefing::tui::search::Folded::new(&text);
    for kb in [25usize, 100] {
        let query = "ça va, the harbour plan would bring jobs back ".repeat(kb * 1024 / 47);
        group.bench_with_input(
            BenchmarkId::new("pasted query", format!("{kb}KB")),
            &query,
            |b, q| b.iter(|| folded.find(black_box(&text), black_box(q))),
        );
    }
    group.finish();
}

criterion_group!(benches, pathological, hostile);
criterion_main!(benches);
