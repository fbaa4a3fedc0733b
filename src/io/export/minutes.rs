//! The meeting's minutes: who attended (with times), who stepped out for whom, every decision with
//! its outcome, reasons, time spent and the members present, the budget used, the action items and
//! the candidates deferred or still open. As Markdown and as one self-contained HTML page, made
//! from the session the caller passes (the blinded copy while blind mode is on).

use crate::io::error::FileError;
use crate::model::Session;
use crate::model::meeting::AgendaOrder;
use maud::{DOCTYPE, PreEscaped, html};
use std::fmt::Write as _;
use std::path::Path;

/// The minutes as data both formats print: sections of lines.
struct Minutes {
    title: String,
    sections: Vec<(String, Vec<String>)>,
}

fn minutes(session: &Session) -> Minutes {
    let utc = |t: jiff::Timestamp| t.strftime("%Y-%m-%d %H:%M UTC").to_string();
    let mut sections = Vec::new();
    let roles: Vec<String> =
        session.meeting.members.iter().map(|m| format!("{} ({})", m.name, m.role.label())).collect();
    let mut attendance: Vec<String> = session
        .meeting
        .attendance
        .iter()
        .map(|p| match p.left {
            Some(left) => format!("{}: {} – {}", p.member, utc(p.arrived), utc(left)),
            None => format!("{}: from {}", p.member, utc(p.arrived)),
        })
        .collect();
    let absent: Vec<&str> = session
        .meeting
        .members
        .iter()
        .filter(|m| !session.meeting.attendance.iter().any(|p| p.member == m.name))
        .map(|m| m.name.as_str())
        .collect();
    if !absent.is_empty() {
        attendance.push(format!("Absent: {}", absent.join(", ")));
    }
    sections
        .push(("Committee".to_owned(), if roles.is_empty() { vec!["No members listed.".to_owned()] } else { roles }));
    sections.push((
        "Attendance".to_owned(),
        if attendance.is_empty() { vec!["Not recorded.".to_owned()] } else { attendance },
    ));
    let mut recusals = Vec::new();
    let mut decisions = Vec::new();
    let mut open = Vec::new();
    for item in session.agenda(AgendaOrder::ByHand) {
        let name = session.name_of(&item.person);
        for line in session.recusals_of(&item.person) {
            let why = if line.why.is_empty() { String::new() } else { format!(" ({})", line.why) };
            let state = match &line.state {
                crate::model::analysis::committee::RecusalState::Proposed => "stepped out (proposed)".to_owned(),
                crate::model::analysis::committee::RecusalState::Confirmed { reason } if reason.is_empty() => {
                    "stepped out".to_owned()
                }
                crate::model::analysis::committee::RecusalState::Confirmed { reason } => {
                    format!("stepped out: {reason}")
                }
                crate::model::analysis::committee::RecusalState::Overridden { reason } => {
                    format!("stayed in: {reason}")
                }
            };
            recusals.push(format!("{name}: {}{why} {state}", line.member));
        }
        if let Some(d) = session.decisions.get(&item.person) {
            decisions.push(decision_line(session, &name, d));
        } else {
            let deferred = session.meeting.deferrals.iter().find(|d| d.person == item.person);
            open.push(match deferred {
                Some(d) if d.note.is_empty() => format!("{name} → {}: deferred to {}", item.target, d.until),
                Some(d) => format!("{name} → {}: deferred to {} ({})", item.target, d.until, d.note),
                None => format!("{name} → {}: not decided", item.target),
            });
        }
    }
    // A decision without a proposal (a level adjustment found in the meeting) is on record too.
    for (person, d) in &session.decisions {
        if !session.proposals.contains_key(person) {
            decisions.push(decision_line(session, &session.name_of(person), d));
        }
    }
    sections.push(("Recusals".to_owned(), if recusals.is_empty() { vec!["None.".to_owned()] } else { recusals }));
    sections
        .push(("Decisions".to_owned(), if decisions.is_empty() { vec!["None yet.".to_owned()] } else { decisions }));
    let spent = session.budget_use();
    let mut budget = vec![format!("Promotions: {}", spent.overall.describe())];
    budget.extend(
        spent.per_level.iter().filter(|(_, l)| l.budget.is_some()).map(|(l, line)| format!("{l}: {}", line.describe())),
    );
    if let Some(date) = session.meeting.effective {
        budget.push(format!("Level changes take effect on {date}"));
    }
    sections.push(("Budget".to_owned(), budget));
    let actions: Vec<String> = session
        .meeting
        .actions
        .iter()
        .map(|a| {
            let owner = if a.owner.is_empty() { "no owner".to_owned() } else { a.owner.clone() };
            let due = a.due.map(|d| format!(", due {d}")).unwrap_or_default();
            let about = a.person.as_ref().map(|p| format!(" (about {})", session.name_of(p))).unwrap_or_default();
            let done = if a.done { "[done] " } else { "" };
            format!("{done}{}{about} — {owner}{due}", a.text)
        })
        .collect();
    sections.push(("Action items".to_owned(), if actions.is_empty() { vec!["None.".to_owned()] } else { actions }));
    sections.push((
        "Still open".to_owned(),
        if open.is_empty() { vec!["Nothing: every candidate is decided.".to_owned()] } else { open },
    ));
    let cycle = if session.cycle.is_empty() { String::new() } else { format!(" {}", session.cycle) };
    Minutes { title: format!("{}{cycle} — minutes", session.title), sections }
}

