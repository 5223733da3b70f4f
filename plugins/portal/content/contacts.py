"""The maintainers' private channels and the site's onion address: read from the settings
(pelicanconf.py documents them) and checked, with the OpenPGP key of an e-mail channel read
from the content folder.

A mistake here puts people at risk rather than a page out of order: a key file that is
someone else's, or a private key, a misspelt onion address that leads to a stranger's site.
So the build stops, as for any problem in the content, where a channel is not what it says:
the key must be a public OpenPGP key, of the channel's address, with the fingerprint the
settings declare (where they declare one); the onion address must be a valid v3 address
(its checksum catches a mistyped letter).
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..language.localized import Localized
from .problems import Problem, shown_path

SETTINGS_SOURCE = "settings (pelicanconf.py, or PORTAL_* in the environment)"
CHANNELS = ("email", "signal", "telegram", "other")
# Where a channel of `other` may link: never a script, never data.
LINK_SCHEMES = ("https://", "http://", "mailto:", "xmpp:", "matrix:", "tel:")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_TELEGRAM = re.compile(r"^[A-Za-z][A-Za-z0-9_]{4,31}$")
_SIGNAL_USERNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{2,31}\.[0-9]{2,9}$")
_PHONE = re.compile(r"^\+[0-9][0-9 ]{6,18}[0-9]$")
_ONION_V3 = re.compile(r"^[a-z2-7]{56}$")


@dataclass(frozen=True)
class PublicKey:
    """An OpenPGP public key, as published: the file in the content folder and its fingerprint."""

    path: Path  # the file
    name: str  # its file name, as published (CONTACT_KEY_SAVE_AS's {name})
    data: bytes  # its bytes, published as they are
    fingerprint: str  # upper-case hexadecimal, 40 digits (v4) or 64 (v5, v6)
    user_ids: tuple[str, ...] = ()

    @property
    def fingerprint_groups(self) -> list[str]:
        """The fingerprint in groups of four, as mail programs show it."""
        return [self.fingerprint[i:i + 4] for i in range(0, len(self.fingerprint), 4)]


@dataclass(frozen=True)
class Channel:
    """One way to write to the maintainers."""

    kind: str  # one of CHANNELS
    address: str  # as shown: an e-mail address, a username, a number
    url: str | None = None  # where its link leads; None: shown as text only
    label: Localized | None = None  # of `other` channels, the messenger's or service's name
    key: PublicKey | None = None  # of e-mail channels, the key to encrypt to


@dataclass(frozen=True)
class Contacts:
    """The channels, in the order the maintainers gave them, and the onion address."""

    channels: tuple[Channel, ...] = ()
    onion: str | None = None  # the onion site's address, "http://<56 letters>.onion/" (and a path, if any)

    def __bool__(self) -> bool:
        return bool(self.channels)

    @property
    def keys(self) -> list[PublicKey]:
        return [channel.key for channel in self.channels if channel.key is not None]


def load_contacts(folder: Path, settings: dict) -> tuple[Contacts, list[Problem]]:
    """The channels of CONTACTS, then those of the short settings (CONTACT_EMAIL with
    CONTACT_EMAIL_KEY and CONTACT_EMAIL_FINGERPRINT, CONTACT_SIGNAL, CONTACT_TELEGRAM) that
    CONTACTS does not list already; and ONION_ADDRESS. Returns (contacts, problems)."""
    problems: list[Problem] = []
    entries = []
    listed = settings.get("CONTACTS") or []
    if not isinstance(listed, (list, tuple)):
        problems.append(_problem("CONTACTS", "is not a list.",
                                 'write CONTACTS = [{"channel": "email", "address": "…"}, …], or CONTACTS = [].'))
        listed = []
    entries += [(f"CONTACTS[{index}]", entry) for index, entry in enumerate(listed)]
    short = [("CONTACT_EMAIL", {"channel": "email", "address": settings.get("CONTACT_EMAIL"),
                                "key": settings.get("CONTACT_EMAIL_KEY"),
                                "fingerprint": settings.get("CONTACT_EMAIL_FINGERPRINT")}),
             ("CONTACT_SIGNAL", {"channel": "signal", "address": settings.get("CONTACT_SIGNAL")}),
             ("CONTACT_TELEGRAM", {"channel": "telegram", "address": settings.get("CONTACT_TELEGRAM")})]
    if (settings.get("CONTACT_EMAIL_KEY") or settings.get("CONTACT_EMAIL_FINGERPRINT")) and not settings.get("CONTACT_EMAIL"):
        problems.append(_problem("CONTACT_EMAIL_KEY", "is set, but CONTACT_EMAIL (the address the key is for) is not.",
                                 "set CONTACT_EMAIL (PORTAL_CONTACT_EMAIL) too, or remove the key."))
    entries += [(name, entry) for name, entry in short if entry["address"]]
    channels: list[Channel] = []
    seen: set[tuple[str, str]] = set()
    for name, entry in entries:
        channel, found = _channel(name, entry, folder, settings)
        problems += found
        if channel is not None and (channel.kind, channel.address.casefold()) not in seen:
            seen.add((channel.kind, channel.address.casefold()))
            channels.append(channel)
    names = {}
    for channel in channels:
        if channel.key is not None and names.setdefault(channel.key.name, channel.key.path) != channel.key.path:
            problems.append(_problem("CONTACTS", f'two key files are called "{channel.key.name}", and both would be '
                                     "published under that name.", "rename one of them."))
    onion, found = onion_address(settings.get("ONION_ADDRESS"))
    problems += found
    return Contacts(tuple(channels), onion), problems


def _problem(name: str, message: str, fix: str) -> Problem:
    return Problem(SETTINGS_SOURCE, None, name, message, fix)


def _channel(name: str, entry, folder: Path, settings: dict) -> tuple[Channel | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [_problem(name, "is not a channel.",
                               'write it as {"channel": "signal", "address": "…"}.')]
    unknown = sorted(set(entry) - {"channel", "address", "url", "label", "key", "fingerprint"})
    if unknown:
        return None, [_problem(name, f"has keys that no channel has: {', '.join(unknown)}.",
                               'a channel has "channel", "address", and "url", "label", "key" or "fingerprint".')]
    kind = entry.get("channel")
    if kind not in CHANNELS:
        return None, [_problem(name, f'"{kind}" is not a kind of channel.', f'write "channel": one of {", ".join(CHANNELS)}.')]
    address = str(entry.get("address") or "").strip()
    if not address:
        return None, [_problem(name, "has no address.", f'write "address": the {kind} address the maintainers read.')]
    if (entry.get("key") or entry.get("fingerprint")) and kind != "email":
        return None, [_problem(name, "has an OpenPGP key, which only e-mail channels have.",
                               'remove "key" and "fingerprint", or make it an e-mail channel.')]
    if kind == "email":
        return _email(name, address, entry, folder, settings)
    if kind == "signal":
        return _signal(name, address, entry.get("url"))
    if kind == "telegram":
        handle = address.removeprefix("https://t.me/").lstrip("@")
        if not _TELEGRAM.match(handle):
            return None, [_problem(name, f'"{address}" is not a Telegram username.',
                                   "write the username alone, e.g. portal_help (5 to 32 Latin letters, digits and _).")]
        return Channel("telegram", "@" + handle, f"https://t.me/{handle}"), []
    return _other(name, address, entry)


def _email(name: str, address: str, entry: dict, folder: Path, settings: dict) -> tuple[Channel | None, list[Problem]]:
    if not _EMAIL.match(address):
        return None, [_problem(name, f'"{address}" is not an e-mail address.', "write it as name@example.org.")]
    key = None
    if entry.get("key"):
        key, problems = read_key(folder, str(entry["key"]), settings, name, address)
        if problems:
            return None, problems
        declared = normal_fingerprint(entry.get("fingerprint") or "")
        if declared and declared != key.fingerprint:
            return None, [_problem(name, f"the key file {shown_path(key.path)} has the fingerprint {key.fingerprint}, "
                                         f"not the one the settings declare ({declared}).",
                                   "publish the maintainers' own key (and check who changed the file), or correct "
                                   "the declared fingerprint.")]
        if address.casefold() not in [mailbox.casefold() for user_id in key.user_ids for mailbox in mailboxes(user_id)]:
            return None, [_problem(name, f"the key file {shown_path(key.path)} is not a key of {address} "
                                         f"(its user ids: {', '.join(key.user_ids) or 'none'}).",
                                   "export the key of this address (gpg --armor --export ADDRESS), or write the "
                                   "address the key is for.")]
    elif entry.get("fingerprint"):
        return None, [_problem(name, "declares a fingerprint, but no key file.",
                               'add "key": the key file in the content folder, e.g. keys/maintainers.asc.')]
    return Channel("email", address, f"mailto:{address}", key=key), []


def _signal(name: str, address: str, url) -> tuple[Channel | None, list[Problem]]:
    if url is not None and not str(url).startswith("https://signal.me/"):
        return None, [_problem(name, f'"{url}" is not a Signal link.',
                               "copy the link Signal gives (Settings › Profile › Username › QR code or link): "
                               "https://signal.me/#eu/…, or leave it out.")]
    if _PHONE.match(address):
        return Channel("signal", address, url or "https://signal.me/#p/" + address.replace(" ", "")), []
    if not _SIGNAL_USERNAME.match(address.lstrip("@")):
        return None, [_problem(name, f'"{address}" is neither a Signal username nor a phone number.',
                               "write the username as Signal shows it (a name, a dot and two or more digits, "
                               "e.g. portal.01), or a number with its country code, e.g. +48 600 000 000.")]
    # A username has no public link of its own: only the one its owner's app makes (`url`).
    return Channel("signal", address.lstrip("@"), url), []


def _other(name: str, address: str, entry: dict) -> tuple[Channel | None, list[Problem]]:
    label = entry.get("label")
    if isinstance(label, str) and label.strip():
        label = Localized({None: label.strip()})
    elif isinstance(label, dict) and Localized(label):
        label = Localized(label)
    else:
        return None, [_problem(name, "has no label.",
                               'write "label": the name of the service, e.g. "Matrix", or one per language.')]
    url = entry.get("url")
    if url is not None and not str(url).startswith(LINK_SCHEMES):
        return None, [_problem(name, f'"{url}" is not a link the site may give.',
                               f"write an address starting with one of {', '.join(LINK_SCHEMES)}, or leave it out.")]
    return Channel("other", address, url, label=label), []


def read_key(folder: Path, relative: str, settings: dict, name: str = "CONTACT_EMAIL_KEY",
             address: str = "ADDRESS") -> tuple[PublicKey | None, list[Problem]]:
    """The public key in the file `relative` to the content folder, or the problems with it."""
    path = (folder / relative).resolve()
    people = (folder / settings.get("PORTAL_PEOPLE_PATH", "people")).resolve()
    relative_path = PurePosixPath(relative)
    if relative_path.is_absolute() or ".." in relative_path.parts or not path.is_relative_to(folder.resolve()):
        return None, [_problem(name, f'the key file "{relative}" is not in the content folder.',
                               "put the key in the content folder, e.g. content/keys/maintainers.asc, and write "
                               "its path from there: keys/maintainers.asc.")]
    if path.is_relative_to(people):
        return None, [_problem(name, f'the key file "{relative}" is in the people folder.',
                               "put it in a folder of its own, e.g. content/keys/.")]
    if not path.is_file():
        return None, [_problem(name, f"the key file {shown_path(path)} does not exist.",
                               f"export the public key there (gpg --armor --export {address} > {shown_path(path)}), "
                               "or correct the path.")]
    data = path.read_bytes()
    try:
        fingerprint, user_ids = key_fingerprint(data)
    except KeyFileError as error:
        return None, [Problem(shown_path(path), None, None, str(error), error.fix)]
    return PublicKey(path, path.name, data, fingerprint, tuple(user_ids)), []


# OpenPGP (RFC 4880, RFC 9580): just enough to find a public key's fingerprint and user ids.

class KeyFileError(ValueError):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.fix = fix


_NOT_A_KEY = "export the public key: gpg --armor --export ADDRESS > content/keys/maintainers.asc."


def mailboxes(user_id: str) -> list[str]:
    """The e-mail addresses of a user id: "Name (comment) <name@example.org>", or the address alone."""
    return re.findall(r"<([^<>\s]+)>", user_id) or ([user_id.strip()] if _EMAIL.match(user_id.strip()) else [])


def normal_fingerprint(text: str) -> str:
    return re.sub(r"\s+", "", str(text)).upper().removeprefix("0X")


def dearmor(data: bytes) -> bytes:
    """The packets of an ASCII-armored key, or `data` itself if it is not armored."""
    text = data.decode("ascii", errors="replace")
    if "-----BEGIN PGP" not in text:
        return data
    begin = re.search(r"-----BEGIN PGP ([A-Z ]+)-----", text)
    if begin is None:
        raise KeyFileError("the armored key is damaged (its first line is not -----BEGIN PGP …-----).", _NOT_A_KEY)
    if "PRIVATE" in begin.group(1) or "SECRET" in begin.group(1):
        raise KeyFileError("this file is a PRIVATE key: publishing it would let anyone read the maintainers' mail.",
                           "never commit it; delete it from the repository and from its history, make a new key, "
                           "and " + _NOT_A_KEY)
    if begin.group(1).startswith("PUBLIC") and begin.group(1) != "PUBLIC KEY BLOCK":
        raise KeyFileError("the armored key is damaged (its first line is not -----BEGIN PGP PUBLIC KEY BLOCK-----).",
                           _NOT_A_KEY)
    if begin.group(1) != "PUBLIC KEY BLOCK":
        raise KeyFileError(f"this file is an OpenPGP {begin.group(1).lower()}, not a public key.", _NOT_A_KEY)
    body = text[begin.end():].split("-----END PGP", 1)[0]
    lines = body.strip("\r\n").splitlines()
    if "" in [line.strip() for line in lines]:  # armor headers (Comment: …) end with an empty line
        lines = lines[[line.strip() for line in lines].index("") + 1:]
    lines = [line.strip() for line in lines if line.strip() and not (line.startswith("=") and len(line.strip()) == 5)]
    try:
        return base64.b64decode("".join(lines), validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError("the armored key is damaged (its text is not base64).", _NOT_A_KEY) from None


def packets(data: bytes):
    """(tag, body) of each OpenPGP packet."""
    try:
        yield from _packets(data)
    except IndexError:
        raise KeyFileError("the key is cut short.", _NOT_A_KEY) from None


def _packets(data: bytes):
    position = 0
    while position < len(data):
        header = data[position]
        if not header & 0x80:
            raise KeyFileError("this file is not an OpenPGP key.", _NOT_A_KEY)
        if header & 0x40:  # new format
            tag = header & 0x3F
            first = data[position + 1]
            if first < 192:
                length, position = first, position + 2
            elif first < 224:
                length, position = ((first - 192) << 8) + data[position + 2] + 192, position + 3
            elif first == 255:
                length, position = int.from_bytes(data[position + 2:position + 6], "big"), position + 6
            else:
                raise KeyFileError("this file is not an OpenPGP key (it has a partial-length packet).", _NOT_A_KEY)
        else:  # old format
            tag, length_type = (header >> 2) & 0x0F, header & 0x03
            if length_type == 3:
                raise KeyFileError("this file is not an OpenPGP key (it has a packet of indeterminate length).", _NOT_A_KEY)
            size = (1, 2, 4)[length_type]
            length = int.from_bytes(data[position + 1:position + 1 + size], "big")
            position += 1 + size
        if position + length > len(data):
            raise KeyFileError("the key is cut short.", _NOT_A_KEY)
        yield tag, data[position:position + length]
        position += length


def key_fingerprint(data: bytes) -> tuple[str, list[str]]:
    """The fingerprint of the primary key in `data` (armored or binary), and its user ids."""
    found = list(packets(dearmor(data)))
    if not found:
        raise KeyFileError("this file is empty.", _NOT_A_KEY)
    tag, body = found[0]
    if tag in (5, 7):
        raise KeyFileError("this file is a PRIVATE key: publishing it would let anyone read the maintainers' mail.",
                           "never commit it; delete it from the repository and from its history, make a new key, "
                           "and " + _NOT_A_KEY)
    if tag != 6 or not body:
        raise KeyFileError("this file does not start with a public key.", _NOT_A_KEY)
    version = body[0]
    if version == 4:
        fingerprint = hashlib.sha1(b"\x99" + len(body).to_bytes(2, "big") + body).hexdigest()
    elif version in (5, 6):
        prefix = b"\x9a" if version == 5 else b"\x9b"
        fingerprint = hashlib.sha256(prefix + len(body).to_bytes(4, "big") + body).hexdigest()
    else:
        raise KeyFileError(f"this is a version {version} key, which mail programs no longer accept.",
                           "make a new key (gpg --quick-generate-key ADDRESS) and " + _NOT_A_KEY)
    user_ids = [body.decode("utf-8", errors="replace") for tag, body in found if tag == 13]
    return fingerprint.upper(), user_ids


# Onion services (Tor's rend-spec-v3): an address is the service's public key, a checksum and
# the version, in base32.

def onion_address(value) -> tuple[str | None, list[Problem]]:
    """ONION_ADDRESS as the base of the pages' onion addresses ("http://….onion/" and a path,
    if the onion site serves the portal under one), or None where it is not set."""
    if not value or not str(value).strip():
        return None, []
    text = str(value).strip()
    scheme = "https://" if text.startswith("https://") else "http://"
    rest = text.removeprefix(scheme) if text.startswith(("http://", "https://")) else text
    host, _, path = rest.partition("/")
    host = host.lower() if host.lower().endswith(".onion") else host.lower() + ".onion"
    label = host.removesuffix(".onion").rsplit(".", 1)[-1]  # a sub-domain (www.….onion) is the same service
    if not _ONION_V3.match(label) or not valid_onion_checksum(label):
        return None, [_problem("ONION_ADDRESS", f'"{value}" is not a valid onion address (v3).',
                               "copy the address from the onion service's hostname file: 56 letters and "
                               "digits followed by .onion.")]
    path = path.strip("/")
    return f"{scheme}{host}/" + (path + "/" if path else ""), []


def valid_onion_checksum(label: str) -> bool:
    decoded = base64.b32decode(label.upper())
    public_key, checksum, version = decoded[:32], decoded[32:34], decoded[34:]
    expected = hashlib.sha3_256(b".onion checksum" + public_key + version).digest()[:2]
    return version == b"\x03" and checksum == expected


def onion_label(public_key: bytes) -> str:
    """The v3 onion address (without .onion) of a service's 32-byte public key."""
    version = b"\x03"
    checksum = hashlib.sha3_256(b".onion checksum" + public_key + version).digest()[:2]
    return base64.b32encode(public_key + checksum + version).decode("ascii").lower()
