//! Blind mode in the window: while the session has it on, every screen draws from a blinded copy
//! (`model::blind`), rebuilt when the session changes, and status messages and undo labels are
//! blinded too. Commands still name people by id, so acting on a card changes the real record.

use super::LadderApp;
use crate::model::blind::Blinding;
use crate::model::{Change, Session};

/// The codes and the blinded copy of the session the screens draw.
pub(super) struct BlindView {
    pub(super) blinding: Blinding,
    pub(super) shown: Session,
}

impl LadderApp {
    /// Rebuilds the blinded copy after a change (or drops it when blind mode is off).
    pub(super) fn refresh_blind(&mut self) {
        self.blind = self.session.blind.then(|| {
            let blinding = Blinding::new(&self.session);
            let shown = blinding.apply(&self.session);
            BlindView { blinding, shown }
        });
    }

    /// What the screens and exports show: the session, or its blinded copy.
    pub(super) fn shown(&self) -> &Session {
        self.blind.as_ref().map_or(&self.session, |b| &b.shown)
    }

    /// Text for the screen, blinded while blind mode is on.
    pub(super) fn blind_text(&self, text: String) -> String {
        match &self.blind {
            Some(b) => b.blinding.text(&text),
            None => text,
        }
    }

    /// Turns blind mode on or off, as one audited, undoable step.
    pub(super) fn toggle_blind(&mut self) {
        let on = !self.session.blind;
        let label = if on { "blind names" } else { "reveal names" };
        match self.apply_step(label.to_owned(), vec![Change::SetBlind { on }]) {
            Ok(()) => self.info(if on {
                "Blind mode on: names, managers, teams and e-mails show as codes"
            } else {
                "Names revealed"
            }),
            Err(e) => self.error(format!("Not changed: {e}")),
        }
    }
}
