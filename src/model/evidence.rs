//! Evidence recorded against a level's criterion for one person.

use super::ids::{DimensionId, LevelId, PersonId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How well the evidence shows the criterion is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub enum Rating {
    #[default]
    NotYet,
    Partly,
    Meets,
    Exceeds,
}

impl Rating {
    /// Every rating, lowest first.
    pub const ALL: [Rating; 4] = [Rating::NotYet, Rating::Partly, Rating::Meets, Rating::Exceeds];

    /// Words shown to people.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Rating::NotYet => "not yet",
            Rating::Partly => "partly",
            Rating::Meets => "meets",
            Rating::Exceeds => "exceeds",
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Evidence for one person against one criterion (a level and a dimension).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub person: PersonId,
    pub level: LevelId,
    pub dimension: DimensionId,
    pub rating: Option<Rating>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub links: Vec<String>,
}
