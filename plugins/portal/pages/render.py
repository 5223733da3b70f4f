"""Writing the portal's pages: each page is a job, rendered on every core, and only when its
inputs changed.

The generator describes each page as a PageJob: where it goes, its template, the context
Pelican's writer gets, and its key. The key is a digest of the site digest (what every page
may show: the plugin's code, the theme, the catalogs, the settings, the data files and text
pages, and the date of the figures) and of what this page shows besides, which the
generator names for each kind of page (`depends`): the person's record and photo for a
person page, the listed people for a list page, the totals, or by default every record.
A page whose key and file are as the last build left them is not rendered again
(outputs.py).

The pages to render are shared among forked workers (parallel.py), heaviest first. Each
renders with Pelican's writer, so relative URLs, the context Pelican adds and its
content_written signal are those of any Pelican page (a receiver of that signal runs in
the worker), and sends back the size and time of the file it wrote and the table rows it
had to render (rows.py), which this process records for the next build.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from ..cache import outputs as outputs_module
from ..workers import fork as parallel
from ..workers.progress import Progress, count


@dataclass
class PageJob:
    save_as: str
    template: object  # a Jinja template
    key: str
    lang: str | None
    url: str
    relative_urls: bool
    context: dict = field(default_factory=dict)  # the page's own variables, besides Pelican's context
    weight: int = 1  # how much work the page is (people in its table), to hand out the big ones first


def write_pages(jobs: list[PageJob], writer, context: dict, outputs, rows, processes: int) -> dict[str, int]:
    """Renders the jobs whose page is not as the last build left it; returns pages written per language."""
    todo = [job for job in jobs if not outputs.unchanged(job.save_as, job.key)]
    todo.sort(key=lambda job: -job.weight)  # stable: within a weight, the generator's order
    total = Counter(job.lang for job in todo)
    written: Counter = Counter()
    progress = Progress("Writing pages")

    def render(job: PageJob):
        writer.write_file(job.save_as, job.template, context, relative_urls=job.relative_urls, url=job.url,
                          **job.context)
        status = os.stat(os.path.join(writer.output_path, job.save_as))
        return job.lang, (status.st_size, status.st_mtime_ns), rows.fresh_rows()

    def arrived(chunk):
        written.update(lang for lang, _, _ in chunk)
        progress.update(" · ".join(f"{lang} {count(written[lang])}/{count(total[lang])}" for lang in total if lang))

    # Chunks small enough that both cores stay busy to the end, big enough to cost little.
    chunk = max(1, min(64, len(todo) // (processes * 16) or 1))
    # The files are recorded below, from the results: not again by the writer's signal.
    active, outputs_module.active = outputs_module.active, None
    try:
        results = parallel.fork_map(render, todo, processes, chunk=chunk, on_chunk=arrived)
    finally:
        outputs_module.active = active
    for job, (_, status, fresh) in zip(todo, results):
        outputs.wrote(job.save_as, job.key, status)
        rows.add(fresh)
    progress.done(" · ".join(f"{lang} {count(written[lang])}" for lang in total if lang)
                  + f" written, {count(len(jobs) - len(todo))} unchanged")
    return dict(written)
