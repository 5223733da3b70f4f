"""Pagefind's run: its scratch folder on disk, and a failure told whole.

A fake Pagefind, an executable script named by PAGEFIND_BINARY_PATH (which `python -m
pagefind` runs in place of its own binary), stands in for the real one."""
from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from portal.publish.search_index import (OUTPUT_KEPT, SearchIndexError, SearchRecord, pagefind_failure,
                                         write_index)

RECORDS = [SearchRecord(f"{lang}/people/ivan-ivanau/", lang, "Ivan Ivanau", "Ivan Ivanau. In custody.")
           for lang in ("be", "ru", "en")]


def fake_pagefind(folder: Path, script: str, monkeypatch) -> Path:
    path = folder / "fake-pagefind"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(path))
    return path


def last_index(output: Path) -> Path:
    """The index the last build left, which a failed run must keep."""
    kept = output / "pagefind" / "pagefind-entry.json"
    kept.parent.mkdir(parents=True)
    kept.write_text("{}", encoding="utf-8")
    return kept


def test_a_failing_pagefind_stops_the_build_with_its_whole_message(tmp_path, monkeypatch):
    error_lines = [f"Error: line {n} of what went wrong" for n in range(40)]
    fake_pagefind(tmp_path, "echo 'Running Pagefind'\n"
                  + "".join(f"echo '{line}' >&2\n" for line in error_lines) + "exit 3\n", monkeypatch)
    kept = last_index(tmp_path / "output")
    with pytest.raises(SearchIndexError) as raised:
        write_index(RECORDS, str(tmp_path / "output"), "pagefind", str(tmp_path / "scratch"))
    message = str(raised.value)
    assert message.startswith("The search index was not made: Pagefind exited with status 3.")
    assert "Command: " in message and " -m pagefind --site " in message and "--output-path" in message
    for line in [*error_lines, "Running Pagefind"]:
        assert f"    {line}\n" in message + "\n"
    assert "Traceback" not in message
    # A SystemExit: Pelican's command line prints it as it is, with status 1, and no traceback.
    assert isinstance(raised.value, SystemExit)
    assert kept.read_text(encoding="utf-8") == "{}"
    assert not (tmp_path / "output" / ".pagefind.new").exists()
    assert list((tmp_path / "scratch").iterdir()) == []  # the scratch copy is gone


def test_a_pagefind_killed_by_a_signal_says_so(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, "echo 'indexing be' >&2\nkill -KILL $$\n", monkeypatch)
    with pytest.raises(SearchIndexError) as raised:
        write_index(RECORDS, str(tmp_path / "output"), "pagefind", str(tmp_path / "scratch"))
    message = str(raised.value)
    assert "Pagefind was stopped by SIGKILL (the system may have run out of memory)." in message
    assert "    indexing be" in message


def test_pagefind_works_in_the_scratch_folder_given_on_disk_not_in_dev_shm(tmp_path, monkeypatch):
    # The fake records where it was asked to read the copy and where its temporary files go,
    # and writes an index of one language, as Pagefind does.
    seen = tmp_path / "seen.txt"
    fake_pagefind(tmp_path, f"""
site=""; out=""
while [ $# -gt 0 ]; do case "$1" in --site) site="$2"; shift;; --output-path) out="$2"; shift;; esac; shift; done
lang=$(basename "$site")
ls "$site/$lang/people/ivan-ivanau/index.html" >/dev/null || exit 9
echo "$site $TMPDIR" >> {seen}
mkdir -p "$out"; touch "$out/pagefind.$lang.pf_meta"
printf '{{"version":"1","languages":{{"%s":{{"hash":"%s","wasm":null,"page_count":1}}}}}}' "$lang" "$lang" \\
    > "$out/pagefind-entry.json"
""", monkeypatch)
    scratch = tmp_path / "cache" / "portal" / "scratch"
    write_index(RECORDS, str(tmp_path / "output"), "pagefind", str(scratch))
    runs = [line.split() for line in seen.read_text(encoding="utf-8").splitlines()]
    assert [Path(site).name for site, _ in runs] == ["be", "en", "ru"]
    for site, tmpdir in runs:
        assert Path(site).parent == Path(tmpdir) and Path(tmpdir).parent == scratch
        assert not site.startswith("/dev/shm") and not tmpdir.startswith("/dev/shm")
    entry = json.loads((tmp_path / "output" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["be", "en", "ru"]
    assert list(scratch.iterdir()) == []


def test_a_scratch_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    with pytest.raises(SearchIndexError) as raised:
        write_index(RECORDS, str(tmp_path / "output"), "pagefind", str(tmp_path / "not-a-folder"))
    message = str(raised.value)
    assert message.startswith(f"The search index was not made: its scratch copy could not be written in "
                              f"{tmp_path / 'not-a-folder'}: ")
    assert "Fix: free space there, or set CACHE_PATH" in message


def test_a_long_output_is_cut_at_a_line_and_its_end_kept():
    stderr = "".join(f"line {n:06d}\n" for n in range(10_000))
    message = pagefind_failure(["pagefind", "--site", "x y"], 1, "", stderr)
    assert "Command: pagefind --site 'x y'" in message
    assert "    line 009999\n" in message and "line 000000" not in message
    shown = [line for line in message.splitlines() if line.startswith("    line ")]
    assert all(len(line) == len("    line 000000") for line in shown)  # no line cut in two
    assert sum(len(line) - 3 for line in shown) <= OUTPUT_KEPT
    assert "(its last " in message


def test_a_silent_failure_says_it_wrote_nothing():
    message = pagefind_failure(["pagefind"], 2, "", "  \n")
    assert "exited with status 2" in message and "It wrote nothing." in message
