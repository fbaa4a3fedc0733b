//! Property tests: parsers never panic on arbitrary input, and sessions round-trip exactly.
//! (The same parsers have cargo-fuzz targets under `fuzz/` for longer runs on nightly.)

use jiff::Timestamp;
use ladderboard::app::sample_session;
use ladderboard::io::ladder_ron::{default_ladder, parse_ladder};
use ladderboard::io::roster::parse_roster;
use ladderboard::io::session::{parse_session, session_to_string};
use ladderboard::model::{Change, Note, Placement, Proposal, Rating};
use proptest::prelude::*;
use std::path::Path;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn roster_import_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_roster(&bytes, Path::new("fuzz.csv"), &default_ladder());
    }

    #[test]
    fn roster_import_never_panics_on_csv_like_text(
        rows in proptest::collection::vec(proptest::collection::vec("[a-zA-Z0-9 ,;\t\"\r\n=+-@é]{0,12}", 0..7), 0..12)
    ) {
        let mut text = String::from("Employee ID,Full Name,Reports To,Department,Job Level\n");
        for row in rows {
            text.push_str(&row.join(","));
            text.push('\n');
        }
        let _ = parse_roster(text.as_bytes(), Path::new("fuzz.csv"), &default_ladder());
    }

    #[test]
    fn session_loader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_session(&bytes, Path::new("fuzz.ron"));
    }

    #[test]
    fn session_loader_never_panics_on_damaged_sessions(cut in 0usize..20_000, junk in "[(){}\\[\\],:\"a-z0-9 ]{0,8}") {
        let text = ladderboard::app::SAMPLE_SESSION_RON;
        let cut = cut.min(text.len());
        let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let damaged = format!("{}{junk}{}", &text[..cut], &text[cut..]);
        let _ = parse_session(damaged.as_bytes(), Path::new("fuzz.ron"));
    }

    #[test]
    fn ladder_loader_never_panics(text in "\\PC{0,512}") {
        let _ = parse_ladder(&text, Path::new("fuzz.ron"));
    }

    #[test]
    fn sessions_round_trip_after_any_changes(steps in proptest::collection::vec((0usize..45, 0u8..5, 0usize..6, 0usize..3), 0..40)) {
        let mut session = sample_session();
        let at = Timestamp::UNIX_EPOCH;
        for (who, kind, level, band) in steps {
            let person = session.people[who % session.people.len()].clone();
            let levels: Vec<_> = session.ladder.track_levels(person.track).map(|l| l.id.clone()).collect();
            let level = levels[level % levels.len()].clone();
            let change = match kind {
                0 => Change::Place { person: person.id.clone(), placement: Some(Placement { level, band }) },
                1 => Change::Propose { person: person.id.clone(), proposal: Some(Proposal {
                    target: level, rationale: "ready \"now\", see notes".into(), proposer: "m".into(), proposed_at: at,
                }) },
                2 => Change::SetEvidence {
                    person: person.id.clone(), level, dimension: "scope".into(),
                    rating: Some(Rating::ALL[band % 4]), text: "led the migration\nsecond line".into(), links: vec!["https://x".into()],
                },
                3 => Change::AddNote(Note { id: session.next_note_id(), person: person.id.clone(), at, author: "m".into(), text: "é — note".into() }),
                _ => Change::Place { person: person.id.clone(), placement: None },
            };
            let _ = session.apply(change, "prop", at);
        }
        let text = session_to_string(&session).expect("serialises");
        let loaded = parse_session(text.as_bytes(), Path::new("prop.ron")).expect("loads");
        prop_assert_eq!(loaded, session);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_session_splitter_never_panics(text in "[(){}\\[\\],:\"'#rb/*\\\\a-z \n]{0,200}") {
        let _ = ladderboard::io::session::parallel::split::top_level_lists(&text, &["a", "people", "audit"]);
        let _ = ladderboard::io::session::parallel::parse::parse_in_parallel(&text, 2);
    }

    #[test]
    fn the_parallel_reader_never_panics_on_damaged_sessions(cut in 0usize..40_000, junk in "[(){}\\[\\],:\"'#r/*\\\\a-z ]{0,8}") {
        let text = ladderboard::app::SAMPLE_SESSION_RON;
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let damaged = format!("{}{junk}{}", &text[..cut], &text[cut..]);
        if let Some((session, _)) = ladderboard::io::session::parallel::parse::parse_in_parallel(&damaged, 2) {
            // Whatever the split reads, the one-piece reader reads the same.
            let whole: ladderboard::model::Session = ron::from_str(&damaged).expect("the one-piece reader agrees it parses");
            prop_assert!(session == whole);
        }
    }
}

