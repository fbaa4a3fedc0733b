//! Session round trips, version refusal, atomic private writes and decision exports.

use jiff::Timestamp;
use ladderboard::app::sample_session;
use ladderboard::io::FileError;
use ladderboard::io::export::csv::{CsvColumns, decisions_csv, export_decisions_csv, neutralise};
use ladderboard::io::export::ron::{DecisionRecord, export_decision_ron};
use ladderboard::io::session::{load_session, parse_session, save_session, session_to_string};
use ladderboard::model::{Change, Decision, Outcome, PersonId};
use std::path::Path;

#[test]
fn load_save_load_is_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let original = sample_session();
    save_session(&original, &path).expect("save");
    let first = load_session(&path).expect("load");
    assert_eq!(first, original);
    let text_one = std::fs::read_to_string(&path).expect("read");
    save_session(&first, &path).expect("save again");
    let text_two = std::fs::read_to_string(&path).expect("read");
    assert_eq!(text_one, text_two, "saving is byte-stable");
    assert_eq!(load_session(&path).expect("load"), original);
}

#[test]
fn the_embedded_sample_is_the_file_in_assets() {
    let text = session_to_string(&sample_session()).expect("serialise");
    assert_eq!(text, ladderboard::app::SAMPLE_SESSION_RON);
}

#[test]
fn newer_format_version_is_refused_clearly() {
    let text = ladderboard::app::SAMPLE_SESSION_RON.replacen(
        &format!("format_version: {}", ladderboard::model::CURRENT_FORMAT_VERSION),
        "format_version: 99",
        1,
    );
    let error = parse_session(text.as_bytes(), Path::new("future.ron")).expect_err("refuse");
    assert!(matches!(error, FileError::TooNew { found: 99, .. }));
    assert!(error.to_string().contains("update Ladderboard"), "{error}");
}

#[test]
fn syntax_errors_name_line_and_column() {
    let text = ladderboard::app::SAMPLE_SESSION_RON.replacen("title: \"", "title: ", 1);
    let error = parse_session(text.as_bytes(), Path::new("broken.ron")).expect_err("refuse");
    let problem = &error.problems()[0];
    assert_eq!(problem.line, Some(3), "{error}");
    assert!(problem.column.is_some());
    assert!(error.to_string().contains("broken.ron"));
}

#[test]
fn sessions_that_break_rules_are_refused() {
    let text = ladderboard::app::SAMPLE_SESSION_RON.replacen("id: \"E2002\"", "id: \"E2001\"", 1);
    let error = parse_session(text.as_bytes(), Path::new("dup.ron")).expect_err("refuse");
    assert!(error.to_string().contains("E2001") && error.to_string().contains("more than once"), "{error}");
}

#[cfg(unix)]
#[test]
fn writes_are_private_and_leave_no_temp_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let session = sample_session();
    let targets = [dir.path().join("s.ron"), dir.path().join("d.csv"), dir.path().join("d.ron")];
    save_session(&session, &targets[0]).expect("save");
    export_decisions_csv(&session, &targets[1], CsvColumns::Decisions).expect("csv");
    export_decision_ron(&session, &targets[2], Timestamp::UNIX_EPOCH).expect("ron");
    for path in &targets {
        let mode = std::fs::metadata(path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names.len(), 3, "no temp files left: {names:?}");
}

#[test]
fn saving_into_a_missing_folder_fails_without_touching_anything() {
    let error = save_session(&sample_session(), Path::new("/nonexistent-folder/x/s.ron")).expect_err("fails");
    assert!(error.to_string().contains("does not exist"), "{error}");
}

