"""Keys: an output's key is a digest of everything it is made from, declared once per kind of
output (RECIPES); a change to any of it gives new keys, and nothing else does."""
from __future__ import annotations

import shutil
from importlib import metadata

import pytest

from conftest import ROOT, SETTINGS, person, write_content
from portal.cache.keys import ALL_BUT_PEOPLE, PLUGIN, RECIPES, STEERING_SETTINGS, Code, Keys, Recipe


@pytest.fixture
def content(tmp_path):
    return write_content(tmp_path, {"people/ivan.md": person(name={"en": "Ivan"}),
                                    "institutions/ik-1.yaml": "id: ik-1\n"})


@pytest.fixture
def settings():
    """The project's settings with absolute folders, as Pelican gives them."""
    return {**SETTINGS, "THEME": str(ROOT / "theme")}


def recipe(settings, content, name="page", **recipes) -> str:
    return Keys(settings, content, {**RECIPES, **recipes}).recipe(name)


def test_the_same_inputs_give_the_same_key(settings, content):
    first, second = Keys(settings, content), Keys(dict(settings), content)
    assert first.key("page", "people/ivan.md", b"digest") == second.key("page", "people/ivan.md", b"digest")
    assert first.key("page", "a") != first.key("page", "b")
    assert first.key("page", "ab", "c") != first.key("page", "a", "bc")
    assert first.key("page", "a") != first.key("file", "a")  # each kind of output its own recipe


def test_a_recipe_is_computed_once_per_build(settings, content):
    keys = Keys(settings, content)
    before = keys.recipe("page")
    (content / "data" / "regions.yaml").write_text("regions: []\n", encoding="utf-8")
    assert keys.recipe("page") == before  # this build's
    assert Keys(settings, content).recipe("page") != before  # the next build's


# Settings


def test_a_declared_setting_changes_the_recipe(settings, content):
    before = recipe(settings, content, "record")
    assert recipe({**settings, "PORTAL_PHOTOS_PATH": "pictures"}, content, "record") != before


def test_an_undeclared_setting_does_not_change_a_recipe_that_declares_its_settings(settings, content):
    changed = {**settings, "SITENAME": "Another name", "NEW_SETTING": 1}
    assert recipe(changed, content, "record") == recipe(settings, content, "record")
    assert recipe(changed, content, "photo") == recipe(settings, content, "photo")
    # a page reads every setting
    assert recipe(changed, content, "page") != recipe(settings, content, "page")


@pytest.mark.parametrize("name", sorted(STEERING_SETTINGS))
def test_a_steering_setting_changes_no_recipe(settings, content, name):
    steered = {**settings, name: "something else"}
    assert [recipe(steered, content, kind) for kind in RECIPES] == [recipe(settings, content, kind) for kind in RECIPES]


def test_the_settings_each_recipe_depends_on(settings, content):
    keys = Keys({**settings, "PORTAL_PROCESSES": 4, "lowercase": 1}, content)
    assert keys.settings_used("photo") == ["PHOTO_WIDTHS"]
    assert keys.settings_used("record") == ["PORTAL_LANGUAGES", "PORTAL_PEOPLE_PATH", "PORTAL_PHOTOS_PATH",
                                            "PORTAL_DATA_PATH", "PORTAL_INSTITUTIONS_PATH",
                                            "PORTAL_STATEMENT_FIGURES_FILE"]
    every = keys.settings_used("page")
    assert every == sorted(name for name in settings if name.isupper() and name not in STEERING_SETTINGS)
    assert "PORTAL_PROCESSES" not in every and "lowercase" not in every and "SITENAME" in every


# Code: a temporary plugin package


@pytest.fixture
def plugin(tmp_path):
    package = tmp_path / "plugin"
    for name, text in {"__init__.py": "", "a/__init__.py": "", "a/one.py": "ONE = 1\n", "a/deep/two.py": "TWO = 2\n",
                       "b/three.py": "THREE = 3\n", "a/notes.txt": "not code\n"}.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    return package


CODE = {"folder": Recipe(code=("a",), settings=()), "module": Recipe(code=("b/three.py",), settings=()),
        "all": Recipe(code=(".",), settings=())}


def code_recipes(plugin, settings, content) -> dict[str, str]:
    """The recipes' digests, with the plugin's code read now (as when a build process starts)."""
    keys = Keys(settings, content, CODE, code=Code(plugin))
    return {name: keys.recipe(name) for name in CODE}


@pytest.mark.parametrize("edited, changed", [
    ("a/one.py", {"folder", "all"}),
    ("a/deep/two.py", {"folder", "all"}),  # sub-folders are covered
    ("b/three.py", {"module", "all"}),
    ("__init__.py", {"all"}),
    ("a/notes.txt", set()),  # only Python files are code
])
def test_the_code_digest_covers_the_modules_below_its_folders(plugin, settings, content, edited, changed):
    before = code_recipes(plugin, settings, content)
    (plugin / edited).write_text("# edited\n", encoding="utf-8")
    after = code_recipes(plugin, settings, content)
    assert {name for name in CODE if after[name] != before[name]} == changed


def test_the_code_is_the_code_read_when_the_build_started(plugin, settings, content):
    loaded = Code(plugin)
    before = Keys(settings, content, CODE, code=loaded).recipe("all")
    (plugin / "a" / "one.py").write_text("ONE = 2\n", encoding="utf-8")  # edited while a devserver runs
    assert Keys(settings, content, CODE, code=loaded).recipe("all") == before  # it still runs the old code


