//! The head of the record: a short, stable text that says which session this is, in which format,
//! how many events its trail has and the last one's hash, whether it is final, and who signs it.
//! Approvers sign this text with their SSH key (SSHSIG, namespace `ladderboard`), so OpenSSH's
//! `ssh-keygen -Y verify` checks a signature with no Ladderboard at all. Any change after a
//! signature makes a new head, which the old signature does not match.

use super::session::Session;
use serde::{Deserialize, Serialize};

/// The SSHSIG namespace of every Ladderboard signature (as git signs commits under "git").
pub const SIGNATURE_NAMESPACE: &str = "ladderboard";

/// One approver's signature over the head as it was when they signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSignature {
    /// Who signs, as the allowed signers file names them (an e-mail address, usually).
    pub signer: String,
    /// How many events the trail had when it was signed.
    pub events: u64,
    /// The armored SSHSIG (`-----BEGIN SSH SIGNATURE-----`), as `ssh-keygen -Y sign` writes it.
    pub signature: String,
}

impl Session {
    /// The record's identity: the hash of its first event (an import or merge baseline), which
    /// stays the same for the life of the session whatever is added after it.
    #[must_use]
    pub fn record_identity(&self) -> &str {
        self.audit.first().map_or("none", |e| e.hash.as_str())
    }

    /// The trail's last hash ("none" for an empty trail).
    #[must_use]
    pub fn head_hash(&self) -> &str {
        self.audit.last().map_or("none", |e| e.hash.as_str())
    }

    /// "final" or "draft".
    #[must_use]
    pub fn record_state(&self) -> &'static str {
        if self.is_final() { "final" } else { "draft" }
    }

    /// SHA-256 over everything the session holds besides its trail and signatures (title, ladder,
    /// people, places, evidence, notes, proposals, decisions, marks, meeting, target, open items):
    /// a signature binds the content in full, not only through the trail's short per-part digests.
    #[must_use]
    pub fn content_hash(&self) -> String {
        use sha2::Digest as _;
        let content = (
            (&self.title, &self.cycle, self.blind, &self.ladder, &self.roster_columns, &self.people),
            (&self.placements, &self.evidence, &self.notes, &self.proposals, &self.decisions),
            (&self.marks, &self.meeting, &self.band_targets, &self.conflicts),
        );
        let text = super::ron_text::ron_text(&content).unwrap_or_default();
        hex::encode(sha2::Sha256::digest(text.as_bytes()))
    }

    /// The exact text `signer` signs: one field a line, newline-terminated.
    #[must_use]
    pub fn head_statement(&self, signer: &str) -> String {
        self.head_statement_with(signer, &self.content_hash())
    }

    /// `head_statement` with the content's hash already taken (checking several signatures takes
    /// it once: it covers every person's data).
    #[must_use]
    pub fn head_statement_with(&self, signer: &str, content_hash: &str) -> String {
        let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        format!(
            "Ladderboard record head\nsession: {}\ntitle: {}\ncycle: {}\nformat: {}\nevents: {}\nhead: {}\ncontent: {}\nstate: {}\nsigner: {}\n",
            self.record_identity(),
            one_line(&self.title),
            one_line(&self.cycle),
            self.format_version,
            self.audit.len(),
            self.head_hash(),
            content_hash,
            self.record_state(),
            one_line(signer)
        )
    }

    /// Puts `signature` in the session, in place of an earlier one by the same signer. Not an
    /// event: a signature covers the trail's head, so it cannot be part of the trail.
    pub fn add_signature(&mut self, signature: RecordSignature) {
        self.signatures.retain(|s| s.signer != signature.signer);
        self.signatures.push(signature);
    }

    /// The head in one line for outputs handed on (the decisions CSV's `record` column, footers):
    /// "final · 94 · 149ba97e…", so a copy can be checked against the session later.
    #[must_use]
    pub fn head_summary(&self) -> String {
        let hash = self.head_hash();
        format!("{} · {} · {}…", self.record_state(), self.audit.len(), hash.get(..12).unwrap_or(hash))
    }
}
