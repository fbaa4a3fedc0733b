//! `ladderboard report` as data: the fairness figures as JSON (for a script to check) or as one
//! long CSV table (for a spreadsheet), beside the Markdown the chair shares.

use crate::model::Session;
use crate::model::fairness::figures::{Figures, describe};
use crate::model::fairness::outcomes::Outcomes;
use serde::Serialize;

/// Everything the report holds.
#[derive(Serialize)]
struct Report<'a> {
    session: &'a str,
    cycle: &'a str,
    track: &'a str,
    bands: &'a [String],
    #[serde(flatten)]
    figures: &'a Figures,
    #[serde(flatten)]
    outcomes: &'a Outcomes,
}

/// The report as pretty JSON.
pub fn report_json(
    session: &Session,
    track: &str,
    figures: &Figures,
    outcomes: &Outcomes,
) -> serde_json::Result<String> {
    let report = Report {
        session: &session.title,
        cycle: &session.cycle,
        track,
        bands: &session.ladder.bands,
        figures,
        outcomes,
    };
    serde_json::to_string_pretty(&report)
}

/// The report as one CSV table: `section, group, level, measure, value` per figure, so every
/// section reads into one sheet and filters by section.
pub fn report_csv(session: &Session, figures: &Figures, outcomes: &Outcomes) -> Result<Vec<u8>, csv::Error> {
    let mut w = Neutral(csv::Writer::from_writer(Vec::new()));
    w.write_record(["section", "group", "level", "measure", "value"])?;
    let bands = &session.ladder.bands;
    for (level, spread, verdict) in &figures.distribution {
        let level = level.as_str();
        for ((band, count), share) in bands.iter().zip(&spread.counts).zip(spread.shares()) {
            w.write_record(["distribution", "everyone", level, &format!("{band} people"), &count.to_string()])?;
            w.write_record(["distribution", "everyone", level, &format!("{band} share"), &format!("{share:.4}")])?;
        }
        w.write_record(["distribution", "everyone", level, "verdict", &describe(verdict, bands)])?;
    }
    for d in &figures.drift {
        let mut row = |measure: &str, value: String| w.write_record(["manager drift", &d.manager, "", measure, &value]);
        row("people", d.people.to_string())?;
        row("mean band", format!("{:.4}", d.mean_band + 1.0))?;
        row("organisation mean band", format!("{:.4}", d.expected_band + 1.0))?;
        row("share proposed", format!("{:.4}", d.proposed))?;
        row("organisation share proposed", format!("{:.4}", d.expected_proposed))?;
        row("share promoted", d.promoted.map(|p| format!("{p:.4}")).unwrap_or_default())?;
        row("too few to compare", d.too_few.to_string())?;
    }
    for c in &figures.coverage {
        let target = c.target.as_str();
        w.write_record(["coverage", &c.name, target, "criteria met", &(c.total - c.open.len()).to_string()])?;
        w.write_record(["coverage", &c.name, target, "criteria", &c.total.to_string()])?;
        w.write_record(["coverage", &c.name, target, "open", &c.open.join("; ")])?;
    }
    for (section, rows) in
        [("before/after by manager", &outcomes.by_manager), ("before/after by level", &outcomes.by_level)]
    {
        for m in rows {
            let mut row = |measure: &str, value: String| w.write_record([section, &m.group, "", measure, &value]);
            row("proposed", m.proposed.to_string())?;
            row("decided", m.decided.to_string())?;
            row("promoted as proposed", m.as_proposed.to_string())?;
            row("promoted to another level", m.other_level.to_string())?;
            row("not promoted", m.not_promoted.to_string())?;
            row("level adjusted", m.adjusted.to_string())?;
            row("changed share", m.changed_share().map(|s| format!("{s:.4}")).unwrap_or_default())?;
        }
    }
    for (section, rows) in
        [("reasons by manager", &outcomes.reasons_by_manager), ("reasons by team", &outcomes.reasons_by_team)]
    {
        for r in rows {
            w.write_record([section, &r.group, "", &r.reason, &r.decisions.to_string()])?;
        }
    }
    for t in &outcomes.teams {
        w.write_record(["time in level", &t.team, "", "people", &t.people.to_string()])?;
        w.write_record(["time in level", &t.team, "", "mean years", &format!("{:.2}", t.mean_years)])?;
        w.write_record(["time in level", &t.team, "", "longest years", &t.longest_years.to_string()])?;
    }
    w.0.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A CSV writer that neutralises every cell a spreadsheet would run as a formula (a team named
/// `=1+2`), as the decisions CSV does.
struct Neutral(csv::Writer<Vec<u8>>);

impl Neutral {
    fn write_record<const N: usize>(&mut self, cells: [&str; N]) -> Result<(), csv::Error> {
        self.0.write_record(cells.map(|c| crate::io::export::csv::neutralise(c).into_owned()))
    }
}

/// The report as Markdown, for the terminal and for sharing: the fairness figures, then before /
/// after and time in level.
#[must_use]
pub fn report_markdown(session: &Session, figures: &Figures, outcomes: &Outcomes) -> String {
    let mut out = figures_markdown(figures, session);
    out.push_str(&outcomes_markdown(outcomes));
    out.push_str("\n---\nRecord: ");
    out.push_str(&session.head_summary());
    out.push('\n');
    out
}

fn figures_markdown(figures: &Figures, session: &Session) -> String {
    use std::fmt::Write as _;
    let bands = &session.ladder.bands;
    let target: Vec<String> =
        bands.iter().zip(&figures.targets.shares).map(|(b, s)| format!("{b} {:.0} %", s * 100.0)).collect();
    let mut out = format!(
        "# Fairness report — {}\n\nTarget: {} (tolerance {:.0} points; groups under {} are too few to compare)\n\n## Distribution\n\n| Level | People | {} | Verdict |\n|---|---|{}---|\n",
        session.title,
        target.join(" / "),
        figures.targets.tolerance * 100.0,
        figures.targets.min_group,
        bands.join(" | "),
        "---|".repeat(bands.len())
    );
    for (level, spread, verdict) in &figures.distribution {
        let cells: Vec<String> =
            spread.counts.iter().zip(spread.shares()).map(|(c, s)| format!("{c} ({:.0} %)", s * 100.0)).collect();
        let _ =
            writeln!(out, "| {level} | {} | {} | {} |", spread.total(), cells.join(" | "), describe(verdict, bands));
    }
    out.push_str("\n## Managers against the organisation at the same levels\n\n| Manager | People | Mean band (org) | Proposed (org) | Promoted | |\n|---|---|---|---|---|---|\n");
    for d in &figures.drift {
        let promoted = d.promoted.map_or_else(|| "—".to_owned(), |p| format!("{:.0} %", p * 100.0));
        let note = if d.too_few { "too few to compare" } else { "" };
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} ({:.2}) | {:.0} % ({:.0} %) | {promoted} | {note} |",
            d.manager,
            d.people,
            d.mean_band + 1.0,
            d.expected_band + 1.0,
            d.proposed * 100.0,
            d.expected_proposed * 100.0
        );
    }
    out.push_str("\n## Evidence coverage of open proposals (thinnest first)\n\n");
    for c in &figures.coverage {
        let _ = writeln!(
            out,
            "- {} → {}: {} of {} criteria met{}",
            c.name,
            c.target,
            c.total - c.open.len(),
            c.total,
            if c.open.is_empty() { String::new() } else { format!("; open: {}", c.open.join(", ")) }
        );
    }
    out
}

