"""The data of letter writing, per language: data/letters-<lang>.json.

Every public person who can receive letters (Person.letters_blocked_by is None: held at a
known place, and no one asked not to write), with what an envelope needs, for the scripts of
the write page and of the printable packs. The address of each place of detention is given
once, with the country line; the envelope is the place's address and then the person's
`recipient` line. A person who cannot receive letters (the family asks, released, place
unknown) is not in the file, and a person moved to another place has only the new address.
"""
from __future__ import annotations

import datetime

from ..content.model import Person
from ..figures.totals import Totals
from ..language.language import Language
from ..pages.urls import Urls


def _day(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime.date) else None


def letters_data(public_people: list[Person], language: Language, urls: Urls, country: str, totals: Totals) -> dict:
    lang = language.code
    institutions: dict[str, dict] = {}
    people = []
    writable = [person for person in public_people if not person.letters_blocked_by]
    for person in sorted(writable, key=lambda person: (language.sort_key(language.text(person.name)), person.id)):
        place = person.institution
        if place.id not in institutions:
            institutions[place.id] = {
                "name": language.text(place.name),
                "url": urls.url("institution", lang=lang, id=place.id),
                "address": [*place.address, country],
                "checked": _day(place.checked) or place.checked,  # a date, or the year of the publication
                "recheck": place.recheck,
            }
        people.append({
            "id": person.id,
            "name": language.text(person.name),
            "url": urls.url("person", lang=lang, id=person.id),
            "recipient": person.envelope(country)[-1],
            "born": _day(person.born),  # a full date only: a bare year has no birthday
            "institution": place.id,
            "changed": _day(person.letters_changed),
            "languages": list(person.languages),
        })
    return {"as_of": _day(totals.as_of), "lang": lang, "institutions": dict(sorted(institutions.items())),
            "people": people}
