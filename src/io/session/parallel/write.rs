//! Writes a session's text on all cores. The session without its long lists is written first, and
//! the lists' items (people, evidence, notes, audit events) are written in chunks at the same time,
//! each item exactly as the one-piece writer prints it inside its list (one line, at depth 2). The
//! text is byte for byte what `ron::ser::to_string_pretty` gives (tested), so files and their
//! diffs do not depend on the number of cores.

use super::parse::LISTS;
use super::split::top_level_lists;
use super::{cores, run_jobs};
use crate::model::Session;
use crate::model::ron_text::push_ron_line;
use ron::ser::PrettyConfig;
use serde::Serialize;

/// Below this many list items threads cost more than they save.
const PARALLEL_FROM_ITEMS: usize = 4_000;
/// Chunks per thread, so a thread that finishes early takes more of the work.
const CHUNKS_PER_THREAD: usize = 4;
const MIN_CHUNK_ITEMS: usize = 64;

/// The session as pretty RON under `config`, which must keep each list item on one line
/// (`depth_limit(2)`, as `session_ron::pretty_config` does).
pub fn session_text(session: &Session, config: &PrettyConfig) -> Result<String, ron::Error> {
    session_pieces(session, config).map(|pieces| pieces.concat())
}

/// `session_text` in pieces that follow one another (the head's parts between the lists' items),
/// so a save writes them to the file one after the other instead of copying them into one text
/// first (at 100,000 people that copy was 84 MB of fresh memory).
pub fn session_pieces(session: &Session, config: &PrettyConfig) -> Result<Vec<String>, ron::Error> {
    let threads = if list_lengths(session).iter().sum::<usize>() < PARALLEL_FROM_ITEMS { 1 } else { cores() };
    session_pieces_on(session, config, threads)
}

/// `session_text` on `threads` threads whatever the session's size (tests compare it with the
/// one-piece writer on small sessions too).
pub fn session_text_on(session: &Session, config: &PrettyConfig, threads: usize) -> Result<String, ron::Error> {
    session_pieces_on(session, config, threads).map(|pieces| pieces.concat())
}

fn session_pieces_on(session: &Session, config: &PrettyConfig, threads: usize) -> Result<Vec<String>, ron::Error> {
    if config.depth_limit != 2 {
        return ron::ser::to_string_pretty(session, config.clone()).map(|text| vec![text]);
    }
    let head = ron::ser::to_string_pretty(&session.without_lists(), config.clone())?;
    let Some(lists) = top_level_lists(&head, &LISTS) else {
        return ron::ser::to_string_pretty(session, config.clone()).map(|text| vec![text]);
    };
    let lengths = list_lengths(session);
    let chunk = (lengths.iter().sum::<usize>() / (threads * CHUNKS_PER_THREAD)).max(MIN_CHUNK_ITEMS);
    // (list, first item, end) per job, in file order, and how many jobs each list has.
    let mut jobs: Vec<(usize, usize, usize)> = Vec::new();
    let mut jobs_per_list = [0; LISTS.len()];
    for list in &lists {
        let len = lengths[list.name];
        jobs.extend((0..len).step_by(chunk).map(|from| (list.name, from, (from + chunk).min(len))));
        jobs_per_list[list.name] = len.div_ceil(chunk);
    }
    let indent = config.indentor.repeat(2);
    let render = |&(name, from, to): &(usize, usize, usize)| match name {
        0 => items_text(&session.people[from..to], &indent, config),
        1 => items_text(&session.evidence[from..to], &indent, config),
        2 => items_text(&session.notes[from..to], &indent, config),
        _ => items_text(&session.audit[from..to], &indent, config),
    };
    let Some(chunks) = run_jobs(&jobs, threads, |job| render(job).ok()) else {
        return ron::ser::to_string_pretty(session, config.clone()).map(|text| vec![text]);
    };
    let mut pieces = Vec::with_capacity(chunks.len() + 2 * lists.len() + 1);
    let mut chunks = chunks.into_iter();
    let mut from = 0;
    let mut between = String::new();
    for list in lists.iter().filter(|list| lengths[list.name] > 0) {
        between.push_str(&head[from..=list.open]);
        between.push_str(&config.new_line);
        pieces.push(std::mem::take(&mut between));
        pieces.extend(chunks.by_ref().take(jobs_per_list[list.name]));
        between.push_str(&config.indentor);
        from = list.close;
    }
    between.push_str(&head[from..]);
    pieces.push(between);
    Ok(pieces)
}

/// Whether `config` writes an item's line as `push_ron_line` does.
fn writes_lines_as(config: &PrettyConfig) -> bool {
    let reference = crate::io::session::pretty_config();
    !config.struct_names
        && !config.escape_strings
        && config.separator == reference.separator
        && config.extensions == reference.extensions
        && !config.number_suffixes
        && !config.compact_ranges
}

/// How many items each list in `LISTS` holds, in that order.
fn list_lengths(session: &Session) -> [usize; LISTS.len()] {
    [session.people.len(), session.evidence.len(), session.notes.len(), session.audit.len()]
}

/// Items as they stand inside a list at depth 2: indented, one per line, each followed by a comma.
/// Each line is written by `push_ron_line` (several times faster), or by `ron` for an item it
/// leaves to `ron`, or when `config` is not the one it writes.
fn items_text<T: Serialize>(items: &[T], indent: &str, config: &PrettyConfig) -> Result<String, ron::Error> {
    let mut text = String::with_capacity(items.len() * 256);
    let item_config = config.clone().depth_limit(0);
    let fast = writes_lines_as(config);
    for item in items {
        text.push_str(indent);
        if !(fast && push_ron_line(&mut text, item)) {
            ron::ser::to_writer_pretty(&mut text, item, item_config.clone())?;
        }
        text.push(',');
        text.push_str(&config.new_line);
    }
    Ok(text)
}