#[test]
fn csv_injection_is_neutralised() {
    for bad in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"] {
        assert!(neutralise(bad).starts_with('\''), "{bad:?}");
    }
    assert_eq!(neutralise("Ada Park"), "Ada Park");
    let mut session = sample_session();
    let id = session.people.iter().find(|p| p.level.as_str() == "P2").expect("a P2").id.clone();
    let decision = Decision::new(Outcome::Hold, None, "=cmd|' /C calc'!A0", "@chair", Timestamp::UNIX_EPOCH);
    session
        .apply(Change::Decide { person: id.clone(), decision: Some(decision) }, "chair", Timestamp::UNIX_EPOCH)
        .expect("apply");
    let bytes = decisions_csv(&session, CsvColumns::Decisions).expect("csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(headers.len(), 19);
    assert_eq!(&headers[18], "record");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), session.people.len());
    let row = rows.iter().find(|r| &r[0] == id.as_str()).expect("row");
    assert_eq!(&row[7], "hold");
    assert_eq!(&row[11], "'=cmd|' /C calc'!A0");
    assert_eq!(&row[13], "'@chair");
}

#[test]
fn ron_decision_record_holds_proposals_decisions_and_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("record.ron");
    let session = sample_session();
    export_decision_ron(&session, &path, Timestamp::UNIX_EPOCH).expect("export");
    let record: DecisionRecord = ron::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parse");
    assert_eq!(record.people.len(), session.people.len());
    let decided = record.people.iter().filter(|p| p.decision.is_some()).count();
    assert_eq!(decided, session.decisions.len());
    assert!(decided > 0);
    let with_history = record.people.iter().find(|p| p.proposal.is_some()).expect("a proposal");
    assert!(!with_history.history.is_empty() && !with_history.evidence.is_empty() && !with_history.notes.is_empty());
    assert!(record.people.iter().all(|p| p.id != PersonId::new("")));
}