/// One decision's line: outcome and level, rationale, reasons, time, who was in the room.
fn decision_line(session: &Session, name: &str, d: &crate::model::Decision) -> String {
    let level = d.new_level.as_ref().map(|l| format!(" to {l}")).unwrap_or_default();
    let reasons: Vec<String> = d.reasons.iter().map(|r| session.ladder.reason_label(r)).collect();
    let mut line = format!("{name}: **{}{level}** — {}", d.outcome, d.rationale.replace('\n', " "));
    if !reasons.is_empty() {
        let _ = write!(line, " · reasons: {}", reasons.join("; "));
    }
    if let Some(s) = d.time_spent_secs {
        let _ = write!(line, " · {}:{:02} spent", s / 60, s % 60);
    }
    if !d.present.is_empty() {
        let _ = write!(line, " · present: {}", d.present.join(", "));
    }
    if !d.recused.is_empty() {
        let _ = write!(line, " · recused: {}", d.recused.join(", "));
    }
    if !d.over_budget.is_empty() {
        let _ = write!(line, " · over budget: {}", d.over_budget);
    }
    let _ = write!(line, " · decided by {} at {}", d.decided_by, d.decided_at.strftime("%Y-%m-%d %H:%M UTC"));
    line
}

/// The minutes as Markdown; every value from the session is made inert, bold marks are ours.
#[must_use]
pub fn minutes_markdown(session: &Session) -> String {
    let m = minutes(session);
    let inert = super::markdown::inert;
    let mut out = format!("# {}\n", inert(&m.title));
    for (heading, lines) in &m.sections {
        let _ = write!(out, "\n## {heading}\n\n");
        for line in lines {
            // Our own **bold** survives; the rest is the session's text, shown as written.
            let parts: Vec<String> = line.split("**").map(inert).collect();
            let _ = writeln!(out, "- {}", parts.join("**"));
        }
    }
    let _ = write!(out, "\n---\nRecord: {}\n", session.head_summary());
    out
}

/// The minutes as one self-contained HTML page (`maud` escapes every value).
#[must_use]
pub fn minutes_html(session: &Session) -> String {
    let m = minutes(session);
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { (m.title) } style { (PreEscaped(STYLE)) } }
            body {
                h1 { (m.title) }
                @for (heading, lines) in &m.sections {
                    h2 { (heading) }
                    ul { @for line in lines { li { (line.replace("**", "")) } } }
                }
                footer { p { "Record: " (session.head_summary()) } }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem}li{margin:.25rem 0}footer{color:#666;margin-top:2rem}";

/// Writes the minutes as Markdown and/or HTML, atomically.
pub fn write_minutes(session: &Session, markdown: Option<&Path>, html_path: Option<&Path>) -> Result<(), FileError> {
    super::markdown::write_both(session, (markdown, minutes_markdown), (html_path, minutes_html))
}
