//! Rules that compute over a `Session`, importing it one way (the session never imports them):
//! the agenda and tally, evidence coverage, the values open items are about, the fairness figures
//! and the whole-session checks.

pub mod agenda;
pub mod committee;
pub mod conflicts;
pub mod coverage;
pub mod fairness;
pub mod record;
pub mod validate;
