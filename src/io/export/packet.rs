//! The committee's pre-read packet: every candidate with the target level's criteria and the
//! evidence against each, the manager's rationale and the pre-read tally and comments. As Markdown,
//! and as one self-contained HTML file (no external resources; one candidate per printed page).
//! Made from the session the caller passes: the blinded copy while blind mode is on.

use crate::io::error::FileError;
use crate::model::coverage::criteria_checks;
use crate::model::meeting::AgendaOrder;
use crate::model::{Level, LevelId, Rating, Session};
use maud::{DOCTYPE, PreEscaped, html};
use std::fmt::Write as _;
use std::path::Path;

/// One candidate's page, as data both formats print.
struct Page<'s> {
    heading: String,
    manager: String,
    rationale: Option<(&'s str, &'s str)>,
    tally: String,
    comments: Vec<String>,
    criteria_title: String,
    criteria: Vec<(String, &'s str, String, bool)>,
}

fn level_title(session: &Session, id: &LevelId) -> String {
    session.ladder.level(id).map_or_else(|| id.to_string(), Level::label)
}

/// The candidates in agenda order (most disagreement first).
fn pages(session: &Session) -> Vec<Page<'_>> {
    session
        .agenda(AgendaOrder::Disagreement)
        .into_iter()
        .filter_map(|item| {
            let person = session.person(&item.person)?;
            let proposal = session.proposals.get(&item.person)?;
            let criteria = criteria_checks(session, &item.person, &item.target)
                .into_iter()
                .map(|c| {
                    let evidence = match c.evidence {
                        Some(e) => format!("{} — {}", e.rating.map_or("unrated", Rating::label), e.text),
                        None => "no evidence".to_owned(),
                    };
                    (c.dimension_name.to_owned(), c.criterion, evidence, c.is_met())
                })
                .collect();
            Some(Page {
                heading: format!(
                    "{} — {} → {}",
                    person.name,
                    level_title(session, &person.level),
                    level_title(session, &item.target)
                ),
                manager: format!("{} · {}", session.manager_name(person), person.team),
                rationale: Some((proposal.proposer.as_str(), proposal.rationale.as_str())),
                tally: item.tally.describe(),
                comments: session
                    .marks_for(&item.person)
                    .map(|m| {
                        if m.comment.is_empty() {
                            format!("{}: {}", m.member, m.vote.label())
                        } else {
                            format!("{}: {} — {}", m.member, m.vote.label(), m.comment)
                        }
                    })
                    .collect(),
                criteria_title: format!("{} criteria", level_title(session, &item.target)),
                criteria,
            })
        })
        .collect()
}

fn title(session: &Session) -> String {
    if session.cycle.is_empty() {
        format!("{} — pre-read", session.title)
    } else {
        format!("{} {} — pre-read", session.title, session.cycle)
    }
}

/// The packet as Markdown.
#[must_use]
pub fn packet_markdown(session: &Session) -> String {
    let pages = pages(session);
    // Every value from the session goes through `inert`: shown as written, never read as markup.
    let inert = super::markdown::inert;
    let mut out = format!("# {}\n\n{} candidates{}\n", inert(&title(session)), pages.len(), blind_note(session));
    for page in pages {
        let _ = write!(out, "\n## {}\n\n{}\n\n", inert(&page.heading), inert(&page.manager));
        if let Some((by, rationale)) = page.rationale {
            let _ = write!(out, "**Rationale** ({}): {}\n\n", inert(by), inert(rationale));
        }
        let _ = writeln!(out, "**Pre-read:** {}", page.tally);
        for comment in &page.comments {
            let _ = writeln!(out, "- {}", inert(comment));
        }
        let _ = write!(
            out,
            "\n### {}\n\n| Dimension | Criterion | Evidence |\n|---|---|---|\n",
            inert(&page.criteria_title)
        );
        for (dimension, criterion, evidence, met) in &page.criteria {
            let mark = if *met { "" } else { " ⚠" };
            // In a table cell a line break would end the row: it becomes a space.
            let cell = |s: &str| inert(&s.replace('\n', " "));
            let _ = writeln!(out, "| {} | {} | {}{mark} |", cell(dimension), cell(criterion), cell(evidence));
        }
    }
    let _ = write!(out, "\n---\nRecord: {}\n", session.head_summary());
    out
}

fn blind_note(session: &Session) -> &'static str {
    if session.blind { " · blind: names, managers and teams are codes" } else { "" }
}

/// The packet as one self-contained HTML page that prints one candidate per page. Built with
/// `maud`, which escapes every value it is given: no name or rationale can carry markup.
#[must_use]
pub fn packet_html(session: &Session) -> String {
    let pages = pages(session);
    let title = title(session);
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (title) }
                p.meta { (pages.len()) " candidates" (blind_note(session)) }
                @for page in &pages {
                    section {
                        h2 { (page.heading) }
                        p.meta { (page.manager) }
                        @if let Some((by, rationale)) = page.rationale {
                            p { strong { "Rationale" } " (" (by) "): " (rationale) }
                        }
                        p { strong { "Pre-read:" } " " (page.tally) }
                        @if !page.comments.is_empty() {
                            ul { @for comment in &page.comments { li { (comment) } } }
                        }
                        h3 { (page.criteria_title) }
                        table {
                            thead { tr { th { "Dimension" } th { "Criterion" } th { "Evidence" } } }
                            tbody {
                                @for (dimension, criterion, evidence, met) in &page.criteria {
                                    tr {
                                        td { (dimension) }
                                        td { (criterion) }
                                        td class=[(!met).then_some("gap")] { (evidence) }
                                    }
                                }
                            }
                        }
                    }
                }
                footer { p.meta { "Record: " (session.head_summary()) } }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

/// Inline styles: readable on screen, one candidate per printed page, no external resources.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}\
.meta{color:#666}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}\
td.gap{background:#fff4e0}@media print{section{break-before:page}h2{border:0}body{margin:0}}";

/// Writes the packet as Markdown and/or HTML, atomically.
pub fn write_packet(session: &Session, markdown: Option<&Path>, html_path: Option<&Path>) -> Result<(), FileError> {
    super::markdown::write_both(session, (markdown, packet_markdown), (html_path, packet_html))
}
