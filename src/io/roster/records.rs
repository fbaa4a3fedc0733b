//! Reading a roster's records into people, on every core for a large file. The body is cut into
//! stretches at line starts; each stretch after the first is read on the guess that no quoted cell
//! spans its start. In file order, the stretch before confirms the guess (its records reach that
//! line start exactly) or everything from there is read again in order. Either way the people,
//! problems and line numbers are those of one pass in order.

use super::lines::{count_newlines, csv_problem};
use super::people::RowReader;
use super::spelling::Spellings;
use rayon::prelude::*;

/// The fewest bytes a stretch holds: reading one costs far more than starting one.
const STRETCH: usize = 64 * 1024;

/// Reads the records from `first_record` (the start of the line after the header) to the end.
/// `new_rows(capacity)` makes an empty reader of rows. Returns the rows, in file order, and where
/// the last record starts (for the unclosed-quote check).
pub(super) fn read_records<'a>(
    text: &str,
    first_record: usize,
    delimiter: u8,
    expected_rows: usize,
    new_rows: impl Fn(usize) -> RowReader<'a> + Sync,
) -> (RowReader<'a>, usize) {
    let starts = stretch_starts(text, first_record);
    let count = starts.len();
    // The first stretch's lines are known now; the others' once the stretches before are counted.
    let first_lines = count_newlines(&text.as_bytes()[..first_record]);
    let stretches: Vec<Stretch<'a>> = (0..count)
        .into_par_iter()
        .with_max_len(1)
        .map(|i| {
            let end = starts.get(i + 1).copied().unwrap_or(usize::MAX);
            let mut rows = new_rows(if i == 0 { expected_rows } else { expected_rows / count + 1 });
            if i > 0 {
                rows.spellings = Spellings::for_later_stretch();
            }
            read_stretch(text, starts[i], end, delimiter, rows, if i == 0 { first_lines } else { 0 })
        })
        .collect::<Vec<_>>();
    let mut later = stretches.into_iter();
    let Some(first) = later.next() else { return (new_rows(0), first_record) };
    let (mut rows, mut at) = (first.rows, first.end);
    let mut lines_before = first_lines + first.newlines;
    for stretch in later {
        let guessed_right = matches!(at, End::Stopped(start) if Some(start) == stretch.first_start);
        #[cfg(test)]
        tests::GUESSED.with(|g| g.set(Some(g.get().unwrap_or(true) && guessed_right && !stretch.failed)));
        if !guessed_right || stretch.failed {
            // A quoted cell spanned this stretch's start (or its reader failed): read on in order.
            if let End::Stopped(start) = at {
                let lines_before = count_newlines(&text.as_bytes()[..start]);
                let rest = read_stretch(text, start, usize::MAX, delimiter, rows, lines_before);
                return (rest.rows, rest.last_start);
            }
            break;
        }
        let mut stretch_rows = stretch.rows;
        stretch_rows.shift_lines(lines_before);
        rows.append(stretch_rows);
        lines_before += stretch.newlines;
        at = stretch.end;
    }
    let last_start = match at {
        End::Stopped(start) => start,
        End::Ended(last_start) => last_start,
    };
    (rows, last_start)
}

/// How a stretch's reading ended.
#[derive(Clone, Copy)]
enum End {
    /// A record starts here, at or after the stretch's end: the next stretch's first.
    Stopped(usize),
    /// The input ended (or the reader failed); the last record started here.
    Ended(usize),
}

/// One stretch, read on its own.
struct Stretch<'a> {
    rows: RowReader<'a>,
    first_start: Option<usize>,
    end: End,
    last_start: usize,
    /// Line ends from its start up to where the next stretch starts.
    newlines: u64,
    /// The csv reader reported an error (its message counts from the stretch, not the file).
    failed: bool,
}

/// Line starts that cut the body into stretches of about `STRETCH` bytes; the first is the body's.
fn stretch_starts(text: &str, first_record: usize) -> Vec<usize> {
    let body = text.len().saturating_sub(first_record);
    // One stretch per core: measured on two cores, 10,000 rows took 2.3 ms in two stretches and
    // 2.5 ms in eight (each stretch starts its own csv reader and is merged after). Tests cut
    // small files into many stretches, on any number of cores.
    #[cfg(test)]
    let (stretch, most) = (tests::STRETCH.with(std::cell::Cell::get), 64);
    #[cfg(not(test))]
    let (stretch, most) = (STRETCH, rayon::current_num_threads());
    let count = (body / stretch).clamp(1, most.max(1));
    let mut starts = vec![first_record];
    for i in 1..count {
        let middle = first_record + body * i / count;
        let Some(newline) = memchr::memchr(b'\n', &text.as_bytes()[middle..]) else { break };
        let start = middle + newline + 1;
        if start < text.len() && starts.last().is_some_and(|&last| start > last) {
            starts.push(start);
        }
    }
    starts
}

