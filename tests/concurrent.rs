//! Lock files and files changed on disk: a second window is told who holds a session, may open it
//! read-only, and nobody saves over someone else's work.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use ladderboard::command::Command;
use ladderboard::command::{Edit, FileCommand};
use ladderboard::io::session::lock::{LockOutcome, acquire, lock_path};
use ladderboard::io::session::{load_session, save_session};
use ui_support::{get_text_containing, harness};

#[test]
fn a_second_lock_is_refused_with_the_holder_and_released_on_drop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    let LockOutcome::Acquired(first) = acquire(&session, "Ana") else { panic!("first lock") };
    assert!(lock_path(&session).exists());
    match acquire(&session, "Ben") {
        LockOutcome::HeldBy(holder) => {
            assert_eq!(holder.user, "Ana");
            assert_eq!(holder.pid, std::process::id());
        }
        other => panic!("expected HeldBy, got {other:?}"),
    }
    drop(first);
    assert!(!lock_path(&session).exists());
    assert!(matches!(acquire(&session, "Ben"), LockOutcome::Acquired(_)));
}

#[test]
fn a_lock_left_by_a_dead_process_on_this_host_is_taken_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    let host = whoami::fallible::hostname().unwrap_or_else(|_| "this computer".to_owned());
    let stale = format!("(user: \"Crashed\", host: \"{host}\", pid: 4000000, since: \"2026-01-01T00:00:00Z\")");
    std::fs::write(lock_path(&session), stale).expect("write");
    assert!(matches!(acquire(&session, "Ana"), LockOutcome::Acquired(_)));
}

#[test]
fn opening_a_held_session_offers_read_only_and_refuses_edits_and_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("held.ron");
    save_session(&ladderboard::app::sample_session(), &path).expect("save");
    let LockOutcome::Acquired(_colleague) = acquire(&path, "Colleague") else { panic!("lock") };
    let mut h = harness();
    h.state_mut().queue(Command::File(FileCommand::Open(path.clone())));
    h.run();
    get_text_containing(&h, "is open by Colleague");
    h.get_by_role_and_label(Role::Button, "Open read-only").click();
    h.run();
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert!(h.state().read_only().is_some());
    let person = h.state().session().people[0].id.clone();
    h.state_mut().queue(Command::Edit(Edit::AddNote { person, text: "x".into() }));
    h.run();
    assert!(!h.state().session().notes.iter().any(|n| n.id == 777), "read-only refuses changes");
    get_text_containing(&h, "Read-only: Colleague");
    // Save as a copy works and makes the copy editable.
    let copy = dir.path().join("copy.ron");
    h.state_mut().queue(Command::File(FileCommand::SaveTo(copy.clone())));
    h.run();
    assert!(h.state().read_only().is_none());
    assert_eq!(load_session(&copy).expect("copy"), *h.state().session());
}

#[test]
fn a_session_changed_on_disk_is_not_saved_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shared.ron");
    let mut h = harness();
    h.state_mut().queue(Command::File(FileCommand::SaveTo(path.clone())));
    h.run();
    // Someone else saves a different version of the file.
    let mut theirs = ladderboard::app::sample_session();
    theirs.title = "Their version".to_owned();
    std::thread::sleep(std::time::Duration::from_millis(20));
    save_session(&theirs, &path).expect("their save");
    let person = h.state().session().people[0].id.clone();
    h.state_mut().queue(Command::Edit(Edit::AddNote { person, text: "mine".into() }));
    h.run();
    h.state_mut().queue(Command::File(FileCommand::SaveTo(path.clone())));
    h.run();
    get_text_containing(&h, "changed on disk since you opened it");
    assert_eq!(load_session(&path).expect("load").title, "Their version", "their work is intact");
    assert!(h.state().is_dirty(), "my work is still open");
}

#[test]
fn a_failed_save_keeps_the_session_and_says_why() {
    let mut h = harness();
    let before = h.state().session().clone();
    // /proc does not accept new files, even for root: a stand-in for a read-only folder.
    h.state_mut().queue(Command::File(FileCommand::SaveTo(std::path::PathBuf::from("/proc/ladderboard-test.ron"))));
    h.run();
    get_text_containing(&h, "could not write");
    get_text_containing(&h, "Your changes are still open");
    assert_eq!(*h.state().session(), before);
    assert!(h.state().path().is_none());
}