def test_a_new_module_and_a_moved_one_change_the_code_digest(plugin, settings, content):
    before = code_recipes(plugin, settings, content)
    (plugin / "a" / "new.py").write_text("", encoding="utf-8")
    with_new = code_recipes(plugin, settings, content)
    assert with_new["folder"] != before["folder"]
    (plugin / "a" / "new.py").rename(plugin / "a" / "deep" / "new.py")  # same bytes, another place
    assert code_recipes(plugin, settings, content)["folder"] not in (before["folder"], with_new["folder"])


# Theme, catalogs, content, libraries


def test_the_theme_files_a_recipe_names(tmp_path, settings, content):
    theme = tmp_path / "theme"
    for name in ("templates/page.html", "fonts/a.ttf"):
        (theme / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / name).write_text("x", encoding="utf-8")
    settings = {**settings, "THEME": str(theme)}
    recipes = {"pages": Recipe(code=(), settings=(), theme=("templates",)), "cards": Recipe(code=(), settings=(),
                                                                                          theme=("fonts",))}
    before = Keys(settings, content, recipes)
    pages, cards = before.recipe("pages"), before.recipe("cards")
    (theme / "templates" / "page.html").write_text("y", encoding="utf-8")
    after = Keys(settings, content, recipes)
    assert after.recipe("pages") != pages
    assert after.recipe("cards") == cards


def test_the_catalogs(tmp_path, settings, content):
    catalogs = tmp_path / "translations"
    (catalogs / "be" / "LC_MESSAGES").mkdir(parents=True)
    (catalogs / "be" / "LC_MESSAGES" / "messages.po").write_text('msgid "Total"\nmsgstr "Усяго"\n', encoding="utf-8")
    settings = {**settings, "PORTAL_TRANSLATIONS_PATH": str(catalogs)}
    recipes = {"with": Recipe(code=(), settings=(), catalogs=True), "without": Recipe(code=(), settings=())}
    before = Keys(settings, content, recipes)
    with_it, without_it = before.recipe("with"), before.recipe("without")
    (catalogs / "be" / "LC_MESSAGES" / "messages.po").write_text('msgid "Total"\nmsgstr "Разам"\n', encoding="utf-8")
    after = Keys(settings, content, recipes)
    assert after.recipe("with") != with_it
    assert after.recipe("without") == without_it


@pytest.mark.parametrize("edited, changed", [
    ("data/regions.yaml", {"all but the people", "data"}),
    ("institutions/ik-1.yaml", {"all but the people"}),
    ("pages/help.en.md", {"all but the people"}),  # a new file
    ("people/ivan.md", set()),  # a page's people are its own inputs, never its recipe
    ("people/photos/ivan.jpg", set()),
])
def test_the_content_a_recipe_reads(settings, content, edited, changed):
    recipes = {"all but the people": Recipe(code=(), settings=(), content=(ALL_BUT_PEOPLE,)),
               "data": Recipe(code=(), settings=(), content=("PORTAL_DATA_PATH",))}

    def digests():
        keys = Keys(settings, content, recipes)
        return {name: keys.recipe(name) for name in recipes}

    before = digests()
    (content / edited).parent.mkdir(parents=True, exist_ok=True)
    (content / edited).write_text("edited\n", encoding="utf-8")
    after = digests()
    assert {name for name in recipes if after[name] != before[name]} == changed


def test_library_versions(settings, content, monkeypatch):
    recipes = {"with": Recipe(code=(), settings=(), libraries=("pillow",)), "without": Recipe(code=(), settings=())}
    before = Keys(settings, content, recipes)
    with_it, without_it = before.recipe("with"), before.recipe("without")
    assert Keys._library("pillow") == f"pillow=={metadata.version('pillow')}"
    assert Keys._library("no-such-library-xyz") == "no-such-library-xyz missing"
    monkeypatch.setattr(metadata, "version", lambda name: "0.0.1")
    after = Keys(settings, content, recipes)
    assert after.recipe("with") != with_it
    assert after.recipe("without") == without_it


# The project's recipes


@pytest.mark.parametrize("name", RECIPES)
def test_each_recipe_names_what_exists(name):
    recipe_ = RECIPES[name]
    assert all((PLUGIN / part).exists() for part in recipe_.code), recipe_.code
    assert all((ROOT / "theme" / part).is_dir() for part in recipe_.theme), recipe_.theme
    assert all(part == ALL_BUT_PEOPLE or part in SETTINGS for part in recipe_.content), recipe_.content
    assert all(setting in SETTINGS for setting in recipe_.settings or ()), recipe_.settings
    assert all(metadata.version(library) for library in recipe_.libraries)


def test_a_share_card_is_drawn_again_when_its_layout_or_its_size_changes(tmp_path, settings, content):
    # The layout is in images/sharecards.py; the size a page announces in og:image, and the
    # card is reduced to, in pages/urls.py. A change elsewhere in pages/ leaves the cards alone.
    plugin = tmp_path / "portal"
    shutil.copytree(PLUGIN, plugin, ignore=shutil.ignore_patterns("__pycache__"))
    def card_recipe():
        return Keys(settings, content, code=Code(plugin)).recipe("share card")
    before = card_recipe()
    (plugin / "pages" / "rows.py").write_text("# edited\n", encoding="utf-8")
    assert card_recipe() == before
    urls = plugin / "pages" / "urls.py"
    urls.write_text(urls.read_text(encoding="utf-8").replace("PERSON_CARD_SIZE = (600, 315)",
                                                             "PERSON_CARD_SIZE = (800, 420)"), encoding="utf-8")
    assert card_recipe() != before
