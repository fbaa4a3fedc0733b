//! The roster import preview's workings: the file's bytes are read once, the importer runs on
//! them again whenever the user changes a choice, and Import commits the result as it was shown.

use super::LadderApp;
use crate::command::{ImportChange, Interrupted};
use crate::io::roster::decode::encoding_named;
use crate::io::roster::headers::file_headers;
use crate::io::roster::sheet::{is_workbook, sheet_names};
use crate::io::roster::{ColumnSource, ImportOptions, RosterImport, mapped_columns, parse_roster_with};
use crate::io::{FileError, Problem};
use crate::model::Field;
use crate::model::roster_layout::RosterRows;
use crate::view::import_preview::PREVIEW_ROWS;
use crate::view::{ImportPreview, MappedField, PreviewRow};
use std::path::{Path, PathBuf};

/// A roster read but not yet imported.
pub(super) struct PendingImport {
    path: PathBuf,
    bytes: Vec<u8>,
    options: ImportOptions,
    result: Result<RosterImport, FileError>,
}

impl LadderApp {
    /// Reads `path` and shows what importing it would give; nothing changes yet.
    pub(super) fn preview_import(&mut self, path: &Path) {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(source) => {
                self.error(FileError::Read { path: path.to_path_buf(), source }.to_string());
                return;
            }
        };
        let options = ImportOptions { this_year: super::today().year(), ..ImportOptions::default() };
        let ladder = &self.document.session().ladder;
        let result = parse_roster_with(&bytes, path, ladder, &options);
        let pending = PendingImport { path: path.to_path_buf(), bytes, options, result };
        self.view.import_preview = Some(preview_of(&pending, ladder));
        self.import = Some(pending);
    }

    /// Applies a choice made in the preview and reads the file again with it.
    pub(super) fn change_import(&mut self, change: ImportChange) {
        let Some(pending) = self.import.as_mut() else { return };
        let options = &mut pending.options;
        match change {
            ImportChange::Encoding(label) => options.encoding = label.as_deref().and_then(encoding_named),
            ImportChange::Column(field, header) => {
                options.columns.retain(|(f, _)| *f != field);
                options.columns.push((field, header));
            }
            ImportChange::LevelScheme(scheme) => options.level_scheme = scheme,
            ImportChange::Sheet(sheet) => {
                // Another sheet has other headers: the columns chosen for the last one do not apply.
                options.columns.clear();
                options.sheet = sheet;
            }
        }
        let ladder = &self.document.session().ladder;
        pending.result = parse_roster_with(&pending.bytes, &pending.path, ladder, &pending.options);
        self.view.import_preview = Some(preview_of(pending, ladder));
    }

    /// Import pressed: replaces the session once unsaved changes are dealt with.
    pub(super) fn confirm_import(&mut self) {
        let Some(pending) = &self.import else { return };
        if pending.result.is_ok() {
            self.unless_unsaved(Interrupted::ImportRoster(pending.path.clone()));
        }
    }

    pub(super) fn cancel_import(&mut self) {
        self.import = None;
        self.view.import_preview = None;
    }

    /// Creates a new, unsaved session from the previewed roster.
    pub(super) fn commit_import(&mut self) {
        let Some(pending) = self.import.take() else { return };
        self.view.import_preview = None;
        let path = pending.path;
        match pending.result {
            Ok(mut imported) => {
                imported.sha256 = crate::io::roster::sha256_hex(&pending.bytes);
                let title =
                    path.file_stem().map_or_else(|| "Calibration".to_owned(), |s| s.to_string_lossy().into_owned());
                let count = imported.people.len();
                let summary = imported.summary().join("\n");
                let source = imported.source_label();
                let ladder = self.document.session().ladder.clone();
                let actor = self.settings.user_name.clone();
                let session = imported.into_session(title, "", ladder, &path, &actor, jiff::Timestamp::now());
                self.replace_session(session, None);
                // A fresh import has not been saved anywhere yet.
                self.document.revisions_mut().mark_unsaved();
                self.offer_pending_recovery();
                // The first line is the status bar; "Show all … lines" opens what the import decided.
                self.info(format!("Imported {count} people from {} ({source})\n{summary}", path.display()));
            }
            Err(e) => self.error(e.to_string()),
        }
    }
}

/// The preview's content for the importer's current result.
fn preview_of(pending: &PendingImport, ladder: &crate::model::Ladder) -> ImportPreview {
    let options = &pending.options;
    let mut preview = ImportPreview {
        file_name: pending.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        chosen_sheet: options.sheet.clone(),
        chosen_encoding: options.encoding.map(|e| e.name().to_owned()),
        schemes: ladder.schemes.iter().map(|s| s.name.clone()).collect(),
        chosen_scheme: options.level_scheme.clone(),
        ..ImportPreview::default()
    };
    match &pending.result {
        Ok(imported) => {
            // What the import read gives the headers and sheets; the file is not opened again.
            preview.headers = imported.roster_columns.iter().map(|c| c.header.to_string()).collect();
            preview.sheets = imported.sheet.as_ref().map(|s| s.sheets.clone()).unwrap_or_default();
            preview.encoding = match &imported.sheet {
                Some(sheet) => format!("sheet \"{}\" ({})", sheet.name, sheet.why),
                None => format!("{} ({})", imported.encoding, imported.encoding_choice.describe()),
            };
            preview.mapping = mapping(&imported.columns);
            let cells = RosterRows::new(&imported.roster_columns);
            preview.rows = imported.people.iter().take(PREVIEW_ROWS).map(|p| row_of(p, &cells)).collect();
            preview.people = imported.people.len();
            preview.summary = imported.summary();
        }
        Err(error) => {
            preview.headers = file_headers(&pending.bytes, options.encoding, options.sheet.as_deref());
            if is_workbook(&pending.bytes) {
                preview.sheets = sheet_names(&pending.bytes);
            }
            preview.encoding =
                options.encoding.map_or_else(|| "detected".to_owned(), |e| format!("{} (as chosen)", e.name()));
            let sources = mapped_columns(&preview.headers, &options.columns);
            preview.mapping = mapping(&sources);
            preview.problems = match error.problems() {
                [] => vec![error.to_string()],
                problems => problems.iter().map(Problem::to_string).collect(),
            };
        }
    }
    preview
}

/// Every field with the column that gives it, in the order fields are reported.
fn mapping(sources: &[ColumnSource]) -> Vec<MappedField> {
    Field::ALL
        .into_iter()
        .map(|field| {
            let source = sources.iter().find(|c| c.field == field);
            MappedField {
                field,
                header: source.map(|c| c.header.clone()),
                note: source.map(|c| c.note.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

fn row_of(person: &crate::model::Person, cells: &RosterRows<'_>) -> PreviewRow {
    let level_cell = cells.cell(person, Field::Level).unwrap_or_default();
    PreviewRow {
        id: person.id.to_string(),
        name: person.name.to_string(),
        manager: person.manager.to_string(),
        team: person.team.to_string(),
        track: person.track.label().to_owned(),
        level: person.level.to_string(),
        level_as_written: if level_cell == person.level.as_str() { String::new() } else { level_cell.into_owned() },
    }
}
