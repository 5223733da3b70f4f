"""Birthday calendars (iCalendar, RFC 5545) that letter writers and organisers subscribe to.

Per language, `<lang>/birthdays.ics` (BIRTHDAYS_CALENDAR_SAVE_AS) has one all-day, yearly
event per public person who can receive letters (Person.letters_blocked_by is None, as on the
birthdays page and in data/letters-<lang>.json) and whose full date of birth is known; and
`<lang>/institutions/<id>/birthdays.ics` (INSTITUTION_CALENDAR_SAVE_AS) the same events of the
people held at one place, for a letter-writing evening for one colony. A person who must not
be written to (the family asks, released, died, place unknown) is in none; a counted-only
record is never read here; a person moved to another place is in its calendar only, with its
address. An event's description is the envelope address (Person.envelope) and the page.

The text is written here, not with a library: the few properties a birthday needs, with
RFC 5545's escaping, folding (75 octets, never inside a UTF-8 character) and CRLF line ends,
and bytes that depend only on the content (the tests parse every file with the icalendar
library). Choices, for the apps that read the files:

- DTSTART is the birthday itself, in the year of birth, with RRULE:FREQ=YEARLY: the true
  first occurrence, the same in every build and every year (a base year taken from the build
  date would move every event yearly), and the only start that agrees with the rule of a
  29 February birthday (BYMONTH=2;BYMONTHDAY=-1: the 28th in other years).
- UID is `birthday-<id>@<domain>`: the person's id, which never changes (CONTRIBUTING: a
  rename keeps the old id in `aliases`), and CALENDAR_UID_DOMAIN or else SITEURL's host. It is
  the same in every language and in the institution's calendar (an event imported twice stays
  one); a correction to the record changes the event, never its UID.
- DTSTAMP is the date of the figures (totals.as_of), never the clock: two builds of one
  commit are byte for byte the same.
- URL (and the link in the description) is absolute, so only where SITEURL is set; without
  it (a development build, a copy) the file is still a calendar of birthdays and addresses.
"""
from __future__ import annotations

import datetime
import functools
import re
from collections import defaultdict
from urllib.parse import urlsplit

from ..content.model import Institution, Person
from ..language.language import Language
from ..pages.urls import Urls

