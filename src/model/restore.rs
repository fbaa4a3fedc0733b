//! Restoring from the trail what was changed outside Ladderboard. Every event carries its change
//! as data (a placement, proposal, decision or piece of evidence whole, a note whole), so the value
//! the trail last recorded can often be rebuilt; it is taken only when its digest is the one the
//! trail sealed, which proves it is the recorded value and not a guess. A person (or the document)
//! is restored whole or not at all: the events that restore it seal its state anew, so restoring
//! one part while another stays edited would seal the edit.

use super::change::Change;
use super::doc_seal::document_part;
use super::evidence::Evidence;
use super::ids::PersonId;
use super::note::Note;
use super::session::Session;
use super::state_seal::{digest, parts_of};

/// What can be restored, as changes, and what cannot, in words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restoration {
    pub changes: Vec<Change>,
    /// "Ada Lovelace (E1): decision" for each person or part restored.
    pub restored: Vec<String>,
    /// Each person or part the trail cannot give back, and why.
    pub kept: Vec<String>,
}

impl Session {
    /// The changes that put back every edited person and part the trail can vouch for.
    #[must_use]
    pub fn restoration(&self) -> Restoration {
        let mut out = Restoration::default();
        let recorded = self.recorded_states();
        for broken in self.state_breaks() {
            let Some(expected) = recorded.get(&broken.person) else { continue };
            let label = format!("{} ({})", broken.name, broken.person);
            match self.person_restoration(&broken.person, expected, &broken.parts) {
                Ok(changes) => {
                    out.changes.extend(changes);
                    out.restored.push(format!("{label}: {}", broken.parts.join(", ")));
                }
                Err(part) => out.kept.push(format!("{label}: the trail does not hold the {part} it sealed")),
            }
        }
        let parts: Vec<&'static str> = self.document_breaks().into_iter().map(|b| b.part).collect();
        if !parts.is_empty() {
            match self.document_restoration(&parts) {
                Ok(changes) => {
                    out.changes.extend(changes);
                    out.restored.push(format!("the {}", parts.join(", the ")));
                }
                Err(part) => out.kept.push(format!("the {part}: the trail does not hold the value it sealed")),
            }
        }
        out
    }

    /// The changes restoring each broken part of one person, or the first part that cannot be.
    fn person_restoration(
        &self,
        person: &PersonId,
        expected: &str,
        broken: &[&'static str],
    ) -> Result<Vec<Change>, &'static str> {
        let sealed = parts_of(expected);
        let sealed_hex = |letter: char| sealed.iter().find(|(l, _)| *l == letter).map(|(_, h)| *h);
        // A candidate matches when it is empty where the seal has no part, or digests to its hex.
        let matches = |letter: char, present: bool, hex: String| match sealed_hex(letter) {
            Some(want) => present && want == hex,
            None => !present,
        };
        let events: Vec<&Change> = self.history_for(person).map(|e| &e.change).collect();
        let mut changes = Vec::new();
        // A proposal first: a place above the level, and a decision, rest on it.
        let order = ["roster record", "proposal", "place on the grid", "decision", "evidence", "notes"];
        let mut broken = broken.to_vec();
        broken.sort_by_key(|part| order.iter().position(|o| o == part));
        for part in broken {
            match part {
                "proposal" => {
                    let value = last_recorded(&events, |c| match c {
                        Change::Propose { proposal, .. } => Some(proposal.clone()),
                        _ => None,
                    });
                    if !matches('q', value.is_some(), digest(&value.as_ref())) {
                        return Err(part);
                    }
                    changes.push(Change::Propose { person: person.clone(), proposal: value });
                }
                "decision" => {
                    let value = last_recorded(&events, |c| match c {
                        Change::Decide { decision, .. } => Some(decision.clone()),
                        _ => None,
                    });
                    if !matches('d', value.is_some(), digest(&value.as_ref())) {
                        return Err(part);
                    }
                    changes.push(Change::Decide { person: person.clone(), decision: value });
                }
                "place on the grid" => {
                    let value = last_recorded(&events, |c| match c {
                        Change::Place { placement, .. } => Some(placement.clone()),
                        _ => None,
                    });
                    if !matches('p', value.is_some(), digest(&value.as_ref())) {
                        return Err(part);
                    }
                    changes.push(Change::Place { person: person.clone(), placement: value });
                }
                "evidence" => {
                    let value = self.recorded_evidence(person, &events, |e| matches('e', !e.is_empty(), digest(e)));
                    changes.extend(self.evidence_changes(person, &value.ok_or(part)?));
                }
                "notes" => {
                    let value = self.recorded_notes(person, &events, |n| {
                        let refs: Vec<&Note> = n.iter().collect();
                        matches('n', !n.is_empty(), digest(&refs))
                    });
                    let value = value.ok_or(part)?;
                    changes.extend(self.notes_for(person).map(|n| Change::RemoveNote { id: n.id }));
                    changes.extend(value.into_iter().map(Change::AddNote));
                }
                // No edit changes a roster record: the trail holds only its digest.
                _ => return Err(part),
            }
        }
        Ok(changes)
    }

