//! Parses a session's text on all cores. RON has no parallel parser, and a session of 10,000 people
//! is ~9 MB of text, so the long lists (people, evidence, notes, audit trail) are cut between items
//! (`ron_split`) and each chunk, and the rest of the session, is parsed as its own RON document at
//! the same time. The result is the `Session` one parse gives (tested on every fixture and on
//! generated text). On any failure the whole text is parsed once more, in one piece, so a problem
//! is reported with its true line and column.

use super::split::{ListField, top_level_lists};
use super::{cores, run_jobs};
use crate::model::text_limits::LongText;
use crate::model::{AuditEvent, Evidence, Note, Person, Session};

/// The list fields worth splitting, as named in the file.
pub(crate) const LISTS: [&str; 4] = ["people", "evidence", "notes", "audit"];
/// Below this size threads cost more than they save (a sample session is ~40 KB).
const PARALLEL_FROM_BYTES: usize = 512 * 1024;
/// Chunks per thread, so a thread that finishes early takes more of the work.
const CHUNKS_PER_THREAD: usize = 4;
const MIN_CHUNK_BYTES: usize = 16 * 1024;

/// Parses session text as `ron::from_str` would, using every core on large files.
pub fn parse_session_text(text: &str) -> Result<Session, ron::error::SpannedError> {
    parse_session_text_checked(text).map(|(session, _)| session)
}

/// `parse_session_text`, with the texts longer than their field allows when the fast reader read
/// it all (`None` when `ron` read any part: then nothing was checked on the way).
pub fn parse_session_text_checked(text: &str) -> Result<(Session, Option<Vec<LongText>>), ron::error::SpannedError> {
    let threads = cores();
    if threads > 1
        && text.len() >= PARALLEL_FROM_BYTES
        && let Some(parsed) = parse_in_parallel(text, threads)
    {
        return Ok(parsed);
    }
    match crate::io::session::fast_ron::from_str_checked(text) {
        Ok((session, long)) => Ok((session, Some(long))),
        Err(_) => ron::from_str(text).map(|session| (session, None)),
    }
}

/// One RON document: the fast reader's (`fast_ron`), or `ron`'s where it refuses (which then
/// gives the same value, or the error with its place); the long texts when the fast reader read it.
fn read<T: serde::de::DeserializeOwned>(text: &str) -> Option<(T, Option<Vec<LongText>>)> {
    match crate::io::session::fast_ron::from_str_checked(text) {
        Ok((value, long)) => Some((value, Some(long))),
        Err(_) => ron::from_str(text).ok().map(|value| (value, None)),
    }
}

/// One piece of the work: the session without its lists, or a run of one list's items (byte
/// range). Each worker copies its own piece's text, so the copying is shared out too.
#[derive(Clone, Copy)]
enum Job {
    Head,
    Chunk { list: usize, from: usize, to: usize },
}

/// What a job gives back, with the long texts found when the fast reader read it.
struct Found(Part, Option<Vec<LongText>>);

/// What a job's piece is.
enum Part {
    Head(Box<Session>),
    People(Vec<Person>),
    Evidence(Vec<Evidence>),
    Notes(Vec<Note>),
    Audit(Vec<AuditEvent>),
}

/// The parse on `threads` threads whatever the text's size; `None` when the text cannot be split
/// or any piece fails to parse.
#[must_use]
pub fn parse_in_parallel(text: &str, threads: usize) -> Option<(Session, Option<Vec<LongText>>)> {
    let lists = top_level_lists(text, &LISTS)?;
    let list_bytes: usize = lists.iter().map(|l| l.close - l.open).sum();
    let chunk_bytes = (list_bytes / (threads * CHUNKS_PER_THREAD)).max(MIN_CHUNK_BYTES);
    let mut jobs = vec![Job::Head];
    for list in &lists {
        jobs.extend(chunks(list, chunk_bytes).map(|(from, to)| Job::Chunk { list: list.name, from, to }));
    }
    let parts = run_jobs(&jobs, threads, |&job| parse_job(text, &lists, job))?;
    assemble(parts)
}

/// The session text with every split list emptied to `[]`.
fn head_text(text: &str, lists: &[ListField]) -> String {
    let mut head = String::with_capacity(text.len() - lists.iter().map(|l| l.close - l.open).sum::<usize>());
    let mut from = 0;
    for list in lists {
        head.push_str(&text[from..=list.open]);
        from = list.close;
    }
    head.push_str(&text[from..]);
    head
}

/// Byte ranges of about `chunk_bytes` covering a list's items, cut only at the commas between items.
fn chunks(list: &ListField, chunk_bytes: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = list.open + 1;
    let mut cuts = list.commas.iter().copied().filter(move |&comma| {
        let cut = comma - from >= chunk_bytes;
        if cut {
            from = comma + 1;
        }
        cut
    });
    let mut start = list.open + 1;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = cuts.next().unwrap_or_else(|| {
            done = true;
            list.close
        });
        let range = (start, end);
        start = end + 1;
        Some(range)
    })
}

fn parse_job(text: &str, lists: &[ListField], job: Job) -> Option<Found> {
    let Job::Chunk { list, from, to } = job else {
        return read(&head_text(text, lists)).map(|(head, long)| Found(Part::Head(Box::new(head)), long));
    };
    let items = &text[from..to];
    match list {
        0 => read_items(items).map(|(items, long)| Found(Part::People(items), long)),
        1 => read_items(items).map(|(items, long)| Found(Part::Evidence(items), long)),
        2 => read_items(items).map(|(items, long)| Found(Part::Notes(items), long)),
        _ => read_items(items).map(|(items, long)| Found(Part::Audit(items), long)),
    }
}

/// A run of a list's items: read in place, or by `ron` as a list of its own.
fn read_items<T: serde::de::DeserializeOwned>(items: &str) -> Option<(Vec<T>, Option<Vec<LongText>>)> {
    match crate::io::session::fast_ron::items_from_str(items) {
        Ok((list, long)) => Some((list, Some(long))),
        Err(_) => ron::from_str(&format!("[{items}]")).ok().map(|list| (list, None)),
    }
}

/// The session from its head and its lists' chunks, in file order, and the long texts found
/// (`None` if any piece was read by `ron`).
fn assemble(parts: Vec<Found>) -> Option<(Session, Option<Vec<LongText>>)> {
    let mut parts = parts.into_iter();
    let Some(Found(Part::Head(session), head_long)) = parts.next() else { return None };
    let mut session = *session;
    let mut long = head_long;
    for Found(part, found) in parts {
        long = long.zip(found).map(|(mut all, found)| {
            all.extend(found);
            all
        });
        match part {
            Part::Head(_) => return None,
            Part::People(mut people) => session.people.append(&mut people),
            Part::Evidence(mut evidence) => session.evidence.append(&mut evidence),
            Part::Notes(mut notes) => session.notes.append(&mut notes),
            Part::Audit(mut audit) => session.audit.append(&mut audit),
        }
    }
    Some((session, long))
}