LINE_OCTETS = 75  # RFC 5545 3.1: a content line's octets, not counting the CRLF
CRLF = "\r\n"
# TEXT may hold no control character but the tab (RFC 5545 3.3.11); line ends are escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# How often an app should fetch a subscribed calendar again (RFC 7986 REFRESH-INTERVAL, and
# Microsoft's and Apple's X-PUBLISHED-TTL): birthdays change rarely, cards take weeks.
REFRESH = "P1D"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line end
    as \\n, control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def fold(line: str) -> str:
    """A content line folded as RFC 5545 3.1 asks: no line longer than 75 octets of UTF-8,
    each continuation starting with a space (which counts), never splitting a character."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    parts, current, size, limit = [], [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space of the next line
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def content_lines(properties: list[tuple[str, str]]) -> str:
    """`NAME:value` lines (values already escaped where they are TEXT), folded, each with CRLF."""
    return "".join(fold(f"{name}:{value}") + CRLF for name, value in properties)


def yearly_rule(born: datetime.date) -> str:
    """Every year on the birthday; born on 29 February, on the last day of February (the 28th
    in years that have no 29th: an app would otherwise skip three years in four)."""
    if (born.month, born.day) == (2, 29):
        return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    return "FREQ=YEARLY"


def uid_domain(settings: dict) -> str:
    """The right-hand side of every UID: CALENDAR_UID_DOMAIN, else the host of SITEURL."""
    configured = settings.get("CALENDAR_UID_DOMAIN")
    if configured:
        return configured
    return urlsplit(settings.get("SITEURL") or "").hostname or "localhost"


def has_birthday(person: Person) -> bool:
    """In the calendars: can receive letters, and the full date of birth is known."""
    return not person.letters_blocked_by and isinstance(person.born, datetime.date)


class Calendars:
    """The calendars of one build: the events of each person in each language made once, for
    the calendar of everyone and for their institution's."""

    def __init__(self, public_people: list[Person], settings: dict, urls: Urls, as_of: datetime.date | None):
        self.people = sorted((person for person in public_people if has_birthday(person)),
                             key=lambda person: (person.born.month, person.born.day, person.id))
        self.settings, self.urls = settings, urls
        self.site_url = (settings.get("SITEURL") or "").rstrip("/")
        self.domain = uid_domain(settings)
        self.country = settings["LETTER_COUNTRY"]
        # DTSTAMP: the date of the figures (a calendar without events has no DTSTAMP).
        self.stamp = f"{as_of:%Y%m%d}T000000Z" if as_of else None
        self._events: dict[tuple[str, str], str] = {}

    @functools.cached_property
    def by_institution(self) -> dict[str, list[Person]]:
        held = defaultdict(list)
        for person in self.people:
            held[person.institution.id].append(person)
        return held

    def absolute(self, url: str) -> str | None:
        return f"{self.site_url}/{url}" if self.site_url else None

    def birthdays(self, language: Language) -> str:
        """The calendar of everyone with a birthday, in `language`."""
        lang = language.code
        return self.calendar(language, language.gettext("Political prisoners of Belarus"),
                             self.urls.url("birthdays", lang=lang), self.urls.url("birthdays_calendar", lang=lang),
                             self.people)

    def institution(self, institution: Institution, language: Language) -> str:
        """The calendar of the people held at `institution`, in `language`."""
        lang = language.code
        return self.calendar(language, language.text(institution.name),
                             self.urls.url("institution", lang=lang, id=institution.id),
                             self.urls.url("institution_calendar", lang=lang, id=institution.id),
                             self.by_institution.get(institution.id, []))

    def calendar(self, language: Language, whose: str, page: str, source: str, people: list[Person]) -> str:
        name = escape_text(f"{language.gettext('Birthdays')} · {whose}")
        description = escape_text(language.gettext(
            "Birthdays of political prisoners who can receive letters, with the address for a card. A card from "
            "abroad takes weeks: send it about three weeks before the birthday."))
        properties = [
            ("BEGIN", "VCALENDAR"),
            ("VERSION", "2.0"),
            ("PRODID", escape_text(f"-//{self.settings.get('SITENAME') or 'portal'}//Birthdays//{language.code.upper()}")),
            ("CALSCALE", "GREGORIAN"),
            ("METHOD", "PUBLISH"),
            ("NAME", name),
            ("X-WR-CALNAME", name),
            ("DESCRIPTION", description),
            ("X-WR-CALDESC", description),
            ("REFRESH-INTERVAL;VALUE=DURATION", REFRESH),
            ("X-PUBLISHED-TTL", REFRESH),
        ]
        if self.site_url:
            properties += [("URL", self.absolute(page)), ("SOURCE;VALUE=URI", self.absolute(source))]
        return (content_lines(properties) + "".join(self.event(person, language) for person in people)
                + content_lines([("END", "VCALENDAR")]))

    def event(self, person: Person, language: Language) -> str:
        key = (language.code, person.id)
        if key not in self._events:
            self._events[key] = self._event(person, language)
        return self._events[key]

    def _event(self, person: Person, language: Language) -> str:
        born = person.born
        lines = [language.gettext("Address for letters") + ":", *person.envelope(self.country)]
        if person.institution.recheck:
            lines += ["", language.gettext(
                "This address is taken from an older publication and has not been confirmed since. Check it with a "
                "human-rights organisation before you send anything.")]
        link = self.absolute(self.urls.url("person", lang=language.code, id=person.id) + "#letter")
        if link:
            lines += ["", link]
        properties = [
            ("BEGIN", "VEVENT"),
            ("UID", f"birthday-{person.id}@{self.domain}"),
            ("DTSTAMP", self.stamp),
            ("DTSTART;VALUE=DATE", f"{born:%Y%m%d}"),
            # One whole day; some apps make an event without an end last no time at all.
            ("DTEND;VALUE=DATE", f"{born + datetime.timedelta(days=1):%Y%m%d}"),
            ("RRULE", yearly_rule(born)),
            ("SUMMARY", escape_text(language.gettext("Birthday: %(name)s") % {"name": language.text(person.name)})),
            ("DESCRIPTION", escape_text("\n".join(lines))),
        ]
        if link:
            properties.append(("URL", link))
        properties += [("TRANSP", "TRANSPARENT"), ("CLASS", "PUBLIC"), ("END", "VEVENT")]
        return content_lines(properties)
