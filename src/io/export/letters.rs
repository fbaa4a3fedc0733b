//! Letters: one Markdown letter per decided person, for the manager's conversation with the
//! engineer, from the chair's template for the outcome (kept in the session, `Meeting::letters`)
//! or the default. A template is Markdown with named placeholders (`PLACEHOLDERS`); each value is
//! the session's text made inert, and the rationale's paragraphs marked "Internal:" never reach a
//! letter. The criteria met are named as well as those not yet met, each with its evidence.

use crate::io::atomic::write_atomic;
use crate::io::error::FileError;
use crate::model::coverage::criteria_checks;
use crate::model::{Decision, Level, LevelId, Outcome, Person, Rating, Session};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Every placeholder a template may use, with what it becomes.
pub const PLACEHOLDERS: [(&str, &str); 16] = [
    ("name", "the person's name"),
    ("first_name", "the first word of the name"),
    ("manager", "their manager"),
    ("outcome", "the decision: promote, hold, level adjust, not this cycle"),
    ("current_level", "the level held before, with its title"),
    ("new_level", "the level after the decision, with its title (the current one when it stays)"),
    ("new_title", "the new level's title alone"),
    ("target_level", "the level the criteria are read against: the new one, else the one proposed"),
    ("effective_date", "when a level change takes effect"),
    ("decided_on", "the day of the decision"),
    ("rationale", "the committee's rationale, without its \"Internal:\" paragraphs"),
    ("reasons", "the reason codes, comma-separated"),
    ("criteria_met", "the target level's criteria met, with the evidence"),
    ("criteria_not_met", "the target level's criteria not met yet, with the evidence there was"),
    ("session", "the session's title and cycle"),
    ("record", "the record's head: its hash and signatures"),
];

/// The default template for an outcome.
#[must_use]
pub fn default_template(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Promote => {
            "# {name}: promoted to {new_level}\n\n{session}\n\nThe committee decided on {decided_on} to promote {name} from {current_level} to **{new_level}**, effective {effective_date}.\n\n## The committee's reason\n\n{rationale}\n\n## The criteria of {target_level} the evidence shows\n\n{criteria_met}\n\n## Where to grow next\n\n{criteria_not_met}\n\n---\nRecord: {record}\n"
        }
        Outcome::LevelAdjust => {
            "# {name}: level adjusted to {new_level}\n\n{session}\n\nThe committee decided on {decided_on} to adjust {name}'s level from {current_level} to **{new_level}**, effective {effective_date}.\n\n## The committee's reason\n\n{rationale}\n\nReasons: {reasons}\n\n## The criteria of {target_level} the evidence shows\n\n{criteria_met}\n\n## Not shown yet\n\n{criteria_not_met}\n\n---\nRecord: {record}\n"
        }
        Outcome::Hold => {
            "# {name}: {current_level} — hold\n\n{session}\n\nThe committee decided on {decided_on} that {name} stays at {current_level} this cycle and is reviewed again next cycle.\n\n## The committee's reason\n\n{rationale}\n\nReasons: {reasons}\n\n## What {target_level} asks for that the evidence does not show yet\n\n{criteria_not_met}\n\n## What the evidence already shows\n\n{criteria_met}\n\n## Next steps\n\nAgree with {first_name} on work that would show these criteria before the next cycle, and record the evidence as it happens.\n\n---\nRecord: {record}\n"
        }
        Outcome::NotThisCycle => {
            "# {name}: {target_level} — not this cycle\n\n{session}\n\nThe committee decided **not this cycle** on {decided_on}.\n\n## The committee's reason\n\n{rationale}\n\nReasons: {reasons}\n\n## What {target_level} asks for that the evidence does not show yet\n\n{criteria_not_met}\n\n## What the evidence already shows\n\n{criteria_met}\n\n## Next steps\n\nAgree with {first_name} on work that would show these criteria before the next cycle, and record the evidence as it happens.\n\n---\nRecord: {record}\n"
        }
    }
}

