"""The search keys of names (language/name_keys.py): the spellings of one name in Belarusian,
Russian and Latin letters fold to one key, or to keys one letter apart."""
from __future__ import annotations

import pytest

from portal.language.name_keys import fold_word, fold_words, name_keys
from portal.language.translit import spellings


@pytest.mark.parametrize("key, forms", [
    ("tihanauska", ["Ціханоўская", "Тихановская", "Tsikhanouskaya", "Tikhanovskaya", "Tsikhanovskaya",
                    "TSIKHANOUSKAYA"]),
    ("iuanau", ["Іванаў", "Иванов", "Ivanau", "Ivanou", "Ivanov", "Iwanow"]),
    ("dmitri", ["Дзмітрый", "Дмитрий", "Dzmitry", "Dmitriy", "Dmitrii"]),
    ("dara", ["Дар'я", "Дар’я", "Дарʼя", "Дарья", "Darya", "Daria", "Darja"]),
    ("lasik", ["Лосік", "Лосик", "Losik", "Лосык"]),
    ("uri", ["Юрый", "Юрий", "Yury", "Iurii", "Jurij"]),
    ("sihluk", ["Шчыглюк", "Шчиглюк", "Shchyhliuk", "Shchyglyuk"]),
    ("alaksandr", ["Аляксандр", "Aliaksandr", "Alyaksandr"]),
    ("kasparauic", ["Каспяровіч", "Kaspiarovich", "Kaspiarovič"]),
])
def test_the_spellings_of_a_name_fold_to_one_key(key, forms):
    assert {fold_word(form) for form in forms} == {key}


@pytest.mark.parametrize("a, b", [
    ("Ціханоўская", "Cichanoŭskaja"),  # łacinka's ch is х
    ("Алесь Бяляцкі", "Алесь Беляцкий"),  # я and е
    ("Аляксандр", "Александр"),
    ("Касперович", "Каспяровіч"),
])
def test_other_spellings_fold_one_letter_apart(a, b):
    folded_a, folded_b = fold_words(a), fold_words(b)
    assert len(folded_a) == len(folded_b)
    for one, other in zip(folded_a, folded_b):
        assert one == other or _one_apart(one, other), (one, other)


def _one_apart(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def test_words_are_letters_with_apostrophes_inside_them():
    assert fold_words("Дар’я  Лосік-Іванова, 1990 г.н.") == ["dara", "lasik", "iuanaua", "h", "n"]
    assert fold_words("'' 42 —") == []


def test_the_keys_of_a_name_are_each_words_fold_once_in_order():
    forms = ["Іван Іванаў", "Иван Иванов", *spellings("Іван Іванаў", "be"), *spellings("Иван Иванов", "ru")]
    assert name_keys(forms) == ["iuan", "iuanau"]
    assert name_keys([]) == []


def test_a_name_stored_with_its_marks_apart_folds_as_the_composed_one():
    import unicodedata
    name = "Ціханоўская Святлана Йосіфаўна"
    assert fold_words(unicodedata.normalize("NFD", name)) == fold_words(name) == ["tihanauska", "suatlana", "asifauna"]