/// Reads the records that start in `from..end` (to the input's end when `end` is `usize::MAX`),
/// numbering lines after `lines_before` (0 when not known yet: the caller shifts them).
fn read_stretch<'a>(
    text: &str,
    from: usize,
    end: usize,
    delimiter: u8,
    mut rows: RowReader<'a>,
    lines_before: u64,
) -> Stretch<'a> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(&text.as_bytes()[from..]);
    let mut record = csv::StringRecord::new();
    let (mut first_start, mut last_start, mut failed) = (None, from, false);
    let stop = loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let (start, line) = start_of(text, from, &record);
                first_start.get_or_insert(start);
                if start >= end {
                    break End::Stopped(start);
                }
                last_start = start;
                rows.read(&record, lines_before + line);
            }
            Ok(false) => break End::Ended(last_start),
            Err(e) => {
                failed = true;
                rows.problems.push(csv_problem(&e, e.position().map(|p| lines_before + p.line())));
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    break End::Ended(last_start);
                }
            }
        }
    };
    let counted_to = match stop {
        End::Stopped(_) => end.min(text.len()),
        End::Ended(_) => text.len(),
    };
    let newlines = count_newlines(&text.as_bytes()[from..counted_to]);
    Stretch { rows, first_start, end: stop, last_start, newlines, failed }
}

/// Where a record starts, and on which line counted from 1 at `from`, as a text editor counts.
fn start_of(text: &str, from: usize, record: &csv::StringRecord) -> (usize, u64) {
    let (byte, line) = record.position().map_or((0, 1), |p| (usize::try_from(p.byte()).unwrap_or(0), p.line()));
    // The csv reader counts every "\n" it has read, quoted or not: its line is the editor's, but
    // after a CRLF (and before blank lines) the record starts at line ends it then skips.
    let (mut start, mut line) = (from + byte, line);
    while let Some(&b) = text.as_bytes().get(start)
        && (b == b'\r' || b == b'\n')
    {
        line += u64::from(b == b'\n');
        start += 1;
    }
    (start, line)
}

#[cfg(test)]
mod tests {
    use crate::io::ladder_ron::default_ladder;
    use crate::io::roster::{ImportOptions, RosterImport, parse_roster_with};
    use crate::io::{FileError, Problem};
    use std::cell::Cell;
    use std::fmt::Write as _;
    use std::path::Path;

    thread_local! {
        /// The stretch size; tests make it small, or turn stretches off.
        pub(super) static STRETCH: Cell<usize> = const { Cell::new(super::STRETCH) };
        /// Whether every stretch's guess held (`None`: one stretch).
        pub(super) static GUESSED: Cell<Option<bool>> = const { Cell::new(None) };
    }

    fn import(text: &str, split: bool) -> (Result<RosterImport, FileError>, Option<bool>) {
        import_in(text, if split { 1024 } else { usize::MAX })
    }

    fn import_in(text: &str, stretch: usize) -> (Result<RosterImport, FileError>, Option<bool>) {
        STRETCH.with(|s| s.set(stretch));
        GUESSED.with(|g| g.set(None));
        let options = ImportOptions { this_year: 2026, ..ImportOptions::default() };
        let result = parse_roster_with(text.as_bytes(), Path::new("r.csv"), &default_ladder(), &options);
        (result, GUESSED.with(Cell::get))
    }

