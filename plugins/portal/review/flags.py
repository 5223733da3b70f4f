"""What needs a human: the flags of a change, in the order a reviewer reads them.

A record that becomes public or counted-only; personal data in a story that changed; a photo
added or replaced; any change to a counted-only record (and one holding more than counting
needs); a removed and an added record with one name but no alias (a rename that breaks
links); an added record whose name another has (duplicates.py); a record without sources.
Counted-only records are never compared by name: a match would tell who they are.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Person
from ..language.language import Language
from .duplicates import DuplicateIndex, Named
from .personal_data import find_personal_data
from .records import Story, Version, is_counted, md, photo_name, status_words, who

# The kinds of flags, in the order a reviewer reads them.
BECOMES_PUBLIC = "Becomes public"
PERSONAL_DATA = "Personal data in the story"
PHOTO = "Photo"
COUNTED = "Counted-only record"
BECOMES_COUNTED = "Becomes counted only"
RENAMED = "Renamed without the old address"
DUPLICATE = "Probable duplicate"
NO_SOURCES = "No sources"
FLAG_ORDER = [BECOMES_PUBLIC, PERSONAL_DATA, PHOTO, COUNTED, BECOMES_COUNTED, RENAMED, DUPLICATE, NO_SOURCES]


@dataclass(frozen=True)
class Flag:
    kind: str  # one of FLAG_ORDER
    id: str  # the record it is about
    text: str  # Markdown

    @property
    def order(self) -> tuple:
        return (FLAG_ORDER.index(self.kind), self.id, self.text)


def flags_of_change(old: Person | None, new: Person, old_version: Version, new_version: Version,
                    story: Story | None, story_changed: bool, photo_replaced: bool, hidden: list[str],
                    language: Language, prefix: str) -> list[Flag]:
    """The flags of a changed record (`old` None: an added one)."""
    flags = []
    counted = is_counted(old, new)
    name = who(new, language, counted)
    if old is not None and not old.is_public and new.is_public:
        flags.append(Flag(BECOMES_PUBLIC, new.id, (
            f"{name} becomes public: its name, photo and story will be on the site. Is that safe, and did the "
            "person or their family agree?")))
    if old is not None and old.is_public and not new.is_public:
        flags.append(Flag(BECOMES_COUNTED, new.id, (
            f"{name} becomes counted only: its page disappears from the site, and the file should keep nothing "
            f"but its status, region and dates (this repository is public). Links and the repository's history "
            f"still hold the id `{new.id}`.")))
    if counted:
        text = f"{name} {'added' if old is None else 'changed'} (now {status_words(new, language)})"
        if old is None:
            text += ": it adds one to the total without a name"
        text += (". Check it with whoever keeps the counted-only records; nothing that could identify the person is "
                 "shown here.")
        if hidden:
            text += f" Changed, not shown: {', '.join(hidden)}."
        flags.append(Flag(COUNTED, new.id, text))
    if story is not None and story_changed:
        findings = find_personal_data(story.body)
        if findings:
            kinds: dict[str, list[int]] = {}
            for finding in findings:
                kinds.setdefault(finding.kind, []).append(story.body_line + story.body.count("\n", 0, finding.start))
            listing = "; ".join(f"{kind} (line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})"
                                for kind, lines in kinds.items())
            flags.append(Flag(PERSONAL_DATA, new.id, (
                f"{name}: the story in `{md(prefix + new.source_path)}` mentions {listing}. Could it lead anyone "
                "to the person or their family?")))
    old_photo = photo_name(old, old_version)
    new_photo = photo_name(new, new_version)
    if new_photo is not None and (new_photo != old_photo or photo_replaced):
        what = "replaced" if new_photo == old_photo else "added"
        shown = f" (`{md(new_photo)}`)" if not counted else ""
        flags.append(Flag(PHOTO, new.id, (
            f"{name}: a photo {what}{shown}. Is it this person, may it be shown, and is no one else "
            "recognisable in it?")))
    if new.is_public and not new.sources:
        removed = old is not None and bool(old.sources)
        what = "its sources were removed" if removed else "no sources"
        flags.append(Flag(NO_SOURCES, new.id, f"{name}: {what}: nothing to check the record against."))
    return flags


def removed_counted(person: Person, language: Language) -> Flag:
    return Flag(COUNTED, person.id, (
        f"{who(person, language)} removed ({status_words(person, language)}): the total goes down by one. "
        "Check it with whoever keeps the counted-only records."))


def renamed_without_alias(old: Person, new: Person, language: Language) -> Flag:
    return Flag(RENAMED, new.id, (
        f"{who(old, language)} was removed and {who(new, language)} added, with the same name: renamed? The old "
        f"address is not kept, so links to it break: add `aliases: [{old.id}]` to the new record (or ignore this "
        "if they are two people)."))


def named(person: Person) -> Named:
    """A person record as the scorer of probable duplicates sees it."""
    return Named(person.id, tuple(sorted(person.written_name.values.items(), key=lambda item: str(item[0]))),
                 person.born, person.detained, person.institution.id if person.institution else None,
                 frozenset(charge.article.id for charge in person.articles), person.gender,
                 frozenset(person.not_duplicate_of))


def can_be_matched(person: Person) -> bool:
    # Counted-only records are never compared by name: a match would tell who they are.
    return person.is_public and bool(person.written_name)


def renamed_by_name(removed: list[Person], added: list[Person], close: bool) -> list[tuple[Person, Person]]:
    """Each removed record paired with the added one of the same name (the strongest match
    first; without `close`, only where the name is the same)."""
    candidates = [person for person in removed if can_be_matched(person)]
    if not candidates:
        return []
    index = DuplicateIndex(named(person) for person in candidates)
    by_id = {person.id: person for person in candidates}
    pairs, taken = [], set()
    for person in added:
        if not can_be_matched(person):
            continue
        for pair in index.matches(named(person)):
            other = pair.other(person.id)
            if other not in taken and (close or pair.same_name):
                taken.add(other)
                pairs.append((by_id[other], person))
                break
    return pairs


def duplicates(added: list[Person], people: list[Person], language: Language, close: bool) -> list[Flag]:
    """The probable duplicates of the added records among all (review/duplicates.py scores them
    as `make duplicates` does; without `close`, only pairs of the same name)."""
    added_ids = {person.id for person in added}
    matchable = [person for person in added if can_be_matched(person)]
    if not matchable:
        return []
    index = DuplicateIndex(named(person) for person in people if can_be_matched(person))
    by_id = {person.id: person for person in people}
    flags = []
    for person in matchable:
        for pair in index.matches(named(person)):
            other = pair.other(person.id)
            if (other in added_ids and other < person.id) or not (close or pair.same_name):
                continue  # two added records: said once
            also = " (also added here)" if other in added_ids else ""
            flags.append(Flag(DUPLICATE, person.id, (
                f"{who(person, language)} and {who(by_id[other], language)}{also} may be one person "
                f"(score {pair.score} of 100: {'; '.join(pair.why)}). Check that no one is counted twice; if they "
                f"are two people, add `not_duplicate_of: [{other}]` to `{person.id}`.")))
    return flags
