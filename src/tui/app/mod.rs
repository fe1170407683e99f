//! The reader's state and its update step: an event in, a new state out. No
//! terminal here; tests drive it with key sequences and the renderer only reads it.
//!
//! The update step is spread by concern: [`navigate`] (movement and keeping the
//! selection in view), [`filter`] (the speaker filter and the actors pane, in
//! either scope), [`find`] (search), [`mouse`], [`articles`] (the article list,
//! articles arriving while the reader runs, the briefing join) and [`export`]
//! (the clipboard and the Markdown note).
//!
//! Two scopes for the actors pane: the current article's actors, or the
//! briefing's, where one person across articles is one actor (kept in a
//! [`BriefingView`]). A filter on
//! briefing actors turns the quote list into their statements across every
//! article ([`App::quote_list`]); moving through it opens each statement's article.

mod articles;
mod export;
mod filter;
mod find;
mod mouse;
mod navigate;

use super::article::{ActorList, ArticleView};
use super::briefing_view::BriefingView;
use super::keys::{self, Action, KeyContext, Motion};
use super::layout::{AppLayout, BodyGeometry, Pane, QuoteGeometry, header_rows};
use super::wrap::{Row, Wrapper};
use crate::input::LoadError;
use crate::{Analysis, Document};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use std::path::PathBuf;

pub use articles::{Progress, Update};

/// Rows the wheel scrolls per notch.
const WHEEL_ROWS: usize = 3;

/// What the app is doing with the keyboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputMode {
    Normal,
    /// Typing a search; matches follow every key.
    Search(SearchPrompt),
    /// Typing the file to save the Markdown note to.
    Save(SavePrompt),
    Help,
    /// The article list is open.
    Articles,
}

/// What the actors pane shows, and what the speaker filter works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The current article's actors.
    Article,
    /// The actors of every open article, joined.
    Briefing,
}

/// A cursor in a list drawn in a window: the article list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub cursor: usize,
    pub top: usize,
}

