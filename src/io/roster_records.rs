//! Reading a roster's records into people, on both cores for a large file. The second half is read
//! from a line start near the middle on the guess that no quoted cell spans it; the first half's
//! reader, which knows where quotes stand, then either confirms the guess (its records reach the
//! line start exactly) or the second half's work is dropped and the first reader reads on. Either
//! way the people, problems and line numbers are those of one pass in order.

use super::roster_lines::{LineCounter, csv_problem};
use super::roster_rows::RowReader;
use super::roster_spelling::Spellings;

/// Below this many bytes a second thread costs more than it saves.
const SPLIT_FROM: usize = 128 * 1024;

/// A reader's progress: where its records start in the whole text, and on which lines.
pub(super) struct Pass<'t> {
    full_text: &'t str,
    /// Where the reader's input starts in `full_text`.
    offset: usize,
    pub(super) lines: LineCounter<'t>,
    /// Lines that end before `offset`.
    lines_before: u64,
    first_start: Option<usize>,
    pub(super) last_start: usize,
    /// The csv reader reported an error (its message counts from `offset`, not the file's start).
    failed: bool,
}

impl<'t> Pass<'t> {
    pub(super) fn new(full_text: &'t str, offset: usize) -> Self {
        Pass {
            full_text,
            offset,
            lines: LineCounter::starting_at(full_text, offset),
            lines_before: memchr::memchr_iter(b'\n', &full_text.as_bytes()[..offset.min(full_text.len())]).count()
                as u64,
            first_start: None,
            last_start: offset,
            failed: false,
        }
    }

    /// Where a record starts, and on which line as a text editor counts lines.
    fn start_of(&self, record: &csv::StringRecord) -> (usize, u64) {
        let (byte, line) = record.position().map_or((0, 1), |p| (usize::try_from(p.byte()).unwrap_or(0), p.line()));
        // The csv reader counts every "\n" it has read, quoted or not: its line is the editor's,
        // but after a CRLF (and before blank lines) the record starts at line ends it then skips.
        let (mut start, mut line) = (self.offset + byte, self.lines_before + line);
        while let Some(&b) = self.full_text.as_bytes().get(start)
            && (b == b'\r' || b == b'\n')
        {
            line += u64::from(b == b'\n');
            start += 1;
        }
        (start, line)
    }
}

/// Reads the records after the header into `rows`, splitting a large body across two threads.
/// `new_rows` makes an empty reader of rows for the second half.
pub(super) fn read_records<'a>(
    reader: &mut csv::Reader<&[u8]>,
    pass: &mut Pass<'_>,
    rows: &mut RowReader<'a>,
    delimiter: u8,
    new_rows: impl Fn() -> RowReader<'a> + Sync,
) {
    let mut record = csv::StringRecord::new();
    let Some(split) = split_point(pass.full_text, pass.offset) else {
        read_until(reader, &mut record, pass, rows, usize::MAX);
        return;
    };
    let full_text = pass.full_text;
    let (stopped, (later_rows, later)) = rayon::join(
        || read_until(reader, &mut record, pass, rows, split),
        || {
            let mut later_rows = new_rows();
            later_rows.spellings = Spellings::for_later_stretch();
            let mut later = Pass::new(full_text, split);
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .has_headers(false)
                .from_reader(&full_text.as_bytes()[split..]);
            read_until(&mut reader, &mut csv::StringRecord::new(), &mut later, &mut later_rows, usize::MAX);
            (later_rows, later)
        },
    );
    let guessed_right = stopped.is_some_and(|(start, _)| Some(start) == later.first_start) && !later.failed;
    #[cfg(test)]
    tests::GUESSED.with(|g| g.set(Some(guessed_right)));
    if guessed_right {
        rows.append(later_rows);
        pass.last_start = later.last_start;
        return;
    }
    // A quoted cell spanned the line start: read on in order.
    if let Some((start, line)) = stopped {
        pass.last_start = start;
        rows.read(&record, line);
        read_until(reader, &mut record, pass, rows, usize::MAX);
    }
}

/// The start of the line after the body's middle, when the body is large enough to split.
fn split_point(text: &str, body_start: usize) -> Option<usize> {
    let body = text.len().checked_sub(body_start)?;
    #[cfg(test)]
    let split_from = tests::SPLIT_FROM.with(std::cell::Cell::get);
    #[cfg(not(test))]
    let split_from = SPLIT_FROM;
    if body < split_from {
        return None;
    }
    let middle = body_start + body / 2;
    let newline = memchr::memchr(b'\n', &text.as_bytes()[middle..])?;
    Some(middle + newline + 1).filter(|&split| split < text.len())
}