#[test]
fn every_released_format_version_loads() {
    let fixtures = ladderboard::fixtures::fixture_path("sessions");
    let current = sample_session();
    for version in 1..=ladderboard::model::CURRENT_FORMAT_VERSION {
        let path = fixtures.join(format!("v{version}.ron"));
        let session = load_session(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(session.format_version, ladderboard::model::CURRENT_FORMAT_VERSION);
        // Formats before 4 kept no original cell texts; everything else is the same.
        let without_originals = |people: &[ladderboard::model::Person]| {
            people.iter().cloned().map(|mut p| (std::mem::take(&mut p.originals), p).1).collect::<Vec<_>>()
        };
        assert_eq!(without_originals(&session.people), without_originals(&current.people), "v{version}");
        assert!(session.kept_columns().eq(current.kept_columns()), "v{version}: the kept columns, in order");
        // Files from before the state check have no baseline event; the sample starts with one.
        let baseline = usize::from(current.has_state_baseline() && !session.has_state_baseline());
        assert_eq!(session.audit.len() + baseline, current.audit.len(), "v{version}");
        assert!(session.audit_breaks().is_empty(), "v{version}: migrated trail is sealed");
    }
}

#[test]
fn v3_migration_names_the_roster_columns_once() {
    let path = ladderboard::fixtures::fixture_path("sessions/v3.ron");
    let text = std::fs::read_to_string(&path).expect("fixture");
    assert!(text.contains(r#"extra: [("Location", "Lisbon"), ("Employment Type", "Full-time")]"#));
    let migrated = load_session(&path).expect("loads");
    assert_eq!(migrated.kept_columns().collect::<Vec<_>>(), ["Location", "Employment Type"]);
    let grace = &migrated.people[0];
    assert_eq!((grace.extra.get(0), grace.extra.get(1)), ("Lisbon", "Full-time"));
    // Saved again, the headers appear once, not once per person.
    let saved = ladderboard::io::session::session_to_string(&migrated).expect("ser");
    assert_eq!(saved.matches("\"Employment Type\"").count(), 1);
    assert!(saved.contains(r#"extra: "Lisbon,Full-time")"#), "one CSV line of values");
}

#[test]
fn v1_migration_seals_the_audit_trail() {
    let path = ladderboard::fixtures::fixture_path("sessions/v1.ron");
    let text = std::fs::read_to_string(&path).expect("fixture");
    assert!(text.contains("format_version: 1") && !text.contains("prev_hash"));
    let migrated = load_session(&path).expect("loads");
    assert!(migrated.audit.iter().all(|e| e.hash.len() == 64));
    assert_eq!(migrated.audit[1].prev_hash, migrated.audit[0].hash);
}

#[test]
fn a_tampered_audit_event_is_detected() {
    let mut session = sample_session();
    assert!(session.audit_breaks().is_empty());
    session.audit[3].why = "nothing to see here".to_owned();
    let breaks = session.audit_breaks();
    assert_eq!(breaks.len(), 1, "{breaks:?}");
    assert_eq!(breaks[0].seq, 4);
    assert!(breaks[0].to_string().contains("edited"));
    let mut removed = sample_session();
    removed.audit.remove(5);
    let breaks = removed.audit_breaks();
    assert!(breaks.iter().any(|b| b.problem.contains("removed")), "{breaks:?}");
    // The tampered file still opens (the record is not thrown away), but the breaks are reported.
    let text = ladderboard::io::session::session_to_string(&session).expect("ser");
    let loaded = parse_session(text.as_bytes(), Path::new("t.ron")).expect("loads");
    assert_eq!(loaded.audit_breaks().len(), 1);
}

#[test]
fn a_wide_roster_names_its_columns_once_so_the_session_stays_near_the_csvs_size() {
    // 26 columns, 19 of them kept as they are, as a Workday worker report has.
    let csv = ladderboard::fixtures::workday_roster_csv(2_000);
    let ladder = ladderboard::io::ladder_ron::default_ladder();
    let imported =
        ladderboard::io::roster::parse_roster(csv.as_bytes(), Path::new("workday.csv"), &ladder).expect("imports");
    assert_eq!(imported.roster_columns.len(), 26);
    let session = imported.into_session("wide", "", ladder, Path::new("roster.csv"), "HR", jiff::Timestamp::UNIX_EPOCH);
    let text = session_to_string(&session).expect("ser");
    // The ladder is written once whatever the roster's size; the people are what grow.
    let people_bytes = text.len()
        - session_to_string(&ladderboard::model::Session::new("wide", session.ladder.clone(), Vec::new()))
            .expect("ser")
            .len();
    let ratio = people_bytes as f64 / csv.len() as f64;
    assert!(ratio <= 1.5, "people take {ratio:.2} × the CSV's bytes");
    assert_eq!(text.matches("\"Cost Center\"").count(), 1, "each header once");
    let loaded = parse_session(text.as_bytes(), Path::new("wide.ron")).expect("loads");
    assert_eq!(loaded.people, session.people);
}

#[test]
fn opening_a_file_from_before_the_state_check_takes_it_as_the_base_and_says_so_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.ron");
    std::fs::copy(ladderboard::fixtures::fixture_path("sessions/v4.ron"), &old).expect("copy");
    let app = ladderboard::app::start(Some(&old), ladderboard::app::settings::Settings::default());
    let said = app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    assert!(said.contains("its current state is taken as the base"), "{said}");
    assert!(app.session().has_state_baseline());
    assert!(app.session().state_breaks().is_empty());
    assert!(app.is_dirty(), "the new base is saved with the next save");
}

#[test]
fn opening_a_session_edited_outside_ladderboard_warns_naming_the_person() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut session = sample_session();
    // An edit that no rule refuses and the trail did not record: a note's text rewritten.
    session.notes[0].text = "Nothing to worry about.".into();
    let who = session.person(&session.notes[0].person).map(|p| p.name.to_string()).expect("person");
    let path = dir.path().join("edited.ron");
    ladderboard::io::session::save_session(&session, &path).expect("saved");
    let app = ladderboard::app::start(Some(&path), ladderboard::app::settings::Settings::default());
    let said = app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    assert!(said.contains(&format!("{who} (")) && said.contains("notes changed outside Ladderboard"), "{said}");
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
}

/// Hostile and odd session files (issue 26): a byte-order mark, a comment that names another
/// version, targets that are not shares, a byte that is not UTF-8.
#[test]
fn odd_session_files_load_or_are_refused_for_what_they_are() {
    use ladderboard::io::FileKind;
    let sample = ladderboard::app::SAMPLE_SESSION_RON;
    // A UTF-8 byte-order mark, as some Windows editors save.
    let with_bom = format!("\u{feff}{sample}");
    assert_eq!(FileKind::of(with_bom.as_bytes()), FileKind::Session);
    parse_session(with_bom.as_bytes(), Path::new("bom.ron")).expect("a BOM is not part of the document");
    // A comment before the real field does not decide the version.
    let commented = format!("// format_version: 99\n{sample}");
    parse_session(commented.as_bytes(), Path::new("c.ron")).expect("the document's own field decides");
    // Targets that are not shares are a problem naming the field, not a silent load.
    for shares in ["[NaN, 0.5, 0.5]", "[-0.2, 0.6, 0.6]", "[0.5, 0.5]"] {
        let text = sample.replacen(
            "  audit: [",
            &format!("  band_targets: Some((shares: {shares}, tolerance: 0.1, min_group: 5)),\n  audit: ["),
            1,
        );
        let error = parse_session(text.as_bytes(), Path::new("t.ron")).expect_err("refused");
        assert!(error.to_string().contains("target shares"), "{shares}: {error}");
    }
    // A session with a byte that is not UTF-8 is still told to be a session, and its loader says which byte.
    let mut damaged = sample.as_bytes().to_vec();
    let at = sample.find("Grace Okafor").expect("a name");
    damaged[at] = 0xff;
    assert_eq!(FileKind::of(&damaged), FileKind::Session);
    let error = parse_session(&damaged, Path::new("d.ron")).expect_err("refused");
    assert!(error.to_string().contains("not valid UTF-8"), "{error}");
}

/// A text longer than its field allows — a 5 MB title, a 100 KiB rationale, a 2 KiB name — is
/// refused on load (and so by `validate` and on open), naming the field, line and column; texts at
/// the limit load.
#[test]
fn texts_past_their_limits_are_refused_naming_field_line_and_column() {
    use ladderboard::model::text_limits::{NAME_LIMIT, TEXT_LIMIT};
    let sample = ladderboard::app::SAMPLE_SESSION_RON;
    let title = "title: \"Engineering calibration — sample\"";
    assert!(sample.contains(title));
    let huge = sample.replacen(title, &format!("title: \"{}\"", "T".repeat(5 << 20)), 1);
    let error = parse_session(huge.as_bytes(), Path::new("huge.ron")).expect_err("refused");
    let said = error.to_string();
    assert!(said.contains("`title` holds 5242880 bytes; a name or title may hold at most 1024"), "{said}");
    assert!(said.contains("line 3"), "{said}");
    assert!(said.len() < 2_000, "the message does not quote the text: {} bytes", said.len());

    let rationale = "rationale: \"Evidence meets the target level in scope, depth and delivery.\"";
    let long = sample.replacen(rationale, &format!("rationale: \"{}\"", "é".repeat(TEXT_LIMIT / 2 + 1)), 1);
    let said = parse_session(long.as_bytes(), Path::new("long.ron")).expect_err("refused").to_string();
    assert!(said.contains("`rationale` holds 65538 bytes; a text may hold at most 65536 (64 KiB)"), "{said}");

    let at_limit = sample.replacen(title, &format!("title: \"{}\"", "T".repeat(NAME_LIMIT)), 1);
    let session = parse_session(at_limit.as_bytes(), Path::new("ok.ron")).expect("a title at the limit loads");
    assert_eq!(session.title.len(), NAME_LIMIT);
}

/// On a large file, read on every core, a long text in any chunk is found as it is read.
#[test]
fn a_long_text_deep_in_a_large_session_is_found_by_the_parallel_read() {
    let session = ladderboard::fixtures::large_session(3000);
    let text = session_to_string(&session).expect("writes");
    assert!(text.len() > 1 << 20, "large enough to be read in parallel");
    let note = "Led the design review for the payments ledger and mentored two engineers.";
    let at = text.rfind(note).expect("a note near the end");
    let long = format!("{}{}{}", &text[..at], "N".repeat(70_000), &text[at + note.len()..]);
    let said = parse_session(long.as_bytes(), Path::new("large.ron")).expect_err("refused").to_string();
    assert!(said.contains("holds 70000 bytes; a text may hold at most 65536"), "{said}");
    let line = long[..at].matches('\n').count() + 1;
    assert!(said.contains(&format!("line {line},")), "names line {line}: {said}");
}
