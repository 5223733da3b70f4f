"""The UI catalogs: every message of the templates and the plugins translated in every
language, with no placeholder the English lacks, and the committed template up to date.

The messages are extracted afresh as `make translations` extracts them (pybabel, with the
Makefile's keywords), so a new string is caught here, in seconds, without a build."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import LANGS, ROOT

PLACEHOLDER = re.compile(r"%\(\w+\)s")


def catalog(lang):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as stream:
        return read_po(stream, locale=lang)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The catalog template extracted afresh from the templates and plugins."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    pybabel = str(Path(sys.executable).parent / "pybabel")
    # The extra gettext functions, as `make translations` names them.
    keywords = re.findall(r"-k (\S+)", (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert "plural_forms:1,2" in keywords
    subprocess.run([pybabel, "extract", "--mapping-file", "babel.cfg", "--no-location",
                    *[arg for keyword in keywords for arg in ("-k", keyword)], "--output-file", str(pot),
                    "."], cwd=ROOT, check=True, capture_output=True)
    with open(pot, "rb") as stream:
        return read_po(stream)


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(template, lang):
    translated = catalog(lang)
    missing, broken = [], []
    for message in template:
        if not message.id:
            continue
        entry = translated.get(message.id)
        strings = [] if entry is None else (list(entry.string) if entry.pluralizable else [entry.string])
        if entry is None or entry.fuzzy or not all(strings) or (
                entry.pluralizable and len(strings) != translated.num_plurals):
            missing.append(message.id)
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(message.id if message.pluralizable else [message.id])))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) - wanted - {"%(num)s"}:
                broken.append((message.id, text))
    assert not missing, f"untranslated in {lang} (run `make translations`, then translate): {missing}"
    assert not broken, f"placeholders that the English has not, in {lang}: {broken}"


def test_the_committed_template_is_up_to_date(template):
    with open(ROOT / "translations" / "messages.pot", "rb") as stream:
        committed = read_po(stream)
    assert {m.id for m in committed if m.id} == {m.id for m in template if m.id}, "run `make translations`"
