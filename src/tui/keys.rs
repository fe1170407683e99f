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
    /// The pane to the left (earlier in focus order), without wrapping.
    FocusLeft,
    /// The pane to the right (later in focus order), without wrapping.
    FocusRight,
    Move(Motion),
    /// A digit of a count before a movement ("5j", "12G").
    Count,
    NextBySpeaker,
    PrevBySpeaker,
    /// Shows the selected statement in the article pane, focused.
    ShowInArticle,
    /// Toggles the actor under the cursor in the speaker filter.
    ToggleActor,
    /// Toggles the selected statement's speaker in the filter.
    FilterSpeaker,
    /// Hides or shows the statements of what people think, want or expect.
    ToggleThoughts,
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
    /// The selected statement with its attribution to the clipboard (OSC 52).
    Copy,
    /// The selected statement with its attribution to a file.
    CopyToFile,
    /// Asks where to save the Markdown note of the current view.
    Export,
    Redraw,
    /// Enter in a prompt: search, or save to the file named.
    PromptAccept,
    PromptCancel,
    PromptBackspace,
    PromptDeleteWord,
    PromptClear,
    CloseHelp,
}

/// Where a binding applies. Lookup tries the focused pane first, then `Global`;
/// `Always` applies even in the search prompt and the help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyContext {
    Always,
    Global,
    Quotes,
    Actors,
    Body,
    /// A prompt: the search, or the file name for a note.
    Prompt,
    Help,
    /// The article list.
    Articles,
}

impl KeyContext {
    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Always | KeyContext::Global => "Everywhere",
            KeyContext::Quotes => "Quotes pane",
            KeyContext::Actors => "Actors pane",
            KeyContext::Body => "Article pane",
            KeyContext::Prompt => "In a prompt (/ to search, s to save)",
            KeyContext::Help => "This help",
            KeyContext::Articles => "Article list",
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
    pub context: KeyContext,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// How the help names the keys, when not one by one ("0-9").
    pub label: Option<&'static str>,
}

impl Binding {
    /// The keys as the help shows them.
    pub fn keys_label(&self) -> String {
        match self.label {
            Some(label) => label.to_string(),
            None => {
                let keys: Vec<String> = self.keys.iter().map(Key::label).collect();
                keys.join(" ")
            }
        }
    }
}

const fn bind(
    context: KeyContext,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        label: None,
    }
}

/// A binding whose keys the help names as `label`.
const fn bind_as(
    context: KeyContext,
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        label: Some(label),
    }
}

use Action as A;
use KeyContext as C;
use Motion as M;

const DOWN: &[Key] = &[Key::char('j'), Key::plain(KeyCode::Down)];
const UP: &[Key] = &[Key::char('k'), Key::plain(KeyCode::Up)];
const FIRST: &[Key] = &[Key::char('g'), Key::plain(KeyCode::Home)];
const LAST: &[Key] = &[Key::char('G'), Key::plain(KeyCode::End)];
const LEFT: &[Key] = &[Key::char('h'), Key::plain(KeyCode::Left)];
const RIGHT: &[Key] = &[Key::char('l'), Key::plain(KeyCode::Right)];
const DIGITS: &[Key] = &[
    Key::char('0'),
    Key::char('1'),
    Key::char('2'),
    Key::char('3'),
    Key::char('4'),
    Key::char('5'),
    Key::char('6'),
    Key::char('7'),
    Key::char('8'),
    Key::char('9'),
];

