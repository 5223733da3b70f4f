"""A reader on a phone: the page fits the screen's width (no sideways scrolling of the page),
no text is cut off by a box too narrow for it, and what one taps is at least 44 × 44 CSS pixels."""
from __future__ import annotations

from site_suite import Page

from . import Finding

# Phones: the common width, and the narrowest still in use (an iPhone SE of the first kind).
PHONE = {"width": 360, "height": 740}
NARROW_PHONE = {"width": 320, "height": 640}
# WCAG 2.5.5 (target size): 44 × 44 CSS pixels for what one taps outside a sentence.
TAP = 44
# The site's header on a phone: the language switch, the name and the search link, the main
# navigation in one row (it took some 300 px before it was made short).
HEADER_MAX = 150

# The page's width, and each element that hides part of its text: a box with its overflow
# hidden or clipped whose content is wider than the box (a visually hidden 1-pixel text for
# screen readers is meant to be so, and is left aside).
MEASURE = """() => {
  const cut = [];
  for (const element of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    if (!/hidden|clip/.test(style.overflowX + " " + style.overflowY)) continue;
    if (element.clientWidth <= 1 || style.display === "none") continue;
    if (element.scrollWidth > element.clientWidth + 1)
      cut.push(`<${element.tagName.toLowerCase()}${element.className ? " class=" + element.className : ""}> `
               + `${JSON.stringify(element.innerText.trim().slice(0, 40))} (${element.scrollWidth} px in ${element.clientWidth})`);
  }
  const header = document.querySelector(".site-header");
  return {width: document.documentElement.scrollWidth, cut, header: header ? header.getBoundingClientRect().height : 0};
}"""

# What one taps: buttons, fields, lists to choose from, the summary of a <details>, the label
# of a radio button (the label is its target), and every link of a navigation (the main
# navigation, the language switch, the alphabet index). A link inside a sentence is exempt,
# as in WCAG. Hidden controls (and the skip link, off screen until focused) are left aside.
TARGETS = """(tap) => {
  const small = [];
  const selector = "button, select, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), summary, "
                 + "label:has(> input[type=radio]), label:has(> input[type=checkbox]), nav a";
  for (const element of document.querySelectorAll(selector)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || getComputedStyle(element).visibility === "hidden") continue;
    if (box.height < tap - 0.5 || box.width < tap - 0.5)
      small.push(`<${element.tagName.toLowerCase()}> ${JSON.stringify((element.innerText || element.name || "").trim().slice(0, 30))} `
                 + `${Math.round(box.width)} × ${Math.round(box.height)}`);
  }
  return small;
}"""


def phone_findings(page, where: Page) -> list[Finding]:
    """Measures the page loaded in `page` (a Playwright page at a phone's viewport)."""
    viewport = page.viewport_size["width"]
    measured = page.evaluate(MEASURE)
    findings = []
    if measured["width"] > viewport:
        findings.append(Finding(where, f"sideways scroll at {viewport} px",
                                f"the page is {measured['width']} px wide"))
    findings += [Finding(where, f"text cut off at {viewport} px", cut) for cut in measured["cut"]]
    if measured["header"] > HEADER_MAX:
        findings.append(Finding(where, f"header too tall at {viewport} px",
                                f"{measured['header']:.0f} px before the content (at most {HEADER_MAX})"))
    findings += [Finding(where, f"tap target under {TAP} px at {viewport} px", small)
                 for small in page.evaluate(TARGETS, TAP)]
    return findings
