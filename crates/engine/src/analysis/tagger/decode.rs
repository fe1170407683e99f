//! From tags to attribution frames. Each content run is linked to a cue, to
//! "continues the last speaker" or dropped, and each cue to its source, by the
//! learned choosers of [`super::link`]. Contents that continue a speaker are
//! left to the assembler, which knows who spoke last.

use super::features::TokenFacts;
use super::link::{
    ContentLink, CueCandidate, Linear, LinkLayout, SourceLink, content_options, cue_candidates,
    overlapping, rule_contents, source_options,
};
use super::spans::{TagCounts, span_options};
use super::tags::{Role, Run, Tag, runs};
use super::weights::{Features, Margins};
use crate::analysis::frames::{Frame, Phrase, PhraseKind, Speaker, cue_mode};
use crate::analysis::mentions::{NameClass, NameMention};
use crate::analysis::model::Mode;
use crate::analysis::tokens::{Token, TokenKind};
use crate::analysis::{evidence::Evidence, quotes::standalone_quotation};
use crate::lexicon::class;

/// Frames in text order (by cue), and contents without a cue.
pub struct Decoded {
    pub frames: Vec<Frame>,
    pub loose: Vec<(usize, usize)>,
}

/// The two choosers: a content's cue, a cue's source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linker {
    /// A content run's boundaries.
    pub spans: Linear,
    /// A content's cue (or none, or no statement).
    pub contents: Linear,
    pub sources: Linear,
    /// Added to the score of dropping a content, for speech and for thought:
    /// below zero, the linker keeps doubtful contents (chosen on development
    /// data).
    pub drop_bias: [i32; 2],
}

impl Linker {
    #[cfg(test)]
    pub fn zero(bits: u32) -> Linker {
        Linker {
            spans: Linear::zero(bits),
            contents: Linear::zero(bits),
            sources: Linear::zero(bits),
            drop_bias: [0, 0],
        }
    }
}

/// Frames from the tags of every token.
pub fn decode(
    ev: &Evidence,
    ctx: &TokenFacts,
    tags: &[Tag],
    margins: &Margins,
    linker: &Linker,
) -> Decoded {
    let l = LinkLayout::new(ev, ctx);
    let all = runs(tags);
    let cues = cue_candidates(ev, &all);
    let sources: Vec<Run> = all
        .iter()
        .filter(|r| r.role == Role::Source)
        .copied()
        .collect();
    let mut contents_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); cues.len()];
    let mut loose = Vec::new();
    let mut buf = Features::default();
    let runs = content_candidates(ev, &all);
    let turns = turn_contents(ev, &cues);
    for c in chosen_spans(&l, &runs, tags, margins, &linker.spans) {
        if let Some((k, words)) = turn_cue(&turns, &c) {
            contents_of[k].push(words);
            continue;
        }
        let margin = margins.tag.get(c.first).copied().unwrap_or(0);
        let options = content_options(&l, &c, &cues, margin, linker.contents.bits, &mut buf);
        match options[choose_link(&l, &options, &buf, &cues, linker)] {
            ContentLink::Cue(k) => contents_of[k].push((c.first, c.end)),
            ContentLink::Continues => loose.push((c.first, c.end)),
            ContentLink::Drop => {}
        }
    }
    let mut frames: Vec<Frame> = Vec::new();
    for (k, cue) in cues.iter().enumerate() {
        let contents = std::mem::take(&mut contents_of[k]);
        let rule = cue.rule.map(|f| &ev.frames[f]);
        let introduces = contents.is_empty()
            && if cue.tagged {
                introduces(&l, cue, &sources)
            } else {
                rule.is_some_and(|f| f.introduces)
            };
        if contents.is_empty() && !introduces {
            continue;
        }
        // A transcript's label is its turn's speaker.
        let label = rule.filter(|f| f.verbatim).and_then(|f| match f.speaker {
            Some(Speaker::Phrase(p)) => Some(SourceLink::Phrase {
                first: p.first,
                end: p.end,
            }),
            _ => None,
        });
        let source = label.unwrap_or_else(|| {
            let options = source_options(
                &l,
                cue,
                &contents,
                &sources,
                &cues,
                linker.sources.bits,
                &mut buf,
            );
            options[linker.sources.choose(&buf)]
        });
        // "Ana Ruiz was told by a clerk": the subject of a passive heard it.
        let source = match source {
            SourceLink::Phrase { end, .. } if end <= cue.first && l.passive_of_telling(cue) => {
                by_phrase(&l, cue).unwrap_or(SourceLink::None)
            }
            other => other,
        };
        // "Although no group claimed responsibility": no one said it.
        if let SourceLink::Phrase { first, .. } = source
            && ev.tokens[first].is(class::NOBODY)
        {
            continue;
        }
        frames.push(frame(&l, cue, contents, introduces, source, &frames));
    }
    Decoded { frames, loose }
}

