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
pub mod ron_split;
pub mod roster_columns;
pub mod roster_csv;
pub mod roster_dates;
pub mod session_parse;
pub mod session_ron;
pub mod session_write;

pub use error::{FileError, Problem, ProblemList};
