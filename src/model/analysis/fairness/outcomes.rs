//! Before and after the committee: how each manager's (and each level's) proposals fared once
//! decided — promoted as proposed, promoted to another level, held, or not this cycle — and how long
//! people have been at their level, per person and per team. Pure figures from the session.

use crate::model::decision::Outcome;
use crate::model::{LevelId, PersonId, Session, Track};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the committee made of one group's proposals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// The manager's name, or the level proposed from.
    pub group: String,
    pub proposed: usize,
    /// Proposals with a decision.
    pub decided: usize,
    /// Promoted to exactly the level proposed.
    pub as_proposed: usize,
    /// Promoted, but to another level than proposed.
    pub other_level: usize,
    /// Held or not this cycle.
    pub not_promoted: usize,
    /// A level adjustment instead.
    pub adjusted: usize,
}

impl Moved {
    /// Share of decided proposals the committee changed (anything but "promoted as proposed").
    #[must_use]
    pub fn changed_share(&self) -> Option<f64> {
        (self.decided > 0).then(|| (self.decided - self.as_proposed) as f64 / self.decided as f64)
    }

    fn count(&mut self, target: &LevelId, outcome: Option<(Outcome, Option<&LevelId>)>) {
        self.proposed += 1;
        let Some((outcome, new_level)) = outcome else { return };
        self.decided += 1;
        match outcome {
            Outcome::Promote if new_level == Some(target) => self.as_proposed += 1,
            Outcome::Promote => self.other_level += 1,
            Outcome::Hold | Outcome::NotThisCycle => self.not_promoted += 1,
            Outcome::LevelAdjust => self.adjusted += 1,
        }
    }
}

/// Proposed versus settled, per manager and per level proposed from (each in name order).
#[must_use]
pub fn before_after(session: &Session, track: Track) -> (Vec<Moved>, Vec<Moved>) {
    let mut managers: BTreeMap<String, Moved> = BTreeMap::new();
    let mut levels: BTreeMap<String, Moved> = BTreeMap::new();
    for (id, proposal) in &session.proposals {
        let Some(person) = session.person(id).filter(|p| p.track == track) else { continue };
        let decided = session.decisions.get(id).map(|d| (d.outcome, d.new_level.as_ref()));
        let manager = session.manager_name(person);
        let manager = if manager.is_empty() { "(no manager)" } else { manager };
        for (map, key) in [(&mut managers, manager), (&mut levels, person.level.as_str())] {
            let entry =
                map.entry(key.to_owned()).or_insert_with(|| Moved { group: key.to_owned(), ..Moved::default() });
            entry.count(&proposal.target, decided);
        }
    }
    (managers.into_values().collect(), levels.into_values().collect())
}

/// Years at the current level for one person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeInLevel {
    pub person: PersonId,
    pub name: String,
    pub team: String,
    pub level: LevelId,
    pub years: i64,
    /// To the day, for the team's mean.
    pub exact_years: f64,
}

/// One team's time in level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamTime {
    pub team: String,
    /// People whose roster gave a "level since" date.
    pub people: usize,
    pub mean_years: f64,
    pub longest_years: i64,
}

/// Time in level per person (longest first) and per team (longest mean first), on `today`. People
/// without a "level since" date are left out and counted.
#[must_use]
pub fn time_in_level(session: &Session, track: Track, today: Date) -> (Vec<TimeInLevel>, Vec<TeamTime>, usize) {
    let mut people: Vec<TimeInLevel> = Vec::new();
    let mut unknown = 0;
    for person in session.people.iter().filter(|p| p.track == track) {
        match person.years_in_level(today) {
            Some(years) => people.push(TimeInLevel {
                person: person.id.clone(),
                name: person.name.to_string(),
                team: person.team.to_string(),
                level: person.level.clone(),
                years,
                exact_years: person.exact_years_in_level(today).unwrap_or(0.0),
            }),
            None => unknown += 1,
        }
    }
    people.sort_by(|a, b| b.years.cmp(&a.years).then_with(|| a.name.cmp(&b.name)));
    let mut teams: BTreeMap<&str, (usize, f64, i64)> = BTreeMap::new();
    for p in &people {
        let entry = teams.entry(p.team.as_str()).or_default();
        entry.0 += 1;
        entry.1 += p.exact_years;
        entry.2 = entry.2.max(p.years);
    }
    let mut teams: Vec<TeamTime> = teams
        .into_iter()
        .map(|(team, (n, total, longest))| TeamTime {
            team: team.to_owned(),
            people: n,
            mean_years: total / n as f64,
            longest_years: longest,
        })
        .collect();
    teams.sort_by(|a, b| b.mean_years.total_cmp(&a.mean_years).then_with(|| a.team.cmp(&b.team)));
    (people, teams, unknown)
}

