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
    match (app.scope(), list.entries[e]) {
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
            let j = app.briefing().joined();
            let on = |g: usize| app.briefing().in_filter(g);
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
    let full = match app.scope() {
        Scope::Article if app.articles().len() > 1 => format!(" Actors {n} · article "),
        Scope::Article => format!(" Actors {n} "),
        Scope::Briefing => format!(" Actors {n} · briefing "),
    };
    if display_width(&full) <= usize::from(width.saturating_sub(2)) {
        return full;
    }
    match app.scope() {
        Scope::Article => format!(" Actors {n} "),
        Scope::Briefing => format!(" Briefing {n} "),
    }
}

pub(super) fn render_actors(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let art = app.article();
    let list = app.actor_list();
    let focused = app.focus() == Pane::Actors;
    let right = inner.right();
    if inner.is_empty() {
        return;
    }
    if app.scope() == Scope::Article && art.analysing {
        put(buf, inner.x, inner.y, right, "analysing…", theme.muted);
        return;
    }
    if list.entries.is_empty() {
        let text = match app.scope() {
            _ if app.briefing().is_stale() => "joining the articles…",
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
        let row = Rect::new(inner.x, inner.y + dy as u16, inner.width, 1);
        // The entry a line belongs to, and whether the cursor shows on it
        // when the pane is not focused (on the name line only).
        let (entry, cursor_unfocused) = match *line {
            ActorLine::Heading { title, count } => {
                draw_heading(theme, row, buf, title, count);
                continue;
            }
            ActorLine::Name(e) => {
                draw_name(app, theme, row, buf, e);
                (e, true)
            }
            ActorLine::Role(e) => {
                draw_role(app, theme, row, buf, e);
                (e, false)
            }
            ActorLine::InArticle { entry, item } => {
                if !draw_in_article(app, theme, row, buf, entry, item) {
                    continue;
                }
                (entry, false)
            }
            ActorLine::MoreArticles { entry, more } => {
                draw_more_articles(theme, row, buf, more);
                (entry, false)
            }
        };
        if entry == list.cursor {
            if focused {
                buf.set_style(row, theme.cursor_focused);
            } else if cursor_unfocused {
                buf.set_style(row, theme.cursor_unfocused);
            }
        }
    }
}

/// "Speakers 5 · statements", or without the unit where it does not fit.
fn draw_heading(theme: &Theme, row: Rect, buf: &mut Buffer, title: &str, count: usize) {
    let unit = if title == "Speakers" {
        "statements"
    } else {
        "mentions"
    };
    let full = format!("{title} {count} · {unit}");
    let text = if display_width(&full) <= usize::from(row.width) {
        full
    } else {
        format!("{title} {count}")
    };
    put(
        buf,
        row.x,
        row.y,
        row.right(),
        &truncate(&text, usize::from(row.width)),
        theme.heading,
    );
}

/// "✓█ Dimitry Peskov      4": filter mark, colour swatch, name and count.
fn draw_name(app: &App, theme: &Theme, row: Rect, buf: &mut Buffer, e: usize) {
    let (y, right) = (row.y, row.right());
    let view = entry_view(app, e);
    let in_filter = view.in_filter == Some(true);
    let mut x = row.x;
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
    let name = if display_width(view.name) > name_w && display_width(view.short) <= name_w {
        view.short
    } else {
        view.name
    };
    put(buf, x, y, right, &truncate(name, name_w), name_style);
    let cx = right.saturating_sub(count.len() as u16);
    if cx > x {
        put(buf, cx, y, right, &count, theme.muted);
    }
}

/// The role under a name, indented.
fn draw_role(app: &App, theme: &Theme, row: Rect, buf: &mut Buffer, e: usize) {
    put_indented(theme, row, buf, 3, &entry_view(app, e).role);
}

/// "▸#2 Port reopens…   3": an article a briefing actor speaks in, the
/// current one marked; `false` when there is no such article.
fn draw_in_article(
    app: &App,
    theme: &Theme,
    row: Rect,
    buf: &mut Buffer,
    entry: usize,
    item: usize,
) -> bool {
    let per_article = &app.briefing().joined().per_article;
    let Some(&(doc, count)) = per_article.get(entry).and_then(|l| l.get(item)) else {
        return false;
    };
    let Some(article) = app.articles().get(doc) else {
        return false;
    };
    let (y, right) = (row.y, row.right());
    let x = row.x.saturating_add(3);
    let mark = if doc == app.current() { "▸" } else { " " };
    let x = put(buf, x, y, right, mark, theme.text);
    let number = format!("#{} ", doc + 1);
    let x = put(buf, x, y, right, &number, theme.muted);
    let count = count.to_string();
    let title_w = usize::from(right.saturating_sub(x)).saturating_sub(count.len() + 1);
    let title = truncate(article.title(), title_w);
    let style = if doc == app.current() {
        theme.text.add_modifier(Modifier::BOLD)
    } else {
        theme.muted
    };
    put(buf, x, y, right, &title, style);
    let cx = right.saturating_sub(count.len() as u16);
    if cx > x {
        put(buf, cx, y, right, &count, theme.muted);
    }
    true
}

/// "+3 more articles" under a briefing actor's articles.
fn draw_more_articles(theme: &Theme, row: Rect, buf: &mut Buffer, more: usize) {
    let s = if more == 1 { "" } else { "s" };
    put_indented(theme, row, buf, 4, &format!("+{more} more article{s}"));
}

/// A muted line `indent` columns in, cut to the row.
fn put_indented(theme: &Theme, row: Rect, buf: &mut Buffer, indent: u16, text: &str) {
    let right = row.right();
    let x = row.x.saturating_add(indent);
    put(
        buf,
        x,
        row.y,
        right,
        &truncate(text, usize::from(right.saturating_sub(x))),
        theme.muted,
    );
}
