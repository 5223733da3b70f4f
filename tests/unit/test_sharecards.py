"""A person's share card: the languages it writes in, and text that stays in its column."""
from __future__ import annotations

from conftest import ROOT, SETTINGS
from portal.images.fonts import font, font_files
from portal.images.sharecards import _distinct, _layout, card_languages
from portal.language.language import Languages


def test_a_card_writes_in_the_default_language_and_the_first_in_another_alphabet():
    languages = Languages.from_settings(SETTINGS)
    assert [language.code for language in card_languages(languages)] == ["be", "en"]
    only_cyrillic = Languages.from_settings({**SETTINGS, "PORTAL_LANGUAGES": {
        code: {"name": options["name"], "alphabet": options["alphabet"], "locale": options["locale"]}
        for code, options in SETTINGS["PORTAL_LANGUAGES"].items() if code in ("be", "ru")}})
    assert [language.code for language in card_languages(only_cyrillic)] == ["be"]


def test_a_name_written_once_is_shown_once():
    assert _distinct(["Olga Only", "Olga Only"]) == ("Olga Only",)
    assert _distinct(["Іван Іванаў", "", "Ivan Ivanau"]) == ("Іван Іванаў", "Ivan Ivanau")


def test_a_word_wider_than_the_column_makes_the_text_smaller_or_is_cut():
    bold = font_files({**SETTINGS, "THEME": str(ROOT / "theme")})["bold"]
    width = 632  # a person's card's text column, beside the photo
    size, lines = _layout(bold, "Аляксандр Вышынскі-Дамброўскі", 76, 44, width, 3)
    assert size < 76 and lines == ("Аляксандр", "Вышынскі-Дамброўскі")
    assert all(font(bold, size).getlength(line) <= width for line in lines)
    size, lines = _layout(bold, "Ааааааааааааааааааааааааааааааааааааааааа", 76, 44, width, 3)
    assert size == 44 and len(lines) == 1 and lines[0].endswith("…")
    assert font(bold, size).getlength(lines[0]) <= width
