"""The one rule of the build cache: an output's key is a digest of everything it is made from.

An output (a checked record, a photo rendition, a share card, the search index, a page, a
data file) is kept from the last build, or taken from the cache, only when its key is
unchanged. Its key is made of two parts:

- its recipe, declared in RECIPES below and nowhere else: the code of the plugin that makes
  it (whole sub-packages, sub-folders included, or single modules), the settings it reads,
  the theme files and the UI catalogs it reads, the content besides the people, and the
  versions of the libraries whose output it contains;
- its own inputs, which the step that makes it names when it asks for the key: a record's
  bytes, a photo's bytes, the texts on a card, the people a page lists (pages/kinds.py
  declares what each kind of page reads).

A change to any of these gives new keys, so the next build makes the output again; deleting
the cache folder is always safe. `Keys` computes each recipe once per build.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .digests import digest, stable_repr, tree_digest

PLUGIN = Path(__file__).resolve().parent.parent  # plugins/portal
# The content besides the people: the data files, institutions, signatories, text pages.
ALL_BUT_PEOPLE = "all but the people"
# Settings that steer how the build runs, never what it writes.
STEERING_SETTINGS = frozenset({"PORTAL_PROCESSES", "PORTAL_CACHE", "CACHE_PATH"})
# What reads the content (records, data files, text pages), and what renders pages and files.
READING_LIBRARIES = ("PyYAML", "Markdown", "nh3", "pelican")
RENDERING_LIBRARIES = ("Jinja2", "MarkupSafe", "babel")


@dataclass(frozen=True)
class Recipe:
    """What a kind of output is made from, besides its own inputs."""

    code: tuple[str, ...]  # folders or modules of the plugin, relative to it ("." is all of it)
    settings: tuple[str, ...] | None = None  # the settings it reads; None: every one but STEERING_SETTINGS
    libraries: tuple[str, ...] = ()  # packages whose version may change its bytes
    theme: tuple[str, ...] = ()  # folders or files of the theme
    catalogs: bool = False  # the UI strings, translations/
    content: tuple[str, ...] = ()  # settings naming content folders it reads, or ALL_BUT_PEOPLE


RECIPES: dict[str, Recipe] = {
    # A person record, read and checked against the data files and institutions.
    "record": Recipe(code=("content", "language", "pipeline/reading.py"),
                     settings=("PORTAL_LANGUAGES", "PORTAL_PEOPLE_PATH", "PORTAL_PHOTOS_PATH", "PORTAL_DATA_PATH",
                               "PORTAL_INSTITUTIONS_PATH", "PORTAL_STATEMENT_FIGURES_FILE"),
                     libraries=(*READING_LIBRARIES, "pillow"),
                     content=("PORTAL_DATA_PATH", "PORTAL_INSTITUTIONS_PATH")),
    # A person's photo, re-encoded at each width.
    "photo": Recipe(code=("images/photos.py",), settings=("PHOTO_WIDTHS",), libraries=("pillow",)),
    # A share card, drawn from its texts and the photo's largest rendition, at the size
    # pages/urls.py gives the pages' og:image.
    "share card": Recipe(code=("images/sharecards.py", "pages/urls.py"), settings=("THEME", "SHARE_CARD_FONTS"),
                         libraries=("pillow",), theme=("fonts",)),
    # The search index of the text pages (Pagefind).
    "search index": Recipe(code=(".",), libraries=(*READING_LIBRARIES, "pagefind_bin"),
                           content=(ALL_BUT_PEOPLE,)),
    # A page, or a person's table row, rendered from the templates.
    "page": Recipe(code=(".",), libraries=(*READING_LIBRARIES, *RENDERING_LIBRARIES), theme=("templates",),
                   catalogs=True,
                   content=(ALL_BUT_PEOPLE,)),
    # A data file, feed or badge (publish/).
    "file": Recipe(code=(".",), libraries=(*READING_LIBRARIES, *RENDERING_LIBRARIES, "pillow", "feedgenerator"),
                   theme=("fonts",), catalogs=True,
                   content=(ALL_BUT_PEOPLE,)),
}


class Code:
    """The plugin's source: the digest of each module, read once. LOADED_CODE is read when the
    plugin is imported, so its digests are those of the code that runs, even in a process that
    builds again after the files changed (make devserver, which does not import them again)."""

    def __init__(self, root: Path):
        self.files = {path.relative_to(root).as_posix(): digest(path.read_bytes()) for path in sorted(root.rglob("*.py"))}

    def digest(self, part: str) -> str:
        """A module's, or every module's below a folder (sub-folders included; "." is all)."""
        chosen = [name for name in self.files if part == "." or name == part or name.startswith(part.rstrip("/") + "/")]
        return digest(sys.version, *(item for name in chosen for item in (name, self.files[name])))


LOADED_CODE = Code(PLUGIN)


class Keys:
    """The keys of one build's outputs, from its settings and content folder."""

    def __init__(self, settings: dict, content: Path, recipes: dict[str, Recipe] = RECIPES, code: Code = LOADED_CODE):
        self.settings = settings
        self.content = Path(content)
        self.recipes = recipes
        self.code = code
        self._recipe_digests: dict[str, str] = {}
        self._parts: dict[tuple, str] = {}  # memo of the parts recipes share (the plugin's code, a folder)

    def key(self, recipe: str, *inputs: str | bytes) -> str:
        """The key of one output made by `recipe` from `inputs`."""
        return digest(self.recipe(recipe), *inputs)

    def recipe(self, name: str) -> str:
        """The digest of a recipe's part of every key it makes."""
        if name not in self._recipe_digests:
            recipe = self.recipes[name]
            self._recipe_digests[name] = digest(
                name,
                *(self._memo(("code", part), self.code.digest, part) for part in recipe.code),
                stable_repr({setting: self.settings.get(setting) for setting in self.settings_used(name)}),
                *(self._library(library) for library in recipe.libraries),
                *(self._memo(("theme", part), tree_digest, Path(self.settings["THEME"]) / part) for part in recipe.theme),
                self._memo(("catalogs",), tree_digest, self.settings["PORTAL_TRANSLATIONS_PATH"]) if recipe.catalogs else "",
                *(self._memo(("content", part), self._content, part) for part in recipe.content),
            )
        return self._recipe_digests[name]

    def settings_used(self, recipe: str) -> list[str]:
        """The names of the settings a recipe's keys depend on."""
        declared = self.recipes[recipe].settings
        if declared is not None:
            return list(declared)
        return sorted(key for key in self.settings if key.isupper() and key not in STEERING_SETTINGS)

    def _memo(self, key: tuple, compute, argument) -> str:
        if key not in self._parts:
            self._parts[key] = compute(argument)
        return self._parts[key]

    @staticmethod
    def _library(name: str) -> str:
        try:
            return f"{name}=={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            return f"{name} missing"

    def _content(self, part: str) -> str:
        if part == ALL_BUT_PEOPLE:
            return tree_digest(self.content, skip=(self.content / self.settings["PORTAL_PEOPLE_PATH"],))
        return tree_digest(self.content / self.settings[part])
