"""Reading the person files for a build: each once for all languages, on every core, and only
when it changed.

The validated Person of the last build is reused when the file's bytes, the stat signature
of its photo and everything a record is checked against (its recipe in cache/keys.py: the
data files, the institutions, the settings, the code) are unchanged; only the other files are
read again (YAML, story Markdown, photo check), in forked workers when there are many. A
record with a problem is never kept, so its problems are reported again until it is fixed.

Persons travel to the cache file, and back from the workers, pickled with their links to the
reference data (category, region, institution, articles) replaced by ids and put back on
arrival: every Person points at this build's objects.
"""
from __future__ import annotations

import gc
import io
import pickle
from pathlib import Path

from ..cache.digests import digest, stat_signature
from ..cache.keys import Keys
from ..cache.store import Store
from ..content.model import Article, Category, Institution, Person, Region
from ..content.person import PersonFile, ReadingContext, read_person
from ..content.problems import Problem
from ..workers.fork import fork_map
from ..workers.progress import Steps, count

_LINKED = {Category: "categories", Region: "regions", Institution: "institutions", Article: "articles"}


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        kind = _LINKED.get(type(obj))
        return (kind, obj.id) if kind else None


def _unpickler_for(context: ReadingContext):
    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, pid):
            kind, key = pid
            return getattr(context.reference, kind)[key]
    return _Unpickler


def _dumps(value) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _read_one(file: PersonFile, context: ReadingContext) -> tuple:
    """(digest of the bytes, photo path, its signature, Person or None, problems)."""
    raw = file.path.read_bytes()
    person, problems = read_person(raw, file, context)
    photo = str(person.photo) if person is not None and person.photo else None
    return digest(raw, file.source_path), photo, stat_signature(photo) if photo else None, person, problems


class CachedReader:
    """A people reader for content.loader.load_content(): on every core, from the build cache
    where a record is unchanged. After reading, `digests` maps each valid person's id to the
    digest of its file: what the keys of that person's outputs are made from."""

    def __init__(self, folder: Path | None, keys: Keys, processes: int = 1, steps: Steps | None = None):
        self.folder = folder  # the cache folder, or None: nothing is kept
        self.keys = keys
        self.processes = processes
        self.steps = steps or Steps()
        self.digests: dict[str, str] = {}

    def __call__(self, files: list[PersonFile], context: ReadingContext) -> tuple[list[Person], list[Problem]]:
        # Reading makes objects that live as long as the build and almost no garbage cycles, while
        # the collector's passes over the growing heap cost more the more people there are (at
        # 30,000 they were half the time of make check): it rests while the records are read.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._read(files, context)
        finally:
            if collecting:
                gc.enable()

    def _read(self, files: list[PersonFile], context: ReadingContext) -> tuple[list[Person], list[Problem]]:
        # One store per content folder: a test's small site never evicts the real one.
        store = Store(self.folder, f"people-{digest(str(self.keys.content.resolve()))[:12]}", self.keys.recipe("record"))
        known = store.load(_unpickler_for(context)) if self.folder else {}

        progress = self.steps.start("Reading records")
        results: dict[str, tuple] = {}
        to_read = []
        for file in files:
            entry = known.get(file.source_path)
            if entry is not None and _unchanged(file, entry):
                results[file.source_path] = entry
            else:
                to_read.append(file)

        def arrived(chunk):
            arrived.count += len(chunk)
            progress.update(f"{count(len(results) + arrived.count)} of {count(len(files))}")
        arrived.count = 0

        if to_read:
            loads = _unpickler_for(context)
            # Each record is unpickled as it arrives: at 30,000 people all of them pickled at once
            # were some 150 MB more at the build's peak.
            fresh = fork_map(lambda file: _dumps(_read_one(file, context)), to_read, self.processes,
                             chunk=128, on_chunk=arrived, then=lambda pickled: loads(io.BytesIO(pickled)).load())
            for file, entry in zip(to_read, fresh):
                results[file.source_path] = entry

        people, problems, kept = [], [], {}
        recipe = self.keys.recipe("record")
        for file in files:
            entry = results[file.source_path]
            raw_digest, _, _, person, found = entry
            problems += found
            if person is not None:
                people.append(person)
                # What the person was made from: the file, and how it was read (the recipe).
                self.digests[person.id] = digest(recipe, raw_digest)
                kept[file.source_path] = entry
        progress.done(f"{count(len(files))} read, {count(len(to_read))} of them changed since the last build")
        # Records read without their stories (make check) are never kept: a build needs them whole.
        if self.folder and context.render_stories and (to_read or kept.keys() != known.keys()):
            store.save(kept, _Pickler)
        return people, problems


def _unchanged(file: PersonFile, entry: tuple) -> bool:
    raw_digest, photo, signature, _, _ = entry
    if photo is not None and stat_signature(photo) != signature:
        return False
    return digest(file.path.read_bytes(), file.source_path) == raw_digest
