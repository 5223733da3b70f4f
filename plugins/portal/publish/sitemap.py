"""sitemap.xml: every page of every language; and robots.txt, which names it.

Every page names its translations in its own head (<link rel="alternate" hreflang>), which
search engines take as they take a sitemap's; repeating them here was a third of the sitemap
(10 MB at 10,000 people). The sitemap gives them only where it says what no page can: the
home pages' x-default, the root page that chooses a language.

A sitemap needs absolute addresses, so it is written only when SITEURL is set (make publish).
The protocol allows 50,000 addresses and 50 MB per file (sitemaps.org): at 30,000 people a
site has some 90,000 pages, so when the entries do not fit in one file they are split into
sitemap-1.xml, sitemap-2.xml… and sitemap.xml becomes the index that lists them. A small
site keeps a single sitemap.xml.
"""
from __future__ import annotations

import posixpath
from xml.sax.saxutils import quoteattr, escape

# The protocol's limits of one file (https://www.sitemaps.org/protocol.html).
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024

_URLSET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')
_URLSET_TAIL = "</urlset>\n"


def url_entries(site_url: str, pages: list[dict[str, str]]) -> list[str]:
    """One <url> element per page and language; `pages`: for each page, language -> URL of
    that page in that language."""
    base = site_url.rstrip("/") + "/"
    entries = []
    for alternates in pages:
        for url in alternates.values():
            lines = [f"<url><loc>{escape(base + url)}</loc>"]
            if "x-default" in alternates:
                for lang, other in alternates.items():
                    lines.append(f'  <xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(base + other)}/>')
            lines.append("</url>")
            entries.append("\n".join(lines) + "\n")
    return entries


def sitemap_files(site_url: str, pages: list[dict[str, str]], save_as: str = "sitemap.xml",
                  max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> dict[str, str]:
    """The files to write, name (relative to the output folder) -> text: `save_as` alone when
    every entry fits in one file of max_urls addresses and max_bytes bytes; otherwise the
    parts, each within both limits, and `save_as` as their index."""
    entries = url_entries(site_url, pages)
    parts = _split(entries, max_urls, max_bytes - len(_URLSET_HEAD) - len(_URLSET_TAIL))
    if len(parts) > max_urls:
        raise ValueError(f"{len(parts)} sitemaps are more than one index may list ({max_urls})")
    if len(parts) <= 1:
        return {save_as: _URLSET_HEAD + "".join(entries) + _URLSET_TAIL}
    folder, name = posixpath.split(save_as)
    stem, extension = posixpath.splitext(name)
    base = site_url.rstrip("/") + "/"
    files = {}
    index = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for number, part in enumerate(parts, 1):
        part_name = posixpath.join(folder, f"{stem}-{number}{extension}")
        files[part_name] = _URLSET_HEAD + "".join(part) + _URLSET_TAIL
        index.append(f"<sitemap><loc>{escape(base + part_name)}</loc></sitemap>")
    index.append("</sitemapindex>")
    return {save_as: "\n".join(index) + "\n", **files}


def _split(entries: list[str], max_urls: int, max_bytes: int) -> list[list[str]]:
    """The entries in order, in parts of at most max_urls entries and max_bytes bytes (UTF-8)."""
    parts: list[list[str]] = []
    part: list[str] = []
    size = 0
    for entry in entries:
        length = len(entry.encode("utf-8"))
        if part and (len(part) == max_urls or size + length > max_bytes):
            parts.append(part)
            part, size = [], 0
        part.append(entry)
        size += length
    if part:
        parts.append(part)
    return parts


def robots_txt(site_url: str, sitemap_save_as: str) -> str:
    """Every crawler may read every page (the pages that must not be indexed say so in their
    <meta name="robots">); the sitemap, or the index of sitemaps, is named with its address."""
    return f"User-agent: *\nDisallow:\n\nSitemap: {site_url.rstrip('/')}/{sitemap_save_as}\n"
