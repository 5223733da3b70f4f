"""A list's mapping file, content/data/imports/<source>.yaml: how its columns and words become
the fields of a person file. content/data/imports/template.yaml documents every key.

The mapping is checked against the content (category, institution, penalty and article ids
must exist), and every problem is named with its key and the fix; `MappingError` carries them.
Values are compared `normal()`ised: case, ё/е, spaces and a final full stop do not matter.
"""
from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.model import ReferenceData
from ..content.safety import MAX_TEXT_BYTES, load_yaml

# The fields a column can fill, in the order of the person file.
FIELDS = ["id", "name", "born", "gender", "status", "detained", "articles", "sentenced", "penalty", "sentence",
          "institution", "released", "died", "recognised", "sources"]
# Where a status rule may look: the column's value as the mapping reads it.
CONDITIONS = ["penalty", "place", "released", "died"]
TOP_KEYS = ["source", "label", "recognised_by", "name_order", "columns", "ignored", "date_formats", "statuses", "genders",
            "penalties", "prisons", "places", "articles", "counted_only"]
DATE_FORMATS = {"YYYY-MM-DD": "%Y-%m-%d", "DD.MM.YYYY": "%d.%m.%Y", "DD/MM/YYYY": "%d/%m/%Y", "MM/DD/YYYY": "%m/%d/%Y",
                "DD.MM.YY": "%d.%m.%y"}
# The word the prison column's value stands for when it names a place of detention.
HELD_PLACE = "institution"


class MappingError(Exception):
    def __init__(self, path: str, problems: list[str]):
        super().__init__(f"{path}:\n" + "\n".join(f"    {problem}" for problem in problems))
        self.path, self.problems = path, problems


@functools.lru_cache(maxsize=1 << 16)  # a list repeats its words (statuses, prisons) thousands of times
def normal(text: str) -> str:
    """A value as the mapping compares it: "СИЗО-1, г. Минск." and "сизо-1, г. минск" are one."""
    text = " ".join(str(text).replace("ё", "е").replace("Ё", "Е").split()).casefold()
    return text.rstrip(".").strip()


@dataclass(frozen=True)
class StatusRule:
    """One rule of a status word: where every condition holds, the row gets `status` (or is
    counted only). `since`: the row's fields whose date, the first given, dates the status."""

    status: str
    when: dict[str, frozenset] = field(default_factory=dict)
    counted: bool = False
    since: tuple[str, ...] = ()

    def holds(self, facts: dict[str, str]) -> bool:
        return all(facts.get(key) in allowed for key, allowed in self.when.items())


@dataclass
class Mapping:
    source: str
    label: str
    path: str
    columns: dict[str, str]  # normal(header) -> field
    ignored: set[str]
    date_formats: list[str]
    statuses: dict[str, list[StatusRule]]
    genders: dict[str, str]
    penalties: dict[str, str]
    prisons: dict[str, str]
    places: dict[str, str]
    articles: dict[str, list[str]]
    counted_names: set[str]
    counted_statuses: set[str]
    recognised_by: str | None = None
    surname_first: bool = False  # the list writes "Іваноў Іван Іванавіч"; a person file, forename first

    def field_of(self, header: str) -> str | None:
        return self.columns.get(normal(header))


def mapping_path(folder: Path, source: str) -> Path:
    return folder / "imports" / f"{source}.yaml"


def load_mapping(path: Path, shown: str, reference: ReferenceData) -> Mapping:
    if not path.is_file() or path.is_symlink():
        raise MappingError(shown, ["the mapping file does not exist. Fix: copy content/data/imports/template.yaml "
                                   f"to {shown} and fill it in, or give SOURCE= with the name of an existing mapping."])
    raw = path.read_bytes()
    if len(raw) > MAX_TEXT_BYTES:
        raise MappingError(shown, ["the file is larger than 1 MB. Fix: a mapping lists words and names, not data."])
    try:
        data = load_yaml(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError, ValueError) as error:
        raise MappingError(shown, [f"the YAML cannot be read ({' '.join(str(error).split())}). Fix: check the "
                                   "indentation and the colon after each key; put text with a colon in quotes."]) from None
    if not isinstance(data, dict):
        raise MappingError(shown, ["the file is not a list of keys and values. Fix: start from template.yaml."])
    return _Checker(data, shown, reference).mapping()


