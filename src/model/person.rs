//! People on the roster and where each stands on the grid.

use super::ids::{LevelId, PersonId};
use super::ladder::Track;
use compact_str::CompactString;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Values of the roster columns Ladderboard keeps as they were; their headers are named once, in
/// `Session::roster_columns`.
pub type ExtraColumns = super::extra_cells::ExtraCells;

/// One engineer or manager, as imported from the roster. Text fields are `CompactString`s: names,
/// managers and teams are short, so they are stored inline rather than as one allocation each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: CompactString,
    /// The manager as the roster names them (a name or an id); kept verbatim.
    #[serde(default)]
    pub manager: CompactString,
    #[serde(default)]
    pub team: CompactString,
    pub track: Track,
    /// Level held today, before this calibration.
    pub level: LevelId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    /// Date the person reached their current level, when the roster says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_since: Option<Date>,
    /// Values of the roster columns Ladderboard does not interpret, in the session's column order.
    #[serde(default, skip_serializing_if = "ExtraColumns::is_empty")]
    pub extra: ExtraColumns,
    /// A read cell's text as the file had it, where Ladderboard's reading would write it back
    /// differently (level code `E5` read as `P3`): so an export can hand HR their own values back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub originals: Vec<(super::roster_field::Field, CompactString)>,
}

impl Person {
    /// The cell this person's `field` was read from, where it differs from the field's text.
    #[must_use]
    pub fn original(&self, field: super::roster_field::Field) -> Option<&str> {
        self.originals.iter().find(|(f, _)| *f == field).map(|(_, text)| text.as_str())
    }

    /// Years at the current level to the day, as a fraction (2.45): for means, which whole years
    /// would bias low by half a year.
    #[must_use]
    pub fn exact_years_in_level(&self, today: Date) -> Option<f64> {
        let since = self.level_since?;
        let days = since.until((jiff::Unit::Day, today)).ok()?.get_days();
        Some(f64::from(days.max(0)) / 365.2425)
    }

    /// Whole years at the current level on `today`, if the roster gave a date.
    #[must_use]
    pub fn years_in_level(&self, today: Date) -> Option<i64> {
        let since = self.level_since?;
        // Counted in years: a plain `until` counts days, and its year field would always be 0.
        let span = since.until((jiff::Unit::Year, today)).ok()?;
        let years = span.get_years();
        Some(i64::from(years.max(0)))
    }
}

/// Where a person stands on the calibration grid: a level and a band within it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub level: LevelId,
    /// Index into the ladder's bands, lowest first.
    pub band: usize,
}

impl Person {
    /// An IC at `level` with no dates or extra columns: the person unit tests build on.
    #[cfg(test)]
    #[must_use]
    pub(crate) fn for_tests(id: &str, name: &str, manager: &str, team: &str, level: &str) -> Person {
        Person {
            id: PersonId::new(id),
            name: name.into(),
            manager: manager.into(),
            team: team.into(),
            track: Track::IndividualContributor,
            level: LevelId::new(level),
            start_date: None,
            level_since: None,
            extra: ExtraColumns::new(),
            originals: Vec::new(),
        }
    }
}
