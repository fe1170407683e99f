//! Drawing the reader: a pure function of the app state into a buffer.
//!
//! Only what is on screen is touched: the visible rows of the body, the visible
//! entries of the lists. Article text is sanitised as it is drawn (see `text`).

use super::app::{App, Mode};
use super::article::{ActorEntry, ActorLine, Article};
use super::help::{self, HelpLine};
use super::keys::{self, Action, Context};
use super::layout::{BodyGeometry, Pane, PaneArea};
use super::text::{all_simple, display_width, sanitize, sanitize_collapsed, truncate};
use super::theme::Theme;
use super::wrap::Row;
use crate::{Span, StatementKind};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{
    Block, BorderType, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Widget,
};
use std::borrow::Cow;

/// Draws the whole reader into a frame.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut());
}

/// Draws the whole reader into `buf`; `area` must be the area the app was laid
/// out for (see [`App::resize`]), or nothing is drawn.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area != app.layout.area || area.is_empty() || buf.area.intersection(area) != area {
        return;
    }
    let layout = &app.layout;
    for pane in Pane::ALL {
        if layout.shows(pane, app.focus) {
            let pa = layout.pane(pane);
            frame_pane(app, theme, pane, pa, buf);
            match pane {
                Pane::Actors => render_actors(app, theme, pa.inner, buf),
                Pane::Body => render_body(app, theme, pa, buf),
                Pane::Quotes => render_quotes(app, theme, pa.inner, buf),
            }
        }
    }
    if !layout.tabs.is_empty() {
        render_tabs(app, theme, layout.tabs, buf);
    }
    if !layout.status.is_empty() {
        render_status(app, theme, layout.status, buf);
    }
    if app.mode == Mode::Help {
        render_help(app, theme, area, buf);
    }
}

// ----- panes ---------------------------------------------------------------------------

/// The border and title of a pane; the focused pane gets a thick border, so focus
/// shows without colour.
fn frame_pane(app: &App, theme: &Theme, pane: Pane, pa: PaneArea, buf: &mut Buffer) {
    if !pa.bordered() {
        return;
    }
    let focused = app.focus == pane;
    let art = app.article();
    let mut title = format!(" {} ", pane.title());
    let detail = match pane {
        Pane::Quotes if art.filter_on() => {
            format!("{}/{} ", art.shown.len(), art.doc.analysis.statements.len())
        }
        Pane::Quotes => format!("{} ", art.shown.len()),
        Pane::Actors => format!("{} ", art.entries.len()),
        Pane::Body => {
            // Date and byline, when the engine found them.
            let analysis = &art.doc.analysis;
            let about: Vec<String> = [analysis.date.as_deref(), analysis.byline.as_deref()]
                .into_iter()
                .flatten()
                .map(sanitize)
                .collect();
            if about.is_empty() {
                String::new()
            } else {
                format!("· {} ", about.join(" · "))
            }
        }
    };
    title.push_str(&detail);
    let (border, title_style, kind) = if focused {
        (theme.border_focused, theme.title_focused, BorderType::Thick)
    } else {
        (theme.border, theme.title, BorderType::Plain)
    };
    let mut block = Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(TextSpan::styled(title, title_style));
    if pane == Pane::Body {
        let total = art.body.len().max(1);
        let h = usize::from(app.body_geometry().text.height);
        let percent = if total <= h {
            100
        } else {
            (art.body_top + h).min(total) * 100 / total
        };
        block = block.title_top(Line::styled(format!(" {percent}% "), theme.title).right_aligned());
    }
    if pane == Pane::Quotes && pa.outer.width >= 40 {
        block = block.title_bottom(
            Line::styled(" D direct · M mixed · I indirect ", theme.muted).right_aligned(),
        );
    }
    block.render(pa.outer, buf);
}

fn kind_marker(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Direct => "D",
        StatementKind::Mixed => "M",
        StatementKind::Indirect => "I",
    }
}

