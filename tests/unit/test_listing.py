"""People as the lists show them in each language: surname first, in the alphabet's order,
filed under a letter; the filters a list offers; the birthdays page's months; the home page's
wall of the people held today."""
from __future__ import annotations

import datetime

import pytest

from conftest import LANGUAGES, SETTINGS, person, write_content
from portal.content.loader import load_content
from portal.language.localized import Text
from portal.pages.listing import FilterOption, PeopleList, birthdays, entries_for, held_wall

PEOPLE = {
    "people/ivan.md": person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов"}, region="gomel",
                             institution="ik-4-gomel", gender="male", born="1985-03-14", articles='["342-1", "130"]'),
    "people/yolkin.md": person("custody", name={"be": "Ілля Ёлкін", "ru": "Илья Ёлкин"}, region="minsk-city",
                               institution="sizo-1-minsk", gender="male", born="1990-03-02"),
    "people/anna.md": person("custody", name={"en": "Anna Zed"}, region="gomel", gender="female", born="1980-12-24",
                             letters="false", letters_note={"en": "The family asks."}),
    "people/pavel.md": person("house-arrest", name={"be": "Павел Абрамаў"}, born=1975),
    "people/olga.md": person("released", name={"en": "Olga Released"}, region="minsk-city", gender="female"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = write_content(tmp_path_factory.mktemp("listing"), PEOPLE, real=("data", "institutions"))
    return load_content(content, SETTINGS, today=datetime.date(2026, 1, 1))


@pytest.mark.parametrize("lang, listed", [
    # Cyrillic by the alphabet (Ё before І in be), then names in other letters, filed under none
    ("be", [("pavel", "Абрамаў Павел", "А"), ("yolkin", "Ёлкін Ілля", "Ё"), ("ivan", "Іванаў Іван", "І"),
            ("olga", "Released Olga", None), ("anna", "Zed Anna", None)]),
    ("ru", [("pavel", "Абрамаў Павел", "А"), ("yolkin", "Ёлкин Илья", "Ё"), ("ivan", "Иванов Иван", "И"),
            ("olga", "Released Olga", None), ("anna", "Zed Anna", None)]),
    # English shows a Cyrillic-only name in Latin letters
    ("en", [("pavel", "Abramau Pavel", "A"), ("ivan", "Ivanau Ivan", "I"), ("olga", "Released Olga", "R"),
            ("yolkin", "Yolkin Illia", "Y"), ("anna", "Zed Anna", "Z")]),
])
def test_a_list_in_each_language(site, lang, listed):
    entries = entries_for(site.public_people, LANGUAGES[lang])
    assert [(entry.person.id, entry.name.value, entry.letter) for entry in entries] == listed


def test_a_name_from_another_language_says_so(site):
    pavel = next(entry for entry in entries_for(site.public_people, LANGUAGES["ru"]) if entry.person.id == "pavel")
    assert pavel.name == Text("Абрамаў Павел", "be", True)


def test_the_alphabet_index(site):
    entries = entries_for(site.public_people, LANGUAGES["be"])
    assert entries.letters == ["А", "Ё", "І"]
    assert entries.first_of_letter() == {"pavel", "yolkin", "ivan"}


def test_a_list_cut_by_letter_keeps_names_in_other_letters_with_the_letter_before(site):
    entries = entries_for(site.public_people, LANGUAGES["be"])
    assert [(letter, [e.person.id for e in part]) for letter, part in entries.by_letter()] == [
        ("А", ["pavel"]), ("Ё", ["yolkin"]), ("І", ["ivan", "olga", "anna"])]
    # Names in other letters before the first letter go with the first; no letter at all: no pages.
    reversed_list = PeopleList(list(reversed(entries.entries)))
    assert [(letter, [e.person.id for e in part]) for letter, part in reversed_list.by_letter()] == [
        ("І", ["anna", "olga", "ivan"]), ("Ё", ["yolkin"]), ("А", ["pavel"])]
    assert PeopleList([e for e in entries if e.letter is None]).by_letter() == []


def test_a_list_cut_into_runs_of_whole_letters(site):
    entries = entries_for(site.public_people, LANGUAGES["be"])  # А 1, Ё 1, І 3

    def runs(most):
        return [(letters, [e.person.id for e in part], piece) for letters, part, piece in entries.by_letters(most)]
    assert runs(5) == [(["А", "Ё", "І"], ["pavel", "yolkin", "ivan", "olga", "anna"], 1)]
    assert runs(3) == [(["А", "Ё"], ["pavel", "yolkin"], 1), (["І"], ["ivan", "olga", "anna"], 1)]
    # A letter of more people is cut into pieces, and nothing joins them.
    assert runs(2) == [(["А", "Ё"], ["pavel", "yolkin"], 1), (["І"], ["ivan", "olga"], 1), (["І"], ["anna"], 2)]
    assert runs(1) == [(["А"], ["pavel"], 1), (["Ё"], ["yolkin"], 1), (["І"], ["ivan"], 1), (["І"], ["olga"], 2),
                       (["І"], ["anna"], 3)]


def test_group_by_keeps_the_lists_order(site):
    entries = entries_for(site.public_people, LANGUAGES["en"])
    groups = entries.group_by(lambda p: [p.region.id] if p.region else [])
    assert {key: [e.person.id for e in group] for key, group in groups.items()} == {
        "gomel": ["ivan", "anna"], "minsk-city": ["olga", "yolkin"]}


def test_the_filters_offer_only_what_occurs_in_the_sites_order(site):
    options = entries_for(site.public_people, LANGUAGES["be"]).options(site, LANGUAGES["be"])
    categories, regions, institutions = site.categories, site.regions, site.institutions
    groups = {group.id: group for group in site.groups}
    assert options == {
        "status": [FilterOption("political-prisoner", groups["political-prisoner"].label, 4, is_group=True),
                   FilterOption("custody", categories["custody"].label, 3),
                   FilterOption("house-arrest", categories["house-arrest"].label, 1),
                   FilterOption("persecuted", groups["persecuted"].label, 1, is_group=True),
                   FilterOption("released", categories["released"].label, 1)],
        "region": [FilterOption("gomel", regions["gomel"].label, 2),
                   FilterOption("minsk-city", regions["minsk-city"].label, 2)],
        "gender": [FilterOption("female", "female", 2), FilterOption("male", "male", 2)],
        # by name in the list's language: Папраўчая калонія before СІЗА
        "institution": [FilterOption("ik-4-gomel", institutions["ik-4-gomel"].name, 1),
                        FilterOption("sizo-1-minsk", institutions["sizo-1-minsk"].name, 1)],
        "article": [FilterOption("130", "130", 1), FilterOption("342", "342", 1)],
    }


def test_birthdays_of_those_who_can_receive_letters_by_month_and_day(site):
    entries = entries_for(site.public_people, LANGUAGES["be"])
    months = birthdays([entry.person for entry in entries])
    assert [(anchor, number) for anchor, number, _ in months][:3] == [("january", 1), ("february", 2), ("march", 3)]
    assert len(months) == 12
    # anna declines letters, pavel's day is unknown, olga is not held
    assert [(anchor, [p.id for p in people]) for anchor, _, people in months if people] == [
        ("march", ["yolkin", "ivan"])]


def test_the_wall_shows_the_people_held_today_those_with_a_photo_first(site):
    everyone = entries_for(site.public_people, LANGUAGES["en"])
    wall = held_wall(everyone, has_photo=lambda person_id: person_id == "yolkin", groups=site.reference.groups)
    # held: in custody and under house arrest; Olga is released. Yolkin's photo first, then the list's order.
    assert [entry.person.id for entry in wall.entries] == ["yolkin", "pavel", "ivan", "anna"]
    assert wall.held == 4 and wall.group.id == "political-prisoner"  # the group of exactly the held categories


def test_the_wall_is_bounded_and_counts_everyone_held(site):
    everyone = entries_for(site.public_people, LANGUAGES["ru"])
    wall = held_wall(everyone, has_photo=lambda person_id: False, groups=site.reference.groups, size=2)
    assert [entry.person.id for entry in wall.entries] == ["pavel", "yolkin"] and wall.held == 4


def test_the_wall_links_to_the_people_list_where_no_group_holds_exactly_the_held_categories(site):
    persecuted = [group for group in site.reference.groups if group.id != "political-prisoner"]
    wall = held_wall(entries_for(site.public_people, LANGUAGES["en"]), lambda person_id: False, persecuted)
    assert wall.group is None
