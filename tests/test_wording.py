"""How the pages read in each language: dates inside sentences in the genitive, one full stop
after an abbreviation that ends a sentence, names and headings broken only where a break is
acceptable, and a language switch that keeps the reader's place (the query and the #anchor)."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import DESKTOP, LANGS, LANGUAGES, PHONE, SIZO, build, person, read, serve
from helpers import parse, select_one, text

FILES = {
    "institutions/sizo-test.yaml": SIZO,
    "people/ales-held.md": person(
        "custody", updated="2025-08-31", name={"be": "Алесь Трыманы", "ru": "Алесь Держимый", "en": "Ales Held"},
        detained="2020-08-10", institution="sizo-test", articles='["342-1"]'),
    "people/olga-free.md": person("released", updated="2024-03-01", name={"ru": "Ольга Свободная", "en": "Olga Free"},
                                  status_since="2022-07-01", detained="2021-01-05"),
}
# The chart starts with August 2020 (TOTALS_HISTORY_START) and ends on the figures' date.
FROM_AUGUST_2020 = {"be": "ад жніўня 2020 да 31 жніўня 2025\u202fг.",
                    "ru": "с августа 2020\u202fг. по 31 августа 2025\u202fг.",
                    "en": "August 2020 to 31 August 2025"}
AUGUST_2020_IN_A_SENTENCE = {"be": "жніўня 2020,", "ru": "августа 2020\u202fг.,", "en": "August 2020,"}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("wording"), FILES)


def test_the_charts_title_and_description_put_the_first_month_in_the_genitive(output, lang):
    page = parse(read(output, f"{lang}/numbers/index.html"))
    title = text(page.select_one("svg title"))
    assert title.endswith(FROM_AUGUST_2020[lang]), title
    description = text(page.select_one("svg desc"))
    assert AUGUST_2020_IN_A_SENTENCE[lang] in description, description
    for nominative in ("жнівень 2020", "август 2020"):
        assert nominative not in title + description
    # The table's rows are headings, on their own: there the month is in the nominative.
    first_row = text(page.select_one(".chart-table tbody tr th"))
    assert first_row == LANGUAGES[lang].month_year(datetime.date(2020, 8, 31))


@pytest.mark.parametrize("path", ["{lang}/numbers/index.html", "{lang}/index.html", "{lang}/people/ales-held/index.html",
                                  "{lang}/institutions/sizo-test/index.html"])
def test_no_double_full_stop_after_an_abbreviation(output, lang, path):
    page = read(output, path.format(lang=lang))
    assert "г.." not in page and "г.</p>." not in page
    if "institutions" in path:
        source = text(select_one(page, ".address-source"))
        assert source.endswith({"be": "2 мая 2023\u202fг.", "ru": "2 мая 2023\u202fг.", "en": "2 May 2023."}[lang]), source


def test_field_and_file_names_break_only_after_a_separator(output, lang):
    page = parse(read(output, f"{lang}/data/index.html"))
    names = {text(code): str(code) for code in page.select(".fields code")}
    assert names["institution_since"] == "<code>institution_<wbr/>since</code>"
    assert names["id"] == "<code>id</code>"
    links = {text(link): str(link) for link in page.select(".downloads a")}
    assert "people.<wbr/>csv" in links["people.csv"]
    assert "totals-<wbr/>history.<wbr/>csv" in links["totals-history.csv"]


# In Chromium: where a long heading breaks, and the language switch.


@pytest.fixture(scope="module")
def server(output):
    with serve(output) as url:
        yield url


@pytest.fixture
def open_page(new_tab, server):
    def _open(path, viewport=PHONE, javascript=True):
        tab = new_tab(viewport, javascript)
        tab.goto(f"{server}/{path}")
        return tab

    return _open


# Each word of a heading: the number of lines it takes, and whether it ends one with a hyphen
# (a break the browser's hyphenation made). A word on two lines without a hyphen is cut mid-word.
WORD_LINES = """cell => {
  const found = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      found.push([match[0], tops.size]);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_the_chart_tables_headings_are_never_cut_mid_word(open_page, lang, viewport):
    page = open_page(f"{lang}/numbers/", viewport)
    headings = page.locator(".chart-table thead th")
    assert headings.count() >= 3
    for index in range(headings.count()):
        heading = headings.nth(index)
        style = heading.evaluate("th => [getComputedStyle(th).hyphens, getComputedStyle(th).overflowWrap, th.closest('[lang]').lang]")
        assert style == ["auto", "normal", lang]
        # The Chromium of the tests has no hyphenation dictionaries (Playwright turns component
        # updates off), so no word may take two lines; with overflow-wrap:anywhere, "Политзаключённые"
        # took four at 360 px.
        assert [word for word, lines in heading.evaluate(WORD_LINES) if lines > 1] == []
    # Whole words make the table wider than a phone: it scrolls in its own frame, not the page.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


# The text between two <wbr> of a name is a text node of its own: each must stay on one line.
PIECES_AND_LINES = """elements => elements.flatMap(element => [...element.childNodes]
  .filter(node => node.nodeType === 3)
  .map(node => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return [node.data, new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size];
  }))"""


def test_field_and_file_names_on_the_data_page_break_only_after_a_separator(open_page, lang):
    page = open_page(f"{lang}/data/", {"width": 320, "height": 700})
    pieces = page.eval_on_selector_all(".fields code, .downloads a", PIECES_AND_LINES)
    assert "institution_" in [piece for piece, _ in pieces]  # "institution_since" is two pieces
    assert [piece for piece, lines in pieces if lines != 1] == []
    assert page.evaluate("document.documentElement.scrollWidth") == 320


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_the_language_switch_keeps_the_query_and_the_anchor(open_page, viewport):
    page = open_page("ru/people/?sort=detained&view=cards#list", viewport)
    page.locator("nav.languages a[hreflang=be]").click()
    page.wait_for_url("**/be/people/**")
    assert page.url.split("/be/people/", 1)[1] == "?sort=detained&view=cards#list"
    # The list reads its filters from the query it was given.
    assert page.locator("input[name=view][value=cards]").is_checked()
    assert page.locator("select[name=sort]").input_value() == "detained"
    page.locator("nav.languages a[hreflang=en]").click()
    page.wait_for_url("**/en/people/**")
    assert page.url.split("/en/people/", 1)[1] == "?sort=detained&view=cards#list"
    assert not page.errors, page.errors


def test_the_language_switch_follows_an_anchor_chosen_on_the_page(open_page):
    page = open_page("be/data/")
    page.evaluate("location.hash = '#fields'")
    page.locator("nav.languages a[hreflang=ru]").click()
    page.wait_for_url("**/ru/data/**")
    assert page.url.endswith("/ru/data/#fields")


def test_without_scripts_the_switch_goes_to_the_same_page(open_page, server):
    page = open_page("ru/people/?sort=detained#list", javascript=False)
    hrefs = page.eval_on_selector_all("nav.languages a", "links => links.map(a => a.href)")
    assert hrefs == [f"{server}/{code}/people/" for code in LANGS]
    page.locator("nav.languages a[hreflang=en]").click()
    page.wait_for_url("**/en/people/")
