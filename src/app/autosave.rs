//! Autosave to a recovery file a moment after each change, and the offer to restore it on start.

use super::LadderApp;
use crate::io::session::lock::{holder, host_name};
use crate::io::session::recovery::{
    Recovery, discard_recovery, pending_recovery, read_recovery, recovery_files, recovery_path, write_recovery,
};
use crate::view::RecoveryOffer;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long after the last change the recovery file is written: edits in a burst cost one write,
/// and a crash loses at most this much work.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Where autosave writes and when the session last changed.
#[derive(Debug, Default)]
pub(super) struct Autosave {
    /// Where recovery files go; `None` turns autosave off (tests that don't test it).
    pub(super) dir: Option<PathBuf>,
    last_change_at: Option<Instant>,
    /// The write running on its own thread: a 100,000-person session takes longer to write than a
    /// frame may, so the window goes on while it runs.
    writing: Option<Writing>,
}

/// An autosave being written: the revision it holds and the thread writing it.
#[derive(Debug)]
struct Writing {
    revision: u64,
    thread: std::thread::JoinHandle<Result<(), crate::io::error::FileError>>,
}

impl Autosave {
    /// The session just changed: the recovery file is written once changes rest.
    pub(super) fn note_change(&mut self) {
        self.last_change_at = Some(Instant::now());
    }
}

impl LadderApp {
    /// Autosaves into `dir` from now on, and offers every recovery file there that holds changes
    /// its session file lacks, whichever session the window opened on (a crash with one file open
    /// must not be forgotten because the next start opened another). A recovery file whose session
    /// another window holds open is that window's own autosave, and is left alone.
    pub fn enable_recovery(&mut self, dir: PathBuf) {
        let mut offers = Vec::new();
        for file in recovery_files(&dir) {
            if let Some(offer) = self.offer_of(&dir, file) {
                offers.push(offer);
            }
        }
        // The open session's own recovery first; then the newest.
        offers.sort_by(|a, b| {
            let own = |o: &RecoveryOffer| o.session_path.as_deref() != self.path();
            own(a).cmp(&own(b)).then_with(|| b.written_at.cmp(&a.written_at))
        });
        self.view.recovery_offers = offers;
        self.autosave.dir = Some(dir);
    }

    /// Offers the recovery file of the session just opened (or just made untitled), unless it is
    /// this window's own: otherwise the first autosave would write over a crashed run's changes.
    pub(super) fn offer_pending_recovery(&mut self) {
        let Some(dir) = self.autosave.dir.clone() else { return };
        let file = recovery_path(&dir, self.path());
        if self.view.recovery_offers.iter().any(|o| o.file == file) {
            return;
        }
        if let Some(offer) = self.offer_of(&dir, file) {
            self.view.recovery_offers.insert(0, offer);
        }
    }

    /// The offer for one recovery file, or `None` when it holds nothing to restore: not newer than
    /// its session file, unreadable (said), or a running window's own autosave (the window that
    /// holds its session open, or for an untitled session a live process on this computer).
    fn offer_of(&mut self, dir: &std::path::Path, file: PathBuf) -> Option<RecoveryOffer> {
        let recovery = match read_recovery(&file) {
            Ok(recovery) => recovery,
            Err(e) => {
                self.error(format!("A recovery file could not be read: {e}"));
                return None;
            }
        };
        let path = recovery.session_path.as_deref();
        let this_host = host_name();
        // (A file this process wrote is offered: one window per process, so it is from an earlier
        // session of this window that was neither saved nor discarded.)
        let ours = recovery.pid == std::process::id() && recovery.host == this_host;
        let live = match path {
            Some(path) => {
                let holder = if Some(path) == self.path() { self.read_only().cloned() } else { holder(path) };
                holder.is_some_and(|h| h.pid == recovery.pid && h.host == recovery.host && recovery.pid != 0)
            }
            None => {
                recovery.pid != 0
                    && recovery.host == this_host
                    && !ours
                    && crate::io::session::lock::process_alive(recovery.pid)
            }
        };
        if live || pending_recovery(dir, path).as_deref() != Some(file.as_path()) {
            return None;
        }
        Some(RecoveryOffer {
            file,
            session_path: recovery.session_path,
            unsaved_changes: recovery.unsaved_changes,
            last_change: recovery.last_change,
            written_at: recovery.written_at.strftime("%Y-%m-%d %H:%M:%S").to_string(),
        })
    }

