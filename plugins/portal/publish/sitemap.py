"""sitemap.xml: every page of every language, with its translations as hreflang links.

A sitemap needs absolute addresses, so it is written only when SITEURL is set (make publish).
"""
from __future__ import annotations

from xml.sax.saxutils import quoteattr, escape


def sitemap_xml(site_url: str, pages: list[dict[str, str]]) -> str:
    """`pages`: for each page, language -> URL of that page in that language."""
    base = site_url.rstrip("/") + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for alternates in pages:
        for url in alternates.values():
            lines.append(f"<url><loc>{escape(base + url)}</loc>")
            if len(alternates) > 1:
                for lang, other in alternates.items():
                    lines.append(f'  <xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(base + other)}/>')
            lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
