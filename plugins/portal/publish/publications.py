"""The files a build publishes besides the pages, for journalists, campaigns and other sites:
today's totals and who can receive letters, the people the search page finds and the long
lists filter, the birthday calendars (everyone's and each institution's, per language), the
totals over time (JSON and CSV), the open data, the counter badges, the maintainers' OpenPGP
keys and, with SITEURL, the share cards and the Atom feeds of people added and of status
changes. Everything here reads the validated content, the figures and the photos, never the
content files.
"""
from __future__ import annotations

import json
import logging
import os

from ..cache.keys import Keys
from ..cache.outputs import Outputs
from ..cache.store import Store, cache_folder
from ..content.model import Content
from ..figures.summary import Figures
from ..images.fonts import font_files
from ..images.photos import Photos
from ..images.sharecards import ShareCards, as_of_text
from ..language.language import Languages
from ..language.name_keys import name_keys
from ..pages.listing import PeopleList, entries_for
from ..pages.urls import Urls
from ..workers.progress import Steps
from .badge import badge_svg
from .calendars import Calendars
from .feeds import people_feed
from .letters import letters_data
from .opendata import OpenData
from .people_lists import people_list_data
from .people_search import name_spellings, people_search_data
from .totals_files import letters_json, series_csv, series_json, totals_json

logger = logging.getLogger(__name__)


