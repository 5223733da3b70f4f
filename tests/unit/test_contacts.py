"""The maintainers' channels and the onion address, from the settings (content/contacts.py):
each kind of channel, the OpenPGP key's fingerprint and the checks that stop a build before it
publishes a wrong key or a mistyped onion address."""
from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from conftest import ROOT, SETTINGS
from portal.content.contacts import (
    Channel, KeyFileError, dearmor, key_fingerprint, load_contacts, onion_address, onion_label, packets,
    valid_onion_checksum,
)

KEY = (ROOT / "tests" / "fixtures" / "contact-key.asc").read_bytes()
# The fixture key: fictional, made with GnuPG 2.2 for these tests only; `gpg --fingerprint` shows this.
FINGERPRINT = "5F20774FA29079293BA8C05F6500C3D8C3B304DE"
KEY_ADDRESS = "help@example.org"
# A fictional onion address: the v3 address of a made-up 32-byte key.
ONION = onion_label(hashlib.sha256(b"fictional portal onion").digest())
NO_CONTACTS = {name: None for name in ("CONTACT_EMAIL", "CONTACT_EMAIL_KEY", "CONTACT_EMAIL_FINGERPRINT",
                                       "CONTACT_SIGNAL", "CONTACT_TELEGRAM", "ONION_ADDRESS")}


@pytest.fixture
def content(in_tmp) -> Path:
    folder = in_tmp / "content"
    (folder / "keys").mkdir(parents=True)
    (folder / "people" / "photos").mkdir(parents=True)
    (folder / "keys" / "maintainers.asc").write_bytes(KEY)
    return folder


def contacts(folder: Path, **settings):
    return load_contacts(folder, {**SETTINGS, **NO_CONTACTS, "CONTACTS": [], **settings})


def only_problem(folder: Path, **settings) -> str:
    found, problems = contacts(folder, **settings)
    assert not found.channels and len(problems) == 1, problems
    return str(problems[0])


# The OpenPGP key

def test_the_fingerprint_and_user_ids_of_an_armored_key_are_gnupgs():
    assert key_fingerprint(KEY) == (FINGERPRINT, ["Portal maintainers (fictional test key) <help@example.org>"])


def test_the_fingerprint_does_not_depend_on_the_form_of_the_packets():
    binary = dearmor(KEY)
    (tag, body), *rest = packets(binary)
    assert tag == 6 and binary[0] == 0x98  # GnuPG writes the old format, with a one-byte length
    others = binary[2 + len(body):]
    two_byte_length = bytes([0x99]) + len(body).to_bytes(2, "big") + body + others
    new_format = bytes([0xC6, len(body)]) + body + others
    for data in (binary, two_byte_length, new_format):
        assert key_fingerprint(data)[0] == FINGERPRINT


def test_armor_headers_are_skipped():
    with_header = KEY.replace(b"BLOCK-----\n\n", b"BLOCK-----\nComment: the maintainers' key\n\n")
    assert key_fingerprint(with_header)[0] == FINGERPRINT


def test_a_private_key_is_refused_armored_or_binary():
    armored = KEY.replace(b"PUBLIC KEY BLOCK", b"PRIVATE KEY BLOCK")
    binary = bytes([0x94]) + dearmor(KEY)[1:]  # the same packet tagged as a secret key (5)
    for data in (armored, binary):
        with pytest.raises(KeyFileError, match="PRIVATE key"):
            key_fingerprint(data)


