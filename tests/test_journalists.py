"""What a journalist takes from the portal: the citation and the counter's code, each with a
copy button (copy.js, the one the envelopes use), people.csv that Excel opens as it is, and a
404 page that leads on (search, the list, the home page) in every language."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, LANGS, LANGUAGES, PHONE, build, person, read, serve
from helpers import parse, select_one, text

FILES = {
    "people/ales-held.md": person(
        "custody", updated="2025-08-31", name={"be": "Алесь Трыманы", "ru": "Алесь Держимый", "en": "Ales Held"},
        detained="2020-08-10"),
    "people/olga-free.md": person("released", updated="2024-03-01", name={"ru": "Ольга Свободная", "en": "Olga Free"},
                                  status_since="2022-07-01"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Built for the address it is served at, as on a real host (the 404 page's links, the
    citation's address)."""
    root = tmp_path_factory.mktemp("journalists")
    (root / "output").mkdir()
    with serve(root / "output") as url:
        build(root, FILES, SITEURL=url)
        yield root / "output", url


@pytest.fixture
def open_page(new_tab, site):
    output, url = site

    def _open(path, viewport=PHONE, javascript=True):
        tab = new_tab(viewport, javascript, clipboard_origin=url)
        tab.goto(f"{url}/{path}")
        return tab

    return _open


def test_the_citation_and_the_codes_have_copy_buttons_that_wait_for_the_script(site, lang):
    output, url = site
    page = parse(read(output, f"{lang}/numbers/index.html"))
    citation = text(select_one(page, "blockquote#citation"))
    assert f"{url}/{lang}/numbers/" in citation  # the absolute address, where SITEURL is set
    targets = {}
    for box in page.select("p.copy-actions"):
        assert box.has_attr("hidden") and box.has_attr("data-copy-actions") and box.select_one("[role=status]")
        button = box.select_one("button")
        targets[button["data-copy"]] = text(button)
    gettext = LANGUAGES[lang].gettext
    assert targets == {"citation": gettext("Copy the citation"), "counter-code": gettext("Copy the code"),
                       "badge-code": gettext("Copy the code")}
    assert text(select_one(page, "#counter-code")).startswith(f'<iframe src="{url}/{lang}/embed/counter/"')
    assert page.select_one('script[src$="theme/js/copy.js"]') is not None
    # The open data page cites the same way, with its button.
    data = parse(read(output, f"{lang}/data/index.html"))
    assert select_one(data, "p.copy-actions button")["data-copy"] == "citation"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_the_copy_buttons_copy_the_citation_and_the_counters_code(open_page, site, viewport):
    output, url = site
    page = open_page("ru/numbers/", viewport)
    ru = LANGUAGES["ru"]
    page.get_by_role("button", name=ru.gettext("Copy the citation")).click()
    expect(page.locator("#citation + .copy-actions [role=status]")).to_have_text(ru.gettext("The citation is copied."))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("2 человека в Беларуси") and f"({ru.gettext('Political prisoners of Belarus')}, {url}/ru/numbers/)." in copied
    assert "\n" in copied and "г.." not in copied  # the figures by group, on their own line

    page.locator("[data-copy=counter-code]").click()
    expect(page.locator("#counter-code").locator("xpath=../following-sibling::p[1]").get_by_role("status")).to_have_text(
        ru.gettext("The code is copied."))
    code = page.evaluate("navigator.clipboard.readText()")
    assert code == (f'<iframe src="{url}/ru/embed/counter/" title="{ru.gettext("Political prisoners of Belarus: the current number")}"'
                    ' width="320" height="190" style="border:0"></iframe>')
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert not page.errors, page.errors


def test_without_scripts_no_copy_button_is_shown(open_page):
    page = open_page("en/numbers/", javascript=False)
    assert page.locator(".copy-actions button").count() == 3
    expect(page.locator(".copy-actions").first).to_be_hidden()
    expect(page.locator("#counter-code")).to_be_visible()


