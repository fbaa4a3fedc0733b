//! Autosave and recovery: edits survive a killed process; the restore prompt offers them back.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ladderboard::app::LadderApp;
use ladderboard::app::autosave::AUTOSAVE_DELAY;
use ladderboard::command::Command;
use ladderboard::command::{Edit, FileCommand};
use ladderboard::io::session::{load_session, save_session};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use ui_support::{USER, get_text_containing};

const NOTE: &str = "Recovered after a crash";

fn app_on(path: &Path, recovery_dir: &Path) -> Harness<'static, LadderApp> {
    let mut app = LadderApp::with_session(load_session(path).expect("session"), Some(path));
    app.enable_recovery(recovery_dir.to_path_buf());
    window(app)
}

/// A 1280×800 window on `app`, the test user's name set.
fn window(app: LadderApp) -> Harness<'static, LadderApp> {
    ui_support::window_of(app, egui::vec2(1280.0, 800.0), |b| b)
}

fn edit_and_wait_for_autosave(h: &mut Harness<'_, LadderApp>) {
    let person = h.state().session().people[0].id.clone();
    h.state_mut().queue(Command::Edit(Edit::AddNote { person, text: NOTE.into() }));
    h.run();
    std::thread::sleep(AUTOSAVE_DELAY + Duration::from_millis(200));
    h.run();
    // The write runs on its own thread; the window takes its result on a later frame.
    let started = std::time::Instant::now();
    while h.state().autosave_running() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
        h.run();
    }
    assert!(!h.state().autosave_running(), "the autosave finished");
}

fn session_file(dir: &Path) -> PathBuf {
    let path = dir.join("calibration.ron");
    save_session(&ladderboard::app::sample_session(), &path).expect("save");
    path
}

#[test]
fn autosave_writes_a_recovery_file_that_restores_on_the_next_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, recovery) = (session_file(dir.path()), dir.path().join("recovery"));
    let mut h = app_on(&path, &recovery);
    edit_and_wait_for_autosave(&mut h);
    let file = h.state().recovery_file().expect("autosave on");
    assert!(file.exists(), "recovery file written");
    drop(h); // the window goes away without saving
    let mut h = app_on(&path, &recovery);
    get_text_containing(&h, "Restore unsaved changes?");
    get_text_containing(&h, "found 1 change(s)");
    get_text_containing(&h, "add note");
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run();
    assert!(h.state().session().notes.iter().any(|n| n.text == NOTE));
    assert!(h.state().is_dirty(), "restored changes still need saving");
    h.state_mut().queue(Command::File(FileCommand::SaveTo(path.clone())));
    h.run();
    assert!(!file.exists(), "saving removes the recovery copy");
    assert!(load_session(&path).expect("load").notes.iter().any(|n| n.text == NOTE));
}

#[test]
fn discard_deletes_the_recovery_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, recovery) = (session_file(dir.path()), dir.path().join("recovery"));
    let mut h = app_on(&path, &recovery);
    edit_and_wait_for_autosave(&mut h);
    let file = h.state().recovery_file().expect("autosave on");
    drop(h);
    let mut h = app_on(&path, &recovery);
    h.get_by_role_and_label(Role::Button, "Discard").click();
    h.run();
    assert!(!file.exists());
    assert!(!h.state().session().notes.iter().any(|n| n.text == NOTE));
}

#[cfg(unix)]
#[test]
fn recovery_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, recovery) = (session_file(dir.path()), dir.path().join("recovery"));
    let mut h = app_on(&path, &recovery);
    edit_and_wait_for_autosave(&mut h);
    let file = h.state().recovery_file().expect("autosave on");
    assert_eq!(std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&recovery).expect("meta").permissions().mode() & 0o777, 0o700);
}

/// Run only as the child of `a_killed_process_loses_no_autosaved_edit`.
#[test]
#[ignore = "runs as a child process of the kill test"]
fn child_edits_then_hangs() {
    let Some(dir) = std::env::var_os("LADDERBOARD_TEST_CHILD_DIR").map(PathBuf::from) else { return };
    let mut h = app_on(&dir.join("calibration.ron"), &dir.join("recovery"));
    edit_and_wait_for_autosave(&mut h);
    std::fs::write(dir.join("ready"), b"autosaved").expect("marker");
    std::thread::sleep(Duration::from_mins(2)); // killed long before this ends
}

