"""Person files as the import writes them: the front matter of a new record, a changed key
put in an existing file (every other line, comment and the story kept as they are), the
digests that tell a value edited by hand from one the import wrote, and the atomic write.

The `imported` key of a record (content/person.py checks it):

    imported:
      source: viasna        # the mapping: content/data/imports/viasna.yaml
      row: "1734"           # the list's own id of the row (public records only)
      fields: {name: 3f2a1b0c, status: 9e1d2c3b, …}   # a digest of each value as imported

A counted-only record never holds the list's row id (the list's page of that row names the
person): it holds `key`, a keyed digest of the row id that only those who have the
maintainers' PORTAL_IMPORT_KEY can compute (importing.plan.counted_key).
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from ..content.person import PERSON_KEYS

_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")
_FENCE = re.compile(r"^---[ \t]*$", re.M)
# The order the import writes keys in: the person file's (the `imported` key last).
KEY_ORDER = [key for key in PERSON_KEYS if key not in ("history", "imported")] + ["history", "imported"]


def digest(value) -> str:
    """8 hex digits of a value as YAML reads it (a date and its YYYY-MM-DD are one)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


# Text YAML reads as the same text when written plain: words in any script, digits, spaces and
# punctuation that means nothing to YAML, not starting with a digit (a number or a date).
_PLAIN = re.compile(r"^[^\W\d_][\w .,()'’«»№/+-]*$")
_KEYWORDS = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}


def scalar(value) -> str:
    """One value as YAML writes it; text that could be read as anything else is quoted (a JSON
    string is a YAML double-quoted one)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, datetime.date)):
        return str(value) if isinstance(value, int) else value.isoformat()
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _KEYWORDS and not text.endswith(" ") and ": " not in text:
        return text
    if re.fullmatch(r"https?://[^\s,\[\]{}#'\"]+", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: list) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def key_lines(key: str, value) -> list[str]:
    """The lines of one top-level key."""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        lines = [f"{key}:"]
        for entry in value:
            first = True
            for name, item in entry.items():
                lines.append(f"  {'- ' if first else '  '}{name}: {scalar(item)}")
                first = False
        return lines
    if isinstance(value, list):
        return [f"{key}: {_flow(value)}"]
    if isinstance(value, dict):
        lines = [f"{key}:"]
        for name, item in value.items():
            if isinstance(item, dict):
                lines.append(f"  {name}: {{" + ", ".join(f"{k}: {scalar(v)}" for k, v in item.items()) + "}")
            elif isinstance(item, list):
                lines.append(f"  {name}: {_flow(item)}")
            else:
                lines.append(f"  {name}: {scalar(item)}")
        return lines
    return [f"{key}: {scalar(value)}"]


def new_record(values: dict) -> str:
    """A whole person file of `values` (keys in the person file's order), without a story."""
    lines = ["---"]
    for key in sorted(values, key=KEY_ORDER.index):
        if values[key] not in (None, [], {}):
            lines += key_lines(key, values[key])
    return "\n".join(lines + ["---", ""])


def _blocks(front: str) -> list[tuple[str | None, list[str]]]:
    """The front matter's lines grouped by top-level key; comments and blank lines stay with the
    key above them (lines before the first key: the key None)."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in front.split("\n"):
        match = _KEY_LINE.match(line)
        if match:
            blocks.append((match.group(1), [line]))
        else:
            blocks[-1][1].append(line)
    return blocks


def edit_record(text: str, changes: dict) -> str:
    """`text` (a person file) with each key of `changes` set to its value (None: removed); a
    new key goes after the keys that come before it in the person file's order."""
    fences = list(_FENCE.finditer(text))
    front, rest = text[fences[0].end() + 1: fences[1].start()], text[fences[1].start():]
    blocks = _blocks(front.rstrip("\n"))
    for key, value in changes.items():
        lines = key_lines(key, value) if value not in (None, [], {}) else None
        index = next((i for i, (name, _) in enumerate(blocks) if name == key), None)
        if index is not None:
            if lines is None:
                blocks[index] = ("", [line for line in blocks[index][1][1:] if line.startswith("#")])
            else:
                # The key's old value lines go; a comment line below them stays (it is about what follows).
                blocks[index] = (key, lines + [line for line in blocks[index][1][1:] if line.startswith("#")])
        elif lines is not None:
            rank = KEY_ORDER.index(key)
            after = max((i for i, (name, _) in enumerate(blocks)
                         if not name or (name in KEY_ORDER and KEY_ORDER.index(name) < rank)), default=0)
            blocks.insert(after + 1, (key, lines))
    front_text = "\n".join(line for _, lines in blocks for line in lines).strip("\n")
    return "---\n" + front_text + "\n" + rest


def write_atomically(path: Path, text: str) -> None:
    """The whole file or none of it: written beside the target, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
