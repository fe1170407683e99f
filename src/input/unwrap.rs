//! Text as it was written before it was hard-wrapped.
//!
//! Text from e-mail, terminals, plain-text archives, `fmt` and PDF copies breaks
//! its lines at a width: every paragraph is cut into lines, and a word may be split
//! by a hyphen at a line end ("govern-" / "ment"). The engine reads one paragraph
//! per line, so [`unwrap`] joins the lines of each paragraph and rejoins the split
//! words, and returns with the joined text an [`OffsetMap`] that takes every offset
//! in it back to the text as given: what the engine finds is reported, and
//! highlighted, on the characters the user gave.
//!
//! Which line breaks are soft (inside a paragraph) is decided per break, from
//! the text's own shape: a blank line always ends a paragraph; in text that
//! is wrapped at a width (most lines filled close to it, few ending a
//! sentence), a break after a filled line is soft, while a short line (a
//! dateline, a sign-off, a heading, the last line of a paragraph), a list
//! item, a more indented line (the first line of an indented paragraph) and a
//! line in capitals keep their breaks. In any text, a line that ends inside a
//! sentence and runs on in lowercase on the next line is joined to it.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::lexicon::english_word;

/// Which line breaks end a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineBreaks {
    /// Plain text: decided break by break from the text (see the module doc).
    #[default]
    Detect,
    /// Only a blank line ends a paragraph, as in Markdown.
    Soft,
    /// Every line break ends a paragraph: text made one paragraph per line.
    Hard,
}

/// What an edit puts in place of the original bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fill {
    Nothing,
    Space,
    Newline,
}

impl Fill {
    fn as_str(self) -> &'static str {
        match self {
            Fill::Nothing => "",
            Fill::Space => " ",
            Fill::Newline => "\n",
        }
    }
}

/// One change from the text as given to the text as read: the original bytes
/// `start..end` became `fill`, which begins at byte `at` of the text as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Edit {
    start: usize,
    end: usize,
    at: usize,
    fill: Fill,
}

impl Edit {
    fn fill_end(&self) -> usize {
        self.at + self.fill.as_str().len()
    }

    /// A line break that joins two lines into one paragraph.
    fn is_soft(&self) -> bool {
        self.fill != Fill::Newline
    }
}

/// Byte offsets of the text as read (unwrapped) back to the text as given.
///
/// Made of the edits that turned one into the other, in order; between two
/// edits the texts are the same bytes, so a lookup is one binary search. Every
/// offset it gives lies on a char boundary of the text as given, and it keeps
/// order: a later offset never maps before an earlier one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    /// The texts are the same.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Where the character at byte `pos` of the text as read begins in the text
    /// as given (`pos` may be the text's length).
    pub fn start(&self, pos: usize) -> usize {
        let k = self.edits.partition_point(|e| e.at <= pos);
        let Some(e) = k.checked_sub(1).map(|k| &self.edits[k]) else {
            return pos;
        };
        if pos < e.fill_end() {
            e.start
        } else {
            e.end + (pos - e.fill_end())
        }
    }

    /// Where a range of the text as read that ends at byte `pos` ends in the text
    /// as given: before what was removed there (the hyphen of a rejoined word),
    /// not after it.
    pub fn end(&self, pos: usize) -> usize {
        match self.edits.binary_search_by_key(&pos, |e| e.at) {
            Ok(k) if self.edits[k].fill == Fill::Nothing => self.edits[k].start,
            _ => self.start(pos),
        }
    }

    /// The text as read of the bytes `range` of the text as given: lines joined,
    /// split words whole. Borrowed when nothing in the range was changed.
    pub fn read<'a>(&self, original: &'a str, range: Range<usize>) -> Cow<'a, str> {
        let first = self.edits.partition_point(|e| e.end <= range.start);
        let touched = self.edits[first..]
            .iter()
            .take_while(|e| e.start < range.end);
        if touched.clone().next().is_none() {
            return Cow::Borrowed(&original[range]);
        }
        let mut out = String::with_capacity(range.len());
        let mut pos = range.start;
        for e in touched {
            if e.start >= pos {
                out.push_str(&original[pos..e.start]);
                out.push_str(e.fill.as_str());
            }
            pos = e.end.min(range.end).max(pos);
        }
        out.push_str(&original[pos..range.end]);
        Cow::Owned(out)
    }

    /// The paragraphs of the text as given, as the engine reads them: byte ranges
    /// from the first character of a paragraph's first line to the last of its
    /// last line, in order; blank lines belong to none.
    pub fn paragraphs(&self, original: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut edits = self.edits.iter().filter(|e| e.is_soft()).peekable();
        let mut open: Option<Range<usize>> = None;
        for line in lines(original) {
            let content = line.content(original);
            if content.is_empty() {
                out.extend(open.take());
                continue;
            }
            let para = open.get_or_insert(content.clone());
            para.end = content.end;
            // Is the break after this line soft?
            while edits.peek().is_some_and(|e| e.end <= line.end) {
                edits.next();
            }
            let soft = edits
                .peek()
                .is_some_and(|e| e.start <= line.end && line.end < e.end);
            if !soft {
                out.extend(open.take());
            }
        }
        out.extend(open);
        out
    }
}

