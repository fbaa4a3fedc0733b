//! The record holds against a hand edit: every attack a text editor can make on a saved session is
//! refused on load or reported by the checks `validate`, every output, the merge and the window run.

use ladderboard::app::SAMPLE_SESSION_RON as SAMPLE;
use ladderboard::io::FileError;
use ladderboard::io::session::parse_session;
use ladderboard::model::Session;
use std::path::Path;

/// The sample with `from` replaced by `to` (once; the edit must apply).
fn edited(from: &str, to: &str) -> String {
    assert!(SAMPLE.contains(from), "the sample holds {from:?}");
    SAMPLE.replacen(from, to, 1)
}

fn parse(text: &str) -> Result<Session, FileError> {
    parse_session(text.as_bytes(), Path::new("edited.ron"))
}

/// What the record checks say about `text` (which must load).
fn breaks(text: &str) -> Vec<String> {
    let session = parse(text).unwrap_or_else(|e| panic!("loads: {e}"));
    session.record_breaks().iter().map(ToString::to_string).collect()
}

#[test]
fn the_sample_is_whole_and_wholly_sealed() {
    let session = parse(SAMPLE).expect("loads");
    assert!(session.record_breaks().is_empty(), "{:?}", session.record_breaks());
    assert!(session.is_fully_sealed());
}

#[test]
fn claiming_an_older_format_does_not_reseal_the_trail() {
    // The attack: say format 1, so that loading would seal every event anew.
    let text = edited("format_version: 5", "format_version: 1");
    let error = parse(&text).expect_err("refused");
    let said = error.to_string();
    assert!(said.contains("carries `hash`") && said.contains("edited to look older"), "{said}");
    assert!(error.problems().iter().any(|p| p.line.is_some()), "names the line: {said}");
    // Also with the hashes gone but the state digests left, or claiming format 3.
    let text = edited("format_version: 5", "format_version: 3");
    assert!(parse(&text).expect_err("refused").to_string().contains("carries `state`"));
    let text = edited("format_version: 5", "format_version: 4");
    assert!(parse(&text).expect_err("refused").to_string().contains("carries `doc`"));
}

#[test]
fn a_genuine_format_1_file_is_taken_on_trust_and_says_so() {
    let session = ladderboard::io::session::load_session(&ladderboard::fixtures::fixture_path("sessions/v1.ron"))
        .expect("v1 loads");
    let trusted = ladderboard::io::session::migrate::events_taken_on_trust(&session).expect("said in the trail");
    assert!(trusted > 0);
    let baseline = session.audit.last().expect("a baseline");
    assert_eq!(baseline.actor, ladderboard::io::session::migrate::MIGRATION_ACTOR);
    assert!(baseline.to.contains("people's state recorded"), "{}", baseline.to);
    assert!(session.record_breaks().is_empty());
}

#[test]
fn a_person_appended_after_the_last_one_is_reported_by_name() {
    let last = "    (id: \"E2040\", name: \"Nikhil Rao\"";
    let line_start = SAMPLE.find(last).expect("last person");
    let line_end = line_start + SAMPLE[line_start..].find('\n').expect("line end");
    let line = &SAMPLE[line_start..=line_end];
    let added = line.replace("E2040", "E9999").replace("Nikhil Rao", "Zed Forger");
    let text = format!("{}{added}{}", &SAMPLE[..=line_end], &SAMPLE[line_end + 1..]);
    let said = breaks(&text);
    assert!(said.iter().any(|b| b.contains("set of people") && b.contains("Zed Forger (E9999)")), "{said:?}");
}

#[test]
fn the_last_person_removed_is_reported() {
    let last = "    (id: \"E2040\", name: \"Nikhil Rao\"";
    let line_start = SAMPLE.find(last).expect("last person");
    let line_end = line_start + SAMPLE[line_start..].find('\n').expect("line end");
    // Everything else about E2040 would name them as unknown: take out only their roster line
    // (the sample has no other record of them unless it does, in which case the load refuses).
    let text = format!("{}{}", &SAMPLE[..line_start], &SAMPLE[line_end + 1..]);
    match parse(&text) {
        Ok(session) => {
            let said: Vec<String> = session.record_breaks().iter().map(ToString::to_string).collect();
            assert!(said.iter().any(|b| b.contains("set of people") && b.contains("removed")), "{said:?}");
        }
        Err(e) => assert!(e.to_string().contains("E2040"), "{e}"),
    }
}