    /// The same file read in two halves and in one pass: the same people, columns and problems.
    /// `guesses_hold`: whether every stretch's guess should hold (`None`: either).
    fn same_both_ways(text: &str, guesses_hold: Option<bool>) -> Result<RosterImport, Vec<Problem>> {
        let (halves, guessed) = import(text, true);
        if guesses_hold.is_some() {
            assert_eq!(guessed, guesses_hold, "the stretches' guesses");
        }
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
    fn stretches_that_spell_values_differently_keep_what_one_pass_keeps() {
        let imported = same_both_ways(&two_spellings(400, "\n"), Some(true)).expect("imports");
        let kept = |id: &str| &imported.people.iter().find(|p| p.id.as_str() == id).expect("person").originals;
        // In one pass the column spells P3 "Senior" and writes ISO: the second half keeps its own.
        assert_eq!(kept("E00300").len(), 2, "{:?}", kept("E00300"));
        assert!(kept("E00305").is_empty(), "{:?}", kept("E00305"));
        // "P3" is Ladderboard's own text, but the column spells P3 "Senior": the cell is kept.
        assert_eq!(kept("E00301").len(), 1, "{:?}", kept("E00301"));
        let level = imported.roster_columns.iter().find(|c| c.header == "Job Level").expect("column");
        assert_eq!(level.spellings.len(), 1);
        assert_eq!(level.spellings[0].1, "Senior");
    }

    #[test]
    fn wherever_the_stretches_start_they_read_as_one_pass() {
        // The second half starts on a row of either spelling and either date format.
        for rows in 300..312 {
            for ending in ["\n", "\r\n"] {
                same_both_ways(&two_spellings(rows, ending), Some(true)).expect("imports");
            }
        }
    }

    #[test]
    fn windows_line_endings_and_problems_in_later_stretches_name_their_lines() {
        let text = two_spellings(400, "\r\n")
            .replace("E00350,Person 350,M0,Team 0,Senior", "E00350,Person 350,M0,Team 0,Wizard");
        let problems = same_both_ways(&text, Some(true)).expect_err("refused");
        assert_eq!(problems.len(), 1);
        // The header is line 1, so row 350 (counting from 0) is line 352.
        assert_eq!(problems[0].line, Some(352));
    }

    #[test]
    fn a_quoted_cell_across_a_stretch_start_is_read_again_in_order() {
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
        let imported = same_both_ways(&text, Some(false)).expect("imports");
        assert_eq!(imported.people.len(), 401);
    }

    #[test]
    fn an_unclosed_quote_in_a_later_stretch_names_the_line_it_opened_on() {
        let text = two_spellings(400, "\n").replace("E00390,Person 390", "E00390,\"Person 390");
        let problems = same_both_ways(&text, None).expect_err("refused");
        assert!(problems.iter().any(|p| p.line == Some(392) && p.message.contains("never closed")), "{problems:?}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

        /// Any file of rows (quoted cells with line breaks and quotes, blank lines, CRLF, spellings
        /// and date formats mixed, bad values) reads the same in small stretches as in one pass.
        #[test]
        fn any_roster_reads_the_same_in_stretches(
            rows in proptest::collection::vec((0usize..40, 0usize..6, 0usize..60, 0usize..60, 0usize..9), 1..60),
            crlf in proptest::bool::ANY,
            stretch in 16usize..400,
        ) {
            let ending = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("Employee ID,Name,Manager,Team,Track,Job Level,Hire Date{ending}");
            let names = ["Ann", "\"Lee, Bo\"", "\"Two\nlines\"", "\"Say \"\"hi\"\"\"", "Zoë", "\"Three\r\nline\ncell\""];
            let levels = ["P3", "Senior", "Senior Software Engineer", "L5", "P2"];
            let dates = ["2020-01-15", "15-Jan-2020", "03/04/2020", "13/04/2020", ""];
            // Mostly good rows, so both whole imports (about a quarter) and refusals are compared;
            // now and then a blank line, a repeated id, an unknown level or an unreadable date.
            // Teams in composed and decomposed Unicode, tracks empty or written two ways.
            let teams = ["Core", "Zoe\u{301}", "Zo\u{e9}"];
            let tracks = ["", "IC", "Individual contributor"];
            for (i, &(odd, name, level, date, other)) in rows.iter().enumerate() {
                if odd == 1 {
                    text.push_str(ending);
                }
                let id = if odd == 2 { 0 } else { i };
                let manager = if i % 3 == 0 && i > 0 { format!("E{}", i / 2) } else { "Ann".to_owned() };
                let level = if level == 59 { "Wizard" } else { levels[level % levels.len()] };
                let date = if date == 59 { "someday" } else { dates[date % dates.len()] };
                let (team, track) = (teams[other % 3], tracks[other / 3]);
                let _ = write!(text, "E{id},{},{manager},{team},{track},{level},{date}{ending}", names[name]);
            }
            let (stretches, _) = import_in(&text, stretch);
            let (in_order, _) = import_in(&text, usize::MAX);
            match (stretches, in_order) {
                (Ok(a), Ok(b)) => {
                    proptest::prop_assert_eq!(a.people, b.people);
                    proptest::prop_assert_eq!(a.roster_columns, b.roster_columns);
                }
                (Err(FileError::Invalid(a)), Err(FileError::Invalid(b))) => proptest::prop_assert_eq!(a.problems, b.problems),
                (a, b) => proptest::prop_assert!(false, "stretches {:?} / in order {:?}", a.is_ok(), b.is_ok()),
            }
        }
    }
}
