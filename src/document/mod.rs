//! The open document: the session, its undo history, its revision, the file it came from (with
//! its lock and disk stamp) and, while blind mode is on, the blinded copy every screen draws.
//! `Document::apply` is the one door every edit goes through: it refuses edits to a session held
//! read-only, turns the edit into changes (`edit.rs`), applies them all or none, keeps the undo
//! step and moves the revision on, which is what caches, autosave and the unsaved mark key on.
#![deny(clippy::wildcard_enum_match_arm)]

mod blind;
pub mod committee_edit;
pub mod edit;
pub mod file;
pub mod history;
pub mod revision;

pub use blind::BlindView;
pub use committee_edit::CommitteeEdit;
pub use edit::{Edit, EditError};
pub use file::OpenFile;

use crate::model::{Change, RuleError, Session};
use edit::Planned;
use history::{History, Step};
use jiff::Timestamp;
use revision::Revision;
use std::path::Path;

/// Who makes a change and when: the app stamps every edit with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub actor: String,
    pub at: Timestamp,
}

impl Stamp {
    /// `actor`, now.
    #[must_use]
    pub fn now(actor: &str) -> Self {
        Stamp { actor: actor.to_owned(), at: Timestamp::now() }
    }
}

/// The open session and everything that belongs to it rather than to the window.
pub struct Document {
    /// Shared so that autosave can write a snapshot on another thread without copying it; an edit
    /// while that write runs copies it first (`Arc::make_mut`).
    session: std::sync::Arc<Session>,
    history: History,
    revision: Revision,
    file: Option<OpenFile>,
    blind: Option<BlindView>,
    /// Audit events in the session as last saved or opened, to count unsaved changes.
    saved_events: usize,
}

impl Document {
    /// A document showing `session`, saved to `path` when it has one (as it is on disk).
    #[must_use]
    pub fn new(session: Session, path: Option<&Path>) -> Self {
        let mut document = Document {
            saved_events: session.audit.len(),
            session: std::sync::Arc::new(session),
            history: History::default(),
            revision: Revision::saved(),
            file: path.map(OpenFile::new),
            blind: None,
        };
        document.refresh_blind();
        document
    }

    /// The session as it is.
    #[must_use]
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session as it is now, to read on another thread (autosave) while edits go on here.
    #[must_use]
    pub fn snapshot(&self) -> std::sync::Arc<Session> {
        std::sync::Arc::clone(&self.session)
    }

    /// What the screens and exports show: the session, or its blinded copy while blind mode is on.
    #[must_use]
    pub fn shown(&self) -> &Session {
        self.blind.as_ref().map_or(&self.session, |b| &b.shown)
    }

