//! Gap letters: for every "not this cycle" decision, a Markdown letter for the manager's
//! conversation with the engineer, naming the target level's criteria not yet met (rated below
//! "meets" or without evidence) with the evidence that was there, and the committee's reason.

use crate::io::atomic::write_atomic;
use crate::io::error::FileError;
use crate::model::coverage::gaps;
use crate::model::{Level, Outcome, Person, Rating, Session};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The letter for `person`, when the committee decided "not this cycle" on a proposal.
#[must_use]
pub fn gap_letter(session: &Session, person: &Person) -> Option<String> {
    let decision = session.decisions.get(&person.id).filter(|d| d.outcome == Outcome::NotThisCycle)?;
    let target = &session.proposals.get(&person.id)?.target;
    // Every value from the session goes through `inert`: shown as written, never read as markup.
    let inert = super::markdown::inert;
    let title = |id| inert(&session.ladder.level(id).map_or_else(|| id.to_string(), Level::label));
    let mut out = format!(
        "# {}: {} — not this cycle\n\n{}{}\n\nProposed by {} for {}; the committee decided **not this cycle** on {}.\n\n",
        inert(&person.name),
        title(target),
        inert(&session.title),
        if session.cycle.is_empty() { String::new() } else { format!(" · {}", inert(&session.cycle)) },
        inert(&session.proposals[&person.id].proposer),
        title(target),
        decision.decided_at.strftime("%Y-%m-%d"),
    );
    let _ = write!(out, "## The committee's reason\n\n{}\n\n", inert(&decision.rationale));
    let open = gaps(session, &person.id, target);
    let _ = write!(out, "## What {} asks for that the evidence does not show yet\n\n", title(target));
    if open.is_empty() {
        out.push_str("Every criterion was rated \"meets\" or better; the reason above is what held the decision.\n");
    }
    for check in open {
        let _ =
            write!(out, "### {}\n\n**The level asks:** {}\n\n", inert(check.dimension_name), inert(check.criterion));
        match check.evidence {
            Some(e) if !e.text.is_empty() || e.rating.is_some() => {
                let rating = e.rating.map_or("not rated", Rating::label);
                let _ = write!(
                    out,
                    "**Evidence this cycle** ({rating}): {}\n\n",
                    if e.text.is_empty() { "—".to_owned() } else { inert(&e.text) }
                );
            }
            _ => out.push_str("**Evidence this cycle:** none recorded.\n\n"),
        }
    }
    out.push_str("## Next steps\n\nAgree with the engineer on work that would show these criteria before the next cycle, and record the evidence as it happens.\n");
    let _ = write!(out, "\n---\nRecord: {}\n", session.head_summary());
    Some(out)
}

/// Writes one letter per "not this cycle" decision into `dir` (created if needed), named by id and
/// name; returns the files written.
pub fn write_gap_letters(session: &Session, dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    std::fs::create_dir_all(dir).map_err(|source| FileError::Write { path: dir.to_path_buf(), source })?;
    let mut written = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for person in &session.people {
        let Some(letter) = gap_letter(session, person) else { continue };
        let path = dir.join(letter_file_name(person.id.as_str(), &person.name, &mut taken));
        write_atomic(&path, letter.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// A letter's file name: portable (letters, digits and `-` only, so no name can leave the folder),
/// cut on a character boundary to stay well under file systems' 255-byte limit, and made unique
/// with a number when two people's names come out the same (`A-B` + `C` and `A` + `B C`).
fn letter_file_name(id: &str, name: &str, taken: &mut std::collections::HashSet<String>) -> String {
    const MAX_STEM_BYTES: usize = 200;
    let safe = |text: &str| -> String {
        let mapped: String = text.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
        mapped.trim_matches('-').to_owned()
    };
    let mut stem = format!("gap-letter-{}-{}", safe(id), safe(name));
    if stem.len() > MAX_STEM_BYTES {
        let cut = (0..=MAX_STEM_BYTES).rev().find(|&i| stem.is_char_boundary(i)).unwrap_or(0);
        stem.truncate(cut);
    }
    let mut candidate = format!("{stem}.md");
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem}-{n}.md");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::letter_file_name;

    #[test]
    fn letter_names_are_unique_portable_and_short() {
        let mut taken = std::collections::HashSet::new();
        let first = letter_file_name("A-B", "C", &mut taken);
        let second = letter_file_name("A", "B C", &mut taken);
        assert_eq!(first, "gap-letter-A-B-C.md");
        assert_eq!(second, "gap-letter-A-B-C-2.md", "the same name twice gets a number");
        let long = letter_file_name("E1", &"Ł".repeat(300), &mut taken);
        assert!(long.len() <= 204 && long.rsplit_once('.').is_some_and(|(_, ext)| ext == "md"), "{}", long.len());
        let escape = letter_file_name("../../etc", "/passwd", &mut taken);
        assert!(!escape.contains('/') && !escape.contains(".."), "{escape}");
    }
}
