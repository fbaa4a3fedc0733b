//! File dialogs that never fail silently: where the desktop shows no dialog, a path field appears
//! and says why; the system dialog's answer arrives while the window goes on drawing; the last
//! folder is where the next one starts; Close → Save on a never-saved session saves through it.

mod ui_support;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ladderboard::app::dialogs::{DialogAnswer, Dialogs};
use ladderboard::command::{Action, Command};
use ladderboard::io::session::{load_session, save_session};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};
use ui_support::{change_then_quit, get_text_containing, harness, has_text_containing};

fn saved_session(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("team.ron");
    let mut session = ladderboard::app::sample_session();
    session.title = "Team calibration".into();
    save_session(&session, &path).expect("save");
    path
}

fn type_path(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>, path: &std::path::Path) {
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path").type_text(&path.display().to_string());
    h.run();
}

#[test]
fn with_no_dialog_a_path_field_opens_the_file_and_remembers_its_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved_session(dir.path());
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Open session…"))).click();
    h.run();
    get_text_containing(&h, "Open session");
    // A path that names nothing is refused in place, saying so.
    type_path(&mut h, &dir.path().join("missing.ron"));
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.run();
    get_text_containing(&h, "No file at");
    type_path(&mut h, &path);
    // Enter confirms, as in a dialog.
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert_eq!(h.state().session().title, "Team calibration");
    assert_eq!(h.state().settings.last_folder.as_deref(), Some(dir.path()));
    // The next dialog starts in that folder, with a file name suggested.
    h.state_mut().queue(Command::Run(Action::SaveAs));
    h.run();
    let prompt = h.state().view.path_prompt.as_ref().expect("the path field");
    assert_eq!(PathBuf::from(&prompt.text), dir.path().join("team.ron"));
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(h.state().view.path_prompt.is_none());
}

/// A system dialog stand-in that answers only when the test says so.
fn scripted(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>) -> mpsc::Sender<DialogAnswer> {
    let (tx, rx) = mpsc::channel::<DialogAnswer>();
    let rx = Arc::new(Mutex::new(rx));
    h.state_mut().dialogs =
        Dialogs::Scripted(Arc::new(move |_| rx.lock().expect("lock").recv().unwrap_or(DialogAnswer::Cancelled)));
    tx
}

#[test]
fn the_window_goes_on_while_the_system_dialog_is_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved_session(dir.path());
    let mut h = harness();
    let answer = scripted(&mut h);
    h.state_mut().queue(Command::Run(Action::Open));
    h.run();
    // The dialog is up; the window still answers the keyboard and mouse.
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    assert_eq!(h.state().view.selected.as_ref().map(ladderboard::model::PersonId::as_str), Some("E2001"));
    answer.send(DialogAnswer::Chosen(vec![path.clone()])).expect("send");
    for _ in 0..20 {
        h.run();
        if h.state().path().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(h.state().path(), Some(path.as_path()), "the answer opened the file");
}

#[test]
fn a_dialog_that_never_appears_turns_into_the_path_field_and_close_save_goes_through_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness();
    let answer = scripted(&mut h);
    // A never-saved session with a change; closing asks, and Save needs a path.
    change_then_quit(&mut h);
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    answer.send(DialogAnswer::Unavailable).expect("send");
    for _ in 0..20 {
        h.run();
        if h.state().view.path_prompt.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run();
    assert!(has_text_containing(&h, "No file dialog appeared"), "the window says why");
    let target = dir.path().join("kept.ron");
    type_path(&mut h, &target);
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    assert!(load_session(&target).is_ok(), "saved where typed");
    assert!(h.state().close_confirmed(), "then the window closes, as asked");
}

#[test]
fn a_typed_path_that_exists_is_replaced_only_when_confirmed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let existing = saved_session(dir.path());
    let before = std::fs::read(&existing).expect("read");
    let mut h = harness();
    h.state_mut().queue(Command::Run(Action::SaveAs));
    h.run();
    type_path(&mut h, &existing);
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    get_text_containing(&h, "already exists. Press Save again to replace it.");
    assert_eq!(std::fs::read(&existing).expect("read"), before, "not replaced yet");
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    h.run();
    assert_ne!(std::fs::read(&existing).expect("read"), before, "replaced once confirmed");
    assert_eq!(h.state().path(), Some(existing.as_path()));
}
