//! Blind mode's view of the document: while the session has it on, every screen draws from a
//! blinded copy (`model::blind`), rebuilt when the session changes. Edits still name people by id,
//! so acting on a card changes the real record.

use crate::model::Session;
use crate::model::blind::Blinding;

/// The codes and the blinded copy of the session the screens draw.
pub struct BlindView {
    pub blinding: Blinding,
    pub shown: Session,
}

impl BlindView {
    /// The codes for `session` and its blinded copy.
    #[must_use]
    pub fn of(session: &Session) -> Self {
        let blinding = Blinding::new(session);
        let shown = blinding.apply(session);
        BlindView { blinding, shown }
    }
}
