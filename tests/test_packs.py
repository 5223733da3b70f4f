"""Printable packs for a letter-writing evening (theme/js/pack.js, theme/css/pack.css): from a
place of detention, a month of birthdays and a filtered list, in every language, printed by the
real Chromium: what the print shows (every address whole, no one who cannot receive letters),
the PDF's pages, and the screen left as it was."""
from __future__ import annotations

import datetime
import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import COLONY, COLONY_ENVELOPE, DESKTOP, LANGUAGES, PHONE, build, person, read, serve

# The project's own institution files: the women's colony in Gomel (its address to be re-checked).
GOMEL_WOMEN = ["ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель", "Беларусь / BELARUS"]
SIZO_MINSK = ["СІЗА № 1", "Навадворскі с/с, 143/4, в. Пашковічы", "223016, Мінскі раён, Мінская вобласць",
              "Беларусь / BELARUS"]

# Twelve more people in one region, held in Minsk: a filtered list long enough for two pages of
# envelopes.
BREST = {f"people/brest-{n:02}.md": person(
    "custody", name={"ru": f"Пётр Брестский-{n:02}", "en": f"Piotr Brestski-{n:02}"}, born=f"19{60 + n}-0{1 + n % 9}-1{n % 10}",
    region="brest", institution="sizo-1-minsk", languages="[ru]") for n in range(1, 13)}

FILES = {
    "institutions/ik-test.yaml": COLONY,
    # Can receive letters: a birthday, the name the colony knows, the languages read.
    "people/ivan-ivanau.md": person(
        "custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}, born="1985-03-14",
        region="gomel", institution="ik-test", letter_name="Иванов Иван Петрович", languages="[be, ru, en]"),
    # Can receive letters, only the year of birth known: no birthday.
    "people/anna-bely.md": person("custody", name={"ru": "Анна Белая", "en": "Anna Bely"}, born="1990",
                                  region="gomel", institution="ik-test"),
    # Held at the colony, but the family asks not to write: listed there, left out of the pack.
    "people/piotr-no.md": person("custody", name={"be": "Пётр Ня", "ru": "Пётр Ня", "en": "Piotr Nia"},
                                 born="1970-03-01", region="gomel", institution="ik-test", letters="false"),
    # Released, the colony still on the record: listed there, left out.
    "people/pavel-free.md": person("pardoned", name={"ru": "Павел Вольный", "en": "Pavel Volny"}, born="1980-03-03",
                                   region="gomel", institution="ik-test"),
    # Held at a place not known: left out of any pack.
    "people/olga-where.md": person("custody", name={"ru": "Ольга Где", "en": "Olga Gde"}, born="1991-07-07",
                                   region="gomel"),
    # Moved from the colony to the women's colony: only the new address, in her birthday month too.
    "people/maryia-moved.md": person(
        "custody", name={"be": "Марыя Пераведзеная", "ru": "Мария Переведённая", "en": "Maryia Peraviedzienaja"},
        born="1992-03-05", region="gomel", institution="ik-4-gomel", institution_since="2021-09-01",
        languages="[be, pl]"),
    # Counted, never named: in no list and no pack.
    "people/counted-0001.md": person("custody", visibility="counted", region="gomel"),
    **BREST,
}
IVAN = ["ИК № 99", "ул. Антошкина, 3", "246035, г. Гомель", "Беларусь / BELARUS", "Иванов Иван Петрович, 1985 г.р."]
ANNA = [*COLONY_ENVELOPE, "Анна Белая, 1990 г.р."]
MARYIA = [*GOMEL_WOMEN, "Мария Переведённая, 1992 г.р."]


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("packs"), FILES, ("data", "institutions", "pages"))


@pytest.fixture(scope="module")
def server(output):
    with serve(output) as url:
        yield url


@pytest.fixture
def open_page(new_tab, server):
    """Opens a page of the fixture site in Chromium, with window.print() counted instead of a
    print dialog (the pack stays in the page, as while the dialog is open)."""
    def _open(path, viewport=DESKTOP, javascript=True):
        page = new_tab(viewport, javascript,
                       init_script="window.print = function () { window.printed = (window.printed || 0) + 1; };")
        page.goto(f"{server}/{path}")
        return page

    return _open




def print_pack(page, layout="sheets") -> list[str]:
    """Asks for a pack, then prints the page to PDF as the print dialog would: each PDF page's
    text, its white space made single spaces."""
    page.get_by_role("radio", name=gettext_of(page, {"sheets": "One person per sheet",
                                                     "table": "A table of envelopes"}[layout])).check()
    page.locator("[data-pack] button[type=submit]").click()
    page.wait_for_function("window.printed >= 1")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return [" ".join(pdf_page.extract_text().split()) for pdf_page in pdf.pages]


def gettext_of(page, message: str) -> str:
    return LANGUAGES[page.evaluate("document.documentElement.lang")].gettext(message)


def lines(*envelope: str) -> str:
    return " ".join(envelope)


