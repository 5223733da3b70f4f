"""The birthday calendars' text (publish/calendars.py), without a build: RFC 5545's escaping and
folding, the yearly rule (29 February), who is in a calendar and with which address, stable
UIDs and bytes. Each calendar is also read back with the icalendar library, as apps read it."""
from __future__ import annotations

import datetime

import icalendar
import pytest
from dateutil.rrule import rrulestr

from conftest import LANGUAGES, SETTINGS
from portal.content.model import Category, Group, Institution, InstitutionType, Person
from portal.language.localized import Localized
from portal.pages.urls import Urls
from portal.publish.calendars import Calendars, escape_text, fold, has_birthday, uid_domain, yearly_rule

D = datetime.date
AS_OF = D(2024, 1, 10)
SITE = {**SETTINGS, "SITEURL": "https://politprisoners.example/portal"}

GROUP = Group("political-prisoner", Localized({"en": "Political prisoners"}), Localized({}))
CUSTODY = Category("custody", Localized({"en": "In custody"}), Localized({}), GROUP, held=True)
RELEASED = Category("released", Localized({"en": "Released"}), Localized({}), GROUP, held=False)
COLONY = InstitutionType("colony", Localized({"en": "Colony"}))


def place(place_id: str, *address: str, recheck: bool = False) -> Institution:
    return Institution(place_id, COLONY, Localized({"en": f"Colony {place_id}", "be": f"Калонія {place_id}"}),
                       list(address), "Гомель", None, "https://example.org", D(2023, 5, 2), recheck,
                       f"institutions/{place_id}.yaml")


OLD_PLACE = place("ik-old", "ИК № 1", "ул. Старая, 1", "211440, г. Новополоцк")
NEW_PLACE = place("ik-new", "ИК № 99", "ул. Антошкина, 3", "246035, г. Гомель")


