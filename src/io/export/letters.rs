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
    let title = |id| session.ladder.level(id).map_or_else(|| id.to_string(), Level::label);
    let mut out = format!(
        "# {}: {} — not this cycle\n\n{}{}\n\nProposed by {} for {}; the committee decided **not this cycle** on {}.\n\n",
        person.name,
        title(target),
        session.title,
        if session.cycle.is_empty() { String::new() } else { format!(" · {}", session.cycle) },
        session.proposals[&person.id].proposer,
        title(target),
        decision.decided_at.strftime("%Y-%m-%d"),
    );
    let _ = write!(out, "## The committee's reason\n\n{}\n\n", decision.rationale);
    let open = gaps(session, &person.id, target);
    let _ = write!(out, "## What {} asks for that the evidence does not show yet\n\n", title(target));
    if open.is_empty() {
        out.push_str("Every criterion was rated \"meets\" or better; the reason above is what held the decision.\n");
    }
    for check in open {
        let _ = write!(out, "### {}\n\n**The level asks:** {}\n\n", check.dimension_name, check.criterion);
        match check.evidence {
            Some(e) if !e.text.is_empty() || e.rating.is_some() => {
                let rating = e.rating.map_or("not rated", Rating::label);
                let _ = write!(
                    out,
                    "**Evidence this cycle** ({rating}): {}\n\n",
                    if e.text.is_empty() { "—" } else { &e.text }
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
    for person in &session.people {
        let Some(letter) = gap_letter(session, person) else { continue };
        let safe = |text: &str| -> String {
            text.chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .trim_matches('-')
                .to_owned()
        };
        let path = dir.join(format!("gap-letter-{}-{}.md", safe(person.id.as_str()), safe(&person.name)));
        write_atomic(&path, letter.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
