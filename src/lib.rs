//! Ladderboard: engineering promotion calibration on a career-ladder grid.
//!
//! `model` is pure data and rules, `io` reads and writes files, `cli` runs headless commands,
//! `view` is what the user is looking at, `ui` draws it and `app` owns it all and applies changes.

pub mod app;
pub mod cli;
pub mod command;
pub mod document;
pub mod fixtures;
pub mod io;
pub mod model;
pub mod ui;
pub mod view;
