//! The actors pane: speakers with colour, role and statement count, then the
//! actors who are only mentioned.

use super::put;
use crate::tui::app::App;
use crate::tui::article::{ActorEntry, ActorLine};
use crate::tui::layout::Pane;
use crate::tui::text::{display_width, truncate};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

pub(super) fn render_actors(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let art = app.article();
    let focused = app.focus == Pane::Actors;
    let right = inner.right();
    if art.analysing {
        put(buf, inner.x, inner.y, right, "analysing…", theme.muted);
        return;
    }
    if art.entries.is_empty() {
        put(
            buf,
            inner.x,
            inner.y,
            right,
            "No actors found.",
            theme.muted,
        );
        return;
    }
    let actors = &art.doc.analysis.actors;
    for (dy, line) in art
        .lines
        .iter()
        .skip(art.actors_top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let row = Rect::new(inner.x, y, inner.width, 1);
        match *line {
            ActorLine::Heading { title, count } => {
                let unit = if title == "Speakers" {
                    "statements"
                } else {
                    "mentions"
                };
                let full = format!("{title} {count} · {unit}");
                let text = if display_width(&full) <= usize::from(inner.width) {
                    full
                } else {
                    format!("{title} {count}")
                };
                put(
                    buf,
                    inner.x,
                    y,
                    right,
                    &truncate(&text, usize::from(inner.width)),
                    theme.heading,
                );
            }
            ActorLine::Name(e) => {
                let cursor = e == art.actor_cursor;
                let (name, count, slot, speaker) = match art.entries[e] {
                    ActorEntry::Speaker(Some(a)) => (
                        actors[a].name.as_str(),
                        art.counts[a],
                        art.slot(Some(a)),
                        Some(Some(a)),
                    ),
                    ActorEntry::Speaker(None) => (
                        "(speaker not found)",
                        art.counts[actors.len()],
                        None,
                        Some(None),
                    ),
                    ActorEntry::Mentioned(a) => (
                        actors[a].name.as_str(),
                        actors[a].mentions.len(),
                        None,
                        None,
                    ),
                };
                let in_filter = speaker.is_some_and(|s| art.filter[art.filter_key(s)]);
                let mut x = inner.x;
                let mark = if in_filter { "✓" } else { " " };
                x = put(
                    buf,
                    x,
                    y,
                    right,
                    mark,
                    theme.text.add_modifier(Modifier::BOLD),
                );
                if speaker.is_some() {
                    let swatch = if theme.is_mono() { "▪" } else { "█" };
                    x = put(
                        buf,
                        x,
                        y,
                        right,
                        swatch,
                        Style::new().fg(theme.speaker_color(slot)),
                    );
                } else {
                    x = put(buf, x, y, right, " ", theme.text);
                }
                x = put(buf, x, y, right, " ", theme.text);
                let count = count.to_string();
                let name_w = usize::from(right.saturating_sub(x)).saturating_sub(count.len() + 1);
                let name_style = if in_filter {
                    theme.text.add_modifier(Modifier::BOLD)
                } else {
                    theme.text
                };
                // A surname that fits says more than a cut full name.
                let short = match art.entries[e] {
                    ActorEntry::Speaker(Some(a)) | ActorEntry::Mentioned(a) => {
                        actors[a].short_name()
                    }
                    ActorEntry::Speaker(None) => name,
                };
                let name = if display_width(name) > name_w && display_width(short) <= name_w {
                    short
                } else {
                    name
                };
                put(buf, x, y, right, &truncate(name, name_w), name_style);
                let cx = right.saturating_sub(count.len() as u16);
                if cx > x {
                    put(buf, cx, y, right, &count, theme.muted);
                }
                if cursor {
                    let style = if focused {
                        theme.cursor_focused
                    } else {
                        theme.cursor_unfocused
                    };
                    buf.set_style(row, style);
                }
            }
            ActorLine::Role(e) => {
                let role = match art.entries[e] {
                    ActorEntry::Speaker(Some(a)) => match actors[a].roles.first() {
                        Some(role) => role.clone(),
                        None => actors[a].kind.label().to_string(),
                    },
                    _ => "statements without a speaker".to_string(),
                };
                let x = inner.x.saturating_add(3);
                put(
                    buf,
                    x,
                    y,
                    right,
                    &truncate(&role, usize::from(right.saturating_sub(x))),
                    theme.muted,
                );
                if e == art.actor_cursor && focused {
                    buf.set_style(row, theme.cursor_focused);
                }
            }
        }
    }
}
