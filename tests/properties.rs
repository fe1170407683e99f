//! Properties of extraction that hold for any text: no panic, every span inside
//! the text on char boundaries, statements ordered and disjoint, references that
//! resolve, and the same output every time.

use briefing::{Analysis, analyze};
use proptest::prelude::*;

/// Pieces of news prose and of everything that trips a parser, so that random
/// strings reach the engine's deeper paths (frames, names, pronouns, quotes).
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "''",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ", ",
    ". ",
    ": ",
    "; ",
    " — ",
    "(",
    ")",
    "said",
    "says",
    "told reporters",
    "added",
    "according to",
    "warned that",
    "he",
    "she",
    "they",
    "it was reported that",
    "Sen. Ana Ruiz (D-Ore.)",
    "Kremlin spokesman Dimitry Peskov",
    "Lavrov",
    "the Russian president",
    "officials",
    "a spokesperson for Google",
    "The",
    "We will",
    "I",
    "’90s",
    "rock ’n’ roll",
    "States’",
    "U.S.",
    "HOST:",
    "―",
    "who",
    "that",
    "but emphasized that",
    ", saying",
    "é",
    "😟",
    "👩‍👩‍👧",
    "e\u{301}",
    "中文",
    "\u{1b}[2J",
    "\t",
    "\r\n",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn check(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for s in &a.statements {
        for span in [Some(s.span), s.speaker_mention, s.cue]
            .into_iter()
            .flatten()
        {
            prop_assert!(
                span.start < span.end && span.end <= text.len(),
                "span {span:?} outside text"
            );
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        prop_assert!(
            s.span.start >= last_end,
            "statements overlap or are out of order"
        );
        last_end = s.span.end;
        if let Some(id) = s.speaker {
            prop_assert!(id < a.actors.len(), "speaker {id} is not an actor");
        }
    }
    for actor in &a.actors {
        prop_assert!(
            !actor.mentions.is_empty(),
            "actor {} has no mention",
            actor.name
        );
        for m in &actor.mentions {
            prop_assert!(m.start < m.end && m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        let count = a
            .statements
            .iter()
            .filter(|s| s.speaker.is_some_and(|id| a.actors[id].name == actor.name))
            .count();
        prop_assert!(count >= actor.statements);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text(text in any::<String>()) {
        let a = analyze(&text);
        check(&text, &a)?;
    }

    #[test]
    fn news_like_text(text in newsy()) {
        let a = analyze(&text);
        check(&text, &a)?;
        prop_assert_eq!(&a, &analyze(&text), "not deterministic");
    }
}
