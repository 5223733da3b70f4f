"""Letters: envelope addresses, institution pages, birthdays, the random pick and old links."""
from __future__ import annotations

import html
import json
import re

import pytest
from playwright.sync_api import expect

from conftest import COLONY, LANGUAGES, build, person, read, serve
from helpers import collapse, parse, select_one, text, text_of

FILES = {
    "institutions/ik-test.yaml": COLONY,
    # Can receive letters: full date of birth, the name the colony knows, an old id.
    "people/ivan-ivanau.md": person(
        "custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}, born="1985-03-14",
        institution="ik-test", letter_name="Иванов Иван Петрович", aliases="[ivan-ivanov]", updated="2024-01-10",
        institution_since="2023-11-02", languages="[be, ru, pl]"),
    # Can receive letters, only the year of birth known: no birthday entry, the year on the envelope.
    "people/anna-bely.md": person("custody", name={"ru": "Анна Белая", "en": "Anna Bely"}, born="1990", institution="ik-test"),
    # Held there, but the family asks not to write.
    "people/piotr-no.md": person("custody", name={"be": "Пётр Ня", "en": "Piotr Nia"}, born="1970-03-01",
                                 institution="ik-test", letters="false",
                                 letters_note={"en": "The family asks not to write for now."}),
    # Held, place unknown.
    "people/olga-where.md": person("custody", name={"ru": "Ольга Где", "en": "Olga Gde"}, born="1991-07-07"),
    # Not held any more.
    "people/pavel-free.md": person("pardoned", name={"ru": "Павел Вольный", "en": "Pavel Volny"}, born="1980-03-03",
                                   institution="ik-test"),
    # Counted, never named: in no list, no JSON, no birthday.
    "people/counted-0001.md": person("custody", visibility="counted"),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("letters"), FILES, ("data", "pages"))


def letter_section(page: str) -> str:
    return page.split('<section id="letter"', 1)[1].split("</section>", 1)[0]


def envelope_lines(page: str) -> list[str]:
    block = letter_section(page).split('<p class="envelope" id="envelope"', 1)[1].split("</p>", 1)[0]
    return [html.unescape(line.strip()) for line in block.split(">", 1)[1].split("<br>")]


def test_the_envelope_is_in_cyrillic_in_the_order_it_is_written(output, lang):
    page = read(output, f"{lang}/people/ivan-ivanau/index.html")
    assert envelope_lines(page) == ["ИК № 99", "ул. Антошкина, 3", "246035, г. Гомель", "Беларусь / BELARUS",
                                    "Иванов Иван Петрович, 1985 г.р."]
    assert 'lang="ru" translate="no"' in letter_section(page)
    assert envelope_lines(read(output, f"{lang}/people/anna-bely/index.html"))[-1] == "Анна Белая, 1990 г.р."
    # The copy and print buttons exist but wait for the script; the address needs no script.
    assert '<p class="letter-actions" hidden>' in page and "theme/js/letters.js" in page
    assert f'href="../../../{lang}/how-to-write/"' in letter_section(page)
    assert "example.org" in letter_section(page)  # where the address comes from


@pytest.mark.parametrize("lang, person_id, words", [
    ("en", "piotr-no", ["Please do not send letters to Piotr Nia at the moment.", "The family asks not to write for now."]),
    ("en", "olga-where", ["Where Olga Gde is held is not known to us", "If you know, please add it."]),
    ("en", "pavel-free", ["Pavel Volny is not held in a place of detention at the moment"]),
    ("ru", "olga-where", ["Мы не знаем, где содержится Ольга Где"]),
    ("be", "pavel-free", ["Павел Вольный цяпер не ўтрымліваецца ў месцы несвабоды"]),
])
def test_where_no_letter_can_go_the_section_says_why(output, lang, person_id, words):
    section = letter_section(read(output, f"{lang}/people/{person_id}/index.html"))
    assert 'class="envelope"' not in section
    for phrase in words:
        assert phrase in text_of(section)


