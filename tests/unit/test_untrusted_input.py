"""Input from anyone: each way a hostile or careless pull request was seen to break the build,
and more of each kind, stops with a problem that names the file and the fix, in bounded
memory and time, without reading anything outside the content folder
(content/safety.py, content/loader.py, content/person.py; without Pelican)."""
from __future__ import annotations

import datetime
import io
import os
import struct
import time
import tracemalloc
import zlib

import pytest
from PIL import Image

from conftest import SETTINGS, jpeg, person, write_content
from portal.content.loader import load_content
from portal.content.problems import ContentError, Problem
from portal.content.safety import MAX_PHOTO_BYTES, MAX_TEXT_BYTES, invisible_characters, load_yaml
from portal.publish.opendata import spreadsheet_safe

TODAY = datetime.date(2026, 1, 1)
GOOD = person(name={"en": "Good Person"})
PHOTO_FIX = "save it again as a JPEG, PNG or WebP file of a few megapixels at most."
INVISIBLE_FIX = ("delete it: retype the text around it, or paste it from a plain-text source. Characters like this can "
                 "turn a name around on the page or hide part of it.")
LINK_FIX = "replace the link with the file itself, or remove it."
LINK = "this is a symbolic link: the site is built only from files inside the content folder."


def problems_of(root, files, real=("data",)) -> list[Problem]:
    content = write_content(root, files, real)
    with pytest.raises(ContentError) as caught:
        load_content(content, SETTINGS, today=TODAY)
    return caught.value.problems


# YAML that costs far more than its size


def billion_laughs(levels: int = 12) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join(lines)


