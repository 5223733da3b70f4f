"""The Pelican generator of the portal: reads the content once, writes every language.

generate_context() loads and validates all records (stopping the build on any problem
before anything is written) and computes the totals; generate_output() writes, for each
language in one pass, the home page, the people list, a page per status category, a page
per public person (and a redirect from each of their old ids), the places of detention,
the birthdays, the help, numbers and open data pages and the embeddable counter; then the
language-neutral files (root and 404 pages, photos, data/*.json, and publications.py's open
data, badges, share cards and feeds of people, and with SITEURL the sitemap and the feeds).

Pages are not written as they are described: each `_write` adds a job with the digest of
what the page shows (`depends`), and pages.py renders the jobs on every core, skipping the
pages that are as the last build left them (see cache.py, outputs.py, rows.py).
"""
from __future__ import annotations

import datetime
import json
import logging
import os
from pathlib import Path

from jinja2 import pass_context
from pelican.generators import Generator

from ..cache import outputs
from ..publish import search_index as search
from ..cache.digests import cache_folder, code_version, digest, settings_digest, stable_repr, tree_digest
from ..language.collation import sort_key_for
from ..pages.listing import PeopleList, entries_for
from ..pages.render import PageJob, write_pages
from ..workers.fork import processes_for
from ..images.photos import PhotoWriter
from ..workers.progress import Progress, count, save_steps
from ..publish.publications import prepare_publications, write_publications
from ..pages.rows import Rows
from ..publish.sitemap import sitemap_xml
from ..content.loader import load_site
from ..figures.totals import compute_totals
from ..pages.urls import Urls

# Anchors of the birthdays page: the same in every language, so campaigns can link to them.
MONTH_ANCHORS = ["january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"]

logger = logging.getLogger(__name__)