def record(person_id: str, born=D(1985, 3, 14), category=CUSTODY, institution=NEW_PLACE, **keys) -> Person:
    return Person(**{"id": person_id, "source_path": f"people/{person_id}.md", "category": category,
                     "updated": D(2023, 1, 1), "born": born, "institution": institution,
                     "name": Localized({"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}), **keys})


def calendars(people, settings=SITE, as_of=AS_OF) -> Calendars:
    return Calendars(people, settings, Urls(settings), as_of)


def parse(text: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(text)
    for component in calendar.walk():
        assert not component.errors, (component.name, component.errors)
    return calendar


def events(text: str) -> dict[str, icalendar.Event]:
    """The calendar's events by UID."""
    return {str(event["UID"]): event for event in parse(text).walk("VEVENT")}


def unfolded(text: str) -> str:
    return text.replace("\r\n ", "")


# Escaping and folding

@pytest.mark.parametrize("value, escaped", [
    ("plain", "plain"),
    ("a, b; c", "a\\, b\\; c"),
    ("back\\slash", "back\\\\slash"),
    ("two\nlines", "two\\nlines"),
    ("windows\r\nline\rends", "windows\\nline\\nends"),
    ("bell\x07 and tab\t", "bell and tab\t"),  # control characters go, the tab stays
    ("\\;", "\\\\\\;"),  # the backslash first, so a semicolon's escape is not escaped again
])
def test_text_is_escaped(value, escaped):
    assert escape_text(value) == escaped


@pytest.mark.parametrize("line", [
    "DESCRIPTION:" + "x" * 200,
    "SUMMARY:" + "Іван Іванаў " * 20,  # two octets a letter
    "SUMMARY:" + "ab" + "Ж" * 40,  # a letter would straddle the 75th octet
    "X:" + "🕯" * 40,  # four octets a character
])
def test_long_lines_are_folded_at_75_octets_never_inside_a_character(line):
    folded = fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 1
    for number, part in enumerate(physical):
        assert len(part.encode("utf-8")) <= 75
        if number:
            assert part.startswith(" ") and len(part) > 1
    assert "".join(part[1:] if number else part for number, part in enumerate(physical)) == line
    # Each piece is whole characters: joined by an unfolding parser, the octets are the line's.
    assert folded.encode("utf-8").replace(b"\r\n ", b"") == line.encode("utf-8")


def test_a_line_of_75_octets_is_not_folded_and_76_is():
    assert fold("X" * 75) == "X" * 75
    assert fold("X" * 76) == "X" * 75 + "\r\n X"


def test_every_line_ends_with_crlf_and_none_is_longer_than_75_octets():
    text = calendars([record("ivan-ivanau", letter_name="Иванов Иван Петрович, очень длинное имя для проверки")]
                     ).birthdays(LANGUAGES["be"])
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_names_with_commas_and_semicolons_survive_the_parser():
    person = record("a-b", name=Localized({"en": "Ales, the; \\ one"}), letter_name="Алесь")
    [event] = events(calendars([person]).birthdays(LANGUAGES["en"])).values()
    assert str(event["SUMMARY"]) == "Birthday: Ales, the; \\ one"


# The yearly rule

def test_an_ordinary_birthday_recurs_on_its_day():
    [event] = events(calendars([record("ivan-ivanau")]).birthdays(LANGUAGES["en"])).values()
    assert event["DTSTART"].dt == D(1985, 3, 14) and event["DTEND"].dt == D(1985, 3, 15)
    assert event["RRULE"] == {"FREQ": ["YEARLY"]}


def test_29_february_falls_on_28_february_in_other_years():
    assert yearly_rule(D(1988, 2, 29)) == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    assert yearly_rule(D(1988, 2, 28)) == "FREQ=YEARLY"
    [event] = events(calendars([record("leap", born=D(1988, 2, 29))]).birthdays(LANGUAGES["en"])).values()
    start = event["DTSTART"].dt
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=datetime.datetime.combine(start, datetime.time()))
    days = [day.date() for day in rule.between(datetime.datetime(2021, 1, 1), datetime.datetime(2025, 1, 1))]
    assert days == [D(2021, 2, 28), D(2022, 2, 28), D(2023, 2, 28), D(2024, 2, 29)]
    assert start == D(1988, 2, 29)  # the first occurrence is the day of birth itself


# Who is in a calendar

def test_only_people_who_can_receive_letters_and_whose_birthday_is_known():
    people = [
        record("can"),
        record("declined", letters=False, letters_note=Localized({"en": "The family asks not to write."})),
        record("released", category=RELEASED),
        record("place-unknown", institution=None),
        record("only-a-year", born=1990),
        record("no-birth-date", born=None),
    ]
    assert [person.id for person in people if has_birthday(person)] == ["can"]
    built = calendars(people)
    for language in LANGUAGES:
        assert list(events(built.birthdays(language))) == ["birthday-can@politprisoners.example"]
        assert list(events(built.institution(NEW_PLACE, language))) == ["birthday-can@politprisoners.example"]


def test_a_moved_person_is_at_the_new_place_with_its_address_only():
    moved = record("moved", institution=NEW_PLACE, institution_since=D(2023, 12, 1), letter_name="Иванов Иван")
    built = calendars([moved])
    [event] = events(built.birthdays(LANGUAGES["en"])).values()
    assert str(event["DESCRIPTION"]).split("\n")[:6] == [
        "Address for letters:", "ИК № 99", "ул. Антошкина, 3", "246035, г. Гомель", "Беларусь / BELARUS",
        "Иванов Иван, 1985 г.р."]
    assert "Новополоцк" not in unfolded(built.birthdays(LANGUAGES["en"]))
    assert list(events(built.institution(NEW_PLACE, LANGUAGES["en"]))) == ["birthday-moved@politprisoners.example"]
    assert events(built.institution(OLD_PLACE, LANGUAGES["en"])) == {}


def test_an_institution_without_birthdays_is_a_valid_empty_calendar():
    text = calendars([]).institution(OLD_PLACE, LANGUAGES["en"])
    calendar = parse(text)
    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]) == "Birthdays · Colony ik-old"
    assert str(calendar["SOURCE"]) == "https://politprisoners.example/portal/en/institutions/ik-old/birthdays.ics"


# What an event says

def test_an_event_in_each_language(lang):
    language = LANGUAGES[lang]
    [event] = events(calendars([record("ivan-ivanau", letter_name="Иванов Иван Петрович")]).birthdays(language)).values()
    assert str(event["SUMMARY"]) == language.gettext("Birthday: %(name)s") % {"name": language.text(record("x").name)}
    page = f"https://politprisoners.example/portal/{lang}/people/ivan-ivanau/#letter"
    assert str(event["URL"]) == page
    assert str(event["DESCRIPTION"]) == "\n".join([
        language.gettext("Address for letters") + ":", "ИК № 99", "ул. Антошкина, 3", "246035, г. Гомель",
        "Беларусь / BELARUS", "Иванов Иван Петрович, 1985 г.р.", "", page])
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_an_address_to_check_says_so():
    doubtful = place("ik-old", "ИК № 1", "ул. Старая, 1", "211440, г. Новополоцк", recheck=True)
    [event] = events(calendars([record("a", institution=doubtful)]).birthdays(LANGUAGES["en"])).values()
    assert "taken from an older publication" in str(event["DESCRIPTION"])


def test_the_calendar_properties():
    calendar = parse(calendars([record("ivan-ivanau")]).birthdays(LANGUAGES["en"]))
    assert {key: str(calendar[key]) for key in ("VERSION", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "URL",
                                                "SOURCE", "X-PUBLISHED-TTL")} == {
        "VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH",
        "NAME": "Birthdays · Political prisoners of Belarus", "X-WR-CALNAME": "Birthdays · Political prisoners of Belarus",
        "URL": "https://politprisoners.example/portal/en/birthdays/",
        "SOURCE": "https://politprisoners.example/portal/en/birthdays.ics", "X-PUBLISHED-TTL": "P1D"}
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(days=1)
    assert str(calendar["PRODID"]).startswith("-//Political prisoners of Belarus//")


def test_without_siteurl_the_calendar_has_no_links_but_every_birthday_and_address():
    settings = {**SETTINGS, "SITEURL": ""}
    text = calendars([record("ivan-ivanau")], settings=settings).birthdays(LANGUAGES["en"])
    calendar = parse(text)
    assert "URL" not in calendar and "SOURCE" not in calendar
    [event] = calendar.walk("VEVENT")
    assert "URL" not in event and "http" not in unfolded(text)
    assert str(event["DESCRIPTION"]).endswith("Иван Иванов, 1985 г.р.")
    assert str(event["UID"]) == "birthday-ivan-ivanau@localhost"


# Stable: UIDs and bytes

def test_the_uid_is_the_id_and_a_domain_and_survives_changes_to_the_record():
    before = calendars([record("ivan-ivanau")]).birthdays(LANGUAGES["en"])
    corrected = record("ivan-ivanau", born=D(1985, 3, 15), institution=OLD_PLACE, name=Localized({"en": "Ivan Ivanaŭ", "ru": "Иван Иванов"}),
                       updated=D(2024, 2, 1))
    after = calendars([corrected], as_of=D(2024, 2, 1)).birthdays(LANGUAGES["en"])
    assert list(events(before)) == list(events(after)) == ["birthday-ivan-ivanau@politprisoners.example"]
    # The same in every language, so that an event imported from two calendars stays one.
    assert {uid for language in LANGUAGES for uid in events(calendars([record("ivan-ivanau")]).birthdays(language))} \
        == {"birthday-ivan-ivanau@politprisoners.example"}


@pytest.mark.parametrize("settings, domain", [
    ({"SITEURL": "https://politprisoners.example/portal"}, "politprisoners.example"),
    ({"SITEURL": "https://Mirror.Example:8443"}, "mirror.example"),
    ({"SITEURL": "https://mirror.example", "CALENDAR_UID_DOMAIN": "politprisoners.example"}, "politprisoners.example"),
    ({"SITEURL": ""}, "localhost"),
])
def test_the_uid_domain(settings, domain):
    assert uid_domain(settings) == domain


def test_the_stamp_is_the_date_of_the_figures_and_two_runs_give_the_same_bytes():
    people = [record("b", born=D(1990, 11, 2)), record("a", born=D(1970, 1, 5)), record("c", born=D(1970, 1, 5))]
    first = calendars(people).birthdays(LANGUAGES["ru"])
    assert first == calendars(list(reversed(people))).birthdays(LANGUAGES["ru"])
    parsed = events(first)
    assert {event["DTSTAMP"].dt for event in parsed.values()} == {datetime.datetime(2024, 1, 10, tzinfo=datetime.timezone.utc)}
    # In the order of the year, then of the id.
    assert list(parsed) == [f"birthday-{person_id}@politprisoners.example" for person_id in ("a", "c", "b")]