/// How often a reason code was given in one group's decisions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    /// The manager's name, or the team.
    pub group: String,
    /// The reason as the ladder words it, with the criterion it names.
    pub reason: String,
    pub decisions: usize,
}

/// The reasons given with decisions, per manager and per team: whether "budget" or "evidence
/// missing" clusters with one manager or group. Each in group order, most given first.
#[must_use]
pub fn reasons_by_group(session: &Session, track: Track) -> (Vec<ReasonCount>, Vec<ReasonCount>) {
    let mut managers: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut teams: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (id, decision) in &session.decisions {
        let Some(person) = session.person(id).filter(|p| p.track == track) else { continue };
        let manager = match session.manager_name(person) {
            "" => "(no manager)",
            name => name,
        };
        let team = if person.team.is_empty() { "(no team)" } else { person.team.as_str() };
        for reason in &decision.reasons {
            let label = session.ladder.reason_label(reason);
            *managers.entry((manager.to_owned(), label.clone())).or_default() += 1;
            *teams.entry((team.to_owned(), label)).or_default() += 1;
        }
    }
    let listed = |map: BTreeMap<(String, String), usize>| {
        let mut rows: Vec<ReasonCount> =
            map.into_iter().map(|((group, reason), decisions)| ReasonCount { group, reason, decisions }).collect();
        rows.sort_by(|a, b| a.group.cmp(&b.group).then(b.decisions.cmp(&a.decisions)).then(a.reason.cmp(&b.reason)));
        rows
    };
    (listed(managers), listed(teams))
}

/// Before / after and time in level, for the window's tabs and the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcomes {
    pub by_manager: Vec<Moved>,
    pub by_level: Vec<Moved>,
    pub people: Vec<TimeInLevel>,
    pub teams: Vec<TeamTime>,
    /// People whose roster gave no "level since" date.
    pub unknown: usize,
    /// Reason codes given with decisions, per manager and per team.
    pub reasons_by_manager: Vec<ReasonCount>,
    pub reasons_by_team: Vec<ReasonCount>,
}

impl Outcomes {
    #[must_use]
    pub fn compute(session: &Session, track: Track, today: Date) -> Outcomes {
        let (by_manager, by_level) = before_after(session, track);
        let (people, teams, unknown) = time_in_level(session, track, today);
        let (reasons_by_manager, reasons_by_team) = reasons_by_group(session, track);
        Outcomes { by_manager, by_level, people, teams, unknown, reasons_by_manager, reasons_by_team }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Decision, Person};

    fn session() -> Session {
        let ladder = crate::io::ladder_ron::default_ladder();
        let mut people = vec![
            Person::for_tests("1", "Ana", "Mo", "Core", "P2"),
            Person::for_tests("2", "Ben", "Mo", "Core", "P2"),
            Person::for_tests("3", "Cy", "Mo", "Core", "P3"),
            Person::for_tests("4", "Di", "Lu", "Web", "P3"),
            Person::for_tests("5", "Ed", "Lu", "Web", "P4"),
        ];
        let since = |y: i16| Some(jiff::civil::date(y, 6, 1));
        // On 2026-11-30: 1 → 5 y, 2 → 2 y, 3 → 0 y, 4 → 4 y, 5 unknown.
        (people[0].level_since, people[1].level_since) = (since(2021), since(2024));
        (people[2].level_since, people[3].level_since) = (since(2026), since(2022));
        Session::new("t", ladder, people)
    }

