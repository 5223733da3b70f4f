"""Three languages: complete catalogs, CLDR plurals, locale numbers and each alphabet's order."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pelican.settings import read_settings

from conftest import ROOT, build, person, read
from portal.language.collation import sort_key_for, surname_first

LANGS = ["be", "ru", "en"]
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
ALPHABET = {lang: SETTINGS["PORTAL_LANGUAGES"][lang]["alphabet"] for lang in LANGS}
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def catalog(lang):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as stream:
        return read_po(stream, locale=lang)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The catalog template extracted afresh from the templates and plugins."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    pybabel = str(Path(sys.executable).parent / "pybabel")
    # The extra gettext functions, as `make translations` names them.
    keywords = re.findall(r"-k (\S+)", (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert "plural_forms:1,2" in keywords
    subprocess.run([pybabel, "extract", "--mapping-file", "babel.cfg", "--no-location",
                    *[arg for keyword in keywords for arg in ("-k", keyword)], "--output-file", str(pot),
                    "."], cwd=ROOT, check=True, capture_output=True)
    with open(pot, "rb") as stream:
        return read_po(stream)


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(template, lang):
    translated = catalog(lang)
    missing, broken = [], []
    for message in template:
        if not message.id:
            continue
        entry = translated.get(message.id)
        strings = [] if entry is None else (list(entry.string) if entry.pluralizable else [entry.string])
        if entry is None or entry.fuzzy or not all(strings) or (
                entry.pluralizable and len(strings) != translated.num_plurals):
            missing.append(message.id)
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(message.id if message.pluralizable else [message.id])))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) - wanted - {"%(num)s"}:
                broken.append((message.id, text))
    assert not missing, f"untranslated in {lang} (run `make translations`, then translate): {missing}"
    assert not broken, f"placeholders that the English has not, in {lang}: {broken}"


def test_the_committed_template_is_up_to_date(template):
    with open(ROOT / "translations" / "messages.pot", "rb") as stream:
        committed = read_po(stream)
    assert {m.id for m in committed if m.id} == {m.id for m in template if m.id}, "run `make translations`"


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """1,021 people in all (counted-only ones keep the build fast): 1,014 in custody, 2 released, 5 pardoned."""
    files = {f"people/counted-{n:04d}.md": person("custody", visibility="counted") for n in range(1013)}
    files["people/named-one.md"] = person("custody", name={"en": "Named One"}, detained="2021-10-21")
    files["people/two-a.md"] = person("released", name={"en": "Two A"})
    files["people/two-b.md"] = person("released", name={"en": "Two B"})
    for n in range(5):
        files[f"people/five-{n}.md"] = person("pardoned", visibility="counted")
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


def test_belarusian_order_puts_i_and_short_u_where_the_alphabet_does():
    names = ["Ярмак", "Сафронаў", "Іваноў", "Абрамаў", "Саўчанка", "Касцюк", "Зуева"]
    assert sorted(names) != sorted(names, key=sort_key_for(ALPHABET["be"]))
    assert sorted(names, key=sort_key_for(ALPHABET["be"])) == [
        "Абрамаў", "Зуева", "Іваноў", "Касцюк", "Саўчанка", "Сафронаў", "Ярмак"]


def test_russian_order_puts_yo_with_ye():
    names = ["Яковлев", "Жуков", "Ёлкин", "Абрамов", "Елисеев"]
    assert sorted(names, key=sort_key_for(ALPHABET["ru"])) == ["Абрамов", "Елисеев", "Ёлкин", "Жуков", "Яковлев"]


def test_english_order_ignores_case_and_diacritics():
    names = ["Žukaŭ", "abramau", "Zajcau", "Ivanou"]
    assert sorted(names, key=sort_key_for(ALPHABET["en"])) == ["abramau", "Ivanou", "Zajcau", "Žukaŭ"]


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


def test_surname_first():
    assert surname_first("Іван Іванавіч Іванаў") == "Іванаў Іван Іванавіч"
