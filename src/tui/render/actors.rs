//! The actors pane: speakers with colour, role and statement count, then the
//! actors who are only mentioned. In the briefing scope the same rows stand for
//! briefing actors, each speaker followed by the articles they speak in.

use super::put;
use crate::tui::app::{App, Scope};
use crate::tui::article::{ActorEntry, ActorLine};
use crate::tui::layout::Pane;
use crate::tui::text::{display_width, truncate};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// What a row needs to know about an entry, whichever the scope.
struct EntryView<'a> {
    name: &'a str,
    short: &'a str,
    role: String,
    count: usize,
    slot: Option<usize>,
    /// `Some` for speakers: whether they are in the filter.
    in_filter: Option<bool>,
}

fn entry_view<'a>(app: &'a App, e: usize) -> EntryView<'a> {
    let list = app.actor_list();
    match (app.scope, list.entries[e]) {
        (Scope::Article, entry) => {
            let art = app.article();
            let actors = &art.doc.analysis.actors;
            match entry {
                ActorEntry::Speaker(Some(a)) => EntryView {
                    name: &actors[a].name,
                    short: art.speaker_tag(Some(a)),
                    role: actors[a].roles.first().cloned().unwrap_or_default(),
                    count: art.counts[a],
                    slot: art.slot(Some(a)),
                    in_filter: Some(art.filter[art.filter_key(Some(a))]),
                },
                ActorEntry::Speaker(None) => EntryView {
                    name: "(speaker not found)",
                    short: "(speaker not found)",
                    role: "statements without a speaker".into(),
                    count: art.counts[actors.len()],
                    slot: None,
                    in_filter: Some(art.filter[art.filter_key(None)]),
                },
                ActorEntry::Mentioned(a) => EntryView {
                    name: &actors[a].name,
                    short: art.speaker_tag(Some(a)),
                    role: String::new(),
                    count: actors[a].mentions.len(),
                    slot: None,
                    in_filter: None,
                },
            }
        }
        (Scope::Briefing, entry) => {
            let j = &app.joined;
            let on = |g: usize| app.briefing_filter.get(g) == Some(&true);
            match entry {
                ActorEntry::Speaker(Some(g)) => {
                    let actor = &j.actors()[g];
                    EntryView {
                        name: &actor.name,
                        short: j.short_name(Some(g)),
                        role: actor.roles.first().cloned().unwrap_or_default(),
                        count: j.totals[g],
                        slot: j.slots[g],
                        in_filter: Some(on(g)),
                    }
                }
                ActorEntry::Speaker(None) => EntryView {
                    name: "(speaker not found)",
                    short: "(speaker not found)",
                    role: "statements without a speaker".into(),
                    count: j.totals[j.unattributed()],
                    slot: None,
                    in_filter: Some(on(j.unattributed())),
                },
                ActorEntry::Mentioned(g) => {
                    let actor = &j.actors()[g];
                    EntryView {
                        name: &actor.name,
                        short: j.short_name(Some(g)),
                        role: String::new(),
                        count: actor.mentions(),
                        slot: None,
                        in_filter: None,
                    }
                }
            }
        }
    }
}

/// The pane's title: which actors it shows, short when the pane is narrow.
pub(super) fn title(app: &App, width: u16) -> String {
    let n = app.actor_list().entries.len();
    let full = match app.scope {
        Scope::Article if app.articles.len() > 1 => format!(" Actors {n} · article "),
        Scope::Article => format!(" Actors {n} "),
        Scope::Briefing => format!(" Actors {n} · briefing "),
    };
    if display_width(&full) <= usize::from(width.saturating_sub(2)) {
        return full;
    }
    match app.scope {
        Scope::Article => format!(" Actors {n} "),
        Scope::Briefing => format!(" Briefing {n} "),
    }
}

