//! What the benchmarks share: a median of timed runs, and milliseconds to print.

use std::time::{Duration, Instant};

/// The median time of `runs` runs of `f`.
pub fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// A duration in milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A manager's prep file in `dir` for each list of people, as `ladderboard merge` takes them:
/// the ladder and roster columns of `whole`, each file's state sealed by a baseline.
pub fn write_prep_files(
    dir: &std::path::Path,
    whole: &ladderboard::model::Session,
    files: Vec<Vec<ladderboard::model::Person>>,
) -> Vec<std::path::PathBuf> {
    files
        .into_iter()
        .enumerate()
        .map(|(i, people)| {
            let mut prep = ladderboard::model::Session::new(format!("prep {i}"), whole.ladder.clone(), people);
            prep.roster_columns.clone_from(&whole.roster_columns);
            prep.seal_baseline("prep", "M", jiff::Timestamp::UNIX_EPOCH);
            let path = dir.join(format!("prep-{i:02}.ron"));
            #[expect(clippy::expect_used, reason = "a benchmark's setup")]
            ladderboard::io::session::save_session(&prep, &path).expect("save");
            path
        })
        .collect()
}