/// The template the session uses for an outcome: the chair's, else the default.
#[must_use]
pub fn template_for(session: &Session, outcome: Outcome) -> &str {
    session.meeting.letters.get(outcome.label()).map_or_else(|| default_template(outcome), String::as_str)
}

/// The placeholders in `template` that `PLACEHOLDERS` does not name.
#[must_use]
pub fn unknown_placeholders(template: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if is_name && !PLACEHOLDERS.iter().any(|(p, _)| *p == name) && !unknown.iter().any(|u| u == name) {
            unknown.push(name.to_owned());
        }
        rest = &after[close + 1..];
    }
    unknown
}

/// `template` with each `{placeholder}` replaced by its value; an unknown one is left as written.
/// The template's own raw HTML is neutralised (`<` as an entity): a session file is not trusted
/// to carry markup into a viewer.
#[must_use]
pub fn fill(template: &str, value: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open].replace('<', "&lt;"));
        let after = &rest[open + 1..];
        if let Some((close, v)) = after.find('}').and_then(|close| value(&after[..close]).map(|v| (close, v))) {
            out.push_str(&v);
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(&rest.replace('<', "&lt;"));
    out
}

fn level_label(session: &Session, id: &LevelId) -> String {
    session.ladder.level(id).map_or_else(|| id.to_string(), Level::label)
}

/// The level a decision's criteria are read against: the new level, else the one proposed, else
/// the next one up the person's track.
fn target_of(session: &Session, person: &Person, decision: &Decision) -> Option<LevelId> {
    decision.new_level.clone().or_else(|| session.proposals.get(&person.id).map(|p| p.target.clone())).or_else(|| {
        let rank = session.ladder.rank(&person.level)?;
        session.ladder.track_levels(person.track).nth(rank + 1).map(|l| l.id.clone())
    })
}

/// The criteria of `target`, met (`met`) or not yet, each with its evidence, as Markdown.
fn criteria(session: &Session, person: &Person, target: Option<&LevelId>, met: bool) -> String {
    let inert = super::markdown::inert;
    let checks = target.map(|t| criteria_checks(session, &person.id, t)).unwrap_or_default();
    let mut out = String::new();
    for check in checks.into_iter().filter(|c| c.is_met() == met) {
        let _ =
            write!(out, "### {}\n\n**The level asks:** {}\n\n", inert(check.dimension_name), inert(check.criterion));
        match check.evidence {
            Some(e) if !e.text.is_empty() || e.rating.is_some() => {
                let rating = e.rating.map_or("not rated", Rating::label);
                let text = if e.text.is_empty() { "—".to_owned() } else { inert(&e.text) };
                let _ = write!(out, "**Evidence this cycle** ({rating}): {text}\n\n");
            }
            _ => out.push_str("**Evidence this cycle:** none recorded.\n\n"),
        }
    }
    if out.is_empty() {
        out.push_str(if met {
            "None recorded as met yet.\n"
        } else {
            "Every criterion was rated \"meets\" or better.\n"
        });
    }
    out.trim_end().to_owned()
}

