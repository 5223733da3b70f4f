"""The files the portal puts in the output folder: which it may keep, and which became stale.

Emptying the output folder at the start of every build (Pelican's DELETE_OUTPUT_DIRECTORY)
would cost a rebuild as much as the first build: 30,000 pages written again for one
corrected date. Instead the build records, per output folder, every file it wrote with
the key it was made from (cache/keys.py) and the size and modification time it left; the
next build keeps a file whose key, size and time are unchanged, writes the others, and at
the end deletes every file of the last build that this build did not make (a person who
became counted-only leaves no page behind). With no record of the output folder (the first
build, a deleted cache), the folder is emptied first, as before.

Files that Pelican's own writer makes (the text pages, the feeds) are recorded through its
signals (pipeline/hooks.py); theme files are copied by Pelican on every build and never removed
here.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from .digests import digest
from .store import Store, cache_folder

logger = logging.getLogger(__name__)

Entry = tuple  # (key or None, size, mtime_ns)


class Outputs:
    def __init__(self, output_path: str, settings: dict):
        self.root = Path(output_path)
        self.base = str(self.root)  # os.path.join is many times faster than pathlib, 60,000 times a build
        folder = cache_folder(settings)
        self.store = Store(folder, f"output-{digest(str(self.root.resolve()))[:12]}", "1")
        self.previous: dict[str, Entry] = self.store.load() if folder else {}
        self.current: dict[str, Entry] = {}
        self.kept = 0

    def start(self, retention) -> None:
        """Empties the output folder unless the last build's files are known."""
        if not self.previous and self.root.is_dir():
            from pelican.utils import clean_output_dir  # Pelican's own emptying; the rest needs no Pelican

            clean_output_dir(str(self.root), retention)

    def unchanged(self, name: str, key: str) -> bool:
        """True (and the file is kept) if the last build wrote `name` from the same key and it is
        still as that build left it."""
        entry = self.previous.get(name)
        if entry is None or entry[0] != key:
            return False
        try:
            status = os.stat(os.path.join(self.base, name))
        except OSError:
            return False
        if (status.st_size, status.st_mtime_ns) != entry[1:]:
            return False
        self.current[name] = entry
        self.kept += 1
        return True

    def unchanged_folder(self, folder: str, key: str) -> bool:
        """True (and its files are kept) if the last build wrote the folder's files from the same
        key and each is still as that build left it."""
        prefix = folder.rstrip("/") + "/"
        names = [name for name in self.previous if name.startswith(prefix)]
        kept = self.kept
        if names and all(self.unchanged(name, key) for name in names):
            return True
        for name in names:  # partly kept: none of it is
            self.current.pop(name, None)
        self.kept = kept
        return False

    def wrote_folder(self, folder: str, key: str | None = None) -> None:
        """Records every file below `folder` (relative to the output folder)."""
        for root, _, files in os.walk(self.root / folder):
            for file in files:
                path = Path(root, file)
                self.wrote(path.relative_to(self.root).as_posix(), key)

    def wrote(self, name: str, key: str | None = None, status: tuple[int, int] | None = None) -> None:
        """Records a file this build wrote (`status`: its size and mtime_ns, if already known)."""
        if status is None:
            result = os.stat(os.path.join(self.base, name))
            status = (result.st_size, result.st_mtime_ns)
        self.current[name] = (key, *status)

    def wrote_path(self, path: str | os.PathLike, key: str | None = None) -> None:
        name = os.path.relpath(path, self.root)
        if not name.startswith(".."):
            self.wrote(Path(name).as_posix(), key)

    def finish(self) -> None:
        """Deletes what the last build wrote and this one did not; remembers this build's files."""
        stale = [name for name in self.previous if name not in self.current]
        folders = set()
        for name in stale:
            path = self.root / name
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            folders.add(path.parent)
        # Folders left empty go too (a person's page is a folder of its own).
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            while folder != self.root and self.root in folder.parents:
                try:
                    folder.rmdir()
                except OSError:
                    break
                folder = folder.parent
        if stale:
            logger.info("Removed %d files that this build no longer makes", len(stale))
        if self.current != self.previous:
            self.store.save(self.current)


def link_or_copy(source: str | os.PathLike, target: str) -> None:
    """Puts a file of the cache (a photo, a share card) into the output folder: a hard link
    where both are on one file system, so 30,000 share cards are on disk once, else a copy.
    Every writer of the build replaces files rather than writing into them, so the cache is
    never changed through the link."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
