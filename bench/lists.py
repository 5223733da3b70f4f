"""The commands of the lists at the size of the real ones, on 10,000 fictional people
(bench/generate.py): how well search finds people, how long `make duplicates` pairs them, and
how long `make import` takes to report an export of them.

    python bench/lists.py [--people 10000] [--sample 500]

Search: the page's own matching code (theme/static/js/search.js, run in Node) on the people
file the build writes.
For a sample of public people, in each language's file, it asks for their surname as another
alphabet spells it, for the first letters of it, and with one letter wrong (a letter changed,
left out, doubled, or two swapped); and it asks for nonsense. It reports how often the person
is the first result and among the twenty shown, how many results a query gives, and how long
matching takes. Everything is deterministic for one seed.

Duplicates: review/duplicates.py's pairs() over every public record, as `make duplicates`
calls it. Import: the people written out as the list's CSV export (the columns of
content/data/imports/viasna.yaml), reported against an empty content folder, as
`make import FILE=…` does without WRITE=1. Times are processor time (a shared machine's wall
clock measures its other work too) and the wall clock beside it.
"""
from __future__ import annotations

import argparse
import csv
import contextlib
import gzip
import io
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from pelican.settings import read_settings  # noqa: E402

from portal.commands import import_list  # noqa: E402
from portal.content.loader import load_content  # noqa: E402
from portal.language.language import Languages  # noqa: E402
from portal.language.translit import latin  # noqa: E402
from portal.pages.listing import entries_for  # noqa: E402
from portal.pages.urls import Urls  # noqa: E402
from portal.publish.people_search import people_search_data  # noqa: E402
from portal.review.duplicates import pairs  # noqa: E402
from portal.review.flags import can_be_matched, named  # noqa: E402

SHOWN = 20  # as search.js lists
CYRILLIC = "абвгдеёжзійклмнопрстуўфхцчшыьэюя"
# The functions of search.js that match (not those that touch the page), taken from the file.
MATCHING = ("folder", "withinOne", "meets", "queryWords", "findPeople")


def matching_code() -> str:
    source = (ROOT / "theme" / "static" / "js" / "search.js").read_text(encoding="utf-8")
    parts = [re.search(r"^  var WORD = .*?;\n", source, re.M).group(0)]
    for name in MATCHING:
        parts.append(re.search(rf"^  function {name}\(.*?^  \}}\n", source, re.S | re.M).group(0))
    return "".join(parts)


def one_slip(word: str, rng: random.Random) -> str:
    """The word with one letter changed, left out, doubled, or two neighbours swapped."""
    letters = list(word)
    where = rng.randrange(1, len(letters))  # the first letter is rarely the wrong one
    kind = rng.choice(["change", "leave out", "double", "swap"])
    if kind == "change":
        letters[where] = rng.choice([c for c in CYRILLIC if c != letters[where].lower()])
    elif kind == "leave out":
        del letters[where]
    elif kind == "double":
        letters.insert(where, letters[where])
    elif where < len(letters) - 1:
        letters[where], letters[where + 1] = letters[where + 1], letters[where]
    else:
        letters[where - 1], letters[where] = letters[where], letters[where - 1]
    return "".join(letters)


