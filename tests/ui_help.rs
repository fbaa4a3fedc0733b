//! Help: F1 lists every shortcut, About names the version and where unsaved work is kept, and Quit
//! (Ctrl+Q) asks about unsaved changes first.

mod ui_support;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use ui_support::{change_then_quit, get_text_containing, harness, has_text_containing};

#[test]
fn f1_lists_every_shortcut_and_about_names_the_version() {
    let mut h = harness();
    h.key_press(Key::F1);
    h.run();
    assert_eq!(h.state().view.windows.help, Some(ladderboard::view::state::HelpPage::Shortcuts));
    assert!(has_text_containing(&h, "Meeting agenda"));
    assert!(has_text_containing(&h, "Ctrl+G"), "shortcuts are written out");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_role_and_label(Role::Button, "Help").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "About Ladderboard").click();
    h.run();
    get_text_containing(&h, &format!("Ladderboard {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn quit_with_unsaved_changes_asks_first() {
    let mut h = harness();
    change_then_quit(&mut h);
    assert!(h.state().view.unsaved_prompt.is_some(), "the unsaved-changes question comes first");
    assert!(!h.state().close_confirmed());
}

#[test]
fn the_file_menu_has_quit_once_and_last() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run();
    let quits = h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Quit"))).count();
    assert_eq!(quits, 1, "one Quit item");
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Quit"))).next().expect("Quit").click();
    h.run();
    assert!(h.state().close_confirmed(), "an unchanged session quits at once");
}
