//! Every way a change or a session can break the rules, as a typed error with words a person can act on.

use super::decision::{Decision, Outcome};
use super::ids::{DimensionId, LevelId, PersonId};
use super::ladder::Ladder;
use super::ladder::Track;
use super::person::{Person, Placement};
use thiserror::Error;

/// A rule that a change or a session broke.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("no person with id \"{0}\" in this session")]
    UnknownPerson(PersonId),
    #[error("level \"{level}\" is not on the ladder; valid levels: {valid}")]
    UnknownLevel { level: LevelId, valid: String },
    #[error("level \"{level}\" is not on the {track} track; valid levels there: {valid}")]
    WrongTrack { level: LevelId, track: Track, valid: String },
    #[error("target level {target} is not above the current level {current}; propose a higher level")]
    NotAbove { target: LevelId, current: LevelId },
    #[error("{what} needs a written rationale")]
    MissingRationale { what: &'static str },
    #[error("{0}: shorten it")]
    TooLong(crate::model::text_limits::LongText),
    #[error("band {band} does not exist; the ladder has {bands} bands")]
    BandOutOfRange { band: usize, bands: usize },
    #[error("dimension \"{dimension}\" has no criterion at level {level}")]
    UnknownCriterion { level: LevelId, dimension: DimensionId },
    #[error("no note with id {0}")]
    UnknownNote(u64),
    #[error("a note with id {0} already exists")]
    DuplicateNote(u64),
    #[error("a note needs some text")]
    EmptyNote,
    #[error("a \"{0}\" decision needs the new level")]
    NewLevelRequired(Outcome),
    #[error("a \"{0}\" decision keeps the current level; leave the new level empty")]
    NewLevelNotAllowed(Outcome),
    #[error("the new level {new} is the level held today; choose \"hold\" instead")]
    SameLevel { new: LevelId },
    #[error("target shares must give one share per band ({bands}) adding up to 100 % (they add up to {sum} %)")]
    BadTargets { bands: usize, sum: i64 },
    #[error("a time box of 0 minutes: give each candidate at least a minute")]
    ZeroTimeBox,
    #[error("this session is final: reopen it with a reason (File → Reopen…) before changing it")]
    Final,
    #[error("this session is final already")]
    AlreadyFinal,
    #[error("this session is not final: there is nothing to reopen")]
    NotFinal,
    #[error("no open conflict {0} (it may have been settled already)")]
    UnknownConflict(u64),
    #[error("person id \"{0}\" appears more than once; ids must be unique")]
    DuplicatePerson(PersonId),
    #[error("has {values} values for the roster's extra columns, but the session names {columns} (`roster_columns`)")]
    SurplusExtraValues { values: usize, columns: usize },
    #[error("person \"{person}\": {problem}")]
    Person { person: PersonId, problem: Box<RuleError> },
    #[error("ladder: {0}")]
    Ladder(String),
    #[error("{member} is recused for {person}: a member who stepped out cannot record the decision")]
    Recused { member: String, person: String },
    #[error("over budget ({0}): say why this promotion goes over")]
    OverBudget(String),
    #[error("no reason code \"{code}\"; the ladder's codes: {valid}")]
    UnknownReason { code: String, valid: String },
    #[error("the reason \"{0}\" names a criterion: choose which one")]
    ReasonNeedsCriterion(String),
    #[error("{0} is not a member of the committee: add them first (Meeting → Committee)")]
    NotAMember(String),
    #[error("{what} needs {needs}")]
    Missing { what: &'static str, needs: &'static str },
    #[error("{0}")]
    Committee(String),
}

pub(crate) fn unknown_level(ladder: &Ladder, level: &LevelId) -> RuleError {
    RuleError::UnknownLevel { level: level.clone(), valid: ladder.level_list(None) }
}

/// The level must exist and be on the person's track.
pub(crate) fn on_track(ladder: &Ladder, person: &Person, level: &LevelId) -> Result<(), RuleError> {
    let found = ladder.level(level).ok_or_else(|| unknown_level(ladder, level))?;
    if found.track == person.track {
        Ok(())
    } else {
        Err(RuleError::WrongTrack {
            level: level.clone(),
            track: person.track,
            valid: ladder.level_list(Some(person.track)),
        })
    }
}

/// A grid cell a person may stand in: a level on their track and a band the ladder has. The one
/// check behind both a move and the validator.
pub(crate) fn check_placement(ladder: &Ladder, person: &Person, placement: &Placement) -> Result<(), RuleError> {
    on_track(ladder, person, &placement.level)?;
    if placement.band >= ladder.bands.len() {
        return Err(RuleError::BandOutOfRange { band: placement.band, bands: ladder.bands.len() });
    }
    Ok(())
}

pub(crate) fn require_rationale(text: &str, what: &'static str) -> Result<(), RuleError> {
    if text.trim().is_empty() { Err(RuleError::MissingRationale { what }) } else { Ok(()) }
}

/// A decision needs a rationale; promotions go up the person's track; adjustments go to another level.
pub(crate) fn check_decision(ladder: &Ladder, person: &Person, decision: &Decision) -> Result<(), RuleError> {
    require_rationale(&decision.rationale, "a decision")?;
    match (decision.outcome, &decision.new_level) {
        (Outcome::Promote, Some(new)) => {
            on_track(ladder, person, new)?;
            if ladder.rank(new) <= ladder.rank(&person.level) {
                return Err(RuleError::NotAbove { target: new.clone(), current: person.level.clone() });
            }
            Ok(())
        }
        (Outcome::LevelAdjust, Some(new)) => {
            ladder.level(new).ok_or_else(|| unknown_level(ladder, new))?;
            if *new == person.level { Err(RuleError::SameLevel { new: new.clone() }) } else { Ok(()) }
        }
        (outcome @ (Outcome::Promote | Outcome::LevelAdjust), None) => Err(RuleError::NewLevelRequired(outcome)),
        (outcome @ (Outcome::Hold | Outcome::NotThisCycle), Some(_)) => Err(RuleError::NewLevelNotAllowed(outcome)),
        (Outcome::Hold | Outcome::NotThisCycle, None) => Ok(()),
    }
}

/// Target shares: one per band, each between 0 and 1, adding up to 1; a tolerance between 0 and 1.
/// (A number that is not a number fails every one of these.)
pub(crate) fn check_targets(targets: &super::band_targets::BandTargets, bands: usize) -> Result<(), RuleError> {
    let sum: f64 = targets.shares.iter().sum();
    let share_ok = |s: &f64| (0.0..=1.0).contains(s);
    if targets.shares.len() != bands
        || !targets.shares.iter().all(share_ok)
        || !sum.is_finite()
        || (sum - 1.0).abs() > 0.005
        || !share_ok(&targets.tolerance)
    {
        #[expect(clippy::cast_possible_truncation, reason = "a percentage; a NaN sum shows as 0")]
        let sum = if sum.is_finite() { (sum * 100.0).round() as i64 } else { 0 };
        return Err(RuleError::BadTargets { bands, sum });
    }
    Ok(())
}
