//! Session files: pretty RON with a stable field order and a `format_version`, written atomically.

use crate::io::atomic::write_atomic_pieces;
use crate::io::error::{FileError, Problem};
use crate::io::ladder_ron::ron_problem;
use crate::model::validate::session_problems;
use crate::model::{CURRENT_FORMAT_VERSION, Session};
use std::path::Path;

/// The `format_version` of a session file, read from the text before the whole file is parsed, so
/// a file from a newer Ladderboard is refused with a clear message rather than a parse error.
/// Ladderboard writes it first; a hand-edited file may have it anywhere at the top level.
fn probe_format_version(text: &str) -> Option<u32> {
    // The document's own field: comments before it (`// format_version: 1`) do not count.
    let mut rest = text.trim_start();
    loop {
        if let Some(line) = rest.strip_prefix("//") {
            rest = line.split_once('\n').map_or("", |(_, after)| after).trim_start();
        } else if let Some(block) = rest.strip_prefix("/*") {
            rest = block.split_once("*/").map_or("", |(_, after)| after).trim_start();
        } else {
            break;
        }
    }
    let text = rest.strip_prefix('(').unwrap_or(rest);
    let text = text.trim_start();
    let at = if text.starts_with("format_version") { 0 } else { text.find("format_version")? };
    let rest = text[at + "format_version".len()..].trim_start().strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())];
    digits.parse().ok()
}

/// The pretty-printer settings every RON file Ladderboard writes uses, so diffs stay small.
#[must_use]
pub fn pretty_config() -> ron::ser::PrettyConfig {
    // Past depth 2 each record (a person, a note, an audit event, a level) stays on one line: files
    // stay readable and diff one line per change, and are several times smaller and faster to read.
    // Strings are written as-is (raw strings where quotes need it) rather than escaped char by char:
    // text stays legible and saving is about twice as fast (measured: 61 ms vs 106 ms at 10,000 people).
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        .separate_tuple_members(false)
        .depth_limit(2)
        .escape_strings(false)
}

/// Serialises a session to RON text.
pub fn session_to_string(session: &Session) -> Result<String, ron::Error> {
    super::parallel::write::session_text(session, &pretty_config()).map(|mut text| {
        text.push('\n');
        text
    })
}

/// Writes a session atomically with owner-only permissions.
pub fn save_session(session: &Session, path: &Path) -> Result<(), FileError> {
    let mut pieces = super::parallel::write::session_pieces(session, &pretty_config())
        .map_err(|e| FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    pieces.push("\n".to_owned());
    write_atomic_pieces(path, &pieces)
}

/// Reads and checks a session file.
pub fn load_session(path: &Path) -> Result<Session, FileError> {
    let bytes = std::fs::read(path).map_err(|source| FileError::Read { path: path.to_path_buf(), source })?;
    parse_session(&bytes, path)
}

/// Parses session bytes; refuses files from a newer Ladderboard and sessions that break the rules.
pub fn parse_session(bytes: &[u8], file: &Path) -> Result<Session, FileError> {
    // Some Windows editors save with a UTF-8 byte-order mark: it is not part of the document.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let problem = Problem::new(
            format!("byte {} is not valid UTF-8", e.valid_up_to() + 1),
            "session files are UTF-8 text; restore the file from a backup or a recovery copy",
        );
        FileError::invalid(file, vec![problem])
    })?;
    // memmem, not `str::contains`: these two looks cost more than a tenth of a large load.
    let has = |needle: &str| memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some();
    if has("exported_at:") && !has("audit:") {
        let problem = Problem::new(
            "this is a decision record (written by `export --ron`): a read-only record of the outcome, not a session",
            "open, validate or merge the session it was exported from",
        );
        return Err(FileError::invalid(file, vec![problem]));
    }
    let Some(version) = probe_format_version(text) else {
        let problem = Problem::new(
            "this is not a Ladderboard session: it has no `format_version: N` field",
            "open a session file (.ron) saved by Ladderboard, or import a roster CSV instead",
        );
        return Err(FileError::invalid(file, vec![problem]));
    };
    if version > CURRENT_FORMAT_VERSION {
        return Err(FileError::TooNew { path: file.to_path_buf(), found: version, supported: CURRENT_FORMAT_VERSION });
    }
    if version == 0 {
        let problem = Problem::new("format_version 0 does not exist", "restore the file from a backup");
        return Err(FileError::invalid(file, vec![problem]));
    }
    let (session, long) = super::parallel::parse::parse_session_text_checked(text)
        .map_err(|e| FileError::invalid(file, vec![ron_problem(&e, "a Ladderboard session")]))?;
    let newer = super::migrate::newer_fields(&session, version, text);
    if !newer.is_empty() {
        return Err(FileError::invalid(file, newer));
    }
    let mut session = super::migrate::migrate(session, version);
    session.reindex();
    let problems: Vec<Problem> = session_problems(&session)
        .into_iter()
        .map(|p| Problem::new(p.to_string(), "correct the session file, or restore it from a backup"))
        .collect();
    if !problems.is_empty() {
        return Err(FileError::invalid(file, problems));
    }
    let long = long_text_problems(&session, long, text);
    if !long.is_empty() {
        return Err(FileError::invalid(file, long));
    }
    session.evidence.sort_by(|a, b| (&a.person, &a.level, &a.dimension).cmp(&(&b.person, &b.level, &b.dimension)));
    Ok(session)
}

/// Texts longer than their field allows (`text_limits`), each placed on its line and column.
/// `found`: what the fast reader found as it read; `None` when `ron` read any part, and the
/// session is walked for them.
fn long_text_problems(
    session: &Session,
    found: Option<Vec<crate::model::text_limits::LongText>>,
    text: &str,
) -> Vec<Problem> {
    use crate::model::text_limits::long_texts;
    // The long lists on every core: the walk looks at every string of the session.
    let found = found.unwrap_or_else(|| {
        use rayon::prelude::*;
        let (mut found, audit) = rayon::join(
            || {
                let mut found = long_texts(&session.without_lists(), 10);
                found.extend(long_texts(&session.people, 10));
                found.extend(long_texts(&session.evidence, 10));
                found.extend(long_texts(&session.notes, 10));
                found
            },
            || session.audit.par_chunks(4096).flat_map_iter(|events| long_texts(events, 10)).collect::<Vec<_>>(),
        );
        found.extend(audit);
        found
    });
    found
        .into_iter()
        .take(10)
        .map(|long| {
            let problem = Problem::new(
                long.to_string(),
                "shorten it (names and titles hold 1 KiB, other texts 64 KiB), or restore the file from a backup",
            );
            match text.find(&long.start) {
                Some(at) => {
                    let line = text[..at].matches('\n').count() as u64 + 1;
                    let column = text[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    problem.at_line(line).in_column(column.to_string())
                }
                None => problem,
            }
        })
        .collect()
}
