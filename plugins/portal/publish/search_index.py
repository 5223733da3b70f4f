"""The search index: Pagefind, fed from the validated records, never from the HTML.

Each public person is one record per language, at their page's URL, whose text is every form
of their name (as written in be, ru and en, and the Latin spellings of the Cyrillic forms that
translit.py knows, each also with the other apostrophes), so that "Іванаў", "Иванов",
"Ivanau", "Ivanov" and "Ivanou" all find the same person from any language's search box.
Counted-only records never reach this module. The text pages (the statement, the guides) are
indexed from their rendered content.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape

from ..content.model import Person
from ..language.language import Languages
from ..language.translit import apostrophe_variants, spellings
from ..pages.urls import Urls


def name_forms(person: Person) -> list[str]:
    """Every spelling of the person's name a reader may type, without repeats."""
    forms = []
    for lang, name in person.name.values.items():
        forms.append(name)
        if lang in ("be", "ru"):
            forms += spellings(name, lang)
    return list(dict.fromkeys(variant for form in forms for variant in apostrophe_variants(form)))


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, as the page is linked ("be/people/ivan-ivanau/")
    lang: str
    title: str
    text: str
    image: str | None = None  # relative to the site root


def person_record(person: Person, lang: str, url: str, title: str, details: list[str], image: str | None,
                  forms: list[str] | None = None) -> SearchRecord:
    """`forms`: name_forms(person), where the caller has them already (they are the same in every language)."""
    # The name in the page's language comes first, then what the result shows under it (the
    # status, the region), then every other spelling.
    forms = [form for form in (name_forms(person) if forms is None else forms) if form != title]
    return SearchRecord(url, lang, title, ". ".join([title, *details]) + ". " + " · ".join(forms), image)


_TAG = re.compile(r"<[^>]+>")


def search_records(public_people: list[Person], languages: Languages, urls: Urls, photos: dict,
                   text_pages: list) -> list[SearchRecord]:
    """Every public person once per language (with the status and region their result shows),
    and every text page in each of its languages."""
    records = []
    forms = {person.id: name_forms(person) for person in public_people}
    for language in languages:
        for person in public_people:
            headline = person.headline(language)
            details = [headline.status, *([headline.region] if headline.region is not None else [])]
            photo = photos.get(person.id)
            records.append(person_record(person, language.code, urls.url("person", lang=language.code, id=person.id),
                                         headline.name, details, photo[0].url if photo else None, forms[person.id]))
    for page in text_pages:
        for item in [page, *page.translations]:
            records.append(page_record(item.title, item.content, item.lang, item.url))
    return records


def page_record(title: str, content_html: str, lang: str, url: str) -> SearchRecord:
    text = html.unescape(_TAG.sub(" ", content_html))
    return SearchRecord(url, lang, title, " ".join(text.split()))


def write_index(records: list[SearchRecord], output_path: str, bundle: str, url_of_index: str = "index.html") -> None:
    """Writes Pagefind's index and its search UI into output_path/bundle.

    Each record becomes a bare HTML document at its page's path in a scratch folder, which the
    Pagefind binary indexes (it reads thousands of files a second, on every core; its Python
    API answers one record per tenth of a second). Pagefind takes the URL from the path, the
    language from <html lang>, and the title and image from the data-pagefind-meta attributes.

    Pagefind holds all it indexes in memory (about 10 kB a page: 350 MB for 10,000 people in
    three languages), and it makes one index per language anyway: so each language is indexed
    by a run of its own into the same folder (Pagefind adds its files to what is there), and
    the languages of the runs' entry files are put into one. The result is byte for byte the
    one run's (the shared files are the same in every run), at half the memory.

    The index is made beside the last one and put in its place only when it is whole: if
    Pagefind fails, the output keeps the last index.
    """
    final = os.path.join(output_path, bundle)
    target = os.path.join(output_path, f".{bundle.strip('/')}.new")
    shutil.rmtree(target, ignore_errors=True)
    try:
        _write_index(records, target, url_of_index)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    shutil.rmtree(final, ignore_errors=True)
    if os.path.isdir(target):
        os.rename(target, final)


def _write_index(records: list[SearchRecord], target: str, url_of_index: str) -> None:
    if not records:
        return  # a site with no one and no text to find
    languages = {}
    by_language: dict[str, list[SearchRecord]] = {}
    for record in records:
        by_language.setdefault(record.lang, []).append(record)
    with tempfile.TemporaryDirectory(prefix="portal-search-", dir=_scratch_parent()) as scratch:
        for lang, part in sorted(by_language.items()):
            site = os.path.join(scratch, lang)
            for record in part:
                _write_document(site, record, url_of_index)
            result = subprocess.run([sys.executable, "-m", "pagefind", "--site", site, "--output-path", target,
                                     "--silent"], capture_output=True, text=True)
            if result.returncode != 0:
                raise RuntimeError(f"Pagefind failed ({result.returncode}):\n{result.stdout}{result.stderr}")
            shutil.rmtree(site)
            with open(os.path.join(target, "pagefind-entry.json"), encoding="utf-8") as stream:
                entry = json.load(stream)
            languages.update(entry["languages"])
    for lang, about in languages.items():
        if not os.path.isfile(os.path.join(target, f"pagefind.{about['hash']}.pf_meta")):
            raise RuntimeError(f"Pagefind removed the {lang} index when it indexed another language: "
                               "this version cannot be run once per language (see publish/search_index.py: write_index).")
    # In a fixed order: two builds of one commit must be identical.
    entry["languages"] = dict(sorted(languages.items()))
    with open(os.path.join(target, "pagefind-entry.json"), "w", encoding="utf-8") as stream:
        json.dump(entry, stream, ensure_ascii=False, separators=(",", ":"))


def _write_document(site: str, record: SearchRecord, url_of_index: str) -> None:
    path = os.path.join(site, *record.url.strip("/").split("/"))
    path = path if path.endswith(".html") else os.path.join(path, url_of_index)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # The image's address is kept relative to the site's root, as the record gives it.
    image = (f'<img data-pagefind-meta="image[src], image_alt[alt]" src="{escape(record.image)}" alt="">'
             if record.image else "")
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(f'<!doctype html><html lang="{record.lang}"><head><meta charset="utf-8">'
                     f'<title>{escape(record.title)}</title></head><body>'
                     f'<h1 data-pagefind-meta="title">{escape(record.title)}</h1>{image}'
                     f'<p>{escape(record.text)}</p></body></html>')


def _scratch_parent() -> str | None:
    """A folder in memory (/dev/shm) where there is one: the scratch copy is tens of thousands
    of small files, written once and read once."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None
