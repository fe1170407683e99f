//! Exports for people: a Markdown briefing note grouped by speaker, and the
//! one-line attribution the reader copies to the clipboard. Both are for
//! people, so every string of an article in them (title, file name, names,
//! roles, statements) is one line with its controls shown, not obeyed.

use crate::analysis::StatementKind;
use crate::briefing::Briefing;
use crate::document::Document;
use crate::sanitize::inline;
use std::borrow::Cow;
use std::fmt::Write;

/// One statement's words on one line: white space runs become single spaces,
/// controls are shown, not obeyed (see [`crate::sanitize`]).
fn one_line(text: &str) -> String {
    inline(text.trim()).into_owned()
}

/// A quotation cut from its sentence ends with a full stop, not the comma that
/// led to its attribution: `“We will rebuild,”` becomes `“We will rebuild.”`.
fn tidy(kind: StatementKind, words: String) -> String {
    if kind != StatementKind::Direct {
        return words;
    }
    let mut chars: Vec<char> = words.chars().collect();
    let n = chars.len();
    if n >= 2 && chars[n - 2] == ',' && matches!(chars[n - 1], '”' | '"' | '’' | '\'' | '»') {
        chars[n - 2] = '.';
    }
    chars.into_iter().collect()
}

/// `“…” — Dmitry Peskov, Kremlin spokesman`: a statement with its attribution.
pub fn attribution_line(doc: &Document, statement: usize) -> String {
    let s = &doc.analysis.statements[statement];
    let words = one_line(&doc.read(s.span));
    let words = tidy(s.kind, words);
    match s.speaker.map(|a| &doc.analysis.actors[a]) {
        Some(actor) => match actor.roles.first() {
            Some(role) => format!("{words} — {}, {}", inline(&actor.name), inline(role)),
            None => format!("{words} — {}", inline(&actor.name)),
        },
        None => words,
    }
}

/// Which statements to include. The default, no speakers and no unattributed,
/// means everything.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Briefing actor ids.
    pub speakers: Vec<usize>,
    /// The statements nobody is named for.
    pub unattributed: bool,
}

impl Selection {
    fn everything(&self) -> bool {
        self.speakers.is_empty() && !self.unattributed
    }
}

/// A Markdown note: one section per speaker (most statements first), each
/// statement quoted with its article; unattributed statements last.
pub fn markdown(briefing: &Briefing, selection: &Selection) -> String {
    let mut out = String::new();
    let docs = &briefing.documents;
    let heading = match docs.len() {
        1 => inline(docs[0].display_title()).into_owned(),
        n => format!("{n} articles"),
    };
    let _ = writeln!(out, "# Who said what: {heading}\n");
    if docs.len() > 1 {
        for (i, d) in docs.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. *{}* ({})",
                i + 1,
                inline(d.display_title()),
                inline(&d.source)
            );
        }
        out.push('\n');
    }
    let mut speakers: Vec<usize> = (0..briefing.actors.len())
        .filter(|&g| briefing.actors[g].statements() > 0)
        .filter(|g| selection.everything() || selection.speakers.contains(g))
        .collect();
    speakers.sort_by_key(|&g| (std::cmp::Reverse(briefing.actors[g].statements()), g));
    let cite = |d: usize| {
        if docs.len() > 1 {
            format!(" — *{}*", inline(docs[d].display_title()))
        } else {
            String::new()
        }
    };
    for g in speakers {
        let actor = &briefing.actors[g];
        let _ = writeln!(out, "## {}\n", inline(&actor.name));
        if !actor.roles.is_empty() {
            let roles: Vec<Cow<'_, str>> = actor.roles.iter().map(|r| inline(r)).collect();
            let _ = writeln!(out, "*{}*\n", roles.join("; "));
        }
        for (d, i) in briefing.statements_of(g) {
            let s = &docs[d].analysis.statements[i];
            let words = tidy(s.kind, one_line(&docs[d].read(s.span)));
            let kind = match s.kind {
                StatementKind::Direct => "",
                StatementKind::Mixed => " (partly quoted)",
                StatementKind::Indirect => " (reported)",
            };
            let _ = writeln!(out, "- {words}{kind}{}", cite(d));
        }
        out.push('\n');
    }
    if selection.everything() || selection.unattributed {
        let unattributed: Vec<(usize, usize)> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.analysis
                    .statements
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.speaker.is_none())
                    .map(move |(i, _)| (d, i))
            })
            .collect();
        if !unattributed.is_empty() {
            out.push_str("## Unattributed\n\n");
            for (d, i) in unattributed {
                let s = &docs[d].analysis.statements[i];
                let _ = writeln!(out, "- {}{}", one_line(&docs[d].read(s.span)), cite(d));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_line_has_name_and_role() {
        let doc = Document::new("a", "“We will rebuild,” Mayor Ana Ruiz said.");
        assert_eq!(
            attribution_line(&doc, 0),
            "“We will rebuild.” — Ana Ruiz, Mayor"
        );
    }

    #[test]
    fn note_groups_by_speaker_across_articles() {
        let b = Briefing::new(vec![
            Document::new(
                "a.txt",
                "Storm hits port\n\nTom Berg said the quay flooded. “We lost power,” he added.",
            ),
            Document::new(
                "b.txt",
                "Port reopens\n\n“We are back,” Tom Berg said. The cost was high, Ana Ruiz said.",
            ),
        ]);
        let note = markdown(&b, &Selection::default());
        let berg = note.find("## Tom Berg").expect("Berg section");
        let ruiz = note.find("## Ana Ruiz").expect("Ruiz section");
        assert!(berg < ruiz, "most statements first:\n{note}");
        assert!(
            note.contains("- the quay flooded (reported) — *Storm hits port*"),
            "{note}"
        );
        assert!(note.contains("- “We are back.” — *Port reopens*"), "{note}");
        let ruiz = b.actors.iter().position(|a| a.name == "Ana Ruiz").unwrap();
        let only_ruiz = Selection {
            speakers: vec![ruiz],
            unattributed: false,
        };
        let note = markdown(&b, &only_ruiz);
        assert!(
            !note.contains("Tom Berg") && note.contains("Ana Ruiz"),
            "{note}"
        );
        assert!(!note.contains("## Unattributed"), "{note}");
        let b = Briefing::new(vec![Document::new(
            "c.txt",
            "It was reported that the quay flooded. Ana Ruiz said it had not.",
        )]);
        let only_unattributed = Selection {
            speakers: vec![],
            unattributed: true,
        };
        let note = markdown(&b, &only_unattributed);
        assert!(
            note.contains("## Unattributed") && !note.contains("## Ana Ruiz"),
            "{note}"
        );
    }
}
