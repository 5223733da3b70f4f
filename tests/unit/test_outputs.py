"""Outputs: which files of the last build may be kept, and which became stale and go.

Only Outputs.start() on a folder the cache knows nothing about needs Pelican (its
clean_output_dir); the rest is tested here without it."""
from __future__ import annotations

import os

import pytest

from portal.cache.outputs import Outputs, link_or_copy


@pytest.fixture
def output(tmp_path):
    return tmp_path / "output"


@pytest.fixture
def settings(tmp_path):
    return {"CACHE_PATH": str(tmp_path / "cache")}


def write(output, name, text="x"):
    path = output / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def first_build(output, settings, files: dict[str, str]) -> None:
    """A build that wrote `files` (name -> key) and recorded them."""
    outputs = Outputs(str(output), settings)
    for name, key in files.items():
        write(output, name)
        outputs.wrote(name, key)
    outputs.finish()


def test_a_file_is_kept_while_its_key_and_its_size_and_time_are_unchanged(output, settings):
    first_build(output, settings, {"be/index.html": "k1", "ru/index.html": "k1", "en/index.html": "k1"})
    write(output, "ru/index.html", "changed by hand")
    (output / "en" / "index.html").unlink()
    outputs = Outputs(str(output), settings)
    assert [outputs.unchanged(name, "k1") for name in ("be/index.html", "ru/index.html", "en/index.html")] == [
        True, False, False]
    assert outputs.unchanged("be/index.html", "k2") is False  # a new key: made again
    assert outputs.unchanged("new/index.html", "k1") is False  # not made by the last build
    assert outputs.kept == 1 and list(outputs.current) == ["be/index.html"]


def test_stale_files_and_the_folders_they_leave_empty_are_removed(output, settings):
    first_build(output, settings, {"be/people/ivan/index.html": "k", "be/people/olga/index.html": "k",
                                   "be/index.html": "k"})
    write(output, "theme/style.css")  # Pelican's: never recorded, never removed
    outputs = Outputs(str(output), settings)
    assert outputs.unchanged("be/index.html", "k") and outputs.unchanged("be/people/olga/index.html", "k")
    outputs.finish()  # ivan became counted-only: no page this time
    assert sorted(path.relative_to(output).as_posix() for path in output.rglob("*")) == [
        "be", "be/index.html", "be/people", "be/people/olga", "be/people/olga/index.html", "theme", "theme/style.css"]
    assert list(Outputs(str(output), settings).previous) == ["be/index.html", "be/people/olga/index.html"]


def test_a_folder_is_kept_whole_or_not_at_all(output, settings):
    first_build(output, settings, {"pagefind/a.js": "k", "pagefind/index/b.pf": "k", "pagefinder.html": "k"})
    outputs = Outputs(str(output), settings)
    assert outputs.unchanged_folder("pagefind", "k") is True
    assert sorted(outputs.current) == ["pagefind/a.js", "pagefind/index/b.pf"] and outputs.kept == 2

    write(output, "pagefind/index/b.pf", "changed")
    outputs = Outputs(str(output), settings)
    assert outputs.unchanged_folder("pagefind/", "k") is False
    assert outputs.current == {} and outputs.kept == 0  # partly unchanged: none of it is kept
    assert Outputs(str(output), settings).unchanged_folder("nothing-there", "k") is False


def test_wrote_folder_and_wrote_path(output, settings, tmp_path):
    outputs = Outputs(str(output), settings)
    write(output, "pagefind/a.js")
    write(output, "pagefind/index/b.pf")
    outputs.wrote_folder("pagefind", "k")
    outputs.wrote_path(write(output, "be/statement/index.html"))
    outputs.wrote_path(write(tmp_path, "elsewhere.html"))  # outside the output folder: not its business
    assert {name: entry[0] for name, entry in outputs.current.items()} == {
        "pagefind/a.js": "k", "pagefind/index/b.pf": "k", "be/statement/index.html": None}
    size_and_time = os.stat(output / "pagefind" / "a.js")
    assert outputs.current["pagefind/a.js"] == ("k", size_and_time.st_size, size_and_time.st_mtime_ns)


def test_a_build_that_wrote_the_same_files_does_not_write_its_record_again(output, settings, tmp_path):
    first_build(output, settings, {"be/index.html": "k"})
    [record] = (tmp_path / "cache" / "portal").iterdir()
    os.utime(record, ns=(0, 0))
    outputs = Outputs(str(output), settings)
    outputs.unchanged("be/index.html", "k")
    outputs.finish()
    assert os.stat(record).st_mtime_ns == 0


def test_start_leaves_a_folder_the_cache_knows(output, settings):
    first_build(output, settings, {"be/index.html": "k"})
    write(output, "unknown.html")
    Outputs(str(output), settings).start(retention=[])
    assert (output / "unknown.html").is_file()  # removed at finish(), if at all: it was never recorded


def test_without_a_cache_nothing_is_known_or_kept(output):
    first_build(output, {"PORTAL_CACHE": False, "CACHE_PATH": "/nowhere"}, {"be/index.html": "k"})
    outputs = Outputs(str(output), {"PORTAL_CACHE": False})
    assert outputs.previous == {} and outputs.unchanged("be/index.html", "k") is False


def test_each_output_folder_has_its_own_record(tmp_path, settings):
    first_build(tmp_path / "one", settings, {"a.html": "k"})
    assert Outputs(str(tmp_path / "two"), settings).previous == {}


def test_link_or_copy_puts_a_cached_file_in_place(tmp_path):
    cached = write(tmp_path, "cache/card.png", "card")
    target = write(tmp_path, "output/card.png", "old card")
    link_or_copy(cached, str(target))
    assert target.read_text(encoding="utf-8") == "card"
    assert os.stat(target).st_ino == os.stat(cached).st_ino  # one file system: a hard link
