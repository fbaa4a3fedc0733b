//! Decisions as an Excel workbook (`.xlsx`, by `rust_xlsxwriter`): the same columns and rows as the
//! CSV export. Every cell is written as a string (a name that starts with `=` stays text and is never
//! a formula, the same guarantee the CSV's `'` prefix gives), but the minutes, written as a number.
//! The header row is bold, frozen and filtered; columns are as wide as their content, up to a limit.

use super::csv::{CsvColumns, decision_headers, for_each_decision_row};
use crate::io::atomic::write_atomic;
use crate::io::error::FileError;
use crate::model::Session;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::path::Path;

/// Widest a column grows to fit its content, in characters; longer text (a rationale) is cut off
/// at the column's edge in Excel, and shown whole in the cell.
const MAX_WIDTH: usize = 60;

/// The decisions workbook as bytes.
pub fn decisions_xlsx(session: &Session, columns: CsvColumns) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Decisions")?;
    let headers = decision_headers(session, columns);
    // The minutes column comes before the record's head, which ends every row; the dates sit at
    // fixed places among the columns added after the roster's own.
    let minutes_column = headers.len() - 2;
    let added_start = headers.len() - super::csv::ADDED_HEADERS.len();
    let decided_at_column = added_start + super::csv::ADDED_DECIDED_AT;
    let effective_column = added_start + super::csv::ADDED_EFFECTIVE;
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count() + 3).collect();
    let bold = Format::new().set_bold();
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, column(col), header, &bold)?;
    }
    let mut row = 0u32;
    for_each_decision_row(session, columns, |cells| {
        row += 1;
        for (col, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            // Dates as real date cells (UTC), so Excel sorts and filters them as dates.
            let date = (col == decided_at_column || col == effective_column).then(|| excel_date(cell)).flatten();
            let written = match (cell.parse::<f64>(), date) {
                (_, Some(date)) if col == decided_at_column => {
                    sheet.write_datetime_with_format(row, column(col), &date, &when)
                }
                (_, Some(date)) => sheet.write_datetime_with_format(row, column(col), &date, &day),
                (Ok(minutes), None) if col == minutes_column => sheet.write_number(row, column(col), minutes),
                _ => sheet.write_string(row, column(col), fit_in_a_cell(cell).as_ref()),
            };
            // A cell the writer refuses names the person's row and the column.
            written.map_err(|e| {
                let who = cells.first().map_or("", String::as_str);
                let header = headers.get(col).map_or("", String::as_str);
                XlsxError::ParameterError(format!("the row of {who}, column \"{header}\": {e}"))
            })?;
            if let Some(width) = widths.get_mut(col) {
                *width = (*width).max(cell.chars().count() + 1);
            }
        }
        Ok::<(), XlsxError>(())
    })?;
    for (col, width) in widths.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a width of at most MAX_WIDTH")]
        sheet.set_column_width(column(col), (*width).min(MAX_WIDTH) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row, column(headers.len().saturating_sub(1)))?;
    record_sheet(&mut book, session)?;
    book.save_to_buffer()
}

/// A cell's ISO date ("2027-01-01") or time ("2026-12-03T14:05:09Z") as Excel's date.
fn excel_date(cell: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let (date, time) = match cell.split_once('T') {
        Some((date, time)) => (date, Some(time.trim_end_matches('Z'))),
        None => (cell, None),
    };
    let date: jiff::civil::Date = date.parse().ok()?;
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(date.year()).ok()?,
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()?;
    match time {
        Some(time) => {
            let time: jiff::civil::Time = time.parse().ok()?;
            day.and_hms(u16::try_from(time.hour()).ok()?, u8::try_from(time.minute()).ok()?, time.second()).ok()
        }
        None => Some(day),
    }
}

/// The "Record" sheet: which record the decisions come from, so the workbook can be checked against
/// the session later (`ladderboard head` prints the same values).
fn record_sheet(book: &mut Workbook, session: &Session) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name("Record")?;
    let signers: Vec<&str> = session.signatures.iter().map(|s| s.signer.as_str()).collect();
    let rows = [
        ("Session", session.title.clone()),
        ("Cycle", session.cycle.clone()),
        ("State", session.record_state().to_owned()),
        ("Events", session.audit.len().to_string()),
        ("Head", session.head_hash().to_owned()),
        ("Identity", session.record_identity().to_owned()),
        ("Signed by", signers.join(", ")),
    ];
    let bold = Format::new().set_bold();
    for (row, (name, value)) in (0u32..).zip(rows) {
        sheet.write_string_with_format(row, 0, name, &bold)?;
        sheet.write_string(row, 1, fit_in_a_cell(&value).as_ref())?;
    }
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 70)?;
    Ok(())
}

/// Excel holds at most 32,767 UTF-16 units in a cell (an emoji counts two); a longer text (a
/// pasted essay of a rationale, a row of emoji) is cut there, on a character boundary, with a
/// note, rather than failing the whole export. The CSV and RON keep it whole.
fn fit_in_a_cell(text: &str) -> std::borrow::Cow<'_, str> {
    const LIMIT: usize = 32_767;
    const NOTE: &str = " … [cut at Excel's cell limit; the CSV and RON exports hold all of it]";
    // Each UTF-8 byte is at most one UTF-16 unit: a short text needs no count.
    if text.len() <= LIMIT || text.encode_utf16().count() <= LIMIT {
        return text.into();
    }
    let room = LIMIT - NOTE.encode_utf16().count();
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            used += c.len_utf16();
            used > room
        })
        .map_or(text.len(), |(at, _)| at);
    format!("{}{NOTE}", &text[..end]).into()
}

/// A column index as the writer takes it; an export has far fewer than 16,384 columns (Excel's limit).
fn column(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// Writes the decisions workbook atomically with owner-only permissions.
pub fn export_decisions_xlsx(session: &Session, path: &Path, columns: CsvColumns) -> Result<(), FileError> {
    let bytes = decisions_xlsx(session, columns).map_err(|e| match e {
        // A cell the writer refuses is the data's problem, named, not a failed write.
        XlsxError::MaxStringLengthExceeded | XlsxError::ParameterError(_) => {
            let problem = crate::io::Problem::new(
                format!("a cell could not be written to the workbook: {e}"),
                "export as CSV (which holds any text), or shorten the text named",
            );
            FileError::invalid(path, vec![problem])
        }
        other => FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(other.to_string()) },
    })?;
    write_atomic(path, &bytes)
}
