"""Browse: list pages and their filters, article and region pages, on a fixture site built
with the real data files and institutions (search: tests/test_search.py)."""
from __future__ import annotations

import html as html_module
import json
import re

import pytest
import yaml

from conftest import LANGS, LANGUAGES, ROOT, build, jpeg, person, read, serve
from helpers import cells, parse, rows_of, select_one, text

FILES = {
    # No English name: English pages show the Belarusian passport spelling.
    "people/ivan-ivanau.md": person(
        "custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов"}, gender="male", region="minsk-city",
        detained="2020-08-10", articles='["342-1", "130-3"]', institution="sizo-1-minsk"),
    "people/darya-losik.md": person(
        "custody", name={"be": "Дар’я Лосік", "ru": "Дарья Лосик", "en": "Darya Losik"}, gender="female",
        region="vitebsk", detained="2021-01-25", articles='["361-1-2"]', institution="ik-4-gomel",
        photo="darya-losik.jpg"),
    "people/illia-yolkin.md": person(
        "released", name={"be": "Ілля Ёлкін", "ru": "Илья Ёлкин"}, gender="male", region="brest",
        detained="2020-09-01", articles='["342"]'),
    "people/aleh-yarmak.md": person(
        "house-arrest", name={"be": "Алег Ярмак", "ru": "Олег Ярмак", "en": "Aleh Yarmak"}, gender="male",
        region="minsk-city"),
    # Counted in every total, named nowhere: not in lists, article pages or the search index.
    "people/counted-0001.md": person("custody", visibility="counted", region="minsk-city"),
}
IVAN = {"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}



@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("browse"), {**FILES, "people/photos/darya-losik.jpg": jpeg(300, 400, (120, 90, 90))},
                 ("data", "institutions", "statements"))


def rows(html: str) -> list[str]:
    """Person ids of a list table, in order."""
    return [re.fullmatch(r"[./]*/?\w\w/people/([a-z0-9-]+)/(#\w+)?", link["href"]).group(1)
            for link in parse(html).select('th[scope="row"] > a[data-name]')]


@pytest.mark.parametrize("lang, order, letters", [
    ("be", ["illia-yolkin", "ivan-ivanau", "darya-losik", "aleh-yarmak"], ["Ё", "І", "Л", "Я"]),
    ("ru", ["illia-yolkin", "ivan-ivanau", "darya-losik", "aleh-yarmak"], ["Ё", "И", "Л", "Я"]),
    ("en", ["ivan-ivanau", "darya-losik", "aleh-yarmak", "illia-yolkin"], ["I", "L", "Y"]),
])
def test_the_list_is_in_the_languages_order_with_an_alphabet_index(output, lang, order, letters):
    html = read(output, f"{lang}/people/index.html")
    assert rows(html) == order
    index = select_one(html, "nav.alphabet")
    assert [link["data-letter"] for link in index.select("a[data-letter]")] == letters
    for link in index.select("a[data-letter]"):  # every letter of the index leads to a row
        assert link["href"] == f"#letter-{link['data-letter']}"
        select_one(html, f'tr[id="letter-{link["data-letter"]}"]')


def test_the_table_has_every_column_and_the_filter_values(output):
    html = read(output, "en/people/index.html")
    row = select_one(html, "tr#letter-I")
    assert {name: value for name, value in row.attrs.items() if name.startswith("data-")} == {
        "data-letter": "I", "data-status": "custody political-prisoner", "data-region": "minsk-city",
        "data-gender": "male", "data-institution": "sizo-1-minsk", "data-article": "342 130",
        "data-detained": "2020-08-10"}  # no photo
    assert select_one(row, "th a")["data-name"] == "Ivan Ivanau"
    assert cells(row) == ["Ivanau Ivan", "", "Minsk", "In custody", "10 Aug 2020", "342-1, 130-3",
                          "Pre-trial detention centre No. 1, Minsk (Pashkovichi)"]
    assert select_one(html, "tr#letter-L")["data-photo"] == "../../photos/darya-losik-240.jpg"
    # The filters offer only the values that occur, with their counts.
    form = re.search(r'<form class="list-controls".*?</form>', html, re.S).group(0)
    assert '<option value="minsk-city">Minsk (2)</option>' in form
    assert '<option value="grodno">' not in form
    assert '<option value="political-prisoner">All: Political prisoners (3)</option>' in form
    assert '<option value="342">Article 342 (2)</option>' in form
    assert '<option value="female">Women (1)</option>' in form
    assert ngettext_forms(html) == {"one": "%(num)s person shown", "other": "%(num)s people shown"}


