"""One row of an export -> what the person file would hold, and what the mapping lacks.

Pure: a row's cells, the mapping and the reference data in; a `Proposal` out. A cell that
cannot be used is a `CellProblem`: in the id, the name or the status it makes the row unusable;
elsewhere the row is taken without that cell. A value the mapping does not know (a status word,
a prison, an article, a penalty) is counted in `unknown`, so that the report can list what to
add to the mapping.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

from ..content.model import ReferenceData
from ..content.safety import invisible_characters
from .mapping import HELD_PLACE, Mapping, _article_known, normal, read_articles, read_date
from .table import MAX_CELL_CHARS, CellProblem

DATE_FIELDS = ("born", "detained", "sentenced", "released", "died")
# Without these a row cannot become a record.
ESSENTIAL = ("id", "name", "status")
# What a spreadsheet takes for the start of a formula: an export must give values.
_FORMULA = ("=", "@")
_EMPTY = {"", "-", "—", "–", "n/a", "нет", "няма"}


@dataclass
class Cell:
    column: str  # the header as written
    text: str


@dataclass
class Proposal:
    """What one row gives: the person file's values (public: every field; counted only: what
    counting needs), its status, and what could not be used."""

    file: str
    row: int
    row_id: str | None = None
    status: str | None = None
    since: datetime.date | None = None  # the day the status began, where the row says
    counted: bool = False
    values: dict = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)  # the row cannot be used
    left_out: list[CellProblem] = field(default_factory=list)  # cells the record goes without
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (kind, value) the mapping lacks

    @property
    def usable(self) -> bool:
        return not self.problems


def forename_first(name: str) -> str:
    """"Іваноў Іван Іванавіч" -> "Іван Іваноў": a person file writes the forename first (and
    the patronymic only in letter_name)."""
    words = name.split()
    if len(words) < 2:
        return name
    return f"{words[1]} {words[0]}"


def columns_of(header: list[str], mapping: Mapping) -> list[tuple[int, str, str]]:
    """(index, header, field) of the columns the mapping reads, the first column of each field."""
    found = {}
    for index, column in enumerate(header):
        name = mapping.field_of(column)
        if name is not None and name not in found:
            found[name] = (index, column, name)
    return list(found.values())


def cells_of(header: list[str], columns: list[tuple[int, str, str]], values: list[str]) -> tuple[dict[str, Cell], int]:
    """The row's cells by field, and how many cells the row lacks against the header."""
    cells = {name: Cell(column, values[index] if index < len(values) else "") for index, column, name in columns}
    return cells, max(0, len(header) - len(values))


_BLANK_LOOKING = re.compile("[\u115f\u1160\u3164\uffa0\u2800]")


def _invisible(text: str) -> list[str]:
    # Most cells are printable text: the character-by-character look only where they are not.
    if text.isprintable() and not _BLANK_LOOKING.search(text):
        return []
    return invisible_characters(text)


