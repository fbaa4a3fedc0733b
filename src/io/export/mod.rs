//! What leaves Ladderboard for people and other systems: the decisions for HR (`csv.rs`,
//! `xlsx.rs`, `ron.rs`), the audit trail (`history.rs`), the pre-read packet (`packet.rs`), gap
//! letters (`letters.rs`) and the fairness report (`report.rs`). Each is made from the session the
//! caller passes (the blinded copy while blind mode is on) and written atomically.

pub mod csv;
pub mod history;
pub mod letters;
pub mod markdown;
pub mod minutes;
pub mod packet;
pub mod report;
pub mod ron;
pub mod xlsx;
