"""The unit layer: pure functions and single classes, without Pelican and without a build.

`make unit` runs this folder alone (in seconds); the checks below keep it free of Pelican.

The folder is a package (tests/unit/__init__.py), so that this file is `unit.conftest` and
`from conftest import …` in a test still finds the fixtures of tests/conftest.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parent


def only_unit_tests(config: pytest.Config) -> bool:
    """True when every path pytest was asked to run lies in this folder (`make unit`)."""
    given = [Path(config.invocation_params.dir, arg.split("::")[0]).resolve() for arg in config.args]
    return bool(given) and all(path == UNIT or UNIT in path.parents for path in given)


@pytest.fixture(scope="session", autouse=True)
def no_pelican_at_import(request):
    """Fails the run if importing the unit tests (or what they import) imported Pelican.

    Only where the unit layer runs alone: in a whole run, other tests import Pelican."""
    if only_unit_tests(request.config) and "pelican" in sys.modules:
        pytest.fail("importing the unit tests imported Pelican: unit tests run the Pelican-free code only")


@pytest.fixture(autouse=True)
def no_pelican(request):
    """Fails the test that imported Pelican (where it was not imported before it ran)."""
    before = "pelican" in sys.modules
    yield
    if not before and "pelican" in sys.modules:
        pytest.fail(f"{request.node.nodeid} imported Pelican: unit tests run the Pelican-free code only")


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """tmp_path as the working folder: problems then name files as a contributor sees them
    ("content/people/ivan-ivanau.md"), as they do when the build runs in the repository."""
    monkeypatch.chdir(tmp_path)
    return tmp_path

