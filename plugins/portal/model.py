"""The validated content: what every later step reads instead of the files."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .localized import Localized


@dataclass(eq=False)
class Category:
    id: str
    label: Localized
    description: Localized
    group: "Group" = None
    # True where people of this category are held (the days-in-detention count applies).
    held: bool = False


@dataclass(eq=False)
class Group:
    id: str
    label: Localized
    description: Localized
    categories: list[Category] = field(default_factory=list)


@dataclass(eq=False)
class Region:
    id: str
    label: Localized


@dataclass(eq=False)
class Institution:
    id: str
    kind: str
    name: Localized
    address: str | None
    source_path: str


@dataclass(eq=False)
class Person:
    id: str
    source_path: str  # relative to the content folder, e.g. "people/ivan-ivanau.md"
    name: Localized
    category: Category
    updated: datetime.date
    visibility: str = "public"
    born: datetime.date | int | None = None
    gender: str | None = None
    region: Region | None = None
    status_since: datetime.date | None = None
    detained: datetime.date | None = None
    articles: list[str] = field(default_factory=list)
    sentence: Localized | None = None
    institution: Institution | None = None
    photo: Path | None = None
    sources: list[str] = field(default_factory=list)
    story: Localized | None = None  # sanitised HTML per language

    @property
    def is_public(self) -> bool:
        return self.visibility == "public"

    @property
    def birth_year(self) -> int | None:
        if self.born is None:
            return None
        return self.born if isinstance(self.born, int) else self.born.year


@dataclass
class Site:
    """Everything read from the content folder, validated and linked."""

    groups: list[Group]
    categories: dict[str, Category]
    regions: dict[str, Region]
    institutions: dict[str, Institution]
    people: list[Person]  # every record, counted-only included: totals need them

    @property
    def public_people(self) -> list[Person]:
        return [p for p in self.people if p.is_public]
