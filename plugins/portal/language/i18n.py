"""UI strings and locale formatting for the templates.

Catalogs are the .po files in translations/, compiled in memory once per build, so a
translator's edit needs no separate compile step. The gettext functions look up the
page's language in the render context, so one Jinja environment renders every language
and Pelican's own pages (which carry `page.lang`) too.

Babel formats a number or a date in tens of microseconds, and 10,000 people bring a few
thousand distinct dates to hundreds of thousands of places on the pages: every formatting
method remembers its results (`_memo`), which depend on the language and the value only.
"""
from __future__ import annotations

import datetime
import functools
import json
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from jinja2 import pass_context
from markupsafe import Markup, escape

from .localized import Localized, Text


def load_catalogs(directory: Path, languages: list[str]) -> dict[str, Translations]:
    catalogs = {}
    for lang in languages:
        po_path = directory / lang / "LC_MESSAGES" / "messages.po"
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=lang)
        compiled = BytesIO()
        write_mo(compiled, catalog, use_fuzzy=False)
        compiled.seek(0)
        catalogs[lang] = Translations(compiled)
    return catalogs


def _memo(method):
    """Remembers a formatting method's result per (language, value): the values are few and
    repeat on every page."""
    @functools.wraps(method)
    def remembered(self, lang, value):
        key = (method.__name__, lang, value)
        try:
            return self._formatted[key]
        except KeyError:
            result = self._formatted[key] = method(self, lang, value)
            return result
    return remembered


