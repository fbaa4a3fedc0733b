//! The inputs in `../shared/cases/workbooks/` (copied to `tests/fixtures/workbooks/` and
//! `tests/fixtures/rosters/cases/`), each a kind of workbook or export as Excel users really have
//! them, with the values its README gives.

use calamine::{Data, Reader, Xlsx, open_workbook};
use ladderboard::io::FileError;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::{ImportOptions, RosterImport, read_roster_with};
use ladderboard::model::Person;
use std::fmt::Write as _;
use std::path::PathBuf;

fn options() -> ImportOptions {
    ImportOptions { this_year: 2026, ..ImportOptions::default() }
}

fn import(path: &std::path::Path) -> Result<RosterImport, FileError> {
    read_roster_with(path, &default_ladder(), &options())
}

fn workbook(name: &str) -> RosterImport {
    import(&ladderboard::fixtures::fixture_path("workbooks").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn csv_case(name: &str) -> PathBuf {
    ladderboard::fixtures::fixture_path("rosters/cases").join(name)
}

fn person<'a>(imported: &'a RosterImport, id: &str) -> &'a Person {
    imported.people.iter().find(|p| p.id.as_str() == id).unwrap_or_else(|| panic!("{id} imported"))
}

/// A date as the person's fields hold it.
#[expect(clippy::unnecessary_wraps, reason = "compared with the people's optional dates")]
fn date(text: &str) -> Option<jiff::civil::Date> {
    Some(text.parse().expect("date"))
}

#[test]
fn a_1904_workbook_reads_bare_serials_in_its_own_date_system() {
    let imported = workbook("01b-excel-1904-bare-serials.xlsx");
    let e001 = person(&imported, "E001");
    assert_eq!((e001.start_date, e001.level_since), (date("2019-04-01"), date("2024-01-01")));
    assert_eq!(person(&imported, "E003").start_date, date("2016-06-01"));
    let summary = imported.summary().join("\n");
    assert!(summary.contains("1904 date system (43830 = 2024-01-01)"), "{summary}");
}

#[test]
fn a_header_over_two_lines_in_one_cell_is_one_header() {
    let imported = workbook("02-rich-text-and-line-breaks.xlsx");
    assert_eq!(imported.people.len(), 3);
    let headers: Vec<&str> = imported.roster_columns.iter().map(|c| c.header.as_str()).collect();
    assert!(headers.contains(&"Employee ID") && headers.contains(&"Full\nName"), "{headers:?}");
    assert_eq!(person(&imported, "E001").name, "Ada Example");
    assert_eq!(person(&imported, "E003").level.as_str(), "M2");
}

#[test]
fn ids_formatted_with_leading_zeros_read_as_excel_shows_them() {
    let imported = workbook("04-numeric-id-leading-zeros.xlsx");
    let ids: Vec<&str> = imported.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["00123", "00124", "00042"]);
    let summary = imported.summary().join("\n");
    assert!(summary.contains("with their format's leading zeros"), "{summary}");
}

#[test]
fn a_merged_team_cell_belongs_to_every_row_it_covers() {
    let imported = workbook("07-merged-team-cells.xlsx");
    for id in ["E001", "E002", "E003"] {
        assert_eq!(person(&imported, id).team, "Payments", "{id}");
    }
    assert_eq!(person(&imported, "E004").team, "Search");
    let summary = imported.summary().join("\n");
    assert!(summary.contains("D2:D4"), "{summary}");
}

#[test]
fn a_byte_order_mark_in_the_middle_of_a_file_is_dropped_and_said() {
    let imported = import(&csv_case("09-concatenated-bom-midfile.csv")).expect("imports");
    let ids: Vec<&str> = imported.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["E001", "E002", "E003", "E004"]);
    assert!(imported.people.iter().all(|p| !format!("{p:?}").contains('\u{feff}')), "no stray mark anywhere");
    let summary = imported.summary().join("\n");
    assert!(summary.contains("first on line 4: two exports joined into one file?"), "{summary}");
}

