"""`make totals DATE=2021-10-22`: the totals as of a given day, from the records' histories.

    python -m portal.commands.totals --date 2021-10-22 [--lang en] [--settings pelicanconf.py] [--content content]

Reads and checks the content with the build's own loader and counts by the rules in README
("Totals over time"). Without --date, the totals as of the newest check date (today's totals).
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from pelican.settings import read_settings

from ..content.loader import load_content
from ..content.model import ReferenceData
from ..content.problems import ContentError, format_report
from ..figures.over_time import totals_on
from ..figures.totals import Totals, compute_totals
from ..language.language import Language, Languages


def table(reference: ReferenceData, totals: Totals, language: Language) -> str:
    """The totals as a plain-text table: groups, their categories (with ids), the total."""
    rows = []
    for group in reference.groups:
        rows.append((language.text(group.label), totals.by_group[group.id]))
        rows += [(f"  {language.text(category.label)} ({category.id})", totals.by_category[category.id])
                 for category in group.categories]
    rows.append((language.gettext("Total"), totals.total))
    width = max(len(label) for label, _ in rows)
    numbers = [language.number(number) for _, number in rows]
    number_width = max(len(number) for number in numbers)
    head = f"{language.date(totals.as_of)} ({totals.as_of.isoformat()})"
    lines = [head] + [f"{label:<{width}}  {number:>{number_width}}" for (label, _), number in zip(rows, numbers)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make totals", description=__doc__.splitlines()[0])
    parser.add_argument("--date", default="", help="the day, YYYY-MM-DD (default: the newest check date)")
    parser.add_argument("--lang", default="en", help="the language of the labels (default: en)")
    parser.add_argument("--settings", default="pelicanconf.py", help="the Pelican settings file")
    parser.add_argument("--content", default=None, help="the content folder (default: PATH of the settings)")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    languages = Languages.from_settings(settings)
    if args.lang not in languages:
        print(f'"{args.lang}" is not one of the site\'s languages; use one of: {", ".join(languages.codes)}.',
              file=sys.stderr)
        return 2
    try:
        site = load_content(Path(args.content or settings["PATH"]), settings, languages=languages)
    except ContentError as error:
        print(format_report(error.problems, outcome="no totals can be computed", again="run the command again"),
              file=sys.stderr)
        return 1
    if args.date:
        try:
            day = datetime.date.fromisoformat(args.date)
        except ValueError:
            print(f'"{args.date}" is not a date: write DATE=YYYY-MM-DD, e.g. DATE=2021-10-22.', file=sys.stderr)
            return 2
    else:
        day = compute_totals(site).as_of or datetime.date.today()
    sys.stdout.write(table(site, totals_on(site, day), languages[args.lang]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
