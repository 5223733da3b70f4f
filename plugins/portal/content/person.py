"""The person record: the fixed contract of content/people/<id>.md, checked key by key."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..language import translit
from ..language.language import Languages
from ..language.localized import Localized
from . import story
from .fields import CYRILLIC, ID_PATTERN, LATIN, Fields
from .frontmatter import read_markdown_record
from .history import read_history
from .frontmatter import RecordFile
from .model import Article, Charge, Imported, Person, Recognition, ReferenceData
from .safety import photo_problem

# Every key a person file may have, in the order the README documents them.
PERSON_KEYS = [
    "id", "name", "born", "gender", "region", "status", "status_since", "visibility",
    "detained", "articles", "sentenced", "penalty", "sentence", "institution", "institution_since", "released", "died",
    "recognised", "letter_name", "languages", "letters", "letters_note",
    "photo", "sources", "updated", "aliases", "not_duplicate_of", "story_lang", "history", "imported",
]
VISIBILITIES = ["public", "counted"]
# What a counted-only record may hold: what the totals need (today and over time), nothing that
# could identify the person. This repository is public: a name is published when it is merged.
COUNTED_KEYS = ["id", "visibility", "status", "status_since", "detained", "history", "region", "updated", "imported"]
COUNTED_ID = re.compile(r"^counted-\d+$")
GENDERS = ["male", "female"]
# An article of the Criminal Code as records write it: 342, 342-1 (part 1), 361-1-2.
ARTICLE = re.compile(r"^\d{1,3}(?:-\d{1,2}){0,2}$")
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


@dataclass
class ReadingContext:
    """What reading a person record needs besides its bytes: the reference data it may name,
    the site's languages, where its photo must be, and the day it is checked on."""

    reference: ReferenceData
    languages: Languages
    photos_dir: Path
    photos_shown: str  # as a contributor sees it
    today: datetime.date
    # False for `make check`: the story's language markers are checked, its Markdown not rendered
    render_stories: bool = True
    stories: story.StoryRenderer = field(default_factory=story.StoryRenderer, repr=False)


@dataclass(frozen=True)
class PersonFile:
    """A person file found in the people folder."""

    path: Path
    shown: str  # as the contributor sees it
    source_path: str  # relative to the content folder
    stem: str


def read_person(raw: bytes, file: PersonFile, context: ReadingContext):
    """Returns (Person or None, problems). A record with any problem gives no Person."""
    record, problems = read_markdown_record(raw, file.shown)
    if record is None:
        return None, problems
    return check_person(record, file, context)


