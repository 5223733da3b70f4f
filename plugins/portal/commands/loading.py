"""The content as the commands read it: checked exactly as the build checks it, the records the
last build read taken from its cache, the others read on every core, stories not rendered
(nothing in Markdown can be wrong). On problems, every one is printed and None is given."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..cache.keys import Keys
from ..cache.store import cache_folder
from ..content.loader import load_content
from ..content.model import Content
from ..content.problems import ContentError, format_report, github_annotation
from ..language.language import Languages
from ..pipeline.reading import CachedReader
from ..workers.fork import processes_for


def checked_content(settings: dict, content: Path, outcome: str, again: str, languages: Languages | None = None,
                    annotate: bool = False) -> Content | None:
    """`outcome`: what the problems prevent ("the site cannot be built"); `again`: what to do
    once they are fixed. `annotate`: in GitHub Actions, each problem on its line of the diff."""
    try:
        reader = CachedReader(cache_folder(settings), Keys(settings, content), processes_for(settings))
        return load_content(content, settings, read_people=reader, render_stories=False, languages=languages)
    except ContentError as error:
        print(format_report(error.problems, outcome=outcome, again=again), file=sys.stderr)
        if annotate and os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(github_annotation(problem) for problem in error.problems))
        return None
