//! The chair's desk in the window: members and attendance, a recusal confirmed (and the recused
//! member unable to decide), the budget's running total, an action item, the minutes exported;
//! the presenter full screen, with a level picked for *level adjust*; the name asked in
//! File → Preferences.

mod ui_support;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
use ladderboard::command::{Action, Command, FileCommand, MeetingCommand};
use ladderboard::model::{LevelId, Outcome};
use ui_support::{USER, get_text_containing, harness, id_of, scroll_into_view, type_into};

fn click(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>, role: Role, label: &str) {
    scroll_into_view(h, role, label);
    h.get_by_role_and_label(role, label).click();
    h.run();
}

#[test]
fn the_chair_records_the_committee_a_recusal_the_budget_and_an_action_then_exports_minutes() {
    let mut h = harness();
    h.state_mut().queue(Command::Run(Action::Committee));
    h.run();
    get_text_containing(&h, "No members yet");
    for name in ["Mei Lin Zhou", USER, "Priya Raman"] {
        type_into(&mut h, "New member", name);
        click(&mut h, Role::Button, "Add member");
    }
    let members: Vec<String> = h.state().session().meeting.members.iter().map(|m| m.name.clone()).collect();
    assert_eq!(members, ["Mei Lin Zhou", USER, "Priya Raman"]);

    // Attendance: two members come into the room.
    click(&mut h, Role::CheckBox, &format!("{USER} present"));
    click(&mut h, Role::CheckBox, "Priya Raman present");
    assert_eq!(h.state().session().present_members(), [USER, "Priya Raman"]);
    assert!(h.query_all_by(|n| ui_support::text_of(n).starts_with("since ")).count() >= 2, "arrival times shown");

    // Recusal: Bilal Hassan (the first candidate) reports to Mei Lin Zhou, who proposed him.
    get_text_containing(&h, "Mei Lin Zhou (their manager) — proposed: steps out");
    click(&mut h, Role::Button, "Confirm Mei Lin Zhou steps out");
    let bilal = id_of(&h, "Bilal Hassan");
    assert_eq!(h.state().session().recused_members(&bilal), ["Mei Lin Zhou"]);
    assert!(h.state().session().meeting.recusals.iter().any(|r| r.member == "Mei Lin Zhou" && r.recused));

    // The budget: six promotions for the cycle; the sample decided five.
    type_into(&mut h, "Promotions overall", "6");
    click(&mut h, Role::Button, "Set budget");
    get_text_containing(&h, "Overall: 5 of 6 decided · 5 still proposed · 1 left");

    // An action item for the minutes.
    type_into(&mut h, "Action", "Collect Victor's design docs");
    type_into(&mut h, "Owner", "Mei Lin Zhou");
    type_into(&mut h, "Due", "2027-01-15");
    click(&mut h, Role::Button, "Add action item");
    let action = h.state().session().meeting.actions.first().cloned().expect("an action item");
    assert_eq!((action.text.as_str(), action.owner.as_str()), ("Collect Victor's design docs", "Mei Lin Zhou"));
    assert_eq!(action.due, Some("2027-01-15".parse().expect("date")));
    assert!(h.state().session().document_breaks().is_empty(), "every step sealed");

    // The agenda shows the running total.
    h.state_mut().queue(Command::Run(Action::Agenda));
    h.run();
    let agenda_total = h.query_all_by(|n| ui_support::text_of(n).starts_with("Budget: 5 of 6 decided")).count();
    assert!(agenda_total >= 1, "the agenda shows the running total");

    // The minutes, as the File menu writes them.
    let dir = tempfile::tempdir().expect("dir");
    let html = dir.path().join("minutes.html");
    h.state_mut().queue(Command::File(FileCommand::ExportMinutes(html.clone())));
    h.run();
    get_text_containing(&h, "Wrote the minutes");
    let md = std::fs::read_to_string(dir.path().join("minutes.md")).expect("markdown");
    let page = std::fs::read_to_string(&html).expect("html");
    for text in ["Attendance", "Mei Lin Zhou (their manager) stepped out", "Collect Victor's design docs", "1 left"] {
        assert!(md.contains(text), "markdown lacks {text:?}:\n{md}");
    }
    assert!(page.contains("Collect Victor&#39;s design docs") || page.contains("Collect Victor's design docs"));
}

