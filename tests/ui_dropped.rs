//! Files dropped on the window: a roster opens the import preview, a session opens, several
//! sessions merge, anything else is explained.

mod common;
mod ui_support;
use common::{fixture, write_prep};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use ui_support::{get_text_containing, harness};

/// A file as the window system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>, paths: &[PathBuf]) {
    for path in paths {
        h.input_mut().dropped_files.push(Arc::new(Dropped(path.clone())));
    }
    h.run();
}

#[test]
fn a_dropped_roster_opens_the_import_preview() {
    let mut h = harness();
    drop_files(&mut h, &[fixture("rosters/cases/title-and-level-columns.csv")]);
    get_text_containing(&h, "Import roster — title-and-level-columns.csv");
}

#[test]
fn a_dropped_session_opens_and_several_merge() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mei = write_prep(dir.path(), "mei.ron", "P4");
    let priya = write_prep(dir.path(), "priya.ron", "P5");
    let mut h = harness();
    drop_files(&mut h, std::slice::from_ref(&mei));
    assert_eq!(h.state().path(), Some(mei.as_path()));
    let mut h = harness();
    drop_files(&mut h, &[mei, priya]);
    get_text_containing(&h, "Merged 2 prep files");
}

#[test]
fn a_mixed_drop_is_explained_not_guessed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mei = write_prep(dir.path(), "mei.ron", "P4");
    let mut h = harness();
    let before = h.state().session().clone();
    drop_files(&mut h, &[mei, fixture("rosters/cases/title-and-level-columns.csv")]);
    get_text_containing(&h, "2 files dropped: drop one roster to import it");
    assert_eq!(*h.state().session(), before);
}
