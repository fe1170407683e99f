//! The article: a header (title, byline, date), then the visible rows of the
//! wrapped body, with a gutter naming each statement's speaker, statements in
//! their speaker's style, and search matches.

use super::put;
use crate::tui::app::App;
use crate::tui::article::ArticleView;
use crate::tui::layout::{BodyGeometry, Pane, PaneArea};
use crate::tui::text::{display_width, sanitize, truncate};
use crate::tui::theme::Theme;
use crate::tui::wrap::Row;
use crate::{Mode, Span};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
use std::borrow::Cow;

/// What the body underlines: the selected statement's speaker mention and
/// reporting verb or, while the actors pane has the focus, every mention of the
/// actor under its cursor. Spans in text order.
pub(super) struct Underline<'a> {
    spans: Cow<'a, [Span]>,
    /// Palette slot of the speaker concerned.
    slot: Option<usize>,
}

impl<'a> Underline<'a> {
    pub(super) fn none() -> Underline<'a> {
        Underline {
            spans: Cow::Borrowed(&[]),
            slot: None,
        }
    }

    fn for_body(app: &'a App) -> Underline<'a> {
        let art = app.article();
        let analysis = &art.doc.analysis;
        if app.focus() == Pane::Actors {
            let Some(actor) = app
                .entry_actor(app.actor_list().cursor)
                .filter(|&a| a < analysis.actors.len())
            else {
                return Underline::none();
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
pub(super) fn chunks(
    art: &ArticleView,
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
                if s.mode == Mode::Thought {
                    style = style.patch(theme.thought);
                }
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

/// The article header (see [`App::header_lines`]): the title in bold, then
/// byline, date and file in the muted style.
fn render_header(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let art = app.article();
    let width = usize::from(area.width);
    let mut styles = [theme.header_title, theme.muted].into_iter();
    if art.title_in_body() {
        styles.next();
    }
    for (dy, (line, style)) in app.header_lines().iter().zip(styles).enumerate() {
        if dy as u16 >= area.height {
            break;
        }
        put(
            buf,
            area.x,
            area.y + dy as u16,
            area.right(),
            &truncate(line, width),
            style,
        );
    }
}

pub(super) fn render_body(app: &App, theme: &Theme, pa: PaneArea, buf: &mut Buffer) {
    let art = app.article();
    let geo: BodyGeometry = app.body_geometry();
    render_header(app, theme, geo.header, buf);
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
            // A dashed bar for what people think, want or expect.
            let bar = match (selected, s.mode) {
                (true, Mode::Speech) => "┃",
                (false, Mode::Speech) => "│",
                (true, Mode::Thought) => "┇",
                (false, Mode::Thought) => "┆",
            };
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
    if text_area.height > 0 && art.body.is_empty() {
        let text = if art.analysing {
            "…"
        } else {
            "(this article has no text)"
        };
        put(buf, text_area.x, text_area.y, right, text, theme.muted);
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
