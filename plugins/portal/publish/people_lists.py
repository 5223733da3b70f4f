"""The people lists' own data, per language: lists/people-<lang>.json.

A list longer than LIST_SPLIT_AT is cut into pages of whole letters (pages/plan.py), so that a
phone gets a few hundred rows, not ten thousand; its filters and orders must still work on
the whole list. The list's script (theme/static/js/people-list.js) fetches this file the
first time a reader filters or sorts such a list, and draws the rows from it as the theme's
`person_row` macro draws them on the pages: one file serves every list of the language (a
region's page filters it by its region).

One row per public person, in the order of the people list, with what a row shows and what
the filters read; the labels of statuses, regions and places of detention are given once, by
id. Counted-only records never reach this module.
"""
from __future__ import annotations

from ..language.language import Language
from ..pages.listing import PeopleList
from ..pages.urls import Urls

# The fields of a row, in order (the script reads them by these names).
COLUMNS = ("id", "name", "name_lang", "letter", "born", "status", "region", "gender", "institution",
           "articles", "codes", "detained", "detained_text", "photo", "display_name")


def people_list_data(everyone: PeopleList, language: Language, urls: Urls, photos: dict) -> dict:
    """`everyone`: the public people as the language lists them (pages/listing.py: entries_for)."""
    rows = []
    categories, regions, institutions = {}, {}, {}
    for entry in everyone:
        person = entry.person
        category, region, institution = person.category, person.region, person.institution
        categories[category.id] = [language.text(category.label), category.group.id]
        if region:
            regions[region.id] = language.text(region.label)
        if institution:
            institutions[institution.id] = language.text(institution.name)
        photo = photos.get(person.id)
        rows.append([
            person.id,
            entry.name.value,
            entry.name.lang if entry.name.is_fallback and entry.name.lang else "",
            entry.letter or "",
            person.birth_year or "",
            category.id,
            region.id if region else "",
            person.gender or "",
            institution.id if institution else "",
            " ".join(dict.fromkeys(charge.article.id for charge in person.articles)),
            ", ".join(charge.code for charge in person.articles),
            person.detained.isoformat() if person.detained else "",
            language.short_date(person.detained) if person.detained else "",
            photo[0].url if photo else "",
            language.text(person.name),
        ])
    # A person's page is the pattern with their id: the file is fetched whole, and shorter so.
    return {"lang": language.code, "page": urls.url("person", lang=language.code, id="{id}"),
            "columns": list(COLUMNS), "categories": categories, "regions": regions, "institutions": institutions,
            "people": rows}
