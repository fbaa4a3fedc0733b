//! The committee's decision for a person.

use super::ids::LevelId;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the committee decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// Promoted to a higher level on the same track.
    Promote,
    /// Stays at the current level; reviewed again next cycle.
    Hold,
    /// Level corrected (e.g. mis-levelled at hire), up or down or across tracks' equivalents.
    LevelAdjust,
    /// Not considered this cycle.
    NotThisCycle,
}

impl Outcome {
    /// Every outcome in menu order.
    pub const ALL: [Outcome; 4] = [Outcome::Promote, Outcome::Hold, Outcome::LevelAdjust, Outcome::NotThisCycle];

    /// Words shown to people and written to CSV.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Promote => "promote",
            Outcome::Hold => "hold",
            Outcome::LevelAdjust => "level adjust",
            Outcome::NotThisCycle => "not this cycle",
        }
    }

    /// Whether this outcome moves the person to a new level.
    #[must_use]
    pub fn changes_level(self) -> bool {
        matches!(self, Outcome::Promote | Outcome::LevelAdjust)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A settled decision with its written reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    /// The level after the decision; set exactly when the outcome changes the level.
    pub new_level: Option<LevelId>,
    pub rationale: String,
    pub decided_by: String,
    pub decided_at: Timestamp,
    /// How long the committee spent on the candidate, when decided in the meeting's presenter view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_spent_secs: Option<u64>,
}
