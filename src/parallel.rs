//! A small work queue over scoped threads, for reading, writing and checking large sessions on
//! every core.

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Cores this process may use.
#[must_use]
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, NonZero::get)
}

/// Runs `work` on every job using `threads` threads (this one included) and gives the results back
/// in job order; `None` as soon as any job gives `None` (the rest are then skipped).
pub fn run_jobs<J: Sync, R: Send>(jobs: &[J], threads: usize, work: impl Fn(&J) -> Option<R> + Sync) -> Option<Vec<R>> {
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let worker = || {
        let mut done = Vec::new();
        while !failed.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            match work(job) {
                Some(result) => done.push((index, result)),
                None => failed.store(true, Ordering::Relaxed),
            }
        }
        done
    };
    let mut results = std::thread::scope(|scope| {
        // A helper the system cannot start is simply not there: the others, and this thread, do its share.
        let helpers: Vec<_> = (1..threads.min(jobs.len()))
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, worker).ok())
            .collect();
        let mut results = worker();
        for helper in helpers {
            results.extend(helper.join().ok()?);
        }
        Some(results)
    })?;
    if failed.load(Ordering::Relaxed) {
        return None;
    }
    results.sort_unstable_by_key(|(index, _)| *index);
    Some(results.into_iter().map(|(_, result)| result).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_job_order_and_any_failure_fails_all() {
        let jobs: Vec<u32> = (0..100).collect();
        assert_eq!(run_jobs(&jobs, 3, |&j| Some(j * 2)), Some((0..100).map(|j| j * 2).collect()));
        assert_eq!(run_jobs(&jobs, 3, |&j| (j != 57).then_some(j)), None);
        assert_eq!(run_jobs::<u32, u32>(&[], 2, |&j| Some(j)), Some(vec![]));
    }
}
