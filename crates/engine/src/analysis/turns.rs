//! Speaker labels of transcripts and interviews: a paragraph that opens with a
//! name and a colon ("PENCE: Well, look, ...") is that speaker's turn.

use super::tokens::{Paragraph, Token, TokenKind, flag};
use crate::lexicon::{KnownKind, class, lexicon};

/// Words that open a paragraph with a colon without naming a speaker.
const NOT_SPEAKERS: [&str; 16] = [
    "update",
    "note",
    "editor",
    "correction",
    "related",
    "watch",
    "photo",
    "video",
    "source",
    "sources",
    "warning",
    "breaking",
    "read",
    "see",
    "more",
    "transcript",
];

/// A speaker label at the start of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turn {
    /// Token range of the name.
    pub label: (usize, usize),
    /// Token index of the colon.
    pub colon: usize,
}

const MAX_LABEL_WORDS: usize = 4;
const MIN_TURN_WORDS: usize = 3;

/// The speaker label that opens paragraph `p`, if any: an optional quotation mark,
/// one to four capitalised words (all in capitals, or a name), a colon, then speech.
pub fn speaker_turn(text: &str, tokens: &[Token], p: &Paragraph) -> Option<Turn> {
    let mut i = p.first_token;
    if i < p.end_token && matches!(tokens[i].kind, TokenKind::Quote(_)) {
        i += 1;
    }
    let first = i;
    while i < p.end_token && i - first < MAX_LABEL_WORDS && tokens[i].kind == TokenKind::Word {
        i += 1;
    }
    let colon = i;
    if colon == first || colon >= p.end_token || &text[tokens[colon].range()] != ":" {
        return None;
    }
    let words = &tokens[first..colon];
    let all_caps = words
        .iter()
        .all(|t| t.has(flag::ALL_CAPS) || text[t.range()].len() <= 3 && t.has(flag::CAPITALIZED));
    let name_like = words
        .iter()
        .all(|t| t.has(flag::CAPITALIZED) && !t.is(class::FUNCTION))
        && (words[0].is(class::FIRST_NAME | class::TITLE) || words.len() == 1);
    if !(all_caps && words.iter().any(|t| t.has(flag::ALL_CAPS)) || name_like) {
        return None;
    }
    let label = &text[tokens[first].start as usize..tokens[colon - 1].end as usize];
    let lower = label.to_lowercase();
    if NOT_SPEAKERS.iter().any(|w| lower.starts_with(w))
        || lexicon()
            .known(label)
            .is_some_and(|k| k.kind == KnownKind::Place)
    {
        return None;
    }
    let speech = tokens[colon + 1..p.end_token]
        .iter()
        .filter(|t| t.is_word())
        .count();
    // An address is no speech, however many words it holds: "EMAIL: desk@paper.com".
    let after = text[tokens[colon].end as usize..p.end].trim();
    let address = !after.contains(char::is_whitespace);
    (speech >= MIN_TURN_WORDS && !address).then_some(Turn {
        label: (first, colon),
        colon,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn label(text: &str) -> Option<String> {
        let (tokens, paras) = tokenize(text);
        speaker_turn(text, &tokens, &paras[0]).map(|t| {
            text[tokens[t.label.0].start as usize..tokens[t.label.1 - 1].end as usize].to_string()
        })
    }

    #[test]
    fn transcript_labels() {
        assert_eq!(
            label("HOST: Welcome back to the show, everyone.").as_deref(),
            Some("HOST")
        );
        assert_eq!(
            label("\"MARTHA KENT: I never said that to anyone.").as_deref(),
            Some("MARTHA KENT")
        );
        assert_eq!(
            label("Maria: We stayed until the very end.").as_deref(),
            Some("Maria")
        );
    }

    #[test]
    fn headings_with_colons_are_not_turns() {
        assert_eq!(label("UPDATE: The road has reopened to traffic."), None);
        assert_eq!(label("Partial transcript as follows:"), None);
        assert_eq!(
            label("The plan has three parts: taxes, roads and schools."),
            None
        );
        // An address is no speech.
        assert_eq!(label("EMAIL: letters@riverton-daily.example.com."), None);
    }
}
