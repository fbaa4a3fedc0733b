//! `Session::apply`: checks a change against the rules, makes it, appends a sealed audit event and
//! hands back the inverse change, which is how undo works.
#![deny(clippy::wildcard_enum_match_arm)]

use super::audit::AuditEvent;
use super::band_targets::BandTargets;
use super::change::{Change, cell_label};
use super::conflict::{ConflictValue, MergedFile};
use super::decision::Decision;
use super::evidence::{Evidence, Rating};
use super::ids::{DimensionId, LevelId, PersonId};
use super::meeting::{Mark, Meeting};
use super::person::{Person, Placement};
use super::proposal::Proposal;
use super::rules::{RuleError, check_decision, check_placement, on_track, require_rationale, unknown_level};
use super::session::Session;
use jiff::Timestamp;

/// A checked change, described for the audit trail, with the change that undoes it.
struct Checked {
    action: &'static str,
    from: String,
    to: String,
    why: String,
    inverse: Change,
}

impl Checked {
    fn new(action: &'static str, from: String, to: String, inverse: Change) -> Self {
        Checked { action, from, to, why: String::new(), inverse }
    }

    fn because(mut self, why: String) -> Self {
        self.why = why;
        self
    }
}

/// What applying a change gives back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub event: AuditEvent,
    pub inverse: Change,
}

impl Session {
    /// Checks `change` against the rules and applies it, appending an audit event.
    /// On error the session is untouched.
    pub fn apply(&mut self, change: Change, actor: &str, at: Timestamp) -> Result<Applied, RuleError> {
        self.apply_because(change, actor, at, "")
    }

    /// `apply`, with `because` said in the event's why (before the change's own reason, if any):
    /// a restore from the trail says so in every event it writes.
    pub fn apply_because(
        &mut self,
        change: Change,
        actor: &str,
        at: Timestamp,
        because: &str,
    ) -> Result<Applied, RuleError> {
        // A baseline changes nothing (it records the state as it is), so even a final record takes one.
        if !matches!(change, Change::SetFinal { on: false, .. } | Change::Baseline { .. }) && self.is_final() {
            return Err(RuleError::Final);
        }
        if let Some(long) = super::text_limits::long_texts(&change, 1).pop() {
            return Err(RuleError::TooLong(long));
        }
        let Checked { action, from, to, why, inverse } = self.check(&change)?;
        let why = match (because.is_empty(), why.is_empty()) {
            (true, _) => why,
            (false, true) => because.to_owned(),
            (false, false) => format!("{because}: {why}"),
        };
        self.commit(change.clone());
        let mut event = AuditEvent {
            seq: self.audit.last().map_or(1, |e| e.seq + 1),
            at,
            actor: actor.to_owned(),
            person: change.person().or_else(|| inverse.person()).cloned(),
            action: action.to_owned(),
            from,
            to,
            why,
            change,
            state: None,
            doc: None,
            prev_hash: String::new(),
            hash: String::new(),
        };
        if let Some(person) = &event.person {
            event.state = Some(self.state_digest(person));
        }
        if event.change.touches_document() {
            event.doc = Some(self.document_digest());
        }
        event.seal(self.audit.last());
        self.audit.push(event.clone());
        Ok(Applied { event, inverse })
    }

