//! Where everything goes, as a pure function of the screen size.
//!
//! The app uses the same geometry as the renderer to keep the selection in view and
//! to map mouse clicks, so both call [`AppLayout::new`] and [`BodyGeometry::new`].
//! All arithmetic saturates: a 1×1 terminal gets empty rectangles, not a panic.

use ratatui::layout::{Margin, Position, Rect};

/// The three panes, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Actors,
    Body,
    Quotes,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Actors, Pane::Body, Pane::Quotes];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Actors => "Actors",
            Pane::Body => "Article",
            Pane::Quotes => "Quotes",
        }
    }

    pub fn next(self) -> Pane {
        match self {
            Pane::Actors => Pane::Body,
            Pane::Body => Pane::Quotes,
            Pane::Quotes => Pane::Actors,
        }
    }

    pub fn prev(self) -> Pane {
        self.next().next()
    }
}

/// How the panes share the screen. Every pane on screen gets at least
/// [`MIN_TEXT`] columns for its text: where three columns would leave less,
/// panes are stacked, and then share a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Actors | Article | Quotes, side by side.
    Wide,
    /// Actors | Article over Quotes.
    Stacked,
    /// Article over Quotes; the Actors take the Quotes' place while they
    /// have the focus.
    Narrow,
    /// One pane at a time, with a tab bar.
    Single,
}

/// Below this width or height the reader shows one pane at a time.
pub const SINGLE_BELOW: (u16, u16) = (60, 16);
/// From this width the actors get a column of their own beside the article.
pub const STACKED_FROM: u16 = 100;
/// From this width the quotes get a column of their own too.
pub const WIDE_FROM: u16 = 150;
/// The columns of text every pane keeps where panes stand side by side.
pub const MIN_TEXT: u16 = 40;
/// The widest the article text gets; wider panes centre it.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// A pane's rectangle and the part inside its border.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PaneArea {
    pub outer: Rect,
    pub inner: Rect,
}

impl PaneArea {
    fn new(outer: Rect) -> PaneArea {
        let inner = if outer.width >= 3 && outer.height >= 3 {
            outer.inner(Margin::new(1, 1))
        } else {
            outer
        };
        PaneArea { outer, inner }
    }

    pub fn bordered(&self) -> bool {
        self.inner != self.outer
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AppLayout {
    pub area: Rect,
    pub arrangement: Option<Arrangement>,
    pub actors: PaneArea,
    pub body: PaneArea,
    pub quotes: PaneArea,
    /// The tab bar (single-pane arrangement only; empty otherwise).
    pub tabs: Rect,
    pub status: Rect,
}

/// `value` scaled by `percent`, kept within `min..=max`.
fn share(value: u16, percent: u32, min: u16, max: u16) -> u16 {
    let scaled = (u32::from(value) * percent / 100) as u16;
    scaled.clamp(min, max.max(min))
}

impl AppLayout {
    pub fn new(area: Rect) -> AppLayout {
        let mut layout = AppLayout {
            area,
            ..AppLayout::default()
        };
        if area.is_empty() {
            return layout;
        }
        let (w, h) = (area.width, area.height);
        // The status line takes the last row once there is room for anything else.
        let main = if h >= 2 {
            layout.status = Rect::new(area.x, area.bottom() - 1, w, 1);
            Rect::new(area.x, area.y, w, h - 1)
        } else {
            layout.status = area;
            Rect::new(area.x, area.y, w, 0)
        };
        let arrangement = if w < SINGLE_BELOW.0 || h < SINGLE_BELOW.1 {
            Arrangement::Single
        } else if w >= WIDE_FROM {
            Arrangement::Wide
        } else if w >= STACKED_FROM {
            Arrangement::Stacked
        } else {
            Arrangement::Narrow
        };
        // A side pane: its text, a border on each side.
        let side = MIN_TEXT + 2;
        layout.arrangement = Some(arrangement);
        match arrangement {
            Arrangement::Single => {
                let pane = if main.height >= 3 {
                    layout.tabs = Rect::new(main.x, main.y, w, 1);
                    Rect::new(main.x, main.y + 1, w, main.height - 1)
                } else {
                    main
                };
                let pane = PaneArea::new(pane);
                layout.actors = pane;
                layout.body = pane;
                layout.quotes = pane;
            }
            Arrangement::Wide => {
                let actors_w = share(w, 20, side, side + 6);
                let quotes_w = share(w, 30, side, 60);
                let body_w = w.saturating_sub(actors_w + quotes_w);
                let x = main.x;
                layout.actors = PaneArea::new(Rect::new(x, main.y, actors_w, main.height));
                layout.body = PaneArea::new(Rect::new(x + actors_w, main.y, body_w, main.height));
                layout.quotes = PaneArea::new(Rect::new(
                    x + actors_w + body_w,
                    main.y,
                    w - actors_w - body_w,
                    main.height,
                ));
            }
            Arrangement::Stacked => {
                let actors_w = share(w, 30, side, side + 4);
                let right_w = w - actors_w;
                let quotes_h = share(main.height, 36, 5, 18);
                let body_h = main.height - quotes_h;
                let rx = main.x + actors_w;
                layout.actors = PaneArea::new(Rect::new(main.x, main.y, actors_w, main.height));
                layout.body = PaneArea::new(Rect::new(rx, main.y, right_w, body_h));
                layout.quotes = PaneArea::new(Rect::new(rx, main.y + body_h, right_w, quotes_h));
            }
            Arrangement::Narrow => {
                let quotes_h = share(main.height, 36, 5, 18);
                let body_h = main.height - quotes_h;
                layout.body = PaneArea::new(Rect::new(main.x, main.y, w, body_h));
                let bottom = PaneArea::new(Rect::new(main.x, main.y + body_h, w, quotes_h));
                layout.quotes = bottom;
                layout.actors = bottom;
            }
        }
        layout
    }

    pub fn pane(&self, pane: Pane) -> PaneArea {
        match pane {
            Pane::Actors => self.actors,
            Pane::Body => self.body,
            Pane::Quotes => self.quotes,
        }
    }

    pub fn is_single(&self) -> bool {
        self.arrangement == Some(Arrangement::Single)
    }

    /// Whether `pane` is on screen when `focus` has the focus.
    pub fn shows(&self, pane: Pane, focus: Pane) -> bool {
        let on = match self.arrangement {
            Some(Arrangement::Single) => pane == focus,
            // The actors and the quotes share the bottom.
            Some(Arrangement::Narrow) => match pane {
                Pane::Body => true,
                Pane::Actors => focus == Pane::Actors,
                Pane::Quotes => focus != Pane::Actors,
            },
            _ => true,
        };
        on && !self.pane(pane).outer.is_empty()
    }

    /// Whether the actors and the quotes take turns in one place.
    pub fn shares_bottom(&self) -> bool {
        self.arrangement == Some(Arrangement::Narrow)
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, x: u16, y: u16, focus: Pane) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|&p| self.shows(p, focus) && self.pane(p).outer.contains(Position::new(x, y)))
    }

