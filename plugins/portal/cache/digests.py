"""Digests: short, stable names for what an output is made from (cache/keys.py puts them
together). Never a time: a build that uses the cache writes exactly the files a build
without it writes, and a test compares the two byte for byte."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def digest(*parts: bytes | str) -> str:
    """A short, stable digest of the parts (bytes or text), which cannot run into each other."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


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
    if callable(value):  # a function, a class: by name (its code is in the code digest)
        return f"<{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__name__)}>"
    if type(value).__repr__ is object.__repr__:  # object.__repr__ names the address, new every run
        return f"<{type(value).__module__}.{type(value).__qualname__}>"
    return repr(value)


def stat_signature(path: Path | str) -> tuple[int, int, int] | None:
    """What tells a changed file from the same file without reading it: size, modification
    time in nanoseconds and inode (as git and make do). None if the file is missing."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ino)
