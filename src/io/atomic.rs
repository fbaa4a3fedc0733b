//! Atomic, private writes: a temp file in the same folder, fsync, rename, fsync the folder.
//! A crash leaves either the old file or the new one, never half of one.

use super::error::FileError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically. On unix the file is readable by its owner only (0600),
/// because calibration data is sensitive.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let fail = |source| FileError::Write { path: path.to_path_buf(), source };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // tempfile creates the file with mode 0600 on unix, before any byte is written.
    let mut temp = tempfile::Builder::new().prefix(".ladderboard-").suffix(".tmp").tempfile_in(folder).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// Makes the rename itself durable. Best effort: some filesystems refuse to open folders.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}
