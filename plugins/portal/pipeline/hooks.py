"""The receivers that connect the portal to Pelican's signals.

Module-level functions, because Pelican's signals hold receivers by weak reference. They keep
no state of their own: what belongs to a build (its languages, its template functions, the
record of its output folder) lives in the context Pelican shares among that build's
generators, so two builds in one process (make devserver) never see each other's.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from ..cache.store import cache_folder
from ..content.problems import ContentError, Problem, shown_path
from ..language.language import Languages
from ..pages.template_functions import TemplateFunctions
from ..pages.toc import headings
from ..pages.urls import Urls
from .generator import PortalGenerator
from .steps import LANGUAGES, OUTPUTS

TEMPLATE_FUNCTIONS = "portal_template_functions"  # in Pelican's shared context, as LANGUAGES


def get_generators(pelican):
    return PortalGenerator


def generator_init(generator):
    """Every generator's Jinja environment gets the UI strings, locale filters and URLs, and
    keeps its compiled templates in the build cache (Jinja checks each against its source
    when it first loads it)."""
    context = generator.context
    if TEMPLATE_FUNCTIONS not in context:  # the first generator of this build
        context[LANGUAGES] = Languages.from_settings(generator.settings)
        context[TEMPLATE_FUNCTIONS] = TemplateFunctions(context[LANGUAGES], Urls(generator.settings))
    folder = cache_folder(generator.settings)
    # A build makes its generators afresh (make devserver too): within one, no template
    # changes, and Jinja need not look at every template's file for each of 30,000 pages.
    generator.env.auto_reload = False
    if folder is not None and generator.env.bytecode_cache is None:
        (folder / "templates").mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder / "templates"))
    context[TEMPLATE_FUNCTIONS].install(generator.env)


def content_object_init(content):
    """Text pages (the statement and its appendices) get `toc`: their h2 and h3 headings.

    A page in a language the site does not have would be written where no link leads to it.
    """
    languages = content.settings["PORTAL_LANGUAGES"]
    if content.lang not in languages:
        raise ContentError([Problem(shown_path(Path(content.source_path)), None, "Lang",
                                    f'"{content.lang}" is not one of the site\'s languages.',
                                    f"write Lang: followed by one of {', '.join(languages)}.")])
    content.toc = headings(content._content or "")


def record_written(path, context=None, **_):
    """Pelican's writer wrote a file (a text page, a feed): it belongs to this build's output."""
    outputs = (context or {}).get(OUTPUTS)
    if outputs is not None:
        outputs.wrote_path(path)


def connect():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(generator_init)
    signals.content_object_init.connect(content_object_init)
    signals.content_written.connect(record_written)
    signals.feed_written.connect(record_written)
