//! Figures derived from the session, each kept with the document revision and the inputs it was
//! computed for, and computed again only when either moved on. Nothing is ever cleared by hand: a
//! new edit moves the revision, and the next read sees that the value is stale.

use super::derived::Derived;
use super::state::ViewState;
use crate::model::Session;
use crate::model::Track;
use crate::model::fairness::Group;
use crate::model::fairness::figures::Figures;
use crate::model::fairness::outcomes::Outcomes;
use crate::model::meeting::{AgendaItem, AgendaOrder};

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
        let order = view.windows.presenter.as_ref().map(|p| p.order).or(view.windows.agenda);
        if let Some(order) = order {
            self.agenda.refresh(revision, order, |order| session.agenda(*order));
        }
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