def queries(content, language, sample: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, query, the person's page) for a sample of people with a Cyrillic name: the name as
    another alphabet spells it, the first name and the surname's first letters, the first name
    and the surname with one letter wrong; and nonsense."""
    people = [person for person in content.public_people if person.name.values.get("be") or person.name.values.get("ru")]
    asked = []
    for person in rng.sample(people, min(sample, len(people))):
        lang, name = next((code, person.name.values[code]) for code in ("be", "ru") if person.name.values.get(code))
        first, surname = name.split()[0], name.split()[-1]
        if len(surname) < 5:
            continue
        url = f"{language.code}/people/{person.id}/"
        asked.append(("other alphabet", latin(f"{first} {surname}", lang), url))
        asked.append(("first letters", f"{first} {surname[:4]}", url))
        asked.append(("one letter wrong", f"{first} {one_slip(surname, rng)}", url))
    for _ in range(len(asked) // 3):
        asked.append(("nonsense", "".join(rng.choice(CYRILLIC) for _ in range(rng.randint(6, 9))), ""))
    return asked


def run_node(data: dict, asked: list[tuple[str, str, str]]) -> list[dict]:
    script = matching_code() + """
const input = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const data = { people: input.data.people, fold: folder(input.data.fold),
               keys: input.data.people.map(row => row[4].split(" ")) };
const out = input.queries.map(([kind, query, url]) => {
  const start = process.hrtime.bigint();
  const found = findPeople(data, query);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rank = found.findIndex(row => row[0] === url);
  // First, or after namesakes only: the first result bears the same name.
  const first = rank === 0 || (rank > 0 && found[0][1] === found[rank][1]);
  return { kind, rank, first, count: found.length, ms };
});
console.log(JSON.stringify(out));
"""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as stream:
        json.dump({"data": data, "queries": asked}, stream, ensure_ascii=False)
        stream.flush()
        result = subprocess.run(["node", "-e", script, stream.name], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def timed(work):
    """(what `work()` gives, processor seconds, wall seconds)."""
    started, wall = time.process_time(), time.perf_counter()
    result = work()
    return result, time.process_time() - started, time.perf_counter() - wall


# The list's status word for each category of the fictional people (viasna.yaml's `statuses:`).
STATUS_WORDS = {"political-prisoner": "active", "released": "former", "pardoned": "former"}


def export_of(content) -> bytes:
    """The public people as the list's Russian CSV export: a row each, the mapping's columns."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(["id", "url", "name", "status", "birthday", "gender", "arrested", "articles", "verdict_date",
                     "decision", "penalty", "judge", "prison", "declaration", "release_date", "died"])
    for number, person in enumerate(content.public_people):
        name = person.name.values.get("ru") or person.name.values.get("be") or ""
        words = name.split()
        status = STATUS_WORDS.get(person.category.id) or STATUS_WORDS.get(person.category.group.id, "np")
        born = person.born.isoformat() if hasattr(person.born, "isoformat") else str(person.born or "")
        writer.writerow([10_000 + number, "", " ".join(words[1:] + words[:1]), status, born,
                         {"male": "м", "female": "ж"}.get(person.gender, ""),
                         person.detained.isoformat() if person.detained else "",
                         "; ".join(f"ст. {charge.article.id}" for charge in person.articles), "", "", "", "",
                         "", "", "", ""])
    return stream.getvalue().encode()


def commands(content, settings_path: Path) -> None:
    records = [named(person) for person in content.public_people if can_be_matched(person)]
    found, cpu, wall = timed(lambda: pairs(records))
    print(f"\nmake duplicates over {len(records):,} public records: {len(found):,} probable pairs, "
          f"{cpu:.1f} s of processor time ({wall:.1f} s).")
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "content"
        for name in ("data", "institutions"):
            shutil.copytree(ROOT / "content" / name, empty / name)
        (empty / "people").mkdir()
        export = Path(folder) / "list-ru.csv"
        export.write_bytes(export_of(content))
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code, cpu, wall = timed(lambda: import_list.main(
                ["--settings", str(settings_path), "--content", str(empty), "--file", str(export)]))
        first = next((line for line in out.getvalue().splitlines() if " rows: " in line), out.getvalue()[-300:])
        print(f"make import's report of {len(content.public_people):,} rows (exit {code}): {first}; "
              f"{cpu:.1f} s of processor time ({wall:.1f} s).")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=None, help="a generated content folder")
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    content_path = args.content or ROOT / "bench" / "work" / f"n{args.people}" / "content"
    if not content_path.is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--people", str(args.people),
                        "--out", str(content_path.parent)], check=True)
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    languages = Languages.from_settings(settings)
    content = load_content(content_path, settings, languages=languages)
    urls = Urls(settings)
    print(f"Search over {len(content.public_people):,} public people ({content_path}), "
          f"a sample of {args.sample} surnames a language:\n")
    print("| language | query | first result (or a namesake) | among the 20 shown | results (median) | queries with any result |")
    print("| --- | --- | --- | --- | --- | --- |")
    times = []
    for language in languages:
        data = people_search_data(entries_for(content.public_people, language), language, urls, {})
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        size, compressed = len(encoded), len(gzip.compress(encoded))
        results = run_node(data, queries(content, language, args.sample, random.Random(args.seed)))
        for kind in ("other alphabet", "first letters", "one letter wrong", "nonsense"):
            of_kind = [result for result in results if result["kind"] == kind]
            first = sum(result["first"] for result in of_kind) / len(of_kind)
            shown = sum(0 <= result["rank"] < SHOWN for result in of_kind) / len(of_kind)
            counts = [result["count"] for result in of_kind]
            anything = sum(count > 0 for count in counts) / len(counts)
            if kind == "nonsense":
                print(f"| {language.code} | {kind} | – | – | {statistics.median(counts):g} | {anything:.0%} |")
            else:
                print(f"| {language.code} | {kind} | {first:.0%} | {shown:.0%} | {statistics.median(counts):g} | {anything:.0%} |")
        times += [result["ms"] for result in results]
        print(f"|  | (the file: {size / 1024:,.0f} KiB, {compressed / 1024:,.0f} KiB compressed) | | | | |")
    print(f"\nMatching one query: median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms.")
    commands(content, ROOT / "pelicanconf.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
