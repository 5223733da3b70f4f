"""The site's languages: each alphabet's order, text with fallbacks, CLDR plurals, Babel's
numbers and dates, the UI catalog, and the settings that describe them."""
from __future__ import annotations

import datetime
import json

import pytest
from markupsafe import Markup

from conftest import LANGUAGES, ROOT, SETTINGS
from portal.language.collation import initial, sort_key_for, surname_first
from portal.language.language import Language, Languages, LanguageSettingError, fill_in
from portal.language.localized import Localized, Text

BE, RU, EN = LANGUAGES["be"], LANGUAGES["ru"], LANGUAGES["en"]


def test_the_sites_languages_default_first():
    assert LANGUAGES.codes == ["be", "ru", "en"]
    assert LANGUAGES.default is BE
    assert [len(LANGUAGES), "ru" in LANGUAGES, "uk" in LANGUAGES] == [3, True, False]
    assert (BE.fallbacks, RU.fallbacks, EN.fallbacks) == (("ru", "en"), ("be", "en"), ("be", "ru"))
    assert (EN.locale, EN.transliterate, BE.transliterate) == ("en_GB", ("be", "ru"), ())
    assert BE.catalog_file == ROOT / "translations" / "be" / "LC_MESSAGES" / "messages.po"


# Order


def test_belarusian_order_puts_i_and_short_u_where_the_alphabet_does():
    names = ["Ярмак", "Сафронаў", "Іваноў", "Абрамаў", "Саўчанка", "Касцюк", "Зуева"]
    assert sorted(names) != sorted(names, key=BE.sort_key)  # code points put І after Я
    assert sorted(names, key=BE.sort_key) == ["Абрамаў", "Зуева", "Іваноў", "Касцюк", "Саўчанка", "Сафронаў", "Ярмак"]


def test_belarusian_short_u_follows_u():
    assert sorted(["Ўладзімір", "Фёдар", "Уладзімір", "Тарас"], key=BE.sort_key) == [
        "Тарас", "Уладзімір", "Ўладзімір", "Фёдар"]


def test_russian_order_puts_yo_after_ye():
    names = ["Яковлев", "Жуков", "Ёлкин", "Абрамов", "Елисеев"]
    assert sorted(names, key=RU.sort_key) == ["Абрамов", "Елисеев", "Ёлкин", "Жуков", "Яковлев"]


def test_english_order_ignores_case_and_diacritics():
    names = ["Žukaŭ", "abramau", "Zajcau", "Ivanou"]
    assert sorted(names, key=EN.sort_key) == ["abramau", "Ivanou", "Zajcau", "Žukaŭ"]


def test_a_word_ends_before_any_letter_and_punctuation_is_ignored():
    names = ["Дар-Ян", "Іванаў", "Дар'я", "Іван", "Дарья"]
    assert sorted(names, key=BE.sort_key) == ["Дарья", "Дар'я", "Дар-Ян", "Іван", "Іванаў"]


def test_letters_of_another_script_follow_the_alphabet():
    assert sorted(["Ivan", "Іван", "Абрам"], key=BE.sort_key) == ["Абрам", "Іван", "Ivan"]
    assert sorted(["Іван", "Ivan", "Zed"], key=EN.sort_key) == ["Ivan", "Zed", "Іван"]
    assert sorted(["Іван", "Ия", "Абрам"], key=RU.sort_key) == ["Абрам", "Ия", "Іван"]  # і is not Russian


def test_sort_key_for_any_alphabet():
    assert sorted(["b", "a", "c"], key=sort_key_for("cba")) == ["c", "b", "a"]


@pytest.mark.parametrize("language, name, letter", [
    (BE, "Ёлкін", "Ё"), (BE, "іван", "І"), (BE, "Ўла", "Ў"), (BE, "'Ала", "А"),
    (BE, "Иван", None), (BE, "Ivan", None), (BE, "123", None),
    (RU, "Ёлкин", "Ё"), (RU, "Иван", "И"), (RU, "Іван", None),
    (EN, "Žukaŭ", "Z"), (EN, "ivan", "I"), (EN, "Іван", None),
])
def test_the_letter_a_name_is_filed_under(language, name, letter):
    assert language.initial(name) == letter == initial(name, language.alphabet)


