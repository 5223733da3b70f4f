"""Page weight: the bytes of a page's HTML and of the CSS and JavaScript it loads.

Images are left aside: a person's photo is a separate file of its own
(240 or 480 pixels wide). Bytes are counted as written, before any compression by the
host, so the budgets hold on a host that compresses nothing.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_suite import LIST_KINDS, Page

from . import Finding

# Budgets in bytes (HTML + CSS + JavaScript), documented in README.md ("Quality gates"): about
# a fifth above the heaviest page of each group when they were set (November 2026). A person's
# page is the one most shared and opened on phones; two long texts carry their words as their
# content (the statement with its signatories, and its first appendix). A list page carries
# the script that filters, sorts and draws the whole of a long list, which is cut into pages of
# whole letters (December 2026: 4.7 MB of rows at 10,000 people became some 80 KB; the
# heaviest list page of the fixture site then weighed 45.3 KB, a tenth under this budget).
PERSON_BUDGET = 25_000
LIST_BUDGET = 50_000
BUDGET = 40_000
LONG_TEXT_BUDGET = 60_000
LONG_TEXTS = {"statement", "appendix-1"}

weights_key = pytest.StashKey[list]()


@dataclass(frozen=True)
class Weight:
    html: int
    css: int
    js: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.css.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])


def page_weight(output: Path, page: Page, site_url: str = "") -> Weight:
    """The page's own file and the stylesheets and scripts it links, each counted once
    (`site_url`: where the site is published, for the 404 page's absolute links). A linked
    file that is missing raises FileNotFoundError: nothing is silently counted as 0."""
    file = output / page.path / "index.html" if page.path.endswith("/") or not page.path else output / page.path
    html = file.read_bytes()
    assets = _Assets()
    assets.feed(html.decode("utf-8"))
    base = posixpath.dirname(file.relative_to(output).as_posix())

    def size(addresses):
        local = set()
        for address in addresses:
            address = address.split("#")[0].split("?")[0]
            if site_url and address.startswith(site_url + "/"):
                local.add(address[len(site_url) + 1:])
            elif "//" not in address:
                local.add(posixpath.normpath(posixpath.join(base, address)))
        return sum((output / address).stat().st_size for address in local)

    return Weight(len(html), size(assets.css), size(assets.js))


def budget_of(page: Page) -> int:
    if page.kind in LONG_TEXTS:
        return LONG_TEXT_BUDGET
    if page.kind.startswith("person"):
        return PERSON_BUDGET
    return LIST_BUDGET if page.kind in LIST_KINDS else BUDGET


def over_budget(page: Page, weight: Weight) -> list[Finding]:
    if weight.total <= budget_of(page):
        return []
    return [Finding(page, "page weight over budget",
                    f"{weight.total:,} bytes (HTML {weight.html:,}, CSS {weight.css:,}, JavaScript {weight.js:,}) "
                    f"> budget {budget_of(page):,}")]


def print_weights(terminalreporter, config):
    """After the run: the weights the page-weight test measured, per page (the tests store them
    under weights_key)."""
    rows = config.stash.get(weights_key, [])
    if not rows:
        return
    from site_suite import ALL_PAGES
    order = {page: index for index, page in enumerate(ALL_PAGES)}
    rows = sorted(rows, key=lambda row: order.get(row[0], len(order)))  # as the suite lists them, however run
    terminalreporter.write_sep("-", "page weight in bytes (HTML + CSS + JavaScript; images aside)")
    terminalreporter.write_line(f"{'page':<34} {'HTML':>7} {'CSS':>7} {'JS':>7} {'total':>7} {'budget':>7}")
    for page, weight in rows:
        terminalreporter.write_line(f"{page.id:<34} {weight.html:>7} {weight.css:>7} {weight.js:>7} "
                                    f"{weight.total:>7} {budget_of(page):>7}")
