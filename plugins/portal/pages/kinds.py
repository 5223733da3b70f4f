"""The kinds of pages the portal writes: one table, read by the build (pages/plan.py), by
pelicanconf.py (the URL settings) and by the tests (tests/site_suite.py).

Each kind names its address and file (as Pelican names its own: `person` gives the settings
PERSON_URL and PERSON_SAVE_AS, which pelicanconf.py takes from here and a site may change),
its template, what one page of it is made for (`each`: one page per language, or one per
person, category, region…), what it reads beyond the reference data every page may show, and
whether it is in the sitemap and a feed.

What a page reads is both its context and its cache key (cache/keys.py): a page gets only
the values its `reads` name, so a template cannot show what its key does not cover.

- "totals": today's totals (`totals`);
- "series": the totals over time, and their chart (`chart`);
- "person": its person's record and photo (`person`, `photo`);
- "listed": the people it lists, in their order, each record and photo (`people`);
- "everyone": every public person (`listed`: the people grouped by `groups_by`);
- "held": the public people held today, as a wall of faces (`wall`, pages/listing.py:
  held_wall, and its people's `photos`); its key covers them all, as the count shows them.

`groups_by` says how a page's people are grouped: a category's, region's, article's or
institution's page lists its group; the index of regions (articles, institutions) counts each;
the birthdays page gets everyone who can receive letters by month of birth (`months`), the
write page those born in the month of the figures' date (`month`: its list without scripts).

A new kind of page is a row here, a template, and, if its pages are made for something new
(`each`), where those come from in pages/plan.py.
"""
from __future__ import annotations

from dataclasses import dataclass

READS = ("totals", "series", "person", "listed", "everyone", "held")
EACH = (None, "group", "category", "region", "article", "person", "alias", "institution")
GROUPS = (None, "status", "region", "article", "institution", "birthday", "birthday_month")


@dataclass(frozen=True)
class PageKind:
    id: str
    url: str  # with {lang}, and {id} for pages made for something
    template: str
    each: str | None = None  # None: one page per language; else one per group, category, region, article…
    reads: tuple[str, ...] = ()
    groups_by: str | None = None
    sitemap: bool = True  # an entry of its own in the sitemap (the root page is only the home pages' x-default)
    feed: bool = False  # its pages are the entries of the people feed (publish/feeds.py)
    setting: str | None = None  # the kind whose URL settings it uses, where not its own (an old id's redirect)
    neutral: bool = False  # one page for all languages (the root and 404 pages)
    offers: str | None = None  # of a neutral page: the kind it links to in every language
    x_default: bool = False  # in the sitemap, the x-default alternate of the pages it offers
    relative_urls: bool = True  # False: links are absolute (the 404 page is served at any depth)
    # A list longer than LIST_SPLIT_AT is cut into pages of whole letters of its alphabet, each
    # at the list's address plus its first letter ("be/people/Б/"); the list's own address shows
    # the first.
    by_letter: bool = False

    @property
    def setting_name(self) -> str:
        return (self.setting or self.id).upper()

    @property
    def save_as(self) -> str:
        """The file of a page, from its URL: a folder's index.html."""
        return self.url + "index.html" if self.url.endswith("/") or not self.url else self.url


PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("home", "{lang}/", "home", reads=("totals", "series", "held")),
    PageKind("people", "{lang}/people/", "people", reads=("totals", "listed"), by_letter=True),
    # A status group shares the status pages' address space (group and category ids differ).
    PageKind("group", "{lang}/status/{id}/", "group", each="group", reads=("totals", "listed"), groups_by="status",
             by_letter=True),
    PageKind("status", "{lang}/status/{id}/", "status", each="category", reads=("totals", "listed"), groups_by="status",
             by_letter=True),
    PageKind("regions", "{lang}/regions/", "regions", reads=("totals", "everyone"), groups_by="region"),
    PageKind("region", "{lang}/regions/{id}/", "region", each="region", reads=("totals", "listed"), groups_by="region",
             by_letter=True),
    # Articles of the Criminal Code ("CODE_": Pelican's own ARTICLE_URL is for blog articles).
    PageKind("code_articles", "{lang}/articles/", "code_articles", reads=("everyone",), groups_by="article"),
    PageKind("code_article", "{lang}/articles/{id}/", "code_article", each="article", reads=("listed",),
             groups_by="article", by_letter=True),
    PageKind("person", "{lang}/people/{id}/", "person", each="person", reads=("person",), feed=True),
    # An old id of a person: a page that sends the reader on to the person's page.
    PageKind("redirect", "{lang}/people/{id}/", "redirect", each="alias", reads=("person",), sitemap=False,
             setting="person"),
    PageKind("institutions", "{lang}/institutions/", "institutions", reads=("everyone",), groups_by="institution"),
    PageKind("institution", "{lang}/institutions/{id}/", "institution", each="institution", reads=("listed",),
             groups_by="institution", by_letter=True),
    PageKind("birthdays", "{lang}/birthdays/", "birthdays", reads=("everyone",), groups_by="birthday"),
    # "Write this week": its script reads data/letters-<lang>.json (birthdays in the reader's next
    # 14 days, recent changes, people at random); without scripts, the birthdays of the figures' month.
    PageKind("write", "{lang}/write/", "write", reads=("everyone",), groups_by="birthday_month"),
    PageKind("help", "{lang}/help/", "help"),
    # How to write to the maintainers privately, and safely: the channels of the settings.
    PageKind("contact", "{lang}/contact/", "contact"),
    PageKind("search", "{lang}/search/", "search"),
    PageKind("numbers", "{lang}/numbers/", "numbers", reads=("totals", "series")),
    PageKind("opendata", "{lang}/data/", "opendata", reads=("totals",)),
    # A widget for other sites' <iframe>: noindex, not in the sitemap.
    PageKind("embed_counter", "{lang}/embed/counter/", "embed_counter", reads=("totals",), sitemap=False),
    PageKind("root", "", "root", reads=("totals",), sitemap=False, neutral=True, offers="home", x_default=True),
    PageKind("not_found", "404.html", "404", sitemap=False, neutral=True, offers="people", relative_urls=False),
)

KINDS_BY_ID = {kind.id: kind for kind in PAGE_KINDS}


def page_settings(kinds: tuple[PageKind, ...] = PAGE_KINDS) -> dict[str, str]:
    """<KIND>_URL and <KIND>_SAVE_AS of every kind, for pelicanconf.py."""
    settings = {}
    for kind in kinds:
        if kind.setting is None:
            settings[f"{kind.setting_name}_URL"] = kind.url
            settings[f"{kind.setting_name}_SAVE_AS"] = kind.save_as
    return settings