    use crate::model::proposal::propose_for_tests as propose;

    fn decide(s: &mut Session, id: &str, outcome: Outcome, new_level: Option<&str>) {
        let at = jiff::Timestamp::UNIX_EPOCH;
        let decision = Decision::new(outcome, new_level.map(LevelId::new), "r", "c", at);
        s.apply(Change::Decide { person: PersonId::new(id), decision: Some(decision) }, "c", at).expect("decide");
    }

    #[test]
    fn proposals_are_counted_by_what_the_committee_made_of_them() {
        let mut s = session();
        // Mo proposes Ana and Ben for P3 and Cy for P4; Lu proposes Di for P4.
        propose(&mut s, "1", "P3");
        propose(&mut s, "2", "P3");
        propose(&mut s, "3", "P4");
        propose(&mut s, "4", "P4");
        // Ana promoted as proposed; Ben held; Cy undecided; Di promoted as proposed.
        decide(&mut s, "1", Outcome::Promote, Some("P3"));
        decide(&mut s, "2", Outcome::Hold, None);
        decide(&mut s, "4", Outcome::Promote, Some("P4"));
        let (managers, levels) = before_after(&s, Track::IndividualContributor);
        let mo = managers.iter().find(|m| m.group == "Mo").expect("Mo");
        assert_eq!((mo.proposed, mo.decided, mo.as_proposed, mo.not_promoted), (3, 2, 1, 1));
        // Of Mo's 2 decided proposals the committee changed 1: 50 %.
        assert_eq!(mo.changed_share(), Some(0.5));
        let lu = managers.iter().find(|m| m.group == "Lu").expect("Lu");
        assert_eq!((lu.proposed, lu.decided, lu.as_proposed), (1, 1, 1));
        assert_eq!(lu.changed_share(), Some(0.0));
        // By level proposed from: P2 has Ana and Ben (1 promoted, 1 held); P3 has Cy (open) and Di.
        let p2 = levels.iter().find(|l| l.group == "P2").expect("P2");
        assert_eq!((p2.proposed, p2.decided, p2.as_proposed, p2.not_promoted), (2, 2, 1, 1));
        let p3 = levels.iter().find(|l| l.group == "P3").expect("P3");
        assert_eq!((p3.proposed, p3.decided, p3.as_proposed), (2, 1, 1));
        // The management track has none of these people.
        let (managers, levels) = before_after(&s, Track::Management);
        assert!(managers.is_empty() && levels.is_empty());
    }

    #[test]
    fn time_in_level_per_person_and_team() {
        let (people, teams, unknown) =
            time_in_level(&session(), Track::IndividualContributor, jiff::civil::date(2026, 11, 30));
        let years: Vec<(&str, i64)> = people.iter().map(|p| (p.name.as_str(), p.years)).collect();
        assert_eq!(years, [("Ana", 5), ("Di", 4), ("Ben", 2), ("Cy", 0)]);
        assert_eq!(unknown, 1, "Ed's roster gave no date");
        // Means count days, not whole years (which would bias them half a year low): Web's Di
        // 1,643 days → 4.50 y (first); Core's Ana, Ben and Cy 2,008 + 912 + 182 days → 2.83 y.
        assert_eq!(teams[0].team, "Web");
        assert!((teams[0].mean_years - 1643.0 / 365.2425).abs() < 1e-9, "{}", teams[0].mean_years);
        assert_eq!((teams[1].team.as_str(), teams[1].people, teams[1].longest_years), ("Core", 3, 5));
        assert!((teams[1].mean_years - 3102.0 / 3.0 / 365.2425).abs() < 1e-9, "{}", teams[1].mean_years);
    }
}
