"""An import planned before anything is written: each row of the export against the records,
as new records, changes (field by field, with conflicts where a value was edited by hand),
rows that cannot be used, values the mapping lacks, and records the export no longer lists.

Writing is the command's (commands/import_list.py); a planned file has already passed the same
checks as `make check` (content/person.py), so what is written is valid, and a row that would
not be is reported instead.
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content.frontmatter import RecordFile, read_markdown_record
from ..content.model import Content, Person
from ..content.person import COUNTED_ID, PersonFile, ReadingContext, check_person, read_person
from ..language import translit
from ..review.duplicates import Pair, pairs
from ..review.flags import can_be_matched, named
from .mapping import Mapping, normal
from .records import digest, edit_record, new_record
from .rows import Proposal, cells_of, columns_of, propose
from .table import CellProblem, Table

# The keys an import writes and compares; the others are the maintainers' (story, photo,
# letters, region…), never touched.
IMPORTED_KEYS = ["name", "letter_name", "born", "gender", "detained", "articles", "sentenced", "penalty", "sentence", "institution",
                 "released", "died", "recognised", "sources", "status"]
COUNTED_IMPORTED_KEYS = ["detained", "status"]


@dataclass
class Export:
    """One list's export in one or more languages; the first table gives every field, the
    others the names (and sentences) in their languages, matched by row id."""

    tables: list[tuple[Table, str]]  # (table, language)
    date: datetime.date


@dataclass
class Change:
    key: str
    old: object
    new: object


@dataclass
class Planned:
    """A record to write: a new file, or changes to one."""

    proposal: Proposal
    record_id: str
    path: Path
    text: str
    changes: list[Change] = field(default_factory=list)  # empty for a new record
    conflicts: list[Change] = field(default_factory=list)  # edited by hand and changed in the list: kept
    new: bool = False
    person: Person | None = None  # the checked record, once it passed the checks

    @property
    def counted(self) -> bool:
        return self.proposal.counted


@dataclass
class Plan:
    source: str
    rows: int = 0
    new: list[Planned] = field(default_factory=list)
    changed: list[Planned] = field(default_factory=list)
    unchanged: int = 0
    conflicts_only: list[Planned] = field(default_factory=list)  # nothing to write, but conflicts to report
    unusable: list[Proposal] = field(default_factory=list)
    file_problems: list[CellProblem] = field(default_factory=list)
    left_out: list[CellProblem] = field(default_factory=list)
    unknown: Counter = field(default_factory=Counter)  # (kind, value) -> rows
    missing: list[str] = field(default_factory=list)  # record ids from this source the export lacks
    unused_columns: list[str] = field(default_factory=list)
    counted_unmatched: int = 0  # counted-only rows that could not be matched (no key)
    duplicates: list[Pair] = field(default_factory=list)  # new records probably someone already here, or twice new
    visibility_changes: list[str] = field(default_factory=list)  # records the list now names, or no longer names

    @property
    def writes(self) -> list[Planned]:
        return self.new + self.changed


def counted_key(secret: str, source: str, row_id: str) -> str:
    """A counted-only row's key: without the secret, the row id cannot be found from it."""
    return hmac.new(secret.encode(), f"{source}\n{row_id}".encode(), hashlib.sha256).hexdigest()[:32]


def file_language(path: str, table: Table, mapping: Mapping, languages: list[str]) -> str:
    """The export's language: named in its file name (list-be.csv), else told by its names' letters."""
    for token in re.split(r"[^a-z]+", Path(path).stem.lower()):
        if token in languages:
            return token
    column = next((index for index, header in enumerate(table.header) if mapping.field_of(header) == "name"), None)
    names = " ".join(values[column] for _, values in table.rows[:200] if column is not None and column < len(values))
    if re.search(r"[іўІЎ]", names):
        return "be"
    if re.search(r"[А-Яа-яЁё]", names):
        return "ru"
    return "en"