/// A text as the engine reads it, with the way back to the text as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unwrapped<'a> {
    pub text: Cow<'a, str>,
    pub map: OffsetMap,
}

/// Joins the lines of `text`'s paragraphs and rejoins words split at line ends;
/// a lone carriage return (old Mac line ends) becomes a line feed.
pub fn unwrap(text: &str, breaks: LineBreaks) -> Unwrapped<'_> {
    let mut changes = match breaks {
        LineBreaks::Hard => Vec::new(),
        LineBreaks::Soft => soft_breaks(text, |_, _| true),
        LineBreaks::Detect => {
            let shape = Shape::of(text);
            soft_breaks(text, |line, next| shape.joins(text, line, next))
        }
    };
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        // Lone carriage returns at the breaks that stay; a soft break replaces its own.
        let mut returns = Vec::new();
        for line in lines(text) {
            let k = changes.partition_point(|c| c.end <= line.end);
            let soft = changes.get(k).is_some_and(|c| c.start <= line.end);
            if !soft && text[line.end..line.next] == *"\r" {
                returns.push(Change {
                    start: line.end,
                    end: line.next,
                    how: How::Newline,
                });
            }
        }
        changes.extend(returns);
        changes.sort_unstable_by_key(|c| c.start);
    }
    if !changes.is_empty() {
        resolve_hyphens(text, &mut changes);
    }
    invisible_marks(text, &mut changes);
    if changes.is_empty() {
        return Unwrapped {
            text: Cow::Borrowed(text),
            map: OffsetMap::default(),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut edits: Vec<Edit> = Vec::with_capacity(changes.len());
    let mut pos = 0;
    for c in &changes {
        let (start, fill) = match c.how {
            How::Space => (c.start, Fill::Space),
            How::Newline => (c.start, Fill::Newline),
            How::Join => (c.start, Fill::Nothing),
            How::Hyphen(Hyphen::Drop) => (c.start - '-'.len_utf8(), Fill::Nothing),
            How::Hyphen(Hyphen::Soft) => (c.start - '\u{ad}'.len_utf8(), Fill::Nothing),
            How::Hyphen(Hyphen::Undecided) => (c.start, Fill::Nothing),
            How::Invisible => (c.start, Fill::Nothing),
        };
        out.push_str(&text[pos..start.max(pos)]);
        pos = c.end;
        // A line that was only a soft hyphen leaves nothing between two edits:
        // one edit then, so that every edit has its own place in the text as read.
        if let Some(prev) = edits.last_mut()
            && prev.end >= start
            && (prev.fill == Fill::Nothing || fill == Fill::Nothing)
        {
            prev.end = c.end;
            if prev.fill == Fill::Nothing {
                prev.fill = fill;
                out.push_str(fill.as_str());
            }
            continue;
        }
        edits.push(Edit {
            start,
            end: c.end,
            at: out.len(),
            fill,
        });
        out.push_str(fill.as_str());
    }
    out.push_str(&text[pos..]);
    Unwrapped {
        text: Cow::Owned(out),
        map: OffsetMap { edits },
    }
}

/// A line of the text: bytes `start..end`, its line end `end..next` (`\n`,
/// `\r\n`, `\r`, or nothing for the last line).
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

impl Line {
    /// The line without its leading and trailing white space.
    fn content(&self, text: &str) -> Range<usize> {
        let s = &text[self.start..self.end];
        let trimmed = s.trim_start();
        let start = self.start + (s.len() - trimmed.len());
        start..start + trimmed.trim_end().len()
    }
}

fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let line = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(i) => {
                let end = start + i;
                let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                Line { start, end, next }
            }
            None => Line {
                start,
                end: bytes.len(),
                next: bytes.len(),
            },
        };
        start = line.next;
        Some(line)
    })
}

