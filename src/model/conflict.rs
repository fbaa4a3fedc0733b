//! Disagreements between managers' prep files, kept in the committee session as open items until
//! someone settles them: which values there were, from which file and author. Nothing is
//! overwritten silently: until settled, the session holds one file's value (the first by content
//! hash) and the item stays open; settling is an audit event and can be undone.

use super::decision::Decision;
use super::evidence::Evidence;
use super::ids::{DimensionId, LevelId, PersonId};
use super::person::{Person, Placement};
use super::proposal::Proposal;
use serde::{Deserialize, Serialize};

/// What the files disagree about, for one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    /// The roster record: name, manager, team, level, dates or other columns.
    Record,
    Placement,
    Proposal,
    Decision,
    Evidence {
        level: LevelId,
        dimension: DimensionId,
    },
}

impl Subject {
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Subject::Record => "roster record".to_owned(),
            Subject::Placement => "place on the grid".to_owned(),
            Subject::Proposal => "proposal".to_owned(),
            Subject::Decision => "decision".to_owned(),
            Subject::Evidence { level, dimension } => format!("evidence {level} {dimension}"),
        }
    }
}

/// A roster field as text, for telling records apart.
type FieldText<'a> = dyn Fn(&Person) -> String + 'a;

/// One value a file gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictValue {
    Record(Person),
    Placement(Option<Placement>),
    Proposal(Option<Proposal>),
    Decision(Option<Decision>),
    Evidence(Option<Evidence>),
}

impl ConflictValue {
    /// The value in a few words, for the list of open items ("P4 — Leads the ledger").
    #[must_use]
    pub fn describe(&self, others: &[&ConflictValue]) -> String {
        match self {
            ConflictValue::Record(p) => {
                // Only the fields that differ from some other value, so the difference stands out.
                let other =
                    |f: &FieldText| others.iter().any(|o| matches!(o, ConflictValue::Record(q) if f(q) != f(p)));
                let mut parts = Vec::new();
                let fields: [(&str, &FieldText<'_>); 6] = [
                    ("name", &|q| q.name.to_string()),
                    ("level", &|q| q.level.to_string()),
                    ("manager", &|q| q.manager.to_string()),
                    ("team", &|q| q.team.to_string()),
                    ("start", &|q| q.start_date.map(|d| d.to_string()).unwrap_or_default()),
                    ("at level since", &|q| q.level_since.map(|d| d.to_string()).unwrap_or_default()),
                ];
                for (label, f) in fields {
                    if other(f) {
                        parts.push(format!("{label} {}", f(p)));
                    }
                }
                if parts.is_empty() { "other roster columns differ".to_owned() } else { parts.join(", ") }
            }
            ConflictValue::Placement(p) => {
                p.as_ref().map_or_else(|| "not placed".to_owned(), |p| format!("{} band {}", p.level, p.band + 1))
            }
            ConflictValue::Proposal(p) => {
                p.as_ref().map_or_else(|| "no proposal".to_owned(), |p| format!("{} — {}", p.target, p.rationale))
            }
            ConflictValue::Decision(d) => d.as_ref().map_or_else(
                || "no decision".to_owned(),
                |d| match &d.new_level {
                    Some(level) => format!("{} {level} — {}", d.outcome, d.rationale),
                    None => format!("{} — {}", d.outcome, d.rationale),
                },
            ),
            ConflictValue::Evidence(e) => e.as_ref().map_or_else(
                || "no evidence".to_owned(),
                |e| format!("{} — {}", e.rating.map_or("unrated", super::evidence::Rating::label), e.text),
            ),
        }
    }
}

/// A value, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictOption {
    /// The prep file(s) that gave this value.
    pub source: String,
    /// Who last changed it there, when the file's trail says.
    #[serde(default)]
    pub author: String,
    pub value: ConflictValue,
}

/// An open disagreement about one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: u64,
    pub person: PersonId,
    pub subject: Subject,
    pub options: Vec<ConflictOption>,
}

/// A prep file that went into a merge, named with the SHA-256 of its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedFile {
    pub file: String,
    pub sha256: String,
}