    /// The tab under a position of the tab bar: the bar shows [`Pane::ALL`] in
    /// equal shares of its width.
    pub fn tab_at(&self, x: u16, y: u16) -> Option<Pane> {
        if !self.tabs.contains(Position::new(x, y)) {
            return None;
        }
        let slot = usize::from((x - self.tabs.x) / (self.tabs.width / 3).max(1));
        Pane::ALL.get(slot.min(2)).copied()
    }
}

/// Where the article list opens: centred over the panes, the status line left
/// free. Tiny screens give it all they have.
pub fn picker_area(area: Rect) -> Rect {
    let height = area.height.saturating_sub(1);
    let width = area.width.saturating_sub(4).min(110);
    let height = height.saturating_sub(2).max(height.min(3));
    let width = width.max(area.width.min(10));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(1) - height) / 2,
        width,
        height,
    )
}

/// Where the help opens: centred, as wide as the screen allows up to 100
/// columns, the status line left free.
pub fn help_area(area: Rect, rows: usize) -> Rect {
    let width = area.width.saturating_sub(2).min(100);
    let height = area
        .height
        .saturating_sub(1)
        .min(u16::try_from(rows + 2).unwrap_or(u16::MAX));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(1) - height) / 2,
        width,
        height,
    )
}

/// Columns of help text inside a help popup `width` columns wide (its border
/// and a margin on each side).
pub fn help_text_width(width: u16) -> usize {
    usize::from(width.saturating_sub(4))
}

