//! Closing the window or replacing the session with unsaved changes asks Save / Don't save / Cancel.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ladderboard::app::LadderApp;
use ladderboard::command::Command;
use ladderboard::command::{Edit, FileCommand};
use ui_support::{get_text_containing, harness, id_of};

fn make_a_change(h: &mut Harness<'_, LadderApp>) {
    let ada = id_of(h, "Ada Park");
    h.state_mut().queue(Command::Edit(Edit::AddNote { person: ada, text: "unsaved".into() }));
    h.run();
    assert!(h.state().is_dirty());
}

fn request_close(h: &mut Harness<'_, LadderApp>) {
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.run();
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let mut h = harness();
    make_a_change(&mut h);
    request_close(&mut h);
    get_text_containing(&h, "Save them before closing?");
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(!h.state().close_confirmed());
    assert!(h.state().view.unsaved_prompt.is_none());
    assert!(h.state().is_dirty(), "nothing was lost");
}

#[test]
fn dont_save_closes() {
    let mut h = harness();
    make_a_change(&mut h);
    request_close(&mut h);
    h.get_by_role_and_label(Role::Button, "Don't save").click();
    h.run();
    assert!(h.state().close_confirmed());
}

#[test]
fn save_writes_the_file_then_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let mut h = harness();
    h.state_mut().queue(Command::File(FileCommand::SaveTo(path.clone())));
    h.run();
    make_a_change(&mut h);
    request_close(&mut h);
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    assert!(h.state().close_confirmed());
    let saved = ladderboard::io::session::load_session(&path).expect("saved");
    assert!(saved.notes.iter().any(|n| n.text == "unsaved"));
}

#[test]
fn a_clean_session_closes_without_asking() {
    let mut h = harness();
    request_close(&mut h);
    assert!(h.state().view.unsaved_prompt.is_none());
}

#[test]
fn opening_another_session_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("other.ron");
    ladderboard::io::session::save_session(&ladderboard::app::sample_session(), &other).expect("save");
    let mut h = harness();
    make_a_change(&mut h);
    h.state_mut().queue(Command::File(FileCommand::Open(other.clone())));
    h.run();
    get_text_containing(&h, "Save them before opening");
    assert!(h.state().session().notes.iter().any(|n| n.text == "unsaved"), "not replaced yet");
    h.get_by_role_and_label(Role::Button, "Don't save").click();
    h.run();
    assert_eq!(h.state().path(), Some(other.as_path()));
    assert!(!h.state().session().notes.iter().any(|n| n.text == "unsaved"));
}
