//! One open article and everything the reader keeps about it: who the speakers
//! are and their colours, the filter, the selection, the scroll positions and the
//! wrapped body. Plain data; the app decides when to change it.
//!
//! The actors pane is an [`ActorList`]: the article's own, or the briefing's
//! (see `joined`), with the same entries, rows and cursor either way.

use super::search::Folded;
use super::wrap::WrappedBody;
use crate::{Actor, ActorId, Analysis, Document, Mode, Span};

/// An entry of the actors pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorEntry {
    /// An actor with statements; `None` stands for statements with no speaker found.
    Speaker(Option<ActorId>),
    /// An actor who is only mentioned.
    Mentioned(ActorId),
}

/// A row of the actors pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorLine {
    Heading {
        title: &'static str,
        count: usize,
    },
    /// The name row of an entry.
    Name(usize),
    /// The role row of a speaker.
    Role(usize),
    /// In the briefing: the `item`th article the speaker of `entry` speaks in,
    /// with their statements there.
    InArticle {
        entry: usize,
        item: usize,
    },
    /// In the briefing: "+n more articles" after the articles shown.
    MoreArticles {
        entry: usize,
        more: usize,
    },
}

impl ActorLine {
    /// The entry a row belongs to (none for headings).
    pub fn entry(self) -> Option<usize> {
        match self {
            ActorLine::Heading { .. } => None,
            ActorLine::Name(e)
            | ActorLine::Role(e)
            | ActorLine::InArticle { entry: e, .. }
            | ActorLine::MoreArticles { entry: e, .. } => Some(e),
        }
    }
}

/// The actors pane's content: entries (speakers, then the only mentioned), the
/// rows that show them, the cursor and the scroll position.
#[derive(Clone, Debug, Default)]
pub struct ActorList {
    pub entries: Vec<ActorEntry>,
    pub lines: Vec<ActorLine>,
    /// First line of each entry in `lines`.
    pub entry_line: Vec<usize>,
    /// The entry under the cursor.
    pub cursor: usize,
    /// The first row on screen.
    pub top: usize,
}

impl ActorList {
    /// Lays out `entries` (speakers first): headings, a name row each, a role row
    /// per speaker with a role (`has_role`), and `extra(entry)` more rows after.
    pub fn new(
        entries: Vec<ActorEntry>,
        has_role: impl Fn(&ActorEntry) -> bool,
        mut extra: impl FnMut(usize, &mut Vec<ActorLine>),
    ) -> ActorList {
        let speakers = entries
            .iter()
            .take_while(|e| matches!(e, ActorEntry::Speaker(_)))
            .count();
        let mut lines = Vec::with_capacity(entries.len() * 2 + 2);
        let mut entry_line = Vec::with_capacity(entries.len());
        if speakers > 0 {
            lines.push(ActorLine::Heading {
                title: "Speakers",
                count: speakers,
            });
        }
        for (i, e) in entries.iter().enumerate() {
            if i == speakers {
                lines.push(ActorLine::Heading {
                    title: "Mentioned",
                    count: entries.len() - speakers,
                });
            }
            entry_line.push(lines.len());
            lines.push(ActorLine::Name(i));
            if matches!(e, ActorEntry::Speaker(_)) {
                if has_role(e) {
                    lines.push(ActorLine::Role(i));
                }
                extra(i, &mut lines);
            }
        }
        ActorList {
            entries,
            lines,
            entry_line,
            cursor: 0,
            top: 0,
        }
    }

    /// Rows an entry takes.
    pub fn rows_of(&self, entry: usize) -> usize {
        let Some(&first) = self.entry_line.get(entry) else {
            return 0;
        };
        let next = self
            .entry_line
            .get(entry + 1)
            .copied()
            .unwrap_or(self.lines.len());
        // A heading between two entries is not the first entry's.
        let end = self.lines[first..next]
            .iter()
            .position(|l| matches!(l, ActorLine::Heading { .. }))
            .map_or(next, |p| first + p);
        end - first
    }
}

/// The widest a speaker tag gets.
const MAX_TAG: usize = 10;

