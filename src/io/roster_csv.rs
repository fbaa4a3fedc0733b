//! Roster CSV import. Accepts what HR systems export (header aliases, `,` `;` or tab, BOM, CRLF,
//! quoted newlines, Windows-1252) and reports every problem in one pass; an import with any problem
//! imports nothing.

use super::decode::decode;
use super::error::{FileError, Problem};
use super::roster_columns::{Field, match_header};
use super::roster_dates::{DateCell, SlashOrder, infer_order, read_date_cell, resolve};
use crate::model::{ExtraColumns, Ladder, LevelId, LevelMatcher, Person, PersonId, Track};
use compact_str::CompactString;
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::path::Path;

/// People read from a roster, with what was detected about the file.
#[derive(Debug)]
pub struct RosterImport {
    pub people: Vec<Person>,
    pub encoding: &'static str,
    pub delimiter: u8,
}

/// Reads and parses a roster file.
pub fn read_roster(path: &Path, ladder: &Ladder) -> Result<RosterImport, FileError> {
    let bytes = std::fs::read(path).map_err(|source| FileError::Read { path: path.to_path_buf(), source })?;
    parse_roster(&bytes, path, ladder)
}

/// Parses roster bytes; `file` is only used in messages.
pub fn parse_roster(bytes: &[u8], file: &Path, ladder: &Ladder) -> Result<RosterImport, FileError> {
    let decoded = decode(bytes).map_err(|p| FileError::invalid(file, vec![p]))?;
    let text = decoded.text.as_ref();
    if text.trim().is_empty() {
        let problem =
            Problem::new("the file is empty", "export the roster again with a header row and one row per person");
        return Err(FileError::invalid(file, vec![problem]));
    }
    let preamble = skip_preamble(text);
    let (text, offset) = (&text[preamble.body_start..], preamble.lines);
    let delimiter = preamble.delimiter.unwrap_or_else(|| detect_delimiter(text));
    let shift = |mut problem: Problem| {
        problem.line = problem.line.map(|l| l + offset);
        problem
    };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(FileError::invalid(file, vec![shift(csv_problem(&e))])),
    };
    let columns = Columns::from_headers(&headers)
        .map_err(|problems| FileError::invalid(file, problems.into_iter().map(shift).collect()))?;
    // Sizing the people list and the id index up front saves their regrowth on large rosters.
    let expected_rows = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut rows = RowReader::new(ladder, &columns, expected_rows);
    // One record reused for every row: no allocation per row, and one UTF-8 check per record.
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => rows.read(&record, record.position().map_or(0, csv::Position::line) + offset),
            Ok(false) => break,
            Err(e) => {
                rows.problems.push(shift(csv_problem(&e)));
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    break;
                }
            }
        }
    }
    rows.check_duplicate_ids();
    rows.resolve_slashed_dates();
    rows.problems.sort_by_key(|p| p.line);
    if rows.problems.is_empty() && rows.people.is_empty() {
        rows.problems
            .push(Problem::new("the roster has a header but no people", "add one row per person below the header"));
    }
    if rows.problems.is_empty() {
        Ok(RosterImport { people: rows.people, encoding: decoded.encoding, delimiter })
    } else {
        Err(FileError::invalid(file, rows.problems))
    }
}

/// Lines before the header that are not part of the table.
struct Preamble {
    /// Byte offset where the header row starts.
    body_start: usize,
    /// How many lines were skipped, to keep reported line numbers true to the file.
    lines: u64,
    /// The delimiter an Excel `sep=;` line names.
    delimiter: Option<u8>,
}

