"""Signal receivers that connect the portal to Pelican (module-level: Pelican's signals
hold receivers by weak reference)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache, pass_context
from pelican import signals

from ..cache import outputs
from ..cache.digests import cache_folder
from .generator import PortalGenerator, age_on, days_between
from ..language.i18n import Localizer, load_catalogs
from ..content.problems import ContentError, Problem
from ..images.sharecards import card_file
from ..pages.sharemeta import open_graph_locale
from ..content.loader import shown_path
from ..pages.toc import headings
from ..pages.urls import Urls

_localizers: dict[tuple, tuple[tuple, Localizer]] = {}


def get_generators(pelican):
    return PortalGenerator


def _localizer(settings) -> Localizer:
    # Catalogs are compiled once per build, not once per generator.
    directory = Path(settings["PORTAL_TRANSLATIONS_PATH"])
    key = (directory.resolve(), tuple(settings["PORTAL_LANGUAGES"]))
    stamp = tuple((directory / lang / "LC_MESSAGES" / "messages.po").stat().st_mtime_ns for lang in key[1])
    cached = _localizers.get(key)
    if cached is None or cached[0] != stamp:
        _localizers[key] = (stamp, Localizer(settings, load_catalogs(directory, list(key[1]))))
    return _localizers[key][1]


def generator_init(generator):
    """Every generator's Jinja environment gets the UI strings, locale filters and URLs, and
    keeps its compiled templates in the build cache (Jinja checks each against its source
    when it first loads it)."""
    folder = cache_folder(generator.settings)
    # A build makes its generators afresh (make devserver too): within one, no template
    # changes, and Jinja need not look at every template's file for each of 30,000 pages.
    generator.env.auto_reload = False
    if folder is not None and generator.env.bytecode_cache is None:
        (folder / "templates").mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder / "templates"))
    localizer = _localizer(generator.settings)
    localizer.install(generator.env)
    urls = Urls(generator.settings)
    languages = list(generator.settings["PORTAL_LANGUAGES"])

    @pass_context
    def url_for(context, kind, **fields):
        """The URL of a portal page, in the page's language unless `lang` is given."""
        fields.setdefault("lang", localizer.lang_of(context))
        return urls.url(kind, **fields)

    pages_by_slug = {}  # id of the pages list -> (pages, {(slug, lang): page}, {(slug, lang): url})

    def _pages_index(context):
        """Every page asks for the same few pages (the guides in the header): they are looked
        up, and their URLs made, once per list of pages."""
        pages = context.get("pages", [])
        found = pages_by_slug.get(id(pages))
        if found is None or found[0] is not pages:
            found = (pages, {(item.slug, item.lang): item for page in reversed(pages)
                             for item in [*reversed(page.translations), page]}, {})
            pages_by_slug.clear()
            pages_by_slug[id(pages)] = found
        return found

    @pass_context
    def page_for(context, slug):
        """The Pelican page `slug` in the page's language, or None if there is none."""
        return _pages_index(context)[1].get((slug, localizer.lang_of(context)))

    @pass_context
    def page_url(context, slug):
        _, by_slug, urls_by_slug = _pages_index(context)
        key = (slug, localizer.lang_of(context))
        if key not in urls_by_slug:
            page = by_slug.get(key)
            urls_by_slug[key] = page.url if page is not None else None
        return urls_by_slug[key]

    def page_alternates(page) -> dict:
        """Language -> URL for a Pelican page and its translations (the statement pages)."""
        found = {item.lang: item.url for item in [page, *getattr(page, "translations", [])]}
        return {lang: found[lang] for lang in languages if lang in found}

    def share_card(lang, person=None):
        """The share card of a person's page, or of the home page (sharecards.py)."""
        return card_file(urls, lang, person)

    generator.env.globals.update(
        url_for=url_for, page_for=page_for, page_url=page_url, page_alternates=page_alternates, age_on=age_on, days_between=days_between,
        open_graph_locale=open_graph_locale, share_card=share_card)


def content_object_init(content):
    """Text pages (the statement and its appendices) get `toc`: their h2 and h3 headings.

    A page in a language the site does not have would be written where no link leads to it.
    """
    languages = content.settings["PORTAL_LANGUAGES"]
    if content.lang not in languages:
        raise ContentError([Problem(shown_path(Path(content.source_path)), None, "Lang",
                                    f'"{content.lang}" is not one of the site\'s languages.',
                                    f"write Lang: followed by one of {', '.join(languages)}.")])
    content.toc = headings(content._content or "")


def connect():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(generator_init)
    signals.content_object_init.connect(content_object_init)
    signals.content_written.connect(outputs.record_written)
    signals.feed_written.connect(outputs.record_written)
