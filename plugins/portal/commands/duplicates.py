"""`make duplicates`: the pairs of person records that are probably one person.

    python -m portal.commands.duplicates [--json pairs.json] [--min-score 60] [--settings pelicanconf.py]

Reads and checks the content with the build's own loader, then scores the public records
against one another (review/duplicates.py: names across be, ru and Latin spellings, birth,
day of detention, place, articles) and prints each pair from --min-score up (PROBABLE by
default), strongest first, with its score and reasons. --json also writes them as
[{"a": id, "b": id, "score": n, "why": [...]}]. Counted-only records are never compared: a
match would say who they are. A pair someone has checked is silenced by `not_duplicate_of`
in either record. Exit status 0 whether or not pairs are found; 1 if the content is invalid.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from pelican.settings import read_settings

from ..review.duplicates import PROBABLE, pairs
from ..review.flags import can_be_matched, named
from .loading import checked_content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make duplicates", description=__doc__.splitlines()[0])
    parser.add_argument("--json", default="", help="also write the pairs to this file, as JSON")
    parser.add_argument("--min-score", default="", help=f"list pairs from this score up (default: {PROBABLE})")
    parser.add_argument("--settings", default="pelicanconf.py", help="the Pelican settings file")
    parser.add_argument("--content", default=None, help="the content folder (default: PATH of the settings)")
    parser.add_argument("--cache-path", default=None, help="the build cache (default: CACHE_PATH of the settings)")
    args = parser.parse_args(argv)
    try:
        minimum = int(args.min_score) if args.min_score else PROBABLE
        if not 0 <= minimum <= 100:
            raise ValueError
    except ValueError:
        print(f'"{args.min_score}" is not a score: write MIN=<0 to 100>, e.g. MIN=40.', file=sys.stderr)
        return 2
    started = time.perf_counter()
    settings = read_settings(args.settings, override={"CACHE_PATH": args.cache_path} if args.cache_path else None)
    content = Path(args.content or settings["PATH"])
    site = checked_content(settings, content, "no duplicates can be looked for", "run make duplicates again")
    if site is None:
        return 1
    loaded = time.perf_counter()
    people = {person.id: person for person in site.people if can_be_matched(person)}
    found = pairs([named(person) for person in people.values()], minimum=minimum)
    scored = time.perf_counter()
    for pair in found:
        print(f"{pair.score:3d}  {pair.a}  {pair.b}\n     {people[pair.a].source_path}, {people[pair.b].source_path}\n"
              f"     {'; '.join(pair.why)}")
    probable = sum(pair.probable for pair in found)
    print(f"{len(found)} pair{'s' if len(found) != 1 else ''} from score {minimum} ({probable} probable, from "
          f"{PROBABLE}) among {len(people)} public records (read in {loaded - started:.1f} s, compared in "
          f"{scored - loaded:.1f} s). Two people, not one? Add not_duplicate_of: [<the other id>] to either record.")
    if args.json:
        try:
            Path(args.json).write_text(json.dumps([pair.as_json() for pair in found], ensure_ascii=False, indent=1)
                                       + "\n", encoding="utf-8")
        except OSError as error:
            print(f"Could not write {args.json}: {error.strerror}. Give JSON= a path in a folder you can write to.",
                  file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
