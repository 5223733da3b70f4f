"""The write page (/<lang>/write/): without scripts, the birthdays of the figures' month with
their envelope addresses, and the full lists; in Chromium, with the reader's clock set to fixed
days, the birthdays of the next 14 days (across a month's end, the year's end and 29 February),
the recent changes, people picked at random and the copy button. Never anyone who cannot
receive letters."""
from __future__ import annotations

import datetime
import json

import pytest
from playwright.sync_api import expect

from conftest import COLONY, COLONY_ENVELOPE, DESKTOP, LANGS, LANGUAGES, PHONE, build, person, read, serve
from gates import report
from gates.accessibility import axe_findings
from helpers import parse, select_one, text
from site_suite import Page

# The figures' date: the newest `updated` of the records. The month without scripts is December.
AS_OF = "2025-12-20"


def writable(name: dict, born: str | None = None, institution: str = "ik-test", **keys) -> str:
    return person("custody", name=name, born=born, institution=institution, updated=AS_OF, **keys)


FILES = {
    "institutions/ik-test.yaml": COLONY,
    # Born on the reader's day (24 December 2025) and on the last of the 14 days, in the new year.
    "people/alena-snezhnaya.md": writable({"be": "Алена Снежная", "ru": "Алёна Снежная", "en": "Alena Snezhnaya"},
                                          "1990-12-24"),
    "people/barys-navahodni.md": writable({"be": "Барыс Навагодні", "ru": "Борис Новогодний", "en": "Barys Navahodni"},
                                          "1985-01-06"),
    # The 15th day, and the day before: not in the 14 days from 24 December (she is in December's list).
    "people/dzmitry-pozni.md": writable({"ru": "Дмитрий Поздний", "en": "Dzmitry Pozni"}, "1979-01-07"),
    "people/hanna-uchora.md": writable({"be": "Ганна Учора", "ru": "Анна Вчера", "en": "Hanna Uchora"}, "1992-12-23"),
    # 29 February, at a place whose address needs checking (a Belarusian address, Pashkovichi).
    "people/yana-liutaya.md": writable({"be": "Яна Лютая", "ru": "Яна Лютая", "en": "Yana Liutaya"}, "1996-02-29",
                                       institution="sizo-1-minsk"),
    # 5 March: the 14th day from 20 February in a year without 29 February, the 15th in one with it.
    "people/mikhas-sakavik.md": writable({"be": "Міхась Сакавік", "ru": "Михаил Сакавик", "en": "Mikhas Sakavik"},
                                         "1988-03-05"),
    # Only the year of birth: no birthday.
    "people/ola-hod.md": writable({"ru": "Оля Год", "en": "Ola Hod"}, "1990"),
    # Moved on the first of the 30 days up to the figures' date; a new status on the day before them.
    "people/kastus-peravod.md": writable({"be": "Кастусь Пераводны", "ru": "Константин Переводный",
                                          "en": "Kastus Peravodny"}, "1970-06-15", institution_since="2025-11-21"),
    "people/lena-staraya.md": writable({"ru": "Лена Старая", "en": "Lena Staraya"}, status_since="2025-11-20"),
    "people/paval-novy.md": writable({"be": "Павал Новы", "ru": "Павел Новый", "en": "Paval Novy"},
                                     "1977-12-01", status_since="2025-12-10"),
    # Who cannot receive letters, each with a birthday in the 14 days and in December, and a recent change:
    # the family asks not to write; released; held at a place not known; counted only.
    "people/piotr-niama.md": writable({"be": "Пётр Няма", "ru": "Пётр Нет", "en": "Piotr Niama"}, "1980-12-25",
                                      letters="false", status_since="2025-12-15",
                                      letters_note={"en": "The family asks not to write for now."}),
    "people/volny-volny.md": person("released", name={"ru": "Вольный Вольный", "en": "Volny Volny"}, born="1975-12-26",
                                    status_since="2025-12-01", updated=AS_OF),
    "people/olga-dze.md": person("custody", name={"ru": "Ольга Где", "en": "Olga Dze"}, born="1991-12-27",
                                 status_since="2025-12-05", updated=AS_OF),
    "people/counted-0001.md": person("custody", visibility="counted", updated=AS_OF),
}
WRITABLE = ["alena-snezhnaya", "barys-navahodni", "dzmitry-pozni", "hanna-uchora", "yana-liutaya", "mikhas-sakavik",
            "ola-hod", "kastus-peravod", "lena-staraya", "paval-novy"]
