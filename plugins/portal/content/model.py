"""The validated content: what every later step reads instead of the files."""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..language.localized import Localized, Text
from .contacts import Contacts

if TYPE_CHECKING:
    from ..language.language import Language


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
class Article:
    """An article of the Criminal Code; `id` is its number as the Code writes it ("342", "361-1")."""

    id: str
    title: Localized


@dataclass(eq=False)
class Penalty:
    """A kind of punishment a verdict gives (content/data/penalties.yaml): imprisonment, a fine…"""

    id: str
    label: Localized


@dataclass(frozen=True)
class Recognition:
    """Who recognised the person as a political prisoner (an organisation, as it writes its
    name), and on which day, where the record says so."""

    by: str
    date: datetime.date | None = None


@dataclass(frozen=True)
class Imported:
    """Where `make import` took a record from: the mapping's source, the list's row id (or, for
    a counted-only record, a keyed digest of it), and a digest of each value it wrote."""

    source: str
    row: str | None
    key: str | None
    fields: dict[str, str]


@dataclass(frozen=True)
class Charge:
    """An article a person is charged or convicted under, with the part where the record gives it."""

    article: Article
    part: str | None = None

    @property
    def code(self) -> str:
        """As records write it: "342-1" is part 1 of article 342."""
        return f"{self.article.id}-{self.part}" if self.part else self.article.id


@dataclass(eq=False)
class InstitutionType:
    id: str
    label: Localized


@dataclass(eq=False)
class Institution:
    id: str
    type: InstitutionType
    name: Localized
    address: list[str]  # the lines of the envelope address, in Cyrillic, without the country
    city: str
    region: Region | None
    source: str
    checked: datetime.date | int  # a date, or only the year of the publication
    recheck: bool  # the address is taken from an older publication: check before sending
    source_path: str


@dataclass(frozen=True)
class StatusChange:
    """One entry of a person's `history`: from `date` on, the person is in `category`."""

    date: datetime.date
    category: Category


@dataclass(frozen=True)
class Headline:
    """A person as every page, card, feed entry and search result names them in one language."""

    name: str
    status: str  # the category's label
    group: str  # the status group's label
    region: str | None


@dataclass(eq=False)
class Person:
    id: str
    source_path: str  # relative to the content folder, e.g. "people/ivan-ivanau.md"
    name: Localized  # as written, plus Latin spellings for the languages listed in transliterated_names
    category: Category
    updated: datetime.date
    visibility: str = "public"
    born: datetime.date | int | None = None
    gender: str | None = None
    region: Region | None = None
    status_since: datetime.date | None = None
    history: list[StatusChange] = field(default_factory=list)  # oldest first; see history.py
    detained: datetime.date | None = None
    articles: list[Charge] = field(default_factory=list)
    sentence: Localized | None = None
    sentenced: datetime.date | None = None  # the day of the verdict
    penalty: Penalty | None = None  # the kind of punishment the verdict gives
    released: datetime.date | None = None
    died: datetime.date | None = None
    recognised: Recognition | None = None  # as a political prisoner: by whom, when
    institution: Institution | None = None
    institution_since: datetime.date | None = None  # held at `institution` since (a move shows from then)
    letter_name: str | None = None  # the name as the institution knows it, in Cyrillic
    languages: list[str] = field(default_factory=list)  # the languages the person reads (letters), if known
    letters: bool = True  # false where letters must not be sent (the family asks, for example)
    letters_note: Localized | None = None  # why not
    aliases: list[str] = field(default_factory=list)  # ids this person had before
    # ids of records checked to be other people: `make duplicates` and the review do not pair them
    not_duplicate_of: list[str] = field(default_factory=list)
    photo: Path | None = None
    sources: list[str] = field(default_factory=list)
    story: Localized | None = None  # sanitised HTML per language
    transliterated_names: list[str] = field(default_factory=list)  # languages whose name is derived
    imported: Imported | None = None  # from a list, by make import (importing/)

    @property
    def written_name(self) -> Localized:
        """The name only in the languages the record gives it (no derived Latin spelling)."""
        return Localized({lang: name for lang, name in self.name.values.items() if lang not in self.transliterated_names})

    def headline(self, language: "Language") -> Headline:
        return Headline(language.text(self.name), language.text(self.category.label),
                        language.text(self.category.group.label),
                        language.text(self.region.label) if self.region else None)

    @property
    def is_public(self) -> bool:
        return self.visibility == "public"

    @property
    def letters_blocked_by(self) -> str | None:
        """Why no letter can be sent: "declined", "not-held" or "no-institution"; None if one can."""
        if not self.letters:
            return "declined"
        if not self.category.held:
            return "not-held"
        if self.institution is None:
            return "no-institution"
        return None

    @property
    def letters_changed(self) -> datetime.date | None:
        """The last day something a letter writer needs changed: a new status (sentenced, moved
        to a colony) or a new place of detention."""
        status = self.history[-1].date if self.history else self.status_since
        return max((day for day in (status, self.institution_since) if day), default=None)

    def envelope(self, country: str) -> list[str]:
        """The envelope address in the order it is written: institution, street, postcode and
        town, country (in Cyrillic and, for mail from abroad, in Latin letters), recipient (with
        the year of birth)."""
        if self.letters_blocked_by:
            return []
        recipient = self.letter_name or self.name.values.get("ru") or self.name.values.get("be")
        if self.birth_year:
            recipient += f", {self.birth_year} г.р."
        return [*self.institution.address, country, recipient]

    @property
    def birth_year(self) -> int | None:
        if self.born is None:
            return None
        return self.born if isinstance(self.born, int) else self.born.year


