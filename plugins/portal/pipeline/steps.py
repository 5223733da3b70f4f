"""The steps of one build of the portal, in order, each taking what the steps before made:

    read:   content files -> checked Content (content/)  -> Figures (figures/)
    write:  photos (images/) -> search index (publish/) -> the plan of pages (pages/plan.py)
            -> table rows and pages (pages/) -> data files, badges, share cards, feeds
            (publish/) -> sitemap, text feeds -> what the last build left and this one did
            not make is removed (cache/outputs.py)

Everything a step makes is kept on the PortalBuild instance, which lives as long as one
build; nothing is kept in modules. Every output's key comes from cache/keys.py.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from ..cache.digests import digest
from ..cache.keys import Keys
from ..cache.outputs import Outputs
from ..cache.store import cache_folder
from ..content.loader import load_content
from ..figures.over_time import history_start
from ..figures.summary import Figures
from ..images.photos import PhotoWriter
from ..language.language import Languages
from ..pages.plan import PageInputs, PagePlan
from ..pages.render import write_pages
from ..pages.rows import Rows
from ..pages.urls import Urls
from ..publish.feeds import write_text_feeds
from ..publish.publications import Publications
from ..publish.search_index import search_records, write_index
from ..publish.sitemap import MAX_URLS, robots_txt, sitemap_files
from ..workers.fork import processes_for
from ..workers.progress import Steps, count
from .reading import CachedReader

logger = logging.getLogger(__name__)

# What a build keeps in the context Pelican shares among its generators (pipeline/hooks.py).
LANGUAGES = "portal_languages"
OUTPUTS = "portal_outputs"  # the record of what this build put in the output folder


class PortalBuild:
    def __init__(self, settings: dict, content_path: Path, output_path: str, context: dict):
        self.settings = settings
        self.content_path = content_path
        self.output_path = output_path
        self.context = context  # Pelican's, shared by every generator of this build
        self.languages: Languages = context.get(LANGUAGES) or Languages.from_settings(settings)
        self.urls = Urls(settings)
        self.processes = processes_for(settings)
        self.cache = cache_folder(settings)
        self.steps = Steps()
        self.keys = Keys(settings, content_path)

    def read(self) -> None:
        """Reads and checks the content (photos included, decoded) and computes the figures. A
        build whose content has a problem stops here, and the output folder stays exactly as
        the last build left it."""
        self.outputs = Outputs(self.output_path, self.settings)
        self.context[OUTPUTS] = self.outputs
        reader = CachedReader(self.cache, self.keys, self.processes, self.steps)
        self.content = load_content(self.content_path, self.settings, read_people=reader, languages=self.languages)
        self.record_digests = reader.digests
        self.figures = Figures.of(self.content, history_start(self.settings))
        # What Pelican's own pages (the statement, the guides) show: the totals, the signatories.
        self.context.update(portal_totals=self.figures.totals, portal_site=self.content.reference,
                            portal_as_of=self.figures.totals.as_of)
        logger.info("Read %d people (%d public)", len(self.content.people), len(self.content.public_people))
        # All is well: an output folder the cache knows nothing of is emptied now, before Pelican
        # writes the text pages (every generator reads before any writes).
        self.outputs.start(self.settings.get("OUTPUT_RETENTION", []))

    def write(self, writer, env) -> None:
        public = self.content.public_people
        self.photos = PhotoWriter(self.settings, self.output_path, self.cache, self.keys, self.outputs,
                                  self.processes, self.steps).write(public)
        person_digests = {person.id: digest(self.record_digests[person.id], self.photos.keys.get(person.id, ""))
                          for person in public}
        self.inputs = PageInputs(self.keys, self.figures, person_digests)
        # Before the pages: Pagefind's memory then adds to a smaller build process.
        self.write_search_index()
        # Made here once, not in every worker: the compiled templates and catalogs.
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)
        for language in self.languages:
            language.catalog
        self.plan = PagePlan(self.languages, self.urls, self.content, self.figures, self.photos.renditions,
                             self.inputs, split_at=self.settings.get("LIST_SPLIT_AT") or None)
        context = self._page_context()
        self.rows = Rows(self.cache, self.inputs.common, person_digests, self.steps)
        self.rows.install(env, self.plan.lists, {**context, "photos": self.photos.renditions}, self.processes,
                          bare=self.plan.cuts_everyone)
        written = write_pages(self.plan.pages, writer, env, context, self.outputs, self.rows,
                              self.settings["RELATIVE_URLS"], self.processes, self.steps)
        self.rows.save()
        for language in self.languages:
            logger.info("Wrote %d pages in %s", written.get(language.code, 0), language.code)
        Publications(self.settings, self.output_path, self.content, self.figures, self.languages, self.urls,
                     self.photos, self.keys, self.file_key(), self.outputs, self.processes, self.steps,
                     lists=self.plan.lists).write_all()
        self.write_sitemap()
        if self.settings.get("SITEURL") and self.settings.get("FEED_SAVE_AS"):
            write_text_feeds(writer, self.context, self.context.get("pages", []), self.languages, self.settings)
        self.outputs.finish()
        self.steps.save(self.cache)

    def _page_context(self) -> dict:
        """Pelican's context as the portal's pages get it: without what a page may read only
        through its kind's `reads` (pages/kinds.py), and without the record of the output
        folder (a worker's pages are recorded from its results)."""
        hidden = {OUTPUTS, "portal_totals"}
        return {key: value for key, value in self.context.items() if key not in hidden}

    def file_key(self) -> str:
        """What every data file, badge and feed may show: every record and photo, the figures."""
        inputs, as_of = self.inputs, self.figures.totals.as_of
        return self.keys.key("file", as_of.isoformat() if as_of else "", inputs.totals, inputs.series, inputs.everyone)

    def write_search_index(self) -> None:
        """Pagefind's index of the text pages, made again only when one of them changed (the
        people are found from publish/people_search.py's files, written with the data files)."""
        bundle = self.settings.get("SEARCH_INDEX_PATH")
        if not bundle:
            return
        records = search_records(self.context.get("pages", []))
        key = self.keys.key("search index", repr(records))
        if self.outputs.unchanged_folder(bundle, key):
            logger.info("The search index is unchanged")
            return
        progress = self.steps.start("Search index")
        write_index(records, self.output_path, bundle, self.scratch_folder())
        self.outputs.wrote_folder(bundle, key)
        progress.done(f"{count(len(records))} pages indexed")
        logger.info("Indexed %d pages for search", len(records))

    def scratch_folder(self) -> str:
        """Where a step puts files it reads back and deletes: on disk, in the build's cache, or
        beside the output folder when the cache is off; never in a memory folder (/dev/shm),
        whose size the build does not know."""
        if self.cache is not None:
            return str(self.cache / "scratch")
        return os.path.join(os.path.dirname(os.path.abspath(self.output_path)), ".portal-scratch")

    def write_sitemap(self) -> None:
        """Every page with its translations, in one sitemap or, past the protocol's limits, in
        several and their index; and robots.txt, which names it. They need absolute addresses,
        so they are written only with SITEURL."""
        site_url, save_as = self.settings.get("SITEURL"), self.settings.get("SITEMAP_SAVE_AS")
        if not site_url or not save_as:
            return
        codes = self.languages.codes
        text_pages = [{item.lang: item.url for item in sorted([page, *page.translations],
                                                              key=lambda item: codes.index(item.lang))}
                      for page in self.context.get("pages", [])]
        files = sitemap_files(site_url, self.plan.sitemap + text_pages, save_as,
                              self.settings.get("SITEMAP_MAX_URLS", MAX_URLS))
        files["robots.txt"] = robots_txt(site_url, save_as)
        for name, text in files.items():
            path = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(text)
            self.outputs.wrote(name)