def check_person(record: RecordFile, file: PersonFile, context: ReadingContext):
    """The checks of read_person() on a record already read (make import checks the record it
    would write this way, before writing it). Returns (Person or None, problems)."""
    stem, reference, languages = file.stem, context.reference, context.languages.codes
    problems = []
    fields = Fields(record, context.today)
    fields.unknown_keys(PERSON_KEYS)

    if not ID_PATTERN.match(stem):
        fields.problem(None, f'the file name "{stem}" is not a valid id.',
                       "rename the file to small Latin letters, digits and hyphens, e.g. ivan-ivanau.md.", line=1)
    person_id = fields.identifier("id")
    if person_id is not None and person_id != stem:
        fields.problem("id", f'the id "{person_id}" differs from the file name "{stem}.md".',
                       f"the id never changes: set id: {stem}, or remove the id line.")

    visibility = fields.choice("visibility", VISIBILITIES, default="public")
    name = fields.localized("name", languages)
    if visibility == "public" and not name:
        if any(problem.field and problem.field.split(".")[0] == "name" for problem in fields.problems):
            pass  # the shape of the name was wrong: already reported
        else:
            fields.problem("name", "a public record has no name in any language.",
                           "add the name, e.g.\n        name:\n          be: Іван Іванаў\n          ru: Иван Иванов\n"
                           "          en: Ivan Ivanau\n        or, if the person must not be named, set visibility: counted.",
                           line=record.line_of("name") or 1)

    if visibility == "counted":
        _counted_only(fields, record, stem)

    category = fields.choice("status", reference.categories, required=True, where=" (see content/data/categories.yaml)")
    born = fields.date("born", allow_year=True)
    gender = fields.choice("gender", GENDERS)
    region = fields.choice("region", reference.regions, where=" (see content/data/regions.yaml)")
    status_since = fields.date("status_since")
    detained = fields.date("detained")
    updated = fields.date("updated", required=True)
    articles = _charges(fields, reference.articles)
    sentence = fields.localized("sentence", languages, allow_plain=True)
    sentenced = fields.date("sentenced")
    penalty = fields.choice("penalty", reference.penalties, where=" (see content/data/penalties.yaml)")
    released = fields.date("released")
    died = fields.date("died")
    recognised = _recognition(fields)
    institution = fields.choice("institution", reference.institutions, where=" (the files in content/institutions/)")
    institution_since = fields.date("institution_since")
    if institution_since and not institution and "institution" not in record.data:
        fields.problem("institution_since", "the record names no institution to be held at since that day.",
                       "add 'institution: ' with the place of detention, or remove the institution_since line.")
    reads = fields.language_tags("languages")
    letter_name = fields.text("letter_name")
    if letter_name and (LATIN.search(letter_name) or not CYRILLIC.search(letter_name)):
        fields.problem("letter_name", "the name for the envelope must be in Cyrillic.",
                       "write it as the institution knows it, e.g. letter_name: Иванов Иван Иванович.")
    letters = fields.boolean("letters", default=True)
    letters_note = fields.localized("letters_note", languages)
    if letters_note and letters:
        fields.problem("letters_note", "the note is shown only where letters are not possible.",
                       "add 'letters: false' if no one should write, or remove the note.")
    aliases = fields.text_list("aliases", ID_PATTERN, fix="list the ids this person had before, e.g. aliases: [ivan-ivanov].")
    repeated = sorted({alias for alias in aliases if aliases.count(alias) > 1})
    if repeated:
        fields.problem("aliases", f'"{repeated[0]}" is listed twice.', "list each old id once.")
    not_duplicate_of = fields.text_list(
        "not_duplicate_of", ID_PATTERN,
        fix="list the ids of the records checked to be other people, e.g. not_duplicate_of: [ivan-ivanau-2].")
    if stem in not_duplicate_of:
        fields.problem("not_duplicate_of", "the record lists its own id.",
                       "list only the ids of other records that were checked to be other people.")
    photo = _photo(fields, context)
    sources = fields.urls("sources")
    story_lang = fields.choice("story_lang", languages)
    history = read_history(fields, reference.categories, category, status_since, updated)
    imported = _imported(fields, visibility)

    birth_year = born if isinstance(born, int) else born.year if born else None
    for key, value in (("detained", detained), ("status_since", status_since), ("institution_since", institution_since),
                       ("sentenced", sentenced), ("released", released), ("died", died),
                       ("recognised", recognised.date if recognised else None)):
        if value and birth_year and value.year < birth_year:
            fields.problem(key, f"{key} ({value.isoformat()}) is before the year of birth ({birth_year}).",
                           "check both dates.")
        if value and updated and value > updated:
            fields.problem(key, f"{key} ({value.isoformat()}) is after the day the record was checked "
                                f"({updated.isoformat()}).",
                           "updated is the day you checked the record, so nothing in it happens later: correct the "
                           "date, or set updated: to the day you checked it.")

    for key, value in (("sentenced", sentenced), ("released", released)):
        if value and detained and value < detained:
            fields.problem(key, f"{key} ({value.isoformat()}) is before the day of detention ({detained.isoformat()}).",
                           "check both dates.")

    if (visibility == "public" and letters and category and category.held and institution and name
            and not letter_name and not any(CYRILLIC.search(name.values.get(lang, "")) for lang in ("ru", "be"))):
        fields.problem("letter_name", "letters go to this person, but there is no name in Cyrillic for the envelope.",
                       "add the name as the institution knows it, e.g. letter_name: Иванов Иван Иванович.",
                       line=record.line_of("institution"))

    parts, unknown = story.split_languages(record.body, record.body_line, story_lang, languages)
    for line, lang in unknown:
        fields.problem(None, f'the story marker names the language "{lang}", which the site does not have.',
                       f"use <!-- lang: {' -->, <!-- lang: '.join(languages)} -->.", line=line)

    problems += fields.problems
    if problems:
        return None, problems
    name = name or Localized({})
    derived = _latin_names(name, context.languages)
    person = Person(
        id=stem,
        source_path=file.source_path,
        name=Localized({**name.values, **derived}),
        transliterated_names=sorted(derived),
        category=category,
        updated=updated,
        visibility=visibility,
        born=born,
        gender=gender,
        region=region,
        status_since=status_since,
        detained=detained,
        articles=articles,
        sentence=sentence,
        sentenced=sentenced,
        penalty=penalty,
        released=released,
        died=died,
        recognised=recognised,
        institution=institution,
        institution_since=institution_since,
        letter_name=letter_name,
        languages=reads,
        letters=letters,
        letters_note=letters_note,
        aliases=aliases,
        not_duplicate_of=not_duplicate_of,
        photo=photo,
        sources=sources,
        story=Localized({lang: context.stories.render(text) for lang, text in parts.items()})
        if parts and context.render_stories else None,
        history=history,
        imported=imported,
    )
    return person, []


