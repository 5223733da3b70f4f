"""Two versions of the content compared (review/changes.py), without git and without Pelican:
two content folders, read by the loader, and the files that differ between them."""
from __future__ import annotations

import datetime
from pathlib import Path

from conftest import LANGS, LANGUAGES, SETTINGS, jpeg, person, write_content
from portal.content.loader import load_content
from portal.review import flags as review
from portal.review.changes import Changes, compare
from portal.review.records import Version, md
from unit.test_counting import history

TODAY = datetime.date(2026, 1, 1)
EN = LANGUAGES["en"]
SOURCE = "[https://example.org/a]"


def version(root: Path, files: dict) -> tuple[Version, Path]:
    content = write_content(root, files, real=("data", "institutions"))
    site = load_content(content, SETTINGS, today=TODAY, render_stories=False)

    def raw(path: str) -> bytes | None:
        file = content / path
        return file.read_bytes() if file.is_file() else None
    return Version(site, (content / "people" / "photos").resolve(), raw), content


def changed_files(old: Path, new: Path) -> dict[str, str]:
    def files(folder: Path) -> dict[str, bytes]:
        return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    before, after = files(old), files(new)
    changed = {path: "A" for path in after.keys() - before.keys()}
    changed |= {path: "D" for path in before.keys() - after.keys()}
    changed |= {path: "M" for path in before.keys() & after.keys() if before[path] != after[path]}
    return changed


def run(tmp_path: Path, before: dict, after: dict) -> Changes:
    old, old_folder = version(tmp_path / "old", before)
    new, new_folder = version(tmp_path / "new", after)
    return compare(old, new, changed_files(old_folder, new_folder), EN, LANGS, "people", "people/photos", "content/")


def flags(changes: Changes) -> list[tuple[str, str]]:
    return [(flag.kind, flag.id) for flag in changes.flags]


def fields(changes: Changes, person_id: str) -> list[tuple[str, str]]:
    [record] = [record for record in changes.records if record.new.id == person_id]
    return record.fields


def test_nothing_changed(tmp_path):
    files = {"people/a.md": person("custody", name={"en": "Ales Adamovich"}, sources=SOURCE)}
    changes = run(tmp_path, files, files)
    assert (changes.added, changes.removed, changes.renamed, changes.status, changes.records, changes.flags,
            changes.other_files) == ([], [], [], [], [], [], [])


def test_added_removed_and_renamed(tmp_path):
    changes = run(tmp_path, {
        "people/old-id.md": person("custody", name={"en": "Ales Uzorny"}, sources=SOURCE),
        "people/viktar-charnavy.md": person("custody", name={"be": "Віктар Чарнавы"}, sources=SOURCE),
        "people/gone.md": person("released", name={"en": "Olga Gone"}, sources=SOURCE),
    }, {
        "people/new-id.md": person("custody", name={"en": "Ales Uzorny"}, aliases="[old-id]", sources=SOURCE),
        "people/viktar-charnavy-2.md": person("custody", name={"en": "Viktar Charnavy"}, sources=SOURCE),
        "people/olga-new.md": person("custody", name={"en": "Olga Novaya"}, sources=SOURCE),
    })
    assert [person.id for person in changes.added] == ["olga-new"]
    assert [person.id for person in changes.removed] == ["gone"]
    assert [(rename.old.id, rename.new.id, rename.alias_kept) for rename in changes.renamed] == [
        ("old-id", "new-id", True), ("viktar-charnavy", "viktar-charnavy-2", False)]
    assert flags(changes) == [(review.RENAMED, "viktar-charnavy-2")]
    assert changes.flags[0].text == (
        "Viktar Charnavy (`viktar-charnavy`) was removed and Viktar Charnavy (`viktar-charnavy-2`) added, with the same "
        "name: renamed? The old address is not kept, so links to it break: add `aliases: [viktar-charnavy]` to the "
        "new record (or ignore this if they are two people).")
    assert fields(changes, "new-id") == [("id", "`old-id` → `new-id`"), ("aliases", "added old-id")]


