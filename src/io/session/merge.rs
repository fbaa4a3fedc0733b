//! Reading managers' prep files and merging them (`model::merge`): each file is read and checked
//! as any session is (older formats migrated first), named in the record with the SHA-256 of its
//! bytes, and never written. The merge itself is the new session's last audit event.

use super::ron::parse_session;
use crate::io::error::{FileError, Problem};
use crate::model::merge::{MergeError, PrepFile, merge};
use crate::model::{Change, Session};
use jiff::Timestamp;
use sha2::Digest as _;
use std::path::{Path, PathBuf};

/// Who merges, when, and which file wins every disagreement it has a value in (`--prefer`).
pub struct MergeChoices<'a> {
    pub title: &'a str,
    pub actor: &'a str,
    pub at: Timestamp,
    pub prefer: Option<&'a Path>,
}

/// Merges the sessions in `paths`. Disagreements stay open in the result unless `prefer` settles
/// them (each settling an audit event); the caller decides whether open ones may be written. The
/// warnings say what the user should know (marks under one name kept apart by file).
pub fn merge_files(paths: &[PathBuf], choices: &MergeChoices<'_>) -> Result<(Session, Vec<String>), FileError> {
    let Some(first) = paths.first() else {
        let problem = Problem::new("no prep files to merge", "name two or more session files (.ron) to merge");
        return Err(FileError::invalid(Path::new("merge"), vec![problem]));
    };
    let mut loaded = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(path).map_err(|source| FileError::Read { path: path.clone(), source })?;
        let session = parse_session(&bytes, path)?;
        let sha256 = hex::encode(sha2::Sha256::digest(&bytes));
        loaded.push((display_name(path), sha256, session));
    }
    let files: Vec<PrepFile<'_>> = loaded
        .iter()
        .map(|(name, sha256, session)| PrepFile { name: name.clone(), sha256: sha256.clone(), session })
        .collect();
    let merged = merge(&files, choices.title).map_err(|e| {
        let file = match &e {
            MergeError::DifferentLadder { file, .. }
            | MergeError::BrokenTrail { file, .. }
            | MergeError::ChangedOutside { file, .. } => {
                paths.iter().find(|p| display_name(p) == *file).cloned().unwrap_or_else(|| first.clone())
            }
            MergeError::NoFiles => first.clone(),
        };
        FileError::invalid(
            &file,
            vec![Problem::new(e.to_string(), "merge prep files made with the same ladder by Ladderboard")],
        )
    })?;
    let (mut session, warnings) = (merged.session, merged.warnings);
    if let Some(prefer) = choices.prefer {
        let name = display_name(prefer);
        let settle: Vec<(u64, usize)> = session
            .conflicts
            .iter()
            .filter_map(|c| Some((c.id, c.options.iter().position(|o| o.source.split(", ").any(|s| s == name))?)))
            .collect();
        for (conflict, chosen) in settle {
            session
                .apply(Change::Settle { conflict, chosen }, choices.actor, choices.at)
                .map_err(|e| refused(first, &e))?;
        }
    }
    let conflicts = session.conflicts.len();
    session
        .apply(Change::Merge { files: merged.files, conflicts }, choices.actor, choices.at)
        .map_err(|e| refused(first, &e))?;
    // The merged state is what the trail checks from here on.
    session.seal_baseline("merge of prep files", choices.actor, choices.at);
    Ok((session, warnings))
}

/// A rule the merged session broke (none should): said, never dropped.
fn refused(file: &Path, error: &crate::model::RuleError) -> FileError {
    FileError::invalid(file, vec![Problem::new(format!("the merge could not be recorded: {error}"), "report this")])
}

/// A file as the record names it: its file name (two managers' files rarely share one).
fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Each open conflict as a problem naming the person, what, and every value with its file.
#[must_use]
pub fn conflict_problems(session: &Session) -> Vec<Problem> {
    session
        .conflicts
        .iter()
        .map(|c| {
            let name = session.person(&c.person).map_or("", |p| p.name.as_str());
            let others: Vec<_> = c.options.iter().map(|o| &o.value).collect();
            let values: Vec<String> =
                c.options.iter().map(|o| format!("{}: {}", o.source, o.value.describe(&others))).collect();
            Problem::new(
                format!(
                    "{} {name}: the files disagree about the {} — {}",
                    c.person,
                    c.subject.label(),
                    values.join(" | ")
                ),
                "settle it in the window after merging with --keep-open, or pass --prefer FILE",
            )
        })
        .collect()
}
