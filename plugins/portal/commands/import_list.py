"""`make import FILE=list.csv`: what a list's export would change in the records, and WRITE=1
to write it.

    make import FILE=list.csv                          the report only; nothing is written
    make import FILE="list-be.csv list-ru.csv list-en.csv"   one list in three languages
    make import FILE=list.csv WRITE=1                  write the new and changed person files
    make import FILE=list.csv WRITE=1 FORCE=1          also over values edited by hand
    SOURCE=<mapping> (default: viasna), DATE=YYYY-MM-DD (the export's date; default today)

The mapping is content/data/imports/<SOURCE>.yaml (template.yaml documents it). A counted-only
row needs PORTAL_IMPORT_KEY in the environment (see README, "Importing a list").
"""
from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

from pelican.settings import read_settings

from ..content.loader import load_content
from ..content.person import ReadingContext
from ..content.problems import ContentError, shown_path
from ..importing.mapping import MappingError, load_mapping, mapping_path
from ..importing.plan import Export, file_language, plan_import
from ..importing.records import write_atomically
from ..importing.report import render
from ..importing.table import read_table
from ..language.language import Languages


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    parser = argparse.ArgumentParser(prog="make import", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default=None)
    parser.add_argument("--file", default="")
    parser.add_argument("--source", default="")
    parser.add_argument("--date", default="")
    parser.add_argument("--write", default="")
    parser.add_argument("--force", default="")
    args = parser.parse_args(argv)
    files = args.file.split()
    if not files:
        return _fail('give the exported list: make import FILE=list.csv (or FILE="list-be.csv list-ru.csv list-en.csv").')
    try:
        export_date = datetime.date.fromisoformat(args.date) if args.date else datetime.date.today()
    except ValueError:
        return _fail(f'DATE="{args.date}" is not a date: write the export\'s date as YYYY-MM-DD.')
    settings = read_settings(args.settings)
    content = Path(args.content or settings["PATH"])
    languages = Languages.from_settings(settings)
    try:
        site = load_content(content, settings, today=max(export_date, datetime.date.today()), render_stories=False,
                            languages=languages)
    except ContentError as error:
        print(f"The content already has problems; fix them first (make check):\n\n{error}", file=sys.stderr)
        return 1
    data_dir = content / settings["PORTAL_DATA_PATH"]
    source = args.source or "viasna"
    path = mapping_path(data_dir, source)
    try:
        mapping = load_mapping(path, shown_path(path), site.reference)
    except MappingError as error:
        print(f"No file was written: the mapping has problems.\n\n{error}", file=sys.stderr)
        return 1
    tables = []
    for name in files:
        table = read_table(Path(name))
        tables.append((table, file_language(name, table, mapping, languages.codes)))
    people_dir = content / settings["PORTAL_PEOPLE_PATH"]
    photos_dir = people_dir / settings["PORTAL_PHOTOS_PATH"]
    context = ReadingContext(site.reference, languages, photos_dir, shown_path(photos_dir),
                             max(export_date, datetime.date.today()), render_stories=False)
    plan = plan_import(Export(tables, export_date), mapping, site, context, people_dir, shown_path(people_dir),
                       secret=os.environ.get("PORTAL_IMPORT_KEY") or None, force=_yes(args.force))
    write = _yes(args.write)
    failed = []
    if write:
        for planned in plan.writes:
            try:
                write_atomically(planned.path, planned.text)
            except OSError as error:  # a full disk, a folder without write access: the others go on
                failed.append(f"{shown_path(planned.path)}: not written ({error.strerror or error}).")
    print(render(plan, mapping.path, files, export_date, write, time.perf_counter() - started), end="")
    if failed:
        print("\n".join(["", *failed, "Fix: free the disk or allow writing to the people folder, then import again: "
                          "what was written is complete and is not written twice."]), file=sys.stderr)
    return 1 if failed or (plan.file_problems and not plan.rows) else 0


def _yes(value: str) -> bool:
    return value.strip().lower() in ("1", "yes", "y", "true")


def _fail(message: str) -> int:
    print(f"No file was written: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
