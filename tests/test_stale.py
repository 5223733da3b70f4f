"""make check warns about records not checked for longer than STALE_AFTER_DAYS, without failing,
and make stale lists them oldest first (the commands, run as the Makefile runs them)."""
from __future__ import annotations

import datetime
import subprocess
import sys

from conftest import ROOT, person, write_content

SETTINGS = str(ROOT / "pelicanconf.py")


def run(command: str, content, *options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", f"portal.commands.{command}", "--settings", SETTINGS,
                           "--content", "content", "--cache-path", "cache", *options],
                          capture_output=True, text=True, cwd=content.parent, env={"PYTHONPATH": str(ROOT / "plugins")})


def ago(days: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=days)).isoformat()


def test_check_warns_and_stale_lists_oldest_first(tmp_path):
    content = write_content(tmp_path, {
        "people/fresh.md": person(name={"en": "Fresh Record"}, updated=ago(10)),
        "people/old.md": person(name={"en": "Old Record"}, updated=ago(400)),
        "people/older.md": person(name={"en": "Older Record"}, updated=ago(900)),
        "people/counted-0001.md": person(visibility="counted", updated=ago(200)),
    })
    check = run("check", content)
    assert check.returncode == 0, check.stderr
    assert check.stdout.splitlines()[1] == (
        f"Warning: 3 records not checked for more than 180 days (STALE_AFTER_DAYS); the oldest: older ({ago(900)}, "
        f"900 days); old ({ago(400)}, 400 days); counted-0001 ({ago(200)}, 200 days). Re-check them and set updated: "
        "to the day you did; `make stale` lists them all.")
    stale = run("stale", content)
    assert stale.returncode == 0, stale.stderr
    assert stale.stdout.splitlines() == [
        "id            updated     days  file",
        f"older         {ago(900)}   900  content/people/older.md",
        f"old           {ago(400)}   400  content/people/old.md",
        f"counted-0001  {ago(200)}   200  content/people/counted-0001.md",
        f"3 of 4 records not checked for more than 180 days (as of {ago(0)}).",
    ]
    assert run("stale", content, "--days", "500").stdout.splitlines()[1:] == [
        f"older  {ago(900)}   900  content/people/older.md",
        f"1 of 4 records not checked for more than 500 days (as of {ago(0)}).",
    ]
    wrong = run("stale", content, "--days", "soon")
    assert (wrong.returncode, wrong.stderr) == (
        2, '"soon" is not a number of days: write DAYS=<a whole number above 0>, e.g. DAYS=365.\n')


def test_nothing_stale_nothing_said(tmp_path):
    content = write_content(tmp_path, {"people/fresh.md": person(name={"en": "Fresh Record"}, updated=ago(0))})
    check = run("check", content)
    assert check.returncode == 0 and "Warning" not in check.stdout
    assert run("stale", content).stdout == f"0 of 1 records not checked for more than 180 days (as of {ago(0)}).\n"
