//! What the roster import preview shows: the file's headers, which column gives each field, the
//! encoding, the first people as they will be imported, and every problem. The app builds it from
//! the importer's result each time the user changes a choice; Import commits that result.

use crate::model::Field;

/// Encodings offered in the preview, besides the detected one (WHATWG labels, as `--encoding`).
pub const OFFERED_ENCODINGS: [&str; 12] = [
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "windows-1252",
    "windows-1250",
    "windows-1251",
    "ISO-8859-2",
    "Shift_JIS",
    "EUC-JP",
    "GBK",
    "Big5",
    "EUC-KR",
];

/// How many people the preview lists.
pub const PREVIEW_ROWS: usize = 8;

/// One person as the import will read them, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreviewRow {
    pub id: String,
    pub name: String,
    pub manager: String,
    pub team: String,
    pub track: String,
    pub level: String,
    /// The level cell as the file has it, when it differs (`E5`).
    pub level_as_written: String,
}

/// A field and the column that gives it (`None`: no column), with the importer's reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappedField {
    pub field: Field,
    pub header: Option<String>,
    pub note: String,
}

/// The preview window's content.
#[derive(Clone, Debug, Default)]
pub struct ImportPreview {
    /// The file's name, for the title.
    pub file_name: String,
    pub headers: Vec<String>,
    /// The encoding used, with how it was decided (`Shift_JIS (detected: the file is not UTF-8)`).
    pub encoding: String,
    /// The encoding the user chose, if any (else detected).
    pub chosen_encoding: Option<String>,
    /// A workbook's sheets (empty for CSV), and the one chosen (else the one with a roster header).
    pub sheets: Vec<String>,
    pub chosen_sheet: Option<String>,
    /// Level code schemes the ladder names, and the one chosen.
    pub schemes: Vec<String>,
    pub chosen_scheme: Option<String>,
    pub mapping: Vec<MappedField>,
    pub rows: Vec<PreviewRow>,
    /// People the import would add; 0 when it cannot go on.
    pub people: usize,
    /// What the importer decided, one line each.
    pub summary: Vec<String>,
    /// Every problem, each naming line, column and fix; importing needs none.
    pub problems: Vec<String>,
}

impl ImportPreview {
    #[must_use]
    pub fn can_import(&self) -> bool {
        self.problems.is_empty() && self.people > 0
    }

    /// The column giving `field`, if any.
    #[must_use]
    pub fn header_for(&self, field: Field) -> Option<&str> {
        self.mapping.iter().find(|m| m.field == field).and_then(|m| m.header.as_deref())
    }
}
