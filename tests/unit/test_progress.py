"""Progress on a terminal (silent elsewhere, and for steps under a second), and the times of
each step, saved for bench/run.py."""
from __future__ import annotations

import io
import json

import pytest

from portal.workers import progress as progress_module
from portal.workers.progress import Steps, count


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def clock(monkeypatch):
    """time.monotonic() of the progress module, set by the test."""
    now = [100.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: now[0])
    return now


def test_not_on_a_terminal_nothing_is_written_but_the_time_is_kept(clock):
    stream = io.StringIO()
    steps = Steps(stream)
    step = steps.start("Reading records")
    clock[0] += 5
    step.update("1 of 2")
    step.done("2 read")
    assert stream.getvalue() == ""
    assert list(steps.times) == ["Reading records"] and steps.times["Reading records"][0] == 5.0


def test_on_a_terminal_a_step_shows_itself_after_a_second(clock):
    terminal = Terminal()
    step = Steps(terminal).start("Writing pages")
    clock[0] += 0.5
    step.update("be 1/9")  # too early
    clock[0] += 0.6
    step.update("be 2/9")
    clock[0] += 0.05
    step.update("be 3/9")  # too soon after the last one
    clock[0] += 0.1
    step.update("be 4/9")
    assert terminal.getvalue() == "\r\x1b[KWriting pages: be 2/9\r\x1b[KWriting pages: be 4/9"


def test_a_long_step_ends_with_a_line_of_what_it_did(clock):
    terminal = Terminal()
    step = Steps(terminal).start("Photos")
    clock[0] += 2.5
    step.done("3 photos")
    assert terminal.getvalue().startswith("\r\x1b[KPhotos: 3 photos (2.5 s, ")
    assert terminal.getvalue().endswith(" s of processor time)\n")


def test_a_short_step_stays_silent(clock):
    terminal = Terminal()
    step = Steps(terminal).start("Sitemap")
    clock[0] += 0.9
    step.done("done")
    assert terminal.getvalue() == ""


def test_the_steps_are_saved_as_json(tmp_path, clock):
    steps = Steps(io.StringIO())
    steps.start("One").done("")
    steps.save(tmp_path / "cache")
    steps.save(None)  # without a cache folder: nowhere
    assert list(json.loads((tmp_path / "cache" / "steps.json").read_text(encoding="utf-8"))) == ["One"]


def test_count():
    assert (count(0), count(1021), count(30000)) == ("0", "1,021", "30,000")
