//! Roster workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`), read with calamine. A sheet's table is turned
//! into CSV text (by the csv crate) and read by the CSV importer, so a workbook gets the same header
//! aliases, level mapping, date rules and all-or-nothing problems as a CSV file; each problem is then
//! placed back on the sheet's own row. Formulas are never evaluated: the value Excel cached is read.

use super::columns::{Field, match_header};
use crate::io::error::{FileError, Problem};
use calamine::{Data, Range, Reader, Sheets};
use std::io::Cursor;
use std::path::Path;

/// Rows looked at for a header: report titles and blank rows may sit above it.
const HEADER_SEARCH_ROWS: usize = 20;

/// Whether the bytes are a workbook (a zip such as `.xlsx` / `.ods`, or an OLE file such as `.xls`).
#[must_use]
pub fn is_workbook(bytes: &[u8]) -> bool {
    crate::io::FileKind::of(bytes) == crate::io::FileKind::Workbook
}

/// One sheet's table as CSV text, with where each CSV line came from.
pub struct SheetTable {
    pub sheet: String,
    /// Why this sheet: "the only sheet", "the one with a roster header", "as chosen".
    pub why: String,
    /// Every sheet in the workbook, in order, for the preview's choice.
    pub sheets: Vec<String>,
    /// `sep=,`, the header row, then one record per non-blank row.
    pub csv: Vec<u8>,
    /// The CSV line each record starts on, and the sheet row (1-based) it came from.
    line_rows: Vec<(u64, u64)>,
    /// Numbers in a date column read as Excel date serials (`45292` → 2024-01-01).
    pub serial_dates: usize,
    /// The workbook counts days from 1904 (older Excel for Mac), not 1900.
    pub date_1904: bool,
    /// Merged ranges whose value was given to every row they cover ("D2:D4").
    pub merged: Vec<String>,
    /// Numbers shown with leading zeros by their cell's format (`00123`), read as shown.
    pub formatted_numbers: usize,
    /// Sheets hidden in the workbook, not read unless chosen.
    pub hidden_sheets: Vec<String>,
    /// Rows (1-based) of people the sheet hides (a filter), imported all the same.
    pub hidden_rows: Vec<u64>,
    /// Cells that could not be turned into text (`#N/A`, an impossible date), already placed.
    pub problems: Vec<Problem>,
}

impl SheetTable {
    /// Moves problems the CSV importer found onto this sheet's rows.
    pub fn place(&self, mut problem: Problem) -> Problem {
        problem.sheet = Some(self.sheet.clone());
        if let Some(line) = problem.line {
            let i = self.line_rows.partition_point(|&(start, _)| start <= line).saturating_sub(1);
            problem.line = self.line_rows.get(i).map(|&(_, row)| row);
        }
        // Messages that point at another line ("duplicate id, first used on line 4") point at its row.
        if let Some((head, tail)) = problem.message.split_once("on line ") {
            let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(line) = digits.parse::<u64>() {
                let i = self.line_rows.partition_point(|&(start, _)| start <= line).saturating_sub(1);
                let row = self.line_rows.get(i).map_or(line, |&(_, row)| row);
                problem.message = format!("{head}on row {row}{}", &tail[digits.len()..]);
            }
        }
        problem
    }
}

/// How a sheet's cells are read: which columns hold dates besides those whose header says so (the
/// user's `--column start_date="…"`), and the year that bounds a plausible date.
#[derive(Clone, Debug, Default)]
pub struct SheetReading {
    pub sheet: Option<String>,
    pub date_headers: Vec<String>,
    pub this_year: i16,
}

/// What the workbook itself says about its cells beyond their values: its date system, each
/// cell's number format, and its merged ranges (`.xlsx`; other formats give none of these).
#[derive(Default)]
struct Settings {
    date_1904: bool,
    /// Rows (0-based) the sheet hides: imported all the same, and said.
    hidden_rows: Vec<u32>,
    styles: Option<calamine::StyleRange>,
    merges: Vec<calamine::Dimensions>,
}

/// One file of an `.xlsx` zip's bytes (at most `limit`), if it is there.
fn zip_bytes(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str, limit: u64) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut file = zip.by_name(name).ok()?;
    let mut bytes = Vec::with_capacity(usize::try_from(file.size().min(limit)).unwrap_or(0));
    file.by_ref().take(limit).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// An attribute's value in one XML start tag (`name="value"`), unescaped.
