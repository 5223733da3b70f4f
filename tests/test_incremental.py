"""Rebuilds: the cache and the kept pages never change the output, and parallel rendering
writes what one process writes.

A generated site (bench/generate.py: 150 fictional people with photos, counted-only records,
old ids, stories in several languages) is built cold, rebuilt, edited in every way a record
changes, and rebuilt again; each result is compared byte for byte with a cold build of the
same content, by one process and by several.
"""
from __future__ import annotations

import io
import logging
import re
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import LANGS, ROOT, build, jpeg, person, read
from portal.workers import progress

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402


def tree(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(output.rglob("*")) if path.is_file()}


def assert_same(cached: dict[str, bytes], cold: dict[str, bytes]) -> None:
    assert sorted(cached) == sorted(cold), (set(cached) ^ set(cold))
    differ = [name for name in cold if cached[name] != cold[name]]
    assert not differ, differ[:10]


def edit(content: Path) -> dict[str, str]:
    """Every kind of change a record goes through; returns what to look for afterwards."""
    people = content / "people"
    files = sorted(path for path in people.glob("*.md") if not path.name.startswith("counted-"))
    with_photo = [path for path in files if "\nphoto: " in path.read_text(encoding="utf-8")]
    changed = {}
    # A corrected date (a table cell and the person's page change).
    dated = next(path for path in files if "\ndetained: " in path.read_text(encoding="utf-8"))
    dated.write_text(re.sub(r"^detained: .*$", "detained: 2020-08-09", dated.read_text(encoding="utf-8"),
                            count=1, flags=re.M), encoding="utf-8")
    changed["dated"] = dated.stem
    # A new name (lists re-sort, the search index changes).
    renamed = [path for path in files if "\n  be: " in path.read_text(encoding="utf-8")][3]
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("\n  be: ", "\n  be: Аўгусцін ", 1), encoding="utf-8")
    # A person who must no longer be named: the record goes, a counted-only one takes its place.
    hidden = files[5]
    front = hidden.read_text(encoding="utf-8").split("---")[1]
    counted = [line for line in front.splitlines() if line.split(":")[0] in ("status", "region", "updated")]
    (people / "counted-9001.md").write_text("---\nvisibility: counted\n" + "\n".join(counted) + "\n---\n",
                                            encoding="utf-8")
    hidden.unlink()
    changed["hidden"] = hidden.stem
    # A record removed, one added.
    files[7].unlink()
    changed["removed"] = files[7].stem
    (people / "zinaida-novaya.md").write_text(person("released", name={"be": "Зінаіда Новая"}, updated="2021-03-03"),
                                              encoding="utf-8")
    # A photo replaced by another one.
    photo = people / "photos" / with_photo[0].read_text(encoding="utf-8").split("\nphoto: ")[1].split("\n")[0]
    stream = io.BytesIO()
    Image.new("RGB", (260, 320), (10, 120, 200)).save(stream, "JPEG")
    photo.write_bytes(stream.getvalue())
    changed["new_photo"] = with_photo[0].stem
    changed["kept_photo"] = with_photo[1].stem
    return changed


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Builds: cold, unchanged, after the edits (all cached, into one folder), and cold builds
    of the edited content by several processes and by one."""
    root = tmp_path_factory.mktemp("incremental")
    generate.generate(150, root, seed=3)
    # As published: with SITEURL the build also makes the share cards, the feeds and the sitemap.
    published = {"SITEURL": "https://prisoners.example"}
    results = {"cold": tree(build(root, None, PORTAL_PROCESSES=2, **published))}
    results["unchanged"] = tree(build(root, None, PORTAL_PROCESSES=2, **published))
    results["changed"] = edit(root / "content")
    results["edited"] = tree(build(root, None, PORTAL_PROCESSES=2, **published))
    shutil.rmtree(root / "output")
    shutil.rmtree(root / "cache")
    results["edited_cold"] = tree(build(root, None, PORTAL_PROCESSES=2, **published))
    shutil.rmtree(root / "output")
    shutil.rmtree(root / "cache")
    results["edited_one_process"] = tree(build(root, None, PORTAL_PROCESSES=1, **published))
    return results


def test_a_rebuild_with_nothing_changed_writes_the_same_files(sites):
    assert_same(sites["unchanged"], sites["cold"])


def test_a_cached_rebuild_after_edits_equals_a_cold_build_byte_for_byte(sites):
    assert sites["edited"] != sites["cold"]
    assert_same(sites["edited"], sites["edited_cold"])


def test_one_process_and_several_write_the_same_site(sites):
    assert_same(sites["edited_one_process"], sites["edited_cold"])


def test_the_rebuild_followed_every_edit(sites):
    changed, before, after = sites["changed"], sites["cold"], sites["edited"]
    for lang in LANGS:
        for gone in (changed["hidden"], changed["removed"]):
            assert f"{lang}/people/{gone}/index.html" in before
            assert f"{lang}/people/{gone}/index.html" not in after
            assert gone not in after[f"{lang}/people/index.html"].decode()
        assert f"{lang}/people/zinaida-novaya/index.html" in after
        assert 'data-detained="2020-08-09"' in after[f"{lang}/people/index.html"].decode()
    assert "Аўгусцін" in after["be/people/index.html"].decode()
    assert not any(name.startswith(f"photos/{changed['hidden']}") for name in after)
    new_photo = [name for name in after if name.startswith(f"photos/{changed['new_photo']}-")]
    assert new_photo and all(after[name] != before.get(name) for name in new_photo)
    # The new photo's share card is drawn again, the others kept.
    assert after[f"cards/people/{changed['new_photo']}.jpg"] != before[f"cards/people/{changed['new_photo']}.jpg"]
    assert after[f"cards/people/{changed['kept_photo']}.jpg"] == before[f"cards/people/{changed['kept_photo']}.jpg"]
    assert "sitemap.xml" in after and "feeds/en.people.atom.xml" in after


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def rebuilds(tmp_path_factory):
    """A small site through four builds in one folder, each after a change, and what each
    found (the tests below read it):

    1. a cold build, over an output folder that holds a stray page but no record of a build;
    2. after one record changed, and in the output one page edited by hand and another deleted;
    3. after the whole output folder was deleted (the cache kept);
    4. after every store of the cache was damaged.
    """
    root = tmp_path_factory.mktemp("rebuilds")
    output = root / "output"
    found = {}
    stray = output / "be" / "people" / "someone-removed" / "index.html"
    stray.parent.mkdir(parents=True)
    stray.write_text("a page from before", encoding="utf-8")
    files = {"people/kept.md": person(name={"en": "Kept Person"}, photo="kept.jpg"),
             "people/edited.md": person(name={"en": "Edited Person"}),
             "people/one.md": person(name={"en": "One Person"}),
             "people/photos/kept.jpg": jpeg(300, 400, (200, 30, 30))}
    build(root, files)
    found["stray_left"] = stray.exists()
    kept_page, kept_photo = output / "en/people/kept/index.html", output / "photos/kept-240.jpg"
    edited_page, by_hand, deleted = (output / f"{path}/index.html" for path in
                                     ("en/people/edited", "en/people/one", "be/people/one"))
    times = {path: path.stat().st_mtime_ns for path in (kept_page, kept_photo, edited_page)}
    found["cached_photos"] = cached_photos = sorted((root / "cache").rglob("*-240.jpg"))
    photo_time = cached_photos[0].stat().st_mtime_ns
    original = by_hand.read_bytes()

    (root / "content/people/edited.md").write_text(person(name={"en": "Edited Person"}, born=1990), encoding="utf-8")
    by_hand.write_bytes(b"edited by hand")
    deleted.unlink()
    build(root, None)
    found["kept_page_written"] = kept_page.stat().st_mtime_ns != times[kept_page]
    found["kept_photo_written"] = kept_photo.stat().st_mtime_ns != times[kept_photo]
    found["edited_page_written"] = edited_page.stat().st_mtime_ns != times[edited_page]
    found["edited_page"] = read(output, "en/people/edited/index.html")
    found["by_hand_restored"] = by_hand.read_bytes() == original
    found["deleted_restored"] = deleted.is_file()

    shutil.rmtree(output)
    build(root, None)
    found["photo_after_output_deleted"] = kept_photo.is_file()
    found["photo_encoded_again"] = cached_photos[0].stat().st_mtime_ns != photo_time

    found["before_damage"] = tree(output)
    for store in (root / "cache" / "portal").glob("*.pickle"):
        store.write_bytes(b"not a pickle")
    warnings = _Warnings()
    logging.getLogger().addHandler(warnings)
    try:
        build(root, None)
    finally:
        logging.getLogger().removeHandler(warnings)
    found["after_damage"] = tree(output)
    found["warnings"] = warnings.messages
    return found


def test_without_a_record_of_the_last_build_the_output_folder_is_emptied_first(rebuilds):
    assert not rebuilds["stray_left"]


def test_unchanged_pages_and_photos_are_kept_not_written_again(rebuilds):
    assert len(rebuilds["cached_photos"]) == 1
    assert not rebuilds["kept_page_written"] and not rebuilds["kept_photo_written"]
    assert rebuilds["edited_page_written"] and "1990" in rebuilds["edited_page"]
    # With the output folder gone, the photo comes from the cache instead of being encoded again.
    assert rebuilds["photo_after_output_deleted"] and not rebuilds["photo_encoded_again"]


def test_a_page_changed_or_deleted_in_the_output_folder_is_written_again(rebuilds):
    assert rebuilds["by_hand_restored"]
    assert rebuilds["deleted_restored"]


def test_a_damaged_cache_is_ignored(rebuilds):
    assert rebuilds["after_damage"] == rebuilds["before_damage"]
    assert any(message.startswith("Ignoring the damaged cache file ") for message in rebuilds["warnings"])


def test_progress_is_shown_on_a_terminal_only(monkeypatch):
    class Stream(io.StringIO):
        def __init__(self, terminal):
            super().__init__()
            self.terminal = terminal

        def isatty(self):
            return self.terminal

    monkeypatch.setattr(progress, "_DELAY", 0)
    monkeypatch.setattr(progress, "_INTERVAL", 0)
    for terminal in (True, False):
        stream = Stream(terminal)
        step = progress.Progress("Writing pages", stream)
        step.update("be 10/20")
        step.done("be 20 written")
        if terminal:
            assert "Writing pages: be 10/20" in stream.getvalue()
            assert stream.getvalue().endswith("s of processor time)\n") and "be 20 written" in stream.getvalue()
        else:
            assert stream.getvalue() == ""
