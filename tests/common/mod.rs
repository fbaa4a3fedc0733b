//! Helpers shared by integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use ladderboard::io::FileError;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::{RosterImport, read_roster};
use std::path::{Path, PathBuf};

#[must_use]
pub fn fixture(name: &str) -> PathBuf {
    ladderboard::fixtures::fixture_path(name)
}

pub fn import(name: &str) -> Result<RosterImport, FileError> {
    read_roster(&fixture(&format!("rosters/{name}")), &default_ladder())
}

/// A manager's prep file: the sample session with Ada Park (E2001) proposed for `target` by Mei Lin
/// Zhou, saved as `dir/name`.
pub fn write_prep(dir: &Path, name: &str, target: &str) -> PathBuf {
    use ladderboard::model::{Change, LevelId, PersonId, Proposal};
    let at: jiff::Timestamp = "2026-11-30T10:00:00Z".parse().expect("time");
    let mut session = ladderboard::app::sample_session();
    let proposal = Proposal {
        target: LevelId::new(target),
        rationale: format!("Ready for {target}"),
        proposer: "Mei Lin Zhou".into(),
        proposed_at: at,
    };
    session
        .apply(Change::Propose { person: PersonId::new("E2001"), proposal: Some(proposal) }, "Mei Lin Zhou", at)
        .expect("proposed");
    let path = dir.join(name);
    ladderboard::io::session::save_session(&session, &path).expect("saved");
    path
}
