"""People, not only numbers: the home page's wall of the faces of the people held today, and
the initials in a photo's place where there is none (the wall and the cards of a list), in the
three languages, in the real Chromium."""
from __future__ import annotations

import pytest

from conftest import LANGS
from site_suite import PAGE_KINDS

# The suite's people held today (tests/site_suite.py): Ivan with his photo first, then the
# others in the list's order; Pavel is released and the counted-only record is never named.
HELD = ["ivan-ivanau", "hanna-bely", "olga-gde", "piotr-nia"]


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_shows_the_faces_of_the_people_held_today(tab, suite_site, lang):
    tab.goto(f"{suite_site.url}/{PAGE_KINDS['home'].format(lang=lang)}")
    wall = tab.locator("section.wall")
    assert wall.locator("h2").inner_text().endswith(": 4"), lang
    links = wall.locator(".faces a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    assert [href.rstrip("/").rsplit("/", 1)[1] for href in hrefs] == HELD, lang
    # the photo: the small rendition, lazy, with its size (no shift of the page as it loads)
    photo = links.nth(0).locator("img")
    assert photo.get_attribute("src").endswith("ivan-ivanau-240.jpg") and photo.get_attribute("loading") == "lazy"
    assert (photo.get_attribute("width"), photo.get_attribute("height")) == ("240", "300")
    # no photo: the initials in its place, hidden from screen readers (the name follows)
    initials = [links.nth(n).locator(".initials") for n in range(1, len(HELD))]
    assert all(item.get_attribute("aria-hidden") == "true" and len(item.inner_text()) == 2 for item in initials), lang
    assert initials[0].bounding_box()["height"] == pytest.approx(photo.bounding_box()["height"], abs=1)
    links.nth(1).click()
    tab.wait_for_url(f"**/{lang}/people/hanna-bely/")
    tab.go_back()
    tab.locator("section.wall p a").click()  # everyone held today: the status group of the held categories
    tab.wait_for_url(f"**/{PAGE_KINDS['group'].format(lang=lang)}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_without_a_photo_shows_the_initials(tab, suite_site, lang):
    # The suite's list is cut by letter: another order shows everyone, from the lists' data file.
    tab.goto(f"{suite_site.url}/{PAGE_KINDS['people'].format(lang=lang)}?view=cards&sort=name-desc")
    tab.wait_for_function("document.querySelectorAll('[data-people-cards] .card').length === 5")
    with_photo = tab.locator("[data-people-cards] .card:has(img)")
    assert with_photo.count() == 1 and with_photo.locator(".initials").count() == 0
    without = tab.locator("[data-people-cards] .card:not(:has(img)) .initials")
    assert without.count() == 4 and all(len(item.inner_text()) == 2 for item in without.all())
