"""URLs and output paths of the portal's pages, from settings named after each page kind.

As with Pelican's own ARTICLE_URL / ARTICLE_SAVE_AS, a kind `person` is configured by
PERSON_URL and PERSON_SAVE_AS; changing the layout of the site is a settings change.
"""
from __future__ import annotations


class Urls:
    def __init__(self, settings: dict):
        self.settings = settings

    def url(self, kind: str, **fields) -> str:
        return self.settings[f"{kind.upper()}_URL"].format(**fields)

    def save_as(self, kind: str, **fields) -> str:
        return self.settings[f"{kind.upper()}_SAVE_AS"].format(**fields)
