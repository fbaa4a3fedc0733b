//! One calibration session: the ladder, the people, where each stands, evidence, notes, proposals,
//! decisions and the audit trail. Views (grid counts, filters, exports) are derived from it.

use super::audit::AuditEvent;
use super::band_targets::BandTargets;
use super::conflict::Conflict;
use super::decision::Decision;
use super::evidence::Evidence;
use super::ids::{DimensionId, LevelId, PersonId};
use super::ladder::Ladder;
use super::meeting::{Mark, Meeting};
use super::note::Note;
use super::person::{Person, Placement};
use super::proposal::Proposal;
use super::roster_layout::RosterColumn;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The session file format this build writes. Older versions load through `io::migrate`.
pub const CURRENT_FORMAT_VERSION: u32 = 5;

/// A calibration session. Field order here is the field order on disk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub format_version: u32,
    pub title: String,
    /// The review cycle, e.g. "2026 H2".
    #[serde(default)]
    pub cycle: String,
    /// Blind mode: screens and exports show codes instead of names, managers, teams and e-mails.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub blind: bool,
    pub ladder: Ladder,
    /// The imported roster's columns in the file's order, each named once (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roster_columns: Vec<RosterColumn>,
    pub people: Vec<Person>,
    /// Grid positions that differ from the default (current level, middle band).
    #[serde(default)]
    pub placements: BTreeMap<PersonId, Placement>,
    /// Kept sorted by (person, level, dimension).
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub proposals: BTreeMap<PersonId, Proposal>,
    #[serde(default)]
    pub decisions: BTreeMap<PersonId, Decision>,
    #[serde(default)]
    pub audit: Vec<AuditEvent>,
    /// Committee members' pre-read marks, one per member and candidate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
    /// The meeting's time box and the chair's agenda order.
    #[serde(default, skip_serializing_if = "Meeting::is_default")]
    pub meeting: Meeting,
    /// The chair's target share per band, with its tolerance; `None` for the default 20/60/20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band_targets: Option<BandTargets>,
    /// Approvers' signatures over the record's head (`record_head`); not part of the trail, and
    /// each one matches only the head it signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<super::record_head::RecordSignature>,
    /// Disagreements between merged prep files not settled yet, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    #[serde(skip)]
    index: PersonIndex,
}

/// Position of each person in `people`, rebuilt on load; never saved, never compared.
#[derive(Clone, Debug, Default)]
struct PersonIndex(HashMap<PersonId, usize>);

impl PartialEq for PersonIndex {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}
impl Eq for PersonIndex {}

impl Session {
    /// A new session with no changes yet.
    #[must_use]
    pub fn new(title: impl Into<String>, ladder: Ladder, people: Vec<Person>) -> Self {
        let mut session = Session {
            format_version: CURRENT_FORMAT_VERSION,
            title: title.into(),
            cycle: String::new(),
            blind: false,
            ladder,
            roster_columns: Vec::new(),
            people,
            placements: BTreeMap::new(),
            evidence: Vec::new(),
            notes: Vec::new(),
            proposals: BTreeMap::new(),
            decisions: BTreeMap::new(),
            audit: Vec::new(),
            marks: Vec::new(),
            meeting: Meeting::default(),
            band_targets: None,
            signatures: Vec::new(),
            conflicts: Vec::new(),
            index: PersonIndex::default(),
        };
        session.reindex();
        session
    }

    /// Rebuilds the id index; call after deserialising or replacing `people`.
    pub fn reindex(&mut self) {
        self.index.0 = self.people.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
    }

    /// Headers of the roster columns kept as they were, in order; `person.extra.get(i)` is the
    /// value under the `i`th.
    pub fn kept_columns(&self) -> impl Iterator<Item = &str> {
        self.roster_columns.iter().filter(|c| c.field.is_none()).map(|c| c.header.as_str())
    }

