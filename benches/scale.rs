//! Issue 27's figures, each printed beside its target: a session's save and load at 10,000,
//! 100,000 and 240,000 people (in process, the record's checks on), a 240,000-person roster's
//! import, the whole-process verbs scripts call (`report`, `validate`, `export`) on a 10,000-person
//! 26-column session, and the merge of 20 prep files of 10,000 people each as a whole process.
//! Run: `cargo bench --bench scale`.
#![expect(clippy::print_stdout, clippy::expect_used, reason = "a benchmark prints its results")]

mod common;
use common::{median, ms};

use ladderboard::fixtures::{large_session, roster_csv, workday_roster_csv};
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::parse_roster;
use ladderboard::io::session::{load_session, save_session, session_to_string};
use ladderboard::model::Session;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn main() {
    save_and_load();
    import_240k();
    whole_process_verbs();
    merge_20_files();
}

/// The record as `load` checks it, as the window and `validate` do on every open.
fn checked_load(path: &Path) -> Session {
    let session = load_session(path).expect("load");
    assert!(session.record_breaks().is_empty(), "the record holds");
    session
}

fn save_and_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    println!("\nsave and load, in process, the record's checks on (median):");
    for (people, runs, target) in
        [(10_000, 15, "save + load <= 40"), (100_000, 5, "load <= 500"), (240_000, 3, "load <= 1500")]
    {
        let session = large_session(people);
        let path = dir.path().join(format!("s{people}.ron"));
        let text = median(runs, || {
            std::hint::black_box(session_to_string(&session).expect("text"));
        });
        let save = median(runs, || save_session(&session, &path).expect("save"));
        let load = median(runs, || {
            std::hint::black_box(checked_load(&path));
        });
        let size = std::fs::metadata(&path).map_or(0, |m| m.len()) / 1024;
        println!(
            "  {people:>7} people: save {:7.2} ms (text {:6.2}, write and fsync the rest), load {:7.2} ms, save + load {:7.2} ms  ({size} KiB; target: {target} ms)",
            ms(save),
            ms(text),
            ms(load),
            ms(save + load),
        );
    }
}

fn import_240k() {
    let csv = roster_csv(240_000);
    let ladder = default_ladder();
    let import = median(3, || {
        std::hint::black_box(parse_roster(csv.as_bytes(), Path::new("r.csv"), &ladder).expect("valid"));
    });
    println!("\nroster import, 240000 people ({} KiB): {:8.2} ms (target <= 1000)", csv.len() / 1024, ms(import));
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_ladderboard")
}

/// The median wall time of the real binary run with `args`, the process's start and end included.
fn whole_process(runs: usize, args: &[&str]) -> Duration {
    median(runs, || {
        let out = Command::new(binary()).args(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    })
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn whole_process_verbs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv, session) = (dir.path().join("workday.csv"), dir.path().join("workday.ron"));
    std::fs::write(&csv, workday_roster_csv(10_000)).expect("write roster");
    let out = Command::new(binary()).args(["import", path_str(&csv), "-o", path_str(&session)]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let export = dir.path().join("decisions.csv");
    let report = whole_process(11, &["report", path_str(&session), "--json"]);
    let validate = whole_process(11, &["validate", path_str(&session)]);
    let exported = whole_process(11, &["export", path_str(&session), "--csv", path_str(&export), "--force"]);
    println!("\nwhole process, 10000 people × 26 columns (Workday-style session):");
    println!("  report --json   {:7.2} ms  (target <= 25)", ms(report));
    println!("  validate        {:7.2} ms  (target <= 25)", ms(validate));
    println!("  export          {:7.2} ms  (target <= 25)", ms(exported));
}

/// Twenty managers' prep files of 10,000 people each (200,000 people in all), merged by the real
/// binary.
fn merge_20_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let whole = large_session(10_000);
    // Each file its own people: the same roster with ids of its own.
    let files = (0..20)
        .map(|i| {
            let mut people = whole.people.clone();
            for person in &mut people {
                person.id = format!("{}-{i:02}", person.id).as_str().into();
            }
            people
        })
        .collect();
    let paths = common::write_prep_files(dir.path(), &whole, files);
    let merged = dir.path().join("merged.ron");
    let mut args = vec!["merge"];
    args.extend(paths.iter().map(|p| path_str(p)));
    args.extend(["-o", path_str(&merged), "--force"]);
    let merge = whole_process(3, &args);
    println!("\nmerge of 20 prep files × 10000 people, whole process: {:8.2} ms (target <= 1000)", ms(merge));
}