class PortalGenerator(Generator):
    def generate_context(self):
        self.processes = processes_for(self.settings)
        self.cache = cache_folder(self.settings)
        # Before anything is written: the last build's files are kept where unchanged (outputs.py).
        self.outputs = outputs.Outputs(self.output_path, self.settings)
        self.outputs.start(self.settings.get("OUTPUT_RETENTION", []))
        outputs.active = self.outputs
        self.site = load_site(Path(self.path), self.settings, use_cache=True, processes=self.processes)
        self.totals = compute_totals(self.site)
        self.urls = Urls(self.settings)
        self.languages = list(self.settings["PORTAL_LANGUAGES"])
        self.sort_keys = {lang: sort_key_for(options["alphabet"]) for lang, options in self.settings["PORTAL_LANGUAGES"].items()}
        # Other generators' templates (the statement pages) show the totals too.
        self.context["portal_totals"] = self.totals
        self.context["portal_site"] = self.site
        prepare_publications(self)  # the totals over time and their chart
        logger.info("Read %d people (%d public)", len(self.site.people), len(self.site.public_people))

    def generate_output(self, writer):
        self.sitemap_pages: list[dict[str, str]] = []
        self.jobs: list[PageJob] = []
        photos = self._write_photos()
        public = self.site.public_people
        site = self.site
        self._digests(photos)
        # Before the pages: Pagefind's memory then adds to a smaller build process.
        self._write_search_index(photos)
        for name in self.env.list_templates(extensions=["html"]):
            self.env.get_template(name)  # compiled here once, not in every worker
        everyone_by_lang = {lang: self._people_list(public, lang) for lang in self.languages}
        self._prepare_rows(everyone_by_lang, photos)
        for lang in self.languages:
            everyone = everyone_by_lang[lang]
            common = {"photos": photos, "list_options": lambda plist, lang=lang: plist.options(
                site, lambda localized: self._name_key(localized, lang))}
            self._write(writer, "home", lang, depends=self.totals_digest)
            self._write(writer, "people", lang, people=everyone, depends=self._listed(everyone), **common)
            by_category = everyone.group_by(lambda p: [p.category.id, p.category.group.id])
            for group in site.groups:
                listed = by_category.get(group.id, PeopleList([]))
                self._write(writer, "group", lang, {"id": group.id}, group=group,
                            people=listed, depends=self._listed(listed), **common)
            for category in site.categories.values():
                listed = by_category.get(category.id, PeopleList([]))
                self._write(writer, "status", lang, {"id": category.id}, category=category,
                            people=listed, depends=self._listed(listed), **common)
            by_region = everyone.group_by(lambda p: [p.region.id] if p.region else [])
            self._write(writer, "regions", lang, listed=by_region)
            for region in site.regions.values():
                listed = by_region.get(region.id, PeopleList([]))
                self._write(writer, "region", lang, {"id": region.id}, region=region,
                            people=listed, depends=self._listed(listed), **common)
            by_article = everyone.group_by(lambda p: dict.fromkeys(c.article.id for c in p.articles))
            self._write(writer, "code_articles", lang, listed=by_article)
            for article in site.articles.values():
                listed = by_article.get(article.id, PeopleList([]))
                self._write(writer, "code_article", lang, {"id": article.id}, article=article,
                            people=listed, depends=self._listed(listed), **common)
            for entry in everyone:
                person = entry.person
                self._write(writer, "person", lang, {"id": person.id}, person=person, photo=photos.get(person.id),
                            depends=self.person_digests[person.id])
                for alias in person.aliases:
                    self._write(writer, "person", lang, {"id": alias}, template="redirect", in_sitemap=False,
                                target=self.urls.url("person", lang=lang, id=person.id), person=person,
                                depends=self.person_digests[person.id])
            institutions = sorted(site.institutions.values(), key=lambda i: self._name_key(i.name, lang))
            held = everyone.group_by(lambda p: [p.institution.id] if p.institution else [])
            self._write(writer, "institutions", lang, institutions=institutions, listed=held)
            for institution in institutions:
                listed = held.get(institution.id, PeopleList([]))
                self._write(writer, "institution", lang, {"id": institution.id}, institution=institution,
                            people=listed, depends=self._listed(listed), **common)
            self._write(writer, "birthdays", lang, months=self._birthdays([entry.person for entry in everyone]))
            self._write(writer, "help", lang, depends="")
            self._write(writer, "search", lang, depends="")
            self._write(writer, "numbers", lang)
            self._write(writer, "opendata", lang)
            self._write(writer, "embed_counter", lang, in_sitemap=False)  # a widget for other sites: noindex
        written = write_pages(self.jobs, writer, self.context, self.outputs, self.rows, self.processes)
        self.rows.save()
        for lang in self.languages:
            logger.info("Wrote %d pages in %s", written.get(lang, 0), lang)
        writer.write_file(self.settings["ROOT_SAVE_AS"], self.get_template("root"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url="", lang=None,
                          alternates=self._alternates("home", {}), page_kind="root")
        # The host serves the 404 page at any depth, so its links cannot be relative.
        writer.write_file(self.settings["NOT_FOUND_SAVE_AS"], self.get_template("404"), self.context,
                          relative_urls=False, url="", lang=None,
                          alternates=self._alternates("people", {}), page_kind="404")
        self._write_json(self.settings["TOTALS_SAVE_AS"], self.totals.as_json(self.site))
        self._write_json(self.settings["LETTERS_SAVE_AS"], {
            "as_of": self.totals.as_of.isoformat() if self.totals.as_of else None,
            "people": [p.id for p in public if not p.letters_blocked_by],
        })
        write_publications(self, photos)
        self._write_sitemap()
        self._write_feeds(writer)
        self.outputs.finish()
        save_steps(self.cache)
        outputs.active = None

    def _digests(self, photos):
        """What the keys of the pages are made of (pages.py): the site digest, everything every
        page may show; a digest per person (record and photo); the totals; all people."""
        content = Path(self.path)
        as_of = self.totals.as_of.isoformat() if self.totals.as_of else ""
        self.site_digest = digest(
            code_version(), settings_digest(self.settings), tree_digest(self.theme),
            tree_digest(self.settings["PORTAL_TRANSLATIONS_PATH"]),
            tree_digest(content, skip=(content / self.settings["PORTAL_PEOPLE_PATH"],)), as_of)
        self.person_digests = {person.id: digest(self.site.record_digests[person.id], self.photo_keys.get(person.id, ""))
                               for person in self.site.public_people}
        self.totals_digest = digest(stable_repr(vars(self.totals)))
        self.everyone_digest = digest(self.totals_digest, *sorted(self.person_digests.values()))
        self.rows = Rows(self.cache, self.site_digest, self.person_digests)

    def _listed(self, people: PeopleList) -> str:
        """What a list page shows: the totals and its people (in order), by their digests."""
        return digest(self.totals_digest, "".join(self.person_digests[entry.person.id] for entry in people))

    def _prepare_rows(self, everyone_by_lang, photos):
        """Every public person's table row in every language, ready before the pages are written."""
        module_template = self.get_template("_people")

        def macro_for(lang):
            return module_template.make_module({**self.context, "lang": lang, "photos": photos}).person_row
        needed = [(lang, entry) for lang, everyone in everyone_by_lang.items() for entry in everyone]
        self.rows.prepare(needed, macro_for, self.processes)
        rows = self.rows

        @pass_context
        def people_rows(context, macro, people, anchor=None):
            return rows.html(macro, context["lang"], people, anchor, context["SITEURL"])
        self.env.globals["people_rows"] = people_rows

    def _people_list(self, people, lang) -> PeopleList:
        options = self.settings["PORTAL_LANGUAGES"][lang]
        return entries_for(people, lang, lambda localized: localized.pick(lang, options.get("fallback", [])),
                           self.sort_keys[lang], options["alphabet"])

    def _pick(self, localized, lang) -> str:
        return localized.pick(lang, self.settings["PORTAL_LANGUAGES"][lang].get("fallback", [])).value

    def _name_key(self, localized, lang):
        return self.sort_keys[lang](self._pick(localized, lang))

    @staticmethod
    def _birthdays(people):
        """(anchor, month number, people born that month who can receive letters, by day) for all
        twelve months; only full dates of birth count."""
        born: dict[int, list] = {number: [] for number in range(1, 13)}
        for person in people:
            if isinstance(person.born, datetime.date) and not person.letters_blocked_by:
                born[person.born.month].append(person)
        for month in born.values():
            month.sort(key=lambda p: p.born.day)  # stable: within a day, the list's name order stays
        return [(anchor, number, born[number]) for number, anchor in enumerate(MONTH_ANCHORS, start=1)]

    def _alternates(self, kind, fields):
        return {lang: self.urls.url(kind, lang=lang, **fields) for lang in self.languages}

    def _write(self, writer, kind, lang, fields=None, template=None, in_sitemap=True, depends=None, **page_context):
        """Adds the page to the jobs. `depends`: a digest of what the page shows beyond what every
        page may show (the site digest); None, the default, is every record and the totals."""
        fields = fields or {}
        alternates = self._alternates(kind, fields)
        if in_sitemap and lang == self.languages[0]:
            # The root page, which offers every language, is the home page's x-default.
            self.sitemap_pages.append({**alternates, "x-default": ""} if kind == "home" else alternates)
        template = template or kind
        save_as = self.urls.save_as(kind, lang=lang, **fields)
        people = page_context.get("people")
        self.jobs.append(PageJob(
            save_as, self.get_template(template),
            digest(self.site_digest, template, save_as, self.everyone_digest if depends is None else depends),
            lang, alternates[lang], self.settings["RELATIVE_URLS"],
            dict(lang=lang, alternates=alternates, page_kind=kind, site=self.site, totals=self.totals, **page_context),
            weight=len(people) if people is not None else 1,
        ))

    def _write_photos(self):
        writer = PhotoWriter(self.settings, self.output_path, self.cache, self.outputs, self.processes)
        photos, self.photo_keys = writer.write(self.site.public_people)
        # The share cards are drawn from the largest rendition (sharecards.py).
        self.photo_files = {person_id: writer.file_of(person_id, max(rendition.width for rendition in renditions))
                            for person_id, renditions in photos.items()}
        return photos

    def _write_sitemap(self):
        site_url = self.settings.get("SITEURL")
        if not site_url or not self.settings.get("SITEMAP_SAVE_AS"):
            return
        pelican_pages = []
        for page in self.context.get("pages", []):
            pelican_pages.append({item.lang: item.url for item in sorted([page, *page.translations],
                                                                            key=lambda item: self.languages.index(item.lang))})
        target = os.path.join(self.output_path, self.settings["SITEMAP_SAVE_AS"])
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(sitemap_xml(site_url, self.sitemap_pages + pelican_pages))
        self.outputs.wrote(self.settings["SITEMAP_SAVE_AS"])

    def _write_feeds(self, writer):
        """An Atom feed per language of the dated text pages (the statement, the guides)."""
        if not self.settings.get("SITEURL") or not self.settings.get("FEED_SAVE_AS"):
            return
        pages = [item for page in self.context.get("pages", []) for item in [page, *page.translations]]
        gettext_in = self.env.globals["gettext_in"]
        for lang in self.languages:
            items = sorted((page for page in pages if page.lang == lang and hasattr(page, "date")),
                           key=lambda page: (page.date, page.slug), reverse=True)
            context = {**self.context, "SITENAME": gettext_in(lang, "Political prisoners of Belarus")}
            writer.write_feed(items, context, self.settings["FEED_SAVE_AS"].format(lang=lang))

    def _write_search_index(self, photos):
        """Pagefind's index of the public people and the text pages, one per language; made
        again only when what it holds changed (a name, a status, a region, a photo, a text page)."""
        bundle = self.settings.get("SEARCH_INDEX_PATH")
        if not bundle:
            return
        public = self.site.public_people
        key = digest(self.site_digest, repr([
            (p.id, p.name.values, p.category.id, p.region.id if p.region else None,
             photos[p.id][0].url if p.id in photos else None) for p in public]))
        if self.outputs.unchanged_folder(bundle, key):
            logger.info("The search index is unchanged")
            return
        progress = Progress("Search index")
        records = []
        forms = {person.id: search.name_forms(person) for person in public}
        for lang in self.languages:
            fallbacks = self.settings["PORTAL_LANGUAGES"][lang].get("fallback", [])
            for person in public:
                details = [person.category.label.pick(lang, fallbacks).value]
                if person.region:
                    details.append(person.region.label.pick(lang, fallbacks).value)
                photo = photos.get(person.id)
                records.append(search.person_record(
                    person, lang, self.urls.url("person", lang=lang, id=person.id),
                    person.name.pick(lang, fallbacks).value, details, photo[0].url if photo else None,
                    forms[person.id]))
        for page in self.context.get("pages", []):
            for item in [page, *page.translations]:
                records.append(search.page_record(item.title, item.content, item.lang, item.url))
        search.write_index(records, self.output_path, bundle)
        self.outputs.wrote_folder(bundle, key)
        progress.done(f"{count(len(records))} records indexed")
        logger.info("Indexed %d records for search", len(records))

    def _write_json(self, save_as, data):
        target = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        self.outputs.wrote(save_as)


def days_between(start: datetime.date, end: datetime.date) -> int:
    return (end - start).days


def age_on(born, day: datetime.date) -> int | None:
    """Full years on `day`; None where only the year of birth is known."""
    if not isinstance(born, datetime.date):
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
