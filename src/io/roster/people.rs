//! Turning records into people: each row's cells read and checked, every problem collected.

use super::columns::Field;
use super::dates::{DateCell, EARLIEST_YEAR, SlashOrder, has_two_digit_year, infer_order, read_date_cell, resolve};
use super::mapping::{Columns, trim_cell};
use super::spelling::Spellings;
use crate::io::error::Problem;
use crate::model::reporting::{IdIndex, reporting_problems_by};
use crate::model::{ExtraColumns, Ladder, LevelId, LevelMatcher, Person, PersonId, Track};
use compact_str::CompactString;
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Text in Unicode NFC, so one name typed two ways (a precomposed é, or e and a combining accent) is
/// one name: one manager in the filter. ASCII and already-composed text is returned as it is.
fn nfc(text: &str) -> CompactString {
    // ASCII (most cells) is NFC; checking bytes first skips decoding every char.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        CompactString::from(text)
    } else {
        text.nfc().collect::<String>().into()
    }
}

/// An id as Excel shows a long number it has turned into a float (`1.23457E+11`): the digits are lost.
fn scientific_notation(id: &str) -> bool {
    let Some((mantissa, exponent)) = id.split_once(['E', 'e']) else { return false };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mantissa.contains('.')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

/// A problem with one cell: its line, column and value, and what would fix it.
fn cell_problem(
    columns: &Columns,
    line: u64,
    field: Field,
    value: &str,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Problem {
    let problem = Problem::new(message, fix).at_line(line).in_column(columns.name(field));
    if value.is_empty() { problem } else { problem.with_value(value) }
}

/// A `03/04/2024` date waiting for its column's day/month order.
struct SlashedDate {
    line: u64,
    /// The person the row became (`None`: the row was refused). By index, not line: a file
    /// whose lines end in a lone CR has one line.
    person: Option<usize>,
    field: Field,
    a: i8,
    b: i8,
    year: i16,
    text: String,
}

/// Whether a manager cell says there is no manager, as HR exports write it for the top of the
/// organisation: `None`, `N/A`, `null`, `-` (any case). Read as no manager, and said.
fn says_no_manager(cell: &str) -> bool {
    ["none", "n/a", "na", "null", "-", "—", "#n/a"].iter().any(|w| cell.eq_ignore_ascii_case(w))
}

/// Turns records into people, collecting problems.
pub(super) struct RowReader<'a> {
    ladder: &'a Ladder,
    matcher: &'a LevelMatcher,
    columns: &'a Columns,
    /// The line each person was read from, to report duplicate ids after the pass.
    lines: Vec<u64>,
    slashed: Vec<SlashedDate>,
    /// Rosters repeat a handful of level spellings thousands of times; match each spelling once.
    level_cache: FxHashMap<String, Option<(LevelId, Track)>>,
    pub(super) people: Vec<Person>,
    pub(super) problems: Vec<Problem>,
    pub(super) this_year: i16,
    pub(super) two_digit_years: usize,
    /// Manager cells that say there is none (`None`, `N/A`, `null`, `-`), read as no manager.
    pub(super) no_manager_words: usize,
    /// How the file wrote the read cells, for exports that hand the file back.
    pub(super) spellings: Spellings,
}

impl<'a> RowReader<'a> {
    pub(super) fn new(
        ladder: &'a Ladder,
        matcher: &'a LevelMatcher,
        columns: &'a Columns,
        expected_rows: usize,
    ) -> Self {
        RowReader {
            ladder,
            matcher,
            columns,
            lines: Vec::with_capacity(expected_rows),
            slashed: Vec::new(),
            level_cache: FxHashMap::default(),
            people: Vec::with_capacity(expected_rows),
            problems: Vec::new(),
            this_year: 2000,
            two_digit_years: 0,
            no_manager_words: 0,
            spellings: Spellings::default(),
        }
    }

    /// Two exports joined into one file: the second one's header comes back as a record, named as
    /// such rather than as an unknown level.
    fn repeats_header(&mut self, record: &csv::StringRecord, id: &str, line: u64) -> bool {
        let cols = self.columns;
        let repeats = cols.index[Field::Id as usize].is_some_and(|at| {
            cols.names.get(at).is_some_and(|h| h.eq_ignore_ascii_case(id))
                && record.iter().zip(&cols.names).all(|(cell, header)| trim_cell(cell).eq_ignore_ascii_case(header))
        });
        if repeats {
            self.problems.push(
                Problem::new(
                    "the line repeats the header row: two exports joined into one file?",
                    "remove the repeated header line (and check the rows below it belong to this roster), then import again",
                )
                .at_line(line),
            );
        }
        repeats
    }

    fn problem(&mut self, line: u64, field: Field, value: &str, message: impl Into<String>, fix: impl Into<String>) {
        let problem = cell_problem(self.columns, line, field, value, message, fix);
        self.problems.push(problem);
    }

    pub(super) fn read(&mut self, record: &csv::StringRecord, line: u64) {
        let cols = self.columns;
        // Each read cell once, trimmed: the checks below and the write-back rule all use these.
        let cells: [&str; Field::ALL.len()] = Field::ALL.map(|field| cols.get(record, field));
        let id = cells[Field::Id as usize];
        // Blank rows (often a spreadsheet's trailing ",,,,") are skipped; a row with an id is not blank.
        if id.is_empty() && record.iter().all(|cell| trim_cell(cell).is_empty()) {
            return;
        }
        if self.repeats_header(record, id, line) {
            return;
        }
        let before = self.problems.len();
        let width = self.columns.names.len();
        // Empty cells past the header (a row ending in delimiters, as spreadsheets write) mean nothing;
        // a filled one is data the header does not name.
        if let Some(surplus) = (width..record.len()).find(|&i| !record.get(i).unwrap_or("").trim().is_empty()) {
            let value = record.get(surplus).unwrap_or("").trim();
            self.problems.push(
                Problem::new(
                    format!(
                        "the row has {} cells but the header has {width}: cell {} holds \"{value}\"",
                        record.len(),
                        surplus + 1
                    ),
                    "if a cell contains the delimiter, put that cell in double quotes; if the column is real, give it a header",
                )
                .at_line(line),
            );
            return;
        }
        if id.is_empty() {
            self.problem(line, Field::Id, "", "the employee id is empty", "give every person a unique id");
        } else if scientific_notation(id) {
            self.problem(
                line,
                Field::Id,
                id,
                "the id is in scientific notation: Excel turned a long number into a rounded float and its digits are lost",
                "in the spreadsheet format the id column as Text, paste the ids again from the HR system, and export again",
            );
        }
        let name = self.name(&cells, line);
        let level_text = cells[Field::Level as usize];
        let level = self.level(level_text, line);
        let track = self.track(cells[Field::Track as usize], level.as_ref(), line);
        let pending_before = self.slashed.len();
        let start_date = self.date(cells[Field::StartDate as usize], Field::StartDate, line);
        let level_since = self.date(cells[Field::LevelSince as usize], Field::LevelSince, line);
        // Slashed dates are read after the pass; their cells are compared with the column then.
        let pending: Vec<Field> = self.slashed[pending_before..].iter().map(|d| d.field).collect();
        let at = self.people.len();
        if self.problems.len() > before {
            return;
        }
        let (Some((level, _)), Some(track)) = (level, track) else { return };
        self.slashed[pending_before..].iter_mut().for_each(|date| date.person = Some(at));
        let id = PersonId::new(id);
        self.lines.push(line);
        let extra_cell = |i: usize| super::mapping::unprotect(record.get(i).unwrap_or(""));
        let extra = if cols.extra.is_empty() {
            ExtraColumns::new()
        } else if cols.extra.iter().all(|&i| record.get(i).is_none_or(str::is_ascii)) {
            ExtraColumns::from_values(cols.extra.iter().map(|&i| extra_cell(i)))
        } else {
            let values: Vec<CompactString> = cols.extra.iter().map(|&i| nfc(extra_cell(i))).collect();
            ExtraColumns::from_values(values.iter().map(CompactString::as_str))
        };
        let manager = cells[Field::Manager as usize];
        let manager = if says_no_manager(manager) {
            self.no_manager_words += 1;
            ""
        } else {
            manager
        };
        let mut person = Person {
            id,
            name,
            manager: nfc(manager),
            team: nfc(cells[Field::Team as usize]),
            track,
            level,
            start_date,
            level_since,
            extra,
            originals: Vec::new(),
        };
        // The id is the cell itself; every other read field may be written back another way.
        for field in Field::ALL.into_iter().skip(1) {
            if cols.index[field as usize].is_none() || pending.contains(&field) {
                continue;
            }
            // Kept as the file wrote it, unnormalised: the export hands the cell back exactly.
            let cell = cells[field as usize];
            if self.spellings.must_keep(at, &person, field, cell) {
                person.originals.push((field, cell.into()));
            }
        }
        self.people.push(person);
    }

    /// Moves every line number down by `lines`: a stretch read before the lines above it were counted.
    pub(super) fn shift_lines(&mut self, lines: u64) {
        self.lines.iter_mut().for_each(|line| *line += lines);
        self.slashed.iter_mut().for_each(|date| date.line += lines);
        for line in self.problems.iter_mut().filter_map(|p| p.line.as_mut()) {
            *line += lines;
        }
    }

    /// Takes in the rows of a later stretch of the file, read on its own, as if read after these.
    pub(super) fn append(&mut self, mut later: RowReader<'_>) {
        self.spellings.absorb(later.spellings, &mut later.people);
        let before = self.people.len();
        self.people.extend(later.people);
        self.lines.extend(later.lines);
        self.slashed.extend(
            later.slashed.into_iter().map(|date| SlashedDate { person: date.person.map(|i| before + i), ..date }),
        );
        self.problems.extend(later.problems);
        self.two_digit_years += later.two_digit_years;
        self.no_manager_words += later.no_manager_words;
    }

    /// Reports every id used more than once, then people who manage themselves and loops of
    /// managers (named on the first person's row): after the pass, over one index of ids.
    pub(super) fn check_ids_and_reporting_lines(&mut self) {
        let (people, lines, columns) = (&self.people, &self.lines, self.columns);
        let ids = IdIndex::of(people);
        for &i in &ids.repeats {
            let id = people[i].id.as_str();
            let first = ids.get(id).map_or(0, |first| lines[first]);
            let message = format!("duplicate id, first used on line {first}");
            let fix = "ids must be unique; fix or remove one of the rows";
            self.problems.push(cell_problem(columns, lines[i], Field::Id, id, message, fix));
        }
        for problem in reporting_problems_by(people, &ids) {
            let first = problem.first();
            let fix = "correct the manager column so reporting lines end at someone outside the loop";
            let manager = &people[first].manager;
            let message = problem.describe(people);
            self.problems.push(cell_problem(columns, lines[first], Field::Manager, manager, message, fix));
        }
    }

    fn name(&mut self, cells: &[&str; Field::ALL.len()], line: u64) -> CompactString {
        let cols = self.columns;
        let mut name = nfc(cells[Field::Name as usize]);
        if name.is_empty() {
            let (first, last) = (cells[Field::FirstName as usize], cells[Field::LastName as usize]);
            name = nfc(format!("{first} {last}").trim());
        }
        if name.is_empty() {
            let field = if cols.index[Field::Name as usize].is_some() { Field::Name } else { Field::FirstName };
            self.problem(line, field, "", "the name is empty", "fill in the person's name");
        }
        name
    }

    /// The level a cell names, with that level's track.
    fn level(&mut self, text: &str, line: u64) -> Option<(LevelId, Track)> {
        if text.is_empty() {
            let fix = format!("use one of: {}", self.ladder.level_list(None));
            self.problem(line, Field::Level, "", "the level is empty", fix);
            return None;
        }
        let found = if let Some(cached) = self.level_cache.get(text) {
            cached.clone()
        } else {
            let ladder = self.ladder;
            let found = self.matcher.find(text).and_then(|id| ladder.level(id)).map(|l| (l.id.clone(), l.track));
            self.level_cache.insert(text.to_owned(), found.clone());
            found
        };
        if found.is_some() {
            return found;
        }
        let schemes: Vec<&str> = self.ladder.schemes.iter().map(|s| s.name.as_str()).collect();
        let scheme_hint = if schemes.is_empty() {
            String::new()
        } else {
            format!(
                ", name the company's level codes (the preview's Level codes, or --level-scheme {})",
                schemes.join(" / ")
            )
        };
        let fix = format!(
            "use a level id, title or alias from the ladder: {}{scheme_hint}, or load a ladder that defines it with --ladder (a ladder file may add the company's own scheme)",
            self.ladder.level_list(None)
        );
        let meanings: Vec<String> =
            self.ladder.code_meanings(text).map(|(scheme, level)| format!("{scheme} {text} = {level}")).collect();
        if !meanings.is_empty() {
            let schemes: Vec<&str> = self.ladder.code_meanings(text).map(|(scheme, _)| scheme).collect();
            let message = format!(
                "\"{text}\" is a company level code the ladder cannot place for sure; candidate levels: {}",
                meanings.join(", ")
            );
            let fix =
                format!("name the company's level codes (--level-scheme {}) or write the ladder's level", schemes[0]);
            self.problem(line, Field::Level, text, message, fix);
            return None;
        }
        let message = match self.matcher.disagreement(text) {
            Some([(a, level_a), (b, level_b)]) => {
                format!("ambiguous level: \"{a}\" means {level_a} but \"{b}\" means {level_b}")
            }
            None => "unknown level".to_owned(),
        };
        self.problem(line, Field::Level, text, message, fix);
        None
    }

    fn track(&mut self, text: &str, level: Option<&(LevelId, Track)>, line: u64) -> Option<Track> {
        let level_track = level.map(|&(_, track)| track);
        let level = level.map(|(id, _)| id);

        if text.is_empty() {
            return level_track;
        }
        let Some(track) = Track::parse(text) else {
            self.problem(line, Field::Track, text, "unknown track", "write IC or Management, or leave it empty");
            return None;
        };
        match (level, level_track) {
            (Some(level), Some(level_track)) if level_track != track => {
                let message = format!("level {level} is on the {level_track} track, not {track}");
                let fix = format!("use a {track} level ({}) or correct the track", self.ladder.level_list(Some(track)));
                self.problem(line, Field::Track, text, message, fix);
                None
            }
            _ => Some(track),
        }
    }

    fn date(&mut self, text: &str, field: Field, line: u64) -> Option<Date> {
        if text.is_empty() {
            return None;
        }
        if has_two_digit_year(text) {
            self.two_digit_years += 1;
        }
        match read_date_cell(text, self.this_year) {
            DateCell::Date(date) => self.in_range(date, field, line, text),
            DateCell::Slashed { a, b, year } => {
                // Settled after the pass, when the whole column shows whether it is day- or month-first.
                self.slashed.push(SlashedDate { line, person: None, field, a, b, year, text: text.to_owned() });
                None
            }
            DateCell::Unreadable => {
                let fix = "write dates as YYYY-MM-DD, e.g. 2024-03-31";
                self.problem(line, field, text, "not a date Ladderboard can read", fix);
                None
            }
        }
    }

    /// A date no roster can mean (before 1950, or more than a year ahead) is a misread: reported.
    fn in_range(&mut self, date: Date, field: Field, line: u64, text: &str) -> Option<Date> {
        let latest = self.this_year + 1;
        if (EARLIEST_YEAR..=latest).contains(&date.year()) {
            return Some(date);
        }
        let message = format!("the year {} is not plausible here (read from \"{text}\")", date.year());
        let fix = format!("write the date as YYYY-MM-DD with a year from {EARLIEST_YEAR} to {latest}");
        self.problem(line, field, text, message, fix);
        None
    }

    /// Gives slashed dates their meaning once the column's order is known, or reports them.
    pub(super) fn resolve_slashed_dates(&mut self) {
        let slashed = std::mem::take(&mut self.slashed);
        for field in [Field::StartDate, Field::LevelSince] {
            let cells: Vec<&SlashedDate> = slashed.iter().filter(|d| d.field == field).collect();
            let order = infer_order(cells.iter().map(|d| (d.a, d.b)));
            for cell in cells {
                let date = order.and_then(|o| resolve(cell.a, cell.b, cell.year, o));
                match (date, cell.person) {
                    (Some(date), Some(i)) if self.in_range(date, field, cell.line, &cell.text).is_some() => {
                        let person = &mut self.people[i];
                        match field {
                            Field::StartDate => person.start_date = Some(date),
                            _ => person.level_since = Some(date),
                        }
                        if self.spellings.must_keep(i, person, field, &cell.text) {
                            person.originals.push((field, cell.text.as_str().into()));
                        }
                    }
                    (Some(_), _) => {} // out of range (reported), or the row had other problems
                    (None, _) => {
                        let message = match order {
                            None => "day and month order cannot be told apart in this column",
                            Some(SlashOrder::DayFirst) => "not a valid day/month/year date (other rows are day-first)",
                            Some(SlashOrder::MonthFirst) => {
                                "not a valid month/day/year date (other rows are month-first)"
                            }
                        };
                        let fix = "write dates as YYYY-MM-DD, e.g. 2024-03-31";
                        self.problem(cell.line, field, &cell.text, message, fix);
                    }
                }
            }
        }
    }
}
