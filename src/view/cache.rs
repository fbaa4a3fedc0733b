//! Figures derived from the session, each kept with the document revision and the inputs it was
//! computed for, and computed again only when either moved on. Nothing is ever cleared by hand: a
//! new edit moves the revision, and the next read sees that the value is stale.

use super::derived::Derived;
use super::state::ViewState;
use crate::model::audit::AuditEvent;
use crate::model::fairness::Group;
use crate::model::fairness::figures::Figures;
use crate::model::fairness::outcomes::Outcomes;
use crate::model::meeting::{AgendaItem, AgendaOrder};
use crate::model::{Note, PersonId, Session, Track};

/// A value computed from revision `revision` of the document for the inputs `key`.
#[derive(Clone, Debug)]
pub struct Keyed<K, V> {
    built: Option<(u64, K, V)>,
}

impl<K, V> Default for Keyed<K, V> {
    fn default() -> Self {
        Keyed { built: None }
    }
}

impl<K: PartialEq, V> Keyed<K, V> {
    /// Computes the value unless the one kept is for this revision and these inputs.
    pub fn refresh(&mut self, revision: u64, key: K, compute: impl FnOnce(&K) -> V) {
        if self.built.as_ref().is_some_and(|(r, k, _)| *r == revision && *k == key) {
            return;
        }
        let value = compute(&key);
        self.built = Some((revision, key, value));
    }

    /// The value last computed (one frame old at most: the app refreshes before and after drawing).
    #[must_use]
    pub fn get(&self) -> Option<&V> {
        self.built.as_ref().map(|(_, _, v)| v)
    }

    /// Whether the value kept is for this revision and these inputs.
    #[must_use]
    pub fn is_for(&self, revision: u64, key: &K) -> bool {
        self.built.as_ref().is_some_and(|(r, k, _)| *r == revision && k == key)
    }
}

/// Everything the screens read that is computed from the session, computed by the app (never
/// by a screen) for what is on screen.
#[derive(Clone, Debug, Default)]
pub struct Caches {
    /// The roster's rows, the board's cells and the filter choices.
    pub derived: Keyed<super::derived::BuiltFor, Derived>,
    /// The Fairness window's figures for a track and group.
    pub figures: Keyed<(Track, Group), Figures>,
    /// The groups the Fairness window offers.
    pub groups: Keyed<(), Vec<Group>>,
    /// Before / after and time in level, for a track as of a day.
    pub outcomes: Keyed<(Track, jiff::civil::Date), Outcomes>,
    /// The agenda in an order (the agenda window's and the presenter's).
    pub agenda: Keyed<AgendaOrder, Vec<AgendaItem>>,
    /// Each signature checked against the record's head as it is (the banner when one stops matching).
    pub signatures: Keyed<(), Vec<crate::io::signing::SignatureCheck>>,
    /// The record's state as the window's title says it (final, signed).
    pub record_title: Keyed<(), String>,
    /// The revision the person panel's drafts last followed.
    pub drafts: Keyed<(), ()>,
    /// The selected person's notes and trail events, for the person panel.
    pub person_record: Keyed<Option<PersonId>, PersonRecord>,
}

/// One person's notes and trail events, as places in the session's lists. The person panel shows
/// them on every frame, and finding them walks every note and event: 100,000 events at company
/// scale, most of a frame's time before they were kept here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonRecord {
    person: Option<PersonId>,
    notes: Vec<usize>,
    events: Vec<usize>,
}

impl PersonRecord {
    /// Finds `person`'s notes and events in `session`.
    #[must_use]
    pub fn of(session: &Session, person: &PersonId) -> PersonRecord {
        let notes = session.notes.iter().enumerate().filter(|(_, n)| n.person == *person).map(|(i, _)| i).collect();
        let events = session
            .audit
            .iter()
            .enumerate()
            .filter(|(_, e)| e.person.as_ref() == Some(person))
            .map(|(i, _)| i)
            .collect();
        PersonRecord { person: Some(person.clone()), notes, events }
    }

