//! Every way a change or a session can break the rules, as a typed error with words a person can act on.

use super::decision::Outcome;
use super::ids::{DimensionId, LevelId, PersonId};
use super::ladder::Track;
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
}
