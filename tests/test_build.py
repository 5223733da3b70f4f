"""A real build of a small fixture site: pages per language, links, totals."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, ROOT, SIZO, build, person, read
from helpers import parse, rows_of, select_one, text
from portal.pages.kinds import PAGE_KINDS

FILES = {
    "institutions/sizo-test.yaml": SIZO,
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
    # Saved as some Windows editors save a file: a byte order mark, and CRLF line ends.
    "people/released-one.md": "\ufeff".encode() + person(
        "released", updated="2021-09-01", name={"be": "Пётр Вызвалены", "ru": "Пётр Освобождённый", "en": "Piotr Released"},
        body="A story\nwith CRLF.\n").replace("\n", "\r\n").encode("utf-8"),
    "people/counted-0007.md": person("custody", updated="2021-10-05", visibility="counted", region="gomel"),
    "people/counted-0008.md": person("unknown-whereabouts", updated="2021-08-01", visibility="counted"),
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


def test_every_public_person_has_exactly_one_page_per_language(output, lang):
    pages = sorted(p.parent.name for p in (output / lang / "people").glob("*/index.html"))
    assert pages == sorted(PUBLIC)


def test_counted_people_have_no_page(output, lang):
    assert not (output / lang / "people" / "counted-0007").exists()
    assert not (output / lang / "people" / "counted-0008").exists()


def reference_data(name: str) -> dict:
    return yaml.safe_load((ROOT / "content" / "data" / f"{name}.yaml").read_text(encoding="utf-8"))


def pages_per_language() -> int:
    """How many pages (folders with an index.html) each language has: one of each kind of the
    table that has one page per language, and one per thing the others are made for."""
    groups = reference_data("categories")["groups"]
    made_for = {"group": len(groups), "category": sum(len(group["categories"]) for group in groups),
                "region": len(reference_data("regions")["regions"]),
                "article": len(reference_data("articles")["articles"]),
                "institution": 1, "person": len(PUBLIC), "alias": 0}  # the fixture's institution and people
    return sum(1 if kind.each is None else made_for[kind.each] for kind in PAGE_KINDS if not kind.neutral)


def test_every_page_links_to_the_same_page_in_the_other_languages(output):
    pages = [p for p in output.rglob("index.html") if p.parent.parent != output or p.parent.name in LANGS]
    assert len(pages) == len(LANGS) * pages_per_language() + 1 == 175  # and the root page
    for page in pages:
        relative = page.relative_to(output)
        lang = relative.parts[0]
        if lang not in LANGS:
            continue
        html = parse(page.read_text(encoding="utf-8"))
        assert html.html["lang"] == lang, relative
        if html.select('meta[name="robots"][content~="noindex"]'):
            continue  # not a page to read: the counter other sites embed
        switch = select_one(html, "nav.languages")
        for other in LANGS:
            link = select_one(switch, f'a[hreflang="{other}"][lang="{other}"]')
            target = resolve(page, link["href"])
            assert target == output / other / Path(*relative.parts[1:]), (relative, other)
            assert html.select(f'link[rel="alternate"][hreflang="{other}"]'), (relative, other)


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
    """The home page's table of totals: status -> number."""
    return dict(rows_of(select_one(html, "table.totals#totals"), "tbody tr, tfoot tr"))


def test_home_page_totals_table_in_each_language(output):
    assert totals_rows(read(output, "en/index.html")) == {
        "Political prisoners": "3", "In custody": "2",
        "Restriction of freedom with referral to a correctional institution": "0", "House arrest": "1",
        "Subjected to politically motivated persecution": "2",
        "Restriction of freedom without referral to an institution": "0", "Recognizance not to leave": "0",
        "Correctional labour or a fine": "0", "Name or location unknown": "1", "Suspended sentence": "0",
        "Released": "1", "Pardoned": "0", "Convicted, in forced emigration": "0",
        "Total": "5"}
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
            assert (output / lang / "status" / category / "index.html").exists(), (lang, category)
    assert "No one in this category is listed by name." in read(output, "en/status/unknown-whereabouts/index.html")


