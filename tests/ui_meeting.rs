//! The committee meeting in the window: a member's pre-read mark goes into the tally, the agenda
//! puts the most questioned candidate first, the presenter view takes the decision with the time
//! spent, and moves on to the next.

mod ui_support;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ladderboard::model::meeting::{AgendaOrder, Vote};
use ui_support::{USER, get_text_containing, harness, id_of, scroll_into_view, type_into};

#[test]
fn pre_read_then_agenda_then_presenter_then_decision_and_next_with_the_time_recorded() {
    let mut h = harness();
    let victor = id_of(&h, "Victor Adeyemi");
    // A member marks their pre-read in the person panel.
    h.get_by_role_and_label(Role::Button, "Victor Adeyemi").click();
    h.run();
    scroll_into_view(&mut h, Role::TextInput, "Your comment");
    h.get_by_role_and_label(Role::TextInput, "Your comment").click();
    h.run();
    type_into(&mut h, "Your comment", "Scope still one team?");
    scroll_into_view(&mut h, Role::Button, "question");
    h.get_by_role_and_label(Role::Button, "question").click();
    h.run();
    let mark = h.state().session().mark_of(USER, &victor).cloned().expect("marked");
    assert_eq!((mark.vote, mark.comment.as_str()), (Vote::Question, "Scope still one team?"));
    get_text_containing(&h, "Pre-read (1 question)");

    // The agenda: the questioned candidate first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    get_text_containing(&h, "candidates · ");
    let first = h
        .query_all_by(|n| {
            n.role() == Role::Label && n.value().is_some_and(|v| v.starts_with("Victor Adeyemi ") && v.contains(" → "))
        })
        .count();
    assert_eq!(first, 1, "Victor is on the agenda");
    let undecided_before = h.state().session().agenda(AgendaOrder::Disagreement).iter().filter(|i| !i.decided).count();
    assert_eq!(h.state().session().agenda(AgendaOrder::Disagreement)[0].person, victor, "most questioned first");
    h.query_all_by_role_and_label(Role::Button, "Present").next().expect("a Present button").click();
    h.run();

    // The presenter view: large type, the criteria, the tally; the clock runs.
    get_text_containing(&h, "Victor Adeyemi — ");
    get_text_containing(&h, "Pre-read: 1 question");
    get_text_containing(&h, "Scope still one team?");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run();
    get_text_containing(&h, "left");
    h.get_by_role_and_label(Role::Button, "promote").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Decision rationale (required)").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Decision rationale (required)")
        .type_text("Evidence meets P5 scope");
    h.run();
    h.get_by_role_and_label(Role::Button, "Record decision and next").click();
    h.run();
    let decision = h.state().session().decisions.get(&victor).cloned().expect("decided");
    assert_eq!(decision.rationale, "Evidence meets P5 scope");
    assert!(decision.time_spent_secs.is_some_and(|s| s >= 1), "{decision:?}");
    // On to the next undecided candidate.
    let next = h.state().view.windows.presenter.as_ref().map(|p| p.person.clone()).expect("still presenting");
    assert_ne!(next, victor);
    assert!(!h.state().session().decisions.contains_key(&next));
    let undecided_after = h.state().session().agenda(AgendaOrder::Disagreement).iter().filter(|i| !i.decided).count();
    assert_eq!(undecided_after, undecided_before - 1);
    h.get_by_role_and_label(Role::Button, "End meeting view").click();
    h.run();
    assert!(h.state().view.windows.presenter.is_none());
}

#[test]
fn not_this_cycle_in_the_meeting_then_the_letters_and_the_packet_are_written() {
    let mut h = harness();
    let dalia = id_of(&h, "Dalia Haddad");
    h.state_mut()
        .queue(ladderboard::command::Command::Meeting(ladderboard::command::MeetingCommand::Present(dalia.clone())));
    h.run();
    get_text_containing(&h, "Dalia Haddad — ");
    h.get_by_role_and_label(Role::Button, "not this cycle").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Decision rationale (required)").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Decision rationale (required)")
        .type_text("Communication not shown yet");
    h.run();
    h.get_by_role_and_label(Role::Button, "Record decision and next").click();
    h.run();
    let dir = tempfile::tempdir().expect("tempdir");
    h.state_mut().queue(ladderboard::command::Command::File(ladderboard::command::FileCommand::WriteLetters(
        dir.path().join("letters"),
    )));
    h.run();
    get_text_containing(&h, "Wrote 6 letter(s)");
    let letter = dir.path().join("letters").join(format!("not-this-cycle-{dalia}-Dalia-Haddad.md"));
    assert!(std::fs::read_to_string(letter).expect("written").contains("Communication not shown yet"));
    h.state_mut().queue(ladderboard::command::Command::File(ladderboard::command::FileCommand::ExportPacket(
        dir.path().join("pre-read.html"),
    )));
    h.run();
    let html = std::fs::read_to_string(dir.path().join("pre-read.html")).expect("html");
    let md = std::fs::read_to_string(dir.path().join("pre-read.md")).expect("markdown");
    assert!(html.contains("Dalia Haddad") && md.contains("Dalia Haddad"));
}

#[test]
fn the_chair_reorders_the_agenda_by_hand_and_the_order_is_kept_in_the_session() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    let before: Vec<_> = h.state().session().agenda(AgendaOrder::Disagreement).into_iter().map(|i| i.person).collect();
    // Moving the first candidate down one place switches the agenda to the chair's own order.
    h.query_all_by_role_and_label(Role::Button, "↓").next().expect("a move-down button").click();
    h.run();
    assert_eq!(h.state().view.windows.agenda, Some(AgendaOrder::ByHand));
    let after: Vec<_> = h.state().session().agenda(AgendaOrder::ByHand).into_iter().map(|i| i.person).collect();
    assert_eq!((&after[0], &after[1]), (&before[1], &before[0]));
    assert_eq!(h.state().session().meeting.order[..2], after[..2]);
    assert_eq!(h.state().session().audit.last().map(|e| e.action.as_str()), Some("set agenda"));
}
