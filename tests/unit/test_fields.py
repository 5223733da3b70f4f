"""Fields: each kind of value a record may hold, what is accepted, and the exact problem of
each kind of bad value (file, line, field, message, fix)."""
from __future__ import annotations

import datetime

import pytest

from portal.content.fields import ID_PATTERN, Fields
from portal.content.frontmatter import read_markdown_record
from portal.content.problems import Problem
from portal.language.localized import Localized

PATH = "content/people/ivan-ivanau.md"
TODAY = datetime.date(2024, 6, 1)
LANGS = ["be", "ru", "en"]


def fields(front_matter: str) -> Fields:
    """Fields of a record whose front matter is `front_matter` (its first key on line 2)."""
    record, problems = read_markdown_record(f"---\n{front_matter}---\n".encode(), PATH)
    assert problems == []
    return Fields(record, TODAY)


def only_problem(f: Fields) -> tuple:
    """The one problem found, without the path (always PATH)."""
    assert len(f.problems) == 1, f.problems
    problem = f.problems[0]
    assert problem.path == PATH
    return problem.line, problem.field, problem.message, problem.fix


# text


@pytest.mark.parametrize("yaml, value", [
    ("letter_name: Иванов Иван\n", "Иванов Иван"),
    ("letter_name: '  padded  '\n", "padded"),
    ("letter_name: 42\n", "42"),
    ("letter_name: 4.5\n", "4.5"),
    ("other: x\n", None),
    ("letter_name: ''\n", None),
    ("letter_name:\n", None),
])
def test_text_accepts_text_and_numbers(yaml, value):
    f = fields(yaml)
    assert f.text("letter_name") == value
    assert f.problems == []


@pytest.mark.parametrize("yaml, line", [("other: x\n", 1), ("other: x\ncity: '   '\n", 3)])  # the key's line, else 1
def test_text_required_and_missing_or_blank(yaml, line):
    f = fields(yaml)
    assert f.text("city", required=True) is None
    assert only_problem(f) == (line, "city", 'the required key "city" is missing.', "add a line 'city: …'.")


def test_text_required_with_its_own_fix():
    f = fields("other: x\n")
    f.text("city", required=True, fix="add 'city: ' with the town.")
    assert only_problem(f)[3] == "add 'city: ' with the town."


@pytest.mark.parametrize("yaml", ["other: x\ncity: [a, b]\n", "other: x\ncity: {a: b}\n", "other: x\ncity: true\n"])
def test_text_that_is_not_a_single_piece_of_text(yaml):
    f = fields(yaml)
    assert f.text("city") is None
    assert only_problem(f) == (3, "city", "this must be a single piece of text.", "write 'city: some text' on one line.")


# identifier


@pytest.mark.parametrize("value", ["ivan-ivanau", "ik-4", "a1", "2021"])
def test_identifier_accepts_small_latin_letters_digits_and_single_hyphens(value):
    f = fields(f"id: {value}\n")
    assert f.identifier("id") == value and f.problems == []


@pytest.mark.parametrize("value", ["Ivan-Ivanau", "ivan_ivanau", "ivan--ivanau", "-ivan", "ivan-", "іван"])
def test_identifier_rejects_anything_else(value):
    f = fields(f"status: custody\nid: {value}\n")
    assert f.identifier("id") is None
    assert only_problem(f) == (3, "id", f'"{value}" is not a valid id.',
                               "use only small Latin letters, digits and single hyphens, e.g. ivan-ivanau.")


def test_identifier_required():
    f = fields("status: custody\n")
    assert f.identifier("id", required=True) is None
    assert only_problem(f) == (1, "id", 'the required key "id" is missing.', "add a line 'id: …'.")


# choice


class Thing:
    def __init__(self, id):
        self.id = id


def test_choice_from_a_list_gives_the_value_and_from_a_dict_the_object():
    minsk = Thing("minsk-city")
    f = fields("gender: female\nregion: minsk-city\n")
    assert f.choice("gender", ["male", "female"]) == "female"
    assert f.choice("region", {"minsk-city": minsk, "brest": Thing("brest")}) is minsk
    assert f.problems == []


