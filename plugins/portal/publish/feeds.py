"""An Atom feed per language of the public records: people added and their status changes.

A separate feed from the one of the text pages (generator._write_feeds): the records change
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


class _StableAtomFeed(Atom1Feed):
    """The feed's <updated> is the date of the figures, not the clock: two builds are identical."""

    def __init__(self, *args, as_of: datetime.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.as_of = as_of

    def latest_post_date(self):
        return max([self.as_of, *(item["updateddate"] for item in self.items)])


def people_feed(site, lang: str, settings: dict, urls, gettext_in, date_in) -> str:
    """The feed in `lang`: the newest PEOPLE_FEED_MAX_ITEMS entries, newest first."""
    languages = settings["PORTAL_LANGUAGES"]
    fallbacks = languages[lang].get("fallback", [])
    zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    base = settings["SITEURL"].rstrip("/") + "/"

    def when(day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(0), tzinfo=zone)

    def text(localized) -> str:
        picked = localized.pick(lang, fallbacks) if localized else None
        return picked.value if picked else ""

    def say(message: str, **values) -> str:
        # The summary is HTML to feed readers: the texts from records are escaped.
        return message % {key: date_in(lang, value) if isinstance(value, datetime.date) else escape(value)
                          for key, value in values.items()}

    entries = []
    for person in site.public_people:
        link = base + urls.url("person", lang=lang, id=person.id)
        name = text(person.name)
        since = person.history[-1].date if person.history else person.status_since
        label = text(person.category.label)
        summary = say(gettext_in(lang, "%(status)s since %(date)s"), status=label, date=since) if since else escape(label)
        entries.append(dict(
            title=f"{name}: {label}", link=link, unique_id=link,
            description=summary + ". " + say(gettext_in(lang, "Record last checked: %(date)s"), date=person.updated),
            updateddate=when(person.updated)))
        for before, change in zip(person.history, person.history[1:]):
            entries.append(dict(
                title=f"{name}: {text(change.category.label)}", link=link,
                unique_id=f"{link}#status-{change.date.isoformat()}",
                description=say(gettext_in(lang, "From %(date)s: %(status)s (before: %(before)s)."), date=change.date,
                                status=text(change.category.label), before=text(before.category.label)),
                pubdate=when(change.date), updateddate=when(change.date)))
    entries.sort(key=lambda entry: (entry["updateddate"], entry["unique_id"]), reverse=True)
    title = gettext_in(lang, "Political prisoners of Belarus")
    home = base + urls.url("home", lang=lang)
    newest = max((person.updated for person in site.people), default=datetime.date(2020, 8, 1))
    feed = _StableAtomFeed(
        title=f"{title}: {gettext_in(lang, 'people added and status changes')}", link=home,
        description=gettext_in(lang, "New records of political prisoners and persecuted people, and changes of status."),
        language=lang, author_name=title, feed_url=base + settings["PEOPLE_FEED_SAVE_AS"].format(lang=lang),
        feed_guid=base + settings["PEOPLE_FEED_SAVE_AS"].format(lang=lang), as_of=when(newest))
    for entry in entries[: settings.get("PEOPLE_FEED_MAX_ITEMS", 100)]:
        feed.add_item(**entry)
    return feed.writeString("utf-8")
