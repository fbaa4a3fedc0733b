//! Merging managers' prep files into one committee session. People are matched by id. What only one
//! file says is taken; where two files say different things about the same person (the roster
//! record, the place on the grid, the proposal, the decision, the evidence for one criterion) the
//! disagreement becomes an open `Conflict` listing every value with its file and author, and the
//! session holds the value of the file first in a canonical order until someone settles it.
//!
//! The result does not depend on the order the files are given in, except for the order in which a
//! conflict lists its values: files are taken in the order of their content hashes. Merging a file
//! with itself changes nothing.

use super::audit::AuditEvent;
use super::conflict::{Conflict, ConflictOption, ConflictValue, MergedFile, Subject};
use super::extra_cells::ExtraCells;
use super::ids::PersonId;
use super::note::Note;
use super::roster_layout::RosterColumn;
use super::session::Session;
use std::collections::BTreeMap;

/// A value one file gives: (file, author, value).
type Given = (String, String, ConflictValue);
/// Reads one subject's value from a file's session, if it has one.
type Getter<'a> = dyn Fn(&Session) -> Option<ConflictValue> + 'a;

/// One prep file: its name (for messages and the record), the SHA-256 of its bytes, its session.
pub struct PrepFile<'a> {
    pub name: String,
    pub sha256: String,
    pub session: &'a Session,
}

/// Why a set of files cannot be merged; nothing is merged then.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MergeError {
    #[error("no prep files to merge: name at least one session file")]
    NoFiles,
    #[error("{file} uses the ladder \"{found}\", not \"{expected}\" of {first}: merge files of one ladder")]
    DifferentLadder { file: String, found: String, first: String, expected: String },
    #[error(
        "{file}: its audit trail is broken ({problem}), so its content cannot be trusted: restore the file from a backup or ask its author to re-export it"
    )]
    BrokenTrail { file: String, problem: String },
    #[error(
        "{file}: {problem}, so it is not merged: restore the file from a backup, or ask its author to make the change in Ladderboard so that it is recorded"
    )]
    ChangedOutside { file: String, problem: String },
}

/// The merged session and the sources it records.
#[derive(Debug)]
pub struct Merged {
    pub session: Session,
    pub files: Vec<MergedFile>,
    /// What the merge did that the user should know of (marks kept apart by file).
    pub warnings: Vec<String>,
}

