"""Person records: each kind of bad record is reported with its file, line, field, message
and fix, and all of them at once (content.loader.load_content, without Pelican).

tests/test_validation.py builds the same folder (BAD) with Pelican and expects exactly these
problems (expected_problems()).
"""
from __future__ import annotations

import datetime

import pytest

from conftest import SETTINGS, jpeg, person, write_content
from portal.content.loader import load_content
from portal.content.problems import ContentError, Problem

TODAY = datetime.date(2026, 1, 1)
STATUSES = ("custody, restricted-freedom-institution, house-arrest, restricted-freedom-home, recognizance, "
            "correctional-labour-or-fine, unknown-whereabouts, suspended-sentence, released, pardoned, forced-emigration")
REGIONS = "brest, vitebsk, gomel, grodno, minsk-region, mogilev, minsk-city"
YAML_FIX = ("check the indentation and the colon after each key; put text that contains a colon or starts "
            "with a quote in quotes.")
NAME_FIX = ("add the name, e.g.\n        name:\n          be: Іван Іванаў\n          ru: Иван Иванов\n"
            "          en: Ivan Ivanau\n        or, if the person must not be named, set visibility: counted.")
DATE_FIX = "write the date on which it happened; check the year, month and day order (YYYY-MM-DD)."

GOOD = person("custody", name={"en": "Good Person"})

