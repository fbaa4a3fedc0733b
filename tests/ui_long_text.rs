//! A hostile session with a 5 MB title: the window refuses it with the message naming the field,
//! line and column, and stays as it was, without the gigabytes laying such a title out once took.
//! (One test in its own binary, so the memory it measures is its own.)

mod ui_support;
use egui_kittest::kittest::Queryable;
use ladderboard::command::{Command, FileCommand};
use ui_support::{get_text_containing, harness};

/// This process's resident memory, in bytes (Linux; `None` elsewhere).
fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kib| kib * 1024)
}

#[test]
fn a_session_with_a_five_megabyte_title_is_refused_in_the_window_without_the_memory() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("huge-title.ron");
    let sample = ladderboard::app::SAMPLE_SESSION_RON;
    let title = "title: \"Engineering calibration — sample\"";
    std::fs::write(&path, sample.replacen(title, &format!("title: \"{}\"", "T".repeat(5 << 20)), 1)).expect("write");
    let mut h = harness();
    h.run();
    let before = resident();
    h.state_mut().queue(Command::File(FileCommand::Open(path)));
    h.run();
    get_text_containing(&h, "huge-title.ron: 1 problem");
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Show all 2 lines").click();
    h.run();
    get_text_containing(&h, "line 3, column 11: `title` holds 5242880 bytes");
    assert_eq!(h.state().session().title, "Engineering calibration — sample", "the sample stays open");
    if let (Some(before), Some(after)) = (before, resident()) {
        let grown = after.saturating_sub(before);
        assert!(grown < 100 << 20, "grew by {} MB", grown >> 20);
    }
}
