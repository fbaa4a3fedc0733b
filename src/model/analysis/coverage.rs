//! How well a person's evidence covers a level's criteria: for each dimension, the criterion, the
//! evidence recorded against it, and whether it is met (rated "meets" or better). Used by the agenda
//! (thinnest cases first), the presenter view and gap letters.

use crate::model::evidence::{Evidence, Rating};
use crate::model::ids::{DimensionId, LevelId, PersonId};
use crate::model::session::Session;

/// One criterion of the target level, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionCheck<'s> {
    pub dimension: &'s DimensionId,
    /// The dimension's name ("Scope of impact").
    pub dimension_name: &'s str,
    /// What the level asks for.
    pub criterion: &'s str,
    pub evidence: Option<&'s Evidence>,
}

impl CriterionCheck<'_> {
    /// Rated "meets" or better.
    #[must_use]
    pub fn is_met(&self) -> bool {
        self.evidence.and_then(|e| e.rating).is_some_and(|r| r >= Rating::Meets)
    }
}

/// Every criterion of `level`, in the ladder's dimension order, with `person`'s evidence for it.
#[must_use]
pub fn criteria_checks<'s>(session: &'s Session, person: &PersonId, level: &LevelId) -> Vec<CriterionCheck<'s>> {
    let Some(level_def) = session.ladder.level(level) else { return Vec::new() };
    session
        .ladder
        .dimensions
        .iter()
        .filter_map(|dimension| {
            let criterion = level_def.criterion(&dimension.id)?;
            Some(CriterionCheck {
                dimension: &dimension.id,
                dimension_name: &dimension.name,
                criterion: &criterion.text,
                evidence: session.evidence_for(person, level, &dimension.id),
            })
        })
        .collect()
}

/// The criteria of `level` not yet met: no evidence, unrated, or rated below "meets".
#[must_use]
pub fn gaps<'s>(session: &'s Session, person: &PersonId, level: &LevelId) -> Vec<CriterionCheck<'s>> {
    criteria_checks(session, person, level).into_iter().filter(|c| !c.is_met()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Change;

    #[test]
    fn a_criterion_is_met_only_when_rated_meets_or_better() {
        let ladder = crate::io::ladder_ron::default_ladder();
        let ada = crate::model::Person::for_tests("1", "Ada", "", "", "P3");
        let mut session = Session::new("t", ladder, vec![ada]);
        let (id, p4) = (PersonId::new("1"), LevelId::new("P4"));
        assert_eq!(gaps(&session, &id, &p4).len(), 5, "no evidence: all five dimensions are gaps");
        let mut rate = |dimension: &str, rating| {
            let change = Change::SetEvidence {
                person: id.clone(),
                level: p4.clone(),
                dimension: DimensionId::new(dimension),
                rating,
                text: "seen".into(),
                links: Vec::new(),
            };
            session.apply(change, "m", jiff::Timestamp::UNIX_EPOCH).expect("rated");
        };
        rate("scope", Some(Rating::Meets));
        rate("technical", Some(Rating::Partly));
        rate("influence", None);
        rate("delivery", Some(Rating::Exceeds));
        let left: Vec<&str> = gaps(&session, &id, &p4).iter().map(|c| c.dimension.as_str()).collect();
        // Met: scope (meets), delivery (exceeds). Not: technical (partly), influence (unrated), communication (none).
        assert_eq!(left, ["technical", "influence", "communication"]);
    }
}
