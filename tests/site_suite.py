"""The site-level suite's fixture site: every kind of page, in every language.

PAGE_KINDS is the one table of page kinds the quality gates run over (browser, axe-core,
page weight, third-party requests, Lighthouse): a new kind of page is one line here. A
path with {lang} is written once per language; a path without it is a language-neutral
page that carries all languages (the root and 404 pages).
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from pelican.settings import read_settings

from conftest import ROOT, build, person, serve

LANGUAGES = read_settings(str(ROOT / "pelicanconf.py"))["PORTAL_LANGUAGES"]
LANGS = list(LANGUAGES)  # the default language first

PAGE_KINDS = {
    "root": "",
    "home": "{lang}/",
    "people": "{lang}/people/",
    "status": "{lang}/status/custody/",
    "group": "{lang}/status/political-prisoner/",
    "regions": "{lang}/regions/",
    "region": "{lang}/regions/minsk-city/",
    "articles": "{lang}/articles/",
    "article": "{lang}/articles/342/",
    "search": "{lang}/search/",
    "person-letters-photo": "{lang}/people/ivan-ivanau/",  # the envelope, copy and print buttons
    "person-letters-declined": "{lang}/people/piotr-nia/",  # no photo; the family asks not to write
    "person-place-unknown": "{lang}/people/olga-gde/",  # name and story from another language
    "person-not-held": "{lang}/people/pavel-volny/",
    "institutions": "{lang}/institutions/",
    "institution": "{lang}/institutions/sizo-1-minsk/",
    "birthdays": "{lang}/birthdays/",
    "help": "{lang}/help/",
    "how-to-write": "{lang}/how-to-write/",
    "statement": "{lang}/statement/",
    "appendix-1": "{lang}/appendix-1/",
    "appendix-2": "{lang}/appendix-2/",
    "numbers": "{lang}/numbers/",
    "open-data": "{lang}/data/",
    "embed-counter": "{lang}/embed/counter/",
    "404": "404.html",
}
# Kinds whose pages have no site header (no navigation, no language switch), such as a widget
# made to be embedded elsewhere: the keyboard and language-switch gates pass them over.
BARE_KINDS = {"embed-counter"}

# The project's own content folders, as shipped; only the people are fixtures.
REAL_FOLDERS = ("data", "statements", "pages", "institutions", "signatories")

PEOPLE = {
    # Held at a known place: photo, envelope address, story in three languages, sources, an old id.
    "people/ivan-ivanau.md": person(
        "custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}, born="1985-03-14",
        gender="male", region="minsk-city", status_since="2021-06-01", detained="2020-08-10",
        articles='["342-1", "130-3"]', sentence={"be": "5 гадоў калоніі", "ru": "5 лет колонии", "en": "5 years in a colony"},
        institution="sizo-1-minsk", letter_name="Иванов Иван Петрович", aliases="[ivan-ivanov]",
        photo="ivan-ivanau.jpg", sources="[https://example.org/records/ivan-ivanau]", updated="2021-10-20",
        body="""\
            <!-- lang: be -->
            Івана затрымалі ў Мінску. [Крыніца](https://example.org/be).

            # Суд
            Суд прызначыў пяць гадоў.
            <!-- lang: ru -->
            Ивана задержали в Минске. [Источник](https://example.org/ru).

            # Суд
            Суд назначил пять лет.
            <!-- lang: en -->
            Ivan was detained in Minsk. [Source](https://example.org/en).

            # The trial
            The court gave five years.
            """),
    # Held, but the family asks not to write; no photo.
    "people/piotr-nia.md": person(
        "custody", name={"be": "Пётр Ня", "ru": "Пётр Ня", "en": "Piotr Nia"}, born="1970-07-01",
        institution="ik-4-gomel", letters="false",
        letters_note={"be": "Сям’я просіць пакуль не пісаць.", "ru": "Семья просит пока не писать.",
                      "en": "The family asks not to write for now."}),
    # Held at an unknown place; the name only in ru and en, the story only in ru (fallbacks).
    "people/olga-gde.md": person(
        "house-arrest", name={"ru": "Ольга Где", "en": "Olga Gde"}, born="1991", gender="female", region="gomel",
        story_lang="ru", body="Ольгу задержали в Гомеле.\n"),
    # No longer held.
    "people/pavel-volny.md": person("released", name={"be": "Павел Вольны", "en": "Pavel Volny"}, region="brest"),
    # Another person at the same institution, with a birthday, for the lists.
    "people/hanna-bely.md": person(
        "custody", name={"be": "Ганна Белая", "ru": "Анна Белая", "en": "Hanna Bely"}, born="1990-11-02",
        gender="female", institution="sizo-1-minsk"),
    # Counted, never named.
    "people/counted-0001.md": person("custody", visibility="counted", region="gomel"),
}


def photo() -> bytes:
    return (ROOT / "content" / "people" / "photos" / "ales-uzorny.jpg").read_bytes()


# What a file of the output that PAGE_KINDS does not list is called in a gate's message.
UNLISTED_KINDS = {"page", "stylesheet", "file"}


@dataclass(frozen=True)
class Page:
    """One page of the suite: its kind, its language (None: all languages) and its path."""
    kind: str
    lang: str | None
    path: str

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.lang}" if self.lang else self.kind

    def __str__(self):
        what = self.kind if self.kind in UNLISTED_KINDS else f"{self.kind} page"
        return f"{what}, {self.lang or 'all languages'}, /{self.path}"


def pages(kinds: dict[str, str] = PAGE_KINDS) -> list[Page]:
    found = []
    for kind, path in kinds.items():
        for lang in (LANGS if "{lang}" in path else [None]):
            found.append(Page(kind, lang, path.format(lang=lang)))
    return found


PAGES = pages()
# Pages in one language with the site header: its navigation and language switch.
HEADED_PAGES = [page for page in PAGES if page.lang and page.kind not in BARE_KINDS]
# Pages with a list of people and its filters.
LIST_KINDS = ["people", "status", "group", "region", "article", "institution"]


def page_of_file(relative: str, kinds: dict[str, str] = PAGE_KINDS) -> Page:
    """The page a file of the output belongs to (its kind, where the table names it)."""
    url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    for page in pages(kinds):
        if page.path == url:
            return page
    lang = url.split("/", 1)[0] if url.split("/", 1)[0] in LANGS else None
    if not url or url.endswith(("/", ".html")):
        return Page("page", lang, url)
    return Page("stylesheet" if url.endswith(".css") else "file", lang, url)


def build_site(root: Path, siteurl: str = "") -> Path:
    """Builds the suite's site into root/output (SITEURL as for publishing, where given)."""
    files = {**PEOPLE, "people/photos/ivan-ivanau.jpg": photo()}
    return build(root, files, REAL_FOLDERS, SITEURL=siteurl,
                 CONTACT_EMAIL="help@example.org", CONTACT_TELEGRAM="portal_help")


@dataclass(frozen=True)
class Site:
    output: Path
    url: str  # where it is served, without a trailing slash


@contextlib.contextmanager
def served_site(root: Path):
    """The suite's site built for its own address and served there, as on a real host:
    the server starts first, so the build knows the address (the 404 page, the feeds)."""
    output = root / "output"
    output.mkdir(parents=True)
    with serve(output) as url:
        build_site(root, siteurl=url)
        yield Site(output, url)



# Each gate is shown to fail on a deliberately broken page: this one, in a site of its own.
BROKEN_KINDS = {"broken": "{lang}/broken/"}
BROKEN = Page("broken", "en", BROKEN_KINDS["broken"].format(lang="en"))


def broken_site(root: Path, body: str, head: str = "", files: dict[str, str] | None = None,
                lang: str = "en", heading: str | None = "A broken page") -> Path:
    """Writes root/<lang>/broken/index.html, valid but for what `body` and `head` add (and
    without an h1 if `heading` is None), and `files`."""
    page = root / BROKEN_KINDS["broken"].format(lang=lang) / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    h1 = f"<h1>{heading}</h1>\n" if heading else ""
    page.write_text(f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>Broken</title>\n'
                    f'{head}\n</head>\n<body>\n<main>\n{h1}{body}\n</main>\n</body>\n</html>\n', encoding="utf-8")
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root
