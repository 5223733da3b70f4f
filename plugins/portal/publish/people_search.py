"""The people the search page finds, per language: search/people-<lang>.json.

Pagefind indexes words as a language's stemmer cuts them, and has none for Belarusian: a
name typed with one wrong letter, or with и where the name has ы, found no one, and a query
that matched no name listed hundreds of pages on a one-letter word. A name is not prose: the
search page's script (theme/static/js/search.js) finds people in this file instead, by the
keys of every spelling of their names (language/name_keys.py), from a part of any word and
with one wrong, missing, extra or swapped letter; Pagefind keeps the text pages.

The file holds the folding rules (so that the script folds a query as the keys were folded)
and one row per public person, in the order of the people list: the page, the name in this
language, what a result shows under it (status, region), the photo, and the keys. Counted-only
records never reach this module.
"""
from __future__ import annotations

from ..content.model import Person
from ..language.language import Language
from ..language.name_keys import FOLD, name_keys
from ..language.translit import spellings
from ..pages.listing import PeopleList
from ..pages.urls import Urls


def name_spellings(person: Person) -> list[str]:
    """Every spelling of the person's name a reader may type: as written in each language, and
    the Latin spellings of the Belarusian and Russian ones (Іванаў: Ivanau, Ivanou…)."""
    forms = []
    for lang, name in person.name.values.items():
        forms.append(name)
        if lang in ("be", "ru"):
            forms += spellings(name, lang)
    return forms


def people_search_data(everyone: PeopleList, language: Language, urls: Urls, photos: dict,
                       keys: dict[str, str] | None = None) -> dict:
    """`everyone`: the public people as the language lists them (pages/listing.py: entries_for);
    `keys`: each person's keys joined by spaces, where the caller has them (they are the same in
    every language)."""
    rows = []
    for person in (entry.person for entry in everyone):
        headline = person.headline(language)
        detail = " · ".join([headline.status, *([headline.region] if headline.region is not None else [])])
        photo = photos.get(person.id)
        rows.append([urls.url("person", lang=language.code, id=person.id), headline.name, detail,
                     photo[0].url if photo else "",
                     keys[person.id] if keys is not None else " ".join(name_keys(name_spellings(person)))])
    return {"lang": language.code, "fold": FOLD, "people": rows}
