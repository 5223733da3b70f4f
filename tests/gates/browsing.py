"""A reader in Chromium: a page opens cleanly, and its language switch leads to the same
page in each other language."""
from __future__ import annotations

from conftest import LANGS, LANGUAGES
from site_suite import Page

from . import Finding

LANGUAGE_NAMES = {language.code: language.name for language in LANGUAGES}


def watch_console(page) -> list[str]:
    """Collects the errors the page logs or throws (call once per Playwright page)."""
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(f"{error.name}: {error.message}"))
    return problems


def opening_findings(page, site_url: str, where: Page, console: list[str]) -> list[Finding]:
    """Opens `where` in `page`: HTTP 200, the page's language, a title, a visible h1, and no
    error in `console` (from watch_console)."""
    console.clear()
    response = page.goto(f"{site_url}/{where.path}")
    findings = []
    if not response.ok:
        findings.append(Finding(where, "opens", f"HTTP {response.status}"))
    lang = page.locator("html").get_attribute("lang")
    if lang != (where.lang or LANGS[0]):
        findings.append(Finding(where, "opens", f'<html lang="{lang}">, not "{where.lang or LANGS[0]}"'))
    if not page.title().strip():
        findings.append(Finding(where, "opens", "no <title>"))
    if not page.get_by_role("heading", level=1).first.is_visible():
        findings.append(Finding(where, "opens", "no visible h1"))
    findings += [Finding(where, "opens", f"browser console: {problem}") for problem in console]
    return findings


def language_switch_findings(page, site_url: str, kind: str, path: str) -> list[Finding]:
    """Follows the language switch of the page of `kind` (`path` with {lang}) from each
    language to each other one."""
    findings = []
    for lang in LANGS:
        where = Page(kind, lang, path.format(lang=lang))
        for other in LANGS:
            if other == lang:
                continue
            if page.url != f"{site_url}/{where.path}":
                page.goto(f"{site_url}/{where.path}")
            wanted = f"{site_url}/{path.format(lang=other)}"
            link = page.locator("nav.languages").get_by_role("link", name=LANGUAGE_NAMES[other], exact=True)
            if not link.count():
                findings.append(Finding(where, "language switch", f"no link to {LANGUAGE_NAMES[other]}"))
                continue
            link.click()
            page.wait_for_load_state()
            if page.url != wanted:
                findings.append(Finding(where, "language switch",
                                        f"{LANGUAGE_NAMES[other]} leads to {page.url}, not {wanted}"))
    return findings
