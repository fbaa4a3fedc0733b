//! The session's state bound to its audit trail, so a change made outside Ladderboard shows. Every
//! event about a person records a digest of that person's state after it (their roster record,
//! place on the grid, evidence, notes, proposal and decision, each digested apart so a mismatch
//! names the part), sealed into the event's hash. A baseline event records every person's digest
//! where the trail starts (an import, a merge, or the first open of a file from before this check).
//! On open, each person's state is digested again and compared with the last event that covers
//! them.

use super::ids::PersonId;
use super::session::Session;
use serde::Serialize;
use sha2::Digest as _;

/// The parts of a person's state, each with the letter that tags its digest (the roster record
/// comes first, untagged).
pub const PARTS: [(char, &str); 6] = [
    ('r', "roster record"),
    ('p', "place on the grid"),
    ('e', "evidence"),
    ('n', "notes"),
    ('q', "proposal"),
    ('d', "decision"),
];

/// Eight hex characters of SHA-256 per part: plenty to notice an edit. A part that is empty (no
/// placement, no evidence…) is left out, so a fresh import's baseline costs nine characters a
/// person and a 50,000-person roster's session stays within 1.5 × its CSV.
const PART_HEX: usize = 8;

pub(super) fn digest<T: Serialize + ?Sized>(value: &T) -> String {
    thread_local! {
        // Six parts a person, 10,000 people: one buffer a thread rather than 60,000.
        static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    TEXT.with_borrow_mut(|text| {
        if !super::ron_text::ron_text_into(text, value) {
            text.clear();
        }
        let hash = sha2::Sha256::digest(text.as_bytes());
        hex::encode(&hash[..PART_HEX / 2])
    })
}

/// A compact digest's parts by letter.
pub(super) fn parts_of(digest: &str) -> Vec<(char, &str)> {
    let mut parts = Vec::new();
    let mut rest = digest;
    let mut letter = 'r';
    while !rest.is_empty() {
        let (hex, after) = rest.split_at(rest.len().min(PART_HEX));
        parts.push((letter, hex));
        let mut chars = after.chars();
        match chars.next() {
            Some(next) => {
                letter = next;
                rest = chars.as_str();
            }
            None => break,
        }
    }
    parts
}

/// A state that differs from what the trail last recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateBreak {
    pub person: PersonId,
    pub name: String,
    /// Which parts differ ("decision", "evidence" …).
    pub parts: Vec<&'static str>,
}

impl std::fmt::Display for StateBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {} changed outside Ladderboard (not what the audit trail recorded)",
            self.name,
            self.person,
            self.parts.join(", ")
        )
    }
}

impl Session {
    /// The digest of one person's state: the roster record's digest, then a letter and a digest
    /// for each part that is not empty (`PARTS`).
    #[must_use]
    pub fn state_digest(&self, id: &PersonId) -> String {
        let notes: Vec<&super::note::Note> = self.notes_for(id).collect();
        self.state_digest_with(id, &notes)
    }

    /// `state_digest` with the person's notes already found (checking everyone at once finds
    /// every person's notes in one pass, not one pass a person).
    fn state_digest_with(&self, id: &PersonId, notes: &[&super::note::Note]) -> String {
        let mut out = digest(&self.person(id));
        let evidence = self.evidence_of(id);
        // A part that is empty is neither digested nor written (most people have few parts).
        let mut part = |letter: char, present: bool, value: &dyn Fn() -> String| {
            if present {
                out.push(letter);
                out.push_str(&value());
            }
        };
        part('p', self.placements.contains_key(id), &|| digest(&self.placements.get(id)));
        part('e', !evidence.is_empty(), &|| digest(evidence));
        part('n', !notes.is_empty(), &|| digest(&notes));
        part('q', self.proposals.contains_key(id), &|| digest(&self.proposals.get(id)));
        part('d', self.decisions.contains_key(id), &|| digest(&self.decisions.get(id)));
        out
    }

    /// Records every person's state as the trail's baseline (after an import, a merge, or when a
    /// file from before the check is first opened).
    pub fn seal_baseline(&mut self, source: &str, actor: &str, at: jiff::Timestamp) {
        let digests: Vec<String> = self.people.iter().map(|p| self.state_digest(&p.id)).collect();
        let change = super::change::Change::Baseline { source: source.to_owned(), digests: digests.join(" ") };
        // A baseline changes nothing, so no rule refuses it, not even a final record's.
        let applied = self.apply(change, actor, at);
        debug_assert!(applied.is_ok(), "a baseline is never refused: {applied:?}");
    }

    /// Whether the trail binds the state (has a baseline); files from before this check do not.
    #[must_use]
    pub fn has_state_baseline(&self) -> bool {
        self.audit.iter().any(|e| matches!(e.change, super::change::Change::Baseline { .. }))
    }

    /// The last state digest the trail recorded for each person it covers.
    pub(super) fn recorded_states(&self) -> std::collections::HashMap<&PersonId, &str> {
        let mut expected = std::collections::HashMap::new();
        for event in &self.audit {
            if let super::change::Change::Baseline { digests, .. } = &event.change {
                // In the order of the people when it was taken; people are never reordered.
                expected.extend(self.people.iter().map(|p| &p.id).zip(digests.split(' ')));
            } else if let (Some(person), Some(state)) = (&event.person, &event.state) {
                expected.insert(person, state.as_str());
            }
        }
        expected
    }

    /// People whose state differs from the last digest the trail recorded for them.
    #[must_use]
    pub fn state_breaks(&self) -> Vec<StateBreak> {
        use std::collections::HashMap;
        let expected = self.recorded_states();
        let mut notes: HashMap<&PersonId, Vec<&super::note::Note>> = HashMap::new();
        for note in &self.notes {
            notes.entry(&note.person).or_default().push(note);
        }
        // Each person's digest stands alone: on every core, in the people's order.
        let now: Vec<Option<String>> = {
            use rayon::prelude::*;
            self.people
                .par_iter()
                .with_min_len(256)
                .map(|p| {
                    expected
                        .contains_key(&p.id)
                        .then(|| self.state_digest_with(&p.id, notes.get(&p.id).map_or(&[][..], Vec::as_slice)))
                })
                .collect()
        };
        let mut breaks = Vec::new();
        for (person, now) in self.people.iter().zip(now) {
            let (Some(recorded), Some(now)) = (expected.get(&person.id), now) else { continue };
            if now != *recorded {
                let (now, recorded) = (parts_of(&now), parts_of(recorded));
                let hex = |parts: &[(char, &str)], letter: char| {
                    parts.iter().find(|(l, _)| *l == letter).map(|(_, h)| (*h).to_owned())
                };
                let parts = PARTS
                    .iter()
                    .filter(|(letter, _)| hex(&now, *letter) != hex(&recorded, *letter))
                    .map(|(_, part)| *part)
                    .collect();
                breaks.push(StateBreak { person: person.id.clone(), name: person.name.to_string(), parts });
            }
        }
        breaks
    }
}