def _counted_only(fields: Fields, record, stem: str) -> None:
    """A counted-only record holds what counting needs and nothing that names the person."""
    for key, value in record.data.items():
        if key not in COUNTED_KEYS and key in PERSON_KEYS and value not in (None, "", [], {}):
            fields.problem(key, f'a counted-only record holds only what counting needs, and "{key}" could identify the '
                                "person: this repository is public, and anything merged stays in its history.",
                           f"remove the line. Keep only {', '.join(key for key in COUNTED_KEYS[2:] if key != 'imported')}; "
                           "send anything else to the "
                           "editors privately if it matters.")
    if record.body.strip():
        fields.problem(None, "a counted-only record has a story: it could identify the person, and this repository "
                             "is public.", "remove everything below the second --- line.", line=record.body_line)
    if ID_PATTERN.match(stem) and not COUNTED_ID.match(stem):
        fields.problem(None, f'the file name "{stem}" of a counted-only record could name the person: file names are '
                             "public in the repository.",
                       "rename the file to counted- and the next free number, e.g. counted-0042.md.", line=1)


_DIGEST = re.compile(r"^[0-9a-f]{8}$")
_KEYED = re.compile(r"^[0-9a-f]{16,64}$")
_ROW = re.compile(r"^[\w.-]{1,40}$")


def _imported(fields: Fields, visibility: str | None) -> Imported | None:
    """imported: {source, row (or, counted only, key), fields: {key: digest}}: written by
    `make import` (importing/records.py), so that importing a list again finds the record and
    tells a value edited by hand from the list's."""
    value = fields.data.get("imported")
    if value is None:
        return None
    fix = "this key is written by make import: restore it from the repository's history, or remove it."
    if not isinstance(value, dict):
        fields.problem("imported", "this must give the list's source, its row and the values' digests.", fix)
        return None
    sub = Fields(RecordFile(fields.record.path, value, "", 0, {}), fields.today)
    sub.unknown_keys(["source", "row", "key", "fields"])
    source = sub.identifier("source", required=True)
    row = sub.text("row")
    key = sub.text("key")
    if row is not None and not _ROW.match(row):
        sub.problem("row", f'"{row}" is not a row id of a list.', fix)
    if key is not None and not _KEYED.match(key):
        sub.problem("key", f'"{key}" is not a keyed digest.', fix)
    if visibility == "counted" and row is not None:
        sub.problem("row", "a counted-only record may not hold the list's row id: the list's page of that row names "
                           "the person.", "remove the row line; make import writes a keyed digest (key:) instead.")
    digests = value.get("fields") or {}
    if not isinstance(digests, dict) or not all(isinstance(k, str) and isinstance(v, str) and _DIGEST.match(v)
                                                for k, v in digests.items()):
        sub.problem("fields", "this must give each imported key with a digest of 8 hex digits.", fix)
        digests = {}
    line = fields.record.line_of("imported")
    for found in sub.problems:
        fields.problem(f"imported.{found.field}" if found.field else "imported", found.message, found.fix, line=line)
    if sub.problems or source is None:
        return None
    return Imported(source, row, key, dict(digests))


