"""Bad input stops the build, and every problem is reported at once, in plain words."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, build, person, write_content
from portal.content.problems import ContentError

GOOD = person("custody", name={"en": "Good Person"})

BAD = {
    "people/bad-yaml.md": "---\nname: [unclosed\nstatus: custody\nupdated: 2021-10-22\n---\n",
    "people/no-status.md": person(None, name={"en": "No Status"}),
    "people/typo-status.md": person("custdy", name={"en": "Typo Status"}),
    "people/nameless.md": person("custody"),
    "people/a/twice.md": person("custody", name={"en": "Twice A"}),
    "people/b/twice.md": person("custody", name={"en": "Twice B"}),
    "people/id-mismatch.md": person("custody", id="another-id", name={"en": "Mismatch"}),
    "people/bad-region.md": person("custody", name={"en": "Bad Region"}, region="minsk"),
    "people/bad-institution.md": person("custody", name={"en": "Bad Institution"}, institution="ik-99"),
    "people/not-a-date.md": person("custody", name={"en": "Not A Date"}, detained="last spring"),
    "people/future.md": person("custody", updated="2099-01-01", name={"en": "Future"}),
    "people/impossible-date.md": person("custody", name={"en": "Impossible"}, detained="2021-13-01"),
    "people/missing-photo.md": person("custody", name={"en": "Missing Photo"}, photo="nobody.jpg"),
    "people/not-utf8.md": person("custody", name={"ru": "Иван Иванов"}).encode("cp1251"),
    "people/typo-key.md": person("custody", name={"en": "Typo Key"}, sorces="[https://example.org]"),
    "people/bad-source.md": person("custody", name={"en": "Bad Source"}, sources="[javascript:alert(1)]"),
    "people/Bad_File_Name.md": person("custody", name={"en": "Bad Name"}),
    "people/notes.txt": "some notes",
    "people/no-front-matter.md": "Just a story.\n",
    "people/unknown-article.md": person("custody", name={"en": "Unknown Article"}, articles='["342-1", "999-2"]'),
    "people/bad-marker.md": person("custody", name={"en": "Bad Marker"}, body="<!-- lang: de -->\nText.\n"),
    "people/good-person.md": GOOD,
}


@pytest.fixture(scope="module")
def problems(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    with pytest.raises(ContentError) as caught:
        build(root, BAD)
    assert not list((root / "output").rglob("*.html")), "a partial site was written"
    return caught.value


def find(problems, name):
    found = [p for p in problems.problems if p.path.endswith(name)]
    assert found, f"no problem reported for {name}"
    return found


@pytest.mark.parametrize("name, field, line, words", [
    ("bad-yaml.md", None, 3, "the YAML cannot be read"),
    ("no-status.md", "status", None, 'the required key "status" is missing'),
    ("typo-status.md", "status", 4, 'did you mean "custody"?'),
    ("nameless.md", "name", None, "a public record has no name in any language"),
    ("id-mismatch.md", "id", 2, 'the id "another-id" differs from the file name "id-mismatch.md"'),
    ("bad-region.md", "region", 4, '"minsk" is not a known region'),
    ("bad-institution.md", "institution", 4, '"ik-99" is not a known institution'),
    ("not-a-date.md", "detained", 4, '"last spring" is not a date'),
    ("future.md", "updated", 5, "the date 2099-01-01 lies in the future"),
    ("impossible-date.md", None, 4, "a date cannot be read"),
    ("missing-photo.md", "photo", 4, "does not exist"),
    ("not-utf8.md", None, 3, "the file is not UTF-8 text"),
    ("typo-key.md", "sorces", 4, 'did you mean "sources"?'),
    ("bad-source.md", "sources", 4, '"javascript:alert(1)" is not a valid entry'),
    ("Bad_File_Name.md", None, 1, 'the file name "Bad_File_Name" is not a valid id'),
    ("notes.txt", None, None, "is not a person record"),
    ("no-front-matter.md", None, 1, "does not start with front matter"),
    ("bad-marker.md", None, 7, 'names the language "de"'),
    ("unknown-article.md", "articles", 4, 'no article in content/data/articles.yaml matches "999-2"'),
])
def test_each_kind_of_bad_input_is_named_with_file_line_field_and_fix(problems, name, field, line, words):
    matching = [p for p in find(problems, name) if words in str(p)]
    assert matching, [str(p) for p in find(problems, name)]
    problem = matching[0]
    assert problem.field == field
    if line is not None:
        assert problem.line == line, str(problem)
    assert problem.fix, "every problem says how to fix it"
    assert f"content/people/{name}" in str(problem) or name in str(problem)


def test_a_duplicate_id_names_both_files(problems):
    twice = find(problems, "twice.md")
    assert len(twice) == 1
    assert "a/twice.md" in str(twice[0]) and "already used by" in twice[0].message


def test_all_problems_are_reported_together_and_the_good_record_is_not_blamed(problems):
    report = str(problems)
    assert report.startswith(f"The content has {len(problems.problems)} problems; the site was not built.")
    assert len(problems.problems) >= len(BAD) - 2
    assert not [p for p in problems.problems if p.path.endswith("good-person.md")]


def test_a_bad_data_file_stops_the_build(tmp_path):
    content = write_content(tmp_path, {"people/good-person.md": GOOD})
    categories = content / "data" / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    categories.write_text(text.replace("          en: House arrest\n", "", 1), encoding="utf-8")
    (content / "institutions").mkdir()
    (content / "institutions" / "broken.yaml").write_text("name: {be: x\n", encoding="utf-8")
    (content / "institutions" / "ik-9.yml").write_text("id: ik-9\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(tmp_path, None)
    report = str(caught.value)
    assert 'categories.yaml, field "label.en":\n    the text in en is missing.' in report
    assert "institutions/broken.yaml" in report and "the YAML cannot be read" in report
    assert "institutions/ik-9.yml:\n    this file is in the institutions folder but is not an institution record." in report


def test_the_command_line_prints_the_report_and_exits_1_without_a_traceback(tmp_path):
    content = write_content(tmp_path, {"people/typo-status.md": BAD["people/typo-status.md"],
                                       "people/good-person.md": GOOD})
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "output"),
         "-s", str(ROOT / "pelicanconf.py")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, timeout=120,
    )
    assert result.returncode == 1
    assert "The content has 1 problem; the site was not built." in result.stderr
    assert 'typo-status.md, line 4, field "status":' in result.stderr
    assert 'Fix: did you mean "custody"?' in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
