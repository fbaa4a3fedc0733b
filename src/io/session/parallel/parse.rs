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
struct Found {
    part: Part,
    long: Option<Vec<LongText>>,
    /// Checks of a split found from lines: for the head, where its list fields open (field index,
    /// offset in the head's text); for a chunk, whether its last item ends where the chunk does.
    check: Check,
}

enum Check {
    Lists(Vec<(usize, usize)>),
    EndsAtCut(bool),
    /// Read by `ron`, which says nothing of where things are.
    Unknown,
}

/// What a job's piece is.
enum Part {
    Head(Box<Session>),
    People(Vec<Person>),
    Evidence(Vec<Evidence>),
    Notes(Vec<Note>),
    Audit(Vec<AuditEvent>),
}

/// How the lists were found: by the exact scan, or from their lines (to be checked).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Split {
    Exact,
    ByLines,
}

/// The parse on `threads` threads whatever the text's size; `None` when the text cannot be split
/// or any piece fails to parse.
#[must_use]
pub fn parse_in_parallel(text: &str, threads: usize) -> Option<(Session, Option<Vec<LongText>>)> {
    let chunk_bytes = (text.len() / (threads * CHUNKS_PER_THREAD)).max(MIN_CHUNK_BYTES);
    if let Some(lists) = super::lines::lists_by_lines(text, &LISTS, chunk_bytes)
        && let Some(parsed) = parse_split(text, &lists, threads, Split::ByLines)
    {
        return Some(parsed);
    }
    let lists = top_level_lists(text, &LISTS)?;
    let list_bytes: usize = lists.iter().map(|l| l.close - l.open).sum();
    let chunk_bytes = (list_bytes / (threads * CHUNKS_PER_THREAD)).max(MIN_CHUNK_BYTES);
    let lists: Vec<ListField> = lists.into_iter().map(|list| cut_every(list, chunk_bytes)).collect();
    parse_split(text, &lists, threads, Split::Exact)
}

/// `list` with only the commas it is cut at, about `chunk_bytes` apart.
fn cut_every(mut list: ListField, chunk_bytes: usize) -> ListField {
    let mut from = list.open + 1;
    list.commas.retain(|&comma| {
        let cut = comma - from >= chunk_bytes;
        if cut {
            from = comma + 1;
        }
        cut
    });
    list
}

/// Parses the head and every chunk of `lists` (cut at each of their commas) on `threads`
/// threads, and puts the session together; `None` when a piece fails or, for lists found from
/// their lines, the document does not bear out where they were found.
fn parse_split(
    text: &str,
    lists: &[ListField],
    threads: usize,
    split: Split,
) -> Option<(Session, Option<Vec<LongText>>)> {
    let mut jobs = vec![Job::Head];
    for list in lists {
        jobs.extend(chunks(list).map(|(from, to)| Job::Chunk { list: list.name, from, to }));
    }
    let parts = run_jobs(&jobs, threads, |&job| parse_job(text, lists, job, split))?;
    if split == Split::ByLines && !speculation_holds(lists, &jobs, &parts) {
        return None;
    }
    assemble(parts)
}

/// Whether lists found from their lines are where the document has them: the head, read as a
/// whole, opens each of those list fields exactly where its `[` was found (so what came before
/// was read as the document, not inside a string or comment), and every chunk but a list's last
/// ends right after an item (so each cut is a comma between items). Each chunk parsed whole, so
/// no string, comment or bracket runs across a cut or past a list's close.
fn speculation_holds(lists: &[ListField], jobs: &[Job], parts: &[Found]) -> bool {
    let Some(Found { check: Check::Lists(opened), .. }) = parts.first() else { return false };
    let mut removed = 0;
    for list in lists {
        if !opened.contains(&(list.name, list.open - removed)) {
            return false;
        }
        removed += list.close - list.open - 1;
    }
    jobs.iter().zip(parts).all(|(job, found)| match (job, &found.check) {
        (Job::Head, _) => true,
        (Job::Chunk { to, .. }, Check::EndsAtCut(ends)) => *ends || lists.iter().any(|l| l.close == *to),
        (Job::Chunk { .. }, _) => false,
    })
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

/// Byte ranges covering a list's items, cut at each of its commas.
fn chunks(list: &ListField) -> impl Iterator<Item = (usize, usize)> + '_ {
    let starts = std::iter::once(list.open + 1).chain(list.commas.iter().map(|&comma| comma + 1));
    let ends = list.commas.iter().copied().chain(std::iter::once(list.close));
    starts.zip(ends)
}