def test_choice_absent_gives_the_default_or_asks_for_the_key():
    f = fields("other: x\n")
    assert f.choice("visibility", ["public", "counted"], default="public") == "public"
    assert f.problems == []
    assert f.choice("status", ["custody", "released"], required=True, where=" (see categories.yaml)") is None
    assert only_problem(f) == (1, "status", 'the required key "status" is missing.',
                               "add 'status: ' with one of: custody, released (see categories.yaml).")


def test_choice_suggests_the_closest_value():
    f = fields("name: x\nstatus: custdy\n")
    assert f.choice("status", ["custody", "released"], where=" (see categories.yaml)") is None
    assert only_problem(f) == (3, "status", '"custdy" is not a known status.',
                               'did you mean "custody"? use one of: custody, released (see categories.yaml).')


def test_choice_without_a_close_value_lists_them_all():
    f = fields("gender: unknown\n")
    assert f.choice("gender", ["male", "female"]) is None
    assert only_problem(f) == (2, "gender", '"unknown" is not a known gender.', "use one of: male, female.")


def test_choice_among_none_says_none_is_defined():
    f = fields("institution: ik-99\n")
    assert f.choice("institution", {}, where=" (the files in content/institutions/)") is None
    assert only_problem(f) == (2, "institution", '"ik-99" is not a known institution.',
                               "none is defined yet (the files in content/institutions/): add it first, or remove "
                               "this line.")


@pytest.mark.parametrize("yaml, value", [("letters: true\n", "true"), ("order: 12\n", "12")])
def test_choice_compares_yaml_booleans_and_numbers_as_written(yaml, value):
    key = yaml.split(":")[0]
    f = fields(yaml)
    assert f.choice(key, ["true", "false", "12"]) == value and f.problems == []


# date


@pytest.mark.parametrize("yaml, value", [
    ("detained: 2020-08-10\n", datetime.date(2020, 8, 10)),
    ("detained: 2020-08-10 09:30:00\n", datetime.date(2020, 8, 10)),  # a time is dropped
    ("detained: 2024-06-01\n", TODAY),  # today is not the future
    ("other: x\n", None),
])
def test_date_accepts_a_date_up_to_today(yaml, value):
    f = fields(yaml)
    assert f.date("detained") == value and f.problems == []


@pytest.mark.parametrize("yaml, value", [("born: 1985\n", 1985), ("born: 1900\n", 1900), ("born: 2024\n", 2024),
                                         ("born: 1985-03-14\n", datetime.date(1985, 3, 14))])
def test_date_with_allow_year_accepts_a_bare_year(yaml, value):
    f = fields(yaml)
    assert f.date("born", allow_year=True) == value and f.problems == []


@pytest.mark.parametrize("year", [1899, 2025])
def test_a_year_outside_1900_to_this_year(year):
    f = fields(f"born: {year}\n")
    assert f.date("born", allow_year=True) is None
    assert only_problem(f) == (2, "born", f"the year {year} is not possible.", "write a year between 1900 and 2024.")


@pytest.mark.parametrize("yaml, allow_year, message, fix", [
    ("detained: last spring\n", False, '"last spring" is not a date.',
     "write the date as YYYY-MM-DD, e.g. detained: 2021-06-01."),
    ("detained: 2021\n", False, '"2021" is not a date.', "write the date as YYYY-MM-DD, e.g. detained: 2021-06-01."),
    ("detained: 1985-2-30\n", False, '"1985-2-30" is not a date.',
     "write the date as YYYY-MM-DD, e.g. detained: 2021-06-01."),
    ("detained: spring\n", True, '"spring" is not a date.',
     "write the date as YYYY-MM-DD or a bare year (YYYY), e.g. detained: 2021-06-01."),
])
def test_a_date_that_is_not_a_date(yaml, allow_year, message, fix):
    f = fields(yaml)
    assert f.date("detained", allow_year=allow_year) is None
    assert only_problem(f) == (2, "detained", message, fix)