@pytest.mark.parametrize("name, filed", [
    ("Іван Іванавіч Іванаў", "Іванаў Іван Іванавіч"),
    ("Ivan  Ivanau", "Ivanau Ivan"),
    ("Madonna", "Madonna"),
    ("", ""),
])
def test_surname_first(name, filed):
    assert surname_first(name) == filed


# Text in several languages

NAME = Localized({"ru": "Иван Иванов", "en": "Ivan Ivanau", "be": "  "})


def test_pick_takes_the_pages_language_else_its_fallbacks_in_order():
    assert EN.pick(NAME) == Text("Ivan Ivanau", "en", False)
    assert BE.pick(NAME) == Text("Иван Иванов", "ru", True)  # be is blank: ru, its first fallback
    assert BE.pick(Localized({"en": "Ivan"})) == Text("Ivan", "en", True)
    assert RU.pick(Localized({"de": "Iwan"})) is None


def test_text_in_no_language_is_shown_as_it_is_everywhere():
    plain = Localized({None: "5 years"})
    assert [language.pick(plain) for language in LANGUAGES] == [Text("5 years", None, False)] * 3


def test_text_is_the_picked_value_or_empty():
    assert (BE.text(NAME), EN.text(NAME), RU.text(None), RU.text(Localized({}))) == ("Иван Иванов", "Ivan Ivanau", "", "")
    already = Text("Іванаў Іван", "be", False)
    assert RU.pick(already) is already and RU.text(already) == "Іванаў Іван"


def test_localized_drops_empty_and_non_text_values():
    assert Localized({"be": "", "ru": None, "en": 3, "de": "x"}).values == {"de": "x"}
    assert not Localized({"be": " "})


# Plurals, numbers, dates


@pytest.mark.parametrize("count, be, ru, en", [
    (1, "one", "one", "one"),
    (2, "few", "few", "other"),
    (5, "many", "many", "other"),
    (11, "many", "many", "other"),
    (21, "one", "one", "other"),
    (22, "few", "few", "other"),
    (0, "many", "many", "other"),
    (111, "many", "many", "other"),
])
def test_plural_categories_are_cldr(count, be, ru, en):
    assert (BE.plural_category(count), RU.plural_category(count), EN.plural_category(count)) == (be, ru, en)


@pytest.mark.parametrize("code, numbers", [
    ("be", ["1\u00a0021", "1\u00a0234\u00a0567", "3,5", "999"]),
    ("ru", ["1\u00a0021", "1\u00a0234\u00a0567", "3,5", "999"]),
    ("en", ["1,021", "1,234,567", "3.5", "999"]),
])
def test_numbers(code, numbers):
    assert [LANGUAGES[code].number(value) for value in (1021, 1234567, 3.5, 999)] == numbers


DAY = datetime.date(1985, 3, 14)
AUGUST = datetime.date(2020, 8, 1)


# CLDR writes a narrow no-break space (U+202F) before "г." (год / года).
@pytest.mark.parametrize("code, formatted", [
    ("be", ["14 сакавіка 1985\u202fг.", "1985", "14.03.1985", "1985", "Сакавік", "14 сакавіка", "жнівень 2020", "жні"]),
    ("ru", ["14 марта 1985\u202fг.", "1985", "14.03.1985", "1985", "Март", "14 марта", "август 2020\u202fг.", "авг."]),
    ("en", ["14 March 1985", "1985", "14 Mar 1985", "1985", "March", "14 March", "August 2020", "Aug"]),
])
def test_dates(code, formatted):
    language = LANGUAGES[code]
    assert [language.date(DAY), language.date(1985), language.short_date(DAY), language.short_date(1985),
            language.month_name(3), language.day_month(DAY), language.month_year(AUGUST),
            language.month_short(AUGUST)] == formatted


