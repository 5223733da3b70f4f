"""The table of page kinds: every row valid, and the URL settings pelicanconf.py takes from it;
Urls, which turns the settings into each page's address and file."""
from __future__ import annotations

import pytest

from conftest import ROOT, SETTINGS
from portal.pages.kinds import EACH, GROUPS, KINDS_BY_ID, PAGE_KINDS, READS, PageKind, page_settings
from portal.pages.plan import GROUPINGS
from portal.pages.urls import CardFile, Urls, card_file

TEMPLATES = ROOT / "theme" / "templates"


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.id)
def test_every_kind_is_valid(kind):
    assert set(kind.reads) <= set(READS)
    assert kind.each in EACH
    assert kind.groups_by in GROUPS
    assert (TEMPLATES / f"{kind.template}.html").is_file()
    assert kind.groups_by is None or kind.groups_by in GROUPINGS or kind.groups_by in ("birthday", "birthday_month")
    # a page made for something has its id in its address; every other page its language
    assert ("{id}" in kind.url) == (kind.each is not None)
    assert ("{lang}" in kind.url) == (not kind.neutral)
    assert kind.offers is None or (kind.neutral and not KINDS_BY_ID[kind.offers].neutral)
    assert not kind.x_default or kind.offers is not None
    assert kind.setting is None or KINDS_BY_ID[kind.setting].url == kind.url


def test_kind_ids_are_unique_and_lower_case():
    assert len(KINDS_BY_ID) == len(PAGE_KINDS)
    assert all(kind.id == kind.id.lower() for kind in PAGE_KINDS)


def test_kinds_that_share_an_address_are_made_for_things_the_loader_keeps_apart():
    """group/status: group and category ids are never equal (reference.py); person/redirect: an
    alias is never an id (loader.py). No other two kinds share an address."""
    by_url = {}
    for kind in PAGE_KINDS:
        by_url.setdefault(kind.url, []).append(kind.id)
    assert sorted(ids for ids in by_url.values() if len(ids) > 1) == [["group", "status"], ["person", "redirect"]]


@pytest.mark.parametrize("url, save_as", [("{lang}/", "{lang}/index.html"), ("", "index.html"),
                                          ("404.html", "404.html"), ("{lang}/people/{id}/", "{lang}/people/{id}/index.html")])
def test_a_pages_file_is_its_folders_index(url, save_as):
    assert PageKind("x", url, "x").save_as == save_as


def test_page_settings_give_every_kinds_url_and_file_as_pelican_names_them():
    settings = page_settings()
    assert settings["HOME_URL"] == "{lang}/" and settings["HOME_SAVE_AS"] == "{lang}/index.html"
    assert settings["CODE_ARTICLE_URL"] == "{lang}/articles/{id}/"
    assert (settings["NOT_FOUND_URL"], settings["NOT_FOUND_SAVE_AS"]) == ("404.html", "404.html")
    assert (settings["ROOT_URL"], settings["ROOT_SAVE_AS"]) == ("", "index.html")
    assert "REDIRECT_URL" not in settings  # an old id's page is where the person's page would be
    assert KINDS_BY_ID["redirect"].setting_name == "PERSON"
    assert sorted(settings) == sorted(f"{kind.id.upper()}_{suffix}" for kind in PAGE_KINDS if kind.setting is None
                                      for suffix in ("URL", "SAVE_AS"))


def test_pelicanconf_takes_them_all():
    assert {name: SETTINGS[name] for name in page_settings()} == page_settings()


# Urls


def test_urls_from_the_settings():
    urls = Urls(SETTINGS)
    assert urls.url("person", lang="be", id="ivan") == "be/people/ivan/"
    assert urls.save_as("person", lang="be", id="ivan") == "be/people/ivan/index.html"
    assert urls.url("redirect", lang="en", id="old") == "en/people/old/"  # the person's setting
    assert urls.url("root") == "" and urls.save_as("not_found") == "404.html"
    assert urls.url("badge", lang="ru") == "data/badge-ru.svg"  # a file's setting, not a page kind


def test_a_setting_moves_a_kind_of_page():
    urls = Urls({"PERSON_URL": "{lang}/p/{id}.html", "PERSON_SAVE_AS": "{lang}/p/{id}.html"})
    assert (urls.url("person", lang="be", id="ivan"), urls.url("redirect", lang="be", id="old")) == (
        "be/p/ivan.html", "be/p/old.html")
    assert urls.url("home", lang="be") == "be/"  # not in the settings: the table's


def test_a_file_without_its_setting_is_an_error():
    with pytest.raises(KeyError):
        Urls({}).url("badge", lang="be")


class Someone:
    def __init__(self, id, photo):
        self.id, self.photo = id, photo


def test_share_cards():
    urls = Urls(SETTINGS)
    # A person with a photo: one 600x315 JPEG, the same in every language.
    for lang in ("be", "ru", "en"):
        assert card_file(urls, lang, Someone("ivan", photo="ivan.jpg")) == CardFile(
            "cards/people/ivan.jpg", "cards/people/ivan.jpg", "image/jpeg", 600, 315)
    # Without a photo, the home card of the page's language, as every other page.
    assert card_file(urls, "ru", Someone("olga", photo=None)) == CardFile(
        "cards/ru/home.png", "cards/ru/home.png", "image/png", 1200, 630)
    assert card_file(urls, "en") == CardFile("cards/en/home.png", "cards/en/home.png", "image/png", 1200, 630)
    no_person_cards = Urls({**SETTINGS, "PERSON_CARD_SAVE_AS": ""})
    assert card_file(no_person_cards, "en", Someone("ivan", photo="ivan.jpg")).url == "cards/en/home.png"
