"""Hugo on the same pages, for the benchmark's comparison: the public person pages in be, ru
and en, with templates as minimal as the floor's (bench/floor.py).

    python bench/hugo_site.py CONTENT SITE

writes a Hugo site into SITE from the person files of CONTENT (not timed: Hugo's own input
format); bench/run.py then times `hugo --source SITE` against a cold `make html` in the same
round. Hugo renders on every core, as our build does; lists, taxonomies, feeds and the sitemap
are turned off, so it makes the same 3 x N pages the floor makes.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

LANGUAGES = ["be", "ru", "en"]
CONFIG = """baseURL = "http://localhost/"
defaultContentLanguage = "be"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
[markup.goldmark.renderer]
unsafe = false
""" + "".join(f"""[languages.{lang}]
contentDir = "content/{lang}"
weight = {weight}
""" for weight, lang in enumerate(LANGUAGES, 1))
SINGLE = """<!doctype html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>
<p>{{ .Params.status }} · {{ .Params.region }} · {{ .Params.updated }}</p>
{{ .Content }}
</body></html>
"""


def prepare(content: Path, site: Path) -> int:
    """The Hugo site of the public people; returns the number of pages it will make."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("", encoding="utf-8")
    count = 0
    for path in sorted((content / "people").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = yaml.load(front, Loader=yaml.CSafeLoader)
        if data.get("visibility") == "counted":
            continue
        names = data.get("name") or {}
        for lang in LANGUAGES:
            page = site / "content" / lang / "people" / f"{path.stem}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            params = {"title": names.get(lang) or next(iter(names.values()), ""), "status": data.get("status"),
                      "region": data.get("region") or "", "updated": str(data.get("updated")),
                      "url": f"/{lang}/people/{path.stem}/"}
            page.write_text("---\n" + yaml.safe_dump(params, allow_unicode=True) + "---\n" + body, encoding="utf-8")
            count += 1
    return count


if __name__ == "__main__":
    print(f"{prepare(Path(sys.argv[1]), Path(sys.argv[2]))} pages")
