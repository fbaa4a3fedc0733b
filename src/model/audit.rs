//! The audit trail: one event per applied change, carrying the change itself so the log can be replayed.

use super::change::Change;
use super::ids::PersonId;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A record of one applied change: when, who, what, from → to, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// Position in the trail, starting at 1.
    pub seq: u64,
    pub at: Timestamp,
    pub actor: String,
    pub person: Option<PersonId>,
    /// Short verb phrase: "move", "propose", "decide", "rate evidence", "add note" …
    pub action: String,
    pub from: String,
    pub to: String,
    pub why: String,
    /// The change as data; replaying every event's change reproduces the session.
    pub change: Change,
}

impl AuditEvent {
    /// One line for menus and history lists: "move Ada Park: P3 solid → P4 developing".
    #[must_use]
    pub fn summary(&self, person_name: &str) -> String {
        let subject = if person_name.is_empty() { String::new() } else { format!(" {person_name}") };
        if self.from.is_empty() && self.to.is_empty() {
            format!("{}{subject}", self.action)
        } else {
            format!("{}{subject}: {} → {}", self.action, or_dash(&self.from), or_dash(&self.to))
        }
    }
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() { "—" } else { text }
}