/// The contents of transcript turns ("RUIZ: ...") with their cue's index,
/// sorted: the layout settles these, and news data has none to learn them from.
fn turn_contents(ev: &Evidence, cues: &[CueCandidate]) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = cues
        .iter()
        .enumerate()
        .filter_map(|(k, q)| Some((k, &ev.frames[q.rule?])))
        .filter(|(_, f)| f.verbatim)
        .flat_map(|(k, f)| f.contents.iter().map(move |&(a, b)| (a, b, k)))
        .collect();
    out.sort_unstable();
    out
}

/// The turn cue a content overlaps, with the turn's words (after the label).
fn turn_cue(turns: &[(usize, usize, usize)], c: &Run) -> Option<(usize, (usize, usize))> {
    // Turns are disjoint: only the last one starting before the run's end can
    // overlap it.
    let k = turns.partition_point(|t| t.0 < c.end);
    let t = turns.get(k.checked_sub(1)?)?;
    (c.first < t.1).then_some((t.2, (t.0, t.1)))
}

/// The phrase after "by" that follows a passive cue: "was told by a clerk".
fn by_phrase(l: &LinkLayout, cue: &CueCandidate) -> Option<SourceLink> {
    let ev = l.ev;
    let by = cue.end;
    if !ev
        .tokens
        .get(by)
        .is_some_and(|t| ev.text[t.range()].eq_ignore_ascii_case("by"))
    {
        return None;
    }
    let hi = ev.sentences[l.sentence_of[cue.first] as usize].end;
    let finder = crate::analysis::frames::FrameFinder {
        text: ev.text,
        tokens: &ev.tokens,
        quotes: &ev.quotes,
    };
    finder
        .speaker_phrases((by, by + 1), by, hi)
        .into_iter()
        .find(|p| p.first == by + 1)
        .map(|p| SourceLink::Phrase {
            first: p.first,
            end: p.end,
        })
}

/// A content that reports nothing: a quoted title ("“All Bets Are Off.”"), a
/// lone "nothing", "no", "so" after the cue (but "“Yes,” he said" is speech),
/// or a stage direction.
fn reports_nothing(ev: &Evidence, r: &Run) -> bool {
    let words: Vec<&Token> = ev.tokens[r.first..r.end]
        .iter()
        .filter(|t| t.is_word())
        .collect();
    let k = ev.quotes.partition_point(|q| q.open < r.first);
    let quoted = ev
        .quotes
        .get(k)
        .is_some_and(|q| q.open == r.first && q.end_token == r.end);
    let title = quoted && words.len() >= 2 && words.iter().all(|t| t.is_capitalized());
    let bare = !quoted && words.len() == 1 && words[0].is(class::EMPTY_OBJECT);
    title || bare || stage_direction(ev, r)
}

/// A bracketed note in a transcript, quoted or not: "(CROSSTALK)", "[inaudible]".
fn stage_direction(ev: &Evidence, r: &Run) -> bool {
    let mut inner = ev.tokens[r.first..r.end]
        .iter()
        .filter(|t| !matches!(t.kind, TokenKind::Quote(_)))
        .map(|t| &ev.text[t.range()])
        .filter(|w| !matches!(*w, "." | "," | "!" | "?"));
    let first = inner.next();
    let last = inner.next_back();
    matches!(
        (first, last),
        (Some("("), Some(")")) | (Some("["), Some("]"))
    )
}

