"""load_content(): a content folder becomes validated, linked Content, or one ContentError
with every problem of every file (people, data files, institutions, signatories)."""
from __future__ import annotations

import datetime

import pytest

from conftest import LANGUAGES, ROOT, SETTINGS, person, write_content
from portal.content.loader import load_content, read_each
from portal.content.problems import ContentError, Problem

TODAY = datetime.date(2026, 1, 1)

IVAN = person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов"}, born="1985-03-14", region="gomel",
              institution="ik-4-gomel", articles='["342-1", "361-1-2", "130"]', sentence="5 years",
              aliases="[ivan-ivanov]",
              body="<!-- lang: be -->\nБеларускі *тэкст*.\n<!-- lang: ru -->\nРусский текст.\n<script>alert(1)</script>\n")
OLGA = person("released", updated="2022-01-01", name={"en": "Olga Example"}, body="A story in English.\n")
COUNTED = person("custody", visibility="counted", region="gomel")


def load(root, files, real=("data", "institutions"), **options):
    return load_content(write_content(root, files, real), SETTINGS, today=TODAY, **options)


def problems(root, files, real=("data",)) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load(root, files, real)
    return caught.value.problems


@pytest.fixture
def site(in_tmp):
    return load(in_tmp, {"people/ivan-ivanau.md": IVAN, "people/2021/olga.md": OLGA, "people/counted-0001.md": COUNTED})


def test_the_people_in_id_order_counted_only_included(site):
    assert [(p.id, p.source_path, p.visibility) for p in site.people] == [
        ("counted-0001", "people/counted-0001.md", "counted"),
        ("ivan-ivanau", "people/ivan-ivanau.md", "public"),
        ("olga", "people/2021/olga.md", "public"),  # a sub-folder is only for order: the id is the file name
    ]
    assert [p.id for p in site.public_people] == ["ivan-ivanau", "olga"]


def test_a_record_is_linked_to_the_reference_data(site):
    ivan = site.people[1]
    assert ivan.category is site.categories["custody"] and ivan.category.group is site.groups[0]
    assert ivan.region is site.regions["gomel"]
    assert ivan.institution is site.institutions["ik-4-gomel"]
    # "342-1" is part 1 of article 342; "361-1-2" part 2 of article 361-1; "130" the whole article
    assert [(c.article.id, c.part, c.code) for c in ivan.articles] == [
        ("342", "1", "342-1"), ("361-1", "2", "361-1-2"), ("130", None, "130")]
    assert ivan.articles[0].article is site.articles["342"]
    assert (ivan.born, ivan.birth_year, ivan.sentence.values, ivan.aliases) == (
        datetime.date(1985, 3, 14), 1985, {None: "5 years"}, ["ivan-ivanov"])


