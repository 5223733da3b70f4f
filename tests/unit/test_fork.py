"""fork_map: [function(item) for item in items] shared with forked workers, results in order,
a worker's failure raised here with its traceback."""
from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest

from portal.workers.fork import cores, fork_map, processes_for

PARENT = os.getpid()


def square(item):
    return item * item


def square_and_pid(item):
    time.sleep(0.002)  # long enough that the workers take chunks too
    return item * item, os.getpid()


@pytest.mark.parametrize("processes", [1, 2, 4])
def test_results_are_in_the_order_of_the_items(processes):
    assert fork_map(square, list(range(50)), processes, chunk=3) == [n * n for n in range(50)]


def test_workers_share_the_work():
    results = fork_map(square_and_pid, list(range(40)), 3, chunk=2)
    assert [value for value, _ in results] == [n * n for n in range(40)]
    assert {pid for _, pid in results} - {PARENT}, "no item was computed by a worker"


@pytest.mark.parametrize("processes", [1, 3])
def test_on_chunk_is_called_here_with_each_chunk_of_results(processes):
    chunks = []
    fork_map(square, list(range(10)), processes, chunk=3, on_chunk=lambda done: chunks.append((os.getpid(), done)))
    assert {pid for pid, _ in chunks} == {PARENT}
    assert sorted(done for _, done in chunks) == [[0, 1, 4], [9, 16, 25], [36, 49, 64], [81]]


@pytest.mark.parametrize("processes", [1, 3])
def test_then_turns_each_result_here_as_it_arrives(processes):
    results = fork_map(square_and_pid, list(range(20)), processes, chunk=3,
                       then=lambda result: (result[0] + 1, result[1], os.getpid()))
    assert [value for value, _, _ in results] == [n * n + 1 for n in range(20)]
    assert {here for _, _, here in results} == {PARENT}


def test_workers_are_renewed_after_so_many_chunks_and_finish_the_work():
    results = fork_map(square_and_pid, list(range(60)), 2, chunk=2, renew_after=2)
    assert [value for value, _ in results] == [n * n for n in range(60)]
    workers = {pid for _, pid in results} - {PARENT}
    assert len(workers) > 1, "no worker was renewed"


def test_one_chunk_is_computed_in_this_process():
    assert fork_map(lambda item: os.getpid(), [1, 2, 3], 4, chunk=64) == [PARENT] * 3


def test_no_items_no_results():
    assert fork_map(square, [], 4) == []


def fail_in_a_worker(item):
    if os.getpid() == PARENT:
        time.sleep(0.05)  # this process is slow: the workers take the other chunks
        return item
    raise ValueError(f"bad item {item}")


def children() -> set[int]:
    """This process's child processes (the whole test run may have others: a browser driver)."""
    found = set()
    for task in Path("/proc/self/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found


def test_an_exception_in_a_worker_is_raised_here_with_the_workers_traceback():
    before = children()
    with pytest.raises(RuntimeError) as caught:
        fork_map(fail_in_a_worker, list(range(8)), 3, chunk=1)
    text = str(caught.value)
    assert text.startswith("a worker process failed:\nTraceback (most recent call last):\n")
    assert "in fail_in_a_worker\n" in text and "ValueError: bad item " in text
    assert children() == before  # no worker is left behind, not even as a zombie
    assert gc.get_freeze_count() == 0


def test_an_exception_in_this_process_is_raised_as_it_is():
    def fail(item):
        raise KeyError(item)

    with pytest.raises(KeyError):
        fork_map(fail, [1, 2], 1)


@pytest.mark.parametrize("settings, processes", [
    ({"PORTAL_PROCESSES": 3}, 3),
    ({"PORTAL_PROCESSES": "2"}, 2),
    ({"PORTAL_PROCESSES": 0}, cores()),
    ({}, cores()),
])
def test_processes_for(settings, processes):
    assert processes_for(settings) == processes


def test_cores_are_the_ones_this_process_may_use():
    assert cores() == len(os.sched_getaffinity(0))
