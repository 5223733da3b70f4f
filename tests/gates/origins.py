"""No third party: what Chromium requests while it shows a page, and the resource addresses
written in the built HTML and CSS."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from site_suite import PAGE_KINDS, Page, page_of_file

from . import Finding

# Schemes that never leave the browser.
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def foreign_requests(context, site_url: str, pages: list[Page], tabs: int = 8) -> list[Finding]:
    """Opens each page in `context` (a Playwright browser context), logs every request, and
    blocks and reports each one to another origin than the site's. Pages load `tabs` at a
    time, so that their waits for a quiet network (half a second each) overlap."""
    own = origin(site_url)
    findings = []

    def guard(where):
        def check(route):
            url = route.request.url
            if url.startswith(LOCAL_SCHEMES) or origin(url) == own:
                route.continue_()
            else:
                findings.append(Finding(where, "third-party request", url))
                route.abort("blockedbyclient")
        return check

    for start in range(0, len(pages), tabs):
        opened = []
        for where in pages[start:start + tabs]:
            tab = context.new_page()
            tab.route("**/*", guard(where))
            tab.goto(f"{site_url}/{where.path}", wait_until="commit")
            opened.append(tab)
        for tab in opened:
            tab.wait_for_load_state("networkidle")  # requests made after the load count too
            tab.close()
    return findings


# Attributes whose address the browser loads by itself (links and forms wait for a click).
RESOURCE_ATTRIBUTES = {
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",),
    "embed": ("src",), "object": ("data",), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "input": ("src",), "image": ("href",), "use": ("href",),
}
RESOURCE_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                      "prefetch", "preconnect", "dns-prefetch", "manifest", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what, address)
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        names = RESOURCE_ATTRIBUTES.get(tag, ())
        if tag == "link" and RESOURCE_LINK_RELS & set((attrs.get("rel") or "").lower().split()):
            names = ("href",)
        for name in names:
            value = attrs.get(name) or ""
            addresses = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            self.found += [(f"<{tag} {name}>", address.strip()) for address in addresses]
        if attrs.get("style"):
            self.found += [("style attribute", address) for address in _css_addresses(attrs["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found += [("<style>", address) for address in _css_addresses(data)]


def _css_addresses(css: str) -> list[str]:
    return [url or imported for url, imported in CSS_URL.findall(css)]


def absolute_resource_findings(output: Path, own_origin: str | None = None,
                               kinds: dict[str, str] = PAGE_KINDS) -> list[Finding]:
    """Every resource address in the built HTML and CSS that is absolute (https://…, //…)
    and not on `own_origin` (the SITEURL's origin, which the 404 page must use)."""
    findings = []
    for file in sorted(output.rglob("*")):
        if file.suffix not in (".html", ".css"):
            continue
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".css":
            found = [("url() in CSS", address) for address in _css_addresses(text)]
        else:
            parser = _Resources()
            parser.feed(text)
            found = parser.found
        where = page_of_file(file.relative_to(output).as_posix(), kinds)
        for what, address in found:
            if ABSOLUTE.match(address) and not (own_origin and origin(address) == own_origin):
                findings.append(Finding(where, "absolute resource URL", f"{what} loads {address}"))
    return findings
