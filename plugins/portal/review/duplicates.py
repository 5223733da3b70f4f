"""Probable duplicates: one person written twice, perhaps in another alphabet or spelling.

"Іван Іванаў", "Иван Иванов", "Ivan Ivanau" and "Ivanov Ivan" are one name. Each name a
record gives (be, ru, en…) becomes its Latin forms: every word in every spelling of
`language.translit.spellings()`, without diacritics (`fold()`), in small letters, the words
sorted (so the order of forename and surname does not matter), and once more without a
patronymic. Two records are the same name when they share a form, and a close one when two
forms are alike (difflib's ratio at least CLOSE): one more letter, another vowel. The close
forms are looked for only among forms that share a word exactly and the first letters of the
others (the blocks below), so that looking up a name among 10,000 people costs milliseconds.

A probable duplicate is the same name, or a close one unless the years of birth differ; the
same year of birth makes it stronger, and the review says which.
"""
from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..language import translit

CLOSE = 0.9  # difflib's ratio at which two forms of a name are alike
_MOST_FORMS = 64  # of one name: words with many spellings multiply
_WORD = re.compile(r"[^\W\d_]+(?:[" + translit.APOSTROPHES + r"][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")
_BELARUSIAN = re.compile(r"[ІіЎў]")
# Patronymics in Latin letters: Іванавіч, Иванович, Ивановна, Іванаўна…
_PATRONYMIC = re.compile(r".+(?:ovich|evich|avich|ovna|evna|auna|ichna)$")


@dataclass(frozen=True)
class Named:
    """A record as this module sees it: its id, its names by language, its year of birth."""

    id: str
    names: tuple[tuple[str, str], ...]  # (language, name) as the record writes them
    born: int | None = None


@dataclass(frozen=True)
class Match:
    """Another record whose name is the same as, or close to, the one looked up."""

    id: str
    exact: bool  # a form of the two names is the same
    ratio: float  # the closest two forms (1.0 when exact)
    born: str  # "same", "different" or "unknown" (one of the two has no year of birth)

    @property
    def probable(self) -> bool:
        return self.exact or (self.ratio >= CLOSE and self.born != "different")

    @property
    def strength(self) -> tuple:
        """Stronger matches sort first."""
        return (not self.exact, self.born != "same", -self.ratio, self.id)


@functools.lru_cache(maxsize=None)
def _word_forms(word: str, lang: str) -> tuple[str, ...]:
    """The Latin forms of one word, in small letters without diacritics."""
    if _CYRILLIC.search(word):
        if lang not in ("be", "ru"):
            lang = "be" if _BELARUSIAN.search(word) else "ru"
        spellings = translit.spellings(word, lang)
    else:
        spellings = [word]
    forms = {"".join(re.findall(r"[^\W\d_]", translit.fold(spelling).lower())) for spelling in spellings}
    return tuple(sorted(form for form in forms if form))


def name_forms(name: str, lang: str) -> set[str]:
    """The normalised forms of one name: each a string of words in sorted order."""
    alternatives = [_word_forms(word, lang) for word in _WORD.findall(name)]
    alternatives = [forms for forms in alternatives if forms]
    found = set()
    for words in itertools.islice(itertools.product(*alternatives), _MOST_FORMS):
        found.add(" ".join(sorted(words)))
        without = _without_patronymic(list(words))
        if without is not None:
            found.add(" ".join(sorted(without)))
    return found


def _without_patronymic(words: list[str]) -> list[str] | None:
    """Forename patronymic surname, or surname forename patronymic: the name without the
    patronymic, where a name of three words has one in the second or third place."""
    if len(words) != 3:
        return None
    for place in (1, 2):
        if _PATRONYMIC.match(words[place]):
            return words[:place] + words[place + 1:]
    return None


def _blocks(form: str) -> list[tuple[str, str]]:
    """Keys of the forms a close one is looked for among: one word exactly, the first letters
    of the others."""
    words = form.split(" ")
    return [(word, "".join(sorted(other[0] for other in words[:index] + words[index + 1:])))
            for index, word in enumerate(words)]


class NameIndex:
    """The names of many records, to look names up in."""

    def __init__(self, records: Iterable[Named]):
        self.born: dict[str, int | None] = {}
        self.ids_of_form: dict[str, set[str]] = defaultdict(set)
        self.forms_in_block: dict[tuple[str, str], set[str]] = defaultdict(set)
        for record in records:
            self.born[record.id] = record.born
            for form in forms_of(record):
                if form not in self.ids_of_form:
                    for block in _blocks(form):
                        self.forms_in_block[block].add(form)
                self.ids_of_form[form].add(record.id)
        self._ratios: dict[tuple[str, str], float] = {}

    def matches(self, record: Named, close: bool = True) -> list[Match]:
        """The probable duplicates of `record` in the index (itself excepted), strongest first.
        Without `close`, only the same name."""
        best: dict[str, float] = {}
        exact: set[str] = set()
        for form in forms_of(record):
            exact |= self.ids_of_form.get(form, set())
            if not close:
                continue
            for block in _blocks(form):
                for other in self.forms_in_block.get(block, ()):
                    ratio = self._ratio(form, other)
                    if ratio >= CLOSE:
                        for other_id in self.ids_of_form[other]:
                            best[other_id] = max(best.get(other_id, 0.0), ratio)
        found = []
        for other_id in exact | set(best):
            if other_id == record.id:
                continue
            match = Match(other_id, other_id in exact, 1.0 if other_id in exact else best[other_id],
                          _born(record.born, self.born[other_id]))
            if match.probable:
                found.append(match)
        return sorted(found, key=lambda match: match.strength)

    def _ratio(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        ratio = self._ratios.get(key)
        if ratio is None:
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            ratio = 0.0
            if matcher.real_quick_ratio() >= CLOSE and matcher.quick_ratio() >= CLOSE:
                ratio = matcher.ratio()
            self._ratios[key] = ratio
        return ratio


def forms_of(record: Named) -> set[str]:
    forms = set()
    for lang, name in record.names:
        forms |= name_forms(name, lang)
    return forms


def _born(a: int | None, b: int | None) -> str:
    if a is None or b is None:
        return "unknown"
    return "same" if a == b else "different"
