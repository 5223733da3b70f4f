"""Totals as of any day, and the monthly series the chart and data/totals-history.* show.

The counting rules (README, "Totals over time") are in history.status_on; this module adds the
records up with compute_totals() itself, so a day's totals have every figure today's have, and
the totals of the newest check date are exactly today's totals.
"""
from __future__ import annotations

import calendar
import csv
import dataclasses
import datetime
import io

from .history import status_on
from .model import Site
from .totals import Totals, compute_totals


def history_start(settings: dict) -> datetime.date:
    """The first month of the series, from TOTALS_HISTORY_START ("2020-08")."""
    return datetime.date.fromisoformat(f"{settings['TOTALS_HISTORY_START']}-01")


def totals_on(site: Site, day: datetime.date) -> Totals:
    """The totals as compute_totals() counts them, of the records as they stood on `day`."""
    on_day = []
    for person in site.people:
        category = status_on(person, day)
        if category is not None:
            on_day.append(_AsOf(person, category))
    return dataclasses.replace(compute_totals(dataclasses.replace(site, people=on_day)), as_of=day)


class _AsOf:
    """A record as it stood on a day: its category then, everything else as it is."""

    __slots__ = ("person", "category")

    def __init__(self, person, category):
        self.person, self.category = person, category

    def __getattr__(self, name):
        return getattr(self.person, name)


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


def monthly_series(site: Site, start: datetime.date, as_of: datetime.date | None) -> list[Totals]:
    return [totals_on(site, day) for day in series_days(start, as_of)]


def series_json(site: Site, series: list[Totals]) -> dict:
    """data/totals-history.json: each point in the shape of data/totals.json."""
    return {
        "as_of": series[-1].as_of.isoformat() if series else None,
        "series": [point.as_json(site) for point in series],
    }


def csv_columns(site: Site) -> list[str]:
    """date, total, then each group followed by its categories (ids, as in totals.json)."""
    columns = ["date", "total"]
    for group in site.groups:
        columns += [group.id, *(category.id for category in group.categories)]
    return columns


def series_csv(site: Site, series: list[Totals]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(csv_columns(site))
    for point in series:
        row = [point.as_of.isoformat(), point.total]
        for group in site.groups:
            row += [point.by_group[group.id], *(point.by_category[category.id] for category in group.categories)]
        writer.writerow(row)
    return stream.getvalue()