def test_a_record_merged_into_another(tmp_path):
    changes = run(tmp_path, {
        "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў"}, sources=SOURCE),
        "people/ivan-ivanau-2.md": person("custody", name={"en": "Ivan Ivanau"}, sources=SOURCE),
    }, {
        "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў"}, aliases="[ivan-ivanau-2]",
                                        sources=SOURCE),
    })
    assert [person.id for person in changes.removed] == ["ivan-ivanau-2"]
    assert {alias: person.id for alias, person in changes.merged_into.items()} == {"ivan-ivanau-2": "ivan-ivanau"}
    assert fields(changes, "ivan-ivanau") == [("aliases", "added ivan-ivanau-2")]


def test_every_field_of_a_public_record(tmp_path):
    before = person("custody", updated="2021-10-22", name={"be": "Алесь Узорны", "en": "Ales Uzorny"}, born=1985,
                    gender="male", region="minsk-city", status_since="2021-06-01", detained="2020-08-10",
                    articles='["342-1", "130"]', sentence="5 years", institution="sizo-1-minsk",
                    letter_name="Узорный Алесь", letters_note=None, photo="a.jpg", sources=SOURCE,
                    body="<!-- lang: be -->\nКароткі тэкст.\n<!-- lang: en -->\nA short text.\n")
    after = person("released", updated="2022-02-01", name={"be": "Алесь Узорны", "ru": "Алесь Узорный"},
                   born="1985-03-14", gender="male", region="gomel", detained="2020-08-10",
                   articles='["342-1", "361-1-2"]', sentence={"en": "5 years", "be": "5 гадоў"},
                   sentenced="2021-05-20", penalty="imprisonment",
                   institution="ik-4-gomel", institution_since="2022-01-20", released="2022-02-01",
                   recognised={"by": "Viasna", "date": "2020-09-01"}, letter_name="Узорный Алесь Иванович",
                   languages="[be, ru]", letters="false",
                   letters_note={"en": "The family asks not to write."}, photo="a.jpg",
                   sources="[https://example.org/a, https://example.org/b]", aliases="[ales-old]",
                   story_lang="be", history=history(("2021-06-01", "custody"), ("2022-02-01", "released")),
                   body="Доўгі тэкст. " * 10 + "\n")
    changes = run(tmp_path, {"people/ales.md": before, "people/photos/a.jpg": jpeg()},
                  {"people/ales.md": after, "people/photos/a.jpg": jpeg(colour=(1, 2, 3))})
    assert fields(changes, "ales") == [
        ("name (en)", "Ales Uzorny → not given"),
        ("name (ru)", "not given → Алесь Узорный"),
        ("born", "1985 → 1985-03-14"),
        ("region", "Minsk → Gomel Region"),
        ("status", "In custody → Released"),
        ("status_since", "2021-06-01 → not given"),
        ("articles", "added 361-1-2; removed 130"),
        ("sentenced", "not given → 2021-05-20"),
        ("penalty", "not given → Imprisonment"),
        ("sentence", "5 years → not given"),
        ("sentence (be)", "not given → 5 гадоў"),
        ("sentence (en)", "not given → 5 years"),
        ("institution", "Pre-trial detention centre No. 1, Minsk (Pashkovichi) → Penal colony No. 4, Gomel (women's)"),
        ("institution_since", "not given → 2022-01-20"),
        ("released", "not given → 2022-02-01"),
        ("recognised", "not given → Viasna, 2020-09-01"),
        ("letter_name", "Узорный Алесь → Узорный Алесь Иванович"),
        ("languages", "added be, ru"),
        ("letters", "yes → no"),
        ("letters_note (en)", "not given → The family asks not to write."),
        ("photo", "a.jpg replaced by another picture"),
        ("sources", "added https://example.org/b"),
        ("updated", "2021-10-22 → 2022-02-01"),
        ("aliases", "added ales-old"),
        ("story_lang", "not given → be"),
        ("history", "added 2021-06-01 In custody, 2022-02-01 Released"),
        ("story (be)", "changed (14 → 129 characters)"),
        ("story (en)", "removed (was 13 characters)"),
    ]
    assert [(old.id, new.category.id) for old, new in changes.status] == [("ales", "released")]
    assert flags(changes) == [(review.PHOTO, "ales")]
    assert changes.flags[0].text == ("Ales Uzorny (`ales`): a photo replaced (`a.jpg`). Is it this person, may it be "
                                     "shown, and is no one else recognisable in it?")