def test_a_date_in_the_future():
    f = fields("status: custody\nupdated: 2024-06-02\n")
    assert f.date("updated") is None
    assert only_problem(f) == (3, "updated", "the date 2024-06-02 lies in the future.",
                               "write the date on which it happened; check the year, month and day order (YYYY-MM-DD).")


def test_a_required_date_gives_today_as_the_example():
    f = fields("status: custody\n")
    assert f.date("updated", required=True) is None
    assert only_problem(f) == (1, "updated", 'the required key "updated" is missing.',
                               "add 'updated: YYYY-MM-DD', e.g. 'updated: 2024-06-01'.")


# localized

EXAMPLE = "name:\n          be: …\n          ru: …\n          en: …"


def test_localized_gives_the_text_per_language():
    f = fields("name:\n  be: Іван   Іванаў\n  en: Ivan Ivanau\n  ru: ''\n")
    name = f.localized("name", LANGS)
    assert name.values == {"be": "Іван Іванаў", "en": "Ivan Ivanau"}  # spaces folded, empty dropped
    assert f.problems == []


def test_localized_keeps_the_lines_of_a_text_of_several_lines():
    f = fields("sentence:\n  en: |\n    5 years\n    in a colony\n")
    assert f.localized("sentence", LANGS).values == {"en": "5 years\nin a colony"}


def test_localized_plain_text_where_allowed():
    f = fields("sentence: 5 years \n")
    sentence = f.localized("sentence", LANGS, allow_plain=True)
    assert isinstance(sentence, Localized) and sentence.values == {None: "5 years"}
    assert f.problems == []


@pytest.mark.parametrize("yaml, field, message, fix", [
    ("name: Ivan Ivanau\n", "name", "this must give the text per language, not one piece of text.",
     f"write it as:\n        {EXAMPLE}"),
    ("name: [Ivan, Ivanau]\n", "name", "this must give the text per language.", f"write it as:\n        {EXAMPLE}"),
    ("name:\n  de: Iwan\n", "name.de", '"de" is not one of the site\'s languages.', "use be, ru, en."),
    ("name:\n  en: 42\n", "name.en", "this must be text.", "write 'en: ' followed by the text."),
])
def test_localized_of_the_wrong_shape(yaml, field, message, fix):
    f = fields(yaml)
    f.localized("name", LANGS)
    assert only_problem(f) == (2, field, message, fix)


def test_localized_in_all_languages_names_each_missing_one():
    f = fields("label:\n  be: Пад вартай\n")
    assert f.localized("label", LANGS, all_languages=True).values == {"be": "Пад вартай"}
    assert [(p.line, p.field, p.message, p.fix) for p in f.problems] == [
        (2, "label.ru", "the text in ru is missing.", "add 'ru: …' under 'label:'."),
        (2, "label.en", "the text in en is missing.", "add 'en: …' under 'label:'."),
    ]


def test_localized_required():
    missing = fields("other: x\n")
    assert missing.localized("label", LANGS, required=True) is None
    assert only_problem(missing) == (1, "label", 'the required key "label" is missing.',
                                     "add the text in each language:\n        label:\n          be: …\n"
                                     "          ru: …\n          en: …")
    empty = fields("label:\n  be: ''\n")
    assert empty.localized("label", LANGS, required=True) is None
    assert only_problem(empty) == (2, "label", "no language has any text.",
                                   "write the text in at least one language:\n        label:\n          be: …\n"
                                   "          ru: …\n          en: …")


# text_list, urls


@pytest.mark.parametrize("yaml, value", [
    ('articles: ["342-1", 130]\n', ["342-1", "130"]),
    ("articles: 342\n", ["342"]),  # one value is a list of one
    ("articles: []\n", []),
    ("other: x\n", []),
])
def test_text_list_accepts_a_list_or_one_value(yaml, value):
    f = fields(yaml)
    assert f.text_list("articles") == value and f.problems == []


def test_text_list_that_is_not_a_list():
    f = fields("aliases: {a: b}\n")
    assert f.text_list("aliases") == []
    assert only_problem(f) == (2, "aliases", "this must be a list.", 'write it as aliases: ["…", "…"].')