class _Checker:
    """Reads each key of a mapping, collecting what is wrong with it."""

    def __init__(self, data: dict, shown: str, reference: ReferenceData):
        self.data, self.shown, self.reference, self.problems = data, shown, reference, []

    def problem(self, key: str, message: str, fix: str) -> None:
        self.problems.append(f"{key}: {message} Fix: {fix}")

    def table(self, key: str, required: bool = False) -> dict:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, "the key is missing.", f"add '{key}:' as in template.yaml.")
            return {}
        if not isinstance(value, dict):
            self.problem(key, "this must be a list of 'name: value' lines.", "see template.yaml.")
            return {}
        return value

    def words(self, key: str, item: str, value) -> list[str]:
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(word, (str, int)) and not isinstance(word, bool) for word in values):
            self.problem(f"{key}.{item}", "this must be a word or a list of words.", 'write e.g. [active, "активный"].')
            return []
        return [normal(word) for word in values]

    def reverse(self, key: str, known, where: str) -> dict[str, str]:
        """{id: [words]} -> {normal(word): id}, each id checked against `known`."""
        found = {}
        for item, value in self.table(key).items():
            if str(item) not in known:
                self.problem(f"{key}.{item}", f'"{item}" is not known{where}.',
                             f"use one of: {', '.join(map(str, known))}.")
                continue
            for word in self.words(key, item, value):
                found[word] = str(item)
        return found

    def mapping(self) -> Mapping:
        for key in self.data:
            if key not in TOP_KEYS:
                self.problem(str(key), "this is not a key of a mapping.", f"use only {', '.join(TOP_KEYS)}.")
        source = self.data.get("source")
        if not isinstance(source, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", source):
            self.problem("source", "the source must be an id of small Latin letters, digits and hyphens.",
                         "write e.g. source: viasna (it is written into every imported record).")
            source = ""
        columns = {}
        for item, value in self.table("columns", required=True).items():
            if item not in FIELDS:
                self.problem(f"columns.{item}", f'"{item}" is not a field an import fills.', f"use {', '.join(FIELDS)}.")
                continue
            for header in self.words("columns", item, value):
                columns[header] = item
        for needed in ("id", "status"):
            if needed not in columns.values():
                self.problem("columns", f'no column gives "{needed}".', f"add '{needed}: [<the column's header>]'.")
        ignored = set(self.words("ignored", "", self.data.get("ignored") or []))
        formats = []
        for written in self.data.get("date_formats") or ["YYYY-MM-DD", "DD.MM.YYYY"]:
            if written in DATE_FORMATS:
                formats.append(DATE_FORMATS[written])
            else:
                self.problem("date_formats", f'"{written}" is not a date format the import knows.',
                             f"use {', '.join(DATE_FORMATS)} (a bare year and Excel's day numbers are always read).")
        categories, institutions = self.reference.categories, self.reference.institutions
        penalties = self.reverse("penalties", self.reference.penalties, " in content/data/penalties.yaml")
        prisons = self.reverse("prisons", institutions, " in content/institutions/")
        places = {word: place for place, value in self.table("places").items()
                  for word in self.words("places", place, value)}
        genders = self.reverse("genders", ["male", "female"], "")
        statuses = {}
        for word, rules in self.table("statuses", required=True).items():
            statuses[normal(word)] = self.rules(str(word), rules, categories)
        articles = {}
        for text, codes in self.table("articles").items():
            codes = codes if isinstance(codes, list) else [codes]
            for code in codes:
                if not _article_known(str(code), self.reference.articles):
                    self.problem(f"articles.{text}", f'"{code}" is not an article in content/data/articles.yaml.',
                                 'write it as the person file does, e.g. "342-1"; add the article to articles.yaml first.')
            articles[normal(text)] = [str(code) for code in codes]
        counted = self.table("counted_only")
        counted_names = set(self.words("counted_only", "names", counted.get("names") or []))
        counted_statuses = set(self.words("counted_only", "statuses", counted.get("statuses") or []))
        recognised_by = self.data.get("recognised_by")
        if recognised_by is not None and not isinstance(recognised_by, str):
            self.problem("recognised_by", "this must be the organisation's name.", "write e.g. recognised_by: Viasna.")
            recognised_by = None
        order = self.data.get("name_order", "forename-first")
        if order not in ("forename-first", "surname-first"):
            self.problem("name_order", f'"{order}" is not an order of names.', "write forename-first or surname-first.")
        if self.problems:
            raise MappingError(self.shown, self.problems)
        return Mapping(source, str(self.data.get("label") or source), self.shown, columns, ignored, formats, statuses,
                       genders, penalties, prisons, places, articles, counted_names, counted_statuses, recognised_by,
                       order == "surname-first")

    def rules(self, word: str, rules, categories) -> list[StatusRule]:
        key = f"statuses.{word}"
        if isinstance(rules, str):
            rules = [{"status": rules}]
        if not isinstance(rules, list) or not all(isinstance(rule, dict) for rule in rules):
            self.problem(key, "this must be a status id, or a list of rules.", "see template.yaml.")
            return []
        read = []
        for number, rule in enumerate(rules, start=1):
            where = f"{key}, rule {number}"
            status = rule.get("status")
            if status not in categories:
                self.problem(where, f'"{status}" is not a status.',
                             f"use one of: {', '.join(categories)} (content/data/categories.yaml).")
                continue
            when = {}
            for condition, allowed in (rule.get("when") or {}).items():
                if condition not in CONDITIONS:
                    self.problem(where, f'"{condition}" is not a condition.', f"use {', '.join(CONDITIONS)}.")
                    continue
                values = allowed if isinstance(allowed, list) else [allowed]
                when[condition] = frozenset(normal(str(value).lower()) if isinstance(value, bool) else normal(value)
                                            for value in values)
            since = rule.get("since") or []
            since = [since] if isinstance(since, str) else since
            for name in since:
                if name not in ("sentenced", "detained", "released", "died", "recognised"):
                    self.problem(where, f'"{name}" is not a date field.',
                                 "use sentenced, detained, released, died or recognised.")
            for extra in set(rule) - {"status", "when", "counted", "since"}:
                self.problem(where, f'"{extra}" is not a key of a rule.', "use status, when, since and counted.")
            read.append(StatusRule(status, when, rule.get("counted") is True, tuple(since)))
        return read


def _article_known(code: str, articles: dict) -> bool:
    pieces = code.split("-")
    return any("-".join(pieces[:cut]) in articles for cut in range(len(pieces), 0, -1))


# --- The values of cells ----------------------------------------------------------------------

_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_date(text: str, formats: list[str]) -> datetime.date | int:
    """A date as a list writes it: one of `formats`, a bare year (an int), or Excel's day
    number (a spreadsheet that lost the cell's format: 44197 is 2021-01-01). Raises ValueError."""
    text = text.strip()
    if "%Y-%m-%d" in formats and _ISO.fullmatch(text):
        return datetime.date.fromisoformat(text)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):
        return _EXCEL_EPOCH + datetime.timedelta(days=int(float(text)))
    text = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2})?$", "", text)  # a time after the date
    for pattern in formats:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


_PART = re.compile(r"\b(?:ч(?:асть|астка)?\.?|part|п\.)\s*(\d{1,2})", re.I)
_ARTICLE = re.compile(r"\b(?:ст(?:атья|\.)?|арт(?:ыкул|\.)?|art(?:icle|\.)?)\s*(\d{1,3}(?:[.-]\d{1,2})?)", re.I)
_BARE = re.compile(r"(?<![\d.-])(\d{3}(?:[.-]\d{1,2})?)(?![\d])")


def read_articles(text: str, aliases: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """Free text ("ч.1 ст.342 УК; ст.130") -> (codes as the person file writes them: ["342-1",
    "130"], the pieces it could not read)."""
    codes, unread = [], []
    for piece in re.split(r"[;,\n]+", text):
        piece = piece.strip()
        if not piece:
            continue
        if normal(piece) in aliases:
            codes += aliases[normal(piece)]
            continue
        article = _ARTICLE.search(piece) or _BARE.search(piece)
        if article is None:
            unread.append(piece)
            continue
        number = article.group(1).replace(".", "-")
        part = _PART.search(piece)
        codes.append(f"{number}-{part.group(1)}" if part else number)
    return list(dict.fromkeys(codes)), unread
