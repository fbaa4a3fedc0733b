//! Opening, importing, saving and exporting. Dialogs only pick a path and queue the command that does
//! the work, so tests and the CLI call the work directly.

use super::LadderApp;
use crate::command::Action;
use crate::document::OpenFile;
use crate::document::file::{absolute, disk_stamp};
use crate::io::export::csv::{CsvColumns, export_decisions_csv};
use crate::io::export::ron::export_decision_ron;
use crate::io::session::lock::{LockInfo, LockOutcome, acquire};
use crate::io::session::merge::{MergeChoices, merge_files};
use crate::io::session::{load_session, save_session};
use std::path::{Path, PathBuf};

impl LadderApp {
    /// Asks for the file `action` works on (a dialog, or the path field); the answer queues the
    /// command that does the work, so tests and the CLI call the work directly.
    pub(super) fn dialog(&mut self, action: Action) {
        self.ask_for_path(crate::command::DialogTarget::Action(action));
    }

    /// Asks where to write the decisions, then queues the export with the dialog's choices.
    pub(super) fn choose_export_csv_path(&mut self, options: crate::view::ExportCsvOptions) {
        self.ask_for_path(crate::command::DialogTarget::ExportCsv(options));
    }

    pub(super) fn suggested_name(&self, extension: &str) -> String {
        let stem = self
            .path()
            .and_then(|p| p.file_stem())
            .map_or_else(|| self.session().title.replace(['/', '\\', ':'], "-"), |s| s.to_string_lossy().into_owned());
        format!("{stem}.{extension}")
    }

