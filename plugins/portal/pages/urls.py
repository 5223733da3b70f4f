"""URLs and output paths of the portal's pages and files, from settings named after each kind.

As with Pelican's own ARTICLE_URL / ARTICLE_SAVE_AS, a kind `person` is configured by
PERSON_URL and PERSON_SAVE_AS (pages/kinds.py gives every page kind's; pelicanconf.py the
files', such as BADGE_URL); changing the layout of the site is a settings change.
"""
from __future__ import annotations

from dataclasses import dataclass

from .kinds import KINDS_BY_ID


class Urls:
    def __init__(self, settings: dict):
        self.settings = settings
        self._patterns: dict[tuple[str, str], str] = {}  # (kind, "URL" or "SAVE_AS") -> pattern: asked 100,000 times

    def url(self, kind: str, **fields) -> str:
        return self._pattern(kind, "URL").format(**fields)

    def save_as(self, kind: str, **fields) -> str:
        return self._pattern(kind, "SAVE_AS").format(**fields)

    def _pattern(self, kind: str, suffix: str) -> str:
        found = self._patterns.get((kind, suffix))
        if found is None:
            page_kind = KINDS_BY_ID.get(kind)
            name = f"{page_kind.setting_name if page_kind else kind.upper()}_{suffix}"
            if name in self.settings or page_kind is None:
                found = self.settings[name]
            else:
                found = page_kind.url if suffix == "URL" else page_kind.save_as
            self._patterns[(kind, suffix)] = found
        return found


@dataclass(frozen=True)
class CardFile:
    url: str
    save_as: str
    media_type: str


def card_file(urls: Urls, lang: str, person=None) -> CardFile:
    """The card of a person's page, or of the home page when `person` is None or the people's
    cards are turned off (PERSON_CARD_SAVE_AS = "", as Pelican turns off a kind of page). A
    photo makes the card a JPEG: as a PNG it was four times the bytes and twenty times the
    encoding time. Text alone is a palette PNG, smaller and sharper than any JPEG of it."""
    if person is None or not urls.settings.get("PERSON_CARD_SAVE_AS"):
        return CardFile(urls.url("home_card", lang=lang), urls.save_as("home_card", lang=lang), "image/png")
    ext, media_type = ("jpg", "image/jpeg") if person.photo else ("png", "image/png")
    fields = {"lang": lang, "id": person.id, "ext": ext}
    return CardFile(urls.url("person_card", **fields), urls.save_as("person_card", **fields), media_type)
