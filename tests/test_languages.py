"""Three languages on built pages: locale numbers, CLDR plural forms and each alphabet's order.

The catalogs, the collation and the formats themselves are the unit layer's
(tests/unit/test_catalogs.py, test_language.py); here, what the built pages show.
"""
from __future__ import annotations

import re

import pytest

from conftest import LANGS, build, person, read


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """1,021 people in all (counted-only ones keep the build fast): 1,014 in custody, 2 released, 5 pardoned."""
    files = {f"people/counted-{n:04d}.md": person("custody", visibility="counted") for n in range(1013)}
    files["people/named-one.md"] = person("custody", name={"en": "Named One"}, detained="2021-10-21")
    files["people/two-a.md"] = person("released", name={"en": "Two A"})
    files["people/two-b.md"] = person("released", name={"en": "Two B"})
    for n in range(5):
        files[f"people/counted-5{n:03d}.md"] = person("pardoned", visibility="counted")
    return build(tmp_path_factory.mktemp("big"), files)


@pytest.mark.parametrize("lang, number, text", [
    ("be", "1\u00a0021", "1\u00a0014 чалавек у гэтай катэгорыі"),
    ("ru", "1\u00a0021", "1\u00a0014 человек в этой категории"),
    ("en", "1,021", "1,014 people in this category"),
])
def test_numbers_are_formatted_per_locale(big_site, lang, number, text):
    assert text in read(big_site, f"{lang}/status/custody/index.html")
    assert f'<td class="number">{number}</td>' in read(big_site, f"{lang}/index.html")


@pytest.mark.parametrize("lang, path, text", [
    # 1,013 counted-only people in custody: "many" in be and ru; 1 day: "one"; 1,021 in all: "one".
    ("ru", "status/custody", "Из них 1\u00a0013 человек учтены"),
    ("be", "status/custody", "З іх 1\u00a0013 чалавек улічаныя"),
    ("ru", "people/named-one", "1 день несвободы"),
    ("be", "people/named-one", "1 дзень несвабоды"),
    ("en", "people/named-one", "1 day in detention"),
    ("ru", "", "человек — политзаключённый или подвергается"),  # 1,021 people: singular
    ("be", "", "чалавек — палітвязень або пераследуецца"),
    ("ru", "status/released", "2 человека в этой категории"),  # few
    ("be", "status/released", "2 чалавекі ў гэтай катэгорыі"),
    ("en", "status/released", "2 people in this category"),
    ("ru", "status/pardoned", "5 человек в этой категории"),  # many
    ("ru", "status/pardoned", "Из них 5 человек учтены"),
    ("be", "status/pardoned", "З іх 5 чалавек улічаныя"),
    ("en", "status/pardoned", "5 of them are counted"),
])
def test_counted_nouns_take_the_cldr_plural_form(big_site, lang, path, text):
    page = f"{lang}/{path}/index.html" if path else f"{lang}/index.html"
    assert text in read(big_site, page)


def test_people_list_is_sorted_by_surname_in_each_language(tmp_path):
    people = {
        "yarmak": {"be": "Алег Ярмак", "ru": "Олег Ярмак", "en": "Aleh Yarmak"},
        "ivanou": {"be": "Пётр Іваноў", "ru": "Пётр Иванов", "en": "Piotr Ivanou"},
        "saucanka": {"be": "Ян Саўчанка", "ru": "Ян Савченко", "en": "Jan Saucanka"},
        "safronau": {"be": "Ян Сафронаў", "ru": "Ян Сафронов", "en": "Jan Safronau"},
        "yolkin": {"be": "Ілля Ёлкін", "ru": "Илья Ёлкин", "en": "Illia Yolkin"},
    }
    output = build(tmp_path, {f"people/{pid}.md": person("custody", name=name) for pid, name in people.items()})
    order = {}
    for lang in LANGS:
        html = read(output, f"{lang}/people/index.html")
        order[lang] = re.findall(r'people/([a-z-]+)/" data-name=', html)
    assert order["be"] == ["yolkin", "ivanou", "saucanka", "safronau", "yarmak"]
    assert order["ru"] == ["yolkin", "ivanou", "saucanka", "safronau", "yarmak"]  # Савченко, Сафронов
    assert order["en"] == ["ivanou", "safronau", "saucanka", "yarmak", "yolkin"]

