"""What the templates call: UI strings, numbers and dates in the page's language, the
portal's URLs, the text pages' links, share cards. Installed into the Jinja environment of
every generator (pipeline/hooks.py), so Pelican's own pages (the statement, the guides) have
them too.

The language of a page is taken from its render context (`lang`, or the Pelican page's
own), so one environment renders every language.
"""
from __future__ import annotations

import datetime
import functools
import re

from babel import Locale
from babel.core import get_global
from jinja2 import pass_context
from markupsafe import Markup, escape

from ..language.language import Language, Languages, fill_in
from .indentation import StripIndentation
from .urls import Urls, card_file

# The formatting methods of Language that templates use as filters: {{ day|date }}.
FORMAT_FILTERS = ("number", "date", "short_date", "month_name", "day_month", "month_year",
                  "month_year_in_sentence", "month_short", "month_in_date")


# The separators of file and field names ("people.csv", "status_since", "totals-history.csv"):
# a line may break after one of them, never inside a word.
NAME_SEPARATORS = re.compile(r"([._/-])(?=.)")


def break_after_separators(name: str) -> Markup:
    """A file or field name, escaped, with <wbr> after each separator inside it, so that a
    narrow column breaks "institution_since" at the "_" rather than mid-word."""
    return Markup(NAME_SEPARATORS.sub(r"\1<wbr>", str(escape(name))))


def days_between(start: datetime.date, end: datetime.date) -> int:
    return (end - start).days


def age_on(born, day: datetime.date) -> int | None:
    """Full years on `day`; None where only the year of birth is known."""
    if not isinstance(born, datetime.date):
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@functools.lru_cache(maxsize=None)  # every page asks, for the same three locales
def open_graph_locale(locale: str) -> str:
    """Open Graph wants language_TERRITORY ("be_BY"); a bare language gets its likely territory."""
    parsed = Locale.parse(locale)
    if not parsed.territory:
        parsed = Locale.parse(get_global("likely_subtags").get(parsed.language, parsed.language))
    return f"{parsed.language}_{parsed.territory}" if parsed.territory else parsed.language


def _markup(context, text):
    """A translation in an autoescaping template is markup: its variables are escaped into it."""
    return Markup(text) if context.eval_ctx.autoescape else text


