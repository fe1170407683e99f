//! Best-of-five extraction throughput, for quick checks while tuning:
//! `cargo run --release --example throughput -- article.txt`, or on generated
//! news: `cargo run --release --example throughput -- --generated 4` (MB).
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let text = match args.next().as_deref() {
        Some("--generated") => {
            let mb: usize = args
                .next()
                .and_then(|m| m.parse().ok())
                .expect("usage: throughput --generated MB");
            briefing::analysis::corpus::articles(mb << 20, 1).join("")
        }
        Some(path) => std::fs::read_to_string(path).expect("readable UTF-8 file"),
        None => panic!("usage: throughput FILE | --generated MB"),
    };
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
