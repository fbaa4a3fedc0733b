//! The inputs in `../shared/cases/import/` (copied to `tests/fixtures/rosters/cases/`), each a kind of
//! real HR export that used to be read wrongly in silence, with the right values from its README.

use ladderboard::io::FileError;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::columns::Field;
use ladderboard::io::roster::{ImportOptions, RosterImport, read_roster_with};
use ladderboard::model::Track;
use std::path::PathBuf;

fn case(name: &str) -> PathBuf {
    ladderboard::fixtures::fixture_path("rosters/cases").join(name)
}

fn options() -> ImportOptions {
    ImportOptions { this_year: 2026, ..ImportOptions::default() }
}

fn import_with(name: &str, options: &ImportOptions) -> Result<RosterImport, FileError> {
    read_roster_with(&case(name), &default_ladder(), options)
}

fn import(name: &str) -> Result<RosterImport, FileError> {
    import_with(name, &options())
}

fn refused(name: &str) -> String {
    import(name).map(|i| format!("imported {} people", i.people.len())).expect_err("refused").to_string()
}

fn person<'a>(imported: &'a RosterImport, id: &str) -> &'a ladderboard::model::Person {
    imported.people.iter().find(|p| p.id.as_str() == id).expect("person imported")
}

#[test]
fn shift_jis_is_detected_named_and_read_right() {
    let imported = import("shift-jis.csv").expect("imports");
    assert_eq!(imported.encoding, "Shift_JIS");
    let e001 = person(&imported, "E001");
    assert_eq!((e001.name.as_str(), e001.manager.as_str(), e001.team.as_str()), ("田中太郎", "山本花子", "基盤"));
    assert!(imported.summary()[0].contains("Shift_JIS"), "{:?}", imported.summary());
}

#[test]
fn crlf_errors_name_the_true_line() {
    let message = refused("crlf-bad-level.csv");
    assert!(message.contains("line 3, column \"Job Level\""), "{message}");
}

#[test]
fn two_digit_years_follow_the_documented_pivot() {
    let imported = import("two-digit-years.csv").expect("imports");
    let date = |id: &str| person(&imported, id).start_date.map(|d| d.to_string());
    assert_eq!(date("E001").as_deref(), Some("2019-01-15"));
    assert_eq!(person(&imported, "E001").level_since.map(|d| d.to_string()).as_deref(), Some("2024-04-01"));
    assert_eq!(date("E002").as_deref(), Some("2021-09-03"));
    assert_eq!(date("E003").as_deref(), Some("2016-06-01"));
    assert!(imported.summary().iter().any(|l| l.contains("two-digit year")), "{:?}", imported.summary());
}

#[test]
fn an_unclosed_quote_is_refused_naming_the_line_it_opened_on() {
    let message = refused("unclosed-quote.csv");
    assert!(message.contains("opened on line 2 is never closed"), "{message}");
}

#[test]
fn one_companys_two_spellings_are_refused_with_candidates_or_read_with_its_scheme() {
    let message = refused("company-level-codes.csv");
    assert!(message.contains("Meta IC5 = P3"), "{message}");
    let meta = ImportOptions { level_scheme: Some("Meta".into()), ..options() };
    let imported = import_with("company-level-codes.csv", &meta).expect("imports with the Meta scheme");
    let level = |id: &str| person(&imported, id).level.to_string();
    assert_eq!((level("E001"), level("E002")), ("P3".to_owned(), "P3".to_owned()));
    assert_eq!((level("E003"), level("E004")), ("P5".to_owned(), "P5".to_owned()));
}

#[test]
fn a_workday_report_takes_levels_from_job_profile_and_keeps_job_family() {
    let imported = import("workday-job-family.csv").expect("imports");
    assert_eq!(imported.people.len(), 4);
    let level = |id: &str| person(&imported, id).level.to_string();
    assert_eq!([level("W-1001"), level("W-1002"), level("W-1003"), level("W-1004")], ["P3", "P2", "M2", "P5"]);
    assert_eq!(person(&imported, "W-1003").track, Track::Management);
    let family = ladderboard::model::roster_layout::kept_value(
        &imported.roster_columns,
        person(&imported, "W-1001"),
        "Job Family",
    );
    assert_eq!(family, Some("Engineering"));
}

#[test]
fn the_dedicated_level_column_wins_over_the_title_and_the_summary_says_so() {
    let imported = import("title-and-level-columns.csv").expect("imports");
    let level = |id: &str| person(&imported, id).level.to_string();
    assert_eq!([level("E001"), level("E002"), level("E003"), level("E004")], ["M3", "P4", "P3", "P6"]);
    assert_eq!(person(&imported, "E002").manager, "Person A");
    let summary = imported.summary().join("\n");
    assert!(summary.contains("level ← column \"Job Level - Primary Position\""), "{summary}");
    assert!(summary.contains("\"Business Title\""), "{summary}");
    assert!(summary.contains("manager ← column \"Worker's Manager\""), "{summary}");
}

#[test]
fn a_chosen_column_overrides_the_rule() {
    let chosen = ImportOptions { columns: vec![(Field::Level, Some("Business Title".into()))], ..options() };
    let imported = import_with("title-and-level-columns.csv", &chosen).expect("imports");
    assert_eq!(person(&imported, "E002").level.as_str(), "P3", "\"Senior Software Engineer\" is P3");
    let missing = ImportOptions { columns: vec![(Field::Level, Some("Grade".into()))], ..options() };
    let message = import_with("title-and-level-columns.csv", &missing).expect_err("refused").to_string();
    assert!(message.contains("no column is headed \"Grade\""), "{message}");
}

#[test]
fn cjk_names_are_imported_intact() {
    let imported = import("cjk-names.csv").expect("imports");
    let names: Vec<&str> = imported.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["李伟", "田中太郎", "김민준", "王芳"]);
}
