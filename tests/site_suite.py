"""The site-level suite's fixture site: every kind of page, in every language.

The kinds of page are the plugin's one table (PAGE_KINDS in plugins/portal/pages/kinds.py);
this module names, for each kind, the suite's sample pages of it (SAMPLES: which fixture
person, category, region… each stands for) and makes their paths from the kind's URL
pattern, as pelicanconf.py sets it. PAGE_KINDS here is the result, sample name -> path, that
the quality gates run over (browser, axe-core, page weight, third-party requests, Lighthouse).
A new kind of page is a row of the plugin's table and a sample here: tests/test_site_suite.py
fails until it has one. A path with {lang} is a page per language; a path without it is a
language-neutral page that carries all languages (the root and 404 pages).
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from conftest import LANGS, ROOT, SETTINGS, build, person, serve
from portal.pages.kinds import KINDS_BY_ID, PageKind

TEXT = "text"  # Pelican's own text pages (PAGE_URL, by slug), which the table does not hold

# The samples of each kind of the table, in the suite's order (the gates' order, and the
# language each kind is walked with by the keyboard gate): sample name -> the id its page is
# made for, where the kind has one page per something (`each`), else None.
SAMPLES: dict[str, dict[str, str | None]] = {
    "root": {"root": None},
    "home": {"home": None},
    "people": {"people": None},
    "status": {"status": "custody"},  # a category
    "group": {"group": "political-prisoner"},  # a group of categories
    "regions": {"regions": None},
    "region": {"region": "minsk-city"},
    "code_articles": {"articles": None},
    "code_article": {"article": "342"},
    "search": {"search": None},
    "person": {
        "person-letters-photo": "ivan-ivanau",  # the envelope, copy and print buttons
        "person-letters-declined": "piotr-nia",  # no photo; the family asks not to write
        "person-place-unknown": "olga-gde",  # name and story from another language
        "person-not-held": "pavel-volny",
    },
    "institutions": {"institutions": None},
    "institution": {"institution": "sizo-1-minsk"},
    "birthdays": {"birthdays": None},
    "write": {"write": None},  # the month of the figures (October 2021) has Hanna's birthday; she moved recently
    "help": {"help": None},
    "contact": {"contact": None},  # with a channel of every kind, the e-mail one with its key (CONTACTS below)
    TEXT: {  # from content/pages and content/statements: sample name -> slug
        "how-to-write": "how-to-write",
        "about": "about",
        "statement": "statement",
        "appendix-1": "appendix-1",
        "appendix-2": "appendix-2",
    },
    "numbers": {"numbers": None},
    "opendata": {"open-data": None},
    "embed_counter": {"embed-counter": None},
    "not_found": {"404": None},
    # The old id of the fixture person ivan-ivanau: a page that only sends the reader on.
    "redirect": {"redirect": "ivan-ivanov"},
}
# A redirect page is a meta refresh (and a script) to another page: a browser leaves it at
# once, so a gate that looks at a page as a reader does (it opens with a visible h1, axe-core,
# the keyboard, the language switch, Lighthouse) would check the page it leads to, not it.
# Those gates take PAGES, without the redirects; its HTML is still checked by vnu and the
# static scan of resource addresses (they read every file), its weight and its requests by
# ALL_PAGES, and test_site_pages.py follows each redirect to its page.
REDIRECT_KINDS = {"redirect"}
# Kinds whose pages have no site header (no navigation, no language switch), such as a widget
# made to be embedded elsewhere: the keyboard and language-switch gates pass them over.
BARE_KINDS = {"embed_counter", *REDIRECT_KINDS}


def sample_path(kind: str, made_for: str | None) -> str:
    """The path (with {lang}, where the kind has one page per language) of a sample page: the
    kind's URL setting, which pelicanconf.py takes from the table, with its {id} filled in."""
    if kind == TEXT:
        return SETTINGS["PAGE_URL"].replace("{slug}", made_for)
    table_kind: PageKind = KINDS_BY_ID[kind]
    pattern = SETTINGS.get(f"{table_kind.setting_name}_URL", table_kind.url)
    if ("{id}" in pattern) != (made_for is not None):
        raise ValueError(f"the sample of {kind} ({pattern}) names {made_for!r} as its id")
    return pattern.replace("{id}", made_for) if made_for else pattern


# The suite's sample pages: name -> path; and the kind of the table each is a page of.
PAGE_KINDS: dict[str, str] = {name: sample_path(kind, made_for)
                              for kind, samples in SAMPLES.items() for name, made_for in samples.items()}
KIND_OF: dict[str, str] = {name: kind for kind, samples in SAMPLES.items() for name in samples}

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
    # Another person at the same institution, with a birthday in the figures' month (October
    # 2021) and a recent move, for the lists and the write page.
    "people/hanna-bely.md": person(
        "custody", name={"be": "Ганна Белая", "ru": "Анна Белая", "en": "Hanna Bely"}, born="1990-10-02",
        gender="female", institution="sizo-1-minsk", institution_since="2021-10-04"),
    # Counted, never named.
    "people/counted-0001.md": person("custody", visibility="counted", region="gomel"),
}


def photo() -> bytes:
    return (ROOT / "content" / "people" / "photos" / "ales-uzorny.jpg").read_bytes()


# The maintainers' channels: one of every kind, all fictional. The key is a public key made for
# the tests (tests/fixtures/contact-key.asc, of help@example.org); its file is in the content folder.
KEY_FILE = "keys/maintainers.asc"
CONTACT_SETTINGS = {
    "CONTACT_EMAIL": "help@example.org", "CONTACT_EMAIL_KEY": KEY_FILE,
    "CONTACT_SIGNAL": "portal.01", "CONTACT_TELEGRAM": "portal_help",
    "CONTACTS": [{"channel": "other", "label": "Matrix", "address": "@portal:example.org",
                  "url": "https://matrix.to/#/@portal:example.org"}],
    "ONION_ADDRESS": None,  # its tests build sites of their own (tests/test_contact.py)
}


def contact_key() -> bytes:
    return (ROOT / "tests" / "fixtures" / "contact-key.asc").read_bytes()


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


# Every sample page, in every language.
ALL_PAGES = pages()
# The pages a reader reads: all but the redirects (see REDIRECT_KINDS).
PAGES = [page for page in ALL_PAGES if KIND_OF[page.kind] not in REDIRECT_KINDS]
# Pages in one language with the site header: its navigation and language switch.
HEADED_PAGES = [page for page in PAGES if page.lang and KIND_OF[page.kind] not in BARE_KINDS]
# Pages with a list of people and its filters: the samples of the kinds that read a list.
LIST_KINDS = [name for name, kind in KIND_OF.items() if kind != TEXT and "listed" in KINDS_BY_ID[kind].reads]


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
    files = {**PEOPLE, "people/photos/ivan-ivanau.jpg": photo(), KEY_FILE: contact_key()}
    # Its lists of more than three people are cut into letters, so every gate meets such pages.
    return build(root, files, REAL_FOLDERS, SITEURL=siteurl, LIST_SPLIT_AT=3, **CONTACT_SETTINGS)


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
