"""Bad input stops the build: every problem is reported at once, nothing is written, and
`pelican` exits with status 1 without a traceback.

What each kind of bad input is reported as (file, line, field, message, fix) is the unit
layer's, without Pelican: tests/unit/test_records.py, test_status_history.py, test_loader.py.
Here, the whole build.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, build, write_content
from portal.content.problems import ContentError
from unit.test_records import BAD, GOOD, expected_problems


@pytest.fixture(scope="module")
def problems(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    with pytest.MonkeyPatch.context() as patch, pytest.raises(ContentError) as caught:
        patch.chdir(root)  # problems name their files as from the folder the build runs in: content/people/…
        build(root, BAD)
    assert not list((root / "output").rglob("*.html")), "a partial site was written"
    return caught.value


def test_the_build_stops_with_exactly_the_problems_the_loader_finds(problems):
    assert problems.problems == expected_problems()
    assert len(problems.problems) == 20  # every bad file once: 22 files, the good one and the first "twice.md" aside
    assert str(problems).startswith("The content has 20 problems; the site was not built.")


def test_the_command_line_prints_the_report_and_exits_1_without_a_traceback(tmp_path):
    content = write_content(tmp_path, {"people/typo-status.md": BAD["people/typo-status.md"],
                                       "people/good-person.md": GOOD})
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "output"),
         "-s", str(ROOT / "pelicanconf.py")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, timeout=120,
    )
    assert result.returncode == 1
    assert "The content has 1 problem; the site was not built." in result.stderr
    assert 'typo-status.md, line 4, field "status":' in result.stderr
    assert 'Fix: did you mean "custody"?' in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "output").exists() or not list((tmp_path / "output").rglob("*.html"))
