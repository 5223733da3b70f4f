"""The labelled fixture of probable duplicates: fictional rows, each labelled with the person it is.

    .venv/bin/python tests/make_duplicates_fixture.py   # writes tests/fixtures/duplicates.json

Deterministic (a fixed seed; the names are bench/generate.py's fictional ones): the same
script gives the same file, byte for byte, and tests/unit/test_duplicate_pairs.py checks that
the file is what this script makes. Rows of one `person` are one person; the test measures the
precision and recall of review/duplicates.py against these labels.

- base rows: one per person, with a name in one to three languages (be, ru, en as the Belarusian
  passport spells it), a birth day, a bare year or nothing, the day of detention, the place and
  the articles where the lists would have them;
- duplicates: the same person again as another list writes them: in another alphabet, surname
  first, with the Russian patronymic, ё written е, Belarusian і and ў typed as и and у, a typo
  (a letter dropped, doubled, swapped or replaced), the birth day reduced to its year or missing,
  the day of detention or the place missing, moved to another place;
- near misses, each another person: a namesake born in another year; a namesake without a year
  of birth, detained on another day at another place; a relative with the same surname, detained
  the same day and held at the same place; the same name with another patronymic.
"""
from __future__ import annotations

import datetime
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "plugins")]
from generate import FEMALE_NAMES, MALE_NAMES, PATRONYMICS, SURNAMES  # noqa: E402
from portal.language.translit import latin  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "duplicates.json"
SEED = 17
PEOPLE = 180
INSTITUTIONS = [f"ik-{number}" for number in range(1, 16)] + ["sizo-1-minsk", "sizo-2-vitebsk", "prison-4-mogilev"]
ARTICLES = ["342", "130", "361-1", "369", "368", "293", "191", "364", "339", "411"]


def day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


class Person:
    """One fictional person: what any list could say of them."""

    def __init__(self, rng: random.Random, number: int, surname=None, female=None, born=None, detained=None,
                 institution=None):
        self.id = f"p{number:03d}"
        self.female = rng.random() < 0.35 if female is None else female
        self.forename = rng.choice(FEMALE_NAMES if self.female else MALE_NAMES)
        self.surname = surname or rng.choice(SURNAMES)
        self.patronymic = rng.choice(PATRONYMICS)[1 if self.female else 0]
        self.born = born or day(rng, datetime.date(1955, 1, 1), datetime.date(2004, 12, 31))
        self.detained = detained or day(rng, datetime.date(2020, 8, 1), datetime.date(2024, 12, 31))
        self.institution = institution or rng.choice(INSTITUTIONS)
        self.articles = sorted(rng.sample(ARTICLES, rng.choice([1, 1, 2])))

    def name(self, lang: str) -> str:
        be_surname, be_female, ru_surname, ru_female = self.surname
        if lang == "ru":
            return f"{self.forename[1]} {ru_female if self.female else ru_surname}"
        be = f"{self.forename[0]} {be_female if self.female else be_surname}"
        return latin(be, "be") if lang == "en" else be


def typo(rng: random.Random, word: str) -> str:
    """One slip of the keyboard inside a word: a letter dropped, doubled, swapped with the next,
    or a vowel replaced by another."""
    place = rng.randrange(1, len(word) - 1)
    vowels = next((group for group in ("аоеіыуэяю", "аоеиыуэяю", "aeiouy") if word[place] in group), "")
    kind = rng.choice(["drop", "double", "swap"] + (["vowel"] if vowels else []))
    if kind == "drop":
        return word[:place] + word[place + 1:]
    if kind == "double":
        return word[:place] + word[place] + word[place:]
    if kind == "swap":
        return word[:place] + word[place + 1] + word[place] + word[place + 2:]
    return word[:place] + rng.choice(vowels.replace(word[place], "")) + word[place + 1:]


def row(rng: random.Random, person: Person, number: int, kind: str, langs: list[str], changes: list[str] = (),
        born: str = "as-is", detained: bool = True, institution: str | None = "same") -> dict:
    names = {}
    for lang in langs:
        name = person.name(lang)
        forename, surname = name.split(" ", 1)
        if "typo" in changes and lang == langs[0]:
            surname = typo(rng, surname)
        if "yo" in changes:
            name_words = [forename.replace("ё", "е").replace("Ё", "Е"), surname.replace("ё", "е")]
            forename, surname = name_words
        if "russian-letters" in changes and lang == "be":
            forename, surname = (word.replace("і", "и").replace("І", "И").replace("ў", "у") for word in (forename, surname))
        if "patronymic" in changes and lang == "ru":
            name = f"{surname} {forename} {person.patronymic}"
        elif "surname-first" in changes:
            name = f"{surname} {forename}"
        else:
            name = f"{forename} {surname}"
        names[lang] = name
    birth = {"as-is": person.born.isoformat(), "year": str(person.born.year), "none": None}[born]
    place = {"same": person.institution, None: None, "moved": rng.choice(INSTITUTIONS)}[institution]
    return {"id": f"r{number:03d}", "person": person.id, "kind": kind, "name": names, "born": birth,
            "gender": "female" if person.female else "male", "detained": person.detained.isoformat() if detained else None,
            "institution": place, "articles": person.articles}