/// A speaker's tag: the short name (a person's surname) when it fits, else the
/// initials of a name of several capitalised words ("New York Times" → "NYT"),
/// else the short name, to be cut when drawn. The one short name of an actor:
/// the gutter, the quote list, the actors pane (when the full name does not
/// fit), the status line and the notices all use it.
pub fn tag_for(actor: &Actor) -> String {
    let short = actor.short_name();
    if super::text::display_width(short) <= MAX_TAG {
        return short.to_string();
    }
    let initials: String = short
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    if initials.chars().count() >= 2 {
        initials
    } else {
        short.to_string()
    }
}

#[derive(Clone, Debug)]
pub struct ArticleView {
    pub doc: Document,
    /// The engine is still reading it (the text shows meanwhile).
    pub analysing: bool,
    /// Palette slot of each actor who speaks, as drawn: the article's own, or
    /// the briefing's while the actors pane shows the briefing.
    pub slots: Vec<Option<usize>>,
    /// The article's own palette slots.
    pub local_slots: Vec<Option<usize>>,
    /// Statements per actor (plus one for the unattributed, at the end).
    pub counts: Vec<usize>,
    /// Each actor's tag: the short name, or initials when that is too long.
    pub tags: Vec<String>,
    /// Columns for speaker tags.
    pub tag_width: u16,
    /// The article's actors, for the actors pane in the article scope.
    pub actors: ActorList,
    /// Speakers in the filter, by [`Article::filter_key`]; all off means no
    /// filter, unless `pinned`.
    pub filter: Vec<bool>,
    /// A filter over the whole briefing is on: statements pass only by `filter`,
    /// even when none of this article's speakers is in it.
    pub pinned: bool,
    /// Statements in thought mode (believes, wants, expects) do not pass.
    pub hide_thoughts: bool,
    /// Statements passing the filter, in text order.
    pub shown: Vec<usize>,
    pub selected: Option<usize>,
    /// First entry of the quote list on screen, as a position in `shown`.
    pub quotes_top: usize,
    pub body_top: usize,
    pub body: WrappedBody,
    /// The body leaves out the title's paragraph, which the header shows.
    pub title_dropped: bool,
    pub matches: Vec<Span>,
    pub current_match: Option<usize>,
    /// The selection when `current_match` became current: while it is still
    /// the selection, `n` goes on from the match; once the user has moved, from
    /// the selection.
    pub match_selection: Option<usize>,
    /// The text folded for searching, made at the first search.
    pub folded: Option<Folded>,
    /// The mention last shown from the actors pane: (actor, index in its mentions).
    pub mention_cursor: Option<(ActorId, usize)>,
}

impl ArticleView {
    pub fn new(doc: Document, analysing: bool) -> ArticleView {
        let mut article = ArticleView {
            doc,
            analysing,
            slots: Vec::new(),
            local_slots: Vec::new(),
            counts: Vec::new(),
            tags: Vec::new(),
            tag_width: 0,
            actors: ActorList::default(),
            filter: Vec::new(),
            pinned: false,
            hide_thoughts: false,
            shown: Vec::new(),
            selected: None,
            quotes_top: 0,
            body_top: 0,
            body: WrappedBody::default(),
            title_dropped: false,
            matches: Vec::new(),
            current_match: None,
            match_selection: None,
            folded: None,
            mention_cursor: None,
        };
        article.derive();
        article
    }