fn attribute(tag: &[u8], name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = memchr::memmem::find(tag, key.as_bytes())? + key.len();
    let end = memchr::memchr(b'"', &tag[at..])? + at;
    let raw = String::from_utf8_lossy(&tag[at..end]);
    Some(
        raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

/// The start tags named `element` in `xml` (`<row …>`), as bytes.
fn tags<'x>(xml: &'x [u8], element: &str) -> Vec<&'x [u8]> {
    let open = format!("<{element} ");
    memchr::memmem::find_iter(xml, open.as_bytes())
        .filter_map(|at| memchr::memchr(b'>', &xml[at..]).map(|end| &xml[at..at + end]))
        .collect()
}

/// A cell reference (`D2`) as a 0-based (row, column).
fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    // Excel's limits (XFD, row 1,048,576) bound a reference; anything past them is not one.
    let column = letters.bytes().try_fold(0u32, |n, b| {
        if !b.is_ascii_uppercase() {
            return None;
        }
        n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1).filter(|&c| c <= 16_384)
    })?;
    let row = digits.parse::<u32>().ok().filter(|&r| r <= 1_048_576)?;
    Some((row.checked_sub(1)?, column.checked_sub(1)?))
}

/// What an `.xlsx` sheet keeps beyond its values, read straight from the zip in one pass over
/// the sheet's XML (calamine keeps these to itself, or reads the sheet again for each): the rows it
/// hides (a filter) and its merged ranges.
fn xml_settings(bytes: &[u8], sheet: &str) -> (Vec<u32>, Vec<calamine::Dimensions>) {
    const LIMIT: u64 = 512 << 20;
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return (Vec::new(), Vec::new()) };
    let Some(workbook) = zip_bytes(&mut zip, "xl/workbook.xml", 1 << 20) else { return (Vec::new(), Vec::new()) };
    let path = tags(&workbook, "sheet")
        .into_iter()
        .find(|tag| attribute(tag, "name").as_deref() == Some(sheet))
        .and_then(|tag| attribute(tag, "r:id"))
        .and_then(|id| {
            let rels = zip_bytes(&mut zip, "xl/_rels/workbook.xml.rels", 1 << 20)?;
            tags(&rels, "Relationship")
                .into_iter()
                .find(|tag| attribute(tag, "Id").as_deref() == Some(&id))
                .and_then(|t| attribute(t, "Target"))
        })
        .map(|target| match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("xl/{target}"),
        });
    let Some(xml) = path.and_then(|path| zip_bytes(&mut zip, &path, LIMIT)) else { return (Vec::new(), Vec::new()) };
    let mut hidden: Vec<u32> = if memchr::memmem::find(&xml, b" hidden=").is_some() {
        tags(&xml, "row")
            .into_iter()
            .filter(|tag| matches!(attribute(tag, "hidden").as_deref(), Some("1" | "true")))
            .filter_map(|tag| attribute(tag, "r")?.parse::<u32>().ok()?.checked_sub(1))
            .collect()
    } else {
        Vec::new()
    };
    hidden.sort_unstable();
    // The merged ranges sit after the cells, at the sheet's end.
    let merges = memchr::memmem::rfind(&xml, b"<mergeCells").map_or_else(Vec::new, |at| {
        tags(&xml[at..], "mergeCell")
            .into_iter()
            .filter_map(|tag| {
                let reference = attribute(tag, "ref")?;
                let (start, end) = reference.split_once(':')?;
                Some(calamine::Dimensions { start: cell_position(start)?, end: cell_position(end)? })
            })
            .collect()
    });
    (hidden, merges)
}

