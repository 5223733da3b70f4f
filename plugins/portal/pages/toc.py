"""The table of contents of a text page, from the headings Markdown gave ids to."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Python-Markdown's toc extension writes exactly this form; nothing else writes the pages.
_HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str  # plain text (the HTML entities of the heading are kept as they are)


def headings(html: str) -> list[Heading]:
    return [Heading(int(level), anchor, _TAG.sub("", text).strip()) for level, anchor, text in _HEADING.findall(html)]
