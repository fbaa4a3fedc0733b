//! The committee meeting: members' pre-read marks, the agenda of candidates with its order and time
//! box, and the tally the room sees. All derived from the session but the marks and the meeting's
//! settings, which are saved in it.

use super::ids::{LevelId, PersonId};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

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
        if parts.is_empty() { "no marks".to_owned() } else { parts.join(" · ") }
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
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting { minutes_per_candidate: 6, order: Vec::new() }
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
