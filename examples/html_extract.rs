//! Prints the article of a saved HTML page as JSON: `{"title","byline","date","text"}`.
//!
//! `cargo run --release --example html_extract -- page.html`

use briefing::input::html;

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: html_extract PAGE.html");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("html_extract: {}: {e}", path.to_string_lossy());
            std::process::exit(1);
        }
    };
    let a = html::extract_bytes(&bytes);
    let out = serde_json::json!({
        "title": a.title,
        "byline": a.byline,
        "date": a.date,
        "text": a.text,
    });
    println!("{out}");
}
