//! Every fairness figure for one look at the session: the distribution per level with its verdict,
//! each manager's drift, and the evidence coverage of every open proposal. Computed once per change
//! (the window caches it; `ladderboard report` prints it).

use super::{BandTargets, Drift, Group, Spread, Verdict, manager_drift, verdict};
use crate::model::coverage::{criteria_checks, gaps};
use crate::model::{LevelId, PersonId, Session, Track};

/// One open proposal's evidence against its target's criteria.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub person: PersonId,
    pub name: String,
    pub target: LevelId,
    /// Criteria not met (no evidence, unrated or below "meets"), by dimension name.
    pub open: Vec<String>,
    pub total: usize,
}

/// The figures.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Figures {
    pub targets: BandTargets,
    pub distribution: Vec<(LevelId, Spread, Verdict)>,
    pub drift: Vec<Drift>,
    /// Open (undecided) proposals, thinnest evidence first.
    pub coverage: Vec<Coverage>,
}

impl Figures {
    #[must_use]
    pub fn compute(session: &Session, track: Track, group: &Group) -> Figures {
        let targets =
            session.band_targets.clone().unwrap_or_else(|| BandTargets::default_for(session.ladder.bands.len()));
        let distribution = session
            .distribution(track, group)
            .into_iter()
            .map(|(level, spread)| {
                let v = verdict(&spread, &targets);
                (level, spread, v)
            })
            .collect();
        let drift = manager_drift(session, targets.min_group);
        let mut coverage: Vec<Coverage> = session
            .proposals
            .iter()
            .filter(|(id, _)| !session.decisions.contains_key(*id))
            .filter_map(|(id, proposal)| {
                let person = session.person(id)?;
                Some(Coverage {
                    person: id.clone(),
                    name: person.name.to_string(),
                    target: proposal.target.clone(),
                    open: gaps(session, id, &proposal.target).iter().map(|c| c.dimension_name.to_owned()).collect(),
                    total: criteria_checks(session, id, &proposal.target).len(),
                })
            })
            .collect();
        coverage.sort_by(|a, b| b.open.len().cmp(&a.open.len()).then_with(|| a.name.cmp(&b.name)));
        Figures { targets, distribution, drift, coverage }
    }

    /// Levels whose spread strays from the target.
    pub fn flagged_levels(&self) -> impl Iterator<Item = &LevelId> {
        self.distribution.iter().filter(|(_, _, v)| matches!(v, Verdict::Strays(_))).map(|(l, _, _)| l)
    }
}

/// A verdict in words: "fits", "too few to compare", "strays: solid 20 % (6–51 %)".
#[must_use]
pub fn describe(verdict: &Verdict, bands: &[String]) -> String {
    match verdict {
        Verdict::TooFew => "too few to compare".to_owned(),
        Verdict::Fits => "fits".to_owned(),
        Verdict::Strays(strays) => {
            let parts: Vec<String> = strays
                .iter()
                .map(|(band, share, (low, high))| {
                    let name = bands.get(*band).map_or("band", String::as_str);
                    format!("{name} {:.0} % ({:.0}–{:.0} %)", share * 100.0, low * 100.0, high * 100.0)
                })
                .collect();
            format!("strays: {}", parts.join(", "))
        }
    }
}
