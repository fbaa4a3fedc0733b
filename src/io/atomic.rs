//! Atomic, private writes: a temp file in the same folder, fsync, rename, fsync the folder.
//! A crash leaves either the old file or the new one, never half of one.

use super::error::FileError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically. On unix the file is readable by its owner only (0600),
/// because calibration data is sensitive.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomic_pieces(path, &[bytes])
}

/// `write_atomic` of `pieces` one after the other, as if they were one text.
pub fn write_atomic_pieces(path: &Path, pieces: &[impl AsRef<[u8]>]) -> Result<(), FileError> {
    let fail = |source| FileError::Write { path: path.to_path_buf(), source };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_abandoned_temp_files(folder);
    // tempfile creates the file with mode 0600 on unix, before any byte is written.
    let mut temp = tempfile::Builder::new().prefix(".ladderboard-").suffix(".tmp").tempfile_in(folder).map_err(fail)?;
    for piece in pieces {
        temp.write_all(piece.as_ref()).map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// A save that is killed (`kill -9`, a power cut) leaves its temp file: a whole copy of the
/// session. The next write into the folder removes every such file older than an hour (no save
/// takes that long, so none still being written is touched).
fn remove_abandoned_temp_files(folder: &Path) {
    remove_temp_files_older_than(folder, std::time::Duration::from_hours(1));
}

/// At the window's start, the folders of the session it opens, of the recent sessions and of the
/// recovery copies lose every temp copy a killed save left there more than a minute ago (the
/// largest session saves in about a second).
pub fn remove_temp_files_left_by_killed_saves(folders: impl IntoIterator<Item = impl AsRef<Path>>) {
    let mut seen = std::collections::HashSet::new();
    for folder in folders {
        let folder = folder.as_ref();
        if seen.insert(folder.to_path_buf()) {
            remove_temp_files_older_than(folder, std::time::Duration::from_mins(1));
        }
    }
}

fn remove_temp_files_older_than(folder: &Path, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(".ladderboard-") && name.ends_with(".tmp");
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|elapsed| elapsed > age);
        if ours && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Creates `dir` if needed and makes it owner-only (0700), so that files a library writes into it
/// with the default mode cannot be read by other users. Best effort: a failure leaves it as it was.
pub fn make_private_folder(dir: &Path) {
    let _ = std::fs::create_dir_all(dir);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
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

#[cfg(test)]
mod tests {
    use super::write_atomic;

    #[test]
    fn a_killed_saves_temp_file_is_removed_by_the_next_write_and_a_fresh_one_is_not() {
        let dir = tempfile::tempdir().expect("dir");
        let abandoned = dir.path().join(".ladderboard-abc123.tmp");
        let fresh = dir.path().join(".ladderboard-def456.tmp");
        std::fs::write(&abandoned, "a whole copy of the session").expect("write");
        std::fs::write(&fresh, "being written").expect("write");
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(2);
        std::fs::File::options().write(true).open(&abandoned).expect("open").set_modified(two_hours_ago).expect("age");
        write_atomic(&dir.path().join("s.ron"), b"(format_version: 5)").expect("saved");
        assert!(!abandoned.exists(), "the abandoned copy is removed");
        assert!(fresh.exists(), "a save still under way is left alone");
    }

    #[cfg(unix)]
    #[test]
    fn the_windows_start_removes_what_killed_saves_left_in_its_folders() {
        let dir = tempfile::tempdir().expect("dir");
        let abandoned = dir.path().join(".ladderboard-def456.tmp");
        let fresh = dir.path().join(".ladderboard-ghi789.tmp");
        let theirs = dir.path().join("notes.tmp");
        for file in [&abandoned, &fresh, &theirs] {
            std::fs::write(file, "x").expect("write");
        }
        let five_minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_mins(5);
        for file in [&abandoned, &theirs] {
            std::fs::File::options().write(true).open(file).expect("open").set_modified(five_minutes_ago).expect("age");
        }
        super::remove_temp_files_left_by_killed_saves([dir.path(), dir.path()]);
        assert!(!abandoned.exists(), "a killed save's copy from minutes ago is removed");
        assert!(fresh.exists(), "one written just now may be a save in progress");
        assert!(theirs.exists(), "only Ladderboard's own temp files are touched");
    }

    #[test]
    fn a_settings_folder_is_made_owner_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("dir");
        let settings = dir.path().join("ladderboard");
        std::fs::create_dir(&settings).expect("dir");
        std::fs::set_permissions(&settings, std::fs::Permissions::from_mode(0o755)).expect("open");
        super::make_private_folder(&settings);
        let mode = std::fs::metadata(&settings).expect("dir").permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
