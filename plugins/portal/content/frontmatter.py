"""Reading a record file: bytes -> (YAML mapping, Markdown body), with located problems.

Accepts a UTF-8 BOM and CRLF or CR line ends. The YAML is read by content/safety.py's strict
loader, and a file that is too big, YAML it refuses or text with invisible characters is a
problem like any other.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem
from .safety import MAX_TEXT_BYTES, UnsafeYAML, body_invisible_problems, invisible_problems, load_yaml, too_big

_FENCE = re.compile(r"^---[ \t]*$", re.M)
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.M)
_DATE_LIKE = re.compile(r"(?<![\d-])(\d{4}-\d{1,2}-\d{1,2})(?![\d-])")


@dataclass
class RecordFile:
    """The parts of one record file, and where each top-level key stands."""

    path: str  # shown to contributors, e.g. "content/people/ivan-ivanau.md"
    data: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line on which the body starts
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    oversized = too_big(path, len(raw), MAX_TEXT_BYTES, "a record or data file",
                        "shorten it: a story this long belongs on another site, linked in sources.")
    if oversized:
        return None, [oversized]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                None,
                f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read).",
                "save the file with the encoding UTF-8 (in most editors: Save as… → Encoding: UTF-8).",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse_yaml(text: str, path: str, first_line: int) -> tuple[object, list[Problem]]:
    """Parse a YAML document; `first_line` is the file line where `text` starts."""
    try:
        return load_yaml(text), []
    except UnsafeYAML as error:
        return None, [Problem(path, first_line + error.problem_mark.line, None, f"{error.located(first_line)}.",
                              error.fix)]
    except RecursionError:
        return None, [Problem(path, None, None, "the YAML is nested too deeply to be a record.",
                              "write one 'key: value' per line, as in the other files.")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        what = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [
            Problem(
                path,
                line,
                None,
                f"the YAML cannot be read: {what}.",
                "check the indentation and the colon after each key; put text that "
                "contains a colon or starts with a quote in quotes.",
            )
        ]
    except ValueError as error:
        # libyaml accepted something that looks like a date but is not one (2021-13-01).
        line = None
        for offset, text_line in enumerate(text.split("\n")):
            for candidate in _DATE_LIKE.findall(text_line):
                try:
                    datetime.date.fromisoformat(_zero_pad(candidate))
                except ValueError:
                    line = first_line + offset
                    break
            if line:
                break
        return None, [
            Problem(
                path,
                line,
                None,
                f"a date cannot be read: {error}.",
                "write dates as YYYY-MM-DD with a real month and day, e.g. 2021-06-01.",
            )
        ]


def _zero_pad(date_text: str) -> str:
    year, month, day = date_text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def key_lines(text: str, first_line: int) -> dict[str, int]:
    lines = {}
    for match in _TOP_KEY.finditer(text):
        lines.setdefault(match.group(1), first_line + text.count("\n", 0, match.start()))
    return lines


def read_markdown_record(raw: bytes, path: str) -> tuple[RecordFile | None, list[Problem]]:
    """A Markdown file with YAML front matter between two `---` lines."""
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    fences = list(_FENCE.finditer(text))
    if not text.startswith("---") or len(fences) < 2 or fences[0].start() != 0:
        return None, [
            Problem(
                path,
                1,
                None,
                "the file does not start with front matter between two lines of three dashes (---).",
                "put '---' on the first line, then the keys (status:, updated:, …), then '---' again.",
            )
        ]
    opening, closing = fences[0], fences[1]
    front = text[opening.end() + 1 : closing.start()]
    body_start = closing.end() + 1
    body_line = text.count("\n", 0, min(body_start, len(text))) + 1
    data, problems = parse_yaml(front, path, first_line=2)
    if problems:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [
            Problem(
                path,
                2,
                None,
                "the front matter is not a list of keys and values.",
                "write one 'key: value' per line between the two '---' lines.",
            )
        ]
    record = RecordFile(path, data, text[body_start:], body_line, key_lines(front, first_line=2))
    problems = _invisible(record) + body_invisible_problems(record.body, path, body_line)
    return (None, problems) if problems else (record, [])


def read_yaml_record(raw: bytes, path: str) -> tuple[RecordFile | None, list[Problem]]:
    """A plain YAML data file (institutions, signatories): a mapping at the top."""
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    data, problems = parse_yaml(text, path, first_line=1)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [
            Problem(path, 1, None, "the file is not a list of keys and values.", "write one 'key: value' per line.")
        ]
    record = RecordFile(path, data, "", 0, key_lines(text, first_line=1))
    problems = _invisible(record)
    return (None, problems) if problems else (record, [])


def _invisible(record: RecordFile) -> list[Problem]:
    return [problem for key, value in record.data.items()
            for problem in invisible_problems(value, record.path, str(key), record.line_of(str(key)))]
