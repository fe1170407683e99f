//! Best-of-five extraction throughput on a file, for quick checks while tuning:
//! `cargo run --release --example throughput -- article.txt`
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: throughput FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let analysis = briefing::analyze(&text);
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(analysis);
    }
    let mb = text.len() as f64 / (1 << 20) as f64;
    println!("{mb:.1} MB in {:.1} ms: {:.1} MB/s", best * 1e3, mb / best);
}