fn outcomes_markdown(outcomes: &Outcomes) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("\n## Before / after: proposals and what the committee made of them\n");
    for (first, rows) in [("Manager", &outcomes.by_manager), ("Proposed from", &outcomes.by_level)] {
        let _ = write!(
            out,
            "\n| {first} | Proposed | Decided | As proposed | Other level | Not promoted | Adjusted | Changed |\n|---|---|---|---|---|---|---|---|\n"
        );
        for m in rows {
            let changed = m.changed_share().map_or_else(|| "—".to_owned(), |s| format!("{:.0} %", s * 100.0));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {changed} |",
                m.group, m.proposed, m.decided, m.as_proposed, m.other_level, m.not_promoted, m.adjusted
            );
        }
    }
    for (title, first, rows) in [
        ("Reasons given, per manager", "Manager", &outcomes.reasons_by_manager),
        ("Reasons given, per team", "Team", &outcomes.reasons_by_team),
    ] {
        let _ = write!(out, "\n## {title}\n\n");
        if rows.is_empty() {
            out.push_str("No decision gives a reason code yet.\n");
            continue;
        }
        let _ = write!(out, "| {first} | Reason | Decisions |\n|---|---|---|\n");
        for r in rows {
            let _ = writeln!(out, "| {} | {} | {} |", r.group, r.reason, r.decisions);
        }
    }
    out.push_str("\n## Time in level per team\n\n| Team | People | Mean years | Longest |\n|---|---|---|---|\n");
    for t in &outcomes.teams {
        let _ = writeln!(out, "| {} | {} | {:.1} | {} |", t.team, t.people, t.mean_years, t.longest_years);
    }
    if outcomes.unknown > 0 {
        let _ = writeln!(out, "\n{} people have no \"level since\" date in the roster.", outcomes.unknown);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Track;
    use crate::model::fairness::Group;

    #[test]
    fn a_team_named_like_a_formula_is_written_as_text() {
        let mut session = crate::app::sample_session();
        for person in &mut session.people {
            if person.team == "Search" {
                person.team = "=1+2".into();
            }
        }
        let figures = Figures::compute(&session, Track::IndividualContributor, &Group::Everyone);
        let outcomes = Outcomes::compute(&session, Track::IndividualContributor, jiff::civil::date(2026, 11, 30));
        let text = String::from_utf8(report_csv(&session, &figures, &outcomes).expect("csv")).expect("utf8");
        assert!(text.contains("\ntime in level,'=1+2,,people,"), "{text}");
        assert!(!text.contains(",=1+2,"), "{text}");
    }
}