# Each bad record, and what is reported about it: (line, field, message, fix).
BAD = {
    "people/bad-yaml.md": "---\nname: [unclosed\nstatus: custody\nupdated: 2021-10-22\n---\n",
    "people/no-status.md": person(None, name={"en": "No Status"}),
    "people/typo-status.md": person("custdy", name={"en": "Typo Status"}),
    "people/nameless.md": person("custody"),
    "people/a/twice.md": person("custody", name={"en": "Twice A"}),
    "people/b/twice.md": person("custody", name={"en": "Twice B"}),
    "people/id-mismatch.md": person("custody", id="another-id", name={"en": "Mismatch"}),
    "people/bad-region.md": person("custody", name={"en": "Bad Region"}, region="minsk"),
    "people/bad-institution.md": person("custody", name={"en": "Bad Institution"}, institution="ik-99"),
    "people/not-a-date.md": person("custody", name={"en": "Not A Date"}, detained="last spring"),
    "people/future.md": person("custody", updated="2099-01-01", name={"en": "Future"}),
    "people/impossible-date.md": person("custody", name={"en": "Impossible"}, detained="2021-13-01"),
    "people/missing-photo.md": person("custody", name={"en": "Missing Photo"}, photo="nobody.jpg"),
    "people/not-utf8.md": person("custody", name={"ru": "Иван Иванов"}).encode("cp1251"),
    "people/typo-key.md": person("custody", name={"en": "Typo Key"}, sorces="[https://example.org]"),
    "people/bad-source.md": person("custody", name={"en": "Bad Source"}, sources="[javascript:alert(1)]"),
    "people/Bad_File_Name.md": person("custody", name={"en": "Bad Name"}),
    "people/notes.txt": "some notes",
    "people/no-front-matter.md": "Just a story.\n",
    "people/unknown-article.md": person("custody", name={"en": "Unknown Article"}, articles='["342-1", "999-2"]'),
    "people/bad-marker.md": person("custody", name={"en": "Bad Marker"}, body="<!-- lang: de -->\nText.\n"),
    "people/good-person.md": GOOD,
}
EXPECTED = {
    "people/bad-yaml.md": (3, None, "the YAML cannot be read: did not find expected ',' or ']'.", YAML_FIX),
    "people/no-status.md": (1, "status", 'the required key "status" is missing.',
                            f"add 'status: ' with one of: {STATUSES} (see content/data/categories.yaml)."),
    "people/typo-status.md": (4, "status", '"custdy" is not a known status.',
                              f'did you mean "custody"? use one of: {STATUSES} (see content/data/categories.yaml).'),
    "people/nameless.md": (1, "name", "a public record has no name in any language.", NAME_FIX),
    # the second file of an id: the first one is read
    "people/b/twice.md": (None, "id", 'the id "twice" is already used by content/people/a/twice.md.',
                          "every person has one file; merge the two records, or give this one another id."),
    "people/id-mismatch.md": (2, "id", 'the id "another-id" differs from the file name "id-mismatch.md".',
                              "the id never changes: set id: id-mismatch, or remove the id line."),
    "people/bad-region.md": (4, "region", '"minsk" is not a known region.',
                             f'did you mean "minsk-city"? use one of: {REGIONS} (see content/data/regions.yaml).'),
    # the folder has no institutions
    "people/bad-institution.md": (4, "institution", '"ik-99" is not a known institution.',
                                  "none is defined yet (the files in content/institutions/): add it first, or "
                                  "remove this line."),
    "people/not-a-date.md": (4, "detained", '"last spring" is not a date.',
                             "write the date as YYYY-MM-DD, e.g. detained: 2021-06-01."),
    "people/future.md": (5, "updated", "the date 2099-01-01 lies in the future.", DATE_FIX),
    "people/impossible-date.md": (4, None, "a date cannot be read: month must be in 1..12.",
                                  "write dates as YYYY-MM-DD with a real month and day, e.g. 2021-06-01."),
    "people/missing-photo.md": (4, "photo", "the photo content/people/photos/nobody.jpg does not exist.",
                                "add the photo to content/people/photos/ with exactly this name, or remove the photo "
                                "line."),
    "people/not-utf8.md": (3, None, "the file is not UTF-8 text (byte 0xc8 cannot be read).",
                           "save the file with the encoding UTF-8 (in most editors: Save as… → Encoding: UTF-8)."),
    "people/typo-key.md": (4, "sorces", '"sorces" is not a known key.', 'did you mean "sources"?'),
    "people/bad-source.md": (4, "sources", '"javascript:alert(1)" is not a valid entry.',
                             "give full web addresses starting with https:// or http://, e.g. sources: "
                             "[https://spring96.org/…]."),
    "people/Bad_File_Name.md": (1, None, 'the file name "Bad_File_Name" is not a valid id.',
                                "rename the file to small Latin letters, digits and hyphens, e.g. ivan-ivanau.md."),
    "people/notes.txt": (None, None, "this file is in the people folder but is not a person record.",
                         "person records end in .md (e.g. ivan-ivanau.md); photos go in content/people/photos/."),
    "people/no-front-matter.md": (1, None, "the file does not start with front matter between two lines of three "
                                           "dashes (---).",
                                  "put '---' on the first line, then the keys (status:, updated:, …), then '---' again."),
    "people/unknown-article.md": (4, "articles", 'no article in content/data/articles.yaml matches "999-2".',
                                  "check the number; if it is right, add the article with its title in be, ru and en "
                                  "to content/data/articles.yaml."),
    "people/bad-marker.md": (7, None, 'the story marker names the language "de", which the site does not have.',
                             "use <!-- lang: be -->, <!-- lang: ru -->, <!-- lang: en -->."),
}


def expected_problems() -> list[Problem]:
    """What loading BAD reports, in the report's order, seen from the folder above content/."""
    return ContentError([Problem(f"content/{name}", *found) for name, found in EXPECTED.items()]).problems


def problems_of(root, files, real=("data",)) -> list[Problem]:
    """The problems load_content() reports for a content folder made of `files` in root."""
    content = write_content(root, files, real)
    with pytest.raises(ContentError) as caught:
        load_content(content, SETTINGS, today=TODAY)
    return caught.value.problems


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> list[Problem]:
    root = tmp_path_factory.mktemp("bad")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        return problems_of(root, BAD)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_kind_of_bad_record_is_named_with_line_field_and_fix(bad, name):
    assert [p for p in bad if p.path == f"content/{name}"] == [Problem(f"content/{name}", *EXPECTED[name])]


def test_all_problems_are_reported_together_and_the_good_records_are_not_blamed(bad):
    assert bad == expected_problems()
    assert len(bad) == len(BAD) - 2  # the good record, and the first file of the id used twice