CANNOT = ["piotr-niama", "volny-volny", "olga-dze", "counted-0001"]


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("write"), FILES, ("data", "institutions", "pages"))


def write_page(output, lang):
    return read(output, f"{lang}/write/index.html")


# Without scripts ---------------------------------------------------------------------------


def test_without_scripts_the_birthdays_of_the_figures_month_with_their_envelopes(output, lang):
    page = parse(write_page(output, lang))
    gettext = LANGUAGES[lang].gettext
    assert text(page.h1) == gettext("Write this week")
    month = select_one(page, "section#this-month[data-write-fallback]")
    assert text(month.h2) == gettext("Birthdays: %(month)s") % {"month": {"be": "Снежань", "ru": "Декабрь",
                                                                            "en": "December"}[lang]}
    entries = month.select("ul.letter-people > li")
    # By day; only those who can receive letters (not Piotr, 25th; Volny, 26th; Olga, 27th).
    assert [entry.h3.a["href"] for entry in entries] == [
        f"../../{lang}/people/{person_id}/#letter" for person_id in ("paval-novy", "hanna-uchora", "alena-snezhnaya")]
    assert [text(entry.select_one(".about")) for entry in entries] == [
        {"be": f"{day} снежня", "ru": f"{day} декабря", "en": f"{day} December"}[lang] for day in (1, 23, 24)]
    alena = entries[2]
    assert text(alena.h3) == {"be": "Алена Снежная", "ru": "Алёна Снежная", "en": "Alena Snezhnaya"}[lang]
    assert alena.select_one(".institution a")["href"] == f"../../{lang}/institutions/ik-test/"
    envelope = select_one(alena, "p.envelope")
    assert (envelope["id"], envelope["lang"], envelope["translate"]) == ("envelope-alena-snezhnaya", "ru", "no")
    assert [line.strip() for line in envelope.get_text().splitlines() if line.strip()] == [
        *COLONY_ENVELOPE, "Алёна Снежная, 1990 г.р."]
    assert not alena.select(".warning")  # its address was checked
    # The copy button waits for the script (letters.js), as on a person's page.
    actions = select_one(alena, "p.letter-actions")
    assert actions.has_attr("hidden") and actions.button["data-copy"] == "envelope-alena-snezhnaya"


def test_no_one_who_cannot_receive_letters_is_on_the_page(output, lang):
    source = write_page(output, lang)
    for person_id in CANNOT:
        assert person_id not in source
    for name in ("Пётр", "Piotr", "Volny", "Вольный", "Olga", "Ольга"):
        assert name not in source.split("<main", 1)[1]


def test_the_scripts_part_waits_hidden_with_its_data_file_and_strings(output, lang):
    page = parse(write_page(output, lang))
    week = select_one(page, "div[data-write]")
    assert week.has_attr("hidden")  # shown by write.js once the data is read
    assert week["data-source"] == f"../../data/letters-{lang}.json"
    assert week["data-root"] == "../../"
    assert week["data-locale"] == {"be": "be", "ru": "ru", "en": "en-GB"}[lang]
    assert json.loads(week["data-months"])[2] == LANGUAGES[lang].month_in_date(3)
    assert [section["id"] for section in week.select("section")] == ["soon", "changed", "anyone"]
    assert all(section.select_one("h2") and not section.select("li") for section in week.select("section"))
    # The counts' plural forms, as the lists' counters have them (be and ru: one, few, many).
    forms = json.loads(select_one(week, "#soon [data-summary]")["data-forms"])
    assert set(forms) == ({"one", "other"} if lang == "en" else {"one", "few", "many"})
    assert page.select_one("[role=status][data-write-failed]")
    assert 'src="../../theme/js/letters.js"' in write_page(output, lang)
    assert 'src="../../theme/js/write.js"' in write_page(output, lang)
    # The window of recent changes is the figures' date, said on the page.
    date = LANGUAGES[lang].date(datetime.date(2025, 12, 20))
    assert date in text(select_one(week, "section#changed"))


def test_the_page_links_the_full_lists_and_is_linked_near_the_birthdays(output, lang):
    page = parse(write_page(output, lang))
    links = [link["href"] for link in select_one(page, "ul.full-lists").select("a")]
    assert links == [f"../../{lang}/birthdays/#december", f"../../{lang}/people/", f"../../{lang}/institutions/",
                     f"../../{lang}/how-to-write/"]
    assert f'href="../../{lang}/write/"' in read(output, f"{lang}/birthdays/index.html")
    assert f'href="../{lang}/write/"' in read(output, f"{lang}/index.html")  # beside "Birthdays by month"
    assert f'href="../../{lang}/how-to-write/"' in str(page.main.p)


