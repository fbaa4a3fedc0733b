//! Pure calibration data and the rules that guard it. No egui, no file IO.

pub mod audit;
pub mod blind;
pub mod change;
pub mod conflict;
pub mod decision;
pub mod evidence;
pub mod ids;
pub mod ladder;
pub mod level_match;
pub mod merge;
pub mod note;
pub mod person;
pub mod proposal;
pub mod reporting;
pub mod roster_field;
pub mod roster_layout;
pub mod rules;
pub mod session;
pub mod status;
pub mod validate;

pub use audit::{AuditEvent, ChainBreak};
pub use change::{Applied, Change};
pub use conflict::{Conflict, ConflictOption, ConflictValue, MergedFile, Subject};
pub use decision::{Decision, Outcome};
pub use evidence::{Evidence, Rating};
pub use ids::{DimensionId, LevelId, PersonId};
pub use ladder::{Criterion, Dimension, Equivalence, Ladder, Level, LevelScheme, Track, YearsRange};
pub use level_match::LevelMatcher;
pub use note::Note;
pub use person::{ExtraColumns, Person, Placement};
pub use proposal::Proposal;
pub use roster_field::Field;
pub use roster_layout::{ExtraCells, RosterColumn};
pub use rules::RuleError;
pub use session::{CURRENT_FORMAT_VERSION, Session};
pub use status::Status;