# After "from" and "at the end of" a month is in the genitive in be and ru (CLDR's MMMM),
# while month_year() is the nominative of a heading (LLLL).
@pytest.mark.parametrize("code, in_sentence", [
    ("be", ["ад студзеня 2021", "ад жніўня 2020", "ад мая 2024"]),
    ("ru", ["с января 2021\u202fг.", "с августа 2020\u202fг.", "с мая 2024\u202fг."]),
    ("en", ["from January 2021", "from August 2020", "from May 2024"]),
])
def test_a_month_of_a_year_inside_a_sentence_is_in_the_genitive(code, in_sentence):
    language = LANGUAGES[code]
    preposition = {"be": "ад", "ru": "с", "en": "from"}[code]
    days = (datetime.date(2021, 1, 31), AUGUST, datetime.date(2024, 5, 1))
    assert [f"{preposition} {language.month_year_in_sentence(day)}" for day in days] == in_sentence
    assert language.month_year_in_sentence(AUGUST) != language.month_year(AUGUST) or code == "en"


@pytest.mark.parametrize("code, message, ends", [
    ("be", "%(group)s: %(last)s на %(end)s.", "1\u00a0021 на 14 сакавіка 1985\u202fг."),
    ("ru", "%(group)s: %(last)s на %(end)s.", "1\u00a0021 на 14 марта 1985\u202fг."),
    ("en", "%(group)s: %(last)s on %(end)s.", "1,021 on 14 March 1985."),
])
def test_a_date_ending_in_an_abbreviation_ends_the_sentence_with_one_full_stop(code, message, ends):
    language = LANGUAGES[code]
    filled = fill_in(message, {"group": "X", "last": language.number(1021), "end": language.date(DAY)})
    assert filled == f"X: {ends}"
    assert ".." not in filled


def test_only_the_full_stop_right_after_such_a_value_goes():
    assert fill_in("%(a)s. %(b)s.", {"a": "1985 г.", "b": "да"}) == "1985 г. да."
    assert fill_in("%(a)s, %(b)s.", {"a": "г.", "b": "1985 г."}) == "г., 1985 г."
    escaped = fill_in(Markup("<b>%(a)s</b>."), {"a": "<i>г.</i>"})
    assert escaped == Markup("<b>&lt;i&gt;г.&lt;/i&gt;</b>.")  # the value did not end in "."


@pytest.mark.parametrize("code", LANGUAGES.codes)
def test_a_day_and_the_month_in_a_date_read_as_day_month(code):
    """The write page's script writes a day as "<day> <month_in_date>" where the browser has no
    dates in the language: the same text as day_month() on the pages."""
    language = LANGUAGES[code]
    for day in (datetime.date(2027, month, 1 + month) for month in range(1, 13)):
        assert f"{day.day} {language.month_in_date(day.month)}" == language.day_month(day)
    assert language.day_month(datetime.date(2028, 2, 29)) == f"29 {language.month_in_date(2)}"
    assert {"be": "сакавіка", "ru": "марта", "en": "March"}[code] == language.month_in_date(3)


def test_a_formatted_value_is_remembered_per_method():
    language = Language("be", "Беларуская", "be", "абв", short_date_pattern="dd.MM.yyyy")
    assert (language.date(DAY), language.short_date(DAY)) == ("14 сакавіка 1985\u202fг.", "14.03.1985")
    assert language.formatted == {("date", DAY): "14 сакавіка 1985\u202fг.", ("short_date", DAY): "14.03.1985"}


def test_names_of_languages_in_each_language():
    assert [language.language_name("be") for language in LANGUAGES] == ["беларуская", "белорусский", "Belarusian"]


# UI strings

RESULT = ("%(num)s result", "%(num)s results")


def test_gettext_from_the_catalog():
    assert [language.gettext("Total") for language in LANGUAGES] == ["Усяго", "Всего", "Total"]


@pytest.mark.parametrize("code, texts", [
    ("be", ["1 вынік", "2 вынікі", "5 вынікаў", "21 вынік", "1\u00a0022 вынікі"]),
    ("ru", ["1 результат", "2 результата", "5 результатов", "21 результат", "1\u00a0022 результата"]),
    ("en", ["1 result", "2 results", "5 results", "21 results", "1,022 results"]),
])
def test_ngettext_takes_the_cldr_form_and_writes_the_number_in_the_language(code, texts):
    assert [LANGUAGES[code].ngettext(*RESULT, count) for count in (1, 2, 5, 21, 1022)] == texts


