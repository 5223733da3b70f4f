"""Counting: today's totals, the totals as of any day (README, "Totals over time"), and the
monthly series, swept once over every record's status changes.

tests/test_history.py builds the same folder (FILES) and runs `make totals` on it.
"""
from __future__ import annotations

import dataclasses
import datetime
from collections import Counter

import pytest

from conftest import SETTINGS, person, write_content
from portal.content.loader import load_content
from portal.content.model import Category, Content, Group, Person, Region, StatusChange
from portal.figures.over_time import (history_start, monthly_series, series_days, status_changes, totals_on,
                                      totals_on_days)
from portal.figures.summary import Figures
from portal.figures.totals import compute_totals, counting_key, totals_from_counts
from portal.language.localized import Localized

D = datetime.date


def history(*entries: tuple[str, str]) -> str:
    """A history key as YAML lines (person() writes values as they are)."""
    return "".join(f"\n  - date: {date}\n    status: {status}" for date, status in entries)


# Who counts where on 2021-10-22, by the rules in README ("Totals over time").
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
    "people/counted-0001.md": person("released", updated="2021-09-20", visibility="counted",
                                     history=history(("2020-09-01", "custody"), ("2021-09-15", "released"))),
}
ON_2021_10_22 = {"custody": 3, "pardoned": 1, "released": 1, "forced-emigration": 1}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Content:
    content = write_content(tmp_path_factory.mktemp("history"), FILES)
    return load_content(content, SETTINGS, today=D(2026, 1, 1))


# The rules of status_changes(), on single records

CUSTODY = Category("custody", Localized({}), Localized({}))
RELEASED = Category("released", Localized({}), Localized({}))


def record(**keys) -> Person:
    return Person(**{"id": "x", "source_path": "people/x.md", "name": Localized({}), "category": RELEASED,
                     "updated": D(2021, 10, 22), **keys})


@pytest.mark.parametrize("keys, changes", [
    # a history: its entries, whatever the other dates say
    ({"history": [StatusChange(D(2020, 8, 10), CUSTODY), StatusChange(D(2021, 2, 1), RELEASED)],
      "status_since": D(2021, 2, 1), "detained": D(2020, 8, 9)},
     [(D(2020, 8, 10), CUSTODY), (D(2021, 2, 1), RELEASED)]),
    # else status_since, before detained
    ({"status_since": D(2021, 6, 1), "detained": D(2020, 9, 1)}, [(D(2021, 6, 1), RELEASED)]),
    # else detained
    ({"detained": D(2021, 5, 5)}, [(D(2021, 5, 5), RELEASED)]),
    # else updated
    ({}, [(D(2021, 10, 22), RELEASED)]),
    # and at the latest from updated: the totals on the newest check date are today's
    ({"status_since": D(2021, 12, 1)}, [(D(2021, 10, 22), RELEASED)]),
])
def test_the_days_a_record_changes_category(keys, changes):
    assert status_changes(record(**keys)) == changes


def test_history_start_is_the_first_day_of_the_setting_month():
    assert history_start(SETTINGS) == D(2020, 8, 1)
    assert history_start({"TOTALS_HISTORY_START": "2021-12"}) == D(2021, 12, 1)


# Totals as of a day


def test_totals_as_of_a_day_follow_the_counting_rules(site):
    totals = totals_on(site, D(2021, 10, 22))
    assert {k: v for k, v in totals.by_category.items() if v} == ON_2021_10_22
    assert totals.by_group == {"political-prisoner": 3, "persecuted": 3}
    assert (totals.total, totals.counted_only, totals.as_of) == (6, 1, D(2021, 10, 22))


def test_totals_on_the_newest_check_date_are_the_current_totals(site):
    current = compute_totals(site)
    assert current.as_of == D(2022, 3, 1)
    assert totals_on(site, current.as_of) == current


def test_nobody_counts_before_the_first_date(site):
    assert totals_on(site, D(2020, 8, 9)).total == 0
    assert {k: v for k, v in totals_on(site, D(2020, 8, 10)).by_category.items() if v} == {"custody": 1}


def test_one_sweep_moves_a_record_from_category_to_category(site):
    """ales: custody from 2020-08-10, released from 2022-02-01; between the two days he
    leaves custody and is counted once, in released."""
    before, after = totals_on_days(site, [D(2022, 1, 31), D(2022, 2, 1)])
    assert (before.by_category["custody"], before.by_category["released"]) == (3, 1)
    assert (after.by_category["custody"], after.by_category["released"]) == (2, 2)
    assert before.total == after.total == 8


def test_the_days_of_one_sweep_equal_each_day_alone(site):
    days = [D(2020, 8, 9), D(2021, 1, 15), D(2021, 10, 22), D(2021, 10, 22), D(2022, 3, 1)]
    assert totals_on_days(site, days) == [totals_on(site, day) for day in days]


# The monthly series


def test_series_days_are_month_ends_then_the_as_of_day():
    assert series_days(D(2020, 8, 1), D(2021, 1, 15)) == [
        D(2020, 8, 31), D(2020, 9, 30), D(2020, 10, 31), D(2020, 11, 30), D(2020, 12, 31), D(2021, 1, 15)]