    /// The person with this id.
    #[must_use]
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        match self.index.0.get(id) {
            Some(&i) => self.people.get(i).filter(|p| &p.id == id),
            None if self.index.0.len() == self.people.len() => None,
            None => self.people.iter().find(|p| &p.id == id),
        }
    }

    /// Where the person stands on the grid: an explicit placement, or their current level's middle band.
    #[must_use]
    pub fn placement(&self, person: &Person) -> Placement {
        self.placements
            .get(&person.id)
            .cloned()
            .unwrap_or_else(|| Placement { level: person.level.clone(), band: self.ladder.default_band() })
    }

    /// Evidence for one criterion, if any was recorded.
    #[must_use]
    pub fn evidence_for(&self, person: &PersonId, level: &LevelId, dimension: &DimensionId) -> Option<&Evidence> {
        self.evidence_position(person, level, dimension).ok().map(|i| &self.evidence[i])
    }

    /// All evidence about one person (a slice, because evidence is kept sorted by person).
    #[must_use]
    pub fn evidence_of(&self, person: &PersonId) -> &[Evidence] {
        let start = self.evidence.partition_point(|e| &e.person < person);
        let end = start + self.evidence[start..].partition_point(|e| &e.person == person);
        &self.evidence[start..end]
    }

    pub(super) fn evidence_position(
        &self,
        person: &PersonId,
        level: &LevelId,
        dimension: &DimensionId,
    ) -> Result<usize, usize> {
        self.evidence.binary_search_by(|e| (&e.person, &e.level, &e.dimension).cmp(&(person, level, dimension)))
    }

    /// Notes about one person, oldest first.
    pub fn notes_for<'a>(&'a self, person: &'a PersonId) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(move |n| &n.person == person)
    }

    /// Audit events about one person, oldest first.
    pub fn history_for<'a>(&'a self, person: &'a PersonId) -> impl Iterator<Item = &'a AuditEvent> + 'a {
        self.audit.iter().filter(move |e| e.person.as_ref() == Some(person))
    }

    /// The next free note id.
    #[must_use]
    pub fn next_note_id(&self) -> u64 {
        self.notes.iter().map(|n| n.id).max().map_or(1, |m| m + 1)
    }

    /// Breaks in the audit trail's hash chain (edited, removed or reordered events).
    #[must_use]
    pub fn audit_breaks(&self) -> Vec<super::audit::ChainBreak> {
        super::audit::chain_breaks(&self.audit)
    }

    /// A copy of everything but the four long lists (people, evidence, notes, audit trail), which
    /// are left empty: a large session's file is written as this plus the lists' items, on all cores.
    #[must_use]
    pub fn without_lists(&self) -> Session {
        // Every field is named, so a field added to `Session` must be decided on here too.
        Session {
            format_version: self.format_version,
            title: self.title.clone(),
            cycle: self.cycle.clone(),
            blind: self.blind,
            ladder: self.ladder.clone(),
            roster_columns: self.roster_columns.clone(),
            people: Vec::new(),
            placements: self.placements.clone(),
            evidence: Vec::new(),
            notes: Vec::new(),
            proposals: self.proposals.clone(),
            decisions: self.decisions.clone(),
            audit: Vec::new(),
            marks: self.marks.clone(),
            meeting: self.meeting.clone(),
            band_targets: self.band_targets.clone(),
            signatures: self.signatures.clone(),
            conflicts: self.conflicts.clone(),
            index: PersonIndex::default(),
        }
    }

    /// How to show a person's manager: the manager's name when the roster names them by employee id
    /// (as many HR systems export it), otherwise the roster's text as it is.
    #[must_use]
    pub fn manager_name<'a>(&'a self, person: &'a Person) -> &'a str {
        let manager = person.manager.as_str();
        let known = self.index.0.get(manager).and_then(|&i| self.people.get(i)).filter(|m| m.id.as_str() == manager);
        known.map_or(manager, |m| m.name.as_str())
    }

    /// Display name for a person id, or the id itself when unknown.
    #[must_use]
    pub fn name_of(&self, id: &PersonId) -> String {
        self.person(id).map_or_else(|| id.to_string(), |p| p.name.to_string())
    }
}
