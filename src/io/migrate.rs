//! Upgrades of older session files, one explicit, tested step per format version.
//!
//! | version | what changed |
//! |---|---|
//! | 1 | first release |
//! | 2 | audit events carry `prev_hash` and `hash` (a SHA-256 chain that shows edits and removals) |

use crate::model::{CURRENT_FORMAT_VERSION, Session};

/// Brings a session read from a file of `version` up to the current format.
#[must_use]
pub fn migrate(mut session: Session, version: u32) -> Session {
    if version < 2 {
        session = v1_to_v2(session);
    }
    session.format_version = CURRENT_FORMAT_VERSION;
    session
}

/// Version 1 had no hash chain: seal the trail as it stands, so from now on any edit shows.
fn v1_to_v2(mut session: Session) -> Session {
    for i in 0..session.audit.len() {
        let (before, rest) = session.audit.split_at_mut(i);
        rest[0].seal(before.last());
    }
    session.format_version = 2;
    session
}
