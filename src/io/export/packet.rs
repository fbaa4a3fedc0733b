//! The committee's pre-read packet: a first page that summarises (candidates, target levels,
//! tallies, open criteria, open disagreements), then every candidate with the target level's
//! criteria, the evidence against each with its links, the manager's rationale, the pre-read tally
//! and comments, the calibration notes and the time in level. Line breaks people typed are kept.
//! As Markdown, and as one self-contained HTML file (no external resources; one candidate per
//! printed page).
//! Made from the session the caller passes: the blinded copy while blind mode is on.

use crate::io::error::FileError;
use crate::model::coverage::criteria_checks;
use crate::model::meeting::AgendaOrder;
use crate::model::{Level, LevelId, Rating, Session};
use maud::{DOCTYPE, PreEscaped, html};
use std::fmt::Write as _;
use std::path::Path;

/// One criterion of the target level: its dimension, what it asks, the evidence (rating and
/// text), its links, and whether it is met.
struct CriterionRow<'s> {
    dimension: String,
    asks: &'s str,
    evidence: String,
    links: &'s [String],
    met: bool,
}

/// One candidate's page, as data both formats print.
struct Page<'s> {
    heading: String,
    /// "2 → P4", for the summary.
    name: String,
    from_to: String,
    manager: String,
    time_in_level: Option<String>,
    rationale: Option<(&'s str, &'s str)>,
    tally: String,
    comments: Vec<String>,
    criteria_title: String,
    criteria: Vec<CriterionRow<'s>>,
    notes: Vec<String>,
    /// Disagreements between merged prep files still open about this candidate.
    disputed: usize,
    open_criteria: usize,
}

fn level_title(session: &Session, id: &LevelId) -> String {
    session.ladder.level(id).map_or_else(|| id.to_string(), Level::label)
}

