//! Styles by meaning: what the reader draws asks for a role ("selected statement",
//! "search match"), and the theme answers for a dark, light or monochrome terminal.
//!
//! The monochrome theme (NO_COLOR, `--theme mono`) uses no colour at all; statements,
//! the selection and focus stay visible through bold, underline and reverse video,
//! and the renderer adds text markers (speaker tags, thick borders) in every theme.

use ratatui::style::{Color, Modifier, Style};

/// Which set of styles to use (`--theme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// For dark backgrounds.
    #[default]
    Dark,
    /// For light backgrounds.
    Light,
    /// No colour: bold, underline and reverse video only.
    Mono,
}

/// How many colours the terminal shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorDepth {
    /// The 16 ANSI colours, as the terminal's own theme defines them.
    Ansi16,
    /// The 256-colour palette (also used on true-colour terminals).
    Indexed256,
}

impl ColorDepth {
    /// From a count such as `crossterm::style::available_color_count()`.
    pub fn from_count(count: u16) -> ColorDepth {
        if count >= 256 {
            ColorDepth::Indexed256
        } else {
            ColorDepth::Ansi16
        }
    }
}

/// Speaker colours for dark backgrounds: light enough to read on black, ordered so
/// the first speakers get the most distinct hues.
const DARK_256: [u8; 12] = [75, 214, 77, 207, 227, 80, 203, 141, 154, 218, 179, 105];
/// The same hues, darker, for light backgrounds.
const LIGHT_256: [u8; 12] = [26, 166, 28, 127, 136, 30, 160, 92, 64, 162, 94, 62];
/// The 16-colour fallback: the terminal's theme decides the shades.
const ANSI_16: [Color; 12] = [
    Color::Blue,
    Color::Yellow,
    Color::Green,
    Color::Magenta,
    Color::Cyan,
    Color::Red,
    Color::LightBlue,
    Color::LightYellow,
    Color::LightGreen,
    Color::LightMagenta,
    Color::LightCyan,
    Color::LightRed,
];

/// Every style the reader uses, by role.
#[derive(Clone, Debug)]
pub struct Theme {
    pub name: ThemeName,
    /// Speaker colours; empty in monochrome.
    pub palette: Vec<Color>,
    pub text: Style,
    /// Secondary text: roles, counts, kind markers.
    pub muted: Style,
    /// Statements of speakers outside the filter.
    pub dimmed: Style,
    /// A statement whose speaker is unknown.
    pub unattributed: Color,
    /// Added to every statement (monochrome shows statements in bold).
    pub statement: Style,
    /// Added to the selected statement, over its speaker style.
    pub selected: Style,
    /// Added to statements of what people think, want or expect (thought
    /// mode), in the quote list and the article: italic, besides the `~`
    /// marker and the dashed bar that show it in every theme.
    pub thought: Style,
    /// The speaker mention and reporting verb of the selected statement.
    pub attribution: Style,
    pub search_match: Style,
    pub search_current: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    /// The cursor row of a list in the focused pane, and elsewhere.
    pub cursor_focused: Style,
    pub cursor_unfocused: Style,
    pub heading: Style,
    /// The article's title in the header above its text.
    pub header_title: Style,
    pub status: Style,
    pub status_accent: Style,
    pub notice: Style,
    pub key: Style,
    pub tab: Style,
    pub tab_active: Style,
}

impl Theme {
    pub fn new(name: ThemeName, depth: ColorDepth) -> Theme {
        match name {
            ThemeName::Mono => Theme::mono(),
            ThemeName::Dark | ThemeName::Light => Theme::colour(name, depth),
        }
    }

