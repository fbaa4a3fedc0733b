//! The decisions workbook: the CSV's columns and rows, text cells as text (never formulas), a
//! frozen and filtered header row, and columns sized to their content.
//! (`import ROSTER.xlsx` and `export --xlsx` are tested with the command line, in `cli.rs`.)

use calamine::{Data, Reader, Xlsx, open_workbook};
use ladderboard::io::export::csv::{CsvColumns, decision_headers};
use ladderboard::io::export::xlsx::export_decisions_xlsx;
use ladderboard::model::PersonId;
use std::io::Read as _;

#[test]
fn a_formula_looking_name_is_written_as_text_and_the_header_is_frozen_and_filtered() {
    let mut session = ladderboard::app::sample_session();
    let person = session.people.iter_mut().find(|p| p.id == PersonId::new("E2001")).expect("E2001");
    person.name = "=HYPERLINK(\"http://evil\",\"x\")".into();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("decisions.xlsx");
    export_decisions_xlsx(&session, &path, CsvColumns::Decisions).expect("written");

    let mut book: Xlsx<_> = open_workbook(&path).expect("opens");
    assert_eq!(book.sheet_names(), ["Decisions", "Record"]);
    let record = book.worksheet_range("Record").expect("record sheet");
    let state = record.rows().find(|r| r[0] == "State").map(|r| r[1].to_string());
    assert_eq!(state.as_deref(), Some("draft"));
    let range = book.worksheet_range("Decisions").expect("sheet");
    let header: Vec<String> = range.rows().next().expect("header").iter().map(ToString::to_string).collect();
    assert_eq!(header, decision_headers(&session, CsvColumns::Decisions));
    assert_eq!(range.height(), session.people.len() + 1, "a row per person");
    let row = range.rows().find(|r| r[0] == Data::String("E2001".into())).expect("E2001's row");
    assert_eq!(row[1], Data::String("=HYPERLINK(\"http://evil\",\"x\")".into()), "the text as it is, no quote added");
    let formulas = book.worksheet_formula("Decisions").expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell holds a formula");

    let mut sheet_xml = String::new();
    let file = std::fs::File::open(&path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    zip.by_name("xl/worksheets/sheet1.xml").expect("sheet1").read_to_string(&mut sheet_xml).expect("xml");
    assert!(sheet_xml.contains("ySplit=\"1\"") && sheet_xml.contains("state=\"frozen\""), "frozen header");
    let last_row = session.people.len() + 1;
    assert!(sheet_xml.contains(&format!("<autoFilter ref=\"A1:S{last_row}\"")), "filter over the table");
    assert!(sheet_xml.contains("<cols>") && sheet_xml.contains("customWidth=\"1\""), "sized columns");
}

#[test]
fn a_text_longer_than_an_excel_cell_is_cut_with_a_note_not_a_failed_export() {
    let mut session = ladderboard::app::sample_session();
    let id = session.decisions.keys().next().cloned().expect("a decision in the sample");
    session.decisions.get_mut(&id).expect("decision").rationale = "x".repeat(40_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long.xlsx");
    export_decisions_xlsx(&session, &path, CsvColumns::Decisions).expect("written");
    let mut book: Xlsx<_> = open_workbook(&path).expect("opens");
    let range = book.worksheet_range("Decisions").expect("sheet");
    let row = range.rows().find(|r| r[0] == Data::String(id.to_string())).expect("the row");
    let Data::String(rationale) = &row[11] else { panic!("text") };
    assert_eq!(rationale.chars().count(), 32_767);
    assert!(rationale.ends_with("the CSV and RON exports hold all of it]"));
}
