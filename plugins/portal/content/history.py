"""The optional `history` key of a person record: the person's statuses over time.

    history:            # oldest first; the last entry's status equals `status`
      - date: 2020-08-10
        status: custody
      - date: 2022-02-01
        status: released

Checked here so that every later step (totals over time, the feed of status changes) can
trust it: dates in order and not in the future, known statuses, a real change at each entry,
and the last entry agreeing with `status`, `status_since` and `updated`. How a history is
counted is figures/over_time.py's (status_changes).
"""
from __future__ import annotations

import datetime

from .fields import Fields
from .frontmatter import RecordFile
from .model import Category, StatusChange

EXAMPLE = "history:\n          - date: 2020-08-10\n            status: custody\n          - date: 2022-02-01\n            status: released"


def read_history(fields: Fields, categories: dict[str, Category], status: Category | None,
                 status_since: datetime.date | None, updated: datetime.date | None) -> list[StatusChange]:
    """The validated history of one record (empty when it has none); problems go to `fields`."""
    value = fields.data.get("history")
    if value is None or value == []:
        return []
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        fields.problem("history", "the history must be a list of entries, each with a date and a status.",
                       f"write it as:\n        {EXAMPLE}")
        return []
    changes: list[StatusChange] = []
    complete = True
    for number, entry in enumerate(value, start=1):
        change = _entry(fields, number, entry, categories)
        if change is None:
            complete = False
            continue
        if changes and change.date <= changes[-1].date:
            _problem(fields, number, f"{change.date.isoformat()} is not after the entry before it "
                                     f"({changes[-1].date.isoformat()}).",
                     "list the entries oldest first, one entry per day, each with the day the status began.")
            complete = False
        elif changes and change.category is changes[-1].category:
            _problem(fields, number, f'the status "{change.category.id}" is the same as in the entry before it.',
                     "the history lists changes of status only: remove this entry.")
            complete = False
        changes.append(change)
    if not complete or not changes:
        return []
    last = changes[-1]
    if status is not None and last.category is not status:
        fields.problem("history", f'the last entry\'s status "{last.category.id}" differs from status: {status.id}.',
                       f"if the status changed, add an entry at the end:\n          - date: YYYY-MM-DD\n"
                       f"            status: {status.id}\n        otherwise correct the status line.")
    if status_since is not None and status_since != last.date:
        fields.problem("status_since", f"status_since ({status_since.isoformat()}) differs from the date of the "
                                       f"last history entry ({last.date.isoformat()}).",
                       "the last entry gives the date the current status began: remove status_since, "
                       "or make the two dates equal.")
    if updated is not None and last.date > updated:
        fields.problem("updated", f"the record was last checked ({updated.isoformat()}) before the last history "
                                  f"entry ({last.date.isoformat()}).",
                       "set updated: to the day you checked the information.")
    return changes


def _entry(fields: Fields, number: int, entry: dict, categories: dict[str, Category]) -> StatusChange | None:
    # Each entry is checked like a small record, with the same messages as a record's own keys.
    sub = Fields(RecordFile(fields.record.path, entry, "", 0, {}), fields.today)
    sub.unknown_keys(["date", "status"])
    date = sub.date("date", required=True)
    category = sub.choice("status", categories, required=True, where=" (see content/data/categories.yaml)")
    line = fields.record.line_of("history")
    for found in sub.problems:
        key = found.field or ""
        fields.problem(f"history, entry {number}{', ' + key if key else ''}", found.message, found.fix, line=line)
    if sub.problems:
        return None
    return StatusChange(date, category)


def _problem(fields: Fields, number: int, message: str, fix: str) -> None:
    fields.problem(f"history, entry {number}", message, fix, line=fields.record.line_of("history"))
