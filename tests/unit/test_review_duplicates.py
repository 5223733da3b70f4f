"""Probable duplicates (review/duplicates.py): one name across alphabets, spellings and word
orders; close names; the year of birth; and looking a name up among 10,000 stays fast."""
from __future__ import annotations

import time

import pytest

from portal.review.duplicates import CLOSE, Match, NameIndex, Named, name_forms


def named(id, born=None, **names) -> Named:
    return Named(id, tuple(names.items()), born)


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
])
def test_the_forms_of_a_name(name, lang, form):
    assert form in name_forms(name, lang)


def test_a_name_in_two_words_ending_like_a_patronymic_keeps_both():
    assert name_forms("Іван Лукашэвіч", "be") >= {"ivan lukashevich"}
    assert "ivan" not in name_forms("Іван Лукашэвіч", "be")


INDEX = NameIndex([
    named("ivan-ivanau", 1985, be="Іван Іванаў"),
    named("aleksandr-ivanov", ru="Александр Иванов"),
    named("sviatlana-tsikhanouskaya", 1982, en="Sviatlana Tsikhanouskaya"),
    named("maryna-probnaya", 1990, be="Марына Пробная", ru="Марина Пробная"),
])


def test_the_same_name_in_another_alphabet():
    assert INDEX.matches(named("new", 1985, en="Ivan Ivanau")) == [Match("ivan-ivanau", True, 1.0, "same")]
    assert INDEX.matches(named("new", ru="Марина Пробная")) == [Match("maryna-probnaya", True, 1.0, "unknown")]


def test_the_same_name_born_in_another_year_is_still_said():
    [match] = INDEX.matches(named("new", 1991, be="Марына Пробная"))
    assert (match.id, match.exact, match.born, match.probable) == ("maryna-probnaya", True, "different", True)


def test_a_close_name():
    # Belarusian Іванаў and Russian Иванов differ by a vowel: close, not the same.
    [match] = INDEX.matches(named("new", 1985, ru="Иванов Иван Иванович"))
    assert (match.id, match.exact, match.born) == ("ivan-ivanau", False, "same")
    assert CLOSE <= match.ratio < 1
    [match] = INDEX.matches(named("new", en="Sviatlana Tsikhanouskaja"))
    assert (match.id, match.exact, match.born) == ("sviatlana-tsikhanouskaya", False, "unknown")


def test_a_close_name_born_in_another_year_is_not_a_probable_duplicate():
    assert INDEX.matches(named("new", 1950, en="Sviatlana Tsikhanouskaja")) == []


def test_other_names_and_itself_are_not_matches():
    assert INDEX.matches(named("new", en="Pavel Narysau")) == []
    assert INDEX.matches(named("ivan-ivanau", 1985, be="Іван Іванаў")) == []
    assert INDEX.matches(named("new", en="Ivan Petrou")) == []  # one word alike is not enough


def test_without_close_names_only_the_same_name():
    assert INDEX.matches(named("new", en="Sviatlana Tsikhanouskaja"), close=False) == []
    assert [match.id for match in INDEX.matches(named("new", en="Ivan Ivanau"), close=False)] == ["ivan-ivanau"]


def test_the_strongest_match_first():
    index = NameIndex([named("b-same-year", 1985, en="Ivan Ivanau"), named("a-no-year", en="Ivan Ivanau"),
                       named("c-close", 1985, en="Ivan Ivanaua")])
    assert [match.id for match in index.matches(named("new", 1985, be="Іван Іванаў"))] == \
        ["b-same-year", "a-no-year", "c-close"]


def test_looking_up_among_ten_thousand_names_is_fast():
    forenames = ["Аляксандр", "Сяргей", "Андрэй", "Дзмітрый", "Мікалай", "Іван", "Вольга", "Наталля", "Ганна", "Марыя"]
    surnames = [f"{stem}{ending}" for stem in ("Іван", "Казл", "Сакал", "Мароз", "Новік", "Волк", "Жук", "Арл",
                                               "Паўл", "Карп")
                for ending in ("аў", "ава", "оўскі", "оўская", "ель", "енка", "ук", "ыч", "ін", "ына")]
    people = [named(f"p{number}", 1950 + number % 50,
                    be=f"{forenames[number % 10]} {surnames[number // 10 % 100]}{'ь' * (number // 1000)}")
              for number in range(10_000)]
    started = time.perf_counter()
    index = NameIndex(people)
    found = [index.matches(named(f"new{number}", be=f"{forenames[number]} {surnames[number * 7]}"))
             for number in range(10)]
    assert time.perf_counter() - started < 5
    assert all(matches for matches in found)
