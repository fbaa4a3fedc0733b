//! The importer's rules on small inputs written out here: surplus cells, scientific-notation ids,
//! implausible years, NFC, reporting lines, a chosen encoding.

use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::decode::encoding_named;
use ladderboard::io::roster::{ImportOptions, RosterImport, parse_roster_with};
use std::path::Path;

fn parse(text: &[u8]) -> Result<RosterImport, String> {
    let options = ImportOptions { this_year: 2026, ..ImportOptions::default() };
    parse_roster_with(text, Path::new("r.csv"), &default_ladder(), &options).map_err(|e| e.to_string())
}

#[test]
fn empty_cells_past_the_header_are_ignored_but_a_filled_one_is_refused() {
    let imported = parse(b"id,name,level\nE1,Ada,P3,,\nE2,Ben,P2,\n").expect("trailing delimiters are fine");
    assert_eq!(imported.people.len(), 2);
    let message = parse(b"id,name,level\nE1,Ada,P3,,oops\n").expect_err("refused");
    assert!(
        message.contains("line 2") && message.contains("cell 5 holds \"oops\"") && message.contains("5 cells"),
        "{message}"
    );
}

#[test]
fn an_id_in_scientific_notation_is_refused_with_the_fix() {
    let message = parse(b"id,name,level\n1.23457E+11,Ada,P3\n").expect_err("refused");
    assert!(message.contains("scientific notation") && message.contains("as Text"), "{message}");
}

#[test]
fn a_year_before_1950_or_past_next_year_is_refused() {
    let message = parse(b"id,name,level,hire date\nE1,Ada,P3,1931-05-01\nE2,Ben,P2,2028-01-01\n").expect_err("refused");
    assert!(message.contains("line 2") && message.contains("1931"), "{message}");
    assert!(message.contains("line 3") && message.contains("2028"), "{message}");
}

#[test]
fn names_are_normalised_so_one_manager_is_one_manager() {
    let text = "id,name,manager,level\nE1,Ada,Jose\u{301} Ruiz,P3\nE2,Ben,Jos\u{e9} Ruiz,P2\n";
    let imported = parse(text.as_bytes()).expect("imports");
    assert_eq!(imported.people[0].manager, imported.people[1].manager);
    assert_eq!(imported.people[0].manager, "Jos\u{e9} Ruiz");
}

#[test]
fn a_self_manager_and_a_loop_are_reported_naming_the_people() {
    let message =
        parse(b"id,name,manager,level\nE1,Ada,E1,P3\nE2,Ben,E3,P2\nE3,Cy,Ben,P2\nE4,Di,Director Outside,P1\n")
            .expect_err("refused");
    assert!(message.contains("Ada (E1) is given as their own manager"), "{message}");
    assert!(message.contains("Ben (E2) reports to Cy (E3) reports to Ben (E2)"), "{message}");
    assert!(!message.contains("Di (E4)"), "a manager outside the roster is allowed: {message}");
}

#[test]
fn a_chosen_encoding_is_used_and_named() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode("id,name,level\nE1,Łukasz Żak,P3\n");
    let options =
        ImportOptions { encoding: encoding_named("windows-1250"), this_year: 2026, ..ImportOptions::default() };
    let imported = parse_roster_with(&bytes, Path::new("r.csv"), &default_ladder(), &options).expect("imports");
    assert_eq!(imported.people[0].name, "Łukasz Żak");
    assert!(imported.summary()[0].contains("windows-1250 (as chosen)"), "{:?}", imported.summary());
}

/// Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR: lines are numbered as an editor
/// shows them, slashed dates land on their own people, and the summary says how lines were read.
#[test]
fn lines_ending_in_a_lone_carriage_return_are_numbered_and_read_as_lines() {
    let rows = [
        "Employee ID,Name,Level,Hire Date",
        "E0,Ann,P2,03/04/2020",
        "E1,Bob,P2,",
        "E2,Cy,P2,13/04/2020",
        "E3,Di,P2,07/08/2021",
    ];
    let imported = parse(rows.join("\r").as_bytes()).expect("imports");
    let dates: Vec<String> =
        imported.people.iter().map(|p| p.start_date.map_or_else(String::new, |d| d.to_string())).collect();
    // 13/04 makes the column day-first.
    assert_eq!(dates, ["2020-04-03", "", "2020-04-13", "2021-08-07"]);
    assert!(imported.summary().iter().any(|l| l.starts_with("line ends: a carriage return alone")));

    let mut bad = rows;
    bad[3] = "E2,Cy,Wizard,13/04/2020";
    let message = parse(bad.join("\r").as_bytes()).expect_err("refused");
    assert!(message.contains("line 4"), "{message}");
}

/// A file pasted together from a Mac export and a Windows one: lone CRs and CRLFs both end lines.
#[test]
fn lines_ending_in_lone_carriage_returns_and_crlf_mixed_are_numbered_as_an_editor_does() {
    let text = "Employee ID,Name,Level\rE0,Ann,P2\r\nE1,Bob,P2\rE2,Cy,Wizard\r\nE3,Di,P2\n";
    let message = parse(text.as_bytes()).expect_err("refused");
    assert!(message.contains("line 4"), "{message}");
    let fine = text.replace("Wizard", "P3");
    let imported = parse(fine.as_bytes()).expect("imports");
    assert_eq!(imported.people.len(), 4);
    assert!(imported.summary().iter().any(|l| l.starts_with("line ends: a carriage return alone")));
}
