//! Roster CSV import. Accepts what HR systems export (header aliases, `,` `;` or tab, BOM, CRLF,
//! quoted newlines, legacy code pages) and reports every problem in one pass; an import with any
//! problem imports nothing. Whatever it had to decide (encoding, which column gives which field,
//! two-digit years, a company's level codes) it decides by a stated rule and reports in `summary`.

use super::decode::{EncodingChoice, decode};
use super::error::{FileError, Problem};
use super::roster_columns::{Field, header_key, match_header};
use super::roster_dates::{
    DateCell, EARLIEST_YEAR, SlashOrder, has_two_digit_year, infer_order, read_date_cell, resolve,
};
use super::roster_headers::{detect_delimiter, skip_preamble};
use super::roster_sheet::{SheetReading, is_workbook, roster_sheet};
use super::roster_spelling::Spellings;
use crate::model::reporting::reporting_problems;
use crate::model::{ExtraColumns, Ladder, LevelId, LevelMatcher, Person, PersonId, RosterColumn, Session, Track};
use compact_str::CompactString;
use encoding_rs::Encoding;
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::path::Path;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// What the user decided instead of the importer: the encoding, columns, the company's level codes.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Decode as this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
    /// A field taken from the column with this header (`None`: from no column), over the aliases.
    pub columns: Vec<(Field, Option<String>)>,
    /// The ladder's level code scheme to read company codes with ("Meta").
    pub level_scheme: Option<String>,
    /// The year two-digit years are read against, and that no date may be more than a year after.
    pub this_year: i16,
    /// The workbook sheet to read (`None`: the one whose header names roster columns).
    pub sheet: Option<String>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            encoding: None,
            columns: Vec::new(),
            level_scheme: None,
            this_year: jiff::Zoned::now().year(),
            sheet: None,
        }
    }
}

/// Which column supplied a field, and why that one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSource {
    pub field: Field,
    pub header: String,
    /// "chosen", or the other columns that could have given it and were kept as extra columns.
    pub note: String,
}

/// People read from a roster, with what was detected and decided about the file.
#[derive(Debug)]
pub struct RosterImport {
    pub people: Vec<Person>,
    /// The file's columns in order, with the field each gave; becomes `Session::roster_columns`.
    pub roster_columns: Vec<RosterColumn>,
    pub encoding: &'static str,
    pub encoding_choice: EncodingChoice,
    pub delimiter: u8,
    pub columns: Vec<ColumnSource>,
    /// How many dates had a two-digit year, read by the pivot rule.
    pub two_digit_years: usize,
    pub level_scheme: Option<String>,
    pub this_year: i16,
    /// SHA-256 of the file's bytes, for the record of where the session's people came from.
    pub sha256: String,
    /// The workbook sheet the people came from, when the roster was a workbook.
    pub sheet: Option<SheetSource>,
}

/// Which sheet of a workbook was read, and why that one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetSource {
    pub name: String,
    pub why: String,
    /// Every sheet of the workbook, for the preview's choice.
    pub sheets: Vec<String>,
    /// Numbers in a date column read as Excel date serials.
    pub serial_dates: usize,
}

impl RosterImport {
    /// A new session of these people, naming the roster's columns once. Its audit trail starts with
    /// the import: a baseline of everyone's state naming the file and its SHA-256, so any later
    /// change made outside Ladderboard shows.
    #[must_use]
    pub fn into_session(
        self,
        title: impl Into<String>,
        ladder: Ladder,
        file: &Path,
        actor: &str,
        at: jiff::Timestamp,
    ) -> Session {
        let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
        let source = if self.sha256.is_empty() {
            format!("import of {name}")
        } else {
            format!("import of {name} (sha256 {})", &self.sha256[..12.min(self.sha256.len())])
        };
        let mut session = Session::new(title, ladder, self.people);
        session.roster_columns = self.roster_columns;
        session.seal_baseline(&source, actor, at);
        session
    }