/// The contents to decide on: the tagger's content runs, and the quotations
/// none of them touches that read as speech (a sentence of their own, or the
/// rules' content): dialogue the tagger, trained on news, may pass over.
pub fn content_candidates(ev: &Evidence, all: &[Run]) -> Vec<Run> {
    let mut out: Vec<Run> = all
        .iter()
        .filter(|r| r.role == Role::Content)
        .copied()
        .collect();
    let tagged: Vec<(usize, usize)> = out.iter().map(|r| (r.first, r.end)).collect();
    let rules = rule_contents(ev);
    for q in &ev.quotes {
        let (first, end) = (q.open, q.end_token);
        let touched = overlapping(&tagged, first, end).next().is_some();
        let speech = standalone_quotation(ev.text, &ev.tokens, &ev.sentences, q).is_some()
            || overlapping(&rules, first, end).any(|(a, b)| a <= first && end <= b);
        if !touched && speech {
            out.push(Run {
                role: Role::Content,
                first,
                end,
            });
        }
    }
    // The rules' contents the tagger left out entirely ("The harbour will
    // reopen, Tom Berg added."): the linker learns when they hold.
    out.sort_by_key(|r| r.first);
    let taken: Vec<(usize, usize)> = out.iter().map(|r| (r.first, r.end)).collect();
    for &(first, end) in &rules {
        if overlapping(&taken, first, end).next().is_none() {
            out.push(Run {
                role: Role::Content,
                first,
                end,
            });
        }
    }
    out.sort_by_key(|r| r.first);
    out.retain(|r| !reports_nothing(ev, r));
    out
}

/// The best link for a content; dropping it must beat the best other link by
/// the drop bias of that link's mode.
fn choose_link(
    l: &LinkLayout,
    options: &[ContentLink],
    feats: &Features,
    cues: &[CueCandidate],
    linker: &Linker,
) -> usize {
    let ev = l.ev;
    let score = |k: usize| linker.contents.score(feats, k);
    let keep = (0..options.len())
        .filter(|&k| options[k] != ContentLink::Drop)
        .max_by_key(|&k| (score(k), std::cmp::Reverse(k)))
        .unwrap_or(0);
    let drop = options.iter().position(|&o| o == ContentLink::Drop);
    let mode = match options[keep] {
        ContentLink::Cue(c) => cue_mode(ev.text, &ev.tokens, (cues[c].first, cues[c].end)),
        _ => Mode::Speech,
    };
    let bias = linker.drop_bias[usize::from(mode == Mode::Thought)];
    match drop {
        Some(d) if score(d) + bias > score(keep) => d,
        _ => keep,
    }
}

/// The boundaries chosen for each content run, in order and never overlapping:
/// a span that takes in the next run (joined, or extended over its quotation)
/// stands for it too.
pub fn chosen_spans(
    l: &LinkLayout,
    runs: &[Run],
    tags: &[Tag],
    margins: &Margins,
    chooser: &Linear,
) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut buf = Features::default();
    let counts = TagCounts::new(tags);
    for k in 0..runs.len() {
        let options = span_options(l, runs, k, &counts, margins, chooser.bits, &mut buf);
        let pick = options[chooser.choose(&buf)].run();
        match out.last() {
            Some(prev) if prev.end > pick.first => {
                // Already inside the span before, or reaching back into it.
                let own = runs[k];
                if prev.end <= own.first {
                    out.push(own);
                }
            }
            _ => out.push(pick),
        }
    }
    out
}

/// The frame of a cue, its contents and its chosen source.
fn frame(
    l: &LinkLayout,
    cue: &CueCandidate,
    mut contents: Vec<(usize, usize)>,
    introduces: bool,
    source: SourceLink,
    earlier: &[Frame],
) -> Frame {
    let ev = l.ev;
    let sentence = l.sentence_of[cue.first] as usize;
    let lo = ev.sentences[sentence].first;
    let rule = cue.rule.map(|f| &ev.frames[f]);
    for c in contents.iter_mut() {
        if c.1 - c.0 > 1 && ev.complementizer(c.0) {
            c.0 += 1;
        }
        *c = without_manner(l, *c);
    }
    contents.sort_unstable();
    contents.dedup();
    let mut frame = Frame {
        contents,
        introduces,
        verbatim: rule.is_some_and(|f| f.verbatim),
        ..Frame::at(sentence, (cue.first, cue.end))
    };
    match source {
        SourceLink::Phrase { first, end } => {
            let (phrase, apposition) = phrase(l, first, end);
            frame.apposition = apposition;
            if phrase.kind == PhraseKind::Relative {
                frame.antecedent = rule
                    .and_then(|f| f.antecedent)
                    .or_else(|| antecedent(l, phrase.first, lo))
                    .map(|a| described_person(l, a, lo));
            }
            frame.speaker = Some(Speaker::Phrase(phrase));
        }
        SourceLink::None => {
            // "it was reported that ...": the rules know when no one is named.
            if let Some(f) = rule.filter(|f| f.speaker == Some(Speaker::Unstated)) {
                frame.speaker = f.speaker;
            } else if let Some(prev) = earlier.last()
                && prev.sentence == sentence
                && prev.speaker.is_some()
                && cue.first > lo
                && ev.tokens[cue.first - 1].is(class::CONJUNCTION)
            {
                // "..., and added that ...": the speaker of the cue before.
                frame.speaker = Some(Speaker::SameAs(earlier.len() - 1));
            }
        }
    }
    frame
}

