"""The content as a git revision had it (BASE), next to the working tree's.

Which files differ comes from git (`git diff BASE`, and the files git does not track). When
none of them is a data file or an institution (what every record is checked against: the
record's recipe in cache/keys.py), the records of the files that did not change are the
working tree's own, already read, and only the changed files are read from BASE (their bytes
from `git cat-file`, with the photos they name); otherwise BASE's content folder is taken out
with `git archive` into a temporary folder and read whole.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime
import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..content.frontmatter import read_markdown_record
from ..content.loader import PeopleReader, load_content
from ..content.model import Content
from ..content.person import PersonFile, ReadingContext, read_person
from ..content.problems import ContentError, Problem, shown_path
from ..language.language import Languages
from .records import Version


class RevisionError(Exception):
    """BASE cannot be read: not a git repository, or not a revision of it."""


@dataclasses.dataclass(frozen=True)
class Repository:
    top: Path  # the working tree's root
    prefix: str  # the content folder, relative to it ("content/"; "" when it is the root)

    @classmethod
    def of(cls, content: Path) -> "Repository":
        if not content.is_dir():
            raise RevisionError(f"{content} is not a folder.")
        try:
            top = _git(content, "rev-parse", "--show-toplevel").decode().strip()
            prefix = _git(content, "rev-parse", "--show-prefix").decode().strip()
        except RevisionError:
            raise RevisionError(f"{shown_path(content)} is not in a git repository: a review compares it with a "
                                "revision of one.") from None
        return cls(Path(top), prefix)

    def commit(self, revision: str) -> str:
        """The commit `revision` names, in full."""
        if not revision or revision.startswith("-"):
            raise RevisionError(f'"{revision}" is not a git revision.')
        try:
            return _git(self.top, "rev-parse", "--verify", "--quiet", "--end-of-options",
                        f"{revision}^{{commit}}").decode().strip()
        except RevisionError:
            raise RevisionError(f'"{revision}" is not a git revision (a branch, a tag or a commit) of {self.top}: '
                                "e.g. make review BASE=main, or BASE=origin/main after git fetch.") from None

    def changed(self, commit: str) -> dict[str, str]:
        """Paths relative to the content folder whose files differ from `commit`'s: A (only in the
        working tree), D (only in the commit) or M (in both, different)."""
        spec = self.prefix or "."
        changed: dict[str, str] = {}
        fields = _git(self.top, "diff", "--name-status", "--no-renames", "-z", commit, "--", spec).split(b"\0")
        for status, path in zip(fields[0::2], fields[1::2]):
            letter = status.decode()[:1]
            changed[self._relative(path)] = letter if letter in ("A", "D") else "M"
        # Files git does not track (ignored ones too: the loader reads whatever is in the folder).
        for path in _git(self.top, "ls-files", "--others", "-z", "--", spec).split(b"\0"):
            if path:
                changed[self._relative(path)] = "A"
        return changed

    def blobs(self, commit: str, paths: list[str]) -> dict[str, bytes]:
        """The bytes of files (relative to the content folder) in `commit`; missing ones left out."""
        if not paths:
            return {}
        request = "".join(f"{commit}:{self.prefix}{path}\n" for path in paths).encode()
        output = _git(self.top, "cat-file", "--batch", input=request)
        found, position = {}, 0
        for path in paths:
            end = output.index(b"\n", position)
            header = output[position:end].split()
            position = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                found[path] = output[position:position + size]
                position += size + 1
        return found

    def extract(self, commit: str, folder: Path, without: list[str] = ()) -> Path:
        """The content folder of `commit` written below `folder` (but the sub-folders `without`);
        returns where it is."""
        spec = [self.prefix or "."] + [f":(exclude){self.prefix}{path}" for path in without]
        folder.mkdir(parents=True, exist_ok=True)
        archive = ["git", "archive", "--format=tar", commit, "--", *spec]
        if shutil.which("tar"):  # about twice as fast as tarfile at 10,000 files
            with subprocess.Popen(archive, cwd=self.top, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as git:
                tar = subprocess.run(["tar", "-x", "-f", "-", "-C", str(folder)], stdin=git.stdout,
                                     capture_output=True)
                git.stdout.close()
                failed = git.wait() != 0 and git.stderr.read().decode(errors="replace").strip()
            if failed or tar.returncode != 0:
                raise RevisionError(failed or tar.stderr.decode(errors="replace").strip())
        else:
            with tarfile.open(fileobj=io.BytesIO(_git(self.top, *archive[1:]))) as tar:
                tar.extractall(folder, filter="data")
        content = folder / self.prefix
        content.mkdir(parents=True, exist_ok=True)
        return content

    def _relative(self, path: bytes) -> str:
        return os.fsdecode(path)[len(self.prefix):]


def _git(folder: Path, *args: str, input: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=folder, input=input, capture_output=True)
    except FileNotFoundError:
        raise RevisionError("git is not installed: a review reads BASE's content with git.") from None
    if result.returncode != 0:
        raise RevisionError(result.stderr.decode(errors="replace").strip())
    return result.stdout


@dataclasses.dataclass(frozen=True)
class Folders:
    """The content's folders, relative to the content folder (from the settings)."""

    people: str
    photos: str
    data: str
    institutions: str

    @classmethod
    def from_settings(cls, settings: dict) -> "Folders":
        people = settings["PORTAL_PEOPLE_PATH"].strip("/")
        return cls(people, f"{people}/{settings['PORTAL_PHOTOS_PATH'].strip('/')}",
                   settings["PORTAL_DATA_PATH"].strip("/"), settings["PORTAL_INSTITUTIONS_PATH"].strip("/"))


