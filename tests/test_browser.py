"""The built site in the real Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import pytest

from conftest import build, jpeg, person, serve

FILES = {
    "people/ivan-ivanau.md": person(
        "custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"},
        detained="2020-08-10", region="minsk-city", photo="ivan-ivanau.jpg",
        sources="[https://example.org/source]", body="A story with a [link](https://example.org/story).\n"),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    output = build(tmp_path_factory.mktemp("browser"), {**FILES, "people/photos/ivan-ivanau.jpg": jpeg()})
    with serve(output) as url:
        yield url


def test_language_switch_lands_on_the_same_person(browser, server):
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




def test_person_page_needs_no_javascript_and_fits_a_phone(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{server}/en/people/ivan-ivanau/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ivan Ivanau"
    assert page.get_by_text("days in detention as of").is_visible()
    assert page.get_by_role("img", name="Photo: Ivan Ivanau").is_visible()
    context.close()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ["/en/", "/be/", "/ru/people/ivan-ivanau/", "/be/status/restricted-freedom-institution/"]:
        page.goto(server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
    context.close()