    /// The recovery file for the open session, when autosave is on.
    #[must_use]
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.autosave.dir.as_deref().map(|dir| recovery_path(dir, self.path()))
    }

    /// Writes the recovery file once changes have rested for `AUTOSAVE_DELAY`, on a thread of its
    /// own; schedules a repaint so it happens even if the user does nothing more.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if self.autosave.writing.as_ref().is_some_and(|w| w.thread.is_finished()) {
            self.finish_autosave();
        }
        if self.autosave.writing.is_some() {
            // Looked at again soon: the write's own wake-up may come before its thread is done.
            ctx.request_repaint_after(Duration::from_millis(50));
            return;
        }
        if !self.document.revisions().needs_autosave() {
            return;
        }
        let Some(file) = self.recovery_file() else { return };
        let since = self.autosave.last_change_at.map_or(AUTOSAVE_DELAY, |t| t.elapsed());
        if since < AUTOSAVE_DELAY {
            ctx.request_repaint_after(AUTOSAVE_DELAY.saturating_sub(since));
            return;
        }
        let recovery = self.recovery_of_now();
        let ctx = ctx.clone();
        let thread = std::thread::Builder::new().name("autosave".into()).spawn(move || {
            let written = write_recovery(&file, &recovery);
            // The snapshot may be the last copy of an old state (an edit copied the session while
            // this ran): freed here, off the window's thread, before the window is woken.
            drop(recovery);
            ctx.request_repaint();
            written
        });
        match thread {
            Ok(thread) => self.autosave.writing = Some(Writing { revision: self.document.revision(), thread }),
            Err(e) => self.error(format!("Autosave could not start: {e}. Save the session to keep your changes.")),
        }
    }

    /// Waits for an autosave being written, and takes its result: before anything else writes or
    /// removes the recovery file, so an older copy never lands after it.
    pub(super) fn finish_autosave(&mut self) {
        let Some(writing) = self.autosave.writing.take() else { return };
        match writing.thread.join() {
            Ok(Ok(())) => self.document.revisions_mut().mark_autosaved_at(writing.revision),
            failed => {
                // Tried again after the usual pause, not on the next frame (a full disk or a
                // read-only folder would otherwise be written to without end).
                self.autosave.last_change_at = Some(Instant::now());
                match failed {
                    Ok(Err(e)) => self.error(format!("Autosave failed: {e}. Save the session to keep your changes.")),
                    _ => self.error("Autosave stopped unexpectedly. Save the session to keep your changes.".to_owned()),
                }
            }
        }
    }

    /// Whether an autosave is being written now.
    #[must_use]
    pub fn autosave_running(&self) -> bool {
        self.autosave.writing.is_some()
    }

    /// What the recovery file holds for the session as it is now: a shared snapshot, not a copy.
    fn recovery_of_now(&self) -> Recovery<std::sync::Arc<crate::model::Session>> {
        let session = self.session();
        Recovery {
            session_path: self.path().map(std::path::Path::to_path_buf),
            written_at: jiff::Timestamp::now(),
            unsaved_changes: self.document.unsaved_events(),
            last_change: session
                .audit
                .last()
                .map(|e| e.summary(&e.person.as_ref().map(|p| session.name_of(p)).unwrap_or_default()))
                .unwrap_or_default(),
            pid: std::process::id(),
            host: host_name(),
            session: self.document.snapshot(),
        }
    }

    /// Writes the recovery file immediately (also used before risky operations).
    pub fn write_recovery_now(&mut self, file: &std::path::Path) {
        self.finish_autosave();
        match write_recovery(file, &self.recovery_of_now()) {
            Ok(()) => self.document.revisions_mut().mark_autosaved(),
            Err(e) => self.error(format!("Autosave failed: {e}. Save the session to keep your changes.")),
        }
    }

    /// Restores the first offered recovery file: its session replaces the open one, unsaved. For
    /// the open session's own file the window keeps its lock and, if it was read-only, stays so;
    /// another session's file opens that session, locked (or read-only when someone holds it).
    pub(super) fn restore_recovery(&mut self) {
        if self.view.recovery_offers.is_empty() {
            return;
        }
        self.finish_autosave();
        let offer = self.view.recovery_offers.remove(0);
        // The window now holds restored, unsaved work: the other offers wait for the next start
        // (their files stay) rather than replace it.
        let more = std::mem::take(&mut self.view.recovery_offers).len();
        match read_recovery(&offer.file) {
            Ok(recovery) => {
                let path = recovery.session_path.clone();
                let same = path.as_deref() == self.path();
                // The recovery counted its changes past the saved file's trail: no need to read that file.
                let saved_events = if same {
                    self.session().audit.len().saturating_sub(self.document.unsaved_events())
                } else {
                    let counted = recovery.session.audit.len().saturating_sub(recovery.unsaved_changes);
                    path.as_ref().map_or(0, |_| counted)
                };
                let file = self.document.file_mut().map(|f| (f.lock.take(), f.read_only.take()));
                self.replace_session(recovery.session, path.as_deref());
                if same {
                    if let (Some(open), Some((lock, read_only))) = (self.document.file_mut(), file) {
                        open.lock = lock;
                        open.read_only = read_only;
                    }
                } else {
                    drop(file);
                    if let Some(path) = &path {
                        self.take_lock_or_read_only(path);
                        self.remember_recent(path);
                    }
                }
                self.document.set_saved_events(saved_events);
                self.document.revisions_mut().mark_unsaved();
                let count = offer.unsaved_changes;
                let changes = crate::model::wording::counted(count, "unsaved change", "unsaved changes");
                let later = match more {
                    0 => String::new(),
                    1 => " 1 more session with unsaved changes will be offered at the next start.".to_owned(),
                    n => format!(" {n} more sessions with unsaved changes will be offered at the next start."),
                };
                match self.read_only() {
                    Some(holder) => self.error(format!(
                        "Restored {changes}, read-only: {holder} has the file open. Save a copy to keep them.{later}"
                    )),
                    None => self.info(format!("Restored {changes}. Save to keep them.{later}")),
                }
            }
            Err(e) => self.error(format!("Could not restore: {e}")),
        }
    }

    /// Deletes the first offered recovery file.
    pub(super) fn discard_offered_recovery(&mut self) {
        self.finish_autosave();
        if !self.view.recovery_offers.is_empty() {
            discard_recovery(&self.view.recovery_offers.remove(0).file);
        }
    }

    /// Forgets the recovery file once its changes are saved or knowingly discarded.
    pub(super) fn clear_recovery(&mut self, previous_path: Option<&std::path::Path>) {
        self.finish_autosave();
        if let Some(dir) = &self.autosave.dir {
            discard_recovery(&recovery_path(dir, previous_path));
            discard_recovery(&recovery_path(dir, self.path()));
        }
        self.document.revisions_mut().mark_autosaved();
    }

    /// Puts `path` at the top of the recent files, and writes the list at once (not only at a
    /// clean exit, which a crash never reaches).
    pub(super) fn remember_recent(&mut self, path: &std::path::Path) {
        self.settings.remember(&crate::document::file::absolute(path));
        if let Some(dir) = &self.autosave.dir {
            let file = crate::io::session::recovery::recent_files_path(dir);
            if let Err(e) = crate::io::session::recovery::write_recent_files(&file, &self.settings.recent) {
                self.error(format!("The recent-files list could not be written: {e}"));
            }
        }
    }
}
