//! Who spoke last, for quotations no cue attributes: the speakers of the last
//! paragraphs that held speech (carried from chunk to chunk), whom an
//! unattributed quotation continues or answers; and whether a text reads as a
//! conversation, where turns alternate more freely.

use super::actors::Attribution;
use super::quotes::Quote;
use super::tokens::{Paragraph, Token};

/// The speakers of the last two paragraphs that held speech: whom an
/// unattributed quotation continues or answers.
#[derive(Clone, Copy, Default)]
pub(super) struct Turns {
    pub(super) last: Option<Spoken>,
    pub(super) before: Option<Spoken>,
}

/// A paragraph that held speech, and who spoke in it.
#[derive(Clone, Copy)]
pub(super) struct Spoken {
    pub(super) who: Attribution,
    pub(super) paragraph: usize,
    /// The paragraph opens with a quotation: a line of dialogue.
    pub(super) dialogue: bool,
}

impl Turns {
    /// `who` spoke in `paragraph`, in a line of dialogue or not.
    pub(super) fn record(&mut self, who: Attribution, paragraph: usize, dialogue: bool) {
        match &mut self.last {
            Some(last) if last.paragraph == paragraph => last.who = who,
            _ => {
                self.before = self.last;
                self.last = Some(Spoken {
                    who,
                    paragraph,
                    dialogue,
                });
            }
        }
    }

    /// In a dialogue of alternating lines (A, then B, then an unattributed line
    /// in the next paragraph), the unattributed line is A's answer. News keeps a
    /// speaker over paragraphs, so outside a conversation this needs three
    /// paragraphs in a row that each hold a line of dialogue; in one, lines of
    /// narration may come between the turns.
    pub(super) fn answerer(&self, paragraph: usize, conversation: bool) -> Option<Attribution> {
        const NARRATION_BETWEEN: usize = 2;
        let (last, before) = (self.last?, self.before?);
        let in_turn = if conversation {
            last.paragraph + 1 + NARRATION_BETWEEN >= paragraph
                && before.paragraph + 1 + 2 * NARRATION_BETWEEN >= last.paragraph
        } else {
            before.dialogue && last.paragraph + 1 == paragraph && before.paragraph + 2 == paragraph
        };
        (last.dialogue
            && in_turn
            && before.who.actor.is_some()
            && last.who.actor.is_some()
            && before.who.actor != last.who.actor)
            .then_some(before.who)
    }
}

/// Does the text read as a conversation? Fiction and dialogue scenes have many
/// short paragraphs that are a quotation and nothing else ("“What is his
/// name?”"); news has few, even where it quotes at length.
pub(super) fn is_conversation(
    tokens: &[Token],
    paragraphs: &[Paragraph],
    quotes: &[Quote],
) -> bool {
    const LINE_WORDS: usize = 15;
    const MIN_LINES: usize = 4;
    let lines = paragraphs
        .iter()
        .filter(|p| {
            let k = quotes.partition_point(|q| q.open < p.first_token);
            quotes.get(k).is_some_and(|q| {
                q.open == p.first_token
                    && q.end_token == p.end_token
                    && q.close.is_some()
                    && tokens[q.inner()].iter().filter(|t| t.is_word()).count() <= LINE_WORDS
            })
        })
        .count();
    lines >= MIN_LINES && lines * 100 >= paragraphs.len() * 15
}
