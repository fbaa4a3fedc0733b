//! Reading a roster: the entry points, and the CSV path from bytes to people (decode, skip a
//! preamble, find the header, read the records in stretches, map columns, make people). A
//! workbook's sheet is read into the same rows (`sheet.rs`) and goes the same way from there.

use super::decode::decode;
use super::headers::{detect_delimiter, skip_preamble};
use super::lines::{csv_problem, line_of, unclosed_quote};
use super::mapping::Columns;
use super::people::RowReader;
use super::records::read_records;
use super::sheet::{SheetReading, is_workbook, roster_sheet};
use super::{Field, ImportOptions, RosterImport, SheetSource};
use crate::io::error::{FileError, Problem};
use crate::model::{Ladder, LevelMatcher};
use std::path::Path;

/// Reads and parses a roster file.
pub fn read_roster(path: &Path, ladder: &Ladder) -> Result<RosterImport, FileError> {
    read_roster_with(path, ladder, &ImportOptions::default())
}

/// Reads and parses a roster file with the user's choices.
pub fn read_roster_with(path: &Path, ladder: &Ladder, options: &ImportOptions) -> Result<RosterImport, FileError> {
    let bytes = std::fs::read(path).map_err(|source| FileError::Read { path: path.to_path_buf(), source })?;
    let mut imported = parse_roster_with(&bytes, path, ladder, options)?;
    imported.sha256 = sha256_hex(&bytes);
    Ok(imported)
}

/// The SHA-256 of a file's bytes, in hex: how the record names the roster a session came from.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// Parses roster bytes; `file` is only used in messages.
pub fn parse_roster(bytes: &[u8], file: &Path, ladder: &Ladder) -> Result<RosterImport, FileError> {
    parse_roster_with(bytes, file, ladder, &ImportOptions::default())
}

/// Parses roster bytes (CSV text or a workbook) with the user's choices; `file` is only used in messages.
pub fn parse_roster_with(
    bytes: &[u8],
    file: &Path,
    ladder: &Ladder,
    options: &ImportOptions,
) -> Result<RosterImport, FileError> {
    let result = if is_workbook(bytes) {
        parse_workbook(bytes, file, ladder, options)
    } else {
        parse_csv(bytes, file, ladder, options)
    };
    // The same problem on many rows (six unknown level codes over 100,000 people) is one line per
    // value, with its count and first rows, not a line per row.
    result.map_err(|e| match e {
        FileError::Invalid(mut list) => {
            list.problems = crate::io::error::grouped(std::mem::take(&mut list.problems));
            FileError::Invalid(list)
        }
        other => other,
    })
}

/// A workbook's roster sheet, read as CSV; every problem is placed on the sheet's row.
fn parse_workbook(
    bytes: &[u8],
    file: &Path,
    ladder: &Ladder,
    options: &ImportOptions,
) -> Result<RosterImport, FileError> {
    let date_headers = options
        .columns
        .iter()
        .filter(|(field, _)| matches!(field, Field::StartDate | Field::LevelSince))
        .filter_map(|(_, header)| header.clone())
        .collect();
    let reading = SheetReading { sheet: options.sheet.clone(), date_headers, this_year: options.this_year };
    let table = roster_sheet(bytes, file, &reading)?;
    let csv_options = ImportOptions { encoding: Some(encoding_rs::UTF_8), ..options.clone() };
    let mut problems = table.problems.clone();
    match parse_csv(&table.csv, file, ladder, &csv_options) {
        Ok(mut imported) if problems.is_empty() => {
            imported.encoding = "workbook";
            imported.sheet = Some(SheetSource {
                name: table.sheet.clone(),
                why: table.why.clone(),
                sheets: table.sheets.clone(),
                serial_dates: table.serial_dates,
                date_1904: table.date_1904,
                merged: table.merged.clone(),
                formatted_numbers: table.formatted_numbers,
                hidden_sheets: table.hidden_sheets.clone(),
                hidden_rows: table.hidden_rows.clone(),
            });
            Ok(imported)
        }
        Ok(_) => Err(FileError::invalid(file, problems)),
        Err(FileError::Invalid(list)) => {
            problems.extend(list.problems.into_iter().map(|p| table.place(p)));
            problems.sort_by_key(|p| p.line);
            Err(FileError::invalid(file, problems))
        }
        Err(other) => Err(other),
    }
}

