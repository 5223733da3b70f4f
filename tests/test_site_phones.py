"""On a phone, 360 and 320 px wide, in the real Chromium: every kind of page in every language
fits the screen without sideways scrolling, cuts no text off, has tap targets of 44 px and a
short header; the gate fails on a page that breaks each rule. A person's page leads with the
name, the status and the letter button; a list's filters are folded; the chart opens at its
latest figures."""
from __future__ import annotations

import pytest

from conftest import LANGS, serve
from gates import report
from gates.phones import NARROW_PHONE, PHONE, phone_findings
from site_suite import BROKEN, LIST_KINDS, PAGE_KINDS, PAGES, broken_site

PHONES = {"360px": PHONE, "320px": NARROW_PHONE}


@pytest.fixture(scope="module", params=list(PHONES), ids=list(PHONES))
def phone(request, browser):
    context = browser.new_context(viewport=PHONES[request.param], is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("where", PAGES, ids=lambda page: page.id)
def test_the_page_fits_a_phone(phone, suite_site, where):
    phone.goto(f"{suite_site.url}/{where.path}")
    findings = phone_findings(phone, where)
    assert not findings, report(findings, "problems on a phone")


def test_the_phone_gate_fails_a_wide_page_cut_text_small_targets_and_a_tall_header(phone, tmp_path):
    broken_site(tmp_path, '<header class="site-header" style="height:400px"></header>'
                          '<table><tr><td style="white-space:nowrap">' + "A long line that does not wrap. " * 4 + '</td></tr></table>'
                          '<p style="overflow:hidden;white-space:nowrap;width:8rem">A line too long for its box</p>'
                          '<nav><a href="../../">Home</a></nav><button style="padding:0">OK</button>')
    with serve(tmp_path) as url:
        phone.goto(f"{url}/{BROKEN.path}")
        findings = phone_findings(phone, BROKEN)
    message = report(findings, "problems on a phone")
    width = phone.viewport_size["width"]
    assert {finding.rule for finding in findings} == {
        f"sideways scroll at {width} px", f"text cut off at {width} px", f"tap target under 44 px at {width} px",
        f"header too tall at {width} px"}, message
    assert "A line too long for its box" in message and '<a> "Home"' in message and '<button> "OK"' in message, message


@pytest.fixture(scope="module")
def phone_360(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_person_page_leads_with_name_status_and_the_letter_button(phone_360, suite_site, lang):
    phone_360.goto(f"{suite_site.url}/{PAGE_KINDS['person-letters-photo'].format(lang=lang)}")
    boxes = {name: phone_360.locator(selector).first.bounding_box()
             for name, selector in {"name": "h1", "status": ".person-status", "letter button": ".to-letter a",
                                    "photo": "img.photo"}.items()}
    for name in ("name", "status", "letter button"):
        assert boxes[name]["y"] + boxes[name]["height"] <= PHONE["height"], f"{lang}: the {name} is below the first screen"
        assert boxes[name]["y"] < boxes["photo"]["y"], f"{lang}: the {name} comes after the photo"
    assert boxes["name"]["y"] < boxes["status"]["y"] < boxes["letter button"]["y"], (lang, boxes)
    phone_360.locator(".to-letter a").click()
    phone_360.wait_for_url("**#letter")
    assert phone_360.locator("#envelope").is_visible()


@pytest.mark.parametrize("kind", LIST_KINDS)
def test_a_lists_filters_are_folded_on_a_phone_and_open_on_a_wide_screen(browser, phone_360, suite_site, kind):
    path = PAGE_KINDS[kind].format(lang=LANGS[0])
    phone_360.goto(f"{suite_site.url}/{path}")
    controls = phone_360.locator("[data-list-controls]")
    assert controls.bounding_box()["height"] < PHONE["height"] / 3, f"{path}: the filters fill the screen"
    assert not phone_360.locator("[data-list-controls] select").first.is_visible()
    phone_360.locator("[data-list-options] summary").click()
    assert phone_360.locator("[data-list-controls] select").first.is_visible()
    wide = browser.new_page(viewport={"width": 1280, "height": 800})
    wide.goto(f"{suite_site.url}/{path}")
    assert wide.locator("[data-list-controls] select").first.is_visible(), f"{path}: the filters are folded on a wide screen"
    wide.close()


# The chart is wider than a phone: its frame opens at the right end, where the latest figures are.
CHART_PAGES = [PAGE_KINDS[kind].format(lang=lang) for kind in ("home", "numbers") for lang in LANGS]


@pytest.mark.parametrize("path", CHART_PAGES)
def test_the_chart_opens_at_its_latest_figures_on_a_phone(phone_360, suite_site, path):
    phone_360.goto(f"{suite_site.url}/{path}")
    frame = phone_360.locator(".chart-frame").first
    frame.scroll_into_view_if_needed()
    sizes = frame.evaluate("f => ({scroll: f.scrollWidth, client: f.clientWidth})")
    assert sizes["scroll"] > sizes["client"], f"{path}: the chart fits the phone; nothing to scroll"
    shown = frame.bounding_box()
    for end in phone_360.locator(".chart-frame circle").all():  # the last point of each line
        box = end.bounding_box()
        assert shown["x"] <= box["x"] and box["x"] + box["width"] <= shown["x"] + shown["width"], \
            f"{path}: the latest figure is out of view"
    legend = phone_360.locator(".chart-legend li").all()
    assert legend and all(item.bounding_box()["x"] + item.bounding_box()["width"] <= PHONE["width"] for item in legend)