    /// Replaces the session with the merge of managers' prep files; disagreements stay open items.
    pub(super) fn merge_prep_files(&mut self, paths: &[PathBuf]) {
        let actor = self.settings.user_name.clone();
        let choices = MergeChoices { title: "Committee", actor: &actor, at: jiff::Timestamp::now(), prefer: None };
        match merge_files(paths, &choices) {
            Ok((session, warnings)) => {
                let (people, open) = (session.people.len(), session.conflicts.len());
                self.replace_session(session, None);
                self.document.revisions_mut().mark_unsaved();
                self.view.windows.open_items = open > 0;
                let open = match open {
                    0 => "no disagreements".to_owned(),
                    1 => "1 disagreement to settle (Open items)".to_owned(),
                    n => format!("{n} disagreements to settle (Open items)"),
                };
                let said = format!("Merged {} prep files: {people} people, {open}", paths.len());
                if warnings.is_empty() {
                    self.info(said);
                } else {
                    // A warning the user must see: it stays in the status until the next change.
                    self.error(format!("{said}. Warning: {}", warnings.join("; ")));
                }
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Locks `path` for this window, or marks the session read-only when someone else holds it.
    pub(super) fn take_lock_or_read_only(&mut self, path: &Path) {
        match acquire(path, &self.settings.user_name) {
            LockOutcome::Acquired(lock) => {
                if let Some(file) = self.document.file_mut() {
                    file.lock = Some(lock);
                }
            }
            LockOutcome::HeldBy(holder) => {
                self.error(format!("{holder} has {} open, so it opened read-only.", path.display()));
                if let Some(file) = self.document.file_mut() {
                    file.read_only = Some(holder);
                }
            }
            LockOutcome::Unavailable(why) => self.info(format!("Opened without a lock file ({why}).")),
        }
    }

    /// Opens a session someone else holds, read-only.
    pub(super) fn open_read_only(&mut self, path: &Path) {
        match load_session(path) {
            Ok(session) => {
                let holder = match acquire(path, &self.settings.user_name) {
                    LockOutcome::HeldBy(holder) => Some(holder),
                    _ => None, // released meanwhile: the lock we just took drops; read-only is still what was asked
                };
                self.replace_session(session, Some(path));
                let holder = holder.unwrap_or_else(|| LockInfo {
                    user: "another window".to_owned(),
                    host: String::new(),
                    pid: 0,
                    since: jiff::Timestamp::now(),
                });
                self.info(format!("Opened {} read-only ({holder} has it open).", path.display()));
                if let Some(file) = self.document.file_mut() {
                    file.read_only = Some(holder);
                }
                // Read-only or not, an edited file is said.
                self.check_integrity(path);
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Opens a session file.
    pub(super) fn open(&mut self, path: &Path) {
        if self.path() == Some(path) {
            // Re-opening our own file: our lock is not someone else's.
            if let Some(file) = self.document.file_mut() {
                file.lock = None;
            }
        }
        let lock = match acquire(path, &self.settings.user_name) {
            LockOutcome::HeldBy(holder) => {
                self.view.lock_prompt = Some(crate::view::LockPrompt { path: path.to_path_buf(), holder });
                return;
            }
            LockOutcome::Acquired(lock) => Some(lock),
            LockOutcome::Unavailable(_) => None,
        };
        match load_session(path) {
            Ok(session) => {
                let count = session.people.len();
                self.replace_session(session, Some(path));
                if let Some(file) = self.document.file_mut() {
                    file.lock = lock;
                }
                self.remember_recent(path);
                self.offer_pending_recovery();
                if !self.check_integrity(path) {
                    self.info(format!("Opened {} ({count} people)", path.display()));
                }
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Saves the session to `path`; on failure the session stays in memory, unsaved.
    pub(super) fn save_to(&mut self, path: &Path) {
        let same_file = self.path() == Some(absolute(path).as_path());
        if same_file && let Some(holder) = self.read_only() {
            let message = format!("Not saved: {holder} has {} open. Use Save as… to keep your copy.", path.display());
            self.error(message);
            return;
        }
        let stamp = self.document.file().and_then(|f| f.disk_stamp);
        if same_file && stamp.is_some() && disk_stamp(path) != stamp {
            self.error(format!(
                "Not saved: {} changed on disk since you opened it (someone else saved it?). Use Save as… to keep both versions.",
                path.display()
            ));
            return;
        }
        let new_lock = if same_file {
            None
        } else {
            match acquire(path, &self.settings.user_name) {
                LockOutcome::HeldBy(holder) => {
                    self.error(format!("Not saved: {holder} has {} open.", path.display()));
                    return;
                }
                LockOutcome::Acquired(lock) => Some(lock),
                LockOutcome::Unavailable(_) => None,
            }
        };
        match save_session(self.session(), path) {
            Ok(()) => {
                let previous = self.path().map(Path::to_path_buf);
                // Saved over its own file, the window keeps its lock; saved elsewhere, it holds the new file's.
                let lock = if same_file { self.document.file_mut().and_then(|f| f.lock.take()) } else { new_lock };
                self.document.saved_as(OpenFile::locked(path, lock));
                self.clear_recovery(previous.as_deref());
                self.remember_recent(path);
                self.info(format!("Saved {}", path.display()));
            }
            Err(e) => self.error(format!("{e}. Your changes are still open; save elsewhere.")),
        }
    }

    pub(super) fn export_csv(&mut self, path: &Path, options: crate::view::ExportCsvOptions) {
        let columns = if options.with_roster_columns { CsvColumns::WithRoster } else { CsvColumns::Decisions };
        // Made while blind mode is on, an export carries the codes, not the names.
        let written = if options.workbook {
            crate::io::export::xlsx::export_decisions_xlsx(&self.document.for_export(), path, columns)
        } else {
            export_decisions_csv(&self.document.for_export(), path, columns)
        };
        match written {
            Ok(()) => {
                let with = if options.with_roster_columns { " with the roster's own columns" } else { "" };
                self.info(format!("Exported decisions{with} to {}", path.display()));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(super) fn export_history(&mut self, path: &Path) {
        match crate::io::export::history::export_history_csv(&self.document.for_export(), path) {
            Ok(()) => self.info(format!("Exported the audit trail to {}", path.display())),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// The pre-read packet: HTML at `path`, Markdown beside it.
    pub(super) fn export_packet(&mut self, path: &Path) {
        let markdown = path.with_extension("md");
        match crate::io::export::packet::write_packet(&self.document.for_export(), Some(&markdown), Some(path)) {
            Ok(()) => self.info(format!("Wrote the pre-read packet to {} and {}", path.display(), markdown.display())),
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(super) fn export_minutes(&mut self, path: &Path) {
        let markdown = path.with_extension("md");
        match crate::io::export::minutes::write_minutes(&self.document.for_export(), Some(&markdown), Some(path)) {
            Ok(()) => self.info(format!("Wrote the minutes to {} and {}", path.display(), markdown.display())),
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(super) fn write_letters(&mut self, dir: &Path) {
        match crate::io::export::letters::write_letters(&self.document.for_export(), dir) {
            Ok(written) if written.is_empty() => self.info("No decisions yet: no letters to write"),
            Ok(written) => self.info(format!("Wrote {} letter(s) into {}", written.len(), dir.display())),
            Err(e) => self.error(e.to_string()),
        }
    }

    pub(super) fn export_ron(&mut self, path: &Path) {
        match export_decision_ron(&self.document.for_export(), path, jiff::Timestamp::now()) {
            Ok(()) => self.info(format!("Exported the decision record to {}", path.display())),
            Err(e) => self.error(e.to_string()),
        }
    }
}

impl LadderApp {
    /// Says what was changed outside Ladderboard (the trail itself, or the state it recorded), and
    /// takes a file from before the state check as the new base, saying so once. `true` when
    /// something was said.
    pub(super) fn check_integrity(&mut self, path: &Path) -> bool {
        use crate::model::analysis::record::RecordBreak;
        // Once: on a large session the chain and the people's states are most of the open's work.
        let breaks = self.session().record_breaks();
        let chain: Vec<crate::model::ChainBreak> =
            breaks.iter().filter_map(|b| if let RecordBreak::Chain(c) = b { Some(c.clone()) } else { None }).collect();
        if !chain.is_empty() {
            self.error(audit_warning(path, &chain));
            return true;
        }
        if !breaks.is_empty() {
            // Each change, and the honest way to take the file as it is.
            let changes = breaks.iter().map(ToString::to_string).collect();
            let restoration = self.session().restoration();
            self.view.record_prompt = Some(crate::view::RecordPrompt::OutsideEdit {
                changes,
                reason: String::new(),
                restorable: restoration.restored,
                kept: restoration.kept,
            });
        }
        let people: Vec<&RecordBreak> = breaks.iter().filter(|b| matches!(b, RecordBreak::State(_))).collect();
        if !people.is_empty() {
            let first: Vec<String> = people.iter().take(3).map(ToString::to_string).collect();
            self.error(format!(
                "Warning: {} in {} changed outside Ladderboard: {}. Keep the file for review and compare it with a backup.",
                if people.len() == 1 { "1 person's record was".to_owned() } else { format!("{} people's records were", people.len()) },
                path.display(),
                first.join("; ")
            ));
            return true;
        }
        if !breaks.is_empty() {
            // Only the document's own parts are left.
            let parts: Vec<String> = breaks.iter().map(ToString::to_string).collect();
            self.error(format!(
                "Warning: in {}, {}. Keep the file for review and compare it with a backup.",
                path.display(),
                parts.join("; ")
            ));
            return true;
        }
        if !self.session().is_fully_sealed() {
            let stamp = crate::document::Stamp::now(&self.settings.user_name);
            if self
                .document
                .seal_baseline("first opened by a Ladderboard that seals the whole document", &stamp)
                .is_err()
            {
                // Someone else holds it: their window takes the base, not this one.
                self.info(format!(
                    "{} was saved by an older Ladderboard; it is open read-only, so it is left as it is",
                    path.display()
                ));
                return true;
            }
            self.autosave.note_change();
            self.info(format!(
                "{} was saved by an older Ladderboard: its current state is taken as the base the audit trail checks from now on (save to keep it)",
                path.display()
            ));
            return true;
        }
        if let Some(events) = crate::io::session::migrate::events_taken_on_trust(self.session()) {
            self.info(format!(
                "{}: events 1–{events} of its trail predate sealing (a format 1 file) and were taken on trust",
                path.display()
            ));
            return true;
        }
        false
    }
}

/// The warning shown when a session's audit trail was edited outside Ladderboard.
#[must_use]
pub fn audit_warning(path: &Path, breaks: &[crate::model::ChainBreak]) -> String {
    let first: Vec<String> = breaks.iter().take(3).map(ToString::to_string).collect();
    format!(
        "Warning: the audit trail in {} was changed outside Ladderboard ({}: {}). Keep the file for review and compare it with a backup.",
        path.display(),
        crate::model::wording::counted(breaks.len(), "problem", "problems"),
        first.join("; ")
    )
}
