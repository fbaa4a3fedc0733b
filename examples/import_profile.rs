//! Runs the 10,000-row roster import in a loop, for a profiler:
//! `perf record -g target/release/examples/import_profile`.
#![expect(clippy::print_stdout, clippy::expect_used, reason = "a tool run by hand")]

use ladderboard::fixtures::roster_csv;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::parse_roster;
use std::path::Path;

fn main() {
    let roster = roster_csv(10_000);
    let ladder = default_ladder();
    let start = std::time::Instant::now();
    let mut people = 0;
    for _ in 0..300 {
        people += parse_roster(roster.as_bytes(), Path::new("r.csv"), &ladder).expect("valid").people.len();
    }
    println!("{people} people, {:.2} ms per import", start.elapsed().as_secs_f64() * 1000.0 / 300.0);
    // The parts that are not reading cells, timed on their own.
    let imported = parse_roster(roster.as_bytes(), Path::new("r.csv"), &ladder).expect("valid");
    let start = std::time::Instant::now();
    for _ in 0..300 {
        std::hint::black_box(ladderboard::model::reporting::reporting_problems(&imported.people));
    }
    println!("  reporting lines {:.2} ms", start.elapsed().as_secs_f64() * 1000.0 / 300.0);
    let start = std::time::Instant::now();
    for _ in 0..300 {
        std::hint::black_box(ladderboard::io::roster::decode::decode(roster.as_bytes(), None).expect("text"));
    }
    println!("  decode {:.2} ms", start.elapsed().as_secs_f64() * 1000.0 / 300.0);
}