/// What becomes of a line break, or of the hyphen before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    /// A soft break: the white space around it becomes one space.
    Space,
    /// A lone carriage return that ends a line: a line feed.
    Newline,
    /// A soft break after a hyphen that stays ("well-" / "known"): nothing.
    Join,
    /// A soft break after a word split by a hyphen.
    Hyphen(Hyphen),
    /// An invisible format character inside a line: it goes (see
    /// [`invisible_marks`]).
    Invisible,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hyphen {
    /// Not decided yet: the word list and the article's own words decide.
    Undecided,
    /// The hyphen only split the word: it goes ("govern-" / "ment").
    Drop,
    /// A soft hyphen (U+00AD) before the break: it goes.
    Soft,
}

/// One line break to change: the original bytes `start..end` (the white space
/// from the end of a line's text to the start of the next line's text, or a
/// lone `\r`).
#[derive(Clone, Copy, Debug)]
struct Change {
    start: usize,
    end: usize,
    how: How,
}

/// Whether `c` is an invisible format character that the engine does not read:
/// the zero-width joiner and non-joiner, the word joiner, a byte-order mark
/// inside the text, a soft hyphen.
fn is_invisible_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Whether a joiner between `a` and `b` does a joiner's work: in scripts that
/// join letters (Arabic, Indic, …) and in emoji sequences (👩‍👩‍👧), not between
/// Latin, Greek or Cyrillic letters, punctuation or spaces.
fn joins_here(a: Option<char>, b: Option<char>) -> bool {
    let works = |c: Option<char>| {
        c.is_some_and(|c| {
            c >= '\u{0530}' && !c.is_whitespace() && !('\u{2000}'..='\u{206f}').contains(&c)
        })
    };
    works(a) || works(b)
}

/// Invisible format characters (see [`is_invisible_mark`]) the engine reads
/// past, added to `changes` (kept in order): a name written with a zero-width
/// joiner or a soft hyphen inside ("Ru\u{200d}iz") is the same name as without,
/// and the text as given keeps them. Joiners that join (emoji, scripts that
/// need them) stay.
fn invisible_marks(text: &str, changes: &mut Vec<Change>) {
    let mut marks = Vec::new();
    // Where the last mark taken away ends, and the character before it: a
    // joiner that goes leaves its neighbours to each other.
    let mut gone: Option<(usize, Option<char>)> = None;
    // Every mark begins with one of these bytes (lead bytes, so each starts
    // a character); curly quotes do too, so look at each rather than decode
    // the whole text.
    for i in memchr::memchr3_iter(0xc2, 0xe2, 0xef, text.as_bytes()) {
        let Some(c) = text[i..].chars().next().filter(|&c| is_invisible_mark(c)) else {
            continue;
        };
        let end = i + c.len_utf8();
        let prev = match gone {
            Some((at, before)) if at == i => before,
            _ => text[..i].chars().next_back(),
        };
        let next = text[end..].chars().next();
        let joiner = matches!(c, '\u{200c}' | '\u{200d}');
        if !(joiner && joins_here(prev, next)) {
            marks.push(Change {
                start: i,
                end,
                how: How::Invisible,
            });
            gone = Some((end, prev));
        }
    }
    if marks.is_empty() {
        return;
    }
    // What the breaks already take away: a soft hyphen before a break, a
    // split word's hyphen.
    let removed = |c: &Change| match c.how {
        How::Hyphen(Hyphen::Soft) => c.start - '\u{ad}'.len_utf8()..c.end,
        How::Hyphen(Hyphen::Drop) => c.start - '-'.len_utf8()..c.end,
        _ => c.start..c.end,
    };
    let taken: Vec<Range<usize>> = changes.iter().map(removed).collect();
    marks.retain(|m| {
        let k = taken.partition_point(|r| r.end <= m.start);
        taken.get(k).is_none_or(|r| r.start >= m.end)
    });
    changes.extend(marks);
    changes.sort_unstable_by_key(|c| c.start);
}

