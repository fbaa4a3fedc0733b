//! Roster import against the shapes HR systems really export, and every error kind.

mod common;
use common::import;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::parse_roster;
use ladderboard::model::Track;
use std::fmt::Write as _;
use std::path::Path;

fn level_of(imported: &ladderboard::io::roster::RosterImport, name: &str) -> String {
    imported.people.iter().find(|p| p.name == name).map(|p| p.level.to_string()).unwrap_or_default()
}

#[test]
fn utf8_bom_and_crlf() {
    let imported = import("bom_crlf.csv").expect("imports");
    assert_eq!(imported.people.len(), 2);
    let ada = &imported.people[0];
    assert_eq!(
        (ada.id.as_str(), ada.name.as_str(), ada.manager.as_str(), ada.team.as_str()),
        ("1", "Ada Park", "Tomás Herrera", "Payments")
    );
    assert_eq!(ada.level.as_str(), "P3");
    assert_eq!(level_of(&imported, "Bilal Hassan"), "P3", "title 'Senior' matches P3");
    assert!(!ada.name.contains('\u{feff}') && !ada.id.as_str().contains('\u{feff}'));
}

#[test]
fn semicolons_with_first_and_last_name() {
    let imported = import("semicolon_first_last.csv").expect("imports");
    assert_eq!(imported.delimiter, b';');
    assert_eq!(imported.people[0].name, "Chloé Martin");
    assert_eq!(imported.people[0].manager, "Mei Lin Zhou");
    assert_eq!(imported.people[0].team, "Search");
    assert_eq!(imported.people[1].level.as_str(), "P4");
}

#[test]
fn job_titles_and_other_companies_levels() {
    let imported = import("titles_aliases.csv").expect("imports");
    assert_eq!(level_of(&imported, "Esi Mensah"), "P3");
    assert_eq!(level_of(&imported, "Farah Aziz"), "P5");
    assert_eq!(level_of(&imported, "Gabriel Costa"), "P2");
    assert_eq!(level_of(&imported, "Hana Sato"), "P5");
    assert_eq!(level_of(&imported, "Jade Nguyen"), "P6");
    let ivan = imported.people.iter().find(|p| p.name == "Ivan Petrov").expect("present");
    assert_eq!((ivan.level.as_str(), ivan.track), ("M2", Track::Management));
}

#[test]
fn windows_1252_is_decoded() {
    let imported = import("windows1252.csv").expect("imports");
    assert_eq!(imported.encoding, "windows-1252");
    assert_eq!(imported.people[0].name, "José Müller");
    assert_eq!(imported.people[0].manager, "Zoë Brontë");
    assert_eq!(imported.people[1].name, "Renée Ångström");
}

#[test]
fn utf16_with_bom_is_decoded() {
    let imported = import("utf16.csv").expect("imports");
    assert_eq!(imported.delimiter, b'\t');
    assert_eq!(imported.people[0].name, "Rosa Jiménez");
}

#[test]
fn quoted_commas_and_newlines_and_unknown_columns_are_kept() {
    let imported = import("quoted_newline.csv").expect("imports");
    assert_eq!(imported.people[0].name, "Park, Ada");
    assert_eq!(
        extra_of(&imported, &imported.people[0]),
        extra(&[("notes", "Led the migration.\nSecond line, with comma.")])
    );
    assert_eq!(imported.people[1].name, "Kofi Boateng");
}

#[test]
fn tabs_dates_and_extra_columns() {
    let imported = import("tab.tsv").expect("imports");
    let lena = &imported.people[0];
    assert_eq!(lena.start_date.map(|d| d.to_string()), Some("2014-05-06".to_owned()));
    assert_eq!(extra_of(&imported, lena), extra(&[("Location", "Berlin")]));
    assert_eq!(lena.manager, "Jonas Becker");
}

