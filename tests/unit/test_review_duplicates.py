"""Probable duplicates (review/duplicates.py): one name across alphabets, spellings and word
orders; close names; what else the records say, as a score with its reasons; blocking by year."""
from __future__ import annotations

import datetime

import pytest

from portal.review.duplicates import PROBABLE, DuplicateIndex, Named, loose, name_forms, pairs, score


def named(id, born=None, **names) -> Named:
    options = {key: names.pop(key) for key in ("detained", "institution", "articles", "gender", "not_duplicate_of")
               if key in names}
    return Named(id, tuple(names.items()), born, **options)


@pytest.mark.parametrize("name, lang, form", [
    ("Іван Іванаў", "be", "ivan ivanau"),  # passport
    ("Иван Иванов", "ru", "ivan ivanov"),  # BGN
    ("Иван Иванов", "ru", "ivan ivanou"),  # the Belarusian-passport form of a Russian name
    ("Ivanau Ivan", "en", "ivan ivanau"),  # the order of the words does not matter
    ("IVAN  IVANAU", "en", "ivan ivanau"),  # nor capitals and spaces
    ("Ціханоўская Святлана", "be", "cichanouskaja sviatlana"),  # łacinka, without diacritics
    ("Дар’я Лукашэвіч", "be", "darya lukashevich"),  # the apostrophe
    ("Иванов Иван Иванович", "ru", "ivan ivanov"),  # without the patronymic
    ("Иван Иванович Иванов", "ru", "ivan ivanov"),
    ("Іван Лукашэвіч", "be", "ivan lukashevich"),  # a surname in -віч is not a patronymic
    ("Иван Хадкевич", "be", "ivan khadkevich"),  # a Belarusian name typed with Russian letters
])
def test_the_forms_of_a_name(name, lang, form):
    assert form in name_forms(name, lang)


def test_a_name_in_two_words_ending_like_a_patronymic_keeps_both():
    assert name_forms("Іван Лукашэвіч", "be") >= {"ivan lukashevich"}
    assert "ivan" not in name_forms("Іван Лукашэвіч", "be")


@pytest.mark.parametrize("word, form", [("ivanau", "iuanau"), ("ivanov", "iuanau"), ("ivanou", "iuanau"),
                                        ("fiodarau", "fadarau"), ("fyodorov", "fadarau"), ("hanna", "hana"),
                                        ("yana", "ana"), ("sviatlana", "suatlana"), ("svetlana", "suatlana")])
def test_loose_forms_forget_what_spellings_disagree_on(word, form):
    assert loose(word) == form


def pair_of(a: Named, b: Named):
    found = score(a, b)
    return None if found is None else (found.score, found.why)


@pytest.mark.parametrize("other, why", [
    (named("b", 1985, ru="Иванов Иван Иванович"), "the same name in another spelling"),
    (named("b", 1985, en="Ivanau Ivan"), "the same name"),
    (named("b", 1985, be="Иван Иванау"), "the same name"),  # і, ў typed as и, у: read as Russian letters
    (named("b", 1985, en="Ivan Ivamau"), "a similar name (91%)"),  # a typo
    (named("b", 1985, en="Ivan Ivanua"), "the same name but for its vowels"),  # another typo
])
def test_one_name_across_alphabets_and_spellings(other, why):
    found = score(named("a", 1985, be="Іван Іванаў"), other)
    assert found.why[0] == why and found.probable


def test_yo_and_ye_are_one_name():
    assert score(named("a", be="Пётр Фёдараў"), named("b", be="Петр Федараў")).why[0] == \
        "the same name in another spelling"
    assert score(named("a", ru="Пётр Фёдоров"), named("b", ru="Петр Федоров")).why[0] == "the same name"


def test_akanne_and_yakanne_are_one_name():
    # Belarusian а and я where Russian writes о and е.
    found = score(named("a", 1975, be="Аляксей Ляшчэня"), named("b", 1975, ru="Лещеня Алексей Владимирович"))
    assert (found.score, found.why) == (75, ("the same name in another spelling", "born the same year (1975)"))


