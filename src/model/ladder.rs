//! The career ladder: tracks, levels in order, criteria per dimension, and equivalences.

use super::ids::{DimensionId, LevelId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The two parallel career tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub enum Track {
    /// Individual contributor.
    #[default]
    IndividualContributor,
    /// People management.
    Management,
}

impl Track {
    /// Both tracks, in display order.
    pub const ALL: [Track; 2] = [Track::IndividualContributor, Track::Management];

    /// Short label used in tables and CSV.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Track::IndividualContributor => "IC",
            Track::Management => "Management",
        }
    }

    /// Parses what spreadsheets write for a track ("IC", "individual contributor", "manager" …).
    #[must_use]
    pub fn parse(text: &str) -> Option<Track> {
        let key: String = text.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
        match key.as_str() {
            "ic" | "individualcontributor" | "individual" | "engineering" | "engineer" | "technical" | "no" | "n" => {
                Some(Track::IndividualContributor)
            }
            "m" | "mgmt" | "management" | "manager" | "people" | "peoplemanagement" | "em" | "yes" | "y" => {
                Some(Track::Management)
            }
            // HR "management level" values: "Senior Manager", "Director", "Vice President", "Executive".
            _ if ["manag", "director", "vicepresident", "executive", "supervisor"].iter().any(|w| key.contains(w)) => {
                Some(Track::Management)
            }
            _ if key.contains("contributor") || key.contains("professional") => Some(Track::IndividualContributor),
            _ => None,
        }
    }
}

impl fmt::Display for Track {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A dimension along which levels are told apart (scope, technical depth, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: DimensionId,
    pub name: String,
    pub summary: String,
}

/// What a level expects along one dimension, written as observable behaviour.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub dimension: DimensionId,
    pub text: String,
}

/// Typical years of experience, as a range that may be open at the top.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearsRange {
    pub min: u8,
    pub max: Option<u8>,
}

impl fmt::Display for YearsRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.max {
            Some(max) => write!(f, "{}–{} years", self.min, max),
            None => write!(f, "{}+ years", self.min),
        }
    }
}

/// One rung of a track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    pub id: LevelId,
    pub track: Track,
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub typical_years: Option<YearsRange>,
    pub criteria: Vec<Criterion>,
}

impl Level {
    /// The criterion for a dimension, if the level defines one.
    #[must_use]
    pub fn criterion(&self, dimension: &DimensionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| &c.dimension == dimension)
    }

    /// "P3 Senior".
    #[must_use]
    pub fn label(&self) -> String {
        format!("{} {}", self.id, self.title)
    }
}

/// An IC level and a management level held to be of the same seniority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Equivalence {
    pub individual_contributor: LevelId,
    pub management: LevelId,
}

/// A whole career ladder. Levels are listed lowest first within each track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ladder {
    pub name: String,
    pub dimensions: Vec<Dimension>,
    /// Bands within every level, lowest first (e.g. developing, solid, strong).
    pub bands: Vec<String>,
    pub levels: Vec<Level>,
    #[serde(default)]
    pub equivalences: Vec<Equivalence>,
    /// Companies' own level codes, which mean different levels at different companies ("IC5" is
    /// senior at Meta). A roster import uses one only when the user names it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemes: Vec<LevelScheme>,
    /// The reason codes a decision may give; empty for the defaults (`reason_codes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<super::decision::ReasonCode>,
}

/// One company's level codes and the ladder level each means: Meta's `E5` and `IC5` are both P3.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelScheme {
    pub name: String,
    pub codes: Vec<(String, LevelId)>,
}

impl Ladder {
    /// The reason codes decisions take: the ladder file's own, else the defaults.
    #[must_use]
    pub fn reason_codes(&self) -> Vec<super::decision::ReasonCode> {
        if self.reasons.is_empty() { super::decision::default_reason_codes() } else { self.reasons.clone() }
    }

    /// How a reason reads: its label, with the criterion's name when it names one.
    #[must_use]
    pub fn reason_label(&self, reason: &super::decision::Reason) -> String {
        let codes = self.reason_codes();
        let label = codes.iter().find(|c| c.code == reason.code).map_or(reason.code.as_str(), |c| c.label.as_str());
        match &reason.criterion {
            Some(d) => {
                let name = self.dimensions.iter().find(|x| &x.id == d).map_or(d.as_str(), |x| x.name.as_str());
                format!("{label}: {name}")
            }
            None => label.to_owned(),
        }
    }

    /// The level code scheme with this name (case-insensitive).
    #[must_use]
    pub fn scheme(&self, name: &str) -> Option<&LevelScheme> {
        self.schemes.iter().find(|s| s.name.eq_ignore_ascii_case(name.trim()))
    }

    /// Every scheme that defines `code` (case-insensitive), with the level it means there.
    pub fn code_meanings<'a>(&'a self, code: &'a str) -> impl Iterator<Item = (&'a str, &'a LevelId)> + 'a {
        self.schemes.iter().filter_map(move |scheme| {
            scheme
                .codes
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
                .map(|(_, level)| (scheme.name.as_str(), level))
        })
    }

    /// The level with this id, on any track.
    #[must_use]
    pub fn level(&self, id: &LevelId) -> Option<&Level> {
        self.levels.iter().find(|l| &l.id == id)
    }

    /// Levels of one track, lowest first.
    pub fn track_levels(&self, track: Track) -> impl Iterator<Item = &Level> {
        self.levels.iter().filter(move |l| l.track == track)
    }

    /// Position of a level within its track (0 = lowest), used to compare seniority.
    #[must_use]
    pub fn rank(&self, id: &LevelId) -> Option<usize> {
        let level = self.level(id)?;
        self.track_levels(level.track).position(|l| l.id == *id)
    }

    /// The level above this one on its track, if any.
    #[must_use]
    pub fn next_level(&self, id: &LevelId) -> Option<&Level> {
        let level = self.level(id)?;
        let rank = self.rank(id)?;
        self.track_levels(level.track).nth(rank + 1)
    }

    /// Levels on the other track held equivalent to this one.
    #[must_use]
    pub fn equivalents(&self, id: &LevelId) -> Vec<&LevelId> {
        self.equivalences
            .iter()
            .filter_map(|e| {
                if &e.individual_contributor == id {
                    Some(&e.management)
                } else if &e.management == id {
                    Some(&e.individual_contributor)
                } else {
                    None
                }
            })
            .collect()
    }

    /// The dimension with this id.
    #[must_use]
    pub fn dimension(&self, id: &DimensionId) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| &d.id == id)
    }

    /// "P1 Junior, P2 Mid, …" for error messages that list valid choices.
    #[must_use]
    pub fn level_list(&self, track: Option<Track>) -> String {
        self.levels
            .iter()
            .filter(|l| track.is_none_or(|t| l.track == t))
            .map(Level::label)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The band index that new placements start in: the middle band.
    #[must_use]
    pub fn default_band(&self) -> usize {
        self.bands.len() / 2
    }
}