/// Reads records into `rows` until the input ends, or until a record starts at or after `stop`:
/// that record is left unread in `record` and its start and line returned.
fn read_until(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    pass: &mut Pass<'_>,
    rows: &mut RowReader<'_>,
    stop: usize,
) -> Option<(usize, u64)> {
    loop {
        match reader.read_record(record) {
            Ok(true) => {
                let (start, line) = pass.start_of(record);
                pass.first_start.get_or_insert(start);
                if start >= stop {
                    return Some((start, line));
                }
                pass.last_start = start;
                rows.read(record, line);
            }
            Ok(false) => return None,
            Err(e) => {
                pass.failed = true;
                rows.problems.push(csv_problem(&e, &mut pass.lines, pass.offset));
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    return None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::io::ladder_ron::default_ladder;
    use crate::io::roster_csv::{ImportOptions, RosterImport, parse_roster_with};
    use crate::io::{FileError, Problem};
    use std::cell::Cell;
    use std::fmt::Write as _;
    use std::path::Path;

    thread_local! {
        /// The body size from which the import splits; tests lower it or turn splitting off.
        pub(super) static SPLIT_FROM: Cell<usize> = const { Cell::new(super::SPLIT_FROM) };
        /// Whether the last split's guess held.
        pub(super) static GUESSED: Cell<Option<bool>> = const { Cell::new(None) };
    }

    fn import(text: &str, split: bool) -> (Result<RosterImport, FileError>, Option<bool>) {
        SPLIT_FROM.with(|s| s.set(if split { 1 } else { usize::MAX }));
        GUESSED.with(|g| g.set(None));
        let options = ImportOptions { this_year: 2026, ..ImportOptions::default() };
        let result = parse_roster_with(text.as_bytes(), Path::new("r.csv"), &default_ladder(), &options);
        (result, GUESSED.with(Cell::get))
    }

    /// The same file read in two halves and in one pass: the same people, columns and problems.
    fn same_both_ways(text: &str, guess_holds: bool) -> Result<RosterImport, Vec<Problem>> {
        let (halves, guessed) = import(text, true);
        assert_eq!(guessed, Some(guess_holds), "the split's guess");
        let (in_order, _) = import(text, false);
        match (halves, in_order) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.people.len(), b.people.len());
                if let Some((x, y)) = a.people.iter().zip(&b.people).find(|(x, y)| x != y) {
                    panic!("split {x:?}\nin order {y:?}");
                }
                assert_eq!(a.roster_columns, b.roster_columns);
                assert_eq!(a.two_digit_years, b.two_digit_years);
                Ok(a)
            }
            (Err(FileError::Invalid(a)), Err(FileError::Invalid(b))) => {
                assert_eq!(a.problems, b.problems);
                Err(a.problems)
            }
            (a, b) => panic!("split {:?} / in order {:?}", a.map(|r| r.people.len()), b.map(|r| r.people.len())),
        }
    }

    /// Two halves that write the same values differently: the first half spells P3 "Senior" and
    /// writes ISO dates; the second starts with "Senior Software Engineer" and `15-Jan-2020`.
    fn two_spellings(rows: usize, ending: &str) -> String {
        let mut text = format!("Employee ID,Name,Manager,Team,Job Level,Hire Date{ending}");
        for i in 0..rows {
            let second = i >= rows / 2;
            let level = match (second, i % 3) {
                (false, 0) | (true, 2) => "Senior",
                (false, 1) | (true, 0) => "Senior Software Engineer",
                _ => "P3",
            };
            let date = if second && i % 2 == 0 { "15-Jan-2020" } else { "2020-01-15" };
            let _ = write!(text, "E{i:05},Person {i},M{},Team {},{level},{date}{ending}", i % 7, i % 5);
        }
        text
    }

    #[test]
    fn halves_that_spell_values_differently_keep_what_one_pass_keeps() {
        let imported = same_both_ways(&two_spellings(400, "\n"), true).expect("imports");
        let kept = |id: &str| &imported.people.iter().find(|p| p.id.as_str() == id).expect("person").originals;
        // In one pass the column spells P3 "Senior" and writes ISO: the second half keeps its own.
        assert_eq!(kept("E00300").len(), 2, "{:?}", kept("E00300"));
        assert!(kept("E00301").is_empty(), "{:?}", kept("E00301"));
        let level = imported.roster_columns.iter().find(|c| c.header == "Job Level").expect("column");
        assert_eq!(level.spellings.len(), 1);
        assert_eq!(level.spellings[0].1, "Senior");
    }

    #[test]
    fn wherever_the_middle_falls_the_halves_read_as_one_pass() {
        // The second half starts on a row of either spelling and either date format.
        for rows in 300..312 {
            for ending in ["\n", "\r\n"] {
                same_both_ways(&two_spellings(rows, ending), true).expect("imports");
            }
        }
    }

    #[test]
    fn windows_line_endings_and_problems_in_the_second_half_name_their_lines() {
        let text = two_spellings(400, "\r\n")
            .replace("E00350,Person 350,M0,Team 0,Senior", "E00350,Person 350,M0,Team 0,Wizard");
        let problems = same_both_ways(&text, true).expect_err("refused");
        assert_eq!(problems.len(), 1);
        // The header is line 1, so row 350 (counting from 0) is line 352.
        assert_eq!(problems[0].line, Some(352));
    }

    #[test]
    fn a_quoted_cell_across_the_middle_is_read_again_in_order() {
        let mut text = two_spellings(400, "\n");
        let middle = text.len() / 2;
        let row_start = text[..middle].rfind('\n').expect("a row") + 1;
        // A note cell of many lines around the middle, where the second half would start reading.
        let lines = (0..400).fold(String::new(), |mut text, i| {
            let _ = writeln!(text, "line {i}");
            text
        });
        let row = format!("E99999,\"Note\n{lines}end\",M1,Team 1,P2,2021-03-04\n");
        text.insert_str(row_start, &row);
        let imported = same_both_ways(&text, false).expect("imports");
        assert_eq!(imported.people.len(), 401);
    }

    #[test]
    fn an_unclosed_quote_in_the_second_half_names_the_line_it_opened_on() {
        let text = two_spellings(400, "\n").replace("E00390,Person 390", "E00390,\"Person 390");
        let problems = same_both_ways(&text, true).expect_err("refused");
        assert!(problems.iter().any(|p| p.line == Some(392) && p.message.contains("never closed")), "{problems:?}");
    }
}
