"""The build cache: results of slow, pure work, kept under Pelican's CACHE_PATH.

Every entry is keyed by digests of what it was computed from (file contents, the plugin's
code, the versions of the libraries that did the work, the settings), never by time, so a
build that uses the cache writes exactly the files a build without it writes; a test
compares the two byte for byte. Deleting the folder is always safe: the next build is a
cold one.

Each kind of result is one pickled file (a "store") in CACHE_PATH/portal/, read once and
written once per build, and only when it changed.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path

logger = logging.getLogger(__name__)

# The libraries whose output ends up in the site: a new version may write different bytes.
_LIBRARIES = ["Markdown", "nh3", "PyYAML", "pillow", "Jinja2", "MarkupSafe", "babel", "pelican", "pagefind_bin"]
_code_version: str | None = None


def digest(*parts: bytes | str) -> str:
    """A short, stable digest of the parts (bytes or text), which cannot run into each other."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def code_version() -> str:
    """The plugin's own source and the versions of the libraries that produce the output."""
    global _code_version
    if _code_version is None:
        parts = [sys.version]
        for name in _LIBRARIES:
            try:
                parts.append(f"{name}=={metadata.version(name)}")
            except metadata.PackageNotFoundError:
                parts.append(f"{name} missing")
        package = Path(__file__).resolve().parent.parent
        for path in sorted(package.rglob("*.py")):
            parts += [path.relative_to(package).as_posix(), path.read_bytes()]
        _code_version = digest(*parts)
    return _code_version


def tree_digest(*folders: Path | str, skip: tuple[Path, ...] = ()) -> str:
    """A digest of every file below the folders (names and contents), except below `skip`."""
    parts = []
    for folder in folders:
        folder = Path(folder)
        if not folder.exists():
            parts.append(f"{folder} missing")
            continue
        for root, dirs, files in os.walk(folder):
            root_path = Path(root)
            dirs[:] = sorted(d for d in dirs if root_path / d not in skip)
            for name in sorted(files):
                path = root_path / name
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def stable_repr(value) -> str:
    """repr() without what changes from run to run (object addresses, set order)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{stable_repr(k)}: {stable_repr(v)}"
                               for k, v in sorted(value.items(), key=lambda item: repr(item[0]))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_repr(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_repr(v) for v in value)) + "}"
    if callable(value):
        return f"<{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__name__)}>"
    text = repr(value)
    return f"<{type(value).__module__}.{type(value).__qualname__}>" if " at 0x" in text else text


# Settings that change how the build runs, never what it writes.
_UNWRITTEN_SETTINGS = {"PORTAL_PROCESSES", "PORTAL_CACHE", "CACHE_PATH"}


def settings_digest(settings: dict) -> str:
    return digest(stable_repr({key: value for key, value in settings.items()
                               if key.isupper() and key not in _UNWRITTEN_SETTINGS}))


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
        buffer = io.BytesIO()
        writer = pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        writer.dump(self.version)
        writer.dump(data)
        # Written beside and renamed: a build stopped half-way never leaves half a file.
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(buffer.getbuffer())
            os.replace(temporary, self.path)
        except BaseException:
            os.unlink(temporary)
            raise


def cache_folder(settings: dict) -> Path | None:
    """CACHE_PATH/portal, or None when the settings turn the cache off (PORTAL_CACHE = False)."""
    if not settings.get("PORTAL_CACHE", True) or not settings.get("CACHE_PATH"):
        return None
    return Path(settings["CACHE_PATH"]) / "portal"


def stat_signature(path: Path | str) -> tuple[int, int, int] | None:
    """What tells a changed file from the same file without reading it: size, modification
    time in nanoseconds and inode (as git and make do). None if the file is missing."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino)


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