    /// The person's evidence as the trail recorded it: replayed from nothing, or over what the
    /// file holds (evidence that came with an import or merge has no event of its own).
    fn recorded_evidence(
        &self,
        person: &PersonId,
        events: &[&Change],
        sealed: impl Fn(&[Evidence]) -> bool,
    ) -> Option<Vec<Evidence>> {
        let replay = |mut list: Vec<Evidence>| {
            for change in events {
                if let Change::SetEvidence { level, dimension, rating, text, links, .. } = change {
                    list.retain(|e| !(&e.level == level && &e.dimension == dimension));
                    if rating.is_some() || !text.trim().is_empty() || !links.is_empty() {
                        let entry = Evidence {
                            person: person.clone(),
                            level: level.clone(),
                            dimension: dimension.clone(),
                            rating: *rating,
                            text: text.clone(),
                            links: links.clone(),
                        };
                        list.push(entry);
                    }
                }
            }
            list.sort_by(|a, b| (&a.level, &a.dimension).cmp(&(&b.level, &b.dimension)));
            list
        };
        [replay(Vec::new()), replay(self.evidence_of(person).to_vec())].into_iter().find(|list| sealed(list))
    }

    /// The changes that turn the person's evidence into `wanted`.
    fn evidence_changes(&self, person: &PersonId, wanted: &[Evidence]) -> Vec<Change> {
        let now = self.evidence_of(person);
        let set = |e: &Evidence| Change::SetEvidence {
            person: person.clone(),
            level: e.level.clone(),
            dimension: e.dimension.clone(),
            rating: e.rating,
            text: e.text.clone(),
            links: e.links.clone(),
        };
        let cleared = now.iter().filter(|e| !wanted.iter().any(|w| w.level == e.level && w.dimension == e.dimension));
        let cleared = cleared.map(|e| Change::SetEvidence {
            person: person.clone(),
            level: e.level.clone(),
            dimension: e.dimension.clone(),
            rating: None,
            text: String::new(),
            links: Vec::new(),
        });
        cleared.chain(wanted.iter().filter(|w| !now.contains(w)).map(set)).collect()
    }

    /// The person's notes as the trail recorded them, replayed in order from nothing, or over what
    /// the file holds with each note an event added given back as it was added.
    fn recorded_notes(
        &self,
        person: &PersonId,
        events: &[&Change],
        sealed: impl Fn(&[Note]) -> bool,
    ) -> Option<Vec<Note>> {
        let replay = |mut list: Vec<Note>| {
            for change in events {
                match change {
                    // In id order, as the session keeps them (a note removed and added back).
                    Change::AddNote(note) => match list.binary_search_by_key(&note.id, |n| n.id) {
                        Ok(at) => list[at] = note.clone(),
                        Err(at) => list.insert(at, note.clone()),
                    },
                    Change::RemoveNote { id } => list.retain(|n| n.id != *id),
                    Change::EditNote { person: _, id, text } => {
                        if let Some(kept) = list.iter_mut().find(|n| n.id == *id) {
                            kept.text.clone_from(text);
                        }
                    }
                    _ => {}
                }
            }
            list
        };
        let held: Vec<Note> = self.notes_for(person).cloned().collect();
        [replay(Vec::new()), replay(held)].into_iter().find(|list| sealed(list))
    }

    /// The changes restoring the document's broken parts, or the first part that cannot be.
    fn document_restoration(&self, broken: &[&'static str]) -> Result<Vec<Change>, &'static str> {
        let recorded = self.recorded_document().unwrap_or_default();
        let sealed = |letter: char, hex: &str| document_part(recorded, letter) == Some(hex);
        let mut changes = Vec::new();
        for &part in broken {
            let last = |pick: &dyn Fn(&Change) -> Option<Change>| self.audit.iter().rev().find_map(|e| pick(&e.change));
            let change = match part {
                "blind mode" => last(&|c| matches!(c, Change::SetBlind { .. }).then(|| c.clone()))
                    .filter(|c| matches!(c, Change::SetBlind { on } if sealed('b', &digest_doc(on)))),
                "fairness target" => last(&|c| matches!(c, Change::SetTargets(_)).then(|| c.clone()))
                    .filter(|c| matches!(c, Change::SetTargets(t) if sealed('t', &digest_doc(t)))),
                "agenda order and time box" => last(&|c| matches!(c, Change::SetMeeting(_)).then(|| c.clone()))
                    .filter(|c| matches!(c, Change::SetMeeting(m) if sealed('a', &digest_doc(m)))),
                // Marks, open items, the ladder, the people and the title come with imports and
                // merges as well as with events: the trail cannot give them back whole.
                _ => None,
            };
            changes.push(change.ok_or(part)?);
        }
        Ok(changes)
    }
}

/// The value the last event of one kind set (`pick` says which kind, and takes its value); `None`
/// when no event set one, or the last one cleared it.
fn last_recorded<T>(events: &[&Change], pick: impl Fn(&Change) -> Option<Option<T>>) -> Option<T> {
    events.iter().rev().find_map(|c| pick(c)).flatten()
}

fn digest_doc<T: serde::Serialize + ?Sized>(value: &T) -> String {
    super::doc_seal::digest(value)
}
