//! The key table: every binding, once. It drives dispatch ([`lookup`]), the help
//! overlay and the key hints, so what the help says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A movement, interpreted by the focused pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Down,
    Up,
    HalfDown,
    HalfUp,
    PageDown,
    PageUp,
    First,
    Last,
}

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    Move(Motion),
    NextBySpeaker,
    PrevBySpeaker,
    /// Toggles the actor under the cursor in the speaker filter.
    ToggleActor,
    /// Toggles the selected statement's speaker in the filter.
    FilterSpeaker,
    ClearFilter,
    /// Clears the search, or else the filter.
    Escape,
    StartSearch,
    NextMatch,
    PrevMatch,
    NextArticle,
    PrevArticle,
    /// Switches the actors pane between this article and the whole briefing.
    ToggleScope,
    /// Opens the article list.
    ArticleList,
    /// Opens the article under the list's cursor.
    OpenArticle,
    CloseArticles,
    Copy,
    /// Writes the Markdown note of the current view to a file.
    Export,
    Redraw,
    SearchAccept,
    SearchCancel,
    SearchBackspace,
    SearchDeleteWord,
    SearchClear,
    CloseHelp,
}

/// Where a binding applies. Lookup tries the focused pane first, then `Global`;
/// `Always` applies even in the search prompt and the help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Always,
    Global,
    Quotes,
    Actors,
    Body,
    Search,
    Help,
    /// The article list.
    Articles,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Always | Context::Global => "Everywhere",
            Context::Quotes => "Quotes pane",
            Context::Actors => "Actors pane",
            Context::Body => "Article pane",
            Context::Search => "Search prompt (type to search)",
            Context::Help => "This help",
            Context::Articles => "Article list",
        }
    }
}

/// A key with its modifiers. Shift is implied by the character (`G`), so it is
/// ignored for characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal event, normalised for matching.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let KeyCode::Char(c) = event.code
            && mods.contains(KeyModifiers::CONTROL)
        {
            // Some terminals report Ctrl-D as 'D' with shift.
            mods = KeyModifiers::CONTROL | (mods & KeyModifiers::ALT);
            return Key {
                code: KeyCode::Char(c.to_ascii_lowercase()),
                mods,
            };
        }
        Key {
            code: event.code,
            mods,
        }
    }

    /// How the help names the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Bksp".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use Action as A;
use Context as C;
use Motion as M;

const DOWN: &[Key] = &[Key::char('j'), Key::plain(KeyCode::Down)];
const UP: &[Key] = &[Key::char('k'), Key::plain(KeyCode::Up)];
const FIRST: &[Key] = &[Key::char('g'), Key::plain(KeyCode::Home)];
const LAST: &[Key] = &[Key::char('G'), Key::plain(KeyCode::End)];

