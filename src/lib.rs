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

/// mimalloc rather than the system's allocator: a session's load makes hundreds of thousands of
/// small strings on every core, and glibc's allocator spent a fifth of the load in malloc, free
/// and consolidation (measured in issue 27's profile).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
