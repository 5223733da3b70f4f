"""People as the lists show them in one language: surname first, filed under a letter, with
what the filters of a list offer (only values that occur, with their counts)."""
from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from ..content.model import Group, Person, ReferenceData
from ..language.collation import surname_first
from ..language.language import Language
from ..language.localized import Text


@dataclass(frozen=True)
class ListEntry:
    person: Person
    name: Text  # in the list's language, surname first
    letter: str | None  # the alphabet letter it is filed under; None for names in another script


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: object  # Localized, or a plain string
    count: int
    is_group: bool = False  # a status group: everyone in its categories


class PeopleList:
    """An ordered list of entries and the filters it offers; one per list page and language."""

    def __init__(self, entries: list[ListEntry]):
        self.entries = entries

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def group_by(self, keys) -> dict[str, "PeopleList"]:
        """One pass over the list: `keys(person)` gives the keys a person is listed under."""
        groups: dict[str, list[ListEntry]] = {}
        for entry in self.entries:
            for key in keys(entry.person):
                groups.setdefault(key, []).append(entry)
        return {key: PeopleList(entries) for key, entries in groups.items()}

    @property
    def letters(self) -> list[str]:
        """The letters that have people, in the list's (alphabetical) order."""
        return list(dict.fromkeys(entry.letter for entry in self.entries if entry.letter))

    def by_letter(self) -> list[tuple[str, "PeopleList"]]:
        """The list cut at each letter, in order: (letter, its people). A name in another
        script (no letter) stays with the letter before it, or the first; a letter met again
        further on (which the order should never give) joins the letter open. Empty where no
        name has a letter."""
        parts: list[tuple[str, list[ListEntry]]] = []
        waiting: list[ListEntry] = []  # names without a letter before the first letter
        seen: set[str] = set()
        for entry in self.entries:
            if entry.letter and entry.letter not in seen:
                seen.add(entry.letter)
                parts.append((entry.letter, waiting + [entry]))
                waiting = []
            elif parts:
                parts[-1][1].append(entry)
            else:
                waiting.append(entry)
        return [(letter, PeopleList(entries)) for letter, entries in parts]

    def by_letters(self, most: int) -> list[tuple[list[str], "PeopleList", int]]:
        """The list cut into runs of whole letters of at most `most` people, in order: (their
        letters, their people, 1). A letter of more people is cut into pieces of `most`, in
        the list's order, each a run of its own: (that letter, a piece's people, the piece's
        number from 1); nothing joins a cut letter."""
        runs: list[tuple[list[str], list[ListEntry], int]] = []
        cut_before = False
        for letter, people in self.by_letter():
            entries = people.entries
            if len(entries) > most:
                runs += [([letter], entries[start:start + most], number)
                         for number, start in enumerate(range(0, len(entries), most), start=1)]
                cut_before = True
            elif runs and not cut_before and len(runs[-1][1]) + len(entries) <= most:
                runs[-1][0].append(letter)
                runs[-1][1].extend(entries)
            else:
                runs.append(([letter], list(entries), 1))
                cut_before = False
        return [(letters, PeopleList(entries), number) for letters, entries, number in runs]

    def first_of_letter(self) -> set[str]:
        """Ids of the people that open each letter (the targets of the alphabet index)."""
        seen, first = set(), set()
        for entry in self.entries:
            if entry.letter and entry.letter not in seen:
                seen.add(entry.letter)
                first.add(entry.person.id)
        return first

    def options(self, site: ReferenceData, language: Language) -> dict[str, list[FilterOption]]:
        """For each filter of the list's form (each a query parameter), the values that occur
        in this list, in the site's order."""
        people = [entry.person for entry in self.entries]
        counts = {
            "status": Counter(p.category.id for p in people) + Counter(p.category.group.id for p in people),
            "region": Counter(p.region.id for p in people if p.region),
            "gender": Counter(p.gender for p in people if p.gender),
            "institution": Counter(p.institution.id for p in people if p.institution),
            "article": Counter(a for p in people for a in {c.article.id for c in p.articles}),
        }
        status = []
        for group in site.groups:
            if counts["status"][group.id]:
                status.append(FilterOption(group.id, group.label, counts["status"][group.id], is_group=True))
                status += [FilterOption(c.id, c.label, counts["status"][c.id])
                           for c in group.categories if counts["status"][c.id]]
        institutions = sorted((i for i in site.institutions.values() if counts["institution"][i.id]),
                              key=lambda i: language.sort_key(language.text(i.name)))
        return {
            "status": status,
            "region": [FilterOption(r.id, r.label, counts["region"][r.id])
                       for r in site.regions.values() if counts["region"][r.id]],
            "gender": [FilterOption(g, g, counts["gender"][g]) for g in ("female", "male") if counts["gender"][g]],
            "institution": [FilterOption(i.id, i.name, counts["institution"][i.id]) for i in institutions],
            "article": [FilterOption(a.id, a.id, counts["article"][a.id])
                        for a in site.articles.values() if counts["article"][a.id]],
        }


def entries_for(people: list[Person], language: Language) -> PeopleList:
    """The people as a list in `language` shows them: surname first, in its alphabetical order."""
    entries = []
    for person in people:
        name = language.pick(person.name)
        filed = Text(surname_first(name.value), name.lang, name.is_fallback)
        entries.append(ListEntry(person, filed, language.initial(filed.value)))
    entries.sort(key=lambda entry: (language.sort_key(entry.name.value), entry.person.id))
    return PeopleList(entries)


# Anchors of the birthdays page: the same in every language, so campaigns can link to them.
MONTH_ANCHORS = ["january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"]


def birthdays(people: list[Person]) -> list[tuple[str, int, list[Person]]]:
    """(anchor, month number, people born that month who can receive letters, by day) for all
    twelve months, the people in the order given; only full dates of birth count."""
    born: dict[int, list] = {number: [] for number in range(1, 13)}
    for person in people:
        if isinstance(person.born, datetime.date) and not person.letters_blocked_by:
            born[person.born.month].append(person)
    for month in born.values():
        month.sort(key=lambda p: p.born.day)  # stable: within a day, the list's name order stays
    return [(anchor, number, born[number]) for number, anchor in enumerate(MONTH_ANCHORS, start=1)]


# The home page's wall of faces: how many people it shows at most (the list has everyone).
WALL_SIZE = 12


@dataclass(frozen=True)
class Wall:
    entries: list[ListEntry]  # at most WALL_SIZE: those with a photo first, each part in the list's order
    held: int  # how many public people are held today, all told
    group: Group | None  # the status group of exactly the held categories, whose page lists them all


def held_wall(everyone: PeopleList, has_photo, groups: list[Group], size: int = WALL_SIZE) -> Wall:
    """The people held today (their category is `held`) whom the home page shows as faces: those
    with a photo first, then the others (shown with their initials), each in the list's order."""
    held = [entry for entry in everyone if entry.person.category.held]
    with_photo = [entry for entry in held if has_photo(entry.person.id)]
    without = [entry for entry in held if not has_photo(entry.person.id)]
    held_categories = {category.id for group in groups for category in group.categories if category.held}
    group = next((group for group in groups if {category.id for category in group.categories} == held_categories), None)
    return Wall((with_photo + without)[:size], len(held), group)