RECOGNISED_EXAMPLE = "recognised:\n          by: Viasna\n          date: 2021-06-01"


def _recognition(fields: Fields) -> Recognition | None:
    """recognised: {by: <organisation>, date: YYYY-MM-DD}: who recognised the person as a
    political prisoner, and when (the date may be left out)."""
    value = fields.data.get("recognised")
    if value is None or value == {}:
        return None
    if not isinstance(value, dict):
        fields.problem("recognised", "this must say who recognised the person, and when.",
                       f"write it as:\n        {RECOGNISED_EXAMPLE}")
        return None
    # Checked like a small record, with the same messages as a record's own keys.
    sub = Fields(RecordFile(fields.record.path, value, "", 0, {}), fields.today)
    sub.unknown_keys(["by", "date"])
    by = sub.text("by", required=True, fix="add 'by: ' with the organisation that recognised the person, e.g. by: Viasna.")
    date = sub.date("date")
    line = fields.record.line_of("recognised")
    for found in sub.problems:
        fields.problem(f"recognised.{found.field}" if found.field else "recognised", found.message, found.fix, line=line)
    if sub.problems:
        return None
    return Recognition(by, date)


def _latin_names(name: Localized, languages: Languages) -> dict[str, str]:
    """Names in Latin letters for the languages that have no name of their own."""
    derived = {}
    for language in languages:
        if language.code not in name.values:
            source = next((source for source in language.transliterate if source in name.values), None)
            if source is not None:
                derived[language.code] = translit.latin(name.values[source], source)
    return derived


def _charges(fields: Fields, articles: dict[str, Article]) -> list[Charge]:
    """Each code is the longest article number it starts with, then the part: "361-1-2" is part 2
    of article 361-1 and "342-1" part 1 of article 342 (there is no article 342-1)."""
    codes = fields.text_list("articles", ARTICLE,
                             fix='write the articles as a list of numbers, e.g. articles: ["342-1", "130-3"].')
    charges = []
    for code in codes:
        pieces = code.split("-")
        for cut in range(len(pieces), 0, -1):
            number = "-".join(pieces[:cut])
            if number in articles:
                charges.append(Charge(articles[number], "-".join(pieces[cut:]) or None))
                break
        else:
            fields.problem("articles", f'no article in content/data/articles.yaml matches "{code}".',
                           "check the number; if it is right, add the article with its title in be, ru and en "
                           "to content/data/articles.yaml.")
    return charges


def _photo(fields: Fields, context: ReadingContext) -> Path | None:
    name = fields.text("photo")
    if name is None:
        return None
    path = (context.photos_dir / name).resolve()
    shown = f"{context.photos_shown}/{name}"
    if context.photos_dir.resolve() not in path.parents or path.suffix.lower() not in PHOTO_SUFFIXES:
        fields.problem("photo", f'"{name}" is not a photo file name.',
                       f"put the photo (JPEG, PNG or WebP) in {context.photos_shown}/ and write only its file name, "
                       "e.g. photo: ivan-ivanau.jpg.")
        return None
    if not path.is_file():
        fields.problem("photo", f"the photo {shown} does not exist.",
                       f"add the photo to {context.photos_shown}/ with exactly this name, or remove the photo line.")
        return None
    wrong = photo_problem(path)
    if wrong:
        fields.problem("photo", f"the photo {shown} cannot be used: {wrong}.",
                       "save it again as a JPEG, PNG or WebP file of a few megapixels at most.")
        return None
    return path
