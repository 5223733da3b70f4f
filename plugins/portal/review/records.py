"""One record in two versions: how the review names it, and every field that changed, in words.

Counted-only records are never described by anything that identifies them: a record that is
counted-only in either version is named by its id alone (`who`), and only the fields in
SHOWN_FOR_COUNTED (status, region, dates) are shown; the others are listed by their key.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..content import story as stories
from ..content.frontmatter import read_markdown_record
from ..content.model import Content, Person
from ..language.language import Language

# What may be shown of a counted-only record: nothing that names the person.
SHOWN_FOR_COUNTED = {"id", "file", "status", "region", "status_since", "visibility", "detained", "updated", "history"}
LONG_TEXT = 80  # characters: longer texts are described by their length


@dataclass
class Version:
    """One side of the comparison: the content, where its photos are, and its person files' bytes."""

    content: Content
    photos_dir: Path
    raw: Callable[[str], bytes | None]  # by source path (relative to the content folder); None: no such file


@dataclass
class Story:
    """A record's story as its file writes it (Person.story is rendered HTML, or nothing)."""

    parts: dict[str, str]  # language -> Markdown
    lang: str | None  # story_lang
    body: str
    body_line: int  # the file's line the body starts on


def read_story(raw: bytes | None, path: str, codes: list[str]) -> Story | None:
    if raw is None:
        return None
    record, _ = read_markdown_record(raw, path)
    if record is None:
        return None
    declared = record.data.get("story_lang")
    declared = declared if isinstance(declared, str) and declared in codes else None
    parts, _ = stories.split_languages(record.body, record.body_line, declared, codes)
    return Story({lang: text.strip() for lang, text in parts.items() if text.strip()}, declared, record.body,
                 record.body_line)


def is_counted(*people: Person | None) -> bool:
    return any(person is not None and not person.is_public for person in people)


def who(person: Person, language: Language, counted: bool = False) -> str:
    """How the summary names a record: "Name (`id`)", or the id alone where it is counted-only."""
    if counted or not person.is_public:
        return f"counted-only record `{person.id}`"
    name = language.text(person.name)
    return f"{md(name)} (`{person.id}`)" if name else f"`{person.id}`"


def md(text: str) -> str:
    """Text as Markdown shows it, whatever it contains."""
    return re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", text.replace("\n", " "))


def since(person: Person):
    """The day the current status began, where the record gives it."""
    return person.history[-1].date if person.history else person.status_since


def status_words(person: Person, language: Language) -> str:
    """"In custody since 2021-06-01, Gomel Region": what a counted-only record may be described by."""
    words = language.text(person.category.label)
    if since(person):
        words += f" since {since(person).isoformat()}"
    if person.region is not None:
        words += f", {md(language.text(person.region.label))}"
    return words


def photo_name(person: Person | None, version: Version) -> str | None:
    """The photo as the record names it (relative to the photos folder)."""
    if person is None or person.photo is None:
        return None
    try:
        return Path(person.photo).relative_to(version.photos_dir).as_posix()
    except ValueError:
        return Path(person.photo).name


# The fields, in the order of the person file's keys (content/person.py, PERSON_KEYS).