/// Every key binding of the reader.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(C::Always, &[Key::ctrl('c')], A::Quit, "quit"),
    bind(C::Global, &[Key::char('q')], A::Quit, "quit"),
    bind(C::Global, &[Key::char('?')], A::Help, "show this help"),
    bind(C::Global, &[Key::plain(KeyCode::Tab)], A::FocusNext, "focus the next pane (actors, article, quotes, round)"),
    bind(C::Global, &[Key::plain(KeyCode::BackTab)], A::FocusPrev, "focus the previous pane"),
    bind(C::Global, LEFT, A::FocusLeft, "focus the previous pane, stopping at the actors"),
    bind(C::Global, RIGHT, A::FocusRight, "focus the next pane, stopping at the quotes"),
    bind(C::Global, DOWN, A::Move(M::Down), "next statement · next actor · scroll down"),
    bind(C::Global, UP, A::Move(M::Up), "previous statement · previous actor · scroll up"),
    bind(C::Global, FIRST, A::Move(M::First), "first statement · first actor · top"),
    bind(C::Global, LAST, A::Move(M::Last), "last statement · last actor · bottom"),
    bind(C::Global, &[Key::ctrl('d')], A::Move(M::HalfDown), "half a page down"),
    bind(C::Global, &[Key::ctrl('u')], A::Move(M::HalfUp), "half a page up"),
    bind(C::Global, &[Key::plain(KeyCode::PageDown), Key::ctrl('f')], A::Move(M::PageDown), "a page down"),
    bind(C::Global, &[Key::plain(KeyCode::PageUp), Key::ctrl('b')], A::Move(M::PageUp), "a page up"),
    bind_as(C::Global, DIGITS, "0-9", A::Count, "a count for the next key: 5j moves 5, 12G goes to the 12th"),
    bind(C::Global, &[Key::char(']')], A::NextBySpeaker, "next statement by the same speaker"),
    bind(C::Global, &[Key::char('[')], A::PrevBySpeaker, "previous statement by the same speaker"),
    bind(C::Global, &[Key::char('f')], A::FilterSpeaker, "toggle this statement's speaker in the filter"),
    bind(C::Global, &[Key::char('t')], A::ToggleThoughts, "hide or show what people think, want or expect (~)"),
    bind(C::Global, &[Key::char('/')], A::StartSearch, "search the article as you type; / Enter repeats the last search"),
    bind(C::Global, &[Key::char('n')], A::NextMatch, "next search match after the selection"),
    bind(C::Global, &[Key::char('N')], A::PrevMatch, "previous search match before the selection"),
    bind(C::Global, &[Key::plain(KeyCode::Esc)], A::Escape, "clear the search, then the filter"),
    bind(C::Global, &[Key::char('y')], A::Copy, "copy the statement with speaker, role and source (OSC 52)"),
    bind(C::Global, &[Key::char('Y')], A::CopyToFile, "write the statement with speaker, role and source to a file"),
    bind(C::Global, &[Key::char('s'), Key::char('e')], A::Export, "save a Markdown note of this view (filter applied); asks for the file"),
    bind(C::Global, &[Key::char('}')], A::NextArticle, "next article"),
    bind(C::Global, &[Key::char('{')], A::PrevArticle, "previous article"),
    bind(C::Global, &[Key::char('a')], A::ArticleList, "list the open articles"),
    bind(C::Global, &[Key::char('B')], A::ToggleScope, "actors of this article / of the whole briefing"),
    bind(C::Global, &[Key::ctrl('l')], A::Redraw, "redraw the screen"),
    bind(C::Quotes, &[Key::plain(KeyCode::Enter)], A::ShowInArticle, "show the statement in the article"),
    bind(C::Quotes, &[Key::char(' ')], A::Move(M::PageDown), "a page down"),
    bind(C::Quotes, &[Key::char('b')], A::Move(M::PageUp), "a page up"),
    bind(C::Actors, &[Key::char(' '), Key::plain(KeyCode::Enter)], A::ToggleActor, "toggle this speaker in the filter"),
    bind(C::Body, &[Key::char(' ')], A::Move(M::PageDown), "a page down"),
    bind(C::Body, &[Key::char('b')], A::Move(M::PageUp), "a page up"),
    bind(C::Prompt, &[Key::plain(KeyCode::Enter)], A::PromptAccept, "search: keep it and go to the match · save: write the file"),
    bind(C::Prompt, &[Key::plain(KeyCode::Esc)], A::PromptCancel, "cancel"),
    bind(C::Prompt, &[Key::plain(KeyCode::Backspace)], A::PromptBackspace, "delete a character"),
    bind(C::Prompt, &[Key::ctrl('w')], A::PromptDeleteWord, "delete a word"),
    bind(C::Prompt, &[Key::ctrl('u')], A::PromptClear, "delete everything"),
    bind(C::Help, &[Key::char('?'), Key::char('q'), Key::plain(KeyCode::Esc)], A::CloseHelp, "close the help"),
    bind(C::Help, DOWN, A::Move(M::Down), "scroll down"),
    bind(C::Help, UP, A::Move(M::Up), "scroll up"),
    bind(C::Help, &[Key::char(' '), Key::plain(KeyCode::PageDown)], A::Move(M::PageDown), "a page down"),
    bind(C::Help, &[Key::char('b'), Key::plain(KeyCode::PageUp)], A::Move(M::PageUp), "a page up"),
    bind(C::Help, FIRST, A::Move(M::First), "top"),
    bind(C::Help, LAST, A::Move(M::Last), "bottom"),
    bind(C::Articles, &[Key::plain(KeyCode::Enter), Key::char(' ')], A::OpenArticle, "open the article"),
    bind(C::Articles, &[Key::plain(KeyCode::Esc), Key::char('a'), Key::char('q')], A::CloseArticles, "close the list"),
    bind(C::Articles, DOWN, A::Move(M::Down), "next article"),
    bind(C::Articles, UP, A::Move(M::Up), "previous article"),
    bind(C::Articles, FIRST, A::Move(M::First), "first article"),
    bind(C::Articles, LAST, A::Move(M::Last), "last article"),
    bind(C::Articles, &[Key::plain(KeyCode::PageDown), Key::ctrl('d')], A::Move(M::PageDown), "a page down"),
    bind(C::Articles, &[Key::plain(KeyCode::PageUp), Key::ctrl('u')], A::Move(M::PageUp), "a page up"),
];