    /// Where the people were read from: "UTF-8 text", or "sheet \"People\"" of a workbook.
    #[must_use]
    pub fn source_label(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("sheet \"{}\"", sheet.name),
            None => format!("{} text", self.encoding),
        }
    }

    /// What the importer decided, one line each, for the CLI, the status bar and the preview.
    #[must_use]
    pub fn summary(&self) -> Vec<String> {
        let delimiter = match self.delimiter {
            b'\t' => "tab".to_owned(),
            d => format!("\"{}\"", char::from(d)),
        };
        let mut lines = match &self.sheet {
            Some(sheet) => vec![format!("sheet: \"{}\" ({})", sheet.name, sheet.why)],
            None => vec![
                format!("encoding: {} ({})", self.encoding, self.encoding_choice.describe()),
                format!("delimiter: {delimiter}"),
            ],
        };
        for source in &self.columns {
            let note = if source.note.is_empty() { String::new() } else { format!(" ({})", source.note) };
            lines.push(format!("{} ← column \"{}\"{note}", source.field.display(), source.header));
        }
        if self.two_digit_years > 0 {
            let pivot = (self.this_year + 1) % 100;
            lines.push(format!(
                "dates: {} two-digit year{} read as 20yy up to {} (00–{pivot:02}), else 19yy",
                self.two_digit_years,
                if self.two_digit_years == 1 { "" } else { "s" },
                self.this_year + 1
            ));
        }
        if let Some(serials) = self.sheet.as_ref().map(|s| s.serial_dates).filter(|&n| n > 0) {
            lines.push(format!(
                "dates: {serials} number{} in date columns read as Excel date serials (45292 = 2024-01-01)",
                if serials == 1 { "" } else { "s" }
            ));
        }
        if let Some(scheme) = &self.level_scheme {
            lines.push(format!("levels: {scheme} level codes"));
        }
        lines
    }
}

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
    if is_workbook(bytes) {
        parse_workbook(bytes, file, ladder, options)
    } else {
        parse_csv(bytes, file, ladder, options)
    }
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
    if text.trim().is_empty() {
        let problem =
            Problem::new("the file is empty", "export the roster again with a header row and one row per person");
        return Err(FileError::invalid(file, vec![problem]));
    }
    refuse_web_page(text, file)?;
    let full_text = text;
    let preamble = skip_preamble(text);
    let text = &text[preamble.body_start..];
    // Lines are counted from byte offsets as a text editor counts them (CRLF, blank and title lines,
    // newlines inside quoted cells), not from the csv reader's record count.
    let mut lines = LineCounter::new(full_text);
    let header_line = lines.line_at(preamble.body_start);
    let delimiter = preamble.delimiter.unwrap_or_else(|| detect_delimiter(text));
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(FileError::invalid(file, vec![csv_problem(&e, &mut lines, preamble.body_start)])),
    };
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
    let mut rows = RowReader::new(ladder, LevelMatcher::with_scheme(ladder, scheme), &columns, expected_rows);
    rows.this_year = options.this_year;
    // One record reused for every row: no allocation per row, and one UTF-8 check per record.
    let mut record = csv::StringRecord::new();
    let mut last_start = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let mut start =
                    preamble.body_start + record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
                // After a CRLF the reader's record starts at the "\n" that ends the line before.
                while matches!(full_text.as_bytes().get(start), Some(b'\r' | b'\n')) {
                    start += 1;
                }
                last_start = start;
                let line = lines.line_at(start);
                rows.read(&record, line);
            }
            Ok(false) => break,
            Err(e) => {
                rows.problems.push(csv_problem(&e, &mut lines, preamble.body_start));
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    break;
                }
            }
        }
    }
    if let Some(opened) = unclosed_quote(full_text, last_start, delimiter) {
        let line = lines.line_at(opened);
        rows.problems.push(
            Problem::new(
                format!("a quoted cell opened on line {line} is never closed, so every line after it would be read into that one cell"),
                "close the quote, or write a quote inside a cell as two quotes (27\"\" monitor), or remove it",
            )
            .at_line(line),
        );
    }
    rows.check_duplicate_ids();
    rows.resolve_slashed_dates();
    rows.check_reporting_lines();
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
            columns: columns.sources.clone(),
            two_digit_years: rows.two_digit_years,
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