/// The breaks between two non-blank lines that `joins` calls soft, with what
/// happens to each.
fn soft_breaks(text: &str, mut joins: impl FnMut(&LineInfo, &LineInfo) -> bool) -> Vec<Change> {
    let mut out = Vec::new();
    let mut prev: Option<LineInfo> = None;
    for line in lines(text) {
        let info = LineInfo::new(text, line);
        if let Some(p) = prev.take()
            && !info.blank
            && !p.blank
            && joins(&p, &info)
        {
            out.push(Change {
                start: p.content.end,
                end: info.content.start,
                how: break_kind(text, &p, &info),
            });
        }
        prev = Some(info);
    }
    out
}

/// How a soft break between `line` and `next` joins them.
fn break_kind(text: &str, line: &LineInfo, next: &LineInfo) -> How {
    let before = &text[line.content.clone()];
    let first = text[next.content.clone()].chars().next();
    if before.ends_with('\u{ad}') {
        return How::Hyphen(Hyphen::Soft);
    }
    let hyphenated = before
        .strip_suffix(['-', '\u{2010}'])
        .is_some_and(|rest| rest.chars().next_back().is_some_and(char::is_alphabetic));
    if !hyphenated {
        return How::Space;
    }
    // "anti-" / "American", "COVID-" / "19": a hyphen in the word itself.
    if first.is_some_and(char::is_lowercase) && before.ends_with('-') {
        How::Hyphen(Hyphen::Undecided)
    } else {
        How::Join
    }
}

/// What decides a plain-text line break: one line's measures.
struct LineInfo {
    content: Range<usize>,
    blank: bool,
    /// Characters up to the end of the line's text, indentation included.
    width: usize,
    indent: usize,
    /// Characters of the first word.
    first_word: usize,
}

impl LineInfo {
    fn new(text: &str, line: Line) -> LineInfo {
        let content = line.content(text);
        let head = &text[line.start..content.end];
        let chars = |s: &str| {
            if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            }
        };
        let body = &text[content.clone()];
        LineInfo {
            blank: content.is_empty(),
            width: chars(head),
            indent: chars(&text[line.start..content.start]),
            first_word: chars(body.split(char::is_whitespace).next().unwrap_or("")),
            content,
        }
    }
}

/// Lines this long and longer count as one width when measuring a text.
const MAX_MEASURED: usize = 1024;
/// Narrower than this, lines are not a hard-wrapped paragraph but a list,
/// a poem, a table.
const MIN_WRAP_WIDTH: usize = 24;
const MAX_WRAP_WIDTH: usize = 200;
/// A line of a wrapped paragraph comes this close to the text's width (with
/// the first word of the next line, which did not fit on it).
const FULL: f64 = 0.8;

/// The shape of a plain text's lines: whether it is hard-wrapped and at what width.
struct Shape {
    /// The width the text is wrapped at, if it is.
    wrapped: Option<usize>,
}

