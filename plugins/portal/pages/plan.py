"""The plan of a build's pages: every page of every kind and language, with its file, its
key and its context, made before anything is rendered.

The plan reads the validated content, the figures and the photos and writes nothing, so a
test can look at what a build would write without rendering a page (as Pelican's own
generator tests do with a mock writer); pages/render.py renders it.

A page's context holds what its kind reads (pages/kinds.py) and what it is made for, and
its key is made of the same: the digests in PageInputs. What a template can show, its key
covers.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..cache.digests import digest, stable_repr
from ..cache.keys import Keys
from ..content.model import Content, Person
from ..figures.summary import Figures
from ..language.language import Language, Languages
from .kinds import PAGE_KINDS, PageKind
from .listing import PeopleList, birthdays, entries_for, held_wall
from .urls import Urls

# How a page's people are grouped (PageKind.groups_by): person -> the ids of their groups.
GROUPINGS = {
    "status": lambda person: [person.category.id, person.category.group.id],
    "region": lambda person: [person.region.id] if person.region else [],
    "article": lambda person: dict.fromkeys(charge.article.id for charge in person.articles),
    "institution": lambda person: [person.institution.id] if person.institution else [],
}


@dataclass(frozen=True)
class PlannedPage:
    kind: PageKind
    lang: str | None  # None: a page for all languages
    save_as: str
    url: str
    key: str
    alternates: dict[str, str]  # language -> URL of this page in it
    context: dict = field(default_factory=dict)  # the page's own variables
    weight: int = 1  # how much work it is (people in its table): the heaviest are rendered first

    @property
    def template(self) -> str:
        return self.kind.template


class ListedPhotos:
    """The photos of a list page's people, and no one else's: what its key covers."""

    def __init__(self, photos: dict, people: PeopleList):
        self.photos, self.people, self.ids = photos, people, None

    def __getitem__(self, person_id: str):
        if self.ids is None:  # only where a row is rendered on the page itself (pages/rows.py)
            self.ids = {entry.person.id for entry in self.people}
        return self.photos.get(person_id) if person_id in self.ids else None


class PageInputs:
    """The digests of what pages read (PageKind.reads): the parts of their keys."""

    def __init__(self, keys: Keys, figures: Figures, person_digests: dict[str, str]):
        as_of = figures.totals.as_of.isoformat() if figures.totals.as_of else ""
        # What every page may show: its recipe (code, settings, templates, catalogs, the
        # content besides the people) and the date of the figures, in every page's footer.
        self.common = digest(keys.recipe("page"), as_of)
        self.totals = digest(stable_repr(figures.totals))
        self.series = digest(stable_repr(figures.series))
        self.person = person_digests  # person id -> digest of the record and the photo
        self.everyone = digest(*sorted(person_digests.values()))
        self._listed: dict[int, tuple[PeopleList, str]] = {}  # id of a list -> (the list, its digest)

    def listed(self, people: PeopleList) -> str:
        # Once per list: every page a long list is cut into asks it of the whole list.
        found = self._listed.get(id(people))
        if found is None or found[0] is not people:
            found = self._listed[id(people)] = (people, digest("".join(self.person[entry.person.id]
                                                                       for entry in people)))
        return found[1]

    def summary(self, people: PeopleList, cut: list) -> str:
        """What a page of a cut list shows of the whole list besides its own rows: how many,
        the filters' values and counts, who can receive letters and in which languages, and
        how the list is cut (`cut`). A record's edit that changes none of these (a date, a
        story) changes only the page that shows its row."""
        facts = Counter((p.category.id, p.region.id if p.region else None, p.gender,
                         p.institution.id if p.institution else None,
                         tuple(sorted({charge.article.id for charge in p.articles})),
                         bool(p.letters_blocked_by), tuple(sorted(p.languages))) for p in (e.person for e in people))
        return digest(repr(sorted(facts.items(), key=repr)), repr(cut))

    def key(self, page_kind: PageKind, save_as: str, person: Person | None, listed: PeopleList | None,
            held: PeopleList | None = None, listed_digest: str | None = None) -> str:
        """`listed_digest`: what stands for the list a page reads, where not its people's digests
        (a page of a cut list: the list's summary and the page's own people)."""
        parts = []
        for read in page_kind.reads:
            if read == "person":
                parts.append(self.person[person.id])
            elif read == "listed":
                parts.append(listed_digest or self.listed(listed))
            elif read == "held":
                parts.append(self.listed(held))
            else:
                parts.append(getattr(self, read))  # totals, series, everyone
        return digest(self.common, page_kind.template, save_as, *parts)


class PagePlan:
    """The pages of one build, in the order of the table of kinds, language by language."""

    def __init__(self, languages: Languages, urls: Urls, content: Content, figures: Figures, photos: dict,
                 inputs: PageInputs, kinds: tuple[PageKind, ...] = PAGE_KINDS, split_at: int | None = None):
        """`split_at`: a list of more people than this is cut into pages of whole letters
        (LIST_SPLIT_AT; None: never)."""
        if split_at is not None and (not isinstance(split_at, int) or isinstance(split_at, bool) or split_at < 1):
            raise ValueError(f"LIST_SPLIT_AT is {split_at!r}: give how many people a page of a list holds "
                             "(a whole number, 1 or more), or 0 to keep every list on one page.")
        self.languages, self.urls, self.content, self.figures = languages, urls, content, figures
        self.split_at = split_at
        self.photos = photos  # person id -> renditions
        self.reference = content.reference  # what every page may show
        self.inputs = inputs
        self.kinds = kinds
        # The public people as each language lists them; every list page shows a part of it.
        self.lists = {language.code: entries_for(content.public_people, language) for language in languages}
        self.pages: list[PlannedPage] = []
        self._listed_options: dict[tuple[int, str], dict] = {}  # (id of a list, language) -> its filters
        self._grouped: dict[tuple[int, str], dict[str, PeopleList]] = {}  # (id of a list, grouping) -> groups
        self.sitemap: list[dict[str, str]] = []  # the alternates of each page in the sitemap
        for language in languages:
            for kind in kinds:
                if not kind.neutral:
                    self._plan(kind, language)
        for kind in kinds:
            if kind.neutral:
                self._plan(kind, None)

    def alternates(self, kind: str, **fields) -> dict[str, str]:
        return {code: self.urls.url(kind, lang=code, **fields) for code in self.languages.codes}

    def _plan(self, kind: PageKind, language: Language | None) -> None:
        lang = language.code if language else None
        everyone = self.lists[lang or self.languages.default.code]
        groups = self._groups(everyone, kind.groups_by) if kind.groups_by in GROUPINGS else {}
        for fields, own, person in self._items(kind, language, everyone):
            listed = held = None
            context = {"lang": lang, "page_kind": kind.id, "site": self.reference, **own}
            if "totals" in kind.reads:
                context["totals"] = self.figures.totals
            if "series" in kind.reads:
                context["chart"] = self.figures.chart
            if "listed" in kind.reads:
                listed = groups.get(fields["id"], PeopleList([])) if "id" in fields else everyone
                context.update(people=listed, photos=ListedPhotos(self.photos, listed),
                               list_options=lambda people, language=language: self._options(people, language))
            if "everyone" in kind.reads:
                context.update(self._everyone(kind, language, everyone, groups))
            if "held" in kind.reads:
                held = PeopleList([entry for entry in everyone if entry.person.category.held])
                wall = held_wall(held, lambda person_id: bool(self.photos.get(person_id)), self.reference.groups)
                context.update(wall=wall, photos=ListedPhotos(self.photos, PeopleList(wall.entries)))
            if kind.neutral:
                alternates = self.alternates(kind.offers)
                save_as, url = self.urls.save_as(kind.id), self.urls.url(kind.id)
            else:
                alternates = self.alternates(kind.id, **fields)
                save_as, url = self.urls.save_as(kind.id, lang=lang, **fields), alternates[lang]
            context["alternates"] = alternates
            context["own_url"] = url  # the page's own address, relative to the site's root (the onion site's too)
            if kind.sitemap and language is self.languages.default:
                self.sitemap.append(alternates)
            parts = self._letter_pages(kind, lang, fields, url, listed)
            listed_digest = None
            if parts:
                # The list's own page is its first part; each other part has a page of its own,
                # at its first letter. Every one shows the whole list's counts and filters, so
                # each one's key covers the list's summary and its own people. The alphabet
                # names each letter once, on its first part.
                summary = self.inputs.summary(listed, [(letters, part_url) for letters, part_url, _, _ in parts])

                def part_digest(people: PeopleList) -> str:
                    return digest(summary, self.inputs.listed(people))
                listed_digest = part_digest(parts[0][3])
                letter_pages = [(letter, part_url, number) for number, (letters, part_url, piece, _) in enumerate(parts)
                                if piece == 1 for letter in letters]
                context.update(letter_pages=letter_pages, part_number=0, shown=parts[0][3],
                               parts=[(_span(letters, piece), part_url) for letters, part_url, piece, _ in parts],
                               list_within=f"{kind.groups_by}={fields['id']}" if "id" in fields else None)
                for number, (letters, part_url, piece, shown) in enumerate(parts[1:], start=1):
                    if kind.sitemap:  # a page of one language: its own entry, without alternates
                        self.sitemap.append({lang: part_url})
                    own = {"own_url": part_url, "part_number": number, "letter_title": _span(letters, piece),
                           "shown": shown}
                    part_save_as = part_url + "index.html"
                    part_key = self.inputs.key(kind, part_save_as, person, listed, held, part_digest(shown))
                    self.pages.append(PlannedPage(kind, lang, part_save_as, part_url, part_key,
                                                  alternates, {**context, **own}, weight=len(shown)))
            shown = context.get("shown", listed)
            page_key = self.inputs.key(kind, save_as, person, listed, held, listed_digest)
            self.pages.append(PlannedPage(kind, lang, save_as, url, page_key,
                                          alternates, context, weight=len(shown) if shown is not None else 1))
        if kind.x_default:
            offered = self.alternates(kind.offers)
            self.sitemap = [{**entry, "x-default": self.urls.url(kind.id)} if entry == offered else entry
                            for entry in self.sitemap]

    @property
    def cuts_everyone(self) -> bool:
        """Whether the list of everyone is cut into pages of letters (then most lists are)."""
        return self.split_at is not None and any(len(everyone) > self.split_at for everyone in self.lists.values())

    def _options(self, people: PeopleList, language: Language) -> dict:
        """The filters of a list, once for all the pages a long list is cut into."""
        key = (id(people), language.code)
        if key not in self._listed_options:
            self._listed_options[key] = people.options(self.reference, language)
        return self._listed_options[key]

    def _letter_pages(self, kind: PageKind, lang: str | None, fields: dict, own_url: str,
                      listed: PeopleList | None) -> list[tuple[list[str], str, int, PeopleList]]:
        """(letters, address, piece, people) of each page a long list is cut into: runs of
        whole letters of at most `split_at` people, or pieces of a letter with more
        (PeopleList.by_letters), the first at the list's own address, a letter's second piece
        at the letter and "-2" ("be/people/К-2/"); empty where the list stays one page."""
        if not kind.by_letter or listed is None or self.split_at is None or len(listed) <= self.split_at:
            return []
        pages = []
        for letters, people, piece in listed.by_letters(self.split_at):
            folder = letters[0] if piece == 1 else f"{letters[0]}-{piece}"
            url = self.urls.letter_url(kind.id, folder, lang=lang, **fields) if pages else own_url
            if url is None:
                return []
            pages.append((letters, url, piece, people))
        return pages if len(pages) > 1 else []

    def _groups(self, everyone: PeopleList, grouping: str) -> dict[str, PeopleList]:
        """The list grouped (a category's and its group's pages share one grouping)."""
        key = (id(everyone), grouping)
        if key not in self._grouped:
            self._grouped[key] = everyone.group_by(GROUPINGS[grouping])
        return self._grouped[key]

    def _items(self, kind: PageKind, language: Language | None, everyone: PeopleList) -> Iterator[tuple]:
        """(URL fields, the page's own context, its person or None) of each page of a kind."""
        reference = self.reference
        if kind.each is None:
            yield {}, {}, None
        elif kind.each in ("group", "category", "region", "article", "institution"):
            found = {"group": reference.groups, "category": reference.categories.values(),
                     "region": reference.regions.values(), "article": reference.articles.values(),
                     "institution": self._institutions(language)}[kind.each]
            for item in found:
                yield {"id": item.id}, {kind.each: item}, None
        elif kind.each == "person":
            for entry in everyone:
                yield {"id": entry.person.id}, {"person": entry.person, "photo": self.photos.get(entry.person.id)}, entry.person
        elif kind.each == "alias":
            for entry in everyone:
                for alias in entry.person.aliases:
                    target = self.urls.url("person", lang=language.code, id=entry.person.id)
                    yield {"id": alias}, {"person": entry.person, "target": target}, entry.person
        else:
            raise ValueError(f'the page kind "{kind.id}" is made for "{kind.each}", which pages/plan.py does not know')

    def _everyone(self, kind: PageKind, language: Language, everyone: PeopleList, groups: dict) -> dict:
        """The context of a page that reads every public person: them, grouped as it shows them."""
        if kind.groups_by == "birthday":
            return {"months": birthdays([entry.person for entry in everyone])}
        if kind.groups_by == "birthday_month":
            # The month of the figures' date (in every page's key), not of the build: the same
            # commit gives the same page. None where there is no record at all.
            as_of = self.figures.totals.as_of
            return {"month": birthdays([entry.person for entry in everyone])[as_of.month - 1] if as_of else None}
        if kind.groups_by == "institution":
            return {"listed": groups, "institutions": self._institutions(language)}
        return {"listed": groups}

    def _institutions(self, language: Language) -> list:
        return sorted(self.content.institutions.values(), key=lambda i: language.sort_key(language.text(i.name)))


def _span(letters: list[str], piece: int = 1) -> str:
    """How a page of a cut list names its letters: "Б", "Б–Г", or a letter's second piece "К 2"."""
    if piece > 1:
        return f"{letters[0]} {piece}"
    return letters[0] if len(letters) == 1 else f"{letters[0]}–{letters[-1]}"
