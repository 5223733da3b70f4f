"""One of the site's languages, typed: everything that differs between be, ru and en.

The settings give each language as a few plain values (PORTAL_LANGUAGES in pelicanconf.py);
`Languages.from_settings()` turns them into Language objects, checked once, and every step
of the build asks a Language instead of reading the settings: which text to show where a
record lacks this language (`pick`), the alphabetical order of its lists (`sort_key`), the
letter a name is filed under (`initial`), which names it shows in Latin letters
(`transliterate`), its plural rules, its numbers and dates (Babel, in the CLDR locale
`locale`), and its UI strings (the catalog in translations/<code>/, compiled when first
used).

Formatting a number or a date with Babel takes tens of microseconds, and 10,000 people bring
a few thousand distinct dates to hundreds of thousands of places on the pages: each Language
remembers what it formatted (the results depend on the language and the value only).
"""
from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from .collation import initial, sort_key_for
from .localized import Localized, Text

# The settings of one language, and what each is for (the message of a wrong setting).
SETTING_KEYS = {
    "name": "the language's name in itself, shown in the language switch",
    "locale": "the CLDR locale of numbers and dates, e.g. be, ru, en_GB",
    "alphabet": "the letters of the alphabet in order, for sorting and the alphabet index",
    "fallback": "the languages a missing name or text is taken from, in order",
    "short_date": "the CLDR pattern of dates in tables, e.g. dd.MM.yyyy",
    "transliterate": "the languages whose names this one shows in Latin letters where it has none",
}


def _remembered(method):
    """A formatting method that computes each (value) once per Language."""
    @functools.wraps(method)
    def remembered(self, value):
        key = (method.__name__, value)
        try:
            return self.formatted[key]
        except KeyError:
            result = self.formatted[key] = method(self, value)
            return result
    return remembered


