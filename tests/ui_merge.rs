//! The committee chair merges two managers' prep files in the window and settles their
//! disagreement side by side.

mod common;
mod ui_support;
use common::write_prep;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ladderboard::command::Command;
use ladderboard::command::FileCommand;
use ladderboard::model::{LevelId, PersonId};
use ui_support::{get_text_containing, harness};

#[test]
fn merge_two_prep_files_and_settle_their_disagreement_side_by_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mei = write_prep(dir.path(), "mei.ron", "P4");
    let priya = write_prep(dir.path(), "priya.ron", "P5");
    let mut h = harness();
    h.state_mut().queue(Command::File(FileCommand::MergePrepFiles(vec![mei, priya])));
    h.run();
    get_text_containing(&h, "Merged 2 prep files: 45 people, 1 disagreement to settle");
    get_text_containing(&h, "Ada Park (E2001) — proposal");
    // Both values, each with its file and author.
    get_text_containing(&h, "mei.ron (by Mei Lin Zhou): P4 — Ready for P4");
    get_text_containing(&h, "priya.ron (by Mei Lin Zhou): P5 — Ready for P5");
    let ada = PersonId::new("E2001");
    let held = h.state().session().proposals[&ada].target.clone();
    h.get_by_role_and_label(Role::Button, "Take priya.ron's").click();
    h.run();
    assert_eq!(h.state().session().proposals[&ada].target, LevelId::new("P5"));
    assert!(h.state().session().conflicts.is_empty());
    get_text_containing(&h, "Nothing to settle");
    assert_eq!(h.state().session().audit.last().map(|e| e.action.as_str()), Some("settle conflict"));
    // Undo puts the item back, open, with the value held before.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session().conflicts.len(), 1);
    assert_eq!(h.state().session().proposals[&ada].target, held);
}

#[test]
fn a_members_pre_read_marks_are_merged_into_the_tally_the_agenda_shows() {
    use ladderboard::model::meeting::{Mark, Vote};
    let dir = tempfile::tempdir().expect("tempdir");
    let chair = write_prep(dir.path(), "committee.ron", "P4");
    // A member marks Ada in their own copy of the committee session and saves it.
    let mut copy = ladderboard::io::session::load_session(&chair).expect("loads");
    let ada = PersonId::new("E2001");
    let at: jiff::Timestamp = "2026-11-30T11:00:00Z".parse().expect("time");
    let mark =
        Mark { member: "Kofi Boateng".into(), person: ada.clone(), vote: Vote::Question, comment: "Scope?".into(), at };
    copy.apply(
        ladderboard::model::Change::SetMark { member: "Kofi Boateng".into(), person: ada.clone(), mark: Some(mark) },
        "Kofi Boateng",
        at,
    )
    .expect("marked");
    let member = dir.path().join("kofi-pre-read.ron");
    ladderboard::io::session::save_session(&copy, &member).expect("saved");
    let mut h = harness();
    h.state_mut().queue(Command::File(FileCommand::MergePrepFiles(vec![chair, member])));
    h.run();
    get_text_containing(&h, "no disagreements");
    assert_eq!(h.state().session().tally(&ada).question, 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    get_text_containing(&h, "1 question · ");
    get_text_containing(&h, "“Scope?” (Kofi Boateng)");
}
