//! View state that must follow what the user did: drafts after a change made elsewhere, the
//! keyboard in a new prompt, Esc with a menu open, status messages that outlive their moment.

mod ui_support;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ladderboard::command::Command;
use ladderboard::command::FileCommand;
use ui_support::{get_text_containing, harness, has_text_containing, id_of, type_into};

/// Selects Ada Park and moves her card one level up with the keyboard, which raises the prompt.
fn propose_ada_by_moving_her_card(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>) {
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    h.run();
    get_text_containing(h, "Propose Ada Park for P4");
}

#[test]
fn the_proposal_prompt_takes_the_keyboard_so_typing_starts_in_the_rationale() {
    let mut h = harness();
    propose_ada_by_moving_her_card(&mut h);
    // No click on the box first: the user just types.
    h.event(egui::Event::Text("Owns the ledger design".into()));
    h.run();
    assert_eq!(h.state().view.pending.as_ref().map(|p| p.rationale.as_str()), Some("Owns the ledger design"));
}

#[test]
fn a_proposal_made_by_dragging_shows_its_rationale_in_the_open_panel() {
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    propose_ada_by_moving_her_card(&mut h);
    type_into(&mut h, "Rationale for the proposal", "Owns the ledger design");
    h.get_by_role_and_label(Role::Button, "Propose").click();
    h.run();
    assert!(h.state().session().proposals.contains_key(&ada));
    // Ada stays selected with her panel open; the panel shows the proposal's rationale at once.
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Proposal rationale");
    assert_eq!(field.value().as_deref(), Some("Owns the ledger design"));
    get_text_containing(&h, "Proposed P4 by");
}

#[test]
fn esc_with_a_menu_open_closes_the_menu_not_the_person_panel() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    assert!(h.state().view.person_open);
    h.get_by_role_and_label(Role::Button, "View").click();
    h.run();
    assert!(h.query_by_label_contains("Switch light / dark theme").is_some(), "the View menu is open");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().view.person_open, "Esc belonged to the menu");
    assert!(h.query_by_label_contains("Switch light / dark theme").is_none(), "the menu closed");
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().view.person_open, "with no menu open, Esc closes the panel");
}

#[test]
fn a_saved_message_goes_when_the_session_changes_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.ron");
    let mut h = harness();
    h.state_mut().queue(Command::File(FileCommand::SaveTo(path.clone())));
    h.run();
    assert!(has_text_containing(&h, "Saved "), "the save is reported");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    h.run();
    assert!(h.state().is_dirty());
    assert!(!has_text_containing(&h, "Saved "), "\"Saved\" no longer describes the session");
}