#[test]
fn a_killed_process_loses_no_autosaved_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = session_file(dir.path());
    let original = std::fs::read(&path).expect("read");
    let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "child_edits_then_hangs", "--ignored", "--nocapture", "--test-threads=1"])
        .env("LADDERBOARD_TEST_CHILD_DIR", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn child");
    let start = Instant::now();
    while !dir.path().join("ready").exists() {
        assert!(start.elapsed() < Duration::from_mins(2), "child never autosaved");
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().expect("SIGKILL"); // no destructors, no save: like kill -9
    let _ = child.wait();
    assert_eq!(std::fs::read(&path).expect("read"), original, "the session file is untouched, not half-written");
    let mut h = app_on(&path, &dir.path().join("recovery"));
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run();
    assert!(h.state().session().notes.iter().any(|n| n.text == NOTE), "the autosaved edit came back");
}

/// A recovery file for `session` as a crashed Ladderboard (pid 4000000) left it, with one note added.
fn crashed_recovery(recovery_dir: &Path, session: Option<&Path>, note: &str) {
    use ladderboard::io::session::recovery::{Recovery, recovery_path, write_recovery};
    let mut changed = ladderboard::app::sample_session();
    let person = changed.people[0].id.clone();
    let at = jiff::Timestamp::now();
    let note = ladderboard::model::Note { id: 900, person, at, author: "Crashed".into(), text: note.into() };
    let summary = format!("add note {}", note.text);
    changed.apply(ladderboard::model::Change::AddNote(note), "Crashed", at).expect("note");
    let recovery = Recovery {
        session_path: session.map(Path::to_path_buf),
        written_at: jiff::Timestamp::now(),
        unsaved_changes: 1,
        last_change: summary,
        pid: 4_000_000,
        host: whoami::fallible::hostname().unwrap_or_default(),
        session: changed,
    };
    std::thread::sleep(Duration::from_millis(20)); // newer than the session file
    write_recovery(&recovery_path(recovery_dir, session), &recovery).expect("write");
}

/// A window on the sample, which then opens `path` (taking its lock) and looks for recovery files.
fn window_opening(path: Option<&Path>, recovery_dir: &Path) -> Harness<'static, LadderApp> {
    let mut h = window(LadderApp::with_session(ladderboard::app::sample_session(), None));
    if let Some(path) = path {
        h.state_mut().queue(Command::File(FileCommand::Open(path.to_path_buf())));
        h.run();
    }
    h.state_mut().enable_recovery(recovery_dir.to_path_buf());
    h.run();
    h
}

#[test]
fn every_start_offers_every_recovery_file_whichever_session_it_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    let team = session_file(dir.path());
    crashed_recovery(&recovery, Some(&team), "Team note");
    crashed_recovery(&recovery, None, "Never saved note");
    // A plain start: the sample, no path. Both crashed sessions are offered, one at a time.
    let mut h = window_opening(None, &recovery);
    get_text_containing(&h, "1 of 2 sessions with unsaved changes");
    get_text_containing(&h, "Session: a session that was never saved");
    h.get_by_role_and_label(Role::Button, "Discard").click();
    h.run();
    get_text_containing(&h, "Session: calibration.ron");
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run();
    let app = h.state();
    assert_eq!(app.path(), Some(team.as_path()), "the crashed session's file is open again");
    assert!(app.session().notes.iter().any(|n| n.text == "Team note"));
    assert!(app.is_dirty());
    assert!(ladderboard::io::session::lock::lock_path(&team).exists(), "and locked for this window");
}

#[test]
fn restore_keeps_the_lock_and_the_recent_files_are_written_when_a_session_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    let team = session_file(dir.path());
    crashed_recovery(&recovery, Some(&team), "Team note");
    let mut h = window_opening(Some(&team), &recovery);
    let other = dir.path().join("other.ron");
    save_session(&ladderboard::app::sample_session(), &other).expect("save");
    h.state_mut().queue(Command::File(FileCommand::Open(other.clone())));
    h.run();
    let recent = ladderboard::io::session::recovery::read_recent_files(&dir.path().join("recent.ron"));
    assert_eq!(recent.first(), Some(&other), "written when the session opened, not at exit");
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run();
    assert!(h.state().session().notes.iter().any(|n| n.text == "Team note"));
    assert!(h.state().read_only().is_none());
    // A second window is told the session is open, rather than opening it editable.
    match ladderboard::io::session::lock::acquire(&team, "Second window") {
        ladderboard::io::session::lock::LockOutcome::HeldBy(holder) => assert_eq!(holder.user, USER),
        other => panic!("the restored window lost its lock: {other:?}"),
    }
}

