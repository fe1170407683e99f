//! A look inside the rule stages, for working on the engine: each sentence
//! with the names and the rule frames found in it.

use super::frames::{self, FrameFinder};
use super::mentions::NameFinder;
use super::{quotes, sentences, tokens};

/// The intermediate stages, for working on the engine: each sentence with the
/// frames found in it (speaker phrase, cue, contents).
pub fn explain(text: &str) -> String {
    use std::fmt::Write;
    let (tokens, paragraphs) = tokens::tokenize(text);
    let quotes = quotes::find_quotes(text, &tokens, &paragraphs);
    let sentences = sentences::split_sentences(text, &tokens, &paragraphs, &quotes);
    let finder = FrameFinder {
        text,
        tokens: &tokens,
        quotes: &quotes,
    };
    let span = |a: usize, b: usize| {
        if a >= b {
            String::new()
        } else {
            text[tokens[a].start as usize..tokens[b - 1].end as usize].to_string()
        }
    };
    let names_finder = NameFinder::new(text, &tokens);
    let mut out = String::new();
    for (k, s) in sentences.iter().enumerate() {
        let _ = writeln!(out, "S{k} p{}: {}", s.paragraph, span(s.first, s.end));
        let mut names = Vec::new();
        names_finder.sentence_names(s, false, &mut names);
        for m in &names {
            let _ = writeln!(
                out,
                "   name {:?} role {:?} {:?}{}",
                span(m.name_first, m.end),
                span(m.first, m.name_first),
                m.class,
                if m.weak { " weak" } else { "" }
            );
        }
        let mut frames = Vec::new();
        finder.sentence_frames(k, s, &mut frames);
        for f in &frames {
            let who = match f.speaker {
                Some(frames::Speaker::Phrase(p)) => {
                    format!("{:?} {:?}", p.kind, span(p.first, p.end))
                }
                Some(frames::Speaker::SameAs(i)) => format!("same as #{i}"),
                Some(frames::Speaker::Unstated) => "unstated".into(),
                None => "-".into(),
            };
            let _ = writeln!(out, "   cue {:?} speaker {who}", span(f.cue.0, f.cue.1));
            for &(a, b) in &f.contents {
                let _ = writeln!(out, "      -> {:?}", span(a, b));
            }
        }
    }
    out
}
