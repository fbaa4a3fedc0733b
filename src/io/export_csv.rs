//! Decisions as CSV for HR systems: one row per person, safe to open in a spreadsheet.

use super::atomic::write_atomic;
use super::error::FileError;
use crate::model::Session;
use std::path::Path;

/// Column headers of the decisions CSV, in order.
pub const DECISION_HEADERS: [&str; 12] = [
    "id",
    "name",
    "manager",
    "team",
    "track",
    "current level",
    "proposed level",
    "decision",
    "new level",
    "rationale",
    "decided by",
    "decided at",
];

/// Prefixes a cell that a spreadsheet would run as a formula with `'`, following the OWASP
/// CSV-injection guidance (cells starting with `=`, `+`, `-`, `@`, tab or carriage return).
#[must_use]
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The decisions CSV as bytes (UTF-8, comma-separated, CRLF-free, quoted where needed).
pub fn decisions_csv(session: &Session) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(session.people.len() * 96));
    writer.write_record(DECISION_HEADERS)?;
    for person in &session.people {
        let proposal = session.proposals.get(&person.id);
        let decision = session.decisions.get(&person.id);
        let decided_at = decision.map(|d| d.decided_at.to_string()).unwrap_or_default();
        let row = [
            person.id.as_str(),
            &person.name,
            &person.manager,
            &person.team,
            person.track.label(),
            person.level.as_str(),
            proposal.map_or("", |p| p.target.as_str()),
            decision.map_or("", |d| d.outcome.label()),
            decision.and_then(|d| d.new_level.as_ref()).map_or("", |l| l.as_str()),
            decision.map_or("", |d| d.rationale.as_str()),
            decision.map_or("", |d| d.decided_by.as_str()),
            &decided_at,
        ];
        writer.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes the decisions CSV atomically with owner-only permissions.
pub fn export_decisions_csv(session: &Session, path: &Path) -> Result<(), FileError> {
    let bytes = decisions_csv(session)
        .map_err(|e| FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    write_atomic(path, &bytes)
}
