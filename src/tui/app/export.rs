//! What leaves the reader: the selected statement with its attribution for the
//! clipboard, and the Markdown note of what is in view written to a file.
//! Failures end up in the status line, never as a crash.

use super::{App, Effect, Scope};
use crate::briefing::Briefing;
use crate::export::{Selection, attribution_line, markdown};
use std::io::Write;
use std::path::{Path, PathBuf};

impl App {
    pub(super) fn copy_selected(&mut self) -> Option<Effect> {
        let art = self.article();
        let Some(s) = art.selected else {
            self.notice = Some("no statement to copy".into());
            return None;
        };
        let line = attribution_line(&art.doc, s);
        let tag = art
            .speaker_tag(art.doc.analysis.statements[s].speaker)
            .to_string();
        self.notice = Some(format!("copied {tag}'s statement"));
        Some(Effect::Copy(line))
    }

    /// The briefing and selection the note is made of: the current article or
    /// the whole briefing, as the actors pane shows; the filter's speakers and,
    /// when the filter holds them, the unattributed statements.
    fn note_contents(&mut self) -> (Briefing, Selection) {
        match self.scope {
            Scope::Article => {
                let art = self.article();
                let briefing = Briefing::new(vec![art.doc.clone()]);
                let n = art.doc.analysis.actors.len();
                let mut speakers: Vec<usize> = (0..n)
                    .filter(|&k| art.filter[k])
                    .map(|k| briefing.global(0, k))
                    .collect();
                speakers.sort_unstable();
                speakers.dedup();
                let unattributed = art.filter.get(n) == Some(&true);
                (
                    briefing,
                    Selection {
                        speakers,
                        unattributed,
                    },
                )
            }
            Scope::Briefing => {
                self.ensure_joined();
                let docs = self.articles.iter().map(|a| a.doc.clone()).collect();
                let briefing = Briefing::new(docs);
                let unattributed = self.joined.unattributed();
                let mut speakers: Vec<usize> = (0..unattributed)
                    .filter(|&g| self.briefing_filter.get(g) == Some(&true))
                    .filter_map(|g| self.joined.representative(g))
                    .map(|(d, a)| briefing.global(d, a))
                    .collect();
                speakers.sort_unstable();
                speakers.dedup();
                let unattributed = self.briefing_filter.get(unattributed) == Some(&true);
                (
                    briefing,
                    Selection {
                        speakers,
                        unattributed,
                    },
                )
            }
        }
    }

    /// Writes the Markdown note of the current view into [`App::export_dir`].
    pub(super) fn export_note(&mut self) {
        let (briefing, selection) = self.note_contents();
        let note = markdown(&briefing, &selection);
        let name = note_name(std::time::SystemTime::now());
        let mut said = match write_new(&self.export_dir, &name, note.as_bytes()) {
            Ok(path) => format!("note written to {}", path.display()),
            Err(e) => format!("could not write the note: {e}"),
        };
        let waiting = self.analysing();
        if waiting > 0 {
            said.push_str(&format!(" · {waiting} articles still being read"));
        }
        self.notice = Some(said);
    }
}

/// `briefing-YYYYMMDD-HHMMSS.md` for a time, in UTC.
pub fn note_name(time: std::time::SystemTime) -> String {
    let secs = time
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "briefing-{y:04}{m:02}{d:02}-{:02}{:02}{:02}.md",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Year, month, day of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Writes `bytes` to a new file `name` in `dir` (`name-2`, `name-3`… when taken);
/// returns its absolute path. Errors read as a sentence, without error numbers.
fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let reason = |e: std::io::Error| {
        let s = e.to_string();
        let s = s.split(" (os error").next().unwrap_or(&s).to_lowercase();
        format!("{}: {s}", dir.join(name).display())
    };
    for n in 1..100 {
        let file = if n == 1 {
            name.to_string()
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(file);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(bytes).map_err(reason)?;
                return Ok(std::path::absolute(&path).unwrap_or(path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(reason(e)),
        }
    }
    Err(format!("{}: too many notes of that name", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn note_names_carry_the_utc_time() {
        assert_eq!(note_name(UNIX_EPOCH), "briefing-19700101-000000.md");
        let t = UNIX_EPOCH + Duration::from_secs(1_709_210_096); // 2024-02-29 12:34:56
        assert_eq!(note_name(t), "briefing-20240229-123456.md");
    }
}