/// Every input a fuzz target crashed on (kept in `tests/fixtures/fuzz/`, named for what they hold)
/// is read without a panic by the importer or the loader its name says.
#[test]
fn fuzz_crash_inputs_are_read_without_a_panic() {
    let folder = ladderboard::fixtures::fixture_path("fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(folder).expect("fuzz fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("roster-")) {
            let _ = parse_roster(&bytes, &path, &default_ladder());
        } else {
            let _ = parse_session(&bytes, &path);
        }
        seen += 1;
    }
    assert!(seen >= 1);
}

/// A roster's CSV text from rows of (id, name, level, a free cell).
fn roster_csv(rows: &[(String, String, String, String)]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["Employee ID", "Name", "Level", "Notes"]).expect("header");
    for (id, name, level, notes) in rows {
        writer.write_record([id, name, level, notes]).expect("row");
    }
    String::from_utf8(writer.into_inner().expect("bytes")).expect("utf8")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any roster, exported with its own columns and imported again, gives the same ids, names,
    /// levels and cells: the byte-order mark, the quoting and the protective apostrophe an export
    /// adds are all taken off again.
    #[test]
    fn a_roster_exported_with_its_columns_imports_back_the_same(
        rows in proptest::collection::vec(
            ("[A-Z][0-9]{1,4}", "[A-Za-zéŁż][A-Za-z éŁż'-]{0,12}[a-z]", 0usize..6, "[-+=@ a-zA-Z0-9,;\"\n'éŁ]{0,16}"),
            1..8,
        )
    ) {
        let levels = ["P1", "P2", "P3", "Senior", "P5 Staff", "M2"];
        let mut seen = std::collections::HashSet::new();
        let rows: Vec<(String, String, String, String)> = rows
            .into_iter()
            .filter(|(id, ..)| seen.insert(id.clone()))
            .map(|(id, name, level, notes)| (id, name, levels[level].to_owned(), notes))
            .collect();
        let text = roster_csv(&rows);
        let first = parse_roster(text.as_bytes(), Path::new("hr.csv"), &default_ladder()).expect("the roster imports");
        let session = ladderboard::io::roster::parse_roster(text.as_bytes(), Path::new("hr.csv"), &default_ladder())
            .expect("again")
            .into_session("t", "", default_ladder(), Path::new("hr.csv"), "HR", Timestamp::UNIX_EPOCH);
        let exported = ladderboard::io::export::csv::decisions_csv(&session, ladderboard::io::export::csv::CsvColumns::WithRoster)
            .expect("exported");
        let again = parse_roster(&exported, Path::new("back.csv"), &default_ladder()).expect("the export imports");
        prop_assert_eq!(first.people.len(), again.people.len());
        for (a, b) in first.people.iter().zip(&again.people) {
            prop_assert_eq!(&a.id, &b.id);
            prop_assert_eq!(&a.name, &b.name);
            prop_assert_eq!(&a.level, &b.level);
            // The roster's own column comes back first among the kept ones, as it was read.
            prop_assert_eq!(a.extra.get(0), b.extra.get(0));
        }
    }
}
