"""Text given in one or more of the site's languages, picked for a page's language."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A piece of text and the language it is really in (None when unknown)."""

    value: str
    lang: str | None
    is_fallback: bool  # True when the page's language had no text and another was used

    def __str__(self) -> str:
        return self.value


class Localized:
    """Values keyed by language code; `pick` falls back along the language's order.

    A value with no known language (free text in a record) is stored under None and is
    shown as it is in every language.
    """

    __slots__ = ("values",)

    def __init__(self, values: dict[str | None, str]):
        self.values = {k: v for k, v in values.items() if isinstance(v, str) and v.strip()}

    def __bool__(self) -> bool:
        return bool(self.values)

    def __repr__(self) -> str:
        return f"Localized({self.values!r})"

    def pick(self, lang: str, fallbacks: list[str]) -> Text | None:
        if None in self.values:
            return Text(self.values[None], None, False)
        for candidate in [lang, *fallbacks]:
            if candidate in self.values:
                return Text(self.values[candidate], candidate, candidate != lang)
        return None
