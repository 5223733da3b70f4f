"""Publishing anywhere: the help and 404 pages, a mirror under a sub-path, a copy opened from disk."""
from __future__ import annotations

import os
import subprocess

import pytest

from conftest import LANGS, ROOT, build, person, read, write_content
from gates import report
from gates.links import check_links, mirror, unreached_pages

FILES = {
    "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}),
    "people/olga-where.md": person("released", name={"en": "Olga Where"}),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("publish"), FILES, ("data", "statements", "pages"),
                 CONTACT_TELEGRAM="portal_help", SITEURL="https://mirror.example/portal")


def test_help_page_replaces_the_forms(output, lang):
    page = read(output, f"{lang}/help/index.html")
    assert "issues/new?template=add-information.yml" in page
    assert "issues/new?template=offer-help.yml" in page
    assert f'href="../../{lang}/statement/#join"' in page
    assert f'href="../../{lang}/contact/"' in page  # the channels are on the contact page
    assert 'href="https://t.me/portal_help"' in read(output, f"{lang}/contact/index.html")
    assert f'href="../../../{lang}/help/"' in read(output, f"{lang}/people/ivan-ivanau/index.html")  # in the footer


def test_404_page_links_absolutely_so_it_works_at_any_depth(output):
    page = read(output, "404.html")
    for lang in LANGS:
        assert f'href="https://mirror.example/portal/{lang}/people/"' in page
    assert 'href="https://mirror.example/portal/theme/css/site.css"' in page
    assert "Старонка не знойдзена" in page and "Страница не найдена" in page and "Page not found" in page


def test_a_mirror_under_a_sub_path_works_in_chromium(browser, output):
    failed = []
    with mirror(output) as base:
        page = browser.new_page()
        page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
        page.goto(f"{base}/")
        page.get_by_role("link", name="English").click()
        page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
        page.get_by_role("link", name="Ivanau Ivan").click()
        assert page.url == f"{base}/en/people/ivan-ivanau/"
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Беларуская").click()
        assert page.url == f"{base}/be/people/ivan-ivanau/"
        assert page.locator("h1").inner_text() == "Іван Іванаў"
        page.close()
    assert not failed


def test_linkchecker_finds_no_broken_link_or_anchor_under_a_sub_path(output):
    with mirror(output) as base:
        check = check_links(base)
    findings = check.findings()
    assert check.returncode == 0 and not findings, report(findings, "broken links and anchors (LinkChecker)")
    assert unreached_pages(output, check) == []  # every page meant to be found was reached


def test_linkchecker_would_find_a_broken_link(tmp_path):
    """The check above can fail: a page with a missing target and a missing anchor."""
    broken = tmp_path / "site"
    (broken / "en").mkdir(parents=True)
    (broken / "index.html").write_text('<!doctype html><title>t</title><a href="en/">en</a>', encoding="utf-8")
    (broken / "en" / "index.html").write_text(
        '<!doctype html><title>t</title><a href="missing/">x</a> <a href="../index.html#nowhere">y</a>', encoding="utf-8")
    (broken / "en" / "unlinked.html").write_text('<!doctype html><title>t</title>', encoding="utf-8")
    with mirror(broken) as base:
        check = check_links(base)
    assert check.returncode == 1
    assert [str(finding) for finding in check.findings(kinds={})] == [
        "page, en, /en/: link warning: line 1: ../index.html#nowhere: "
        "Anchor `nowhere' (decoded: `nowhere') not found. Available anchors: -.",
        "page, en, /en/: broken link: line 1: missing/: 404 File not found",
    ]
    assert unreached_pages(broken, check) == ["en/unlinked.html"]


def test_a_copy_opened_from_disk_links_to_files(tmp_path, browser):
    env = {**os.environ, "PORTAL_INDEX_URLS": "1"}
    settings = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from pelicanconf import *
PATH = {str(tmp_path / 'content')!r}
PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]
THEME = {str(ROOT / 'theme')!r}
"""
    # The setting is read when pelicanconf is imported, so the build runs in its own process.
    write_content(tmp_path, FILES, ("data", "pages"))
    (tmp_path / "offlineconf.py").write_text(settings, encoding="utf-8")
    subprocess.run([str(ROOT / ".venv" / "bin" / "pelican"), str(tmp_path / "content"), "-o", str(tmp_path / "out"),
                    "-s", str(tmp_path / "offlineconf.py")],
                   check=True, env=env, cwd=ROOT, capture_output=True)
    people = read(tmp_path / "out", "en/people/index.html")
    assert 'href="../../en/people/ivan-ivanau/index.html"' in people
    page = browser.new_page()
    page.goto((tmp_path / "out" / "index.html").as_uri())
    page.get_by_role("link", name="Русский").click()
    page.locator(".site-nav").get_by_role("link", name="Люди").click()
    page.get_by_role("link", name="Иванов Иван").click()
    assert page.url.endswith("/ru/people/ivan-ivanau/index.html")
    assert page.locator("h1").inner_text() == "Иван Иванов"
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")  # the CSS loaded
    # Search cannot load its index from disk: the page says so and leads to the list.
    page.goto((tmp_path / "out" / "ru" / "search" / "index.html").as_uri())
    assert page.locator("[data-search-unavailable]").is_visible()
    assert page.locator("[data-search-unavailable] a").get_attribute("href") == "../../ru/people/index.html"
    page.close()