#[test]
fn a_repeated_header_line_is_named_as_such() {
    let dir = tempfile::tempdir().expect("dir");
    let joined = dir.path().join("joined.csv");
    std::fs::write(&joined, "Employee ID,Name,Level\nE001,Ada,P3\nEmployee ID,Name,Level\nE002,Ben,P2\n").expect("w");
    let refused = import(&joined).expect_err("refused").to_string();
    assert!(refused.contains("line 3") && refused.contains("repeats the header row"), "{refused}");
}

#[test]
fn turkish_dotted_and_dotless_i_headers_are_matched() {
    let imported = import(&csv_case("12-turkish-dotted-i-headers.csv")).expect("imports");
    let summary = imported.summary().join("\n");
    assert!(summary.contains("id ← column \"EMPLOYEE İD\""), "{summary}");
    assert!(summary.contains("start date ← column \"HİRE DATE\""), "{summary}");
    let e001 = person(&imported, "E001");
    assert_eq!((e001.name.as_str(), e001.start_date), ("Işıl Örnek", date("2019-04-01")));
}

#[test]
fn emoji_names_and_long_cells_export_to_a_workbook_cut_at_excels_limit() {
    let imported = import(&csv_case("13-emoji-long-cells.csv")).expect("imports");
    assert_eq!(person(&imported, "E001").name, "Ada 👩\u{200d}💻 Example");
    let session = imported.into_session(
        "t",
        "",
        default_ladder(),
        &csv_case("13-emoji-long-cells.csv"),
        "HR",
        jiff::Timestamp::UNIX_EPOCH,
    );
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("out.xlsx");
    ladderboard::io::export::xlsx::export_decisions_xlsx(
        &session,
        &out,
        ladderboard::io::export::csv::CsvColumns::WithRoster,
    )
    .expect("the workbook is written");
    let mut book: Xlsx<_> = open_workbook(&out).expect("opens");
    let range = book.worksheet_range("Decisions").expect("sheet");
    let mut cut = 0;
    for cell in range.used_cells().map(|(_, _, c)| c) {
        if let Data::String(text) = cell {
            assert!(text.encode_utf16().count() <= 32_767, "a cell of {} UTF-16 units", text.encode_utf16().count());
            cut += usize::from(text.ends_with("the CSV and RON exports hold all of it]"));
        }
    }
    assert!(cut >= 1, "the long cell is cut with the note");
}

#[test]
fn managers_written_last_comma_first_are_matched_and_a_loop_refused() {
    let refused = import(&csv_case("14b-bamboo-reports-to-last-first.csv")).expect_err("a loop").to_string();
    assert!(refused.contains("managers form a loop: Ada Example (101) reports to Grace Sample (103)"), "{refused}");
}

#[test]
fn a_roster_handed_back_and_imported_again_gives_the_cells_as_hr_wrote_them() {
    let imported = import(&csv_case("17-roundtrip-roster.csv")).expect("imports");
    let session = imported.into_session(
        "t",
        "",
        default_ladder(),
        &csv_case("17-roundtrip-roster.csv"),
        "HR",
        jiff::Timestamp::UNIX_EPOCH,
    );
    let bytes =
        ladderboard::io::export::csv::decisions_csv(&session, ladderboard::io::export::csv::CsvColumns::WithRoster)
            .expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark for Excel on Windows");
    let dir = tempfile::tempdir().expect("dir");
    let back = dir.path().join("back.csv");
    std::fs::write(&back, &bytes).expect("written");
    let again = import(&back).expect("imports again");
    let ids: Vec<&str> = again.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["101", "0102", "103"]);
    let first = person(&again, "101");
    assert_eq!(first.name, "Łucja Żabińska");
    let cells: Vec<String> =
        again.people.iter().flat_map(|p| p.extra.iter().map(str::to_owned).collect::<Vec<_>>()).collect();
    for expected in ["+48 601 000 001", "- mentors two interns", "=not a formula", "@channel lead"] {
        assert!(cells.iter().any(|c| c == expected), "{expected:?} in {cells:?}");
    }
    assert!(cells.iter().all(|c| !c.starts_with('\'')), "the protective apostrophe removed once: {cells:?}");
}

