"""The birthday calendars of a real build, read with the icalendar library as calendar apps
read them: every .ics file, its events and their UIDs, no one who cannot receive letters, the
same UIDs and bytes in two builds, a moved person at the new place only, and the links."""
from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from conftest import COLONY, LANGS, SIZO, build, person, read
from helpers import parse as parse_html
from helpers import select_one

SITEURL = "https://politprisoners.example/portal"
DOMAIN = "politprisoners.example"

FILES = {
    "institutions/ik-test.yaml": COLONY,
    "institutions/sizo-test.yaml": SIZO,
    # In the calendars: can receive letters, and the full date of birth is known.
    "people/ivan-ivanau.md": person(
        "custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}, born="1985-03-14",
        institution="ik-test", letter_name="Иванов Иван Петрович", aliases="[ivan-ivanov]", updated="2024-01-10"),
    "people/leap-day.md": person("custody", name={"ru": "Лера Високосная", "en": "Lera Visokosnaya"}, born="1988-02-29",
                                 institution="sizo-test"),
    # Moved from the colony to the SIZO: the record names the new place.
    "people/moved-one.md": person("custody", name={"ru": "Михаил Переведённый", "en": "Mikhail Perevedyonny"},
                                  born="1979-12-31", institution="sizo-test", institution_since="2023-12-01",
                                  updated="2023-12-05"),
    # Not in any calendar: only a year of birth; the family asks not to write; place unknown;
    # no longer held (twice); counted only.
    "people/anna-bely.md": person("custody", name={"ru": "Анна Белая", "en": "Anna Bely"}, born="1990", institution="ik-test"),
    "people/piotr-no.md": person("custody", name={"be": "Пётр Ня", "en": "Piotr Nia"}, born="1970-03-01",
                                 institution="ik-test", letters="false",
                                 letters_note={"en": "The family asks not to write for now."}),
    "people/olga-where.md": person("custody", name={"ru": "Ольга Где", "en": "Olga Gde"}, born="1991-07-07"),
    "people/pavel-free.md": person("pardoned", name={"ru": "Павел Вольный", "en": "Pavel Volny"}, born="1980-03-03",
                                   institution="ik-test"),
    "people/lena-out.md": person("released", name={"ru": "Лена Вышедшая", "en": "Lena Out"}, born="1975-05-05",
                                 institution="sizo-test"),
    "people/counted-0001.md": person("custody", visibility="counted"),
}
IN_CALENDARS = {"ik-test": ["ivan-ivanau"], "sizo-test": ["leap-day", "moved-one"]}
NEVER = ["anna-bely", "piotr-no", "olga-where", "pavel-free", "lena-out", "counted-0001"]


def uid(person_id: str) -> str:
    return f"birthday-{person_id}@{DOMAIN}"


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("calendars"), FILES, SITEURL=SITEURL)


def calendar_files(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*.ics"))}


def parse(data: bytes) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    for component in calendar.walk():
        assert not component.errors, (component.name, component.errors)
    return calendar


def uids(data: bytes) -> list[str]:
    return [str(event["UID"]) for event in parse(data).walk("VEVENT")]


def test_every_calendar_is_there_and_parses(output):
    files = calendar_files(output)
    # Everyone's in each language, and each institution's (the fixture's two).
    assert sorted(files) == sorted([f"{lang}/birthdays.ics" for lang in LANGS]
                                   + [f"{lang}/institutions/{place}/birthdays.ics" for lang in LANGS
                                      for place in IN_CALENDARS])
    for name, data in files.items():
        calendar = parse(data)
        assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH", name
        assert data.endswith(b"END:VCALENDAR\r\n") and b"\n" not in data.replace(b"\r\n", b""), name
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), name


def test_everyone_who_can_receive_letters_and_has_a_birthday_is_in_the_calendar(output, lang):
    data = (output / f"{lang}/birthdays.ics").read_bytes()
    # The same people as the letter writers' data with a full date of birth.
    letters = json.loads(read(output, f"data/letters-{lang}.json"))
    assert sorted(uids(data)) == sorted(uid(entry["id"]) for entry in letters["people"] if entry["born"])
    assert sorted(uids(data)) == sorted(uid(person_id) for people in IN_CALENDARS.values() for person_id in people)


def test_no_one_who_cannot_receive_letters_is_in_any_calendar(output):
    for name, data in calendar_files(output).items():
        text = data.decode("utf-8").replace("\r\n ", "")
        for person_id in NEVER:
            assert person_id not in text, (name, person_id)
        for name_part in ("Анна Белая", "Пётр Ня", "Ольга Где", "Павел Вольный", "Лена Вышедшая"):
            assert name_part not in text, (name, name_part)


def test_each_institution_has_its_people(output, lang):
    for place, people in IN_CALENDARS.items():
        data = (output / f"{lang}/institutions/{place}/birthdays.ics").read_bytes()
        assert sorted(uids(data)) == [uid(person_id) for person_id in people]
        calendar = parse(data)
        assert str(calendar["SOURCE"]) == f"{SITEURL}/{lang}/institutions/{place}/birthdays.ics"
        assert str(calendar["URL"]) == f"{SITEURL}/{lang}/institutions/{place}/"


def events_by_uid(data: bytes) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in parse(data).walk("VEVENT")}


