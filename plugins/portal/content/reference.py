"""The data files of content/data/: status groups and categories, regions, articles of the
Criminal Code, kinds of penalty, institution types and the statement's figures, each checked with messages a
volunteer can act on."""
from __future__ import annotations

import datetime
from pathlib import Path

from .fields import Fields, listing
from .frontmatter import RecordFile, read_yaml_record
from .model import Article, Category, Group, InstitutionType, Penalty, Region, StatementFigures
from .problems import Problem


def _load(path: Path, shown: str) -> tuple[RecordFile | None, list[Problem]]:
    if path.is_symlink():
        return None, []  # never read: the loader reports the link (content/loader.py: unsafe_files)
    if not path.is_file():
        return None, [Problem(shown, None, None, "the data file is missing.", "restore it from the repository.")]
    return read_yaml_record(path.read_bytes(), shown)


def _entries(fields: Fields, key: str) -> list[dict]:
    value = fields.data.get(key)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        fields.problem(key, f'"{key}" must be a list of entries, each starting with "- id: ".', "see the entries already in the file.")
        return []
    return value


def _entry_fields(record: RecordFile, entry: dict, today: datetime.date) -> Fields:
    # An entry of a list is checked like a small record of its own, located in its file.
    sub = RecordFile(record.path, entry, "", 0, {})
    return Fields(sub, today)


def load_categories(path: Path, shown: str, languages: list[str], today: datetime.date):
    """groups: [{id, label, description, categories: [{id, label, description, held}]}]"""
    record, problems = _load(path, shown)
    if record is None:
        return [], {}, problems
    fields = Fields(record, today)
    groups: list[Group] = []
    categories: dict[str, Category] = {}
    for group_entry in _entries(fields, "groups"):
        group_fields = _entry_fields(record, group_entry, today)
        group_id = group_fields.identifier("id", required=True)
        group = Group(
            group_id,
            group_fields.localized("label", languages, required=True, all_languages=True),
            group_fields.localized("description", languages, required=True, all_languages=True),
        )
        group_fields.unknown_keys(["id", "label", "description", "categories"])
        for category_entry in _entries(group_fields, "categories"):
            category_fields = _entry_fields(record, category_entry, today)
            category_id = category_fields.identifier("id", required=True)
            held = category_fields.boolean("held", default=False)
            category = Category(
                category_id,
                category_fields.localized("label", languages, required=True, all_languages=True),
                category_fields.localized("description", languages, required=True, all_languages=True),
                group,
                held,
            )
            category_fields.unknown_keys(["id", "label", "description", "held"])
            problems += category_fields.problems
            if category_id in categories or category_id == group_id or any(g.id == category_id for g in groups):
                problems.append(Problem(shown, None, "id", f'the id "{category_id}" is used twice.', "give each group and category its own id."))
            elif category_id:
                categories[category_id] = category
                group.categories.append(category)
        problems += group_fields.problems
        if group_id:
            groups.append(group)
    problems += fields.problems
    if not categories and not problems:
        problems.append(Problem(shown, None, "groups", "no status category is defined.", "restore the file from the repository."))
    return groups, categories, problems


def _load_labelled(path: Path, shown: str, key: str, make, languages: list[str], today: datetime.date,
                   label_key: str = "label"):
    """A data file of `key: [{id, <label_key>}]` entries (regions, institution types, articles)."""
    record, problems = _load(path, shown)
    if record is None:
        return {}, problems
    fields = Fields(record, today)
    entries = {}
    for entry in _entries(fields, key):
        entry_fields = _entry_fields(record, entry, today)
        entry_id = entry_fields.identifier("id", required=True)
        label = entry_fields.localized(label_key, languages, required=True, all_languages=True)
        entry_fields.unknown_keys(["id", label_key])
        problems += entry_fields.problems
        if entry_id in entries:
            problems.append(Problem(shown, None, "id", f'the id "{entry_id}" is used twice.', "give each entry its own id."))
        elif entry_id:
            entries[entry_id] = make(entry_id, label)
    return entries, problems + fields.problems


def load_regions(path: Path, shown: str, languages: list[str], today: datetime.date):
    """regions: [{id, label}]"""
    return _load_labelled(path, shown, "regions", Region, languages, today)


def load_articles(path: Path, shown: str, languages: list[str], today: datetime.date):
    """articles: [{id, title}]; the id is the article's number ("342", "361-1")."""
    return _load_labelled(path, shown, "articles", Article, languages, today, label_key="title")


def load_penalties(path: Path, shown: str, languages: list[str], today: datetime.date):
    """penalties: [{id, label}]: the kinds of punishment a verdict gives (a record's `penalty`).
    Optional: without the file no kind is defined, and a record that names one is told to add it."""
    if not path.is_file() and not path.is_symlink():
        return {}, []
    return _load_labelled(path, shown, "penalties", Penalty, languages, today)


def load_institution_types(path: Path, shown: str, languages: list[str], today: datetime.date):
    """types: [{id, label}]"""
    return _load_labelled(path, shown, "types", InstitutionType, languages, today)


def load_statement_figures(path: Path, shown: str, categories: dict[str, Category], today: datetime.date):
    """The figures the statement gives per category on its date (history: never recomputed).

    date: 2021-10-22, categories: {<category id>: <number>}
    """
    if not path.is_file():
        return None, []  # a site without the statement has no figures to show beside it
    record, problems = _load(path, shown)
    if record is None:
        return None, problems
    fields = Fields(record, today)
    fields.unknown_keys(["date", "categories"])
    date = fields.date("date", required=True)
    by_category = {}
    value = record.data.get("categories")
    if not isinstance(value, dict) or not value:
        fields.problem("categories", "this must give a number per category id.", "write e.g.\n        categories:\n          custody: 783")
    else:
        for category_id, number in value.items():
            if category_id not in categories:
                fields.problem(f"categories.{category_id}", f'"{category_id}" is not a known category.',
                               f"use one of: {listing(categories)} (see content/data/categories.yaml).")
            elif isinstance(number, bool) or not isinstance(number, int) or number < 0:
                fields.problem(f"categories.{category_id}", f'"{number}" is not a number of people.', "write a whole number, e.g. 783.")
            else:
                by_category[category_id] = number
    problems += fields.problems
    if problems:
        return None, problems
    return StatementFigures(date, by_category), []
