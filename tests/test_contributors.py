"""What contributors run and read: make check, make person, the repository's forms and guides."""
from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, person, write_content
from portal.commands.person import main as new_person
from portal.content.loader import load_content
from pelican.settings import read_settings

SETTINGS = str(ROOT / "pelicanconf.py")
SEED_SIGNATORIES = (ROOT / "tests" / "fixtures" / "seed-signatories.txt").read_text(encoding="utf-8").splitlines()


def run_check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portal.commands.check", "--settings", SETTINGS, "--content", str(content)],
                          capture_output=True, text=True, cwd=content.parent, env={"PYTHONPATH": str(ROOT / "plugins")})


def test_make_check_passes_on_the_project_content():
    result = subprocess.run(["make", "-s", "check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    # The counts of the project's own files, each counted here by its own rule.
    content = ROOT / "content"
    people = sorted((content / "people").glob("*.md"))
    counted = [path for path in people if re.search(r"^visibility: counted$", path.read_text(encoding="utf-8"), re.M)]
    institutions = list((content / "institutions").glob("*.yaml"))
    signatories = list((content / "signatories").glob("*.yaml"))
    assert len(signatories) == len(SEED_SIGNATORIES) == 58
    assert result.stdout.startswith(
        f"All content is valid: {len(people)} people ({len(people) - len(counted)} public, {len(counted)} counted only), "
        f"{len(institutions)} institutions, {len(signatories)} signatories ("), result.stdout


def test_make_check_prints_every_problem_at_once_and_fails(tmp_path):
    content = write_content(tmp_path, {
        "people/a.md": person("custdy", name={"en": "A"}),
        "people/b.md": person("custody", name={"en": "B"}, born="2099-01-01"),
        "signatories/x.yaml": "name: X\nname_lang: en\nkind: club\njoined: 2024-01-01\n",
    })
    result = run_check(content)
    assert result.returncode == 1
    assert result.stderr.startswith("The content has 3 problems; the site cannot be built. "
                                    "Fix each one below and run make check again.")
    assert 'content/people/a.md, line 4, field "status":\n    "custdy" is not a known status.\n    Fix: did you mean "custody"?' \
        in result.stderr
    assert 'content/people/b.md, line 4, field "born"' in result.stderr
    assert 'content/signatories/x.yaml, line 3, field "kind"' in result.stderr
    assert not (tmp_path / "output").exists()


def test_make_person_writes_a_valid_file_with_every_optional_key_commented_out(tmp_path, capsys):
    content = write_content(tmp_path, {})
    code = new_person(["--settings", SETTINGS, "--content", str(content), "--id", "ivan-ivanau",
                       "--name-be", "Іван Іванаў", "--name-ru", "Иван Иванов", "--name-en", "Ivan Ivanau",
                       "--status", "custody"])
    assert code == 0
    text = (content / "people" / "ivan-ivanau.md").read_text(encoding="utf-8")
    for key in ("born", "gender", "region", "status_since", "detained", "articles", "sentence", "institution",
                "letter_name", "letters", "photo", "sources", "aliases"):
        assert re.search(rf"^# {key}: ", text, re.M), key
    assert f"updated: {datetime.date.today().isoformat()}" in text
    assert "make check" in capsys.readouterr().out
    site = load_content(content, read_settings(SETTINGS))
    [record] = site.people
    assert record.name.values == {"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}
    # Uncommenting an example line keeps the file valid.
    path = content / "people" / "ivan-ivanau.md"
    path.write_text(text.replace("# born: 1985-03-14", "born: 1985-03-14").replace("# articles:", "articles:"), encoding="utf-8")
    assert load_content(content, read_settings(SETTINGS)).people[0].articles[0].code == "342-1"


def test_make_person_for_a_counted_record_writes_no_name_and_numbers_it(tmp_path):
    content = write_content(tmp_path, {"people/counted-0041.md": person("custody", visibility="counted")})
    assert new_person(["--settings", SETTINGS, "--content", str(content), "--counted", "yes",
                       "--status", "released"]) == 0
    text = (content / "people" / "counted-0042.md").read_text(encoding="utf-8")
    assert "visibility: counted" in text and "name" not in text.split("---")[1].replace("named nowhere", "")
    assert [p.is_public for p in load_content(content, read_settings(SETTINGS)).people] == [False, False]


def test_make_person_refuses_a_counted_record_named_after_the_person(tmp_path, capsys):
    content = write_content(tmp_path, {})
    assert new_person(["--settings", SETTINGS, "--content", str(content), "--id", "ivan-ivanau", "--counted", "yes",
                       "--status", "released"]) == 1
    assert ('"ivan-ivanau" would name a counted-only record: its file name must say nothing about the person. '
            "Leave ID= out (the next free number is counted-0001), or give ID=counted-<number>.") in capsys.readouterr().err
    assert list((content / "people").iterdir()) == []


@pytest.mark.parametrize("args, words", [
    (["--id", "ivan-ivanau", "--name-en", "Ivan", "--status", "prison"], '"prison" is not a status'),
    (["--id", "Ivan Ivanau", "--name-en", "Ivan", "--status", "custody"], "is not a valid id"),
    (["--id", "taken", "--name-en", "Ivan", "--status", "custody"], 'the id "taken" is already used'),
    (["--id", "old-taken", "--name-en", "Ivan", "--status", "custody"], 'the id "old-taken" is already used'),
    (["--status", "custody"], "a public record needs a name"),
])
def test_make_person_refuses_what_would_not_be_valid(tmp_path, capsys, args, words):
    content = write_content(tmp_path, {"people/taken.md": person("custody", name={"en": "T"}, aliases="[old-taken]")})
    assert new_person(["--settings", SETTINGS, "--content", str(content), *args]) == 1
    assert words in capsys.readouterr().err
    assert sorted(p.name for p in (content / "people").iterdir()) == ["taken.md"]


def test_the_issue_forms_and_the_workflow_are_valid_and_complete():
    forms = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
             for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if path.stem != "config"}
    assert set(forms) == {"add-information", "offer-help", "join-statement"}
    for form in forms.values():
        assert form["name"] and form["description"] and form["body"]
        assert all(item["type"] in ("markdown", "input", "textarea", "dropdown") for item in form["body"])
    # The person page prefills the field with the id "person".
    assert any(item.get("id") == "person" for item in forms["add-information"]["body"])
    settings = read_settings(SETTINGS)
    for url in (settings["ADD_INFORMATION_URL"], settings["OFFER_HELP_URL"], settings["JOIN_ISSUE_URL"]):
        assert re.search(r"template=([\w-]+)\.yml", url).group(1) in forms
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [step.get("run") for job in workflow["jobs"].values() for step in job["steps"]]
    assert {"make check", "make test", "make publish"} <= set(steps)
    assert "- [ ]" in (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")


def test_every_issue_form_warns_in_three_languages_that_it_is_public_and_leads_to_the_contact_page():
    """The site's address is GitHub Pages' for the repository (the deploy job's host)."""
    settings = read_settings(SETTINGS)
    owner, name = settings["REPOSITORY_URL"].removeprefix("https://github.com/").split("/")
    contact = {lang: f"https://{owner}.github.io/{name}/" + settings["CONTACT_URL"].format(lang=lang)
               for lang in ("be", "ru", "en")}
    public = {"en": "**This issue is public**", "be": "**Гэтае пытанне публічнае**", "ru": "**Этот запрос публичный**"}
    for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        if path.stem == "config":
            continue
        first = yaml.safe_load(path.read_text(encoding="utf-8"))["body"][0]
        assert first["type"] == "markdown", path.name  # the warning comes before any field
        for lang in contact:
            assert public[lang] in first["attributes"]["value"] and f"]({contact[lang]})" in first["attributes"]["value"], (path.name, lang)
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    links = {link["url"]: link for link in config["contact_links"]}
    assert contact["en"] in links and settings["REPOSITORY_URL"] + "/security/policy" in links
    assert (ROOT / "SECURITY.md").is_file()


def test_contributing_guide_in_three_languages_linking_each_other():
    guides = {"en": "CONTRIBUTING.md", "be": "CONTRIBUTING.be.md", "ru": "CONTRIBUTING.ru.md"}
    headings = {}
    for lang, name in guides.items():
        text = (ROOT / name).read_text(encoding="utf-8")
        for other, other_name in guides.items():
            if other != lang:
                assert f"({other_name})" in text, (name, other_name)
        for needed in ("make person", "make check", "visibility: counted", "aliases", "content/signatories/",
                       "content/institutions/", "letter_name"):
            assert needed in text, (name, needed)
        headings[lang] = re.findall(r"^## ", text, re.M)
    assert len(headings["en"]) == len(headings["be"]) == len(headings["ru"]) == 10  # the same sections in each