class Localizer:
    """Everything language-dependent the templates call, bound to the site's settings."""

    def __init__(self, settings: dict, catalogs: dict[str, Translations]):
        self.languages = settings["PORTAL_LANGUAGES"]
        self.default = settings.get("DEFAULT_LANG", next(iter(self.languages)))
        self.catalogs = catalogs
        self._formatted: dict[tuple, object] = {}

    def lang_of(self, context) -> str:
        lang = context.get("lang")
        if not lang:
            page = context.get("page") or context.get("article")
            lang = getattr(page, "lang", None)
        return lang if lang in self.languages else self.default

    def locale(self, lang: str) -> str:
        return self.languages[lang].get("locale", lang)

    def fallbacks(self, lang: str) -> list[str]:
        return self.languages[lang].get("fallback", [])

    @_memo
    def number(self, lang: str, value) -> str:
        return format_decimal(value, locale=self.locale(lang))

    @_memo
    def date(self, lang: str, value) -> str:
        if isinstance(value, int):
            return str(value)
        return format_date(value, format="long", locale=self.locale(lang))

    @_memo
    def short_date(self, lang: str, value) -> str:
        """A date in a table column ("10.08.2020", "10 Aug 2020")."""
        if isinstance(value, int):
            return str(value)
        return format_date(value, format=self.languages[lang].get("short_date", "medium"), locale=self.locale(lang))

    @_memo
    def month_name(self, lang: str, month: int) -> str:
        """The month on its own, as a heading ("Сакавік", "Март", "March")."""
        name = format_date(datetime.date(2000, month, 1), format="LLLL", locale=self.locale(lang))
        return name[:1].upper() + name[1:]

    def month_year(self, lang: str, value: datetime.date) -> str:
        """A month of a year ("жнівень 2020", "август 2020 г.", "August 2020")."""
        return format_skeleton("yMMMM", value, locale=self.locale(lang))

    def month_short(self, lang: str, value: datetime.date) -> str:
        """A month's short name, as on a chart's axis ("жні", "авг.", "Aug")."""
        return format_date(value, format="LLL", locale=self.locale(lang))

    @_memo
    def day_month(self, lang: str, value: datetime.date) -> str:
        """A date without the year ("14 сакавіка", "14 марта", "14 March")."""
        return format_date(value, format="d MMMM", locale=self.locale(lang))

    @_memo
    def language_name(self, lang: str, code: str) -> str:
        return Locale.parse(self.locale(lang)).languages.get(code, code)

    @_memo
    def plural_forms(self, lang: str, message: tuple[str, str]) -> str:
        singular, plural = message
        locale = Locale.parse(self.locale(lang))
        forms = {}
        for count in range(200):  # every integer category shows up below 200
            forms.setdefault(locale.plural_form(count), self.catalogs[lang].ngettext(singular, plural, count))
        return json.dumps(forms, ensure_ascii=False)

    def pick(self, lang: str, value: Localized | Text | None):
        if isinstance(value, Text):
            return value  # already picked (a list's surname-first name)
        return value.pick(lang, self.fallbacks(lang)) if value else None

    def install(self, env) -> None:
        """Puts the gettext functions and the locale filters into a Jinja environment."""
        localizer = self
        env.add_extension("jinja2.ext.i18n")
        env.newstyle_gettext = True

        translated: dict[tuple, str] = {}  # (lang, message, autoescape) -> text: some 30 lookups a page

        @pass_context
        def gettext(context, message, **variables):
            key = (localizer.lang_of(context), message, context.eval_ctx.autoescape)
            text = translated.get(key)
            if text is None:
                text = translated[key] = _markup(context, localizer.catalogs[key[0]].gettext(message))
            return text % variables if variables else text

        @pass_context
        def ngettext(context, singular, plural, count, **variables):
            lang = localizer.lang_of(context)
            text = localizer.catalogs[lang].ngettext(singular, plural, count)
            variables.setdefault("num", localizer.number(lang, count))
            return _markup(context, text) % variables

        def in_page_language(format_for):
            """A filter that formats its value with `format_for(lang, value)` in the page's language."""
            @pass_context
            def formatted(context, value):
                return format_for(localizer.lang_of(context), value)
            return formatted

        @pass_context
        def l10n(context, value):
            """Localized text in the page's language; a fallback is marked with its lang."""
            text = localizer.pick(localizer.lang_of(context), value)
            if text is None:
                return ""
            if text.is_fallback and text.lang:
                return Markup('<span lang="{}">{}</span>').format(text.lang, text.value)
            return escape(text.value)

        @pass_context
        def language_name(context, code):
            """The name of a language in the page's language, from CLDR ("Belarusian", "белорусский")."""
            return localizer.language_name(localizer.lang_of(context), code)

        @pass_context
        def plain(context, value):
            """Localized text as a plain string (for titles and attributes)."""
            text = localizer.pick(localizer.lang_of(context), value)
            return text.value if text else ""

        @pass_context
        def plural_forms(context, singular, plural):
            """The message's plural forms in the page's language, by CLDR category, as JSON: the
            scripts pick one with Intl.PluralRules and put the number in for %(num)s."""
            return localizer.plural_forms(localizer.lang_of(context), (singular, plural))

        # For the one page that speaks every language at once (the root page).
        def gettext_in(lang, message):
            return localizer.catalogs[lang].gettext(message)

        def ngettext_in(lang, singular, plural, count):
            text = localizer.catalogs[lang].ngettext(singular, plural, count)
            return text % {"num": localizer.number(lang, count)} if "%(num)" in text else text

        def number_in(lang, value):
            return localizer.number(lang, value)

        env.globals.update(gettext=gettext, _=gettext, ngettext=ngettext, plural_forms=plural_forms,
                           gettext_in=gettext_in, ngettext_in=ngettext_in, number_in=number_in)
        env.filters.update({name: in_page_language(getattr(localizer, name))
                            for name in ("number", "date", "short_date", "month_name", "day_month")})
        env.filters.update(l10n=l10n, plain=plain, language_name=language_name)
        # The chart's axis and table, and the files for other sites (badges, feeds, cards).
        env.filters.update({name: in_page_language(getattr(localizer, name)) for name in ("month_year", "month_short")})
        env.globals.update(date_in=localizer.date)


def _markup(context, text):
    """A translation in an autoescaping template is markup: its variables are escaped into it."""
    return Markup(text) if context.eval_ctx.autoescape else text

