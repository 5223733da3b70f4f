"""Checks of single fields of a record, each with a message a volunteer can act on.

All record types (people, institutions, data files) go through these, so a kind of
mistake is described in the same words wherever it is made.
"""
from __future__ import annotations

import datetime
import difflib
import re

from babel import Locale, UnknownLocaleError

from .frontmatter import RecordFile
from ..language.localized import Localized
from .problems import Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Envelope addresses and names are written in Cyrillic (Russian or Belarusian letters).
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}$")


class Fields:
    """Reads the fields of one record and collects what is wrong with them."""

    def __init__(self, record: RecordFile, today: datetime.date):
        self.record = record
        self.data = record.data
        self.today = today
        self.problems: list[Problem] = []

    def problem(self, key: str | None, message: str, fix: str, line: int | None = None) -> None:
        if line is None and key is not None:
            line = self.record.line_of(key.split(".")[0])
        self.problems.append(Problem(self.record.path, line, key, message, fix))

    def unknown_keys(self, allowed: list[str]) -> None:
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                fix = f'did you mean "{close[0]}"?' if close else "remove it, or use one of: " + ", ".join(allowed) + "."
                self.problem(str(key), f'"{key}" is not a known key.', fix)

    def missing(self, key: str, fix: str) -> None:
        self.problem(key, f'the required key "{key}" is missing.', fix, line=self.record.line_of(key) or 1)

    def text(self, key: str, required: bool = False, fix: str = "") -> str | None:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.missing(key, fix or f"add a line '{key}: …'.")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.problem(key, "this must be a single piece of text.", fix or f"write '{key}: some text' on one line.")
            return None
        return value.strip()

    def identifier(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_PATTERN.match(value):
            self.problem(
                key,
                f'"{value}" is not a valid id.',
                "use only small Latin letters, digits and single hyphens, e.g. ivan-ivanau.",
            )
            return None
        return value

    def choice(self, key: str, choices, required: bool = False, where: str = "", default=None):
        """A value that must be one of `choices` (a list, or a dict of id -> object)."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.missing(key, f"add '{key}: ' with one of: {listing(choices)}{where}.")
            return default
        key_value = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
        if key_value in choices:
            return choices[key_value] if isinstance(choices, dict) else key_value
        close = difflib.get_close_matches(key_value, list(choices), n=1)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        if choices:
            fix = f"{hint}use one of: {listing(choices)}{where}."
        else:
            fix = f"none is defined yet{where}: add it first, or remove this line."
        self.problem(key, f'"{value}" is not a known {key}.', fix)
        return default

    def date(self, key: str, required: bool = False, allow_year: bool = False):
        """A date (YYYY-MM-DD), or with `allow_year` a bare year; never in the future."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key, f"add '{key}: YYYY-MM-DD', e.g. '{key}: {self.today.isoformat()}'.")
            return None
        if isinstance(value, datetime.datetime):
            value = value.date()
        if allow_year and isinstance(value, int) and not isinstance(value, bool):
            if 1900 <= value <= self.today.year:
                return value
            self.problem(key, f"the year {value} is not possible.", f"write a year between 1900 and {self.today.year}.")
            return None
        if not isinstance(value, datetime.date):
            form = "YYYY-MM-DD or a bare year (YYYY)" if allow_year else "YYYY-MM-DD"
            self.problem(key, f'"{value}" is not a date.', f"write the date as {form}, e.g. {key}: 2021-06-01.")
            return None
        if value > self.today:
            self.problem(
                key,
                f"the date {value.isoformat()} lies in the future.",
                "write the date on which it happened; check the year, month and day order (YYYY-MM-DD).",
            )
            return None
        return value

    def localized(self, key: str, languages: list[str], required: bool = False, allow_plain: bool = False,
                  all_languages: bool = False) -> Localized | None:
        """A mapping from language code to text (or, with `allow_plain`, plain text)."""
        value = self.data.get(key)
        example = f"{key}:\n  be: …\n  ru: …\n  en: …"
        if value is None or value == "" or value == {}:
            if required:
                self.missing(key, f"add the text in each language:\n{_indent(example)}")
            return None
        if isinstance(value, str):
            if allow_plain:
                return Localized({None: value.strip()})
            self.problem(key, "this must give the text per language, not one piece of text.", f"write it as:\n{_indent(example)}")
            return None
        if not isinstance(value, dict):
            self.problem(key, "this must give the text per language.", f"write it as:\n{_indent(example)}")
            return None
        result = {}
        for lang, text in value.items():
            if lang not in languages:
                self.problem(f"{key}.{lang}", f'"{lang}" is not one of the site\'s languages.', f"use {', '.join(languages)}.")
            elif text is not None and not isinstance(text, str):
                self.problem(f"{key}.{lang}", "this must be text.", f"write '{lang}: ' followed by the text.")
            elif text and text.strip():
                result[lang] = " ".join(text.split()) if "\n" not in text.strip() else text.strip()
        if all_languages:
            for lang in languages:
                if lang not in result:
                    self.problem(f"{key}.{lang}", f"the text in {lang} is missing.", f"add '{lang}: …' under '{key}:'.")
        if required and not result:
            self.problem(key, "no language has any text.", f"write the text in at least one language:\n{_indent(example)}")
            return None
        return Localized(result)

    def text_list(self, key: str, pattern: re.Pattern | None = None, fix: str = "") -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list):
            self.problem(key, "this must be a list.", fix or f'write it as {key}: ["…", "…"].')
            return []
        items = []
        for item in value:
            item_text = str(item).strip() if isinstance(item, (str, int)) and not isinstance(item, bool) else None
            if not item_text or (pattern is not None and not pattern.match(item_text)):
                self.problem(key, f'"{item}" is not a valid entry.', fix or f'write it as {key}: ["…", "…"].')
                continue
            items.append(item_text)
        return items

    def language_tag(self, key: str, value: str | None = None, *, read: bool = True) -> str | None:
        """A language code of any language (be, ru, en, pl, lt, de…), as CLDR knows it."""
        if read:
            value = self.text(key)
        if value is None:
            return None
        try:
            if _LANGUAGE_TAG.match(value):
                Locale.parse(value)
                return value
        except (UnknownLocaleError, ValueError):
            pass
        self.problem(key, f'"{value}" is not a language code.', "use a two-letter code such as be, ru, en, pl, lt or de.")
        return None

    def language_tags(self, key: str) -> list[str]:
        """A list of language codes, each once."""
        tags = [self.language_tag(key, value, read=False)
                for value in self.text_list(key, fix=f"write the language codes as a list, e.g. {key}: [be, ru].")]
        return list(dict.fromkeys(tag for tag in tags if tag))

    def url(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _URL.match(value):
            self.problem(key, f'"{value}" is not a web address.', f"write the full address starting with https://, e.g. {key}: https://example.org.")
            return None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f'"{value}" is not true or false.', f"write {key}: true or {key}: false.")
            return default
        return value

    def positive_int(self, key: str, required: bool = False, fix: str = "") -> int | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key, fix or f"add '{key}: 1'.")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem(key, f'"{value}" is not a whole number above zero.', fix or f"write e.g. '{key}: 1'.")
            return None
        return value

    def urls(self, key: str) -> list[str]:
        return self.text_list(
            key,
            _URL,
            fix=f"give full web addresses starting with https:// or http://, e.g. {key}: [https://spring96.org/…].",
        )


def listing(choices) -> str:
    return ", ".join(str(c) for c in choices)


def _indent(text: str) -> str:
    return "\n".join("        " + line for line in text.splitlines())