@pytest.mark.parametrize("start, as_of, days", [
    (D(2020, 8, 1), D(2020, 8, 20), [D(2020, 8, 20)]),  # within the first month
    (D(2020, 8, 1), D(2020, 9, 30), [D(2020, 8, 31), D(2020, 9, 30)]),  # as_of on a month end: once
    (D(2023, 12, 1), D(2024, 3, 1), [D(2023, 12, 31), D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 1)]),  # leap year
    (D(2020, 8, 15), D(2020, 9, 2), [D(2020, 8, 31), D(2020, 9, 2)]),
    (D(2020, 8, 1), D(2020, 7, 1), [D(2020, 7, 1)]),  # before the start: the day alone
    (D(2020, 8, 1), None, []),  # no records, no series
])
def test_series_days_edges(start, as_of, days):
    assert series_days(start, as_of) == days


def test_monthly_series_from_august_2020_to_the_newest_check(site):
    series = monthly_series(site, D(2020, 8, 1), D(2022, 3, 1))
    days = [point.as_of.isoformat() for point in series]
    assert days[:3] == ["2020-08-31", "2020-09-30", "2020-10-31"]
    assert days[-3:] == ["2022-01-31", "2022-02-28", "2022-03-01"]
    assert len(days) == 20
    by_day = {point.as_of.isoformat(): point for point in series}
    assert (by_day["2020-08-31"].by_group["political-prisoner"], by_day["2020-08-31"].total) == (1, 1)
    assert by_day["2020-09-30"].by_category["custody"] == 2  # dzima's detention does not count: status_since does
    assert by_day["2021-01-31"].by_category["house-arrest"] == 1
    assert (by_day["2021-05-31"].by_category["custody"], by_day["2021-05-31"].by_category["pardoned"]) == (3, 1)
    assert by_day["2022-03-01"] == compute_totals(site)
    # ales (Aug 2020), counted-0001 (Sep), bela (Jan 2021), ewa (May), dzima (Jun), hanna (Oct), cira (Nov), fiodar (Dec)
    assert [point.total for point in series] == [1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 5, 5, 5, 5, 6, 7, 8, 8, 8, 8]


def test_the_monthly_sweep_counts_each_month_as_the_records_stood_that_day(site):
    """monthly_series() adds up only what changed from month to month: each month must equal
    compute_totals() of every record put back into the status it had on that day."""
    def by_hand(day):
        standing = []
        for person_ in site.people:
            status = [category for date, category in status_changes(person_) if date <= day]
            if status:
                standing.append(dataclasses.replace(person_, category=status[-1]))
        return dataclasses.replace(compute_totals(dataclasses.replace(site, people=standing)), as_of=day)

    series = monthly_series(site, D(2020, 8, 1), D(2022, 3, 1))
    for point in series:
        assert point == by_hand(point.as_of)


def test_figures_of_a_site(site):
    figures = Figures.of(site, history_start(SETTINGS))
    assert figures.totals == compute_totals(site)
    assert figures.series == monthly_series(site, D(2020, 8, 1), D(2022, 3, 1))
    assert [line.last for line in figures.chart.lines] == [
        figures.totals.by_group["political-prisoner"], figures.totals.by_group["persecuted"]]


# Adding up


def test_totals_from_counts_by_category_group_region_and_visibility(site):
    counts = Counter({("custody", "gomel", True): 2, ("custody", None, False): 3, ("released", "gomel", False): 1,
                      ("house-arrest", "brest", True): 4})
    totals = totals_from_counts(site, counts, D(2021, 1, 1))
    assert {k: v for k, v in totals.by_category.items() if v} == {"custody": 5, "house-arrest": 4, "released": 1}
    assert totals.by_group == {"political-prisoner": 9, "persecuted": 1}
    assert (totals.total, totals.counted_only, totals.as_of) == (10, 4, D(2021, 1, 1))
    assert {region: {k: v for k, v in row.items() if v} for region, row in totals.by_region.items()} == {
        "brest": {"house-arrest": 4}, "vitebsk": {}, "gomel": {"custody": 2, "released": 1}, "grodno": {},
        "minsk-region": {}, "mogilev": {}, "minsk-city": {}}  # without a region: counted, in no region
    assert (totals.of_region_group(site.regions["gomel"], site.groups[0]),
            totals.of_region_group(site.regions["gomel"], site.groups[1])) == (2, 1)


def test_a_record_is_counted_by_its_category_region_and_visibility():
    gomel = Region("gomel", Localized({}))
    assert counting_key(record(region=gomel), CUSTODY) == ("custody", "gomel", True)
    assert counting_key(record(visibility="counted"), RELEASED) == ("released", None, False)


def test_no_records_no_date_and_zeros(site):
    empty = compute_totals(dataclasses.replace(site, people=[]))
    assert (empty.as_of, empty.total, set(empty.by_category.values()), set(empty.by_group.values())) == (
        None, 0, {0}, {0})
    assert Figures.of(dataclasses.replace(site, people=[]), D(2020, 8, 1)).chart is None


def test_groups_add_up_their_categories():
    group = Group("g", Localized({}), Localized({}))
    one, two = Category("one", Localized({}), Localized({}), group), Category("two", Localized({}), Localized({}), group)
    group.categories = [one, two]
    reference = Content([group], {"one": one, "two": two}, {}, {})
    totals = totals_from_counts(reference, Counter({("one", None, True): 2, ("two", None, True): 5}), None)
    assert (totals.by_group, totals.total, totals.by_region) == ({"g": 7}, 7, {})
