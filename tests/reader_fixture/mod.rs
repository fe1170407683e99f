//! A small article with a hand-made analysis, so reader tests do not depend on what
//! the engine (which changes) finds. Shared by the `reader_*` tests.
#![allow(dead_code)]

use briefing::{Actor, ActorKind, Analysis, Document, Span, Statement, StatementKind};

pub const TEXT: &str = "Harbour plan divides the council
Mayor Ana Ruiz said the new harbour plan would “bring jobs back to the waterfront.”
The opposition leader, Tom Berg, argued that the costs had been hidden from voters. “We were never shown the real numbers,” Berg said.

Port director Lena Okafor declined to take sides but said the dredging could start in May.
Ruiz added that a public hearing would follow. “Nobody will be left out,” she said.
";

/// The byte span of the `nth` occurrence of `needle` in [`TEXT`].
pub fn span_of(needle: &str, nth: usize) -> Span {
    let mut from = 0;
    for _ in 0..nth {
        from += TEXT[from..].find(needle).expect(needle) + needle.len();
    }
    let start = from + TEXT[from..].find(needle).expect(needle);
    Span::new(start, start + needle.len())
}

fn statement(
    kind: StatementKind,
    text: &str,
    speaker: usize,
    mention: (&str, usize),
    cue: (&str, usize),
) -> Statement {
    Statement {
        kind,
        span: span_of(text, 0),
        speaker: Some(speaker),
        speaker_mention: Some(span_of(mention.0, mention.1)),
        cue: Some(span_of(cue.0, cue.1)),
    }
}

fn actor(
    name: &str,
    kind: ActorKind,
    role: Option<&str>,
    mentions: &[(&str, usize)],
    statements: usize,
) -> Actor {
    Actor {
        name: name.into(),
        kind,
        roles: role.map(|r| vec![r.to_string()]).unwrap_or_default(),
        aliases: Vec::new(),
        mentions: mentions.iter().map(|&(m, n)| span_of(m, n)).collect(),
        gender: None,
        statements,
    }
}

pub fn analysis() -> Analysis {
    use StatementKind::*;
    Analysis {
        title: Some("Harbour plan divides the council".into()),
        actors: vec![
            actor(
                "Ana Ruiz",
                ActorKind::Person,
                Some("Mayor"),
                &[("Ana Ruiz", 0), ("Ruiz", 1), ("she", 0)],
                3,
            ),
            actor(
                "Tom Berg",
                ActorKind::Person,
                Some("opposition leader"),
                &[("Tom Berg", 0), ("Berg", 1)],
                2,
            ),
            actor(
                "Lena Okafor",
                ActorKind::Person,
                Some("Port director"),
                &[("Lena Okafor", 0)],
                1,
            ),
            actor(
                "the council",
                ActorKind::Organization,
                None,
                &[("the council", 0)],
                0,
            ),
        ],
        statements: vec![
            statement(
                Mixed,
                "the new harbour plan would “bring jobs back to the waterfront.”",
                0,
                ("Mayor Ana Ruiz", 0),
                ("said", 0),
            ),
            statement(
                Indirect,
                "the costs had been hidden from voters",
                1,
                ("The opposition leader, Tom Berg", 0),
                ("argued", 0),
            ),
            statement(
                Direct,
                "“We were never shown the real numbers,”",
                1,
                ("Berg", 1),
                ("said", 1),
            ),
            statement(
                Indirect,
                "the dredging could start in May",
                2,
                ("Port director Lena Okafor", 0),
                ("said", 2),
            ),
            statement(
                Indirect,
                "a public hearing would follow",
                0,
                ("Ruiz", 1),
                ("added", 0),
            ),
            statement(
                Direct,
                "“Nobody will be left out,”",
                0,
                ("she", 0),
                ("said", 3),
            ),
        ],
        ..Analysis::default()
    }
}

/// The fixture as a document.
pub fn document() -> Document {
    Document {
        source: "harbour.txt".into(),
        text: TEXT.into(),
        analysis: analysis(),
    }
}