    /// The session as it leaves the app (exports, letters, minutes): blinded while blind mode is
    /// on, employee ids coded too (`Blinding::apply_for_export`).
    #[must_use]
    pub fn for_export(&self) -> std::borrow::Cow<'_, Session> {
        match &self.blind {
            Some(b) => std::borrow::Cow::Owned(b.blinding.apply_for_export(&self.session)),
            None => std::borrow::Cow::Borrowed(&self.session),
        }
    }

    /// A user's name as the screens show it: their code while blind mode is on.
    #[must_use]
    pub fn shown_actor(&self, name: &str) -> String {
        match &self.blind {
            Some(b) => b.blinding.actor(name),
            None => name.to_owned(),
        }
    }

    /// Who holds the session, as the read-only banner says it: their code while blind mode is on.
    #[must_use]
    pub fn holder_text(&self, holder: &crate::io::session::lock::LockInfo) -> String {
        match &self.blind {
            Some(b) => format!("{} (another computer)", b.blinding.actor(&holder.user)),
            None => holder.to_string(),
        }
    }

    /// Text for the screen, blinded while blind mode is on.
    #[must_use]
    pub fn blind_text(&self, text: String) -> String {
        match &self.blind {
            Some(b) => b.blinding.text(&text),
            None => text,
        }
    }

    /// The revision now; every change to the session makes a new one, so caches key on it.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision.current()
    }

    /// The saved and autosaved marks.
    #[must_use]
    pub fn revisions(&self) -> &Revision {
        &self.revision
    }

    /// The saved and autosaved marks, to set after writing a file.
    pub fn revisions_mut(&mut self) -> &mut Revision {
        &mut self.revision
    }

    /// Whether there are changes not yet saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.revision.is_dirty()
    }

    /// The undo and redo steps' names.
    #[must_use]
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The file the session is saved to; `None` for the sample, a fresh import or a merge.
    #[must_use]
    pub fn file(&self) -> Option<&OpenFile> {
        self.file.as_ref()
    }

    /// The file, to take or release its lock or note a save.
    pub fn file_mut(&mut self) -> Option<&mut OpenFile> {
        self.file.as_mut()
    }

    /// Where the session is saved.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|f| f.path.as_path())
    }

    /// Who holds the file, when it is open read-only.
    #[must_use]
    pub fn read_only(&self) -> Option<&crate::io::session::lock::LockInfo> {
        self.file.as_ref().and_then(|f| f.read_only.as_ref())
    }

    /// Audit events added since the session was last saved or opened.
    #[must_use]
    pub fn unsaved_events(&self) -> usize {
        self.session.audit.len().saturating_sub(self.saved_events)
    }

    /// The session was written to `path` (which is now its file).
    pub fn saved_as(&mut self, file: OpenFile) {
        self.file = Some(file);
        self.revision.mark_saved();
        self.saved_events = self.session.audit.len();
    }

    /// Counts `saved_events` of the trail as saved (a restored recovery file knows how many).
    pub fn set_saved_events(&mut self, saved_events: usize) {
        self.saved_events = saved_events;
    }

    /// Makes `file` the document's file (a lock taken, or read-only because someone holds it).
    pub fn set_file(&mut self, file: Option<OpenFile>) {
        self.file = file;
    }

    /// Applies `edit` as one undoable step stamped by `stamp`; the step's name on success. If any
    /// of its changes breaks a rule, none of them stays.
    pub fn apply(&mut self, edit: Edit, stamp: &Stamp) -> Result<String, EditError> {
        if let Some(holder) = self.read_only() {
            return Err(EditError::ReadOnly(holder.clone()));
        }
        match edit.plan(&self.session, stamp)? {
            Planned::Step { label, changes, why } => {
                let inverses = self.apply_all(&changes, stamp, &why)?;
                self.history.push(Step { label: label.clone(), changes, inverses });
                Ok(label)
            }
            Planned::Undo => self.undo(stamp),
            Planned::Redo => self.redo(stamp),
        }
    }

    fn undo(&mut self, stamp: &Stamp) -> Result<String, EditError> {
        let step = self.history.pop_undo().ok_or(EditError::NothingToUndo)?;
        let inverses: Vec<Change> = step.inverses.iter().rev().cloned().collect();
        match self.apply_all(&inverses, stamp, "") {
            Ok(_) => {
                let label = step.label.clone();
                self.history.push_redo(step);
                Ok(label)
            }
            Err(error) => Err(EditError::Undo { label: step.label, error }),
        }
    }

    fn redo(&mut self, stamp: &Stamp) -> Result<String, EditError> {
        let step = self.history.pop_redo().ok_or(EditError::NothingToRedo)?;
        match self.apply_all(&step.changes, stamp, "") {
            Ok(inverses) => {
                let label = step.label.clone();
                self.history.push_undo_keep_redo(Step { inverses, ..step });
                Ok(label)
            }
            Err(error) => Err(EditError::Redo { label: step.label, error }),
        }
    }

    fn apply_all(&mut self, changes: &[Change], stamp: &Stamp, why: &str) -> Result<Vec<Change>, RuleError> {
        let backup = (changes.len() > 1).then(|| std::sync::Arc::clone(&self.session));
        let mut inverses = Vec::with_capacity(changes.len());
        for change in changes {
            match std::sync::Arc::make_mut(&mut self.session).apply_because(change.clone(), &stamp.actor, stamp.at, why)
            {
                Ok(applied) => inverses.push(applied.inverse),
                Err(e) => {
                    if let Some(backup) = backup {
                        self.session = backup;
                    }
                    return Err(e);
                }
            }
        }
        self.changed();
        Ok(inverses)
    }

    /// Keeps an approver's signature over the head (not an event: it covers the trail's head).
    pub fn add_signature(&mut self, signature: crate::model::record_head::RecordSignature) -> Result<(), EditError> {
        if let Some(holder) = self.read_only() {
            return Err(EditError::ReadOnly(holder.clone()));
        }
        std::sync::Arc::make_mut(&mut self.session).add_signature(signature);
        self.changed();
        Ok(())
    }

    /// Takes the state of a file from before the state check as the base the trail checks from.
    pub fn seal_baseline(&mut self, why: &str, stamp: &Stamp) -> Result<(), EditError> {
        if let Some(holder) = self.read_only() {
            return Err(EditError::ReadOnly(holder.clone()));
        }
        std::sync::Arc::make_mut(&mut self.session).seal_baseline(why, &stamp.actor, stamp.at);
        self.changed();
        Ok(())
    }

    fn changed(&mut self) {
        self.revision.changed();
        self.refresh_blind();
    }

    /// Replaces the whole document (another file opened, an import or a merge), as it is on disk:
    /// a new revision, no history.
    pub fn replace(&mut self, session: Session, path: Option<&Path>) {
        self.session = std::sync::Arc::new(session);
        self.file = path.map(OpenFile::new);
        self.history.clear();
        self.revision.replaced();
        self.saved_events = self.session.audit.len();
        self.refresh_blind();
    }

    fn refresh_blind(&mut self) {
        self.blind = self.session.blind.then(|| BlindView::of(&self.session));
    }
}

#[cfg(test)]
mod tests;