def test_every_problem_says_how_to_fix_it(bad):
    assert all(problem.fix for problem in bad)


# More kinds of bad records, each in a folder with the project's institutions.

MORE = {
    "latin-letter-name": (person(name={"en": "A B"}, letter_name="Ivanov Ivan"),
                          (4, "letter_name", "the name for the envelope must be in Cyrillic.",
                           "write it as the institution knows it, e.g. letter_name: Иванов Иван Иванович.")),
    "no-cyrillic-name": (person(name={"en": "A B"}, institution="ik-4-gomel"),
                         (4, "letter_name", "letters go to this person, but there is no name in Cyrillic for the "
                                            "envelope.",
                          "add the name as the institution knows it, e.g. letter_name: Иванов Иван Иванович.")),
    "note-with-letters": (person(name={"en": "A B"}, letters_note={"en": "The family asks."}),
                          (4, "letters_note", "the note is shown only where letters are not possible.",
                           "add 'letters: false' if no one should write, or remove the note.")),
    "detained-before-birth": (person(name={"en": "A B"}, born=1990, detained="1989-05-01"),
                              (5, "detained", "detained (1989-05-01) is before the year of birth (1990).",
                               "check both dates.")),
    "born-later": (person(name={"en": "A B"}, born=2030),
                   (4, "born", "the year 2030 is not possible.", "write a year between 1900 and 2026.")),
    "outside-photos": (person(name={"en": "A B"}, photo="../outside-photos.md"),
                       (4, "photo", '"../outside-photos.md" is not a photo file name.',
                        "put the photo (JPEG, PNG or WebP) in content/people/photos/ and write only its file name, "
                        "e.g. photo: ivan-ivanau.jpg.")),
    "bad-visibility": (person(name={"en": "A B"}, visibility="hidden"),
                       (4, "visibility", '"hidden" is not a known visibility.', "use one of: public, counted.")),
    "bad-alias": (person(name={"en": "A B"}, aliases="[Old_Id]"),
                  (4, "aliases", '"Old_Id" is not a valid entry.',
                   "list the ids this person had before, e.g. aliases: [ivan-ivanov].")),
    "alias-twice": (person(name={"en": "A B"}, aliases="[old-a, old-a]"),
                    (4, "aliases", '"old-a" is listed twice.', "list each old id once.")),
    "bad-story-lang": (person(name={"en": "A B"}, story_lang="de", body="Text.\n"),
                       (4, "story_lang", '"de" is not a known story_lang.', "use one of: be, ru, en.")),
    "name-as-text": (person(name="Ivan Ivanau"),
                     (2, "name", "this must give the text per language, not one piece of text.",
                      "write it as:\n        name:\n          be: …\n          ru: …\n          en: …")),
    "empty-name": (person(name="{}"), (2, "name", "a public record has no name in any language.", NAME_FIX)),
    # Blank in every language is no name (it stopped the build in the lists, before).
    "bad-penalty": (person(name={"en": "A B"}, penalty="chemistry"),
                    (4, "penalty", '"chemistry" is not a known penalty.',
                     "use one of: imprisonment, restricted-freedom-institution, restricted-freedom-home, "
                     "home-confinement, arrest, correctional-labour, fine, suspended-sentence, compulsory-treatment "
                     "(see content/data/penalties.yaml).")),
    "released-before-detention": (person(name={"en": "A B"}, detained="2021-03-01", released="2021-02-01"),
                                  (5, "released", "released (2021-02-01) is before the day of detention (2021-03-01).",
                                   "check both dates.")),
    "died-later-than-checked": (person(name={"en": "A B"}, died="2022-01-01"),
                                (4, "died", "died (2022-01-01) is after the day the record was checked (2021-10-22).",
                                 "updated is the day you checked the record, so nothing in it happens later: correct "
                                 "the date, or set updated: to the day you checked it.")),
    "recognised-as-text": (person(name={"en": "A B"}, recognised="Viasna"),
                           (4, "recognised", "this must say who recognised the person, and when.",
                            "write it as:\n        recognised:\n          by: Viasna\n          date: 2021-06-01")),
    "recognised-by-nobody": (person(name={"en": "A B"}, recognised={"date": "2021-06-01"}),
                             (4, "recognised.by", 'the required key "by" is missing.',
                              "add 'by: ' with the organisation that recognised the person, e.g. by: Viasna.")),
    "recognised-on-no-date": (person(name={"en": "A B"}, recognised={"by": "Viasna", "date": "spring"}),
                              (4, "recognised.date", '"spring" is not a date.',
                               "write the date as YYYY-MM-DD, e.g. date: 2021-06-01.")),
    "blank-name": (person(name={"be": "''", "en": "' '"}), (2, "name", "a public record has no name in any language.",
                                                           NAME_FIX)),
}


