"""The Pelican generator of the portal: reads the content once, writes every language.

generate_context() loads and validates all records (stopping the build on any problem
before anything is written) and computes the totals; generate_output() writes, for each
language in one pass, the home page, the people list, a page per status category, a page
per public person (and a redirect from each of their old ids), the places of detention,
the birthdays, the help, numbers and open data pages and the embeddable counter; then the
language-neutral files (root and 404 pages, photos, data/*.json, and publications.py's open
data, badges, share cards and feeds of people, and with SITEURL the sitemap and the feeds).
"""
from __future__ import annotations

import datetime
import json
import logging
import os
from pathlib import Path

from pelican.generators import Generator

from . import search
from .collation import sort_key_for
from .listing import PeopleList, entries_for
from .photos import write_renditions
from .publications import prepare_publications, write_publications
from .sitemap import sitemap_xml
from .site import load_site
from .totals import compute_totals
from .urls import Urls

# Anchors of the birthdays page: the same in every language, so campaigns can link to them.
MONTH_ANCHORS = ["january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"]

logger = logging.getLogger(__name__)


class PortalGenerator(Generator):
    def generate_context(self):
        self.site = load_site(Path(self.path), self.settings)
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
        photos = self._write_photos()
        public = self.site.public_people
        site = self.site
        for lang in self.languages:
            everyone = self._people_list(public, lang)
            common = {"photos": photos, "list_options": lambda plist, lang=lang: plist.options(
                site, lambda localized: self._name_key(localized, lang))}
            self._write(writer, "home", lang)
            self._write(writer, "people", lang, people=everyone, **common)
            by_category = everyone.group_by(lambda p: [p.category.id, p.category.group.id])
            for group in site.groups:
                self._write(writer, "group", lang, {"id": group.id}, group=group,
                            people=by_category.get(group.id, PeopleList([])), **common)
            for category in site.categories.values():
                self._write(writer, "status", lang, {"id": category.id}, category=category,
                            people=by_category.get(category.id, PeopleList([])), **common)
            by_region = everyone.group_by(lambda p: [p.region.id] if p.region else [])
            self._write(writer, "regions", lang, listed=by_region)
            for region in site.regions.values():
                self._write(writer, "region", lang, {"id": region.id}, region=region,
                            people=by_region.get(region.id, PeopleList([])), **common)
            by_article = everyone.group_by(lambda p: dict.fromkeys(c.article.id for c in p.articles))
            self._write(writer, "code_articles", lang, listed=by_article)
            for article in site.articles.values():
                self._write(writer, "code_article", lang, {"id": article.id}, article=article,
                            people=by_article.get(article.id, PeopleList([])), **common)
            for entry in everyone:
                person = entry.person
                self._write(writer, "person", lang, {"id": person.id}, person=person, photo=photos.get(person.id))
                for alias in person.aliases:
                    self._write(writer, "person", lang, {"id": alias}, template="redirect", in_sitemap=False,
                                target=self.urls.url("person", lang=lang, id=person.id), person=person)
            institutions = sorted(site.institutions.values(), key=lambda i: self._name_key(i.name, lang))
            held = everyone.group_by(lambda p: [p.institution.id] if p.institution else [])
            self._write(writer, "institutions", lang, institutions=institutions, listed=held)
            for institution in institutions:
                self._write(writer, "institution", lang, {"id": institution.id}, institution=institution,
                            people=held.get(institution.id, PeopleList([])), **common)
            self._write(writer, "birthdays", lang, months=self._birthdays([entry.person for entry in everyone]))
            self._write(writer, "help", lang)
            self._write(writer, "search", lang)
            logger.info("Wrote %d person pages in %s", len(everyone), lang)
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
        for lang in self.languages:
            self._write(writer, "numbers", lang)
            self._write(writer, "opendata", lang)
            self._write(writer, "embed_counter", lang, in_sitemap=False)  # a widget for other sites: noindex
        write_publications(self, photos)
        self._write_sitemap()
        self._write_feeds(writer)
        self._write_search_index(photos)

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
        months = []
        for number, anchor in enumerate(MONTH_ANCHORS, start=1):
            born = [p for p in people if isinstance(p.born, datetime.date) and p.born.month == number
                    and not p.letters_blocked_by]
            born.sort(key=lambda p: p.born.day)  # stable: within a day, the list's name order stays
            months.append((anchor, number, born))
        return months

    def _alternates(self, kind, fields):
        return {lang: self.urls.url(kind, lang=lang, **fields) for lang in self.languages}

    def _write(self, writer, kind, lang, fields=None, template=None, in_sitemap=True, **page_context):
        fields = fields or {}
        alternates = self._alternates(kind, fields)
        if in_sitemap and lang == self.languages[0]:
            # The root page, which offers every language, is the home page's x-default.
            self.sitemap_pages.append({**alternates, "x-default": ""} if kind == "home" else alternates)
        writer.write_file(
            self.urls.save_as(kind, lang=lang, **fields),
            self.get_template(template or kind),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=alternates[lang],
            lang=lang,
            alternates=alternates,
            page_kind=kind,
            site=self.site,
            totals=self.totals,
            **page_context,
        )

    def _write_photos(self):
        photos = {}
        widths = self.settings["PHOTO_WIDTHS"]
        for person in self.site.public_people:
            if person.photo is not None:
                photos[person.id] = write_renditions(
                    person.photo, self.output_path, self.settings["PHOTO_SAVE_AS"],
                    self.settings["PHOTO_URL"], person.id, widths)
        if photos:
            logger.info("Processed %d photos", len(photos))
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
        """Pagefind's index of the public people and the text pages, one per language."""
        if not self.settings.get("SEARCH_INDEX_PATH"):
            return
        records = []
        for lang in self.languages:
            fallbacks = self.settings["PORTAL_LANGUAGES"][lang].get("fallback", [])
            for person in self.site.public_people:
                details = [person.category.label.pick(lang, fallbacks).value]
                if person.region:
                    details.append(person.region.label.pick(lang, fallbacks).value)
                photo = photos.get(person.id)
                records.append(search.person_record(
                    person, lang, self.urls.url("person", lang=lang, id=person.id),
                    person.name.pick(lang, fallbacks).value, details, photo[0].url if photo else None))
        for page in self.context.get("pages", []):
            for item in [page, *page.translations]:
                records.append(search.page_record(item.title, item.content, item.lang, item.url))
        search.write_index(records, self.output_path, self.settings["SEARCH_INDEX_PATH"])
        logger.info("Indexed %d records for search", len(records))

    def _write_json(self, save_as, data):
        target = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=2)
            stream.write("\n")


def days_between(start: datetime.date, end: datetime.date) -> int:
    return (end - start).days


def age_on(born, day: datetime.date) -> int | None:
    """Full years on `day`; None where only the year of birth is known."""
    if not isinstance(born, datetime.date):
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