impl Shape {
    /// Measures the lines: the width most lines stay within (the 90th
    /// percentile), how many lines inside a paragraph come close to it, and how
    /// many of those end a sentence (nearly all, in text with one paragraph per
    /// line; few, in wrapped text).
    fn of(text: &str) -> Shape {
        let mut widths = vec![0usize; MAX_MEASURED + 1];
        let mut inner: Vec<(usize, bool)> = Vec::new();
        let mut prev: Option<LineInfo> = None;
        let mut lines_seen = 0;
        for line in lines(text) {
            let info = LineInfo::new(text, line);
            if !info.blank {
                widths[info.width.min(MAX_MEASURED)] += 1;
                lines_seen += 1;
            }
            if let Some(p) = prev.take()
                && !p.blank
                && !info.blank
            {
                inner.push((p.width, ends_sentence(&text[p.content.clone()])));
            }
            prev = Some(info);
        }
        let mut wrapped = None;
        if inner.len() >= 2 {
            let mut seen = 0;
            let rank = lines_seen * 9 / 10;
            let width = widths
                .iter()
                .position(|&n| {
                    seen += n;
                    seen > rank
                })
                .unwrap_or(MAX_MEASURED);
            let near = inner
                .iter()
                .filter(|(w, _)| *w as f64 >= width as f64 * 0.75)
                .count();
            let sentence_ends = inner.iter().filter(|(_, end)| *end).count();
            if (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width)
                && near * 10 >= inner.len() * 6
                && sentence_ends * 2 < inner.len()
            {
                wrapped = Some(width);
            }
        }
        Shape { wrapped }
    }

    /// Is the break between `line` and `next` (both non-blank) soft?
    fn joins(&self, text: &str, line: &LineInfo, next: &LineInfo) -> bool {
        let this = &text[line.content.clone()];
        let that = &text[next.content.clone()];
        if starts_list_item(that) && (starts_list_item(this) || this.ends_with(':'))
            || starts_with_bullet(that)
            || next.indent > line.indent && !starts_list_item(this)
            || is_capitals(that) && next.width * 5 < self.wrapped.unwrap_or(0) * 3
            || is_capitals(this)
            // A sign-off or heading after a paragraph's last sentence: "Ana Ruiz".
            || ends_sentence(this)
                && !ends_sentence(that)
                && next.width * 2 < self.wrapped.unwrap_or(0)
        {
            return false;
        }
        let first = that.chars().next();
        // "govern-" / "ment", "the harbour" / "master said": a line ending inside
        // a word or a sentence that the next line continues.
        let runs_on = first.is_some_and(char::is_lowercase)
            && this
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '\u{ad}'));
        let split_word = first.is_some_and(char::is_alphanumeric)
            && (this.ends_with('\u{ad}')
                || this
                    .strip_suffix(['-', '\u{2010}'])
                    .is_some_and(|r| r.chars().next_back().is_some_and(char::is_alphabetic)));
        let filled = self
            .wrapped
            .is_some_and(|width| (line.width + 1 + next.first_word) as f64 >= width as f64 * FULL);
        runs_on || split_word || filled
    }
}

/// Ends with a sentence's last mark (a closing quote counts: dialogue).
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches([')', ']', '*', '_'])
        .ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '»', '…'])
}

/// "- item", "* item", "• item", "1. item", "2) item", "(a) item".
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    if starts_with_bullet(line)
        || matches!(chars.next(), Some('-' | '*' | '+' | '–')) && chars.next() == Some(' ')
    {
        return true;
    }
    let rest = line.strip_prefix('(').unwrap_or(line);
    let marker_len = rest
        .chars()
        .take_while(char::is_ascii_digit)
        .count()
        .clamp(0, 3);
    let (marker, after) = if marker_len > 0 {
        rest.split_at(marker_len)
    } else {
        match rest.chars().next() {
            Some(c) if c.is_ascii_lowercase() => rest.split_at(1),
            _ => return false,
        }
    };
    // Two digits at most: "2016. The" is a year ending a sentence, not an item.
    marker.len() <= 2 && (after.starts_with(". ") || after.starts_with(") "))
}