    /// Validates a change and describes it, without touching the session.
    fn check(&self, change: &Change) -> Result<Checked, RuleError> {
        let ladder = &self.ladder;
        match change {
            Change::Place { person, placement } => {
                let p = self.known(person)?;
                let before = self.placement(p);
                if let Some(placement) = placement {
                    check_placement(ladder, p, placement)?;
                }
                let after = placement
                    .clone()
                    .unwrap_or_else(|| Placement { level: p.level.clone(), band: ladder.default_band() });
                let inverse = Change::Place { person: person.clone(), placement: self.placements.get(person).cloned() };
                Ok(Checked::new("move", cell_label(ladder, &before), cell_label(ladder, &after), inverse))
            }
            Change::Propose { person, proposal } => {
                let p = self.known(person)?;
                let why = match proposal {
                    Some(proposal) => {
                        on_track(ladder, p, &proposal.target)?;
                        if ladder.rank(&proposal.target) <= ladder.rank(&p.level) {
                            return Err(RuleError::NotAbove {
                                target: proposal.target.clone(),
                                current: p.level.clone(),
                            });
                        }
                        require_rationale(&proposal.rationale, "a proposal")?;
                        proposal.rationale.clone()
                    }
                    None => String::new(),
                };
                let old = self.proposals.get(person).cloned();
                let show = |x: Option<&Proposal>| x.map(|x| x.target.to_string()).unwrap_or_default();
                let (from, to) = (show(old.as_ref()), show(proposal.as_ref()));
                let action = if proposal.is_some() { "propose" } else { "withdraw proposal" };
                Ok(Checked::new(action, from, to, Change::Propose { person: person.clone(), proposal: old })
                    .because(why))
            }
            Change::Decide { person, decision } => {
                let p = self.known(person)?;
                let why = match decision {
                    Some(decision) => {
                        check_decision(ladder, p, decision)?;
                        decision.rationale.clone()
                    }
                    None => String::new(),
                };
                let old = self.decisions.get(person).cloned();
                let action = if decision.is_some() { "decide" } else { "reopen decision" };
                let (from, to) = (decision_label(old.as_ref()), decision_label(decision.as_ref()));
                Ok(Checked::new(action, from, to, Change::Decide { person: person.clone(), decision: old })
                    .because(why))
            }
            Change::SetEvidence { person, level, dimension, rating, text, links } => {
                self.check_evidence(person, level, dimension, *rating, text, links)
            }
            Change::AddNote(note) => {
                self.known(&note.person)?;
                if note.text.trim().is_empty() {
                    return Err(RuleError::EmptyNote);
                }
                if self.notes.iter().any(|n| n.id == note.id) {
                    return Err(RuleError::DuplicateNote(note.id));
                }
                Ok(Checked::new("add note", String::new(), note.text.clone(), Change::RemoveNote { id: note.id }))
            }
            Change::RemoveNote { id } => {
                let note = self.notes.iter().find(|n| n.id == *id).ok_or(RuleError::UnknownNote(*id))?;
                Ok(Checked::new("remove note", note.text.clone(), String::new(), Change::AddNote(note.clone())))
            }
            Change::EditNote { person, id, text } => {
                self.known(person)?;
                let note = self.notes.iter().find(|n| n.id == *id && n.person == *person);
                let note = note.ok_or(RuleError::UnknownNote(*id))?;
                if text.trim().is_empty() {
                    return Err(RuleError::EmptyNote);
                }
                let inverse = Change::EditNote { person: person.clone(), id: *id, text: note.text.clone() };
                Ok(Checked::new("edit note", note.text.clone(), text.clone(), inverse))
            }
            Change::Settle { conflict, chosen } => self.check_settle(*conflict, *chosen),
            Change::Reopen { conflict, previous: _, chosen } => {
                self.known(&conflict.person)?;
                let inverse = Change::Settle { conflict: conflict.id, chosen: *chosen };
                Ok(Checked::new("reopen conflict", String::new(), conflict.subject.label(), inverse))
            }
            Change::Merge { files, conflicts } => Ok(merge_checked(files, *conflicts, change)),
            Change::SetFinal { on, reason } => self.check_final(*on, reason),
            Change::SetBlind { on } => Ok(blind_checked(*on)),
            Change::SetMark { member, person, mark } => self.check_mark(member, person, mark.as_ref()),
            Change::SetMeeting(meeting) => self.check_meeting(meeting),
            Change::SetTargets(targets) => self.check_targets(targets.as_ref()),
            Change::Baseline { source, digests } => Ok(baseline_checked(source, digests, change)),
        }
    }

    /// Checks the evidence for one criterion.
    fn check_evidence(
        &self,
        person: &PersonId,
        level: &LevelId,
        dimension: &DimensionId,
        rating: Option<Rating>,
        text: &str,
        links: &[String],
    ) -> Result<Checked, RuleError> {
        let ladder = &self.ladder;
        self.known(person)?;
        let lvl = ladder.level(level).ok_or_else(|| unknown_level(ladder, level))?;
        if lvl.criterion(dimension).is_none() {
            return Err(RuleError::UnknownCriterion { level: level.clone(), dimension: dimension.clone() });
        }
        let old = self.evidence_for(person, level, dimension);
        let from = old.map(evidence_label).unwrap_or_default();
        let new = Evidence {
            person: person.clone(),
            level: level.clone(),
            dimension: dimension.clone(),
            rating,
            text: text.to_owned(),
            links: links.to_vec(),
        };
        let inverse = Change::SetEvidence {
            person: person.clone(),
            level: level.clone(),
            dimension: dimension.clone(),
            rating: old.and_then(|e| e.rating),
            text: old.map(|e| e.text.clone()).unwrap_or_default(),
            links: old.map(|e| e.links.clone()).unwrap_or_default(),
        };
        let what = format!("{level} {dimension}: {}", evidence_label(&new));
        Ok(Checked::new("record evidence", from, what, inverse))
    }

