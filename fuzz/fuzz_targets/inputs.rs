//! Every input format on arbitrary bytes: loading never panics, and whatever
//! loads can be analysed.
#![no_main]

use briefing::input::{InputFormat, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format (or sniffing), the rest is the file.
    let Some((&pick, bytes)) = data.split_first() else { return };
    let format = match pick % 5 {
        0 => None,
        1 => Some(InputFormat::Text),
        2 => Some(InputFormat::Markdown),
        3 => Some(InputFormat::Html),
        _ => Some(InputFormat::Json),
    };
    if let Ok(articles) = parse_bytes(bytes, "fuzz", format) {
        for article in articles {
            let doc = briefing::Document::from_article(article);
            assert!(doc.analysis.statements.iter().all(|s| s.span.end <= doc.text.len()));
        }
    }
});
