//! What leaves the reader: the selected statement with its attribution for the
//! clipboard (OSC 52) or a file, and the Markdown note of what is in view
//! saved to a file the user names. Failures end up in the status line, never
//! as a crash.

use super::{App, Effect, InputMode, SavePrompt, Scope};
use crate::briefing::Briefing;
use crate::export::{Selection, attribution_line, markdown};
use crate::tui::text::plural;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file `Y` adds statements to, in the export directory.
pub const QUOTES_FILE: &str = "briefing-quotes.txt";

impl App {
    /// The selected statement's attribution line, and how the status line
    /// names it ("Ruiz's statement").
    fn selected_line(&mut self) -> Option<(String, String)> {
        let art = self.article();
        let Some(s) = art.selected else {
            self.notice = Some("no statement to copy".into());
            return None;
        };
        let line = attribution_line(&art.doc, s);
        let tag = art.speaker_tag(art.doc.analysis.statements[s].speaker);
        let what = if tag == "?" {
            "the statement".to_string()
        } else {
            format!("{tag}'s statement")
        };
        Some((line, what))
    }

    /// `y`: the statement to the clipboard through the terminal (OSC 52). The
    /// terminal does not say whether it passed it on, so the status line says
    /// what was sent, and how to write it to a file instead.
    pub(super) fn copy_selected(&mut self) -> Option<Effect> {
        let (line, what) = self.selected_line()?;
        let fallback = crate::tui::keys::key_for(
            crate::tui::keys::KeyContext::Global,
            super::Action::CopyToFile,
        )
        .map(|k| k.label())
        .unwrap_or_default();
        self.notice = Some(match self.clipboard_doubt {
            Some(why) => {
                format!("{what} sent via OSC 52, but {why} · {fallback} writes it to a file")
            }
            None => {
                format!("{what} copied via OSC 52 · not pasting? {fallback} writes it to a file")
            }
        });
        Some(Effect::Copy(line))
    }

    /// `Y`: the statement with its attribution added to [`QUOTES_FILE`] in the
    /// export directory, a line each: a clipboard that always works.
    pub(super) fn copy_to_file(&mut self) {
        let Some((line, what)) = self.selected_line() else {
            return;
        };
        let path = self.export_dir.join(QUOTES_FILE);
        let written = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|mut f| writeln!(f, "{line}"));
        self.notice = Some(match written {
            Ok(()) => format!(
                "{what} written to {}",
                std::path::absolute(&path).unwrap_or(path).display()
            ),
            Err(e) => format!("could not write {}: {}", path.display(), reason(&e)),
        });
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
                        hide_thoughts: self.hide_thoughts,
                    },
                )
            }
            Scope::Briefing => {
                self.ensure_joined();
                let docs = self.articles.iter().map(|a| a.doc.clone()).collect();
                let briefing = Briefing::new(docs);
                let mut speakers: Vec<usize> = self
                    .briefing
                    .filtered_representatives()
                    .map(|(d, a)| briefing.global(d, a))
                    .collect();
                speakers.sort_unstable();
                speakers.dedup();
                let unattributed = self
                    .briefing
                    .in_filter(self.briefing.joined().unattributed());
                (
                    briefing,
                    Selection {
                        speakers,
                        unattributed,
                        hide_thoughts: self.hide_thoughts,
                    },
                )
            }
        }
    }

    /// `s`: asks where to save the note of the current view, with a fresh
    /// name to take or change; says so, and asks nothing, when the view has
    /// no statement.
    pub(super) fn ask_where_to_save(&mut self) {
        // The note holds what the quote list shows: in the briefing scope
        // without a filter, every article's.
        let empty = match self.scope {
            Scope::Briefing if !self.cross_mode() => {
                self.articles.iter().all(|a| a.shown.is_empty())
            }
            _ => self.quote_list().is_empty(),
        };
        if empty {
            self.notice = Some("nothing to save: no statement in this view".into());
            return;
        }
        self.mode = InputMode::Save(SavePrompt {
            input: fresh_name(&self.export_dir, std::time::SystemTime::now()),
        });
    }

    /// Writes the note of the current view to `input` (relative to
    /// [`App::export_dir`], `~` for the home directory; a directory gets a
    /// fresh name in it). An existing file is not overwritten: the prompt
    /// stays open to take another name, as it does after an error.
    pub(super) fn save_note(&mut self, input: &str) {
        let Some(path) = note_path(&self.export_dir, input) else {
            self.notice = Some("type a file name for the note (Esc: save nothing)".into());
            return;
        };
        let (briefing, selection) = self.note_contents();
        let count = selection.statements(&briefing).len();
        let note = markdown(&briefing, &selection);
        match write_new(&path, note.as_bytes()) {
            Ok(path) => {
                self.mode = InputMode::Normal;
                let mut said = format!(
                    "note written to {} ({})",
                    path.display(),
                    plural(count, "statement")
                );
                let waiting = self.analysing();
                if waiting > 0 {
                    said.push_str(&format!(
                        " · {} still being read",
                        plural(waiting, "article")
                    ));
                }
                self.notice = Some(said);
            }
            Err(e) => self.notice = Some(format!("could not write the note: {e}")),
        }
    }
}

/// Where a note named `input` goes: relative names in `dir`, `~/` at home, a
/// directory (or a name ending in `/`) with a fresh name inside.
fn note_path(dir: &Path, input: &str) -> Option<PathBuf> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let path = match (input.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ if input == "~" => std::env::var_os("HOME").map(PathBuf::from)?,
        _ => dir.join(input),
    };
    if input.ends_with('/') || path.is_dir() {
        return Some(path.join(fresh_name(&path, std::time::SystemTime::now())));
    }
    Some(path)
}

/// A note name for `time` that no file in `dir` has yet (`…-2.md`, `…-3.md`
/// after the first).
fn fresh_name(dir: &Path, time: std::time::SystemTime) -> String {
    let name = note_name(time);
    let stem = name.trim_end_matches(".md");
    (1..100)
        .map(|n| match n {
            1 => name.clone(),
            n => format!("{stem}-{n}.md"),
        })
        .find(|candidate| !dir.join(candidate).exists())
        .unwrap_or(name)
}

/// An I/O error as a sentence, without its error number.
fn reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_lowercase()
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

/// Writes `bytes` to a new file at `path`, never over an existing one;
/// returns its absolute path. Errors read as a sentence, without error numbers.
fn write_new(path: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
    let fail = |e: std::io::Error| format!("{}: {}", path.display(), reason(&e));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut f) => {
            f.write_all(bytes).map_err(fail)?;
            Ok(std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(format!(
            "{} exists, and is left as it is: type another name",
            path.display()
        )),
        Err(e) => Err(fail(e)),
    }
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
