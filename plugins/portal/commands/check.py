"""`make check`: validates all content without building the site.

    python -m portal.commands.check [--settings pelicanconf.py] [--content content]

Runs exactly the checks of the build (it calls the same loader) and prints every problem
at once, with the file, line, field and fix. Exit status 0 when all is well, 1 otherwise.
Records not checked for more than STALE_AFTER_DAYS are a warning, not a failure.
"""
from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

from pelican.settings import read_settings

from ..pipeline.reading import CachedReader
from ..cache.keys import Keys
from ..cache.store import cache_folder
from ..content.loader import load_content
from ..content.problems import ContentError, format_report, github_annotation
from ..content.staleness import stale_after_days, stale_records, stale_warning
from ..workers.fork import processes_for


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py", help="the Pelican settings file")
    parser.add_argument("--content", default=None, help="the content folder (default: PATH of the settings)")
    parser.add_argument("--cache-path", default=None, help="the build cache (default: CACHE_PATH of the settings)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = read_settings(args.settings, override={"CACHE_PATH": args.cache_path} if args.cache_path else None)
    content = Path(args.content or settings["PATH"])
    try:
        # Records the last build read are not read again; the others are read on every core,
        # without rendering their stories (nothing in Markdown can be wrong), and not kept.
        reader = CachedReader(cache_folder(settings), Keys(settings, content), processes_for(settings))
        site = load_content(content, settings, read_people=reader, render_stories=False)
    except ContentError as error:
        print(format_report(error.problems, outcome="the site cannot be built", again="run make check again"),
              file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":  # each problem on its line of the pull request's diff
            print("\n".join(github_annotation(problem) for problem in error.problems))
        return 1
    public = len(site.public_people)
    print(f"All content is valid: {len(site.people)} people ({public} public, {len(site.people) - public} counted only), "
          f"{len(site.institutions)} institutions, {len(site.signatories)} signatories "
          f"({time.perf_counter() - started:.1f} s).")
    # A warning, not a failure: a record does not become wrong by growing old.
    days, _ = stale_after_days(settings)
    warning = stale_warning(stale_records(site.people, datetime.date.today(), days), days)
    if warning:
        print(warning)
    return 0


if __name__ == "__main__":
    sys.exit(main())