/// Skips an Excel `sep=` line and report-title lines above the header (a header is the first of the
/// first ten lines with at least two recognised column names).
fn skip_preamble(text: &str) -> Preamble {
    let mut preamble = Preamble { body_start: 0, lines: 0, delimiter: None };
    let first_line = text.lines().next().unwrap_or("");
    if let Some(sep) = first_line.trim().strip_prefix("sep=").or_else(|| first_line.trim().strip_prefix("SEP="))
        && let [byte] = sep.as_bytes()
    {
        preamble = Preamble { body_start: first_line.len() + 1, lines: 1, delimiter: Some(*byte) };
    }
    let known = |line: &str| -> usize {
        [b',', b';', b'\t']
            .into_iter()
            .filter(|d| preamble.delimiter.is_none_or(|p| p == *d))
            .map(|d| line.split(char::from(d)).filter(|cell| match_header(cell.trim_matches('"')).is_some()).count())
            .max()
            .unwrap_or(0)
    };
    let rest = &text[preamble.body_start.min(text.len())..];
    let mut offset = 0;
    for (index, line) in rest.split_inclusive('\n').take(10).enumerate() {
        if known(line) >= 2 {
            preamble.body_start += offset;
            preamble.lines += index as u64;
            break;
        }
        offset += line.len();
    }
    preamble
}

/// Picks `,`, `;` or tab: one that splits the header at all, preferring equally long records, then
/// the most columns.
#[must_use]
pub fn detect_delimiter(text: &str) -> u8 {
    // A header line with only one of the three is settled without trial parses.
    let header = text.as_bytes().split(|&b| b == b'\n').next().unwrap_or_default();
    let mut present = [b',', b';', b'\t'].into_iter().filter(|d| header.contains(d));
    if let (Some(only), None) = (present.next(), present.next()) {
        return only;
    }
    let sample_end = text.char_indices().filter(|&(_, c)| c == '\n').nth(20).map_or(text.len(), |(i, _)| i);
    let sample = &text.as_bytes()[..sample_end];
    let mut best = (b',', (false, false, 0usize));
    for delimiter in [b',', b';', b'\t'] {
        let mut reader =
            csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(sample);
        let lengths: Vec<usize> = reader.records().take(10).filter_map(Result::ok).map(|r| r.len()).collect();
        let Some(&width) = lengths.first() else { continue };
        let score = (width > 1, lengths.iter().all(|&l| l == width), width);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

fn csv_problem(error: &csv::Error) -> Problem {
    let line = error.position().map(csv::Position::line);
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

/// A cell without surrounding whitespace. Most cells have none, and checking the two ends first
/// skips `str::trim`'s Unicode-aware scan (measured: ~5% of a 10,000-row import). Excel's way of keeping leading zeros, `="000123"`, reads as the text inside.
fn trim_cell(cell: &str) -> &str {
    let bytes = cell.as_bytes();
    let solid = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace() && *b != b'=');
    if solid(bytes.first()) && solid(bytes.last()) {
        return cell;
    }
    let cell = cell.trim();
    cell.strip_prefix("=\"").and_then(|inner| inner.strip_suffix('"')).unwrap_or(cell)
}

/// Where each understood field is, and the columns kept verbatim.
struct Columns {
    /// Column position of each field, indexed by `Field as usize`.
    index: [Option<usize>; Field::ALL.len()],
    extra: Vec<(usize, CompactString)>,
    names: Vec<String>,
}

impl Columns {
    fn from_headers(headers: &csv::StringRecord) -> Result<Columns, Vec<Problem>> {
        let mut best: HashMap<Field, (usize, usize)> = HashMap::new();
        let mut names = Vec::new();
        let mut problems = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            let name = if header.trim().is_empty() { format!("column {}", i + 1) } else { header.trim().to_owned() };
            if names.contains(&name) {
                problems.push(
                    Problem::new("two columns have the same header", "rename one of them so each header is unique")
                        .at_line(1)
                        .in_column(name.clone()),
                );
            }
            names.push(name);
            if let Some((field, rank)) = match_header(header) {
                let entry = best.entry(field).or_insert((i, rank));
                if rank < entry.1 {
                    *entry = (i, rank);
                }
            }
        }
        let mut index = [None; Field::ALL.len()];
        for (field, (i, _)) in best {
            index[field as usize] = Some(i);
        }
        let has = |field: Field| index[field as usize].is_some();
        let mut require = |present: bool, fields: &[Field], what: &str| {
            if !present {
                let accepted: Vec<String> =
                    fields.iter().flat_map(|f| f.aliases().iter()).map(|a| format!("\"{a}\"")).collect();
                problems.push(
                    Problem::new(
                        format!("no {what} column"),
                        format!("add a header named one of: {}", accepted.join(", ")),
                    )
                    .at_line(1),
                );
            }
        };
        require(has(Field::Id), &[Field::Id], "employee id");
        let has_name = has(Field::Name) || has(Field::FirstName) || has(Field::LastName);
        require(has_name, &[Field::Name, Field::FirstName, Field::LastName], "name");
        require(has(Field::Level), &[Field::Level], "level");
        if !problems.is_empty() {
            return Err(problems);
        }
        let used: Vec<usize> = index.iter().flatten().copied().collect();
        let extra = (0..names.len()).filter(|i| !used.contains(i)).map(|i| (i, names[i].as_str().into())).collect();
        Ok(Columns { index, extra, names })
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, field: Field) -> &'r str {
        self.index[field as usize].and_then(|i| record.get(i)).map_or("", trim_cell)
    }

    fn name(&self, field: Field) -> String {
        self.index[field as usize].map_or_else(|| field.display().to_owned(), |i| self.names[i].clone())
    }
}