/// Line numbers of byte offsets, counted forward (offsets mostly arrive in order).
struct LineCounter<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter { text: text.as_bytes(), at: 0, line: 1 }
    }

    /// The 1-based line holding byte `offset`.
    fn line_at(&mut self, offset: usize) -> u64 {
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
fn unclosed_quote(text: &str, last_record_start: usize, delimiter: u8) -> Option<usize> {
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

fn csv_problem(error: &csv::Error, lines: &mut LineCounter<'_>, body_start: usize) -> Problem {
    let line = error.position().map(|p| lines.line_at(body_start + usize::try_from(p.byte()).unwrap_or(0)));
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

/// Which column gives each field for these headers and choices, by the rule the import uses; for
/// the import preview, which shows the mapping even when the import cannot go on.
#[must_use]
pub fn mapped_columns(headers: &[String], chosen: &[(Field, Option<String>)]) -> Vec<ColumnSource> {
    Columns::from_headers(&csv::StringRecord::from(headers.to_vec()), chosen, 1).0.sources
}

/// Where each understood field is, and the columns kept verbatim.
struct Columns {
    /// Column position of each field, indexed by `Field as usize`.
    index: [Option<usize>; Field::ALL.len()],
    /// Positions of the columns kept as they were, in order.
    extra: Vec<usize>,
    names: Vec<String>,
    /// Which column supplied each field, and why, for the summary.
    sources: Vec<ColumnSource>,
}

impl Columns {
    /// Maps headers to fields: the user's choices first, then the best-ranked alias per field. A
    /// dedicated level column beats a title column; the column that lost is kept as an extra column
    /// and named in the summary.
    fn from_headers(
        headers: &csv::StringRecord,
        chosen: &[(Field, Option<String>)],
        header_line: u64,
    ) -> (Columns, Vec<Problem>) {
        let mut candidates: HashMap<Field, Vec<(usize, usize)>> = HashMap::new();
        let mut names = Vec::new();
        let mut problems = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            let name = if header.trim().is_empty() { format!("column {}", i + 1) } else { header.trim().to_owned() };
            if names.contains(&name) {
                problems.push(
                    Problem::new("two columns have the same header", "rename one of them so each header is unique")
                        .at_line(header_line)
                        .in_column(name.clone()),
                );
            }
            names.push(name);
            if let Some((field, rank)) = match_header(header) {
                candidates.entry(field).or_default().push((rank, i));
            }
        }
        let mut index = [None; Field::ALL.len()];
        let mut why: HashMap<Field, String> = HashMap::new();
        for (field, list) in &mut candidates {
            list.sort_unstable();
            index[*field as usize] = Some(list[0].1);
            let others: Vec<String> = list[1..].iter().map(|&(_, i)| format!("\"{}\"", names[i])).collect();
            if !others.is_empty() {
                let kind = if field.is_title_alias(list[0].0) { "a title column; " } else { "" };
                let what = if list[1..].iter().any(|&(rank, _)| field.is_title_alias(rank))
                    && !field.is_title_alias(list[0].0)
                {
                    "a dedicated level column wins over"
                } else {
                    "preferred over"
                };
                why.insert(*field, format!("{kind}{what} {}, kept as extra", others.join(", ")));
            } else if field.is_title_alias(list[0].0) {
                why.insert(*field, "a title column: the file has no level column".to_owned());
            }
        }
        for (field, header) in chosen {
            match header {
                None => {
                    index[*field as usize] = None;
                }
                Some(header) => {
                    match names.iter().position(|n| n == header.trim() || header_key(n) == header_key(header)) {
                        Some(i) => {
                            // A column serves one field: taking it for this one frees it from another.
                            for slot in &mut index {
                                if *slot == Some(i) {
                                    *slot = None;
                                }
                            }
                            index[*field as usize] = Some(i);
                            why.insert(*field, "as chosen".to_owned());
                        }
                        None => problems.push(
                            Problem::new(
                                format!("no column is headed \"{header}\" (chosen for {})", field.display()),
                                format!("choose one of: {}", names.join(", ")),
                            )
                            .at_line(header_line),
                        ),
                    }
                }
            }
        }
        let has = |field: Field| index[field as usize].is_some();
        let mut require = |present: bool, fields: &[Field], what: &str| {
            if !present {
                let accepted: Vec<String> =
                    fields.iter().flat_map(|f| f.aliases().iter()).map(|a| format!("\"{a}\"")).collect();
                problems.push(
                    Problem::new(
                        format!("no {what} column"),
                        format!(
                            "add a header named one of: {} (or choose the column: --column {}=\"…\")",
                            accepted.join(", "),
                            fields[0].key()
                        ),
                    )
                    .at_line(header_line),
                );
            }
        };
        require(has(Field::Id), &[Field::Id], "employee id");
        let has_name = has(Field::Name) || has(Field::FirstName) || has(Field::LastName);
        require(has_name, &[Field::Name, Field::FirstName, Field::LastName], "name");
        require(has(Field::Level), &[Field::Level], "level");
        let used: Vec<usize> = index.iter().flatten().copied().collect();
        let extra = (0..names.len()).filter(|i| !used.contains(i)).collect();
        let sources = Field::ALL
            .iter()
            .filter_map(|&field| {
                let i = index[field as usize]?;
                Some(ColumnSource { field, header: names[i].clone(), note: why.remove(&field).unwrap_or_default() })
            })
            .collect();
        (Columns { index, extra, names, sources }, problems)
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, field: Field) -> &'r str {
        self.index[field as usize].and_then(|i| record.get(i)).map_or("", trim_cell)
    }

    fn name(&self, field: Field) -> String {
        self.index[field as usize].map_or_else(|| field.display().to_owned(), |i| self.names[i].clone())
    }

    /// The file's columns in order, each with the field it gave: what the session keeps.
    fn layout(&self) -> Vec<RosterColumn> {
        (0..self.names.len())
            .map(|i| RosterColumn {
                header: self.names[i].as_str().into(),
                field: Field::ALL.into_iter().find(|&f| self.index[f as usize] == Some(i)),
                date_format: None,
                spellings: Vec::new(),
            })
            .collect()
    }
}

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
    this_year: i16,
    two_digit_years: usize,
    /// How the file wrote the read cells, for exports that hand the file back.
    spellings: Spellings,
}