/// Writes `s` (already sanitised) at `x`, no further than `right`; returns the next x.
fn put(buf: &mut Buffer, x: u16, y: u16, right: u16, s: &str, style: Style) -> u16 {
    if x >= right {
        return x;
    }
    if all_simple(s) && buf.area.contains(Position::new(x, y)) && right <= buf.area.right() {
        // One char, one cell: skip grapheme segmentation, the bulk of drawing time.
        let start = buf.index_of(x, y);
        let room = usize::from(right - x);
        let cells = &mut buf.content[start..start + room];
        let mut written = 0;
        for (cell, c) in cells.iter_mut().zip(s.chars()) {
            cell.set_char(c).set_style(style);
            written += 1;
        }
        return x + written as u16;
    }
    buf.set_stringn(x, y, s, usize::from(right - x), style).0
}

fn render_actors(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
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

fn render_quotes(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let art = app.article();
    let right = inner.right();
    if inner.is_empty() {
        return;
    }
    if art.analysing {
        put(buf, inner.x, inner.y, right, "analysing…", theme.muted);
        return;
    }
    if art.shown.is_empty() {
        put(
            buf,
            inner.x,
            inner.y,
            right,
            "No statements found.",
            theme.muted,
        );
        return;
    }
    let geo = app.quote_geometry();
    let focused = app.focus == Pane::Quotes;
    let statements = &art.doc.analysis.statements;
    let selected_rows = app.selected_quote_rows();
    let text_x = inner.x + geo.text_x;
    let mut y = inner.y;
    for &stmt in &art.shown[art.quotes_top.min(art.shown.len())..] {
        if y >= inner.bottom() {
            break;
        }
        let s = &statements[stmt];
        let selected = art.selected == Some(stmt);
        let slot = art.slot(s.speaker);
        let tag = truncate(art.speaker_tag(s.speaker), usize::from(geo.tag_width));
        let tag_style = theme.speaker(slot).add_modifier(Modifier::BOLD);
        put(buf, inner.x, y, right, &tag, tag_style);
        put(
            buf,
            inner.x + geo.marker_x,
            y,
            right,
            kind_marker(s.kind),
            theme.muted,
        );
        let rows: Vec<Row> = if selected {
            selected_rows.clone()
        } else {
            vec![first_line(
                &art.doc.text,
                s.span,
                usize::from(geo.text_width),
            )]
        };
        let height = rows.len().min(usize::from(inner.bottom() - y)) as u16;
        for (i, row) in rows.iter().take(usize::from(height)).enumerate() {
            let ry = y + i as u16;
            let mut x = text_x;
            for (a, b, style) in chunks(art, theme, *row, false, &Underline::none()) {
                let text = sanitize_collapsed(&art.doc.text[a..b]);
                x = put(buf, x, ry, right, &text, style);
            }
            let cut = if selected {
                i + 1 == rows.len() && row.end < s.span.end
            } else {
                row.end < s.span.end
            };
            if cut && x < right {
                put(buf, x.min(right - 1), ry, right, "…", theme.muted);
            }
        }
        if selected {
            let area = Rect::new(inner.x, y, inner.width, height.max(1));
            let style = if focused {
                theme.cursor_focused
            } else {
                theme.cursor_unfocused
            };
            if focused {
                buf.set_style(area, style);
            } else {
                buf.set_style(Rect::new(inner.x, y, geo.tag_width.max(1), 1), style);
            }
        }
        y += height.max(1);
    }
}

/// The first row of a statement in the quote list: as much as fits in `width`
/// (leaving a column for `…` when it does not all fit).
fn first_line(text: &str, span: Span, width: usize) -> Row {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let s = &s[lead..];
    let (fit, _) = super::text::fit_prefix(s, width);
    let end = if fit < s.len() {
        super::text::fit_prefix(s, width.saturating_sub(1)).0
    } else {
        fit
    };
    Row {
        start: span.start + lead,
        end: span.start + lead + end,
    }
}

/// What the body underlines: the selected statement's speaker mention and
/// reporting verb or, while the actors pane has the focus, every mention of the
/// actor under its cursor. Spans in text order.
struct Underline<'a> {
    spans: Cow<'a, [Span]>,
    /// Palette slot of the speaker concerned.
    slot: Option<usize>,
}