#[test]
fn every_part_no_one_person_owns_is_sealed() {
    let cases: [(&str, &str, &str); 6] = [
        ("How far the work reaches", "How far the work sometimes reaches", "ladder and its criteria"),
        ("  ladder: (", "  blind: true,\n  ladder: (", "blind mode"),
        (
            "  audit: [",
            "  band_targets: Some((shares: [0.1, 0.8, 0.1], tolerance: 0.1, min_group: 5)),\n  audit: [",
            "fairness target",
        ),
        ("  audit: [", "  meeting: (minutes_per_candidate: 2, order: []),\n  audit: [", "agenda order and time box"),
        (
            "title: \"Engineering calibration — sample\"",
            "title: \"Engineering calibration — final\"",
            "title and cycle",
        ),
        ("\"Lisbon,Full-time\"", "\"Lisbon,Part-time\"", "roster record"),
    ];
    for (from, to, part) in cases {
        let said = breaks(&edited(from, to));
        assert!(said.iter().any(|b| b.contains(part)), "{part}: {said:?}");
    }
}

#[test]
fn marks_and_open_items_added_by_hand_are_reported() {
    let mark = "  marks: [(member: \"Forger\", person: \"E2002\", vote: Agree, comment: \"\", at: \"2026-11-03T09:00:00Z\")],\n  audit: [";
    let said = breaks(&edited("  audit: [", mark));
    assert!(said.iter().any(|b| b.contains("pre-read marks")), "{said:?}");
}

#[test]
fn a_decision_turned_by_hand_is_reported_naming_the_person_and_part() {
    let text =
        edited("outcome: Promote", "outcome: Hold, new_level_was: \"\"").replacen(", new_level_was: \"\"", "", 1);
    // A promotion needs a new level and a hold has none: either the load refuses, or the check names it.
    match parse(&text) {
        Ok(session) => {
            let said: Vec<String> = session.record_breaks().iter().map(ToString::to_string).collect();
            assert!(said.iter().any(|b| b.contains("decision")), "{said:?}");
        }
        Err(e) => assert!(!e.problems().is_empty(), "{e}"),
    }
}

/// Every letter or digit inside a quoted value, changed to another: the load refuses the file or
/// the record checks report it. (A change of whitespace between tokens changes nothing, and is
/// rightly not reported.)
#[test]
fn any_one_character_changed_in_a_value_is_reported() {
    let bytes = SAMPLE.as_bytes();
    let mut inside = false;
    let mut positions = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' && (i == 0 || bytes[i - 1] != b'\\') {
            inside = !inside;
        } else if inside && b.is_ascii_alphanumeric() {
            positions.push(i);
        }
    }
    // A spread sample keeps the test quick: every part of the file is visited.
    let step = (positions.len() / 400).max(1);
    let mut unreported = Vec::new();
    for &at in positions.iter().step_by(step) {
        let mut text = bytes.to_vec();
        text[at] = match text[at] {
            b'0'..=b'8' | b'a'..=b'y' | b'A'..=b'Y' => text[at] + 1,
            b'9' => b'0',
            b'z' => b'a',
            _ => b'A',
        };
        let Ok(text) = String::from_utf8(text) else { continue };
        if let Ok(session) = parse(&text)
            && session.record_breaks().is_empty()
        {
            let line = SAMPLE[..at].matches('\n').count() + 1;
            unreported.push(format!("line {line}: {}", &SAMPLE[at.saturating_sub(30)..(at + 10).min(SAMPLE.len())]));
        }
    }
    assert!(unreported.is_empty(), "edits not reported:\n{}", unreported.join("\n"));
}

