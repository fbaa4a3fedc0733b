//! A lock file beside an open session, so a second Ladderboard (or a colleague on a shared drive)
//! is told who has it open instead of both saving over each other.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
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

/// A held lock: the lock file, open and locked by the operating system. Dropping it removes the
/// file and releases the OS lock.
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
    /// Held open for the OS lock's sake: the kernel releases it when this process ends, however
    /// it ends (a crash, `kill -9`, a power cut), so the lock file's content never decides alone.
    _file: Option<File>,
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still locked, so no one can lock the old file between the two steps.
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

/// Takes the lock for `session` as `user`.
///
/// The lock is an operating-system lock on the lock file (`File::try_lock`), which the kernel
/// drops when its holder dies: a lock file whose OS lock is free was left by a process that is
/// gone, whatever its process id now names (a lingering zombie, or another program after a
/// reboot), and is taken over at once. The file's content still tells a second user who has the
/// session open. Where the file system has no OS locks, the old rule stands: a lock from this
/// host whose process is gone is stale; one from another host never is.
#[must_use]
pub fn acquire(session: &Path, user: &str) -> LockOutcome {
    let path = lock_path(session);
    let me = LockInfo { user: user.to_owned(), host: host_name(), pid: std::process::id(), since: Timestamp::now() };
    // A lock file that is a link (or a folder, a pipe …) is never followed or written through: a
    // link planted as `.NAME.ron.lock` would otherwise have its target overwritten.
    if let Ok(meta) = std::fs::symlink_metadata(&path)
        && !meta.file_type().is_file()
    {
        return LockOutcome::Unavailable(format!(
            "{} is not a plain file (a link?); Ladderboard does not follow it: remove it",
            path.display()
        ));
    }
    for _attempt in 0..3 {
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            // Owner-only, as every file Ladderboard writes.
            options.mode(0o600);
        }
        let mut file = match options.open(&path) {
            Ok(file) => file,
            Err(e) => return LockOutcome::Unavailable(crate::io::error::explain_io(&e)),
        };
        match file.try_lock() {
            Ok(()) => {
                // Locked a file another holder removed in the meantime: try again with the new one.
                if !same_file(&file, &path) {
                    continue;
                }
                if write_info(&mut file, &me).is_err() {
                    return LockOutcome::Unavailable("the lock file could not be written".to_owned());
                }
                return LockOutcome::Acquired(SessionLock { path, _file: Some(file) });
            }
            Err(TryLockError::WouldBlock) => {
                let holder = read_info(&mut file).unwrap_or_else(|| LockInfo {
                    user: "another Ladderboard".to_owned(),
                    host: String::new(),
                    pid: 0,
                    since: Timestamp::now(),
                });
                return LockOutcome::HeldBy(holder);
            }
            Err(TryLockError::Error(_)) => return acquire_without_os_lock(file, &path, &me),
        }
    }
    LockOutcome::Unavailable("the lock file keeps reappearing".to_owned())
}

/// Who holds `session` open, found without taking the lock or touching the lock file: for looking
/// (is this recovery file a running window's own?), never for opening.
#[must_use]
pub fn holder(session: &Path) -> Option<LockInfo> {
    let mut file = OpenOptions::new().read(true).open(lock_path(session)).ok()?;
    match file.try_lock_shared() {
        Ok(()) => {
            // Free: left by a process that is gone (or no OS locks here: the content decides).
            let _ = file.unlock();
            None
        }
        Err(TryLockError::WouldBlock) => Some(read_info(&mut file).unwrap_or_else(|| LockInfo {
            user: "another Ladderboard".to_owned(),
            host: String::new(),
            pid: 0,
            since: Timestamp::now(),
        })),
        Err(TryLockError::Error(_)) => read_info(&mut file).filter(|info| !is_stale(info)),
    }
}

/// A file system without OS locks (some network shares): the lock file's content decides.
fn acquire_without_os_lock(mut file: File, path: &Path, me: &LockInfo) -> LockOutcome {
    match read_info(&mut file) {
        Some(info) if !is_stale(&info) => LockOutcome::HeldBy(info),
        _ => match write_info(&mut file, me) {
            Ok(()) => LockOutcome::Acquired(SessionLock { path: path.to_path_buf(), _file: None }),
            Err(e) => LockOutcome::Unavailable(crate::io::error::explain_io(&e)),
        },
    }
}

fn read_info(file: &mut File) -> Option<LockInfo> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    ron::from_str(&text).ok()
}

fn write_info(file: &mut File, me: &LockInfo) -> std::io::Result<()> {
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(ron::to_string(me).unwrap_or_default().as_bytes())?;
    file.sync_all()
}

/// Whether the open file is still the one at `path` (not removed or replaced since it was opened).
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(open), Ok(named)) => open.ino() == named.ino() && open.dev() == named.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
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

/// Whether a process with this id runs on this computer (on systems without a cheap check: assumed).
#[must_use]
pub fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true // without a cheap check, assume the holder is alive and let the user choose read-only
    }
}

/// This computer's name, as lock files (and recovery files, to be compared with them) record it.
#[must_use]
pub fn host_name() -> String {
    whoami::fallible::hostname().unwrap_or_else(|_| "this computer".to_owned())
}
