//! Upgrades of older session files, one explicit, tested step per format version.
//!
//! | version | what changed |
//! |---|---|
//! | 1 | first release |
//! | 2 | audit events carry `prev_hash` and `hash` (a SHA-256 chain that shows edits and removals) |
//! | 3 | `prev_hash` is no longer written (it is the previous event's `hash`; restored on load) |
//! | 4 | the roster's columns are named once in `roster_columns`; a person's `extra` holds values only |
//! | 5 | events that change a part no one person owns carry `doc`, the whole document's digest |
//!
//! A file's trail is checked as written: nothing here seals an event a file gave unsealed, except
//! the events of a genuine format 1 file, which had no seals at all; those are sealed and a
//! baseline event says that they predate sealing and were taken on trust. A file that claims an
//! older format but carries fields that format did not have was edited to look older (so that its
//! trail would be sealed anew) and is refused (`newer_fields`).

use crate::io::error::Problem;
use crate::model::{CURRENT_FORMAT_VERSION, Change, ExtraCells, RosterColumn, Session};
use compact_str::CompactString;

/// Who the trail names for the baseline a migration seals.
pub const MIGRATION_ACTOR: &str = "Ladderboard (migration)";

/// The start of the baseline's source when a format 1 file's events were taken on trust.
pub const TRUSTED_PREFIX: &str = "format 1 file: events 1–";

/// Fields that no file of `version` can have, each named with the first line it is on.
#[must_use]
pub fn newer_fields(session: &Session, version: u32, text: &str) -> Vec<Problem> {
    let events = &session.audit;
    let finals = events.iter().any(|e| matches!(e.change, Change::SetFinal { .. }));
    let checks: [(bool, &str, &str, u32); 7] = [
        (version < 2 && events.iter().any(|e| !e.hash.is_empty()), "hash: \"", "hash", 2),
        (version < 4 && events.iter().any(|e| e.state.is_some()), "state: Some(", "state", 4),
        (version < 4 && events.iter().any(|e| matches!(e.change, Change::Baseline { .. })), "Baseline(", "Baseline", 4),
        (version < 4 && !session.roster_columns.is_empty(), "roster_columns:", "roster_columns", 4),
        (version < 5 && events.iter().any(|e| e.doc.is_some()), "doc: Some(", "doc", 5),
        (version < 5 && finals, "SetFinal(", "SetFinal", 5),
        (version < 5 && !session.signatures.is_empty(), "signatures:", "signatures", 5),
    ];
    checks
        .iter()
        .filter(|(found, ..)| *found)
        .map(|(_, needle, field, since)| {
            let problem = Problem::new(
                format!(
                    "the file says `format_version: {version}` but carries `{field}`, which only format {since} and later have: it was edited to look older"
                ),
                "restore the file from a backup; an older format is never a way to have a trail sealed anew",
            );
            match text.find(needle) {
                Some(at) => problem.at_line(text[..at].matches('\n').count() as u64 + 1),
                None => problem,
            }
        })
        .collect()
}

/// How many events a format 1 file's trail had when it was taken on trust, if this session's
/// trail says so.
#[must_use]
pub fn events_taken_on_trust(session: &Session) -> Option<u64> {
    session.audit.iter().find_map(|e| match &e.change {
        Change::Baseline { source, .. } => {
            let rest = source.strip_prefix(TRUSTED_PREFIX)?;
            rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
        }
        _ => None,
    })
}

/// Brings a session read from a file of `version` up to the current format.
#[must_use]
pub fn migrate(mut session: Session, version: u32) -> Session {
    if version < 2 {
        session = v1_to_v2(session);
    }
    if version >= 3 {
        crate::model::audit::link(&mut session.audit);
    }
    if version < 4 {
        session = v3_to_v4(session);
    }
    let events = session.audit.len();
    if version < 2 && events > 0 {
        // Said in the trail itself, after every step, so `validate` and the window keep saying it.
        session.reindex();
        let source = format!("{TRUSTED_PREFIX}{events} predate sealing and were taken on trust");
        session.seal_baseline(&source, MIGRATION_ACTOR, jiff::Timestamp::now());
    }
    session.format_version = CURRENT_FORMAT_VERSION;
    session
}

// Version 2 to 3 changes nothing in memory: a version 2 file's stored `prev_hash`es are checked as
// they were written, and the next save leaves them out.

/// Version 1 had no hash chain: seal the trail as it stands, so from now on any edit shows.
fn v1_to_v2(mut session: Session) -> Session {
    for i in 0..session.audit.len() {
        let (before, rest) = session.audit.split_at_mut(i);
        rest[0].seal(before.last());
    }
    session.format_version = 2;
    session
}

/// Format 3 gave every person's extra values with their headers. The headers become the session's
/// columns, in the order first met (one roster gives every person the same ones), and each person
/// keeps a value per column, empty where they had none.
fn v3_to_v4(mut session: Session) -> Session {
    let mut headers: Vec<CompactString> = session.kept_columns().map(CompactString::from).collect();
    let mut legacy = Vec::with_capacity(session.people.len());
    for person in &mut session.people {
        let pairs = person.extra.take_legacy().unwrap_or_default();
        for (header, _) in &pairs {
            if !headers.contains(header) {
                headers.push(header.clone());
            }
        }
        legacy.push(pairs);
    }
    for (person, pairs) in session.people.iter_mut().zip(legacy) {
        if pairs.is_empty() {
            continue;
        }
        person.extra = ExtraCells::from_values(
            headers.iter().map(|header| pairs.iter().find(|(h, _)| h == header).map_or("", |(_, v)| v.as_str())),
        );
    }
    session.roster_columns = headers.into_iter().map(RosterColumn::kept).collect();
    session.format_version = 4;
    session
}