pub(super) fn render_actors(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let art = app.article();
    let list = app.actor_list();
    let focused = app.focus == Pane::Actors;
    let right = inner.right();
    if inner.is_empty() {
        return;
    }
    if app.scope == Scope::Article && art.analysing {
        put(buf, inner.x, inner.y, right, "analysing…", theme.muted);
        return;
    }
    if list.entries.is_empty() {
        let text = match app.scope {
            _ if app.join_stale => "joining the articles…",
            Scope::Article => "No actors found.",
            Scope::Briefing if app.analysing() > 0 => "analysing…",
            Scope::Briefing => "No actors found in any article.",
        };
        put(buf, inner.x, inner.y, right, text, theme.muted);
        return;
    }
    for (dy, line) in list
        .lines
        .iter()
        .skip(list.top)
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
                let view = entry_view(app, e);
                let in_filter = view.in_filter == Some(true);
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
                if view.in_filter.is_some() {
                    let swatch = if theme.is_mono() { "▪" } else { "█" };
                    x = put(
                        buf,
                        x,
                        y,
                        right,
                        swatch,
                        Style::new().fg(theme.speaker_color(view.slot)),
                    );
                } else {
                    x = put(buf, x, y, right, " ", theme.text);
                }
                x = put(buf, x, y, right, " ", theme.text);
                let count = view.count.to_string();
                let name_w = usize::from(right.saturating_sub(x)).saturating_sub(count.len() + 1);
                let name_style = if in_filter {
                    theme.text.add_modifier(Modifier::BOLD)
                } else {
                    theme.text
                };
                // A surname that fits says more than a cut full name.
                let name =
                    if display_width(view.name) > name_w && display_width(view.short) <= name_w {
                        view.short
                    } else {
                        view.name
                    };
                put(buf, x, y, right, &truncate(name, name_w), name_style);
                let cx = right.saturating_sub(count.len() as u16);
                if cx > x {
                    put(buf, cx, y, right, &count, theme.muted);
                }
                if e == list.cursor {
                    let style = if focused {
                        theme.cursor_focused
                    } else {
                        theme.cursor_unfocused
                    };
                    buf.set_style(row, style);
                }
            }
            ActorLine::Role(e) => {
                let role = entry_view(app, e).role;
                let x = inner.x.saturating_add(3);
                put(
                    buf,
                    x,
                    y,
                    right,
                    &truncate(&role, usize::from(right.saturating_sub(x))),
                    theme.muted,
                );
                if e == list.cursor && focused {
                    buf.set_style(row, theme.cursor_focused);
                }
            }
            ActorLine::InArticle { entry, item } => {
                let Some(&(doc, count)) =
                    app.joined.per_article.get(entry).and_then(|l| l.get(item))
                else {
                    continue;
                };
                let Some(article) = app.articles.get(doc) else {
                    continue;
                };
                // "▸#2 Port reopens…   3": the current article is marked.
                let x = inner.x.saturating_add(3);
                let mark = if doc == app.current { "▸" } else { " " };
                let x = put(buf, x, y, right, mark, theme.text);
                let number = format!("#{} ", doc + 1);
                let x = put(buf, x, y, right, &number, theme.muted);
                let count = count.to_string();
                let title_w = usize::from(right.saturating_sub(x)).saturating_sub(count.len() + 1);
                let title = truncate(article.title(), title_w);
                let style = if doc == app.current {
                    theme.text.add_modifier(Modifier::BOLD)
                } else {
                    theme.muted
                };
                put(buf, x, y, right, &title, style);
                let cx = right.saturating_sub(count.len() as u16);
                if cx > x {
                    put(buf, cx, y, right, &count, theme.muted);
                }
                if entry == list.cursor && focused {
                    buf.set_style(row, theme.cursor_focused);
                }
            }
            ActorLine::MoreArticles { entry, more } => {
                let s = if more == 1 { "" } else { "s" };
                let text = format!("+{more} more article{s}");
                let x = inner.x.saturating_add(4);
                put(
                    buf,
                    x,
                    y,
                    right,
                    &truncate(&text, usize::from(right.saturating_sub(x))),
                    theme.muted,
                );
                if entry == list.cursor && focused {
                    buf.set_style(row, theme.cursor_focused);
                }
            }
        }
    }
}