/// Merges `files` into one session titled `title`. The caller records the merge in the audit trail
/// (`Change::Merge`) with its own actor and time.
pub fn merge(files: &[PrepFile<'_>], title: &str) -> Result<Merged, MergeError> {
    check_files(files)?;
    // The canonical order: by content, so the given order does not matter.
    let mut order: Vec<&PrepFile<'_>> = files.iter().collect();
    order.sort_by(|a, b| a.sha256.cmp(&b.sha256));
    order.dedup_by(|a, b| a.sha256 == b.sha256);
    let base = order[0].session;
    let mut session = Session::new(title, base.ladder.clone(), Vec::new());
    session.cycle.clone_from(&base.cycle);
    session.roster_columns.clone_from(&base.roster_columns);

    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut people_order: Vec<PersonId> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in &order {
        for person in &file.session.people {
            if seen.insert(person.id.clone()) {
                people_order.push(person.id.clone());
            }
        }
    }
    let columns = session.roster_columns.clone();
    for id in &people_order {
        // Each file's view of this person, in canonical order, with the file's name.
        let views: Vec<(&PrepFile<'_>, &Session)> =
            order.iter().filter(|f| f.session.person(id).is_some()).map(|f| (*f, f.session)).collect();
        let record = |s: &Session| {
            let mut p = s.person(id).cloned().expect("filtered on presence");
            p.extra = realign(&s.roster_columns, &columns, &p.extra);
            Some(ConflictValue::Record(p))
        };
        let placement = |s: &Session| s.placements.get(id).cloned().map(|p| ConflictValue::Placement(Some(p)));
        let proposal = |s: &Session| s.proposals.get(id).cloned().map(|p| ConflictValue::Proposal(Some(p)));
        let decision = |s: &Session| s.decisions.get(id).cloned().map(|d| ConflictValue::Decision(Some(d)));
        let subjects: [(Subject, &Getter<'_>); 4] = [
            (Subject::Record, &record),
            (Subject::Placement, &placement),
            (Subject::Proposal, &proposal),
            (Subject::Decision, &decision),
        ];
        let mut values: Vec<(Subject, Vec<Given>)> = Vec::new();
        for (subject, get) in subjects {
            let given: Vec<_> =
                views.iter().filter_map(|(f, s)| get(s).map(|v| (f.name.clone(), String::new(), v))).collect();
            values.push((subject, given));
        }
        // Evidence per criterion, over every file's evidence about this person.
        let mut criteria: BTreeMap<(String, String), Vec<Given>> = BTreeMap::new();
        for (f, s) in &views {
            for e in s.evidence_of(id) {
                criteria.entry((e.level.to_string(), e.dimension.to_string())).or_default().push((
                    f.name.clone(),
                    String::new(),
                    ConflictValue::Evidence(Some(e.clone())),
                ));
            }
        }
        for ((level, dimension), given) in criteria {
            values.push((
                Subject::Evidence { level: level.as_str().into(), dimension: dimension.as_str().into() },
                given,
            ));
        }
        for (subject, given) in values {
            let Some((_, _, first_value)) = given.first() else { continue };
            if matches!(subject, Subject::Record) {
                if let ConflictValue::Record(p) = first_value {
                    // Indexed once, after every person is in.
                    session.people.push(p.clone());
                }
            } else {
                session.set_conflict_value(id, &subject, first_value.clone());
            }
            let mut options = distinct(given);
            if options.len() > 1 {
                // Who last changed it is looked up only for a real disagreement: it reads the trail.
                for option in &mut options {
                    let first = option.source.split(", ").next().unwrap_or_default();
                    if let Some(file) = order.iter().find(|f| f.name == first) {
                        option.author = author(file.session, id, &subject);
                    }
                }
                conflicts.push(Conflict { id: 0, person: id.clone(), subject, options });
            }
        }
    }
    keep_open_items(&order, &mut conflicts);
    session.notes = merged_notes(&order);
    let (marks, warnings) = merged_marks(&order);
    session.marks = marks;
    session.meeting = latest_meeting(&order).unwrap_or(&base.meeting).clone();
    session.audit = merged_trail(&order);
    for (i, conflict) in conflicts.iter_mut().enumerate() {
        conflict.id = i as u64 + 1;
    }
    session.conflicts = conflicts;
    session.reindex();
    // Listed in the order given, as the user named them.
    let files = files.iter().map(|f| MergedFile { file: f.name.clone(), sha256: f.sha256.clone() }).collect();
    Ok(Merged { session, files, warnings })
}

/// Open items any input still holds stay open, with every value any input gives them, whatever
/// the order the files come in: a committee file merged with its members' copies keeps its
/// disagreements rather than letting one file's value become the record unseen.
fn keep_open_items(order: &[&PrepFile<'_>], conflicts: &mut Vec<Conflict>) {
    for file in order {
        for held in &file.session.conflicts {
            match conflicts.iter_mut().find(|c| c.person == held.person && c.subject == held.subject) {
                Some(open) => {
                    for option in &held.options {
                        if !open.options.iter().any(|o| o.value == option.value) {
                            open.options.push(option.clone());
                        }
                    }
                }
                None => conflicts.push(Conflict { id: 0, ..held.clone() }),
            }
        }
    }
}

/// Refuses an empty list, files of another ladder than the first, and files whose record does not
/// hold (the trail broken, or a person's state or a document part changed outside Ladderboard).
fn check_files(files: &[PrepFile<'_>]) -> Result<(), MergeError> {
    let Some(first) = files.first() else { return Err(MergeError::NoFiles) };
    for file in files {
        if file.session.ladder != first.session.ladder {
            let (found, expected) = if file.session.ladder.name == first.session.ladder.name {
                // Same name, other content: say what differs, so the user can tell which is current.
                let what = ladder_difference(&file.session.ladder, &first.session.ladder);
                (format!("{} ({what})", file.session.ladder.name), first.session.ladder.name.clone())
            } else {
                (file.session.ladder.name.clone(), first.session.ladder.name.clone())
            };
            return Err(MergeError::DifferentLadder {
                file: file.name.clone(),
                found,
                first: first.name.clone(),
                expected,
            });
        }
        match file.session.record_breaks().into_iter().next() {
            Some(super::analysis::record::RecordBreak::Chain(broken)) => {
                return Err(MergeError::BrokenTrail { file: file.name.clone(), problem: broken.to_string() });
            }
            Some(other) => {
                return Err(MergeError::ChangedOutside { file: file.name.clone(), problem: other.to_string() });
            }
            None => {}
        }
    }
    Ok(())
}

/// What differs between two ladders of one name, in a few words.
fn ladder_difference(a: &super::ladder::Ladder, b: &super::ladder::Ladder) -> String {
    if a.bands != b.bands {
        return "its bands differ".to_owned();
    }
    let ids = |l: &super::ladder::Ladder| l.levels.iter().map(|x| x.id.to_string()).collect::<Vec<_>>();
    if ids(a) != ids(b) {
        return "its levels differ".to_owned();
    }
    for (x, y) in a.levels.iter().zip(&b.levels) {
        if x != y {
            return format!("level {} differs: criteria, title or aliases", x.id);
        }
    }
    "its dimensions, equivalences or code schemes differ".to_owned()
}

/// Values that differ, each with every file that gave it.
fn distinct(given: Vec<Given>) -> Vec<ConflictOption> {
    let mut options: Vec<ConflictOption> = Vec::new();
    for (source, author, value) in given {
        match options.iter_mut().find(|o| o.value == value) {
            Some(option) => {
                option.source = format!("{}, {source}", option.source);
            }
            None => options.push(ConflictOption { source, author, value }),
        }
    }
    options
}

/// Who last changed this subject in this file, by its audit trail.
fn author(session: &Session, person: &PersonId, subject: &Subject) -> String {
    let action = match subject {
        Subject::Record => return String::new(),
        Subject::Placement => "move",
        Subject::Proposal => "propose",
        Subject::Decision => "decide",
        Subject::Evidence { .. } => "record evidence",
    };
    session.history_for(person).filter(|e| e.action == action).last().map(|e| e.actor.clone()).unwrap_or_default()
}

/// A person's kept values under another file's kept columns, matched by header.
fn realign(from: &[RosterColumn], to: &[RosterColumn], extra: &ExtraCells) -> ExtraCells {
    if from == to {
        return extra.clone();
    }
    let from: Vec<&str> = from.iter().filter(|c| c.field.is_none()).map(|c| c.header.as_str()).collect();
    let values = to
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| from.iter().position(|h| *h == c.header).map_or("", |i| extra.get(i)));
    let values: Vec<&str> = values.collect();
    if values.is_empty() { ExtraCells::new() } else { ExtraCells::from_values(values.iter().copied()) }
}

/// Every file's notes once (the same note in two files is one), oldest first.
fn merged_notes(order: &[&PrepFile<'_>]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in order {
        for note in &file.session.notes {
            if seen.insert((&note.person, &note.author, note.at, &note.text)) {
                notes.push(note.clone());
            }
        }
    }
    notes.sort_by(|a, b| (a.at, &a.person, &a.author, &a.text).cmp(&(b.at, &b.person, &b.author, &b.text)));
    // Ids are kept unless two files used the same one.
    let mut ids: Vec<u64> = notes.iter().map(|n| n.id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() < notes.len() {
        for (i, note) in notes.iter_mut().enumerate() {
            note.id = i as u64 + 1;
        }
    }
    notes
}

/// The meeting (committee, attendance, recusals, budget, minutes, agenda) of the file that changed
/// it last: the chair's copy, wherever it falls in the files' order.
fn latest_meeting<'f>(order: &[&'f PrepFile<'_>]) -> Option<&'f super::meeting::Meeting> {
    order
        .iter()
        .filter_map(|file| {
            let at = file
                .session
                .audit
                .iter()
                .rev()
                .find(|e| matches!(e.change, super::change::Change::SetMeeting(_)))
                .map(|e| e.at)?;
            Some((at, &file.session.meeting))
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, meeting)| meeting)
}

/// The hashes of a file's events that set a mark by `member`.
fn mark_events<'f>(file: &'f PrepFile<'_>, member: &str) -> std::collections::HashSet<&'f str> {
    file.session
        .audit
        .iter()
        .filter(|e| matches!(&e.change, super::change::Change::SetMark { member: m, .. } if m == member))
        .map(|e| e.hash.as_str())
        .collect()
}

/// Members whose marks come from copies that went apart — each file holds marks by them the other
/// never saw, as when two people left at one default name marked two copies — by file index, with
/// a warning naming them. Their marks are kept apart by file rather than one set overwriting the
/// other.
fn split_members(order: &[&PrepFile<'_>]) -> (std::collections::HashSet<(usize, String)>, Vec<String>) {
    let mut members: Vec<&str> = order.iter().flat_map(|f| f.session.marks.iter().map(|m| m.member.as_str())).collect();
    members.sort_unstable();
    members.dedup();
    let mut split = std::collections::HashSet::new();
    let mut warnings = Vec::new();
    for member in members {
        let holders: Vec<(usize, std::collections::HashSet<&str>)> = order
            .iter()
            .enumerate()
            .filter(|(_, f)| f.session.marks.iter().any(|m| m.member == member))
            .map(|(i, f)| (i, mark_events(f, member)))
            .collect();
        let apart = holders
            .iter()
            .enumerate()
            .any(|(n, (_, a))| holders[n + 1..].iter().any(|(_, b)| !a.is_subset(b) && !b.is_subset(a)));
        if apart {
            let mut files: Vec<&str> = holders.iter().map(|(i, _)| order[*i].name.as_str()).collect();
            files.sort_unstable();
            warnings.push(format!(
                "pre-read marks by \"{member}\" were made apart in {}: kept apart as \"{member} (file)\" — if these are different people, each should set their own name (File → Preferences)",
                files.join(" and ")
            ));
            split.extend(holders.iter().map(|(i, _)| (*i, member.to_owned())));
        }
    }
    (split, warnings)
}

/// Every member's marks: one per member and candidate, the latest where two files differ; the marks
/// of a name used apart in two copies (`split_members`) kept apart by file.
fn merged_marks(order: &[&PrepFile<'_>]) -> (Vec<super::meeting::Mark>, Vec<String>) {
    let (split, warnings) = split_members(order);
    let mut marks: Vec<super::meeting::Mark> = Vec::new();
    for (i, file) in order.iter().enumerate() {
        for mark in &file.session.marks {
            let mut mark = std::borrow::Cow::Borrowed(mark);
            if split.contains(&(i, mark.member.clone())) {
                let member = format!("{} ({})", mark.member, file.name);
                mark.to_mut().member = member;
            }
            let mark = mark.as_ref();
            match marks.iter_mut().find(|m| m.member == mark.member && m.person == mark.person) {
                Some(held) if (mark.at, &mark.comment) > (held.at, &held.comment) => *held = mark.clone(),
                Some(_) => {}
                None => marks.push(mark.clone()),
            }
        }
    }
    marks.sort_by(|a, b| (&a.person, &a.member).cmp(&(&b.person, &b.member)));
    (marks, warnings)
}

/// Every file's audit events once (files that share a history share its events), in time order,
/// numbered and sealed anew as one chain.
fn merged_trail(order: &[&PrepFile<'_>]) -> Vec<AuditEvent> {
    let mut events: Vec<AuditEvent> = Vec::new();
    let mut hashes = std::collections::HashSet::new();
    for file in order {
        for event in &file.session.audit {
            // A merge is a new draft: an input's finalizing or reopening is its own, and would
            // otherwise make the merged session refuse its own merge record.
            if matches!(event.change, super::change::Change::SetFinal { .. }) {
                continue;
            }
            if hashes.insert(event.hash.clone()) {
                events.push(event.clone());
            }
        }
    }
    // Stable: events at the same moment keep their file's order.
    events.sort_by_key(|e| e.at);
    let mut previous: Option<AuditEvent> = None;
    for (i, event) in events.iter_mut().enumerate() {
        event.seq = i as u64 + 1;
        event.seal(previous.as_ref());
        previous = Some(event.clone());
    }
    events
}
