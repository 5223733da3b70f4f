"""Person photos, re-encoded at the sizes the theme shows, with no metadata at all.

Pillow decodes the image and a new image is built from the bare pixels, so EXIF (GPS
position, camera, date), XMP, IPTC and comments cannot reach the output. The orientation
EXIF describes is applied too, so the photo still stands the right way up.

Re-encoding is the slowest step of a first build (a few milliseconds a photo), so it is
done once per photo: the renditions are kept in the build cache under their key (the photo's
bytes and the "photo" recipe of cache/keys.py: this module's code, the widths, Pillow's
version) and linked from there, and a rendition already in the output folder from the last
build is left alone. New photos are encoded on every core. Large JPEGs are decoded at a
reduced scale (libjpeg's DCT scaling, never below the largest width needed), and the
smaller rendition is made from the larger one.
"""
from __future__ import annotations

import io
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms

from ..cache.keys import Keys
from ..cache.outputs import Outputs, link_or_copy
from ..cache.store import FileDigests, Store, write_atomically
from ..content.problems import ContentError, Problem, shown_path
from ..workers.fork import fork_map
from ..workers.progress import Steps, count

_SRGB = ImageCms.createProfile("sRGB")
# EXIF orientation -> the transposition that stands the photo upright (as ImageOps.exif_transpose).
_UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
            5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
            8: Image.Transpose.ROTATE_90}

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass
class Photos:
    """The public people's photos as this build wrote them."""

    renditions: dict[str, list[Rendition]] = field(default_factory=dict)  # person id -> smallest first
    keys: dict[str, str] = field(default_factory=dict)  # person id -> the key of its renditions
    largest: dict[str, Path] = field(default_factory=dict)  # person id -> its largest rendition's file


def renditions_of(source: Path, widths: list[int]) -> list[tuple[int, int, bytes]]:
    """The photo at each width as (width, height, JPEG bytes), smallest first. Never enlarged: a
    photo narrower than a width gets one rendition at its own width instead, and none above."""
    with Image.open(source) as image:
        orientation = image.getexif().get(0x0112, 1)
        turned = orientation in (5, 6, 7, 8)  # stored lying on its side
        upright_width, upright_height = (image.height, image.width) if turned else image.size
        targets = []
        for width in sorted(widths):
            if width > upright_width and targets:
                break
            targets.append(min(width, upright_width))
        _draft(image, (targets[-1], 1), turned)
        image = _srgb(image)
        results = []
        current = image
        for width in reversed(targets):  # the largest first: each smaller one is made from it
            height = round(upright_height * width / upright_width)
            size = (height, width) if turned else (width, height)
            if all(abs(now - 2 * wanted) <= 1 for now, wanted in zip(current.size, size)):
                # Half of the last one, give or take the rounding of an odd side: the mean of
                # each 2x2 block, a fraction of bicubic's time (and the side a pixel shorter).
                current = current.reduce(2)
                height = current.width if turned else current.height
            elif current.size != size:
                current = current.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
            upright = current.transpose(_UPRIGHT[orientation]) if orientation in _UPRIGHT else current
            # Only the pixels survive: no EXIF, ICC profile, comment or anything else.
            bare = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            encoded = io.BytesIO()
            bare.save(encoded, "JPEG", quality=82, optimize=True)
            results.append((width, height, encoded.getvalue()))
    return results[::-1]


def _draft(image: Image.Image, size: tuple[int, int], turned: bool) -> None:
    """Has libjpeg decode at 1/2, 1/4 or 1/8 of the size where the upright photo still covers
    `size` (DCT scaling: a fraction of the full decode's cost)."""
    if image.format == "JPEG":
        image.draft(image.mode, size[::-1] if turned else size)


def _srgb(image: Image.Image) -> Image.Image:
    """The pixels in sRGB (RGB or grey), transparency on white."""
    profile = image.info.get("icc_profile")
    image.load()
    if profile:
        try:
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(profile)), _SRGB,
                outputMode="RGB" if image.mode != "RGBA" else "RGBA")
        except ImageCms.PyCMSError:
            pass  # a broken profile: keep the pixels as they are
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    return image


