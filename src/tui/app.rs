//! The reader's state and its update step: an event in, a new state out. No
//! terminal here; tests drive it with key sequences and the renderer only reads it.

use super::article::{ActorEntry, ActorLine, Article};
use super::help;
use super::keys::{self, Action, Context, Motion};
use super::layout::{AppLayout, BodyGeometry, Pane, QuoteGeometry};
use super::search::Folded;
use super::text::for_each_grapheme;
use super::wrap::{Row, WrappedBody, Wrapper};
use crate::{Analysis, Document};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

/// Rows the wheel scrolls per notch.
const WHEEL_ROWS: usize = 3;

/// What the app is doing with the keyboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search; matches follow every key.
    Search(SearchPrompt),
    Help,
}

/// Where a search started, to return there when it is cancelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchPrompt {
    pub input: String,
    previous_query: String,
    /// Matches are looked for from here on (the selection, or the top of the body).
    origin: usize,
    origin_selected: Option<usize>,
    origin_body_top: usize,
    origin_quotes_top: usize,
}

/// Something only the terminal can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Repaint the whole screen.
    Redraw,
}

#[derive(Clone, Debug)]
pub struct App {
    pub articles: Vec<Article>,
    pub current: usize,
    pub focus: Pane,
    pub mode: Mode,
    /// The search query (live while typing).
    pub query: String,
    /// A short message for the status line, cleared by the next key.
    pub notice: Option<String>,
    pub layout: AppLayout,
    pub help_scroll: usize,
    /// A count typed before a key ("5j"), as in less and vim.
    pub count: Option<usize>,
    pub running: bool,
}

impl App {
    /// A reader over analysed documents.
    pub fn new(docs: Vec<Document>) -> App {
        App::from_articles(docs.into_iter().map(|d| Article::new(d, false)).collect())
    }

    /// A reader over documents whose analyses arrive later ([`App::set_analysis`]).
    pub fn pending(docs: Vec<Document>) -> App {
        App::from_articles(docs.into_iter().map(|d| Article::new(d, true)).collect())
    }

    fn from_articles(mut articles: Vec<Article>) -> App {
        if articles.is_empty() {
            articles.push(Article::new(Document::new("empty", ""), false));
        }
        App {
            articles,
            current: 0,
            focus: Pane::Quotes,
            mode: Mode::Normal,
            query: String::new(),
            notice: None,
            layout: AppLayout::default(),
            help_scroll: 0,
            count: None,
            running: true,
        }
    }

    pub fn article(&self) -> &Article {
        &self.articles[self.current]
    }

    fn article_mut(&mut self) -> &mut Article {
        &mut self.articles[self.current]
    }

    // ----- geometry shared with the renderer -------------------------------------

    pub fn body_geometry(&self) -> BodyGeometry {
        BodyGeometry::new(self.layout.body.inner, self.article().tag_width)
    }

    pub fn quote_geometry(&self) -> QuoteGeometry {
        QuoteGeometry::new(self.layout.quotes.inner.width, self.article().tag_width)
    }

    fn body_height(&self) -> usize {
        usize::from(self.body_geometry().text.height)
    }

    fn quotes_height(&self) -> usize {
        usize::from(self.layout.quotes.inner.height)
    }

    fn actors_height(&self) -> usize {
        usize::from(self.layout.actors.inner.height)
    }

    /// The rows of the selected statement in the quote list: its text wrapped to
    /// the list, at most a pane high.
    pub fn selected_quote_rows(&self) -> Vec<Row> {
        let art = self.article();
        let (Some(s), geo) = (art.selected, self.quote_geometry()) else {
            return Vec::new();
        };
        let height = self.quotes_height().max(1);
        let width = usize::from(geo.text_width).max(1);
        let span = art.doc.analysis.statements[s].span;
        // Enough text to fill the pane; more would only be cut.
        let cap = span.start + (height * width * 8 + 64).min(span.len());
        let end = floor_char_boundary(&art.doc.text, cap);
        let mut rows = Vec::new();
        Wrapper::default().wrap(&art.doc.text, span.start, end, width, &mut rows);
        rows.truncate(height);
        if rows.is_empty() {
            rows.push(Row {
                start: span.start,
                end: span.start,
            });
        }
        rows
    }

    fn selected_quote_height(&self) -> usize {
        if self.article().selected.is_none() {
            0
        } else {
            self.selected_quote_rows().len()
        }
    }

