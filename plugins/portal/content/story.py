"""A person's story: Markdown in one or more languages, rendered to sanitised HTML.

A story in more than one language is one body split by marker lines:

    <!-- lang: be -->
    Беларускі тэкст…
    <!-- lang: ru -->
    Русский текст…

The markers are HTML comments, so they are invisible wherever the file is previewed.
Text before the first marker is in the language `story_lang` names; without it, the
language is recognised from the letters (і and ў are Belarusian, и, щ and ъ Russian,
Latin script English).

The story is untrusted input: only an allow-list of tags and attributes survives (nh3,
the Rust ammonia sanitiser), so no script, style, event handler, iframe or javascript:
URL reaches a page.
"""
from __future__ import annotations

import re

import markdown
import nh3

_MARKER = re.compile(r"^[ \t]*<!--\s*lang\s*:\s*([A-Za-z-]+)\s*-->[ \t]*$", re.M)

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "a", "ul", "ol", "li", "blockquote",
    "h2", "h3", "h4", "code", "pre", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}



def split_languages(body: str, body_line: int, declared: str | None, languages: list[str]):
    """Returns ({lang: markdown}, [(line, bad_lang)]) for the parts of the body."""
    parts: dict[str, str] = {}
    unknown: list[tuple[int, str]] = []
    markers = list(_MARKER.finditer(body))
    lead = body[: markers[0].start()] if markers else body
    if lead.strip():
        parts[declared or guess_language(lead)] = lead
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(body)
        lang = marker.group(1).lower()
        text = body[marker.end():end]
        if lang not in languages:
            unknown.append((body_line + body.count("\n", 0, marker.start()), lang))
        elif text.strip():
            parts[lang] = parts.get(lang, "") + text
    return parts, unknown


def guess_language(text: str) -> str:
    belarusian = sum(text.count(c) for c in "іўІЎ")
    russian = sum(text.count(c) for c in "ищъИЩЪ")
    if belarusian or russian:
        return "be" if belarusian > russian else "ru"
    return "en"


class StoryRenderer:
    """Markdown to sanitised HTML, with one converter for all the stories a reader renders
    (making one costs more than converting a story)."""

    def __init__(self):
        # Headings start at <h2>: the person's name is the page's <h1>.
        self.markdown = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"baselevel": 2}},
                                          output_format="html")

    def render(self, markdown_text: str) -> str:
        self.markdown.reset()
        html = self.markdown.convert(markdown_text)
        return nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="nofollow noopener noreferrer",
            strip_comments=True,
        )