@pytest.mark.parametrize("code, forms", [
    ("be", {"many": "%(num)s вынікаў", "one": "%(num)s вынік", "few": "%(num)s вынікі"}),
    ("ru", {"many": "%(num)s результатов", "one": "%(num)s результат", "few": "%(num)s результата"}),
    ("en", {"other": "%(num)s results", "one": "%(num)s result"}),
])
def test_plural_forms_are_json_by_cldr_category(code, forms):
    text = LANGUAGES[code].plural_forms(RESULT)
    assert json.loads(text) == forms
    assert "\\u" not in text  # the letters as they are


def test_without_a_catalog_the_strings_are_as_written():
    language = Language("be", "Беларуская", "be", "абв")
    assert language.gettext("Total") == "Total"
    assert [language.ngettext(*RESULT, count) for count in (1, 2, 5)] == ["1 result", "2 results", "5 results"]


# The settings


def settings(default="be", **changes) -> dict:
    """PORTAL_LANGUAGES as pelicanconf.py has it, each language's settings updated by `changes`."""
    languages = {code: {**options, **changes.get(code, {})} for code, options in SETTINGS["PORTAL_LANGUAGES"].items()}
    return {"PORTAL_LANGUAGES": languages, "DEFAULT_LANG": default}


def test_settings_without_optional_keys():
    languages = Languages.from_settings({"PORTAL_LANGUAGES": {"pl": {"name": "Polski", "alphabet": "aąb"}}})
    polish = languages.default
    assert (polish.code, polish.locale, polish.fallbacks, polish.short_date_pattern, polish.catalog_file) == (
        "pl", "pl", (), "medium", None)


def test_the_default_language_is_the_first():
    languages = Languages.from_settings(settings(default="be"))
    assert (languages.default.code, languages.codes) == ("be", ["be", "ru", "en"])


def test_an_unknown_key_is_named_with_every_key_and_its_meaning():
    with pytest.raises(LanguageSettingError) as error:
        Languages.from_settings(settings(be={"alfabet": "абв"}))
    assert str(error.value) == (
        'PORTAL_LANGUAGES["be"] has the unknown key "alfabet"; the keys are: '
        "name: the language's name in itself, shown in the language switch; "
        "locale: the CLDR locale of numbers and dates, e.g. be, ru, en_GB; "
        "alphabet: the letters of the alphabet in order, for sorting and the alphabet index; "
        "fallback: the languages a missing name or text is taken from, in order; "
        "short_date: the CLDR pattern of dates in tables, e.g. dd.MM.yyyy; "
        "transliterate: the languages whose names this one shows in Latin letters where it has none.")


@pytest.mark.parametrize("changes, message", [
    ({"ru": {"alphabet": ""}},
     'PORTAL_LANGUAGES["ru"] needs "alphabet": the letters of the alphabet in order, for sorting and the alphabet index.'),
    ({"en": {"name": None}},
     'PORTAL_LANGUAGES["en"] needs "name": the language\'s name in itself, shown in the language switch.'),
    ({"be": {"fallback": ["ru", "uk"]}},
     'PORTAL_LANGUAGES["be"] names "uk", which is not one of the site\'s languages (be, ru, en).'),
    ({"en": {"transliterate": ["be", "pl"]}},
     'PORTAL_LANGUAGES["en"] names "pl", which is not one of the site\'s languages (be, ru, en).'),
    ({"default": "de"}, 'DEFAULT_LANG "de" is not one of PORTAL_LANGUAGES (be, ru, en).'),
    ({"default": "ru"}, 'DEFAULT_LANG "ru" must come first in PORTAL_LANGUAGES, the order of the language switch: '
                        "move its entry to the top."),
])
def test_a_wrong_setting_says_what_it_needs(changes, message):
    with pytest.raises(LanguageSettingError) as error:
        Languages.from_settings(settings(**changes))
    assert str(error.value) == message
