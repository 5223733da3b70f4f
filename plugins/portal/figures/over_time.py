"""Totals as of any day, and the monthly series the chart and data/totals-history.* show.
The counting rules (README, "Totals over time") are status_changes() below; this module adds
the records up as compute_totals() does (totals.totals_from_counts), so a day's totals have
every figure today's have, and the totals of the newest check date are exactly today's totals.
"""
from __future__ import annotations

import calendar
import datetime
from collections import Counter

from ..content.model import Category, Content, Person
from .totals import Totals, counting_key, totals_from_counts


def status_changes(person: Person) -> list[tuple[datetime.date, Category]]:
    """The days on which the category a record counts in changes, oldest first: from each
    day on, the record counts in that category; before the first, it does not count.

    With a history: its entries. Without: the current status from `status_since`, else
    `detained`, else `updated`; and at the latest from `updated`, the day the record was
    checked (so that the totals on the newest check date are the current totals).
    """
    if person.history:
        return [(change.date, change.category) for change in person.history]
    start = person.status_since or person.detained or person.updated
    return [(min(start, person.updated), person.category)]


def history_start(settings: dict) -> datetime.date:
    """The first month of the series, from TOTALS_HISTORY_START ("2020-08")."""
    return datetime.date.fromisoformat(f"{settings['TOTALS_HISTORY_START']}-01")


def totals_on(content: Content, day: datetime.date) -> Totals:
    """The totals as compute_totals() counts them, of the records as they stood on `day`."""
    return totals_on_days(content, [day])[0]


def totals_on_days(content: Content, days: list[datetime.date]) -> list[Totals]:
    """totals_on() each of `days` (oldest first), in one sweep over every record's status
    changes in date order: a month adds only what changed since the month before, instead of
    counting 10,000 records again for each of some 70 months."""
    people = content.people
    changes = sorted(((date, index, category) for index, person in enumerate(people)
                      for date, category in status_changes(person)), key=lambda change: change[0])
    counts: Counter = Counter()
    current: list = [None] * len(people)  # the category each record counts in so far
    series, position = [], 0
    for day in days:
        while position < len(changes) and changes[position][0] <= day:
            _, index, category = changes[position]
            if current[index] is not None:
                counts[counting_key(people[index], current[index])] -= 1
            counts[counting_key(people[index], category)] += 1
            current[index] = category
            position += 1
        series.append(totals_from_counts(content, counts, day))
    return series


def series_days(start: datetime.date, as_of: datetime.date | None) -> list[datetime.date]:
    """The last day of every month from `start`'s month until before `as_of`'s month, then `as_of`
    itself: the newest point is the current totals, not a month end that has not come yet."""
    if as_of is None or as_of < start:
        return [as_of] if as_of else []
    days = []
    year, month = start.year, start.month
    while (year, month) < (as_of.year, as_of.month):
        days.append(datetime.date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days + [as_of]


def monthly_series(content: Content, start: datetime.date, as_of: datetime.date | None) -> list[Totals]:
    return totals_on_days(content, series_days(start, as_of))
