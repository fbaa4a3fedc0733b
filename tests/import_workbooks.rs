//! Roster workbooks (.xlsx, .xls, .ods) import with the CSV importer's rules, and every problem names
//! the sheet, row and column. The fixtures (built by `scripts/make_workbook_fixtures.py`, saved by
//! `LibreOffice` so formulas carry cached values) are laid out as HR exports are: a notes sheet, a
//! title and a merged group row above the header, numeric ids, formatted hire dates, bare Excel
//! serials for "level since", and the full name as a formula.

mod common;
use common::fixture;
use ladderboard::io::FileError;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::{ImportOptions, RosterImport, read_roster_with};
use ladderboard::model::{LevelId, PersonId};

fn workbook(name: &str, sheet: Option<&str>) -> Result<RosterImport, FileError> {
    let options = ImportOptions { sheet: sheet.map(str::to_owned), this_year: 2026, ..ImportOptions::default() };
    read_roster_with(&fixture(&format!("workbooks/{name}")), &default_ladder(), &options)
}

fn problems(name: &str, sheet: Option<&str>) -> Vec<String> {
    let error = workbook(name, sheet).expect_err("refused");
    match error.problems() {
        [] => vec![error.to_string()],
        list => list.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn xlsx_xls_and_ods_read_the_same_people() {
    for name in ["hr-export.xlsx", "hr-export.xls", "hr-export.ods"] {
        let imported = workbook(name, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sheet = imported.sheet.as_ref().expect("from a sheet");
        assert_eq!(sheet.name, "Roster", "{name}: the notes sheet is passed over");
        assert_eq!(sheet.why, "the one of 2 sheets with a roster header");
        assert_eq!(sheet.serial_dates, 4, "{name}: the Level Since column holds bare serials");
        let ids: Vec<&str> = imported.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["1001", "1002", "1003", "1004"], "{name}: numeric ids read without .0");
        let chloe = imported.people.iter().find(|p| p.id == PersonId::new("1003")).expect("1003");
        // The name is a formula (=B7&" "&C7): its cached value is read, never evaluated.
        assert_eq!(chloe.name, "Chloé Martin", "{name}");
        assert_eq!(chloe.manager, "Ada Park");
        assert_eq!(chloe.team, "Search");
        assert_eq!(chloe.level, LevelId::new("P2"));
        // A formatted date cell, and the serial 44571 = 2022-01-10.
        assert_eq!(chloe.start_date.map(|d| d.to_string()).as_deref(), Some("2022-01-10"), "{name}");
        assert_eq!(chloe.level_since.map(|d| d.to_string()).as_deref(), Some("2022-01-10"), "{name}");
        let ada = &imported.people[0];
        assert_eq!(ada.start_date.map(|d| d.to_string()).as_deref(), Some("2015-03-02"));
        assert_eq!(ada.level_since.map(|d| d.to_string()).as_deref(), Some("2021-01-01"), "serial 44197");
        let summary = imported.summary().join("\n");
        assert!(summary.starts_with("sheet: \"Roster\""), "{summary}");
        assert!(summary.contains("4 numbers in date columns read as Excel date serials"), "{summary}");
        assert_eq!(imported.source_label(), "sheet \"Roster\"");
    }
}

#[test]
fn two_roster_sheets_ask_which_and_a_chosen_sheet_is_read() {
    let asked = problems("two-rosters.xlsx", None);
    assert_eq!(asked.len(), 1);
    assert!(asked[0].contains("2 sheets have a roster header: \"Platform\", \"Search\""), "{}", asked[0]);
    assert!(asked[0].contains("--sheet NAME"), "{}", asked[0]);
    let search = workbook("two-rosters.xlsx", Some("Search")).expect("the chosen sheet");
    let ids: Vec<&str> = search.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["1003", "1004"]);
    assert_eq!(search.sheet.expect("sheet").why, "as chosen");
    let missing = problems("two-rosters.xlsx", Some("Design"));
    assert!(missing[0].contains("no sheet named \"Design\""), "{}", missing[0]);
    assert!(missing[0].contains("\"Platform\", \"Search\""), "{}", missing[0]);
}

#[test]
fn every_problem_names_the_sheet_row_and_column() {
    let found = problems("bad-cells.xlsx", None);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].starts_with("sheet \"Roster\", row 6, column \"Job Level\": unknown level"), "{}", found[0]);
    assert!(found[0].contains("(value: \"Wizard\")"));
    assert!(found[1].starts_with("sheet \"Roster\", row 7, column \"Team\": the cell shows a formula error"));
    assert!(found[1].contains("#DIV/0!"), "{}", found[1]);
    assert!(
        found[2].starts_with("sheet \"Roster\", row 8, column \"Employee ID\": duplicate id, first used on row 5"),
        "{}",
        found[2]
    );
}

