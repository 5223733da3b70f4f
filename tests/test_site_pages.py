"""The site-level suite in the real Chromium: every kind of page opens, the language switch
lands on the same page, a redirect from an old id leads on, the letter buttons and the print
view work, and the keyboard alone reaches everything (skip link, main navigation, language
switch, copy button)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import LANGS, serve
from gates import report
from gates.browsing import LANGUAGE_NAMES, language_switch_findings, opening_findings, watch_console
from gates.keyboard import header_findings, list_controls_findings, walk
from site_suite import (ALL_PAGES, BROKEN, BROKEN_KINDS, HEADED_PAGES, KIND_OF, LIST_KINDS, PAGE_KINDS, PAGES,
                        REDIRECT_KINDS, broken_site)

LETTERS_PAGE = PAGE_KINDS["person-letters-photo"]


@pytest.fixture(scope="module")
def tab(browser):
    """One browser tab for the module (a new one per test costs a quarter of a second)."""
    context = browser.new_context()
    page = context.new_page()
    page.console = watch_console(page)
    yield page
    context.close()


@pytest.mark.parametrize("where", PAGES, ids=lambda page: page.id)
def test_every_kind_of_page_opens_cleanly(tab, suite_site, where):
    findings = opening_findings(tab, suite_site.url, where, tab.console)
    assert not findings, report(findings, "problems opening the page")


@pytest.mark.parametrize("kind", sorted({page.kind for page in HEADED_PAGES}, key=list(PAGE_KINDS).index))
def test_the_language_switch_lands_on_the_same_page(tab, suite_site, kind):
    findings = language_switch_findings(tab, suite_site.url, kind, PAGE_KINDS[kind])
    assert not findings, report(findings, "wrong turns of the language switch")


def test_the_browser_gates_fail_a_page_with_errors_and_a_wrong_language_link(tab, tmp_path):
    switch = '<nav class="languages">{}</nav><script>undefinedFunction();</script>'
    for lang, links in {"be": '<a href="../../ru/broken/">Русский</a> <a href="../../en/">English</a>',
                        "ru": '<a href="../../be/broken/">Беларуская</a> <a href="../../en/broken/">English</a>',
                        "en": '<a href="../../ru/broken/">Русский</a>'}.items():
        broken_site(tmp_path, switch.format(links), lang=lang, heading=None if lang == "en" else "A broken page")
    with serve(tmp_path) as url:
        opening = opening_findings(tab, url, BROKEN, tab.console)
        switch = language_switch_findings(tab, url, "broken", BROKEN_KINDS["broken"])
    assert [str(finding) for finding in opening] == [
        "broken page, en, /en/broken/: opens: no visible h1",
        "broken page, en, /en/broken/: opens: browser console: ReferenceError: undefinedFunction is not defined",
    ], report(opening, "problems opening the page")
    assert [str(finding) for finding in switch] == [
        f"broken page, be, /be/broken/: language switch: English leads to {url}/en/, not {url}/en/broken/",
        "broken page, en, /en/broken/: language switch: no link to Беларуская",
    ], report(switch, "wrong turns of the language switch")


# The old id's redirect of the suite leads to the person with the envelope (the fixture's ivan-ivanau).
REDIRECTS = [page for page in ALL_PAGES if KIND_OF[page.kind] in REDIRECT_KINDS]


@pytest.mark.parametrize("where", REDIRECTS, ids=lambda page: page.id)
def test_a_redirect_leads_to_its_page_in_its_language_keeping_the_anchor(tab, suite_site, where):
    tab.console.clear()
    tab.goto(f"{suite_site.url}/{where.path}#letter")
    tab.wait_for_url(f"{suite_site.url}/{LETTERS_PAGE.format(lang=where.lang)}#letter")
    assert not tab.console, f"{where}: browser console: {tab.console}"


def test_the_root_page_leads_to_each_language(tab, suite_site):
    for lang in LANGS:
        tab.goto(f"{suite_site.url}/")
        tab.get_by_role("link", name=LANGUAGE_NAMES[lang]).click()
        assert tab.url == f"{suite_site.url}/{PAGE_KINDS['home'].format(lang=lang)}", lang


@pytest.mark.parametrize("lang", LANGS)
def test_copy_the_address_and_print_the_letter_sheet(browser, suite_site, lang):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=suite_site.url)
    page = context.new_page()
    page.goto(f"{suite_site.url}/{LETTERS_PAGE.format(lang=lang)}")
    envelope = page.locator("#envelope").inner_text().strip()
    assert envelope.endswith("Иванов Иван Петрович, 1985 г.р."), f"person page, {lang}: {envelope!r}"
    copy = page.locator("button[data-copy]")
    copy.click()
    expect(page.locator(".letter-actions [role=status]")).to_have_text(copy.get_attribute("data-done"))
    assert page.evaluate("navigator.clipboard.readText()") == envelope

    page.evaluate("window.print = () => {}")  # the dialog itself cannot be driven headless
    page.locator("button[data-print-letter]").click()
    page.emulate_media(media="print")
    for shown in ("#envelope", ".letter-sheet"):
        assert page.locator(shown).is_visible(), f"person page, {lang}, print view: {shown} is not shown"
    for hidden in (".site-header", "h1", ".facts", ".site-footer"):
        assert not page.locator(hidden).first.is_visible(), f"person page, {lang}, print view: {hidden} is shown"
    context.close()


# The header is the same template on every page: each kind once, in a different language in turn.
ONE_LANGUAGE_PER_KIND = [page for page in HEADED_PAGES
                         if page.lang == LANGS[list(PAGE_KINDS).index(page.kind) % len(LANGS)]]


@pytest.mark.parametrize("where", ONE_LANGUAGE_PER_KIND, ids=lambda page: page.id)
def test_the_keyboard_reaches_the_skip_link_navigation_and_language_switch(tab, suite_site, where):
    tab.goto(f"{suite_site.url}/{where.path}")
    findings = header_findings(tab, where)
    assert not findings, report(findings, "keyboard problems")


@pytest.mark.parametrize("where", [page for page in ONE_LANGUAGE_PER_KIND if page.kind in LIST_KINDS],
                         ids=lambda page: page.id)
def test_the_keyboard_reaches_every_filter_of_a_list(tab, suite_site, where):
    tab.goto(f"{suite_site.url}/{where.path}")
    findings = list_controls_findings(tab, where)
    assert not findings, report(findings, "keyboard problems")


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_only_skip_to_content_switch_language_and_copy_the_address(browser, suite_site, lang):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=suite_site.url)
    page = context.new_page()
    url = f"{suite_site.url}/{LETTERS_PAGE.format(lang=lang)}"
    page.goto(url)
    first = walk(page, limit=1, from_top=True)
    assert first and first[0]["href"] == "#main", f"person page, {lang}: the first Tab reaches {first}"
    page.keyboard.press("Enter")  # the skip link
    page.wait_for_url(url + "#main")
    after_skip = walk(page, limit=1)
    assert after_skip and after_skip[0]["where"] == "main", f"person page, {lang}: after the skip link, Tab goes to {after_skip}"

    copy = walk(page, until=lambda focused: focused["copy"])
    assert copy and copy[-1]["copy"], f"person page, {lang}: Tab never reaches the copy button"
    page.keyboard.press("Enter")
    expect(page.locator(".letter-actions [role=status]")).not_to_be_empty()

    other = next(code for code in LANGS if code != lang)
    page.goto(url)
    walk(page, until=lambda focused: focused["hreflang"] == other and focused["where"] == "languages")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{suite_site.url}/{LETTERS_PAGE.format(lang=other)}")
    context.close()