#[test]
fn every_row_problem_is_reported_with_line_column_and_fix() {
    let error = import("errors.csv").expect_err("must refuse");
    let problems = error.problems();
    let text = error.to_string();
    assert!(text.contains("errors.csv"), "{text}");
    let find = |needle: &str| {
        problems.iter().find(|p| p.message.contains(needle)).unwrap_or_else(|| panic!("no '{needle}' in {text}"))
    };
    let dup = find("duplicate id");
    assert_eq!((dup.line, dup.column.as_deref(), dup.value.as_deref()), (Some(3), Some("id"), Some("60")));
    assert!(dup.message.contains("line 2"));
    let empty_name = find("name is empty");
    assert_eq!(empty_name.line, Some(4));
    let unknown = find("unknown level");
    assert_eq!((unknown.line, unknown.value.as_deref()), (Some(5), Some("P9")));
    assert!(unknown.fix.contains("P1 Junior") && unknown.fix.contains("P6 Principal"), "{}", unknown.fix);
    let date = find("cannot be told apart");
    assert_eq!((date.line, date.column.as_deref()), (Some(6), Some("hire date")));
    assert!(date.fix.contains("YYYY-MM-DD"));
    let empty_id = find("employee id is empty");
    assert_eq!(empty_id.line, Some(7));
    assert_eq!(problems.len(), 5, "{text}");
}

#[test]
fn missing_required_columns_list_accepted_headers() {
    let error = import("missing_columns.csv").expect_err("must refuse");
    let text = error.to_string();
    assert!(
        text.contains("no employee id column") && text.contains("\"employee id\"") && text.contains("\"worker id\""),
        "{text}"
    );
    assert!(text.contains("no level column") && text.contains("\"job level\"") && text.contains("\"grade\""), "{text}");
}

#[test]
fn an_import_with_errors_imports_nothing_even_when_most_rows_are_fine() {
    let mut csv = String::from("id,name,level\n");
    for i in 0..100 {
        let _ = writeln!(csv, "{i},Person {i},P2");
    }
    csv.push_str("100,Bad Level,Q7\n");
    assert!(parse_roster(csv.as_bytes(), Path::new("big.csv"), &default_ladder()).is_err());
}

#[test]
fn rows_with_more_cells_than_headers_are_reported() {
    let csv = "id,name,level\n1,Park, Ada,P3\n";
    let error = parse_roster(csv.as_bytes(), Path::new("x.csv"), &default_ladder()).expect_err("refuse");
    assert!(error.to_string().contains("line 2") && error.to_string().contains("4 cells"), "{error}");
}

#[test]
fn track_that_contradicts_the_level_is_reported() {
    let csv = "id,name,level,track\n1,Ada,P3,Management\n";
    let error = parse_roster(csv.as_bytes(), Path::new("x.csv"), &default_ladder()).expect_err("refuse");
    assert!(error.to_string().contains("M1 Tech Lead Manager"), "{error}");
}

#[test]
fn binary_and_empty_files_are_refused_with_advice() {
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00binary";
    let error = parse_roster(xlsx, Path::new("roster.xlsx"), &default_ladder()).expect_err("refuse");
    assert!(error.to_string().contains("export the sheet as CSV"), "{error}");
    let error = parse_roster(b"  \n", Path::new("empty.csv"), &default_ladder()).expect_err("refuse");
    assert!(error.to_string().contains("empty"), "{error}");
    let error = parse_roster(b"id,name,level\n", Path::new("h.csv"), &default_ladder()).expect_err("refuse");
    assert!(error.to_string().contains("no people"), "{error}");
}

#[test]
fn header_matching_ignores_case_and_punctuation() {
    let csv = "EMPLOYEE_ID,Full-Name,REPORTS TO,department,JOB LEVEL\n7,Wen Li,Mei,Search,staff\n";
    let imported = parse_roster(csv.as_bytes(), Path::new("x.csv"), &default_ladder()).expect("imports");
    let wen = &imported.people[0];
    assert_eq!(
        (wen.id.as_str(), wen.manager.as_str(), wen.team.as_str(), wen.level.as_str()),
        ("7", "Mei", "Search", "P5")
    );
}

