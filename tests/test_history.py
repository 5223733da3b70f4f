"""Status histories: their validation, the totals as of any day, the monthly series, `make totals`."""
from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
import re
import subprocess
import sys

import pytest
from pelican.settings import read_settings

from conftest import ROOT, build, person, read, write_content
from portal.figures.over_time import status_changes
from portal.content.problems import ContentError
from portal.content.loader import load_content
from portal.figures.over_time import monthly_series, totals_on
from portal.figures.totals import compute_totals

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))


def history(*entries: tuple[str, str]) -> str:
    """A history key as YAML lines (person() writes values as they are)."""
    return "".join(f"\n  - date: {date}\n    status: {status}" for date, status in entries)


# The fixture: who counts where on 2021-10-22, by the rules in README ("Totals over time").
FILES = {
    # history: custody from 2020-08-10, released on 2022-02-01 -> custody on the day
    "people/ales.md": person("released", updated="2022-03-01", name={"en": "Ales History"},
                             history=history(("2020-08-10", "custody"), ("2022-02-01", "released"))),
    # history: house arrest, then custody from 2021-03-01 -> custody
    "people/bela.md": person("custody", updated="2021-12-01", name={"en": "Bela History"},
                             history=history(("2021-01-15", "house-arrest"), ("2021-03-01", "custody"))),
    # history starts after the day -> not counted
    "people/cira.md": person("restricted-freedom-home", updated="2021-11-05", name={"en": "Cira Later"},
                             history=history(("2021-11-01", "restricted-freedom-home"))),
    # no history: status_since wins over detained -> custody from 2021-06-01
    "people/dzima.md": person("custody", updated="2021-10-01", name={"en": "Dzima Since"},
                              status_since="2021-06-01", detained="2020-09-01"),
    # no history, no status_since: from detained -> pardoned from 2021-05-05
    "people/ewa.md": person("pardoned", updated="2022-01-10", name={"en": "Ewa Detained"}, detained="2021-05-05"),
    # neither date: from updated (2021-12-20) -> not counted
    "people/fiodar.md": person("recognizance", updated="2021-12-20", name={"en": "Fiodar Nodate"}),
    # status_since on the day itself -> counted
    "people/hanna.md": person("forced-emigration", updated="2021-10-22", name={"en": "Hanna Sameday"},
                              status_since="2021-10-22"),
    # counted only: counts (released on the day), is never named
    "people/secret-zq.md": person("released", updated="2021-09-20", visibility="counted",
                                  name={"en": "Secretname Zqx"},
                                  history=history(("2020-09-01", "custody"), ("2021-09-15", "released"))),
}
ON_2021_10_22 = {"custody": 3, "pardoned": 1, "released": 1, "forced-emigration": 1}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return write_content(tmp_path_factory.mktemp("history"), FILES)


@pytest.fixture(scope="module")
def site(content):
    return load_content(content, SETTINGS, today=datetime.date(2026, 1, 1))


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("history-site"), FILES)


def test_totals_as_of_a_day_follow_the_counting_rules(site):
    totals = totals_on(site, datetime.date(2021, 10, 22))
    assert {k: v for k, v in totals.by_category.items() if v} == ON_2021_10_22
    assert totals.by_group == {"political-prisoner": 3, "persecuted": 3}
    assert totals.total == 6
    assert totals.counted_only == 1


def test_totals_on_the_newest_check_date_are_the_current_totals(site):
    current = compute_totals(site)
    assert current.as_of == datetime.date(2022, 3, 1)
    on_day = totals_on(site, current.as_of)
    assert (on_day.by_category, on_day.by_group, on_day.total) == (current.by_category, current.by_group, current.total)


def test_nobody_counts_before_the_first_date(site):
    assert totals_on(site, datetime.date(2020, 8, 9)).total == 0
    assert totals_on(site, datetime.date(2020, 8, 10)).by_category["custody"] == 1


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