def ngettext_forms(html):
    return json.loads(html_module.unescape(re.search(r'data-forms="([^"]+)"', html).group(1)))


def test_belarusian_and_russian_counters_have_their_plural_forms(output):
    assert ngettext_forms(read(output, "be/people/index.html")) == {
        "one": "Паказаны %(num)s чалавек", "few": "Паказаны %(num)s чалавекі", "many": "Паказана %(num)s чалавек"}
    assert set(ngettext_forms(read(output, "ru/people/index.html"))) == {"one", "few", "many"}


@pytest.mark.parametrize("path, listed, counts", [
    ("en/status/custody/index.html", ["ivan-ivanau", "darya-losik"],
     ["3 people in this category as of 22 October 2021", "1 of them is counted but not named"]),
    ("en/status/political-prisoner/index.html", ["ivan-ivanau", "darya-losik", "aleh-yarmak"],
     ["4 people as of 22 October 2021", "1 of them is counted but not named"]),
    ("en/status/released/index.html", ["illia-yolkin"], ["1 person in this category as of 22 October 2021"]),
    ("en/regions/minsk-city/index.html", ["ivan-ivanau", "aleh-yarmak"],
     ["3 people from this region as of 22 October 2021", "1 of them is counted but not named"]),
    ("en/regions/brest/index.html", ["illia-yolkin"], ["1 person from this region as of 22 October 2021"]),
    ("en/regions/grodno/index.html", [], ["0 people from this region", "No one from this region is listed by name."]),
    ("en/articles/342/index.html", ["ivan-ivanau", "illia-yolkin"],
     ["Article 342: Organising and preparing actions that grossly violate public order",
      "2 people listed on this site are charged or convicted under this article."]),
    ("en/articles/361-1/index.html", ["darya-losik"],
     ["Creating an extremist formation", "1 person listed on this site is charged or convicted"]),
    ("en/articles/130/index.html", ["ivan-ivanau"], ["Incitement to racial, national"]),
    ("en/articles/293/index.html", [], ["No one listed by name on this site is charged under this article."]),
    ("en/institutions/sizo-1-minsk/index.html", ["ivan-ivanau"], ["1 person listed on this site is held here."]),
    ("be/articles/342/index.html", ["illia-yolkin", "ivan-ivanau"],
     ["Артыкул 342: Арганізацыя і падрыхтоўка дзеянняў", "2 чалавекі з гэтага сайта абвінавачаныя"]),
    ("ru/regions/minsk-city/index.html", ["ivan-ivanau", "aleh-yarmak"], ["3 человека из этого региона"]),
])
def test_every_filter_has_a_static_page_with_its_count(output, path, listed, counts):
    html = read(output, path)
    assert rows(html) == listed
    for count_text in counts:
        assert count_text in html, count_text
    assert "counted-0001" not in html


def test_each_status_region_and_article_has_a_page_in_every_language(output):
    for lang in LANGS:
        for page in ["status/custody", "status/persecuted", "status/house-arrest", "regions", "regions/gomel",
                     "articles", "articles/411", "articles/203-1", "search"]:
            assert (output / lang / page / "index.html").is_file(), f"{lang}/{page}"


def row_linking_to(html: str, href: str) -> list[str]:
    """The cells of the table row whose header links to `href`."""
    [link] = parse(html).select(f'th[scope="row"] > a[href="{href}"]')
    return cells(link.find_parent("tr"))


def test_the_region_page_has_its_totals_by_category(output):
    html = read(output, "en/regions/minsk-city/index.html")
    assert rows_of(select_one(html, "table.totals"), "tbody tr") == [
        ["Political prisoners", "3"], ["In custody", "2"], ["House arrest", "1"],
        ["Subjected to politically motivated persecution", "0"]]
    # Political prisoners, persecuted, listed by name.
    assert row_linking_to(read(output, "en/regions/index.html"), "../../en/regions/minsk-city/") == ["Minsk", "3", "0", "2"]


