"""Reading built pages as a reader sees them: parsed, with whitespace collapsed, so that a
test asserts on structure and text and never on the templates' indentation or line breaks."""
from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup, Tag

# HTML's own whitespace (space, tab, line feed, form feed, carriage return): a browser shows a
# run of it as one space. A non-breaking space is text, and stays.
WHITESPACE = re.compile(r"[ \t\n\f\r]+")


def parse(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "html.parser")


def collapse(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def text(element: Tag | None) -> str:
    """An element's text as it reads: its descendants' text in order, whitespace collapsed."""
    assert element is not None, "no such element"
    return collapse(element.get_text())


def text_of(fragment: str) -> str:
    """The text of an HTML fragment, each tag read as a space (so that cells and list items
    stay apart): entities decoded, whitespace collapsed."""
    return collapse(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def select_one(page: str | Tag, selector: str) -> Tag:
    """The one element `selector` (CSS) finds in `page`; fails where there is none or more."""
    root = parse(page) if isinstance(page, str) else page
    found = root.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} elements"
    return found[0]


def cells(row: Tag) -> list[str]:
    """The text of each cell (th or td) of a table row."""
    return [text(cell) for cell in row.find_all(["th", "td"], recursive=False)]


def rows_of(element: Tag, rows: str = "tr") -> list[list[str]]:
    """The cells of each row (`rows`: a CSS selector) in `element`."""
    return [cells(row) for row in element.select(rows)]