/// Rows of the article header (title, then byline and date) in a body pane
/// `height` rows high: none in tiny panes, the title alone in small ones.
pub fn header_rows(height: u16) -> u16 {
    match height {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// Where the article's header, gutter and text go inside the body pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BodyGeometry {
    /// The article header: title, byline, date (empty in small panes).
    pub header: Rect,
    /// Speaker tags (may be narrower than the tag, or empty, in small panes).
    pub tag: Rect,
    /// The statement bar: one column between tag and text.
    pub bar: Rect,
    pub text: Rect,
}

impl BodyGeometry {
    /// Lays out the body's inner area for speaker tags `tag_width` columns wide.
    pub fn new(inner: Rect, tag_width: u16) -> BodyGeometry {
        BodyGeometry::with_header(inner, tag_width, 0)
    }

    /// Lays out the body's inner area with `header` rows of article header on top.
    pub fn with_header(inner: Rect, tag_width: u16, header: u16) -> BodyGeometry {
        let header = header.min(inner.height);
        let header_area = Rect::new(inner.x, inner.y, inner.width, header);
        let (x, y, w, h) = (
            inner.x,
            inner.y + header,
            inner.width,
            inner.height - header,
        );
        // Tags only where they leave at least 30 columns of text.
        let tag_w = if w >= tag_width + 3 + 30 {
            tag_width
        } else {
            0
        };
        let gutter = match (w >= 6, tag_w > 0) {
            (false, _) => 0,
            (true, false) => 2,
            (true, true) => tag_w + 3,
        };
        let text_w = w.saturating_sub(gutter).min(MAX_TEXT_WIDTH);
        let left = x + (w.saturating_sub(gutter + text_w)) / 2;
        let bar_x = left + tag_w + u16::from(tag_w > 0);
        BodyGeometry {
            header: Rect::new(left + gutter, header_area.y, text_w, header_area.height),
            tag: Rect::new(left, y, tag_w, h),
            bar: Rect::new(bar_x, y, u16::from(gutter > 0), h),
            text: Rect::new(left + gutter, y, text_w, h),
        }
    }
}

/// Columns of a quote-list row: article number (in the briefing-wide list),
/// speaker tag, kind marker, mode marker (`~` for thought), text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteGeometry {
    /// Columns of the article number, its space included (0: no number).
    pub article_width: u16,
    /// Offset of the speaker tag from the row's left edge.
    pub tag_x: u16,
    pub tag_width: u16,
    /// Offset of the kind marker from the row's left edge; the mode marker
    /// follows it.
    pub marker_x: u16,
    /// Offset of the text from the row's left edge.
    pub text_x: u16,
    pub text_width: u16,
}

impl QuoteGeometry {
    pub fn new(width: u16, tag_width: u16) -> QuoteGeometry {
        QuoteGeometry::numbered(width, tag_width, 0)
    }

    /// Rows that start with an article number of up to `digits` digits.
    pub fn numbered(width: u16, tag_width: u16, digits: u16) -> QuoteGeometry {
        let article = if digits > 0 && width >= digits + 12 {
            digits + 1
        } else {
            0
        };
        let rest = width - article;
        let tag = tag_width.min(rest / 3);
        let marker_x = if tag > 0 { article + tag + 1 } else { article };
        let text_x = (marker_x + 3).min(width);
        QuoteGeometry {
            article_width: article,
            tag_x: article,
            tag_width: tag,
            marker_x,
            text_x,
            text_width: width - text_x,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrangements_follow_the_size() {
        let at = |w, h| AppLayout::new(Rect::new(0, 0, w, h)).arrangement;
        assert_eq!(at(200, 60), Some(Arrangement::Wide));
        assert_eq!(at(150, 30), Some(Arrangement::Wide));
        assert_eq!(at(120, 40), Some(Arrangement::Stacked));
        assert_eq!(at(100, 24), Some(Arrangement::Stacked));
        assert_eq!(at(80, 24), Some(Arrangement::Narrow));
        assert_eq!(at(59, 40), Some(Arrangement::Single));
        assert_eq!(at(120, 15), Some(Arrangement::Single));
        assert_eq!(at(0, 0), None);
    }

    #[test]
    fn every_size_fits_inside_the_screen() {
        for w in 0..130 {
            for h in 0..45 {
                let area = Rect::new(0, 0, w, h);
                let l = AppLayout::new(area);
                for p in Pane::ALL {
                    let pa = l.pane(p);
                    assert_eq!(area.union(pa.outer), area, "{p:?} at {w}x{h}");
                    assert_eq!(pa.outer.union(pa.inner), pa.outer);
                    let g = BodyGeometry::new(pa.inner, 10);
                    assert!(g.text.right() <= pa.inner.right().max(pa.inner.x));
                }
                assert_eq!(area.union(l.status), area);
            }
        }
    }

    #[test]
    fn body_text_is_centred_and_capped() {
        let g = BodyGeometry::new(Rect::new(0, 0, 150, 10), 8);
        assert_eq!(g.text.width, MAX_TEXT_WIDTH);
        assert_eq!(g.tag.x, (150 - 111) / 2);
        assert_eq!(g.bar.x, g.tag.x + 9);
        assert_eq!(g.text.x, g.tag.x + 11);
        let narrow = BodyGeometry::new(Rect::new(0, 0, 20, 10), 8);
        assert_eq!(narrow.tag.width, 0);
        assert_eq!(narrow.text.width, 18);
    }
}