def test_institution_page_lists_its_public_people(output, lang):
    page = read(output, f"{lang}/institutions/ik-test/index.html")
    for person_id in ("ivan-ivanau", "anna-bely", "piotr-no", "pavel-free"):
        assert f'people/{person_id}/#letter"' in page
    assert "counted-0001" not in page and "olga-where" not in page
    assert "246035, г. Гомель" in page
    # The index: the one institution of the fixture, with its four public people.
    [row] = parse(read(output, f"{lang}/institutions/index.html")).select("table tbody tr")
    assert select_one(row, "th a")["href"] == f"../../{lang}/institutions/ik-test/"
    assert text(row.find_all("td")[-1]) == "4"


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def test_birthdays_by_month_with_anchors(output, lang):
    source = read(output, f"{lang}/birthdays/index.html")
    page = parse(source)
    assert [month["id"] for month in page.select("section.month")] == MONTHS
    # Only Ivan: the others have only a year of birth, letters declined, are not held, are
    # counted only, or are held at a place not known.
    for person_id in ("anna-bely", "piotr-no", "pavel-free", "counted-0001", "olga-where"):
        assert person_id not in source
    entries = {month: [(text(item.select_one(".day")), item.select_one("a")["href"]) for item in
                       page.select(f"section#{month} ul.birthdays > li")] for month in MONTHS}
    assert entries == {month: [({"be": "14 сакавіка", "ru": "14 марта", "en": "14 March"}[lang],
                                f"../../{lang}/people/ivan-ivanau/#letter")] if month == "march" else []
                       for month in MONTHS}
    # The month's name heads its section; "this month" is added by the script.
    heading = select_one(page, "section#march h2#march-heading")
    assert collapse(next(heading.strings)) == {"be": "Сакавік", "ru": "Март", "en": "March"}[lang]
    assert heading.select_one(".this-month").has_attr("hidden")


def test_the_random_pick_chooses_only_public_people_who_can_receive_letters(output):
    data = json.loads(read(output, "data/letters.json"))
    assert data["people"] == ["anna-bely", "ivan-ivanau"]


def test_the_random_button_says_what_it_does(output, lang):
    """It picks uniformly among everyone who can receive letters: the site does not know who
    gets few letters, and the label does not claim it."""
    for path in (f"{lang}/index.html", f"{lang}/birthdays/index.html"):
        box = select_one(read(output, path), "[data-random-letter]")
        assert text(box.select_one("button")) == LANGUAGES[lang].gettext("Write to someone chosen at random")
        assert "few letters" not in read(output, path)


def test_an_old_id_redirects_to_the_person(output, lang):
    page = read(output, f"{lang}/people/ivan-ivanov/index.html")
    assert '<link rel="canonical" href="../../../' + lang + '/people/ivan-ivanau/">' in page
    assert f'content="0; url=../../../{lang}/people/ivan-ivanau/"' in page
    assert "ivan-ivanov" not in read(output, f"{lang}/people/index.html")


def test_redirect_keeps_the_anchor_and_copy_and_print_work_in_chromium(browser, output):
    with serve(output) as url:
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
        page = context.new_page()
        page.goto(f"{url}/en/people/ivan-ivanov/#letter")
        page.wait_for_url(f"{url}/en/people/ivan-ivanau/#letter")

        page.get_by_role("button", name="Copy the address").click()
        expect(page.locator(".letter-actions [role=status]")).to_have_text("The address is copied.")
        assert page.evaluate("navigator.clipboard.readText()") == (
            "ИК № 99\nул. Антошкина, 3\n246035, г. Гомель\nБеларусь / BELARUS\nИванов Иван Петрович, 1985 г.р.")

        page.evaluate("window.print = () => {}")
        page.get_by_role("button", name="Print the address and a letter sheet").click()
        page.emulate_media(media="print")
        assert page.locator("#envelope").is_visible()
        assert page.locator(".letter-sheet").is_visible()
        for hidden in (".site-header", "h1", ".facts", "#letter > p:not(.envelope)"):
            assert not page.locator(hidden).first.is_visible(), hidden
        context.close()


