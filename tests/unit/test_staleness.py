"""Records not checked for a while (content/staleness.py): the setting, which records, in which
order, and what make check and make stale say of them."""
from __future__ import annotations

import datetime

import pytest

from portal.content.model import Person
from portal.content.problems import Problem
from portal.content.staleness import STALE_AFTER_DAYS, stale_after_days, stale_records, stale_table, stale_warning

TODAY = datetime.date(2022, 6, 30)


def record(id: str, updated: str) -> Person:
    return Person(id, f"people/{id}.md", None, None, datetime.date.fromisoformat(updated))


PEOPLE = [record("fresh", "2022-06-01"), record("b-old", "2021-01-05"), record("a-old", "2021-01-05"),
          record("edge", "2022-01-01"), record("older", "2020-11-30")]


def test_the_setting_and_its_default():
    assert stale_after_days({}) == (180, [])
    assert STALE_AFTER_DAYS == 180
    assert stale_after_days({"STALE_AFTER_DAYS": 30}) == (30, [])


@pytest.mark.parametrize("value", [0, -5, "180", 1.5, True, None])
def test_a_wrong_setting_is_a_problem(value):
    days, problems = stale_after_days({"STALE_AFTER_DAYS": value})
    assert days == 180
    assert problems == [Problem("settings (pelicanconf.py)", None, "STALE_AFTER_DAYS", f"{value!r} is not a number of days.",
                                "write a whole number above 0, e.g. STALE_AFTER_DAYS = 180.")]


def test_stale_records_oldest_first():
    stale = stale_records(PEOPLE, TODAY, 180)
    # "edge" was checked exactly 180 days ago: not yet stale.
    assert [(item.person.id, item.days) for item in stale] == [("older", 577), ("a-old", 541), ("b-old", 541)]
    assert stale_records(PEOPLE, TODAY, 600) == []


def test_what_make_check_says():
    assert stale_warning([], 180) is None
    assert stale_warning(stale_records(PEOPLE, TODAY, 180), 180, shown=2) == (
        "Warning: 3 records not checked for more than 180 days (STALE_AFTER_DAYS); the oldest: older (2020-11-30, "
        "577 days); a-old (2021-01-05, 541 days) and 1 more. Re-check them and set updated: to the day you did; "
        "`make stale` lists them all.")
    assert stale_warning(stale_records(PEOPLE, TODAY, 560), 560) == (
        "Warning: 1 record not checked for more than 560 days (STALE_AFTER_DAYS); the oldest: older (2020-11-30, "
        "577 days). Re-check it and set updated: to the day you did; `make stale` lists it.")


def test_what_make_stale_lists():
    assert stale_table(stale_records(PEOPLE, TODAY, 180)) == (
        "id     updated     days  file\n"
        "older  2020-11-30   577  content/people/older.md\n"
        "a-old  2021-01-05   541  content/people/a-old.md\n"
        "b-old  2021-01-05   541  content/people/b-old.md\n")
