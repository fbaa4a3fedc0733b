//! Roster CSV import. Accepts what HR systems export (header aliases, `,` `;` or tab, BOM, CRLF,
//! quoted newlines, legacy code pages) and reports every problem in one pass; an import with any
//! problem imports nothing. Whatever it had to decide (encoding, which column gives which field,
//! two-digit years, a company's level codes) it decides by a stated rule and reports in `summary`.
//!
//! The types every stage shares live here, at the bottom; the stages import them from this facade
//! and never from each other's entry points:
//! `decode` (bytes → text) → `headers` (separator, preamble) → `records`/`lines` (rows with true
//! line numbers) or `sheet` (a workbook's rows) → `mapping`/`columns` (field ← header) → `people`
//! with `dates` and `spelling` (rows → people and problems) → `summary` (what was decided).

pub mod columns;
mod csv;
pub mod dates;
pub mod decode;
pub mod headers;
mod lines;
mod mapping;
mod people;
mod records;
pub mod sheet;
mod spelling;
mod summary;

pub use columns::Field;
pub use csv::{parse_roster, parse_roster_with, read_roster, read_roster_with, sha256_hex};
pub use decode::EncodingChoice;
pub use mapping::mapped_columns;

use crate::model::{Person, RosterColumn};
use encoding_rs::Encoding;

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
    /// The lines ended in a lone carriage return (classic Mac), each read as a line break.
    pub lone_cr: bool,
    /// Lines that started with an invisible character (a byte-order mark mid-file), dropped.
    pub invisible_marks: Vec<u64>,
    pub columns: Vec<ColumnSource>,
    /// How many dates had a two-digit year, read by the pivot rule.
    pub two_digit_years: usize,
    /// Manager cells saying there is none (`None`, `N/A`, `null`, `-`), read as no manager.
    pub no_manager_words: usize,
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
    /// The workbook counts days from 1904, as older Excel for Mac files do.
    pub date_1904: bool,
    /// Merged ranges whose value was given to every row they cover.
    pub merged: Vec<String>,
    /// Ids and manager codes read with their format's leading zeros (`00123`).
    pub formatted_numbers: usize,
    /// Hidden sheets, not read.
    pub hidden_sheets: Vec<String>,
    /// Rows of people the sheet hides (a filter), imported all the same.
    pub hidden_rows: Vec<u64>,
}
