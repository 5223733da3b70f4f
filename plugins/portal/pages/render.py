"""Rendering the planned pages (pages/plan.py): on every core, and only those whose key changed.

A page whose key and file are as the last build left them is not rendered again
(cache/outputs.py). The others are shared among forked workers (workers/fork.py), heaviest
first. Each is rendered with Pelican's writer, so relative URLs, the context Pelican adds and
its content_written signal are those of any Pelican page, and the worker sends back the size
and time of the file it wrote and the table rows it had to render (pages/rows.py), which
this process records for the next build.
"""
from __future__ import annotations

import os
from collections import Counter

from ..cache.outputs import Outputs
from ..workers.fork import fork_map
from ..workers.progress import Steps, count
from .plan import PlannedPage
from .rows import Rows


def write_pages(pages: list[PlannedPage], writer, env, context: dict, outputs: Outputs, rows: Rows,
                relative_urls: bool, processes: int, steps: Steps) -> dict[str | None, int]:
    """Renders the pages whose file is not as the last build left it, with `context` (Pelican's,
    without what pages may not read) and each page's own; returns the pages written per language."""
    todo = [page for page in pages if not outputs.unchanged(page.save_as, page.key)]
    todo.sort(key=lambda page: -page.weight)  # stable: within a weight, the plan's order
    total = Counter(page.lang for page in todo)
    written: Counter = Counter()
    progress = steps.start("Writing pages")
    templates = {page.template: env.get_template(f"{page.template}.html") for page in todo}

    def render(page: PlannedPage):
        writer.write_file(page.save_as, templates[page.template], context, url=page.url,
                          relative_urls=relative_urls and page.kind.relative_urls, **page.context)
        status = os.stat(os.path.join(writer.output_path, page.save_as))
        return page.lang, (status.st_size, status.st_mtime_ns), rows.fresh_rows()

    def arrived(chunk):
        written.update(lang for lang, _, _ in chunk)
        progress.update(" · ".join(f"{lang} {count(written[lang])}/{count(total[lang])}" for lang in total if lang))

    # Chunks small enough that both cores stay busy to the end, big enough to cost little.
    chunk = max(1, min(64, len(todo) // (processes * 16) or 1))
    # A worker is renewed every 16 chunks (at most 1,024 pages): see fork_map.
    results = fork_map(render, todo, processes, chunk=chunk, on_chunk=arrived, renew_after=16)
    for page, (_, status, fresh) in zip(todo, results):
        outputs.wrote(page.save_as, page.key, status)
        rows.add(fresh)
    progress.done(" · ".join(f"{lang} {count(written[lang])}" for lang in total if lang)
                  + f" written, {count(len(pages) - len(todo))} unchanged")
    return dict(written)