class PhotoWriter:
    """Writes every public person's photo renditions into the output folder."""

    def __init__(self, settings: dict, output_path: str, folder: Path | None, keys: Keys, outputs: Outputs,
                 processes: int = 1, steps: Steps | None = None):
        self.widths = sorted(settings["PHOTO_WIDTHS"])
        self.save_as = settings["PHOTO_SAVE_AS"]
        self.url = settings["PHOTO_URL"]
        self.output_path = output_path
        self.folder = folder / "photos" if folder else None
        self.digests = FileDigests(folder)
        # key -> [(width, height)] of its renditions, for the renditions in the cache folder
        self.index_store = Store(folder, "photos", "1")
        self.keys = keys
        self.outputs = outputs
        self.processes = processes
        self.steps = steps or Steps()

    def write(self, people) -> Photos:
        """The renditions of the people's photos, each from the cache or encoded."""
        progress = self.steps.start("Photos")
        index = self.index_store.load()
        wanted = [person for person in people if person.photo is not None]
        keys = {person.id: self.keys.key("photo", self.digests.of(person.photo)) for person in wanted}
        photos, to_write = {}, []
        for person in wanted:
            key = keys[person.id]
            sizes = index.get(key)
            if sizes and all(self.outputs.unchanged(self.save_as.format(id=person.id, width=width), key)
                             for width, _ in sizes):
                photos[person.id] = self._renditions(person.id, sizes)
            else:
                to_write.append(person)
        # Each on every core: from the cache where it has the renditions, or encoded (and kept).
        jobs = []
        for person in to_write:
            key = keys[person.id]
            cached = index[key] if key in index and self._in_cache(key, index[key]) else None
            jobs.append((person.id, key, person.photo, cached))
        encoding = len({key for _, key, _, cached in jobs if cached is None})

        def done(chunk):
            done.count += len(chunk)
            progress.update(f"{count(done.count)} of {count(len(jobs))} written, {count(encoding)} to re-encode")
        done.count = 0
        failed = []
        for person_id, key, sizes, written in fork_map(lambda job: self._write_person(*job), jobs,
                                                       self.processes, chunk=16, on_chunk=done):
            if isinstance(written, str):  # the photo could not be re-encoded: say which, after the others
                failed.append(Problem(shown_path(sizes), None, "photo", f"the photo cannot be re-encoded ({written}).",
                                      "save it again as a JPEG, PNG or WebP file of a few megapixels at most."))
                continue
            index[key] = sizes
            for name, status in written:
                self.outputs.wrote(name, key, status)
            photos[person_id] = self._renditions(person_id, sizes)
        if failed:
            raise ContentError(failed)
        self.digests.save()
        used = {key: index[key] for key in keys.values()}
        if self.folder is not None and used != self.index_store.load():
            self.index_store.save(used)
        progress.done(f"{count(len(photos))} photos, {count(encoding)} re-encoded, {count(len(to_write))} written")
        if photos:
            logger.info("Processed %d photos (%d re-encoded)", len(photos), encoding)
        # The share cards are drawn from the largest rendition (images/sharecards.py).
        largest = {person_id: self.file_of(person_id, max(rendition.width for rendition in renditions))
                   for person_id, renditions in photos.items()}
        return Photos(photos, keys, largest)

    def file_of(self, person_id: str, width: int) -> Path:
        """Where a rendition is in the output folder."""
        return Path(self.output_path, self.save_as.format(id=person_id, width=width))

    def _renditions(self, person_id: str, sizes) -> list[Rendition]:
        return [Rendition(self.url.format(id=person_id, width=width), width, height) for width, height in sizes]

    def _cache_path(self, key: str, width: int) -> Path:
        return self.folder / key[:2] / f"{key}-{width}.jpg"

    def _in_cache(self, key: str, sizes) -> bool:
        return self.folder is not None and all(self._cache_path(key, width).is_file() for width, _ in sizes)

    def _from_cache(self, key: str, sizes):
        return [(width, height, self._cache_path(key, width)) for width, height in sizes]

    def _write_person(self, person_id: str, key: str, source: Path, sizes):
        """Writes a person's renditions into the output folder, from the cache (`sizes` given)
        or newly encoded, then kept in the cache. Returns (person id, key, [(width, height)],
        [(file name, (size, mtime))]); of a photo that cannot be encoded, (person id, key, its
        path, what went wrong)."""
        if sizes is None:
            try:
                made = renditions_of(source, self.widths)
            except Exception as error:  # noqa: BLE001 - reported with the file's name, not as a traceback
                return person_id, key, source, str(error)
            if self.folder is not None:
                (self.folder / key[:2]).mkdir(parents=True, exist_ok=True)
                for width, _, data in made:
                    write_atomically(self._cache_path(key, width), data)
                made = self._from_cache(key, [(width, height) for width, height, _ in made])
        else:
            made = self._from_cache(key, sizes)
        written = []
        for width, _, data in made:
            name = self.save_as.format(id=person_id, width=width)
            target = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if isinstance(data, bytes):  # no cache folder
                with open(target, "wb") as stream:
                    stream.write(data)
            else:
                link_or_copy(data, target)
            status = os.stat(target)
            written.append((name, (status.st_size, status.st_mtime_ns)))
        return person_id, key, [(width, height) for width, height, _ in made], written