def test_person_page_shows_the_record(output):
    page = parse(read(output, "en/people/ivan-ivanau/index.html"))
    assert text(select_one(page, "h1")) == "Ivan Ivanau"
    shown = text(page.body)
    for words in ["In custody", "Political prisoners", "since 1 June 2021", "14 March 1985", "(36 years old)",
                  "Minsk", "10 August 2020", "438 days in detention as of 22 October 2021",
                  "5 years, general regime colony", "Pre-trial detention centre No. 1, Minsk",
                  "Record last checked: 22 October 2021"]:
        assert words in shown, words
    assert [text(charge) for charge in page.select("ul.charges > li")] == [
        "Article 342, part 1: Organising and preparing actions that grossly violate public order, "
        "or taking an active part in them",
        "Article 130, part 3: Incitement to racial, national, religious or other social hatred or discord"]
    links = {link["href"]: text(link) for link in page.select("a[href]")}
    assert links["../../../en/articles/342/"] == "Article 342, part 1"
    assert links["../../../en/articles/130/"] == "Article 130, part 3"
    for href in ["https://example.org/ivan",
                 "https://github.com/politprisoners-by/portal/edit/main/content/people/ivan-ivanau.md",
                 "https://github.com/politprisoners-by/portal/issues/new?template=add-information.yml"
                 "&title=Information%3A%20ivan-ivanau&person=ivan-ivanau"]:
        assert href in links, href
    ru = read(output, "ru/people/ivan-ivanau/index.html")
    assert "438 дней несвободы на 22 октября 2021\u202fг." in ru
    assert "(36 лет)" in ru


def test_story_in_the_page_language_or_marked_untranslated(output):
    assert "Беларуская гісторыя Івана." in read(output, "be/people/ivan-ivanau/index.html")
    ru = read(output, "ru/people/ivan-ivanau/index.html")
    assert "Русская история Ивана." in ru and "Беларуская гісторыя" not in ru and "не переведена" not in ru
    en = read(output, "en/people/ivan-ivanau/index.html")
    assert "This story has not been translated yet; it is shown in Belarusian." in en
    story = select_one(select_one(en, "section.story"), 'div[lang="be"]')
    assert [text(paragraph) for paragraph in story.find_all("p")] == ["Беларуская гісторыя Івана."]


def test_missing_name_falls_back_and_is_marked(output):
    ru = parse(read(output, "ru/people/hanna-be-only/index.html"))
    heading = select_one(ru, "h1")
    assert text(heading) == text(select_one(heading, 'span[lang="be"]')) == "Ганна Толькібеларуская"
    assert text(ru.title).startswith("Ганна Толькібеларуская ·")
    be = select_one(read(output, "be/people/hanna-be-only/index.html"), "h1")
    assert text(be) == "Ганна Толькібеларуская" and not be.select("[lang]")


def test_a_name_only_in_cyrillic_is_shown_in_latin_letters_in_english(output):
    en = parse(read(output, "en/people/hanna-be-only/index.html"))
    heading = select_one(en, "h1")
    assert text(heading) == "Hanna Tolkibelaruskaya" and not heading.select("[lang]")  # Belarusian passport spelling
    assert text(en.title).startswith("Hanna Tolkibelaruskaya ·")
    people = parse(read(output, "en/people/index.html"))
    assert text(select_one(people, 'th[scope="row"] > a[href$="/people/hanna-be-only/"]')) == "Tolkibelaruskaya Hanna"


def test_root_page_offers_every_language(output):
    html = read(output, "index.html")
    for lang in LANGS:
        select_one(html, f'a[href="./{lang}/"][hreflang="{lang}"]')
    assert "Палітвязні Беларусі" in html and "Political prisoners of Belarus" in html


def test_people_list_holds_public_people_only(output):
    html = read(output, "en/people/index.html")
    assert "3 people are listed by name" in html
    assert "2 more people are counted but not named." in html
    listed = [link["href"] for link in parse(html).select('th[scope="row"] > a')]
    assert sorted(listed) == sorted(f"../../en/people/{person_id}/" for person_id in PUBLIC)


def test_two_builds_of_the_same_content_are_identical(output, tmp_path):
    again = build(tmp_path, FILES)
    first = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_bom_and_crlf_are_accepted(output):
    html = read(output, "en/people/released-one/index.html")
    assert text(select_one(html, "h1")) == "Piotr Released"
    assert "A story\nwith CRLF." in html and "\r" not in html
