//! The file a document is saved to: its path, the lock this window holds on it (or who holds it
//! instead, when it is open read-only) and its size and time on disk when last read or written,
//! to notice when someone else saved it.

use crate::io::session::lock::{LockInfo, SessionLock};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Modification time and size of a file.
pub type DiskStamp = (SystemTime, u64);

/// An open session file.
#[derive(Debug)]
pub struct OpenFile {
    /// Absolute, so recovery names, recent files and the lock do not depend on the start folder.
    pub path: PathBuf,
    /// The lock on the file, released when dropped.
    pub lock: Option<SessionLock>,
    /// Set when the file is held by someone else: edits and Save are refused; Save as works.
    pub read_only: Option<LockInfo>,
    pub disk_stamp: Option<DiskStamp>,
}

impl OpenFile {
    /// `path` as it is on disk now, not yet locked.
    #[must_use]
    pub fn new(path: &Path) -> Self {
        OpenFile { path: absolute(path), lock: None, read_only: None, disk_stamp: disk_stamp(path) }
    }

    /// `path`, locked by this window.
    #[must_use]
    pub fn locked(path: &Path, lock: Option<SessionLock>) -> Self {
        OpenFile { lock, ..OpenFile::new(path) }
    }
}

/// Modification time and size of a file, to notice when someone else saved it.
#[must_use]
pub fn disk_stamp(path: &Path) -> Option<DiskStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// `path` made absolute against the current folder (as given when that fails).
#[must_use]
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