/// Opens the workbook and picks its roster sheet: the chosen one if given (its name matched as
/// Excel does, ignoring case), else the one sheet whose header names roster columns; several such
/// sheets are a problem that asks the user to choose.
pub fn roster_sheet(bytes: &[u8], file: &Path, reading: &SheetReading) -> Result<SheetTable, FileError> {
    let chosen = reading.sheet.as_deref();
    let mut book = open(bytes).map_err(|p| FileError::invalid(file, vec![p]))?;
    let names = book.sheet_names();
    // A hidden sheet (an old roster kept out of sight) is read only when chosen, and said.
    let hidden: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    for name in &names {
        if chosen.is_some_and(|c| !c.trim().eq_ignore_ascii_case(name.trim()) && c != name) {
            continue;
        }
        if chosen.is_none() && hidden.contains(name) {
            continue;
        }
        match book.worksheet_range(name) {
            Ok(range) => {
                if let Some(header) = header_row(&range) {
                    found.push((name.clone(), range, header));
                } else if chosen.is_some() {
                    // A chosen sheet with no recognisable header is read from its first row, so
                    // the importer names the columns it lacks.
                    found.push((name.clone(), range, 0));
                }
            }
            Err(e) => unreadable.push(format!("\"{name}\" ({e})")),
        }
    }
    let list = names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    if let Some(chosen) = chosen
        && found.is_empty()
    {
        let problem = if unreadable.is_empty() {
            Problem::new(format!("the workbook has no sheet named \"{chosen}\""), format!("choose one of: {list}"))
        } else {
            Problem::new(
                format!("the sheet could not be read: {}", unreadable.join(", ")),
                "open the workbook in Excel or LibreOffice and save it again, or export the sheet as CSV",
            )
        };
        return Err(FileError::invalid(file, vec![problem]));
    }
    match found.len() {
        0 => {
            let mut message = format!("no sheet has a roster header row (sheets: {list})");
            if !unreadable.is_empty() {
                message = format!("{message}; could not read {}", unreadable.join(", "));
            }
            let fix = "put a header row with at least an employee id, a name and a level column (e.g. \"Employee ID\", \"Name\", \"Level\") in the first 20 rows of the roster's sheet";
            Err(FileError::invalid(file, vec![Problem::new(message, fix)]))
        }
        1 => {
            let (sheet, range, header) = found.remove(0);
            let why = if chosen.is_some() {
                "as chosen".to_owned()
            } else if names.len() == 1 {
                "the only sheet".to_owned()
            } else {
                format!("the one of {} sheets with a roster header", names.len())
            };
            let settings = settings_of(&mut book, bytes, &sheet, &range, header);
            let mut table = table(sheet, why, names.clone(), &range, header, reading, &settings);
            table.hidden_sheets = hidden;
            Ok(table)
        }
        _ => {
            let candidates = found.iter().map(|(n, ..)| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
            let problem = Problem::new(
                format!("{} sheets have a roster header: {candidates}", found.len()),
                "choose the sheet to import (the Sheet list in the import preview, or --sheet NAME)",
            );
            Err(FileError::invalid(file, vec![problem]))
        }
    }
}

/// The settings of an `.xlsx` sheet that change how its cells read. Number formats are looked up
/// only when a number sits in a column that holds codes (ids, managers), so most workbooks skip
/// the second pass over the sheet that reading styles takes.
fn settings_of(
    book: &mut Sheets<Cursor<&[u8]>>,
    bytes: &[u8],
    sheet: &str,
    range: &Range<Data>,
    header: usize,
) -> Settings {
    let Sheets::Xlsx(xlsx) = book else { return Settings::default() };
    let code_columns: Vec<usize> = range
        .rows()
        .nth(header)
        .map(|row| {
            row.iter()
                .enumerate()
                .filter(|(_, cell)| matches!(match_header(&text_of(cell)), Some((Field::Id | Field::Manager, _))))
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default();
    let numbers_in_codes = range
        .rows()
        .skip(header + 1)
        .any(|row| code_columns.iter().any(|&c| matches!(row.get(c), Some(Data::Float(_) | Data::Int(_)))));
    let styles = if numbers_in_codes { xlsx.worksheet_style(sheet).ok() } else { None };
    let (hidden_rows, merges) = xml_settings(bytes, sheet);
    Settings { date_1904: xlsx.has_1904_epoch(), hidden_rows, styles, merges }
}

/// The sheet names of a workbook, or none when it cannot be opened.
#[must_use]
pub fn sheet_names(bytes: &[u8]) -> Vec<String> {
    open(bytes).map(|book| book.sheet_names()).unwrap_or_default()
}

fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, Problem> {
    let cursor = Cursor::new(bytes);
    let zip = bytes.starts_with(b"PK");
    // An encrypted `.xlsx` is an OLE file, as `.xls` is: try both readers before giving up.
    // An OpenDocument file names its type in a `mimetype` entry; anything else zipped is read as
    // `.xlsx`, and that reader's error is the one reported.
    let head = &bytes[..bytes.len().min(256)];
    let opendocument = zip && memchr::memmem::find(head, b"application/vnd.oasis.opendocument").is_some();
    let result = if opendocument {
        calamine::open_workbook_from_rs(cursor).map(Sheets::Ods).map_err(calamine::Error::from)
    } else if zip {
        calamine::open_workbook_from_rs(cursor).map(Sheets::Xlsx).map_err(calamine::Error::from)
    } else {
        calamine::open_workbook_from_rs(cursor.clone())
            .map(Sheets::Xls)
            .map_err(calamine::Error::from)
            .or_else(|xls| calamine::open_workbook_from_rs(cursor).map(Sheets::Xlsx).map_err(|_| xls))
    };
    result.map_err(|e| {
        let text = e.to_string();
        if text.contains("password") || password_protected(bytes) {
            Problem::new(
                "the workbook is password-protected, so its cells cannot be read",
                "open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save a copy to import",
            )
        } else {
            Problem::new(
                format!("the workbook could not be read ({text})"),
                "open it in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV",
            )
        }
    })
}

/// An encrypted OOXML workbook is an OLE file holding an `EncryptedPackage` stream.
fn password_protected(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) && bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// Among the first rows, the one naming the most roster fields (at least two; the first on a tie).
/// A group row above the header ("Employee", "Position", merged across the columns below) names
/// fewer than the header itself.
fn header_row(range: &Range<Data>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in range.rows().take(HEADER_SEARCH_ROWS).enumerate() {
        let mut fields: Vec<Field> =
            row.iter().filter_map(|cell| match_header(&text_of(cell)).map(|(f, _)| f)).collect();
        fields.sort_unstable_by_key(|&f| f as usize);
        fields.dedup();
        if fields.len() >= 2 && best.is_none_or(|(_, most)| fields.len() > most) {
            best = Some((i, fields.len()));
        }
    }
    best.map(|(i, _)| i)
}

/// The sheet from its header row on, as CSV.
fn table(
    sheet: String,
    why: String,
    sheets: Vec<String>,
    range: &Range<Data>,
    header: usize,
    reading: &SheetReading,
    settings: &Settings,
) -> SheetTable {
    // Range rows start at the first used cell, not at A1.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(b"sep=,\n".to_vec());
    let mut out = SheetTable {
        sheet,
        why,
        sheets,
        csv: Vec::new(),
        line_rows: Vec::new(),
        serial_dates: 0,
        date_1904: settings.date_1904,
        merged: Vec::new(),
        formatted_numbers: 0,
        hidden_sheets: Vec::new(),
        hidden_rows: Vec::new(),
        problems: Vec::new(),
    };
    // A range merged down rows below the header gives its value to every row it covers, in its
    // own column (a team's name merged down its people's rows); a range merged across columns
    // (a band row over the table) fills no other field, and the header's merges stay as they are.
    let header_row = first_row + u32::try_from(header).unwrap_or(u32::MAX);
    let merges: Vec<&calamine::Dimensions> =
        settings.merges.iter().filter(|m| m.start.0 > header_row && m.end.0 > m.start.0).collect();
    for m in &merges {
        out.merged.push(format!(
            "{}{}:{}{}",
            column_letters(m.start.1 as usize),
            m.start.0 + 1,
            column_letters(m.end.1 as usize),
            m.end.0 + 1
        ));
    }
    // Each covered cell once, to its range's first cell: looked up, not searched, per empty cell.
    let covered: std::collections::HashMap<(u32, u32), (u32, u32)> =
        merges.iter().flat_map(|m| (m.start.0 + 1..=m.end.0).map(move |row| ((row, m.start.1), m.start))).collect();
    let merged_value = |row: u32, col: u32| -> Option<&Data> {
        range.get_value(*covered.get(&(row, col))?).filter(|v| !matches!(v, Data::Empty))
    };
    let mut line = 2;
    let mut headers: Vec<String> = Vec::new();
    let mut kinds: Vec<ColumnKind> = Vec::new();
    for (i, row) in range.rows().enumerate().skip(header) {
        let sheet_row = u64::from(first_row) + i as u64 + 1;
        let cells: Vec<String> = if i == header {
            headers = row.iter().map(text_of).collect();
            kinds = headers.iter().map(|h| ColumnKind::of(h, reading)).collect();
            headers.clone()
        } else {
            if row.iter().all(|c| matches!(c, Data::Empty)) {
                continue;
            }
            let absolute_row = first_row + u32::try_from(i).unwrap_or(u32::MAX);
            if settings.hidden_rows.binary_search(&absolute_row).is_ok() {
                out.hidden_rows.push(sheet_row);
            }
            row.iter()
                .enumerate()
                .map(|(c, cell)| {
                    let header = headers.get(c).map_or("", String::as_str);
                    let absolute_col = first_col + u32::try_from(c).unwrap_or(u32::MAX);
                    let cell = match cell {
                        Data::Empty if !merges.is_empty() => merged_value(absolute_row, absolute_col).unwrap_or(cell),
                        other => other,
                    };
                    let format = settings
                        .styles
                        .as_ref()
                        .and_then(|s| s.get((absolute_row, absolute_col)))
                        .and_then(|style| style.number_format.as_ref())
                        .map(|f| f.format_code.as_str());
                    let kind = kinds.get(c).copied().unwrap_or_default();
                    out.cell(cell, (header, kind), sheet_row, c + first_col as usize, reading, format)
                })
                .collect()
        };
        out.line_rows.push((line, sheet_row));
        line += 1 + cells.iter().map(|c| c.bytes().filter(|&b| b == b'\n').count() as u64).sum::<u64>();
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&cells);
    }
    out.csv = writer.into_inner().unwrap_or_default();
    out
}

impl SheetTable {
    /// One cell as the text the CSV importer reads.
    fn cell(
        &mut self,
        cell: &Data,
        (header, kind): (&str, ColumnKind),
        row: u64,
        col: usize,
        reading: &SheetReading,
        format: Option<&str>,
    ) -> String {
        // Named only for a problem: most cells have none.
        let column = || if header.trim().is_empty() { column_letters(col) } else { header.trim().to_owned() };
        let date_column = kind.date;
        // A whole number is read as an Excel date serial only where that gives a plausible date:
        // `2019` in a "Level Since" column is a year someone typed, not 1905-07-11.
        let serial_date = |serial: f64| {
            if serial.fract() != 0.0 || !(1.0..2_958_466.0).contains(&serial) {
                return None;
            }
            let (y, m, d, ..) =
                calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, self.date_1904)
                    .to_ymd_hms_milli();
            let year = i32::from(y);
            let plausible = year >= i32::from(super::dates::EARLIEST_YEAR) && year <= i32::from(reading.this_year) + 1;
            plausible.then(|| format!("{y:04}-{m:02}-{d:02}"))
        };
        #[expect(clippy::cast_precision_loss, reason = "only serials below 2,958,466 are kept, all exact")]
        let number = match cell {
            Data::Float(f) => Some(*f),
            Data::Int(i) => Some(*i as f64),
            _ => None,
        };
        if date_column && let Some(date) = number.and_then(serial_date) {
            self.serial_dates += 1;
            return date;
        }
        if kind.code
            && let Some(n) = number
        {
            // An id stored as a number: shown with its format's leading zeros (`00000` → 00123),
            // and refused where Excel already rounded it (16 significant digits or more).
            if n.abs() >= 1e15 || n.fract() != 0.0 {
                let mut problem = Problem::new(
                    "the id is a number Excel could not hold exactly (16 digits or more, or a fraction): its last digits are lost",
                    "format the column as Text in the HR system's export (or in Excel, then paste the ids again) and export again",
                )
                .at_line(row)
                .in_column(column())
                .with_value(text_of(cell));
                problem.sheet = Some(self.sheet.clone());
                self.problems.push(problem);
                return String::new();
            }
            if let Some(width) = format.and_then(zero_padding) {
                self.formatted_numbers += 1;
                #[expect(clippy::cast_possible_truncation, reason = "a whole number below 10^15")]
                return format!("{:0width$}", n as i64);
            }
        }
        match cell {
            Data::DateTime(when) if when.is_datetime() => {
                let (y, m, d, ..) = when.to_ymd_hms_milli();
                if let Ok(date) = jiff::civil::Date::new(y.cast_signed(), m.cast_signed(), d.cast_signed()) {
                    date.to_string()
                } else {
                    // Excel's 1900-02-29, which never was.
                    self.problem(row, column(), format!("{y}-{m:02}-{d:02}"), "the date does not exist");
                    String::new()
                }
            }
            Data::DateTimeIso(text) if date_column => text.split('T').next().unwrap_or(text).to_owned(),
            Data::Error(error) => {
                self.problem(row, column(), error.to_string(), "the cell shows a formula error");
                String::new()
            }
            other => text_of(other),
        }
    }

    fn problem(&mut self, row: u64, column: String, value: String, message: &str) {
        let fix = "fix the cell in the workbook (or clear it) and import again";
        let mut problem = Problem::new(message, fix).at_line(row).in_column(column).with_value(value);
        problem.sheet = Some(self.sheet.clone());
        self.problems.push(problem);
    }
}

/// What a column's header says about its cells, worked out once per column, not per cell.
#[derive(Clone, Copy, Debug, Default)]
struct ColumnKind {
    /// A date column: numbers in it may be Excel date serials.
    date: bool,
    /// An id or manager column: numbers in it are codes, shown as formatted.
    code: bool,
}

impl ColumnKind {
    fn of(header: &str, reading: &SheetReading) -> Self {
        let field = match_header(header).map(|(f, _)| f);
        let key = super::columns::header_key(header);
        ColumnKind {
            date: matches!(field, Some(Field::StartDate | Field::LevelSince))
                || reading.date_headers.iter().any(|h| super::columns::header_key(h) == key),
            code: matches!(field, Some(Field::Id | Field::Manager)),
        }
    }
}

/// The width a number format pads whole numbers to with zeros (`00000` → 5), when that is all
/// the format does.
fn zero_padding(format: &str) -> Option<usize> {
    let format = format.trim_matches('"');
    // Excel's built-in "0" is a plain whole number; padding takes at least two places.
    (format.len() >= 2 && format.chars().all(|c| c == '0')).then_some(format.len())
}

/// A cell's value as text: whole numbers without `.0`, so an id stored as a number reads `1042`.
fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(when) => when.as_f64().to_string(),
        Data::Error(error) => error.to_string(),
    }
}

