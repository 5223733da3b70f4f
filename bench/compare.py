"""`make compare BASE=<git ref>`: does a change alter the site? The output of two revisions,
byte for byte.

    python bench/compare.py BASE [OTHER] [--people 1000] [--no-publish] [--keep]

Each revision (a git ref, or "." for the working tree, the default OTHER) is built twice over
the same kinds of content: its own example content (content/), and the fictional people its
own bench/generate.py makes (the same seed and number on both sides). Each is built as a
contributor builds (`pelicanconf.py`) and as the site is published (`publishconf.py` with
SITEURL: share cards, feeds, sitemap), from an empty output folder and cache, with this
checkout's virtualenv. Then the two output folders of each pair are compared file by file;
the script prints the files only one side has and those that differ (with the first lines
that differ, for text), and exits with 1 if anything differs, 0 if the outputs are the same.

A change that means to alter the output (a new page, a fixed template) is checked the same
way: the list of what differs is the review of its effect on the site.
"""
from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work" / "compare"
PELICAN = ROOT / ".venv" / "bin" / "pelican"
PYTHON = ROOT / ".venv" / "bin" / "python"
SITEURL = "https://compare.example"
SHOWN_LINES = 12  # of a text file's diff


def source_of(ref: str, into: Path) -> Path:
    """The revision's files: the working tree itself for ".", else `git archive` of the ref."""
    if ref == ".":
        return ROOT
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref], capture_output=True)
    if archive.returncode != 0:
        sys.exit(f"compare: {ref!r} is not a revision of this repository: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def contents(source: Path, side: Path, people: int) -> dict[str, Path]:
    """The content folders to build: the example content, and `people` generated ones."""
    found = {"example": source / "content"}
    if people:
        generated = side / f"bench-{people}"
        shutil.rmtree(generated, ignore_errors=True)
        subprocess.run([str(PYTHON), str(source / "bench" / "generate.py"), "--people", str(people),
                        "--out", str(generated)], check=True, stdout=subprocess.DEVNULL, cwd=source)
        found[f"{people} people"] = generated / "content"
    return found


def build(source: Path, content: Path, output: Path, published: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="compare-cache-") as cache:
        settings = "publishconf.py" if published else "pelicanconf.py"
        environment = {**os.environ, "SITEURL": SITEURL if published else ""}
        result = subprocess.run([str(PELICAN), str(content), "-o", str(output), "-s", settings, "--cache-path", cache],
                                cwd=source, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"compare: the build in {source} failed:\n{result.stdout}{result.stderr}")


def files_of(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(base: Path, other: Path) -> list[str]:
    """What differs between two output folders, as lines to print."""
    before, after = files_of(base), files_of(other)
    lines = [f"  only in the base: {name}" for name in before if name not in after]
    lines += [f"  only in the other: {name}" for name in after if name not in before]
    for name in before:
        if name in after and before[name].read_bytes() != after[name].read_bytes():
            lines.append(f"  differs: {name}")
            try:
                old = before[name].read_text(encoding="utf-8").splitlines()
                new = after[name].read_text(encoding="utf-8").splitlines()
            except UnicodeDecodeError:
                continue
            diff = list(difflib.unified_diff(old, new, lineterm="", n=0))[2:]
            lines += [f"      {line[:200]}" for line in diff[:SHOWN_LINES]]
            if len(diff) > SHOWN_LINES:
                lines.append(f"      … {len(diff) - SHOWN_LINES} more lines")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make compare", description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision to compare against (a git ref)")
    parser.add_argument("other", nargs="?", default=".", help='the other revision (default ".": the working tree)')
    parser.add_argument("--people", type=int, default=1000, help="generated people to build too (0: none)")
    parser.add_argument("--no-publish", action="store_true", help="only the development build")
    parser.add_argument("--keep", action="store_true", help=f"keep the outputs in {WORK.relative_to(ROOT)}/")
    args = parser.parse_args(argv)
    if not PELICAN.exists():
        sys.exit("compare: run `make html` first: the builds use its virtualenv.")
    WORK.mkdir(parents=True, exist_ok=True)
    sides = {}
    for name, ref in (("base", args.base), ("other", args.other)):
        side = WORK / name
        source = source_of(ref, side / "source")
        sides[name] = (source, side, contents(source, side, args.people))
    modes = [False] if args.no_publish else [False, True]
    same = True
    for what in sides["base"][2]:
        for published in modes:
            label = f"{what}, {'published (make publish)' if published else 'development (make html)'}"
            outputs = {}
            for name, (source, side, found) in sides.items():
                outputs[name] = side / "output" / f"{what.replace(' ', '-')}-{'publish' if published else 'html'}"
                shutil.rmtree(outputs[name], ignore_errors=True)
                build(source, found[what], outputs[name], published)
            lines = differences(outputs["base"], outputs["other"])
            count = len(files_of(outputs["base"]))
            if lines:
                same = False
                print(f"{label}: the outputs differ ({count:,} files in the base)")
                print("\n".join(lines))
            else:
                print(f"{label}: the same, byte for byte ({count:,} files)")
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
