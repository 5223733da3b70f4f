"""Progress of a long build on the terminal: one line per step, rewritten as the work advances.

Not on a terminal (CI logs, redirected output, the tests) it writes nothing at all. On a
terminal a step that takes less than a second stays silent, so small sites build as before;
a longer one ends with a line that says what it did, in how long, and how much processor
time it took (more than the time itself when the work was shared among cores).

Every step also leaves its times in the build's Steps, which the build saves in its cache
folder: bench/run.py shows where a build's time went.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

_DELAY = 1.0  # seconds before a step shows itself
_INTERVAL = 0.1  # at most ten updates a second

STEPS_FILE = "steps.json"


class Steps:
    """The steps of one build: what -> (seconds, seconds of processor time)."""

    def __init__(self, stream=None):
        self.stream = stream
        self.times: dict[str, tuple[float, float]] = {}

    def start(self, what: str) -> "Progress":
        return Progress(what, self.stream, steps=self)

    def save(self, folder: Path | None) -> None:
        """Writes the steps into the cache folder (for bench/run.py)."""
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / STEPS_FILE).write_text(json.dumps(self.times, indent=1) + "\n", encoding="utf-8")


class Progress:
    def __init__(self, what: str, stream=None, steps: Steps | None = None):
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.what = what
        self.started = self.last = time.monotonic()
        self.cpu = _cpu()
        self.steps = steps

    def update(self, text: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < _DELAY or now - self.last < _INTERVAL:
            return
        self.last = now
        self.stream.write(f"\r\x1b[K{self.what}: {text}")
        self.stream.flush()

    def done(self, text: str) -> None:
        """The step's last line, left on the terminal if the step took long enough to show."""
        elapsed, cpu = time.monotonic() - self.started, _cpu() - self.cpu
        if self.steps is not None:
            self.steps.times[self.what] = (round(elapsed, 3), round(cpu, 3))
        if self.enabled and elapsed >= _DELAY:
            self.stream.write(f"\r\x1b[K{self.what}: {text} ({elapsed:.1f} s, {cpu:.1f} s of processor time)\n")
            self.stream.flush()


def _cpu() -> float:
    """Processor time of this process and of its finished workers."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def count(number: int) -> str:
    return f"{number:,}"