class TemplateFunctions:
    def __init__(self, languages: Languages, urls: Urls):
        self.languages = languages
        self.urls = urls
        self._translated: dict[tuple, str] = {}  # (lang, message, autoescape) -> text: some 30 lookups a page
        self._pages: dict[int, tuple] = {}  # id of Pelican's list of pages -> (the list, its index, URLs)

    def language_of(self, context) -> Language:
        lang = context.get("lang")
        if not lang:
            page = context.get("page") or context.get("article")
            lang = getattr(page, "lang", None)
        return self.languages[lang] if lang in self.languages else self.languages.default

    def install(self, env) -> None:
        env.add_extension("jinja2.ext.i18n")
        env.add_extension(StripIndentation)
        env.newstyle_gettext = True
        functions = self

        @pass_context
        def gettext(context, message, **variables):
            key = (functions.language_of(context).code, message, context.eval_ctx.autoescape)
            text = functions._translated.get(key)
            if text is None:
                text = functions._translated[key] = _markup(context, functions.languages[key[0]].gettext(message))
            return fill_in(text, variables) if variables else text

        @pass_context
        def ngettext(context, singular, plural, count, **variables):
            language = functions.language_of(context)
            variables.setdefault("num", language.number(count))
            return fill_in(_markup(context, language.catalog.ngettext(singular, plural, count)), variables)

        def in_page_language(name):
            """A filter that formats its value with the page language's method `name`."""
            @pass_context
            def formatted(context, value):
                return getattr(functions.language_of(context), name)(value)
            return formatted

        @pass_context
        def l10n(context, value):
            """Localized text in the page's language; a fallback is marked with its lang."""
            text = functions.language_of(context).pick(value)
            if text is None:
                return ""
            if text.is_fallback and text.lang:
                return Markup('<span lang="{}">{}</span>').format(text.lang, text.value)
            return escape(text.value)

        @pass_context
        def plain(context, value):
            """Localized text as a plain string (for titles and attributes)."""
            return functions.language_of(context).text(value)

        @pass_context
        def language_name(context, code):
            """The name of a language in the page's language, from CLDR ("Belarusian", "белорусский")."""
            return functions.language_of(context).language_name(code)

        @pass_context
        def plural_forms(context, singular, plural):
            """The message's plural forms in the page's language, as JSON (Language.plural_forms)."""
            return functions.language_of(context).plural_forms((singular, plural))

        @pass_context
        def url_for(context, kind, **fields):
            """The URL of a portal page, in the page's language unless `lang` is given."""
            fields.setdefault("lang", functions.language_of(context).code)
            return functions.urls.url(kind, **fields)

        @pass_context
        def page_for(context, slug):
            """The Pelican page `slug` in the page's language, or None if there is none."""
            return functions._pages_index(context)[1].get((slug, functions.language_of(context).code))

        @pass_context
        def page_url(context, slug):
            _, by_slug, urls_by_slug = functions._pages_index(context)
            key = (slug, functions.language_of(context).code)
            if key not in urls_by_slug:
                page = by_slug.get(key)
                urls_by_slug[key] = page.url if page is not None else None
            return urls_by_slug[key]

        def page_alternates(page) -> dict:
            """Language -> URL for a Pelican page and its translations (the statement pages)."""
            found = {item.lang: item.url for item in [page, *getattr(page, "translations", [])]}
            return {code: found[code] for code in functions.languages.codes if code in found}

        def share_card(lang, person=None):
            """The share card of a person's page, or of the home page (pages/urls.py)."""
            return card_file(functions.urls, lang, person)

        @pass_context
        def letter_readers(context, people):
            """How many of `people` (records, or a list's entries) can receive letters, and the
            languages they read, each named in the page's language: what a printable pack offers.
            Here rather than in the template: every page of a list cut by letter asks it of the
            whole list, which a template's loop made seconds of a rebuild at 10,000 people."""
            language = functions.language_of(context)
            writable, codes = 0, set()
            for item in people:
                person = getattr(item, "person", item)
                if not person.letters_blocked_by:
                    writable += 1
                    codes.update(person.languages)
            return writable, {code: language.language_name(code) for code in sorted(codes)}

        # For the pages that speak every language at once (the root and 404 pages).
        def gettext_in(lang, message):
            return functions.languages[lang].gettext(message)

        def ngettext_in(lang, singular, plural, count):
            return functions.languages[lang].ngettext(singular, plural, count)

        def number_in(lang, value):
            return functions.languages[lang].number(value)

        env.globals.update(
            gettext=gettext, _=gettext, ngettext=ngettext, plural_forms=plural_forms, gettext_in=gettext_in,
            ngettext_in=ngettext_in, number_in=number_in, url_for=url_for, page_for=page_for, page_url=page_url,
            page_alternates=page_alternates, age_on=age_on, days_between=days_between,
            open_graph_locale=open_graph_locale, share_card=share_card, letter_readers=letter_readers)
        env.filters.update({name: in_page_language(name) for name in FORMAT_FILTERS})
        env.filters.update(l10n=l10n, plain=plain, language_name=language_name,
                           break_after_separators=break_after_separators)

    def _pages_index(self, context):
        """Every page asks for the same few text pages (the guides in the header): they are
        looked up, and their URLs made, once per list of pages."""
        pages = context.get("pages", [])
        found = self._pages.get(id(pages))
        if found is None or found[0] is not pages:
            found = (pages, {(item.slug, item.lang): item for page in reversed(pages)
                             for item in [*reversed(page.translations), page]}, {})
            self._pages.clear()
            self._pages[id(pages)] = found
        return found
