"""The `history` key of a person record: checked entry by entry, then against status,
status_since and updated; every problem on the line of `history:`."""
from __future__ import annotations

import datetime

import pytest

from conftest import SETTINGS, person, write_content
from portal.content.loader import load_content
from portal.content.problems import ContentError, Problem

TODAY = datetime.date(2026, 1, 1)
EXAMPLE = ("write it as:\n        history:\n          - date: 2020-08-10\n            status: custody\n"
           "          - date: 2022-02-01\n            status: released")
STATUSES = ("custody, restricted-freedom-institution, house-arrest, restricted-freedom-home, recognizance, "
            "correctional-labour-or-fine, unknown-whereabouts, suspended-sentence, released, pardoned, forced-emigration")
ORDER_FIX = "list the entries oldest first, one entry per day, each with the day the status began."


def history(*entries: tuple[str, str]) -> str:
    """A history key as YAML lines (person() writes values as they are)."""
    return "".join(f"\n  - date: {date}\n    status: {status}" for date, status in entries)


def load(root, status="released", **keys):
    """The record people/bad.md (name on lines 2-3, history on line 4), loaded: its person or its problems."""
    content = write_content(root, {"people/bad.md": person(status, name={"en": "Bad History"}, **keys)})
    try:
        return load_content(content, SETTINGS, today=TODAY).people[0]
    except ContentError as error:
        return error.problems


def test_a_valid_history_is_kept_oldest_first(in_tmp):
    record = load(in_tmp, history=history(("2020-08-10", "custody"), ("2021-03-01", "house-arrest"),
                                          ("2021-06-01", "released")))
    assert [(change.date.isoformat(), change.category.id) for change in record.history] == [
        ("2020-08-10", "custody"), ("2021-03-01", "house-arrest"), ("2021-06-01", "released")]
    assert record.history[0].category.group.id == "political-prisoner"


@pytest.mark.parametrize("history_yaml, field, message, fix", [
    (history(("2021-03-01", "custody"), ("2021-01-01", "released")), "history, entry 2",
     "2021-01-01 is not after the entry before it (2021-03-01).", ORDER_FIX),
    (history(("2021-03-01", "custody"), ("2021-03-01", "released")), "history, entry 2",
     "2021-03-01 is not after the entry before it (2021-03-01).", ORDER_FIX),
    (history(("2021-01-01", "custdy"), ("2021-03-01", "released")), "history, entry 1, status",
     '"custdy" is not a known status.',
     f'did you mean "custody"? use one of: {STATUSES} (see content/data/categories.yaml).'),
    (history(("2021-01-01", "custody"), ("2021-02-01", "custody"), ("2021-03-01", "released")), "history, entry 2",
     'the status "custody" is the same as in the entry before it.',
     "the history lists changes of status only: remove this entry."),
    (history(("2099-01-01", "released")), "history, entry 1, date", "the date 2099-01-01 lies in the future.",
     "write the date on which it happened; check the year, month and day order (YYYY-MM-DD)."),
    (history(("spring", "released")), "history, entry 1, date", '"spring" is not a date.',
     "write the date as YYYY-MM-DD, e.g. date: 2021-06-01."),
    ("\n  - status: released", "history, entry 1, date", 'the required key "date" is missing.',
     "add 'date: YYYY-MM-DD', e.g. 'date: 2026-01-01'."),
    ("\n  - date: 2021-01-01\n    status: released\n    note: x", "history, entry 1, note", '"note" is not a known key.',
     "remove it, or use one of: date, status."),
    ("\n  - 2021-01-01 released", "history", "the history must be a list of entries, each with a date and a status.",
     EXAMPLE),
    (" released", "history", "the history must be a list of entries, each with a date and a status.", EXAMPLE),
    (history(("2021-01-01", "custody")), "history", 'the last entry\'s status "custody" differs from status: released.',
     "if the status changed, add an entry at the end:\n          - date: YYYY-MM-DD\n            status: released\n"
     "        otherwise correct the status line."),
])
def test_history_problems_name_the_entry_and_the_fix(in_tmp, history_yaml, field, message, fix):
    assert load(in_tmp, history=history_yaml) == [Problem("content/people/bad.md", 4, field, message, fix)]


def test_the_last_entry_must_not_be_after_the_check_date(in_tmp):
    problems = load(in_tmp, history=history(("2021-01-01", "custody"), ("2021-10-23", "released")))
    assert problems == [Problem(
        "content/people/bad.md", 10, "updated",  # person() writes updated: last, after history's lines
        "the record was last checked (2021-10-22) before the last history entry (2021-10-23).",
        "set updated: to the day you checked the information.")]


def test_history_and_status_since_must_agree(in_tmp):
    problems = load(in_tmp, history=history(("2020-08-10", "custody"), ("2021-06-01", "released")),
                    status_since="2021-05-01")
    assert problems == [Problem(
        "content/people/bad.md", 9, "status_since",
        "status_since (2021-05-01) differs from the date of the last history entry (2021-06-01).",
        "the last entry gives the date the current status began: remove status_since, or make the two dates equal.")]


def test_entry_problems_are_all_reported_and_the_later_checks_wait(in_tmp):
    """A history with a bad entry is not compared with status: its last entry may be the bad one."""
    problems = load(in_tmp, status="custody",
                    history=history(("2021-01-01", "custdy"), ("2099-01-01", "released")))
    assert [(p.field, p.message) for p in problems] == [
        ("history, entry 1, status", '"custdy" is not a known status.'),
        ("history, entry 2, date", "the date 2099-01-01 lies in the future."),
    ]