#[test]
fn restore_in_a_read_only_window_stays_read_only_with_a_banner_and_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    let team = session_file(dir.path());
    crashed_recovery(&recovery, Some(&team), "Team note");
    let ladderboard::io::session::lock::LockOutcome::Acquired(_colleague) =
        ladderboard::io::session::lock::acquire(&team, "Colleague")
    else {
        panic!("lock")
    };
    let mut h = window_opening(None, &recovery);
    h.state_mut().queue(Command::File(FileCommand::Open(team.clone())));
    h.run();
    h.get_by_role_and_label(Role::Button, "Open read-only").click();
    h.run();
    h.state_mut().enable_recovery(recovery.clone());
    h.run();
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run();
    let app = h.state();
    assert!(app.session().notes.iter().any(|n| n.text == "Team note"));
    assert!(app.read_only().is_some(), "Restore does not make a read-only window editable");
    assert!(app.title().contains("(read-only)"), "{}", app.title());
    get_text_containing(&h, "READ-ONLY — Colleague");
    // The banner lasts: after more frames it is still there, unlike a status message.
    for _ in 0..5 {
        h.run();
    }
    get_text_containing(&h, "READ-ONLY — Colleague");
}

#[test]
fn a_live_windows_own_autosave_is_not_offered_to_a_second_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    let team = session_file(dir.path());
    let mut first = window_opening(Some(&team), &recovery);
    edit_and_wait_for_autosave(&mut first);
    assert!(first.state().recovery_file().expect("on").exists());
    let mut second = window_opening(None, &recovery);
    second.run();
    assert!(second.state().view.recovery_offers.is_empty(), "the first window is alive and holds its session");
    drop(first);
}

#[test]
fn opening_a_session_offers_its_crashed_changes_before_autosave_could_write_over_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    let team = session_file(dir.path());
    let mut h = window_opening(None, &recovery);
    assert!(h.state().view.recovery_offers.is_empty());
    // A crash's changes to team.ron appear after this window started (another run crashed).
    crashed_recovery(&recovery, Some(&team), "Team note");
    h.state_mut().queue(Command::File(FileCommand::Open(team.clone())));
    h.run();
    get_text_containing(&h, "Restore unsaved changes?");
    get_text_containing(&h, "Session: calibration.ron");
}

#[test]
fn a_running_windows_untitled_autosave_is_not_offered_elsewhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    crashed_recovery(&recovery, None, "Never saved note");
    // The file's writer is alive: a process on this computer (here: a `sleep`).
    let mut alive = std::process::Command::new("sleep").arg("30").spawn().expect("sleep");
    let file = ladderboard::io::session::recovery::recovery_path(&recovery, None);
    let mut written = ladderboard::io::session::recovery::read_recovery(&file).expect("read");
    written.pid = alive.id();
    ladderboard::io::session::recovery::write_recovery(&file, &written).expect("write");
    let h = window_opening(None, &recovery);
    assert!(h.state().view.recovery_offers.is_empty(), "a live window's work is not offered");
    alive.kill().expect("kill");
    let _ = alive.wait();
    let h = window_opening(None, &recovery);
    assert_eq!(h.state().view.recovery_offers.len(), 1, "once its writer is gone, it is");
}

#[test]
fn a_failing_autosave_says_so_and_waits_before_trying_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocked = dir.path().join("recovery");
    std::fs::write(&blocked, "a file where the folder should be").expect("write");
    let path = session_file(dir.path());
    let mut h = app_on(&path, &blocked);
    edit_and_wait_for_autosave(&mut h);
    get_text_containing(&h, "Autosave failed");
    h.run();
    assert!(!h.state().autosave_running(), "not tried again on the next frame");
}