/// A `03/04/2024` date waiting for its column's day/month order.
struct SlashedDate {
    line: u64,
    field: Field,
    a: i8,
    b: i8,
    year: i16,
    text: String,
}

/// Turns records into people, collecting problems.
struct RowReader<'a> {
    ladder: &'a Ladder,
    matcher: LevelMatcher,
    columns: &'a Columns,
    /// The line each person was read from, to report duplicate ids after the pass.
    lines: Vec<u64>,
    slashed: Vec<SlashedDate>,
    /// Rosters repeat a handful of level spellings thousands of times; match each spelling once.
    level_cache: FxHashMap<String, Option<(LevelId, Track)>>,
    people: Vec<Person>,
    problems: Vec<Problem>,
}

impl<'a> RowReader<'a> {
    fn new(ladder: &'a Ladder, columns: &'a Columns, expected_rows: usize) -> Self {
        RowReader {
            ladder,
            matcher: LevelMatcher::new(ladder),
            columns,
            lines: Vec::with_capacity(expected_rows),
            slashed: Vec::new(),
            level_cache: FxHashMap::default(),
            people: Vec::with_capacity(expected_rows),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, line: u64, field: Field, value: &str, message: impl Into<String>, fix: impl Into<String>) {
        let mut problem = Problem::new(message, fix).at_line(line).in_column(self.columns.name(field));
        if !value.is_empty() {
            problem = problem.with_value(value);
        }
        self.problems.push(problem);
    }

    fn read(&mut self, record: &csv::StringRecord, line: u64) {
        let cols = self.columns;
        let id = cols.get(record, Field::Id);
        // Blank rows (often a spreadsheet's trailing ",,,,") are skipped; a row with an id is not blank.
        if id.is_empty() && record.iter().all(|cell| trim_cell(cell).is_empty()) {
            return;
        }
        let before = self.problems.len();
        let width = self.columns.names.len();
        if record.len() > width {
            self.problems.push(
                Problem::new(
                    format!("the row has {} cells but the header has {width}", record.len()),
                    "a cell probably contains the delimiter without quotes; put that cell in double quotes",
                )
                .at_line(line),
            );
            return;
        }
        if id.is_empty() {
            self.problem(line, Field::Id, "", "the employee id is empty", "give every person a unique id");
        }
        let name = self.name(record, line);
        let level_text = cols.get(record, Field::Level);
        let level = self.level(level_text, line);
        let track = self.track(record, level.as_ref(), line);
        let start_date = self.date(record, Field::StartDate, line);
        let level_since = self.date(record, Field::LevelSince, line);
        if self.problems.len() > before {
            return;
        }
        let (Some((level, _)), Some(track)) = (level, track) else { return };
        let id = PersonId::new(id);
        self.lines.push(line);
        let mut extra = ExtraColumns::with_capacity(cols.extra.len());
        for (i, header) in &cols.extra {
            extra.push((header.clone(), record.get(*i).unwrap_or("").into()));
        }
        self.people.push(Person {
            id,
            name,
            manager: cols.get(record, Field::Manager).into(),
            team: cols.get(record, Field::Team).into(),
            track,
            level,
            start_date,
            level_since,
            extra,
        });
    }

    /// Reports every id used more than once, after the pass, so ids need not be copied into an index.
    fn check_duplicate_ids(&mut self) {
        let mut first_seen: FxHashMap<&str, u64> =
            FxHashMap::with_capacity_and_hasher(self.people.len(), rustc_hash::FxBuildHasher);
        let mut duplicates = Vec::new();
        for (person, &line) in self.people.iter().zip(&self.lines) {
            if let Some(&first) = first_seen.get(person.id.as_str()) {
                duplicates.push((line, person.id.to_string(), first));
            } else {
                first_seen.insert(person.id.as_str(), line);
            }
        }
        for (line, id, first) in duplicates {
            let message = format!("duplicate id, first used on line {first}");
            self.problem(line, Field::Id, &id, message, "ids must be unique; fix or remove one of the rows");
        }
    }

    fn name(&mut self, record: &csv::StringRecord, line: u64) -> CompactString {
        let cols = self.columns;
        let mut name = CompactString::from(cols.get(record, Field::Name));
        if name.is_empty() {
            let (first, last) = (cols.get(record, Field::FirstName), cols.get(record, Field::LastName));
            name = CompactString::from(format!("{first} {last}").trim());
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
        let fix = format!(
            "use a level id, title or alias from the ladder: {} (or load a ladder that defines it with --ladder)",
            self.ladder.level_list(None)
        );
        let message = match self.matcher.disagreement(text) {
            Some([(a, level_a), (b, level_b)]) => {
                format!("ambiguous level: \"{a}\" means {level_a} but \"{b}\" means {level_b}")
            }
            None => "unknown level".to_owned(),
        };
        self.problem(line, Field::Level, text, message, fix);
        None
    }

    fn track(&mut self, record: &csv::StringRecord, level: Option<&(LevelId, Track)>, line: u64) -> Option<Track> {
        let level_track = level.map(|&(_, track)| track);
        let level = level.map(|(id, _)| id);
        let text = self.columns.get(record, Field::Track);
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

    fn date(&mut self, record: &csv::StringRecord, field: Field, line: u64) -> Option<Date> {
        let text = self.columns.get(record, field);
        if text.is_empty() {
            return None;
        }
        match read_date_cell(text) {
            DateCell::Date(date) => Some(date),
            DateCell::Slashed { a, b, year } => {
                // Settled after the pass, when the whole column shows whether it is day- or month-first.
                self.slashed.push(SlashedDate { line, field, a, b, year, text: text.to_owned() });
                None
            }
            DateCell::Unreadable => {
                let fix = "write dates as YYYY-MM-DD, e.g. 2024-03-31";
                self.problem(line, field, text, "not a date Ladderboard can read", fix);
                None
            }
        }
    }

    /// Gives slashed dates their meaning once the column's order is known, or reports them.
    fn resolve_slashed_dates(&mut self) {
        let slashed = std::mem::take(&mut self.slashed);
        for field in [Field::StartDate, Field::LevelSince] {
            let cells: Vec<&SlashedDate> = slashed.iter().filter(|d| d.field == field).collect();
            let order = infer_order(cells.iter().map(|d| (d.a, d.b)));
            for cell in cells {
                let date = order.and_then(|o| resolve(cell.a, cell.b, cell.year, o));
                let person = self.lines.binary_search(&cell.line).ok();
                match (date, person) {
                    (Some(date), Some(i)) => match field {
                        Field::StartDate => self.people[i].start_date = Some(date),
                        _ => self.people[i].level_since = Some(date),
                    },
                    (Some(_), None) => {} // the row had other problems and was not imported
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
