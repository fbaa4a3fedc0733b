//! The record in the window: the chair finalizes it (seeing what is still open), signs it with an
//! SSH key, an edit is refused while it is final, it is reopened with a reason, and edits go on;
//! the signature over the final record then shows that it no longer matches.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
use ladderboard::command::{Command, Edit};
use ladderboard::model::PersonId;
use ui_support::{get_text_containing, harness, has_text_containing, type_into};

fn file_menu(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>, item: &str) {
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run();
    h.get_by_role_and_label(Role::Button, item).click();
    h.run();
}

#[test]
fn finalize_sign_refuse_reopen_and_edit_again() {
    let mut h = harness();
    let notes = h.state().session().notes.len();
    file_menu(&mut h, "Finalize the record…");
    get_text_containing(&h, "Finalize the record?");
    // The sample leaves proposals undecided: the chair sees them before finalizing.
    get_text_containing(&h, "proposals without a decision");
    type_into(&mut h, "Note for the trail (optional)", "Committee of 3 December");
    h.get_by_role_and_label(Role::Button, "Finalize").click();
    h.run();
    assert!(h.state().session().is_final());
    assert!(h.state().title().contains("— final"), "{}", h.state().title());
    let event = h.state().session().audit.last().expect("event").clone();
    assert_eq!((event.action.as_str(), event.why.as_str()), ("finalize", "Committee of 3 December"));

    // Sign with the chair's key.
    file_menu(&mut h, "Sign the record with an SSH key…");
    let key = ladderboard::fixtures::fixture_path("keys/chair_ed25519");
    h.get_by_role_and_label(Role::TextInput, "Private key file").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    type_into(&mut h, "Private key file", &key.display().to_string());
    h.get_by_role_and_label(Role::Button, "Sign").click();
    h.run();
    assert_eq!(h.state().session().signatures.len(), 1);
    assert!(
        h.state().title().contains("final, signed as chair@example.org (names not checked)"),
        "{}",
        h.state().title()
    );
    assert!(!has_text_containing(&h, "SIGNATURE NO LONGER MATCHES"));
    // The History window says the same: state, head and who signed.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    h.run();
    get_text_containing(&h, "Record: final · ");
    assert!(has_text_containing(&h, "signed as chair@example.org (names not checked)"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    h.run();

    // An edit while final is refused, and says why.
    let note = Edit::AddNote { person: PersonId::new("E2001"), text: "late thought".into() };
    h.state_mut().queue(Command::Edit(note.clone()));
    h.run();
    assert_eq!(h.state().session().notes.len(), notes);
    get_text_containing(&h, "this session is final");

    // Reopen with a reason; edits are recorded again and the signature stops matching.
    file_menu(&mut h, "Reopen the record…");
    assert!(h.get_by_role_and_label(Role::Button, "Reopen").accesskit_node().is_disabled(), "a reason is required");
    type_into(&mut h, "Why reopen it", "HR found a typo in a rationale");
    h.get_by_role_and_label(Role::Button, "Reopen").click();
    h.run();
    assert!(!h.state().session().is_final());
    h.state_mut().queue(Command::Edit(note));
    h.run();
    assert_eq!(h.state().session().notes.len(), notes + 1);
    get_text_containing(&h, "SIGNATURE NO LONGER MATCHES — chair@example.org");
    assert!(
        h.state().session().audit.iter().any(|e| e.action == "reopen" && e.why == "HR found a typo in a rationale")
    );
}

/// A wrong key path is said in the question, which stays open.
#[test]
fn a_key_that_cannot_be_read_is_said_where_it_was_typed() {
    let mut h = harness();
    file_menu(&mut h, "Sign the record with an SSH key…");
    type_into(&mut h, "Private key file", "/nonexistent/id_ed25519");
    h.get_by_role_and_label(Role::Button, "Sign").click();
    h.run();
    get_text_containing(&h, "/nonexistent/id_ed25519");
    assert!(h.state().session().signatures.is_empty());
    assert!(h.state().view.record_prompt.is_some(), "the question stays open");
}

/// A file edited outside Ladderboard: the window lists each change and offers to accept it as an
/// audited step (a reason required), after which the record holds again and says who and why.
#[test]
fn an_outside_edit_is_shown_and_accepted_as_an_audited_change() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("edited.ron");
    let text =
        ladderboard::app::SAMPLE_SESSION_RON.replacen("decided_by: \"Grace Okafor\"", "decided_by: \"Mallory\"", 1);
    std::fs::write(&path, text).expect("write");
    let mut h = harness();
    h.state_mut().queue(Command::File(ladderboard::command::FileCommand::Open(path)));
    h.run();
    get_text_containing(&h, "This file was changed outside Ladderboard");
    assert!(has_text_containing(&h, "Bilal Hassan (E2002): decision changed outside Ladderboard"));
    type_into(&mut h, "Why (required to accept)", "Grace asked Mallory to fix the name");
    h.get_by_role_and_label(Role::Button, "Accept as an audited change").click();
    h.run();
    assert!(h.state().session().record_breaks().is_empty());
    let event = h.state().session().audit.last().expect("event");
    assert!(
        event.to.contains("outside edit accepted by Test Chair: Grace asked Mallory to fix the name"),
        "{}",
        event.to
    );
    assert!(has_text_containing(&h, "accepted it and why"));
}

/// The same edit, restored instead: the window says what the trail holds, puts it back as events
/// that say so, and the record holds again with the decision as the committee made it.
#[test]
fn an_outside_edit_is_restored_from_the_trail() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("edited.ron");
    let text = ladderboard::app::SAMPLE_SESSION_RON.replacen(
        r#""E2010": (outcome: Promote, new_level: Some("P3")"#,
        r#""E2010": (outcome: NotThisCycle, new_level: None"#,
        1,
    );
    std::fs::write(&path, text).expect("write");
    let mut h = harness();
    h.state_mut().queue(Command::File(ladderboard::command::FileCommand::Open(path)));
    h.run();
    get_text_containing(&h, "The trail holds the recorded values of:");
    assert!(has_text_containing(&h, "Jade Nguyen (E2010): decision"));
    h.get_by_role_and_label(Role::Button, "Restore from the trail").click();
    h.run();
    let session = h.state().session();
    assert!(session.record_breaks().is_empty(), "{:?}", session.record_breaks());
    assert_eq!(session.decisions[&PersonId::from("E2010")].outcome, ladderboard::model::Outcome::Promote);
    assert!(session.audit.last().expect("event").why.starts_with("restored from the trail"));
    assert!(has_text_containing(&h, "Restored from the trail"));
    assert!(!has_text_containing(&h, "This file was changed outside Ladderboard"));
}
