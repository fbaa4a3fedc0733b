//! Generated data at scale, for benchmarks and scale tests.

use crate::io::ladder_ron::default_ladder;
use crate::io::roster::parse_roster;
use crate::model::{Change, Note, Session};
use jiff::Timestamp;
use std::fmt::Write as _;
use std::path::Path;

const FIRST: [&str; 10] = ["Ada", "Bilal", "Chloé", "Dmitri", "Esi", "Farah", "Gabriel", "Hana", "Ivan", "Jade"];
const LAST: [&str; 10] = ["Park", "Hassan", "Martin", "Volkov", "Mensah", "Aziz", "Costa", "Sato", "Petrov", "Nguyen"];
const LEVELS: [&str; 12] =
    ["P1", "P2", "P2", "Senior", "P3", "P3", "L5", "P4", "Staff", "P5", "P6", "Senior Software Engineer"];

/// A roster CSV with `count` people shaped like an HR export (aliases in headers and levels, quoted names).
#[must_use]
pub fn roster_csv(count: usize) -> String {
    let mut out = String::from("Employee ID,Full Name,Reports To,Department,Job Level,Hire Date,Location\n");
    for i in 0..count {
        let (first, last) = (FIRST[i % 10], LAST[(i / 10) % 10]);
        let level = LEVELS[i % LEVELS.len()];
        let _ = writeln!(
            out,
            "E{i:06},\"{last}, {first} {i}\",Manager {},Team {},{level},20{:02}-0{}-1{},Site {}",
            i % 97,
            i % 31,
            10 + i % 15,
            1 + i % 9,
            i % 10,
            i % 5
        );
    }
    out
}

/// A session of `count` people with a note for each and an audit trail.
#[must_use]
pub fn large_session(count: usize) -> Session {
    let ladder = default_ladder();
    #[expect(clippy::expect_used, reason = "generated data is valid by construction")]
    let roster = parse_roster(roster_csv(count).as_bytes(), Path::new("generated.csv"), &ladder).expect("valid");
    let mut session =
        roster.into_session("Generated", "", ladder, Path::new("generated.csv"), "HR", Timestamp::UNIX_EPOCH);
    let ids: Vec<_> = session.people.iter().map(|p| p.id.clone()).collect();
    for (i, person) in ids.into_iter().enumerate() {
        let note = Note {
            id: i as u64 + 1,
            person,
            at: Timestamp::UNIX_EPOCH,
            author: "Manager".to_owned(),
            text: "Led the design review for the payments ledger and mentored two engineers.".to_owned(),
        };
        #[expect(clippy::expect_used, reason = "generated data is valid by construction")]
        session.apply(Change::AddNote(note), "Manager", Timestamp::UNIX_EPOCH).expect("valid note");
    }
    session
}

/// Headers of a 26-column Workday-style worker report: the seven columns Ladderboard reads and
/// nineteen it keeps as they are.
pub const WORKDAY_HEADERS: [&str; 26] = [
    "Employee ID",
    "Worker",
    "Business Title",
    "Job Level - Primary Position",
    "Worker's Manager",
    "Department",
    "Hire Date",
    "Location",
    "Country",
    "Cost Center",
    "Company",
    "Worker Type",
    "Time Type",
    "FTE",
    "Email - Work",
    "Job Family",
    "Job Family Group",
    "Pay Rate Type",
    "Original Hire Date",
    "Continuous Service Date",
    "Scheduled Weekly Hours",
    "Region",
    "Division",
    "Employee Type",
    "Work Shift",
    "Union Membership",
];

const WORKDAY_LEVELS: [&str; 6] =
    ["P1 - Junior", "P2 - Mid", "P3 - Senior", "P4 - Senior-plus", "P5 - Staff", "P6 - Principal"];
const CITIES: [&str; 5] = ["London", "Lisbon", "Berlin", "Toronto", "Remote"];

/// A Workday-style roster of `count` people with 26 columns (`WORKDAY_HEADERS`), US dates as such
/// reports write them; about 234 bytes a row, as the 50,000-person report in issue 15 (11.7 MB).
#[must_use]
pub fn workday_roster_csv(count: usize) -> String {
    let mut out = WORKDAY_HEADERS.join(",");
    out.push('\n');
    for i in 0..count {
        let (first, last) = (FIRST[i % 10], LAST[(i / 10) % 10]);
        let city = CITIES[i % CITIES.len()];
        let (month, day, year) = (1 + i % 12, 1 + i % 28, 2005 + i % 20);
        let _ = writeln!(
            out,
            "{i:08},{first} {last},Software Engineer,{level},M{manager:05},Team {team},{month:02}/{day:02}/{year},{city},GB,CC-{cc:04},\
             Acme Ltd,Employee,Full time,1,{first}.{last}{i}@acme.example,Engineering,Technology,Salary,\
             {month:02}/{day:02}/{year},{month:02}/{day:02}/{year},40,EMEA,Platform,Regular,Day,No",
            level = WORKDAY_LEVELS[i % WORKDAY_LEVELS.len()],
            manager = i % 4000,
            team = i % 300,
            cc = i % 700,
        );
    }
    out
}

/// A file under the repository's `tests/fixtures/` (or, with a leading `../`, any file of the
/// repository): the one place tests, benches and examples find their inputs.
#[must_use]
pub fn fixture_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A file of the repository itself (`assets/sample/session.ron`).
#[must_use]
pub fn repo_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// Says that a test is skipped and why, where the person running `cargo test` sees it: written to
/// the process's standard error directly, which the test harness does not capture (it captures
/// only `print!` and `eprint!`), so a skip never passes for a pass unnoticed.
pub fn say_skipped(test: &str, why: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "skipped {test}: {why}");
}
