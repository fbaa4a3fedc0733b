//! Reporting lines: who reports to whom, as the roster says. A person managing themself and a loop
//! of managers (A reports to B, B to A) are errors in the HR data that would put people in no
//! manager's view; a manager who is not in the roster (a director outside the calibration) is fine.

use super::person::Person;
use rustc_hash::FxHashMap as HashMap;
use std::collections::hash_map::Entry;

/// A broken reporting line, naming the people in it (by index into the roster).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportingProblem {
    /// The person's manager is the person.
    ManagesThemself(usize),
    /// Following managers from the first person comes back to them: the people in the loop, in order.
    Loop(Vec<usize>),
}

/// Each person's manager as an index into `people`: the roster's manager text matched to an id, or
/// else to the one person with that name; `None` for no manager or one outside the roster.
#[must_use]
pub fn manager_indices(people: &[Person]) -> Vec<Option<usize>> {
    manager_indices_by(people, &IdIndex::of(people))
}

/// Each id's first person, and the later people who repeat an id (for the caller to report).
pub struct IdIndex<'p> {
    first: HashMap<&'p str, usize>,
    pub repeats: Vec<usize>,
}

impl<'p> IdIndex<'p> {
    #[must_use]
    pub fn of(people: &'p [Person]) -> Self {
        let mut first: HashMap<&str, usize> = HashMap::default();
        first.reserve(people.len());
        let mut repeats = Vec::new();
        for (i, person) in people.iter().enumerate() {
            match first.entry(person.id.as_str()) {
                Entry::Occupied(_) => repeats.push(i),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        IdIndex { first, repeats }
    }

    /// The first person with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<usize> {
        self.first.get(id).copied()
    }
}

/// As [`manager_indices`], with the id index already built.
#[must_use]
pub fn manager_indices_by(people: &[Person], ids: &IdIndex<'_>) -> Vec<Option<usize>> {
    /// Who a manager text that is no one's id names, as the names are read.
    #[derive(Clone, Copy)]
    enum Named {
        Nobody,
        One(usize),
        /// Two people with one name cannot be told apart as a manager: neither is matched.
        Several,
    }
    // Each person's manager by id, else the number of its text among the texts that are no one's
    // id (each kept once: a roster names a few hundred managers, so looking every name up among
    // these costs less than indexing every person's name).
    let mut texts: HashMap<&str, usize> = HashMap::default();
    let by_id: Vec<Result<Option<usize>, usize>> = people
        .iter()
        .map(|person| {
            let manager = person.manager.as_str();
            if manager.is_empty() {
                return Ok(None);
            }
            ids.get(manager).map(Some).ok_or_else(|| {
                let next = texts.len();
                *texts.entry(manager).or_insert(next)
            })
        })
        .collect();
    let mut named = vec![Named::Nobody; texts.len()];
    if !texts.is_empty() {
        for (i, person) in people.iter().enumerate() {
            if let Some(&text) = texts.get(person.name.as_str()) {
                named[text] = match named[text] {
                    Named::Nobody => Named::One(i),
                    Named::One(_) | Named::Several => Named::Several,
                };
            }
        }
    }
    // A name as HR writes it in a manager column — "Sample, Grace" for "Grace Sample", in any
    // case — is looked up by its folded form; a second pass, only when such a text is left over.
    let left: Vec<(&str, usize)> = texts
        .iter()
        .filter(|&(text, &n)| matches!(named[n], Named::Nobody) && text.contains(','))
        .map(|(&text, &n)| (text, n))
        .collect();
    if !left.is_empty() {
        let mut folded: HashMap<String, Vec<usize>> = HashMap::default();
        for (text, n) in left {
            folded.entry(name_key(text)).or_default().push(n);
        }
        for (i, person) in people.iter().enumerate() {
            let Some(texts) = folded.get(&name_key(&person.name)) else { continue };
            for &text in texts {
                named[text] = match named[text] {
                    Named::Nobody => Named::One(i),
                    Named::One(j) if j == i => Named::One(i),
                    Named::One(_) | Named::Several => Named::Several,
                };
            }
        }
    }
    by_id
        .into_iter()
        .map(|found| match found {
            Ok(found) => found,
            Err(text) => match named[text] {
                Named::One(i) => Some(i),
                Named::Nobody | Named::Several => None,
            },
        })
        .collect()
}

/// A person's name folded for matching a manager text: `Last, First` turned to `First Last`,
/// spaces collapsed, case ignored.
#[must_use]
pub fn name_key(text: &str) -> String {
    let text = match text.split_once(',') {
        Some((last, first)) if !first.trim().is_empty() && !last.trim().is_empty() => format!("{first} {last}"),
        _ => text.to_owned(),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Every person who manages themself, and every loop of managers (each loop reported once).
#[must_use]
pub fn reporting_problems(people: &[Person]) -> Vec<ReportingProblem> {
    reporting_problems_by(people, &IdIndex::of(people))
}

/// As [`reporting_problems`], with the id index already built.
#[must_use]
pub fn reporting_problems_by(people: &[Person], ids: &IdIndex<'_>) -> Vec<ReportingProblem> {
    let managers = manager_indices_by(people, ids);
    let mut problems = Vec::new();
    // 0 = not visited, 1 = on the current path, 2 = settled.
    let mut state = vec![0u8; people.len()];
    for start in 0..people.len() {
        if managers[start] == Some(start) {
            problems.push(ReportingProblem::ManagesThemself(start));
            state[start] = 2;
        }
    }
    let mut path = Vec::new();
    for start in 0..people.len() {
        if state[start] == 2 {
            continue;
        }
        path.clear();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    problems.push(ReportingProblem::Loop(path[from..].to_vec()));
                    break;
                }
                _ => {
                    state[i] = 1;
                    path.push(i);
                    at = managers[i];
                }
            }
        }
        for &i in &path {
            state[i] = 2;
        }
    }
    problems
}

