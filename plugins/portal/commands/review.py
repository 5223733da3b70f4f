"""`make review BASE=main`: what a change to the content does, in Markdown, for its reviewer.

    python -m portal.commands.review --base main [--out review.md] [--lang en]
                                     [--settings pelicanconf.py] [--content content] [--cache-path cache]

Compares the content of the git revision BASE with the working tree's (tracked or not): people
added, removed and renamed, changes of status, every field that changed, the totals before →
after, and first what needs a human (plugins/portal/review/). Prints the summary, or writes it
to --out; where the environment names GITHUB_STEP_SUMMARY (a GitHub Actions job), it is added
to that file too. Exit status 0 with a summary; 1 when the working tree's or BASE's content has
problems (they are printed as make check prints them); 2 when BASE is not a revision.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from pelican.settings import read_settings

from ..cache.keys import Keys
from ..content.problems import ContentError
from ..language.language import Languages
from ..pipeline.reading import CachedReader
from ..review.changes import compare
from ..review.records import Version, md
from ..review.revision import Folders, Repository, RevisionError, base_version
from ..review.summary import summary
from ..workers.fork import processes_for
from .loading import checked_content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make review", description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="", help="the git revision to compare with (a branch, tag or commit)")
    parser.add_argument("--out", default="", help="write the summary to this file instead of printing it")
    parser.add_argument("--lang", default="en", help="the language of the status labels (default: en)")
    parser.add_argument("--settings", default="pelicanconf.py", help="the Pelican settings file")
    parser.add_argument("--content", default=None, help="the content folder (default: PATH of the settings)")
    parser.add_argument("--cache-path", default=None, help="the build cache (default: CACHE_PATH of the settings)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = read_settings(args.settings, override={"CACHE_PATH": args.cache_path} if args.cache_path else None)
    languages = Languages.from_settings(settings)
    if args.lang not in languages:
        print(f'"{args.lang}" is not one of the site\'s languages; use one of: {", ".join(languages.codes)}.',
              file=sys.stderr)
        return 2
    if not args.base:
        print("Say which revision to compare with: make review BASE=main (a branch, a tag or a commit).",
              file=sys.stderr)
        return 2
    content = Path(args.content or settings["PATH"])
    try:
        repository = Repository.of(content)
        commit = repository.commit(args.base)
    except RevisionError as error:
        print(error, file=sys.stderr)
        return 2

    processes = processes_for(settings)
    new = checked_content(settings, content, "no review can be written", "run make review again", languages)
    if new is None:
        return 1
    folders = Folders.from_settings(settings)
    photos = content / folders.photos
    changed = repository.changed(commit)
    shown = f"{args.base} ({commit[:7]})"
    try:
        with base_version(repository, commit, args.base, new, photos, changed, settings, languages,
                          lambda folder: CachedReader(None, Keys(settings, folder), processes)) as old:
            current = Version(new, photos.resolve(), lambda path: _read(content / path))
            changes = compare(old, current, changed, languages[args.lang], languages.codes, folders.people,
                              folders.photos, repository.prefix)
            text = summary(changes, old.content, new, languages[args.lang],
                           f"The content in `{md(repository.prefix or './')}`, from `{md(args.base)}` "
                           f"(commit {commit[:7]}) to the working tree.", repository.prefix)
    except ContentError as error:
        count = len(error.problems)
        print(f"The content at {shown} has {count} problem{'s' if count != 1 else ''}, so there is nothing sound "
              f"to compare with; no review was written. Compare with another revision, or fix {shown} first.\n\n"
              + "\n\n".join(str(problem) for problem in error.problems), file=sys.stderr)
        return 1

    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as file:
            file.write(text + "\n")
    done = f"Review of {len(changed)} changed file{'s' if len(changed) != 1 else ''} against {shown} " \
           f"({time.perf_counter() - started:.1f} s)"
    print(done + (f": {args.out}" if args.out else "."), file=sys.stderr)
    return 0


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


if __name__ == "__main__":
    sys.exit(main())
