//! Fairness views in the window: set a target curve and see the levels that stray flagged on the
//! board; click a drifting manager and see the board show their people.

mod ui_support;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::{get_text_containing, harness, has_text_containing};

fn set_percent(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>, band: &str, percent: &str) {
    h.get_by_role_and_label(Role::SpinButton, band).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(percent.to_owned()));
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn setting_a_target_flags_the_levels_that_stray_from_it() {
    let mut h = harness();
    // Before any target is set, the board flags what Fairness says under the default one.
    let session = h.state().session().clone();
    let default = ladderboard::model::fairness::BandTargets::default_for(session.ladder.bands.len());
    let strays = session
        .distribution(ladderboard::model::Track::IndividualContributor, &ladderboard::model::fairness::Group::Everyone)
        .iter()
        .any(|(_, spread)| {
            matches!(
                ladderboard::model::fairness::verdict(spread, &default),
                ladderboard::model::fairness::Verdict::Strays(_)
            )
        });
    assert_eq!(has_text_containing(&h, "off target"), strays, "the board agrees with Fairness on the default target");
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    get_text_containing(&h, "Against the target");
    // Most people in the weakest band: the sample's levels, mostly "solid", stray from that.
    set_percent(&mut h, "developing", "80");
    set_percent(&mut h, "solid", "10");
    set_percent(&mut h, "strong", "10");
    h.get_by_role_and_label(Role::Button, "Set target").click();
    h.run();
    let targets = h.state().session().band_targets.clone().expect("saved in the session");
    assert_eq!(targets.shares, [0.8, 0.1, 0.1]);
    assert!(has_text_containing(&h, "strays: "), "the table names the bands that stray");
    assert!(has_text_containing(&h, "⚑ off target"), "and the board's column shows it");
    assert_eq!(h.state().session().audit.last().map(|e| e.action.as_str()), Some("set target curve"));
}

#[test]
fn clicking_a_drifting_manager_shows_their_people_on_the_board() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    h.get_by_role_and_label(Role::Button, "Managers").click();
    h.run();
    get_text_containing(&h, "against the organisation at the same levels");
    h.get_by_role_and_label(Role::Button, "Show Mei Lin Zhou's people").click();
    h.run();
    assert_eq!(h.state().view.filters.manager.as_deref(), Some("Mei Lin Zhou"));
    let session = h.state().session();
    let shown: Vec<&str> =
        h.state().caches.derived().rows.iter().map(|&i| session.people[i].manager.as_str()).collect();
    assert!(!shown.is_empty() && shown.iter().all(|m| *m == "Mei Lin Zhou"), "{shown:?}");
}

#[test]
fn before_after_and_time_in_level_tabs_show_the_committees_effect_and_who_waits_longest() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    h.get_by_role_and_label(Role::Button, "Before / after").click();
    h.run();
    // The sample: Mei Lin Zhou proposed 10, 5 decided, all 5 promoted as proposed.
    get_text_containing(&h, "\"Changed\" is the share of decided proposals");
    let row = h.state().caches.outcomes.get().cloned().expect("computed once");
    let mei = row.by_manager.iter().find(|m| m.group == "Mei Lin Zhou").expect("Mei Lin Zhou");
    assert_eq!((mei.proposed, mei.decided, mei.as_proposed), (10, 5, 5));
    h.get_by_role_and_label(Role::Button, "Time in level").click();
    h.run();
    get_text_containing(&h, "Mean years at level");
    // The person longest at their level is listed first; clicking selects them on the board.
    let longest = row.people.first().expect("someone").clone();
    // (The roster lists the same name; the window's button is the last drawn.)
    h.query_all_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(longest.name.as_str()))
        .last()
        .expect("in the list")
        .click();
    h.run();
    assert_eq!(h.state().view.selected.as_ref(), Some(&longest.person));
}

#[test]
fn a_manager_whose_people_stray_from_the_target_is_marked_in_the_roster() {
    let mut h = harness();
    // Before a target is set, the marks follow the default one (20 / 60 / 20); then the chair's.
    let targets =
        ladderboard::model::fairness::BandTargets { shares: vec![0.8, 0.1, 0.1], tolerance: 0.1, min_group: 5 };
    h.state_mut().queue(ladderboard::command::Command::Edit(ladderboard::command::Edit::SetTargets(Some(targets))));
    h.run();
    h.run();
    // Mei Lin Zhou's ten people sit mostly "solid" and "strong", far from 80 % "developing".
    assert!(has_text_containing(&h, "⚑ Mei Lin Zhou"), "her rows carry the mark");
}

#[test]
fn a_proposed_card_carries_its_evidence_coverage() {
    let h = harness();
    let session = h.state().session();
    let victor = session.people.iter().find(|p| p.name == "Victor Adeyemi").expect("Victor");
    // Victor is proposed for P5 with 2 of its 5 criteria met (the report says the same).
    assert_eq!(ladderboard::ui::card::card_badge(session, victor).as_deref(), Some("→P5"));
    assert_eq!(ladderboard::ui::card::coverage_of(session, victor), Some((2, 5)));
    let undecided = session.people.iter().find(|p| !session.proposals.contains_key(&p.id)).expect("someone");
    assert_eq!(ladderboard::ui::card::coverage_of(session, undecided), None);
}
