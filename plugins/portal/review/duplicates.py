"""Probable duplicates: one person written twice, perhaps in another alphabet or spelling.

One scorer serves `make duplicates` (commands/duplicates.py), the review of a change (the
"Probable duplicate" flag, flags.py) and an importer, which calls `pairs()` with rows that
are not files yet (`Named` records made from them) against the existing records.

**Names.** "Іван Іванаў", "Иван Иванов", "Ivan Ivanau" and "Ivanov Ivan" are one name. Each
name a record gives (be, ru, en…) becomes its Latin forms: every word in every spelling of
`language.translit.spellings()`, without diacritics (`fold()`), in small letters, the words
sorted (so the order of forename and surname does not matter), and once more without a
patronymic. Each form also has a loose form, which forgets what the alphabets and schemes
disagree on (Belarusian а and я for Russian о and е, ё/е, і/и/ы/й, ў/у/в, г as h or g, doubled
letters):
two names that share a form, or a loose form, are the same name; otherwise their closeness is
rapidfuzz's ratio of their closest forms (a typo: one letter more, less or another).

**Blocking.** Never all pairs: a record is compared only with records that share a name key
(one word of a loose form exactly, and the first letters of the others) and were born in the
same year, or of which one has no year of birth. Two records born in different years are
never a pair (the namesake born ten years later is another person; a year mistyped is the
price).

**The score** (0–100) adds what the records say (`score()`; each reason in `why`): the name
(the same: 60; close: less, by its ratio; below MIN_NAME not a pair at all), the birth (the
same day +30, the same year +15, different days of one year −30), the day of detention
(+20 the same, −10 another), the place of detention (+10, −5), the articles (+5 for one in
common, −5 for none), the gender (−40 if different) and the patronymics (−30 if both give one
and they differ). PROBABLE is where a pair is called probably one person; the labelled
fixture of tests/unit/test_duplicate_pairs.py measures precision and recall there.

A record's `not_duplicate_of` silences a pair someone has checked, in either direction.
"""
from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..language import translit
from ..language.name_keys import fold_word

PROBABLE = 60  # the score from which a pair is called probably one person
MIN_NAME = 85  # rapidfuzz ratio of the closest forms below which two names are not a pair
SAME_NAME = 97  # a loose form in common counts as this ratio: the same name in another spelling
SAME_CONSONANTS = 93  # as this, the same consonants in every word (Аляксей Ляшчэня, Алексей Лещеня)
_MOST_FORMS = 64  # of one name: words with many spellings multiply
_LARGEST_BLOCK = 2000  # records of one name key and year: beyond it the key says nothing
_WORD = re.compile(r"[^\W\d_]+(?:[" + translit.APOSTROPHES + r"][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")
_BELARUSIAN = re.compile(r"[ІіЎў]")
_RUSSIAN = re.compile(r"[ИиЪъЩщ]")
# Patronymics in Latin letters: Іванавіч, Иванович, Ивановна, Іванаўна…
_PATRONYMIC = re.compile(r".+(?:ovich|evich|avich|ovna|evna|auna|ouna|ichna)$")


@dataclass(frozen=True)
class Named:
    """A record as this module sees it. Made from a person record (`flags.named()`) or from an
    imported row that is not a file yet."""

    id: str
    names: tuple[tuple[str, str], ...]  # (language, name) as the record writes them
    born: int | datetime.date | None = None  # a year, or the day
    detained: datetime.date | None = None
    institution: str | None = None  # an institution's id
    articles: frozenset[str] = frozenset()  # article numbers, without their parts
    gender: str | None = None
    not_duplicate_of: frozenset[str] = frozenset()

    @property
    def birth_year(self) -> int | None:
        return self.born if isinstance(self.born, int) or self.born is None else self.born.year


@dataclass(frozen=True)
class Pair:
    """Two records that may be one person: `a` < `b`, the score 0–100 and why."""

    a: str
    b: str
    score: int
    why: tuple[str, ...]
    same_name: bool  # a form or a loose form in common

    @property
    def probable(self) -> bool:
        return self.score >= PROBABLE

    def other(self, record_id: str) -> str:
        return self.b if record_id == self.a else self.a

    def as_json(self) -> dict:
        return {"a": self.a, "b": self.b, "score": self.score, "why": list(self.why)}


