//! What an import decided, in words, and the session it starts.

use super::RosterImport;
use crate::model::wording::counted;
use crate::model::{Ladder, Session};
use std::path::Path;

impl RosterImport {
    /// A new session of these people, naming the roster's columns once. Its audit trail starts with
    /// the import: a baseline of everyone's state naming the file and its SHA-256, so any later
    /// change made outside Ladderboard shows.
    #[must_use]
    pub fn into_session(
        self,
        title: impl Into<String>,
        cycle: &str,
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
        cycle.clone_into(&mut session.cycle);
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
        if self.lone_cr {
            lines.push(
                "line ends: a carriage return alone (Excel for Mac's \"CSV (Macintosh)\"), each read as a line break"
                    .to_owned(),
            );
        }
        for source in &self.columns {
            let note = if source.note.is_empty() { String::new() } else { format!(" ({})", source.note) };
            lines.push(format!("{} ← column \"{}\"{note}", source.field.display(), source.header));
        }
        if self.two_digit_years > 0 {
            let pivot = (self.this_year + 1) % 100;
            lines.push(format!(
                "dates: {} read as 20yy up to {} (00–{pivot:02}), else 19yy",
                counted(self.two_digit_years, "two-digit year", "two-digit years"),
                self.this_year + 1
            ));
        }
        if let Some(serials) = self.sheet.as_ref().map(|s| s.serial_dates).filter(|&n| n > 0) {
            lines.push(format!(
                "dates: {} in date columns read as Excel date serials (45292 = 2024-01-01)",
                counted(serials, "number", "numbers")
            ));
        }
        if let Some(scheme) = &self.level_scheme {
            lines.push(format!("levels: {scheme} level codes"));
        }
        lines
    }
}
