"""Publishing anywhere: the help and 404 pages, a mirror under a sub-path, a copy opened from disk."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import ROOT, build, person, read, write_content

LANGS = ["be", "ru", "en"]
LINKCHECKER_CONFIG = Path(__file__).parent / "fixtures" / "linkcheckerrc"
FILES = {
    "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}),
    "people/olga-where.md": person("released", name={"en": "Olga Where"}),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("publish"), FILES, ("data", "statements", "pages"),
                 CONTACT_TELEGRAM="portal_help", SITEURL="https://mirror.example/portal")


@pytest.mark.parametrize("lang", LANGS)
def test_help_page_replaces_the_forms(output, lang):
    page = read(output, f"{lang}/help/index.html")
    assert "issues/new?template=add-information.yml" in page
    assert "issues/new?template=offer-help.yml" in page
    assert f'href="../../{lang}/statement/#join"' in page
    assert 'href="https://t.me/portal_help"' in page
    assert f'href="../../../{lang}/help/"' in read(output, f"{lang}/people/ivan-ivanau/index.html")  # in the footer


def test_404_page_links_absolutely_so_it_works_at_any_depth(output):
    page = read(output, "404.html")
    for lang in LANGS:
        assert f'href="https://mirror.example/portal/{lang}/people/"' in page
    assert 'href="https://mirror.example/portal/theme/css/site.css"' in page
    assert "Старонка не знойдзена" in page and "Страница не найдена" in page and "Page not found" in page


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /mirror/, as a mirror on someone else's domain would."""

    def translate_path(self, path):
        if not path.startswith("/mirror/"):
            return "/nonexistent"
        return super().translate_path(path[len("/mirror"):])

    def end_headers(self):
        # LinkChecker waits 0.1-0.6 s between requests to a host unless it answers with this
        # header (linkcheck/checker/httpurl.py); then `maxrequestspersecond` applies.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


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


@contextlib.contextmanager
def mirror(output):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/mirror"
    finally:
        httpd.shutdown()


def test_linkchecker_finds_no_broken_link_or_anchor_under_a_sub_path(output):
    with mirror(output) as base:
        result = subprocess.run([str(ROOT / ".venv" / "bin" / "linkchecker"), "--config", str(LINKCHECKER_CONFIG),
                                 f"{base}/"], capture_output=True, text=True)
    assert result.returncode == 0 and " 0 warnings found" in result.stdout, result.stdout[-4000:]
    checked = int(re.search(r"(\d+) links? in \d+ URLs? checked", result.stdout).group(1))
    assert checked > 200  # every page was reached


def test_linkchecker_would_find_a_broken_link(output, tmp_path):
    """The check above can fail: a page with a missing target and a missing anchor."""
    broken = tmp_path / "site"
    (broken / "en").mkdir(parents=True)
    (broken / "index.html").write_text('<!doctype html><title>t</title><a href="en/">en</a>', encoding="utf-8")
    (broken / "en" / "index.html").write_text(
        '<!doctype html><title>t</title><a href="missing/">x</a> <a href="../index.html#nowhere">y</a>', encoding="utf-8")
    with mirror(broken) as base:
        result = subprocess.run([str(ROOT / ".venv" / "bin" / "linkchecker"), "--config", str(LINKCHECKER_CONFIG),
                                 f"{base}/"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Error: 404 File not found" in result.stdout
    assert "Anchor `nowhere' (decoded: `nowhere') not" in result.stdout


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