@pytest.mark.parametrize("data, message", [
    (b"just some text\n", "not an OpenPGP key"),
    (b"-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n", "signature, not a public key"),
    (b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!!\n-----END PGP PUBLIC KEY BLOCK-----\n", "damaged"),
    (bytes([0x98, 0x05, 0x03, 0, 0, 0, 0]), "version 3 key"),
    (bytes([0x98, 0x40, 0x04]), "cut short"),
    (bytes([0x99, 0x01]), "cut short"),  # in the middle of a length
    (b"-----BEGIN PGP PUBLIC KEY-----\n", "damaged"),
    (bytes([0xB4, 0x03]) + b"abc", "does not start with a public key"),  # a user id alone
])
def test_what_is_not_a_public_key_is_reported(data, message):
    with pytest.raises(KeyFileError, match=message):
        key_fingerprint(data)


# The channels

def test_every_kind_of_channel_in_the_order_given(content):
    found, problems = contacts(content, CONTACTS=[
        {"channel": "email", "address": KEY_ADDRESS, "key": "keys/maintainers.asc",
         "fingerprint": "5F20 774F A290 7929 3BA8  C05F 6500 C3D8 C3B3 04DE"},
        {"channel": "signal", "address": "portal.01"},
        {"channel": "signal", "address": "+48 600 000 000"},
        {"channel": "telegram", "address": "@portal_help"},
        {"channel": "other", "label": {"be": "Матрыкс", "en": "Matrix"}, "address": "@editors:example.org",
         "url": "https://matrix.to/#/@editors:example.org"},
    ])
    assert not problems
    email, username, number, telegram, other = found.channels
    assert (email.kind, email.address, email.url) == ("email", KEY_ADDRESS, f"mailto:{KEY_ADDRESS}")
    assert email.key.fingerprint == FINGERPRINT and email.key.name == "maintainers.asc" and email.key.data == KEY
    assert email.key.fingerprint_groups == ["5F20", "774F", "A290", "7929", "3BA8", "C05F", "6500", "C3D8", "C3B3", "04DE"]
    assert username == Channel("signal", "portal.01", None)  # a username has no link but the one its app makes
    assert number == Channel("signal", "+48 600 000 000", "https://signal.me/#p/+48600000000")
    assert telegram == Channel("telegram", "@portal_help", "https://t.me/portal_help")
    assert (other.address, other.url, other.label.values) == (
        "@editors:example.org", "https://matrix.to/#/@editors:example.org", {"be": "Матрыкс", "en": "Matrix"})
    assert found.keys == [email.key] and found.onion is None


def test_the_short_settings_follow_contacts_and_what_both_give_is_shown_once(content):
    found, problems = contacts(content, CONTACTS=[{"channel": "telegram", "address": "portal_help"}],
                               CONTACT_EMAIL=KEY_ADDRESS, CONTACT_EMAIL_KEY="keys/maintainers.asc",
                               CONTACT_SIGNAL="portal.01", CONTACT_TELEGRAM="Portal_Help")
    assert not problems
    assert [(channel.kind, channel.address) for channel in found.channels] == [
        ("telegram", "@portal_help"), ("email", KEY_ADDRESS), ("signal", "portal.01")]
    assert found.channels[1].key.fingerprint == FINGERPRINT


def test_the_app_link_of_a_signal_username(content):
    link = "https://signal.me/#eu/fictionalfictional"
    found, _ = contacts(content, CONTACTS=[{"channel": "signal", "address": "portal.01", "url": link}])
    assert found.channels[0].url == link


def test_without_any_channel_there_is_none(content):
    found, problems = contacts(content)
    assert not found and found.channels == () and not problems


@pytest.mark.parametrize("entry, message", [
    ({"channel": "pigeon", "address": "x"}, '"pigeon" is not a kind of channel'),
    ({"channel": "email"}, "has no address"),
    ({"channel": "email", "address": "not an address"}, "is not an e-mail address"),
    ({"channel": "telegram", "address": "x"}, "is not a Telegram username"),
    ({"channel": "signal", "address": "portal"}, "neither a Signal username nor a phone number"),
    ({"channel": "signal", "address": "portal.01", "url": "https://evil.example/"}, "is not a Signal link"),
    ({"channel": "signal", "address": "portal.01", "key": "keys/maintainers.asc"}, "only e-mail channels have"),
    ({"channel": "other", "address": "x"}, "has no label"),
    ({"channel": "other", "label": "X", "address": "x", "url": "javascript:alert(1)"}, "not a link the site may give"),
    ({"channel": "email", "address": "a@example.org", "colour": "red"}, "keys that no channel has: colour"),
    ("help@example.org", "is not a channel"),
])
def test_a_channel_that_is_not_what_it_says_stops_the_build(content, entry, message):
    assert message in only_problem(content, CONTACTS=[entry])


@pytest.mark.parametrize("key, message", [
    ("keys/missing.asc", "does not exist"),
    ("../outside.asc", "is not in the content folder"),
    ("/etc/passwd", "is not in the content folder"),
    ("people/photos/key.asc", "is in the people folder"),
])
def test_the_key_file_must_be_in_the_content_folder(content, key, message):
    (content / "people" / "photos" / "key.asc").write_bytes(KEY)
    (content.parent / "outside.asc").write_bytes(KEY)
    assert message in only_problem(content, CONTACTS=[{"channel": "email", "address": KEY_ADDRESS, "key": key}])


def test_a_key_whose_fingerprint_is_not_the_declared_one_stops_the_build(content):
    problem = only_problem(content, CONTACT_EMAIL=KEY_ADDRESS, CONTACT_EMAIL_KEY="keys/maintainers.asc",
                           CONTACT_EMAIL_FINGERPRINT="0" * 40)
    assert f"has the fingerprint {FINGERPRINT}, not the one the settings declare ({'0' * 40})" in problem


def test_a_key_of_another_address_stops_the_build(content):
    problem = only_problem(content, CONTACT_EMAIL="other@example.org", CONTACT_EMAIL_KEY="keys/maintainers.asc")
    assert "is not a key of other@example.org" in problem and "help@example.org" in problem


def test_a_private_key_in_the_content_folder_stops_the_build(content):
    (content / "keys" / "secret.asc").write_bytes(KEY.replace(b"PUBLIC KEY BLOCK", b"PRIVATE KEY BLOCK"))
    problem = only_problem(content, CONTACT_EMAIL=KEY_ADDRESS, CONTACT_EMAIL_KEY="keys/secret.asc")
    assert "content/keys/secret.asc" in problem and "PRIVATE key" in problem and "never commit it" in problem


def test_a_fingerprint_without_a_key_or_a_key_without_an_address(content):
    assert "declares a fingerprint, but no key file" in only_problem(
        content, CONTACTS=[{"channel": "email", "address": KEY_ADDRESS, "fingerprint": FINGERPRINT}])
    assert "CONTACT_EMAIL (the address the key is for) is not" in only_problem(
        content, CONTACT_EMAIL_KEY="keys/maintainers.asc")


# The onion address

@pytest.mark.parametrize("given, base", [
    (ONION, f"http://{ONION}.onion/"),
    (f"{ONION}.onion", f"http://{ONION}.onion/"),
    (f"http://{ONION.upper()}.onion/", f"http://{ONION}.onion/"),
    (f"https://www.{ONION}.onion", f"https://www.{ONION}.onion/"),
    (f"http://{ONION}.onion/portal/", f"http://{ONION}.onion/portal/"),  # the portal under a path there
    (None, None),
    ("", None),
])
def test_the_onion_address_as_the_base_of_the_pages_addresses(given, base):
    assert onion_address(given) == (base, [])


@pytest.mark.parametrize("given", [
    ONION[:-1] + ("a" if ONION[-1] != "a" else "b"),  # one letter mistyped: the checksum fails
    "expyuzz4wqqyqhjn.onion",  # a v2 address: no longer served
    "example.org",
    "a" * 56,
])
def test_a_mistyped_onion_address_stops_the_build(given):
    base, problems = onion_address(given)
    assert base is None and [problem.field for problem in problems] == ["ONION_ADDRESS"]


def test_the_checksum_of_a_real_onion_address():
    """torproject.org's onion address, as the Tor Project publishes it: a test of the checksum
    against a value this code did not make."""
    assert valid_onion_checksum("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid")
    assert not valid_onion_checksum("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wie")


def test_the_onion_address_comes_with_the_contacts(content):
    found, problems = contacts(content, ONION_ADDRESS=ONION)
    assert found.onion == f"http://{ONION}.onion/" and not problems and not found
    _, problems = contacts(content, ONION_ADDRESS="mistyped.onion")
    assert [problem.field for problem in problems] == ["ONION_ADDRESS"]


def test_the_fixture_key_is_a_public_key_only():
    assert b"PRIVATE" not in KEY and base64.b64decode(b"".join(KEY.splitlines()[2:-2]))[0] == 0x98
