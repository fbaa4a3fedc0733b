//! One place that builds a UI test harness around the app with fixture data.
#![allow(dead_code, reason = "each UI test binary uses a different subset")]

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};
use ladderboard::app::{LadderApp, sample_session};
use ladderboard::model::{PersonId, Session};

pub const USER: &str = "Test Chair";

/// The one way tests build a window: `app` in a window of `size`, the test user's name set, after
/// its first frames. `builder` adds what a test needs (`.wgpu()` for image snapshots).
pub fn window_of(
    mut app: LadderApp,
    size: egui::Vec2,
    builder: impl FnOnce(HarnessBuilder<LadderApp>) -> HarnessBuilder<LadderApp>,
) -> Harness<'static, LadderApp> {
    USER.clone_into(&mut app.settings.user_name);
    // A modal with a scroll area takes a few frames to settle its size.
    let mut harness = builder(Harness::builder().with_size(size).with_max_steps(8))
        .build_ui_state(|ui, app: &mut LadderApp| app.ui_for_tests(ui), app);
    harness.run();
    harness
}

/// A 1280×800 window showing `session`.
pub fn harness_with(session: Session) -> Harness<'static, LadderApp> {
    window_of(LadderApp::with_session(session, None), egui::vec2(1280.0, 800.0), |b| b)
}

/// Types `text` into the text field labelled `label` (single or multi-line), as a user would:
/// into view, click it unless it has the keyboard already, type.
pub fn type_into(harness: &mut Harness<'_, LadderApp>, label: &str, text: &str) {
    let is_field = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        matches!(n.role(), egui::accesskit::Role::TextInput | egui::accesskit::Role::MultilineTextInput)
            && n.label().as_deref() == Some(label)
    };
    harness.get_by(is_field).scroll_to_me();
    harness.run();
    if !harness.get_by(is_field).is_focused() {
        harness.get_by(is_field).click();
        harness.run();
    }
    harness.get_by(is_field).type_text(text);
    harness.run();
}

/// The window on the shipped sample session.
pub fn harness() -> Harness<'static, LadderApp> {
    harness_with(sample_session())
}

/// The id of the person with this name.
pub fn id_of(harness: &Harness<'_, LadderApp>, name: &str) -> PersonId {
    harness.state().session().people.iter().find(|p| p.name == name).map(|p| p.id.clone()).expect("person exists")
}

/// Visible text of a node: its label, or for plain labels its value.
pub fn text_of(node: &egui_kittest::kittest::AccessKitNode<'_>) -> String {
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// The node showing exactly `text`.
pub fn get_text<'h>(harness: &'h Harness<'_, LadderApp>, text: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by(move |n| n.role() != egui::accesskit::Role::TextRun && text_of(n) == text)
}

/// The node whose text contains `text`.
pub fn get_text_containing<'h>(harness: &'h Harness<'_, LadderApp>, text: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by(move |n| n.role() != egui::accesskit::Role::TextRun && text_of(n).contains(text))
}

/// Whether any node shows text containing `text`.
pub fn has_text_containing(harness: &Harness<'_, LadderApp>, text: &str) -> bool {
    harness
        .query_all_by(move |n| n.role() != egui::accesskit::Role::TextRun && text_of(n).contains(text))
        .next()
        .is_some()
}

/// The plain label showing exactly `text` (not a button with the same words).
pub fn get_label<'h>(harness: &'h Harness<'_, LadderApp>, text: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by(move |n| n.role() == egui::accesskit::Role::Label && text_of(n) == text)
}

/// Scrolls a widget into view, as a user would before clicking it, and returns it again.
pub fn scroll_into_view(harness: &mut Harness<'_, LadderApp>, role: egui::accesskit::Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
}

/// Opens the import preview of `tests/fixtures/rosters/<name>` as File → New from roster does.
pub fn preview_roster_fixture(harness: &mut Harness<'_, LadderApp>, name: &str) {
    let roster = ladderboard::fixtures::fixture_path("rosters").join(name);
    harness
        .state_mut()
        .queue(ladderboard::command::Command::Import(ladderboard::command::ImportCommand::Preview(roster)));
    harness.run();
}

/// The import preview's "Import N people" button.
pub fn import_button<'h>(harness: &'h Harness<'_, LadderApp>) -> egui_kittest::Node<'h> {
    harness.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && n.label().is_some_and(|l| l.starts_with("Import ") && (l.ends_with(" people") || l.ends_with(" person")))
    })
}

/// Imports `tests/fixtures/rosters/<name>`: File → New from roster, then Import in the preview.
pub fn import_roster_fixture(harness: &mut Harness<'_, LadderApp>, name: &str) {
    preview_roster_fixture(harness, name);
    import_button(harness).click();
    harness.run();
}

/// Makes one unsaved change (Ada Park moved up a band with Ctrl+↑), then asks to quit (Ctrl+Q):
/// the unsaved-changes question is then open.
pub fn change_then_quit(harness: &mut Harness<'_, LadderApp>) {
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Ada Park").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowUp);
    harness.run();
    assert!(harness.state().is_dirty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
}

/// Drags from `from` to `to` as a mouse does: press, move a little (egui starts a drag past a
/// threshold), move to the target, release.
pub fn drag_and_drop(harness: &mut Harness<'_, LadderApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.drag_at(from);
    harness.run();
    harness.hover_at(from + egui::vec2(20.0, 0.0));
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
}