fn parse_csv(bytes: &[u8], file: &Path, ladder: &Ladder, options: &ImportOptions) -> Result<RosterImport, FileError> {
    let decoded = decode(bytes, options.encoding).map_err(|p| FileError::invalid(file, vec![p]))?;
    let text = decoded.text.as_ref();
    // Excel for Mac's "CSV (Macintosh)" ends each line with a lone CR (and a file pasted together
    // can mix them with LF): the csv reader takes one as a line end, but no line count would move.
    // Read as LF, lines are numbered as an editor shows them.
    let with_lf = lone_crs_as_lf(text);
    let lone_cr = with_lf.is_some();
    let text = with_lf.as_deref().unwrap_or(text);
    // A byte-order mark or zero-width character at a line's start (two exports joined into one
    // file) would sit invisibly inside that line's first cell: dropped, and said.
    let visible = invisible_line_starts_dropped(text);
    let invisible_marks = visible.as_ref().map(|(_, lines)| lines.clone()).unwrap_or_default();
    let text = visible.as_ref().map_or(text, |(t, _)| t.as_str());
    if text.trim().is_empty() {
        let problem =
            Problem::new("the file is empty", "export the roster again with a header row and one row per person");
        return Err(FileError::invalid(file, vec![problem]));
    }
    refuse_web_page(text, file)?;
    let full_text = text;
    let preamble = skip_preamble(text);
    let text = text.get(preamble.body_start..).unwrap_or_default();
    if text.trim().is_empty() {
        let problem = Problem::new(
            "the file holds only Excel's separator line (`sep=`): it has no header row and no people",
            "export the roster again with a header row and one row per person",
        )
        .at_line(1);
        return Err(FileError::invalid(file, vec![problem]));
    }
    let delimiter = preamble.delimiter.unwrap_or_else(|| detect_delimiter(text));
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    // Lines are counted as a text editor counts them (CRLF, blank and title lines, newlines inside
    // quoted cells), not from the csv reader's record count.
    let header_line = line_of(full_text, preamble.body_start);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            let line = e.position().map(|p| header_line + p.line() - 1);
            return Err(FileError::invalid(file, vec![csv_problem(&e, line)]));
        }
    };
    let first_record = preamble.body_start + usize::try_from(reader.position().byte()).unwrap_or(0);
    let (columns, problems) = Columns::from_headers(&headers, &options.columns, header_line);
    if !problems.is_empty() {
        return Err(FileError::invalid(file, problems));
    }
    let scheme = match &options.level_scheme {
        Some(name) => {
            Some(ladder.scheme(name).ok_or_else(|| FileError::invalid(file, vec![unknown_scheme(ladder, name)]))?)
        }
        None => None,
    };
    // Sizing the people list and the id index up front saves their regrowth on large rosters.
    // Estimated from the first lines' length rather than counted: counting every newline is a
    // whole extra pass over the file.
    let sample = &text.as_bytes()[..text.len().min(4096)];
    let sample_lines = memchr::memchr_iter(b'\n', sample).count().max(1);
    let expected_rows = text.len() * sample_lines / sample.len().max(1) + 1;
    let matcher = LevelMatcher::with_scheme(ladder, scheme);
    let new_rows = |expected_rows| {
        let mut rows = RowReader::new(ladder, &matcher, &columns, expected_rows);
        rows.this_year = options.this_year;
        rows
    };
    let (mut rows, last_start) = read_records(full_text, first_record, delimiter, expected_rows, new_rows);
    if let Some(opened) = unclosed_quote(full_text, last_start, delimiter) {
        let line = line_of(full_text, opened);
        rows.problems.push(
            Problem::new(
                format!("a quoted cell opened on line {line} is never closed, so every line after it would be read into that one cell"),
                "close the quote, or write a quote inside a cell as two quotes (27\"\" monitor), or remove it",
            )
            .at_line(line),
        );
    }
    rows.resolve_slashed_dates();
    rows.check_ids_and_reporting_lines();
    rows.problems.sort_by_key(|p| p.line);
    if rows.problems.is_empty() && rows.people.is_empty() {
        rows.problems
            .push(Problem::new("the roster has a header but no people", "add one row per person below the header"));
    }
    if rows.problems.is_empty() {
        let mut roster_columns = columns.layout();
        rows.spellings.into_columns(&mut roster_columns);
        Ok(RosterImport {
            people: rows.people,
            roster_columns,
            encoding: decoded.encoding,
            encoding_choice: decoded.how,
            delimiter,
            lone_cr,
            invisible_marks,
            columns: columns.sources.clone(),
            two_digit_years: rows.two_digit_years,
            no_manager_words: rows.no_manager_words,
            level_scheme: scheme.map(|s| s.name.clone()),
            this_year: options.this_year,
            // Filled by `read_roster_with` (and the window's import), which hold the whole file;
            // hashing here would cost the benchmarked parse a third of its time.
            sha256: String::new(),
            sheet: None,
        })
    } else {
        Err(FileError::invalid(file, rows.problems))
    }
}

