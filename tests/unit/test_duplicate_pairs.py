"""Probable duplicates measured: precision and recall of review/duplicates.py at PROBABLE on the
labelled fixture tests/fixtures/duplicates.json (made by tests/make_duplicates_fixture.py), and
the time to pair 10,000 records."""
from __future__ import annotations

import datetime
import importlib.util
import itertools
import json
from collections import Counter

from conftest import ROOT

from portal.review.duplicates import PROBABLE, Named, pairs

FIXTURE = ROOT / "tests" / "fixtures" / "duplicates.json"


def fixture_script():
    spec = importlib.util.spec_from_file_location("make_duplicates_fixture", ROOT / "tests" / "make_duplicates_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def day(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def as_named(row: dict) -> Named:
    """A row as an importer would hand it over: not a file yet."""
    born = row["born"]
    born = int(born) if born and len(born) == 4 else day(born)
    return Named(row["id"], tuple(sorted(row["name"].items())), born, day(row["detained"]), row["institution"],
                 frozenset(code.split("-")[0] for code in row["articles"]), row["gender"])


ROWS = json.loads(FIXTURE.read_text(encoding="utf-8"))["rows"]


def test_the_fixture_is_what_its_script_makes():
    assert FIXTURE.read_text(encoding="utf-8") == fixture_script().text()


def test_the_fixture_has_duplicates_and_near_misses():
    kinds = Counter(row["kind"].split(":")[0] for row in ROWS)
    assert len(ROWS) >= 300
    assert kinds["duplicate"] >= 100
    assert kinds["namesake, another year"] >= 20 and kinds["namesake, no year"] >= 10
    assert kinds["relative"] >= 20 and kinds["another patronymic"] >= 5
    changes = Counter(change for row in ROWS if row["kind"].startswith("duplicate:")
                      for change in row["kind"].split(": ")[1].split(", "))
    assert set(changes) == {"surname-first", "patronymic", "yo", "russian-letters", "typo"}


def measure(found, rows) -> tuple[float, float, int, int]:
    truth = {tuple(sorted((a["id"], b["id"]))) for a, b in itertools.combinations(rows, 2) if a["person"] == b["person"]}
    called = {(pair.a, pair.b) for pair in found if pair.probable}
    right = len(called & truth)
    return right / len(called), right / len(truth), len(called), len(truth)


def test_precision_and_recall_at_probable():
    precision, recall, called, truth = measure(pairs([as_named(row) for row in ROWS]), ROWS)
    print(f"\nat score {PROBABLE}: {called} pairs called probable of {truth} true pairs; "
          f"precision {precision:.3f}, recall {recall:.3f}")
    assert recall >= 0.9
    assert precision >= 0.7


def test_an_import_against_the_existing_records():
    """The rows of an import are paired with the existing records and among themselves, and
    pairs of two existing records are not the import's business."""
    existing = [as_named(row) for row in ROWS if row["kind"] == "base"]
    imported = [as_named(row) for row in ROWS if row["kind"].startswith("duplicate")]
    found = pairs(imported, existing)
    imported_ids = {record.id for record in imported}
    assert found and all(pair.a in imported_ids or pair.b in imported_ids for pair in found)
    person_of = {row["id"]: row["person"] for row in ROWS}
    right = sum(person_of[pair.a] == person_of[pair.b] for pair in found)
    assert right / len(found) >= 0.9
    assert [pair.score for pair in found] == sorted((pair.score for pair in found), reverse=True)
