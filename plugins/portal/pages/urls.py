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

    def letter_url(self, kind: str, letter: str, **fields) -> str | None:
        """The page of a long list's people from one letter on (PageKind.by_letter): a
        folder in the list's own, as long as the list's address is a folder ("be/people/Б/");
        None where it is not (such a list stays one page)."""
        url = self.url(kind, **fields)
        save_as = self.save_as(kind, **fields)
        return url + letter + "/" if url.endswith("/") and save_as == url + "index.html" else None

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
    width: int
    height: int


# A person's card is seen in messengers' and social networks' previews, 600 pixels wide or
# less: it is drawn at twice that and reduced (images/sharecards.py). The home card, one per
# language, keeps the size the networks ask for at most.
PERSON_CARD_SIZE = (600, 315)
HOME_CARD_SIZE = (1200, 630)


def card_file(urls: Urls, lang: str, person=None) -> CardFile:
    """The card a page names in og:image. A person with a photo has one card, the same in every
    language (a JPEG: the photo, the name in Cyrillic and Latin letters); every other page, a
    person's without a photo too, has the home card of its language (a palette PNG: the
    current total). A card of a person's name alone would repeat the preview's title, which
    names them, at the cost of a file per person; PERSON_CARD_SAVE_AS = "" (as Pelican turns
    off a kind of page) gives every page the home card."""
    if person is None or not person.photo or not urls.settings.get("PERSON_CARD_SAVE_AS"):
        return CardFile(urls.url("home_card", lang=lang), urls.save_as("home_card", lang=lang), "image/png",
                        *HOME_CARD_SIZE)
    return CardFile(urls.url("person_card", id=person.id), urls.save_as("person_card", id=person.id), "image/jpeg",
                    *PERSON_CARD_SIZE)
