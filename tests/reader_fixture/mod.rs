//! A small article with a hand-made analysis, so reader tests do not depend on what
//! the engine (which changes) finds. Shared by the `reader_*` tests.
#![allow(dead_code)]

use briefing::{Actor, ActorKind, Analysis, Document, Mode, Span, Statement, StatementKind};

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
    let mut s = Statement::new(kind, Mode::Speech, span_of(text, 0));
    s.speaker = Some(speaker);
    s.speaker_mention = Some(span_of(mention.0, mention.1));
    s.cue = Some(span_of(cue.0, cue.1));
    s
}

fn actor(
    name: &str,
    kind: ActorKind,
    role: Option<&str>,
    mentions: &[(&str, usize)],
    statements: usize,
) -> Actor {
    let mut actor = Actor::named(name, kind);
    actor.roles = role.map(|r| vec![r.to_string()]).unwrap_or_default();
    actor.mentions = mentions.iter().map(|&(m, n)| span_of(m, n)).collect();
    actor.statements = statements;
    actor
}

pub fn analysis() -> Analysis {
    use StatementKind::*;
    let mut analysis = Analysis::new(
        vec![
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
        vec![
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
    );
    analysis.title = Some("Harbour plan divides the council".into());
    analysis
}

/// The fixture as a document.
pub fn document() -> Document {
    Document {
        source: "harbour.txt".into(),
        text: TEXT.into(),
        analysis: analysis(),
        ..Document::default()
    }
}

/// `text` with one indirect statement over `span` (bytes) by the fixture's
/// first actor: for articles that test the screen, not the engine.
pub fn one_statement(source: &str, text: &str, span: std::ops::Range<usize>) -> Document {
    let mut analysis = Analysis::default();
    analysis.actors.push(self::analysis().actors[0].clone());
    let mut statement = Statement::new(
        StatementKind::Indirect,
        Mode::Speech,
        Span::new(span.start, span.end),
    );
    statement.speaker = Some(0);
    analysis.statements.push(statement);
    Document {
        source: source.into(),
        text: text.into(),
        analysis,
        ..Document::default()
    }
}

// ----- a briefing of three articles ------------------------------------------------------

/// The first occurrence of `needle` in `text` (at or after byte `from`).
fn find_in(text: &str, needle: &str, from: usize) -> Span {
    let start = from + text[from..].find(needle).expect(needle);
    Span::new(start, start + needle.len())
}

/// An article with a hand-made analysis: actors as (name, kind, role), their
/// mentions found by the name's last word; statements as (kind, text, speaker).
pub fn made(
    source: &str,
    text: &str,
    meta: (Option<&str>, Option<&str>, Option<&str>),
    actors: &[(&str, ActorKind, Option<&str>)],
    statements: &[(StatementKind, &str, Option<usize>)],
) -> Document {
    let actors: Vec<Actor> = actors
        .iter()
        .enumerate()
        .map(|(i, &(name, kind, role))| {
            let word = name.split_whitespace().next_back().unwrap();
            let mentions = text
                .match_indices(word)
                .map(|(at, w)| Span::new(at, at + w.len()))
                .collect();
            let mut actor = Actor::named(name, kind);
            actor.roles = role.map(|r| vec![r.to_string()]).unwrap_or_default();
            actor.mentions = mentions;
            actor.statements = statements.iter().filter(|s| s.2 == Some(i)).count();
            actor
        })
        .collect();
    let mut from = 0;
    let statements = statements
        .iter()
        .map(|&(kind, words, speaker)| {
            let span = find_in(text, words, from);
            from = span.end;
            let mut statement = Statement::new(kind, Mode::Speech, span);
            statement.speaker = speaker;
            statement
        })
        .collect();
    Document {
        source: source.into(),
        text: text.into(),
        analysis: {
            let mut analysis = Analysis::new(actors, statements);
            analysis.title = meta.0.map(str::to_string);
            analysis.byline = meta.1.map(str::to_string);
            analysis.date = meta.2.map(str::to_string);
            analysis
        },
        ..Document::default()
    }
}

pub const DREDGING: &str = "Dredging contract signed for the harbour

The port authority signed a dredging contract on Tuesday. Port director Lena Okafor said the work would take eleven weeks. “The channel has silted up faster than anyone expected,” Okafor said.

Mayor Ruiz said the city would cover a third of the cost.
";

pub const HEARING: &str = "Hearing on the harbour draws a crowd

More than two hundred residents came to the public hearing on Thursday. “Everyone who wanted to speak was heard,” Mayor Ana Ruiz said. Ruiz promised a second hearing in the autumn.

Tom Berg said the numbers still did not add up. Some residents said the plan came too late.
";

/// Three articles on one story. Ana Ruiz speaks in all three (3, 1 and 2
/// statements; the second calls her "Ruiz" alone), Lena Okafor in the first two
/// (1, 2), Tom Berg in the first and third (2, 1); the third has a statement
/// without a speaker.
pub fn three_articles() -> Vec<Document> {
    use StatementKind::*;
    let dredging = made(
        "dredging.txt",
        DREDGING,
        (
            Some("Dredging contract signed for the harbour"),
            Some("Mara Lind"),
            Some("2024-03-05"),
        ),
        &[
            ("Lena Okafor", ActorKind::Person, Some("Port director")),
            ("Ruiz", ActorKind::Person, Some("Mayor")),
            ("port authority", ActorKind::Organization, None),
        ],
        &[
            (Indirect, "the work would take eleven weeks", Some(0)),
            (
                Direct,
                "“The channel has silted up faster than anyone expected,”",
                Some(0),
            ),
            (
                Indirect,
                "the city would cover a third of the cost",
                Some(1),
            ),
        ],
    );
    let hearing = made(
        "hearing.txt",
        HEARING,
        (Some("Hearing on the harbour draws a crowd"), None, None),
        &[
            ("Ana Ruiz", ActorKind::Person, Some("Mayor")),
            ("Tom Berg", ActorKind::Person, None),
        ],
        &[
            (Direct, "“Everyone who wanted to speak was heard,”", Some(0)),
            (Indirect, "a second hearing in the autumn", Some(0)),
            (Indirect, "the numbers still did not add up", Some(1)),
            (Indirect, "the plan came too late", None),
        ],
    );
    vec![document(), dredging, hearing]
}