def test_the_article_index_and_the_person_page_link_the_articles(output):
    assert row_linking_to(read(output, "ru/articles/index.html"), "../../ru/articles/342/") == [
        "342", "Организация и подготовка действий, грубо нарушающих общественный порядок, либо активное участие в них",
        "2"]
    page = read(output, "be/people/ivan-ivanau/index.html")
    assert 'href="../../../be/articles/342/">Частка 1 артыкула 342</a>' in page


def test_the_article_index_counts_only_the_articles_someone_listed_is_charged_under(output, lang):
    page = parse(read(output, f"{lang}/articles/index.html"))
    gettext = LANGUAGES[lang].gettext
    assert text(page.select_one("h1 + p")) == gettext(
        "The articles under which people listed by name on this site are charged or convicted, with how many of them "
        "each. People who are counted but not named are not in these figures.")
    counted = [cells(row)[0] for row in page.select("table.list tbody tr")]
    assert counted == ["130", "342", "361-1"]  # in the order of the data file
    assert all(cells(row)[2] != "0" for row in page.select("table.list tbody tr"))
    assert text(page.select_one("h2#no-one")) == gettext("Articles under which no one listed by name is charged")
    others = [item.a["href"].rstrip("/").rsplit("/", 1)[-1] for item in page.select(".uncharged-articles li")]
    assert "293" in others and "411" in others and not set(others) & set(counted)
    assert len(counted) + len(others) == len(yaml.safe_load((ROOT / "content/data/articles.yaml").read_text())["articles"])


# In the real Chromium ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(output):
    with serve(output) as url:
        yield url


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-people-table] tbody tr:not([hidden]) th a",
        "links => links.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())")