def test_the_data_page_says_people_csv_opens_in_excel(site, lang):
    output, _ = site
    page = parse(read(output, f"{lang}/data/index.html"))
    item = next(li for li in page.select(".downloads li") if text(li.select_one("a")) == "people.csv")
    assert "Excel" in text(item)
    assert (output / "data" / "people.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")


def test_the_404_page_offers_search_the_list_and_the_home_page_in_every_language(site):
    output, url = site
    page = parse(read(output, "404.html"))
    for code in LANGS:
        section = select_one(page, f'section[lang="{code}"]')
        form = select_one(section, "form[role=search]")
        assert form["action"] == f"{url}/{code}/search/"
        assert select_one(form, "input[type=search]")["name"] == "q"
        assert text(select_one(form, "label")) == LANGUAGES[code].gettext("Search by name")
        links = {a["href"]: text(a) for a in section.select("a")}
        assert links == {f"{url}/{code}/people/": LANGUAGES[code].gettext("List of people"),
                         f"{url}/{code}/": LANGUAGES[code].gettext("The home page of the site")}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_from_a_missing_address_the_search_and_the_home_page_are_reached(open_page, site, viewport):
    output, url = site
    page = open_page("404.html", viewport)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    ru = page.locator('section[lang="ru"]')
    ru.get_by_role("searchbox", name=LANGUAGES["ru"].gettext("Search by name")).fill("Держимый")
    ru.get_by_role("button", name=LANGUAGES["ru"].gettext("Find")).click()
    page.wait_for_url(f"{url}/ru/search/?q=*")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.go_back()
    page.locator('section[lang="be"]').get_by_role("link", name=LANGUAGES["be"].gettext("The home page of the site")).click()
    page.wait_for_url(f"{url}/be/")
    assert not page.errors, page.errors


# The about page: a text page of content/pages, in every language, linked from every page's footer.
ABOUT_HEADINGS = {
    "be": ["Хто вядзе сайт", "Адкуль бяруцца звесткі", "Як правяраюць запіс", "Як выправіць запіс",
           "Як бяспечна звязацца з рэдакцыяй", "Лічбы і даныя"],
    "ru": ["Кто ведёт сайт", "Откуда берутся сведения", "Как проверяют запись", "Как исправить запись",
           "Как безопасно связаться с редакцией", "Цифры и данные"],
    "en": ["Who keeps the site", "Where the information comes from", "How a record is checked",
           "How to correct a record", "How to reach the editors safely", "The numbers and the data"],
}


@pytest.fixture(scope="module")
def with_texts(tmp_path_factory):
    return build(tmp_path_factory.mktemp("about"), FILES, ("data", "pages"))


def test_the_about_page_says_who_keeps_the_site_and_how_to_reach_the_editors(with_texts, lang):
    page = parse(read(with_texts, f"{lang}/about/index.html"))
    assert page.html["lang"] == lang
    assert [text(h2) for h2 in page.select("article h2") if h2.get("id") != "toc-heading"] == ABOUT_HEADINGS[lang]
    links = {a["href"]: text(a) for a in page.select("article a")}
    gettext = LANGUAGES[lang].gettext
    # Its links lead to this language's pages, which exist.
    for href in ("../contact/", "../help/", "../numbers/", "../data/"):
        assert href in links, href
        assert (with_texts / lang / href.strip("./") / "index.html").is_file()
    assert links["../contact/"] == gettext("Write to us safely")
    assert links["../help/"] == gettext("Help and contact")
    alternates = {link["hreflang"] for link in page.select('link[rel=alternate][hreflang]')}
    assert alternates == set(LANGS)


@pytest.mark.parametrize("path", ["{lang}/index.html", "{lang}/people/ales-held/index.html", "{lang}/numbers/index.html"])
def test_every_page_links_the_about_page_in_its_footer(with_texts, lang, path):
    footer = parse(read(with_texts, path.format(lang=lang))).select_one("footer")
    hrefs = [a["href"] for a in footer.select("a")]
    assert any(href.endswith(f"/{lang}/about/") for href in hrefs), hrefs
