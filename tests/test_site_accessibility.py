"""Accessibility: axe-core finds no violation of WCAG 2.1 A/AA (nor of its best practices) on
any kind of page in any language, and the gate fails on a page that has one."""
from __future__ import annotations

import pytest

from conftest import serve
from gates import report
from gates.accessibility import axe_findings
from gates.keyboard import header_findings
from site_suite import BROKEN, PAGES, broken_site


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("where", PAGES, ids=lambda page: page.id)
def test_axe_finds_no_violation(tab, suite_site, where):
    tab.goto(f"{suite_site.url}/{where.path}")
    findings = axe_findings(tab, where)
    assert not findings, report(findings, "accessibility violations (axe-core)")


def test_axe_fails_a_page_with_a_violation(tab, tmp_path):
    broken_site(tmp_path, '<img src="../../x.png" alt="" width="10" height="10">'
                          '<p><img src="../../photo.png" width="10" height="10"></p>'
                          '<p style="color:#bbb;background:#fff">Grey on white</p>'
                          '<a href="../../"></a>')
    with serve(tmp_path) as url:
        tab.goto(f"{url}/{BROKEN.path}")
        findings = axe_findings(tab, BROKEN)
    message = report(findings, "accessibility violations (axe-core)")
    rules = {finding.rule for finding in findings}
    assert {"axe image-alt (critical)", "axe color-contrast (serious)", "axe link-name (serious)"} <= rules, message
    assert all(str(finding).startswith("broken page, en, /en/broken/: axe ") for finding in findings), message
    assert "element img[src$=\"photo.png\"]" in message, message


def test_the_keyboard_gate_fails_a_page_without_skip_link_language_links_or_focus_outline(tab, tmp_path):
    broken_site(tmp_path, '<input aria-label="Search" autofocus>')  # the walk starts from the top all the same
    page = tmp_path / BROKEN.path / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<body>\n", """<body>
<header><nav class="site-nav"><a href="../../">Home</a> <a href="../../people/" style="outline:none">People</a></nav>
<nav class="languages"><span hreflang="be" onclick="location='../../be/'">Беларуская</span>
<a href="../../ru/" hreflang="ru">Русский</a></nav></header>
"""), encoding="utf-8")
    with serve(tmp_path) as url:
        tab.goto(f"{url}/{BROKEN.path}")
        findings = header_findings(tab, BROKEN)
    message = report(findings, "keyboard problems")
    assert all(str(finding).startswith("broken page, en, /en/broken/: keyboard: ") for finding in findings), message
    assert {finding.rule for finding in findings} == {
        "keyboard: skip link", "keyboard: language switch", "keyboard: visible focus"}, message
    assert "People" in message and "['ru'] of ['be', 'ru', 'en']" in message, message
