//! A lock file beside an open session, so a second Ladderboard (or a colleague on a shared drive)
//! is told who has it open instead of both saving over each other.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Who holds a session open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: Timestamp,
}

impl std::fmt::Display for LockInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} on {} since {}", self.user, self.host, self.since.strftime("%Y-%m-%d %H:%M"))
    }
}

/// A held lock; dropping it removes the lock file.
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What trying to lock a session gave.
#[derive(Debug)]
pub enum LockOutcome {
    Acquired(SessionLock),
    /// Someone else (another process, maybe another machine) has it open.
    HeldBy(LockInfo),
    /// No lock could be made (e.g. a read-only folder); the session can still be read.
    Unavailable(String),
}

/// `.name.ron.lock` beside `session`.
#[must_use]
pub fn lock_path(session: &Path) -> PathBuf {
    let name = session.file_name().map_or_else(|| "session".into(), |n| n.to_string_lossy().into_owned());
    session.with_file_name(format!(".{name}.lock"))
}

/// Takes the lock for `session` as `user`, replacing a stale lock left by a crashed process on this host.
#[must_use]
pub fn acquire(session: &Path, user: &str) -> LockOutcome {
    let path = lock_path(session);
    let me = LockInfo { user: user.to_owned(), host: host_name(), pid: std::process::id(), since: Timestamp::now() };
    for _attempt in 0..2 {
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                let text = ron::to_string(&me).unwrap_or_default();
                let _ = file.write_all(text.as_bytes()).and_then(|()| file.sync_all());
                return LockOutcome::Acquired(SessionLock { path });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = std::fs::read_to_string(&path).ok().and_then(|t| ron::from_str::<LockInfo>(&t).ok());
                match holder {
                    Some(info) if !is_stale(&info) => return LockOutcome::HeldBy(info),
                    // A crashed process on this host, or an unreadable lock: take it over.
                    _ => {
                        let _ = std::fs::remove_file(&path);
                    }
                }
            }
            Err(e) => return LockOutcome::Unavailable(crate::io::error::explain_io(&e)),
        }
    }
    LockOutcome::Unavailable("the lock file keeps reappearing".to_owned())
}

/// A lock from this host whose process is gone. Locks from other hosts are never presumed stale.
fn is_stale(info: &LockInfo) -> bool {
    if info.host != host_name() {
        return false;
    }
    if info.pid == std::process::id() {
        return false;
    }
    !process_alive(info.pid)
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true // without a cheap check, assume the holder is alive and let the user choose read-only
    }
}

fn host_name() -> String {
    whoami::fallible::hostname().unwrap_or_else(|_| "this computer".to_owned())
}
