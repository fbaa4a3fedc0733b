//! Session files: the RON document (`ron.rs`, read and written on both cores by `parallel/`), its
//! older formats (`migrate.rs`), the lock that tells windows apart (`lock.rs`), the recovery files
//! autosave writes (`recovery.rs`) and the merge of managers' prep files (`merge.rs`).

pub mod fast_ron;
pub mod lock;
pub mod merge;
pub mod migrate;
pub mod parallel;
pub mod recovery;
pub mod ron;
pub mod verify;

pub use ron::*;