    #[must_use]
    /// `person`'s notes in `session`, oldest first; found again if this record is someone else's.
    pub fn notes<'s>(&'s self, session: &'s Session, person: &'s PersonId) -> Box<dyn Iterator<Item = &'s Note> + 's> {
        if self.person.as_ref() == Some(person) {
            Box::new(self.notes.iter().filter_map(|&i| session.notes.get(i)).filter(move |n| n.person == *person))
        } else {
            Box::new(session.notes_for(person))
        }
    }

    #[must_use]
    /// `person`'s trail events in `session`, oldest first; found again if this record is someone
    /// else's.
    pub fn events<'s>(
        &'s self,
        session: &'s Session,
        person: &'s PersonId,
    ) -> Box<dyn DoubleEndedIterator<Item = &'s AuditEvent> + 's> {
        if self.person.as_ref() == Some(person) {
            let found = self.events.iter().filter_map(|&i| session.audit.get(i));
            Box::new(found.filter(move |e| e.person.as_ref() == Some(person)))
        } else {
            Box::new(session.audit.iter().filter(move |e| e.person.as_ref() == Some(person)))
        }
    }
}

impl Caches {
    /// Brings up to date what the open screens need from `session` at `revision`.
    pub fn refresh(&mut self, session: &Session, revision: u64, view: &ViewState, today: jiff::civil::Date) {
        let built_for = super::derived::BuiltFor::of(view);
        self.derived.refresh(revision, built_for, |_| Derived::build(session, view));
        if let Some(fairness) = &view.windows.fairness {
            self.figures.refresh(revision, (view.track, fairness.group.clone()), |(track, group)| {
                Figures::compute(session, *track, group)
            });
            self.groups.refresh(revision, (), |()| crate::model::fairness::groups_of(session));
            self.outcomes
                .refresh(revision, (view.track, today), |(track, today)| Outcomes::compute(session, *track, *today));
        }
        self.person_record.refresh(revision, view.selected.clone(), |selected| {
            selected.as_ref().map_or_else(PersonRecord::default, |id| PersonRecord::of(session, id))
        });
        let order = view.windows.presenter.as_ref().map(|p| p.order).or(view.windows.agenda);
        if let Some(order) = order {
            self.agenda.refresh(revision, order, |order| session.agenda(*order));
        }
    }

    /// The selected person's notes and events (empty before the first refresh).
    #[must_use]
    pub fn person_record(&self) -> &PersonRecord {
        static EMPTY: PersonRecord = PersonRecord { person: None, notes: Vec::new(), events: Vec::new() };
        self.person_record.get().unwrap_or(&EMPTY)
    }

    /// The roster's rows and the board's cells.
    #[must_use]
    pub fn derived(&self) -> &Derived {
        static EMPTY: std::sync::LazyLock<Derived> = std::sync::LazyLock::new(Derived::default);
        self.derived.get().unwrap_or(&EMPTY)
    }
}

#[cfg(test)]
mod tests {
    use super::Keyed;

    #[test]
    fn a_value_is_computed_again_only_for_a_new_revision_or_new_inputs() {
        let mut cache: Keyed<&str, usize> = Keyed::default();
        let computed = std::cell::Cell::new(0);
        let count = |k: &&str| {
            computed.set(computed.get() + 1);
            k.len()
        };
        cache.refresh(1, "ab", count);
        cache.refresh(1, "ab", count);
        assert_eq!((cache.get(), computed.get()), (Some(&2), 1));
        cache.refresh(2, "ab", count);
        assert_eq!(computed.get(), 2, "a new revision recomputes");
        cache.refresh(2, "abc", count);
        assert_eq!((cache.get(), computed.get()), (Some(&3), 3), "new inputs recompute");
        assert!(cache.is_for(2, &"abc") && !cache.is_for(3, &"abc"));
    }
}