/// The lock file as a crashed Ladderboard left it: naming `pid` on this host.
fn left_by(session: &std::path::Path, pid: u32) {
    let host = whoami::fallible::hostname().unwrap_or_else(|_| "this computer".to_owned());
    let info = format!("(user: \"Crashed\", host: \"{host}\", pid: {pid}, since: \"2026-01-01T00:00:00Z\")");
    std::fs::write(lock_path(session), info).expect("write");
}

#[test]
fn a_lock_whose_pid_now_names_another_program_is_taken_over() {
    // After a reboot the crashed holder's pid belongs to some other program (here: pid 1, init,
    // which is alive). No process holds the OS lock, so the lock is stale.
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    left_by(&session, 1);
    let LockOutcome::Acquired(lock) = acquire(&session, "Ana") else { panic!("taken over") };
    let text = std::fs::read_to_string(lock_path(&session)).expect("lock file");
    assert!(text.contains("\"Ana\"") && !text.contains("Crashed"), "the lock file names the new holder: {text}");
    drop(lock);
}

#[test]
fn a_lock_held_by_a_killed_but_unreaped_process_is_taken_over_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    std::fs::write(lock_path(&session), "").expect("create");
    // Another process holds the OS lock, as a running Ladderboard does (`flock` from util-linux
    // takes the same kind of lock as `File::try_lock`).
    let mut holder =
        std::process::Command::new("flock").arg(lock_path(&session)).args(["sleep", "60"]).spawn().expect("flock runs");
    // Wait (with a bare OS lock attempt, which changes nothing) until flock holds the lock.
    let start = std::time::Instant::now();
    loop {
        let probe = std::fs::File::open(lock_path(&session)).expect("open");
        match probe.try_lock() {
            Ok(()) => probe.unlock().expect("unlock"),
            Err(_) => break,
        }
        assert!(start.elapsed().as_secs() < 10, "flock never took the lock");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    left_by(&session, holder.id());
    match acquire(&session, "Ana") {
        LockOutcome::HeldBy(info) => assert_eq!((info.user.as_str(), info.pid), ("Crashed", holder.id())),
        other => panic!("a live holder keeps its lock, got {other:?}"),
    }
    // Killed, and not yet reaped: its pid still shows in /proc, but the kernel released its lock
    // (the `sleep` it started holds the same open file, so it is killed as well).
    let sleeper =
        std::fs::read_to_string(format!("/proc/{}/task/{}/children", holder.id(), holder.id())).unwrap_or_default();
    holder.kill().expect("kill");
    for pid in sleeper.split_whitespace() {
        // The shell's own `kill`: a bare system may have no `kill` program.
        let _ = std::process::Command::new("sh").args(["-c", &format!("kill -9 {pid}")]).status();
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(std::path::Path::new(&format!("/proc/{}", holder.id())).exists(), "the pid lingers");
    let start = std::time::Instant::now();
    let taken = loop {
        match acquire(&session, "Ana") {
            LockOutcome::Acquired(lock) => break lock,
            _ if start.elapsed().as_secs() < 10 => std::thread::sleep(std::time::Duration::from_millis(20)),
            other => panic!("the dead holder's lock was not taken over: {other:?}"),
        }
    };
    drop(taken);
    let _ = holder.wait();
}

#[test]
fn looking_up_the_holder_never_takes_or_leaves_a_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    assert!(ladderboard::io::session::lock::holder(&session).is_none());
    assert!(!lock_path(&session).exists(), "no lock file is made by looking");
    let LockOutcome::Acquired(held) = acquire(&session, "Ana") else { panic!("lock") };
    assert_eq!(ladderboard::io::session::lock::holder(&session).map(|h| h.user), Some("Ana".to_owned()));
    assert!(matches!(acquire(&session, "Ben"), LockOutcome::HeldBy(_)), "looking did not release it");
    drop(held);
}

#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_is_never_followed_or_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    save_session(&ladderboard::app::sample_session(), &session).expect("save");
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, "keep me").expect("write");
    std::os::unix::fs::symlink(&target, dir.path().join(".s.ron.lock")).expect("link");
    match acquire(&session, "Mallory") {
        LockOutcome::Unavailable(why) => {
            assert!(why.contains("not a plain file") && why.contains(".s.ron.lock"), "{why}");
        }
        LockOutcome::Acquired(_) | LockOutcome::HeldBy(_) => panic!("a link was taken as the lock"),
    }
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "keep me");
}

#[cfg(unix)]
#[test]
fn a_lock_file_is_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    let LockOutcome::Acquired(_lock) = acquire(&session, "Ines") else { panic!("locked") };
    let mode = std::fs::metadata(dir.path().join(".s.ron.lock")).expect("lock").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}
