//! Autosave to a recovery file a moment after each change, and the offer to restore it on start.

use super::LadderApp;
use crate::io::recovery::{Recovery, discard_recovery, pending_recovery, read_recovery, recovery_path, write_recovery};
use crate::view::RecoveryOffer;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long after the last change the recovery file is written: edits in a burst cost one write,
/// and a crash loses at most this much work.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

impl LadderApp {
    /// Autosaves into `dir` from now on, and offers any recovery file already there for this session.
    pub fn enable_recovery(&mut self, dir: PathBuf) {
        if let Some(file) = pending_recovery(&dir, self.path.as_deref()) {
            match read_recovery(&file) {
                Ok(r) => {
                    self.view.recovery_offer = Some(RecoveryOffer {
                        file,
                        unsaved_changes: r.unsaved_changes,
                        last_change: r.last_change,
                        written_at: r.written_at.strftime("%Y-%m-%d %H:%M:%S").to_string(),
                    });
                }
                Err(e) => self.error(format!("A recovery file could not be read and was set aside: {e}")),
            }
        }
        self.view.recovery_dir = Some(dir.clone());
        self.recovery_dir = Some(dir);
    }

    /// The recovery file for the open session, when autosave is on.
    #[must_use]
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.recovery_dir.as_deref().map(|dir| recovery_path(dir, self.path.as_deref()))
    }

    /// Writes the recovery file once changes have rested for `AUTOSAVE_DELAY`; schedules a repaint
    /// so it happens even if the user does nothing more.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if !self.revision.needs_autosave() {
            return;
        }
        let Some(file) = self.recovery_file() else { return };
        let since = self.last_change_at.map_or(AUTOSAVE_DELAY, |t| t.elapsed());
        if since < AUTOSAVE_DELAY {
            ctx.request_repaint_after(AUTOSAVE_DELAY.saturating_sub(since));
            return;
        }
        self.write_recovery_now(&file);
    }

    /// Writes the recovery file immediately (also used before risky operations).
    pub fn write_recovery_now(&mut self, file: &std::path::Path) {
        let recovery = Recovery {
            session_path: self.path.clone(),
            written_at: jiff::Timestamp::now(),
            unsaved_changes: self.session.audit.len().saturating_sub(self.saved_audit_len),
            last_change: self
                .session
                .audit
                .last()
                .map(|e| e.summary(&e.person.as_ref().map(|p| self.session.name_of(p)).unwrap_or_default()))
                .unwrap_or_default(),
            session: self.session.clone(),
        };
        match write_recovery(file, &recovery) {
            Ok(()) => self.revision.mark_autosaved(),
            Err(e) => self.error(format!("Autosave failed: {e}. Save the session to keep your changes.")),
        }
    }

    /// Restores the offered recovery file: its session replaces the open one, unsaved.
    pub(super) fn restore_recovery(&mut self) {
        let Some(offer) = self.view.recovery_offer.take() else { return };
        match read_recovery(&offer.file) {
            Ok(recovery) => {
                let path = recovery.session_path.clone().or_else(|| self.path.clone());
                let saved_audit_len = self.session.audit.len();
                self.replace_session(recovery.session, path);
                self.saved_audit_len = saved_audit_len;
                self.revision.mark_unsaved();
                self.info(format!("Restored {} unsaved change(s). Save to keep them.", offer.unsaved_changes));
            }
            Err(e) => self.error(format!("Could not restore: {e}")),
        }
    }

    /// Deletes the offered recovery file.
    pub(super) fn discard_offered_recovery(&mut self) {
        if let Some(offer) = self.view.recovery_offer.take() {
            discard_recovery(&offer.file);
        }
    }

    /// Forgets the recovery file once its changes are saved or knowingly discarded.
    pub(super) fn clear_recovery(&mut self, previous_path: Option<&std::path::Path>) {
        if let Some(dir) = &self.recovery_dir {
            discard_recovery(&recovery_path(dir, previous_path));
            discard_recovery(&recovery_path(dir, self.path.as_deref()));
        }
        self.revision.mark_autosaved();
    }

    pub(super) fn note_change(&mut self) {
        self.last_change_at = Some(Instant::now());
    }
}
