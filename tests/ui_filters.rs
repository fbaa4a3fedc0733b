//! Filters at company scale: a list of a hundred managers narrows as you type, and scrolls.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use ui_support::{harness_with, type_into};

#[test]
fn typing_narrows_the_manager_filter_to_the_ones_that_match() {
    let mut h = harness_with(ladderboard::fixtures::large_session(300));
    h.get_by_role_and_label(Role::ComboBox, "Manager").click();
    h.run();
    type_into(&mut h, "Find manager", "manager 7");
    assert!(h.query_by_label("Manager 71").is_some(), "a match is listed");
    assert!(h.query_by_label("Manager 12").is_none(), "one that does not match is not");
    h.get_by_label("Manager 71").click();
    h.run();
    assert_eq!(h.state().view.filters.manager.as_deref(), Some("Manager 71"));
    let rows = h.state().caches.derived().rows.len();
    assert!(rows > 0 && rows < 300, "the roster shows Manager 71's people only ({rows})");
}

#[test]
fn an_arrow_meant_for_an_open_list_never_moves_to_another_person() {
    let mut h = ui_support::harness();
    let ada = ui_support::id_of(&h, "Ada Park");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    assert_eq!(h.state().view.selected.as_ref(), Some(&ada));
    ui_support::scroll_into_view(&mut h, Role::ComboBox, "Scope of impact rating");
    h.get_by_role_and_label(Role::ComboBox, "Scope of impact rating").click();
    h.run();
    for _ in 0..3 {
        h.key_press(egui::Key::ArrowDown);
        h.run();
    }
    assert_eq!(h.state().view.selected.as_ref(), Some(&ada), "the record being edited stays Ada's");
}
