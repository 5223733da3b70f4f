"""Atom feeds: per language, one of the public records (people added and their status
changes), and one of the text pages.

The people's feed is separate from the text pages' one: the records change
daily and by the thousand and would bury the rare new text, and readers who follow the
statement are not always the ones who follow each person. It needs no git history: a record's
entry is dated with its `updated` date (a corrected record comes back as updated), and each
later entry of its `history` is a status change dated with the day the status began.
Counted-only records are never in it.
"""
from __future__ import annotations

import datetime
from html import escape
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed

from ..content.model import Person
from ..language.language import Language, Languages, fill_in
from ..pages.kinds import PAGE_KINDS
from ..pages.urls import Urls

# The kind of page whose people are the entries of the people's feed (the table's `feed`).
FEED_KIND = next(kind.id for kind in PAGE_KINDS if kind.feed)


class _StableAtomFeed(Atom1Feed):
    """The feed's <updated> is the date of the figures, not the clock: two builds are identical."""

    def __init__(self, *args, as_of: datetime.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.as_of = as_of

    def latest_post_date(self):
        return max([self.as_of, *(item["updateddate"] for item in self.items)])


def people_feed(public_people: list[Person], as_of: datetime.date | None, language: Language, settings: dict,
                urls: Urls) -> str:
    """The feed in `language`: the newest PEOPLE_FEED_MAX_ITEMS entries, newest first."""
    lang = language.code
    zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    base = settings["SITEURL"].rstrip("/") + "/"

    def when(day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(0), tzinfo=zone)

    def say(message: str, **values) -> str:
        # The summary is HTML to feed readers: the texts from records are escaped.
        return fill_in(message, {key: language.date(value) if isinstance(value, datetime.date) else escape(value)
                                 for key, value in values.items()})

    entries = []
    for person in public_people:
        link = base + urls.url(FEED_KIND, lang=lang, id=person.id)
        headline = person.headline(language)
        since = person.history[-1].date if person.history else person.status_since
        summary = (say(language.gettext("%(status)s since %(date)s"), status=headline.status, date=since)
                   if since else escape(headline.status))
        entries.append(dict(
            title=f"{headline.name}: {headline.status}", link=link, unique_id=link,
            description=summary + ". " + say(language.gettext("Record last checked: %(date)s"), date=person.updated),
            updateddate=when(person.updated)))
        for before, change in zip(person.history, person.history[1:]):
            entries.append(dict(
                title=f"{headline.name}: {language.text(change.category.label)}", link=link,
                unique_id=f"{link}#status-{change.date.isoformat()}",
                description=say(language.gettext("From %(date)s: %(status)s (before: %(before)s)."), date=change.date,
                                status=language.text(change.category.label), before=language.text(before.category.label)),
                pubdate=when(change.date), updateddate=when(change.date)))
    entries.sort(key=lambda entry: (entry["updateddate"], entry["unique_id"]), reverse=True)
    title = language.gettext("Political prisoners of Belarus")
    home = base + urls.url("home", lang=lang)
    feed = _StableAtomFeed(
        title=f"{title}: {language.gettext('people added and status changes')}", link=home,
        description=language.gettext("New records of political prisoners and persecuted people, and changes of status."),
        language=lang, author_name=title, feed_url=base + settings["PEOPLE_FEED_SAVE_AS"].format(lang=lang),
        feed_guid=base + settings["PEOPLE_FEED_SAVE_AS"].format(lang=lang),
        as_of=when(as_of or datetime.date(2020, 8, 1)))
    for entry in entries[: settings.get("PEOPLE_FEED_MAX_ITEMS", 100)]:
        feed.add_item(**entry)
    return feed.writeString("utf-8")


def write_text_feeds(writer, context: dict, pages: list, languages: Languages, settings: dict) -> None:
    """An Atom feed per language of the dated text pages (the statement, the guides), written
    by Pelican's own writer."""
    items = [item for page in pages for item in [page, *page.translations]]
    for language in languages:
        dated = sorted((page for page in items if page.lang == language.code and hasattr(page, "date")),
                       key=lambda page: (page.date, page.slug), reverse=True)
        writer.write_feed(dated, {**context, "SITENAME": language.gettext("Political prisoners of Belarus")},
                          settings["FEED_SAVE_AS"].format(lang=language.code))
