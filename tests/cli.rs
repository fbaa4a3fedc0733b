//! The command line, run as a user would: the real binary, real files, exit codes and messages.

mod common;
use calamine::Reader as _;
use common::{fixture, write_prep};
use std::process::Command;

fn ladderboard(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_ladderboard")).args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn import_then_export_then_validate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    let roster = fixture("rosters/semicolon_first_last.csv");
    let (code, out, err) = ladderboard(&[
        "import",
        roster.to_str().expect("utf8"),
        "-o",
        session.to_str().expect("utf8"),
        "--cycle",
        "2026 H2",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("imported 2 people"), "{out}");
    let (code, _, err) =
        ladderboard(&["import", roster.to_str().expect("utf8"), "-o", session.to_str().expect("utf8")]);
    assert_eq!(code, 3, "refuses to overwrite: {err}");
    assert!(err.contains("--force"));
    let csv = dir.path().join("d.csv");
    let ron = dir.path().join("d.ron");
    let (code, _, err) = ladderboard(&[
        "export",
        session.to_str().expect("utf8"),
        "--csv",
        csv.to_str().expect("utf8"),
        "--ron",
        ron.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&csv).expect("csv");
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark for Excel on Windows");
    assert!(text.starts_with("id,name,manager,team,track,current level"));
    assert!(text.contains("Chloé Martin"));
    assert!(ron.exists());
    let (code, out, _) = ladderboard(&["validate", session.to_str().expect("utf8")]);
    assert_eq!(code, 0);
    assert!(out.contains("session OK, 2 people"), "{out}");
}

#[test]
fn validate_reports_every_roster_problem_and_fails() {
    let (code, out, err) = ladderboard(&["validate", fixture("rosters/errors.csv").to_str().expect("utf8")]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("5 problems") && err.contains("line 5") && err.contains("P9"), "{err}");
}

#[test]
fn validate_accepts_the_default_ladder_and_sample() {
    let root = ladderboard::fixtures::repo_path("");
    let root = root.display();
    let (code, out, _) = ladderboard(&["validate", &format!("{root}/assets/ladders/engineering.ron")]);
    assert_eq!((code, out.contains("ladder OK, 11 levels")), (0, true), "{out}");
    let (code, out, _) = ladderboard(&["validate", &format!("{root}/assets/sample/roster.csv")]);
    assert_eq!((code, out.contains("roster OK, 45 people")), (0, true), "{out}");
}

#[test]
fn missing_files_exit_3_with_the_path() {
    let (code, _, err) = ladderboard(&["export", "/no/such/session.ron", "--csv", "/tmp/x.csv", "--force"]);
    assert_eq!(code, 3);
    assert!(err.contains("/no/such/session.ron") && err.contains("does not exist"), "{err}");
}

#[test]
fn ladder_prints_a_table_and_help_documents_exit_codes() {
    let (code, out, _) = ladderboard(&["ladder"]);
    assert_eq!(code, 0);
    assert!(out.contains("P5     IC          Staff") && out.contains("M3"), "{out}");
    let (code, out, _) = ladderboard(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Exit codes") && out.contains("3  a file could not be read"));
    let (code, _, _) = ladderboard(&["export"]);
    assert_eq!(code, 2);
}

#[test]
fn validate_flags_a_tampered_audit_trail() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.ron");
    let mut session = ladderboard::app::sample_session();
    session.audit.remove(0);
    ladderboard::io::session::save_session(&session, &path).expect("save");
    let (code, _, err) = ladderboard(&["validate", path.to_str().expect("utf8")]);
    assert_eq!(code, 1);
    assert!(err.contains("audit event") && err.contains("removed"), "{err}");
}

#[test]
fn import_prints_what_it_decided_and_takes_the_users_choices() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    let roster = fixture("rosters/cases/shift-jis.csv");
    let (code, out, err) =
        ladderboard(&["import", roster.to_str().expect("utf8"), "-o", session.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("encoding: Shift_JIS (detected"), "{out}");
    let codes = fixture("rosters/cases/company-level-codes.csv");
    let (code, _, err) = ladderboard(&["validate", codes.to_str().expect("utf8")]);
    assert_eq!(code, 1, "bare IC codes are refused without a scheme");
    assert!(err.contains("candidate levels: Meta IC5 = P3"), "{err}");
    let (code, out, err) = ladderboard(&["validate", codes.to_str().expect("utf8"), "--level-scheme", "Meta"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("levels: Meta level codes"), "{out}");
    let titles = fixture("rosters/cases/title-and-level-columns.csv");
    let (code, out, err) =
        ladderboard(&["validate", titles.to_str().expect("utf8"), "--column", "level=Job Level - Primary Position"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("level ← column \"Job Level - Primary Position\" (as chosen)"), "{out}");
}

#[test]
fn validate_tells_the_kind_of_file_from_its_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let no_extension = dir.path().join("roster");
    std::fs::copy(fixture("rosters/cases/cjk-names.csv"), &no_extension).expect("copy");
    let (code, out, err) = ladderboard(&["validate", no_extension.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("roster OK, 4 people"), "{out}");
    let workbook = dir.path().join("roster.csv");
    std::fs::write(&workbook, b"PK\x03\x04\x14\x00\x06\x00rest of a zip").expect("write");
    let (code, _, err) = ladderboard(&["validate", workbook.to_str().expect("utf8")]);
    assert_eq!(code, 1, "a workbook is a problem with the input, not a read failure: {err}");
    assert!(err.contains("workbook"), "{err}");
}

#[test]
fn export_with_roster_columns_hands_hr_their_own_file_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    let roster = fixture("rosters/cases/company-level-codes.csv");
    let (code, _, err) = ladderboard(&[
        "import",
        roster.to_str().expect("utf8"),
        "-o",
        session.to_str().expect("utf8"),
        "--level-scheme",
        "Meta",
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = dir.path().join("hr.csv");
    let (code, out, err) = ladderboard(&[
        "export",
        session.to_str().expect("utf8"),
        "--csv",
        csv.to_str().expect("utf8"),
        "--with-roster-columns",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("note:"), "{out}");
    let text = std::fs::read_to_string(&csv).expect("written");
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some(
            "Employee ID,Full Name,Manager,Team,Level,proposed level,decision,new level,new title,effective date,rationale,reasons,decided by,decided at,present,recused,time spent (min),record"
        )
    );
    // HR's own level codes come back as HR wrote them, not as the ladder's P3; the record's head
    // ends every row, so the copy can be checked against the session later.
    let record =
        |line: Option<&str>| line.and_then(|l| l.rsplit_once(',')).map(|(row, head)| (row.to_owned(), head.to_owned()));
    let (row, head) = record(lines.next()).expect("E001");
    assert_eq!(row, "E001,Ada Example,Grace Sample,Feed,E5,,,,,,,,,,,,");
    assert!(head.starts_with("draft · 1 · "), "{head}");
    assert_eq!(record(lines.next()).expect("E002").0, "E002,Ben Example,Grace Sample,Feed,IC5,,,,,,,,,,,,");
    // Without the flag, Ladderboard's own columns, with the level as the ladder names it.
    let (code, _, err) =
        ladderboard(&["export", session.to_str().expect("utf8"), "--csv", csv.to_str().expect("utf8")]);
    assert_eq!(code, 3, "an existing file is kept without --force: {err}");
    let (code, _, err) =
        ladderboard(&["export", session.to_str().expect("utf8"), "--csv", csv.to_str().expect("utf8"), "--force"]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&csv).expect("written");
    let row = text.lines().nth(1).expect("a row");
    assert!(row.starts_with("E001,Ada Example,Grace Sample,Feed,") && row.contains(",P3,"), "{row}");
}

#[test]
fn merge_lists_every_disagreement_and_writes_only_when_told_how_to_settle_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mei, priya) = (write_prep(dir.path(), "mei.ron", "P4"), write_prep(dir.path(), "priya.ron", "P5"));
    let before = std::fs::read(&mei).expect("read");
    let out = dir.path().join("committee.ron");
    let (m, p, o) = (mei.to_str().expect("utf8"), priya.to_str().expect("utf8"), out.to_str().expect("utf8"));
    let (code, _, err) = ladderboard(&["merge", m, p, "-o", o]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("E2001 Ada Park: the files disagree about the proposal"), "{err}");
    assert!(err.contains("mei.ron: P4 — Ready for P4") && err.contains("priya.ron: P5 — Ready for P5"), "{err}");
    assert!(!out.exists(), "nothing half-merged is written");
    let (code, stdout, err) = ladderboard(&["merge", m, p, "-o", o, "--prefer", p]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("merged 2 files: 45 people, 0 disagreements open"), "{stdout}");
    let merged = ladderboard::io::session::load_session(&out).expect("loads");
    assert_eq!(merged.proposals[&ladderboard::model::PersonId::new("E2001")].target.as_str(), "P5");
    let last = merged.audit.iter().rev().find(|e| e.action == "merge prep files").expect("merge event");
    assert_eq!(merged.audit.last().map(|e| e.action.as_str()), Some("baseline"), "the merged state is the base");
    assert!(last.to.contains("mei.ron (sha256 ") && last.to.contains("priya.ron (sha256 "), "{}", last.to);
    assert_eq!(std::fs::read(&mei).expect("read"), before, "inputs are never written");
    let (code, stdout, err) = ladderboard(&["merge", m, p, "-o", o, "--keep-open", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("1 disagreement open"), "{stdout}");
    let (code, _, err) = ladderboard(&["merge", m, p, "-o", m]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("never writes over the file it reads"), "{err}");
    let (code, _, err) = ladderboard(&["merge", m, p, "-o", o, "--force", "--prefer", "other.ron"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--prefer other.ron is not one of the files to merge"), "{err}");
    // Export never writes over the session it reads, even with --force.
    let (code, _, err) = ladderboard(&["export", m, "--ron", m, "--force"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read(&mei).expect("read"), before);
}

#[test]
fn a_session_in_blind_mode_exports_codes_not_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut session = ladderboard::app::sample_session();
    let at: jiff::Timestamp = "2026-11-30T10:00:00Z".parse().expect("time");
    session.apply(ladderboard::model::Change::SetBlind { on: true }, "Chair", at).expect("blind");
    let path = dir.path().join("blind.ron");
    ladderboard::io::session::save_session(&session, &path).expect("saved");
    let csv = dir.path().join("d.csv");
    let (code, out, err) = ladderboard(&["export", path.to_str().expect("utf8"), "--csv", csv.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("exported as codes"), "said on standard error: {err}");
    assert!(out.contains("wrote"), "{out}");
    // The notice stays off standard output, so `report --json` remains JSON.
    let (code, json, err) = ladderboard(&["report", path.to_str().expect("utf8"), "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(json.trim_start().starts_with('{') && !json.contains("Ada Park"), "{json}");
    let text = std::fs::read_to_string(&csv).expect("written");
    assert!(text.contains("Candidate ") && text.contains("Manager "), "{text}");
    for person in &session.people {
        assert!(!text.contains(person.name.as_str()), "{} leaked", person.name);
    }
}

#[test]
fn report_prints_the_distribution_the_drift_and_the_coverage_as_markdown() {
    let root = ladderboard::fixtures::repo_path("");
    let root = root.display();
    let (code, out, err) = ladderboard(&["report", &format!("{root}/assets/sample/session.ron")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("| P5 | 5 | 0 (0 %) | 1 (20 %) | 4 (80 %) | strays: strong 80 % (38–96 %) |"), "{out}");
    assert!(out.contains("| P6 | 2 | 1 (50 %) | 0 (0 %) | 1 (50 %) | too few to compare |"), "{out}");
    // Mei Lin Zhou proposed all ten of her people; the organisation 37 % at the same levels.
    assert!(out.contains("| Mei Lin Zhou | 10 | 2.10 (2.05) | 100 % (37 %) | 100 % |  |"), "{out}");
    assert!(out.contains("- Victor Adeyemi → P5: 2 of 5 criteria met; open: Technical depth, Communication"), "{out}");
    // Before / after: of her 10 proposals 5 are decided, all promoted as proposed.
    assert!(out.contains("| Mei Lin Zhou | 10 | 5 | 5 | 0 | 0 | 0 | 0 % |"), "{out}");
    assert!(out.contains("## Time in level per team"), "{out}");
    let session = format!("{root}/assets/sample/session.ron");
    let (code, json, err) = ladderboard(&["report", &session, "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(json.contains("\"manager\": \"Mei Lin Zhou\""), "{json}");
    assert!(json.contains("\"as_proposed\": 5"), "{json}");
    let (code, csv, err) = ladderboard(&["report", &session, "--csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(csv.starts_with("section,group,level,measure,value\n"), "{csv}");
    assert!(csv.contains("\ndistribution,everyone,P5,strong people,4\n"), "{csv}");
    assert!(csv.contains("\nbefore/after by manager,Mei Lin Zhou,,promoted as proposed,5\n"), "{csv}");
    let (code, _, _) = ladderboard(&["report", &session, "--csv", "--json"]);
    assert_eq!(code, 2, "one format at a time");
}

#[test]
fn a_decision_changed_in_the_file_outside_ladderboard_is_reported_naming_the_person_and_part() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = ladderboard::fixtures::repo_path("");
    let root = root.display();
    let text = std::fs::read_to_string(format!("{root}/assets/sample/session.ron")).expect("sample");
    let clean = dir.path().join("clean.ron");
    std::fs::write(&clean, &text).expect("write");
    let (code, out, err) = ladderboard(&["validate", clean.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("session OK"), "{out}");
    // Someone rewrites who decided, in a text editor: the trail itself is untouched.
    let line = "\"E2002\": (outcome: Promote, new_level: Some(\"P6\"), rationale: \"Evidence meets the target level in scope, depth and delivery.\", decided_by: \"Grace Okafor\"";
    let edited = text.replacen(line, &line.replace("Grace Okafor", "Mallory"), 1);
    assert_ne!(edited, text, "the sample decides E2002 first");
    let tampered = dir.path().join("tampered.ron");
    std::fs::write(&tampered, edited).expect("write");
    let (code, _, err) = ladderboard(&["validate", tampered.to_str().expect("utf8")]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Bilal Hassan (E2002): decision changed outside Ladderboard"), "{err}");
    // No output launders it: each verb that makes something from the file refuses it, naming it.
    let file = tampered.to_str().expect("utf8");
    let out_dir = dir.path().join("out");
    let csv = out_dir.join("d.csv");
    let html = out_dir.join("p.html");
    std::fs::create_dir(&out_dir).expect("dir");
    for args in [
        vec!["export", file, "--csv", csv.to_str().expect("utf8")],
        vec!["packet", file, "--html", html.to_str().expect("utf8")],
        vec!["minutes", file, "--html", html.to_str().expect("utf8")],
        vec!["letters", file, "-o", out_dir.to_str().expect("utf8")],
        vec!["report", file],
        vec!["merge", file, clean.to_str().expect("utf8"), "-o", out_dir.join("m.ron").to_str().expect("utf8")],
    ] {
        let (code, out, err) = ladderboard(&args);
        assert_eq!(code, 1, "{args:?}: {out} {err}");
        assert!(err.contains("E2002") && err.contains("decision"), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_dir(&out_dir).expect("dir").count(), 0, "nothing written");
}

#[test]
fn import_a_workbook_then_export_a_workbook_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let roster = ladderboard::fixtures::fixture_path("workbooks/two-rosters.xlsx");
    let session = dir.path().join("s.ron");
    let (code, _, err) =
        ladderboard(&["import", roster.to_str().expect("utf8"), "-o", session.to_str().expect("utf8")]);
    assert_eq!(code, 1, "two roster sheets: the user must choose");
    assert!(err.contains("--sheet NAME"), "{err}");
    let (code, out, err) = ladderboard(&[
        "import",
        roster.to_str().expect("utf8"),
        "--sheet",
        "Platform",
        "-o",
        session.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("imported 2 people (sheet \"Platform\")"), "{out}");
    let xlsx = dir.path().join("hr.xlsx");
    let (code, out, err) = ladderboard(&[
        "export",
        session.to_str().expect("utf8"),
        "--xlsx",
        xlsx.to_str().expect("utf8"),
        "--with-roster-columns",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote"), "{out}");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("opens");
    let range = book.worksheet_range("Decisions").expect("sheet");
    let header: Vec<String> = range.rows().next().expect("header").iter().map(ToString::to_string).collect();
    assert_eq!(&header[..3], ["Employee ID", "First Name", "Last Name"], "the roster's own columns first");
    assert_eq!(range.get_value((1, 0)), Some(&calamine::Data::String("1001".into())), "ids stay text");
}

#[test]
fn validate_says_a_format_1_files_events_were_taken_on_trust() {
    let v1 = ladderboard::fixtures::fixture_path("sessions/v1.ron");
    let (code, out, err) = ladderboard(&["validate", v1.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("session OK") && out.contains("predate sealing") && out.contains("taken on trust"), "{out}");
}

#[test]
fn a_closed_or_full_standard_output_ends_quietly_or_with_exit_3_never_a_panic() {
    let sample = ladderboard::fixtures::repo_path("assets/sample/session.ron");
    let sample = sample.to_str().expect("utf8");
    // The reader goes away before the report is written (`ladderboard report S.ron | head -0`).
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladderboard"))
        .args(["report", sample])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let output = Command::new(env!("CARGO_BIN_EXE_ladderboard"))
            .args(["report", sample])
            .stdout(full)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{err}");
        assert!(err.contains("standard output") && err.contains("disk is full") && !err.contains("panicked"), "{err}");
    }
}

#[test]
fn minutes_and_a_letter_for_every_decision_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    ladderboard::io::session::save_session(&ladderboard::app::sample_session(), &session).expect("saved");
    let file = session.to_str().expect("utf8");
    let md = dir.path().join("minutes.md");
    let (code, out, err) = ladderboard(&["minutes", file, "--md", md.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote "), "{out}");
    let minutes = std::fs::read_to_string(&md).expect("minutes");
    for text in [
        "## Attendance",
        "## Decisions",
        "Bilal Hassan: **promote to P6**",
        "## Still open",
        "Farah Aziz → P3: not decided",
    ] {
        assert!(minutes.contains(text), "{text:?} in\n{minutes}");
    }
    let (code, _, err) = ladderboard(&["minutes", file, "--md", md.to_str().expect("utf8")]);
    assert_eq!(code, 3, "an existing file is not replaced without --force: {err}");
    let (code, _, err) = ladderboard(&["minutes", file]);
    assert_eq!(code, 1, "nothing to write: {err}");
    assert!(err.contains("--md OUT.md"), "{err}");

    let letters = dir.path().join("letters");
    let (code, out, err) = ladderboard(&["letters", file, "-o", letters.to_str().expect("utf8")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote 5 letters"), "the sample's five promotions: {out}");
    let names: Vec<String> = std::fs::read_dir(&letters)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 5);
    assert!(names.iter().all(|n| n.starts_with("promote-E20")), "{names:?}");
    let bilal = std::fs::read_to_string(letters.join("promote-E2002-Bilal-Hassan.md")).expect("Bilal's letter");
    assert!(bilal.starts_with("# Bilal Hassan: promoted to P6 Principal"), "{bilal}");
}