fn parse_job(text: &str, lists: &[ListField], job: Job, split: Split) -> Option<Found> {
    let Job::Chunk { list, from, to } = job else {
        let head = head_text(text, lists);
        if split == Split::ByLines {
            let (head, long, opened) = crate::io::session::fast_ron::from_str_with_lists::<Session>(&head).ok()?;
            let opened =
                opened.into_iter().filter_map(|(field, at)| Some((LISTS.iter().position(|&l| l == field)?, at)));
            return Some(Found {
                part: Part::Head(Box::new(head)),
                long: Some(long),
                check: Check::Lists(opened.collect()),
            });
        }
        return read(&head).map(|(head, long)| Found { part: Part::Head(Box::new(head)), long, check: Check::Unknown });
    };
    let items = &text[from..to];
    let (part, long, check) = match list {
        0 => read_items(items, split).map(|(items, long, check)| (Part::People(items), long, check)),
        1 => read_items(items, split).map(|(items, long, check)| (Part::Evidence(items), long, check)),
        2 => read_items(items, split).map(|(items, long, check)| (Part::Notes(items), long, check)),
        _ => read_items(items, split).map(|(items, long, check)| (Part::Audit(items), long, check)),
    }?;
    Some(Found { part, long, check })
}

/// A run of a list's items: read in place, or by `ron` as a list of its own (not for a split
/// found from lines, whose checks need the fast reader's account of where the last item ends).
fn read_items<T: serde::de::DeserializeOwned>(
    items: &str,
    split: Split,
) -> Option<(Vec<T>, Option<Vec<LongText>>, Check)> {
    match crate::io::session::fast_ron::items_from_str(items) {
        Ok(read) => Some((read.items, Some(read.long), Check::EndsAtCut(read.last_item_end == items.len()))),
        Err(_) if split == Split::Exact => {
            ron::from_str(&format!("[{items}]")).ok().map(|list| (list, None, Check::Unknown))
        }
        Err(_) => None,
    }
}

/// The session from its head and its lists' chunks, in file order, and the long texts found
/// (`None` if any piece was read by `ron`).
fn assemble(parts: Vec<Found>) -> Option<(Session, Option<Vec<LongText>>)> {
    let mut parts = parts.into_iter();
    let Some(Found { part: Part::Head(session), long: head_long, .. }) = parts.next() else { return None };
    let mut session = *session;
    // Each list is made once at its full length rather than grown chunk by chunk.
    let mut lengths = [0; LISTS.len()];
    for found in parts.as_slice() {
        match &found.part {
            Part::Head(_) => {}
            Part::People(items) => lengths[0] += items.len(),
            Part::Evidence(items) => lengths[1] += items.len(),
            Part::Notes(items) => lengths[2] += items.len(),
            Part::Audit(items) => lengths[3] += items.len(),
        }
    }
    session.people.reserve_exact(lengths[0]);
    session.evidence.reserve_exact(lengths[1]);
    session.notes.reserve_exact(lengths[2]);
    session.audit.reserve_exact(lengths[3]);
    let mut long = head_long;
    for Found { part, long: found, .. } in parts {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A file Ladderboard wrote is split from its lines (the exact scan is only the fallback), and
    /// reads as the one-piece reader reads it.
    #[test]
    fn a_file_ladderboard_wrote_is_split_from_its_lines() {
        let session = crate::fixtures::large_session(1_000);
        let text = crate::io::session::session_to_string(&session).expect("writes");
        let lists = super::super::lines::lists_by_lines(&text, &LISTS, MIN_CHUNK_BYTES).expect("found");
        assert_eq!(lists.len(), 3, "people, notes and the trail (no evidence)");
        let (read, long) = parse_split(&text, &lists, 2, Split::ByLines).expect("the split holds");
        assert!(read == ron::from_str::<Session>(&text).expect("ron reads it"));
        assert_eq!(long.map(|l| l.len()), Some(0));
    }
}
