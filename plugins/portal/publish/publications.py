"""The files a build publishes besides the pages, for journalists, campaigns and other sites:
the totals over time (JSON and CSV), the open data, the counter badges and, with SITEURL,
the share cards and the Atom feeds of people added and of status changes.

prepare_publications() runs when the portal generator has read the content, and
write_publications() once it has written the pages; everything here reads the
validated site and the totals, never the content files.
"""
from __future__ import annotations

import json
import logging
import os

from .badge import badge_svg
from ..cache.digests import digest
from ..figures.chart import layout as chart_layout
from .opendata import OpenData
from .feeds import people_feed
from ..images.sharecards import ShareCards
from ..figures.over_time import history_start, monthly_series, series_csv, series_json

logger = logging.getLogger(__name__)


def prepare_publications(generator) -> None:
    """In generate_context: the monthly series, and the chart every template may show."""
    generator.series = monthly_series(generator.site, history_start(generator.settings), generator.totals.as_of)
    generator.context["portal_chart"] = chart_layout(generator.series, generator.site.groups)


def write_publications(generator, photos: dict) -> None:
    settings, site, totals, output = generator.settings, generator.site, generator.totals, generator.output_path
    gettext_in = generator.env.globals["gettext_in"]
    ngettext_in = generator.env.globals["ngettext_in"]
    # What every file here may show: every record and photo, the totals, the data files, the
    # settings and the code (pages.py). A rebuild with none of it changed keeps the files.
    key = digest(generator.site_digest, generator.everyone_digest)

    def write(save_as: str, make) -> None:
        """The file made by `make()` (a dict is written as JSON, text as it is; UTF-8 with the
        line ends as given), unless the last build left it from the same key."""
        if generator.outputs.unchanged(save_as, key):
            return
        content = make()
        if isinstance(content, dict):
            content = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        target = os.path.join(output, save_as)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as stream:
            stream.write(content.encode("utf-8"))
        generator.outputs.wrote(save_as, key)  # or the next build would leave it behind when no longer made

    write(settings["TOTALS_HISTORY_SAVE_AS"], lambda: series_json(site, generator.series))
    write(settings["TOTALS_HISTORY_CSV_SAVE_AS"], lambda: series_csv(site, generator.series))
    for name, make in OpenData(site, totals, generator.languages, generator.urls, photos, settings).files().items():
        write(settings["OPEN_DATA_SAVE_AS"].format(name=name), make)
    number_in, date_in = generator.env.globals["number_in"], generator.env.globals["date_in"]
    for lang in generator.languages:
        as_of = gettext_in(lang, "as of %(date)s") % {"date": date_in(lang, totals.as_of)} if totals.as_of else ""
        write(generator.urls.save_as("badge", lang=lang),
              lambda lang=lang, as_of=as_of: badge_svg(gettext_in(lang, "Political prisoners of Belarus"),
                                                       number_in(lang, totals.total), as_of, settings))
    # Share cards and feeds name pages and images by absolute address (a page names its card in
    # og:image): without SITEURL (a development build) no page names a card and no feed could
    # be followed, so neither is made, like the sitemap.
    if not settings.get("SITEURL"):
        return
    cards = ShareCards(settings, generator.urls, output, gettext_in, ngettext_in, number_in, date_in,
                       {person_id: (generator.photo_files[person_id], generator.photo_keys[person_id])
                        for person_id in photos},
                       outputs=generator.outputs, processes=generator.processes)
    drawn = cards.write_all(site, totals, generator.languages)
    logger.info("Share cards: %d drawn, %d copied from the cache", drawn, cards.copied)
    if settings.get("PEOPLE_FEED_SAVE_AS"):
        for lang in generator.languages:
            write(settings["PEOPLE_FEED_SAVE_AS"].format(lang=lang),
                  lambda lang=lang: people_feed(site, lang, settings, generator.urls, gettext_in, date_in))
