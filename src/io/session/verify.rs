//! A session file checked against its own record before anything is made from it: `validate`,
//! every output (`export`, `packet`, `letters`, `report`) and the merge refuse a file whose trail,
//! people or document parts differ from what the trail recorded, naming the person and the part.

use super::ron::load_session;
use crate::io::error::{FileError, Problem};
use crate::model::Session;
use crate::model::analysis::record::RecordBreak;
use std::path::Path;

/// Each break of the record as a problem with what to do about it.
#[must_use]
pub fn record_problems(session: &Session) -> Vec<Problem> {
    session
        .record_breaks()
        .into_iter()
        .map(|b| {
            let fix = match b {
                RecordBreak::Chain(_) => {
                    "the audit trail was changed outside Ladderboard; compare the file with a backup"
                }
                RecordBreak::State(_) | RecordBreak::Document(_) => {
                    "changed outside Ladderboard: compare the file with a backup; a change that is wanted is made in Ladderboard, so that it is recorded"
                }
            };
            Problem::new(b.to_string(), fix)
        })
        .collect()
}

/// Loads a session and refuses it unless its record holds.
pub fn load_verified(path: &Path) -> Result<Session, FileError> {
    let session = load_session(path)?;
    let problems = record_problems(&session);
    if problems.is_empty() { Ok(session) } else { Err(FileError::invalid(path, problems)) }
}