impl<'a> Underline<'a> {
    fn none() -> Underline<'a> {
        Underline {
            spans: Cow::Borrowed(&[]),
            slot: None,
        }
    }

    fn for_body(app: &'a App) -> Underline<'a> {
        let art = app.article();
        let analysis = &art.doc.analysis;
        if app.focus == Pane::Actors {
            let actor = match art.entries.get(art.actor_cursor) {
                Some(ActorEntry::Speaker(Some(a)) | ActorEntry::Mentioned(a)) => *a,
                _ => return Underline::none(),
            };
            return Underline {
                spans: Cow::Borrowed(&analysis.actors[actor].mentions),
                slot: art.slot(Some(actor)),
            };
        }
        let Some(s) = art.selected.and_then(|s| analysis.statements.get(s)) else {
            return Underline::none();
        };
        let mut spans: Vec<Span> = s.speaker_mention.into_iter().chain(s.cue).collect();
        spans.sort();
        Underline {
            spans: Cow::Owned(spans),
            slot: art.slot(s.speaker),
        }
    }
}

/// Splits `row` into runs of one style: statements (when `statements`), the
/// selected statement, underlined spans, and search matches.
fn chunks(
    art: &Article,
    theme: &Theme,
    row: Row,
    statements: bool,
    underline: &Underline,
) -> Vec<(usize, usize, Style)> {
    let (a, b) = (row.start, row.end);
    if a >= b {
        return Vec::new();
    }
    let st = &art.doc.analysis.statements;
    let underlined = &underline.spans[underline.spans.partition_point(|s| s.end <= a)..];
    let underlined = &underlined[..underlined.partition_point(|s| s.start < b)];
    let mut cuts = vec![a, b];
    let first_stmt = st.partition_point(|s| s.span.end <= a);
    if statements {
        for s in st[first_stmt..].iter().take_while(|s| s.span.start < b) {
            cuts.extend([s.span.start, s.span.end]);
        }
    }
    for sp in underlined {
        cuts.extend([sp.start, sp.end]);
    }
    let first_match = art.matches.partition_point(|m| m.end <= a);
    for m in art.matches[first_match..]
        .iter()
        .take_while(|m| m.start < b)
    {
        cuts.extend([m.start, m.end]);
    }
    cuts.retain(|&c| c >= a && c <= b);
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len());
    let mut si = first_stmt;
    let mut mi = first_match;
    for w in cuts.windows(2) {
        let (x, y) = (w[0], w[1]);
        let mut style = theme.text;
        if statements {
            while si < st.len() && st[si].span.end <= x {
                si += 1;
            }
            if let Some(s) = st.get(si).filter(|s| s.span.start <= x) {
                style = if art.passes(si) {
                    style.patch(theme.speaker(art.slot(s.speaker)))
                } else {
                    style.patch(theme.dimmed)
                };
                if art.selected == Some(si) {
                    style = style.patch(theme.selected);
                }
            }
        }
        if underlined.iter().any(|sp| sp.start <= x && x < sp.end) {
            style = style
                .patch(theme.speaker(underline.slot))
                .patch(theme.attribution);
        }
        while mi < art.matches.len() && art.matches[mi].end <= x {
            mi += 1;
        }
        if art.matches.get(mi).is_some_and(|m| m.start <= x) {
            style = style.patch(if art.current_match == Some(mi) {
                theme.search_current
            } else {
                theme.search_match
            });
        }
        out.push((x, y, style));
    }
    out
}

