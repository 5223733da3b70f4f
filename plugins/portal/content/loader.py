"""Loads the whole content folder into a validated Site, or stops with every problem.

This is the only code that reads content files; it does not depend on Pelican, so the
build and a future `make check` run the same checks.
"""
from __future__ import annotations

import datetime
import os
from pathlib import Path

from .reference import (load_articles, load_categories, load_institution_types, load_institutions, load_regions,
                        load_statement_figures)
from .model import Site
from .person import References
from .problems import ContentError, Problem
from ..build.reading import PersonFile, read_people
from .signatories import load_signatories


def shown_path(path: Path) -> str:
    """The path as a contributor would type it: relative to where the build runs."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def load_site(content: Path, settings: dict, today: datetime.date | None = None, use_cache: bool = False,
              processes: int = 1, render_stories: bool = True) -> Site:
    """With `use_cache`, records unchanged since the last build are not read again (see
    reading.py); `processes` read the others. Without `render_stories` (make check), a story's
    markers are checked but its Markdown is not rendered: Person.story is None."""
    today = today or datetime.date.today()
    languages = list(settings["PORTAL_LANGUAGES"])
    data_dir = content / settings["PORTAL_DATA_PATH"]
    problems: list[Problem] = []

    groups, categories, found = load_categories(
        data_dir / "categories.yaml", shown_path(data_dir / "categories.yaml"), languages, today)
    problems += found
    regions, found = load_regions(data_dir / "regions.yaml", shown_path(data_dir / "regions.yaml"), languages, today)
    problems += found
    articles_file = data_dir / "articles.yaml"
    articles, found = load_articles(articles_file, shown_path(articles_file), languages, today)
    problems += found
    types_file = data_dir / "institution-types.yaml"
    institution_types, found = load_institution_types(types_file, shown_path(types_file), languages, today)
    problems += found
    institutions_dir = content / settings["PORTAL_INSTITUTIONS_PATH"]
    institutions, found = load_institutions(institutions_dir, shown_path(institutions_dir), languages,
                                            institution_types, regions, today)
    problems += found

    figures_file = data_dir / settings["PORTAL_STATEMENT_FIGURES_FILE"]
    statement_figures, found = load_statement_figures(figures_file, shown_path(figures_file), categories, today)
    problems += found
    signatories_dir = content / settings["PORTAL_SIGNATORIES_PATH"]
    signatories, found = load_signatories(signatories_dir, shown_path(signatories_dir), languages, today)
    problems += found

    people_dir = content / settings["PORTAL_PEOPLE_PATH"]
    photos_dir = people_dir / settings["PORTAL_PHOTOS_PATH"]
    refs = References(languages, categories, regions, articles, institutions, photos_dir, shown_path(photos_dir), today,
                      {lang: options.get("transliterate", []) for lang, options in settings["PORTAL_LANGUAGES"].items()},
                      render_stories)
    files = []
    first_file_of: dict[str, str] = {}
    shown_people = shown_path(people_dir)  # once: relpath costs more than reading a record
    for path in _person_files(people_dir, photos_dir, problems):
        shown = os.path.join(shown_people, os.path.relpath(path, people_dir))
        stem = path.stem
        if stem in first_file_of:
            problems.append(Problem(shown, None, "id", f'the id "{stem}" is already used by {first_file_of[stem]}.',
                                    "every person has one file; merge the two records, or give this one another id."))
            continue
        first_file_of[stem] = shown
        files.append(PersonFile(path, shown, path.relative_to(content).as_posix(), stem))
    read = read_people(files, refs, content, settings, use_cache, processes)
    people = read.people
    problems += read.problems

    problems += _alias_collisions(people, {person.id: first_file_of[person.id] for person in people})
    if problems:
        raise ContentError(problems)
    people.sort(key=lambda person: person.id)
    return Site(groups, categories, regions, institutions, people, signatories, statement_figures, articles,
                record_digests=read.digests)


def _person_files(people_dir: Path, photos_dir: Path, problems: list[Problem]) -> list[Path]:
    """Every .md file below the people folder; anything else there is reported, not skipped."""
    if not people_dir.is_dir():
        return []
    files = []
    for root, dirs, names in os.walk(people_dir):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and root_path / d != photos_dir)
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = root_path / name
            if path.suffix == ".md":
                files.append(path)
            else:
                problems.append(Problem(shown_path(path), None, None,
                                        "this file is in the people folder but is not a person record.",
                                        "person records end in .md (e.g. ivan-ivanau.md); photos go in "
                                        f"{shown_path(photos_dir)}/."))
    return files


def _alias_collisions(people, shown_of: dict[str, str]) -> list[Problem]:
    """An old id must lead to one person only, and never shadow a current id."""
    problems = []
    owner: dict[str, object] = {person.id: person for person in people}
    for person in people:
        for alias in person.aliases:
            other = owner.setdefault(alias, person)
            if other is person and alias == person.id:
                problems.append(Problem(shown_of[person.id], None, "aliases", f'"{alias}" is this record\'s own id.',
                                        "list only ids this person had before."))
            elif other is not person:
                what = "the id" if alias == other.id else "an old id"
                problems.append(Problem(shown_of[person.id], None, "aliases",
                                        f'"{alias}" is already {what} of {shown_of[other.id]}.',
                                        "an old address can lead to one person only: remove it from one of the two records."))
    return problems
