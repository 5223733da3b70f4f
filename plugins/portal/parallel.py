"""Work spread over the machine's cores by forked worker processes.

Rendering a page needs the validated site, the Jinja environment and the caches; pickling
them for every worker would cost more than the work itself. A worker forked after they
are built inherits them as they are (copy-on-write), takes its items by index, and sends
back only its small results. Where fork is missing (Windows) or one core is all there is,
the same function runs in this process.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence

# The running map's function and items: set before the workers fork, so they inherit them.
_task: tuple[Callable, Sequence] | None = None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def processes_for(settings: dict) -> int:
    """PORTAL_PROCESSES, or every core the build may use when it is 0 or unset."""
    return max(1, int(settings.get("PORTAL_PROCESSES") or 0) or cores())


def fork_map(function: Callable, items: Sequence, processes: int, chunk: int = 64,
             on_chunk: Callable[[list], None] | None = None) -> list:
    """`[function(item) for item in items]`, computed by `processes` forked workers when there
    is enough work to share. `on_chunk(results)` is called in this process as each chunk of
    results arrives (for progress). The order of the results is the order of the items."""
    if processes <= 1 or len(items) <= chunk or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for start in range(0, len(items), chunk):
            done = [function(item) for item in items[start:start + chunk]]
            results += done
            if on_chunk:
                on_chunk(done)
        return results
    global _task
    _task = (function, items)
    # Objects that exist before the fork move out of the collector's reach, so that a
    # collection in a worker does not copy every page of memory they sit on.
    gc.freeze()
    try:
        results: list = [None] * len(items)
        bounds = [(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk)]
        with multiprocessing.get_context("fork").Pool(min(processes, len(bounds))) as pool:
            for start, done, failure in pool.imap_unordered(_run_chunk, bounds):
                if failure:
                    raise RuntimeError(f"a worker process failed:\n{failure}")
                results[start:start + len(done)] = done
                if on_chunk:
                    on_chunk(done)
        return results
    finally:
        _task = None
        gc.unfreeze()


def _run_chunk(bounds: tuple[int, int]):
    function, items = _task
    start, stop = bounds
    try:
        return start, [function(items[index]) for index in range(start, stop)], None
    except BaseException:  # noqa: BLE001 - SystemExit too: a lost chunk would hang the pool
        return start, [], traceback.format_exc()
