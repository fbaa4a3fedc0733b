//! The committee meeting: members' pre-read marks, the agenda of candidates with its order and time
//! box, and the tally the room sees. All derived from the session but the marks and the meeting's
//! settings, which are saved in it.

use super::committee::{ActionItem, Budget, Deferral, Member, Presence, Recusal};
use super::ids::{LevelId, PersonId};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A member's pre-read view of one candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Vote {
    Agree,
    Question,
    Abstain,
}

impl Vote {
    pub const ALL: [Vote; 3] = [Vote::Agree, Vote::Question, Vote::Abstain];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Vote::Agree => "agree",
            Vote::Question => "question",
            Vote::Abstain => "abstain",
        }
    }
}

/// One member's mark on one candidate, with a short comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub member: String,
    pub person: PersonId,
    pub vote: Vote,
    #[serde(default)]
    pub comment: String,
    pub at: Timestamp,
}

/// How the members marked one candidate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub agree: usize,
    pub question: usize,
    pub abstain: usize,
    /// Marks of members recused for the candidate, or without a vote (observers, HR partners).
    pub not_counted: usize,
}

impl Tally {
    /// "2 agree · 1 question", or "no marks".
    #[must_use]
    pub fn describe(self) -> String {
        let parts: Vec<String> = [(self.agree, "agree"), (self.question, "question"), (self.abstain, "abstain")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, label)| format!("{n} {label}"))
            .collect();
        let counted = if parts.is_empty() { "no marks".to_owned() } else { parts.join(" · ") };
        if self.not_counted == 0 {
            counted
        } else {
            format!("{counted} ({} not counted: recused or no vote)", self.not_counted)
        }
    }
}

/// The meeting's settings, saved with the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Minutes each candidate is given.
    pub minutes_per_candidate: u32,
    /// The chair's own order (dragged), used when the agenda is ordered by hand.
    #[serde(default)]
    pub order: Vec<PersonId>,
    /// The committee, who is in the room, and who steps out for whom (`committee.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Presence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recusals: Vec<Recusal>,
    #[serde(default, skip_serializing_if = "Budget::is_empty")]
    pub budget: Budget,
    /// When decided level changes take effect, unless a decision says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The minutes' follow-ups and put-off candidates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deferrals: Vec<Deferral>,
    /// The chair's letter templates by outcome (`letters.rs`); an outcome not here uses the default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub letters: BTreeMap<String, String>,
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting {
            minutes_per_candidate: 6,
            order: Vec::new(),
            members: Vec::new(),
            attendance: Vec::new(),
            recusals: Vec::new(),
            budget: Budget::default(),
            effective: None,
            actions: Vec::new(),
            deferrals: Vec::new(),
            letters: BTreeMap::new(),
        }
    }
}

impl Meeting {
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Meeting::default()
    }
}

/// How the agenda is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AgendaOrder {
    /// Most "question" marks first, then the thinnest evidence: the hardest cases get the time.
    #[default]
    Disagreement,
    Level,
    Manager,
    /// The chair's dragged order.
    ByHand,
}

impl AgendaOrder {
    pub const ALL: [AgendaOrder; 4] =
        [AgendaOrder::Disagreement, AgendaOrder::Level, AgendaOrder::Manager, AgendaOrder::ByHand];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            AgendaOrder::Disagreement => "Most disagreement first",
            AgendaOrder::Level => "By target level",
            AgendaOrder::Manager => "By manager",
            AgendaOrder::ByHand => "By hand (drag)",
        }
    }
}

/// One candidate on the agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub person: PersonId,
    pub target: LevelId,
    pub tally: Tally,
    /// Target criteria without evidence or rated below "meets".
    pub gaps: usize,
    pub decided: bool,
}
