"""The templates' indentation, left out of the pages.

The templates are indented for their readers; a page's reader gains nothing from it, and at
10,000 people it is some 10 MB of the published site (about 360 bytes a page). This Jinja
extension takes the white space at the start of each line out of a template's source before
it is compiled, except within <pre> and <textarea>, where it is the content. Only the
templates' own text changes: what a template prints (a story, a name) is left as it is, and
every stretch of white space keeps at least one character of it, so nothing printed joins: a
line break stays, and where Jinja takes the line break after a block tag (trim_blocks), one
space is left instead of the indentation."""
from __future__ import annotations

import re

from jinja2.ext import Extension

_KEPT = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
_INDENTATION = re.compile(r"((?:%\})?)\n[ \t]+")


def strip_indentation(source: str) -> str:
    parts = _KEPT.split(source)
    # split() with one group: the text between the kept parts at even places, the kept parts at odd.
    return "".join(part if index % 2 else _INDENTATION.sub(_shorter, part) for index, part in enumerate(parts))


def _shorter(match: re.Match) -> str:
    return match.group(1) + ("\n " if match.group(1) == "%}" else "\n")


class StripIndentation(Extension):
    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return strip_indentation(source)
