"""The floor the benchmark measures the build against: the least work that makes the pages.

    python bench/floor.py CONTENT OUTPUT

A plain script on one core: it reads each person file once (YAML with the C loader, the
story with Python-Markdown), renders a trivial Jinja2 page per language for every public
record and writes it where the site puts the person's page. No validation, no lists, no
photos, no search: what any generator of these pages must at least do.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2
import markdown
import yaml

LANGUAGES = ["be", "ru", "en"]
TEMPLATE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ name }}</title></head>
<body><h1>{{ name }}</h1>
<p>{{ data.status }} · {{ data.region or "" }} · {{ data.updated }}</p>
{{ story|safe }}
</body></html>
"""


def main(content: Path, output: Path) -> int:
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[0]})  # one core, whatever the machine has
    template = jinja2.Environment(autoescape=True).from_string(TEMPLATE)
    converter = markdown.Markdown()
    count = 0
    for path in sorted((content / "people").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = yaml.load(front, Loader=yaml.CSafeLoader)
        if data.get("visibility") == "counted":
            continue
        converter.reset()
        story = converter.convert(body)
        names = data.get("name") or {}
        for lang in LANGUAGES:
            page = output / lang / "people" / path.stem / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            name = names.get(lang) or next(iter(names.values()), "")
            page.write_text(template.render(lang=lang, name=name, data=data, story=story), encoding="utf-8")
            count += 1
    print(f"{count} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
