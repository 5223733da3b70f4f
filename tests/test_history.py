"""Status histories in the built site and in `make totals`.

How a history is checked, counted day by day and swept into the monthly series is the unit
layer's (tests/unit/test_status_history.py, test_counting.py, on the same FILES); here, the
data files of a build and the command.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT, build, read, write_content
from unit.test_counting import FILES


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return write_content(tmp_path_factory.mktemp("history"), FILES)


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("history-site"), FILES)


def test_make_totals_prints_the_table_as_of_a_day(content):
    result = subprocess.run([sys.executable, "-m", "portal.commands.totals", "--settings", str(ROOT / "pelicanconf.py"),
                             "--content", str(content), "--date", "2021-10-22"],
                            capture_output=True, text=True, cwd=content.parent, env={"PYTHONPATH": str(ROOT / "plugins")})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "22 October 2021 (2021-10-22)"
    rows = dict(re.match(r"^(.*?)\s{2,}(\d+)$", line).groups() for line in lines[1:])
    assert rows["Political prisoners"] == "3" and rows["  In custody (custody)"] == "3"
    assert rows["  House arrest (house-arrest)"] == "0"
    assert rows["Subjected to politically motivated persecution"] == "3"
    assert rows["  Pardoned (pardoned)"] == "1" and rows["  Released (released)"] == "1"
    assert rows["  Convicted, in forced emigration (forced-emigration)"] == "1"
    assert rows["  Recognizance not to leave (recognizance)"] == "0"
    assert rows["Total"] == "6"
    assert len(rows) == 2 + 11 + 1  # two groups, their eleven categories, the total


def test_make_totals_in_belarusian_and_a_bad_date(content):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "portal.commands.totals", "--settings", str(ROOT / "pelicanconf.py"),
                               "--content", str(content), *args], capture_output=True, text=True,
                              cwd=content.parent, env={"PYTHONPATH": str(ROOT / "plugins")})
    be = run("--date", "2021-10-22", "--lang", "be")
    assert be.stdout.startswith("22 кастрычніка 2021") and re.search(r"^Усяго\s+6$", be.stdout, re.M)
    bad = run("--date", "2021-22-10")
    assert bad.returncode == 2 and '"2021-22-10" is not a date' in bad.stderr


def test_series_files_match_the_series(output):
    data = json.loads(read(output, "data/totals-history.json"))
    assert data["as_of"] == "2022-03-01"
    assert len(data["series"]) == 20
    october = next(point for point in data["series"] if point["as_of"] == "2021-10-31")
    assert october["groups"]["political-prisoner"]["categories"]["custody"] == 3
    assert data["series"][-1] == json.loads(read(output, "data/totals.json"))  # the last point is today's totals
    rows = list(csv.DictReader(io.StringIO(read(output, "data/totals-history.csv"))))
    assert [row["date"] for row in rows] == [point["as_of"] for point in data["series"]]
    assert list(rows[0])[:4] == ["date", "total", "political-prisoner", "custody"]
    for row, point in zip(rows, data["series"]):
        assert int(row["total"]) == point["total"]
        assert int(row["persecuted"]) == point["groups"]["persecuted"]["total"]
        assert int(row["released"]) == point["groups"]["persecuted"]["categories"]["released"]
