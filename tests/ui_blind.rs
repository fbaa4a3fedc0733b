//! Blind mode: while it is on, no real name, manager, team or e-mail appears in any AccessKit label
//! or value on any screen; turning it off (revealing) is an audit event.

mod ui_support;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable};
use ladderboard::app::{LadderApp, sample_session};
use ui_support::text_of;

/// Everything the roster names that blind mode must hide.
fn secrets() -> Vec<String> {
    let session = sample_session();
    let mut secrets: Vec<String> = Vec::new();
    for p in &session.people {
        secrets.push(p.name.to_string());
        for part in p.name.split(' ').filter(|w| w.chars().count() > 3) {
            secrets.push(part.to_owned());
        }
        secrets.push(session.manager_name(p).to_owned());
        secrets.push(p.team.to_string());
        // The employee id gives the person away to anyone with HR's list.
        secrets.push(p.id.to_string());
    }
    secrets.retain(|s| !s.is_empty());
    secrets.sort();
    secrets.dedup();
    secrets
}

/// Labels of the window's chrome that contain a team's name as an ordinary word ("Search people").
const CHROME: [&str; 3] = ["Search people", "Name, id, manager, team (Ctrl+F)", "Search people Ctrl+F"];

/// Every label and value on screen that gives away a secret.
fn leaks(h: &egui_kittest::Harness<'_, LadderApp>) -> Vec<String> {
    let secrets = secrets();
    let mut found = Vec::new();
    for node in h.query_all_by(|_| true) {
        let node = node.accesskit_node();
        let texts = [node.label().unwrap_or_default(), node.value().unwrap_or_default()];
        for text in texts {
            if CHROME.contains(&text.as_str()) {
                continue;
            }
            for secret in &secrets {
                if text.split(|c: char| !c.is_alphanumeric()).any(|w| w == secret)
                    || (secret.contains(' ') && text.contains(secret.as_str()))
                {
                    found.push(format!("{secret:?} in {text:?} ({:?})", node.role()));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The sample with first names inside free text (a note, a rationale, an action item) and a
/// committee whose members are people of the roster.
fn session_with_free_text() -> ladderboard::model::Session {
    use ladderboard::model::committee::{ActionItem, Member, Role as MemberRole};
    let mut session = sample_session();
    session.notes[0].text.push_str(" Reviewed by Tomás and Mei Lin; Farah agrees.");
    if let Some(p) = session.proposals.values_mut().next() {
        p.rationale.push_str("\n\nPriya backs this after talking to Jonas.");
    }
    session.meeting.members = vec![
        Member { name: "Grace Okafor".into(), role: MemberRole::Chair },
        Member { name: "Mei Lin Zhou".into(), role: MemberRole::Member },
    ];
    session.meeting.actions.push(ActionItem {
        id: 1,
        text: "Ask Jonas for Farah's design doc".into(),
        owner: "Priya Raman".into(),
        due: None,
        person: None,
        done: false,
    });
    session
}

#[test]
fn while_blind_no_screen_shows_a_name_manager_or_team_and_revealing_is_audited() {
    let mut h = ui_support::harness_with(session_with_free_text());
    assert!(!leaks(&h).is_empty(), "the sweep finds names when blind mode is off");
    h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::COMMAND }, Key::B);
    h.run();
    assert!(h.state().session().blind);
    assert!(h.query_all_by(|n| text_of(n).starts_with("BLIND MODE")).next().is_some(), "the banner shows");
    assert_eq!(leaks(&h), Vec::<String>::new(), "board, roster and person panel");
    // A candidate with a proposal, in the person panel.
    let ada = h.state().session().people.iter().position(|p| p.name == "Ada Park").expect("Ada");
    let code = ladderboard::model::blind::Blinding::new(h.state().session())
        .person(&h.state().session().people[ada].id)
        .to_owned();
    h.get_by_role_and_label(Role::Button, &code).click();
    h.run();
    assert_eq!(leaks(&h), Vec::<String>::new(), "the person panel of {code}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    assert_eq!(leaks(&h), Vec::<String>::new(), "the history window");
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert_eq!(leaks(&h), Vec::<String>::new(), "the palette");
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().queue(ladderboard::command::Command::Run(ladderboard::command::Action::Committee));
    h.run();
    assert_eq!(leaks(&h), Vec::<String>::new(), "the committee window");
    h.state_mut().queue(ladderboard::command::Command::Run(ladderboard::command::Action::Committee));
    h.run();
    h.get_by_role_and_label(Role::Button, "Edit").click();
    h.run();
    assert_eq!(leaks(&h), Vec::<String>::new(), "the Edit menu's undo label");
    h.key_press(Key::Escape);
    h.run();
    // The meeting's screens: the agenda, then a candidate on the shared screen.
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    assert_eq!(leaks(&h), Vec::<String>::new(), "the agenda");
    h.query_all_by_role_and_label(Role::Button, "Present").next().expect("a candidate").click();
    h.run();
    assert!(h.state().view.windows.presenter.is_some());
    assert_eq!(leaks(&h), Vec::<String>::new(), "the presenter view");
    h.get_by_role_and_label(Role::Button, "End meeting view").click();
    h.run();
    // Revealing is an audit event, and the names come back.
    h.run();
    h.get_by_role_and_label(Role::Button, "Reveal names").click();
    h.run();
    assert!(!h.state().session().blind);
    let last = h.state().session().audit.last().expect("event");
    assert_eq!((last.action.as_str(), last.actor.as_str()), ("reveal names", ui_support::USER));
    h.get_by_role_and_label(Role::Button, "Ada Park");
}