def test_monthly_series_from_august_2020_to_the_newest_check(site):
    series = monthly_series(site, datetime.date(2020, 8, 1), datetime.date(2022, 3, 1))
    days = [point.as_of.isoformat() for point in series]
    assert days[:3] == ["2020-08-31", "2020-09-30", "2020-10-31"]
    assert days[-3:] == ["2022-01-31", "2022-02-28", "2022-03-01"]
    assert len(days) == 20
    by_day = {point.as_of.isoformat(): point for point in series}
    assert (by_day["2020-08-31"].by_group["political-prisoner"], by_day["2020-08-31"].total) == (1, 1)
    assert by_day["2020-09-30"].by_category["custody"] == 2  # dzima's detention does not count: status_since does
    assert by_day["2021-01-31"].by_category["house-arrest"] == 1
    assert (by_day["2021-05-31"].by_category["custody"], by_day["2021-05-31"].by_category["pardoned"]) == (3, 1)
    assert by_day["2022-03-01"].total == compute_totals(site).total == 8


def test_the_monthly_sweep_counts_each_month_as_the_records_stood_that_day(site):
    """monthly_series() adds up only what changed from month to month: each month must equal
    compute_totals() of every record put back into the status it had on that day."""
    def by_hand(day):
        standing = []
        for record in site.people:
            status = [category for date, category in status_changes(record) if date <= day]
            if status:
                standing.append(dataclasses.replace(record, category=status[-1]))
        return dataclasses.replace(compute_totals(dataclasses.replace(site, people=standing)), as_of=day)

    series = monthly_series(site, datetime.date(2020, 8, 1), datetime.date(2022, 3, 1))
    assert len({point.total for point in series}) > 3  # the fixture's figures do move
    for point in series:
        assert point == by_hand(point.as_of)


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


@pytest.mark.parametrize("history_yaml, field, message", [
    (history(("2021-03-01", "custody"), ("2021-01-01", "released")), "history, entry 2",
     "2021-01-01 is not after the entry before it (2021-03-01)."),
    (history(("2021-01-01", "custdy"), ("2021-03-01", "released")), "history, entry 1, status",
     '"custdy" is not a known status.'),
    (history(("2021-01-01", "custody")), "history", 'the last entry\'s status "custody" differs from status: released.'),
    (history(("2021-01-01", "custody"), ("2021-02-01", "custody"), ("2021-03-01", "released")), "history, entry 2",
     'the status "custody" is the same as in the entry before it.'),
    (history(("2099-01-01", "released")), "history, entry 1, date", "the date 2099-01-01 lies in the future."),
    ("\n  - 2021-01-01 released", "history", "the history must be a list of entries, each with a date and a status."),
    (history(("2021-01-01", "custody"), ("2021-10-23", "released")), "updated",
     "the record was last checked (2021-10-22) before the last history entry (2021-10-23)."),
])
def test_history_problems_name_the_entry_and_the_fix(tmp_path, history_yaml, field, message):
    content = write_content(tmp_path, {"people/bad.md": person("released", name={"en": "Bad History"},
                                                               history=history_yaml)})
    with pytest.raises(ContentError) as error:
        load_content(content, SETTINGS, today=datetime.date(2026, 1, 1))
    found = [p for p in error.value.problems if p.field == field]
    assert found and found[0].message == message, error.value.problems
    if field.startswith("history"):
        assert found[0].line == 4  # the line of `history:`
    assert found[0].fix


def test_history_and_status_since_must_agree(tmp_path):
    content = write_content(tmp_path, {"people/both.md": person(
        "released", name={"en": "Both Dates"}, status_since="2021-05-01",
        history=history(("2020-08-10", "custody"), ("2021-06-01", "released")))})
    with pytest.raises(ContentError) as error:
        load_content(content, SETTINGS, today=datetime.date(2026, 1, 1))
    assert [p.field for p in error.value.problems] == ["status_since"]
    assert "differs from the date of the last history entry (2021-06-01)" in error.value.problems[0].message