def test_the_data_the_script_reads(output, lang):
    data = json.loads(read(output, f"data/letters-{lang}.json"))
    assert data["as_of"] == AS_OF and data["lang"] == lang
    people = {entry["id"]: entry for entry in data["people"]}
    assert sorted(people) == sorted(WRITABLE)
    assert people["yana-liutaya"]["born"] == "1996-02-29" and people["ola-hod"]["born"] is None
    assert people["kastus-peravod"]["changed"] == "2025-11-21" and people["paval-novy"]["changed"] == "2025-12-10"
    assert people["alena-snezhnaya"]["recipient"] == "Алёна Снежная, 1990 г.р."
    assert data["institutions"]["ik-test"]["address"] == COLONY_ENVELOPE
    assert data["institutions"]["sizo-1-minsk"]["recheck"] is True


# In the real Chromium ------------------------------------------------------------------------



@pytest.fixture(scope="module")
def server(output):
    with serve(output) as url:
        yield url


@pytest.fixture
def open_page(new_tab, server):
    """Opens a write page with the reader's clock at a fixed moment, in a time zone."""
    def _open(lang, moment, viewport=PHONE, timezone="Europe/Minsk", javascript=True):
        page = new_tab(viewport, javascript, timezone=timezone, clipboard_origin=server, console_errors=True)
        if javascript:
            page.clock.set_fixed_time(moment)
        page.goto(f"{server}/{lang}/write/")
        if javascript:
            expect(page.locator("[data-write]")).to_be_visible()
        return page

    return _open


def shown(page, section):
    """(person id, the line about them) of each person a section shows."""
    return [tuple(item) for item in page.eval_on_selector_all(
        f"#{section} [data-list] > li",
        "items => items.map(li => [li.querySelector('h3 a').getAttribute('href').split('/').slice(-2)[0],"
        " li.querySelector('.about').innerText])")]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_birthdays_of_the_next_14_days_across_the_years_end_and_the_recent_changes(open_page, viewport):
    # 23 December 22:30 UTC is already 24 December in Minsk: the reader's own date counts.
    page = open_page("en", "2025-12-23T22:30:00Z", viewport)
    assert shown(page, "soon") == [("alena-snezhnaya", "24 December · today"), ("barys-navahodni", "6 January")]
    assert page.locator("#soon [data-summary]").inner_text() == (
        "2 birthdays from 24 December to 6 January, counted from today in your own calendar:")
    # The 30 days up to the figures' date (20 December), the latest change first.
    assert shown(page, "changed") == [("paval-novy", "Changed on 10 December · Birthday: 1 December"),
                                      ("kastus-peravod", "Changed on 21 November · Birthday: 15 June")]
    assert page.locator("#changed [data-summary]").inner_text() == "2 people, the latest change first:"
    assert page.locator("#changed time").first.get_attribute("datetime") == "2025-12-10"
    # The month's list without scripts gives way; nothing is wider than the screen.
    assert not page.locator("#this-month").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    # Every entry has its envelope (the place's lines, then the recipient's) and a copy button.
    alena = page.locator("#soon li").first
    assert alena.locator(".envelope").inner_text().splitlines() == [*COLONY_ENVELOPE, "Алёна Снежная, 1990 г.р."]
    assert alena.locator(".envelope").get_attribute("lang") == "ru"
    assert alena.locator(".envelope").get_attribute("translate") == "no"
    expect(alena.get_by_role("button", name="Copy the address")).to_be_visible()
    assert alena.locator(".institution a").get_attribute("href") == "../../en/institutions/ik-test/"
    assert not page.errors, page.errors


def test_in_another_time_zone_it_is_still_the_day_before(open_page):
    page = open_page("en", "2025-12-23T22:30:00Z", timezone="America/New_York")  # 17:30 on 23 December
    assert shown(page, "soon") == [("hanna-uchora", "23 December · today"), ("alena-snezhnaya", "24 December")]