    fn colour(name: ThemeName, depth: ColorDepth) -> Theme {
        let dark = name == ThemeName::Dark;
        let palette: Vec<Color> = match depth {
            ColorDepth::Ansi16 => ANSI_16.to_vec(),
            ColorDepth::Indexed256 => {
                let set = if dark { DARK_256 } else { LIGHT_256 };
                set.iter().map(|&i| Color::Indexed(i)).collect()
            }
        };
        let indexed = depth == ColorDepth::Indexed256;
        let pick = |dark_c: u8, light_c: u8, fallback: Color| {
            if indexed {
                Color::Indexed(if dark { dark_c } else { light_c })
            } else {
                fallback
            }
        };
        let muted = pick(245, 242, Color::DarkGray);
        let faint = pick(240, 250, Color::DarkGray);
        let accent = pick(117, 25, Color::Cyan);
        let status_bg = pick(236, 253, Color::Reset);
        let status_fg = pick(252, 235, Color::Reset);
        let status = if indexed {
            Style::new().fg(status_fg).bg(status_bg)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        };
        Theme {
            name,
            palette,
            text: Style::new(),
            muted: Style::new().fg(muted),
            dimmed: Style::new().fg(faint),
            unattributed: muted,
            statement: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            thought: Style::new().add_modifier(Modifier::ITALIC),
            attribution: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            search_match: Style::new()
                .fg(Color::Black)
                .bg(pick(221, 228, Color::Yellow)),
            search_current: Style::new()
                .fg(Color::Black)
                .bg(pick(209, 209, Color::LightRed))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new().fg(faint),
            border_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            title: Style::new().fg(muted),
            title_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            cursor_focused: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            heading: Style::new().fg(muted).add_modifier(Modifier::BOLD),
            header_title: Style::new().add_modifier(Modifier::BOLD),
            status,
            status_accent: status.fg(accent).add_modifier(Modifier::BOLD),
            notice: status.add_modifier(Modifier::BOLD),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            tab: Style::new().fg(muted),
            tab_active: Style::new()
                .fg(accent)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        }
    }

    fn mono() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reverse = plain.add_modifier(Modifier::REVERSED);
        Theme {
            name: ThemeName::Mono,
            palette: Vec::new(),
            text: plain,
            muted: plain,
            dimmed: plain.add_modifier(Modifier::DIM),
            unattributed: Color::Reset,
            statement: bold,
            selected: reverse,
            thought: plain.add_modifier(Modifier::ITALIC),
            attribution: plain.add_modifier(Modifier::UNDERLINED),
            search_match: plain.add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            search_current: plain.add_modifier(Modifier::UNDERLINED | Modifier::REVERSED),
            border: plain,
            border_focused: bold,
            title: plain,
            title_focused: reverse.add_modifier(Modifier::BOLD),
            cursor_focused: reverse,
            cursor_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            heading: plain.add_modifier(Modifier::UNDERLINED),
            header_title: bold,
            status: reverse,
            status_accent: reverse.add_modifier(Modifier::BOLD),
            notice: reverse.add_modifier(Modifier::BOLD),
            key: bold,
            tab: plain,
            tab_active: reverse.add_modifier(Modifier::BOLD),
        }
    }

    pub fn is_mono(&self) -> bool {
        self.name == ThemeName::Mono
    }

    /// The colour of the speaker with palette slot `slot` (`None`: unattributed).
    pub fn speaker_color(&self, slot: Option<usize>) -> Color {
        match slot {
            _ if self.palette.is_empty() => Color::Reset,
            Some(i) => self.palette[i % self.palette.len()],
            None => self.unattributed,
        }
    }

    /// The style of a statement by the speaker in palette slot `slot`.
    pub fn speaker(&self, slot: Option<usize>) -> Style {
        let style = self.statement;
        if self.palette.is_empty() {
            style
        } else {
            style.fg(self.speaker_color(slot))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palettes_have_twelve_distinct_colours() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            for depth in [ColorDepth::Ansi16, ColorDepth::Indexed256] {
                let theme = Theme::new(name, depth);
                let colours = &theme.palette;
                assert!(colours.len() >= 12);
                for (i, c) in colours.iter().enumerate() {
                    assert!(!colours[i + 1..].contains(c), "{c:?} twice");
                }
            }
        }
    }

    #[test]
    fn mono_uses_no_colour() {
        let t = Theme::new(ThemeName::Mono, ColorDepth::Indexed256);
        for style in [t.speaker(Some(3)), t.search_match, t.status, t.selected] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
    }
}
