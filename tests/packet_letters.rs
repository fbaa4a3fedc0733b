//! The pre-read packet (Markdown and self-contained HTML) and the gap letters for "not this cycle".

use jiff::Timestamp;
use ladderboard::app::sample_session;
use ladderboard::io::export::letters::{letter, write_letters};
use ladderboard::io::export::packet::{packet_html, packet_markdown};
use ladderboard::model::{Change, Decision, DimensionId, LevelId, Outcome, PersonId, Rating};

fn at() -> Timestamp {
    "2026-11-30T12:00:00Z".parse().expect("time")
}

#[test]
fn the_packet_lists_every_candidate_with_criteria_evidence_rationale_and_tally() {
    let session = sample_session();
    let md = packet_markdown(&session);
    let candidates = session.proposals.len();
    assert!(md.starts_with("# Engineering calibration — sample 2026 H2 — pre-read\n"), "{md}");
    assert!(md.contains(&format!("{candidates} candidates")));
    assert_eq!(md.matches("\n## ").count(), candidates);
    assert!(md.contains("**Rationale** (Mei Lin Zhou): Victor Adeyemi has worked at"), "{md}");
    assert!(md.contains("**Pre-read:** no marks"));
    // Page 1 summarises: the target levels and one row per candidate.
    assert!(md.contains("Target levels: P3: 5 · P4: 2 · P5: 2 · P6: 1"), "{md}");
    assert!(md.contains("| Candidate | Levels | Pre-read | Open criteria | Disputed |"), "{md}");
    assert!(md.contains("| Victor Adeyemi | P4 → P5 | no marks |"), "{md}");
    // Calibration notes and time in level on each candidate's page.
    assert!(md.contains("### Calibration notes"), "{md}");
    assert!(md.contains(" y at P4"), "{md}");
    let html = packet_html(&session);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<section>").count(), candidates);
    // Self-contained: nothing fetched from elsewhere.
    for external in ["<link", "<script", "src=", "url(", "@import"] {
        assert!(!html.contains(external), "{external} in the packet");
    }
    assert!(html.contains("@media print{section{break-before:page}"));
    assert!(html.contains("<table class=\"summary\">"), "a summary before the first candidate");
}

#[test]
fn the_packet_keeps_line_breaks_links_and_flags_open_disagreements() {
    let mut session = sample_session();
    let victor = PersonId::new("E2022");
    let mut proposal = session.proposals[&victor].clone();
    proposal.rationale = "First paragraph.\nSecond line.".into();
    session.apply(Change::Propose { person: victor.clone(), proposal: Some(proposal) }, "m", at()).expect("ok");
    let target = session.proposals[&victor].target.clone();
    let change = Change::SetEvidence {
        person: victor.clone(),
        level: target,
        dimension: DimensionId::new("scope"),
        rating: Some(Rating::Meets),
        text: "Led the search rewrite.\nShipped in Q3.".into(),
        links: vec!["https://docs.example.com/search-rewrite".into()],
    };
    session.apply(change, "m", at()).expect("ok");
    let html = packet_html(&session);
    assert!(html.contains("First paragraph.\nSecond line."), "the line break is kept (pre-wrap)");
    assert!(html.contains(".text,td{white-space:pre-wrap}"));
    assert!(html.contains("Link: <span class=\"link\">https://docs.example.com/search-rewrite</span>"), "{html}");
    let md = packet_markdown(&session);
    assert!(md.contains("First paragraph.  \nSecond line."), "a hard line break in Markdown");
    assert!(md.contains("- Link: https://docs.example.com/search-rewrite"), "{md}");
    // An open disagreement between prep files is marked on the summary and the page.
    let conflict = ladderboard::model::Conflict {
        id: 1,
        person: victor,
        subject: ladderboard::model::Subject::Proposal,
        options: Vec::new(),
    };
    session.conflicts.push(conflict);
    let md = packet_markdown(&session);
    assert!(md.contains("⚠ 1 open") && md.contains("**Disputed:** 1 disagreement(s)"), "{md}");
}

