"""`make check`: validates all content without building the site.

    python -m portal.commands.check [--settings pelicanconf.py] [--content content]

Runs exactly the checks of the build (it calls the same loader) and prints every problem
at once, with the file, line, field and fix. Exit status 0 when all is well, 1 otherwise.
Records not checked for more than STALE_AFTER_DAYS are a warning, not a failure.
"""
from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from pelican.settings import read_settings

from ..content.staleness import stale_after_days, stale_records, stale_warning
from .loading import checked_content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py", help="the Pelican settings file")
    parser.add_argument("--content", default=None, help="the content folder (default: PATH of the settings)")
    parser.add_argument("--cache-path", default=None, help="the build cache (default: CACHE_PATH of the settings)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = read_settings(args.settings, override={"CACHE_PATH": args.cache_path} if args.cache_path else None)
    content = Path(args.content or settings["PATH"])
    site = checked_content(settings, content, "the site cannot be built", "run make check again", annotate=True)
    if site is None:
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
