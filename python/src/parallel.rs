//! Analysing many messages on several threads (the GIL released), results in input order.

use std::thread;

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;

/// Messages analysed per round: results are held for one block at a time, so memory stays
/// bounded however long the input.
pub(crate) const BLOCK: usize = 1 << 16;

/// How many threads analyse `count` messages: `jobs` when the caller set it (at least 1; `0`
/// is an error), one by default. Only the analysis is shared out; building the Python objects
/// or Arrow columns stays on the calling thread and costs more per message than analysing a
/// typical one, so more threads pay only for long messages on otherwise idle cores (measured:
/// 100,000-message campaign workload, two shared cores: no gain).
pub(crate) fn threads(count: usize, jobs: Option<usize>) -> PyResult<usize> {
    match jobs {
        Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
        Some(jobs) => Ok(jobs.min(count.max(1))),
        None => Ok(1),
    }
}

/// `f` of every index in `range`, computed on `threads` threads over contiguous slices, in
/// index order.
pub(crate) fn map_range<R: Send>(
    range: std::ops::Range<usize>,
    threads: usize,
    f: impl Fn(usize) -> R + Sync,
) -> Vec<R> {
    let count = range.len();
    if threads <= 1 || count < 2 {
        return range.map(f).collect();
    }
    let chunk = count.div_ceil(threads);
    thread::scope(|scope| {
        let f = &f;
        let workers: Vec<_> = range
            .clone()
            .step_by(chunk)
            .map(|start| {
                let end = (start + chunk).min(range.end);
                scope.spawn(move || (start..end).map(f).collect::<Vec<R>>())
            })
            .collect();
        let mut out = Vec::with_capacity(count);
        for worker in workers {
            out.extend(
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        out
    })
}
