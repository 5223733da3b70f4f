"""The built site in the real Chromium (Debian's, driven by Playwright), on the site-level
suite's site (tests/site_suite.py), whose ivan-ivanau has a name in each language and a photo."""
from __future__ import annotations

PHONE = {"width": 360, "height": 740}


def test_language_switch_lands_on_the_same_person(browser, suite_site):
    server = suite_site.url
    page = browser.new_page()
    page.goto(f"{server}/be/people/ivan-ivanau/")
    assert page.inner_text("h1") == "Іван Іванаў"
    page.get_by_role("navigation", name="Мова").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/en/people/ivan-ivanau/"
    assert page.inner_text("h1") == "Ivan Ivanau"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/ru/people/ivan-ivanau/"
    assert page.inner_text("h1") == "Иван Иванов"
    page.close()


def test_person_page_needs_no_javascript_and_fits_a_phone(browser, suite_site):
    server = suite_site.url
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server}/en/people/ivan-ivanau/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ivan Ivanau"
    assert page.get_by_text("days in detention as of").is_visible()
    assert page.get_by_role("img", name="Photo: Ivan Ivanau").is_visible()
    context.close()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ["/en/", "/be/", "/ru/people/ivan-ivanau/", "/be/status/restricted-freedom-institution/"]:
        page.goto(server + path)
        # Nothing sticks out sideways: the page is exactly as wide as the screen.
        assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"], path
    context.close()
