"""Keyboard only: Tab from the top of a page reaches the skip link first, then every link of
the main navigation, the search box and the language switch, each with a visible focus
outline; on a list page it goes on to every filter and the other controls of the list."""
from __future__ import annotations

from conftest import LANGS
from site_suite import Page

from . import Finding

FOCUSED = """() => {
  const element = document.activeElement, style = getComputedStyle(element), box = element.getBoundingClientRect();
  const nav = element.closest("nav");
  return {tag: element.tagName.toLowerCase(), text: element.innerText.trim().slice(0, 40),
          href: element.getAttribute("href"), hreflang: element.getAttribute("hreflang"),
          copy: element.hasAttribute("data-copy"), name: element.getAttribute("name"), id: element.id,
          where: nav ? nav.className : (element.closest("main, header, footer") || element).tagName.toLowerCase(),
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
          onscreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth};
}"""


# Moves the start of Tab navigation to the top of the page, even where a field has autofocus.
TO_THE_TOP = """() => {
  const top = document.createElement("span");
  top.tabIndex = -1;
  document.body.prepend(top);
  top.focus();
}"""


def walk(page, until=None, limit=80, from_top=False) -> list[dict]:
    """Presses Tab until `until(focused)` holds, or the focus has gone round the page, and
    returns what had the focus after each press."""
    if from_top:
        page.evaluate(TO_THE_TOP)
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body":
            break
        seen.append(focused)
        if until is not None and until(focused):
            break
    return seen


def header_findings(page, where: Page) -> list[Finding]:
    """Walks the page loaded in `page` (a Playwright page) with Tab through its header."""
    seen = walk(page, until=lambda focused: focused["where"] == "languages" and focused["hreflang"] == LANGS[-1],
                from_top=True)
    findings = []
    if not seen or seen[0]["href"] != "#main":
        first = f"<{seen[0]['tag']}> {seen[0]['text']!r}" if seen else "nothing"
        findings.append(Finding(where, "keyboard: skip link", f"the first Tab reaches {first}, not a link to #main"))
    navigation = page.locator(".site-nav a").count()
    reached = len([focused for focused in seen if focused["where"] == "site-nav"])
    if not navigation or reached < navigation:
        findings.append(Finding(where, "keyboard: main navigation", f"Tab reaches {reached} of its {navigation} links"))
    if page.locator("#site-search").count() and not any(focused["id"] == "site-search" for focused in seen):
        findings.append(Finding(where, "keyboard: search", "Tab does not reach the search box in the header"))
    languages = {focused["hreflang"] for focused in seen if focused["where"] == "languages"}
    if languages != set(LANGS):
        findings.append(Finding(where, "keyboard: language switch",
                                f"Tab reaches {sorted(languages) or 'none'} of {LANGS}"))
    for focused in seen:
        if not focused["outline"]:
            findings.append(Finding(where, "keyboard: visible focus",
                                    f"no focus outline on <{focused['tag']}> {focused['text']!r}"))
        if not focused["onscreen"]:
            findings.append(Finding(where, "keyboard: visible focus",
                                    f"the focused <{focused['tag']}> {focused['text']!r} is off screen"))
    return findings


def list_controls_findings(page, where: Page) -> list[Finding]:
    """Walks the list page loaded in `page` with Tab from the top to its last control."""
    wanted = page.eval_on_selector_all("[data-list-controls] [name]", "controls => controls.map(c => c.name)")
    if not wanted:
        return [Finding(where, "keyboard: filters", "the page shows no filters")]
    seen = walk(page, until=lambda focused: focused["tag"] == "button" and focused["where"] == "main"
                and focused["name"] is None and focused["text"] and focused["href"] is None, limit=120)
    reached = {focused["name"] for focused in seen if focused["name"]}
    missing = sorted(set(wanted) - reached)
    return [Finding(where, "keyboard: filters", f"Tab does not reach {missing}")] if missing else []