def test_an_event_has_the_birthday_the_address_and_the_page(output):
    events = events_by_uid((output / "en/birthdays.ics").read_bytes())
    ivan = events[uid("ivan-ivanau")]
    assert ivan["DTSTART"].dt.isoformat() == "1985-03-14" and ivan["RRULE"] == {"FREQ": ["YEARLY"]}
    assert str(ivan["SUMMARY"]) == "Birthday: Ivan Ivanau"
    assert str(ivan["URL"]) == f"{SITEURL}/en/people/ivan-ivanau/#letter"
    assert str(ivan["DESCRIPTION"]).split("\n") == [
        "Address for letters:", "ИК № 99", "ул. Антошкина, 3", "246035, г. Гомель", "Беларусь / BELARUS",
        "Иванов Иван Петрович, 1985 г.р.", "", f"{SITEURL}/en/people/ivan-ivanau/#letter"]
    assert ivan["DTSTAMP"].dt.date().isoformat() == "2024-01-10"  # the date of the figures
    leap = events[uid("leap-day")]
    assert leap["DTSTART"].dt.isoformat() == "1988-02-29"
    assert leap["RRULE"] == {"FREQ": ["YEARLY"], "BYMONTH": [2], "BYMONTHDAY": [-1]}


def test_a_moved_person_has_the_new_address_only(output, lang):
    data = (output / f"{lang}/birthdays.ics").read_bytes()
    description = str(events_by_uid(data)[uid("moved-one")]["DESCRIPTION"])
    assert "СИЗО № 1\nул. Володарского, 2\n220030, г. Минск" in description
    assert "ИК № 99" not in description and "Гомель" not in description
    assert uid("moved-one") not in uids((output / f"{lang}/institutions/ik-test/birthdays.ics").read_bytes())


def test_two_builds_give_the_same_uids_and_bytes(output, tmp_path):
    again = build(tmp_path, FILES, SITEURL=SITEURL)
    first, second = calendar_files(output), calendar_files(again)
    assert first.keys() == second.keys()
    assert {name: uids(data) for name, data in first.items()} == {name: uids(data) for name, data in second.items()}
    assert [name for name in first if first[name] != second[name]] == []


def test_a_changed_record_keeps_its_uid_and_a_move_or_a_closed_place_leaves_nothing_behind(tmp_path):
    """Rebuilt in the same folder: a corrected name, a move back to the colony, a person who
    can no longer receive letters and an institution removed."""
    output = build(tmp_path, FILES, SITEURL=SITEURL)
    before = events_by_uid((output / "en/birthdays.ics").read_bytes())
    content = tmp_path / "content"
    (content / "people/moved-one.md").write_text(person(
        "custody", name={"ru": "Михаил Переведённый", "en": "Mikhail Perevedyonnyi"}, born="1979-12-31",
        institution="ik-test", institution_since="2024-02-01", updated="2024-02-01"), encoding="utf-8")
    (content / "people/leap-day.md").unlink()
    (content / "institutions/sizo-test.yaml").unlink()
    (content / "people/ivan-ivanau.md").write_text(
        FILES["people/ivan-ivanau.md"].replace("status: custody", "status: pardoned"), encoding="utf-8")
    (content / "people/lena-out.md").unlink()
    build(tmp_path, None, SITEURL=SITEURL)
    after = events_by_uid((output / "en/birthdays.ics").read_bytes())
    assert list(after) == [uid("moved-one")]
    assert set(after) <= set(before)
    moved = after[uid("moved-one")]
    assert str(moved["SUMMARY"]) == "Birthday: Mikhail Perevedyonnyi"
    assert str(moved["DESCRIPTION"]).startswith("Address for letters:\nИК № 99\n")
    assert moved["DTSTAMP"].dt.date().isoformat() == "2024-02-01"
    for lang in LANGS:
        assert not (output / f"{lang}/institutions/sizo-test").exists()  # the page and its calendar are gone
        assert uids((output / f"{lang}/institutions/ik-test/birthdays.ics").read_bytes()) == [uid("moved-one")]


def test_without_siteurl_the_calendars_are_written_without_links(tmp_path):
    output = build(tmp_path, FILES)
    calendar = parse((output / "en/birthdays.ics").read_bytes())
    assert "URL" not in calendar and "SOURCE" not in calendar
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == sorted(f"birthday-{person_id}@localhost" for people in IN_CALENDARS.values()
                                    for person_id in people)
    assert all("URL" not in event for event in events.values())


def test_the_pages_link_to_their_calendars(output, lang):
    page = read(output, f"{lang}/birthdays/index.html")
    link = select_one(page, 'p.calendar a[type="text/calendar"]')
    assert link["href"] == f"../../{lang}/birthdays.ics"
    assert (output / f"{lang}/birthdays/" / link["href"]).resolve() == (output / f"{lang}/birthdays.ics").resolve()
    for place in IN_CALENDARS:
        page = read(output, f"{lang}/institutions/{place}/index.html")
        link = select_one(page, 'p.calendar a[type="text/calendar"]')
        assert link["href"] == f"../../../{lang}/institutions/{place}/birthdays.ics"
        assert (output / f"{lang}/institutions/{place}" / link["href"]).resolve().is_file()


def test_an_empty_setting_turns_the_calendars_and_their_links_off(tmp_path):
    output = build(tmp_path, FILES, BIRTHDAYS_CALENDAR_SAVE_AS="", INSTITUTION_CALENDAR_SAVE_AS="")
    assert calendar_files(output) == {}
    assert not parse_html(read(output, "en/birthdays/index.html")).select("p.calendar")
    assert not parse_html(read(output, "en/institutions/ik-test/index.html")).select("p.calendar")
