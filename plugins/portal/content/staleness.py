"""Records not checked for a while: their `updated` date older than STALE_AFTER_DAYS.

A status changes without anyone telling the portal (a release, a transfer, a new sentence),
so a record is only as good as the day someone last checked it. `make check` warns about the
stale ones without failing (a record does not become wrong by growing old), and `make stale`
lists them oldest first, for volunteers to re-check. The setting is read from the settings
dictionary, with or without Pelican.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .model import Person
from .problems import Problem

STALE_AFTER_DAYS = 180  # the default: about half a year
SETTING = "STALE_AFTER_DAYS"
SETTINGS_SOURCE = "settings (pelicanconf.py)"


@dataclass(frozen=True)
class Stale:
    person: Person
    days: int  # since the record was last checked

    @property
    def updated(self) -> datetime.date:
        return self.person.updated


def stale_after_days(settings: dict) -> tuple[int, list[Problem]]:
    """The setting, or the default with a problem where it is not a whole number of days above 0."""
    value = settings.get(SETTING, STALE_AFTER_DAYS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return STALE_AFTER_DAYS, [Problem(SETTINGS_SOURCE, None, SETTING, f"{value!r} is not a number of days.",
                                          f"write a whole number above 0, e.g. {SETTING} = {STALE_AFTER_DAYS}.")]
    return value, []


def stale_records(people: list[Person], today: datetime.date, days: int) -> list[Stale]:
    """The records last checked more than `days` days before `today`, oldest first (then by id)."""
    found = [Stale(person, (today - person.updated).days) for person in people
             if (today - person.updated).days > days]
    return sorted(found, key=lambda stale: (stale.updated, stale.person.id))


def stale_warning(stale: list[Stale], days: int, shown: int = 5) -> str | None:
    """What `make check` says about the stale records (None if there are none): how many, the
    oldest few, and where to see them all."""
    if not stale:
        return None
    oldest = "; ".join(f"{item.person.id} ({item.updated.isoformat()}, {item.days} days)" for item in stale[:shown])
    many = len(stale) != 1
    return (f"Warning: {len(stale)} record{'s' if many else ''} not checked for more than {days} days ({SETTING}); "
            f"the oldest: {oldest}{f' and {len(stale) - shown} more' if len(stale) > shown else ''}. Re-check {'them' if many else 'it'} and set "
            f"updated: to the day you did; `make stale` lists {'them all' if many else 'it'}.")


def stale_table(stale: list[Stale], folder: str = "content") -> str:
    """`make stale`'s list: id, updated, days, file (in `folder`, the content folder); one
    record a line, oldest first."""
    rows = [("id", "updated", "days", "file")]
    rows += [(item.person.id, item.updated.isoformat(), str(item.days), f"{folder}/{item.person.source_path}")
             for item in stale]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return "".join(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}\n" for row in rows)
