"""The unit layer: pure functions and single classes, without Pelican and without a build.

`make unit` runs this folder alone (in seconds); the check below keeps it free of Pelican.
"""
from __future__ import annotations

import sys

import pytest


@pytest.fixture(scope="session", autouse=True)
def no_pelican():
    """Fails the unit layer if anything it ran imported Pelican."""
    yield
    if "pelican" in sys.modules and not any("tests/unit" not in arg for arg in sys.argv[1:] if arg.startswith("tests")):
        pytest.fail("a unit test imported Pelican: unit tests run the Pelican-free code only")
