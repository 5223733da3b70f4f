"""Loads the whole content folder into validated Content, or stops with every problem.

This is the only code that reads content files, and it does not depend on Pelican: the
build, `make check`, `make totals` and `make person` run the same checks. How the person
files are read is the caller's choice (`read_people`): one after another by default; the
build reads them on every core and only when they changed (pipeline/reading.py).
"""
from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path

from ..language.language import Languages
from .contacts import load_contacts
from .frontmatter import decode
from .institutions import load_institutions
from .model import Content, Person
from .person import PersonFile, ReadingContext, read_person
from .problems import ContentError, Problem, shown_path
from .reference import (load_articles, load_categories, load_institution_types, load_penalties, load_regions,
                        load_statement_figures)
from .safety import MAX_TEXT_BYTES, body_invisible_problems, too_big
from .signatories import load_signatories
from .staleness import stale_after_days

# (files, context) -> (the valid people, the problems of the others)
PeopleReader = Callable[[list[PersonFile], ReadingContext], tuple[list[Person], list[Problem]]]


def read_each(files: list[PersonFile], context: ReadingContext) -> tuple[list[Person], list[Problem]]:
    """The plain way: each file read and checked in turn."""
    people, problems = [], []
    for file in files:
        person, found = read_person(file.path.read_bytes(), file, context)
        problems += found
        if person is not None:
            people.append(person)
    return people, problems


def load_content(folder: Path, settings: dict, today: datetime.date | None = None,
                 read_people: PeopleReader = read_each, render_stories: bool = True,
                 languages: Languages | None = None) -> Content:
    """Without `render_stories` (make check), a story's markers are checked but its Markdown is
    not rendered: Person.story is None."""
    today = today or datetime.date.today()
    languages = languages or Languages.from_settings(settings)
    codes = languages.codes
    data_dir = folder / settings["PORTAL_DATA_PATH"]
    problems: list[Problem] = []

    def data_file(name: str) -> tuple[Path, str]:
        return data_dir / name, shown_path(data_dir / name)

    groups, categories, found = load_categories(*data_file("categories.yaml"), codes, today)
    problems += found
    regions, found = load_regions(*data_file("regions.yaml"), codes, today)
    problems += found
    articles, found = load_articles(*data_file("articles.yaml"), codes, today)
    problems += found
    penalties, found = load_penalties(*data_file("penalties.yaml"), codes, today)
    problems += found
    institution_types, found = load_institution_types(*data_file("institution-types.yaml"), codes, today)
    problems += found
    institutions_dir = folder / settings["PORTAL_INSTITUTIONS_PATH"]
    institutions, found = load_institutions(institutions_dir, shown_path(institutions_dir), codes,
                                            institution_types, regions, today)
    problems += found
    statement_figures, found = load_statement_figures(*data_file(settings["PORTAL_STATEMENT_FIGURES_FILE"]),
                                                      categories, today)
    problems += found
    signatories_dir = folder / settings["PORTAL_SIGNATORIES_PATH"]
    signatories, found = load_signatories(signatories_dir, shown_path(signatories_dir), codes, today)
    problems += found

    contacts, found = load_contacts(folder, settings)
    problems += found
    problems += stale_after_days(settings)[1]
    problems += unsafe_files(folder, settings)
    content = Content(groups, categories, regions, institutions, articles, signatories, statement_figures, contacts,
                      penalties)
    people_dir = folder / settings["PORTAL_PEOPLE_PATH"]
    photos_dir = people_dir / settings["PORTAL_PHOTOS_PATH"]
    context = ReadingContext(content.reference, languages, photos_dir, shown_path(photos_dir), today, render_stories)
    files, found = person_files(folder, people_dir, photos_dir)
    problems += found
    people, found = read_people(files, context)
    problems += found
    shown_of = {file.stem: file.shown for file in files}
    problems += _alias_collisions(people, shown_of)
    problems += _unknown_other_people(people, shown_of)
    if problems:
        raise ContentError(problems)
    people.sort(key=lambda person: person.id)
    content.people = people
    return content


def unsafe_files(folder: Path, settings: dict) -> list[Problem]:
    """Symbolic links anywhere in the content folder (content is read only from inside it: a
    link could publish any file of the machine that builds), and text pages that are too big
    or hold invisible characters (Pelican reads those; content/safety.py)."""
    problems = []
    for root, dirs, names in os.walk(folder):
        for name in sorted(dirs + names):
            path = Path(root, name)
            if path.is_symlink():
                problems.append(Problem(shown_path(path), None, None,
                                        "this is a symbolic link: the site is built only from files inside the content "
                                        "folder.", "replace the link with the file itself, or remove it."))
        dirs[:] = [name for name in dirs if not Path(root, name).is_symlink()]
    for page_folder in settings.get("PAGE_PATHS", []):
        for root, dirs, names in os.walk(folder / page_folder):
            dirs[:] = sorted(name for name in dirs if not Path(root, name).is_symlink())
            for path in sorted(Path(root, name) for name in names if name.endswith(".md")):
                if not path.is_symlink():
                    problems += _text_page_problems(path)
    return problems


def _text_page_problems(path: Path) -> list[Problem]:
    shown = shown_path(path)
    oversized = too_big(shown, path.stat().st_size, MAX_TEXT_BYTES, "a text page", "shorten it.")
    if oversized:
        return [oversized]
    text, found = decode(path.read_bytes(), shown)
    return found if text is None else body_invisible_problems(text, shown, 1)


def person_files(content: Path, people_dir: Path, photos_dir: Path) -> tuple[list[PersonFile], list[Problem]]:
    """Every .md file below the people folder, each id once; anything else there is reported,
    not skipped."""
    if not people_dir.is_dir():
        return [], []
    files: list[PersonFile] = []
    problems: list[Problem] = []
    first_file_of: dict[str, str] = {}
    shown_people = shown_path(people_dir)  # once: relpath costs more than reading a record
    for root, dirs, names in os.walk(people_dir):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and root_path / d != photos_dir)
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = root_path / name
            if path.is_symlink():
                continue  # never read: unsafe_files() reports it
            if path.suffix != ".md":
                problems.append(Problem(shown_path(path), None, None,
                                        "this file is in the people folder but is not a person record.",
                                        "person records end in .md (e.g. ivan-ivanau.md); photos go in "
                                        f"{shown_path(photos_dir)}/."))
                continue
            shown = os.path.join(shown_people, os.path.relpath(path, people_dir))
            if path.stem in first_file_of:
                problems.append(Problem(shown, None, "id",
                                        f'the id "{path.stem}" is already used by {first_file_of[path.stem]}.',
                                        "every person has one file; merge the two records, or give this one another id."))
                continue
            first_file_of[path.stem] = shown
            files.append(PersonFile(path, shown, path.relative_to(content).as_posix(), path.stem))
    return files, problems


def _alias_collisions(people: list[Person], shown_of: dict[str, str]) -> list[Problem]:
    """An old id must lead to one person only, and never shadow a current id."""
    problems = []
    owner: dict[str, Person] = {person.id: person for person in people}
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


def _unknown_other_people(people: list[Person], shown_of: dict[str, str]) -> list[Problem]:
    """`not_duplicate_of` names records that exist: a mistyped id would silence nothing."""
    ids = {person.id for person in people}
    problems = []
    for person in people:
        for other in person.not_duplicate_of:
            if other not in ids:
                problems.append(Problem(shown_of[person.id], None, "not_duplicate_of",
                                        f'no record has the id "{other}".',
                                        "write the id (the file name without .md) of the record checked to be "
                                        "another person, or remove it."))
    return problems
