//! Recovery files: the autosaved copy of a session with unsaved changes, kept in the platform's
//! data folder (not beside the session), keyed by the session's path, written atomically and 0600.

use super::ron::pretty_config;
use crate::io::atomic::write_atomic;
use crate::io::error::FileError;
use crate::model::Session;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Environment variable that moves Ladderboard's data folder (recovery files), e.g. for tests.
pub const DATA_DIR_ENV: &str = "LADDERBOARD_DATA_DIR";

/// What a recovery file holds. Read as it is; written with the session borrowed or shared
/// (`Recovery<&Session>`), so autosave writes a snapshot without copying it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery<S = Session> {
    /// The session file these changes belong to; `None` for a session never saved.
    pub session_path: Option<PathBuf>,
    pub written_at: Timestamp,
    /// Audit events in the recovered session that the saved file does not have.
    pub unsaved_changes: usize,
    /// Summary of the newest change, for the restore prompt.
    pub last_change: String,
    /// The process that wrote it (0 in files from before this was recorded): a window still
    /// running with the session open is that process, and its autosave is not offered elsewhere.
    #[serde(default)]
    pub pid: u32,
    #[serde(default)]
    pub host: String,
    pub session: S,
}

/// The folder recovery files live in: `$LADDERBOARD_DATA_DIR/recovery`, else the platform data dir
/// (`~/.local/share/ladderboard/recovery` on Linux).
#[must_use]
pub fn recovery_dir() -> Option<PathBuf> {
    let base = match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("", "", "ladderboard")?.data_dir().to_path_buf(),
    };
    Some(base.join("recovery"))
}

/// The recovery file in `dir` for a session path (or for the unsaved session).
#[must_use]
pub fn recovery_path(dir: &Path, session_path: Option<&Path>) -> PathBuf {
    use sha2::Digest as _;
    let name = match session_path {
        Some(path) => {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            let digest = sha2::Sha256::digest(absolute.to_string_lossy().as_bytes());
            format!("{}.ron", &hex::encode(digest)[..16])
        }
        None => "unsaved.ron".to_owned(),
    };
    dir.join(name)
}

/// Writes a recovery file atomically, creating the folder (0700 on unix) if needed.
pub fn write_recovery<S: Serialize>(path: &Path, recovery: &Recovery<S>) -> Result<(), FileError> {
    if let Some(folder) = path.parent() {
        create_private_dir(folder).map_err(|source| FileError::Write { path: folder.to_path_buf(), source })?;
    }
    let text = ron::ser::to_string_pretty(recovery, pretty_config())
        .map_err(|e| FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    write_atomic(path, text.as_bytes())
}

/// Reads a recovery file; a damaged one is an error the caller reports and may delete.
pub fn read_recovery(path: &Path) -> Result<Recovery, FileError> {
    let text = std::fs::read_to_string(path).map_err(|source| FileError::Read { path: path.to_path_buf(), source })?;
    let mut recovery: Recovery = ron::from_str(&text)
        .map_err(|e| FileError::invalid(path, vec![crate::io::ladder_ron::ron_problem(&e, "a recovery file")]))?;
    recovery.session.reindex();
    Ok(recovery)
}

/// The recovery file for `session_path` if it exists and is newer than the session file.
#[must_use]
pub fn pending_recovery(dir: &Path, session_path: Option<&Path>) -> Option<PathBuf> {
    let recovery = recovery_path(dir, session_path);
    let recovered_at = std::fs::metadata(&recovery).and_then(|m| m.modified()).ok()?;
    let newer = match session_path.map(std::fs::metadata) {
        Some(Ok(meta)) => meta.modified().is_ok_and(|saved| recovered_at > saved),
        _ => true,
    };
    newer.then_some(recovery)
}

/// Every recovery file in `dir`, oldest name first; none when the folder does not exist.
#[must_use]
pub fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
        .collect();
    files.sort();
    files
}

/// The recent-files list beside the recovery folder (`recent.ron` in the data folder): written
/// each time a session opens, so a crash does not lose it.
#[must_use]
pub fn recent_files_path(recovery_dir: &Path) -> PathBuf {
    recovery_dir.parent().unwrap_or(recovery_dir).join("recent.ron")
}

/// Writes the recent-files list atomically.
pub fn write_recent_files(path: &Path, recent: &[PathBuf]) -> Result<(), FileError> {
    if let Some(folder) = path.parent() {
        create_private_dir(folder).map_err(|source| FileError::Write { path: folder.to_path_buf(), source })?;
    }
    let text = ron::to_string(recent)
        .map_err(|e| FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    write_atomic(path, text.as_bytes())
}

/// The recent-files list, or none when it is missing or unreadable.
#[must_use]
pub fn read_recent_files(path: &Path) -> Vec<PathBuf> {
    std::fs::read_to_string(path).ok().and_then(|text| ron::from_str(&text).ok()).unwrap_or_default()
}

/// Removes a recovery file; missing is fine.
pub fn discard_recovery(path: &Path) {
    let _ = std::fs::remove_file(path);
}

fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(folder)
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(folder)
}