/// The letter for `person`, when the committee decided on them.
#[must_use]
pub fn letter(session: &Session, person: &Person) -> Option<String> {
    let decision = session.decisions.get(&person.id)?;
    let inert = super::markdown::inert;
    let target = target_of(session, person, decision);
    let new_level = decision.new_level.clone().unwrap_or_else(|| person.level.clone());
    let effective = decision.effective.or(session.meeting.effective);
    let value = |name: &str| -> Option<String> {
        Some(match name {
            "name" => inert(&person.name),
            // A code ("Candidate 07") is not cut to its first word.
            "first_name" if session.blind => inert(&person.name),
            "first_name" => inert(person.name.split_whitespace().next().unwrap_or_default()),
            "manager" => inert(session.manager_name(person)),
            "outcome" => decision.outcome.label().to_owned(),
            "current_level" => inert(&level_label(session, &person.level)),
            "new_level" => inert(&level_label(session, &new_level)),
            "new_title" => inert(session.ladder.level(&new_level).map_or("", |l| l.title.as_str())),
            "target_level" => {
                inert(&target.as_ref().map_or_else(|| "the next level".to_owned(), |t| level_label(session, t)))
            }
            "effective_date" => effective.map_or_else(|| "the date HR confirms".to_owned(), |d| d.to_string()),
            "decided_on" => decision.decided_at.strftime("%Y-%m-%d").to_string(),
            "rationale" => inert(&decision.shareable_rationale()),
            "reasons" => {
                let labels: Vec<String> = decision.reasons.iter().map(|r| session.ladder.reason_label(r)).collect();
                if labels.is_empty() { "none given".to_owned() } else { inert(&labels.join(", ")) }
            }
            "criteria_met" => criteria(session, person, target.as_ref(), true),
            "criteria_not_met" => criteria(session, person, target.as_ref(), false),
            "session" => inert(&if session.cycle.is_empty() {
                session.title.clone()
            } else {
                format!("{} · {}", session.title, session.cycle)
            }),
            "record" => inert(&session.head_summary()),
            _ => return None,
        })
    };
    Some(fill(template_for(session, decision.outcome), &value))
}

/// Writes one letter per decided person into `dir` (created if needed), named by outcome, id and
/// name; returns the files written.
pub fn write_letters(session: &Session, dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    std::fs::create_dir_all(dir).map_err(|source| FileError::Write { path: dir.to_path_buf(), source })?;
    let mut written = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for person in &session.people {
        let Some(text) = letter(session, person) else { continue };
        let outcome = session.decisions[&person.id].outcome.label().replace(' ', "-");
        let path = dir.join(letter_file_name(&outcome, person.id.as_str(), &person.name, &mut taken));
        write_atomic(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// A letter's file name: portable (letters, digits and `-` only, so no name can leave the folder),
/// cut on a character boundary to stay well under file systems' 255-byte limit, and made unique
/// with a number when two people's names come out the same (`A-B` + `C` and `A` + `B C`).
fn letter_file_name(kind: &str, id: &str, name: &str, taken: &mut std::collections::HashSet<String>) -> String {
    const MAX_STEM_BYTES: usize = 200;
    let safe = |text: &str| -> String {
        let mapped: String = text.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
        mapped.trim_matches('-').to_owned()
    };
    let mut stem = format!("{}-{}-{}", safe(kind), safe(id), safe(name));
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
    use super::{fill, letter_file_name, unknown_placeholders};

    #[test]
    fn letter_names_are_unique_portable_and_short() {
        let mut taken = std::collections::HashSet::new();
        let first = letter_file_name("hold", "A-B", "C", &mut taken);
        let second = letter_file_name("hold", "A", "B C", &mut taken);
        assert_eq!(first, "hold-A-B-C.md");
        assert_eq!(second, "hold-A-B-C-2.md", "the same name twice gets a number");
        let long = letter_file_name("promote", "E1", &"Ł".repeat(300), &mut taken);
        assert!(long.len() <= 204 && long.rsplit_once('.').is_some_and(|(_, ext)| ext == "md"), "{}", long.len());
        let escape = letter_file_name("hold", "../../etc", "/passwd", &mut taken);
        assert!(!escape.contains('/') && !escape.contains(".."), "{escape}");
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_named() {
        let value = |name: &str| (name == "name").then(|| "Ada".to_owned());
        assert_eq!(fill("Dear {name}, {nope} <b>", &value), "Dear Ada, {nope} &lt;b>");
        assert_eq!(unknown_placeholders("{name} {nope} {rationale} {nope} { spaced }"), vec!["nope".to_owned()]);
    }
}
