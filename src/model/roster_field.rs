//! The fields Ladderboard reads from a roster's columns. Which headers mean which field is the
//! importer's business (`io::roster::columns`); the session records which column gave which field.

use serde::{Deserialize, Serialize};

/// A column Ladderboard understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Id,
    Name,
    FirstName,
    LastName,
    Manager,
    Team,
    Level,
    Track,
    StartDate,
    LevelSince,
}

impl Field {
    /// Every field, in the order columns are reported.
    pub const ALL: [Field; 10] = [
        Field::Id,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Manager,
        Field::Team,
        Field::Level,
        Field::Track,
        Field::StartDate,
        Field::LevelSince,
    ];

    /// The name used on the command line (`--column level="Job Level"`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Manager => "manager",
            Field::Team => "team",
            Field::Level => "level",
            Field::Track => "track",
            Field::StartDate => "start_date",
            Field::LevelSince => "level_since",
        }
    }

    /// The field a command-line name means.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Field> {
        let key = key.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}
