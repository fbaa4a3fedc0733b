//! The parts of a session that belong to no one person, bound to the audit trail as each person's
//! state is (`state_seal.rs`): the title and cycle, the roster's columns, the set of people (their ids, in order, and how many), the ladder
//! copy with its criteria, blind mode, the fairness target, the pre-read marks and comments, the
//! open items, and the agenda's order and time box. Every event that changes one of them, and every
//! baseline, records the document's digest after it, sealed into the event's hash; on open the
//! digest is taken again and compared with the last one recorded, naming each part that differs.

use super::ids::PersonId;
use super::session::Session;
use serde::Serialize;
use sha2::Digest as _;

/// The parts, each with the letter that tags its digest.
pub const DOCUMENT_PARTS: [(char, &str); 9] = [
    ('h', "title and cycle"),
    ('c', "roster's columns"),
    ('i', "set of people"),
    ('l', "ladder and its criteria"),
    ('b', "blind mode"),
    ('t', "fairness target"),
    ('m', "pre-read marks and comments"),
    ('o', "open items"),
    ('a', "agenda order and time box"),
];

/// Sixteen hex characters per part: the document digest is one per event that changes the
/// document, not one per person, so it can afford more than a person's state.
const PART_HEX: usize = 16;

pub(super) fn digest<T: Serialize + ?Sized>(value: &T) -> String {
    let text = super::ron_text::ron_text(value).unwrap_or_default();
    hex::encode(&sha2::Sha256::digest(text.as_bytes())[..PART_HEX / 2])
}

/// One part's hex digits in a document digest (`None` when the digest predates the part).
pub(super) fn document_part(digest: &str, letter: char) -> Option<&str> {
    let chunk = digest.as_bytes().chunks(PART_HEX + 1).find(|c| c.first() == Some(&(letter as u8)))?;
    std::str::from_utf8(&chunk[1..]).ok()
}

/// A part of the document that differs from what the trail last recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentBreak {
    pub part: &'static str,
    /// What can be said beyond the part: who was added or removed.
    pub detail: String,
}

impl std::fmt::Display for DocumentBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {} changed outside Ladderboard (not what the audit trail recorded)", self.part)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

impl Session {
    /// The document's digest: for each part in `DOCUMENT_PARTS`, its letter and its digest.
    #[must_use]
    pub fn document_digest(&self) -> String {
        let ids: Vec<&PersonId> = self.people.iter().map(|p| &p.id).collect();
        let parts = [
            ('h', digest(&(&self.title, &self.cycle))),
            ('c', digest(&self.roster_columns)),
            ('i', digest(&(ids.len(), &ids))),
            ('l', digest(&self.ladder)),
            ('b', digest(&self.blind)),
            ('t', digest(&self.band_targets)),
            ('m', digest(&self.marks)),
            ('o', digest(&self.conflicts)),
            ('a', digest(&self.meeting)),
        ];
        let mut out = String::with_capacity(parts.len() * (PART_HEX + 1));
        for (letter, hex) in parts {
            out.push(letter);
            out.push_str(&hex);
        }
        out
    }

    /// The last document digest the trail recorded, if any event recorded one (files from before
    /// format 5 have none until a baseline is sealed).
    #[must_use]
    pub fn recorded_document(&self) -> Option<&str> {
        self.audit.iter().rev().find_map(|e| e.doc.as_deref())
    }

    /// The parts of the document that differ from the last digest the trail recorded.
    #[must_use]
    pub fn document_breaks(&self) -> Vec<DocumentBreak> {
        let Some(recorded) = self.recorded_document() else { return Vec::new() };
        let now = self.document_digest();
        if now == recorded {
            return Vec::new();
        }
        // Each part is its letter and PART_HEX hex digits, in `DOCUMENT_PARTS` order; a digest
        // recorded before a part existed is shorter, and its missing parts count as changed.
        let part = |digest: &str, letter: char| {
            digest.as_bytes().chunks(PART_HEX + 1).find(|c| c.first() == Some(&(letter as u8))).map(<[u8]>::to_vec)
        };
        DOCUMENT_PARTS
            .iter()
            .filter(|(letter, _)| part(&now, *letter) != part(recorded, *letter))
            .map(|&(letter, name)| DocumentBreak {
                part: name,
                detail: if letter == 'i' { self.people_difference() } else { String::new() },
            })
            .collect()
    }

    /// Who is in the session beyond the people the last baseline counted, or how many are missing.
    fn people_difference(&self) -> String {
        let counted = self.audit.iter().rev().find_map(|e| match &e.change {
            super::change::Change::Baseline { digests, .. } => {
                Some(digests.split(' ').filter(|d| !d.is_empty()).count())
            }
            _ => None,
        });
        let Some(counted) = counted else { return format!("{} people now", self.people.len()) };
        match self.people.len().cmp(&counted) {
            std::cmp::Ordering::Greater => {
                let added: Vec<String> =
                    self.people[counted..].iter().take(5).map(|p| format!("{} ({})", p.name, p.id)).collect();
                let more = self.people.len() - counted;
                format!("{more} not in the record ({}{})", added.join(", "), if more > 5 { ", …" } else { "" })
            }
            std::cmp::Ordering::Less => {
                format!(
                    "{} people now, the record has {counted}: {} removed",
                    self.people.len(),
                    counted - self.people.len()
                )
            }
            std::cmp::Ordering::Equal => "the same number of people, other ids or another order".to_owned(),
        }
    }
}