/// The text with each carriage return that is not followed by a line feed turned into one; `None`
/// when there is no such carriage return (almost every file: a scan for `\r` and nothing more).
fn lone_crs_as_lf(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let lone = |&i: &usize| bytes.get(i + 1) != Some(&b'\n');
    memchr::memchr_iter(b'\r', bytes).find(lone)?;
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in memchr::memchr_iter(b'\r', bytes).filter(lone) {
        out.push_str(&text[from..at]);
        out.push('\n');
        from = at + 1;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// Characters nobody sees that a file can carry at a line's start: a byte-order mark (a second
/// file's, after two were joined), a zero-width space or word joiner.
const INVISIBLE: [char; 3] = ['\u{feff}', '\u{200b}', '\u{2060}'];

/// The text without invisible characters at its lines' starts, and the lines (1-based) they were
/// on; `None` when there are none (a scan for the characters and nothing more).
fn invisible_line_starts_dropped(text: &str) -> Option<(String, Vec<u64>)> {
    let mut utf8 = [0u8; 4];
    let present =
        INVISIBLE.iter().any(|c| memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut utf8).as_bytes()).is_some());
    if !present {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = Vec::new();
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let kept = line.trim_start_matches(INVISIBLE);
        if kept.len() != line.len() {
            lines.push(n as u64 + 1);
        }
        out.push_str(kept);
    }
    (!lines.is_empty()).then_some((out, lines))
}

/// HR systems' "Excel" exports are often a web page or Excel XML saved as .xls: say so, rather
/// than report its markup as a header without an id column.
fn refuse_web_page(text: &str, file: &Path) -> Result<(), FileError> {
    let head: String =
        text.trim_start_matches('\u{feff}').trim_start().chars().take(512).collect::<String>().to_lowercase();
    if head.starts_with('<')
        && ["<html", "<table", "<?xml", "<workbook", "<!doctype"].iter().any(|tag| head.contains(tag))
    {
        let problem = Problem::new(
            "the file is a web page or XML document saved with a spreadsheet's name, not a workbook or CSV",
            "open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that",
        );
        return Err(FileError::invalid(file, vec![problem]));
    }
    Ok(())
}

fn unknown_scheme(ladder: &Ladder, name: &str) -> Problem {
    let known: Vec<&str> = ladder.schemes.iter().map(|s| s.name.as_str()).collect();
    let choices = if known.is_empty() { "(this ladder defines none)".to_owned() } else { known.join(", ") };
    Problem::new(format!("the ladder has no level code scheme named \"{name}\""), format!("use one of: {choices}"))
}
