"""Stores of the build cache: one pickled mapping per kind of result, valid for one version;
anything else (another version, a damaged file, no file) reads as empty."""
from __future__ import annotations

import logging
import os
import pickle

import pytest

from portal.cache.digests import digest
from portal.cache.store import FileDigests, Store, cache_folder


def test_a_store_reads_back_what_it_saved(tmp_path):
    Store(tmp_path / "portal", "rows", "v1").save({"ivan": ("<tr>", 1)})
    assert Store(tmp_path / "portal", "rows", "v1").load() == {"ivan": ("<tr>", 1)}
    assert sorted(os.listdir(tmp_path / "portal")) == ["rows.pickle"]  # the folder is made; no temporary file left


def test_a_store_of_another_version_reads_as_empty(tmp_path):
    Store(tmp_path, "rows", "v1").save({"ivan": 1})
    assert Store(tmp_path, "rows", "v2").load() == {}
    assert Store(tmp_path, "other", "v1").load() == {}  # no file yet


def test_a_damaged_store_reads_as_empty_with_a_warning(tmp_path, caplog):
    Store(tmp_path, "rows", "v1").save({"ivan": 1})
    path = tmp_path / "rows.pickle"
    path.write_bytes(path.read_bytes()[:-5])
    with caplog.at_level(logging.WARNING, logger="portal.cache.store"):
        assert Store(tmp_path, "rows", "v1").load() == {}
    [record] = caplog.records
    assert record.getMessage().startswith(f"Ignoring the damaged cache file {path} (")


def test_without_a_cache_folder_nothing_is_kept(tmp_path):
    store = Store(None, "rows", "v1")
    store.save({"ivan": 1})
    assert store.path is None and store.load() == {}


def test_a_save_that_fails_half_way_leaves_the_last_file_and_no_temporary_one(tmp_path):
    Store(tmp_path, "rows", "v1").save({"ivan": 1})

    class Failing(pickle.Pickler):
        def dump(self, obj):
            if obj != "v1":
                raise KeyboardInterrupt  # the build is stopped while the data is pickled
            super().dump(obj)

    with pytest.raises(KeyboardInterrupt):
        Store(tmp_path, "rows", "v1").save({"ivan": 2}, pickler=Failing)
    assert os.listdir(tmp_path) == ["rows.pickle"]
    assert Store(tmp_path, "rows", "v1").load() == {"ivan": 1}


def test_a_failed_write_removes_its_temporary_file(tmp_path, monkeypatch):
    def replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="disk full"):
        Store(tmp_path, "rows", "v1").save({"ivan": 1})
    assert os.listdir(tmp_path) == []


def test_custom_picklers_carry_links_by_id(tmp_path):
    """As build/reading.py stores people: links to shared objects written as ids, put back on load."""
    shared = {"custody": object()}

    class Writer(pickle.Pickler):
        def persistent_id(self, obj):
            return "custody" if obj is shared["custody"] else None

    class Reader(pickle.Unpickler):
        def persistent_load(self, pid):
            return shared[pid]

    Store(tmp_path, "people", "v1").save({"ivan": shared["custody"]}, pickler=Writer)
    assert Store(tmp_path, "people", "v1").load(unpickler=Reader)["ivan"] is shared["custody"]


@pytest.mark.parametrize("settings, folder", [
    ({"CACHE_PATH": "/tmp/cache"}, "/tmp/cache/portal"),
    ({"CACHE_PATH": "/tmp/cache", "PORTAL_CACHE": False}, None),
    ({"CACHE_PATH": ""}, None),
    ({}, None),
])
def test_the_cache_folder(settings, folder):
    found = cache_folder(settings)
    assert (str(found) if found else None) == folder


# FileDigests: big files read again only when their stat signature changes


def test_file_digests_are_the_digest_of_the_bytes(tmp_path):
    photo = tmp_path / "ivan.jpg"
    photo.write_bytes(b"photo")
    assert FileDigests(tmp_path / "cache").of(photo) == digest(b"photo")


def test_an_unchanged_file_is_not_read_again(tmp_path):
    photo = tmp_path / "ivan.jpg"
    photo.write_bytes(b"photo")
    digests = FileDigests(tmp_path / "cache")
    digests.of(photo)
    digests.save()
    status = os.stat(photo)
    photo.write_bytes(b"PHOTO")  # same size; its time put back: the signature is unchanged
    os.utime(photo, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert FileDigests(tmp_path / "cache").of(photo) == digest(b"photo")  # the digest known, not the bytes
    os.utime(photo, ns=(status.st_atime_ns, status.st_mtime_ns + 1))
    assert FileDigests(tmp_path / "cache").of(photo) == digest(b"PHOTO")


def test_file_digests_keep_only_the_files_this_build_used(tmp_path):
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(name.encode())
    first = FileDigests(tmp_path / "cache")
    first.of(tmp_path / "a.jpg")
    first.of(tmp_path / "b.jpg")
    first.save()
    second = FileDigests(tmp_path / "cache")
    second.of(tmp_path / "b.jpg")
    second.save()
    assert list(FileDigests(tmp_path / "cache").known) == [str(tmp_path / "b.jpg")]


def test_file_digests_are_saved_only_when_they_changed(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"a")
    first = FileDigests(tmp_path / "cache")
    first.of(tmp_path / "a.jpg")
    first.save()
    saved = tmp_path / "cache" / "file-digests.pickle"
    os.utime(saved, ns=(0, 0))
    second = FileDigests(tmp_path / "cache")
    second.of(tmp_path / "a.jpg")
    second.save()
    assert os.stat(saved).st_mtime_ns == 0  # not written again