/// "said mildly, ‘you will ...’": the manner before a quotation is the
/// writer's, not the speaker's.
fn without_manner(l: &LinkLayout, (first, end): (usize, usize)) -> (usize, usize) {
    let tokens = &l.ev.tokens;
    let manner = |t: &Token| {
        t.kind == TokenKind::Word
            && !t.is_capitalized()
            && (t.is(class::ADVERB) || l.ev.text[t.range()].ends_with("ly"))
    };
    let mut i = first;
    while i < end && i < first + 4 && (manner(&tokens[i]) || tokens[i].kind == TokenKind::Punct) {
        i += 1;
    }
    let k = l.ev.quotes.partition_point(|q| q.open < i);
    let quotation_follows =
        l.ev.quotes
            .get(k)
            .is_some_and(|q| q.open == i && q.end_token >= end);
    if i > first && manner(&tokens[first]) && quotation_follows {
        (i, end)
    } else {
        (first, end)
    }
}

/// The speaker phrase of a source: the name or description, with an
/// apposition after its comma ("Jane Doe, a professor at ...") kept apart.
/// A description before a name between commas ("The club's coach, Jane Doe,")
/// is the apposition of that name.
fn phrase(l: &LinkLayout, first: usize, end: usize) -> (Phrase, Option<(usize, usize)>) {
    let tokens = &l.ev.tokens;
    let word = |k: usize| &l.ev.text[tokens[k].range()];
    let trimmed = |a: usize, mut b: usize| {
        while b > a && tokens[b - 1].kind == TokenKind::Punct {
            b -= 1;
        }
        (a, b)
    };
    // "Leigh Sears who is the harbour manager": a relative clause after a name
    // says what the speaker is, like an apposition after a comma.
    let relative = (first + 1..end).find(|&k| {
        tokens[k].is(class::RELATIVE)
            && word(k).eq_ignore_ascii_case("who")
            && has_name(l, first, k)
    });
    if let Some(r) = relative {
        let mut a = r + 1;
        while a < end && tokens[a].is(class::BE) {
            a += 1;
        }
        let (phrase, _) = phrase(l, first, r);
        let role = trimmed(a, end);
        return (phrase, (role.0 < role.1).then_some(role));
    }
    let comma = (first + 1..end).find(|&k| matches!(word(k), "," | "("));
    let apposition = comma.map(|c| trimmed(c + 1, end)).filter(|(a, b)| a < b);
    if let (Some(c), Some((a, b))) = (comma, apposition)
        && !has_name(l, first, c)
        && l.named(a, b).is_some_and(|m| m.first == a && m.end == b)
    {
        return (
            Phrase {
                first: a,
                end: b,
                kind: PhraseKind::Proper,
            },
            Some((first, c)),
        );
    }
    let mut stop = comma.unwrap_or(end);
    // "Eleanor to him one evening": the hearer and the time are not the speaker.
    if let Some(m) = l.named(first, stop).filter(|m| m.end < stop)
        && tokens[m.end].kind == TokenKind::Word
        && !tokens[m.end].is_capitalized()
        && tokens[m.end].is(class::PREPOSITION | class::TIME)
        && !word(m.end).eq_ignore_ascii_case("of")
    {
        stop = m.end;
    }
    // "her mother resentfully": the manner is not the speaker.
    while stop > first + 1
        && (tokens[stop - 1].kind == TokenKind::Punct
            || (tokens[stop - 1].kind == TokenKind::Word
                && !tokens[stop - 1].is_capitalized()
                && (tokens[stop - 1].is(class::ADVERB)
                    || (word(stop - 1).ends_with("ly")
                        && !tokens[stop - 2].is(class::DETERMINER)))))
    {
        stop -= 1;
    }
    let t = &tokens[first];
    let kind = if stop == first + 1 && t.is(class::SUBJECT_PRONOUN | class::PRONOUN_2) {
        PhraseKind::Pronoun
    } else if stop == first + 1 && t.is(class::RELATIVE) {
        PhraseKind::Relative
    } else if has_name(l, first, stop) {
        PhraseKind::Proper
    } else {
        PhraseKind::Common
    };
    (
        Phrase {
            first,
            end: stop,
            kind,
        },
        apposition,
    )
}