#[test]
fn unreadable_workbooks_are_refused_with_advice() {
    let locked = problems("password.xlsx", None);
    assert!(locked[0].contains("password-protected"), "{}", locked[0]);
    assert!(locked[0].contains("remove the password"), "{}", locked[0]);
    let none = problems("no-roster.xlsx", None);
    assert!(none[0].contains("no sheet has a roster header row (sheets: \"Budget\")"), "{}", none[0]);
    // A workbook cut short (a download that did not finish).
    let bytes = std::fs::read(fixture("workbooks/hr-export.xlsx")).expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let cut = dir.path().join("cut.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let error = read_roster_with(&cut, &default_ladder(), &ImportOptions::default()).expect_err("refused");
    let text = error.to_string();
    assert!(text.contains("cut.xlsx") && text.contains("the workbook could not be read"), "{text}");
    assert!(text.contains("save it again as .xlsx"), "{text}");
}

/// A workbook written here: a header row, then `rows`, numbers where the cell parses as one.
fn write_workbook(dir: &std::path::Path, name: &str, sheet: &str, rows: &[&[&str]]) -> std::path::PathBuf {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).expect("name");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (u32::try_from(r).expect("row"), u16::try_from(c).expect("col"));
            match cell.parse::<f64>() {
                Ok(number) => ws.write_number(r, c, number).expect("cell"),
                Err(_) => ws.write_string(r, c, *cell).expect("cell"),
            };
        }
    }
    let path = dir.join(name);
    book.save(&path).expect("saved");
    path
}

#[test]
fn only_plausible_serials_are_dates_and_a_chosen_date_column_reads_serials() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_workbook(
        dir.path(),
        "people.xlsx",
        "Staff",
        &[&["Employee ID", "Name", "Level", "Level Since", "Promoted On"], &["7", "Wen Li", "P3", "2019", "44197"]],
    );
    let options = ImportOptions { this_year: 2026, ..ImportOptions::default() };
    // 2019 typed in "Level Since" is a year, not the serial for 1905-07-11: it is reported as written.
    let error = read_roster_with(&path, &default_ladder(), &options).expect_err("2019 is no date");
    let text = error.to_string();
    assert!(text.contains("(value: \"2019\")") && !text.contains("1905"), "{text}");
    // With the level-since date taken from "Promoted On", its serial 44197 reads as 2021-01-01.
    let chosen = ImportOptions {
        columns: vec![(ladderboard::model::Field::LevelSince, Some("Promoted On".into()))],
        this_year: 2026,
        ..ImportOptions::default()
    };
    let imported = read_roster_with(&path, &default_ladder(), &chosen).expect("imports");
    assert_eq!(imported.people[0].level_since.map(|d| d.to_string()).as_deref(), Some("2021-01-01"));
    // The sheet is named as Excel does, without regard to case.
    let by_name = ImportOptions { sheet: Some("staff".into()), ..chosen };
    assert!(read_roster_with(&path, &default_ladder(), &by_name).is_ok());
}

#[test]
fn a_web_page_saved_as_xls_is_named_for_what_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("export.xls");
    std::fs::write(&path, "<html><body><table><tr><td>Employee ID</td><td>Name</td></tr></table></body></html>")
        .expect("write");
    let error = read_roster_with(&path, &default_ladder(), &ImportOptions::default()).expect_err("refused");
    assert!(error.to_string().contains("a web page or XML document saved with a spreadsheet's name"), "{error}");
}