def test_english_gets_a_latin_spelling_of_a_cyrillic_name(site):
    ivan = site.people[1]
    assert ivan.name.values == {"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}
    assert ivan.transliterated_names == ["en"]
    assert ivan.written_name.values == {"be": "Іван Іванаў", "ru": "Иван Иванов"}


def test_stories_are_split_by_language_and_sanitised(site):
    ivan, olga = site.people[1], site.people[2]
    assert {lang: html.strip() for lang, html in ivan.story.values.items()} == {
        "be": "<p>Беларускі <em>тэкст</em>.</p>", "ru": "<p>Русский текст.</p>"}  # no <script>
    assert olga.story.values == {"en": "<p>A story in English.</p>"}  # no marker: the letters say English


def test_without_rendering_stories_there_is_no_story(in_tmp):
    site = load(in_tmp, {"people/ivan-ivanau.md": IVAN}, render_stories=False)
    assert site.people[0].story is None


def test_the_reference_data_in_the_files_order(site):
    assert [group.id for group in site.groups] == ["political-prisoner", "persecuted"]
    assert [c.id for c in site.groups[0].categories] == ["custody", "restricted-freedom-institution", "house-arrest"]
    assert list(site.categories)[:4] == ["custody", "restricted-freedom-institution", "house-arrest",
                                         "restricted-freedom-home"]
    assert list(site.regions) == ["brest", "vitebsk", "gomel", "grodno", "minsk-region", "mogilev", "minsk-city"]
    assert list(site.institutions) == ["ik-4-gomel", "ik-9-gorki", "prison-4-mogilev", "sizo-1-minsk"]
    assert list(site.articles)[:3] == ["130", "191", "203-1"]
    assert (site.statement_figures.date, site.statement_figures.by_category["custody"]) == (
        datetime.date(2021, 10, 22), 783)
    assert site.signatories == []  # the folder has none
    assert not hasattr(site.reference, "people")  # what every page may show: never the people


def test_an_empty_folder_is_valid(in_tmp):
    site = load(in_tmp, {}, real=("data",))
    assert (site.people, site.institutions, site.signatories) == ([], {}, [])


def test_the_people_are_read_by_the_reader_given(in_tmp):
    seen = []

    def reader(files, context):
        seen.append(([file.source_path for file in files], context.today, context.render_stories))
        return read_each(files, context)

    site = load(in_tmp, {"people/ivan-ivanau.md": IVAN, "people/2021/olga.md": OLGA}, read_people=reader,
                render_stories=False)
    assert seen == [(["people/ivan-ivanau.md", "people/2021/olga.md"], TODAY, False)]
    assert [p.id for p in site.people] == ["ivan-ivanau", "olga"]


def test_the_languages_given_are_used(in_tmp):
    site = load(in_tmp, {"people/ivan-ivanau.md": IVAN}, languages=LANGUAGES)
    assert site.people[0].name.values["en"] == "Ivan Ivanau"


# The people folder


def test_only_md_files_are_records_and_anything_else_is_reported(in_tmp):
    found = problems(in_tmp, {
        "people/ok.md": person(name={"en": "Ok"}),
        "people/notes.txt": "notes",
        "people/ok.md.bak": "backup",
        "people/2021/photo.jpg": b"\xff\xd8",
        "people/.editor-swap.md": "ignored: a hidden file",
        "people/.git/x.md": "ignored: a hidden folder",
        "people/photos/readme.md": "ignored: the photos folder",
    })
    fix = "person records end in .md (e.g. ivan-ivanau.md); photos go in content/people/photos/."
    message = "this file is in the people folder but is not a person record."
    assert found == [Problem("content/people/2021/photo.jpg", None, None, message, fix),
                     Problem("content/people/notes.txt", None, None, message, fix),
                     Problem("content/people/ok.md.bak", None, None, message, fix)]


def test_an_id_used_twice_names_both_files(in_tmp):
    assert problems(in_tmp, {"people/a/twice.md": person(name={"en": "A"}),
                             "people/b/twice.md": person(name={"en": "B"}),
                             "people/twice.md": person(name={"en": "C"})}) == [
        Problem("content/people/a/twice.md", None, "id", 'the id "twice" is already used by content/people/twice.md.',
                "every person has one file; merge the two records, or give this one another id."),
        Problem("content/people/b/twice.md", None, "id", 'the id "twice" is already used by content/people/twice.md.',
                "every person has one file; merge the two records, or give this one another id."),
    ]


def test_aliases_lead_to_one_person_and_never_shadow_an_id(in_tmp):
    fix = "an old address can lead to one person only: remove it from one of the two records."
    assert problems(in_tmp, {"people/a.md": person(name={"en": "A"}, aliases="[a]"),
                             "people/b.md": person(name={"en": "B"}, aliases="[a, old-b]"),
                             "people/c.md": person(name={"en": "C"}, aliases="[old-b]")}) == [
        Problem("content/people/a.md", None, "aliases", '"a" is this record\'s own id.',
                "list only ids this person had before."),
        Problem("content/people/b.md", None, "aliases", '"a" is already the id of content/people/a.md.', fix),
        Problem("content/people/c.md", None, "aliases", '"old-b" is already an old id of content/people/b.md.', fix),
    ]


def test_an_alias_may_not_be_the_id_of_a_later_record_either(in_tmp):
    assert problems(in_tmp, {"people/a.md": person(name={"en": "A"}, aliases="[b]"),
                             "people/b.md": person(name={"en": "B"})}) == [
        Problem("content/people/a.md", None, "aliases", '"b" is already the id of content/people/b.md.',
                "an old address can lead to one person only: remove it from one of the two records.")]


# Data files, institutions, signatories


def test_not_duplicate_of_names_other_records_that_exist(in_tmp):
    fine = load(in_tmp / "fine", {"people/a.md": person(name={"en": "Ivan Ivanau"}, not_duplicate_of="[b]"),
                         "people/b.md": person(name={"en": "Ivan Ivanau"})}, real=("data",))
    assert [person.not_duplicate_of for person in fine.people] == [["b"], []]
    assert problems(in_tmp / "shape", {"people/a.md": person(name={"en": "A"}, not_duplicate_of="[a, ivan-ivanov]"),
                             "people/b.md": person(name={"en": "B"}, not_duplicate_of="Ivan B")}) == [
        Problem("shape/content/people/a.md", 4, "not_duplicate_of", "the record lists its own id.",
                "list only the ids of other records that were checked to be other people."),
        Problem("shape/content/people/b.md", 4, "not_duplicate_of", '"Ivan B" is not a valid entry.',
                "list the ids of the records checked to be other people, e.g. not_duplicate_of: [ivan-ivanau-2]."),
    ]
    assert problems(in_tmp / "unknown", {"people/a.md": person(name={"en": "A"}, not_duplicate_of="[ivan-ivanov]")}) == [
        Problem("unknown/content/people/a.md", None, "not_duplicate_of", 'no record has the id "ivan-ivanov".',
                "write the id (the file name without .md) of the record checked to be another person, or remove it."),
    ]


def test_bad_data_files_institutions_and_signatories_are_reported_with_the_people(in_tmp):
    content = write_content(in_tmp, {
        "people/good-person.md": person(name={"en": "Good Person"}),
        "people/typo.md": person("custdy", name={"en": "Typo"}),
        "institutions/broken.yaml": "name: {be: x\n",
        "institutions/ik-9.yml": "id: ik-9\n",
        "signatories/Bad Name.yaml": "name: X\nname_lang: xx\nkind: band\njoined: 2021-10-22\n",
        "signatories/one.yaml": "name: One\nname_lang: be\nkind: organisation\njoined: 2021-10-22\norder: 1\n",
        "signatories/two.yaml": "name: one\nname_lang: en\nkind: organisation\njoined: 2021-10-22\norder: 1\n",
        "signatories/notes.txt": "notes",
    })
    categories = content / "data" / "categories.yaml"
    categories.write_text(categories.read_text(encoding="utf-8").replace("          en: House arrest\n", "", 1),
                          encoding="utf-8")
    figures = content / "data" / "statement-2021.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("custody: 783", "custdy: 783"), encoding="utf-8")
    (content / "data" / "articles.yaml").unlink()
    with pytest.raises(ContentError) as caught:
        load_content(content, SETTINGS, today=TODAY)
    found = [(p.path, p.line, p.field, p.message) for p in caught.value.problems]
    assert found == [
        ("content/data/articles.yaml", None, None, "the data file is missing."),
        # an entry of a list has no line of its own
        ("content/data/categories.yaml", None, "label.en", "the text in en is missing."),
        ("content/data/statement-2021.yaml", 5, "categories.custdy", '"custdy" is not a known category.'),
        ("content/institutions/broken.yaml", 2, None, "the YAML cannot be read: did not find expected ',' or '}'."),
        ("content/institutions/ik-9.yml", None, None,
         "this file is in the institutions folder but is not an institution record."),
        ("content/people/typo.md", 4, "status", '"custdy" is not a known status.'),
        ("content/signatories/Bad Name.yaml", 1, None, 'the file name "Bad Name.yaml" is not a valid id.'),
        ("content/signatories/Bad Name.yaml", 2, "name_lang", '"xx" is not a language code.'),
        ("content/signatories/Bad Name.yaml", 3, "kind", '"band" is not a known kind.'),
        ("content/signatories/notes.txt", None, None,
         "this file is in the signatories folder but is not a signatory record."),
        ("content/signatories/two.yaml", None, "name", 'the name "one" is already used by content/signatories/one.yaml.'),
        ("content/signatories/two.yaml", None, "order",
         "order 1 on 2021-10-22 is already taken by content/signatories/one.yaml."),
    ]
    report = str(caught.value)
    assert report.startswith("The content has 12 problems; the site was not built.")
    assert 'content/data/categories.yaml, field "label.en":\n    the text in en is missing.\n' \
           "    Fix: add 'en: …' under 'label:'." in report


def test_the_projects_own_content_is_valid():
    content = ROOT / "content"
    site = load_content(content, SETTINGS, render_stories=False)
    assert [p.id for p in site.people] == sorted(path.stem for path in (content / "people").glob("*.md"))
    assert list(site.institutions) == sorted(path.stem for path in (content / "institutions").glob("*.yaml"))
    assert len(site.signatories) == len(list((content / "signatories").glob("*.yaml")))
