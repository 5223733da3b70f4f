"""make preview: the built pages of the people a change adds or edits, for the reviewer."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, build, person


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_the_preview_holds_the_pages_of_the_changed_people_only(tmp_path):
    files = {"people/hanna.md": person(name={"en": "Hanna"}), "people/olga.md": person(name={"en": "Olga"})}
    build(tmp_path, files)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "content")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    (tmp_path / "content/people/olga.md").write_text(person(name={"en": "Olga Changed"}), encoding="utf-8")
    (tmp_path / "content/people/zina.md").write_text(person(name={"en": "Zina New"}), encoding="utf-8")
    (tmp_path / "content/people/counted-0001.md").write_text(person(visibility="counted"), encoding="utf-8")
    build(tmp_path, None)
    result = subprocess.run([sys.executable, "-m", "portal.commands.preview", "--base", "main"], cwd=tmp_path,
                            env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    preview = tmp_path / "preview"
    pages = sorted(path.relative_to(preview).as_posix() for path in preview.rglob("index.html"))
    assert pages == ["be/people/olga/index.html", "be/people/zina/index.html", "en/people/olga/index.html",
                     "en/people/zina/index.html", "index.html", "ru/people/olga/index.html",
                     "ru/people/zina/index.html"]
    assert "Olga Changed" in (preview / "en/people/olga/index.html").read_text(encoding="utf-8")
    assert (preview / "theme" / "css" / "site.css").is_file()
    assert "counted-0001" not in (preview / "index.html").read_text(encoding="utf-8")