@dataclass(eq=False)
class Signatory:
    """An organisation, initiative, person or group of delegates that signed the statement."""

    id: str
    source_path: str
    name: str  # as the signatory writes it
    name_lang: str  # the language of `name` (any language tag, e.g. "lt")
    names: dict[str, str]  # translations of the name, by language tag
    other_names: list[str]  # further names in no particular language (transliterations, short names)
    kind: str
    joined: datetime.date
    order: int | None
    note: Localized | None
    website: str | None
    members: list[str]

    def name_in(self, lang: str) -> Text:
        """The name in `lang` where the signatory gives one, otherwise as written."""
        if self.name_lang == lang:
            return Text(self.name, lang, False)
        if lang in self.names:
            return Text(self.names[lang], lang, False)
        return Text(self.name, self.name_lang, True)

    def other_names_in(self, lang: str, site_languages) -> list[Text]:
        """The names shown after `name_in(lang)`: the original, names in languages the site
        does not have (pl, de…) and names in no language; never the site's other translations."""
        shown = self.name_in(lang).value
        others = [Text(self.name, self.name_lang, True)]
        others += [Text(name, tag, True) for tag, name in self.names.items() if tag not in site_languages]
        others += [Text(name, None, True) for name in self.other_names]
        return [text for text in others if text.value != shown]

    @property
    def sort_key(self):
        # Joining order: date, then the order number within that date, then the name.
        return (self.joined, self.order is None, self.order or 0, self.name.casefold())


@dataclass(frozen=True)
class StatementFigures:
    """The statement's own figures, as of its date: history, never recomputed."""

    date: datetime.date
    by_category: dict[str, int]

    def of_group(self, group: "Group") -> int:
        return sum(self.by_category.get(category.id, 0) for category in group.categories)


@dataclass
class ReferenceData:
    """Everything the content holds besides the people: what records refer to (status groups
    and categories, regions, articles, institutions) and the statement's signatories and
    figures; and the maintainers' contact channels, which the settings give (with their keys
    from the content folder). Every page may show it, so it is what pages get as `site`: a
    page that shows people is given them by name (pages/kinds.py), never through this."""

    groups: list[Group]
    categories: dict[str, Category]
    regions: dict[str, Region]
    institutions: dict[str, Institution]
    articles: dict[str, Article] = field(default_factory=dict)  # in the data file's order
    signatories: list[Signatory] = field(default_factory=list)  # in joining order
    statement_figures: StatementFigures | None = None
    contacts: Contacts = field(default_factory=Contacts)  # the maintainers' private channels (settings)
    penalties: dict[str, Penalty] = field(default_factory=dict)  # the kinds of punishment, in the file's order

    @property
    def reference(self) -> "ReferenceData":
        """The reference data alone (of Content: without its people)."""
        return ReferenceData(**{name: getattr(self, name) for name in ReferenceData.__dataclass_fields__})


@dataclass
class Content(ReferenceData):
    """Everything read from the content folder, validated and linked."""

    people: list[Person] = field(default_factory=list)  # every record, counted-only included: totals need them

    @functools.cached_property
    def public_people(self) -> list[Person]:
        return [p for p in self.people if p.is_public]
