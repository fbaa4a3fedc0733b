//! Decisions as CSV for HR systems: one row per person, safe to open in a spreadsheet.

use crate::io::atomic::write_atomic;
use crate::io::error::FileError;
use crate::model::Session;
use crate::model::roster_layout::RosterRows;
use std::borrow::Cow;
use std::path::Path;

/// Column headers of the decisions CSV, in order.
pub const DECISION_HEADERS: [&str; 19] = {
    let own = ["id", "name", "manager", "team", "track", "current level"];
    let mut all = [""; 19];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < own.len() { own[i] } else { ADDED_HEADERS[i - own.len()] };
        i += 1;
    }
    all
};

/// Where the decided-at and effective-date columns sit among the added columns (`ADDED_HEADERS`),
/// for the workbook, which writes them as real date cells.
pub const ADDED_DECIDED_AT: usize = 8;
pub const ADDED_EFFECTIVE: usize = 4;

/// The UTF-8 byte-order mark every CSV file Ladderboard writes starts with.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Prefixes a cell that a spreadsheet would run as a formula with `'`, following the OWASP
/// CSV-injection guidance (cells starting with `=`, `+`, `-`, `@`, tab or carriage return).
#[must_use]
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Which columns the decisions CSV carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvColumns {
    /// Ladderboard's own columns (`DECISION_HEADERS`).
    Decisions,
    /// The imported roster's columns in its order, with its own values (a level code `E5` stays
    /// `E5`), then the decision columns: the file HR gave, handed back with the decisions added.
    /// A session with no recorded roster columns (made before format 4) gives `Decisions`' columns.
    WithRoster,
}

/// The columns after the roster's own in a `WithRoster` export.
/// The last, `record`, is the record's head on every row ("final · 94 · 149ba97e…"), so a copy
/// handed to HR can be checked against the session later.
pub const ADDED_HEADERS: [&str; 13] = [
    "proposed level",
    "decision",
    "new level",
    "new title",
    "effective date",
    "rationale",
    "reasons",
    "decided by",
    "decided at",
    "present",
    "recused",
    "time spent (min)",
    "record",
];

/// The export's header row for `columns`.
#[must_use]
pub fn decision_headers(session: &Session, columns: CsvColumns) -> Vec<String> {
    match roster_of(session, columns) {
        Some(roster) => {
            // A roster header that is also one of ours ("Decision") would make two columns of one name.
            let taken = |h: &str| roster.iter().any(|c| c.header.eq_ignore_ascii_case(h));
            let added = ADDED_HEADERS.map(|h| if taken(h) { format!("calibration {h}") } else { h.to_owned() });
            roster.iter().map(|c| c.header.to_string()).chain(added).collect()
        }
        None => DECISION_HEADERS.map(str::to_owned).to_vec(),
    }
}

fn roster_of(session: &Session, columns: CsvColumns) -> Option<&Vec<crate::model::RosterColumn>> {
    match columns {
        CsvColumns::WithRoster if !session.roster_columns.is_empty() => Some(&session.roster_columns),
        _ => None,
    }
}

/// Calls `each` with every person's row, in the session's order, as the CSV and workbook exports
/// write it; one buffer is reused for all rows.
pub fn for_each_decision_row<E>(
    session: &Session,
    columns: CsvColumns,
    mut each: impl FnMut(&[String]) -> Result<(), E>,
) -> Result<(), E> {
    let roster = roster_of(session, columns);
    let rows = roster.map(|columns| RosterRows::new(columns));
    let mut row: Vec<String> = Vec::with_capacity(DECISION_HEADERS.len() + roster.map_or(0, Vec::len));
    let record = session.head_summary();
    for person in &session.people {
        row.clear();
        let proposal = session.proposals.get(&person.id);
        let decision = session.decisions.get(&person.id);
        match &rows {
            Some(rows) => row.extend(rows.row(person).map(Cow::into_owned)),
            None => row.extend(
                [
                    person.id.as_str(),
                    &person.name,
                    &person.manager,
                    &person.team,
                    person.track.label(),
                    person.level.as_str(),
                ]
                .map(str::to_owned),
            ),
        }
        row.push(proposal.map_or("", |p| p.target.as_str()).to_owned());
        row.push(decision.map_or("", |d| d.outcome.label()).to_owned());
        let new_level = decision.and_then(|d| d.new_level.as_ref());
        row.push(new_level.map_or("", |l| l.as_str()).to_owned());
        row.push(new_level.and_then(|l| session.ladder.level(l)).map_or("", |l| l.title.as_str()).to_owned());
        let effective =
            decision.filter(|d| d.outcome.changes_level()).and_then(|d| d.effective.or(session.meeting.effective));
        row.push(effective.map(|d| d.to_string()).unwrap_or_default());
        row.push(decision.map_or("", |d| d.rationale.as_str()).to_owned());
        let reasons = decision.map(|d| d.reasons.iter().map(|r| session.ladder.reason_label(r)).collect::<Vec<_>>());
        row.push(reasons.map(|r| r.join("; ")).unwrap_or_default());
        row.push(decision.map_or("", |d| d.decided_by.as_str()).to_owned());
        // ISO 8601 to the second, in UTC: what spreadsheets and HR systems read as a time.
        row.push(decision.map(|d| d.decided_at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()).unwrap_or_default());
        row.push(decision.map(|d| d.present.join("; ")).unwrap_or_default());
        row.push(decision.map(|d| d.recused.join("; ")).unwrap_or_default());
        // Minutes with one decimal: what the meeting spent on the candidate, when decided in it.
        #[expect(clippy::cast_precision_loss, reason = "seconds of a meeting, far below 2^52")]
        let minutes = decision.and_then(|d| d.time_spent_secs).map(|s| format!("{:.1}", s as f64 / 60.0));
        row.push(minutes.unwrap_or_default());
        row.push(record.clone());
        each(&row)?;
    }
    Ok(())
}

/// The decisions CSV as bytes (UTF-8, comma-separated, CRLF-free, quoted where needed).
pub fn decisions_csv(session: &Session, columns: CsvColumns) -> Result<Vec<u8>, csv::Error> {
    // A UTF-8 byte-order mark first: Excel on Windows reads the file as UTF-8 on a double-click
    // (without it, `Łucja` shows as `Å�ucja`); Ladderboard's importer reads one.
    let mut bytes = Vec::with_capacity(session.people.len() * 96 + 3);
    bytes.extend_from_slice(UTF8_BOM);
    let mut writer = csv::Writer::from_writer(bytes);
    let headers = decision_headers(session, columns);
    writer.write_record(headers.iter().map(|h| neutralise(h).into_owned()))?;
    for_each_decision_row(session, columns, |row| {
        for cell in row {
            writer.write_field(neutralise(cell).as_ref())?;
        }
        writer.write_record(None::<&[u8]>)
    })?;
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes the decisions CSV atomically with owner-only permissions.
pub fn export_decisions_csv(session: &Session, path: &Path, columns: CsvColumns) -> Result<(), FileError> {
    let bytes = decisions_csv(session, columns)
        .map_err(|e| FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    write_atomic(path, &bytes)
}
