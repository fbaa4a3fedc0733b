//! Whether the record holds: the audit trail's hash chain, each person's state and the document's
//! own parts, each against what the trail recorded. One list, so that `validate`, every output,
//! the merge and the window make the same checks and name the same breaks.

use crate::model::audit::ChainBreak;
use crate::model::doc_seal::DocumentBreak;
use crate::model::session::Session;
use crate::model::state_seal::StateBreak;

/// One way the file differs from its record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordBreak {
    /// An event edited, removed, added or reordered.
    Chain(ChainBreak),
    /// A person's state is not what the trail last recorded for them.
    State(StateBreak),
    /// A part of the document no one person owns is not what the trail last recorded.
    Document(DocumentBreak),
}

impl std::fmt::Display for RecordBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordBreak::Chain(b) => b.fmt(f),
            RecordBreak::State(b) => b.fmt(f),
            RecordBreak::Document(b) => b.fmt(f),
        }
    }
}

impl Session {
    /// Every way the session differs from its record: the chain's breaks first, then each person
    /// whose state changed, then each part of the document.
    #[must_use]
    pub fn record_breaks(&self) -> Vec<RecordBreak> {
        let mut breaks: Vec<RecordBreak> = self.audit_breaks().into_iter().map(RecordBreak::Chain).collect();
        breaks.extend(self.state_breaks().into_iter().map(RecordBreak::State));
        breaks.extend(self.document_breaks().into_iter().map(RecordBreak::Document));
        breaks
    }

    /// Whether the trail seals everything: each person's state and the document's own parts (a
    /// file saved before either check has not yet had its baseline).
    #[must_use]
    pub fn is_fully_sealed(&self) -> bool {
        self.people.is_empty() && self.audit.is_empty()
            || self.has_state_baseline() && self.recorded_document().is_some()
    }
}