/// The candidates in agenda order (most disagreement first).
fn pages(session: &Session) -> Vec<Page<'_>> {
    let today = jiff::Zoned::now().date();
    session
        .agenda(AgendaOrder::Disagreement)
        .into_iter()
        .filter_map(|item| {
            let person = session.person(&item.person)?;
            let proposal = session.proposals.get(&item.person)?;
            let criteria: Vec<CriterionRow<'_>> = criteria_checks(session, &item.person, &item.target)
                .into_iter()
                .map(|c| CriterionRow {
                    dimension: c.dimension_name.to_owned(),
                    asks: c.criterion,
                    evidence: match c.evidence {
                        Some(e) => format!("{} — {}", e.rating.map_or("unrated", Rating::label), e.text),
                        None => "no evidence".to_owned(),
                    },
                    links: c.evidence.map(|e| e.links.as_slice()).unwrap_or_default(),
                    met: c.is_met(),
                })
                .collect();
            Some(Page {
                heading: format!(
                    "{} — {} → {}",
                    person.name,
                    level_title(session, &person.level),
                    level_title(session, &item.target)
                ),
                name: person.name.to_string(),
                from_to: format!("{} → {}", person.level, item.target),
                manager: format!("{} · {}", session.manager_name(person), person.team),
                time_in_level: person.years_in_level(today).map(|y| format!("{y} y at {}", person.level)),
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
                open_criteria: criteria.iter().filter(|c| !c.met).count(),
                criteria,
                notes: session.notes_for(&item.person).map(|n| format!("{}: {}", n.author, n.text)).collect(),
                disputed: session.conflicts.iter().filter(|c| c.person == item.person).count(),
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

/// "P3: 4 · P4: 2": how many candidates go for each target level.
fn by_target(session: &Session) -> String {
    let mut counts: Vec<(LevelId, usize)> = Vec::new();
    for proposal in session.proposals.values() {
        match counts.iter_mut().find(|(l, _)| *l == proposal.target) {
            Some((_, n)) => *n += 1,
            None => counts.push((proposal.target.clone(), 1)),
        }
    }
    counts.sort_by_key(|(l, _)| session.ladder.rank(l));
    counts.iter().map(|(l, n)| format!("{l}: {n}")).collect::<Vec<_>>().join(" · ")
}

/// The packet as Markdown.
#[must_use]
pub fn packet_markdown(session: &Session) -> String {
    let pages = pages(session);
    // Every value from the session goes through `inert`: shown as written, never read as markup.
    let inert = super::markdown::inert;
    let mut out = format!("# {}\n\n{} candidates{}\n", inert(&title(session)), pages.len(), blind_note(session));
    let _ = write!(
        out,
        "\nTarget levels: {}\n\n| Candidate | Levels | Pre-read | Open criteria | Disputed |\n|---|---|---|---|---|\n",
        by_target(session)
    );
    for page in &pages {
        let cell = |s: &str| inert(&s.replace('\n', " "));
        let disputed = if page.disputed > 0 { format!("⚠ {} open", page.disputed) } else { String::new() };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {disputed} |",
            cell(&page.name),
            cell(&page.from_to),
            page.tally,
            page.open_criteria
        );
    }
    for page in pages {
        let _ = write!(out, "\n## {}\n\n{}", inert(&page.heading), inert(&page.manager));
        if let Some(time) = &page.time_in_level {
            let _ = write!(out, " · {}", inert(time));
        }
        out.push_str("\n\n");
        if page.disputed > 0 {
            let _ = write!(out, "**Disputed:** {} disagreement(s) between prep files still open\n\n", page.disputed);
        }
        if let Some((by, rationale)) = page.rationale {
            let _ = write!(out, "**Rationale** ({}): {}\n\n", inert(by), inert(rationale));
        }
        let _ = writeln!(out, "**Pre-read:** {}", page.tally);
        for comment in &page.comments {
            let _ = writeln!(out, "- {}", inert(comment));
        }
        let _ = write!(out, "\n### {}\n", inert(&page.criteria_title));
        for c in &page.criteria {
            let mark = if c.met { "" } else { " ⚠" };
            let _ = write!(
                out,
                "\n**{}**{mark}  \nAsks: {}  \nEvidence: {}\n",
                inert(&c.dimension),
                inert(c.asks),
                inert(&c.evidence)
            );
            for link in c.links {
                let _ = writeln!(out, "- Link: {}", inert(link));
            }
        }
        if !page.notes.is_empty() {
            out.push_str("\n### Calibration notes\n\n");
            for note in &page.notes {
                let _ = writeln!(out, "- {}", inert(note));
            }
        }
    }
    let _ = write!(out, "\n---\nRecord: {}\n", session.head_summary());
    out
}

fn blind_note(session: &Session) -> &'static str {
    if session.blind { " · blind: names, managers and teams are codes" } else { "" }
}

/// The packet as one self-contained HTML page: a summary first, then one candidate per printed
/// page. Built with `maud`, which escapes every value it is given: no name or rationale can carry
/// markup; line breaks people typed are kept (`white-space: pre-wrap`).
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
                p.meta { (pages.len()) " candidates" (blind_note(session)) " · target levels: " (by_target(session)) }
                table.summary {
                    thead { tr { th { "Candidate" } th { "Levels" } th { "Pre-read" } th { "Open criteria" } th { "Disputed" } } }
                    tbody {
                        @for page in &pages {
                            tr {
                                td { (page.name) } td { (page.from_to) } td { (page.tally) } td { (page.open_criteria) }
                                td class=[(page.disputed > 0).then_some("gap")] {
                                    @if page.disputed > 0 { (page.disputed) " open" }
                                }
                            }
                        }
                    }
                }
                @for page in &pages {
                    section {
                        h2 { (page.heading) }
                        p.meta { (page.manager) @if let Some(time) = &page.time_in_level { " · " (time) } }
                        @if page.disputed > 0 {
                            p.disputed { "Disputed: " (page.disputed) " disagreement(s) between prep files still open" }
                        }
                        @if let Some((by, rationale)) = page.rationale {
                            p { strong { "Rationale" } " (" (by) "):" }
                            p.text { (rationale) }
                        }
                        p { strong { "Pre-read:" } " " (page.tally) }
                        @if !page.comments.is_empty() {
                            ul { @for comment in &page.comments { li.text { (comment) } } }
                        }
                        h3 { (page.criteria_title) }
                        table {
                            thead { tr { th { "Dimension" } th { "Criterion" } th { "Evidence" } } }
                            tbody {
                                @for c in &page.criteria {
                                    tr {
                                        td { (c.dimension) }
                                        td { (c.asks) }
                                        td class=[(!c.met).then_some("gap")] {
                                            span.text { (c.evidence) }
                                            @for link in c.links { br; "Link: " span.link { (link) } }
                                        }
                                    }
                                }
                            }
                        }
                        @if !page.notes.is_empty() {
                            h3 { "Calibration notes" }
                            ul { @for note in &page.notes { li.text { (note) } } }
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
td.gap{background:#fff4e0}.text,td{white-space:pre-wrap}.link{word-break:break-all}\
.disputed{color:#a15c00;font-weight:bold}table.summary td{white-space:normal}\
@media print{section{break-before:page}h2{border:0}body{margin:0}}";

/// Writes the packet as Markdown and/or HTML, atomically.
pub fn write_packet(session: &Session, markdown: Option<&Path>, html_path: Option<&Path>) -> Result<(), FileError> {
    super::markdown::write_both(session, (markdown, packet_markdown), (html_path, packet_html))
}
