"""`make preview BASE=<git ref>`: the pages of the people a change adds or edits, in a folder of
their own, for a reviewer to open before merging (the pull-request workflow uploads it).

    python -m portal.commands.preview --base main [--content content] [--output output] [--into preview]

Takes the built site (`make html` first), finds the person files added or changed since BASE
(committed or not), and copies their pages in every language, their photos and the theme into
the folder, with an index page that links to each. Links from those pages to the rest of the
site lead nowhere in the preview.
"""
from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
from pathlib import Path


def changed_people(base: str, people: Path) -> list[str]:
    """The ids of the person files added, changed or renamed since `base`, and of new ones
    git does not track yet."""
    listed = subprocess.run(["git", "diff", "--name-only", "--diff-filter=AMR", base, "--", str(people)],
                            capture_output=True, text=True)
    if listed.returncode != 0:
        raise SystemExit(f"make preview: {base!r} is not a revision of this repository: {listed.stderr.strip()}")
    untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "--", str(people)],
                               capture_output=True, text=True, check=True)
    names = listed.stdout.split() + untracked.stdout.split()
    return sorted({Path(name).stem for name in names if name.endswith(".md")})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make preview", description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the revision the change is compared with (a git ref)")
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--output", type=Path, default=Path("output"), help="the built site")
    parser.add_argument("--into", type=Path, default=Path("preview"))
    args = parser.parse_args(argv)
    if not (args.output / "index.html").is_file():
        print(f"make preview: there is no built site in {args.output}/: run make html first.", file=sys.stderr)
        return 2
    shutil.rmtree(args.into, ignore_errors=True)
    args.into.mkdir(parents=True)
    if (args.output / "theme").is_dir():
        shutil.copytree(args.output / "theme", args.into / "theme")
    links = []
    for person_id in changed_people(args.base, args.content / "people"):
        pages = sorted(args.output.glob(f"*/people/{person_id}/index.html"))
        for page in pages:  # a counted-only record has none
            target = args.into / page.relative_to(args.output)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
            links.append(page.relative_to(args.output).parent.as_posix() + "/")
        for photo in sorted((args.output / "photos").glob(f"{person_id}-*.jpg")):
            (args.into / "photos").mkdir(exist_ok=True)
            shutil.copyfile(photo, args.into / "photos" / photo.name)
    items = "\n".join(f'<li><a href="{html.escape(link)}index.html">{html.escape(link)}</a></li>' for link in links)
    (args.into / "index.html").write_text(
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Preview of the changed pages</title>'
        '</head>\n<body>\n<h1>Preview of the changed pages</h1>\n'
        f"<p>Pages of the people added or changed since {html.escape(args.base)}, in every language.</p>\n"
        f"<ul>\n{items}\n</ul>\n</body>\n</html>\n" if links else
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Preview</title></head>\n'
        f"<body>\n<p>No person's page changed since {html.escape(args.base)}.</p>\n</body>\n</html>\n",
        encoding="utf-8")
    print(f"Wrote {len(links)} pages to {args.into}/ (open {args.into}/index.html).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
