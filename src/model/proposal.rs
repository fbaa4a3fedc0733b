//! A manager's proposal to move a person to a target level.

use super::ids::LevelId;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Proposed target level and the case for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub target: LevelId,
    pub rationale: String,
    pub proposer: String,
    pub proposed_at: Timestamp,
}
