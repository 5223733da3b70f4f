"""The contact page (/<lang>/contact/) with every kind of channel and without any, the
maintainers' published key, and the onion address every page announces to Tor Browser."""
from __future__ import annotations

import hashlib

import pytest

from conftest import LANGUAGES, build, person, read
from helpers import parse, select_one, text
from portal.content.contacts import onion_label
from portal.content.problems import ContentError
from site_suite import CONTACT_SETTINGS, KEY_FILE, contact_key

FINGERPRINT = "5F20 774F A290 7929 3BA8 C05F 6500 C3D8 C3B3 04DE"  # of tests/fixtures/contact-key.asc, as gpg shows it
ONION = onion_label(hashlib.sha256(b"a fictional onion service").digest())  # a valid v3 address of a made-up key
ONION_BASE = f"http://{ONION}.onion/"
FILES = {
    "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"},
                                    region="gomel", aliases="[ivan-ivanov]"),
    "people/olga-where.md": person("released", name={"en": "Olga Where"}),
    KEY_FILE: contact_key(),
}
NO_CONTACTS = {"CONTACTS": [], **{name: None for name in (
    "CONTACT_EMAIL", "CONTACT_EMAIL_KEY", "CONTACT_EMAIL_FINGERPRINT", "CONTACT_SIGNAL", "CONTACT_TELEGRAM",
    "ONION_ADDRESS")}}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    """Every kind of channel (as the site-level suite has them) and an onion address."""
    return build(tmp_path_factory.mktemp("contact"), FILES, ("data", "statements", "pages"),
                 **{**CONTACT_SETTINGS, "ONION_ADDRESS": ONION, "CONTACT_EMAIL_FINGERPRINT": FINGERPRINT})


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """No channel, no onion address: as the example content builds."""
    return build(tmp_path_factory.mktemp("contact-bare"), FILES, ("data", "statements", "pages"), **NO_CONTACTS)


def contact_page(output, lang):
    return parse(read(output, f"{lang}/contact/index.html"))


def test_the_contact_page_gives_every_channel_in_its_language(output, lang):
    page = contact_page(output, lang)
    gettext = LANGUAGES[lang].gettext
    assert page.html["lang"] == lang and text(page.h1) == gettext("Write to us safely")
    channels = select_one(page, "dl.channels")
    # CONTACTS in its order, then the short settings' channels
    assert [text(dt) for dt in channels.select("dt")] == ["Matrix", gettext("E-mail"), "Signal", "Telegram"]
    matrix, email, signal, telegram = channels.select("dd")
    assert email.select_one("a")["href"] == "mailto:help@example.org"
    assert signal.select_one("p.address").get_text() == "portal.01" and not signal.select("p.address a")
    assert telegram.select_one("a")["href"] == "https://t.me/portal_help"
    assert matrix.select_one("a")["href"] == "https://matrix.to/#/@portal:example.org"
    # The key, its fingerprint in full, and what each channel protects and what it does not.
    key_link = email.select_one('a[download]')
    assert key_link["href"] == "../../keys/maintainers.asc" and text(key_link) == "maintainers.asc"
    assert text(email.select_one("code.fingerprint")) == FINGERPRINT
    assert gettext("The subject line, the addresses and the time of an e-mail are never encrypted: keep the subject neutral.") in text(email)
    assert gettext("Signal encrypts messages from end to end. In the chat with us, turn on disappearing messages.") in text(signal)
    assert gettext("Ordinary Telegram chats are not end-to-end encrypted: Telegram keeps them on its servers. For anything sensitive, start a secret chat with us.") in text(telegram)


def test_the_contact_page_gives_the_safety_advice(output, bare, lang):
    for site in (output, bare):
        page = contact_page(site, lang)
        assert [heading["id"] for heading in page.select("main h2, main h3")] == [
            "channels", "safety", "belarus", "what-not-to-send", "this-site"]
        assert len(page.select("#belarus + p + ul li")) == 3 and len(page.select("#what-not-to-send + ul li")) == 3
        warning = LANGUAGES[lang].gettext("Issues and pull requests in the repository are public: anyone can read "
                                          "them, with the name of your account, and copies may remain even after "
                                          "they are deleted. Never use them for anything sensitive.")
        assert text(page.select_one("main p.warning")) == warning


