//! Helpers shared by integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use ladderboard::io::FileError;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster_csv::{RosterImport, read_roster};
use std::path::{Path, PathBuf};

#[must_use]
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn import(name: &str) -> Result<RosterImport, FileError> {
    read_roster(&fixture(&format!("rosters/{name}")), &default_ladder())
}
