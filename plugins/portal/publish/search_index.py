"""The search index of the text pages: Pagefind, fed from their rendered content.

The statement, its appendices and the guides are prose, which Pagefind indexes well. People
are found by name from search/people-<lang>.json instead (publish/people_search.py): a
name's spellings across alphabets and a slip of one letter are not what a stemmer serves.
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


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, as the page is linked ("be/statement/")
    lang: str
    title: str
    text: str


_TAG = re.compile(r"<[^>]+>")


def search_records(text_pages: list) -> list[SearchRecord]:
    """Every text page in each of its languages."""
    return [page_record(item.title, item.content, item.lang, item.url)
            for page in text_pages for item in [page, *page.translations]]


def page_record(title: str, content_html: str, lang: str, url: str) -> SearchRecord:
    text = html.unescape(_TAG.sub(" ", content_html))
    return SearchRecord(url, lang, title, " ".join(text.split()))


def write_index(records: list[SearchRecord], output_path: str, bundle: str, url_of_index: str = "index.html") -> None:
    """Writes Pagefind's index and its search UI into output_path/bundle.

    Each record becomes a bare HTML document at its page's path in a scratch folder, which the
    Pagefind binary indexes (its Python API answers one record per tenth of a second). Pagefind
    takes the URL from the path, the language from <html lang>, and the title from the
    data-pagefind-meta attribute.

    Pagefind makes one index per language anyway: so each language is indexed by a run of its
    own into the same folder (Pagefind adds its files to what is there), and the languages of
    the runs' entry files are put into one. The result is byte for byte the one run's (the
    shared files are the same in every run), with a third of the memory.

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
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(f'<!doctype html><html lang="{record.lang}"><head><meta charset="utf-8">'
                     f'<title>{escape(record.title)}</title></head><body>'
                     f'<h1 data-pagefind-meta="title">{escape(record.title)}</h1>'
                     f'<p>{escape(record.text)}</p></body></html>')


def _scratch_parent() -> str | None:
    """A folder in memory (/dev/shm) where there is one: the scratch copy is tens of thousands
    of small files, written once and read once."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None