#[test]
fn no_manager_words_cost_centres_and_unmatched_managers_are_read_by_stated_rules() {
    let dir = tempfile::tempdir().expect("dir");
    let roster = dir.path().join("workday.csv");
    std::fs::write(
        &roster,
        "Employee ID,Worker,Worker's Manager,Cost Center,Supervisory Organization,Job Level\n\
         W1,Ada Top,None,4100,Platform,M4\n\
         W2,Ben Low,Ada Top,4100,Platform,P2\n\
         W3,Cy Far,Someone Elsewhere,4200,Search,P3\n",
    )
    .expect("written");
    let imported = import(&roster).expect("imports");
    assert_eq!(person(&imported, "W1").manager, "", "\"None\" is no manager");
    assert_eq!(person(&imported, "W2").team, "Platform", "the organisation's name, not the cost centre's number");
    let summary = imported.summary().join("\n");
    assert!(summary.contains("team ← column \"Supervisory Organization\""), "{summary}");
    assert!(summary.contains("1 cell saying \"None\""), "{summary}");
    assert!(summary.contains("managers not found in the roster: 1 (\"Someone Elsewhere\")"), "{summary}");
}

/// A workbook written here with `rust_xlsxwriter`: a roster sheet whose row 3 a filter hides, and a
/// hidden old roster sheet.
fn workbook_with_hidden_parts(path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let old = book.add_worksheet();
    old.set_name("Old roster").expect("name");
    for (col, text) in ["Employee ID", "Name", "Level"].into_iter().enumerate() {
        old.write_string(0, u16::try_from(col).expect("col"), text).expect("cell");
    }
    old.write_row(1, 0, ["X1", "Old Person", "P2"]).expect("row");
    old.set_hidden(true);
    let sheet = book.add_worksheet();
    sheet.set_name("Roster").expect("name");
    sheet.write_row(0, 0, ["Employee ID", "Name", "Level"]).expect("header");
    sheet.write_row(1, 0, ["E1", "Ada Example", "P3"]).expect("row");
    sheet.write_row(2, 0, ["E2", "Ben Example", "P2"]).expect("row");
    sheet.write_row(3, 0, ["E3", "Cy Example", "P4"]).expect("row");
    sheet.set_row_hidden(2).expect("hidden");
    sheet.set_active(true);
    book.save(path).expect("saved");
}

#[test]
fn hidden_rows_are_imported_and_said_and_a_hidden_sheet_is_passed_over() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("hidden.xlsx");
    workbook_with_hidden_parts(&path);
    let imported = import(&path).expect("imports");
    let ids: Vec<&str> = imported.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["E1", "E2", "E3"], "the hidden row is a person too; the hidden sheet is not read");
    let summary = imported.summary().join("\n");
    assert!(summary.contains("sheet: \"Roster\""), "{summary}");
    assert!(summary.contains("hidden rows: 1 row hidden in the workbook"), "{summary}");
    assert!(summary.contains("row 3"), "{summary}");
    assert!(summary.contains("hidden sheets, not read: \"Old roster\""), "{summary}");
}

#[test]
fn a_problem_repeated_on_many_lines_is_one_line_per_value() {
    let dir = tempfile::tempdir().expect("dir");
    let roster = dir.path().join("many.csv");
    let mut text = String::from("Employee ID,Name,Level\n");
    for i in 0..40 {
        let level = if i % 2 == 0 { "X9" } else { "Y1" };
        let _ = writeln!(text, "E{i},Person {i},{level}");
    }
    std::fs::write(&roster, text).expect("written");
    let error = import(&roster).expect_err("unknown levels");
    let problems = error.problems();
    assert_eq!(problems.len(), 2, "{error}");
    let first = problems[0].to_string();
    assert!(first.contains("line 2") && first.contains("\"X9\""), "{first}");
    assert!(first.contains("the same on 19 more lines: 4, 6, 8, 10, 12, …"), "{first}");
    assert!(first.contains("--level-scheme"), "an unknown code points to the level schemes: {first}");
}