fn has_name(l: &LinkLayout, first: usize, end: usize) -> bool {
    let names = &l.ev.names;
    let k = names.partition_point(|m| m.end <= first);
    names.get(k).is_some_and(|m| m.first < end)
}

/// What a relative pronoun stands for: the name just before it.
fn antecedent(l: &LinkLayout, relative: usize, lo: usize) -> Option<Phrase> {
    let mut at = relative;
    if at > lo && is_comma(l, at - 1) {
        at -= 1;
    }
    name_ending_at(l, at, lo)
}

/// The name that ends right before token `at`, not before token `lo`.
fn name_ending_at(l: &LinkLayout, at: usize, lo: usize) -> Option<Phrase> {
    mention_ending_at(l, at)
        .filter(|m| m.first >= lo)
        .map(|m| Phrase {
            first: m.first,
            end: m.end,
            kind: PhraseKind::Proper,
        })
}

/// The name mention that ends right before token `at`.
fn mention_ending_at<'e>(l: &LinkLayout<'e, '_>, at: usize) -> Option<&'e NameMention> {
    let names = &l.ev.names;
    let k = names.partition_point(|m| m.end <= at);
    names.get(k.checked_sub(1)?).filter(|m| m.end == at)
}

fn is_comma(l: &LinkLayout, k: usize) -> bool {
    &l.ev.text[l.ev.tokens[k].range()] == ","
}

/// Whom "who" means when its antecedent ends in a name after a preposition:
/// in "Maura Lind, a geologist at Harbour University in Brookfield, who" and
/// "Tom Berg, a pilot from Brookfield, who", the person the apposition
/// describes, named before its comma; in "Tom Berg of Brookfield, who", the
/// name before the preposition.
fn described_person(l: &LinkLayout, antecedent: Phrase, lo: usize) -> Phrase {
    let Some(last) = mention_ending_at(l, antecedent.end)
        .filter(|m| m.first > lo && l.ev.tokens[m.first - 1].is(class::PREPOSITION))
    else {
        return antecedent;
    };
    // "Tom Berg of Brookfield, who": the name just before the preposition,
    // unless it is a place's or an organisation's ("Harbour University in
    // Brookfield").
    let before = last.first - 1;
    mention_ending_at(l, before)
        .filter(|m| !matches!(m.class, NameClass::Organization | NameClass::Place))
        .and_then(|_| name_ending_at(l, before, lo))
        .or_else(|| {
            (lo..before)
                .rev()
                .find(|&k| is_comma(l, k))
                .and_then(|comma| name_ending_at(l, comma, lo))
        })
        .unwrap_or(antecedent)
}

/// A cue with nothing after it but its source and a colon, at the end of its
/// paragraph ("Peskov told reporters:"): it introduces what follows.
fn introduces(l: &LinkLayout, cue: &CueCandidate, sources: &[Run]) -> bool {
    let ev = l.ev;
    let sentence = &ev.sentences[l.sentence_of[cue.first] as usize];
    let hi = sentence.end;
    let mut i = cue.end;
    if let Some(s) = sources.iter().find(|s| s.first == i) {
        i = s.end;
    }
    let tokens = &ev.tokens;
    while i < hi && tokens[i].kind == TokenKind::Word && tokens[i].is(class::TIME | class::ADVERB) {
        i += 1;
    }
    let Some(rest) = tokens.get(i..hi) else {
        return false; // the source runs past the sentence
    };
    let para_end = ev.paragraphs[sentence.paragraph].end_token;
    hi == para_end && rest.iter().all(|t| t.kind == TokenKind::Punct) && rest.len() <= 1
}