impl<'a> RowReader<'a> {
    fn new(ladder: &'a Ladder, matcher: LevelMatcher, columns: &'a Columns, expected_rows: usize) -> Self {
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
            spellings: Spellings::default(),
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
        // Each read cell once, trimmed: the checks below and the write-back rule all use these.
        let cells: [&str; Field::ALL.len()] = Field::ALL.map(|field| cols.get(record, field));
        let id = cells[Field::Id as usize];
        // Blank rows (often a spreadsheet's trailing ",,,,") are skipped; a row with an id is not blank.
        if id.is_empty() && record.iter().all(|cell| trim_cell(cell).is_empty()) {
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
        if self.problems.len() > before {
            return;
        }
        let (Some((level, _)), Some(track)) = (level, track) else { return };
        let id = PersonId::new(id);
        self.lines.push(line);
        let extra = if cols.extra.is_empty() {
            ExtraColumns::new()
        } else if cols.extra.iter().all(|&i| record.get(i).is_none_or(str::is_ascii)) {
            ExtraColumns::from_values(cols.extra.iter().map(|&i| record.get(i).unwrap_or("")))
        } else {
            let values: Vec<CompactString> = cols.extra.iter().map(|&i| nfc(record.get(i).unwrap_or(""))).collect();
            ExtraColumns::from_values(values.iter().map(CompactString::as_str))
        };
        let mut person = Person {
            id,
            name,
            manager: nfc(cells[Field::Manager as usize]),
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
            let cell = cells[field as usize];
            if self.spellings.must_keep(&person, field, cell) {
                person.originals.push((field, nfc(cell)));
            }
        }
        self.people.push(person);
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
        let fix = format!(
            "use a level id, title or alias from the ladder: {} (or load a ladder that defines it with --ladder)",
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

    /// People who manage themselves, and loops of managers, named on the first person's row.
    fn check_reporting_lines(&mut self) {
        for problem in reporting_problems(&self.people) {
            let line = self.lines[problem.first()];
            let manager = self.people[problem.first()].manager.to_string();
            let message = problem.describe(&self.people);
            self.problem(
                line,
                Field::Manager,
                &manager,
                message,
                "correct the manager column so reporting lines end at someone outside the loop",
            );
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
                    (Some(date), Some(i)) if self.in_range(date, field, cell.line, &cell.text).is_some() => {
                        let person = &mut self.people[i];
                        match field {
                            Field::StartDate => person.start_date = Some(date),
                            _ => person.level_since = Some(date),
                        }
                        if self.spellings.must_keep(person, field, &cell.text) {
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