def propose(file: str, row: int, cells: dict[str, Cell], missing: int, mapping: Mapping, reference: ReferenceData,
            lang: str, export_date: datetime.date) -> Proposal:
    proposal = Proposal(file, row)

    def bad(name: str, message: str, fix: str) -> None:
        cell = cells[name]
        found = CellProblem(file, row, cell.column, cell.text, message, fix)
        (proposal.problems if name in ESSENTIAL else proposal.left_out).append(found)

    if missing:
        proposal.problems.append(CellProblem(file, row, None, "", f"the row has {missing} cell(s) fewer than the header.",
                                             "a cell with a line break or a quote was cut short: export the list again "
                                             "with every cell in quotes, or correct the row in the spreadsheet."))
        return proposal
    text = {}
    for name, cell in cells.items():
        value = cell.text.strip()
        if normal(value) in _EMPTY:
            continue
        if len(value) > MAX_CELL_CHARS:
            bad(name, f"the cell has {len(value):,} characters; a cell of a list is at most {MAX_CELL_CHARS:,}.",
                "shorten it in the spreadsheet: a long text belongs in the person's story, written by hand.")
        elif value.startswith(_FORMULA):
            bad(name, "the cell holds a formula, not a value.",
                "export the values (in a spreadsheet: copy the column and paste values only), or correct the cell.")
        elif _invisible(value):
            bad(name, f"the cell has an invisible character ({', '.join(_invisible(value))}).",
                "retype the cell's text in the spreadsheet.")
        else:
            text[name] = value

    proposal.row_id = text.get("id")
    if "id" in cells and proposal.row_id is None and not any(p.column == cells["id"].column for p in proposal.problems):
        bad("id", "the row has no id.", "every row needs the list's own id: export the id column as well.")
    if proposal.row_id is not None and not re.fullmatch(r"[\w.-]{1,40}", proposal.row_id):
        bad("id", "this is not a row id.", "the id column must hold the list's own ids (letters, digits, - . _).")
        proposal.row_id = None

    name = " ".join(text.get("name", "").split())
    # An empty name cell (or a word for "not disclosed") marks a row counted only; a cell that
    # could not be read is a problem of the row, not a reason to hide it.
    proposal.counted = "name" in cells and normal(cells["name"].text) in mapping.counted_names
    status_word = normal(text.get("status", ""))
    if status_word in mapping.counted_statuses:
        proposal.counted = True
    values = proposal.values

    for key in DATE_FIELDS:
        if key not in text:
            continue
        try:
            day = read_date(text[key], mapping.date_formats)
        except ValueError:
            bad(key, "this is not a date.", "write it as YYYY-MM-DD or DD.MM.YYYY, or add its format to date_formats "
                                            f"in {mapping.path}.")
            continue
        if isinstance(day, int) and key != "born":
            bad(key, "only the year is given, and this field needs the day.",
                "find the day in the list's sources, or leave the cell empty.")
            continue
        if isinstance(day, int) and not 1900 <= day <= export_date.year:
            bad(key, "the year is not possible.", "correct the year of birth.")
            continue
        if isinstance(day, datetime.date) and (day > export_date or day.year < 1900):
            bad(key, f"the date lies after the export's date ({export_date.isoformat()}) or before 1900.",
                "check the day, month and year; give DATE= if the export is newer than today.")
            continue
        values[key] = day

    def looked_up(field: str, table: dict):
        """A column's value as the mapping names it, or None (and counted among the unknown)."""
        if field not in text:
            return None
        found = table.get(normal(text[field]))
        if found is None:
            proposal.unknown.append((field, text[field]))
        else:
            values[field] = found
        return found

    penalty = looked_up("penalty", mapping.penalties)
    place = None
    if "institution" in text:
        first = re.split(r"[\n;]", text["institution"], maxsplit=1)[0]
        if normal(first) in mapping.prisons:
            values["institution"] = mapping.prisons[normal(first)]
            place = HELD_PLACE
        elif normal(first) in mapping.places:
            place = mapping.places[normal(first)]
        else:
            proposal.unknown.append(("prison", first.strip()))
            place = HELD_PLACE
    looked_up("gender", mapping.genders)
    if "articles" in text:
        codes, unread = read_articles(text["articles"], mapping.articles)
        proposal.unknown += [("article", piece) for piece in unread]
        known = [code for code in codes if _article_known(code, reference.articles)]
        proposal.unknown += [("article", code) for code in codes if code not in known]
        if known:
            values["articles"] = known
    if "sentence" in text:
        values["sentence"] = {lang: " ".join(text["sentence"].split())}
    if "recognised" in text and mapping.recognised_by:
        try:
            day = read_date(text["recognised"], mapping.date_formats)
        except ValueError:
            day = None
        if isinstance(day, datetime.date) and day <= export_date:
            values["recognised"] = {"by": mapping.recognised_by, "date": day}
        else:
            bad("recognised", "this is not the date of the recognition.", "write it as YYYY-MM-DD or DD.MM.YYYY.")
    if "sources" in text:
        if re.fullmatch(r"https?://\S+", text["sources"]):
            values["sources"] = [text["sources"]]
        else:
            bad("sources", "this is not a web address.", "the column must hold the person's page on the list's site.")

    if "status" in cells and "status" in text:
        facts = {"penalty": penalty, "place": place, "released": "true" if "released" in values else "false",
                 "died": "true" if "died" in values else "false"}
        rules = mapping.statuses.get(status_word)
        if rules is None:
            proposal.unknown.append(("status", text["status"]))
            bad("status", "the mapping does not know this status word.",
                f"add it under statuses: in {mapping.path}, with the status it means.")
        else:
            rule = next((rule for rule in rules if rule.holds(facts)), None)
            if rule is None:
                shown = ", ".join(f"{key}: {value}" for key, value in facts.items() if value)
                bad("status", f"no rule of this status word fits the row ({shown}).",
                    f"add a rule for it under statuses: in {mapping.path}, e.g. one without 'when:' at the end.")
            else:
                proposal.status = rule.status
                proposal.counted = proposal.counted or rule.counted
                proposal.since = next((values[key] for key in rule.since
                                       if isinstance(values.get(key), datetime.date)), None)
                if rule.since == ("recognised",) and "recognised" in values:
                    proposal.since = values["recognised"]["date"]
    elif "status" in cells:
        bad("status", "the row has no status.", "every row needs the list's status word.")

    if not proposal.counted:
        if name:
            values["name"] = {lang: forename_first(name) if mapping.surname_first else name}
            if mapping.surname_first and lang == "ru" and len(name.split()) == 3:
                values["letter_name"] = name  # with the patronymic, as the institution knows it
        elif "name" in cells and not any(p.column == cells["name"].column for p in proposal.problems):
            bad("name", "the row has no name.", "give the name, or list the row as counted only "
                                                f"(counted_only: names: in {mapping.path}).")
    else:
        # Counted only: what counting needs, never anything that could identify the person.
        proposal.values = {key: value for key, value in values.items() if key == "detained"}
        proposal.left_out = [found for found in proposal.left_out if cells.get("detained") and
                             found.column == cells["detained"].column]
        # The report is read by maintainers, and may be pasted into a pull request: a counted-only
        # row's cells are never shown.
        proposal.problems = [replace(found, value="") for found in proposal.problems]
        proposal.left_out = [replace(found, value="") for found in proposal.left_out]
    return proposal