#[test]
fn level_column_is_preferred_over_title() {
    let csv = "id,name,title,level\n7,Wen Li,Software Engineer,P4\n";
    let imported = parse_roster(csv.as_bytes(), Path::new("x.csv"), &default_ladder()).expect("imports");
    assert_eq!(imported.people[0].level.as_str(), "P4");
    assert_eq!(extra_of(&imported, &imported.people[0]), extra(&[("title", "Software Engineer")]));
}

#[test]
fn slashed_dates_follow_the_order_the_column_settles() {
    let csv =
        "id,name,level,hire date,last promotion\n1,Ada,P3,03/04/2020,Jan 5, 2023\n2,Bo,P2,12/25/2019,31.01.2024\n";
    // The wordy date contains a comma: quoted, as spreadsheets write it.
    let csv = csv.replace("Jan 5, 2023", "\"Jan 5, 2023\"");
    let imported = parse_roster(csv.as_bytes(), Path::new("us.csv"), &default_ladder()).expect("imports");
    let ada = &imported.people[0];
    assert_eq!(ada.start_date.map(|d| d.to_string()).as_deref(), Some("2020-03-04"), "month-first: 12/25 settles it");
    assert_eq!(ada.level_since.map(|d| d.to_string()).as_deref(), Some("2023-01-05"));
    assert_eq!(imported.people[1].level_since.map(|d| d.to_string()).as_deref(), Some("2024-01-31"));
    let day_first = "id,name,level,hire date\n1,Ada,P3,03/04/2020\n2,Bo,P2,25/12/2019\n";
    let imported = parse_roster(day_first.as_bytes(), Path::new("eu.csv"), &default_ladder()).expect("imports");
    assert_eq!(imported.people[0].start_date.map(|d| d.to_string()).as_deref(), Some("2020-04-03"));
}

#[test]
fn workday_style_report_with_title_lines() {
    let imported = import("workday_report.csv").expect("imports");
    assert_eq!(imported.people.len(), 3);
    let lena = &imported.people[0];
    assert_eq!((lena.id.as_str(), lena.name.as_str(), lena.level.as_str()), ("100", "Lena Fischer", "P2"));
    assert_eq!(lena.team, "Mobile (Jonas Becker)");
    assert_eq!(lena.start_date.map(|d| d.to_string()).as_deref(), Some("2021-07-15"), "month-first, settled by 07/15");
    let jonas = &imported.people[1];
    assert_eq!((jonas.level.as_str(), jonas.track), ("M2", Track::Management));
    assert_eq!(imported.people[2].level.as_str(), "P3", "\"Senior - L5\": both parts say P3");
}

#[test]
fn excel_sep_line_semicolons_and_day_first_dates() {
    let imported = import("excel_sep_line.csv").expect("imports");
    assert_eq!(imported.delimiter, b';');
    assert_eq!(imported.encoding, "windows-1252");
    let zoe = &imported.people[0];
    assert_eq!(
        (zoe.name.as_str(), zoe.manager.as_str(), zoe.team.as_str(), zoe.level.as_str()),
        ("Zoë Brontë", "Mei Lin Zhou", "Search", "P5")
    );
    assert_eq!(zoe.start_date.map(|d| d.to_string()).as_deref(), Some("2017-03-25"));
    assert_eq!(
        imported.people[1].start_date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-01"),
        "day-first: 13/02 settles it"
    );
}

#[test]
fn line_numbers_count_the_skipped_title_lines() {
    let csv = "Quarterly roster\nid,name,level\n1,Ada,P3\n2,Bo,Wizard\n";
    let error = parse_roster(csv.as_bytes(), Path::new("t.csv"), &default_ladder()).expect_err("refuse");
    assert_eq!(error.problems()[0].line, Some(4), "{error}");
}

