"""No third party: Chromium shows each kind of page in each language without a request to
another origin, and no built HTML or CSS names a resource on another origin; both gates fail
on a page that does."""
from __future__ import annotations

import pytest

from conftest import serve
from gates import report
from gates.origins import absolute_resource_findings, foreign_requests, origin
from site_suite import ALL_PAGES, BROKEN, BROKEN_KINDS, broken_site


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def test_no_page_requests_anything_from_another_origin(context, suite_site):
    findings = foreign_requests(context, suite_site.url, ALL_PAGES)
    assert not findings, report(findings, "requests to another origin")


def test_no_built_html_or_css_names_a_resource_elsewhere(suite_site):
    findings = absolute_resource_findings(suite_site.output, own_origin=origin(suite_site.url))
    assert not findings, report(findings, "absolute resource URLs")
    assert "http://127.0.0.1" in (suite_site.output / "404.html").read_text(encoding="utf-8")  # the own origin is allowed


BROKEN_HEAD = '<link rel="stylesheet" href="https://fonts.example/css?family=Sans">'
BROKEN_BODY = """<img src="https://cdn.example/x.png" alt="x" width="1" height="1">
<img src="../../x.png" srcset="//cdn.example/x-2.png 2x" alt="x" width="1" height="1">
<script>fetch("https://counter.example/hit").catch(() => {});</script>"""


def test_the_request_log_fails_a_page_that_loads_from_elsewhere(context, tmp_path):
    broken_site(tmp_path, BROKEN_BODY, BROKEN_HEAD)
    with serve(tmp_path) as url:
        findings = foreign_requests(context, url, [BROKEN])
    message = report(findings, "requests to another origin")
    assert {str(finding) for finding in findings} == {
        "broken page, en, /en/broken/: third-party request: https://fonts.example/css?family=Sans",
        "broken page, en, /en/broken/: third-party request: https://cdn.example/x.png",
        "broken page, en, /en/broken/: third-party request: https://counter.example/hit",
    }, message  # the 2x image is not requested on a 1x screen: the static check below finds it


def test_the_static_check_fails_html_and_css_that_name_another_origin(tmp_path):
    broken_site(tmp_path, BROKEN_BODY + '\n<p style="background: url(https://cdn.example/bg.png)">x</p>', BROKEN_HEAD,
                files={"theme/site.css": '@import "https://fonts.example/a.css";\nbody { background: url(../x.png); }\n'})
    findings = absolute_resource_findings(tmp_path, own_origin="https://portal.example", kinds=BROKEN_KINDS)
    assert [str(finding) for finding in findings] == [
        "broken page, en, /en/broken/: absolute resource URL: <link href> loads https://fonts.example/css?family=Sans",
        "broken page, en, /en/broken/: absolute resource URL: <img src> loads https://cdn.example/x.png",
        "broken page, en, /en/broken/: absolute resource URL: <img srcset> loads //cdn.example/x-2.png",
        "broken page, en, /en/broken/: absolute resource URL: style attribute loads https://cdn.example/bg.png",
        "stylesheet, all languages, /theme/site.css: absolute resource URL: url() in CSS loads https://fonts.example/a.css",
    ], report(findings, "absolute resource URLs")
