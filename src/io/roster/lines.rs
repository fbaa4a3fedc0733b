//! Where in the file a record is, as a text editor counts lines (CRLF, blank and title lines,
//! newlines inside quoted cells), and the csv reader's errors placed on those lines.

use crate::io::error::Problem;

/// Line ends in `bytes`.
pub(super) fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The 1-based line holding byte `offset`. Rows get their lines from the csv reader; this serves
/// the few offsets found otherwise (the header, an unclosed quote).
pub(super) fn line_of(text: &str, offset: usize) -> u64 {
    1 + count_newlines(&text.as_bytes()[..offset.min(text.len())])
}

/// Where a quoted cell that never closes opens, looking from the start of the last record (the csv
/// reader has read everything after such a quote into that record).
pub(super) fn unclosed_quote(text: &str, last_record_start: usize, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = last_record_start;
    let mut field_start = true;
    while at < bytes.len() {
        let b = bytes[at];
        if field_start && b == b'"' {
            let opened = at;
            at += 1;
            loop {
                match memchr::memchr(b'"', &bytes[at..]) {
                    None => return Some(opened),
                    Some(i) if bytes.get(at + i + 1) == Some(&b'"') => at += i + 2,
                    Some(i) => {
                        at += i + 1;
                        break;
                    }
                }
            }
            field_start = false;
            continue;
        }
        field_start = b == delimiter || b == b'\n' || b == b'\r';
        at += 1;
    }
    None
}

/// A problem the csv reader reported, on `line` when known.
pub(super) fn csv_problem(error: &csv::Error, line: Option<u64>) -> Problem {
    let problem = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => Problem::new("a cell is not valid text", "save the file again as \"CSV UTF-8\""),
        _ => Problem::new(
            format!("the file could not be read as CSV: {error}"),
            "check for an unclosed quote near this line",
        ),
    };
    match line {
        Some(line) => problem.at_line(line),
        None => problem,
    }
}