def test_a_place_of_detention_one_sheet_per_person(open_page, lang):
    page = open_page(f"{lang}/institutions/ik-test/")
    pages = print_pack(page)
    # The cover, then Anna's and Ivan's sheets: Piotr (the family asks) and Pavel (released) are
    # listed at the colony but left out, and said to be.
    assert len(pages) == 3
    cover, *sheets = pages
    gettext = LANGUAGES[lang].gettext
    assert gettext("Letters for a letter-writing evening") in cover
    assert {"be": "Папраўчая калонія № 99, Гомель", "ru": "Исправительная колония № 99, Гомель",
            "en": "Penal colony No. 99, Gomel"}[lang] in cover
    assert LANGUAGES[lang].ngettext("%(num)s person in this pack", "%(num)s people in this pack", 2) % {"num": 2} in cover
    assert "Беларусь / BELARUS" in cover  # the rules: the country line as it is
    anna, ivan = sorted(sheets, key=lambda sheet: "Иванов" in sheet)
    assert lines(*ANNA) in anna and lines(*IVAN) in ivan  # every line of the envelope, in order
    assert f"{gettext('Birthday')}: {LANGUAGES[lang].day_month(datetime.date(1985, 3, 14))}" in ivan
    assert gettext("Birthday") not in anna  # only the year is known
    assert ", ".join(LANGUAGES[lang].language_name(code) for code in ("be", "ru", "en")) in ivan
    for text in pages:
        assert not {"Пётр Ня", "Piotr Nia", "Павел Вольный", "Pavel Volny", "Мария", "Maryia"} & set(text.split(", "))
        assert "Ня" not in text.split() and "Вольный" not in text.split()
    assert not page.errors, page.errors


def test_a_filtered_list_as_a_table_of_envelopes(open_page):
    page = open_page("en/people/")
    page.locator("[data-list-controls] select[name=region]").select_option("brest")
    pages = print_pack(page, "table")
    # Twelve envelopes, ten to an A4 page, after the cover, which names the filter.
    assert len(pages) == 3
    assert "Show only: Region: Brest Region" in pages[0]
    envelopes = " ".join(pages[1:])
    for n in range(1, 13):
        assert lines(*SIZO_MINSK, f"Пётр Брестский-{n:02}, 19{60 + n} г.р.") in envelopes
    assert "Иванов" not in envelopes and "Мария" not in envelopes  # in Gomel region: filtered out
    assert envelopes.count("Languages read: Russian") == 12


def test_a_month_of_birthdays_with_the_new_address_only(open_page):
    page = open_page("ru/birthdays/#march")
    pages = print_pack(page, "table")
    assert len(pages) == 2
    cover, envelopes = pages
    assert "Дни рождения: Март" in cover
    # By day: Maryia (5), Brest-11 (11), Brest-02 (12), Ivan (14); not Piotr (1 March, the family
    # asks) nor Pavel (3 March, released).
    order = [envelopes.index(name) for name in ("Мария Переведённая, 1992", "Пётр Брестский-11, 1971",
                                                "Пётр Брестский-02, 1962", "Иванов Иван Петрович, 1985")]
    assert order == sorted(order)
    assert "Пётр Ня" not in envelopes and "Павел Вольный" not in envelopes
    # Maryia moved: the women's colony only, with its warning (an address from an older publication).
    assert lines(*MARYIA) in envelopes and "ИК № 99 ул. Антошкина, 3 246035, г. Гомель Беларусь / BELARUS Мария" not in envelopes
    assert "белорусский, польский" in envelopes
    assert LANGUAGES["ru"].gettext("This address is taken from an older publication and has not been confirmed "
                                   "since. Check it with a human-rights organisation before you send anything.")[:30] in envelopes


def test_after_printing_the_page_is_as_it_was(open_page):
    page = open_page("en/institutions/ik-test/")
    before = page.locator("main").inner_html()
    print_pack(page)
    assert not page.locator(".pack").is_visible()  # on screen, only in print
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(".pack").count() == 0
    assert page.evaluate("document.body.className") == ""
    assert page.locator("main").inner_html() == before
    # Printed again, the page prints as itself: none of the pack.
    assert "Letters for a letter-writing evening" not in " ".join(
        PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text().split())


def test_a_list_with_no_one_to_write_to_offers_no_pack_and_a_filter_that_leaves_no_one_says_so(open_page):
    assert open_page("en/status/released/").locator("[data-pack]").count() == 0
    page = open_page("en/institutions/ik-test/")
    page.locator("[data-list-controls] select[name=status]").select_option("pardoned")  # Pavel only
    page.locator("[data-pack] button[type=submit]").click()
    expect(page.locator("[data-pack] [role=status]")).to_have_text("No one in this list can receive letters.")
    assert page.evaluate("window.printed || 0") == 0


def test_without_scripts_no_form_and_where_the_data_fails_it_says_so(open_page, server):
    page = open_page("en/institutions/ik-test/", javascript=False)
    assert not page.locator("[data-pack]").is_visible()
    page = open_page("en/institutions/ik-test/")
    page.route("**/data/letters-en.json", lambda route: route.fulfill(status=404))
    page.locator("[data-pack] button[type=submit]").click()
    expect(page.locator("[data-pack] [role=status]")).to_have_text(
        "The addresses could not be loaded. Try again, or print the page as it is.")
    assert page.evaluate("window.printed || 0") == 0


def test_the_form_fits_a_phone(open_page):
    page = open_page("en/birthdays/", viewport=PHONE)
    expect(page.locator("[data-pack]")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The month named next (cards go weeks early) or the one in the address is chosen.
    assert page.locator("[data-pack] select[name=month]").input_value()


def test_no_page_carries_an_envelope_for_the_pack(output):
    """The addresses come from the data file when a pack is asked for: a list page holds none."""
    source = read(output, "en/people/index.html")
    assert "Иванов Иван Петрович" not in source and "г.р." not in source
    assert json.loads(read(output, "data/letters-en.json"))["people"]
