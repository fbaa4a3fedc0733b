//! Upgrades of older session files, one explicit, tested step per format version.
//!
//! | version | what changed |
//! |---|---|
//! | 1 | first release |
//! | 2 | audit events carry `prev_hash` and `hash` (a SHA-256 chain that shows edits and removals) |
//! | 3 | `prev_hash` is no longer written (it is the previous event's `hash`; restored on load) |

use crate::model::{CURRENT_FORMAT_VERSION, Session};

/// Brings a session read from a file of `version` up to the current format.
#[must_use]
pub fn migrate(mut session: Session, version: u32) -> Session {
    if version < 2 {
        session = v1_to_v2(session);
    }
    if version >= 3 {
        crate::model::audit::link(&mut session.audit);
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