fn render_body(app: &App, theme: &Theme, pa: PaneArea, buf: &mut Buffer) {
    let art = app.article();
    let geo: BodyGeometry = app.body_geometry();
    let text_area = geo.text;
    if text_area.is_empty() {
        return;
    }
    let rows = &art.body.rows;
    let st = &art.doc.analysis.statements;
    let spans_rows = &art.body.statement_rows;
    let underline = Underline::for_body(app);
    let right = text_area.right();
    for dy in 0..text_area.height {
        let i = art.body_top + usize::from(dy);
        let Some(&row) = rows.get(i) else {
            break;
        };
        let y = text_area.y + dy;
        // The gutter: which statements lie on this row.
        let first = spans_rows.partition_point(|&(_, last)| last < i);
        let on_row = (first..spans_rows.len()).take_while(|&k| spans_rows[k].0 <= i);
        let mut starting = None;
        let mut continuing = None;
        for k in on_row {
            if spans_rows[k].0 == i && starting.is_none() {
                starting = Some(k);
            } else if continuing.is_none() {
                continuing = Some(k);
            }
        }
        if let Some(k) = starting.or(continuing) {
            let s = &st[k];
            let selected = art.selected == Some(k);
            let style = if art.passes(k) {
                theme.speaker(art.slot(s.speaker))
            } else {
                theme.dimmed
            };
            let bar = if selected { "┃" } else { "│" };
            let bar_style = if selected {
                style.add_modifier(Modifier::BOLD)
            } else {
                style
            };
            if !geo.bar.is_empty() {
                put(buf, geo.bar.x, y, geo.bar.right(), bar, bar_style);
            }
            if let Some(k) = starting
                && !geo.tag.is_empty()
            {
                let s = &st[k];
                let tag = truncate(art.speaker_tag(s.speaker), usize::from(geo.tag.width));
                let x = geo.tag.right().saturating_sub(display_width(&tag) as u16);
                let mut tag_style = if art.passes(k) {
                    theme
                        .speaker(art.slot(s.speaker))
                        .add_modifier(Modifier::BOLD)
                } else {
                    theme.dimmed
                };
                if art.selected == Some(k) {
                    tag_style = tag_style.patch(theme.selected);
                }
                put(buf, x, y, geo.tag.right(), &tag, tag_style);
            }
        }
        let mut x = text_area.x;
        for (a, b, style) in chunks(art, theme, row, true, &underline) {
            x = put(buf, x, y, right, &sanitize(&art.doc.text[a..b]), style);
        }
    }
    if art.analysing && text_area.height > 0 && art.body.is_empty() {
        put(buf, text_area.x, text_area.y, right, "…", theme.muted);
    }
    // Where we are in the article, on the right border.
    let h = usize::from(text_area.height);
    if pa.bordered() && rows.len() > h {
        let mut state = ScrollbarState::new(rows.len().saturating_sub(h)).position(art.body_top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_style(theme.border)
            .thumb_style(theme.border_focused)
            .render(pa.outer.inner(Margin::new(0, 1)), buf, &mut state);
    }
}

// ----- bars and overlays ---------------------------------------------------------------

fn render_tabs(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let slot = (area.width / 3).max(1);
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        let x = area.x + slot * i as u16;
        if x >= area.right() {
            break;
        }
        let w = if i == 2 {
            area.right() - x
        } else {
            slot.min(area.right() - x)
        };
        let cell = Rect::new(x, area.y, w, 1);
        let active = pane == app.focus;
        let label = if active {
            format!("▸{}", pane.title())
        } else {
            pane.title().to_string()
        };
        let style = if active { theme.tab_active } else { theme.tab };
        buf.set_style(cell, style);
        let label = truncate(&label, usize::from(w));
        let lx = x + (w.saturating_sub(display_width(&label) as u16)) / 2;
        put(buf, lx, area.y, cell.right(), &label, style);
    }
}

