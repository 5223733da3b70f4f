"""`make person`: writes a new, valid person file and says what to do next.

    make person ID=ivan-ivanau NAME_BE="Іван Іванаў" NAME_RU="Иван Иванов" NAME_EN="Ivan Ivanau" STATUS=custody
    make person                       (asks for each value)

Every optional key of the record is written commented out, so the contributor sees the
whole contract in the file itself.
"""
from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path

from pelican.settings import read_settings

from ..content.fields import ID_PATTERN
from ..content.person import COUNTED_ID
from ..content.problems import ContentError
from ..content.loader import load_content
from ..content.problems import shown_path

# The optional keys, in the order of the contract, with an example value and a hint.
OPTIONAL_KEYS = [
    ("born", "1985-03-14", "a date, or only the year: 1985"),
    ("gender", "male", "male or female"),
    ("region", "minsk-city", "see content/data/regions.yaml"),
    ("status_since", "2021-06-01", "since when the status holds"),
    ("detained", "2020-08-10", ""),
    ("articles", '["342-1"]', "Criminal Code articles"),
    ("sentenced", "2021-02-17", "the day of the verdict"),
    ("penalty", "imprisonment", "the kind of penalty: see content/data/penalties.yaml"),
    ("sentence", "5 years, general regime colony", "free text, or be/ru/en lines"),
    ("institution", "ik-4-gomel", "a file name in content/institutions/, without .yaml"),
    ("institution_since", "2021-07-02", "held there since"),
    ("released", "2023-08-10", "the day of release"),
    ("died", "2024-01-05", "the day of death"),
    ("recognised", "{by: Viasna, date: 2021-03-01}", "who recognised the person as a political prisoner, when"),
    ("letter_name", "Иванов Иван Иванович", "the name as the institution knows it, in Cyrillic"),
    ("languages", "[be, ru]", "the languages the person reads, for letters"),
    ("letters", "false", "only if no one should write; then say why in letters_note"),
    ("photo", "ivan-ivanau.jpg", "a file in content/people/photos/ (with consent; face only)"),
    ("sources", "[https://spring96.org/…]", "public web addresses"),
    ("aliases", "[old-id]", "ids this person had before"),
    ("not_duplicate_of", "[other-id]", "records checked to be other people (make duplicates)"),
    ("history", "[{date: 2020-08-10, status: custody}]", "statuses over time, oldest first; the last is status"),
]


def record_text(person_id: str, names: dict[str, str], status: str, counted: bool, today: datetime.date,
                status_ids: list[str]) -> str:
    lines = ["---", f"id: {person_id}"]
    if counted:
        lines += ["visibility: counted   # counted in the totals, named nowhere: add nothing that identifies the person"]
    else:
        lines.append("name:")
        lines += [f"  {lang}: {_yaml_text(name)}" for lang, name in names.items() if name]
    lines.append(f"status: {status}   # one of: {', '.join(status_ids)}")
    lines.append(f"updated: {today.isoformat()}   # the day you checked the information")
    if not counted:
        width = max(len(key) + len(example) for key, example, _ in OPTIONAL_KEYS) + 3
        for key, example, hint in OPTIONAL_KEYS:
            line = f"# {key}: {example}"
            lines.append(f"{line:<{width}} # {hint}" if hint else line)
    lines.append("---")
    if not counted:
        lines += ["<!-- lang: be -->", "", "<!-- lang: ru -->", "", "<!-- lang: en -->", ""]
    return "\n".join(lines) + "\n"


def _yaml_text(text: str) -> str:
    # Quote what YAML would read as something other than text.
    if re.search(r"[:#\[\]{}&*!|>'\"%@`,]|^\s|\s$|^[-?]", text) or text.lower() in ("yes", "no", "true", "false", "null"):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def next_counted_id(ids: list[str]) -> str:
    """counted- and the next free number: a counted-only record's file name must say nothing."""
    numbers = [int(person_id.rsplit("-", 1)[1]) for person_id in ids if COUNTED_ID.match(person_id)]
    return f"counted-{max(numbers, default=0) + 1:04d}"


def suggested_id(names: dict[str, str]) -> str:
    latin = names.get("en") or ""
    return "-".join(re.findall(r"[a-z0-9]+", latin.lower()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make person", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default=None)
    parser.add_argument("--id", default="")
    parser.add_argument("--name-be", default="")
    parser.add_argument("--name-ru", default="")
    parser.add_argument("--name-en", default="")
    parser.add_argument("--status", default="")
    parser.add_argument("--counted", default="", help="yes: the person is counted but never named")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    content = Path(args.content or settings["PATH"])
    try:
        site = load_content(content, settings)
    except ContentError as error:
        print(f"The content already has problems; fix them first (make check):\n\n{error}", file=sys.stderr)
        return 1
    ask = sys.stdin.isatty()
    counted = _answer(args.counted, ask, "Must the person stay unnamed (counted only)? yes/no", "no").lower() in ("yes", "y", "true", "1")
    names = {}
    if not counted:
        for lang in settings["PORTAL_LANGUAGES"]:
            names[lang] = _answer(getattr(args, f"name_{lang}"), ask, f"Name in {lang} (forename first; empty if unknown)", "")
        if not any(names.values()):
            return _fail("a public record needs a name in at least one language: give NAME_BE, NAME_RU or NAME_EN "
                         "(or COUNTED=yes if the person must not be named).")
    status_ids = list(site.categories)
    status = _answer(args.status, ask, f"Status ({', '.join(status_ids)})", "")
    if status not in site.categories:
        return _fail(f'"{status}" is not a status: give STATUS= with one of: {", ".join(status_ids)}.')
    default_id = suggested_id(names) if not counted else next_counted_id([p.id for p in site.people])
    person_id = _answer(args.id, ask, "Id (small Latin letters, digits, hyphens; it never changes)", default_id) or default_id
    if counted and not COUNTED_ID.match(person_id or ""):
        return _fail(f'"{person_id}" would name a counted-only record: its file name must say nothing about the person. '
                     f"Leave ID= out (the next free number is {default_id}), or give ID=counted-<number>.")
    if not ID_PATTERN.match(person_id or ""):
        return _fail(f'"{person_id}" is not a valid id: give ID= in small Latin letters, digits and hyphens, e.g. ID=ivan-ivanau.')
    taken = {p.id for p in site.people} | {alias for p in site.people for alias in p.aliases}
    target = content / settings["PORTAL_PEOPLE_PATH"] / f"{person_id}.md"
    if person_id in taken or target.exists():
        return _fail(f'the id "{person_id}" is already used. If this is the same person, correct that file instead; '
                     "otherwise choose another id (add the year of birth, e.g. ivan-ivanau-1985).")
    target.write_text(record_text(person_id, names, status, counted, datetime.date.today(), status_ids), encoding="utf-8")
    first_step = ("add at most the region: nothing that could identify the person, here or in the pull request."
                  if counted else "fill in what you know: remove the # before a line to use it.")
    print(f"Wrote {shown_path(target)}.\n\nNext:\n"
          f"  1. Open {shown_path(target)} and {first_step}\n"
          "  2. Run `make check`: it tells you if anything needs fixing.\n"
          "  3. Commit the file and open a pull request that says where the information comes from.")
    return 0


def _answer(given: str, ask: bool, question: str, default: str) -> str:
    if given or not ask:
        return given.strip() or default
    reply = input(f"{question}{f' [{default}]' if default else ''}: ").strip()
    return reply or default


def _fail(message: str) -> int:
    print(f"No file was written: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