@pytest.mark.parametrize("lang, moment, expected, summary", [
    # 2027 has no 29 February: Yana's birthday is on the 28th; 5 March is the 14th day.
    ("be", "2027-02-20T09:00:00", [("yana-liutaya", "28 лютага · Дзень нараджэння: 29 лютага"),
                                   ("mikhas-sakavik", "5 сакавіка")], "з 20 лютага па 5 сакавіка"),
    # 2028 has one; 5 March is then the 15th day.
    ("ru", "2028-02-20T09:00:00", [("yana-liutaya", "29 февраля")], "с 20 февраля по 4 марта"),
    ("en", "2028-02-29T09:00:00", [("yana-liutaya", "29 February · today"), ("mikhas-sakavik", "5 March")],
     "from 29 February to 13 March"),
])
def test_birthdays_across_the_end_of_february(open_page, lang, moment, expected, summary):
    page = open_page(lang, moment)
    assert shown(page, "soon") == expected
    assert summary in page.locator("#soon [data-summary]").inner_text()
    yana = page.locator("#soon li").first
    assert yana.locator(".envelope").get_attribute("lang") == "be"  # СІЗА № 1, Пашковічы
    expect(yana.locator(".warning")).to_be_visible()  # an address to check before sending


def test_a_fortnight_without_birthdays_says_so(open_page):
    page = open_page("en", "2025-07-01T12:00:00")
    assert shown(page, "soon") == []
    assert page.locator("#soon [data-summary]").inner_text() == (
        "No one who can receive letters has a birthday from 1 July to 14 July.")


def picked(page):
    return [person_id for person_id, _ in shown(page, "anyone")]


def test_a_few_people_at_random_and_others_on_request(open_page):
    page = open_page("en", "2025-12-23T22:30:00Z")
    above = {"alena-snezhnaya", "barys-navahodni", "paval-novy", "kastus-peravod"}
    first = picked(page)
    # Four, none of them shown above while others are left, all of them people who can receive letters.
    assert len(first) == len(set(first)) == 4 and set(first) <= set(WRITABLE) - above
    assert page.locator("#anyone [data-summary]").inner_text() == (
        "10 people can receive letters. A few of them, picked at random:")
    page.get_by_role("button", name="Show others").click()
    expect(page.locator("#anyone > .letter-actions > [role=status]")).to_have_text("4 other people are shown.")
    second = picked(page)
    # The two never shown first, then two of those shown before.
    assert len(second) == len(set(second)) == 4 and set(second) <= set(WRITABLE)
    assert set(WRITABLE) - above - set(first) <= set(second)
    assert set(second) != set(first)
    for _ in range(5):
        page.get_by_role("button", name="Show others").click()
        assert set(picked(page)) <= set(WRITABLE)
    assert not page.errors, page.errors


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_the_copy_button_copies_the_envelope(open_page, viewport):
    page = open_page("ru", "2025-12-23T22:30:00Z", viewport)
    barys = page.locator("#soon li").nth(1)
    barys.get_by_role("button").click()
    expect(barys.get_by_role("status")).to_have_text(LANGUAGES["ru"].gettext("The address is copied."))
    assert page.evaluate("navigator.clipboard.readText()") == "\n".join(
        [*COLONY_ENVELOPE, "Борис Новогодний, 1985 г.р."])
    # A person shown in two sections has an envelope in each, each copied by its own button.
    ids = page.eval_on_selector_all(".envelope", "envelopes => envelopes.map(e => e.id)")
    assert len(ids) == len(set(ids))


def test_without_javascript_the_month_and_the_lists(open_page):
    page = open_page("be", None, javascript=False)
    assert not page.locator("[data-write]").is_visible()
    assert page.locator("#this-month").is_visible()
    assert page.locator("#this-month li").count() == 3
    assert not page.locator("main").get_by_role("button").count()  # the copy buttons wait for the script


def test_where_the_data_cannot_be_loaded_the_month_stays(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.route("**/data/letters-en.json", lambda route: route.fulfill(status=404))
    page.goto(f"{server}/en/write/")
    expect(page.locator("[data-write-failed]")).to_have_text(
        "The list could not be loaded. Choose someone from the birthdays page instead.")
    assert not page.locator("[data-write]").is_visible()
    assert page.locator("#this-month").is_visible()
    # letters.js still offers the month's copy buttons.
    expect(page.locator("#this-month").get_by_role("button").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation_once_the_script_has_shown_the_week(open_page, lang):
    page = open_page(lang, "2025-12-23T22:30:00Z")
    findings = axe_findings(page, Page("write", lang, f"{lang}/write/"))
    assert not findings, report(findings, "accessibility violations (axe-core)")
