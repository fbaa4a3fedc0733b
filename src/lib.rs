//! Ladderboard: engineering promotion calibration on a career-ladder grid.
//!
//! `model` is pure data and rules, `io` reads and writes files, `cli` runs headless commands,
//! and `app` + `ui` draw the window.

pub mod app;
pub mod cli;
pub mod command;
pub mod fixtures;
pub mod io;
pub mod model;
pub mod parallel;
pub mod ui;
