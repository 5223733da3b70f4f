"""What breaks at size, tried on small sites: the search step when Pagefind fails."""
from __future__ import annotations

import stat

import pytest

from conftest import build, person
from portal.publish.search_index import SearchIndexError

FILES = {
    "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}),
    "people/olga-where.md": person("released", name={"en": "Olga Where"}),
}


def test_a_failing_pagefind_stops_the_build_with_its_message_and_keeps_the_last_index(tmp_path, monkeypatch):
    output = build(tmp_path, FILES)
    index = sorted(path.relative_to(output) for path in (output / "pagefind").rglob("*"))
    assert index
    # The next build changes a name, so the index is made again, by a Pagefind that fails.
    (tmp_path / "content" / "people" / "olga-where.md").write_text(
        person("released", name={"en": "Olga Elsewhere"}), encoding="utf-8")
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho \"cannot index: no space left on device (TMPDIR=$TMPDIR)\" >&2\nexit 101\n",
                    encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    with pytest.raises(SearchIndexError) as raised:
        build(tmp_path, None)
    message = str(raised.value)
    scratch = tmp_path / "cache" / "portal" / "scratch"
    assert message.splitlines()[0] == "The search index was not made: Pagefind exited with status 101."
    assert f"    cannot index: no space left on device (TMPDIR={scratch}/search-" in message
    assert "/dev/shm" not in message
    assert sorted(path.relative_to(output) for path in (output / "pagefind").rglob("*")) == index
    assert list(scratch.iterdir()) == []
