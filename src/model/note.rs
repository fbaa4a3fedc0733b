//! Calibration notes: timestamped, attributed, never edited in place.

use super::ids::PersonId;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A note written about a person during preparation or the committee meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Sequential id within the session, so a note can be referred to (and removed by undo).
    pub id: u64,
    pub person: PersonId,
    pub at: Timestamp,
    pub author: String,
    pub text: String,
}
