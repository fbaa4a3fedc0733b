//! Ladder files: the embedded default and users' own `.ron` ladders, validated on load.

use super::error::{FileError, Problem};
use crate::model::Ladder;
use crate::model::validate::ladder_problems;
use std::path::Path;

/// The default engineering ladder's source, compiled into the binary.
pub const DEFAULT_LADDER_RON: &str = include_str!("../../assets/ladders/engineering.ron");

/// The default dual-track engineering ladder.
#[must_use]
pub fn default_ladder() -> Ladder {
    // The embedded file is checked by a unit test, so failure here is a build defect, not user input.
    #[expect(clippy::expect_used, reason = "the embedded ladder is validated by tests")]
    parse_ladder(DEFAULT_LADDER_RON, Path::new("assets/ladders/engineering.ron")).expect("embedded ladder is valid")
}

/// Reads a ladder file, or the default ladder when `path` is `None`.
pub fn load_ladder(path: Option<&Path>) -> Result<Ladder, FileError> {
    match path {
        None => Ok(default_ladder()),
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|source| FileError::Read { path: path.to_path_buf(), source })?;
            parse_ladder(&text, path)
        }
    }
}

/// Parses and validates ladder text; `file` is only used in messages.
pub fn parse_ladder(text: &str, file: &Path) -> Result<Ladder, FileError> {
    let ladder: Ladder =
        ron::from_str(text).map_err(|e| FileError::invalid(file, vec![ron_problem(&e, "a ladder")]))?;
    let problems: Vec<Problem> = ladder_problems(&ladder)
        .into_iter()
        .map(|p| Problem::new(p, "edit the ladder file; see docs/FILE_FORMATS.md for the layout"))
        .collect();
    if problems.is_empty() { Ok(ladder) } else { Err(FileError::invalid(file, problems)) }
}

/// A RON syntax or shape error with its line and column.
#[must_use]
pub fn ron_problem(error: &ron::error::SpannedError, what: &str) -> Problem {
    let start = error.span.start;
    Problem::new(
        format!("this is not {what} in RON form: {}", error.code),
        "fix the text at this position, or restore the file from a backup",
    )
    .at_line(start.line as u64)
    .in_column(start.col.to_string())
}
