//! Best-of-five extraction throughput, for quick checks while tuning:
//! `cargo run --release --example throughput -- article.txt`, or on generated
//! news: `cargo run --release --example throughput -- --generated 4` (MB).
//!
//! `--write-generated MB` prints the generated news as JSON Lines
//! (`{"id", "text"}`), the batch input of `scripts/speed.sh` where PolNeAR is
//! not at hand.
use std::io::Write;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    let mut megabytes = |flag: &str| -> usize {
        args.next()
            .and_then(|m| m.parse().ok())
            .unwrap_or_else(|| usage(&format!("{flag} needs a size in MB")))
    };
    let text = match first.as_deref() {
        Some("--generated") => {
            briefing::analysis::corpus::articles(megabytes("--generated") << 20, 1).join("")
        }
        Some("--write-generated") => {
            let articles =
                briefing::analysis::corpus::articles(megabytes("--write-generated") << 20, 1);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for (id, text) in articles.iter().enumerate() {
                let line = serde_json::json!({ "id": format!("generated-{id}"), "text": text });
                if writeln!(out, "{line}").is_err() {
                    return; // a closed pipe: the reader has what it wanted
                }
            }
            return;
        }
        Some(path) => std::fs::read_to_string(path)
            .unwrap_or_else(|e| usage(&format!("cannot read {path} as UTF-8 text: {e}"))),
        None => usage("no input"),
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

fn usage(problem: &str) -> ! {
    eprintln!(
        "throughput: {problem}\nusage: throughput FILE | --generated MB | --write-generated MB"
    );
    std::process::exit(2)
}