    // ----- events ------------------------------------------------------------------

    /// Updates the state for one terminal event.
    pub fn handle_event(&mut self, event: &Event) -> Option<Effect> {
        match event {
            Event::Key(key) => self.handle_key(key),
            Event::Mouse(mouse) => {
                self.handle_mouse(mouse);
                None
            }
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                None
            }
            _ => None,
        }
    }

    /// Lays the reader out for a screen of `width`×`height`, re-wrapping the body
    /// when its text width changed and keeping the selected statement in view.
    pub fn resize(&mut self, width: u16, height: u16) {
        let area = Rect::new(0, 0, width, height);
        if self.layout.area == area && self.article().body.width != 0 {
            return;
        }
        // Keep in view what was in view: the selection if it showed, else the
        // text at the top of the body.
        let was_laid_out = self.article().body.width != 0;
        let selection_visible = self.selection_in_body_view();
        let top_byte = {
            let art = self.article();
            art.body.rows.get(art.body_top).map(|r| r.start)
        };
        self.layout = AppLayout::new(area);
        self.reflow();
        if !was_laid_out || selection_visible {
            self.follow_selection();
        } else if let Some(byte) = top_byte {
            let art = self.article_mut();
            art.body_top = art.body.row_of(byte);
            self.clamp_body();
            self.follow_quotes();
        }
        self.clamp_actors();
    }

    /// Re-wraps the current article if the body's text width changed.
    fn reflow(&mut self) {
        let width = usize::from(self.body_geometry().text.width).max(1);
        let art = &mut self.articles[self.current];
        if art.body.width != width {
            art.body = WrappedBody::new(&art.doc.text, width);
            art.body
                .place(art.doc.analysis.statements.iter().map(|s| s.span));
        }
        self.clamp_body();
    }

    /// Hands the engine's analysis of article `index` to the reader.
    pub fn set_analysis(&mut self, index: usize, analysis: Analysis) {
        let Some(art) = self.articles.get_mut(index) else {
            return;
        };
        let top_byte = art.body.rows.get(art.body_top).map_or(0, |r| r.start);
        art.set_analysis(analysis);
        // Select the first statement in view rather than jump back to the top.
        let first = art
            .doc
            .analysis
            .statements
            .partition_point(|s| s.span.end <= top_byte);
        if first < art.doc.analysis.statements.len() {
            art.selected = Some(first);
        }
        if index == self.current {
            // Speaker tags change the gutter, and with it the text width.
            self.reflow();
            self.follow_selection();
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Option<Effect> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        // Esc quickly followed by a key arrives as Alt+key; take it as both.
        if key.modifiers.contains(KeyModifiers::ALT) && matches!(key.code, KeyCode::Char(_)) {
            let esc = self.handle_key(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
            return self.handle_key(&plain).or(esc);
        }
        self.notice = None;
        let contexts: &[Context] = match (&self.mode, self.focus) {
            (Mode::Search(_), _) => &[Context::Search, Context::Always],
            (Mode::Help, _) => &[Context::Help, Context::Always],
            (Mode::Normal, Pane::Actors) => &[Context::Actors, Context::Global, Context::Always],
            (Mode::Normal, Pane::Body) => &[Context::Body, Context::Global, Context::Always],
            (Mode::Normal, Pane::Quotes) => &[Context::Quotes, Context::Global, Context::Always],
        };
        if self.mode == Mode::Normal
            && let KeyCode::Char(d @ '0'..='9') = key.code
            && !key.modifiers.contains(KeyModifiers::CONTROL)
            && (d != '0' || self.count.is_some())
        {
            let digit = d as usize - '0' as usize;
            self.count = Some((self.count.unwrap_or(0) * 10 + digit).min(999_999));
            return None;
        }
        let count = self.count.take();
        match keys::lookup(contexts, key) {
            Some(action) => self.apply_counted(action, count),
            None => {
                if let Mode::Search(prompt) = &mut self.mode
                    && let KeyCode::Char(c) = key.code
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    prompt.input.push(c);
                    self.update_search();
                }
                None
            }
        }
    }

    /// Carries out an action `count` times; a count before `g`/`G` goes to that
    /// statement, actor or row.
    fn apply_counted(&mut self, action: Action, count: Option<usize>) -> Option<Effect> {
        let Some(n) = count else {
            return self.apply(action);
        };
        match action {
            Action::Move(Motion::First | Motion::Last) => {
                self.goto_nth(n);
                None
            }
            Action::Move(_)
            | Action::NextBySpeaker
            | Action::PrevBySpeaker
            | Action::NextMatch
            | Action::PrevMatch => {
                // More than the list holds would change nothing.
                let limit = self.article().shown.len().max(self.article().body.len()) + 1;
                for _ in 0..n.min(limit) {
                    self.apply(action);
                }
                None
            }
            _ => self.apply(action),
        }
    }

    /// Goes to the `n`th (from 1) statement, actor or body row of the focused pane.
    fn goto_nth(&mut self, n: usize) {
        let i = n.saturating_sub(1);
        match self.focus {
            Pane::Quotes => {
                let art = self.article();
                if let Some(&stmt) = art.shown.get(i.min(art.shown.len().saturating_sub(1))) {
                    self.select(stmt);
                }
            }
            Pane::Actors => {
                let art = self.article_mut();
                art.actor_cursor = i.min(art.entries.len().saturating_sub(1));
                self.follow_actor_cursor();
                self.reveal_actor(false);
            }
            Pane::Body => {
                self.article_mut().body_top = i;
                self.clamp_body();
            }
        }
    }

    /// Carries out one action.
    pub fn apply(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => self.running = false,
            Action::Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::CloseHelp => self.mode = Mode::Normal,
            Action::FocusNext => self.focus = self.focus.next(),
            Action::FocusPrev => self.focus = self.focus.prev(),
            Action::Move(motion) => self.move_by(motion),
            Action::NextBySpeaker => self.same_speaker(true),
            Action::PrevBySpeaker => self.same_speaker(false),
            Action::ToggleActor => self.toggle_actor(),
            Action::FilterSpeaker => self.filter_selected_speaker(),
            Action::ClearFilter => self.clear_filter(),
            Action::Escape => {
                if !self.query.is_empty() {
                    self.set_query(String::new());
                    self.notice = Some("search cleared".into());
                } else if self.article().filter_on() {
                    self.clear_filter();
                }
            }
            Action::StartSearch => {
                let in_view = self.selection_in_body_view();
                let art = self.article();
                let top = art.body.rows.get(art.body_top).map_or(0, |r| r.start);
                let origin = match art.selected {
                    Some(s) if in_view => art.doc.analysis.statements[s].span.start,
                    _ => top,
                };
                self.mode = Mode::Search(SearchPrompt {
                    input: String::new(),
                    previous_query: self.query.clone(),
                    origin,
                    origin_selected: art.selected,
                    origin_body_top: art.body_top,
                    origin_quotes_top: art.quotes_top,
                });
            }
            Action::SearchBackspace | Action::SearchDeleteWord | Action::SearchClear => {
                if let Mode::Search(prompt) = &mut self.mode {
                    match action {
                        Action::SearchBackspace => {
                            prompt.input.pop();
                        }
                        Action::SearchDeleteWord => {
                            let kept = prompt.input.trim_end().rfind(' ').map_or(0, |i| i + 1);
                            prompt.input.truncate(kept);
                        }
                        _ => prompt.input.clear(),
                    }
                }
                self.update_search();
            }
            Action::SearchAccept => {
                self.mode = Mode::Normal;
                if !self.query.is_empty() && self.article().matches.is_empty() {
                    self.notice = Some(format!("no match for “{}”", self.query));
                }
            }
            Action::SearchCancel => {
                if let Mode::Search(prompt) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    self.set_query(prompt.previous_query);
                    let art = self.article_mut();
                    art.selected = prompt.origin_selected.filter(|s| art.shown.contains(s));
                    art.body_top = prompt.origin_body_top;
                    art.quotes_top = prompt.origin_quotes_top;
                    self.clamp_body();
                }
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::NextArticle => self.switch_article(true),
            Action::PrevArticle => self.switch_article(false),
            Action::Copy => return self.copy_selected(),
            Action::Redraw => return Some(Effect::Redraw),
        }
        None
    }

    // ----- movement ------------------------------------------------------------------

    fn move_by(&mut self, motion: Motion) {
        if self.mode == Mode::Help {
            let page = usize::from(self.layout.area.height.saturating_sub(4)).max(1);
            let max = help::lines().len().saturating_sub(page);
            self.help_scroll = step(self.help_scroll, motion, page, max);
            return;
        }
        match self.focus {
            Pane::Quotes => {
                let page = self.quotes_height().max(1);
                let art = self.article();
                let Some(pos) = art.selected_pos() else {
                    return;
                };
                let last = art.shown.len().saturating_sub(1);
                let target = step(pos, motion, page, last);
                let stmt = art.shown[target];
                self.select(stmt);
            }
            Pane::Actors => {
                let page = self.actors_height().max(1);
                let art = self.article_mut();
                let last = art.entries.len().saturating_sub(1);
                art.actor_cursor = step(art.actor_cursor, motion, page / 2, last);
                self.follow_actor_cursor();
                self.reveal_actor(false);
            }
            Pane::Body => {
                let page = self.body_height().max(1);
                let max = self.max_body_top();
                let art = self.article_mut();
                art.body_top = step(art.body_top, motion, page, max);
            }
        }
    }

    /// Selects statement `stmt` and brings it into view in the quotes and the body.
    pub fn select(&mut self, stmt: usize) {
        self.article_mut().selected = Some(stmt);
        self.follow_selection();
    }

    fn same_speaker(&mut self, forward: bool) {
        let art = self.article();
        let Some(sel) = art.selected else {
            return;
        };
        let statements = &art.doc.analysis.statements;
        let speaker = statements[sel].speaker;
        let found = if forward {
            (sel + 1..statements.len()).find(|&i| statements[i].speaker == speaker)
        } else {
            (0..sel).rev().find(|&i| statements[i].speaker == speaker)
        };
        match found {
            Some(i) if art.passes(i) => self.select(i),
            _ => {
                let tag = art.speaker_tag(speaker).to_string();
                let which = if forward { "later" } else { "earlier" };
                self.notice = Some(format!("no {which} statement by {tag}"));
            }
        }
    }

    // ----- keeping things in view ------------------------------------------------------

    fn max_body_top(&self) -> usize {
        self.article()
            .body
            .len()
            .saturating_sub(self.body_height().max(1))
    }

    fn clamp_body(&mut self) {
        let max = self.max_body_top();
        let art = self.article_mut();
        art.body_top = art.body_top.min(max);
    }

    fn clamp_actors(&mut self) {
        let h = self.actors_height();
        let art = self.article_mut();
        art.actors_top = art.actors_top.min(art.lines.len().saturating_sub(h.max(1)));
    }

    /// Whether any row of the selected statement is on screen in the body.
    fn selection_in_body_view(&self) -> bool {
        let art = self.article();
        let Some(&(first, last)) = art.selected.and_then(|s| art.body.statement_rows.get(s)) else {
            return false;
        };
        let h = self.body_height();
        h > 0 && last >= art.body_top && first < art.body_top + h
    }

    fn follow_selection(&mut self) {
        self.follow_body();
        self.follow_quotes();
    }

    /// Scrolls the body so the selected statement shows, with a little context.
    fn follow_body(&mut self) {
        let h = self.body_height();
        let art = self.article();
        let Some(&(first, last)) = art.selected.and_then(|s| art.body.statement_rows.get(s)) else {
            return;
        };
        self.show_body_rows(first, last, h);
    }

    fn show_body_rows(&mut self, first: usize, last: usize, h: usize) {
        if h == 0 {
            return;
        }
        let margin = (h / 4).min(3);
        let art = self.article_mut();
        let top = art.body_top;
        // A statement taller than the pane shows from its start.
        let too_tall = last + 1 - first + 2 * margin > h;
        art.body_top = if too_tall || first < top + margin {
            first.saturating_sub(margin)
        } else if last + margin >= top + h {
            last + margin + 1 - h
        } else {
            top
        };
        self.clamp_body();
    }

    /// Scrolls the quote list so the selected entry shows whole.
    fn follow_quotes(&mut self) {
        let h = self.quotes_height();
        let sel_h = self.selected_quote_height();
        let art = self.article_mut();
        let Some(pos) = art.selected_pos() else {
            art.quotes_top = 0;
            return;
        };
        if pos < art.quotes_top {
            art.quotes_top = pos;
        } else if pos - art.quotes_top + sel_h > h {
            art.quotes_top = (pos + sel_h).saturating_sub(h).min(pos);
        }
        // No empty rows at the bottom while entries hide above (after a resize).
        let fill_top = (art.shown.len() + sel_h.saturating_sub(1)).saturating_sub(h);
        art.quotes_top = art.quotes_top.min(fill_top);
    }

    fn follow_actor_cursor(&mut self) {
        let h = self.actors_height();
        let art = self.article_mut();
        let Some(&line) = art.entry_line.get(art.actor_cursor) else {
            return;
        };
        let rows = match art.entries[art.actor_cursor] {
            ActorEntry::Speaker(_) => 2,
            ActorEntry::Mentioned(_) => 1,
        };
        // Show the "Speakers" heading when the cursor is on the first entry.
        let first = if art.actor_cursor == 0 { 0 } else { line };
        if first < art.actors_top {
            art.actors_top = first;
        } else if line + rows > art.actors_top + h {
            art.actors_top = (line + rows).saturating_sub(h);
        }
    }

    /// Brings a mention of the actor under the cursor into the body's view: with
    /// `next`, the one after the last shown; else the first one after the top of
    /// the screen, and only if none shows already. Returns its index.
    fn reveal_actor(&mut self, next: bool) -> Option<usize> {
        let h = self.body_height();
        let art = self.article();
        let actor = match art.entries.get(art.actor_cursor)? {
            ActorEntry::Speaker(Some(a)) | ActorEntry::Mentioned(a) => *a,
            ActorEntry::Speaker(None) => return None,
        };
        let mentions = &art.doc.analysis.actors[actor].mentions;
        if mentions.is_empty() || h == 0 {
            return None;
        }
        let top = art.body_top;
        let in_view = |m: &crate::Span| (top..top + h).contains(&art.body.row_of(m.start));
        if !next && mentions.iter().any(in_view) {
            return None;
        }
        let from = art.body.rows.get(top).map_or(0, |r| r.start);
        let i = match art.mention_cursor {
            Some((a, i)) if next && a == actor => (i + 1) % mentions.len(),
            _ => mentions.partition_point(|m| m.start < from) % mentions.len(),
        };
        let row = art.body.row_of(mentions[i].start);
        let art = self.article_mut();
        art.mention_cursor = Some((actor, i));
        // Centred: the text around a mention says why it is there.
        art.body_top = row.saturating_sub(h / 2);
        self.clamp_body();
        Some(i)
    }

    // ----- filter ----------------------------------------------------------------------

    fn toggle_actor(&mut self) {
        let art = self.article();
        let cursor = art.actor_cursor;
        match art.entries.get(cursor) {
            Some(&ActorEntry::Speaker(speaker)) => self.toggle_speaker(speaker),
            Some(&ActorEntry::Mentioned(a)) => {
                let name = art.doc.analysis.actors[a].short_name().to_string();
                let total = art.doc.analysis.actors[a].mentions.len();
                let shown = self.reveal_actor(true);
                self.notice = Some(match shown {
                    Some(i) => format!("{name} is only mentioned: mention {}/{total}", i + 1),
                    None => format!("{name} is only mentioned"),
                });
            }
            None => {}
        }
    }

    fn filter_selected_speaker(&mut self) {
        let art = self.article();
        if let Some(s) = art.selected {
            let speaker = art.doc.analysis.statements[s].speaker;
            self.toggle_speaker(speaker);
        }
    }

    fn toggle_speaker(&mut self, speaker: Option<usize>) {
        let art = self.article_mut();
        let key = art.filter_key(speaker);
        if let Some(on) = art.filter.get_mut(key) {
            *on = !*on;
        }
        let now_on = art.filter.get(key).copied().unwrap_or(false);
        let tag = art.speaker_tag(speaker).to_string();
        art.refilter();
        self.follow_selection();
        let change = if now_on { "added to" } else { "removed from" };
        self.notice = Some(format!("{tag} {change} the filter"));
    }

    fn clear_filter(&mut self) {
        let art = self.article_mut();
        if !art.filter_on() {
            return;
        }
        art.filter.iter_mut().for_each(|f| *f = false);
        art.refilter();
        self.follow_selection();
        self.notice = Some("filter cleared".into());
    }

    /// "filter: Peskov, Putin (5/22)" or "no filter".
    pub fn filter_summary(&self) -> String {
        let art = self.article();
        if !art.filter_on() {
            return "no filter".into();
        }
        format!(
            "filter: {} ({}/{})",
            art.filter_names().join(", "),
            art.shown.len(),
            art.doc.analysis.statements.len()
        )
    }

    // ----- search ----------------------------------------------------------------------

    fn set_query(&mut self, query: String) {
        self.query = query;
        let query = self.query.clone();
        let art = self.article_mut();
        art.matches = if query.is_empty() {
            Vec::new()
        } else {
            let folded = art.folded.get_or_insert_with(|| Folded::new(&art.doc.text));
            folded.find(&art.doc.text, &query)
        };
        art.current_match = None;
    }

    /// Follows the prompt as it is typed: finds the matches and shows the first
    /// one after where the search started.
    fn update_search(&mut self) {
        let Mode::Search(prompt) = &self.mode else {
            return;
        };
        let input = prompt.input.clone();
        let from = prompt.origin;
        self.set_query(input);
        let art = self.article();
        let first = art.matches.partition_point(|m| m.start < from);
        if !art.matches.is_empty() {
            self.goto_match(first % art.matches.len());
        }
    }

    fn step_match(&mut self, forward: bool) {
        if self.query.is_empty() {
            self.notice = Some("no search: press / to search".into());
            return;
        }
        let art = self.article();
        let count = art.matches.len();
        if count == 0 {
            self.notice = Some(format!("no match for “{}”", self.query));
            return;
        }
        let next = match (art.current_match, forward) {
            (Some(i), true) => i + 1,
            (Some(i), false) => i.wrapping_sub(1),
            (None, _) => {
                // From the top of the screen.
                let from = art.body.rows.get(art.body_top).map_or(0, |r| r.start);
                let i = art.matches.partition_point(|m| m.start < from);
                if forward { i } else { i.wrapping_sub(1) }
            }
        };
        let wrapped = next >= count;
        let next = if next == usize::MAX {
            count - 1
        } else {
            next % count
        };
        if wrapped {
            self.notice = Some(if forward {
                "search wrapped to the top".into()
            } else {
                "search wrapped to the bottom".into()
            });
        }
        self.goto_match(next);
    }

    /// Makes match `i` current: selects its statement and scrolls the body to it.
    fn goto_match(&mut self, i: usize) {
        let h = self.body_height();
        let art = self.article_mut();
        let Some(m) = art.matches.get(i).copied() else {
            return;
        };
        art.current_match = Some(i);
        if let Some(s) = art.statement_at(m.start).filter(|&s| art.passes(s)) {
            art.selected = Some(s);
            self.follow_quotes();
        }
        let art = self.article();
        let first = art.body.row_of(m.start);
        let last = art.body.row_of(m.end.saturating_sub(1));
        self.show_body_rows(first, last, h);
    }

    // ----- articles and clipboard --------------------------------------------------------

    fn switch_article(&mut self, forward: bool) {
        let n = self.articles.len();
        if n < 2 {
            self.notice = Some("only one article is open".into());
            return;
        }
        self.current = if forward {
            (self.current + 1) % n
        } else {
            (self.current + n - 1) % n
        };
        let fresh = self.article().body.width == 0;
        self.reflow();
        let query = self.query.clone();
        self.set_query(query);
        if fresh {
            self.follow_selection();
        }
        self.notice = Some(format!(
            "article {}/{}: {}",
            self.current + 1,
            n,
            self.article().doc.display_title()
        ));
    }

    fn copy_selected(&mut self) -> Option<Effect> {
        let art = self.article();
        let Some(s) = art.selected else {
            self.notice = Some("no statement to copy".into());
            return None;
        };
        let statement = &art.doc.analysis.statements[s];
        let text = art.doc.text[statement.span.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let attribution = match statement
            .speaker
            .and_then(|a| art.doc.analysis.actors.get(a))
        {
            Some(actor) => match actor.roles.first() {
                Some(role) => format!("{}, {}", actor.name, role),
                None => actor.name.clone(),
            },
            None => "unattributed".into(),
        };
        let tag = art.speaker_tag(statement.speaker).to_string();
        self.notice = Some(format!("copied {tag}'s statement"));
        Some(Effect::Copy(format!("{text}\n— {attribution}")))
    }

    // ----- mouse ------------------------------------------------------------------------

    pub fn handle_mouse(&mut self, mouse: &MouseEvent) {
        let (x, y) = (mouse.column, mouse.row);
        if self.mode == Mode::Help {
            match mouse.kind {
                MouseEventKind::ScrollDown => self.move_by(Motion::Down),
                MouseEventKind::ScrollUp => self.move_by(Motion::Up),
                MouseEventKind::Down(_) => self.mode = Mode::Normal,
                _ => {}
            }
            return;
        }
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(tab) = self.layout.tab_at(x, y) {
                    self.focus = tab;
                } else if let Some(pane) = self.layout.pane_at(x, y, self.focus) {
                    self.focus = pane;
                    self.click(pane, x, y);
                }
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if let Some(pane) = self.layout.pane_at(x, y, self.focus) {
                    self.wheel(pane, down);
                }
            }
            _ => {}
        }
    }

    fn wheel(&mut self, pane: Pane, down: bool) {
        let scroll = |v: usize, max: usize| {
            if down {
                (v + WHEEL_ROWS).min(max)
            } else {
                v.saturating_sub(WHEEL_ROWS)
            }
        };
        match pane {
            Pane::Body => {
                let max = self.max_body_top();
                let art = self.article_mut();
                art.body_top = scroll(art.body_top, max);
            }
            Pane::Quotes => {
                let art = self.article_mut();
                let max = art.shown.len().saturating_sub(1);
                art.quotes_top = scroll(art.quotes_top, max);
            }
            Pane::Actors => {
                let h = self.actors_height();
                let art = self.article_mut();
                let max = art.lines.len().saturating_sub(h.max(1));
                art.actors_top = scroll(art.actors_top, max);
            }
        }
    }

    fn click(&mut self, pane: Pane, x: u16, y: u16) {
        let inner = self.layout.pane(pane).inner;
        if y < inner.y || y >= inner.bottom() {
            return;
        }
        let dy = usize::from(y - inner.y);
        match pane {
            Pane::Actors => {
                let art = self.article_mut();
                let line = art.actors_top + dy;
                let entry = match art.lines.get(line) {
                    Some(ActorLine::Name(e) | ActorLine::Role(e)) => Some(*e),
                    _ => None,
                };
                if let Some(e) = entry {
                    art.actor_cursor = e;
                    self.reveal_actor(false);
                }
            }
            Pane::Quotes => {
                if let Some(stmt) = self.quote_at_row(dy) {
                    self.select(stmt);
                }
            }
            Pane::Body => {
                let geo = self.body_geometry();
                let art = self.article();
                let row_index = art.body_top + dy;
                let Some(row) = art.body.rows.get(row_index).copied() else {
                    return;
                };
                let stmt = if x >= geo.text.x {
                    byte_at_column(&art.doc.text, row, usize::from(x - geo.text.x))
                        .and_then(|b| art.statement_at(b))
                } else {
                    art.statement_starting_on(row_index)
                };
                if let Some(s) = stmt.filter(|&s| art.passes(s)) {
                    self.article_mut().selected = Some(s);
                    self.follow_quotes();
                }
            }
        }
    }

    /// The statement drawn on row `dy` of the quote list.
    fn quote_at_row(&self, dy: usize) -> Option<usize> {
        let art = self.article();
        let sel_pos = art.selected_pos();
        let sel_h = self.selected_quote_height().max(1);
        let mut row = 0;
        for pos in art.quotes_top..art.shown.len() {
            let h = if Some(pos) == sel_pos { sel_h } else { 1 };
            if dy < row + h {
                return Some(art.shown[pos]);
            }
            row += h;
        }
        None
    }
}

/// Moves `pos` by `motion` within `0..=last`; `page` is a screenful.
fn step(pos: usize, motion: Motion, page: usize, last: usize) -> usize {
    let half = (page / 2).max(1);
    let page = page.max(1);
    let next = match motion {
        Motion::Down => pos.saturating_add(1),
        Motion::Up => pos.saturating_sub(1),
        Motion::HalfDown => pos.saturating_add(half),
        Motion::HalfUp => pos.saturating_sub(half),
        Motion::PageDown => pos.saturating_add(page),
        Motion::PageUp => pos.saturating_sub(page),
        Motion::First => 0,
        Motion::Last => last,
    };
    next.min(last)
}

/// The byte of `row` drawn at `column` columns from its start.
fn byte_at_column(text: &str, row: Row, column: usize) -> Option<usize> {
    let mut found = None;
    let mut at = 0;
    for_each_grapheme(&text[row.start..row.end], |i, _, w| {
        if column < at + w.max(1) {
            found = Some(row.start + i);
            return false;
        }
        at += w;
        true
    });
    found
}

/// The largest char boundary of `s` at or before `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