def rows() -> list[dict]:
    rng = random.Random(SEED)
    people = [Person(rng, number) for number in range(PEOPLE)]
    made: list[dict] = []

    def add(person: Person, kind: str, **options) -> None:
        made.append(row(rng, person, len(made), kind, **options))

    language_sets = [["be"], ["ru"], ["en"], ["be", "ru"], ["be", "ru", "en"]]
    for person in people:
        add(person, "base", langs=rng.choice(language_sets), born=rng.choices(["as-is", "year", "none"], [55, 35, 10])[0],
            detained=rng.random() < 0.85, institution=rng.choice(["same", "same", None]))
    # Duplicates: 120 rows of 100 people.
    for index, person in enumerate(people[:100]):
        for _ in range(2 if index < 20 else 1):
            changes = rng.sample(["surname-first", "patronymic", "yo", "russian-letters", "typo"], rng.choice([1, 1, 2]))
            langs = rng.choice([["ru"], ["be"], ["en"], ["ru", "en"]])
            if "patronymic" in changes and "ru" not in langs:
                langs = ["ru"]
            if "russian-letters" in changes and "be" not in langs:
                langs = ["be"]
            add(person, "duplicate: " + ", ".join(sorted(changes)), langs=langs, changes=changes,
                born=rng.choices(["as-is", "year", "none"], [50, 35, 15])[0], detained=rng.random() < 0.7,
                institution=rng.choice(["same", "same", None, "moved"]))
    number = PEOPLE
    # Namesakes born in another year.
    for person in people[100:130]:
        other = Person(rng, number, surname=person.surname, female=person.female,
                       born=person.born.replace(year=person.born.year + rng.choice([-9, -4, -2, 3, 7, 12]), day=1))
        other.forename = person.forename
        number += 1
        add(other, "namesake, another year", langs=rng.choice(language_sets), born=rng.choice(["as-is", "year"]))
    # Namesakes without a year of birth, detained on another day, held elsewhere.
    for person in people[130:145]:
        other = Person(rng, number, surname=person.surname, female=person.female)
        other.forename = person.forename
        if other.institution == person.institution:
            other.institution = INSTITUTIONS[(INSTITUTIONS.index(person.institution) + 1) % len(INSTITUTIONS)]
        number += 1
        add(other, "namesake, no year", langs=rng.choice(language_sets), born="none")
    # Relatives: one surname, detained the same day, held at the same place, sometimes born the same year.
    for person in people[145:175]:
        female = rng.random() < 0.5
        born = person.born if rng.random() < 0.3 else None
        other = Person(rng, number, surname=person.surname, female=female, born=born, detained=person.detained,
                       institution=person.institution)
        while other.forename == person.forename:
            other.forename = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        number += 1
        add(other, "relative", langs=rng.choice(language_sets), born=rng.choice(["as-is", "year"]))
    # The same name with another patronymic, born the same year.
    for person in people[175:180]:
        other = Person(rng, number, surname=person.surname, female=person.female, born=person.born.replace(day=1))
        other.forename = person.forename
        while other.patronymic == person.patronymic:
            other.patronymic = rng.choice(PATRONYMICS)[1 if other.female else 0]
        number += 1
        made[person_row(made, person)]["name"]["ru"] = f"{person.name('ru').split(' ', 1)[1]} {person.forename[1]} " \
                                                        f"{person.patronymic}"
        add(other, "another patronymic", langs=["ru"], changes=["patronymic"], born="year")
    return made


def person_row(made: list[dict], person: Person) -> int:
    return next(index for index, row in enumerate(made) if row["person"] == person.id)


def text() -> str:
    return json.dumps({"about": "Fictional rows for measuring probable duplicates; made by "
                                "tests/make_duplicates_fixture.py, do not edit by hand.",
                       "rows": rows()}, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    OUT.write_text(text(), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(json.loads(OUT.read_text(encoding='utf-8'))['rows'])} rows")
