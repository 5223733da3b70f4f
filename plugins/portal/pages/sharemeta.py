"""What the Open Graph and Twitter card tags (theme/templates/_share_meta.html) need from Python."""
from __future__ import annotations

import functools

from babel import Locale
from babel.core import get_global


@functools.lru_cache(maxsize=None)  # every page asks, for the same three locales
def open_graph_locale(locale: str) -> str:
    """Open Graph wants language_TERRITORY ("be_BY"); a bare language gets its likely territory."""
    parsed = Locale.parse(locale)
    if not parsed.territory:
        parsed = Locale.parse(get_global("likely_subtags").get(parsed.language, parsed.language))
    return f"{parsed.language}_{parsed.territory}" if parsed.territory else parsed.language