#[test]
fn the_packet_escapes_what_people_typed() {
    let mut session = sample_session();
    let victor = PersonId::new("E2022");
    let mut proposal = session.proposals[&victor].clone();
    proposal.rationale = "<script>alert(1)</script> & more".into();
    session.apply(Change::Propose { person: victor, proposal: Some(proposal) }, "m", at()).expect("ok");
    let html = packet_html(&session);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    assert!(!html.contains("<script>"));
    // The Markdown packet too: no live markup from what people typed (issue 26).
    let victor = PersonId::new("E2022");
    let mut proposal = session.proposals[&victor].clone();
    proposal.rationale = "<img src=x onerror=alert(1)> [see](javascript:alert(1))\n# Fake heading\n- fake item".into();
    session.apply(Change::Propose { person: victor, proposal: Some(proposal) }, "m", at()).expect("ok");
    let markdown = packet_markdown(&session);
    assert!(!markdown.contains("<img") && !markdown.contains("<script"), "raw HTML from a rationale");
    assert!(!markdown.contains("[see](javascript:"), "a live link from a rationale");
    assert!(!markdown.lines().any(|l| l.starts_with("# Fake") || l.starts_with("- fake")), "{markdown}");
}

#[test]
fn a_not_this_cycle_decision_gets_a_letter_naming_the_unmet_criteria_with_their_evidence() {
    let mut session = sample_session();
    let dalia = PersonId::new("E2030");
    let target = session.proposals[&dalia].target.clone();
    assert_eq!(target, LevelId::new("P4"));
    let decision = {
        let mut d =
            Decision::new(Outcome::NotThisCycle, None, "Communication at P4 scope not shown yet", "Grace Okafor", at());
        d.time_spent_secs = Some(300);
        d
    };
    session
        .apply(Change::Decide { person: dalia.clone(), decision: Some(decision) }, "Grace Okafor", at())
        .expect("ok");
    let person = session.person(&dalia).expect("Dalia").clone();
    let letter = letter(&session, &person).expect("a letter");
    assert!(letter.starts_with("# Dalia Haddad: P4 Senior-plus — not this cycle\n"), "{letter}");
    assert!(letter.contains("Communication at P4 scope not shown yet"));
    // The sample rates Dalia's P4 communication "partly": a gap, with its evidence quoted.
    let communication = session.evidence_for(&dalia, &target, &DimensionId::new("communication")).expect("evidence");
    assert_eq!(communication.rating, Some(Rating::Partly));
    assert!(letter.contains("### Communication"), "{letter}");
    assert!(letter.contains(&format!("**Evidence this cycle** (partly): {}", communication.text)), "{letter}");
    // Criteria rated "meets" or better are named too, after the gaps, as what the evidence shows.
    let scope = session.evidence_for(&dalia, &target, &DimensionId::new("scope")).expect("evidence");
    assert_eq!(scope.rating, Some(Rating::Meets));
    let shows = letter.find("## What the evidence already shows").expect("met criteria named");
    assert!(letter[shows..].contains("### Scope of impact"), "{letter}");
    assert!(letter.find("### Communication").is_some_and(|gap| gap < shows), "{letter}");
    // Every decision gets a letter: the sample's five promotions and this one.
    let dir = tempfile::tempdir().expect("tempdir");
    let written = write_letters(&session, dir.path()).expect("written");
    assert_eq!(written.len(), 6);
    assert!(written.iter().any(|p| p.ends_with("not-this-cycle-E2030-Dalia-Haddad.md")), "{written:?}");
}

/// What the markdown fuzz target asserts, on one hostile text: HTML, a heading and a link typed
/// into a name, a rationale and a note come out of the Markdown packet and the gap letter with no
/// raw `<`.
#[test]
fn markdown_outputs_hold_no_raw_angle_bracket_from_typed_text() {
    use ladderboard::model::{Outcome, PersonId};
    let typed = "<img src=x onerror=alert(1)>\n# Promote everyone\n[click](javascript:alert(1)) <b>x</b>";
    let mut session = ladderboard::app::sample_session();
    let id = PersonId::new("E2010");
    if let Some(person) = session.people.iter_mut().find(|p| p.id == id) {
        person.name = typed.into();
    }
    let decision = session.decisions.get_mut(&id).expect("decided");
    decision.outcome = Outcome::NotThisCycle;
    decision.new_level = None;
    decision.rationale = typed.to_owned();
    session.reindex();
    let packet = ladderboard::io::export::packet::packet_markdown(&session);
    assert!(!packet.contains('<'), "{packet}");
    let person = session.person(&id).cloned().expect("person");
    let letter = ladderboard::io::export::letters::letter(&session, &person).expect("a letter");
    assert!(!letter.contains('<'), "{letter}");
    assert!(!letter.lines().any(|l| l.starts_with("# Promote")), "{letter}");
}
