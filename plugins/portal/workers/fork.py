"""Work spread over the machine's cores by forked worker processes.

Rendering a page needs the validated site, the Jinja environment and the caches; pickling
them for every worker would cost more than the work itself. A worker forked after they
are built inherits them as they are (copy-on-write), takes chunks of items by number from
a shared counter, and sends back only its small results. The build process works on chunks
too, so N cores take N-1 workers: each worker ends up with a private copy of much of the
memory it inherits (CPython writes reference counts into every object it touches), and one
copy fewer is a hundred megabytes fewer at 10,000 people. Where fork is missing (Windows)
or one core is all there is, the same function runs in this process.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def processes_for(settings: dict) -> int:
    """PORTAL_PROCESSES, or every core the build may use when it is 0 or unset."""
    return max(1, int(settings.get("PORTAL_PROCESSES") or 0) or cores())


def fork_map(function: Callable, items: Sequence, processes: int, chunk: int = 64,
             on_chunk: Callable[[list], None] | None = None, then: Callable | None = None,
             renew_after: int | None = None) -> list:
    """`[then(function(item)) for item in items]`, `function` computed by this process and
    `processes - 1` forked workers when there is enough work to share, `then` (if given) by this
    process as each result arrives: what a worker sends (bytes) becomes what it stands for one
    chunk at a time, rather than all of it held at once. `on_chunk(results)` is called in this
    process as each chunk of results arrives (for progress). The results are in the order of
    the items; an exception in a worker is raised here, with the worker's traceback.

    `renew_after`: a worker leaves after that many chunks and a fresh one is forked in its
    place while work remains. A forked worker shares this process's memory until it writes to
    it, and merely reading an object writes its reference count: over thousands of pages a
    worker came to hold its own copy of most of the build's objects (at 30,000 people the
    build's memory grew by 350 MiB while the pages were written). A fresh fork starts again
    from sharing everything."""
    bounds = [(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk)]
    if then is None:
        def then(result):
            return result
    if processes <= 1 or len(bounds) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for start, stop in bounds:
            done = [then(function(item)) for item in items[start:stop]]
            results += done
            if on_chunk:
                on_chunk(done)
        return results

    counter = multiprocessing.get_context("fork").Value("i", 0)

    def take() -> tuple[int, int] | None:
        with counter.get_lock():
            number = counter.value
            counter.value += 1
        return bounds[number] if number < len(bounds) else None

    results: list = [None] * len(items)

    def arrived(start: int, done: list) -> None:
        done = [then(result) for result in done]
        results[start:start + len(done)] = done
        if on_chunk:
            on_chunk(done)

    # Objects that exist before the fork move out of the collector's reach, so that a
    # collection in a worker does not copy every page of memory they sit on.
    gc.freeze()
    workers: dict = {}  # connection -> pid

    def fork() -> None:
        receiving, sending = multiprocessing.Pipe(duplex=False)
        pid = os.fork()
        if pid == 0:  # the worker
            receiving.close()
            _work(function, items, take, sending, renew_after)
        sending.close()
        workers[receiving] = pid

    def work_remains() -> bool:
        with counter.get_lock():
            return counter.value < len(bounds)

    try:
        for _ in range(min(processes, len(bounds)) - 1):
            fork()

        def receive(timeout: float | None) -> None:
            for connection in wait(list(workers), timeout):
                try:
                    start, done, failure = connection.recv()
                except EOFError:  # the worker has finished, or left to be renewed
                    os.waitpid(workers.pop(connection), 0)
                    connection.close()
                    if renew_after and work_remains():
                        fork()
                    continue
                if failure:
                    raise RuntimeError(f"a worker process failed:\n{failure}")
                arrived(start, done)

        while (taken := take()) is not None:
            start, stop = taken
            arrived(start, [function(items[index]) for index in range(start, stop)])
            receive(0)
        while workers:
            receive(None)
        return results
    finally:
        for connection, pid in workers.items():  # only after a failure
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
            connection.close()
        gc.unfreeze()


def _work(function, items, take, sending, renew_after: int | None = None) -> None:
    """A worker's life: chunks until there are none left (or `renew_after` of them), then exit
    without running any of the build's exit handlers (they belong to the build process)."""
    try:
        done_chunks = 0
        while (renew_after is None or done_chunks < renew_after) and (taken := take()) is not None:
            done_chunks += 1
            start, stop = taken
            try:
                sending.send((start, [function(items[index]) for index in range(start, stop)], None))
            except BaseException:  # noqa: BLE001 - SystemExit and KeyboardInterrupt too
                sending.send((start, None, traceback.format_exc()))
                break
        sending.close()
    finally:
        os._exit(0)
