//! Calendar dates from the many ways pages write them: ISO 8601 and its
//! relatives (`2019-11-19T08:41:00Z`, `2019/11/19`, `20190221`), month names
//! (`November 19, 2019`, `Nov. 19, 2019`, `19 Nov 2019`, `Fri Mar 13 21:30:09
//! EST 2015`) and dates inside URLs (`/2015/03/18/`, `-20190520/`).
//!
//! Only the calendar day is kept, as written: no time-zone conversion.

/// A calendar date; printed as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// The year, 1900 to 2100 (others are placeholders or typos).
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, one that month (and year) has.
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    fn new(year: u32, month: u32, day: u32) -> Option<Self> {
        // Years outside this range are placeholders (`0001-01-01`) or typos.
        if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if !(1..=days).contains(&day) {
            return None;
        }
        Some(Self {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Num(&'a str),
    Word(&'a str),
    Sep(char),
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        if c.is_ascii_digit() {
            let mut end = i;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            out.push(Tok::Num(&s[i..end]));
        } else if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            out.push(Tok::Word(&s[i..end]));
        } else {
            if !c.is_whitespace() {
                out.push(Tok::Sep(c));
            }
            it.next();
        }
        if out.len() > 400 {
            break;
        }
    }
    out
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|p| p as u32 + 1)
}

/// A weekday's name in lowercase, whole or in three letters: "monday", "mon".
pub fn is_weekday(word: &str) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    WEEKDAYS
        .iter()
        .any(|d| *d == word || (word.len() == 3 && d.starts_with(word)))
}

fn num(t: Option<&Tok<'_>>) -> Option<(u32, usize)> {
    match t {
        Some(Tok::Num(n)) if n.len() <= 8 => n.parse().ok().map(|v| (v, n.len())),
        _ => None,
    }
}

/// Parses a date written as metadata usually writes it (ISO-like first, then
/// month names). Returns `None` when no full date (year, month, day) is there.
pub fn parse(s: &str) -> Option<Date> {
    let toks = tokens(s);
    numeric_date(&toks).or_else(|| named_month_date(&toks))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or a lone `YYYYMMDD`, anywhere.
fn numeric_date(toks: &[Tok<'_>]) -> Option<Date> {
    for (i, t) in toks.iter().enumerate() {
        let Some((v, len)) = num(Some(t)) else {
            continue;
        };
        if len == 4 {
            if let (Some(Tok::Sep(a)), Some((m, _)), Some(Tok::Sep(b)), Some((d, dl))) = (
                toks.get(i + 1),
                num(toks.get(i + 2)),
                toks.get(i + 3),
                num(toks.get(i + 4)),
            ) && a == b
                && matches!(a, '-' | '/' | '.')
                && dl <= 2
                && let Some(date) = Date::new(v, m, d)
            {
                return Some(date);
            }
        } else if len == 8
            && let Some(date) = Date::new(v / 10000, v / 100 % 100, v % 100)
        {
            return Some(date);
        }
    }
    None
}

/// A month name with a day next to it (before or after) and a four-digit year
/// after it: `November 19, 2019`, `19 Nov 2019`, `Mar 13 21:30:09 EST 2015`.
fn named_month_date(toks: &[Tok<'_>]) -> Option<Date> {
    for (i, t) in toks.iter().enumerate() {
        let Tok::Word(w) = t else { continue };
        let Some(month) = month_number(w) else {
            continue;
        };
        // Day: right after the month (skipping a dot), or right before it.
        let after = match toks.get(i + 1) {
            Some(Tok::Sep('.')) => i + 2,
            _ => i + 1,
        };
        let day_after = num(toks.get(after)).filter(|(d, l)| *l <= 2 && *d >= 1);
        let day_before = i
            .checked_sub(1)
            .and_then(|j| num(toks.get(j)))
            .filter(|(d, l)| *l <= 2 && *d >= 1);
        let (day, year_from) = match (day_after, day_before) {
            (Some((d, _)), _) => (d, after + 1),
            (None, Some((d, _))) => (d, i + 1),
            _ => continue,
        };
        // The year: the first four-digit number within a few tokens.
        let year = toks
            .iter()
            .skip(year_from)
            .take(8)
            .find_map(|t| num(Some(t)).filter(|(_, l)| *l == 4).map(|(y, _)| y));
        if let Some(y) = year
            && let Some(date) = Date::new(y, month, day)
        {
            return Some(date);
        }
    }
    None
}

/// A date in a URL path: `/2015/03/18/` or a `-20190520` slug suffix.
pub fn from_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let parts: Vec<&str> = path.split('/').collect();
    for w in parts.windows(3) {
        if let (Ok(y), Ok(m), Ok(d)) = (w[0].parse(), w[1].parse(), w[2].parse())
            && w[0].len() == 4
            && w[1].len() <= 2
            && w[2].len() <= 2
            && let Some(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    for part in parts {
        for piece in part.split(['-', '_', '.']) {
            if piece.len() == 8
                && piece.bytes().all(|b| b.is_ascii_digit())
                && let Ok(v) = piece.parse::<u32>()
                && let Some(date) = Date::new(v / 10000, v / 100 % 100, v % 100)
            {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s).map(|d| d.to_string())
    }

    #[test]
    fn forms() {
        assert_eq!(p("2019-11-19T08:41:00.000Z").as_deref(), Some("2019-11-19"));
        assert_eq!(p("2019/11/19").as_deref(), Some("2019-11-19"));
        assert_eq!(p("20190221").as_deref(), Some("2019-02-21"));
        assert_eq!(
            p("November 19, 2019, 07:47 PM EST").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            p("Published 10:02 AM EST Nov. 19, 2019").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            p("Fri Mar 13 21:30:09 EST 2015").as_deref(),
            Some("2015-03-13")
        );
        assert_eq!(
            p("Published: 28 Apr, 2020 CET.").as_deref(),
            Some("2020-04-28")
        );
        assert_eq!(p("0001-01-01T00:00:00Z"), None);
        assert_eq!(p("March 18 at 3:57 PM"), None);
        assert_eq!(p("May the force"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn urls() {
        let d = |u: &str| from_url(u).map(|d| d.to_string());
        assert_eq!(
            d("https://x.com/world/a-b/2015/03/18/abc_story.html").as_deref(),
            Some("2015-03-18")
        );
        assert_eq!(
            d("https://x.com/hidden-heroines-20190520/").as_deref(),
            Some("2019-05-20")
        );
        assert_eq!(d("https://x.com/news/12345678/"), None);
    }
}
