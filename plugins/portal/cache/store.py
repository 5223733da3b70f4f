"""Stores of the build cache: results of slow, pure work, kept under Pelican's CACHE_PATH.

Each kind of result is one pickled file (a "store") in CACHE_PATH/portal/, read once and
written once per build, and only when it changed. A store is valid for one version (the
digest of what all its entries depend on, from cache/keys.py); a store of another version,
or a damaged one, reads as empty, so deleting the folder is always safe: the next build is
a cold one.
"""
from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path

from .digests import digest, stat_signature

logger = logging.getLogger(__name__)


class Store:
    """One pickled mapping in the cache folder, valid for one `version` (a digest of what all
    its entries depend on); a store of another version, or a damaged one, reads as empty."""

    def __init__(self, folder: Path | None, name: str, version: str):
        self.path = folder / f"{name}.pickle" if folder else None
        self.version = version

    def load(self, unpickler=pickle.Unpickler) -> dict:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            with self.path.open("rb") as stream:
                reader = unpickler(stream)
                if reader.load() != self.version:  # the version first: other code may not read the rest
                    return {}
                return reader.load()
        except Exception as error:  # noqa: BLE001 - a damaged cache is a cold build, never a failure
            logger.warning("Ignoring the damaged cache file %s (%s)", self.path, error)
            return {}

    def save(self, data: dict, pickler=pickle.Pickler) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)

        def write(stream) -> None:  # into the file as it goes: at 30,000 people a store is some 100 MB
            writer = pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
            writer.dump(self.version)
            writer.dump(data)
        write_atomically(self.path, write)


def write_atomically(path: Path, content) -> None:
    """Writes a file of the cache beside it and renames it into place, so that a build stopped
    half-way never leaves half a file. `content`: bytes, or a function that writes into the
    open binary stream. The file gets the usual permissions: photos and cards are linked into
    the published folder from here."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(partial, "wb") as stream:
            if callable(content):
                content(stream)
            else:
                stream.write(content)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def cache_folder(settings: dict) -> Path | None:
    """CACHE_PATH/portal, or None when the settings turn the cache off (PORTAL_CACHE = False)."""
    if not settings.get("PORTAL_CACHE", True) or not settings.get("CACHE_PATH"):
        return None
    return Path(settings["CACHE_PATH"]) / "portal"


class FileDigests:
    """Content digests of big files (photos), read again only when their stat signature changes."""

    def __init__(self, folder: Path | None):
        self.store = Store(folder, "file-digests", "1")
        self.known = self.store.load()
        self.used: dict[str, tuple] = {}

    def of(self, path: Path) -> str:
        key = str(path)
        signature = stat_signature(path)
        entry = self.known.get(key)
        if entry is None or entry[0] != signature:
            entry = (signature, digest(Path(path).read_bytes()))
        self.used[key] = entry
        return entry[1]

    def save(self) -> None:
        if self.used != self.known:
            self.store.save(self.used)
