//! Reading and setting the value an open item (a disagreement between prep files) is about, in
//! the session: settling picks one value, reopening puts back the one before.

use crate::model::conflict::{ConflictValue, Subject};
use crate::model::ids::PersonId;
use crate::model::session::Session;

impl Session {
    /// The session's current value for a conflict's subject.
    #[must_use]
    pub fn conflict_value(&self, person: &PersonId, subject: &Subject) -> Option<ConflictValue> {
        Some(match subject {
            Subject::Record => ConflictValue::Record(self.person(person)?.clone()),
            Subject::Placement => ConflictValue::Placement(self.placements.get(person).cloned()),
            Subject::Proposal => ConflictValue::Proposal(self.proposals.get(person).cloned()),
            Subject::Decision => ConflictValue::Decision(self.decisions.get(person).cloned()),
            Subject::Evidence { level, dimension } => {
                ConflictValue::Evidence(self.evidence_for(person, level, dimension).cloned())
            }
        })
    }

    /// Sets a subject's value (a conflict being settled or reopened).
    pub(crate) fn set_conflict_value(&mut self, person: &PersonId, subject: &Subject, value: ConflictValue) {
        match value {
            ConflictValue::Record(record) => {
                if let Some(p) = self.people.iter_mut().find(|p| &p.id == person) {
                    *p = record;
                }
            }
            ConflictValue::Placement(v) => set(&mut self.placements, person, v),
            ConflictValue::Proposal(v) => set(&mut self.proposals, person, v),
            ConflictValue::Decision(v) => set(&mut self.decisions, person, v),
            ConflictValue::Evidence(v) => {
                let Subject::Evidence { level, dimension } = subject else { return };
                let position = self.evidence_position(person, level, dimension);
                match (position, v) {
                    (Ok(i), Some(e)) => self.evidence[i] = e,
                    (Ok(i), None) => {
                        self.evidence.remove(i);
                    }
                    (Err(i), Some(e)) => self.evidence.insert(i, e),
                    (Err(_), None) => {}
                }
            }
        }
    }
}

fn set<V>(map: &mut std::collections::BTreeMap<PersonId, V>, key: &PersonId, value: Option<V>) {
    match value {
        Some(v) => {
            map.insert(key.clone(), v);
        }
        None => {
            map.remove(key);
        }
    }
}
