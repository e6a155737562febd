//! Analysing many messages on several threads (the GIL released), results in input order.

use std::num::NonZeroUsize;
use std::thread;

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;

/// With `jobs` left to the default, inputs get one thread per this many messages at most: a
/// thread costs tens of microseconds, a message tens of nanoseconds.
const MIN_PER_THREAD: usize = 16_384;

/// Messages analysed per round: results are held for one block at a time, so memory stays
/// bounded however long the input.
pub(crate) const BLOCK: usize = 1 << 16;

/// How many threads analyse `count` messages: `jobs` when the caller set it (at least 1), else
/// the machine's cores, fewer for short inputs.
pub(crate) fn threads(count: usize, jobs: Option<usize>) -> PyResult<usize> {
    match jobs {
        Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
        Some(jobs) => Ok(jobs.min(count.max(1))),
        None => {
            let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
            Ok(cores.clamp(1, (count / MIN_PER_THREAD).max(1)))
        }
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
