//! The rule stages, run in order over a text: tokens and paragraphs,
//! quotations, sentences, the article's layout, names, and the frames the
//! hand-written rules find. Together they are the evidence the tagger reads
//! and the candidates it chooses among.

use super::frames::{Frame, FrameFinder};
use super::mentions::{MidCaps, NameFinder, NameMention};
use super::quotes::{Quote, quote_at};
use super::sentences::Sentence;
use super::structure::ArticleLayout;
use super::tokens::{Paragraph, Token};
use super::{quotes, sentences, structure, tokens, turns};

/// What the rule stages find in a text: the evidence the model reads and the
/// candidates it chooses among.
pub(crate) struct Evidence<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quote>,
    pub sentences: Vec<Sentence>,
    pub layout: ArticleLayout,
    pub names: Vec<NameMention>,
    /// What the name finder learnt of the text's capitals.
    pub mid_caps: MidCaps,
    /// Frames found by the hand-written rules, in text order.
    pub frames: Vec<Frame>,
}

impl<'a> Evidence<'a> {
    /// Tokens, quotations, sentences, layout, names and rule frames of a text.
    pub fn gather(text: &'a str) -> Evidence<'a> {
        let (tokens, paragraphs) = tokens::tokenize(text);
        let quotes = quotes::find_quotes(text, &tokens, &paragraphs);
        let sentences = sentences::split_sentences(text, &tokens, &paragraphs, &quotes);
        let layout = structure::detect(text, &tokens, &paragraphs);
        let names_finder = NameFinder::new(text, &tokens);
        let mut names = Vec::new();
        let frame_finder = FrameFinder {
            text,
            tokens: &tokens,
            quotes: &quotes,
        };
        let mut frames = Vec::new();
        let mut turn_labels = Vec::new();
        let mut turn_paragraph = None;
        let mut headline = (usize::MAX, false); // (paragraph, is it in title case)
        for (k, s) in sentences.iter().enumerate() {
            if layout.is_metadata(s.paragraph) {
                continue;
            }
            let p = &paragraphs[s.paragraph];
            if headline.0 != s.paragraph {
                headline = (
                    s.paragraph,
                    names_finder.title_case(p.first_token, p.end_token),
                );
            }
            let turn = (s.first == p.first_token)
                .then(|| turns::speaker_turn(text, &tokens, p))
                .flatten();
            match &turn {
                // In a paragraph in title case ("TOM BERG: Thanks For ..."),
                // the label is a name all the same: read it apart.
                Some(turn) if headline.1 => {
                    let (label, speech) = s.split(turn.colon);
                    names_finder.sentence_names(&label, false, &mut names);
                    let labelled = names.last().is_some_and(|m| m.first >= label.first);
                    let from = names.len();
                    names_finder.sentence_names(&speech, headline.1, &mut names);
                    // The label is the sentence's subject.
                    for m in names[from..].iter_mut().filter(|_| labelled) {
                        m.subject = false;
                    }
                }
                _ => names_finder.sentence_names(s, headline.1, &mut names),
            }
            if turn_paragraph == Some(s.paragraph) {
                continue; // the rest of a speaker's turn
            }
            if let Some(turn) = turn {
                turn_paragraph = Some(s.paragraph);
                turn_labels.push(turn.label);
                frames.push(frame_finder.turn_frame(k, turn, p.end_token));
                continue;
            }
            frame_finder.sentence_frames(k, s, &mut frames);
        }
        // A label in capitals ("PENCE:") names a person, not an acronym.
        for m in names.iter_mut() {
            m.quoted = quote_at(&quotes, m.first).is_some();
            if turn_labels.iter().any(|&(a, b)| m.first >= a && m.end <= b) {
                m.treat_as_person_label();
            }
        }
        let mid_caps = names_finder.into_mid_caps();
        Evidence {
            text,
            tokens,
            paragraphs,
            quotes,
            sentences,
            layout,
            names,
            mid_caps,
            frames,
        }
    }

    /// "said that the plan ...": a "that" after a verb or comma that only
    /// introduces the content, and is not part of what was said.
    pub fn complementizer(&self, i: usize) -> bool {
        let t = &self.tokens;
        i > 0
            && i + 1 < t.len()
            && t[i + 1].is_word()
            && self.text[t[i].range()].eq_ignore_ascii_case("that")
            && (t[i - 1].is_word() || &self.text[t[i - 1].range()] == ",")
    }
}
