"""What breaks at size, tried on small sites with small limits: the sitemap past its limit of
addresses, the search step when Pagefind fails."""
from __future__ import annotations

import stat
from xml.etree import ElementTree

import pytest

from conftest import build, person, read
from portal.publish.search_index import SearchIndexError

FILES = {
    "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}),
    "people/olga-where.md": person("released", name={"en": "Olga Where"}),
}


def test_a_failing_pagefind_stops_the_build_with_its_message_and_keeps_the_last_index(tmp_path, monkeypatch):
    output = build(tmp_path, FILES, ("data", "pages"))
    index = sorted(path.relative_to(output) for path in (output / "pagefind").rglob("*"))
    assert index
    # The next build changes a text page, so the index is made again, by a Pagefind that fails.
    guide = tmp_path / "content" / "pages" / "how-to-write.en.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho \"cannot index: no space left on device (TMPDIR=$TMPDIR)\" >&2\nexit 101\n",
                    encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    with pytest.raises(SearchIndexError) as raised:
        build(tmp_path, None)
    message = str(raised.value)
    scratch = tmp_path / "cache" / "portal" / "scratch"
    assert message.splitlines()[0] == "The search index was not made: Pagefind exited with status 101."
    assert f"    cannot index: no space left on device (TMPDIR={scratch}/search-" in message
    assert "/dev/shm" not in message
    assert sorted(path.relative_to(output) for path in (output / "pagefind").rglob("*")) == index
    assert list(scratch.iterdir()) == []


SITE_URL = "https://example.org/portal"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_past_its_limit_the_sitemap_is_an_index_named_by_robots_txt(tmp_path):
    output = build(tmp_path, FILES, SITEURL=SITE_URL, SITEMAP_MAX_URLS=30)
    index = ElementTree.fromstring(read(output, "sitemap.xml"))
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    parts = [entry.findtext("s:loc", namespaces=NS) for entry in index.findall("s:sitemap", NS)]
    assert len(parts) > 2 and parts[0] == f"{SITE_URL}/sitemap-1.xml"
    listed = []
    for address in parts:
        part = ElementTree.fromstring(read(output, address.removeprefix(SITE_URL + "/")))
        entries = [entry.findtext("s:loc", namespaces=NS) for entry in part.findall("s:url", NS)]
        assert 0 < len(entries) <= 30
        listed += entries
    assert len(listed) == len(set(listed))
    assert f"{SITE_URL}/en/people/ivan-ivanau/" in listed and f"{SITE_URL}/be/people/" in listed
    assert read(output, "robots.txt") == f"User-agent: *\nDisallow:\n\nSitemap: {SITE_URL}/sitemap.xml\n"
    # With room for every address in one file, the next build writes one, and the parts go.
    build(tmp_path, None, SITEURL=SITE_URL)
    sitemap = ElementTree.fromstring(read(output, "sitemap.xml"))
    assert [entry.findtext("s:loc", namespaces=NS) for entry in sitemap.findall("s:url", NS)] == listed
    assert not list(output.glob("sitemap-*.xml"))