class Publications:
    def __init__(self, settings: dict, output_path: str, content: Content, figures: Figures, languages: Languages,
                 urls: Urls, photos: Photos, keys: Keys, key: str, outputs: Outputs, processes: int = 1,
                 steps: Steps | None = None, lists: dict[str, PeopleList] | None = None):
        """`key`: what every file here may show (every record and photo, the figures, and the
        "file" recipe of cache/keys.py): a rebuild with none of it changed keeps the files.
        `lists`: the public people as each language lists them, where the pages' plan has them."""
        self.settings, self.output_path, self.content, self.figures = settings, output_path, content, figures
        self.lists = lists or {}
        self.languages, self.urls, self.photos, self.keys = languages, urls, photos, keys
        self.key, self.outputs, self.processes, self.steps = key, outputs, processes, steps or Steps()

    def write_all(self) -> None:
        settings, content, totals, series = self.settings, self.content, self.figures.totals, self.figures.series
        public = content.public_people
        self.write(settings["TOTALS_SAVE_AS"], lambda: totals_json(content, totals))
        self.write(settings["LETTERS_SAVE_AS"], lambda: letters_json(public, totals))
        for language in self.languages:
            self.write(settings["LETTERS_DATA_SAVE_AS"].format(lang=language.code),
                       lambda language=language: letters_data(public, language, self.urls, settings["LETTER_COUNTRY"],
                                                              totals))
        self.write_calendars()
        self.write_people_search()
        if settings.get("PEOPLE_LIST_SAVE_AS"):
            for language in self.languages:
                self.write(settings["PEOPLE_LIST_SAVE_AS"].format(lang=language.code),
                           lambda language=language: compact(
                               people_list_data(self.listed(language), language, self.urls,
                                                self.photos.renditions)))
        self.write(settings["TOTALS_HISTORY_SAVE_AS"], lambda: series_json(content, series))
        self.write(settings["TOTALS_HISTORY_CSV_SAVE_AS"], lambda: series_csv(content, series))
        open_data = OpenData(content, totals, self.languages.codes, self.urls, self.photos.renditions, settings)
        for name, make in open_data.files().items():
            self.write(settings["OPEN_DATA_SAVE_AS"].format(name=name), make)
        fonts = font_files(settings)
        for language in self.languages:
            self.write(self.urls.save_as("badge", lang=language.code),
                       lambda language=language: badge_svg(language.gettext("Political prisoners of Belarus"),
                                                           language.number(totals.total), as_of_text(language, totals),
                                                           fonts))
        # The maintainers' OpenPGP keys, as the content folder has them (the contact page links them).
        for key in content.contacts.keys:
            self.write(self.urls.save_as("contact_key", name=key.name), lambda key=key: key.data)
        # Share cards and feeds name pages and images by absolute address (a page names its card
        # in og:image): without SITEURL (a development build) no page names a card and no feed
        # could be followed, so neither is made, like the sitemap.
        if not settings.get("SITEURL"):
            return
        cards = ShareCards(settings, self.urls, self.output_path, self.languages, self.photos, self.keys,
                           outputs=self.outputs, processes=self.processes, steps=self.steps)
        drawn = cards.write_all(public, totals)
        logger.info("Share cards: %d drawn, %d copied from the cache", drawn, cards.copied)
        if settings.get("PEOPLE_FEED_SAVE_AS"):
            for language in self.languages:
                self.write(settings["PEOPLE_FEED_SAVE_AS"].format(lang=language.code),
                           lambda language=language: people_feed(public, totals.as_of, language, settings, self.urls))

    def write_calendars(self) -> None:
        """The birthday calendars (publish/calendars.py): everyone's in each language and, for
        organisers, each institution's (one for every institution page, empty or not, so that a
        subscription never meets a missing file). An empty *_SAVE_AS setting turns one off."""
        settings = self.settings
        everyone, each = settings.get("BIRTHDAYS_CALENDAR_SAVE_AS"), settings.get("INSTITUTION_CALENDAR_SAVE_AS")
        if not everyone and not each:
            return
        calendars = Calendars(self.content.public_people, settings, self.urls, self.figures.totals.as_of)
        for language in self.languages:
            if everyone:
                self.write(self.urls.save_as("birthdays_calendar", lang=language.code),
                           lambda language=language: calendars.birthdays(language))
            if each:
                for institution in self.content.institutions.values():
                    self.write(self.urls.save_as("institution_calendar", lang=language.code, id=institution.id),
                               lambda institution=institution, language=language:
                               calendars.institution(institution, language))

    def write_people_search(self) -> None:
        """Per language, the people the search page finds by name (publish/people_search.py):
        compact, for it is fetched by every search, and each name's keys folded once."""
        save_as = self.settings.get("PEOPLE_SEARCH_SAVE_AS")
        if not save_as:
            return
        public = self.content.public_people
        keys: dict[str, str] = {}

        def folded() -> dict[str, str]:
            """Each person's keys, folded only when a file is made and only for names the last
            build did not fold (the build cache): folding all 10,000 takes three seconds, most
            of a rebuild after one edited record."""
            if not keys:
                store = Store(cache_folder(self.settings), "name-keys", self.keys.recipe("file"))
                known = store.load()
                folded_now = {}
                for person in public:
                    names = repr(sorted(person.name.values.items()))
                    found = known.get(names)
                    if found is None:
                        found = " ".join(name_keys(name_spellings(person)))
                    folded_now[names] = keys[person.id] = found
                if folded_now != known:
                    store.save(folded_now)
            return keys
        for language in self.languages:
            self.write(save_as.format(lang=language.code), lambda language=language: compact(
                people_search_data(self.listed(language), language, self.urls, self.photos.renditions,
                                   folded())))

    def listed(self, language) -> PeopleList:
        """The public people as `language` lists them: the plan's, sorted once for pages and files."""
        if language.code not in self.lists:
            self.lists[language.code] = entries_for(self.content.public_people, language)
        return self.lists[language.code]

    def write(self, save_as: str, make) -> None:
        """The file made by `make()` (a dict is written as JSON, text as it is, UTF-8 with the
        line ends as given; bytes as they are), unless the last build left it from the same key."""
        if self.outputs.unchanged(save_as, self.key):
            return
        content = make()
        if isinstance(content, dict):
            content = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        target = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as stream:
            stream.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        self.outputs.wrote(save_as, self.key)  # or the next build would leave it behind when no longer made


def compact(data: dict) -> str:
    """JSON without the white space, for the files a page's script fetches."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