def test_counted_only_records_are_described_by_what_counting_needs_only(tmp_path):
    # A counted-only record holds nothing that identifies the person (the check refuses more:
    # tests/unit/test_untrusted_input.py); one made public, and a person hidden the way the
    # guide says (their record removed, a counted-only one added), are for a human to check.
    changes = run(tmp_path, {
        "people/counted-1.md": person("custody", visibility="counted", region="gomel", updated="2021-10-10"),
        "people/counted-9.md": person("custody", visibility="counted", updated="2021-10-10"),
        "people/going-hidden.md": person("custody", name={"be": "Тайная Асоба"}, born=1980, sources=SOURCE),
    }, {
        "people/counted-1.md": person("released", visibility="counted", region="gomel", updated="2022-01-10",
                                      status_since="2022-01-10"),
        "people/counted-9.md": person("custody", updated="2022-01-10", name={"be": "Новая Асоба"}, sources=SOURCE),
        "people/counted-2.md": person("custody", visibility="counted", updated="2022-01-10"),
    })
    assert fields(changes, "counted-1") == [("status", "In custody → Released"), ("status_since", "not given → 2022-01-10"),
                                            ("updated", "2021-10-10 → 2022-01-10")]
    by = {(flag.kind, flag.id): flag.text for flag in changes.flags}
    assert by[(review.COUNTED, "counted-1")] == (
        "counted-only record `counted-1` changed (now Released since 2022-01-10, Gomel Region). Check it with whoever "
        "keeps the counted-only records; nothing that could identify the person is shown here.")
    assert by[(review.COUNTED, "counted-2")] == (
        "counted-only record `counted-2` added (now In custody): it adds one to the total without a name. Check it with "
        "whoever keeps the counted-only records; nothing that could identify the person is shown here.")
    assert "becomes public" in by[(review.BECOMES_PUBLIC, "counted-9")]
    assert [person.id for person in changes.removed] == ["going-hidden"]


def test_a_counted_only_record_removed(tmp_path):
    changes = run(tmp_path, {"people/counted-1.md": person("custody", visibility="counted", region="gomel")}, {})
    assert [(flag.kind, flag.text) for flag in changes.flags] == [(review.COUNTED, (
        "counted-only record `counted-1` removed (In custody, Gomel Region): the total goes down by one. Check it "
        "with whoever keeps the counted-only records."))]


def test_personal_data_only_in_a_story_that_changed(tmp_path):
    phone = "Тэлефон: +375 29 123-45-67.\n"
    changes = run(tmp_path, {
        "people/had-it.md": person("custody", name={"en": "Had It"}, sources=SOURCE, body=phone),
        "people/gets-it.md": person("custody", name={"en": "Gets It"}, sources=SOURCE, body="Story.\n"),
    }, {
        "people/had-it.md": person("released", name={"en": "Had It"}, sources=SOURCE, body=phone),
        "people/gets-it.md": person("custody", name={"en": "Gets It"}, sources=SOURCE,
                                    body="Story.\n\nвул. Леніна, 5; family@example.org\n"),
        "people/new.md": person("custody", name={"en": "New Person"}, sources=SOURCE, body="Flat 12.\n"),
    })
    assert [(flag.kind, flag.id, flag.text.split(" mentions ")[1]) for flag in changes.flags
            if flag.kind == review.PERSONAL_DATA] == [
        (review.PERSONAL_DATA, "gets-it", "a street address (line 10); an e-mail address (line 10). Could it lead anyone "
                                          "to the person or their family?"),
        (review.PERSONAL_DATA, "new", "a street address (line 8). Could it lead anyone to the person or their family?")]