def plan_import(export: Export, mapping: Mapping, site: Content, context: ReadingContext, people_dir: Path,
                shown_people: str, secret: str | None = None, force: bool = False) -> Plan:
    plan = Plan(mapping.source)
    proposals: dict[str, Proposal] = {}
    first_row: dict[str, int] = {}  # the first file's row of each id
    merged: set[tuple[int, str]] = set()  # (file, id) taken from the other files
    for number, (table, lang) in enumerate(export.tables):
        plan.file_problems += table.problems
        if not table.header:
            continue  # unreadable: reported above
        missing = [name for name in ("id", "status") if number == 0 and
                   not any(mapping.field_of(header) == name for header in table.header)]
        missing += [] if number == 0 or any(mapping.field_of(h) == "id" for h in table.header) else ["id"]
        if missing:
            plan.file_problems.append(CellProblem(table.file, 1, None, "", f"the header has no column for "
                                                  f"{' and '.join(missing)}.",
                                                  f"add the column's header to columns: in {mapping.path}."))
            continue
        if number == 0:
            plan.unused_columns = [header for header in table.header if header and mapping.field_of(header) is None
                                   and normal(header) not in mapping.ignored]
        columns = columns_of(table.header, mapping)
        for row, values in table.rows:
            cells, short = cells_of(table.header, columns, values)
            proposal = propose(table.file, row, cells, short, mapping, site, lang, export.date)
            if number == 0:
                plan.rows += 1
                if not proposal.counted:  # a counted-only row's values are never shown, not even as unknown
                    plan.unknown.update(proposal.unknown)
                if proposal.row_id is not None and proposal.row_id in first_row:
                    shown_id = "" if proposal.counted else proposal.row_id  # it leads to the name on the list's site
                    proposal.problems.append(CellProblem(table.file, row, cells["id"].column, shown_id,
                                                         f"the id is also on row {first_row[proposal.row_id]}.",
                                                         "the list names one person twice: keep one of the rows."))
                elif proposal.row_id is not None:
                    first_row[proposal.row_id] = row
                if proposal.usable:
                    proposals[proposal.row_id] = proposal
                else:
                    plan.unusable.append(proposal)
                plan.left_out += proposal.left_out
            elif proposal.row_id is not None and (number, proposal.row_id) not in merged:
                merged.add((number, proposal.row_id))
                if proposal.row_id not in first_row:
                    plan.file_problems.append(CellProblem(table.file, row, None, proposal.row_id,
                                                          "this row id is not in the first file.",
                                                          "export the lists of every language on the same day."))
                else:
                    _merge_language(plan, proposals, proposal, lang)
    _plan_records(plan, proposals, mapping, site, context, people_dir, shown_people, export.date, secret, force)
    plan.duplicates = _probable_duplicates(plan, site)
    return plan


def _probable_duplicates(plan: Plan, site: Content) -> list[Pair]:
    """The new public records that are probably one person with a record already here, or with
    another new one (a list names someone twice under two ids): reported, never merged.
    Counted-only records are never compared by name."""
    new = [named(planned.person) for planned in plan.new if planned.person is not None and can_be_matched(planned.person)]
    if not new:
        return []
    return pairs(new, existing=[named(person) for person in site.people if can_be_matched(person)])


