"""Reading the person files: each once for all languages, on every core, and only when it changed.

The validated Person of the last build is reused when the file's bytes, the stat signature
of its photo and everything a record is checked against (the data files, the institutions,
the settings, this code) are unchanged; only the other files are read again (YAML, story
Markdown, photo check), in forked workers when there are many. A record with a problem is
never kept, so its problems are reported again until it is fixed.

Persons travel to the cache file, and back from the workers, pickled with their links to the
data objects (category, region, institution, articles) replaced by ids and put back on
arrival: every Person points at this build's objects.
"""
from __future__ import annotations

import gc
import io
import pickle
from dataclasses import dataclass
from pathlib import Path

from ..workers import fork as parallel
from ..cache.digests import Store, cache_folder, code_version, digest, stable_repr, stat_signature, tree_digest
from ..content.model import Article, Category, Institution, Person, Region
from ..content.person import References, read_person
from ..workers.progress import Progress, count

_LINKED = {Category: "categories", Region: "regions", Institution: "institutions", Article: "articles"}


@dataclass(frozen=True)
class PersonFile:
    path: Path
    shown: str  # as the contributor sees it
    source_path: str  # relative to the content folder
    stem: str


@dataclass
class PeopleRead:
    people: list[Person]
    problems: list
    digests: dict[str, str]  # person id -> digest of the record file's bytes


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        kind = _LINKED.get(type(obj))
        return (kind, obj.id) if kind else None


def _unpickler_for(refs: References):
    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, pid):
            kind, key = pid
            return getattr(refs, kind)[key]
    return _Unpickler


def _dumps(value) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _read_one(file: PersonFile, refs: References) -> tuple:
    """(digest of the bytes, photo path, its signature, Person or None, problems)."""
    raw = file.path.read_bytes()
    person, problems = read_person(raw, file.shown, file.source_path, file.stem, refs)
    photo = str(person.photo) if person is not None and person.photo else None
    return digest(raw, file.source_path), photo, stat_signature(photo) if photo else None, person, problems


def read_people(files: list[PersonFile], refs: References, content: Path, settings: dict,
                use_cache: bool = False, processes: int = 1) -> PeopleRead:
    # Reading makes objects that live as long as the build and almost no garbage cycles, while
    # the collector's passes over the growing heap cost more the more people there are (at
    # 30,000 they were half the time of make check): it rests while the records are read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_people(files, refs, content, settings, use_cache, processes)
    finally:
        if collecting:
            gc.enable()


def _read_people(files: list[PersonFile], refs: References, content: Path, settings: dict,
                 use_cache: bool, processes: int) -> PeopleRead:
    folder = cache_folder(settings) if use_cache else None
    data_dir = content / settings["PORTAL_DATA_PATH"]
    institutions_dir = content / settings["PORTAL_INSTITUTIONS_PATH"]
    version = digest(code_version(), tree_digest(data_dir, institutions_dir),
                     stable_repr(settings["PORTAL_LANGUAGES"]), str(refs.photos_dir))
    # One store per content folder: a test's small site never evicts the real one.
    store = Store(folder, f"people-{digest(str(content.resolve()))[:12]}", version)
    known = store.load(_unpickler_for(refs)) if folder else {}

    progress = Progress("Reading records")
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
        loads = _unpickler_for(refs)
        fresh = parallel.fork_map(lambda file: _dumps(_read_one(file, refs)), to_read, processes,
                                  chunk=128, on_chunk=arrived)
        for file, pickled in zip(to_read, fresh):
            results[file.source_path] = loads(io.BytesIO(pickled)).load()

    people, problems, digests, kept = [], [], {}, {}
    for file in files:
        entry = results[file.source_path]
        raw_digest, _, _, person, found = entry
        problems += found
        if person is not None:
            people.append(person)
            digests[person.id] = raw_digest
            kept[file.source_path] = entry
    progress.done(f"{count(len(files))} read, {count(len(to_read))} of them changed since the last build")
    # Records read without their stories (make check) are never kept: a build needs them whole.
    if folder and refs.render_stories and (to_read or kept.keys() != known.keys()):
        store.save(kept, _Pickler)
    return PeopleRead(people, problems, digests)


def _unchanged(file: PersonFile, entry: tuple) -> bool:
    raw_digest, photo, signature, _, _ = entry
    if photo is not None and stat_signature(photo) != signature:
        return False
    return digest(file.path.read_bytes(), file.source_path) == raw_digest
