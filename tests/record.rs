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
