//! What a file holds, told from its content (never its name), in one place for every reader: the
//! window's start and dropped files, `validate`, and the import preview.

/// The kinds of file Ladderboard reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A calibration session: RON text with a `format_version`.
    Session,
    /// A career ladder: RON text with `levels` and no `format_version`.
    Ladder,
    /// An Excel or `.ods` workbook (a zip or an OLE container), read as a roster.
    Workbook,
    /// Anything else: read as a roster, which refuses binary files with advice of its own.
    Roster,
}

impl FileKind {
    /// The kind of file `bytes` are.
    #[must_use]
    pub fn of(bytes: &[u8]) -> FileKind {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return FileKind::Workbook;
        }
        // A session damaged by a byte that is not UTF-8 is still a session (its loader then says
        // which byte), not a roster to be given roster advice.
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
        let mut rest = text.trim_start_matches('\u{feff}').trim_start();
        while let Some(comment) = rest.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after).trim_start();
        }
        if !rest.starts_with('(') {
            FileKind::Roster
        } else if rest.contains("format_version") {
            FileKind::Session
        } else if rest.contains("levels") {
            FileKind::Ladder
        } else {
            FileKind::Roster
        }
    }

    /// A session or a ladder: a RON document rather than a roster.
    #[must_use]
    pub fn is_ron_document(self) -> bool {
        match self {
            FileKind::Session | FileKind::Ladder => true,
            FileKind::Workbook | FileKind::Roster => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FileKind;

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(FileKind::of(b"// saved\n(\n  format_version: 4,\n)"), FileKind::Session);
        assert_eq!(FileKind::of("\u{feff}(format_version: 4)".as_bytes()), FileKind::Session);
        assert_eq!(FileKind::of(b"(name: \"Default\", levels: [])"), FileKind::Ladder);
        assert_eq!(FileKind::of(b"PK\x03\x04rest"), FileKind::Workbook);
        assert_eq!(FileKind::of(b"employee_id,name\n1,Ada\n"), FileKind::Roster);
        assert_eq!(FileKind::of(b"(not ron, a note in brackets)"), FileKind::Roster);
        assert_eq!(FileKind::of(&[0xff, 0xfe, 0x00]), FileKind::Roster);
    }
}