/// The quote list: the current article's statements that pass the filter, or
/// with a filter on briefing actors, their statements in every article.
#[derive(Clone, Copy, Debug)]
pub enum QuoteList<'a> {
    /// Statements of article `.0`.
    Article(usize, &'a [usize]),
    /// (article, statement) pairs in article then text order.
    Briefing(&'a [(usize, usize)]),
}

impl QuoteList<'_> {
    pub fn len(&self) -> usize {
        match self {
            QuoteList::Article(_, s) => s.len(),
            QuoteList::Briefing(e) => e.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The (article, statement) at position `pos`.
    pub fn get(&self, pos: usize) -> Option<(usize, usize)> {
        match self {
            QuoteList::Article(d, s) => s.get(pos).map(|&s| (*d, s)),
            QuoteList::Briefing(e) => e.get(pos).copied(),
        }
    }

    /// The position of statement `stmt` of article `doc`.
    pub fn position(&self, doc: usize, stmt: usize) -> Option<usize> {
        match self {
            QuoteList::Article(d, s) if *d == doc => s.binary_search(&stmt).ok(),
            QuoteList::Article(..) => None,
            QuoteList::Briefing(e) => e.binary_search(&(doc, stmt)).ok(),
        }
    }

    /// The first position at or after article `doc`.
    pub fn first_from(&self, doc: usize) -> usize {
        match self {
            QuoteList::Article(d, s) if *d < doc => s.len(),
            QuoteList::Article(..) => 0,
            QuoteList::Briefing(e) => e.partition_point(|&(d, _)| d < doc),
        }
    }

    /// Whether entries come from several articles (and so show their number).
    pub fn across_articles(&self) -> bool {
        matches!(self, QuoteList::Briefing(_))
    }
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

/// The prompt for the file a note is saved to, filled in with a fresh name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavePrompt {
    pub input: String,
}

impl InputMode {
    /// The text being typed, in either prompt.
    pub fn prompt_input(&mut self) -> Option<&mut String> {
        match self {
            InputMode::Search(p) => Some(&mut p.input),
            InputMode::Save(p) => Some(&mut p.input),
            _ => None,
        }
    }

    pub fn in_prompt(&self) -> bool {
        matches!(self, InputMode::Search(_) | InputMode::Save(_))
    }
}

/// Something only the terminal can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Repaint the whole screen.
    Redraw,
}

/// The whole reader: the open articles and what the user is doing with them.
#[derive(Clone, Debug)]
pub struct App {
    /// The open articles, in input order; articles only ever get added at the end.
    articles: Vec<ArticleView>,
    current: usize,
    scope: Scope,
    /// The articles as one briefing: the join, its filter and quote list.
    briefing: BriefingView,
    picker: ListCursor,
    /// Inputs still being read, while the reader runs.
    loading: Option<Progress>,
    /// Inputs that could not be read.
    errors: Vec<LoadError>,
    /// Where notes and statements written to files go (names the user types
    /// are relative to it).
    export_dir: PathBuf,
    /// Why the terminal may not pass OSC 52 on to the clipboard (tmux, screen,
    /// the Linux console), when it may not: said after a copy.
    clipboard_doubt: Option<&'static str>,
    /// Statements of what people think, want or expect are hidden (in every
    /// article, on top of the speaker filter).
    hide_thoughts: bool,
    focus: Pane,
    mode: InputMode,
    /// The search query (live while typing).
    query: String,
    /// A short message for the status line, cleared by the next key.
    notice: Option<String>,
    layout: AppLayout,
    help_scroll: usize,
    /// A count typed before a key ("5j"), as in less and vim.
    count: Option<usize>,
    running: bool,
    /// No input has given an article yet: the one article is a stand-in.
    waiting: bool,
    /// The search prompt changed since its matches were found (see
    /// [`App::settle`]).
    search_pending: bool,
}

impl App {
    /// A reader over analysed documents.
    pub fn new(docs: Vec<Document>) -> App {
        App::from_articles(
            docs.into_iter()
                .map(|d| ArticleView::new(d, false))
                .collect(),
        )
    }

    /// A reader over documents whose analyses arrive later ([`App::set_analysis`]).
    pub fn pending(docs: Vec<Document>) -> App {
        App::from_articles(
            docs.into_iter()
                .map(|d| ArticleView::new(d, true))
                .collect(),
        )
    }

    fn from_articles(mut articles: Vec<ArticleView>) -> App {
        if articles.is_empty() {
            articles.push(ArticleView::new(Document::new("empty", ""), false));
        }
        let briefing = BriefingView::new(&articles);
        App {
            articles,
            current: 0,
            scope: Scope::Article,
            briefing,
            picker: ListCursor::default(),
            loading: None,
            errors: Vec::new(),
            export_dir: PathBuf::from("."),
            clipboard_doubt: None,
            hide_thoughts: false,
            focus: Pane::Quotes,
            mode: InputMode::Normal,
            query: String::new(),
            notice: None,
            layout: AppLayout::default(),
            help_scroll: 0,
            count: None,
            running: true,
            waiting: false,
            search_pending: false,
        }
    }

    /// A reader whose inputs are still on their way: an empty stand-in article
    /// until the first arrives ([`App::add_article`]).
    pub fn waiting() -> App {
        let mut app = App::from_articles(vec![ArticleView::new(
            Document::new("waiting for the inputs…", ""),
            false,
        )]);
        app.waiting = true;
        app
    }

    // ----- what the state holds, for the renderer, the terminal and tests ----------

    /// The open articles, in input order.
    pub fn articles(&self) -> &[ArticleView] {
        &self.articles
    }

    /// The position of the article in view.
    pub fn current(&self) -> usize {
        self.current
    }

    /// The article in view.
    pub fn article(&self) -> &ArticleView {
        &self.articles[self.current]
    }

    /// What the actors pane shows.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn mode(&self) -> &InputMode {
        &self.mode
    }

    /// The search query (live while typing).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The status line's message, until the next key.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Puts a message in the status line (or takes it away).
    pub fn set_notice(&mut self, notice: Option<String>) {
        self.notice = notice;
    }

    pub fn layout(&self) -> &AppLayout {
        &self.layout
    }

    /// The first row of the help on screen.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The article list's cursor and scroll.
    pub fn picker(&self) -> ListCursor {
        self.picker
    }

    /// A count being typed before a key.
    pub fn count(&self) -> Option<usize> {
        self.count
    }

    /// Whether statements of what people think are hidden.
    pub fn hides_thoughts(&self) -> bool {
        self.hide_thoughts
    }

    /// Inputs still being read, while the reader runs.
    pub fn loading(&self) -> Option<Progress> {
        self.loading
    }

    /// Inputs that could not be read.
    pub fn errors(&self) -> &[LoadError] {
        &self.errors
    }

    /// Whether the reader goes on (until the user quits).
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Whether no input has given an article yet.
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    /// Where notes and statements written to files go.
    pub fn set_export_dir(&mut self, dir: PathBuf) {
        self.export_dir = dir;
    }

    /// Why the terminal may not pass a copy on to the clipboard, said after
    /// each copy.
    pub fn set_clipboard_doubt(&mut self, doubt: Option<&'static str>) {
        self.clipboard_doubt = doubt;
    }

    fn article_mut(&mut self) -> &mut ArticleView {
        &mut self.articles[self.current]
    }

    /// The actors pane's list in the current scope.
    pub fn actor_list(&self) -> &ActorList {
        match self.scope {
            Scope::Article => &self.article().actors,
            Scope::Briefing => &self.briefing.joined().list,
        }
    }

    fn actor_list_mut(&mut self) -> &mut ActorList {
        match self.scope {
            Scope::Article => &mut self.articles[self.current].actors,
            Scope::Briefing => self.briefing.list_mut(),
        }
    }

    /// The open articles as one briefing.
    pub fn briefing(&self) -> &BriefingView {
        &self.briefing
    }

    /// Whether the quote list runs across the briefing (a filter on briefing actors).
    pub fn cross_mode(&self) -> bool {
        self.scope == Scope::Briefing && self.briefing.filter_on()
    }

    /// The quote list as shown.
    pub fn quote_list(&self) -> QuoteList<'_> {
        if self.cross_mode() {
            QuoteList::Briefing(self.briefing.quotes())
        } else {
            QuoteList::Article(self.current, &self.article().shown)
        }
    }

    /// The position of the selected statement in the quote list.
    pub fn quote_pos(&self) -> Option<usize> {
        let s = self.article().selected?;
        self.quote_list().position(self.current, s)
    }

    /// The first entry of the quote list on screen.
    pub fn quotes_top(&self) -> usize {
        if self.cross_mode() {
            self.briefing.quotes_top()
        } else {
            self.article().quotes_top
        }
    }

    fn set_quotes_top(&mut self, top: usize) {
        if self.cross_mode() {
            self.briefing.set_quotes_top(top);
        } else {
            self.article_mut().quotes_top = top;
        }
    }

    // ----- geometry shared with the renderer -------------------------------------

    pub fn body_geometry(&self) -> BodyGeometry {
        let inner = self.layout.body.inner;
        let lines = self.header_lines().len() as u16;
        let rows = header_rows(inner.height).min(lines);
        BodyGeometry::with_header(inner, self.article().tag_width, rows)
    }

    /// The article header, line by line: the title (unless the body shows it,
    /// as it does when a statement lies in it), then the byline, date, file
    /// name and which article of how many. Standard input has no file name.
    pub fn header_lines(&self) -> Vec<String> {
        let art = self.article();
        let analysis = &art.doc.analysis;
        let mut lines = Vec::with_capacity(2);
        let title_in_body = art.title_in_body();
        if !title_in_body {
            lines.push(art.title().split_whitespace().collect::<Vec<_>>().join(" "));
        }
        let mut about: Vec<String> = Vec::new();
        if let Some(b) = analysis.byline.as_deref() {
            about.push(format!("By {}", b.trim()));
        }
        if let Some(d) = analysis.date.as_deref() {
            about.push(d.trim().to_string());
        }
        // Without a title the title line already names the file.
        if (analysis.title.is_some() || title_in_body) && art.doc.source != "-" {
            about.push(crate::export::file_name(&art.doc.source).to_string());
        }
        if self.articles.len() > 1 {
            about.push(format!(
                "article {}/{}",
                self.current + 1,
                self.articles.len()
            ));
        }
        if !about.is_empty() {
            lines.push(about.join(" · "));
        }
        lines
    }

    pub fn quote_geometry(&self) -> QuoteGeometry {
        let width = self.layout.quotes.inner.width;
        if self.cross_mode() {
            let digits = self.articles.len().to_string().len() as u16;
            QuoteGeometry::numbered(width, self.briefing.joined().tag_width, digits)
        } else {
            QuoteGeometry::new(width, self.article().tag_width)
        }
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
        let effect = self.take_event(event);
        self.settle();
        effect
    }

    /// Updates the state for one event of a burst (a paste without bracketed
    /// paste is a burst of keys): what is typed into the search prompt is only
    /// searched for at [`App::settle`], after the burst, so that a long burst
    /// costs one search, not one per key.
    pub fn take_event(&mut self, event: &Event) -> Option<Effect> {
        let typed = matches!(self.mode, InputMode::Search(_))
            && match event {
                Event::Paste(_) => true,
                Event::Key(key) => {
                    matches!(key.code, KeyCode::Char(_))
                        && !key.modifiers.contains(KeyModifiers::CONTROL)
                        && keys::lookup(&[KeyContext::Prompt, KeyContext::Always], key).is_none()
                }
                _ => false,
            };
        if !typed {
            self.settle();
        }
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
            Event::Paste(text) => {
                self.paste(text);
                None
            }
            _ => None,
        }
    }

    /// Finds what the search prompt holds, if it changed since the last time.
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.search_pending) {
            self.update_search();
        }
    }

    /// Pasted text (bracketed paste) is text, never keys: typed into a prompt
    /// on one line (line breaks as spaces, controls left out), ignored anywhere
    /// else.
    fn paste(&mut self, text: &str) {
        let searching = matches!(self.mode, InputMode::Search(_));
        let Some(input) = self.mode.prompt_input() else {
            self.notice = Some("pasted text ignored: press / to search".into());
            return;
        };
        input.reserve(text.len());
        for c in text.chars() {
            if c.is_whitespace() {
                if !input.ends_with(' ') && !input.is_empty() {
                    input.push(' ');
                }
            } else if !c.is_control() {
                input.push(c);
            }
        }
        self.search_pending = searching;
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
        self.clamp_picker();
    }

    /// Re-wraps the current article if the body's text width changed.
    fn reflow(&mut self) {
        let width = usize::from(self.body_geometry().text.width).max(1);
        let art = &mut self.articles[self.current];
        if art.body.width != width {
            art.wrap_body(width);
        }
        self.clamp_body();
    }

    /// Hands the engine's analysis of article `index` to the reader.
    ///
    /// The briefing join is rebuilt at once when this was the last analysis
    /// awaited; before that it is only marked stale (see [`App::rejoin_if_stale`]),
    /// so a thousand arriving analyses do not mean a thousand joins.
    pub fn set_analysis(&mut self, index: usize, analysis: Analysis) {
        let pinned = self.cross_mode();
        let Some(art) = self.articles.get_mut(index) else {
            return;
        };
        let top_byte = art.body.rows.get(art.body_top).map_or(0, |r| r.start);
        art.set_analysis(analysis);
        // Until the join knows its actors, nothing of it passes a briefing filter.
        art.pinned = pinned;
        art.refilter();
        // Select the first statement in view rather than jump back to the top.
        let first = art
            .doc
            .analysis
            .statements
            .partition_point(|s| s.span.end <= top_byte);
        if first < art.doc.analysis.statements.len() {
            art.selected = Some(first);
        }
        self.briefing.mark_stale();
        if self.loading.is_none() && !self.articles.iter().any(|a| a.analysing) {
            self.rejoin();
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
        let contexts: &[KeyContext] = match (&self.mode, self.focus) {
            (InputMode::Search(_) | InputMode::Save(_), _) => {
                &[KeyContext::Prompt, KeyContext::Always]
            }
            (InputMode::Help, _) => &[KeyContext::Help, KeyContext::Always],
            (InputMode::Articles, _) => &[KeyContext::Articles, KeyContext::Always],
            (InputMode::Normal, Pane::Actors) => {
                &[KeyContext::Actors, KeyContext::Global, KeyContext::Always]
            }
            (InputMode::Normal, Pane::Body) => {
                &[KeyContext::Body, KeyContext::Global, KeyContext::Always]
            }
            (InputMode::Normal, Pane::Quotes) => {
                &[KeyContext::Quotes, KeyContext::Global, KeyContext::Always]
            }
        };
        let action = keys::lookup(contexts, key);
        if action == Some(Action::Count)
            && let KeyCode::Char(d @ '0'..='9') = key.code
        {
            // A 0 with no count before it is no count.
            if d != '0' || self.count.is_some() {
                let digit = d as usize - '0' as usize;
                self.count = Some((self.count.unwrap_or(0) * 10 + digit).min(999_999));
            }
            return None;
        }
        let count = self.count.take();
        match action {
            Some(action) => self.apply_counted(action, count),
            None => {
                let searching = matches!(self.mode, InputMode::Search(_));
                if let Some(input) = self.mode.prompt_input()
                    && let KeyCode::Char(c) = key.code
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    input.push(c);
                    self.search_pending = searching;
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
            | Action::NextArticle
            | Action::PrevArticle
            | Action::NextBySpeaker
            | Action::PrevBySpeaker
            | Action::NextMatch
            | Action::PrevMatch => {
                // More than the list holds would change nothing.
                let limit = self
                    .quote_list()
                    .len()
                    .max(self.article().body.len())
                    .max(self.articles.len())
                    + 1;
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
            _ if self.mode == InputMode::Articles => {
                self.picker.cursor = i.min(self.articles.len() - 1);
                self.clamp_picker();
            }
            Pane::Quotes => {
                let list = self.quote_list();
                if let Some((doc, stmt)) = list.get(i.min(list.len().saturating_sub(1))) {
                    self.select_entry(doc, stmt);
                }
            }
            Pane::Actors => {
                let list = self.actor_list_mut();
                list.cursor = i.min(list.entries.len().saturating_sub(1));
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
        self.settle();
        match action {
            Action::Quit => self.running = false,
            Action::Help => {
                self.mode = InputMode::Help;
                self.help_scroll = 0;
            }
            Action::CloseHelp => self.mode = InputMode::Normal,
            Action::FocusNext => self.focus = self.focus.next(),
            Action::FocusPrev => self.focus = self.focus.prev(),
            Action::FocusLeft => {
                if self.focus != Pane::ALL[0] {
                    self.focus = self.focus.prev();
                }
            }
            Action::FocusRight => {
                if self.focus != Pane::ALL[2] {
                    self.focus = self.focus.next();
                }
            }
            Action::ShowInArticle => match self.article().selected {
                Some(_) => {
                    self.focus = Pane::Body;
                    self.follow_body();
                }
                None => self.notice = Some("no statement to show".into()),
            },
            Action::ToggleThoughts => self.toggle_thoughts(),
            Action::Count => {}
            Action::Move(motion) => self.move_by(motion),
            Action::NextBySpeaker => self.same_speaker(true),
            Action::PrevBySpeaker => self.same_speaker(false),
            Action::ToggleActor => self.toggle_actor(),
            Action::FilterSpeaker => self.filter_selected_speaker(),
            Action::Escape => {
                if !self.query.is_empty() {
                    self.set_query(String::new());
                    self.notice = Some("search cleared".into());
                } else if self.filter_on() {
                    self.clear_filter();
                }
            }
            Action::StartSearch => self.start_search(),
            Action::PromptBackspace | Action::PromptDeleteWord | Action::PromptClear => {
                self.edit_prompt(action)
            }
            Action::PromptAccept => self.accept_prompt(),
            Action::PromptCancel => self.cancel_prompt(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::NextArticle => self.switch_article(true),
            Action::PrevArticle => self.switch_article(false),
            Action::ToggleScope => self.toggle_scope(),
            Action::ArticleList => self.open_picker(),
            Action::CloseArticles => self.mode = InputMode::Normal,
            Action::OpenArticle => self.open_picked(),
            Action::Copy => return self.copy_selected(),
            Action::CopyToFile => self.copy_to_file(),
            Action::Export => self.ask_where_to_save(),
            Action::Redraw => return Some(Effect::Redraw),
        }
        None
    }

    /// Opens the search prompt, remembering where reading was so that a
    /// cancelled search puts it back.
    fn start_search(&mut self) {
        let in_view = self.selection_in_body_view();
        let art = self.article();
        let top = art.body.rows.get(art.body_top).map_or(0, |r| r.start);
        let origin = match art.selected {
            Some(s) if in_view => art.doc.analysis.statements[s].span.start,
            _ => top,
        };
        self.mode = InputMode::Search(SearchPrompt {
            input: String::new(),
            previous_query: self.query.clone(),
            origin,
            origin_selected: art.selected,
            origin_body_top: art.body_top,
            origin_quotes_top: self.quotes_top(),
        });
    }

    /// Edits the open prompt: one character, a word, or all of it.
    fn edit_prompt(&mut self, action: Action) {
        if let Some(input) = self.mode.prompt_input() {
            match action {
                Action::PromptBackspace => {
                    input.pop();
                }
                Action::PromptDeleteWord => {
                    // A word, or a part of a path.
                    let kept = input
                        .trim_end_matches([' ', '/'])
                        .rfind([' ', '/'])
                        .map_or(0, |i| i + 1);
                    input.truncate(kept);
                }
                _ => input.clear(),
            }
        }
        self.update_search();
    }

    /// Enter in a prompt: keeps the search (an empty one repeats the last),
    /// or saves the note.
    fn accept_prompt(&mut self) {
        match &self.mode {
            InputMode::Search(prompt) if prompt.input.is_empty() => {
                let previous = prompt.previous_query.clone();
                self.mode = InputMode::Normal;
                self.repeat_search(previous);
            }
            InputMode::Search(_) => {
                self.mode = InputMode::Normal;
                if !self.query.is_empty() && self.article().matches.is_empty() {
                    self.notice = Some(format!("no match for “{}”", self.query));
                }
            }
            InputMode::Save(prompt) => {
                let input = prompt.input.clone();
                self.save_note(&input);
            }
            _ => {}
        }
    }

    /// Esc in a prompt: the search as it was before, or nothing saved.
    fn cancel_prompt(&mut self) {
        match std::mem::replace(&mut self.mode, InputMode::Normal) {
            InputMode::Search(prompt) => {
                self.set_query(prompt.previous_query);
                let art = self.article_mut();
                art.selected = prompt.origin_selected.filter(|s| art.shown.contains(s));
                art.body_top = prompt.origin_body_top;
                self.set_quotes_top(prompt.origin_quotes_top);
                self.clamp_body();
            }
            InputMode::Save(_) => self.notice = Some("nothing saved".into()),
            _ => {}
        }
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
