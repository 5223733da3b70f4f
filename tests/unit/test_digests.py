"""Digests: short, stable names for what an output is made from, never a time or an address."""
from __future__ import annotations

import datetime
import os

from portal.cache.digests import digest, stable_repr, stat_signature, tree_digest
from portal.language.localized import Localized


def test_a_digest_is_short_stable_and_its_parts_cannot_run_into_each_other():
    assert digest("a", "b") == digest("a", "b")
    assert len(digest("a")) == 32
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("a", "") != digest("a")
    assert digest("Іван") == digest("Іван".encode())  # text is its UTF-8 bytes
    assert digest() != digest("")


def write(folder, files):
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_a_tree_digest_covers_every_file_by_name_and_content(tmp_path):
    write(tmp_path / "a", {"x.yaml": "1", "sub/y.yaml": "2"})
    write(tmp_path / "b", {"x.yaml": "1", "sub/y.yaml": "2"})
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")  # where the folder is does not matter
    before = tree_digest(tmp_path / "a")
    write(tmp_path / "a", {"sub/y.yaml": "3"})
    changed = tree_digest(tmp_path / "a")
    (tmp_path / "a" / "sub" / "y.yaml").rename(tmp_path / "a" / "sub" / "z.yaml")
    renamed = tree_digest(tmp_path / "a")
    assert len({before, changed, renamed}) == 3


def test_a_tree_digest_skips_what_it_is_told_to(tmp_path):
    write(tmp_path, {"data/x.yaml": "1", "people/a.md": "a"})
    before = tree_digest(tmp_path, skip=(tmp_path / "people",))
    write(tmp_path, {"people/a.md": "b", "people/b.md": "c"})
    assert tree_digest(tmp_path, skip=(tmp_path / "people",)) == before
    assert tree_digest(tmp_path) != before


def test_a_missing_folder_has_a_digest_of_its_own(tmp_path):
    assert tree_digest(tmp_path / "missing") != tree_digest(tmp_path)
    assert tree_digest(tmp_path / "missing") == tree_digest(tmp_path / "missing")


class Plain:
    """An object whose repr names its address."""


def helper():
    pass


def test_stable_repr_leaves_out_what_changes_from_run_to_run():
    assert stable_repr({"b": 1, "a": {2, 1}}) == stable_repr({"a": {1, 2}, "b": 1}) == "{'a': {1, 2}, 'b': 1}"
    assert stable_repr([1, (2, "x")]) == "[1, [2, 'x']]"
    assert stable_repr(frozenset({"b", "a"})) == "{'a', 'b'}"
    assert stable_repr(Plain()) == f"<{__name__}.Plain>"  # not its address
    assert stable_repr(helper) == f"<{__name__}.helper>"
    assert stable_repr(Plain) == f"<{__name__}.Plain>"  # a class is callable: by name
    assert stable_repr(datetime.date(2021, 10, 22)) == "datetime.date(2021, 10, 22)"
    assert stable_repr(Localized({"be": "x"})) == "Localized({'be': 'x'})"


def test_stat_signature_tells_a_changed_file_without_reading_it(tmp_path):
    path = tmp_path / "photo.jpg"
    assert stat_signature(path) is None
    path.write_bytes(b"one")
    first = stat_signature(path)
    assert first == (3, os.stat(path).st_mtime_ns, os.stat(path).st_ino)
    os.utime(path, ns=(first[1] + 1_000_000, first[1] + 1_000_000))
    assert stat_signature(path) != first
    assert stat_signature(str(path)) == stat_signature(path)
