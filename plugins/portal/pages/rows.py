"""The rows of the people tables: each rendered once per person and language, then reused.

Every list page (all people, each status group and category, region, article and place of
detention) shows its people in one table, so a person's row appears on five or six pages
per language: at 10,000 people, 150,000 rows. Each row is rendered once, by the theme's
`person_row` macro (_people.html), with a placeholder for the path to the site root (which
differs between pages at different depths); the rows are kept in the build cache under the
person's digest, and a list page joins its rows as text.

A row's key is (language, person id, the anchor its link carries, whether it opens a letter
of the alphabet index, whether it is bare); the rows most pages need (no anchor, not opening a
letter) are rendered on every core before the pages, the few others where a page first needs
them. A bare row leaves out what the list's script filters and sorts by: a list cut into pages
of letters (pages/plan.py) filters the whole list from its data file, never its rows, and at
10,000 people those attributes were 25 MB of the site. Where the list of everyone is cut, most
lists are, so the bare rows are the ones made first.
"""
from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup, escape

from ..cache.store import Store
from ..workers.fork import fork_map
from ..workers.progress import Steps, count

ROOT = "\x00root\x00"  # stands for the path to the site root (SITEURL) until a page is written


class Rows:
    def __init__(self, folder, version: str, person_digests: dict[str, str], steps: Steps | None = None):
        """`version`: the key of what every row may show (PageInputs.common); a row is kept
        while its person's digest is unchanged too."""
        self.store = Store(folder, "rows", version)
        self.steps = steps or Steps()
        self.known: dict[tuple, tuple[str, str]] = self.store.load() if folder else {}
        self.digests = person_digests
        self.rows: dict[tuple, str] = {}
        self.fresh: dict[tuple, str] = {}  # rendered in this process since fresh_rows() was last called

    def prepare(self, needed: list[tuple[str, object]], macro_for, processes: int, bare: bool = False) -> None:
        """Makes the rows of `needed` (language, list entry) pairs ready, bare or not: from the
        cache, or rendered with `macro_for(lang)`, on every core."""
        missing = []
        for lang, entry in needed:
            key = (lang, entry.person.id, None, False, bare)
            if key not in self.rows and not self._from_cache(key):
                missing.append((lang, entry))
        if missing:
            progress = self.steps.start("Table rows")

            def done(chunk):
                done.count += len(chunk)
                progress.update(f"{count(done.count)} of {count(len(missing))}")
            done.count = 0
            macros = {}

            def render(item):
                lang, entry = item
                if lang not in macros:
                    macros[lang] = macro_for(lang)
                return str(macros[lang](entry, None, False, ROOT, bare))
            rendered = fork_map(render, missing, processes, chunk=256, on_chunk=done, renew_after=8)
            for (lang, entry), html in zip(missing, rendered):
                self.rows[(lang, entry.person.id, None, False, bare)] = html
            progress.done(f"{count(len(missing))} rendered")

    def install(self, env, lists: dict, context: dict, processes: int, bare: bool = False) -> None:
        """Makes every public person's row in every language ready (`lists`: language -> the
        PeopleList of everyone; `bare`: the bare rows), and gives the templates
        `people_rows()`, which joins a list's rows; `context`: what the rows are rendered with
        besides the language."""
        module = env.get_template("_people.html")

        def macro_for(lang):
            return module.make_module({**context, "lang": lang}).person_row
        self.prepare([(lang, entry) for lang, everyone in lists.items() for entry in everyone], macro_for, processes,
                     bare)

        @pass_context
        def people_rows(render_context, macro, people, anchor=None, bare=False):
            return self.html(macro, render_context["lang"], people, anchor, render_context["SITEURL"], bare)
        env.globals["people_rows"] = people_rows

    def html(self, macro, lang: str, people, anchor: str | None, root: str, bare: bool = False) -> Markup:
        """The table rows of `people`, as a list page in `lang` whose root is `root` shows them
        (without the white space around them: the template places them)."""
        opening = people.first_of_letter()
        parts = []
        for entry in people:
            opens = entry.person.id in opening
            key = (lang, entry.person.id, anchor, opens, bare)
            row = self.rows.get(key)
            if row is None and not self._from_cache(key):
                row = self.rows[key] = self.fresh[key] = str(macro(entry, anchor, opens, ROOT, bare))
            parts.append(row or self.rows[key])
        return Markup("".join(parts).strip().replace(ROOT, str(escape(root))))

    def fresh_rows(self) -> dict[tuple, str]:
        """The rows rendered here since the last call (a worker sends them to the build)."""
        fresh, self.fresh = self.fresh, {}
        return fresh

    def add(self, rows: dict[tuple, str]) -> None:
        self.rows.update(rows)

    def save(self) -> None:
        """Keeps this build's rows (and only those: a removed person's rows go)."""
        kept = {key: (self.digests[key[1]], html) for key, html in self.rows.items()}
        if kept != self.known:
            self.store.save(kept)

    def _from_cache(self, key: tuple) -> bool:
        cached = self.known.get(key)
        if cached is not None and cached[0] == self.digests.get(key[1]):
            self.rows[key] = cached[1]
            return True
        return False
