"""The totals as data: data/totals.json (today), data/totals-history.json and .csv (the end of
every month, then today), and data/letters.json (who can receive letters)."""
from __future__ import annotations

import csv
import io

from ..content.model import Person, ReferenceData
from ..figures.totals import Totals


def totals_json(reference: ReferenceData, totals: Totals) -> dict:
    """data/totals.json, and each point of the series."""
    return {
        "as_of": totals.as_of.isoformat() if totals.as_of else None,
        "total": totals.total,
        "groups": {
            group.id: {
                "total": totals.by_group[group.id],
                "categories": {category.id: totals.by_category[category.id] for category in group.categories},
            }
            for group in reference.groups
        },
    }


def series_json(reference: ReferenceData, series: list[Totals]) -> dict:
    """data/totals-history.json: each point in the shape of data/totals.json."""
    return {
        "as_of": series[-1].as_of.isoformat() if series else None,
        "series": [totals_json(reference, point) for point in series],
    }


def csv_columns(reference: ReferenceData) -> list[str]:
    """date, total, then each group followed by its categories (ids, as in totals.json)."""
    columns = ["date", "total"]
    for group in reference.groups:
        columns += [group.id, *(category.id for category in group.categories)]
    return columns


def series_csv(reference: ReferenceData, series: list[Totals]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(csv_columns(reference))
    for point in series:
        row = [point.as_of.isoformat(), point.total]
        for group in reference.groups:
            row += [point.by_group[group.id], *(point.by_category[category.id] for category in group.categories)]
        writer.writerow(row)
    return stream.getvalue()


def letters_json(public_people: list[Person], totals: Totals) -> dict:
    """data/letters.json: the ids of the public people who can receive letters ("Write to
    someone chosen at random" picks one, uniformly)."""
    return {
        "as_of": totals.as_of.isoformat() if totals.as_of else None,
        "people": [person.id for person in public_people if not person.letters_blocked_by],
    }
