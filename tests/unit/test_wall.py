"""The wall: reading and checking the content, the languages, the figures, the review of a
change, and what the commands (make check, make totals, make person, make review) load the
content with, run without Pelican.

Each import runs in a fresh interpreter, so that nothing this test run imported hides one.
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

from conftest import ROOT

PLUGINS = ROOT / "plugins"
PORTAL = PLUGINS / "portal"
WALLED = ["content", "language", "figures", "review", "importing"]  # sub-packages that must never import Pelican

CHECK = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
    if "pelican" in sys.modules:
        print(json.dumps(name))
        break
else:
    print(json.dumps(None))
"""


def module_name(path) -> str:
    parts = path.relative_to(PLUGINS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def walled_modules() -> list[str]:
    return sorted(module_name(path) for package in WALLED for path in (PORTAL / package).rglob("*.py"))


def commands_loading_path() -> list[str]:
    """The portal's own modules that the commands import (the commands themselves read the
    settings with Pelican's read_settings, which gives Pelican's defaults)."""
    found = set()
    for path in (PORTAL / "commands").glob("*.py"):
        package = module_name(path).split(".")[:-1]  # portal.commands
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level and node.module:
                found.add(".".join(package[: len(package) - node.level + 1] + node.module.split(".")))
    return sorted(found)


def first_importing_pelican(modules: list[str]) -> str | None:
    result = subprocess.run([sys.executable, "-c", CHECK, *modules], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(PLUGINS)})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_walled_modules_are_all_found():
    modules = walled_modules()
    assert {"portal.content.loader", "portal.content.fields", "portal.language.language", "portal.language.translit",
            "portal.figures.over_time", "portal.figures.chart", "portal.review.changes",
            "portal.review.revision"} <= set(modules)


def test_the_commands_load_the_content_through_the_loader():
    path = commands_loading_path()
    assert {"portal.content.loader", "portal.content.problems", "portal.cache.keys"} <= set(path)
    # One command module serves the others (how they read the content); it is on the path that
    # must never import Pelican (the next tests), as the commands themselves are not.
    assert [name for name in path if name.startswith("portal.commands")] == ["portal.commands.loading"]


def test_reading_the_content_languages_and_figures_never_imports_pelican():
    assert first_importing_pelican(["portal", *walled_modules()]) is None


def test_the_commands_loading_path_never_imports_pelican():
    assert first_importing_pelican(commands_loading_path()) is None


def test_the_check_sees_pelican_where_it_is_imported():
    assert first_importing_pelican(["portal.content.loader", "portal.commands.totals"]) == "portal.commands.totals"
