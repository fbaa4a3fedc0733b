//! The committee chair merges two managers' prep files in the window and settles their
//! disagreement side by side.

mod common;
mod ui_support;
use common::write_prep;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ladderboard::command::Command;
use ladderboard::model::{LevelId, PersonId};
use ui_support::{get_text_containing, harness};

#[test]
fn merge_two_prep_files_and_settle_their_disagreement_side_by_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mei = write_prep(dir.path(), "mei.ron", "P4");
    let priya = write_prep(dir.path(), "priya.ron", "P5");
    let mut h = harness();
    h.state_mut().queue(Command::MergePrepFiles(vec![mei, priya]));
    h.run();
    get_text_containing(&h, "Merged 2 prep files: 45 people, 1 disagreement to settle");
    get_text_containing(&h, "Ada Park (E2001) — proposal");
    // Both values, each with its file and author.
    get_text_containing(&h, "mei.ron (by Mei Lin Zhou): P4 — Ready for P4");
    get_text_containing(&h, "priya.ron (by Mei Lin Zhou): P5 — Ready for P5");
    let ada = PersonId::new("E2001");
    let held = h.state().session.proposals[&ada].target.clone();
    h.get_by_role_and_label(Role::Button, "Take priya.ron's").click();
    h.run();
    assert_eq!(h.state().session.proposals[&ada].target, LevelId::new("P5"));
    assert!(h.state().session.conflicts.is_empty());
    get_text_containing(&h, "Nothing to settle");
    assert_eq!(h.state().session.audit.last().map(|e| e.action.as_str()), Some("settle conflict"));
    // Undo puts the item back, open, with the value held before.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.conflicts.len(), 1);
    assert_eq!(h.state().session.proposals[&ada].target, held);
}