/// Every key binding of the reader.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(C::Always, &[Key::ctrl('c')], A::Quit, "quit"),
    bind(C::Global, &[Key::char('q')], A::Quit, "quit"),
    bind(C::Global, &[Key::char('?')], A::Help, "show this help"),
    bind(C::Global, &[Key::plain(KeyCode::Tab)], A::FocusNext, "focus the next pane"),
    bind(C::Global, &[Key::plain(KeyCode::BackTab)], A::FocusPrev, "focus the previous pane"),
    bind(C::Global, DOWN, A::Move(M::Down), "next statement · next actor · scroll down"),
    bind(C::Global, UP, A::Move(M::Up), "previous statement · previous actor · scroll up"),
    bind(C::Global, FIRST, A::Move(M::First), "first statement · first actor · top"),
    bind(C::Global, LAST, A::Move(M::Last), "last statement · last actor · bottom"),
    bind(C::Global, &[Key::ctrl('d')], A::Move(M::HalfDown), "half a page down"),
    bind(C::Global, &[Key::ctrl('u')], A::Move(M::HalfUp), "half a page up"),
    bind(C::Global, &[Key::plain(KeyCode::PageDown), Key::ctrl('f')], A::Move(M::PageDown), "a page down"),
    bind(C::Global, &[Key::plain(KeyCode::PageUp), Key::ctrl('b')], A::Move(M::PageUp), "a page up"),
    bind(C::Global, &[Key::char(']')], A::NextBySpeaker, "next statement by the same speaker"),
    bind(C::Global, &[Key::char('[')], A::PrevBySpeaker, "previous statement by the same speaker"),
    bind(C::Global, &[Key::char('f')], A::FilterSpeaker, "toggle this statement's speaker in the filter"),
    bind(C::Global, &[Key::char('/')], A::StartSearch, "search the article as you type"),
    bind(C::Global, &[Key::char('n')], A::NextMatch, "next search match"),
    bind(C::Global, &[Key::char('N')], A::PrevMatch, "previous search match"),
    bind(C::Global, &[Key::plain(KeyCode::Esc)], A::Escape, "clear the search, then the filter"),
    bind(C::Global, &[Key::char('y')], A::Copy, "copy the statement with its speaker (OSC 52)"),
    bind(C::Global, &[Key::char('e')], A::Export, "write a Markdown note of this view (filter applied) to a file"),
    bind(C::Global, &[Key::char('}')], A::NextArticle, "next article"),
    bind(C::Global, &[Key::char('{')], A::PrevArticle, "previous article"),
    bind(C::Global, &[Key::char('a')], A::ArticleList, "list the open articles"),
    bind(C::Global, &[Key::char('s')], A::ToggleScope, "actors of this article / of the whole briefing"),
    bind(C::Global, &[Key::ctrl('l')], A::Redraw, "redraw the screen"),
    bind(C::Actors, &[Key::char(' '), Key::plain(KeyCode::Enter)], A::ToggleActor, "toggle this speaker in the filter"),
    bind(C::Actors, &[Key::plain(KeyCode::Esc)], A::ClearFilter, "clear the speaker filter"),
    bind(C::Body, &[Key::char(' ')], A::Move(M::PageDown), "a page down"),
    bind(C::Body, &[Key::char('b')], A::Move(M::PageUp), "a page up"),
    bind(C::Search, &[Key::plain(KeyCode::Enter)], A::SearchAccept, "keep the search and go to the match"),
    bind(C::Search, &[Key::plain(KeyCode::Esc)], A::SearchCancel, "cancel the search"),
    bind(C::Search, &[Key::plain(KeyCode::Backspace)], A::SearchBackspace, "delete a character"),
    bind(C::Search, &[Key::ctrl('w')], A::SearchDeleteWord, "delete a word"),
    bind(C::Search, &[Key::ctrl('u')], A::SearchClear, "delete everything"),
    bind(C::Help, &[Key::char('?'), Key::char('q'), Key::plain(KeyCode::Esc)], A::CloseHelp, "close the help"),
    bind(C::Help, DOWN, A::Move(M::Down), "scroll down"),
    bind(C::Help, UP, A::Move(M::Up), "scroll up"),
    bind(C::Help, &[Key::char(' '), Key::plain(KeyCode::PageDown)], A::Move(M::PageDown), "a page down"),
    bind(C::Help, &[Key::plain(KeyCode::PageUp)], A::Move(M::PageUp), "a page up"),
    bind(C::Articles, &[Key::plain(KeyCode::Enter), Key::char(' ')], A::OpenArticle, "open the article"),
    bind(C::Articles, &[Key::char('a'), Key::char('q'), Key::plain(KeyCode::Esc)], A::CloseArticles, "close the list"),
    bind(C::Articles, DOWN, A::Move(M::Down), "next article"),
    bind(C::Articles, UP, A::Move(M::Up), "previous article"),
    bind(C::Articles, FIRST, A::Move(M::First), "first article"),
    bind(C::Articles, LAST, A::Move(M::Last), "last article"),
    bind(C::Articles, &[Key::plain(KeyCode::PageDown), Key::ctrl('d')], A::Move(M::PageDown), "a page down"),
    bind(C::Articles, &[Key::plain(KeyCode::PageUp), Key::ctrl('u')], A::Move(M::PageUp), "a page up"),
];

/// The action bound to `event` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(event);
    contexts.iter().find_map(|&context| {
        BINDINGS
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .map(|b| b.action)
    })
}

/// The first key bound to `action` in `context`, for key hints.
pub fn key_for(context: Context, action: Action) -> Option<Key> {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == action)
        .and_then(|b| b.keys.first().copied())
}

/// The help, section by section: (section title, [(keys, description)]).
pub fn help_sections() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let order = [
        Context::Global,
        Context::Quotes,
        Context::Actors,
        Context::Body,
        Context::Search,
        Context::Articles,
        Context::Help,
    ];
    let mut sections = Vec::new();
    for context in order {
        let rows: Vec<(String, &'static str)> = BINDINGS
            .iter()
            .filter(|b| {
                b.context == context || (context == Context::Global && b.context == Context::Always)
            })
            .map(|b| {
                let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
                (keys.join(" "), b.help)
            })
            .collect();
        if !rows.is_empty() {
            sections.push((context.title(), rows));
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn pane_bindings_win_over_global_ones() {
        let esc = event(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            lookup(&[C::Actors, C::Global, C::Always], &esc),
            Some(A::ClearFilter)
        );
        assert_eq!(
            lookup(&[C::Quotes, C::Global, C::Always], &esc),
            Some(A::Escape)
        );
    }

    #[test]
    fn shift_and_ctrl_are_normalised() {
        let g = event(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[C::Global], &g), Some(A::Move(M::Last)));
        let ctrl_d = event(
            KeyCode::Char('D'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(lookup(&[C::Global], &ctrl_d), Some(A::Move(M::HalfDown)));
        let backtab = event(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(&[C::Global], &backtab), Some(A::FocusPrev));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{} bound twice", k.label());
                    }
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let listed: usize = help_sections().iter().map(|(_, rows)| rows.len()).sum();
        assert_eq!(listed, BINDINGS.len());
    }
}
