"""`make review`: a real git repository with a content folder, a commit, then a real change, and
the whole Markdown summary the command writes for it (the comparison itself, the name matching
and the story checks are the unit layer's: tests/unit/test_review_*.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, jpeg, person, write_content
from unit.test_counting import history

SOURCES = "[https://example.org/records/{}]"

# The content at BASE.
BEFORE = {
    "people/ivan-ivanau.md": person("custody", updated="2021-10-22", name={"be": "Іван Іванаў"}, born=1985,
                                    region="minsk-city", sources=SOURCES.format("ivan-ivanau"),
                                    body="Івана затрымалі ў Мінску.\n"),
    "people/ales-staryi.md": person("custody", updated="2021-10-01", name={"en": "Ales Uzorny"}, region="brest",
                                    sources=SOURCES.format("ales-uzorny")),
    "people/maryna-probnaya.md": person("custody", updated="2021-10-20", name={"be": "Марына Пробная"},
                                        region="gomel", sources=SOURCES.format("maryna"),
                                        history=history(("2020-08-10", "house-arrest"), ("2021-06-01", "custody"))),
    "people/counted-0001.md": person("unknown-whereabouts", updated="2021-10-10", visibility="counted",
                                     region="gomel"),
    "people/pavel-narysau.md": person("recognizance", updated="2021-09-20", name={"en": "Pavel Narysau"},
                                      sources=SOURCES.format("pavel")),
    "people/hanna-prykladnaya.md": person("restricted-freedom-home", updated="2021-10-01",
                                          name={"be": "Ганна Прыкладная"}, sources=SOURCES.format("hanna"),
                                          body="Ганну асудзілі ў 2021 годзе.\n"),
}

# The working tree: one record added (a probable duplicate of ivan-ivanau, untracked), one
# renamed keeping its old id, a change of status with its history entry, a counted-only record
# changed, a photo added, a phone number in a story.
AFTER = {
    "people/ivan-ivanov.md": person("custody", updated="2022-02-10", name={"ru": "Иван Иванов"}, born=1985,
                                    region="minsk-city", sources=SOURCES.format("ivan-ivanov")),
    "people/ales-uzorny.md": person("custody", updated="2022-01-05", name={"en": "Ales Uzorny"}, region="brest",
                                    aliases="[ales-staryi]", sources=SOURCES.format("ales-uzorny")),
    "people/maryna-probnaya.md": person("released", updated="2022-02-01", name={"be": "Марына Пробная"},
                                        region="gomel", sources=SOURCES.format("maryna"),
                                        history=history(("2020-08-10", "house-arrest"), ("2021-06-01", "custody"),
                                                        ("2022-02-01", "released"))),
    "people/counted-0001.md": person("custody", updated="2022-01-15", visibility="counted", region="gomel"),
    "people/pavel-narysau.md": person("recognizance", updated="2022-01-20", name={"en": "Pavel Narysau"},
                                      sources=SOURCES.format("pavel"), photo="pavel-narysau.jpg"),
    "people/photos/pavel-narysau.jpg": jpeg(),
    "people/hanna-prykladnaya.md": person("restricted-freedom-home", updated="2022-01-25",
                                          name={"be": "Ганна Прыкладная"}, sources=SOURCES.format("hanna"),
                                          body="Ганну асудзілі ў 2021 годзе.\n\nСям’я просіць званіць: "
                                               "+375 29 123-45-67.\n"),
}
REMOVED = ["people/ales-staryi.md"]


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True,
                            env={**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                                 "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def repository(root: Path, files: dict) -> str:
    """A git repository at `root` whose one commit has `files` in content/; returns the commit."""
    write_content(root, files, real=("data", "institutions"))
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "content")
    git(root, "commit", "--quiet", "--message", "BASE")
    return git(root, "rev-parse", "HEAD")


def change(root: Path, files: dict, removed: list[str]) -> None:
    for name in removed:
        (root / "content" / name).unlink()
    write_content(root, files, real=())


def review(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portal.commands.review", "--settings", str(ROOT / "pelicanconf.py"),
                           "--content", "content", "--cache-path", "cache", *args],
                          capture_output=True, text=True, cwd=root,
                          env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": os.environ["PATH"], **(env or {})})


def expected(commit: str) -> str:
    """The whole summary of the change above."""
    return f"""\
# What this change does

The content in `content/`, from `main` (commit {commit[:7]}) to the working tree.

In short: 1 person added, 1 person renamed, 2 changes of status, 5 records changed; the total goes from 6 to 7 (+1); \
4 things need a human.

## Needs a human: 4 warnings

