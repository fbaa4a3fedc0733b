//! Upgrades of older session files, one explicit, tested step per format version.
//!
//! | version | what changed |
//! |---|---|
//! | 1 | first release |
//! | 2 | audit events carry `prev_hash` and `hash` (a SHA-256 chain that shows edits and removals) |
//! | 3 | `prev_hash` is no longer written (it is the previous event's `hash`; restored on load) |
//! | 4 | the roster's columns are named once in `roster_columns`; a person's `extra` holds values only |

use crate::model::{CURRENT_FORMAT_VERSION, ExtraCells, RosterColumn, Session};
use compact_str::CompactString;

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
