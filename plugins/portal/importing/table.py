"""Reading a list export: a CSV file (or an .xlsx / .ods workbook's first sheet) as rows of text.

Everything here is untrusted: the file may start with a byte-order mark, use `;` or `,`, hold
Excel's day numbers instead of dates, a formula, a cell of a megabyte, or a row cut short.
Nothing raises: what cannot be read is a `CellProblem` (file, row, column, value, fix), and
the rows that can be read are read. Memory stays bounded: a file is at most MAX_FILE_BYTES
and a cell at most MAX_CELL_CHARS (a longer cell is reported, never kept).
"""
from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 100 * 1024 * 1024  # an export of 10,000 people is a few megabytes
MAX_CELL_CHARS = 4000  # the longest sentence text of a real list is some hundreds of characters
MAX_ROWS = 200_000
# csv refuses a field longer than this outright; a longer one ends the file's reading
_CSV_FIELD_LIMIT = 8 * 1024 * 1024


@dataclass(frozen=True)
class CellProblem:
    """Something in the file that cannot be used, with what to do about it."""

    file: str
    row: int | None  # the spreadsheet's row number (the header is row 1); None: the whole file
    column: str | None
    value: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row else "") + (f", column {self.column}" if self.column else "")
        shown = f' "{shorten(self.value)}"' if self.value else ""
        return f"{where}:{shown} {self.message}\n    Fix: {self.fix}"


@dataclass
class Table:
    """One export: its header and its rows (each the row number and its cells, as text)."""

    file: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_table(path: Path) -> Table:
    """The table in `path` by its suffix (.csv, .xlsx, .ods)."""
    shown = str(path)
    table = Table(shown)
    if not path.is_file():
        table.problems.append(CellProblem(shown, None, None, "", "the file does not exist.",
                                          "give the path of the exported list, e.g. FILE=list.csv."))
        return table
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        table.problems.append(CellProblem(shown, None, None, "", f"the file is {size / 1024 / 1024:.0f} MB, more than "
                                          f"{MAX_FILE_BYTES // 1024 // 1024} MB.",
                                          "export the list as it is (one row per person), without attachments."))
        return table
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".ods", ".xls"):
        return _read_workbook(path, table)
    if suffix not in (".csv", ".txt", ".tsv"):
        table.problems.append(CellProblem(shown, None, None, "", f'"{path.suffix}" files cannot be read.',
                                          "export the list as CSV (UTF-8), .xlsx or .ods."))
        return table
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        table.problems.append(CellProblem(shown, line, None, "", "the file is not UTF-8 text.",
                                          "export it again as CSV with the encoding UTF-8 (in a spreadsheet: "
                                          "Save as → CSV UTF-8)."))
        return table
    return _read_csv(text, table)


def _take_rows(table: Table, rows) -> None:
    """The header from the first row, then every row that holds anything, up to MAX_ROWS.
    Rows are numbered as a spreadsheet shows them (the header is row 1), not by lines: a cell
    may hold a line break (a prison's address on its second line)."""
    for index, values in enumerate(rows):
        if index == 0:
            table.header = [value.strip() for value in values]
        elif len(table.rows) >= MAX_ROWS:
            table.problems.append(CellProblem(table.file, index + 1, None, "", f"the file has more than {MAX_ROWS} rows.",
                                              "split the export into smaller files."))
            break
        elif any(value.strip() for value in values):
            table.rows.append((index + 1, values))


def _read_csv(text: str, table: Table) -> Table:
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)  # the header names no column with these in it
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        _take_rows(table, reader)
    except csv.Error as error:
        table.problems.append(CellProblem(table.file, len(table.rows) + 2, None, "",
                                          f"the file cannot be read from here on ({error}).",
                                          "export it again from the spreadsheet as CSV; a cell this long is not "
                                          "part of a list of people."))
    return table


def _read_workbook(path: Path, table: Table) -> Table:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        table.problems.append(CellProblem(table.file, None, None, "", "reading spreadsheets needs python-calamine.",
                                          "install the project's requirements (make html sets them up), or export "
                                          "the list as CSV."))
        return table
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        _take_rows(table, ([_cell_text(value) for value in values] for values in sheet.iter_rows()))
    except Exception as error:  # noqa: BLE001 - calamine raises its own errors for any damaged file
        table.problems.append(CellProblem(table.file, None, None, "", f"the spreadsheet cannot be read ({error}).",
                                          "open it in a spreadsheet program and save it again, or export it as CSV."))
    return table


def _cell_text(value) -> str:
    """A workbook cell as the CSV export would give it: dates as YYYY-MM-DD, whole numbers
    without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