@functools.lru_cache(maxsize=100_000)
def _word_forms(word: str, lang: str) -> tuple[str, ...]:
    """The Latin forms of one word, in small letters without diacritics. A word is spelt as the
    language whose letters it has (a Belarusian name typed with Russian и and у is Russian
    letters), else as the record's language, else as both."""
    if _CYRILLIC.search(word):
        langs = [code for code, letters in (("be", _BELARUSIAN), ("ru", _RUSSIAN)) if letters.search(word)]
        langs = langs or ([lang] if lang in ("be", "ru") else ["be", "ru"])
        spellings = [spelling for code in langs for spelling in translit.spellings(word, code)]
    else:
        spellings = [word]
    forms = {"".join(re.findall(r"[a-z]", translit.fold(spelling).lower())) for spelling in spellings}
    return tuple(sorted(form for form in forms if form))


@functools.lru_cache(maxsize=100_000)
def loose(word: str) -> str:
    """A word's form without what spellings of one name disagree on: Ivanau, Ivanov, Ivanou →
    iuanau. The search keys' folding (language/name_keys.py): one table of rules for both."""
    return fold_word(word)


def skeleton(word: str) -> str:
    """A loose form without its vowels: what a Belarusian and a Russian spelling of a name keep
    in common (Ляшчэня, Лещеня → lsxn)."""
    return re.sub(r"[aeiou]", "", loose(word))


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
    place = _patronymic_place(words)
    return None if place is None else words[:place] + words[place + 1:]


def _patronymic_place(words: list) -> int | None:
    """Where a name of three words has its patronymic; `words` are forms, or tuples of a
    word's forms (any of which may show it)."""
    if len(words) != 3:
        return None
    spelt = [(word,) if isinstance(word, str) else word for word in words]
    return next((place for place in (1, 2) if any(_PATRONYMIC.match(form) for form in spelt[place])), None)


@dataclass
class _Prepared:
    """What comparing a record needs, computed once."""

    record: Named
    forms: list[str]
    loose_forms: set[str]
    skeletons: set[str]  # of the loose forms: each word without vowels, sorted
    patronymics: set[str] = field(default_factory=set)  # loose forms of its patronymic(s)


def _prepare(record: Named) -> _Prepared:
    forms: set[str] = set()
    patronymics: set[str] = set()
    for lang, name in record.names:
        forms |= name_forms(name, lang)
        words = [forms for forms in (_word_forms(word, lang) for word in _WORD.findall(name)) if forms]
        place = _patronymic_place(words)
        if place is not None:
            patronymics |= {loose(spelling) for spelling in words[place]}
    loose_forms = {" ".join(sorted(loose(word) for word in form.split(" "))) for form in forms}
    skeletons = {" ".join(sorted(skeleton(word) for word in form.split(" "))) for form in loose_forms}
    return _Prepared(record, sorted(forms), loose_forms, skeletons, patronymics)


def _keys(prepared: _Prepared) -> set[tuple[str, str]]:
    """The name keys a record is found under: one word of a loose form without its vowels,
    and the first letters of the others."""
    keys = set()
    for form in prepared.loose_forms:
        words = form.split(" ")
        for index, word in enumerate(words):
            keys.add((skeleton(word) or word, "".join(sorted(other[0] for other in words[:index] + words[index + 1:]))))
    return keys


def _name_ratio(a: _Prepared, b: _Prepared) -> tuple[float, str]:
    """The closeness of two records' names (0–100), and what it is: "same", "spelling" (a loose
    form in common), "consonants" or "similar"."""
    if a.loose_forms & b.loose_forms:
        return (100.0, "same") if set(a.forms) & set(b.forms) else (SAME_NAME, "spelling")
    if a.skeletons & b.skeletons:
        return SAME_CONSONANTS, "consonants"
    best = 0.0
    # Words are in sorted order, which a typo in a first letter can change: b's both ways round.
    for mine, theirs in ((a.forms, b.forms), (sorted(a.loose_forms), sorted(b.loose_forms))):
        theirs = theirs + [" ".join(reversed(form.split(" "))) for form in theirs]
        for form in mine:
            found = process.extractOne(form, theirs, scorer=fuzz.ratio, score_cutoff=max(best, MIN_NAME - 1))
            if found is not None:
                best = found[1]
    return best, "similar"


def score(a: Named, b: Named) -> Pair | None:
    """The two records as a pair, or None where their names are too far apart or someone has
    checked that they are two people."""
    return _score(_prepare(a), _prepare(b))