mod restore_from_the_trail {
    use super::{SAMPLE, edited, parse};
    use ladderboard::document::{Document, Edit, EditError, Stamp};
    use ladderboard::model::{Outcome, PersonId};

    fn restore(text: &str) -> (Document, Result<String, EditError>) {
        let mut document = Document::new(parse(text).expect("loads"), None);
        let outcome = document.apply(Edit::RestoreFromTrail { reason: "hand edit found".into() }, &Stamp::now("Chair"));
        (document, outcome)
    }

    #[test]
    fn an_edited_decision_evidence_and_note_are_put_back_as_recorded_with_a_trace() {
        let text = edited(
            r#""E2010": (outcome: Promote, new_level: Some("P3")"#,
            r#""E2010": (outcome: NotThisCycle, new_level: None"#,
        );
        let text = text.replacen(
            r#"(person: "E2006", level: "P3", dimension: "scope", rating: Some(Meets)"#,
            r#"(person: "E2006", level: "P3", dimension: "scope", rating: Some(Exceeds)"#,
            1,
        );
        let text = text.replacen("Peers describe Farah Aziz as the go-to", "Peers doubt Farah Aziz as the go-to", 1);
        let session = parse(&text).expect("loads");
        let plan = session.restoration();
        assert_eq!(plan.restored.len(), 2, "{plan:?}");
        assert!(plan.restored.iter().any(|r| r.starts_with("Jade Nguyen (E2010): decision")), "{plan:?}");
        assert!(plan.restored.iter().any(|r| r.contains("(E2006): evidence, notes")), "{plan:?}");
        assert!(plan.kept.is_empty(), "{plan:?}");

        let (document, outcome) = restore(&text);
        let label = outcome.expect("restored");
        assert!(label.starts_with("restore from the trail"), "{label}");
        let restored = document.session();
        assert!(restored.record_breaks().is_empty(), "{:?}", restored.record_breaks());
        let original = parse(SAMPLE).expect("sample");
        let e2010 = PersonId::from("E2010");
        assert_eq!(restored.decisions[&e2010].outcome, Outcome::Promote);
        assert_eq!(restored.decisions, original.decisions);
        assert_eq!(restored.evidence, original.evidence);
        assert_eq!(restored.notes_for(&"E2006".into()).count(), 1);
        // Every event the restore wrote says why.
        let new_events = &restored.audit[original.audit.len()..];
        assert!(!new_events.is_empty());
        assert!(new_events.iter().all(|e| e.why.contains("restored from the trail") && e.actor == "Chair"));
    }

    #[test]
    fn a_person_with_an_unrecoverable_part_is_kept_whole_never_half_sealed() {
        // The roster record has no event of its own: the trail holds only its digest.
        let text = edited(r#"(id: "E2006", name: "Farah Aziz""#, r#"(id: "E2006", name: "Farah Azizi""#);
        let text = text.replacen("Peers describe Farah Aziz as the go-to", "Peers doubt Farah Aziz as the go-to", 1);
        let plan = parse(&text).expect("loads").restoration();
        assert!(plan.changes.is_empty(), "restoring the note would seal the edited name: {plan:?}");
        assert_eq!(plan.kept, vec!["Farah Azizi (E2006): the trail does not hold the roster record it sealed"]);
        let (document, outcome) = restore(&text);
        assert_eq!(outcome, Err(EditError::NothingToRestore));
        assert_eq!(document.session().record_breaks().len(), 1, "still reported");
    }

    #[test]
    fn a_decision_removed_by_hand_comes_back() {
        let line = SAMPLE.lines().find(|l| l.trim_start().starts_with(r#""E2034": (outcome"#)).expect("a decision");
        let text = SAMPLE.replacen(&format!("{line}\n"), "", 1);
        let (document, outcome) = restore(&text);
        outcome.expect("restored");
        assert!(document.session().decisions.contains_key(&PersonId::from("E2034")));
        assert!(document.session().record_breaks().is_empty());
    }
}