    /// Checks making the record final, or reopening it (which needs a reason).
    fn check_final(&self, on: bool, reason: &str) -> Result<Checked, RuleError> {
        match (on, self.is_final()) {
            (true, true) => Err(RuleError::AlreadyFinal),
            (false, false) => Err(RuleError::NotFinal),
            (true, false) => {
                let inverse = Change::SetFinal { on: false, reason: "finalized by mistake: undone".to_owned() };
                Ok(Checked::new("finalize", "draft".to_owned(), "final".to_owned(), inverse).because(reason.to_owned()))
            }
            (false, true) => {
                require_rationale(reason, "reopening a final session")?;
                let inverse = Change::SetFinal { on: true, reason: String::new() };
                Ok(Checked::new("reopen", "final".to_owned(), "draft".to_owned(), inverse).because(reason.to_owned()))
            }
        }
    }

    /// Whether the record is final: the trail's last finalize or reopen says so.
    #[must_use]
    pub fn is_final(&self) -> bool {
        self.audit.iter().rev().find_map(|e| if let Change::SetFinal { on, .. } = e.change { Some(on) } else { None })
            == Some(true)
    }

    /// Checks settling an open conflict with one of its values.
    fn check_settle(&self, conflict: u64, chosen: usize) -> Result<Checked, RuleError> {
        let open = self.conflicts.iter().find(|c| c.id == conflict).ok_or(RuleError::UnknownConflict(conflict))?;
        let option = open.options.get(chosen).ok_or(RuleError::UnknownConflict(conflict))?;
        let previous = self
            .conflict_value(&open.person, &open.subject)
            .ok_or_else(|| RuleError::UnknownPerson(open.person.clone()))?;
        let others: Vec<&ConflictValue> = open.options.iter().map(|o| &o.value).collect();
        let to = format!("{}: {} (from {})", open.subject.label(), option.value.describe(&others), option.source);
        let inverse = Change::Reopen { conflict: Box::new(open.clone()), previous: Box::new(previous.clone()), chosen };
        Ok(Checked::new("settle conflict", previous.describe(&others), to, inverse))
    }

    /// Checks a member's pre-read mark.
    fn check_mark(&self, member: &str, person: &PersonId, mark: Option<&Mark>) -> Result<Checked, RuleError> {
        self.known(person)?;
        if mark.is_some_and(|m| &m.person != person || m.member != member) {
            return Err(RuleError::UnknownPerson(person.clone()));
        }
        let old = self.mark_of(member, person).cloned();
        let show = |m: Option<&Mark>| {
            m.map(|m| {
                if m.comment.is_empty() {
                    m.vote.label().to_owned()
                } else {
                    format!("{} — {}", m.vote.label(), m.comment)
                }
            })
            .unwrap_or_default()
        };
        let inverse = Change::SetMark { member: member.to_owned(), person: person.clone(), mark: old.clone() };
        Ok(Checked::new("pre-read mark", show(old.as_ref()), show(mark), inverse))
    }

    /// Checks the meeting's time box and order.
    fn check_meeting(&self, meeting: &Meeting) -> Result<Checked, RuleError> {
        if meeting.minutes_per_candidate == 0 {
            return Err(RuleError::ZeroTimeBox);
        }
        let to = format!("{} min per candidate", meeting.minutes_per_candidate);
        let from = format!("{} min per candidate", self.meeting.minutes_per_candidate);
        Ok(Checked::new("set agenda", from, to, Change::SetMeeting(self.meeting.clone())))
    }

    /// Checks the chair's target shares.
    fn check_targets(&self, targets: Option<&BandTargets>) -> Result<Checked, RuleError> {
        if let Some(t) = targets {
            super::rules::check_targets(t, self.ladder.bands.len())?;
        }
        let show = |t: Option<&BandTargets>| {
            t.map_or_else(
                || "default".to_owned(),
                |t| t.shares.iter().map(|s| format!("{:.0}", s * 100.0)).collect::<Vec<_>>().join(" / "),
            )
        };
        let inverse = Change::SetTargets(self.band_targets.clone());
        Ok(Checked::new("set target curve", show(self.band_targets.as_ref()), show(targets), inverse))
    }

