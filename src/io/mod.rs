//! Reading and writing files. Each format is a pure function pair with typed errors; writes are atomic.

pub mod atomic;
pub mod error;
pub mod export;
pub mod file_kind;
pub mod ladder_ron;
pub mod roster;
pub mod session;
pub mod signing;
pub mod ssh_agent;

pub use error::{FileError, Problem, ProblemList};
pub use file_kind::FileKind;
