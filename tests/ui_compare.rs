//! Comparing people side by side: Ctrl+click two in the roster (or on the board), see their
//! evidence on the same level's criteria in one window, change the level, take one out.

mod ui_support;
use egui::Modifiers;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use ladderboard::model::{LevelId, PersonId};
use ui_support::{get_text_containing, harness, has_text_containing};

/// The roster row for `name` (the board's card has the same label; the roster is drawn first).
fn roster_row<'h>(
    h: &'h egui_kittest::Harness<'_, ladderboard::app::LadderApp>,
    name: &'h str,
) -> egui_kittest::Node<'h> {
    h.query_all_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(name)).next().expect(name)
}

#[test]
fn ctrl_click_two_people_and_compare_them_on_one_levels_criteria() {
    let mut h = harness();
    roster_row(&h, "Ada Park").click_modifiers(Modifiers::COMMAND);
    h.run();
    assert!(h.state().view.windows.compare.is_none(), "one person is not a comparison yet");
    get_text_containing(&h, "Comparing Ada Park");
    roster_row(&h, "Bilal Hassan").click_modifiers(Modifiers::COMMAND);
    h.run();
    let compare = h.state().view.windows.compare.clone().expect("the window opened with the second");
    assert_eq!(compare.people, [PersonId::new("E2001"), PersonId::new("E2002")]);
    // Ada is P3, Bilal P5 and proposed for P6: not the same target, so the level above the most
    // senior, P6.
    get_text_containing(&h, "P6 criteria");
    assert!(has_text_containing(&h, "Scope of impact"));
    assert!(has_text_containing(&h, "no evidence"), "a criterion without evidence says so");
    assert!(has_text_containing(&h, "proposed for P6"), "Bilal's proposal heads his column");
    // The selection did not move: Ctrl+click marks, a plain click selects.
    assert_eq!(h.state().view.selected, Some(PersonId::new("E2001")));

    // Against P4's criteria instead.
    h.get_by_role_and_label(Role::ComboBox, "Against the criteria of").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("P4 "))).click();
    h.run();
    assert_eq!(h.state().view.windows.compare.as_ref().and_then(|c| c.level.clone()), Some(LevelId::new("P4")));
    get_text_containing(&h, "P4 criteria");

    h.get_by_role_and_label(Role::Button, "Remove Bilal Hassan").click();
    h.run();
    assert_eq!(h.state().view.windows.compare.as_ref().map(|c| c.people.len()), Some(1));
    get_text_containing(&h, "Choose at least two people to compare.");
}

#[test]
fn the_palette_opens_the_comparison_on_the_selected_person() {
    let mut h = harness();
    h.state_mut().queue(ladderboard::command::Command::Run(ladderboard::command::Action::Compare));
    h.run();
    let compare = h.state().view.windows.compare.clone().expect("open");
    assert_eq!(compare.people, [PersonId::new("E2001")], "the selected person to start with");
    get_text_containing(&h, "Ctrl+click people in the roster or on the board");
}
