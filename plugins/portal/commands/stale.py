"""`make stale`: the records not checked for longer than STALE_AFTER_DAYS, oldest first.

    python -m portal.commands.stale [--days 180] [--settings pelicanconf.py] [--content content]

Reads and checks the content with the build's own loader and lists, for volunteers to
re-check, each record whose `updated` date is more than the setting's days (or --days) before
today: id, updated, days, file. Exit status 0 (a stale record is not an error); 1 if the
content is invalid; 2 for a --days that is not a number of days.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from pelican.settings import read_settings

from ..content.staleness import stale_after_days, stale_records, stale_table
from .loading import checked_content


def main(argv: list[str] | None = None, today: datetime.date | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make stale", description=__doc__.splitlines()[0])
    parser.add_argument("--days", default="", help="more than this many days (default: STALE_AFTER_DAYS)")
    parser.add_argument("--settings", default="pelicanconf.py", help="the Pelican settings file")
    parser.add_argument("--content", default=None, help="the content folder (default: PATH of the settings)")
    parser.add_argument("--cache-path", default=None, help="the build cache (default: CACHE_PATH of the settings)")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings, override={"CACHE_PATH": args.cache_path} if args.cache_path else None)
    if args.days:
        days, problems = stale_after_days({"STALE_AFTER_DAYS": int(args.days) if args.days.isdigit() else args.days})
        if problems:
            print(f'"{args.days}" is not a number of days: write DAYS=<a whole number above 0>, e.g. DAYS=365.',
                  file=sys.stderr)
            return 2
    content = Path(args.content or settings["PATH"])
    site = checked_content(settings, content, "no records can be listed", "run make stale again")
    if site is None:
        return 1
    if not args.days:
        days, _ = stale_after_days(settings)
    today = today or datetime.date.today()
    stale = stale_records(site.people, today, days)
    if stale:
        sys.stdout.write(stale_table(stale, content.as_posix()))
    print(f"{len(stale)} of {len(site.people)} records not checked for more than {days} days (as of "
          f"{today.isoformat()}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
