//! Reading and writing files. Each format is a pure function pair with typed errors; writes are atomic.

pub mod atomic;
pub mod error;
pub mod export_csv;
pub mod export_history;
pub mod export_ron;
pub mod export_xlsx;
pub mod file_kind;
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
pub use file_kind::FileKind;
