"""Open data: the public records and the reference data as JSON and CSV files.

data/people.json and data/people.csv hold the public records only (a counted-only record is
never named, so it is in none of these files), with every field a person page shows, the
names and texts as the record gives them in each language, and each language's page URL.
data/categories.json, data/institutions.json, data/regions.json and data/penalties.json give the ids they use
with their labels in every language. The fields are documented on the /<lang>/data/ page.
"""
from __future__ import annotations

import csv
import datetime
import io
import json

from ..language.localized import Localized
from ..content.model import Content, Person
from ..content.staleness import stale_after_days
from ..figures.totals import Totals
from ..pages.urls import Urls

UTF8_BOM = "\ufeff"  # the byte-order mark, at the start of people.csv


def _date(value) -> str | int | None:
    # A date as YYYY-MM-DD; a bare year (born: 1985) stays a number.
    return value.isoformat() if isinstance(value, datetime.date) else value


def _texts(value: Localized | None, languages: list[str]) -> dict[str, str | None] | None:
    """The text in each language as the record gives it; text in no particular language (a
    free-text sentence) is shown on every language's page, so it is given for each."""
    if not value:
        return None
    if None in value.values:
        return {lang: value.values[None] for lang in languages}
    return {lang: value.values.get(lang) for lang in languages}