- **Personal data in the story**: Hanna Prykladnaya (`hanna-prykladnaya`): the story in \
`content/people/hanna-prykladnaya.md` mentions a phone number (line 10). Could it lead anyone to the person or their \
family?
- **Photo**: Pavel Narysau (`pavel-narysau`): a photo added (`pavel-narysau.jpg`). Is it this person, may it be \
shown, and is no one else recognisable in it?
- **Counted-only record**: counted-only record `counted-0001` changed (now In custody, Gomel Region). Check it with \
whoever keeps the counted-only records; nothing that could identify the person is shown here.
- **Probable duplicate**: Ivan Ivanov (`ivan-ivanov`) and Ivan Ivanau (`ivan-ivanau`) may be one person (score 75 \
of 100: the same name in another spelling; born the same year (1985)). Check that no one is counted twice; if they \
are two people, add `not_duplicate_of: [ivan-ivanau]` to `ivan-ivanov`.

## 1 person added

- Ivan Ivanov (`ivan-ivanov`): In custody; Minsk; 1 source

## 1 person renamed

- `ales-staryi` → Ales Uzorny (`ales-uzorny`): the old address is kept (`aliases`)

## 2 changes of status

- counted-only record `counted-0001`: Name or location unknown → In custody
- Maryna Probnaya (`maryna-probnaya`): In custody (since 2021-06-01) → Released (since 2022-02-01)

## 5 records changed

- Ales Uzorny (`ales-uzorny`):
  - id: `ales-staryi` → `ales-uzorny`
  - updated: 2021-10-01 → 2022-01-05
  - aliases: added ales-staryi
- counted-only record `counted-0001`:
  - status: Name or location unknown → In custody
  - updated: 2021-10-10 → 2022-01-15
- Hanna Prykladnaya (`hanna-prykladnaya`):
  - updated: 2021-10-01 → 2022-01-25
  - story (be): changed (28 → 71 characters)
- Maryna Probnaya (`maryna-probnaya`):
  - status: In custody → Released
  - updated: 2021-10-20 → 2022-02-01
  - history: added 2022-02-01 Released
- Pavel Narysau (`pavel-narysau`):
  - photo: added (pavel-narysau.jpg)
  - updated: 2021-09-20 → 2022-01-20

## Totals: 6 → 7

| | before | after | change |
| --- | ---: | ---: | ---: |
| **Political prisoners** | 3 | 4 | +1 |
| In custody | 3 | 4 | +1 |
| Restriction of freedom with referral to a correctional institution | 0 | 0 |  |
| House arrest | 0 | 0 |  |
| **Subjected to politically motivated persecution** | 3 | 3 |  |
| Restriction of freedom without referral to an institution | 1 | 1 |  |
| Recognizance not to leave | 1 | 1 |  |
| Correctional labour or a fine | 0 | 0 |  |
| Name or location unknown | 1 | 0 | -1 |
| Suspended sentence | 0 | 0 |  |
| Released | 0 | 1 | +1 |
| Pardoned | 0 | 0 |  |
| Convicted, in forced emigration | 0 | 0 |  |
| **Total** | 6 | 7 | +1 |