#[test]
fn level_parts_that_disagree_are_not_guessed() {
    let csv = "id,name,level\n1,Ada,Senior (P5)\n";
    let error = parse_roster(csv.as_bytes(), Path::new("t.csv"), &default_ladder()).expect_err("refuse");
    let message = &error.problems()[0].message;
    assert_eq!(message, "ambiguous level: \"Senior\" means P3 but \"P5\" means P5", "says why, not just no");
}

/// Extra columns as (header, value) pairs.
fn extra(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|&(header, value)| (header.to_owned(), value.to_owned())).collect()
}

/// A person's kept columns, each with the header the import named once for the roster.
fn extra_of(
    imported: &ladderboard::io::roster::RosterImport,
    person: &ladderboard::model::Person,
) -> Vec<(String, String)> {
    let headers = imported.roster_columns.iter().filter(|c| c.field.is_none()).map(|c| c.header.to_string());
    headers.enumerate().map(|(i, header)| (header, person.extra.get(i).to_owned())).collect()
}

#[test]
fn adp_style_headers_and_us_dates() {
    let imported = import("adp_export.csv").expect("imports");
    let levels: Vec<&str> = imported.people.iter().map(|p| p.level.as_str()).collect();
    assert_eq!(levels, ["P3", "M2", "P2"], "Sr. Software Engineer, Engineering Manager, Software Engineer II");
    let chidi = &imported.people[0];
    assert_eq!((chidi.id.as_str(), chidi.manager.as_str(), chidi.team.as_str()), ("A100", "Maria Lopez", "Payments"));
    assert_eq!(chidi.start_date.map(|d| d.to_string()).as_deref(), Some("2019-03-15"), "month-first column");
}

#[test]
fn a_seniority_column_is_the_level_and_the_job_title_is_kept() {
    let imported = import("seniority_column.csv").expect("imports");
    let levels: Vec<&str> = imported.people.iter().map(|p| p.level.as_str()).collect();
    assert_eq!(levels, ["P3", "M2", "P5"]);
    assert_eq!(extra_of(&imported, &imported.people[0])[0], ("Job Title".into(), "Backend Engineer".into()));
}

#[test]
fn managers_given_by_id() {
    let imported = import("manager_ids.csv").expect("imports");
    let managers: Vec<&str> = imported.people.iter().map(|p| p.manager.as_str()).collect();
    assert_eq!(managers, ["u9", "u9", "u1"]);
}

#[test]
fn excel_text_formulas_keep_leading_zeros_and_numbered_titles_match() {
    let imported = import("excel_text_ids.csv").expect("imports");
    let ids: Vec<&str> = imported.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["000123", "000124"], "=\"000123\" is Excel's way of writing the text 000123");
    let levels: Vec<&str> = imported.people.iter().map(|p| p.level.as_str()).collect();
    assert_eq!(levels, ["P2", "P3"], "SWE 2, Software Engineer 3");
    assert_eq!(imported.people[0].extra.get(0), "  kept as is ", "other columns stay verbatim");
}

/// A file that is only Excel's separator line, in any case, with any separator, with or without a
/// byte-order mark or a line end, is refused as a file without a header: never a panic.
#[test]
fn a_file_of_only_a_sep_line_is_refused_as_having_no_header() {
    let ladder = ladderboard::io::ladder_ron::default_ladder();
    for text in ["SEP=.", "sep=,", "Sep=;\n", "sep=\t\r\n", "\u{feff}sep=,", "  sep=;  \n\n", "sep=|\r"] {
        let error = parse_roster(text.as_bytes(), Path::new("sep.csv"), &ladder).expect_err("refused");
        assert!(error.to_string().contains("no header row"), "{text:?}: {error}");
    }
    // A real roster after the line still reads.
    let imported = parse_roster(b"sep=;\nid;name;level\nE1;Ada;P3\n", Path::new("r.csv"), &ladder).expect("reads");
    assert_eq!(imported.people.len(), 1);
}