def test_vowels_alone_apart():
    found = score(named("a", 1975, en="Ihar Ivanau"), named("b", 1975, en="Ihar Ivinau"))
    assert found.why == ("the same name but for its vowels", "born the same year (1975)")
    assert (found.score, found.probable) == (67, True)


def test_the_score_adds_what_the_records_say():
    a = named("a", datetime.date(1985, 3, 14), be="Іван Іванаў", detained=datetime.date(2020, 8, 10),
              institution="ik-1", articles=frozenset({"342"}))
    b = named("b", datetime.date(1985, 3, 14), en="Ivan Ivanau", detained=datetime.date(2020, 8, 10),
              institution="ik-1", articles=frozenset({"342", "130"}))
    assert pair_of(a, b) == (100, ("the same name", "born the same day (1985-03-14)",
                                   "detained the same day (2020-08-10)", "held at the same place (ik-1)",
                                   "charged under the same article (342)"))
    c = named("c", datetime.date(1985, 7, 1), en="Ivan Ivanau", detained=datetime.date(2021, 1, 5),
              institution="ik-2", articles=frozenset({"293"}))
    assert pair_of(a, c) == (10, ("the same name", "born on different days of 1985", "detained on different days",
                                  "held at different places", "no article in common"))


def test_what_tells_two_people_apart():
    assert pair_of(named("a", 1985, ru="Иванов Иван Петрович"), named("b", 1985, ru="Иванов Иван Сергеевич")) == \
        (45, ("the same name", "different patronymics", "born the same year (1985)"))
    assert score(named("a", en="Sasha Ivanau", gender="male"), named("b", en="Sasha Ivanau", gender="female")).score == 20
    assert score(named("a", 1985, en="Ivan Ivanau"), named("b", 1950, en="Ivan Ivanau")).score == 20
    assert score(named("a", en="Ivan Ivanau"), named("b", en="Ihar Ivanau")) is None  # another forename
    assert score(named("a", en="Ivan Ivanau"), named("b", en="Pavel Narysau")) is None


def test_a_checked_pair_is_silenced_from_either_record():
    a, b = named("a", 1985, en="Ivan Ivanau"), named("b", 1985, be="Іван Іванаў")
    assert score(a, b).probable
    assert score(named("a", 1985, en="Ivan Ivanau", not_duplicate_of=frozenset({"b"})), b) is None
    assert pairs([a, named("b", 1985, be="Іван Іванаў", not_duplicate_of=frozenset({"a"}))]) == []


INDEX = DuplicateIndex([
    named("ivan-ivanau", 1985, be="Іван Іванаў"),
    named("aleksandr-ivanov", ru="Александр Иванов"),
    named("sviatlana-tsikhanouskaya", 1982, en="Sviatlana Tsikhanouskaya"),
    named("maryna-probnaya", 1990, be="Марына Пробная", ru="Марина Пробная"),
])


def test_blocking_by_year_of_birth():
    """Records born in different years are never compared; without a year, with every year."""
    assert INDEX.candidates(named("new", 1950, en="Ivan Ivanau")) == set()
    assert INDEX.candidates(named("new", 1985, en="Ivan Ivanau")) == {"ivan-ivanau"}
    assert INDEX.candidates(named("new", en="Ivan Ivanau")) == {"ivan-ivanau"}
    assert INDEX.candidates(named("new", ru="Иван Петров")) == set()  # no name key in common


def test_matches_strongest_first_from_probable():
    index = DuplicateIndex([named("b-same-year", 1985, en="Ivan Ivanau"), named("a-no-year", en="Ivan Ivanau"),
                            named("c-close", 1985, en="Ivan Ivanaua")])
    found = index.matches(named("new", 1985, be="Іван Іванаў"))
    assert [(pair.other("new"), pair.score) for pair in found] == [("b-same-year", 75), ("c-close", 67),
                                                                    ("a-no-year", 60)]
    assert all(pair.score >= PROBABLE for pair in found)
    assert INDEX.matches(named("ivan-ivanau", 1985, be="Іван Іванаў")) == []  # not itself