def _under(path: str, folder: str) -> bool:
    return path.startswith(folder + "/")


@contextlib.contextmanager
def base_version(repository: Repository, commit: str, shown: str, new: Content, new_photos: Path,
                 changed: dict[str, str], settings: dict, languages: Languages,
                 reader_for: Callable[[Path], PeopleReader], today: datetime.date | None = None) -> Iterator[Version]:
    """BASE's content, as a Version that lives as long as the `with` block. `shown`: how BASE's
    files are named in problems ("main:content/people/…"). Raises ContentError with BASE's problems."""
    folders = Folders.from_settings(settings)
    with tempfile.TemporaryDirectory(prefix="portal-review-") as temporary:
        folder = Path(temporary)
        if any(_under(path, folders.data) or _under(path, folders.institutions) for path in changed):
            # The photos are most of the bytes: BASE's own only where a photo the working tree has is
            # another (M) or gone (D); else the working tree's (BASE's records name none of the added ones).
            own_photos = any(_under(path, folders.photos) and status != "A" for path, status in changed.items())
            content = repository.extract(commit, folder / "base", [] if own_photos else [folders.photos])
            photos = content / folders.photos
            if not photos.exists() and new_photos.is_dir():
                photos.parent.mkdir(parents=True, exist_ok=True)
                # The working tree's photos, the same as BASE's but for the ones added: linked, not
                # copied, where they are on one file system (a symbolic link is refused as content).
                shutil.copytree(new_photos, photos, copy_function=_link_or_copy)
            try:
                old = load_content(content, settings, today, read_people=reader_for(content), render_stories=False,
                                   languages=languages)
            except ContentError as error:
                raise ContentError([_relabelled(problem, shown_path(content), f"{shown}:{repository.prefix}")
                                    for problem in error.problems])

            def raw(path: str) -> bytes | None:
                file = content / path
                return file.read_bytes() if file.is_file() else None
            yield Version(old, photos.resolve(), raw)
        else:
            old, blobs, photos = _changed_people(repository, commit, shown, new, new_photos, changed, folders,
                                                 languages, folder, today or datetime.date.today())
            yield Version(old, photos.resolve(), blobs.get)


def _changed_people(repository: Repository, commit: str, shown: str, new: Content, new_photos: Path,
                    changed: dict[str, str], folders: Folders, languages: Languages, folder: Path,
                    today: datetime.date) -> tuple[Content, dict[str, bytes], Path]:
    """BASE's people: the working tree's where the file and its photo are the same, BASE's own
    reading of the others."""
    def is_record(path: str) -> bool:
        parts = path.split("/")
        return (_under(path, folders.people) and not _under(path, folders.photos) and path.endswith(".md")
                and not any(part.startswith(".") for part in parts))

    records = {path for path, status in changed.items() if is_record(path) and status != "A"}
    # A record whose photo was replaced is read again too, so that the two versions differ.
    replaced = {path for path, status in changed.items() if status == "M" and _under(path, folders.photos)}
    photos_folder = new_photos.resolve()
    for person in new.people:
        if person.photo is not None and person.photo.is_relative_to(photos_folder):
            if f"{folders.photos}/{person.photo.relative_to(photos_folder).as_posix()}" in replaced:
                records.add(person.source_path)
    blobs = repository.blobs(commit, sorted(records))
    # The photos those records name, as BASE has them.
    photos = folder / "photos"
    photos.mkdir()
    wanted = {}
    for path, raw in blobs.items():
        record, _ = read_markdown_record(raw, path)
        name = record.data.get("photo") if record is not None else None
        if isinstance(name, str) and name.strip() and ".." not in name.split("/") and not name.startswith("/"):
            wanted[name.strip()] = f"{folders.photos}/{name.strip()}"
    from_base = repository.blobs(commit, [path for path in wanted.values() if changed.get(path) in ("M", "D")])
    for name, path in wanted.items():
        target = photos / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if path in from_base:
            target.write_bytes(from_base[path])
        elif path not in changed and (new_photos / name).is_file():
            shutil.copyfile(new_photos / name, target)

    reference = new.reference
    context = ReadingContext(reference, languages, photos, f"{shown}:{repository.prefix}{folders.photos}", today,
                             render_stories=False)
    people = [person for person in new.people if person.source_path not in changed and person.source_path not in blobs]
    problems: list[Problem] = []
    for path, raw in blobs.items():
        file = PersonFile(folder / path, f"{shown}:{repository.prefix}{path}", path, Path(path).stem)
        person, found = read_person(raw, file, context)
        problems += found
        if person is not None:
            people.append(person)
    if problems:
        raise ContentError(problems)
    old = Content(**{name: getattr(reference, name) for name in type(reference).__dataclass_fields__})
    old.people = sorted(people, key=lambda person: person.id)
    return old, blobs, photos


def _relabelled(problem: Problem, temporary: str, shown: str) -> Problem:
    """A problem of a file in the temporary folder, named as in BASE ("main:content/people/a.md")."""
    path = problem.path
    if path.startswith(temporary):
        path = shown + path[len(temporary):].lstrip("/")
    return dataclasses.replace(problem, path=path, message=problem.message.replace(temporary + "/", shown))


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
