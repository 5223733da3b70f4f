"""A real build of a small fixture site: pages per language, links, totals."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import build, person, read

LANGS = ["be", "ru", "en"]

INSTITUTION = """\
id: sizo-test
type: pre-trial-detention-centre
name:
  be: СІЗА № 1, Мінск
  ru: СИЗО № 1, Минск
  en: Pre-trial detention centre No. 1, Minsk
address: |
  СИЗО № 1
  ул. Володарского, 2
  220030, г. Минск
city: Минск
region: minsk-city
source: https://example.org/addresses
checked: 2023-05-02
"""

FILES = {
    "institutions/sizo-test.yaml": INSTITUTION,
    "people/ivan-ivanau.md": person(
        "custody",
        updated="2021-10-22",
        id="ivan-ivanau",
        name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"},
        born="1985-03-14",
        gender="male",
        region="minsk-city",
        status_since="2021-06-01",
        detained="2020-08-10",
        articles='["342-1", "130-3"]',
        sentence="5 years, general regime colony",
        institution="sizo-test",
        sources="[https://example.org/ivan]",
        body="""\
            <!-- lang: be -->
            Беларуская гісторыя Івана.
            <!-- lang: ru -->
            Русская история Ивана.
            """,
    ),
    "people/hanna-be-only.md": person(
        "house-arrest", updated="2021-10-01", name={"be": "Ганна Толькібеларуская"}, born=1990),
    "people/released-one.md": person(
        "released", updated="2021-09-01", name={"be": "Пётр Вызвалены", "ru": "Пётр Освобождённый", "en": "Piotr Released"}),
    "people/secret-person-xyz.md": person(
        "custody", updated="2021-10-05", visibility="counted",
        name={"be": "Сакрэтная Асоба", "ru": "Секретная Персона", "en": "Secret Personxyz"},
        region="gomel", body="SECRETSTORYMARKER happened here.\n"),
    "people/unknown-one.md": person("unknown-whereabouts", updated="2021-08-01", visibility="counted"),
}
PUBLIC = ["ivan-ivanau", "hanna-be-only", "released-one"]


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("site"), FILES)


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def resolve(page: Path, href: str) -> Path:
    # Root-relative links (the 404 page without SITEURL) start at the top of the output.
    base = page.parent if not href.startswith("/") else next(p for p in page.parents if (p / "index.html").exists()
                                                              and (p / "404.html").exists())
    target = (base / href.lstrip("/")).resolve()
    return target / "index.html" if href.endswith("/") else target


def test_every_public_person_has_exactly_one_page_per_language(output):
    for lang in LANGS:
        pages = sorted(p.parent.name for p in (output / lang / "people").glob("*/index.html"))
        assert pages == sorted(PUBLIC), lang


def test_counted_people_have_no_page(output):
    for lang in LANGS:
        assert not (output / lang / "people" / "secret-person-xyz").exists()
        assert not (output / lang / "people" / "unknown-one").exists()


def test_every_page_links_to_the_same_page_in_the_other_languages(output):
    pages = [p for p in output.rglob("index.html") if p.parent.parent != output or p.parent.name in LANGS]
    assert len(pages) > 20
    for page in pages:
        relative = page.relative_to(output)
        lang = relative.parts[0]
        if lang not in LANGS:
            continue
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html, relative
        if '<meta name="robots" content="noindex">' in html:
            continue  # not a page to read: the counter other sites embed
        switch = html.split('class="languages"')[1].split("</nav>")[0]
        for other in LANGS:
            match = re.search(rf'<a href="([^"]+)" hreflang="{other}" lang="{other}"', switch)
            assert match, (relative, other)
            target = resolve(page, match.group(1))
            assert target == output / other / Path(*relative.parts[1:]), (relative, other)
            assert f'rel="alternate" hreflang="{other}"' in html


def test_all_internal_links_resolve(output):
    for page in output.rglob("*.html"):
        for href in links(page.read_text(encoding="utf-8")):
            if href.startswith(("http://", "https://", "#", "mailto:", "data:")):
                continue
            assert resolve(page, href.split("#")[0]).exists(), (page.relative_to(output), href)


def test_totals_json(output):
    totals = json.loads(read(output, "data/totals.json"))
    assert totals == {
        "as_of": "2021-10-22",
        "total": 5,
        "groups": {
            "political-prisoner": {"total": 3, "categories": {
                "custody": 2, "restricted-freedom-institution": 0, "house-arrest": 1}},
            "persecuted": {"total": 2, "categories": {
                "restricted-freedom-home": 0, "recognizance": 0, "correctional-labour-or-fine": 0,
                "unknown-whereabouts": 1, "suspended-sentence": 0, "released": 1, "pardoned": 0,
                "forced-emigration": 0}},
        },
    }


def totals_rows(html: str) -> dict[str, str]:
    table = html.split('<table class="totals" id="totals">')[1].split("</table>")[0]
    rows = re.findall(r"<th scope=\"row\"[^>]*>(.*?)</th>\s*<td class=\"number\">(.*?)</td>", table, re.S)
    return {re.sub(r"<[^>]+>", "", label).strip(): number for label, number in rows}


def test_home_page_totals_table_in_each_language(output):
    rows = totals_rows(read(output, "en/index.html"))
    assert rows["Political prisoners"] == "3"
    assert rows["In custody"] == "2"
    assert rows["House arrest"] == "1"
    assert rows["Subjected to politically motivated persecution"] == "2"
    assert rows["Total"] == "5"
    assert totals_rows(read(output, "be/index.html"))["Пад вартай"] == "2"
    assert totals_rows(read(output, "ru/index.html"))["Всего"] == "5"
    assert "as of 22 October 2021" in read(output, "en/index.html")
    assert "на 22 кастрычніка 2021\u202fг." in read(output, "be/index.html")  # CLDR: narrow no-break space


def test_category_pages_show_count_and_public_people(output):
    html = read(output, "en/status/custody/index.html")
    assert "2 people in this category as of 22 October 2021" in html
    assert "1 of them is counted but not named" in html
    assert "Ivan Ivanau" in html
    for category in ["custody", "house-arrest", "released", "pardoned", "unknown-whereabouts"]:
        for lang in LANGS:
            assert (output / lang / "status" / category / "index.html").exists()
    assert "No one in this category is listed by name." in read(output, "en/status/unknown-whereabouts/index.html")


def test_person_page_shows_the_record(output):
    html = read(output, "en/people/ivan-ivanau/index.html")
    assert "<h1>Ivan Ivanau</h1>" in html
    for text in ["In custody", "Political prisoners", "since 1 June 2021", "14 March 1985", "(36 years old)",
                 "Minsk", "10 August 2020", "438 days in detention as of 22 October 2021",
                 "Article 342, part 1</a>:\n      Organising and preparing actions that grossly violate public order",
                 'href="../../../en/articles/130/">Article 130, part 3</a>',
                 "5 years, general regime colony", "Pre-trial detention centre No. 1, Minsk",
                 'href="https://example.org/ivan"', "Record last checked: 22 October 2021",
                 'href="https://github.com/politprisoners-by/portal/edit/main/content/people/ivan-ivanau.md"',
                 'href="https://github.com/politprisoners-by/portal/issues/new?template=add-information.yml'
                 '&amp;title=Information%3A%20ivan-ivanau&amp;person=ivan-ivanau"']:
        assert text in html, text
    ru = read(output, "ru/people/ivan-ivanau/index.html")
    assert "438 дней несвободы на 22 октября 2021\u202fг." in ru
    assert "(36 лет)" in ru


def test_story_in_the_page_language_or_marked_untranslated(output):
    assert "Беларуская гісторыя Івана." in read(output, "be/people/ivan-ivanau/index.html")
    ru = read(output, "ru/people/ivan-ivanau/index.html")
    assert "Русская история Ивана." in ru and "Беларуская гісторыя" not in ru and "не переведена" not in ru
    en = read(output, "en/people/ivan-ivanau/index.html")
    assert "This story has not been translated yet; it is shown in Belarusian." in en
    assert '<div lang="be"><p>Беларуская гісторыя Івана.</p></div>' in en


def test_missing_name_falls_back_and_is_marked(output):
    ru = read(output, "ru/people/hanna-be-only/index.html")
    assert '<h1><span lang="be">Ганна Толькібеларуская</span></h1>' in ru
    assert "<title>Ганна Толькібеларуская ·" in ru
    assert "<h1>Ганна Толькібеларуская</h1>" in read(output, "be/people/hanna-be-only/index.html")


def test_a_name_only_in_cyrillic_is_shown_in_latin_letters_in_english(output):
    en = read(output, "en/people/hanna-be-only/index.html")
    assert "<h1>Hanna Tolkibelaruskaya</h1>" in en  # Belarusian passport spelling
    assert "<title>Hanna Tolkibelaruskaya ·" in en
    assert ">Tolkibelaruskaya Hanna</a>" in read(output, "en/people/index.html")


def test_root_page_offers_every_language(output):
    html = read(output, "index.html")
    for lang in LANGS:
        assert f'href="./{lang}/" hreflang="{lang}"' in html
    assert "Палітвязні Беларусі" in html and "Political prisoners of Belarus" in html


def test_people_list_holds_public_people_only(output):
    html = read(output, "en/people/index.html")
    assert "3 people are listed by name" in html
    assert "2 more people are counted but not named." in html
    assert html.count('<th scope="row"><a href="../../en/people/') == 3


def test_two_builds_of_the_same_content_are_identical(output, tmp_path):
    again = build(tmp_path, FILES)
    first = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_bom_and_crlf_are_accepted(tmp_path):
    text = person("custody", name={"en": "Windows Person"}, body="A story\nwith CRLF.\n").replace("\n", "\r\n")
    output = build(tmp_path, {"people/windows-person.md": "\ufeff".encode() + text.encode("utf-8")})
    html = read(output, "en/people/windows-person/index.html")
    assert "<h1>Windows Person</h1>" in html and "A story\nwith CRLF." in html