def test_filters_work_in_place_and_the_url_keeps_them(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/en/people/")
    assert visible_rows(page) == ["ivan-ivanau", "darya-losik", "aleh-yarmak", "illia-yolkin"]
    page.get_by_label("Region").select_option("minsk-city")
    assert visible_rows(page) == ["ivan-ivanau", "aleh-yarmak"]
    assert page.get_by_role("status").first.inner_text() == "2 people shown"
    page.get_by_label("Status").select_option("custody")
    assert visible_rows(page) == ["ivan-ivanau"]
    assert page.get_by_role("status").first.inner_text() == "1 person shown"
    assert page.url.endswith("/en/people/?status=custody&region=minsk-city")
    page.get_by_role("button", name="Show everyone").click()
    page.wait_for_function("document.querySelectorAll('[data-people-table] tbody tr:not([hidden])').length === 4")
    assert page.url.endswith("/en/people/")
    # A filtered list can be linked.
    page.goto(f"{server}/en/people/?article=342&gender=male")
    assert visible_rows(page) == ["ivan-ivanau", "illia-yolkin"]
    assert page.get_by_label("Article").input_value() == "342"
    page.goto(f"{server}/en/people/?institution=ik-4-gomel")
    assert visible_rows(page) == ["darya-losik"]
    page.close()


def test_sorting_by_detention_and_the_cards_view(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/be/people/")
    page.get_by_label("Парадак").select_option("detained-desc")
    assert visible_rows(page) == ["darya-losik", "illia-yolkin", "ivan-ivanau", "aleh-yarmak"]  # no date: last
    assert page.locator("[data-alphabet]").is_hidden()  # the index is for the surname order
    page.get_by_label("Парадак").select_option("detained")
    assert visible_rows(page) == ["ivan-ivanau", "illia-yolkin", "darya-losik", "aleh-yarmak"]
    page.get_by_label("Парадак").select_option("name-desc")
    assert visible_rows(page) == ["aleh-yarmak", "darya-losik", "ivan-ivanau", "illia-yolkin"]
    page.get_by_label("Карткі").check()
    cards = page.locator("[data-people-cards] li")
    assert cards.count() == 4 and page.locator(".table-scroll").is_hidden()
    assert cards.nth(1).locator("a").inner_text() == "Дар’я Лосік"
    assert cards.nth(1).locator("img").get_attribute("src").endswith("/photos/darya-losik-240.jpg")
    assert page.url.endswith("?sort=name-desc&view=cards")
    page.get_by_label("Парадак").select_option("name")
    page.locator("[data-alphabet]").get_by_role("link", name="Л").click()
    assert page.locator("[data-people-cards] li#letter-Л a").inner_text() == "Дар’я Лосік"
    page.close()


def test_a_filter_page_filters_the_other_properties(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/ru/regions/minsk-city/")
    assert page.get_by_label("Регион").count() == 0  # the page is the region filter
    page.get_by_label("Статус").select_option("house-arrest")
    assert visible_rows(page) == ["aleh-yarmak"]
    page.close()


def test_open_data_gives_names_as_written_not_their_transliterations(output):
    people = {p["id"]: p for p in json.loads(read(output, "data/people.json"))["people"]}
    assert people["ivan-ivanau"]["name"] == {"be": "Іван Іванаў", "ru": "Иван Иванов", "en": None}
    assert "counted-0001" not in people


# A long list, cut into pages of whole letters ----------------------------------------------

@pytest.fixture(scope="module")
def split_output(tmp_path_factory):
    """The same people, with lists of more than two people cut into letters."""
    return build(tmp_path_factory.mktemp("browse-split"),
                 {**FILES, "people/photos/darya-losik.jpg": jpeg(300, 400, (120, 90, 90))},
                 ("data", "institutions", "statements"), LIST_SPLIT_AT=2)


def letter_links(html: str) -> list[tuple[str, str]]:
    return [(link["data-letter"], link["href"]) for link in select_one(html, "nav.alphabet").select("a[data-letter]")]


def test_a_long_list_is_cut_into_pages_of_whole_letters_and_its_own_page_shows_the_first(split_output):
    # At most two people a page: I and L (one each) share a page, Y (two) has its own.
    html = read(split_output, "en/people/index.html")
    assert rows(html) == ["ivan-ivanau", "darya-losik"]
    assert letter_links(html) == [("I", "#letter-I"), ("L", "#letter-L"), ("Y", "../../en/people/Y/")]
    assert select_one(html, 'nav.alphabet a[aria-current="page"]')["data-letter"] == "I"
    assert text(select_one(html, "[data-letter-page]")) == "Surnames beginning with I–L: 2 people."
    # The summary, the filters and the pack are the whole list's.
    assert "4 people are listed by name" in html
    assert '<option value="minsk-city">Minsk (2)</option>' in html
    browser = select_one(html, "[data-people-browser]")
    assert browser["data-source"] == "../../lists/people-en.json" and "data-within" not in browser.attrs
    # The next part's page, one folder deeper, at its first letter: its people, the next and
    # previous parts (the first is the list's own page: no page of its own).
    pages = {"I": html, "Y": read(split_output, "en/people/Y/index.html")}
    assert not (split_output / "en/people/L").exists() and not (split_output / "en/people/I").exists()
    assert rows(pages["Y"]) == ["aleh-yarmak", "illia-yolkin"]
    assert letter_links(pages["Y"]) == [("I", "../../../en/people/"), ("L", "../../../en/people/#letter-L"),
                                        ("Y", "#letter-Y")]
    assert select_one(pages["Y"], 'nav.alphabet a[aria-current="page"]')["data-letter"] == "Y"
    pager = select_one(pages["Y"], "nav.letter-pager")
    assert [(text(link), link["rel"]) for link in pager.select("a")] == [("← I–L", ["prev"])]
    assert [(text(link), link["rel"]) for link in select_one(pages["I"], "nav.letter-pager").select("a")] == [
        ("Y →", ["next"])]
    assert "<title>People · Y · " in pages["Y"] and "<title>People · Political" in html
    # The rows carry no filter values (the script filters the data file), only the photo for the cards.
    row = select_one(html, "tr#letter-L")
    assert {name: value for name, value in row.attrs.items() if name.startswith("data-")} == {
        "data-letter": "L", "data-photo": "../../photos/darya-losik-240.jpg"}
    # Belarusian and Russian letters are the folders' names too.
    assert rows(read(split_output, "be/people/Л/index.html")) == ["darya-losik", "aleh-yarmak"]
    assert letter_links(read(split_output, "ru/people/index.html"))[0] == ("Ё", "#letter-Ё")


def test_a_short_list_stays_one_page_and_a_group_is_cut_within_its_people(split_output):
    html = read(split_output, "en/regions/minsk-city/index.html")  # two people: not cut
    assert rows(html) == ["ivan-ivanau", "aleh-yarmak"]
    assert select_one(html, "tr#letter-I")["data-region"] == "minsk-city"  # its script filters its rows
    assert "data-source" not in select_one(html, "[data-people-browser]").attrs
    group = read(split_output, "en/status/political-prisoner/index.html")  # three
    assert select_one(group, "[data-people-browser]")["data-within"] == "status=political-prisoner"
    assert rows(group) == ["ivan-ivanau", "darya-losik"]
    assert rows(read(split_output, "en/status/political-prisoner/Y/index.html")) == ["aleh-yarmak"]


def test_the_lists_data_has_every_public_person_in_the_lists_order(split_output):
    data = json.loads(read(split_output, "lists/people-en.json"))
    people = [dict(zip(data["columns"], row)) for row in data["people"]]
    assert [p["id"] for p in people] == ["ivan-ivanau", "darya-losik", "aleh-yarmak", "illia-yolkin"]
    assert data["page"] == "en/people/{id}/"
    assert people[0] == {
        "id": "ivan-ivanau", "name": "Ivanau Ivan", "name_lang": "", "letter": "I", "born": "",
        "status": "custody", "region": "minsk-city", "gender": "male", "institution": "sizo-1-minsk",
        "articles": "342 130", "codes": "342-1, 130-3", "detained": "2020-08-10", "detained_text": "10 Aug 2020",
        "photo": "", "display_name": "Ivan Ivanau"}
    assert people[1]["photo"] == "photos/darya-losik-240.jpg"
    assert data["categories"]["custody"] == ["In custody", "political-prisoner"]
    assert data["regions"]["minsk-city"] == "Minsk"
    assert "counted-0001" not in read(split_output, "lists/people-en.json")
    # Without an English name, the Belarusian one, marked as such, as the table shows it.
    be_only = json.loads(read(split_output, "lists/people-ru.json"))
    assert all(row[2] == "" for row in be_only["people"])


@pytest.fixture(scope="module")
def split_server(split_output):
    with serve(split_output) as url:
        yield url


def row_cells(page) -> list[list[str]]:
    return page.eval_on_selector_all("[data-people-table] tbody tr", "rows => rows.map(row => "
                                     "Array.from(row.cells, cell => cell.textContent.trim()))")


def test_a_letters_page_filters_and_sorts_the_whole_list(browser, split_server, split_output):
    page = browser.new_page()
    page.goto(f"{split_server}/en/people/Y/")
    assert visible_rows(page) == ["aleh-yarmak", "illia-yolkin"]
    page.get_by_label("Region").select_option("minsk-city")
    page.wait_for_function("!document.querySelector('[data-people-browser]').hasAttribute('aria-busy')")
    assert visible_rows(page) == ["ivan-ivanau", "aleh-yarmak"]
    assert page.get_by_role("status").first.inner_text() == "2 people shown"
    assert page.locator("[data-letter-page]").is_hidden() and page.locator("[data-letter-pager]").is_hidden()
    # The rows drawn from the data file are the rows the pages have, links and cells alike.
    whole = parse(read(split_output, "en/people/index.html"))
    static = whole.select_one("tbody tr")
    assert row_cells(page)[0] == cells(static)
    href = page.locator("[data-people-table] tbody th a").first.get_attribute("href")
    assert page.evaluate("href => new URL(href, location.href).pathname", href) == "/en/people/ivan-ivanau/"
    # The alphabet now leads within the list drawn here.
    assert page.locator("[data-alphabet] li:not([hidden]) a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))") == ["#letter-I", "#letter-Y"]
    page.get_by_role("button", name="Show everyone").click()
    # Back to the page's own rows (as many as the filter left: wait for the page's own line).
    page.wait_for_function("!document.querySelector('[data-letter-page]').hidden")
    assert visible_rows(page) == ["aleh-yarmak", "illia-yolkin"]
    assert page.locator("[data-alphabet] a[data-letter=L]").get_attribute("href") == "../../../en/people/#letter-L"
    assert page.locator("[data-alphabet] a[data-letter=Y]").get_attribute("href") == "#letter-Y"
    assert page.locator("tr#letter-Y th a").inner_text() == "Yarmak Aleh"
    # Another order is the whole list's too; a link keeps it.
    page.goto(f"{split_server}/be/people/?sort=detained-desc")
    page.wait_for_function("document.querySelectorAll('[data-people-table] tbody tr').length === 4")
    assert visible_rows(page) == ["darya-losik", "illia-yolkin", "ivan-ivanau", "aleh-yarmak"]
    page.get_by_label("Карткі").check()
    assert page.locator("[data-people-cards] li").nth(0).locator("img").get_attribute("src").endswith(
        "/photos/darya-losik-240.jpg")
    # A group's page filters its own people only.
    page.goto(f"{split_server}/en/status/political-prisoner/?sort=name-desc")
    page.wait_for_function("document.querySelectorAll('[data-people-table] tbody tr').length === 3")
    assert visible_rows(page) == ["aleh-yarmak", "darya-losik", "ivan-ivanau"]
    page.close()


def test_without_the_data_file_the_letters_still_work(browser, split_server):
    page = browser.new_page()
    page.route("**/lists/*.json", lambda route: route.abort())
    page.goto(f"{split_server}/en/people/")
    page.get_by_label("Region").select_option("minsk-city")
    page.wait_for_function("document.querySelector('[data-count]').textContent.includes('could not be loaded')")
    assert visible_rows(page) == ["ivan-ivanau", "darya-losik"]
    page.locator("[data-alphabet]").get_by_role("link", name="Y").click()
    page.wait_for_url("**/en/people/Y/**")
    page.close()


def test_the_whole_list_is_drawn_in_parts_and_a_letter_further_down_draws_up_to_it(browser, tmp_path):
    # 300 people: 280 under A, then 20 under Z, all men but one; the script draws 200 rows at a time.
    files = {f"people/ivan-{'a' if n < 280 else 'z'}x{n:03d}.md": person(
        "custody", name={"en": f"Ivan {'A' if n < 280 else 'Z'}x{chr(97 + n // 26)}{chr(97 + n % 26)}"},
        gender="female" if n == 0 else "male") for n in range(300)}
    output = build(tmp_path, files, ("data",), LIST_SPLIT_AT=100)
    # A is cut into pieces of 100: the list's page, then; Z has its own page.
    assert len(rows(read(output, "en/people/index.html"))) == 100
    assert [len(rows(read(output, f"en/people/{part}/index.html"))) for part in ("A-2", "A-3", "Z")] == [100, 80, 20]
    assert letter_links(read(output, "en/people/A-3/index.html")) == [("A", "../../../en/people/"),
                                                                      ("Z", "../../../en/people/Z/")]
    pager = select_one(read(output, "en/people/A-2/index.html"), "nav.letter-pager")
    assert [text(link) for link in pager.select("a")] == ["← A", "A 3 →"]
    with serve(output) as url:
        page = browser.new_page()
        page.goto(f"{url}/en/people/?gender=male")
        page.wait_for_function("document.querySelectorAll('[data-people-table] tbody tr').length === 200")
        assert page.get_by_role("status").first.inner_text() == "299 people shown"
        # The printable pack takes everyone shown, drawn yet or not.
        assert page.evaluate("window.portalPeopleList.shown().length") == 299
        page.get_by_role("button", name="Show more").click()
        assert len(visible_rows(page)) == 299
        assert page.get_by_role("button", name="Show more").is_hidden()
        page.goto(f"{url}/en/people/?gender=male")
        page.wait_for_function("document.querySelectorAll('[data-people-table] tbody tr').length === 200")
        page.locator("[data-alphabet]").get_by_role("link", name="Z").click()
        assert page.url.endswith("/en/people/?gender=male#letter-Z")
        assert page.locator("tr#letter-Z th a").inner_text() == "Zxku Ivan"
        page.close()
