//! The fairness figures a chair looks at: how people spread over the bands of each level against a
//! target curve, which groups stray from it by more than noise, and how each manager's placements
//! and proposals sit against the organisation's for the same levels. Pure arithmetic on the session.
//!
//! Small groups are never flagged on noise: below `min_group` people a group is "too few to
//! compare", and above it a share is flagged only when it differs from the target by more than the
//! tolerance *and* the target lies outside the 95 % Wilson interval of the observed share.

use crate::model::ids::{LevelId, PersonId};
use crate::model::ladder::Track;
use crate::model::session::Session;
use serde::Serialize;

pub use crate::model::band_targets::BandTargets;
use std::collections::BTreeMap;

/// People per band in one group (a level, a manager's people, a team).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub counts: Vec<usize>,
}

impl Spread {
    #[must_use]
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Each band's share of the group (all 0 for an empty group).
    #[must_use]
    pub fn shares(&self) -> Vec<f64> {
        let total = self.total();
        self.counts.iter().map(|&c| if total == 0 { 0.0 } else { c as f64 / total as f64 }).collect()
    }
}

/// How a group compares with the target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Verdict {
    /// Fewer people than `min_group`: no comparison is made.
    TooFew,
    /// Within the tolerance, or not distinguishable from the target at this size.
    Fits,
    /// These bands stray: (band, observed share, 95 % interval).
    Strays(Vec<(usize, f64, (f64, f64))>),
}

/// The 95 % Wilson score interval of a share `k / n`.
#[must_use]
pub fn wilson(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let z = 1.96_f64;
    let (n, p) = (n as f64, k as f64 / n as f64);
    let denominator = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Compares a group's spread with the targets.
#[must_use]
pub fn verdict(spread: &Spread, targets: &BandTargets) -> Verdict {
    let n = spread.total();
    if n < targets.min_group {
        return Verdict::TooFew;
    }
    let strays: Vec<(usize, f64, (f64, f64))> = spread
        .counts
        .iter()
        .enumerate()
        .filter_map(|(band, &k)| {
            let target = *targets.shares.get(band)?;
            let share = k as f64 / n as f64;
            let interval = wilson(k, n);
            let outside = target < interval.0 || target > interval.1;
            ((share - target).abs() > targets.tolerance && outside).then_some((band, share, interval))
        })
        .collect();
    if strays.is_empty() { Verdict::Fits } else { Verdict::Strays(strays) }
}

/// Which people a view covers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Group {
    #[default]
    Everyone,
    Manager(String),
    Team(String),
    /// People whose kept roster column (by header) has this value.
    Column(String, String),
}

impl Session {
    fn in_group(&self, person: &crate::model::person::Person, group: &Group) -> bool {
        match group {
            Group::Everyone => true,
            Group::Manager(m) => self.manager_name(person) == m,
            Group::Team(t) => person.team == t.as_str(),
            Group::Column(header, value) => {
                crate::model::roster_layout::kept_value(&self.roster_columns, person, header) == Some(value.as_str())
            }
        }
    }

    /// People per band for each level of `track`, in `group`.
    #[must_use]
    pub fn distribution(&self, track: Track, group: &Group) -> Vec<(LevelId, Spread)> {
        let bands = self.ladder.bands.len();
        let mut by_level: Vec<(LevelId, Spread)> =
            self.ladder.track_levels(track).map(|l| (l.id.clone(), Spread { counts: vec![0; bands] })).collect();
        for person in self.people.iter().filter(|p| p.track == track && self.in_group(p, group)) {
            let placement = self.placement(person);
            if let Some((_, spread)) = by_level.iter_mut().find(|(id, _)| *id == placement.level)
                && let Some(count) = spread.counts.get_mut(placement.band)
            {
                *count += 1;
            }
        }
        by_level
    }
}