def field_changes(old: Person, new: Person, old_version: Version, new_version: Version, old_story: Story | None,
                  new_story: Story | None, photo_replaced: bool, language: Language,
                  prefix: str) -> list[tuple[str, str, str]]:
    """(key, what, how it changed) for every field that differs."""
    found: list[tuple[str, str, str]] = []

    def change(key: str, a, b, label: str | None = None) -> None:
        if a != b:
            found.append((key, label or key, f"{_value(a)} → {_value(b)}"))

    def text(key: str, a: dict, b: dict) -> None:
        for lang in _languages(a, b):
            before, after = a.get(lang), b.get(lang)
            if before == after:
                continue
            label = f"{key} ({lang})" if lang else key
            if max(len(before or ""), len(after or "")) > LONG_TEXT:
                found.append((key, label, _length_change(before, after)))
            else:
                change(key, before, after, label)

    def listed(key: str, a: list[str], b: list[str]) -> None:
        if a == b:
            return
        added, removed = [x for x in b if x not in a], [x for x in a if x not in b]
        words = ([f"added {', '.join(_value(x) for x in added)}"] if added else []) + \
                ([f"removed {', '.join(_value(x) for x in removed)}"] if removed else [])
        found.append((key, key, "; ".join(words) or "the same, in another order"))

    if old.id != new.id:
        found.append(("id", "id", f"`{old.id}` → `{new.id}`"))
    elif old.source_path != new.source_path:  # moved to another sub-folder
        found.append(("file", "file", f"`{md(prefix + old.source_path)}` → `{md(prefix + new.source_path)}`"))
    text("name", old.written_name.values, new.written_name.values)
    change("born", _date(old.born), _date(new.born))
    change("gender", old.gender, new.gender)
    # By id: the two versions' reference data are two readings where the data files changed.
    if _id(old.region) != _id(new.region):
        change("region", _label(old.region, language), _label(new.region, language))
    if old.category.id != new.category.id:
        change("status", language.text(old.category.label), language.text(new.category.label))
    change("status_since", _date(old.status_since), _date(new.status_since))
    change("visibility", _visibility(old), _visibility(new))
    change("detained", _date(old.detained), _date(new.detained))
    listed("articles", [charge.code for charge in old.articles], [charge.code for charge in new.articles])
    change("sentenced", _date(old.sentenced), _date(new.sentenced))
    if _id(old.penalty) != _id(new.penalty):
        change("penalty", _label(old.penalty, language), _label(new.penalty, language))
    text("sentence", _values(old.sentence), _values(new.sentence))
    if _id(old.institution) != _id(new.institution):
        change("institution", _label(old.institution, language, "name"), _label(new.institution, language, "name"))
    change("institution_since", _date(old.institution_since), _date(new.institution_since))
    change("released", _date(old.released), _date(new.released))
    change("died", _date(old.died), _date(new.died))
    change("recognised", _recognition(old.recognised), _recognition(new.recognised))
    change("letter_name", old.letter_name, new.letter_name)
    listed("languages", old.languages, new.languages)
    change("letters", "yes" if old.letters else "no", "yes" if new.letters else "no")
    text("letters_note", _values(old.letters_note), _values(new.letters_note))
    old_photo, new_photo = photo_name(old, old_version), photo_name(new, new_version)
    if old_photo != new_photo:
        found.append(("photo", "photo", f"added ({_value(new_photo)})" if old_photo is None else
                      f"removed (was {_value(old_photo)})" if new_photo is None else
                      f"{_value(old_photo)} → {_value(new_photo)}"))
    elif photo_replaced:
        found.append(("photo", "photo", f"{_value(new_photo)} replaced by another picture"))
    listed("sources", old.sources, new.sources)
    change("updated", _date(old.updated), _date(new.updated))
    listed("aliases", old.aliases, new.aliases)
    listed("not_duplicate_of", old.not_duplicate_of, new.not_duplicate_of)
    if old_story is not None and new_story is not None:
        change("story_lang", old_story.lang, new_story.lang)
    if [(entry.date, entry.category.id) for entry in old.history] != [(entry.date, entry.category.id)
                                                                       for entry in new.history]:
        listed("history", [_entry(entry, language) for entry in old.history],
               [_entry(entry, language) for entry in new.history])
    if old_story is not None and new_story is not None:
        for lang in _languages(old_story.parts, new_story.parts):
            before, after = old_story.parts.get(lang), new_story.parts.get(lang)
            if before != after:
                found.append(("story", f"story ({lang})", _length_change(before, after)))
    return found


def _id(item) -> str | None:
    return None if item is None else item.id


def _languages(a: dict, b: dict) -> list:
    return sorted(set(a) | set(b), key=lambda lang: (lang is not None, str(lang)))


def _value(value) -> str:
    return "not given" if value is None or value == "" else md(str(value))


def _length_change(before: str | None, after: str | None) -> str:
    if not before:
        return f"added ({_characters(len(after))})"
    if not after:
        return f"removed (was {_characters(len(before))})"
    return f"changed ({len(before)} → {_characters(len(after))})"


def _characters(count: int) -> str:
    return f"{count} character" if count == 1 else f"{count} characters"


def _date(value) -> str | None:
    return None if value is None else str(value) if isinstance(value, int) else value.isoformat()


def _label(item, language: Language, attribute: str = "label") -> str | None:
    return None if item is None else language.text(getattr(item, attribute)) or item.id


def _values(localized) -> dict:
    return dict(localized.values) if localized else {}


def _recognition(recognised) -> str | None:
    if recognised is None:
        return None
    return f"{recognised.by}, {recognised.date.isoformat()}" if recognised.date else recognised.by


def _visibility(person: Person) -> str:
    return "public" if person.is_public else "counted only"


def _entry(change, language: Language) -> str:
    return f"{change.date.isoformat()} {language.text(change.category.label)}"
