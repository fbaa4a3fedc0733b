//! Whole-file checks for ladders and sessions, collecting every problem rather than stopping at the first.

use crate::model::ladder::{Ladder, Track};
use crate::model::rules::RuleError;
use crate::model::rules::{check_decision, check_placement, on_track};
use crate::model::session::Session;
use std::collections::HashSet;

/// Every problem with a ladder, in plain words. Empty means the ladder is usable.
#[must_use]
pub fn ladder_problems(ladder: &Ladder) -> Vec<String> {
    let mut problems = Vec::new();
    if ladder.bands.is_empty() {
        problems
            .push("`bands` is empty; list at least one band, e.g. [\"developing\", \"solid\", \"strong\"]".to_owned());
    }
    if ladder.dimensions.is_empty() {
        problems.push("`dimensions` is empty; list the dimensions criteria are written against".to_owned());
    }
    let mut dimension_ids = HashSet::new();
    for d in &ladder.dimensions {
        if !dimension_ids.insert(&d.id) {
            problems.push(format!("dimension id \"{}\" appears twice", d.id));
        }
    }
    if ladder.track_levels(Track::IndividualContributor).next().is_none() {
        problems.push("no level is on the IndividualContributor track".to_owned());
    }
    let mut level_ids = HashSet::new();
    let mut names: Vec<(String, &str)> = Vec::new();
    for level in &ladder.levels {
        if level.id.as_str().trim().is_empty() {
            problems.push(format!("level \"{}\" has an empty id", level.title));
        }
        if !level_ids.insert(&level.id) {
            problems.push(format!("level id \"{}\" appears twice; ids must be unique", level.id));
        }
        if level.title.trim().is_empty() {
            problems.push(format!("level {} has an empty title", level.id));
        }
        for d in &ladder.dimensions {
            if level.criterion(&d.id).is_none() {
                problems.push(format!("level {} has no criterion for dimension \"{}\"", level.id, d.id));
            }
        }
        for c in &level.criteria {
            if !dimension_ids.contains(&c.dimension) {
                problems.push(format!("level {} has a criterion for unknown dimension \"{}\"", level.id, c.dimension));
            }
        }
        for name in std::iter::once(level.id.as_str())
            .chain(std::iter::once(level.title.as_str()))
            .chain(level.aliases.iter().map(String::as_str))
        {
            names.push((name.trim().to_lowercase(), level.id.as_str()));
        }
    }
    names.sort();
    names.dedup();
    for pair in names.windows(2) {
        if pair[0].0 == pair[1].0 && pair[0].1 != pair[1].1 {
            problems.push(format!(
                "the name \"{}\" is used by both {} and {}; a roster value could not tell them apart",
                pair[0].0, pair[0].1, pair[1].1
            ));
        }
    }
    for e in &ladder.equivalences {
        for (id, track) in
            [(&e.individual_contributor, Track::IndividualContributor), (&e.management, Track::Management)]
        {
            match ladder.level(id) {
                Some(level) if level.track == track => {}
                Some(_) => {
                    problems.push(format!("equivalence names {id} as a {track} level, but it is on the other track"));
                }
                None => problems.push(format!("equivalence names unknown level {id}")),
            }
        }
    }
    problems
}

/// Every rule a loaded session breaks. Empty means the session is consistent.
#[must_use]
pub fn session_problems(session: &Session) -> Vec<RuleError> {
    let mut problems: Vec<RuleError> = ladder_problems(&session.ladder).into_iter().map(RuleError::Ladder).collect();
    let ladder = &session.ladder;
    let mut seen = HashSet::new();
    let kept_columns = session.kept_columns().count();
    for person in &session.people {
        if person.extra.len() > kept_columns {
            let surplus = RuleError::SurplusExtraValues { values: person.extra.len(), columns: kept_columns };
            problems.push(wrap(&person.id, surplus));
        }
        if !seen.insert(&person.id) {
            problems.push(RuleError::DuplicatePerson(person.id.clone()));
        }
        if let Err(e) = on_track(ladder, person, &person.level) {
            problems.push(wrap(&person.id, e));
        }
    }
    for (id, placement) in &session.placements {
        match session.person(id) {
            None => problems.push(RuleError::UnknownPerson(id.clone())),
            Some(person) => {
                if let Err(e) = check_placement(ladder, person, placement) {
                    problems.push(wrap(id, e));
                }
            }
        }
    }
    for (id, proposal) in &session.proposals {
        match session.person(id) {
            None => problems.push(RuleError::UnknownPerson(id.clone())),
            Some(person) => {
                if let Err(e) = on_track(ladder, person, &proposal.target) {
                    problems.push(wrap(id, e));
                } else if proposal.rationale.trim().is_empty() {
                    problems.push(wrap(id, RuleError::MissingRationale { what: "a proposal" }));
                }
            }
        }
    }
    for (id, decision) in &session.decisions {
        match session.person(id) {
            None => problems.push(RuleError::UnknownPerson(id.clone())),
            Some(person) => {
                if let Err(e) = check_decision(ladder, person, decision) {
                    problems.push(wrap(id, e));
                }
            }
        }
    }
    for evidence in &session.evidence {
        if session.person(&evidence.person).is_none() {
            problems.push(RuleError::UnknownPerson(evidence.person.clone()));
        }
        let known = ladder.level(&evidence.level).is_some_and(|l| l.criterion(&evidence.dimension).is_some());
        if !known {
            problems.push(wrap(
                &evidence.person,
                RuleError::UnknownCriterion { level: evidence.level.clone(), dimension: evidence.dimension.clone() },
            ));
        }
    }
    if let Some(targets) = &session.band_targets
        && let Err(e) = crate::model::rules::check_targets(targets, ladder.bands.len())
    {
        problems.push(e);
    }
    let mut note_ids = HashSet::new();
    for note in &session.notes {
        if !note_ids.insert(note.id) {
            problems.push(RuleError::DuplicateNote(note.id));
        }
        if session.person(&note.person).is_none() {
            problems.push(RuleError::UnknownPerson(note.person.clone()));
        }
    }
    problems
}

fn wrap(person: &crate::model::ids::PersonId, problem: RuleError) -> RuleError {
    RuleError::Person { person: person.clone(), problem: Box::new(problem) }
}