@pytest.mark.parametrize("record, expected", MORE.values(), ids=MORE.keys())
def test_more_kinds_of_bad_records(in_tmp, record, expected):
    assert problems_of(in_tmp, {"people/bad.md": record}, real=("data", "institutions")) == [
        Problem("content/people/bad.md", *expected)]


def test_a_photo_that_is_not_an_image(in_tmp):
    files = {"people/photos/broken.jpg": b"not a JPEG", "people/bad.md": person(name={"en": "A B"}, photo="broken.jpg")}
    assert problems_of(in_tmp, files) == [Problem(
        "content/people/bad.md", 4, "photo",
        "the photo content/people/photos/broken.jpg cannot be used: it is not an image in a format the site reads "
        "(JPEG, PNG or WebP).", "save it again as a JPEG, PNG or WebP file of a few megapixels at most.")]


def test_a_counted_only_record_needs_no_name(in_tmp):
    content = write_content(in_tmp, {"people/counted-0001.md": person(visibility="counted"),
                                     "people/ivan.md": person(name={"en": "Ivan"})})
    site = load_content(content, SETTINGS, today=TODAY)
    assert [(p.id, p.visibility, p.name.values) for p in site.people] == [
        ("counted-0001", "counted", {}), ("ivan", "public", {"en": "Ivan"})]
    assert [p.id for p in site.public_people] == ["ivan"]


def test_the_fields_a_verdict_and_a_release_add(in_tmp):
    content = write_content(in_tmp, {"people/ivan.md": person(
        "released", name={"en": "Ivan"}, detained="2020-08-10", sentenced="2021-02-17", penalty="fine",
        released="2021-03-01", died="2021-09-30", recognised={"by": "Viasna", "date": "2020-09-01"})})
    [ivan] = load_content(content, SETTINGS, today=TODAY).people
    assert (ivan.sentenced, ivan.penalty.id, ivan.released, ivan.died) == (
        datetime.date(2021, 2, 17), "fine", datetime.date(2021, 3, 1), datetime.date(2021, 9, 30))
    assert (ivan.recognised.by, ivan.recognised.date) == ("Viasna", datetime.date(2020, 9, 1))
    assert ivan.penalty.label.values["be"] == "Штраф"


@pytest.mark.parametrize("key, value", [("sentenced", "2021-02-17"), ("penalty", "fine"), ("released", "2021-03-01"),
                                        ("died", "2021-09-30"), ("recognised", "{by: Viasna}")])
def test_a_counted_only_record_holds_no_verdict_release_or_recognition(in_tmp, key, value):
    found = problems_of(in_tmp, {"people/counted-0001.md": person(visibility="counted", **{key: value})})
    assert [(problem.field, problem.message.split(":")[0]) for problem in found] == [
        (key, f'a counted-only record holds only what counting needs, and "{key}" could identify the person')]


def test_a_good_record_with_a_photo(in_tmp):
    content = write_content(in_tmp, {"people/photos/ivan.jpg": jpeg(),
                                     "people/ivan.md": person(name={"en": "Ivan"}, photo="ivan.jpg")})
    [ivan] = load_content(content, SETTINGS, today=TODAY).people
    assert ivan.photo == (content / "people" / "photos" / "ivan.jpg").resolve()
