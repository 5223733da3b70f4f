"""Two versions of the content compared person by person, in words a reviewer reads.

People are matched by id. A removed id listed in an added record's `aliases` is a rename that
keeps the old address; a removed and an added record with the same name (duplicates.py) are
a rename that breaks it; a removed id listed in a record that stays is a merge. For the
others: every field that changed (records.py), and the changes of status. What needs a human
is collected as flags (flags.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..content.model import Person
from ..language.language import Language
from . import flags
from .flags import Flag
from .records import SHOWN_FOR_COUNTED, Version, field_changes, is_counted, photo_name, read_story

MOST_ADDED_FOR_CLOSE_NAMES = 2000  # above it, duplicates are looked for by the same name only


@dataclass
class RecordChange:
    old: Person
    new: Person
    fields: list[tuple[str, str]]  # (what, how it changed), in the order of the person file's keys
    hidden: list[str]  # keys that changed in a counted-only record, whose values are not shown


@dataclass
class Rename:
    old: Person
    new: Person
    alias_kept: bool


@dataclass
class Changes:
    added: list[Person] = field(default_factory=list)
    removed: list[Person] = field(default_factory=list)
    merged_into: dict[str, Person] = field(default_factory=dict)  # a removed id -> the record that lists it as an alias
    renamed: list[Rename] = field(default_factory=list)
    status: list[tuple[Person, Person]] = field(default_factory=list)
    records: list[RecordChange] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)  # content besides the people, relative to the content folder
    close_names: bool = True  # False: too many people added to look for similar names


def compare(old: Version, new: Version, changed: dict[str, str], language: Language, codes: list[str],
            people_folder: str, photos_folder: str, prefix: str = "") -> Changes:
    """`changed`: the files that differ, by path relative to the content folder (A, M or D);
    `codes`: the site's languages; the folders relative to the content folder; `prefix`: the
    content folder's path in the repository ("content/"), which the summary's paths start with."""
    before = {person.id: person for person in old.content.people}
    after = {person.id: person for person in new.content.people}
    changes = Changes(other_files=sorted(path for path in changed if not path.startswith(people_folder + "/")))
    added = [after[key] for key in sorted(after.keys() - before.keys())]
    removed = [before[key] for key in sorted(before.keys() - after.keys())]
    changes.close_names = len(added) <= MOST_ADDED_FOR_CLOSE_NAMES

    # Renames: an old id kept as an alias, else the same name.
    gone = {person.id for person in removed}
    for person in list(added):
        alias = next((alias for alias in person.aliases if alias in gone), None)
        if alias is not None:
            changes.renamed.append(Rename(before[alias], person, True))
            removed.remove(before[alias])
            added.remove(person)
    for old_person, new_person in flags.renamed_by_name(removed, added, changes.close_names):
        changes.renamed.append(Rename(old_person, new_person, False))
        removed.remove(old_person)
        added.remove(new_person)
        changes.flags.append(flags.renamed_without_alias(old_person, new_person, language))
    changes.renamed.sort(key=lambda rename: rename.new.id)
    changes.added, changes.removed = added, removed
    still_gone = {person.id for person in removed}
    changes.merged_into = {alias: person for person in new.content.people for alias in person.aliases
                           if alias in still_gone}

    pairs = [(before[key], after[key]) for key in after.keys() & before.keys()]
    pairs += [(rename.old, rename.new) for rename in changes.renamed]
    replaced_photos = {path for path, status in changed.items() if status == "M"}
    for old_person, new_person in sorted(pairs, key=lambda pair: pair[1].id):
        if old_person is new_person:
            continue  # the same file, read once (revision.py)
        file_changed = old_person.source_path != new_person.source_path or new_person.source_path in changed
        old_story = read_story(old.raw(old_person.source_path), old_person.source_path, codes) if file_changed else None
        new_story = read_story(new.raw(new_person.source_path), new_person.source_path, codes) if file_changed else None
        photo = photo_name(new_person, new)
        photo_replaced = (photo is not None and photo == photo_name(old_person, old)
                          and f"{photos_folder}/{photo}" in replaced_photos)
        found = field_changes(old_person, new_person, old, new, old_story, new_story, photo_replaced, language, prefix)
        if not found:
            continue
        counted = is_counted(old_person, new_person)
        shown = [(label, text) for key, label, text in found if not counted or key in SHOWN_FOR_COUNTED]
        hidden = list(dict.fromkeys(key for key, _, _ in found if counted and key not in SHOWN_FOR_COUNTED))
        changes.records.append(RecordChange(old_person, new_person, shown, hidden))
        if old_person.category.id != new_person.category.id:
            changes.status.append((old_person, new_person))
        story_changed = old_story is None or new_story is None or old_story.body != new_story.body
        changes.flags += flags.flags_of_change(old_person, new_person, old, new, new_story, story_changed,
                                               photo_replaced, hidden, language, prefix)
    for person in changes.added:
        story = read_story(new.raw(person.source_path), person.source_path, codes)
        changes.flags += flags.flags_of_change(None, person, old, new, story, True, False, [], language, prefix)
    changes.flags += [flags.removed_counted(person, language) for person in changes.removed if not person.is_public]
    changes.flags += flags.duplicates(changes.added, new.content.people, language, changes.close_names)
    changes.flags.sort(key=lambda flag: flag.order)
    return changes
