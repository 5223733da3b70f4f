"""What keeps hostile or careless input harmless: any pull request can come from anyone.

- Sizes: a record, a data file or a text page is at most MAX_TEXT_BYTES, a photo at most
  MAX_PHOTO_BYTES and MAX_PHOTO_PIXELS, checked before anything is parsed or decoded, so that
  memory and time stay bounded whatever the input.
- YAML is read by StrictLoader: no anchors and aliases (nested inside each other they cost
  far more memory than their size, and no record needs them) and no key written twice
  (PyYAML silently keeps the last one).
- Text may not hold invisible or direction-changing characters (bidi overrides, zero-width
  characters, control characters): they can turn a name around on the page or hide part of
  it, and no record needs them.

Each finding is a Problem with the file, the line, the field and the fix, like any other.
"""
from __future__ import annotations

import os
import unicodedata
import warnings
from pathlib import Path

import yaml
from PIL import Image, UnidentifiedImageError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode
from yaml.resolver import Resolver

from .problems import Problem

try:  # libyaml's parser: several times faster on thousands of files
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: slower, same result
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

MAX_TEXT_BYTES = 1024 * 1024  # a record with a long story is some tens of kilobytes
MAX_PHOTO_BYTES = 20 * 1024 * 1024
MAX_PHOTO_PIXELS = 50_000_000  # 50 megapixels: more than any camera's photo of a face needs
# Characters that look like nothing (or like a space) but are not white space.
_BLANK_LOOKING = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


class UnsafeYAML(yaml.YAMLError):
    """YAML the portal does not accept, with what to write instead. `message` may name
    {earlier}: the line of `earlier_mark`, counted in the file the YAML is part of."""

    def __init__(self, message: str, fix: str, mark, earlier_mark=None):
        super().__init__(message)
        self.message, self.fix, self.problem_mark, self.earlier_mark = message, fix, mark, earlier_mark

    def located(self, first_line: int) -> str:
        """The message, with line numbers of the file whose line `first_line` the YAML starts on."""
        earlier = first_line + self.earlier_mark.line if self.earlier_mark is not None else None
        return self.message.format(earlier=earlier)


class StrictLoader(_Parser, SafeConstructor, Resolver):
    """PyYAML's safe loader without anchors, aliases and repeated keys."""

    def __init__(self, stream):
        _Parser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    def construct_object(self, node, deep=False):
        # An alias is the same node met again: the parser hands over one node for every use.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise UnsafeYAML("a YAML anchor or alias (&name, *name) is used",
                             "write each value out where it is needed: anchors and aliases are not accepted.",
                             node.start_mark)
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            seen: dict[tuple, object] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, ScalarNode):
                    continue
                key = (key_node.tag, key_node.value)
                if key in seen:
                    written = key_node.value.replace("{", "{{").replace("}", "}}")
                    raise UnsafeYAML(f'the key "{written}" is written twice (first on line {{earlier}})',
                                     "keep one of the two lines: only one value can be right.", key_node.start_mark,
                                     seen[key])
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep)


def load_yaml(text: str):
    """yaml.load() with StrictLoader. Raises yaml.YAMLError (UnsafeYAML for what it refuses)."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def too_big(path: str, size: int, limit: int, what: str, fix: str) -> Problem | None:
    if size <= limit:
        return None
    return Problem(path, None, None, f"the file is {size / 1024 / 1024:.1f} MB; {what} is at most "
                                     f"{limit / 1024 / 1024:.0f} MB.", fix)


def invisible_characters(text: str) -> list[str]:
    """The invisible or direction-changing characters in `text`, each named once, e.g.
    "U+202E RIGHT-TO-LEFT OVERRIDE". Tabs and line ends are allowed."""
    found = []
    for char in text:
        if char in "\t\n\r":
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn") or char in _BLANK_LOOKING:
            name = f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"
            if name not in found:
                found.append(name)
    return found


INVISIBLE_FIX = ("delete it: retype the text around it, or paste it from a plain-text source. Characters like "
                 "this can turn a name around on the page or hide part of it.")


def invisible_problems(value, path: str, field: str | None, line: int | None) -> list[Problem]:
    """Problems for every text in `value` (a YAML value: text, list or mapping, however
    nested) that holds an invisible character; `field` names where it is."""
    problems = []
    if isinstance(value, str):
        found = invisible_characters(value)
        if found:
            problems.append(Problem(path, line, field, f"the text has an invisible character ({', '.join(found)}).",
                                    INVISIBLE_FIX))
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{field}.{key}" if field else str(key)
            problems += invisible_problems(key, path, inner, line) + invisible_problems(item, path, inner, line)
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            problems += invisible_problems(item, path, f"{field}, entry {number}" if field else f"entry {number}", line)
    return problems


def body_invisible_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """The same for the Markdown below the front matter, located on its line."""
    problems = []
    for offset, text_line in enumerate(body.split("\n")):
        found = invisible_characters(text_line)
        if found:
            problems.append(Problem(path, first_line + offset, None,
                                    f"the text has an invisible character ({', '.join(found)}).", INVISIBLE_FIX))
    return problems


def photo_problem(path: Path) -> str | None:
    """Why the photo cannot be used (in words for the message), or None. Its size in bytes and
    in pixels is checked before anything is decoded (a small file can unpack into gigabytes);
    then it is decoded, at a fraction of its size where the format allows (JPEG), so that a
    damaged or truncated file is found here and not while the pages are written."""
    size = os.path.getsize(path)
    if size > MAX_PHOTO_BYTES:
        return f"it is {size / 1024 / 1024:.1f} MB, more than {MAX_PHOTO_BYTES // 1024 // 1024} MB"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PHOTO_PIXELS:
                    return f"it is {width} × {height} pixels, more than {MAX_PHOTO_PIXELS // 1_000_000} megapixels"
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except UnidentifiedImageError:
        return "it is not an image in a format the site reads (JPEG, PNG or WebP)"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"it unpacks into more than {MAX_PHOTO_PIXELS // 1_000_000} megapixels"
    except (OSError, SyntaxError, ValueError, EOFError) as error:  # a damaged or cut-off file
        return f"the file is damaged or incomplete ({error})"
    return None