def test_the_key_is_published_as_it_is(output):
    assert (output / "keys" / "maintainers.asc").read_bytes() == contact_key()


def test_without_a_channel_the_page_sends_to_the_repository_and_warns(bare, lang):
    page = contact_page(bare, lang)
    gettext = LANGUAGES[lang].gettext
    assert not page.select("dl.channels") and not page.select('a[href^="mailto:"]')
    channels = str(page).split('id="channels"', 1)[1].split('id="safety"', 1)[0]
    assert 'href="https://github.com/politprisoners-by/portal"' in channels
    assert gettext("Everything written there is public, with the name of your account. If you need to tell us "
                   "something sensitive, open an issue that says only that you need a private contact, with no "
                   "names and no details.") in text(parse(channels))
    assert not (bare / "keys").exists()


def test_the_help_page_and_every_footer_link_the_contact_page(output, lang):
    help_page = parse(read(output, f"{lang}/help/index.html"))
    assert select_one(help_page, "#contact + p a")["href"] == f"../../{lang}/contact/"
    assert not help_page.select('main a[href^="mailto:"]')  # the channels are on the contact page only
    for path in (f"{lang}/index.html", f"{lang}/people/ivan-ivanau/index.html", f"{lang}/statement/index.html"):
        footer = select_one(parse(read(output, path)), "footer")
        assert [a for a in footer.select("a") if a["href"].endswith(f"{lang}/contact/")], path


def test_the_statement_lists_every_channel_under_join(output):
    join = str(select_one(parse(read(output, "en/statement/index.html")), "#join"))
    for href in ("mailto:help@example.org", "https://t.me/portal_help", "https://matrix.to/#/@portal:example.org"):
        assert f'href="{href}"' in join
    assert "Signal: portal.01" in join


# The onion address

def onion_locations(output):
    """Each HTML file of the output -> the content of its onion-location meta tags."""
    return {page.relative_to(output).as_posix(): [meta["content"] for meta in
                                                  parse(page.read_text(encoding="utf-8")).select('meta[http-equiv="onion-location"]')]
            for page in sorted(output.rglob("*.html"))}


def test_every_page_names_its_own_address_on_the_onion_site(output):
    found = onion_locations(output)
    for path, locations in found.items():
        own = "" if path == "404.html" else path.removesuffix("index.html")
        assert locations == [ONION_BASE + own], path
    # every kind of page: the portal's, Pelican's text pages, the neutral and the bare ones
    for path in ["index.html", "404.html", "en/index.html", "be/people/index.html", "ru/people/ivan-ivanau/index.html",
                 "be/people/ivan-ivanov/index.html", "en/regions/gomel/index.html", "en/statement/index.html",
                 "ru/how-to-write/index.html", "en/embed/counter/index.html", "be/contact/index.html"]:
        assert path in found, path
    assert found["ru/people/ivan-ivanau/index.html"] == [f"{ONION_BASE}ru/people/ivan-ivanau/"]


def test_the_contact_page_gives_the_onion_address(output, lang):
    link = select_one(contact_page(output, lang), "#this-site ~ p a")
    assert link["href"] == ONION_BASE and text(link) == ONION_BASE


def test_no_onion_address_where_none_is_set(bare):
    assert not any(onion_locations(bare).values())
    assert ".onion" not in read(bare, "en/contact/index.html")


def test_a_key_of_someone_else_stops_the_build(tmp_path):
    with pytest.raises(ContentError) as caught:
        build(tmp_path, FILES, ("data",), **{**NO_CONTACTS, "CONTACT_EMAIL": "editors@example.org",
                                             "CONTACT_EMAIL_KEY": KEY_FILE})
    assert [problem.field for problem in caught.value.problems] == ["CONTACT_EMAIL"]
    assert "is not a key of editors@example.org" in str(caught.value)
