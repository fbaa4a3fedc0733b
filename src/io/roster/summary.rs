//! What an import decided, in words, and the session it starts.

use super::RosterImport;
use crate::model::wording::counted;
use crate::model::{Ladder, Session};
use std::path::Path;

impl super::SheetSource {
    /// What the workbook's own settings changed in the reading, one line each.
    fn said(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.serial_dates > 0 {
            // The example is this workbook's: 2024-01-01 is day 45292 from 1900, day 43830 from 1904.
            let (system, example) = if self.date_1904 { ("1904", 43_830) } else { ("1900", 45_292) };
            lines.push(format!(
                "dates: {} in date columns read as Excel date serials of the workbook's {system} date system ({example} = 2024-01-01)",
                counted(self.serial_dates, "number", "numbers")
            ));
        }
        if !self.merged.is_empty() {
            lines.push(format!(
                "merged cells: {} gives its value to every row it covers ({})",
                if self.merged.len() == 1 { "a merged range" } else { "each merged range" },
                self.merged.join(", ")
            ));
        }
        if self.formatted_numbers > 0 {
            lines.push(format!(
                "ids: {} read as the workbook shows them, with their format's leading zeros",
                counted(self.formatted_numbers, "number", "numbers")
            ));
        }
        if !self.hidden_rows.is_empty() {
            let rows: Vec<String> = self.hidden_rows.iter().take(8).map(u64::to_string).collect();
            let more = if self.hidden_rows.len() > 8 { ", …" } else { "" };
            lines.push(format!(
                "hidden rows: {} hidden in the workbook (a filter?) imported all the same, as every row is a person: row {}{more}",
                counted(self.hidden_rows.len(), "row", "rows"),
                rows.join(", ")
            ));
        }
        if !self.hidden_sheets.is_empty() {
            let names: Vec<String> = self.hidden_sheets.iter().map(|s| format!("\"{s}\"")).collect();
            lines.push(format!("hidden sheets, not read: {} (choose one to read it)", names.join(", ")));
        }
        lines
    }
}

impl RosterImport {
    /// How many managers the roster names match no one in it (by id, name or `Last, First`):
    /// they are outside the calibration, or spelt otherwise than their own row.
    fn unmatched_managers(&self) -> Option<String> {
        let found = crate::model::reporting::manager_indices(&self.people);
        let mut unmatched: Vec<&str> = self
            .people
            .iter()
            .zip(&found)
            .filter(|(p, m)| m.is_none() && !p.manager.is_empty())
            .map(|(p, _)| p.manager.as_str())
            .collect();
        unmatched.sort_unstable();
        unmatched.dedup();
        let first: Vec<String> = unmatched.iter().take(3).map(|m| format!("\"{m}\"")).collect();
        let more = if unmatched.len() > 3 { ", …" } else { "" };
        (!unmatched.is_empty()).then(|| {
            format!(
                "managers not found in the roster: {} ({}{more}) — outside the calibration, or written otherwise than their own row",
                unmatched.len(),
                first.join(", ")
            )
        })
    }

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
        if let Some(first) = self.invisible_marks.first() {
            lines.push(format!(
                "invisible characters: a byte-order mark or zero-width character dropped from the start of {} (first on line {first}: two exports joined into one file?)",
                counted(self.invisible_marks.len(), "line", "lines"),
            ));
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
        if let Some(sheet) = &self.sheet {
            lines.extend(sheet.said());
        }
        if self.no_manager_words > 0 {
            lines.push(format!(
                "managers: {} saying \"None\", \"N/A\", \"null\" or \"-\" read as no manager",
                counted(self.no_manager_words, "cell", "cells")
            ));
        }
        if let Some(line) = self.unmatched_managers() {
            lines.push(line);
        }
        if let Some(scheme) = &self.level_scheme {
            lines.push(format!("levels: {scheme} level codes"));
        }
        lines
    }
}
