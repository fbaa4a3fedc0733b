//! The parallel path for large session files, fenced off from the plain one (`io::session`
//! reads and writes the same files with `ron` alone). RON has no parallel parser, so a small lexer
//! (`split`) finds the top-level lists (people, evidence, notes, audit trail) and the commas between
//! their items; `parse` parses the chunks as separate RON documents on every core and `write`
//! renders items the same way, byte for byte what the one-piece writer gives. Work is spread by
//! rayon. `tests/session_parallel.rs` holds both directions to the plain path.

pub mod lines;
pub mod parse;
pub mod split;
pub mod write;

use rayon::prelude::*;

/// Cores the work is spread over.
#[must_use]
pub fn cores() -> usize {
    rayon::current_num_threads()
}

/// Runs `work` on every job, on up to `threads` cores (1 runs here, in order), and gives the
/// results back in job order; `None` when any job gives `None` (rayon then skips what it can).
pub fn run_jobs<J: Sync, R: Send>(jobs: &[J], threads: usize, work: impl Fn(&J) -> Option<R> + Sync) -> Option<Vec<R>> {
    if threads <= 1 {
        return jobs.iter().map(work).collect();
    }
    jobs.par_iter().map(&work).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_job_order_and_any_failure_fails_all() {
        let jobs: Vec<u32> = (0..100).collect();
        assert_eq!(run_jobs(&jobs, 3, |&j| Some(j * 2)), Some((0..100).map(|j| j * 2).collect()));
        assert_eq!(run_jobs(&jobs, 3, |&j| (j != 57).then_some(j)), None);
        assert_eq!(run_jobs(&jobs, 1, |&j| (j != 57).then_some(j)), None);
        assert_eq!(run_jobs::<u32, u32>(&[], 2, |&j| Some(j)), Some(vec![]));
    }
}
