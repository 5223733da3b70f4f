"""Latin spellings of Belarusian and Russian names: the one an English page shows (latin) and
every one a reader may search for (spellings)."""
from __future__ import annotations

import pytest

from portal.language.translit import apostrophe_variants, fold, latin, spellings


@pytest.mark.parametrize("cyrillic, lang, shown", [
    # Belarusian: the passport transliteration
    ("Ціханоўская", "be", "Tsikhanouskaya"),
    ("Аляксандр Лукашэнка", "be", "Aliaksandr Lukashenka"),
    ("Іванаў", "be", "Ivanau"),
    ("Ёлкін", "be", "Yolkin"),  # ё at the start of a word: yo
    ("Пётр", "be", "Piotr"),  # ё after a consonant: io
    ("Зьміцер", "be", "Zmitser"),
    ("Юлія", "be", "Yuliya"),  # я after a vowel: ya
    # Russian: BGN/PCGN
    ("Тихановская", "ru", "Tikhanovskaya"),
    ("Иванов", "ru", "Ivanov"),
    ("Юрий", "ru", "Yuriy"),
    ("Щукин", "ru", "Shchukin"),
    ("Андреев", "ru", "Andreyev"),  # е after a vowel: ye
    ("Ёлкин", "ru", "Yolkin"),
    ("Подъячев", "ru", "Podyachev"),  # after ъ the vowel is iotated
])
def test_latin_is_the_spelling_an_english_page_shows(cyrillic, lang, shown):
    assert latin(cyrillic, lang) == shown


@pytest.mark.parametrize("cyrillic, lang, forms", [
    # passport, BGN, łacinka, and each without diacritics
    ("Ціханоўская", "be", ["Tsikhanouskaya", "Tsikhanowskaya", "Cichanoŭskaja", "Cichanouskaja"]),
    ("Аляксандр Лукашэнка", "be", ["Aliaksandr Lukashenka", "Alyaksandr Lukashenka", "Alaksandr Łukašenka",
                                   "Alaksandr Lukasenka"]),
    ("Іванаў", "be", ["Ivanau", "Ivanaw", "Ivanaŭ"]),  # folded łacinka is the passport form: once
    ("Зьміцер", "be", ["Zmitser", "Źmicier", "Zmicier"]),
    ("Ляля", "be", ["Lialia", "Lyalya", "Lala"]),  # soft л before an iotated vowel: bare l
    # BGN, ICAO (the Russian passport), and the "ou" form of many Belarusian passports
    ("Тихановская", "ru", ["Tikhanovskaya", "Tikhanovskaia", "Tikhanouskaya"]),
    ("Иванов", "ru", ["Ivanov", "Ivanou"]),  # ICAO is BGN here
    ("Андреев", "ru", ["Andreyev", "Andreev", "Andreyeu"]),
    ("Юрий", "ru", ["Yuriy", "Iurii"]),
    ("Подъячев", "ru", ["Podyachev", "Podieiachev", "Podyacheu"]),  # ICAO writes ъ as ie
    ("Ёлкин", "ru", ["Yolkin", "Elkin"]),
])
def test_spellings_are_every_scheme_once(cyrillic, lang, forms):
    assert spellings(cyrillic, lang) == forms


def test_the_ou_form_keeps_v_before_a_vowel():
    assert spellings("Вова Иванова", "ru") == ["Vova Ivanova"]  # every scheme agrees


def test_other_languages_have_no_spellings():
    assert spellings("Ivan", "en") == []


@pytest.mark.parametrize("cyrillic, lang, forms", [
    ("Шура", "be", ["Shura", "Šura", "Sura"]),
    ("ШУРА", "be", ["SHURA", "ŠURA", "SURA"]),  # a name in capitals stays in capitals
    ("Шура", "ru", ["Shura"]),
    ("ШУРА", "ru", ["SHURA"]),
    ("Чэ Ю", "be", ["Che Yu", "Če Ju", "Ce Ju"]),  # a capital alone: only its first letter
])
def test_case_follows_the_letter_and_the_next_one(cyrillic, lang, forms):
    assert spellings(cyrillic, lang) == forms


# Official lists write names in capitals: the last letter follows the one before it.
@pytest.mark.parametrize("cyrillic, lang, shown", [("ЖЭНЯ", "be", "ZHENIA"), ("ЮЛІЯ", "be", "YULIYA"),
                                                  ("СОФЬЯ", "ru", "SOFYA")])
def test_a_name_in_capitals_ends_in_capitals(cyrillic, lang, shown):
    assert latin(cyrillic, lang) == shown


# U+02BC, the apostrophe Belarusian orthography recommends, is a letter to str.isalpha().
@pytest.mark.parametrize("written", ["Дар'я", "Дар\u2019я", "Дар\u02bcя"])
def test_apostrophes_mark_iotation_and_are_not_written(written):
    assert latin(written, "be") == "Darya"
    assert spellings(written, "be") == ["Darya", "Darja"]


def test_a_name_without_its_apostrophe_is_spelled_as_written():
    assert latin("Даря", "be") == "Daria"


def test_apostrophe_variants_give_each_apostrophe_and_none():
    assert apostrophe_variants("Дар'я") == ["Дар'я", "Дар\u2019я", "Дар\u02bcя", "Даря"]
    assert apostrophe_variants("Дар\u2019я") == ["Дар'я", "Дар\u2019я", "Дар\u02bcя", "Даря"]
    assert apostrophe_variants("Іван") == ["Іван"]


@pytest.mark.parametrize("text, folded", [
    ("Cichanoŭskaja", "Cichanouskaja"),
    ("Łukašenka", "Lukasenka"),  # ł has no decomposition of its own
    ("ŁUKAŠENKA", "LUKASENKA"),
    ("Źmicier", "Zmicier"),
    ("Ivan", "Ivan"),
])
def test_fold_removes_diacritics(text, folded):
    assert fold(text) == folded


def test_other_characters_pass_through():
    assert latin("Іван-Мікола (Коля), 2", "be") == "Ivan-Mikola (Kolia), 2"
