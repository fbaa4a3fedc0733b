//! The decisions CSV with the roster's own columns: every column of the imported file in its order
//! and with its values, then the decision columns, so HR gets their own file back.

use ladderboard::io::export::csv::{CsvColumns, decisions_csv};
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::parse_roster;
use ladderboard::model::{Change, Decision, LevelId, Outcome, PersonId, Proposal};
use std::path::Path;

const ROSTER: &str = "\
Employee ID,Worker,Business Title,Job Level - Primary Position,Worker's Manager,Hire Date,Location,Decision
E001,Person A,Engineering Manager,M3 - Senior Engineering Manager,,15-Jan-19,Lisbon,keep
E002,Person B,Senior Software Engineer,P3 - Senior,Person A,2021-03-01,Remote,
";

#[test]
fn every_roster_column_comes_back_in_order_with_its_own_values_then_the_decision() {
    let ladder = default_ladder();
    let imported = parse_roster(ROSTER.as_bytes(), Path::new("workday.csv"), &ladder).expect("imports");
    let mut session =
        imported.into_session("t", "", ladder, Path::new("roster.csv"), "HR", jiff::Timestamp::UNIX_EPOCH);
    let e002 = PersonId::new("E002");
    let at: jiff::Timestamp = "2026-11-30T10:00:00Z".parse().expect("time");
    let proposal = Proposal {
        target: LevelId::new("P4"),
        rationale: "Leads the ledger".into(),
        proposer: "Chair".into(),
        proposed_at: at,
    };
    session.apply(Change::Propose { person: e002.clone(), proposal: Some(proposal) }, "Chair", at).expect("proposed");
    let decision = Decision::new(Outcome::Promote, Some(LevelId::new("P4")), "Agreed", "Chair", at);
    session.apply(Change::Decide { person: e002, decision: Some(decision) }, "Chair", at).expect("decided");

    let text = String::from_utf8(decisions_csv(&session, CsvColumns::WithRoster).expect("csv"))
        .expect("utf8")
        .replacen('\u{feff}', "", 1);
    let lines: Vec<&str> = text.lines().collect();
    // The roster has its own "Decision" column, so ours is named apart.
    assert_eq!(
        lines[0],
        "Employee ID,Worker,Business Title,Job Level - Primary Position,Worker's Manager,Hire Date,Location,Decision,\
         proposed level,calibration decision,new level,new title,effective date,rationale,reasons,decided by,decided at,present,recused,time spent (min),record"
    );
    // Every row ends with the record's head; the rows before it are HR's file with the decisions.
    let head = format!(",{}", session.head_summary());
    let rows: Vec<&str> =
        lines[1..].iter().map(|l| l.strip_suffix(head.as_str()).expect("the record's head ends the row")).collect();
    // The level cell and the date come back as the file wrote them, not as read (M3, 2019-01-15).
    assert_eq!(
        rows[0],
        "E001,Person A,Engineering Manager,M3 - Senior Engineering Manager,,15-Jan-19,Lisbon,keep,,,,,,,,,,,,"
    );
    assert_eq!(
        rows[1],
        "E002,Person B,Senior Software Engineer,P3 - Senior,Person A,2021-03-01,Remote,,P4,promote,P4,Senior-plus,,Agreed,,Chair,2026-11-30T10:00:00Z,,,"
    );
}

#[test]
fn a_session_without_recorded_columns_exports_ladderboards_own() {
    let ladder = default_ladder();
    let imported = parse_roster(ROSTER.as_bytes(), Path::new("workday.csv"), &ladder).expect("imports");
    let mut session =
        imported.into_session("t", "", ladder, Path::new("roster.csv"), "HR", jiff::Timestamp::UNIX_EPOCH);
    session.roster_columns.clear();
    let with = decisions_csv(&session, CsvColumns::WithRoster).expect("csv");
    let without = decisions_csv(&session, CsvColumns::Decisions).expect("csv");
    assert_eq!(with, without);
}

#[test]
fn a_column_rule_is_kept_once_and_a_person_keeps_only_a_cell_that_departs_from_it() {
    let roster = "\
Employee ID,Name,Level,Hire Date
1,Ada,P3 - Senior,01/15/2019
2,Ben,P3 - Senior,02/20/2020
3,Cy,Senior,03/01/2021
";
    let ladder = default_ladder();
    let imported = parse_roster(roster.as_bytes(), Path::new("r.csv"), &ladder).expect("imports");
    let level = imported.roster_columns.iter().find(|c| c.header == "Level").expect("level column");
    assert_eq!(level.spellings, vec![("P3".into(), "P3 - Senior".into())]);
    let hired = imported.roster_columns.iter().find(|c| c.header == "Hire Date").expect("date column");
    assert_eq!(hired.date_format.as_deref(), Some("%m/%d/%Y"));
    let originals: Vec<usize> = imported.people.iter().map(|p| p.originals.len()).collect();
    // Ada and Ben follow the column; Cy wrote "Senior" for P3, so keeps that cell.
    assert_eq!(originals, [0, 0, 1]);
    let session = imported.into_session("t", "", ladder, Path::new("roster.csv"), "HR", jiff::Timestamp::UNIX_EPOCH);
    let text = String::from_utf8(decisions_csv(&session, CsvColumns::WithRoster).expect("csv"))
        .expect("utf8")
        .replacen('\u{feff}', "", 1);
    let rows: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.rsplit_once(',').map_or(l, |(row, _record)| row).trim_end_matches(','))
        .collect();
    assert_eq!(rows, ["1,Ada,P3 - Senior,01/15/2019", "2,Ben,P3 - Senior,02/20/2020", "3,Cy,Senior,03/01/2021"]);
}

/// Every read cell comes back exactly as the file wrote it: a level written as Ladderboard's own
/// id after the column spelled it otherwise, a track left empty before one written out, and a
/// name or team in decomposed Unicode (read as NFC, handed back as written).
#[test]
fn every_read_cell_comes_back_as_written_whichever_spelling_came_first() {
    let roster = "\
Employee ID,Name,Team,Level,Track,Hire Date
E1,Ann,Zoe\u{301} team,Senior,,2020-01-15
E2,Bob,Zo\u{e9} team,P3,IC,15-Jan-2020
E3,Cy,Zoe\u{301} team,L5,,2020-01-15
E4,Zoe\u{301},Core,P3,IC,2021-02-03
";
    let ladder = default_ladder();
    let imported = parse_roster(roster.as_bytes(), Path::new("r.csv"), &ladder).expect("imports");
    assert_eq!(imported.people[3].name, "Zo\u{e9}", "names are read in NFC");
    let session = imported.into_session("t", "", ladder, Path::new("roster.csv"), "HR", jiff::Timestamp::UNIX_EPOCH);
    let text = String::from_utf8(decisions_csv(&session, CsvColumns::WithRoster).expect("csv"))
        .expect("utf8")
        .replacen('\u{feff}', "", 1);
    let rows: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.rsplit_once(',').map_or(l, |(row, _record)| row).trim_end_matches(','))
        .collect();
    let written: Vec<&str> = roster.lines().skip(1).collect();
    assert_eq!(rows, written);
}
