//! Typed IO errors that say which file, where in it, what was wrong and what would fix it.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// One problem found in an input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The workbook sheet the problem is on; `line` is then the sheet's 1-based row number.
    pub sheet: Option<String>,
    /// 1-based line number in the file, when the problem belongs to a line.
    pub line: Option<u64>,
    /// Column header (CSV) or 1-based column number (RON), when known.
    pub column: Option<String>,
    /// The offending value, verbatim.
    pub value: Option<String>,
    pub message: String,
    /// What the user can do about it.
    pub fix: String,
}

impl Problem {
    /// A problem with no position yet.
    #[must_use]
    pub fn new(message: impl Into<String>, fix: impl Into<String>) -> Self {
        Problem { sheet: None, line: None, column: None, value: None, message: message.into(), fix: fix.into() }
    }

    /// Attaches a line number.
    #[must_use]
    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// Attaches a column.
    #[must_use]
    pub fn in_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// Attaches the bad value.
    #[must_use]
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sheet) = &self.sheet {
            write!(f, "sheet \"{sheet}\"")?;
            if self.line.is_some() || self.column.is_some() {
                f.write_str(", ")?;
            }
        }
        if let Some(line) = self.line {
            let what = if self.sheet.is_some() { "row" } else { "line" };
            write!(f, "{what} {line}")?;
            if self.column.is_some() {
                f.write_str(", ")?;
            }
        }
        if let Some(column) = &self.column {
            // A number (RON's columns) as it is; a CSV header quoted, as it may hold spaces.
            if !column.is_empty() && column.bytes().all(|b| b.is_ascii_digit()) {
                write!(f, "column {column}")?;
            } else {
                write!(f, "column \"{column}\"")?;
            }
        }
        if self.sheet.is_some() || self.line.is_some() || self.column.is_some() {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)?;
        if let Some(value) = &self.value {
            write!(f, " (value: \"{value}\")")?;
        }
        if !self.fix.is_empty() {
            write!(f, " — {}", self.fix)?;
        }
        Ok(())
    }
}

/// Every problem found in one file, so a user can fix them all in one pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemList {
    pub file: PathBuf,
    pub problems: Vec<Problem>,
}

impl fmt::Display for ProblemList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        write!(f, "{}: {}", self.file.display(), crate::model::wording::counted(count, "problem", "problems"))?;
        for problem in &self.problems {
            write!(f, "\n  {}: {problem}", self.file.display())?;
        }
        Ok(())
    }
}

/// Problems that repeat one message with one value in one column, grouped: the first kept (with its
/// position), saying how many more lines share it and which come first.
#[must_use]
pub fn grouped(problems: Vec<Problem>) -> Vec<Problem> {
    /// More places named than this are counted, not listed.
    const LISTED: usize = 5;
    type Key = (String, Option<String>, Option<String>, Option<String>);
    let mut kept: Vec<Problem> = Vec::with_capacity(problems.len().min(64));
    let mut more: Vec<Vec<u64>> = Vec::new();
    let mut seen: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    for problem in problems {
        // Only a problem placed on a line and naming its value repeats in a meaningful way.
        if problem.line.is_none() || problem.value.is_none() {
            kept.push(problem);
            more.push(Vec::new());
            continue;
        }
        let key = (problem.message.clone(), problem.column.clone(), problem.value.clone(), problem.sheet.clone());
        if let Some(&i) = seen.get(&key) {
            more[i].push(problem.line.unwrap_or(0));
        } else {
            seen.insert(key, kept.len());
            kept.push(problem);
            more.push(Vec::new());
        }
    }
    for (problem, lines) in kept.iter_mut().zip(more) {
        if lines.is_empty() {
            continue;
        }
        let unit = if problem.sheet.is_some() { ("row", "rows") } else { ("line", "lines") };
        let listed: Vec<String> = lines.iter().take(LISTED).map(u64::to_string).collect();
        let rest = if lines.len() > LISTED { ", …" } else { "" };
        let unit = if lines.len() == 1 { unit.0 } else { unit.1 };
        problem.message =
            format!("{} (the same on {} more {unit}: {}{rest})", problem.message, lines.len(), listed.join(", "));
    }
    kept
}

/// Why reading or writing a file failed.
#[derive(Debug, Error)]
pub enum FileError {
    #[error("{}: could not read: {}", path.display(), explain_io(source))]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: could not write: {}", path.display(), explain_io(source))]
    Write { path: PathBuf, source: io::Error },
    #[error("{0}")]
    Invalid(ProblemList),
    #[error(
        "{}: written by a newer Ladderboard (format version {found}; this build reads up to {supported}) — update Ladderboard to open it",
        path.display()
    )]
    TooNew { path: PathBuf, found: u32, supported: u32 },
}

impl FileError {
    /// Wraps a list of problems for one file.
    #[must_use]
    pub fn invalid(path: &Path, problems: Vec<Problem>) -> Self {
        FileError::Invalid(ProblemList { file: path.to_path_buf(), problems })
    }

    /// The problems, when the file was read but its content was wrong.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        match self {
            FileError::Invalid(list) => &list.problems,
            _ => &[],
        }
    }
}

/// Plain words for the IO errors people actually meet, with what to do.
#[must_use]
pub fn explain_io(error: &io::Error) -> String {
    use io::ErrorKind;
    let advice = match error.kind() {
        ErrorKind::NotFound => "the file or folder does not exist; check the path",
        ErrorKind::PermissionDenied => {
            "permission denied; choose a folder you can write to or fix the file's permissions"
        }
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only; save somewhere else",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full; free some space or save elsewhere",
        ErrorKind::IsADirectory => "that path is a folder; choose a file name",
        ErrorKind::InvalidFilename => "the file name is not valid here; choose a simpler name",
        _ => return error.to_string(),
    };
    format!("{advice} ({error})")
}