/// The action bound to `event` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[KeyContext], event: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(event);
    contexts.iter().find_map(|&context| {
        BINDINGS
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .map(|b| b.action)
    })
}

/// The first key bound to `action` in `context`, for key hints.
pub fn key_for(context: KeyContext, action: Action) -> Option<Key> {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == action)
        .and_then(|b| b.keys.first().copied())
}

/// The help, section by section: (section title, [(keys, description)]).
pub fn help_sections() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let order = [
        KeyContext::Global,
        KeyContext::Quotes,
        KeyContext::Actors,
        KeyContext::Body,
        KeyContext::Prompt,
        KeyContext::Articles,
        KeyContext::Help,
    ];
    let mut sections = Vec::new();
    for context in order {
        let rows: Vec<(String, &'static str)> = BINDINGS
            .iter()
            .filter(|b| {
                b.context == context
                    || (context == KeyContext::Global && b.context == KeyContext::Always)
            })
            .map(|b| (b.keys_label(), b.help))
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
        let space = event(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[C::Actors, C::Global, C::Always], &space),
            Some(A::ToggleActor)
        );
        assert_eq!(
            lookup(&[C::Quotes, C::Global, C::Always], &space),
            Some(A::Move(M::PageDown))
        );
        // Esc means the same in every pane: the search, then the filter.
        let esc = event(KeyCode::Esc, KeyModifiers::NONE);
        for pane in [C::Actors, C::Quotes, C::Body] {
            assert_eq!(lookup(&[pane, C::Global, C::Always], &esc), Some(A::Escape));
        }
    }

    #[test]
    fn the_keys_users_of_less_and_vim_expect_are_bound() {
        let key = |c| event(KeyCode::Char(c), KeyModifiers::NONE);
        let quotes = [C::Quotes, C::Global, C::Always];
        assert_eq!(
            lookup(&quotes, &event(KeyCode::Enter, KeyModifiers::NONE)),
            Some(A::ShowInArticle)
        );
        assert_eq!(lookup(&quotes, &key('h')), Some(A::FocusLeft));
        assert_eq!(lookup(&quotes, &key('l')), Some(A::FocusRight));
        assert_eq!(
            lookup(&quotes, &event(KeyCode::Left, KeyModifiers::NONE)),
            Some(A::FocusLeft)
        );
        assert_eq!(
            lookup(&quotes, &event(KeyCode::Right, KeyModifiers::NONE)),
            Some(A::FocusRight)
        );
        // s saves, as in less; the scope has a key of its own.
        assert_eq!(lookup(&quotes, &key('s')), Some(A::Export));
        assert_eq!(lookup(&quotes, &key('B')), Some(A::ToggleScope));
        assert_eq!(lookup(&quotes, &key('5')), Some(A::Count));
        assert_eq!(lookup(&[C::Help], &key('G')), Some(A::Move(M::Last)));
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
        let all: Vec<String> = help_sections()
            .into_iter()
            .flat_map(|(_, rows)| rows.into_iter().map(|(k, _)| k))
            .collect();
        for keys in ["g Home", "G End", "0-9", "t", "Y", "s e", "h ←", "l →"] {
            assert!(all.iter().any(|k| k == keys), "{keys} in the help: {all:?}");
        }
    }
}