/// `A`, `B`, … `Z`, `AA`: a 0-based column as Excel names it.
#[must_use]
pub fn column_letters(mut col: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + u8::try_from(col % 26).unwrap_or(0));
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn whole_numbers_read_without_a_decimal_point() {
        assert_eq!(text_of(&Data::Float(1042.0)), "1042");
        assert_eq!(text_of(&Data::Float(123_456_789_012.0)), "123456789012");
        assert_eq!(text_of(&Data::Float(2.5)), "2.5");
        assert_eq!(text_of(&Data::Bool(true)), "TRUE");
    }

    #[test]
    fn problems_move_to_the_sheet_row_their_line_came_from() {
        let table = SheetTable {
            sheet: "People".into(),
            why: String::new(),
            sheets: vec!["People".into()],
            csv: Vec::new(),
            // Header on sheet row 3; the record on line 4 has a two-line cell, so line 6 is row 6.
            line_rows: vec![(2, 3), (3, 4), (4, 5), (6, 6)],
            serial_dates: 0,
            date_1904: false,
            merged: Vec::new(),
            formatted_numbers: 0,
            hidden_sheets: Vec::new(),
            hidden_rows: Vec::new(),
            problems: Vec::new(),
        };
        let placed = table.place(Problem::new("bad", "fix").at_line(6));
        assert_eq!((placed.sheet.as_deref(), placed.line), (Some("People"), Some(6)));
        assert_eq!(table.place(Problem::new("bad", "fix").at_line(5)).line, Some(5));
        assert_eq!(table.place(Problem::new("bad", "fix").at_line(2)).line, Some(3));
        let duplicate = table.place(Problem::new("duplicate id, first used on line 3", "fix").at_line(6));
        assert_eq!(duplicate.message, "duplicate id, first used on row 4");
        assert_eq!(
            table.place(Problem::new("bad", "fix").at_line(4).in_column("Level")).to_string(),
            "sheet \"People\", row 5, column \"Level\": bad — fix"
        );
    }
}
