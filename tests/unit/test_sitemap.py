"""The sitemap: one file while the protocol's limits allow, past them an index of parts."""
from __future__ import annotations

from xml.etree import ElementTree

import pytest

from portal.publish.sitemap import MAX_BYTES, MAX_URLS, robots_txt, sitemap_files

SITE = "https://example.org/portal"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def pages(count: int) -> list[dict[str, str]]:
    """`count` pages, each in three languages: 3 × count addresses."""
    return [{lang: f"{lang}/people/person-{n}/" for lang in ("be", "ru", "en")} for n in range(count)]


def locs(text: str, tag: str = "url") -> list[str]:
    return [entry.findtext("s:loc", namespaces=NS) for entry in ElementTree.fromstring(text).findall(f"s:{tag}", NS)]


def test_the_protocol_limits_are_50000_addresses_and_50_mib():
    assert (MAX_URLS, MAX_BYTES) == (50_000, 52_428_800)


def test_a_site_within_the_limits_has_one_sitemap():
    files = sitemap_files(SITE, pages(4), max_urls=12)
    assert list(files) == ["sitemap.xml"]
    root = ElementTree.fromstring(files["sitemap.xml"])
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert len(locs(files["sitemap.xml"])) == 12
    first = root.find("s:url", NS)
    assert first.findtext("s:loc", namespaces=NS) == f"{SITE}/be/people/person-0/"
    assert first.findall("x:link", NS) == []  # a page names its translations in its head


def test_the_sitemap_names_the_alternates_of_pages_with_an_x_default_only():
    home = {"be": "be/", "ru": "ru/", "en": "en/", "x-default": ""}
    files = sitemap_files(SITE, [home, *pages(1)])
    entries = ElementTree.fromstring(files["sitemap.xml"]).findall("s:url", NS)
    assert [entry.findtext("s:loc", namespaces=NS) for entry in entries][:4] == [
        f"{SITE}/be/", f"{SITE}/ru/", f"{SITE}/en/", f"{SITE}/"]
    assert {link.get("hreflang"): link.get("href") for link in entries[0].findall("x:link", NS)} == {
        "be": f"{SITE}/be/", "ru": f"{SITE}/ru/", "en": f"{SITE}/en/", "x-default": f"{SITE}/"}
    assert all(entry.findall("x:link", NS) == [] for entry in entries[4:])


def test_past_the_number_of_addresses_the_sitemap_is_an_index_of_parts():
    files = sitemap_files(SITE, pages(4), max_urls=5)
    assert list(files) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = ElementTree.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert locs(files["sitemap.xml"], "sitemap") == [f"{SITE}/sitemap-{n}.xml" for n in (1, 2, 3)]
    parts = [locs(files[f"sitemap-{n}.xml"]) for n in (1, 2, 3)]
    assert [len(part) for part in parts] == [5, 5, 2]
    # Every address once, in the order of one sitemap.
    assert sum(parts, []) == locs(sitemap_files(SITE, pages(4))["sitemap.xml"])


def test_past_the_size_the_sitemap_is_split_too():
    one = sitemap_files(SITE, pages(10))["sitemap.xml"]
    files = sitemap_files(SITE, pages(10), max_bytes=len(one.encode()) // 3)
    assert len(files) == 1 + 4
    for name, text in files.items():
        assert len(text.encode("utf-8")) <= len(one.encode()) // 3, name
    assert sum((locs(files[name]) for name in files if name != "sitemap.xml"), []) == locs(one)


def test_the_parts_are_named_after_the_index_in_its_folder():
    files = sitemap_files(SITE, pages(2), "maps/site.xml", max_urls=3)
    assert list(files) == ["maps/site.xml", "maps/site-1.xml", "maps/site-2.xml"]
    assert locs(files["maps/site.xml"], "sitemap") == [f"{SITE}/maps/site-1.xml", f"{SITE}/maps/site-2.xml"]


def test_more_parts_than_an_index_may_list_is_an_error():
    with pytest.raises(ValueError, match="more than one index may list"):
        sitemap_files(SITE, pages(4), max_urls=3)  # 12 addresses: 4 parts of 3, over 3


def test_robots_txt_names_the_sitemap_or_its_index():
    assert robots_txt(SITE + "/", "sitemap.xml") == (
        "User-agent: *\nDisallow:\n\nSitemap: https://example.org/portal/sitemap.xml\n")
