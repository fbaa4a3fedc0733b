//! The History window lists the audit trail, filters by author and person, and exports CSV.

mod ui_support;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ladderboard::command::Command;
use ladderboard::command::FileCommand;
use ui_support::{get_text_containing, harness, has_text_containing};

#[test]
fn history_filters_by_author_and_exports() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    let total = h.state().session().audit.len();
    get_text_containing(&h, &format!("{total} of {total} events"));
    h.get_by_role_and_label(Role::ComboBox, "Author").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Grace Okafor").click();
    h.run();
    let by_grace = h.state().session().audit.iter().filter(|e| e.actor == "Grace Okafor").count();
    assert!(by_grace > 0 && by_grace < total);
    get_text_containing(&h, &format!("{by_grace} of {total} events"));
    assert!(has_text_containing(&h, "decide"));

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("history.csv");
    h.state_mut().queue(Command::File(FileCommand::ExportHistory(path.clone())));
    h.run();
    let mut reader = csv::Reader::from_path(&path).expect("csv");
    assert_eq!(reader.headers().expect("headers").get(0), Some("seq"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), total);
    assert!(rows.iter().all(|r| r[9].len() == 64), "each row carries its hash");
}