@dataclass(frozen=True, eq=False)
class Language:
    code: str
    name: str
    locale: str
    alphabet: str
    fallbacks: tuple[str, ...] = ()
    short_date_pattern: str = "medium"
    transliterate: tuple[str, ...] = ()
    catalog_file: Path | None = None  # translations/<code>/LC_MESSAGES/messages.po
    formatted: dict = field(default_factory=dict, repr=False)  # (method, value) -> text

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    # Text in several languages

    def pick(self, localized: Localized | Text | None) -> Text | None:
        """The text in this language, else in the first of its fallbacks that has one."""
        if isinstance(localized, Text):
            return localized  # already picked (a list's surname-first name)
        return localized.pick(self.code, self.fallbacks) if localized else None

    def text(self, localized: Localized | Text | None) -> str:
        """pick() as a plain string ("" where no language has the text)."""
        picked = self.pick(localized)
        return picked.value if picked else ""

    # Order

    @functools.cached_property
    def sort_key(self) -> Callable[[str], tuple]:
        return sort_key_for(self.alphabet)

    def initial(self, name: str) -> str | None:
        return initial(name, self.alphabet)

    # Numbers, dates, plural rules (CLDR, through Babel)

    @functools.cached_property
    def babel_locale(self) -> Locale:
        return Locale.parse(self.locale)

    def plural_category(self, count: int) -> str:
        """The CLDR plural category of `count` ("one", "few", "many", "other")."""
        return self.babel_locale.plural_form(count)

    @_remembered
    def number(self, value) -> str:
        return format_decimal(value, locale=self.locale)

    @_remembered
    def date(self, value) -> str:
        """A date in words ("14 сакавіка 1985 г."); a bare year as it is."""
        if isinstance(value, int):
            return str(value)
        return format_date(value, format="long", locale=self.locale)

    @_remembered
    def short_date(self, value) -> str:
        """A date in a table column ("10.08.2020", "10 Aug 2020")."""
        if isinstance(value, int):
            return str(value)
        return format_date(value, format=self.short_date_pattern, locale=self.locale)

    @_remembered
    def month_name(self, month: int) -> str:
        """The month on its own, as a heading ("Сакавік", "Март", "March")."""
        name = format_date(datetime.date(2000, month, 1), format="LLLL", locale=self.locale)
        return name[:1].upper() + name[1:]

    def month_year(self, value: datetime.date) -> str:
        """A month of a year on its own, as a table's row heading ("жнівень 2020", "август
        2020 г.", "August 2020"): the nominative."""
        return format_skeleton("yMMMM", value, locale=self.locale)

    @_remembered
    def month_year_in_sentence(self, value: datetime.date) -> str:
        """A month of a year inside a sentence, after "from" or "at the end of" ("ад жніўня
        2020", "с августа 2020 г.", "August 2020"): the genitive where the language declines
        months. CLDR's pattern of month_year() with its stand-alone month (LLLL, the
        nominative) turned into the month of a date (MMMM, the genitive in be and ru)."""
        pattern = self.babel_locale.datetime_skeletons["yMMMM"].pattern.replace("LLLL", "MMMM")
        return format_date(value, format=pattern, locale=self.locale)

    def month_short(self, value: datetime.date) -> str:
        """A month's short name, as on a chart's axis ("жні", "авг.", "Aug")."""
        return format_date(value, format="LLL", locale=self.locale)

    @_remembered
    def day_month(self, value: datetime.date) -> str:
        """A date without the year ("14 сакавіка", "14 марта", "14 March")."""
        return format_date(value, format="d MMMM", locale=self.locale)

    @_remembered
    def month_in_date(self, month: int) -> str:
        """The month as day_month() writes it after the day ("сакавіка", "марта", "March"): the
        write page's script puts a day before it where the browser has no dates in this language
        (Chromium has none in Belarusian), so its dates read as the page's own."""
        return format_date(datetime.date(2000, month, 1), format="MMMM", locale=self.locale)

    @_remembered
    def language_name(self, code: str) -> str:
        """The name of another language in this one, from CLDR ("Belarusian", "белорусский")."""
        return self.babel_locale.languages.get(code, code)

    # UI strings

    @functools.cached_property
    def catalog(self) -> NullTranslations:
        """The compiled catalog of the UI strings (the .po file, compiled in memory, so that a
        translator's edit needs no compile step); without a file, the strings as written."""
        if self.catalog_file is None:
            return NullTranslations()
        with self.catalog_file.open("rb") as po_file:
            messages = read_po(po_file, locale=self.code)
        compiled = BytesIO()
        write_mo(compiled, messages, use_fuzzy=False)
        compiled.seek(0)
        return Translations(compiled)

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form for `count`, with %(num)s filled in with the number in this language."""
        text = self.catalog.ngettext(singular, plural, count)
        return fill_in(text, {"num": self.number(count)}) if "%(num)" in text else text

    @_remembered
    def plural_forms(self, message: tuple[str, str]) -> str:
        """The message's forms by CLDR category, as JSON: the scripts pick one with
        Intl.PluralRules and put the number in for %(num)s."""
        singular, plural = message
        forms = {}
        for count in range(200):  # every integer category shows up below 200
            forms.setdefault(self.plural_category(count), self.catalog.ngettext(singular, plural, count))
        return json.dumps(forms, ensure_ascii=False)


def fill_in(message: str, variables: dict) -> str:
    """message % variables, where a value that ends in a full stop (a date ending in the
    abbreviation "г.") swallows the full stop that ends the message's sentence after it:
    "… на 31 жніўня 2025 г.", not "г..". A Markup message stays Markup (its % escapes)."""
    for name, value in variables.items():
        if isinstance(value, str) and value.endswith("."):
            message = message.replace(f"%({name})s.", f"%({name})s")
    return message % variables


class LanguageSettingError(ValueError):
    """PORTAL_LANGUAGES is not as pelicanconf.py documents it."""


class Languages:
    """The site's languages in the order of the language switch; the default one first."""

    def __init__(self, languages: list[Language], default: str):
        self.by_code = {language.code: language for language in languages}
        self.default = self.by_code[default]

    @classmethod
    def from_settings(cls, settings: dict) -> "Languages":
        configured = settings["PORTAL_LANGUAGES"]
        catalogs = settings.get("PORTAL_TRANSLATIONS_PATH")
        languages = []
        for code, options in configured.items():
            unknown = sorted(set(options) - set(SETTING_KEYS))
            if unknown:
                raise LanguageSettingError(
                    f'PORTAL_LANGUAGES["{code}"] has the unknown key "{unknown[0]}"; the keys are: '
                    + "; ".join(f"{key}: {what}" for key, what in SETTING_KEYS.items()) + ".")
            for key in ("name", "alphabet"):
                if not options.get(key):
                    raise LanguageSettingError(f'PORTAL_LANGUAGES["{code}"] needs "{key}": {SETTING_KEYS[key]}.')
            others = [*options.get("fallback", []), *options.get("transliterate", [])]
            stray = [other for other in others if other not in configured]
            if stray:
                raise LanguageSettingError(f'PORTAL_LANGUAGES["{code}"] names "{stray[0]}", which is not one of '
                                           f"the site's languages ({', '.join(configured)}).")
            catalog = Path(catalogs) / code / "LC_MESSAGES" / "messages.po" if catalogs else None
            languages.append(Language(
                code=code, name=options["name"], locale=options.get("locale", code), alphabet=options["alphabet"],
                fallbacks=tuple(options.get("fallback", [])), short_date_pattern=options.get("short_date", "medium"),
                transliterate=tuple(options.get("transliterate", [])),
                catalog_file=catalog if catalog is not None and catalog.is_file() else None))
        default = settings.get("DEFAULT_LANG") or next(iter(configured))
        if default not in configured:
            raise LanguageSettingError(f'DEFAULT_LANG "{default}" is not one of PORTAL_LANGUAGES ({", ".join(configured)}).')
        if default != next(iter(configured)):
            # The root and 404 pages speak it first, the sitemap lists each page under it.
            raise LanguageSettingError(f'DEFAULT_LANG "{default}" must come first in PORTAL_LANGUAGES, the order of the '
                                       "language switch: move its entry to the top.")
        return cls(languages, default)

    def __iter__(self) -> Iterator[Language]:
        return iter(self.by_code.values())

    def __len__(self) -> int:
        return len(self.by_code)

    def __getitem__(self, code: str) -> Language:
        return self.by_code[code]

    def __contains__(self, code) -> bool:
        return code in self.by_code

    @property
    def codes(self) -> list[str]:
        return list(self.by_code)