def test_records_without_sources(tmp_path):
    changes = run(tmp_path, {
        "people/loses.md": person("custody", name={"en": "Loses Sources"}, sources=SOURCE),
        "people/never.md": person("custody", name={"en": "Never Had"}),
        "people/untouched.md": person("custody", name={"en": "Untouched"}),
    }, {
        "people/loses.md": person("custody", name={"en": "Loses Sources"}),
        "people/never.md": person("released", name={"en": "Never Had"}),
        "people/untouched.md": person("custody", name={"en": "Untouched"}),
        "people/added.md": person("custody", name={"en": "Added Person"}),
    })
    assert [(flag.id, flag.text) for flag in changes.flags if flag.kind == review.NO_SOURCES] == [
        ("added", "Added Person (`added`): no sources: nothing to check the record against."),
        ("loses", "Loses Sources (`loses`): its sources were removed: nothing to check the record against."),
        ("never", "Never Had (`never`): no sources: nothing to check the record against.")]


def test_probable_duplicates_of_an_added_person(tmp_path):
    existing = {"people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў"}, born=1985, sources=SOURCE),
                "people/counted-1.md": person("custody", visibility="counted")}
    changes = run(tmp_path, existing, {
        **existing,
        "people/ivan-ivanov.md": person("custody", name={"ru": "Иван Иванов"}, born=1985, sources=SOURCE),
        "people/ivan-ivanou.md": person("custody", name={"en": "Ivan Ivanou"}, sources=SOURCE),
    })
    # Counted-only records are never compared by name: a match would say who they are.
    # Two added records that match are said once.
    assert [flag.text for flag in changes.flags if flag.kind == review.DUPLICATE] == [
        "Ivan Ivanou (`ivan-ivanou`) and Ivan Ivanau (`ivan-ivanau`) may be one person (score 60 of 100: the same "
        "name in another spelling; no year of birth to compare). Check that no one is counted twice; if they are two "
        "people, add `not_duplicate_of: [ivan-ivanau]` to `ivan-ivanou`.",
        "Ivan Ivanou (`ivan-ivanou`) and Ivan Ivanov (`ivan-ivanov`) (also added here) may be one person (score 60 "
        "of 100: the same name; no year of birth to compare). Check that no one is counted twice; if they are two "
        "people, add `not_duplicate_of: [ivan-ivanov]` to `ivan-ivanou`.",
        "Ivan Ivanov (`ivan-ivanov`) and Ivan Ivanau (`ivan-ivanau`) may be one person (score 75 of 100: the same "
        "name in another spelling; born the same year (1985)). Check that no one is counted twice; if they are two "
        "people, add `not_duplicate_of: [ivan-ivanau]` to `ivan-ivanov`."]


def test_a_pair_checked_as_two_people_is_not_flagged(tmp_path):
    existing = {"people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў"}, born=1985, sources=SOURCE)}
    changes = run(tmp_path, existing, {
        **existing,
        "people/ivan-ivanov.md": person("custody", name={"ru": "Иван Иванов"}, born=1985, sources=SOURCE,
                                        not_duplicate_of="[ivan-ivanau]"),
    })
    assert [flag for flag in changes.flags if flag.kind == review.DUPLICATE] == []


def test_files_besides_the_people(tmp_path):
    files = {"people/a.md": person("custody", name={"en": "Ales Adamovich"}, sources=SOURCE)}
    old, old_folder = version(tmp_path / "old", files)
    new, new_folder = version(tmp_path / "new", files)
    (new_folder / "data" / "regions.yaml").write_text((new_folder / "data" / "regions.yaml").read_text() + "# x\n")
    changes = compare(old, new, changed_files(old_folder, new_folder), EN, LANGS, "people", "people/photos")
    assert changes.other_files == ["data/regions.yaml"]
    assert changes.records == []  # the records are the same, though read against two readings of the data


def test_markdown_in_names_is_shown_as_text():
    assert md("*Ales* [x](javascript:1) <b>|") == r"\*Ales\* \[x\](javascript:1) \<b\>\|"