def test_text_list_names_each_bad_entry_and_keeps_the_good_ones():
    f = fields("aliases: [old-id, Old_Id, '', true]\n")
    assert f.text_list("aliases", ID_PATTERN, fix="list old ids.") == ["old-id"]
    assert [(p.line, p.field, p.message, p.fix) for p in f.problems] == [
        (2, "aliases", '"Old_Id" is not a valid entry.', "list old ids."),
        (2, "aliases", '"" is not a valid entry.', "list old ids."),
        (2, "aliases", '"True" is not a valid entry.', "list old ids."),
    ]


def test_urls_take_web_addresses_only():
    f = fields("sources: [https://example.org/a, 'javascript:alert(1)', example.org]\n")
    assert f.urls("sources") == ["https://example.org/a"]
    fix = "give full web addresses starting with https:// or http://, e.g. sources: [https://spring96.org/…]."
    assert [(p.line, p.field, p.message, p.fix) for p in f.problems] == [
        (2, "sources", '"javascript:alert(1)" is not a valid entry.', fix),
        (2, "sources", '"example.org" is not a valid entry.', fix),
    ]


# url


@pytest.mark.parametrize("value", ["https://example.org", "http://example.org/a?b=c", "HTTPS://EXAMPLE.ORG"])
def test_url_accepts_a_full_web_address(value):
    f = fields(f"website: {value}\n")
    assert f.url("website") == value and f.problems == []


@pytest.mark.parametrize("value", ["example.org", "ftp://example.org", "https://", "javascript:alert(1)"])
def test_url_rejects_anything_else(value):
    f = fields(f"website: '{value}'\n")
    assert f.url("website") is None
    assert only_problem(f) == (2, "website", f'"{value}" is not a web address.',
                               "write the full address starting with https://, e.g. website: https://example.org.")


# boolean


@pytest.mark.parametrize("yaml, value", [("letters: false\n", False), ("letters: true\n", True), ("other: x\n", True)])
def test_boolean(yaml, value):
    f = fields(yaml)
    assert f.boolean("letters", default=True) is value and f.problems == []


@pytest.mark.parametrize("written", ["maybe", "0", "'true'"])
def test_boolean_that_is_not_true_or_false(written):
    f = fields(f"letters: {written}\n")
    assert f.boolean("letters", default=True) is True  # the default stands
    shown = written.strip("'")
    assert only_problem(f) == (2, "letters", f'"{shown}" is not true or false.', "write letters: true or letters: false.")


# positive_int


def test_positive_int():
    f = fields("order: 12\n")
    assert f.positive_int("order") == 12 and f.positive_int("absent") is None and f.problems == []


@pytest.mark.parametrize("written, shown", [("0", "0"), ("-3", "-3"), ("true", "True"), ("'3'", "3"), ("1.5", "1.5")])
def test_positive_int_rejects_what_is_not_a_whole_number_above_zero(written, shown):
    f = fields(f"order: {written}\n")
    assert f.positive_int("order") is None
    assert only_problem(f) == (2, "order", f'"{shown}" is not a whole number above zero.', "write e.g. 'order: 1'.")


def test_positive_int_required():
    f = fields("other: x\n")
    assert f.positive_int("order", required=True) is None
    assert only_problem(f) == (1, "order", 'the required key "order" is missing.', "add 'order: 1'.")


# unknown keys


def test_unknown_keys_suggest_the_closest_known_one_or_list_them():
    f = fields("status: custody\nsorces: [https://example.org]\nxyz: 1\n")
    f.unknown_keys(["status", "sources", "updated"])
    assert [(p.line, p.field, p.message, p.fix) for p in f.problems] == [
        (3, "sorces", '"sorces" is not a known key.', 'did you mean "sources"?'),
        (4, "xyz", '"xyz" is not a known key.', "remove it, or use one of: status, sources, updated."),
    ]


def test_a_problem_names_the_line_of_its_top_level_key():
    f = fields("status: custody\nname:\n  en: Ivan\n  xx: Iwan\n")
    f.localized("name", LANGS)
    assert f.problems == [Problem(PATH, 3, "name.xx", '"xx" is not one of the site\'s languages.', "use be, ru, en.")]

