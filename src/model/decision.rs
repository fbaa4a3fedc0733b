//! The committee's decision for a person.

use super::ids::{DimensionId, LevelId};
use jiff::Timestamp;
use jiff::civil::Date;
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
    /// The reason codes beside the rationale (the ladder's list, `Ladder::reason_codes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
    /// Committee members in the room when it was decided, and those who had stepped out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recused: Vec<String>,
    /// When a level change takes effect (the cycle's date unless set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// Why a promotion went over the budget, when it did.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub over_budget: String,
}

impl Decision {
    /// A decision with only what every decision has; the meeting's context left empty.
    #[must_use]
    pub fn new(outcome: Outcome, new_level: Option<LevelId>, rationale: &str, by: &str, at: Timestamp) -> Self {
        Decision {
            outcome,
            new_level,
            rationale: rationale.to_owned(),
            decided_by: by.to_owned(),
            decided_at: at,
            time_spent_secs: None,
            reasons: Vec::new(),
            present: Vec::new(),
            recused: Vec::new(),
            effective: None,
            over_budget: String::new(),
        }
    }

    /// The rationale without its internal paragraphs: what a letter may quote.
    #[must_use]
    pub fn shareable_rationale(&self) -> String {
        shareable(&self.rationale)
    }
}

/// `text` without what is marked internal: from a line starting with "Internal:" to the next
/// blank line, the text stays with the committee.
#[must_use]
pub fn shareable(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut internal = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            internal = false;
            out.push(line);
            continue;
        }
        if line.trim_start().get(..9).is_some_and(|w| w.eq_ignore_ascii_case("internal:")) {
            internal = true;
        }
        if !internal {
            out.push(line);
        }
    }
    let joined = out.join("\n");
    let mut kept: Vec<&str> = Vec::new();
    for paragraph in joined.split("\n\n") {
        if !paragraph.trim().is_empty() {
            kept.push(paragraph.trim_matches('\n'));
        }
    }
    kept.join("\n\n")
}

/// A reason code on a decision, with the criterion it names when the code asks for one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reason {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<DimensionId>,
}

/// A reason a ladder offers ("scope not yet sustained"); `names_criterion` asks for the criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonCode {
    pub code: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub names_criterion: bool,
}

/// The reasons a ladder offers when its file names none.
#[must_use]
pub fn default_reason_codes() -> Vec<ReasonCode> {
    let code = |code: &str, label: &str, names_criterion| ReasonCode {
        code: code.to_owned(),
        label: label.to_owned(),
        names_criterion,
    };
    vec![
        code("evidence-missing", "evidence missing for a criterion", true),
        code("scope-not-sustained", "scope not yet sustained", false),
        code("time-in-level", "time in level", false),
        code("budget", "budget", false),
        code("criteria-met", "criteria met", false),
        code("other", "other", false),
    ]
}

#[cfg(test)]
mod tests {
    use super::shareable;

    #[test]
    fn internal_paragraphs_never_reach_a_letter() {
        let text = "Strong delivery.\nLed the migration.\n\nInternal: manager pushed hard, budget tight.\nSecond line.\n\nRevisit in H1.";
        assert_eq!(shareable(text), "Strong delivery.\nLed the migration.\n\nRevisit in H1.");
        assert_eq!(shareable("INTERNAL: all of it"), "");
        assert_eq!(shareable("Not internal: here"), "Not internal: here");
        assert_eq!(shareable("Strong delivery.\nInternal: budget tight\nmore\n\nNext."), "Strong delivery.\n\nNext.");
    }
}