def _merge_language(plan: Plan, proposals: dict[str, Proposal], other: Proposal, lang: str) -> None:
    target = proposals.get(other.row_id)
    if target is None:
        return  # unusable in the first file: reported there
    if target.counted:
        return  # never a name of a counted-only person
    plan.left_out += other.left_out + [found for found in other.problems if found.column]
    for key in ("name", "sentence"):
        if key in other.values and lang in other.values[key]:
            target.values.setdefault(key, {})[lang] = other.values[key][lang]
    if "letter_name" in other.values:
        target.values["letter_name"] = other.values["letter_name"]


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _new_id(proposal: Proposal, taken: set[str]) -> str:
    names = proposal.values.get("name", {})
    latin = names.get("en") or next((translit.latin(names[lang], lang) for lang in ("be", "ru") if lang in names), "")
    base = _slug(latin) or f"person-{_slug(proposal.row_id or '')}"
    born = proposal.values.get("born")
    candidates = [base, f"{base}-{born if isinstance(born, int) else born.year}" if born else None]
    for candidate in candidates:
        if candidate and candidate not in taken:
            return candidate
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _plan_records(plan: Plan, proposals: dict[str, Proposal], mapping: Mapping, site: Content,
                  context: ReadingContext, people_dir: Path, shown_people: str, today: datetime.date,
                  secret: str | None, force: bool) -> None:
    by_row = {p.imported.row: p for p in site.people if p.imported and p.imported.source == mapping.source
              and p.imported.row}
    by_key = {p.imported.key: p for p in site.people if p.imported and p.imported.source == mapping.source
              and p.imported.key}
    taken = {p.id for p in site.people} | {alias for p in site.people for alias in p.aliases}
    counted_numbers = [int(p.id.rsplit("-", 1)[1]) for p in site.people if COUNTED_ID.match(p.id)]
    next_counted = max(counted_numbers, default=0) + 1
    seen: set[str] = set()
    for row_id, proposal in proposals.items():
        if proposal.counted:
            if not secret:
                plan.counted_unmatched += 1
                proposal.problems.append(CellProblem(proposal.file, proposal.row, None, "",
                                                     "a counted-only row needs the maintainers' import key to be "
                                                     "matched again later.",
                                                     "set PORTAL_IMPORT_KEY in the environment (ask the maintainers; "
                                                     "never commit it) and import again."))
                plan.unusable.append(proposal)
                continue
            key = counted_key(secret, mapping.source, row_id)
            existing = by_key.get(key)
            seen.add(key)
            if by_row.get(row_id) is not None:
                # The list no longer names someone it named: their public record must become
                # counted-only by hand (and its name leave the repository), never a second record.
                seen.add(row_id)
                plan.visibility_changes.append(by_row[row_id].id)
                proposal.problems.append(CellProblem(
                    proposal.file, proposal.row, None, "", f"the list no longer names {by_row[row_id].id}, whose "
                    "public record this row matches.", f"make {by_row[row_id].id} counted-only by hand (CONTRIBUTING: "
                    "counted-only records) or remove it, then import again; nothing was written for this row."))
                plan.unusable.append(proposal)
                continue
        else:
            existing = by_row.get(row_id)
            seen.add(row_id)
            named_again = by_key.get(counted_key(secret, mapping.source, row_id)) if secret else None
            if existing is None and named_again is not None:
                # The list names someone it counted without a name: never a second record.
                seen.add(named_again.imported.key)
                plan.visibility_changes.append(named_again.id)
                proposal.problems.append(CellProblem(
                    proposal.file, proposal.row, None, "", f"the list now names the person counted as "
                    f"{named_again.id}.", f"decide by hand whether {named_again.id} may become public; nothing was "
                    "written for this row."))
                plan.unusable.append(proposal)
                continue
        if existing is None:
            if proposal.counted:
                record_id = f"counted-{next_counted:04d}"
                while record_id in taken:
                    next_counted += 1
                    record_id = f"counted-{next_counted:04d}"
                next_counted += 1
                imported = {"source": mapping.source, "key": key}
            else:
                record_id = _new_id(proposal, taken)
                imported = {"source": mapping.source, "row": row_id}
            values = _new_values(proposal, today)
            managed = COUNTED_IMPORTED_KEYS if proposal.counted else IMPORTED_KEYS
            imported["fields"] = {k: digest(values[k]) for k in managed if values.get(k) not in (None, [], {})}
            values["imported"] = imported
            values["id"] = record_id
            text = new_record(values)
            path = people_dir / f"{record_id}.md"
            planned = Planned(proposal, record_id, path, text, new=True)
            # Checked as read from `values`, not from `text` (10,000 YAML parses are most of an
            # import's time): the unit tests hold the writer to writing what YAML reads back.
            if _valid(plan, planned, context, shown_people, values):
                taken.add(record_id)
                plan.new.append(planned)
        else:
            planned = _changes(proposal, existing, mapping, context, people_dir, today, force)
            if planned is None:
                plan.unchanged += 1
            elif not planned.changes:
                plan.unchanged += 1
                plan.conflicts_only.append(planned)
            elif _valid(plan, planned, context, shown_people):
                plan.changed.append(planned)
    for person in site.people:
        if person.imported and person.imported.source == mapping.source:
            mark = person.imported.row or person.imported.key
            if mark not in seen and (person.imported.row or secret):
                plan.missing.append(person.id)