#[test]
fn a_recused_member_is_told_and_cannot_record_the_decision() {
    let mut h = harness();
    h.state_mut().queue(Command::Run(Action::Committee));
    h.run();
    type_into(&mut h, "New member", "Mei Lin Zhou");
    click(&mut h, Role::Button, "Add member");
    h.state_mut().settings.user_name = "Mei Lin Zhou".into();
    h.state_mut().queue(Command::Run(Action::Committee));
    h.run();
    // Farah Aziz reports to Mei Lin Zhou: Mei Lin opens her and may not decide.
    click(&mut h, Role::Button, "Farah Aziz");
    get_text_containing(&h, "You (Mei Lin Zhou) are recused for Farah Aziz");
    scroll_into_view(&mut h, Role::Button, "Record decision");
    assert!(
        h.get_by_role_and_label(Role::Button, "Record decision").accesskit_node().is_disabled(),
        "no decision from the recused"
    );
}

#[test]
fn the_presenter_goes_full_screen_and_level_adjust_offers_the_levels() {
    let mut h = harness();
    let farah = id_of(&h, "Farah Aziz");
    h.state_mut().queue(Command::Meeting(MeetingCommand::Present(farah.clone())));
    h.run();
    get_text_containing(&h, "Farah Aziz — ");
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().view.full_screen, "F11 fills the screen");
    h.get_by_role_and_label(Role::Button, "Leave full screen (F11)");
    click(&mut h, Role::Button, "level adjust");
    h.get_by_role_and_label(Role::ComboBox, "New level").click();
    h.run();
    h.get_by_label("P3 Senior").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Decision rationale (required)").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Decision rationale (required)")
        .type_text("Hired below her level");
    h.run();
    click(&mut h, Role::Button, "Record decision and next");
    let decision = h.state().session().decisions.get(&farah).cloned().expect("decided");
    assert_eq!((decision.outcome, decision.new_level), (Outcome::LevelAdjust, Some(LevelId::new("P3"))));
    click(&mut h, Role::Button, "Leave full screen (F11)");
    assert!(!h.state().view.full_screen);
}

#[test]
fn presenter_type_grows_with_the_screen() {
    assert!(ladderboard::ui::presenter::body_size(1920.0) >= 32.0);
    assert!((ladderboard::ui::presenter::body_size(800.0) - 16.0).abs() < f32::EPSILON, "never below the usual");
}

#[test]
fn the_chair_edits_the_hold_letter_and_the_letters_use_it() {
    let mut h = harness();
    h.state_mut().queue(Command::Run(Action::Committee));
    h.run();
    h.get_by_label("Letter templates").scroll_to_me();
    h.run();
    h.get_by_label("Letter templates").click();
    h.run();
    click(&mut h, Role::Button, "hold");
    let field = "Template for \"hold\" letters";
    scroll_into_view(&mut h, Role::MultilineTextInput, field);
    h.get_by_role_and_label(Role::MultilineTextInput, field).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_into(&mut h, field, "Dear {first_name}, you stay at {current_level}. {nonsense}");
    get_text_containing(&h, "Unknown placeholders, left as written: nonsense");
    click(&mut h, Role::Button, "Save template");
    let saved = h.state().session().meeting.letters.get("hold").cloned();
    assert_eq!(saved.as_deref(), Some("Dear {first_name}, you stay at {current_level}. {nonsense}"));
    click(&mut h, Role::Button, "Back to the default");
    assert!(h.state().session().meeting.letters.is_empty(), "the default again, as an audited step");
}

#[test]
fn the_agenda_reopens_in_the_order_last_chosen() {
    use ladderboard::model::meeting::AgendaOrder;
    let mut h = harness();
    h.state_mut().queue(Command::Run(Action::Agenda));
    h.run();
    h.state_mut().queue(Command::Meeting(MeetingCommand::SetAgendaOrder(AgendaOrder::Level)));
    h.run();
    h.state_mut().queue(Command::Run(Action::Agenda));
    h.run();
    assert!(h.state().view.windows.agenda.is_none(), "closed");
    h.state_mut().queue(Command::Run(Action::Agenda));
    h.run();
    assert_eq!(h.state().view.windows.agenda, Some(AgendaOrder::Level));
}

#[test]
fn the_first_start_welcomes_asks_the_name_and_leads_on() {
    let mut h = harness();
    h.state_mut().open_preferences(true);
    h.run();
    get_text_containing(&h, "Welcome to Ladderboard");
    get_text_containing(&h, "a sample session: 45 invented people");
    let field = "Your name (written in the audit trail)";
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_into(&mut h, field, "Grace Okafor");
    click(&mut h, Role::Button, "Explore the sample");
    assert_eq!(h.state().settings.user_name, "Grace Okafor");
    assert!(h.state().settings.name_confirmed);
    assert!(h.query_by_label("Welcome to Ladderboard").is_none(), "the welcome closes");
    // F1 says what the mouse does as well as the keys.
    h.key_press(Key::F1);
    h.run();
    get_text_containing(&h, "Drag a card to another cell");
    get_text_containing(&h, "Ctrl+click two to four people");
}