fn render_status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let art = app.article();
    let width = usize::from(area.width);
    let total = art.doc.analysis.statements.len();
    let mut parts: Vec<(String, Style)> = Vec::new();
    let search_counter = |art: &Article| match (art.current_match, art.matches.len()) {
        (_, 0) => "no match".to_string(),
        (Some(i), n) => format!("{}/{n}", i + 1),
        (None, n) => format!("{n} matches"),
    };
    if let Mode::Search(prompt) = &app.mode {
        parts.push((format!("/{}", sanitize(&prompt.input)), theme.status_accent));
        parts.push(("▏".into(), theme.status_accent));
        if !prompt.input.is_empty() {
            parts.push((format!("  {}", search_counter(art)), theme.status));
        }
    } else {
        let position = match art.selected_pos() {
            Some(p) => format!("{}/{}", p + 1, art.shown.len()),
            None if art.analysing => "analysing…".to_string(),
            None => format!("0/{total}"),
        };
        parts.push((format!(" {position} "), theme.status_accent));
        if art.filter_on() {
            parts.push((format!(" {} ", app.filter_summary()), theme.status_accent));
        }
        if !app.query.is_empty() {
            parts.push((
                format!(" /{} {} ", sanitize(&app.query), search_counter(art)),
                theme.status,
            ));
        }
        if app.articles.len() > 1 {
            parts.push((
                format!(" {}/{} ", app.current + 1, app.articles.len()),
                theme.status,
            ));
        }
        parts.push((
            format!(" {}", sanitize(art.doc.display_title())),
            theme.status,
        ));
    }
    // The right side: a notice, or key hints taken from the key table.
    let right_text = match &app.notice {
        Some(n) => format!(" {} ", sanitize(n)),
        None => {
            let hint = |a: Action, what: &str| {
                keys::key_for(Context::Global, a).map(|k| format!("{} {what}", k.label()))
            };
            let hints: Vec<String> = [hint(Action::Help, "help"), hint(Action::Quit, "quit")]
                .into_iter()
                .flatten()
                .collect();
            format!(" {} ", hints.join(" · "))
        }
    };
    let right_style = if app.notice.is_some() {
        theme.notice
    } else {
        theme.status
    };
    let right_w = display_width(&right_text);
    let left_budget = if width >= right_w + 20 || app.notice.is_some() {
        width.saturating_sub(right_w)
    } else {
        width
    };
    let mut x = area.x;
    let mut used = 0;
    for (text, style) in parts {
        let room = left_budget.saturating_sub(used);
        if room == 0 {
            break;
        }
        let t = truncate(&text, room);
        used += display_width(&t);
        x = put(buf, x, area.y, area.right(), &t, style);
    }
    if left_budget < width {
        let t = truncate(&right_text, width - used.min(width));
        let rx = area.right().saturating_sub(display_width(&t) as u16);
        put(buf, rx.max(x), area.y, area.right(), &t, right_style);
    }
}

fn render_help(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = help::lines();
    let key_w = help::key_column_width(&lines);
    let width = area.width.saturating_sub(2).min(88);
    let height = area.height.saturating_sub(1).min(lines.len() as u16 + 2);
    if width < 4 || height < 3 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(1) - height) / 2,
        width,
        height,
    );
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(TextSpan::styled(" Keys ", theme.title_focused))
        .title_bottom(Line::styled(" ? or Esc closes · j/k scroll ", theme.muted).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.help_scroll.min(max_scroll);
    let right = inner.right();
    for (dy, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let x = inner.x + 1;
        match line {
            HelpLine::Heading(t) => {
                put(buf, x, y, right, t, theme.heading);
            }
            HelpLine::Binding { keys, help } => {
                let padded = format!("{keys:<key_w$}  ");
                let nx = put(buf, x + 1, y, right, &padded, theme.key);
                put(buf, nx, y, right, help, theme.text);
            }
            HelpLine::Text(t) => {
                put(buf, x + 1, y, right, t, theme.muted);
            }
            HelpLine::Blank => {}
        }
    }
}
