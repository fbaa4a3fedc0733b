//! Two to four people side by side on one level's criteria: which level they are weighed against
//! (the level they are all proposed for, else the one above the most senior), and each criterion
//! with each person's evidence.

use super::coverage::criteria_checks;
use super::evidence::Evidence;
use super::ids::{LevelId, PersonId};
use super::session::Session;

/// The most people a comparison shows (more do not fit side by side).
pub const MAX_COMPARED: usize = 4;

/// One criterion of the level, with each compared person's evidence for it (in their order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow<'s> {
    pub dimension_name: &'s str,
    pub criterion: &'s str,
    pub evidence: Vec<Option<&'s Evidence>>,
}

/// The level to weigh `people` against: the target they are all proposed for; else the level above
/// the most senior of them on the first person's track (ranks on different tracks do not compare);
/// else that person's own level (at the top).
#[must_use]
pub fn comparison_level(session: &Session, people: &[PersonId]) -> Option<LevelId> {
    let targets: Vec<&LevelId> = people.iter().filter_map(|id| session.proposals.get(id).map(|p| &p.target)).collect();
    if let Some(first) = targets.first()
        && targets.len() == people.len()
        && targets.iter().all(|t| t == first)
    {
        return Some((*first).clone());
    }
    let track = session.person(people.first()?)?.track;
    let senior = people
        .iter()
        .filter_map(|id| session.person(id))
        .filter(|p| p.track == track)
        .max_by_key(|p| session.ladder.rank(&p.level).unwrap_or(0))?;
    Some(session.ladder.next_level(&senior.level).map_or_else(|| senior.level.clone(), |l| l.id.clone()))
}

/// Every criterion of `level`, in the ladder's order, with each person's evidence.
#[must_use]
pub fn compare_rows<'s>(session: &'s Session, people: &[PersonId], level: &LevelId) -> Vec<CompareRow<'s>> {
    let per_person: Vec<Vec<_>> = people.iter().map(|id| criteria_checks(session, id, level)).collect();
    let Some(first) = per_person.first() else { return Vec::new() };
    (0..first.len())
        .map(|i| CompareRow {
            dimension_name: first[i].dimension_name,
            criterion: first[i].criterion,
            evidence: per_person.iter().map(|checks| checks.get(i).and_then(|c| c.evidence)).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evidence::Rating;
    use crate::model::{Change, Person};

    fn session() -> Session {
        let ladder = crate::io::ladder_ron::default_ladder();
        let people = vec![
            Person::for_tests("1", "Ana", "Mo", "Core", "P2"),
            Person::for_tests("2", "Ben", "Mo", "Core", "P3"),
            Person::for_tests("3", "Cy", "Lu", "Web", "P6"),
        ];
        Session::new("t", ladder, people)
    }

    use crate::model::proposal::propose_for_tests as propose;

    #[test]
    fn the_level_is_the_shared_target_else_the_one_above_the_most_senior() {
        let mut s = session();
        let (ana, ben, cy) = (PersonId::new("1"), PersonId::new("2"), PersonId::new("3"));
        // No proposals: Ben (P3) is the most senior of Ana and Ben, so P4.
        assert_eq!(comparison_level(&s, &[ana.clone(), ben.clone()]), Some(LevelId::new("P4")));
        // Both proposed for P4: P4. Only one proposed: still the level above the most senior.
        propose(&mut s, "1", "P3");
        assert_eq!(comparison_level(&s, &[ana.clone(), ben.clone()]), Some(LevelId::new("P4")));
        propose(&mut s, "2", "P4");
        propose(&mut s, "1", "P4");
        assert_eq!(comparison_level(&s, &[ana.clone(), ben]), Some(LevelId::new("P4")));
        // P6 is the top of the track: its own level.
        assert_eq!(comparison_level(&s, &[ana.clone(), cy]), Some(LevelId::new("P6")));
        // A manager's rank does not count against an engineer's: the first person's track decides.
        let mut dee = Person::for_tests("4", "Dee", "Lu", "Web", "M4");
        dee.track = crate::model::Track::Management;
        s.people.push(dee);
        s.reindex();
        // Ana (P2) is the only engineer: the level above hers.
        assert_eq!(comparison_level(&s, &[ana, PersonId::new("4")]), Some(LevelId::new("P3")));
    }

    #[test]
    fn each_criterion_lists_each_persons_evidence_in_order() {
        let mut s = session();
        let p4 = LevelId::new("P4");
        let evidence = Change::SetEvidence {
            person: PersonId::new("2"),
            level: p4.clone(),
            dimension: s.ladder.dimensions[0].id.clone(),
            rating: Some(Rating::Meets),
            text: "Led the search rewrite".into(),
            links: Vec::new(),
        };
        s.apply(evidence, "m", jiff::Timestamp::UNIX_EPOCH).expect("evidence");
        let rows = compare_rows(&s, &[PersonId::new("1"), PersonId::new("2")], &p4);
        assert_eq!(rows.len(), s.ladder.dimensions.len(), "one row per dimension the level has a criterion in");
        assert_eq!(rows[0].evidence.len(), 2);
        assert!(rows[0].evidence[0].is_none(), "Ana has none");
        assert_eq!(rows[0].evidence[1].map(|e| e.text.as_str()), Some("Led the search rewrite"));
        assert!(rows[1].evidence.iter().all(Option::is_none));
    }
}