    /// Takes the engine's analysis and rebuilds what depends on it; the body
    /// is wrapped again (the title the engine found may leave it).
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.doc.analysis = analysis;
        self.analysing = false;
        self.body.width = 0;
        self.derive();
    }

    /// Wraps the body at `width`: the article's paragraphs, but for the
    /// title's, which the header shows, unless a statement lies in it.
    pub fn wrap_body(&mut self, width: usize) {
        let mut paragraphs = self.doc.paragraphs();
        let title = self.title_paragraph(&paragraphs);
        if let Some(i) = title {
            paragraphs.remove(i);
        }
        self.title_dropped = title.is_some();
        self.body = WrappedBody::of_paragraphs(&self.doc.text, paragraphs, width);
        self.body
            .place(self.doc.analysis.statements.iter().map(|s| s.span));
    }

    /// The paragraph that is the title and nothing more: the first, when it
    /// reads as the title and holds no statement.
    fn title_paragraph(&self, paragraphs: &[std::ops::Range<usize>]) -> Option<usize> {
        let title = self.doc.analysis.title.as_deref()?;
        let text = &self.doc.text;
        let i = paragraphs
            .iter()
            .position(|p| !text[p.clone()].trim().is_empty())?;
        let p = &paragraphs[i];
        if !text[p.clone()]
            .split_whitespace()
            .eq(title.split_whitespace())
        {
            return None;
        }
        let span = Span::new(p.start, p.end);
        let spoken = self
            .doc
            .analysis
            .statements
            .iter()
            .any(|s| s.span.overlaps(&span));
        (!spoken).then_some(i)
    }

    /// Whether the title is on the first row of the body (it holds a statement),
    /// not in the header.
    pub fn title_in_body(&self) -> bool {
        self.doc.analysis.title.is_some() && !self.title_dropped && !self.body.is_empty()
    }

    /// How the reader names the article: its title, else its file's name
    /// ("standard input" for `-`).
    pub fn title(&self) -> &str {
        match self.doc.analysis.title.as_deref() {
            Some(t) => t,
            None => crate::export::file_name(&self.doc.source),
        }
    }

    /// Whether the engine found no statement (once it has read the article).
    pub fn has_no_statements(&self) -> bool {
        !self.analysing && self.doc.analysis.statements.is_empty()
    }

    fn analysis(&self) -> &Analysis {
        &self.doc.analysis
    }

    /// The filter slot of a speaker: its actor id, or the last slot for "unknown".
    pub fn filter_key(&self, speaker: Option<ActorId>) -> usize {
        speaker.unwrap_or(self.analysis().actors.len())
    }

    /// Rebuilds speakers, colours, actor lines and the quote list from the analysis.
    fn derive(&mut self) {
        let analysis = &self.doc.analysis;
        let n = analysis.actors.len();
        let mut counts = vec![0usize; n + 1];
        let mut first_seen = vec![usize::MAX; n + 1];
        for (i, s) in analysis.statements.iter().enumerate() {
            let key = s.speaker.filter(|&a| a < n).unwrap_or(n);
            counts[key] += 1;
            first_seen[key] = first_seen[key].min(i);
        }
        // Speakers by number of statements, then by first appearance.
        let mut speakers: Vec<ActorId> = (0..n).filter(|&a| counts[a] > 0).collect();
        speakers.sort_by_key(|&a| (std::cmp::Reverse(counts[a]), first_seen[a]));
        let mut slots = vec![None; n];
        for (slot, &a) in speakers.iter().enumerate() {
            slots[a] = Some(slot);
        }
        let mut mentioned: Vec<ActorId> = (0..n).filter(|&a| counts[a] == 0).collect();
        mentioned.sort_by_key(|&a| {
            let m = &analysis.actors[a].mentions;
            (std::cmp::Reverse(m.len()), m.first().map_or(0, |s| s.start))
        });

        let mut entries: Vec<ActorEntry> = speakers
            .iter()
            .map(|&a| ActorEntry::Speaker(Some(a)))
            .collect();
        if counts[n] > 0 {
            entries.push(ActorEntry::Speaker(None));
        }
        entries.extend(mentioned.iter().map(|&a| ActorEntry::Mentioned(a)));

        let tags: Vec<String> = analysis.actors.iter().map(tag_for).collect();
        let tag_width = speakers
            .iter()
            .map(|&a| super::text::display_width(&tags[a]))
            .chain(std::iter::once(if counts[n] > 0 { 1 } else { 0 }))
            .max()
            .unwrap_or(0)
            .clamp(3, MAX_TAG) as u16;

        self.slots = slots.clone();
        self.local_slots = slots;
        self.tags = tags;
        self.counts = counts;
        self.tag_width = tag_width;
        let cursor = self.actors.cursor.min(entries.len().saturating_sub(1));
        let actors = &self.doc.analysis.actors;
        self.actors = ActorList::new(
            entries,
            |e| match e {
                ActorEntry::Speaker(Some(a)) => !actors[*a].roles.is_empty(),
                _ => true,
            },
            |_, _| {},
        );
        self.actors.cursor = cursor;
        self.filter = vec![false; n + 1];
        self.refilter();
        self.body
            .place(self.doc.analysis.statements.iter().map(|s| s.span));
    }

    pub fn filter_on(&self) -> bool {
        self.pinned || self.filter.iter().any(|&f| f)
    }

    /// Whether statement `i` passes the filter: its speaker is in the speaker
    /// filter (or there is none), and it is not a thought while thoughts are
    /// hidden.
    pub fn passes(&self, i: usize) -> bool {
        let Some(s) = self.analysis().statements.get(i) else {
            return !self.filter_on();
        };
        if self.hide_thoughts && s.mode == Mode::Thought {
            return false;
        }
        !self.filter_on() || self.filter[self.filter_key(s.speaker)]
    }

    /// Statements in thought mode.
    pub fn thoughts(&self) -> usize {
        self.analysis()
            .statements
            .iter()
            .filter(|s| s.mode == Mode::Thought)
            .count()
    }

    /// Whether the quote list leaves statements out: a speaker filter, or
    /// thoughts hidden where there are some.
    pub fn narrowed(&self) -> bool {
        self.shown.len() < self.analysis().statements.len()
    }

    /// Recomputes the quote list; keeps the selection on a shown statement.
    pub fn refilter(&mut self) {
        let shown: Vec<usize> = (0..self.analysis().statements.len())
            .filter(|&i| self.passes(i))
            .collect();
        self.shown = shown;
        self.selected = match self.selected {
            _ if self.shown.is_empty() => None,
            None => Some(self.shown[0]),
            Some(s) => {
                let pos = self.shown.partition_point(|&i| i < s);
                Some(self.shown[pos.min(self.shown.len() - 1)])
            }
        };
        self.quotes_top = self.quotes_top.min(self.shown.len().saturating_sub(1));
    }

    /// The palette slot of a speaker (`None` for unknown speakers).
    pub fn slot(&self, speaker: Option<ActorId>) -> Option<usize> {
        speaker.and_then(|a| self.slots.get(a).copied().flatten())
    }

    /// How the reader names a speaker in tags.
    pub fn speaker_tag(&self, speaker: Option<ActorId>) -> &str {
        match speaker.and_then(|a| self.tags.get(a)) {
            Some(tag) => tag,
            None => "?",
        }
    }

    /// The speaker an actors-pane entry stands for, if it speaks.
    pub fn entry_speaker(&self, entry: usize) -> Option<Option<ActorId>> {
        match self.actors.entries.get(entry)? {
            ActorEntry::Speaker(s) => Some(*s),
            ActorEntry::Mentioned(_) => None,
        }
    }

    /// Names of the speakers in the filter, for the status line.
    pub fn filter_names(&self) -> Vec<&str> {
        let n = self.analysis().actors.len();
        self.filter
            .iter()
            .enumerate()
            .filter(|&(_, &on)| on)
            .map(|(k, _)| {
                if k == n {
                    "unattributed"
                } else {
                    &self.tags[k]
                }
            })
            .collect()
    }

    /// The statement containing byte `pos`.
    pub fn statement_at(&self, pos: usize) -> Option<usize> {
        let st = &self.analysis().statements;
        let i = st.partition_point(|s| s.span.end <= pos);
        st.get(i).filter(|s| s.span.start <= pos).map(|_| i)
    }

    /// The first statement that starts on body row `row`.
    pub fn statement_starting_on(&self, row: usize) -> Option<usize> {
        let r = self.body.rows.get(row)?;
        let st = &self.analysis().statements;
        let i = st.partition_point(|s| s.span.end <= r.start);
        st.get(i)
            .filter(|s| s.span.start < r.end.max(r.start + 1))
            .map(|_| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ActorKind;

    fn actor(name: &str, kind: ActorKind) -> Actor {
        Actor::named(name, kind)
    }

    #[test]
    fn tags_are_surnames_or_initials() {
        assert_eq!(
            tag_for(&actor("Dmytro Kuleba", ActorKind::Person)),
            "Kuleba"
        );
        assert_eq!(
            tag_for(&actor("New York Times", ActorKind::Organization)),
            "NYT"
        );
        assert_eq!(
            tag_for(&actor("Kremlin", ActorKind::Organization)),
            "Kremlin"
        );
        assert_eq!(
            tag_for(&actor("the administration officials", ActorKind::Other)),
            "the administration officials",
            "cut when drawn"
        );
    }
}