# What a spreadsheet takes for the start of a formula (=, +, -, @) or of a new cell (tab,
# carriage return): a cell of people.csv that starts with one runs as a formula when the file
# is opened, so a record's text could run code on a journalist's computer.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str | int:
    """A cell of people.csv: text that a spreadsheet would take for a formula starts with an
    apostrophe (which spreadsheets hide, showing the text as written); None is empty."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class OpenData:
    """Builds the open data files of one build; `absolute(url)` turns a site URL into the address
    written in the files (a full address when SITEURL is set)."""

    def __init__(self, site: Content, totals: Totals, languages: list[str], urls: Urls, photos: dict, settings: dict):
        self.site = site
        self.totals = totals
        self.languages = languages
        self.urls = urls
        self.photos = photos
        self.settings = settings
        self.site_url = (settings.get("SITEURL") or "").rstrip("/")

    def absolute(self, url: str) -> str:
        return f"{self.site_url}/{url}" if self.site_url else url

    def page_urls(self, kind: str, **fields) -> dict[str, str]:
        return {lang: self.absolute(self.urls.url(kind, lang=lang, **fields)) for lang in self.languages}

    def about(self) -> dict:
        """What every file says about itself: the date of the figures, the licence, the site."""
        license_ = self.settings["DATA_LICENSE"]
        return {
            "as_of": self.totals.as_of.isoformat() if self.totals.as_of else None,
            "license": {"name": license_["name"], "url": license_["url"]},
            "source": self.page_urls("opendata"),
        }

    def person(self, person: Person) -> dict:
        photo = self.photos.get(person.id)
        return {
            "id": person.id,
            "name": _texts(person.written_name, self.languages),
            "url": self.page_urls("person", id=person.id),
            "status": person.category.id,
            "group": person.category.group.id,
            "status_since": _date(person.history[-1].date if person.history else person.status_since),
            "history": [{"date": _date(change.date), "status": change.category.id} for change in person.history],
            "born": _date(person.born),
            "gender": person.gender,
            "region": person.region.id if person.region else None,
            "detained": _date(person.detained),
            "articles": [charge.code for charge in person.articles],
            "sentence": _texts(person.sentence, self.languages),
            "sentenced": _date(person.sentenced),
            "penalty": person.penalty.id if person.penalty else None,
            "released": _date(person.released),
            "died": _date(person.died),
            "recognised": {"by": person.recognised.by, "date": _date(person.recognised.date)}
            if person.recognised else None,
            "institution": person.institution.id if person.institution else None,
            "institution_since": _date(person.institution_since),
            "letter_name": person.letter_name,
            "languages": list(person.languages),
            "letters": person.letters,
            "letters_note": _texts(person.letters_note, self.languages),
            "aliases": list(person.aliases),
            "photo": self.absolute(photo[-1].url) if photo else None,
            "sources": list(person.sources),
            "updated": _date(person.updated),
            "stale": self.stale(person),
            "story": _texts(person.story, self.languages),
        }

    def stale(self, person: Person) -> bool:
        """Last checked more than STALE_AFTER_DAYS before the date of the figures (not the
        build's day: two builds of one commit give the same files)."""
        days, _ = stale_after_days(self.settings)
        return bool(self.totals.as_of) and (self.totals.as_of - person.updated).days > days

    def people_json(self) -> str:
        """Compact, one record a line (readable in a diff): indented, the file of 10,000 people
        was over 25 MiB, more than the largest file some free hosts take."""
        def compact(value) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        about = compact(self.about())[:-1]
        people = ",\n".join(compact(self.person(p)) for p in self.site.public_people)
        return f'{about}{"," if about != "{" else ""}"people":[\n{people}\n]}}\n'


    def people_csv(self) -> str:
        """One row per public record; lists are joined with "; ". The stories (formatted text of
        any length) are in people.json only. It starts with the UTF-8 byte-order mark: without
        it, Excel opens the file in the system's legacy code page and the Cyrillic is garbled
        (Python reads it with encoding="utf-8-sig", LibreOffice and pandas skip it)."""
        langs = self.languages
        columns = ["id", *(f"name_{lang}" for lang in langs), "status", "group", "status_since", "history", "born",
                   "gender", "region", "detained", "articles", *(f"sentence_{lang}" for lang in langs), "sentenced", "penalty",
                   "released", "died", "recognised_by", "recognised_date", "institution", "institution_since",
                   "letter_name", "languages", "letters", *(f"letters_note_{lang}" for lang in langs), "aliases", "photo",
                   "sources", "updated", "stale", *(f"url_{lang}" for lang in langs)]
        stream = io.StringIO()
        stream.write(UTF8_BOM)
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for person in self.site.public_people:
            record = self.person(person)
            row = {key: record.get(key) for key in columns}
            for key in ("name", "sentence", "letters_note", "url"):
                for lang in langs:
                    row[f"{key}_{lang}"] = (record[key] or {}).get(lang)
            row["recognised_by"] = (record["recognised"] or {}).get("by")
            row["recognised_date"] = (record["recognised"] or {}).get("date")
            row["history"] = "; ".join(f"{entry['date']} {entry['status']}" for entry in record["history"])
            for key in ("articles", "languages", "aliases", "sources"):
                row[key] = "; ".join(record[key])
            for key in ("letters", "stale"):
                row[key] = "true" if record[key] else "false"
            writer.writerow([spreadsheet_safe(row[key]) for key in columns])
        return stream.getvalue()

    def categories_json(self) -> dict:
        return {**self.about(), "groups": [{
            "id": group.id,
            "label": _texts(group.label, self.languages),
            "description": _texts(group.description, self.languages),
            "total": self.totals.by_group[group.id],
            "categories": [{
                "id": category.id,
                "label": _texts(category.label, self.languages),
                "description": _texts(category.description, self.languages),
                "held": category.held,
                "total": self.totals.by_category[category.id],
                "url": self.page_urls("status", id=category.id),
            } for category in group.categories],
        } for group in self.site.groups]}

    def institutions_json(self) -> dict:
        held: dict[str, list[str]] = {institution_id: [] for institution_id in self.site.institutions}
        for person in self.site.public_people:
            if person.institution is not None:
                held[person.institution.id].append(person.id)
        return {**self.about(), "institutions": [{
            "id": institution.id,
            "type": institution.type.id,
            "type_label": _texts(institution.type.label, self.languages),
            "name": _texts(institution.name, self.languages),
            "address": list(institution.address),
            "country": self.settings["LETTER_COUNTRY"],
            "city": institution.city,
            "region": institution.region.id if institution.region else None,
            "source": institution.source,
            "checked": _date(institution.checked),
            "recheck": institution.recheck,
            "url": self.page_urls("institution", id=institution.id),
            "people": held[institution.id],
        } for institution in self.site.institutions.values()]}

    def regions_json(self) -> dict:
        return {**self.about(), "regions": [{"id": region.id, "label": _texts(region.label, self.languages)}
                                           for region in self.site.regions.values()]}

    def penalties_json(self) -> dict:
        return {**self.about(), "penalties": [{"id": penalty.id, "label": _texts(penalty.label, self.languages)}
                                             for penalty in self.site.penalties.values()]}

    def files(self) -> dict:
        """File name -> the function that makes its content (a dict is written as JSON, a str
        as it is), called only for a file that is to be written."""
        return {
            "people.json": self.people_json,
            "people.csv": self.people_csv,
            "categories.json": self.categories_json,
            "institutions.json": self.institutions_json,
            "regions.json": self.regions_json,
            "penalties.json": self.penalties_json,
        }