def _new_values(proposal: Proposal, today: datetime.date) -> dict:
    values = dict(proposal.values)
    values["status"] = proposal.status
    if proposal.since:
        values["status_since"] = proposal.since
    if proposal.counted:
        values["visibility"] = "counted"
    values["updated"] = max([today] + [v for v in values.values() if isinstance(v, datetime.date)])
    return values


def _valid(plan: Plan, planned: Planned, context: ReadingContext, shown_people: str, values: dict | None = None) -> bool:
    """The planned file passes the checks of make check, or its row is reported as unusable."""
    file = PersonFile(planned.path, f"{shown_people}/{planned.path.name}", f"people/{planned.path.name}",
                      planned.record_id)
    if values is None:
        person, problems = read_person(planned.text.encode(), file, context)
    else:
        person, problems = check_person(RecordFile(file.shown, values, "", 1, {}), file, context)
    if person is not None:
        planned.person = person
        return True
    for found in problems:
        value = "" if planned.counted else found.message
        planned.proposal.problems.append(CellProblem(planned.proposal.file, planned.proposal.row, found.field, "",
                                                     f"the record would not pass the checks: {value or found.field}",
                                                     found.fix))
    plan.unusable.append(planned.proposal)
    return False


def _changes(proposal: Proposal, person, mapping: Mapping, context: ReadingContext, people_dir: Path,
             today: datetime.date, force: bool) -> Planned | None:
    path = people_dir.parent / person.source_path
    raw = path.read_bytes()
    record, _ = read_markdown_record(raw, str(path))
    data = record.data
    stored = dict(person.imported.fields)
    managed = COUNTED_IMPORTED_KEYS if proposal.counted else IMPORTED_KEYS
    wanted = dict(proposal.values)
    wanted["status"] = proposal.status
    changes, conflicts, edits = [], [], {}
    for key in managed:
        old, new = data.get(key), wanted.get(key)
        if old in ([], {}):
            old = None
        if key == "name" and isinstance(old, dict) and isinstance(new, dict):
            new = {**old, **new}  # a name in a language the export lacks is kept
        if old == new or (old is not None and new is not None and digest(old) == digest(new)):
            continue
        # Changed since the last import, or deleted since (a value removed for someone's safety
        # is not put back), or never imported: the hand's, kept unless FORCE.
        edited_by_hand = ((key in stored and (old is None or stored[key] != digest(old)))
                          or (old is not None and key not in stored))
        if edited_by_hand and not force:
            conflicts.append(Change(key, old, new))
            continue
        changes.append(Change(key, old, new))
        edits[key] = new
        if new is None:
            stored.pop(key, None)
        else:
            stored[key] = digest(new)
    if "status" in edits:
        _status_change(data, edits, proposal, today)
    if not changes:
        return Planned(proposal, person.id, path, "", conflicts=conflicts) if conflicts else None
    dates = [v for v in list(edits.values()) + [data.get("updated")] if isinstance(v, datetime.date)]
    edits["updated"] = max(dates + [today])
    edits["imported"] = {**data["imported"], "fields": stored}
    text = edit_record(raw.decode("utf-8-sig").replace("\r\n", "\n"), edits)
    return Planned(proposal, person.id, path, text, changes, conflicts)


def _status_change(data: dict, edits: dict, proposal: Proposal, today: datetime.date) -> None:
    """A new status is a new history entry, dated by the row (else by the export's date)."""
    day = proposal.since or today
    history = [dict(entry) for entry in data.get("history") or [] if isinstance(entry, dict)]
    if not history and data.get("status_since") and data.get("status"):
        history = [{"date": data["status_since"], "status": data["status"]}]
    if history and isinstance(history[-1].get("date"), datetime.date) and day <= history[-1]["date"]:
        day = max(today, history[-1]["date"] + datetime.timedelta(days=1))
    history.append({"date": day, "status": proposal.status})
    edits["history"] = history
    if data.get("status_since") is not None:
        edits["status_since"] = None  # the last entry gives it