def _score(a: _Prepared, b: _Prepared) -> Pair | None:
    one, two = a.record, b.record
    if two.id in one.not_duplicate_of or one.id in two.not_duplicate_of or one.id == two.id:
        return None
    ratio, kind = _name_ratio(a, b)
    if ratio < MIN_NAME:
        return None
    points = 60 if kind in ("same", "spelling") else min(60, round(60 - (SAME_NAME - ratio) * 2))
    why = [{"same": "the same name", "spelling": "the same name in another spelling",
            "consonants": "the same name but for its vowels"}.get(kind, f"a similar name ({round(ratio)}%)")]
    if a.patronymics and b.patronymics and not a.patronymics & b.patronymics:
        points -= 30
        why.append("different patronymics")
    if one.gender and two.gender and one.gender != two.gender:
        points -= 40
        why.append("one a man, the other a woman")
    full_a, full_b = isinstance(one.born, datetime.date), isinstance(two.born, datetime.date)
    if one.birth_year is not None and two.birth_year is not None:
        if one.birth_year != two.birth_year:
            points -= 40
            why.append(f"born in different years ({one.birth_year}, {two.birth_year})")
        elif full_a and full_b and one.born != two.born:
            points -= 30
            why.append(f"born on different days of {one.birth_year}")
        elif full_a and full_b:
            points += 30
            why.append(f"born the same day ({one.born.isoformat()})")
        else:
            points += 15
            why.append(f"born the same year ({one.birth_year})")
    else:
        why.append("no year of birth to compare")
    if one.detained and two.detained:
        if one.detained == two.detained:
            points += 20
            why.append(f"detained the same day ({one.detained.isoformat()})")
        else:
            points -= 10
            why.append("detained on different days")
    if one.institution and two.institution:
        if one.institution == two.institution:
            points += 10
            why.append(f"held at the same place ({one.institution})")
        else:
            points -= 5
            why.append("held at different places")
    if one.articles and two.articles:
        common = sorted(one.articles & two.articles)
        if common:
            points += 5
            why.append(f"charged under the same article{'s' if len(common) > 1 else ''} ({', '.join(common)})")
        else:
            points -= 5
            why.append("no article in common")
    first, second = sorted((one.id, two.id))
    return Pair(first, second, max(0, min(100, points)), tuple(why), kind in ("same", "spelling"))


class DuplicateIndex:
    """Records to look others up among, by name key and year of birth."""

    def __init__(self, records: Iterable[Named]):
        self._prepared: dict[str, _Prepared] = {}
        # name key -> year of birth (None: unknown) -> ids
        self._blocks: dict[tuple[str, str], dict[int | None, list[str]]] = defaultdict(lambda: defaultdict(list))
        for record in records:
            prepared = _prepare(record)
            self._prepared[record.id] = prepared
            for key in _keys(prepared):
                self._blocks[key][record.birth_year].append(record.id)

    def candidates(self, record: Named, prepared: _Prepared | None = None) -> set[str]:
        """The ids a record is compared with: the same name key, and the same year of birth or
        no year on one side."""
        prepared = prepared or _prepare(record)
        found: set[str] = set()
        for key in _keys(prepared):
            by_year = self._blocks.get(key)
            if not by_year:
                continue
            years = by_year.keys() if record.birth_year is None else (record.birth_year, None)
            for year in years:
                ids = by_year.get(year, ())
                if len(ids) <= _LARGEST_BLOCK:
                    found.update(ids)
        found.discard(record.id)
        return found

    def matches(self, record: Named, minimum: int = PROBABLE) -> list[Pair]:
        """The pairs of `record` with the records of the index scoring at least `minimum`,
        strongest first."""
        prepared = _prepare(record)
        found = [pair for other in self.candidates(record, prepared)
                 if (pair := _score(prepared, self._prepared[other])) is not None and pair.score >= minimum]
        return sorted(found, key=lambda pair: (-pair.score, pair.other(record.id)))


def pairs(records: Iterable[Named], existing: Iterable[Named] = (), minimum: int = PROBABLE) -> list[Pair]:
    """The pairs scoring at least `minimum` among `records` and between them and `existing`
    (an import's rows against the records already there), strongest first; each pair once."""
    records = list(records)
    index = DuplicateIndex(itertools.chain(existing, records))
    found: dict[tuple[str, str], Pair] = {}
    for record in records:
        for pair in index.matches(record, minimum):
            found.setdefault((pair.a, pair.b), pair)
    return sorted(found.values(), key=lambda pair: (-pair.score, pair.a, pair.b))