fn starts_with_bullet(line: &str) -> bool {
    line.starts_with(['•', '◦', '▪', '‣', '●', '○', '■', '□', '►', '▸'])
}

/// A line in capitals: a heading or a dateline ("BACKGROUND", "WASHINGTON —").
fn is_capitals(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 3 && !line.ends_with([',', ';'])
}

/// Decides the words split by a hyphen at a line end: the hyphen goes when the
/// article itself writes the word whole ("government") and never hyphenated, or
/// when the whole is an English word; it stays when the article writes the
/// compound with its hyphen, or when the part after it is a word of its own
/// ("well-" / "known"). A part after it that is no word ("Schwarzen-" /
/// "egger") rejoins the word.
fn resolve_hyphens(text: &str, changes: &mut [Change]) {
    let split = |c: &Change| {
        let before = &text[..c.start - 1];
        let head_start = before.rfind(|ch: char| !ch.is_alphabetic()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let head = before[head_start..].to_lowercase();
        let tail: String = text[c.end..]
            .chars()
            .take_while(|ch| ch.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        (head, tail)
    };
    let pending: Vec<usize> = (0..changes.len())
        .filter(|&i| changes[i].how == How::Hyphen(Hyphen::Undecided))
        .collect();
    if pending.is_empty() {
        return;
    }
    let pairs: Vec<(String, String)> = pending.iter().map(|&i| split(&changes[i])).collect();
    let (whole, hyphenated) = article_forms(text, &pairs);
    for (k, &i) in pending.iter().enumerate() {
        let (head, tail) = &pairs[k];
        let joined = format!("{head}{tail}");
        let drop = if whole.contains(&joined) != hyphenated.contains(&k) {
            whole.contains(&joined)
        } else {
            english_word(&joined) || !english_word(tail)
        };
        changes[i].how = if drop {
            How::Hyphen(Hyphen::Drop)
        } else {
            How::Join
        };
    }
}

/// Which of the split words `pairs` the article also writes whole (the joined
/// forms seen), and which it writes with their hyphen (indexes into `pairs`).
fn article_forms(text: &str, pairs: &[(String, String)]) -> (FxHashSet<String>, FxHashSet<usize>) {
    let wanted: FxHashSet<String> = pairs.iter().map(|(h, t)| format!("{h}{t}")).collect();
    let hyphen_pairs: rustc_hash::FxHashMap<(&str, &str), Vec<usize>> = pairs
        .iter()
        .enumerate()
        .fold(Default::default(), |mut m, (k, (h, t))| {
            m.entry((h.as_str(), t.as_str())).or_default().push(k);
            m
        });
    let mut whole = FxHashSet::default();
    let mut hyphenated = FxHashSet::default();
    // Words with their inner hyphens: "well-known" is one run, "govern-\nment" two.
    for run in text
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .map(|r| r.trim_matches('-'))
        .filter(|r| !r.is_empty())
    {
        let lower = run.to_lowercase();
        if wanted.contains(&lower) {
            whole.insert(lower.clone());
        }
        let parts: Vec<&str> = lower.split('-').collect();
        for w in parts.windows(2) {
            if let Some(ks) = hyphen_pairs.get(&(w[0], w[1])) {
                hyphenated.extend(ks.iter().copied());
            }
        }
    }
    (whole, hyphenated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        unwrap(text, LineBreaks::Detect).text.into_owned()
    }

    const WRAPPED: &str = "The harbour authority said on Monday that the port would reopen\n\
        after a week of repairs, and that the ferries to the islands would\n\
        run again from Wednesday, weather permitting.\n\
        \n\
        “We are back in business,” said Ana Ruiz, who runs the authority,\n\
        adding that the storm had been the worst in living memory for the\n\
        town and its fishermen.\n";

    #[test]
    fn wrapped_paragraphs_become_lines() {
        assert_eq!(
            read(WRAPPED),
            "The harbour authority said on Monday that the port would reopen after a week of repairs, and that the ferries to the islands would run again from Wednesday, weather permitting.\n\
             \n\
             “We are back in business,” said Ana Ruiz, who runs the authority, adding that the storm had been the worst in living memory for the town and its fishermen.\n"
        );
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let text = "The port reopened on Monday after a week of repairs, officials said.\n\
            Ferries to the islands will run again from Wednesday.\n\
            “We are back in business,” said Ana Ruiz, who runs the harbour authority.\n";
        let u = unwrap(text, LineBreaks::Detect);
        assert!(u.map.is_identity());
        assert!(matches!(u.text, Cow::Borrowed(_)));
    }

    #[test]
    fn short_lines_lists_and_headings_keep_their_breaks() {
        let text = "PORT REOPENS\n\
            LISBON (Reuters) -\n\
            The harbour authority said on Monday that the port would reopen\n\
            after a week of repairs, and that the ferries to the islands would\n\
            run again from Wednesday. The repairs cover three things:\n\
            - the outer wall,\n\
            - the fuel dock, and\n\
            - the lights.\n\
            BACKGROUND\n\
            The storm was the worst in living memory for the town and its\n\
            fishermen, the mayor said in a statement read out on the radio.\n\
            Ana Ruiz\n";
        assert_eq!(
            read(text),
            "PORT REOPENS\n\
             LISBON (Reuters) -\n\
             The harbour authority said on Monday that the port would reopen after a week of repairs, and that the ferries to the islands would run again from Wednesday. The repairs cover three things:\n\
             - the outer wall,\n\
             - the fuel dock, and\n\
             - the lights.\n\
             BACKGROUND\n\
             The storm was the worst in living memory for the town and its fishermen, the mayor said in a statement read out on the radio.\n\
             Ana Ruiz\n"
        );
    }

    #[test]
    fn indented_first_lines_start_paragraphs() {
        let text = "    The harbour authority said on Monday that the port would\n\
            reopen after a week of repairs, and that the ferries would run\n\
            again from Wednesday, weather permitting, its director said.\n\
            \x20   The storm was the worst in living memory for the town and\n\
            its fishermen, the mayor said in a statement read on the radio\n\
            at noon, before the rain came back in the early afternoon.\n";
        assert_eq!(
            read(text),
            "    The harbour authority said on Monday that the port would reopen after a week of repairs, and that the ferries would run again from Wednesday, weather permitting, its director said.\n\
             \x20   The storm was the worst in living memory for the town and its fishermen, the mayor said in a statement read on the radio at noon, before the rain came back in the early afternoon.\n"
        );
    }

    #[test]
    fn crlf_and_lone_cr() {
        let crlf = WRAPPED.replace('\n', "\r\n");
        let u = unwrap(&crlf, LineBreaks::Detect);
        assert_eq!(u.text.replace('\r', ""), read(WRAPPED));
        let lone = WRAPPED.replace('\n', "\r");
        let u = unwrap(&lone, LineBreaks::Detect);
        assert_eq!(u.text, read(WRAPPED));
        // The soft breaks point back at the "\r\n" they replaced.
        let space = u.text.find(" after").unwrap();
        assert_eq!(&lone[u.map.start(space)..u.map.start(space + 1)], "\r");
    }

    #[test]
    fn hyphenated_words_rejoin_and_compounds_keep_their_hyphen() {
        let text = "The well-\n\
            known harbour authority said on Monday that the port's govern-\n\
            ment would reopen it after a week of repairs, and that the long-\n\
            term plan of the Schwarzen-\n\
            egger family was a matter for the anti-\n\
            American lobby and COVID-\n\
            19 rules, the director said.\n";
        assert_eq!(
            read(text),
            "The well-known harbour authority said on Monday that the port's government would reopen it after a week of repairs, and that the long-term plan of the Schwarzenegger family was a matter for the anti-American lobby and COVID-19 rules, the director said.\n"
        );
    }

    #[test]
    fn the_article_decides_its_own_words() {
        // "cyber" + "security" is no word in the list, but the article writes it whole.
        let text = "Cybersecurity was on the agenda, the minister said on Monday, and cyber-\n\
            security will stay there, she added.\n";
        assert!(read(text).contains("and cybersecurity will"));
        // "lookout" is a word, but this article writes "look-out".
        let text = "The look-out post was empty, the minister said on Monday, and the look-\n\
            out had gone home, she added.\n";
        assert!(read(text).contains("and the look-out had"));
    }

    #[test]
    fn invisible_marks_go_and_joiners_that_join_stay() {
        let read = |t: &str| unwrap(t, LineBreaks::Hard).text.into_owned();
        assert_eq!(read("Ru\u{200d}\u{2060}iz said"), "Ruiz said");
        assert_eq!(read("“Yes,” said Ana R\u{ad}uiz."), "“Yes,” said Ana Ruiz.");
        assert_eq!(
            read("👩\u{200d}👧 and \u{feff}then"),
            "👩\u{200d}👧 and then"
        );
        // A joiner's neighbour is the character before the marks that went:
        // here an Arabic letter, which joiners join.
        assert_eq!(read("ب\u{2060}\u{200d}x"), "ب\u{200d}x");
        assert!(
            unwrap("“Plain,” he said.", LineBreaks::Hard)
                .map
                .is_identity()
        );
    }

    #[test]
    fn soft_hyphens_and_markdown_breaks() {
        let u = unwrap("the govern\u{ad}\nment said", LineBreaks::Soft);
        assert_eq!(u.text, "the government said");
        let u = unwrap("One short\nline.\n\nTwo.", LineBreaks::Soft);
        assert_eq!(u.text, "One short line.\n\nTwo.");
        assert!(
            unwrap("One short\nline.", LineBreaks::Hard)
                .map
                .is_identity()
        );
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "He said the govern-\n  ment would fall.";
        let u = unwrap(text, LineBreaks::Soft);
        assert_eq!(u.text, "He said the government would fall.");
        let word = u.text.find("government").unwrap();
        let (start, end) = (u.map.start(word), u.map.end(word + "government".len()));
        assert_eq!(&text[start..end], "govern-\n  ment");
        assert_eq!(u.map.read(text, start..end), "government");
        // A range ending just before the removed hyphen stops before it.
        assert_eq!(&text[start..u.map.end(word + 6)], "govern");
        assert_eq!(u.map.start(u.text.len()), text.len());
        assert_eq!(u.map.read(text, 0..text.len()), u.text);
    }

    #[test]
    fn paragraphs_of_the_original() {
        let u = unwrap(WRAPPED, LineBreaks::Detect);
        let paras: Vec<&str> = u
            .map
            .paragraphs(WRAPPED)
            .into_iter()
            .map(|r| &WRAPPED[r])
            .collect();
        assert_eq!(paras.len(), 2);
        assert!(paras[0].starts_with("The harbour") && paras[0].ends_with("permitting."));
        assert!(paras[1].contains("authority,\nadding"));
        let lines = "One.\nTwo.\n\nThree.";
        let map = unwrap(lines, LineBreaks::Detect).map;
        assert_eq!(map.paragraphs(lines), [0..4, 5..9, 11..17]);
        let text = "the govern-\nment said\nso";
        let map = unwrap(text, LineBreaks::Soft).map;
        let whole = 0..text.len();
        assert_eq!(map.paragraphs(text), std::slice::from_ref(&whole));
    }

    #[test]
    fn list_markers() {
        assert!(starts_list_item("- the wall"));
        assert!(starts_list_item("12. The wall"));
        assert!(starts_list_item("(a) the wall"));
        assert!(!starts_list_item("2016. The wall"));
        assert!(!starts_list_item("-the wall"));
        assert!(!starts_list_item("a wall"));
        assert!(starts_list_item("– the wall"));
        assert!(!starts_list_item("–the wall"));
    }
}