Counted only (in the totals, never named): 1, unchanged.
"""


@pytest.fixture
def changed(tmp_path) -> tuple[Path, str]:
    commit = repository(tmp_path, BEFORE)
    change(tmp_path, AFTER, REMOVED)
    return tmp_path, commit


def test_the_summary_of_a_change(changed):
    root, commit = changed
    result = review(root, "--base", "main")
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected(commit)
    assert result.stderr.startswith(f"Review of 8 changed files against main ({commit[:7]}) (")


def test_the_same_summary_when_base_is_read_whole(changed):
    """A data file changed: BASE's content is taken out of git and read whole, and the summary
    is the same, with the data file listed."""
    root, commit = changed
    regions = root / "content" / "data" / "regions.yaml"
    regions.write_text(regions.read_text(encoding="utf-8") + "# A comment.\n", encoding="utf-8")
    result = review(root, "--base", commit)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected(commit).replace("from `main`", f"from `{commit}`") + (
        "\n## 1 other file changed\n\nFiles besides the person records: read them in the diff.\n\n"
        "- `content/data/regions.yaml`\n")


def test_to_a_file_in_belarusian_and_to_the_github_step_summary(changed):
    root, commit = changed
    (root / "step-summary.md").write_text("Earlier steps.\n", encoding="utf-8")
    result = review(root, "--base", "main", "--out", "review.md", "--lang", "be",
                    env={"GITHUB_STEP_SUMMARY": str(root / "step-summary.md")})
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = (root / "review.md").read_text(encoding="utf-8")
    assert "| Пад вартай | 3 | 4 | +1 |" in written and "| **Усяго** | 6 | 7 | +1 |" in written
    assert "Maryna Probnaya" not in written and "Марына Пробная (`maryna-probnaya`)" in written
    assert (root / "step-summary.md").read_text(encoding="utf-8") == "Earlier steps.\n" + written + "\n"


def test_a_photo_replaced_under_the_same_name(tmp_path):
    files = {"people/pavel-narysau.md": BEFORE["people/pavel-narysau.md"].replace("---\nname", "---\nphoto: p.jpg\nname"),
             "people/photos/p.jpg": jpeg()}
    repository(tmp_path, files)
    (tmp_path / "content" / "people" / "photos" / "p.jpg").write_bytes(jpeg(colour=(200, 30, 30)))
    result = review(tmp_path, "--base", "main")
    assert result.returncode == 0, result.stderr
    assert "- **Photo**: Pavel Narysau (`pavel-narysau`): a photo replaced (`p.jpg`). Is it this person" in result.stdout
    assert "- Pavel Narysau (`pavel-narysau`):\n  - photo: p.jpg replaced by another picture\n" in result.stdout


def test_extracting_base_without_the_tar_program(changed, monkeypatch):
    from portal.review.revision import Repository
    root, commit = changed
    monkeypatch.setattr("shutil.which", lambda name: None)
    content = Repository.of(root / "content").extract(commit, root / "base", ["people/photos"])
    assert sorted(path.name for path in (content / "people").iterdir()) == sorted(
        Path(name).name for name in BEFORE)
    assert (content / "data" / "categories.yaml").is_file() and not (content / "people" / "photos").exists()


def test_nothing_changed(tmp_path):
    repository(tmp_path, BEFORE)
    result = review(tmp_path, "--base", "main")
    assert result.returncode == 0, result.stderr
    assert "In short: no person record changed; the total stays 6; nothing was flagged.\n\n" \
           "## Needs a human: nothing\n\nNone of the checks found anything. The diff still needs reading.\n" \
           "\n## Totals: 6, unchanged\n" in result.stdout


def test_a_base_that_is_not_a_revision(changed):
    root, _ = changed
    result = review(root, "--base", "no-such-branch")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith('"no-such-branch" is not a git revision (a branch, a tag or a commit) of ')
    result = review(root)
    assert (result.returncode, result.stderr) == (2, "Say which revision to compare with: make review BASE=main "
                                                     "(a branch, a tag or a commit).\n")
    assert "Traceback" not in result.stderr


def test_a_content_folder_outside_git(tmp_path):
    write_content(tmp_path, BEFORE)
    result = review(tmp_path, "--base", "main")
    assert (result.returncode, result.stderr) == (2, "content is not in a git repository: a review compares it with "
                                                     "a revision of one.\n")


def test_problems_in_the_working_tree_are_printed_as_make_check_prints_them(changed):
    root, _ = changed
    write_content(root, {"people/broken.md": person("custdy", name={"en": "Broken"})}, real=())
    result = review(root, "--base", "main")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(
        "The content has 1 problem; no review can be written. Fix each one below and run make review again.\n\n"
        'content/people/broken.md, line 4, field "status":\n    "custdy" is not a known status.\n')


@pytest.mark.parametrize("whole", [False, True], ids=["changed files", "read whole"])
def test_problems_in_base_are_said_and_no_review_is_written(tmp_path, whole):
    commit = repository(tmp_path, {**BEFORE, "people/broken.md": person("custdy", name={"en": "Broken"})})
    (tmp_path / "content" / "people" / "broken.md").unlink()
    if whole:
        regions = tmp_path / "content" / "data" / "regions.yaml"
        regions.write_text(regions.read_text(encoding="utf-8") + "# A comment.\n", encoding="utf-8")
    result = review(tmp_path, "--base", "main")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"The content at main ({commit[:7]}) has 1 problem, so there is nothing sound to compare with; no review was "
        f"written. Compare with another revision, or fix main ({commit[:7]}) first.\n\n"
        'main:content/people/broken.md, line 4, field "status":\n    "custdy" is not a known status.\n'
        '    Fix: did you mean "custody"? use one of: custody, restricted-freedom-institution, house-arrest, '
        "restricted-freedom-home, recognizance, correctional-labour-or-fine, unknown-whereabouts, suspended-sentence, "
        "released, pardoned, forced-emigration (see content/data/categories.yaml).\n")