def test_nested_aliases_are_refused_in_bounded_memory_and_time(in_tmp):
    record = "---\n" + billion_laughs() + f"\nname: *a{11}\nstatus: custody\nupdated: 2021-10-22\n---\n"
    tracemalloc.start()
    started = time.perf_counter()
    problems = problems_of(in_tmp, {"people/laughs.md": record})
    elapsed, (_, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # (the line of the anchor met again)
    assert problems == [Problem("content/people/laughs.md", 13, None, "a YAML anchor or alias (&name, *name) is used.",
                                "write each value out where it is needed: anchors and aliases are not accepted.")]
    assert elapsed < 2 and peak < 50 * 1024 * 1024  # 10**12 strings, had it been expanded


@pytest.mark.parametrize("yaml_text, line", [
    ("base: &base {status: custody}\nother: *base\n", 1),  # a plain alias
    ("base: &base {status: custody}\n<<: *base\n", 1),  # a merge key
    ("name: &self [*self]\n", 1),  # an alias inside its own anchor
])
def test_any_anchor_or_alias_is_refused(yaml_text, line):
    with pytest.raises(Exception) as caught:
        load_yaml(yaml_text)
    assert caught.value.message == "a YAML anchor or alias (&name, *name) is used"
    assert caught.value.problem_mark.line + 1 == line


def test_an_anchor_in_a_data_file_is_refused(in_tmp):
    files = {"people/good.md": GOOD, "data/regions.yaml": "regions:\n  - &r {id: brest, label: {be: Б, ru: Б, en: B}}\n"
                                                          "  - *r\n"}
    assert problems_of(in_tmp, files) == [
        Problem("content/data/regions.yaml", 2, None, "a YAML anchor or alias (&name, *name) is used.",
                "write each value out where it is needed: anchors and aliases are not accepted.")]


def test_deep_nesting_is_refused():
    with pytest.raises(Exception) as caught:
        load_yaml("a: " + "[" * 5000 + "]" * 5000)
    assert "nesting depth" in str(caught.value)


def test_a_file_too_big_is_refused_before_it_is_parsed(in_tmp):
    story = "word " * (MAX_TEXT_BYTES // 5 + 10)
    assert problems_of(in_tmp, {"people/long.md": person(name={"en": "Long"}, body=story)}) == [
        Problem("content/people/long.md", None, None, "the file is 1.0 MB; a record or data file is at most 1 MB.",
                "shorten it: a story this long belongs on another site, linked in sources.")]


# A key written twice


@pytest.mark.parametrize("record, line, key, first", [
    ("---\nname:\n  en: A B\nstatus: custody\nupdated: 2021-10-22\nstatus: released\n---\n", 6, "status", 4),
    ("---\nname:\n  en: A B\n  en: C D\nstatus: custody\nupdated: 2021-10-22\n---\n", 4, "en", 3),
    ("---\nname: {en: A B}\nstatus: custody\nupdated: 2021-10-22\nhistory:\n  - {date: 2021-01-01, status: custody,"
     " date: 2021-02-01}\n---\n", 6, "date", 6),
])
def test_a_key_written_twice_is_refused(in_tmp, record, line, key, first):
    assert problems_of(in_tmp, {"people/twice.md": record}) == [
        Problem("content/people/twice.md", line, None, f'the key "{key}" is written twice (first on line {first}).',
                "keep one of the two lines: only one value can be right.")]


def test_a_key_twice_in_an_institution_file(in_tmp):
    institution = (write_content(in_tmp / "real", {}, ("institutions",)) / "institutions" / "ik-4-gomel.yaml").read_text()
    assert problems_of(in_tmp, {"people/good.md": GOOD, "institutions/ik-4-gomel.yaml": institution + "city: Мінск\n"},
                       real=("data",)) == [
        Problem("content/institutions/ik-4-gomel.yaml", institution.count("\n") + 1, None,
                'the key "city" is written twice (first on line '
                f'{institution.split(chr(10)).index(next(x for x in institution.split(chr(10)) if x.startswith("city:"))) + 1}).',
                "keep one of the two lines: only one value can be right.")]


# Invisible and direction-changing characters


@pytest.mark.parametrize("text, found", [
    ("Іван\u202eІванаў", ["U+202E RIGHT-TO-LEFT OVERRIDE"]),
    ("Ivan\u200bIvanau", ["U+200B ZERO WIDTH SPACE"]),
    ("\u2066Ivan\u2069", ["U+2066 LEFT-TO-RIGHT ISOLATE", "U+2069 POP DIRECTIONAL ISOLATE"]),
    ("Iva\u00adnau", ["U+00AD SOFT HYPHEN"]),
    ("Ivan\x07", ["U+0007 unnamed character"]),
    ("\u3164", ["U+3164 HANGUL FILLER"]),  # looks like a space, is a letter
    ("Іван Іванаў\tу СІЗА\n", []),
    ("Дар’я, Ёлкін, «цытата» — і ўсё", []),
])
def test_invisible_characters_are_named(text, found):
    assert invisible_characters(text) == found


@pytest.mark.parametrize("keys, line, field", [  # the line of the record's key, the field down to the language
    ({"name": {"en": "Ivan \u202eUanavI"}}, 2, "name.en"),
    ({"name": {"en": "Ivan"}, "letter_name": "Иванов\u200b Иван"}, 4, "letter_name"),
    ({"name": {"en": "Ivan"}, "sentence": {"ru": "5 лет\u2067"}}, 4, "sentence.ru"),
    ({"name": {"en": "Ivan"}, "sources": "[https://example.org/\u200d]"}, 4, "sources, entry 1"),
])
def test_invisible_characters_in_a_record_are_refused(in_tmp, keys, line, field):
    problems = problems_of(in_tmp, {"people/hidden-text.md": person(**keys)})
    assert [(p.line, p.field, p.fix) for p in problems] == [(line, field, INVISIBLE_FIX)]
    assert problems[0].message.startswith("the text has an invisible character (U+")


def test_invisible_characters_in_a_story_are_located(in_tmp):
    problems = problems_of(in_tmp, {"people/story.md": person(name={"en": "A B"}, body="Fine.\nTurned \u202eround.\n")})
    assert problems == [Problem("content/people/story.md", 8, None,
                                "the text has an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE).", INVISIBLE_FIX)]


def test_a_name_only_of_invisible_characters_is_refused(in_tmp):
    problems = problems_of(in_tmp, {"people/blank.md": person(name={"en": "'\u200b\u200b'"})})
    assert [(p.field, p.message) for p in problems] == [
        ("name.en", "the text has an invisible character (U+200B ZERO WIDTH SPACE).")]


def test_invisible_characters_in_a_data_file_and_a_text_page(in_tmp):
    files = {"people/good.md": GOOD, "statements/statement.en.md": "Title: S\n\nAll\u202e fine.\n",
             "data/regions.yaml": "regions:\n  - id: brest\n    label: {be: Брэст, ru: Брест, en: \"Bre\u200bst\"}\n"}
    assert problems_of(in_tmp, files) == [
        Problem("content/data/regions.yaml", 1, "regions, entry 1.label.en",
                "the text has an invisible character (U+200B ZERO WIDTH SPACE).", INVISIBLE_FIX),
        Problem("content/statements/statement.en.md", 3, None,
                "the text has an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE).", INVISIBLE_FIX)]


# Nothing is read from outside the content folder


@pytest.fixture
def outside(tmp_path):
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(person(name={"en": "SECRET-OUTSIDE"}, status="SECRET-STATUS"), encoding="utf-8")
    return secret


@pytest.mark.parametrize("link", ["people/linked.md", "people/photos/linked.jpg", "data/categories.yaml",
                                  "institutions/linked.yaml", "signatories/linked.yaml", "statements/linked.en.md",
                                  "people/folder"])
def test_a_symbolic_link_anywhere_in_the_content_is_refused_unread(in_tmp, outside, link):
    content = write_content(in_tmp, {"people/good.md": GOOD}, ("data",))
    path = content / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.symlink(outside.parent if link == "people/folder" else outside, path)
    with pytest.raises(ContentError) as caught:
        load_content(content, SETTINGS, today=TODAY)
    report = str(caught.value)
    assert Problem(f"content/{link}", None, None, LINK, LINK_FIX) in caught.value.problems
    assert "SECRET" not in report  # never read, so never quoted in a message


def test_a_photo_named_outside_the_photos_folder_is_refused(in_tmp, outside):
    problems = problems_of(in_tmp, {"people/up.md": person(name={"en": "Up"}, photo="../../../outside/secret.md")})
    assert [(p.field, p.message) for p in problems] == [("photo", '"../../../outside/secret.md" is not a photo file name.')]


# Photos: checked before they are decoded, and decoded before anything is written


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb's header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def truncated_jpeg() -> bytes:
    stream = io.BytesIO()
    Image.effect_noise((600, 800), 60).convert("RGB").save(stream, "JPEG", quality=90)
    return stream.getvalue()[: len(stream.getvalue()) // 2]


@pytest.mark.parametrize("data, wrong", [
    (png_claiming(40_000, 40_000), "it unpacks into more than 50 megapixels"),  # Pillow's own bomb check
    (png_claiming(8_000, 8_000), "it is 8000 × 8000 pixels, more than 50 megapixels"),  # below it, above ours
    (truncated_jpeg(), "the file is damaged or incomplete (image file is truncated"),
    (b"GIF89a not really", "it is not an image in a format the site reads (JPEG, PNG or WebP)"),
    (jpeg()[:40], "the file is damaged or incomplete ("),
])
def test_a_damaged_or_enormous_photo_is_refused_by_name(in_tmp, data, wrong):
    problems = problems_of(in_tmp, {"people/pic.md": person(name={"en": "Pic"}, photo="pic.jpg"),
                                    "people/photos/pic.jpg": data})
    assert [(p.path, p.field, p.fix) for p in problems] == [("content/people/pic.md", "photo", PHOTO_FIX)]
    message = problems[0].message
    assert message.startswith("the photo content/people/photos/pic.jpg cannot be used: ")
    assert wrong in message


def test_a_photo_file_too_big_is_refused_before_it_is_opened(in_tmp):
    content = write_content(in_tmp, {"people/big.md": person(name={"en": "Big"}, photo="big.jpg")}, ("data",))
    (content / "people" / "photos").mkdir()
    with open(content / "people" / "photos" / "big.jpg", "wb") as stream:
        stream.truncate(MAX_PHOTO_BYTES + 1)  # sparse: no disk, no decoding
    with pytest.raises(ContentError) as caught:
        load_content(content, SETTINGS, today=TODAY)
    assert [p.message for p in caught.value.problems] == [
        "the photo content/people/photos/big.jpg cannot be used: it is 20.0 MB, more than 20 MB."]


# Counted-only records hold what counting needs, nothing more


COUNTED_FIX = ("remove the line. Keep only status, status_since, detained, history, region, updated; send anything "
               "else to the editors privately if it matters.")


def counted_problem(field: str, line: int) -> Problem:
    return Problem("content/people/counted-0001.md", line, field,
                   f'a counted-only record holds only what counting needs, and "{field}" could identify the person: '
                   "this repository is public, and anything merged stays in its history.", COUNTED_FIX)


def test_a_counted_only_record_with_a_name_photo_or_story_is_refused(in_tmp):
    record = person("custody", visibility="counted", name={"en": "Must Not Show"}, born="1970", photo="x.jpg",
                    sources="[https://example.org/x]", body="What happened.\n")
    problems = problems_of(in_tmp, {"people/counted-0001.md": record, "people/photos/x.jpg": jpeg()})
    assert problems == [
        counted_problem("name", 3),
        counted_problem("born", 5), counted_problem("photo", 6), counted_problem("sources", 7),
        Problem("content/people/counted-0001.md", 11, None,
                "a counted-only record has a story: it could identify the person, and this repository is public.",
                "remove everything below the second --- line.")]


@pytest.mark.parametrize("key, value", [("gender", "female"), ("institution", "ik-4-gomel"), ("articles", '["342"]'),
                                        ("aliases", "[ivan-ivanau]"), ("letter_name", "Иванов Иван"),
                                        ("sentence", "5 years"), ("story_lang", "ru")])
def test_each_identifying_key_of_a_counted_only_record_is_refused(in_tmp, key, value):
    problems = problems_of(in_tmp, {"people/counted-0001.md": person("custody", visibility="counted", **{key: value})},
                           real=("data", "institutions"))
    assert counted_problem(key, 3) in problems


def test_a_counted_only_record_named_after_the_person_is_refused(in_tmp):
    problems = problems_of(in_tmp, {"people/ivan-ivanau.md": person("custody", visibility="counted", region="gomel")})
    assert problems == [Problem(
        "content/people/ivan-ivanau.md", 1, None,
        'the file name "ivan-ivanau" of a counted-only record could name the person: file names are public in the '
        "repository.", "rename the file to counted- and the next free number, e.g. counted-0042.md.")]


def test_what_counting_needs_is_enough(in_tmp):
    record = person("released", visibility="counted", region="gomel", detained="2020-08-11", status_since="2021-01-05",
                    history="\n  - date: 2020-08-11\n    status: custody\n  - date: 2021-01-05\n    status: released")
    content = write_content(in_tmp, {"people/counted-0001.md": record}, ("data",))
    [counted] = load_content(content, SETTINGS, today=TODAY).people
    assert (counted.id, counted.is_public, counted.category.id, len(counted.history)) == ("counted-0001", False,
                                                                                          "released", 2)


# Dates that cannot be true on the day the record was checked


@pytest.mark.parametrize("key", ["status_since", "detained"])
def test_a_date_after_the_check_is_refused(in_tmp, key):
    problems = problems_of(in_tmp, {"people/later.md": person(updated="2021-10-20", name={"en": "Later"},
                                                              **{key: "2022-02-15"})})
    assert problems == [Problem(
        "content/people/later.md", 4, key, f"{key} (2022-02-15) is after the day the record was checked (2021-10-20).",
        "updated is the day you checked the record, so nothing in it happens later: correct the date, or set "
        "updated: to the day you checked it.")]


# Spreadsheet formulas in the open data


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"https://evil.example\",\"click\")", "'=HYPERLINK(\"https://evil.example\",\"click\")"),
    ("+1 years", "'+1 years"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"), ("5 years", "5 years"), ("", ""), (None, ""), (1985, 1985), ("2021-06-01", "2021-06-01"),
])
def test_a_cell_that_a_spreadsheet_would_run_starts_with_an_apostrophe(value, cell):
    assert spreadsheet_safe(value) == cell