impl ReportingProblem {
    /// A sentence naming the people: "Ada (E1) reports to Ben (E2), who reports to Ada (E1)".
    #[must_use]
    pub fn describe(&self, people: &[Person]) -> String {
        let who = |i: usize| format!("{} ({})", people[i].name, people[i].id);
        match self {
            ReportingProblem::ManagesThemself(i) => format!("{} is given as their own manager", who(*i)),
            ReportingProblem::Loop(members) => {
                let mut chain: Vec<String> = members.iter().map(|&i| who(i)).collect();
                chain.push(who(members[0]));
                format!("managers form a loop: {}", chain.join(" reports to "))
            }
        }
    }

    /// The first person named, to place the problem on their row.
    #[must_use]
    pub fn first(&self) -> usize {
        match self {
            ReportingProblem::ManagesThemself(i) => *i,
            ReportingProblem::Loop(members) => members[0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LevelId, PersonId, Track};

    fn person(id: &str, name: &str, manager: &str) -> Person {
        Person {
            id: PersonId::new(id),
            name: name.into(),
            manager: manager.into(),
            team: "T".into(),
            track: Track::IndividualContributor,
            level: LevelId::new("P2"),
            start_date: None,
            level_since: None,
            extra: crate::model::ExtraColumns::new(),
            originals: Vec::new(),
        }
    }

    #[test]
    fn managers_are_found_by_id_or_by_a_unique_name() {
        let people =
            [person("E1", "Ada", ""), person("E2", "Ben", "E1"), person("E3", "Cy", "Ada"), person("E4", "Di", "Zed")];
        assert_eq!(manager_indices(&people), vec![None, Some(0), Some(0), None]);
    }

    #[test]
    fn managers_written_last_comma_first_or_in_another_case_are_matched() {
        let people = [
            person("101", "Ada Example", "Sample, Grace"),
            person("102", "Ben Example", "sample,  grace"),
            person("103", "Grace Sample", "Example, Ada"),
            person("104", "Cy Example", "Nobody, Known"),
        ];
        assert_eq!(manager_indices(&people), vec![Some(2), Some(2), Some(0), None]);
        let loops = reporting_problems(&people);
        assert_eq!(loops, vec![ReportingProblem::Loop(vec![0, 2])]);
        assert_eq!(
            loops[0].describe(&people),
            "managers form a loop: Ada Example (101) reports to Grace Sample (103) reports to Ada Example (101)"
        );
    }

    #[test]
    fn a_manager_named_by_a_name_two_people_share_is_not_matched() {
        let people = [
            person("E1", "Ada", ""),
            person("E2", "Ada", ""),
            person("E3", "Cy", "Ada"),
            person("E4", "Di", "Cy"),
            person("E5", "Ada", "Cy"),
        ];
        assert_eq!(manager_indices(&people), vec![None, None, None, Some(2), Some(2)]);
    }

    #[test]
    fn a_self_manager_and_a_loop_of_three_are_reported_once_each() {
        let people = [
            person("E1", "Ada", "E1"),
            person("E2", "Ben", "E3"),
            person("E3", "Cy", "E4"),
            person("E4", "Di", "Ben"),
            person("E5", "Eve", "E2"), // reports into the loop but is not part of it
            person("E6", "Fay", "Outside Director"),
        ];
        let problems = reporting_problems(&people);
        assert_eq!(problems, vec![ReportingProblem::ManagesThemself(0), ReportingProblem::Loop(vec![1, 2, 3])]);
        assert_eq!(
            problems[1].describe(&people),
            "managers form a loop: Ben (E2) reports to Cy (E3) reports to Di (E4) reports to Ben (E2)"
        );
    }
}