/// One manager's people against the organisation at the same levels.
/// A 0-based band mean as people count bands: from 1.
#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's serialize_with passes a reference")]
fn one_based<S: serde::Serializer>(band: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(band + 1.0)
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Drift {
    pub manager: String,
    pub people: usize,
    /// Mean band (0 = lowest) of their people, and what the organisation's means at the same levels
    /// give; written 1-based (1 = lowest) in the report's JSON, as the window and the CSV show bands.
    #[serde(serialize_with = "one_based")]
    pub mean_band: f64,
    #[serde(serialize_with = "one_based")]
    pub expected_band: f64,
    /// Share of their people with a proposal, and the organisation's at the same levels.
    pub proposed: f64,
    pub expected_proposed: f64,
    /// Share of their decided people promoted, when any are decided.
    pub promoted: Option<f64>,
    /// How far they sit from the organisation, in bands plus shares (0 = exactly like it).
    pub distance: f64,
    pub too_few: bool,
    pub people_ids: Vec<PersonId>,
}

/// Every manager's drift, farthest first; groups below `min_group` are listed last as too few.
#[must_use]
pub fn manager_drift(session: &Session, min_group: usize) -> Vec<Drift> {
    // The organisation per level: mean band and share proposed.
    let mut per_level: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for person in &session.people {
        let band = session.placement(person).band;
        let entry = per_level.entry(person.level.as_str()).or_default();
        entry.0 += 1;
        entry.1 += band;
        entry.2 += usize::from(session.proposals.contains_key(&person.id));
    }
    let mut by_manager: BTreeMap<String, Vec<&crate::model::person::Person>> = BTreeMap::new();
    for person in &session.people {
        let manager = session.manager_name(person);
        if !manager.is_empty() {
            by_manager.entry(manager.to_owned()).or_default().push(person);
        }
    }
    let mut drifts: Vec<Drift> = by_manager
        .into_iter()
        .map(|(manager, people)| {
            let n = people.len() as f64;
            let (mut band, mut expected_band, mut proposed, mut expected_proposed) = (0.0, 0.0, 0.0, 0.0);
            let (mut decided, mut promoted) = (0usize, 0usize);
            for p in &people {
                let (count, bands, proposals) = per_level[p.level.as_str()];
                band += session.placement(p).band as f64;
                expected_band += bands as f64 / count as f64;
                proposed += f64::from(u8::from(session.proposals.contains_key(&p.id)));
                expected_proposed += proposals as f64 / count as f64;
                if let Some(d) = session.decisions.get(&p.id) {
                    decided += 1;
                    promoted += usize::from(d.outcome == crate::model::decision::Outcome::Promote);
                }
            }
            let (mean_band, expected_band) = (band / n, expected_band / n);
            let (proposed, expected_proposed) = (proposed / n, expected_proposed / n);
            Drift {
                manager,
                people: people.len(),
                mean_band,
                expected_band,
                proposed,
                expected_proposed,
                promoted: (decided > 0).then(|| promoted as f64 / decided as f64),
                distance: (mean_band - expected_band).abs() + (proposed - expected_proposed).abs(),
                too_few: people.len() < min_group,
                people_ids: people.iter().map(|p| p.id.clone()).collect(),
            }
        })
        .collect();
    drifts.sort_by(|a, b| {
        a.too_few.cmp(&b.too_few).then(b.distance.total_cmp(&a.distance)).then(a.manager.cmp(&b.manager))
    });
    drifts
}

pub mod figures;
pub mod outcomes;

#[cfg(test)]
mod tests;

/// Everyone, each manager, each team and each value of a kept roster column (a column with a
/// value per person, such as an e-mail, is no group).
#[must_use]
pub fn groups_of(session: &Session) -> Vec<Group> {
    let mut options = vec![Group::Everyone];
    let managers: std::collections::BTreeSet<&str> =
        session.people.iter().map(|p| session.manager_name(p)).filter(|m| !m.is_empty()).collect();
    options.extend(managers.into_iter().map(|m| Group::Manager(m.to_owned())));
    let teams: std::collections::BTreeSet<&str> =
        session.people.iter().map(|p| p.team.as_str()).filter(|t| !t.is_empty()).collect();
    options.extend(teams.into_iter().map(|t| Group::Team(t.to_owned())));
    for (i, header) in session.kept_columns().enumerate() {
        let values: std::collections::BTreeSet<&str> =
            session.people.iter().map(|p| p.extra.get(i)).filter(|v| !v.is_empty()).collect();
        if values.len() <= 30 {
            options.extend(values.into_iter().map(|v| Group::Column(header.to_owned(), v.to_owned())));
        }
    }
    options
}
