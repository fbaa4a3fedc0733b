//! Counting changes to the open session, to tell saved from unsaved and autosaved from not, by
//! named operations rather than arithmetic on counters.

/// The open session's revision and the revisions that were saved and autosaved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    current: u64,
    saved: Option<u64>,
    autosaved: Option<u64>,
}

impl Revision {
    /// A session just opened from (or saved to) its file.
    #[must_use]
    pub fn saved() -> Self {
        Revision { current: 0, saved: Some(0), autosaved: Some(0) }
    }

    /// The revision now; every change to the session makes a new one.
    #[must_use]
    pub fn current(&self) -> u64 {
        self.current
    }

    /// The session changed.
    pub fn changed(&mut self) {
        self.current += 1;
    }

    /// A different session replaced the open one, as it is on disk.
    pub fn replaced(&mut self) {
        self.changed();
        self.mark_saved();
    }

    /// The session as it is now is on disk (saved, or knowingly discarded with its recovery copy).
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.current);
        self.mark_autosaved();
    }

    /// The session as it is now is not in any file the user chose (a fresh import, a restore).
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }

    /// The session as it is now is in the recovery file.
    pub fn mark_autosaved(&mut self) {
        self.autosaved = Some(self.current);
    }

    /// The session as it was at `revision` is in the recovery file (written on another thread
    /// while edits went on; a later revision still needs its own autosave).
    pub fn mark_autosaved_at(&mut self, revision: u64) {
        self.autosaved = Some(revision);
    }

    /// Whether there are changes not saved to the session's file.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.current)
    }

    /// Whether the recovery file is behind the session.
    #[must_use]
    pub fn needs_autosave(&self) -> bool {
        self.is_dirty() && self.autosaved != Some(self.current)
    }
}

#[cfg(test)]
mod tests {
    use super::Revision;

    #[test]
    fn saving_and_changing_and_marking_unsaved() {
        let mut r = Revision::saved();
        assert!(!r.is_dirty() && !r.needs_autosave());
        r.changed();
        assert!(r.is_dirty() && r.needs_autosave());
        r.mark_autosaved();
        assert!(r.is_dirty() && !r.needs_autosave());
        r.mark_saved();
        assert!(!r.is_dirty());
        r.replaced();
        assert!(!r.is_dirty());
        r.mark_unsaved();
        assert!(r.is_dirty(), "a fresh import or a restored recovery is not in the user's file");
        assert!(!r.needs_autosave(), "it can be made again from its roster or recovery file until it changes");
        r.changed();
        assert!(r.needs_autosave());
    }
}
