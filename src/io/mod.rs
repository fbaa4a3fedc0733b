//! Reading and writing files. Each format is a pure function pair with typed errors; writes are atomic.

pub mod atomic;
pub mod error;
pub mod export_csv;
pub mod export_history;
pub mod export_ron;
pub mod export_xlsx;
pub mod ladder_ron;
pub mod letters;
pub mod lock;
pub mod merge_files;
pub mod migrate;
pub mod packet;
pub mod recovery;
pub mod report;
pub mod roster;
pub mod session_parallel;
pub mod session_ron;

pub use error::{FileError, Problem, ProblemList};

/// What a file holds, told from its content (not its name): a session or ladder is RON text that
/// opens with `(` (after comments); anything else is read as a roster, which refuses workbooks and
/// binary files with advice of its own.
#[must_use]
pub fn is_ron_document(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else { return false };
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    while let Some(comment) = rest.strip_prefix("//") {
        rest = comment.split_once('\n').map_or("", |(_, after)| after).trim_start();
    }
    rest.starts_with('(') && (rest.contains("format_version") || rest.contains("levels"))
}