    /// Makes an already checked change.
    fn commit(&mut self, change: Change) {
        match change {
            Change::Place { person, placement } => set_or_remove(&mut self.placements, person, placement),
            Change::Propose { person, proposal } => set_or_remove(&mut self.proposals, person, proposal),
            Change::Decide { person, decision } => set_or_remove(&mut self.decisions, person, decision),
            Change::SetEvidence { person, level, dimension, rating, text, links } => {
                let position = self.evidence_position(&person, &level, &dimension);
                let empty = rating.is_none() && text.trim().is_empty() && links.is_empty();
                let entry = Evidence { person, level, dimension, rating, text, links };
                match (position, empty) {
                    (Ok(i), true) => {
                        self.evidence.remove(i);
                    }
                    (Ok(i), false) => self.evidence[i] = entry,
                    (Err(i), false) => self.evidence.insert(i, entry),
                    (Err(_), true) => {}
                }
            }
            Change::AddNote(note) => {
                let at = self.notes.partition_point(|n| n.id < note.id);
                self.notes.insert(at, note);
            }
            Change::RemoveNote { id } => self.notes.retain(|n| n.id != id),
            Change::EditNote { person: _, id, text } => {
                if let Some(note) = self.notes.iter_mut().find(|n| n.id == id) {
                    note.text = text;
                }
            }
            Change::Settle { conflict, chosen } => {
                if let Some(i) = self.conflicts.iter().position(|c| c.id == conflict) {
                    let open = self.conflicts.remove(i);
                    if let Some(option) = open.options.into_iter().nth(chosen) {
                        self.set_conflict_value(&open.person, &open.subject, option.value);
                    }
                }
            }
            Change::Reopen { conflict, previous, .. } => {
                self.set_conflict_value(&conflict.person, &conflict.subject, *previous);
                let at = self.conflicts.partition_point(|c| c.id < conflict.id);
                self.conflicts.insert(at, *conflict);
            }
            // Records of where the state came from; they change nothing.
            Change::Merge { .. } | Change::Baseline { .. } | Change::SetFinal { .. } => {}
            Change::SetBlind { on } => self.blind = on,
            Change::SetMark { member, person, mark } => {
                let at = self.marks.iter().position(|m| m.member == member && m.person == person);
                match (at, mark) {
                    (Some(i), Some(mark)) => self.marks[i] = mark,
                    (Some(i), None) => {
                        self.marks.remove(i);
                    }
                    (None, Some(mark)) => self.marks.push(mark),
                    (None, None) => {}
                }
            }
            Change::SetMeeting(meeting) => self.meeting = meeting,
            Change::SetTargets(targets) => self.band_targets = targets,
        }
    }

    fn known(&self, id: &PersonId) -> Result<&Person, RuleError> {
        self.person(id).ok_or_else(|| RuleError::UnknownPerson(id.clone()))
    }
}

fn set_or_remove<V>(map: &mut std::collections::BTreeMap<PersonId, V>, key: PersonId, value: Option<V>) {
    match value {
        Some(v) => {
            map.insert(key, v);
        }
        None => {
            map.remove(&key);
        }
    }
}

fn decision_label(decision: Option<&Decision>) -> String {
    match decision {
        Some(Decision { outcome, new_level: Some(level), .. }) => format!("{outcome} {level}"),
        Some(d) => d.outcome.to_string(),
        None => String::new(),
    }
}

fn evidence_label(evidence: &Evidence) -> String {
    let rating = evidence.rating.map_or("unrated", Rating::label);
    if evidence.text.is_empty() { rating.to_owned() } else { format!("{rating} — {}", evidence.text) }
}

/// Prep files merged: the files and the disagreements left open.
fn merge_checked(files: &[MergedFile], conflicts: usize, change: &Change) -> Checked {
    let names: Vec<String> =
        files.iter().map(|f| format!("{} (sha256 {})", f.file, f.sha256.get(..12).unwrap_or(&f.sha256))).collect();
    let to = format!("{}; {conflicts} conflict(s) left open", names.join(", "));
    Checked::new("merge prep files", String::new(), to, change.clone())
}

/// Blind mode turned on or off.
fn blind_checked(on: bool) -> Checked {
    let (action, from, to) = if on {
        ("blind names", "names shown", "names as codes")
    } else {
        ("reveal names", "names as codes", "names shown")
    };
    Checked::new(action, from.to_owned(), to.to_owned(), Change::SetBlind { on: !on })
}

/// The people's state recorded as the base the trail checks from.
fn baseline_checked(source: &str, digests: &str, change: &Change) -> Checked {
    let to = format!("{} people's state recorded ({source})", digests.split(' ').filter(|d| !d.is_empty()).count());
    Checked::new("baseline", String::new(), to, change.clone())
}