def test_without_javascript_the_address_is_there_and_the_buttons_are_not(browser, output):
    with serve(output) as url:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{url}/be/people/ivan-ivanau/")
        assert "246035, г. Гомель" in page.locator("#envelope").inner_text()
        assert not page.locator("#letter").get_by_role("button").count()
        context.close()


def test_this_month_is_marked_and_the_random_button_picks_someone(browser, output):
    with serve(output) as url:
        page = browser.new_page()
        page.clock.set_fixed_time("2026-03-10T12:00:00")
        page.goto(f"{url}/en/birthdays/")
        assert page.locator("#march").get_attribute("class") == "month current"
        assert page.locator("#march .this-month").is_visible()
        assert page.locator(".month.current").count() == 1
        page.get_by_role("button", name="Write to someone chosen at random").click()
        page.wait_for_url(re.compile(r"/en/people/(anna-bely|ivan-ivanau)/#letter$"))
        page.close()


@pytest.mark.parametrize("files, path, field, words", [
    ({"people/a.md": person("custody", name={"en": "A"}, aliases="[b]"), "people/b.md": person("custody", name={"en": "B"})},
     "people/a.md", "aliases", '"b" is already the id of'),
    ({"people/a.md": person("custody", name={"en": "A"}, aliases="[old]"),
      "people/c.md": person("custody", name={"en": "C"}, aliases="[old]")},
     "people/c.md", "aliases", '"old" is already an old id of'),
    ({"people/a.md": person("custody", name={"en": "A"}, aliases="[Old_Id]")}, "people/a.md", "aliases", "is not a valid entry"),
    ({"institutions/ik-test.yaml": COLONY, "people/a.md": person("custody", name={"en": "Anna"}, institution="ik-test")},
     "people/a.md", "letter_name", "no name in Cyrillic for the envelope"),
    ({"people/a.md": person("custody", name={"en": "A"}, letter_name="Ivanov Ivan")}, "people/a.md", "letter_name",
     "must be in Cyrillic"),
    ({"people/a.md": person("custody", name={"en": "A"}, letters="maybe")}, "people/a.md", "letters", "is not true or false"),
    ({"people/a.md": person("custody", name={"en": "A"}, letters_note={"en": "Why"})}, "people/a.md", "letters_note",
     "shown only where letters are not possible"),
    ({"institutions/ik-test.yaml": COLONY.replace("ул. Антошкина", "ul. Antoshkina")}, "institutions/ik-test.yaml",
     "address", "has Latin letters"),
    ({"institutions/ik-test.yaml": COLONY.replace("246035, ", "")}, "institutions/ik-test.yaml", "address", "no Belarusian postcode"),
    ({"institutions/ik-test.yaml": COLONY.replace("type: colony", "type: camp")}, "institutions/ik-test.yaml", "type",
     '"camp" is not a known type'),
    ({"institutions/ik-test.yaml": COLONY.replace("source: https://example.org/addresses\n", "")},
     "institutions/ik-test.yaml", "source", 'the required key "source" is missing'),
])
def test_letter_data_that_is_wrong_stops_the_build(tmp_path, monkeypatch, files, path, field, words):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        build(tmp_path, files)
    problems = [p for p in stopped.value.problems if p.path == f"content/{path}" and p.field == field]
    assert problems and words in str(problems[0]), str(stopped.value)


READS = {"be": "беларуская, руская, польская", "ru": "белорусский, русский, польский",
         "en": "Belarusian, Russian, Polish"}
SINCE = {"be": "з 2 лістапада 2023\u202fг.", "ru": "с 2 ноября 2023\u202fг.", "en": "since 2 November 2023"}


def test_the_page_says_since_when_the_person_is_held_there_and_what_they_read(output, lang):
    from helpers import text_of
    facts = text_of(read(output, f"{lang}/people/ivan-ivanau/index.html").split('<dl class="facts">', 1)[1]
                    .split("</dl>", 1)[0])
    assert SINCE[lang] in facts and READS[lang] in facts
    assert "польск" not in read(output, f"{lang}/people/anna-bely/index.html")  # nothing where nothing is known
