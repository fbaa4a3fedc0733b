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
    /// For an event about a person: the digest of their state after it (`state_seal`), sealed into
    /// `hash`, so a later edit of that state outside Ladderboard shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// For an event that changes a part of the document no one person owns (and for a baseline):
    /// the document's digest after it (`doc_seal`), sealed into `hash` (format 5 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// `hash` of the event before (empty for the first), so removing or reordering events shows.
    /// Not written since format 3: it is always the previous event's `hash`, so `link` restores it
    /// on load, and an event removed from the file still breaks the next event's `hash`.
    #[serde(default, skip_serializing)]
    pub prev_hash: String,
    /// SHA-256 over this event's content and `prev_hash`: editing an event breaks the chain.
    #[serde(default)]
    pub hash: String,
}

/// A break in the audit trail's hash chain, found when a session is loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainBreak {
    pub seq: u64,
    pub problem: String,
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "audit event {}: {}", self.seq, self.problem)
    }
}

impl AuditEvent {
    /// The hash this event should carry, given its content and `prev_hash`.
    #[must_use]
    pub fn compute_hash(&self) -> String {
        hex::encode(self.digest(&mut String::new()))
    }

    /// Whether `hash` is the one its content gives (`text`: a buffer to reuse).
    fn sealed(&self, text: &mut String) -> bool {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digest = self.digest(text);
        // Compared as lowercase hex, as `hash` is written (no decoding: it was a tenth of the check).
        let written = self.hash.as_bytes();
        written.len() == 64
            && digest.iter().enumerate().all(|(i, &byte)| {
                written[2 * i] == HEX[usize::from(byte >> 4)] && written[2 * i + 1] == HEX[usize::from(byte & 15)]
            })
    }

    /// SHA-256 over the event's RON text, written into `text`.
    fn digest(&self, text: &mut String) -> [u8; 32] {
        use sha2::Digest as _;
        let content = (
            self.seq,
            &self.at,
            &self.actor,
            &self.person,
            &self.action,
            &self.from,
            &self.to,
            &self.why,
            &self.change,
            &self.prev_hash,
        );
        // RON of the same value is always the same text, so it is a stable input to the hash. Events
        // without a state digest (all of them before it existed) hash as they always did.
        // `ron_text` is that text, written faster than `ron` writes it.
        let written = match (&self.state, &self.doc) {
            (None, None) => super::ron_text::ron_text_into(text, &content),
            (Some(state), None) => super::ron_text::ron_text_into(text, &(content, state)),
            (state, Some(doc)) => super::ron_text::ron_text_into(text, &(content, state, doc)),
        };
        if !written {
            text.clear();
        }
        sha2::Sha256::digest(text.as_bytes()).into()
    }

    /// Links this event after `previous` and seals it.
    pub fn seal(&mut self, previous: Option<&AuditEvent>) {
        self.prev_hash = previous.map(|p| p.hash.clone()).unwrap_or_default();
        self.hash = self.compute_hash();
    }

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

/// Restores each event's `prev_hash` from the event before it, as read from a file that does not
/// store it (format 3 on).
pub fn link(events: &mut [AuditEvent]) {
    let mut previous = String::new();
    for event in events {
        event.prev_hash.clone_from(&previous);
        previous.clone_from(&event.hash);
    }
}

/// Whether each event's `hash` matches its content. Hashing is most of the work of opening a large
/// session (10,000 events), and each event's check stands alone, so it runs on every core.
fn seals_hold(events: &[AuditEvent]) -> Vec<bool> {
    use rayon::prelude::*;
    const CHUNK: usize = 512;
    if events.len() <= CHUNK {
        let mut text = String::new();
        return events.iter().map(|e| e.sealed(&mut text)).collect();
    }
    events.par_iter().with_min_len(CHUNK).map_init(String::new, |text, e| e.sealed(text)).collect()
}

/// Checks the hash chain of an audit trail: every event sealed, linked to the one before, in order.
#[must_use]
pub fn chain_breaks(events: &[AuditEvent]) -> Vec<ChainBreak> {
    let sealed = seals_hold(events);
    let mut breaks = Vec::new();
    let mut previous_hash = "";
    for (i, event) in events.iter().enumerate() {
        let expected_seq = i as u64 + 1;
        if event.seq != expected_seq {
            breaks.push(ChainBreak {
                seq: event.seq,
                problem: format!("is in position {expected_seq}; an event before it was removed or moved"),
            });
        }
        if event.prev_hash != previous_hash {
            breaks.push(ChainBreak {
                seq: event.seq,
                problem: "does not follow the event before it; an event was removed, added or reordered".to_owned(),
            });
        }
        if !sealed[i] {
            let problem = "does not match its seal: it was edited after it was recorded, or the event before it was removed or changed";
            breaks.push(ChainBreak { seq: event.seq, problem: problem.to_owned() });
        }
        previous_hash = &event.hash;
    }
    breaks
}
