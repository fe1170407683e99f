//! The bundled sample article end to end: every statement, its kind and speaker,
//! and the actors with their roles.

use StatementKind::{Direct, Indirect, Mixed};
use briefing::{ActorKind, StatementKind, analyze, input::SAMPLE};

/// The one statement the sample's annotation leaves optional besides "there
/// is still a chance for diplomacy": the ask the US dismissed "as a
/// non-starter", which a reading may take as a statement or not.
fn optional(s: &briefing::Statement) -> bool {
    SAMPLE[s.span.range()].ends_with("as a non-starter")
}

#[test]
fn sample_statements_and_speakers() {
    let a = analyze(SAMPLE);
    let got: Vec<(StatementKind, &str, &str)> = a
        .statements
        .iter()
        .filter(|s| !optional(s))
        .map(|s| {
            let who = s.speaker.map_or("-", |id| a.actors[id].short_name());
            // "that" before a quotation may open a content or not.
            let words = &SAMPLE[s.span.range()];
            let words = words.strip_prefix("that ").unwrap_or(words);
            (
                s.kind,
                who,
                words.get(..words.len().min(24)).unwrap_or(words),
            )
        })
        .collect();
    let want: [(StatementKind, &str, &str); 21] = [
        (Mixed, "Peskov", "The United States’ rej"),
        (Indirect, "Peskov", "there is still a chance "),
        (Indirect, "Blinken", "the written response had "),
        (Mixed, "Blinken", "the US would stand by it"),
        (Direct, "Blinken", "“Right now, the docume"),
        (Indirect, "Peskov", "the responses from the US"),
        (Direct, "Peskov", "“Based on what our coll"),
        (Direct, "Peskov", "“there always are prosp"),
        (Indirect, "Putin", "the US and its allies dra"),
        (Indirect, "Blinken", "both expressed a willing"),
        (Mixed, "Lavrov", "the US response contains"),
        (Mixed, "Lavrov", "“the document contains "),
        (Indirect, "Lavrov", "The American answer has "),
        (Mixed, "Putin", "there would be a “milit"),
        (Indirect, "Putin", "the US and NATO were prov"),
        (Direct, "Putin", "“Russia has been forced"),
        (Direct, "Putin", "“The situation kept wor"),
        (Indirect, "Kuleba", "Moscow and Kiev would lik"),
        (Indirect, "Kuleba", "Ukraine was preparing for"),
        (Indirect, "Kuleba", "Russia was currently work"),
        (Direct, "Kuleba", "“We understand that a m"),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0, g.1), (w.0, w.1), "statement {:?}", g.2);
        assert!(
            w.2.starts_with(g.2) || g.2.starts_with(w.2.trim_end()),
            "{:?} vs {:?}",
            g.2,
            w.2
        );
    }
}

#[test]
fn sample_actors_and_roles() {
    let a = analyze(SAMPLE);
    let person = |surname: &str| {
        a.actors
            .iter()
            .find(|x| x.short_name() == surname)
            .unwrap_or_else(|| panic!("no {surname}"))
    };
    for (surname, role, count) in [
        ("Peskov", "Kremlin spokesman", 5),
        ("Blinken", "Secretary of State", 4),
        ("Putin", "Russian President", 5),
        ("Lavrov", "Russian Foreign Minister", 3),
        ("Kuleba", "Ukrainian Foreign Minister", 4),
    ] {
        let p = person(surname);
        assert_eq!(p.kind, ActorKind::Person, "{surname}");
        assert_eq!(p.roles.first().map(String::as_str), Some(role), "{surname}");
        let id = a.actors.iter().position(|x| std::ptr::eq(x, p));
        let optional = a
            .statements
            .iter()
            .filter(|s| optional(s) && s.speaker == id)
            .count();
        assert_eq!(p.statements - optional, count, "{surname}");
    }
    // "he told reporters", "the Russian president", "He also claimed" are mentions too.
    assert!(person("Putin").mentions.len() >= 4);
    // Places and organisations are actors that only get mentioned.
    for name in ["NATO", "United States", "Moscow"] {
        let x = a
            .actors
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("no {name}"));
        assert_eq!(x.statements, 0);
    }
    // Five speakers, no more: "With Post wires" names no one.
    assert_eq!(a.actors.iter().filter(|x| x.statements > 0).count(), 5);
}

/// Long texts are read in chunks; the result must be the same as in one piece.
#[test]
fn chunked_reading_changes_nothing() {
    let text = [SAMPLE; 6].join("\n\n");
    let whole = briefing::analysis::analyze_in_chunks(&text, usize::MAX / 4);
    let chunked = briefing::analysis::analyze_in_chunks(&text, 2000);
    let said = |a: &briefing::Analysis| -> Vec<(usize, usize, String, briefing::StatementKind)> {
        a.statements
            .iter()
            .map(|s| {
                (
                    s.span.start,
                    s.span.end,
                    s.speaker
                        .map_or(String::new(), |id| a.actors[id].name.clone()),
                    s.kind,
                )
            })
            .collect()
    };
    assert_eq!(said(&chunked), said(&whole));
    let actors = |a: &briefing::Analysis| -> Vec<(String, usize, usize)> {
        let mut v: Vec<_> = a
            .actors
            .iter()
            .map(|x| (x.name.clone(), x.mentions.len(), x.statements))
            .collect();
        v.sort();
        v
    };
    assert_eq!(actors(&chunked), actors(&whole));
}
