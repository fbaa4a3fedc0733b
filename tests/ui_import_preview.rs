//! The roster import preview: a roster is shown as it will be imported, the user changes which
//! column gives the level and sees the preview follow, and Import commits what was shown.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
use ladderboard::command::Command;
use ladderboard::command::{FileCommand, ImportCommand};
use ladderboard::model::{LevelId, PersonId};
use std::path::PathBuf;
use ui_support::{get_text_containing, harness, has_text_containing, import_button};

fn case(name: &str) -> PathBuf {
    ladderboard::fixtures::fixture_path("rosters/cases").join(name)
}

/// Opens the preview of a shared import case, as File → New from roster… does after the dialog.
fn open_preview(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>, name: &str) {
    h.state_mut().queue(Command::Import(ImportCommand::Preview(case(name))));
    h.run();
}

/// Picks `choice` in the combo box labelled `label`.
fn choose(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>, label: &str, choice: &str) {
    h.get_by_role_and_label(Role::ComboBox, label).click();
    h.run();
    h.get_by_role_and_label(Role::Button, choice).click();
    h.run();
    h.run();
    h.run();
}

#[test]
fn change_the_level_column_see_the_preview_change_then_import() {
    let mut h = harness();
    let before = h.state().session().people.len();
    open_preview(&mut h, "title-and-level-columns.csv");
    get_text_containing(&h, "Import roster — title-and-level-columns.csv");
    // The dedicated level column gives the level; the preview says so and shows E002 at P4.
    let level = h.get_by_role_and_label(Role::ComboBox, "Level column");
    assert_eq!(level.value().as_deref(), Some("Job Level - Primary Position"));
    assert!(has_text_containing(&h, "a dedicated level column wins over \"Business Title\""));
    get_text_containing(&h, "P4 (file: P4 - Senior-plus)");
    assert_eq!(h.state().session().people.len(), before, "nothing changes before Import");

    // Level from the title column instead: "Senior Software Engineer" reads as P3.
    choose(&mut h, "Level column", "Business Title");
    assert_eq!(h.get_by_role_and_label(Role::ComboBox, "Level column").value().as_deref(), Some("Business Title"));
    assert!(!has_text_containing(&h, "P4 (file: P4 - Senior-plus)"));
    assert!(has_text_containing(&h, "P3 (file: Senior Software Engineer)"));

    // Back to the level column, and import.
    choose(&mut h, "Level column", "Job Level - Primary Position");
    h.get_by_role_and_label(Role::Button, "Import 4 people").click();
    h.run();
    let session = h.state().session();
    assert_eq!(session.people.len(), 4);
    let e002 = session.person(&PersonId::new("E002")).expect("E002");
    assert_eq!(e002.level, LevelId::new("P4"));
    assert_eq!(e002.manager, "Person A");
    assert!(h.state().view.import_preview.is_none());
    assert!(h.state().is_dirty(), "a fresh import is unsaved");
    // The roster's columns are named once in the session, with the field each gave.
    let headers: Vec<&str> = session.roster_columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        ["Employee ID", "Worker", "Business Title", "Job Level - Primary Position", "Worker's Manager"]
    );
}

#[test]
fn a_roster_with_problems_lists_them_and_cannot_be_imported_until_a_choice_fixes_them() {
    let mut h = harness();
    let before = h.state().session().clone();
    // Meta codes: IC5 alone cannot be placed for sure; choosing the Meta scheme places it.
    open_preview(&mut h, "company-level-codes.csv");
    get_text_containing(&h, "nothing is imported until");
    let import = import_button(&h);
    assert!(import.accesskit_node().is_disabled(), "Import waits for the problems to be fixed");
    choose(&mut h, "Level codes", "Meta codes");
    assert!(!has_text_containing(&h, "nothing is imported until"));
    import_button(&h).click();
    h.run();
    assert_ne!(h.state().session().people, before.people);
}

#[test]
fn cancel_leaves_the_session_as_it_was() {
    let mut h = harness();
    let before = h.state().session().clone();
    open_preview(&mut h, "title-and-level-columns.csv");
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(h.state().view.import_preview.is_none());
    assert_eq!(*h.state().session(), before);
}

#[test]
fn the_export_dialog_offers_the_rosters_own_columns_and_the_export_carries_them() {
    let mut h = harness();
    open_preview(&mut h, "company-level-codes.csv");
    choose(&mut h, "Level codes", "Meta codes");
    import_button(&h).click();
    h.run();
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run();
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Export decisions (CSV"))).click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Start with the roster's own columns").click();
    h.run();
    let options = h.state().view.export_csv.expect("the dialog is open");
    assert!(options.with_roster_columns);
    // "Choose file…" opens the system's save dialog, which a test cannot drive; it queues this.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hr.csv");
    h.state_mut().queue(Command::File(FileCommand::ExportCsv { path: path.clone(), options }));
    h.run();
    let text = std::fs::read_to_string(&path).expect("exported");
    assert!(text.starts_with("\u{feff}Employee ID,Full Name,Manager,Team,Level,proposed level,"), "{text}");
    assert!(text.contains("\nE002,Ben Example,Grace Sample,Feed,IC5,"), "{text}");
}

#[test]
fn a_roster_named_on_the_command_line_opens_the_import_preview() {
    let app = ladderboard::app::start(
        Some(&case("title-and-level-columns.csv")),
        ladderboard::app::settings::Settings::default(),
    );
    let preview = app.view.import_preview.as_ref().expect("the preview is open");
    assert_eq!(preview.file_name, "title-and-level-columns.csv");
    assert_eq!(preview.people, 4);
    assert!(app.path().is_none(), "the roster is not taken for a session file");
}

#[test]
fn a_workbook_with_two_roster_sheets_asks_which_then_imports_the_chosen_one() {
    let mut h = harness();
    let path = ladderboard::fixtures::fixture_path("workbooks/two-rosters.xlsx");
    h.state_mut().queue(Command::Import(ImportCommand::Preview(path)));
    h.run();
    get_text_containing(&h, "Import roster — two-rosters.xlsx");
    get_text_containing(&h, "2 sheets have a roster header: \"Platform\", \"Search\"");
    assert!(!h.state().view.import_preview.as_ref().expect("preview").can_import());
    choose(&mut h, "Sheet", "Search");
    assert_eq!(h.get_by_role_and_label(Role::ComboBox, "Sheet").value().as_deref(), Some("Search"));
    get_text_containing(&h, "Dai Chen");
    h.get_by_role_and_label(Role::Button, "Import 2 people").click();
    h.run();
    let session = h.state().session();
    let ids: Vec<&str> = session.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["1003", "1004"]);
    assert!(h.state().status.as_ref().is_some_and(|s| s.text.contains("(sheet \"Search\")")));
}
