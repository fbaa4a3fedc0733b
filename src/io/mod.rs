//! Reading and writing files. Each format is a pure function pair with typed errors; writes are atomic.

pub mod atomic;
pub mod decode;
pub mod error;
pub mod export_csv;
pub mod export_history;
pub mod export_ron;
pub mod ladder_ron;
pub mod lock;
pub mod migrate;
pub mod recovery;
pub mod roster_columns;
pub mod roster_csv;
pub mod roster_dates;
pub mod roster_headers;
mod roster_spelling;
pub mod session_parallel;
pub mod session_ron;

pub use error::{FileError, Problem, ProblemList};
