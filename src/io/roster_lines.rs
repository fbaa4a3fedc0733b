//! Where in the file a record is, as a text editor counts lines (CRLF, blank and title lines,
//! newlines inside quoted cells), and the csv reader's errors placed on those lines.

use super::error::Problem;

/// Line numbers of byte offsets, counted forward (offsets mostly arrive in order).
pub(super) struct LineCounter<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    /// A counter that starts counting at byte `offset`, for a reader that starts there.
    pub(super) fn starting_at(text: &'t str, offset: usize) -> Self {
        let at = offset.min(text.len());
        let line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() as u64;
        LineCounter { text: text.as_bytes(), at, line }
    }

    /// The 1-based line holding byte `offset`.
    pub(super) fn line_at(&mut self, offset: usize) -> u64 {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            *self = LineCounter { text: self.text, at: 0, line: 1 };
        }
        let span = &self.text[self.at..offset];
        // Most spans are one row: a plain loop (which the compiler vectorises) beats memchr's setup.
        #[expect(clippy::naive_bytecount, reason = "measured faster than memchr on one-row spans")]
        let newlines = if span.len() < 512 {
            span.iter().filter(|&&b| b == b'\n').count()
        } else {
            memchr::memchr_iter(b'\n', span).count()
        };
        self.line += newlines as u64;
        self.at = offset;
        self.line
    }
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
