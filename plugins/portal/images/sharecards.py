"""Share cards: the Open Graph images of the pages, drawn with Pillow at build time (no
metadata at all) when SITEURL is set (og:image needs an absolute address:
publish/publications.py). Which page names which card: pages/urls.py, card_file().

- A public person with a photo has one card for every language: the photo, the name as the
  site's default language writes it and in Latin letters, the site's name in both, and the
  host. Nothing on it is in one language only, so the be, ru and en pages share it; the
  status is in the preview's description, in the reader's language. Previews show a card
  600 pixels wide or less, so it is a 600x315 JPEG (quality 80), drawn at twice that and
  reduced: about 18 KiB, where three 1200x630 cards at quality 85 were 175 KiB
  (bench/README.md).
- The home page's card, one per language (1200x630, a palette PNG), has the current total
  and its date; every other page names it, a person's without a photo too.

Every card is kept in the cache (CACHE_PATH/portal/sharecards/) under its key: its texts,
the photo's key, the fonts' bytes and the "share card" recipe of cache/keys.py (this
module, Pillow's version), so a rebuild links an unchanged card instead of drawing it
again, and a change of layout redraws all. A card is drawn from one decoding of the photo's
largest rendition (photos.py: already upright, in sRGB, and small), on a canvas drawn once,
and the output folder gets hard links to the cache, not copies.
"""
from __future__ import annotations

import functools
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..cache.digests import stable_repr
from ..cache.keys import Keys
from ..cache.outputs import Outputs, link_or_copy
from ..cache.store import cache_folder, write_atomically
from ..content.model import Person
from ..figures.totals import Totals
from ..language.language import Language, Languages
from ..pages.urls import PERSON_CARD_SIZE, Urls, card_file
from ..workers.fork import fork_map
from ..workers.progress import Steps, count
from .fonts import FontFile, font, font_files
from .photos import Photos

WIDTH, HEIGHT = 1200, 630  # the drawing; a person's card is then reduced to PERSON_CARD_SIZE
PERSON_CARD_QUALITY = 80  # JPEG: at 600 pixels no different to the eye from 85, at 7/8 of the bytes
MARGIN, BAR = 80, 24
PHOTO_WIDTH = 440
ACCENT, TEXT, MUTED, BACKGROUND = (138, 28, 28), (27, 27, 27), (85, 85, 85), (255, 255, 255)
# A card of text only is drawn straight in palette indices: each ink in 16 steps of
# anti-aliasing on white (step 0 of every ink is the white background, index 0).
INKS, STEPS = (ACCENT, TEXT, MUTED), 16


@dataclass(frozen=True)
class CardJob:
    save_as: str
    key: str  # the hash of what the card is made of; its name in the cache
    kind: str  # "home" or "person"
    owner: str  # the person's id, or "home": a worker makes an owner's cards together
    texts: dict
    photo: Path | None

    @property
    def cached_name(self) -> str:
        return self.key + os.path.splitext(self.save_as)[1]


def as_of_text(language: Language, totals: Totals) -> str:
    """The date of the figures under a number ("as of 22 October 2021"), on cards and badges."""
    return language.gettext("as of %(date)s") % {"date": language.date(totals.as_of)} if totals.as_of else ""


class ShareCards:
    def __init__(self, settings: dict, urls: Urls, output_path: str, languages: Languages, photos: Photos,
                 keys: Keys, outputs: Outputs | None = None, processes: int = 1, steps: Steps | None = None):
        self.settings = settings
        self.urls = urls
        self.output_path = output_path
        self.languages = languages
        self.photos = photos
        self.keys = keys
        self.outputs = outputs  # the record of the output folder (cache/outputs.py): what may be kept
        self.processes = processes
        self.steps = steps or Steps()
        self._jobs: list[CardJob] = []  # in the order described
        folder = cache_folder(settings)
        # Without a cache (PORTAL_CACHE = False) the cards are drawn into a folder of this build's.
        self._scratch = None if folder else tempfile.TemporaryDirectory(prefix="portal-cards-")
        self.cache = folder / "sharecards" if folder else Path(self._scratch.name)
        self.fonts = font_files(settings)
        split = urlsplit(settings.get("SITEURL") or "")
        self.host = (split.netloc + split.path.rstrip("/")) if split.netloc else ""
        self.drawn = self.copied = 0
        self._canvases: dict[tuple, Image.Image] = {}  # (site, host) -> the empty card, per process

    def write_all(self, people: list[Person], totals: Totals) -> int:
        """Writes every card; returns how many were drawn (the others came from the cache).

        A card the output folder already holds from the same key is left alone; the others are
        linked from the cache, drawn into it first where it lacks them, on every core."""
        progress = self.steps.start("Share cards")
        for language in self.languages:
            self._home(language, totals)
        for person in people:
            self._person(person)
        todo = [job for job in self._jobs if self.outputs is None or not self.outputs.unchanged(job.save_as, job.key)]
        # A person's cards in every language go to one worker: they share the photo.
        batches: dict[str, list[CardJob]] = {}
        for job in todo:
            batches.setdefault(job.owner, []).append(job)
        self.drawn = 0

        def done(chunk):
            for drawn, written in chunk:
                self.drawn += drawn
                for save_as, key, status in written:
                    if self.outputs is not None:
                        self.outputs.wrote(save_as, key, status)
            progress.update(f"{count(self.drawn)} drawn")
        fork_map(self._make, list(batches.values()), self.processes, chunk=8, on_chunk=done, renew_after=32)
        self.copied = len(todo) - self.drawn
        # Cards no page uses any more (a renamed person, an old total) leave the cache, so it
        # does not grow from build to build.
        used = {job.cached_name for job in self._jobs}
        for stale in self.cache.glob("*.*") if self.cache.is_dir() else []:
            if stale.name not in used:
                stale.unlink()
        progress.done(f"{count(len(self._jobs))} cards, {count(self.drawn)} drawn")
        return self.drawn

    # The cards

    def _home(self, language: Language, totals: Totals) -> None:
        texts = {
            "site": (language.gettext("Political prisoners of Belarus"),),
            "number": language.number(totals.total),
            "phrase": language.ngettext("person is a political prisoner or is persecuted for political reasons",
                                        "people are political prisoners or are persecuted for political reasons",
                                        totals.total),
            "as_of": as_of_text(language, totals),
            "host": self.host,
        }
        self._write(card_file(self.urls, language.code).save_as, "home", "home", texts)

    def _person(self, person: Person) -> None:
        photo = self.photos.largest.get(person.id)
        if not self.settings.get("PERSON_CARD_SAVE_AS") or photo is None:
            return  # their pages name the home card (card_file)
        shown = card_languages(self.languages)
        texts = {
            "site": _distinct(language.gettext("Political prisoners of Belarus") for language in shown),
            "names": _distinct(person.headline(language).name for language in shown),
            "host": self.host,
        }
        self._write(card_file(self.urls, self.languages.default.code, person).save_as, "person", person.id, texts,
                    photo, self.photos.keys.get(person.id))

    def _write(self, save_as: str, kind: str, owner: str, texts: dict, photo: Path | None = None,
               photo_key: str | None = None) -> None:
        """Describes a card; write_all() makes it."""
        key = self.keys.key("share card", kind, stable_repr(texts), photo_key or "",
                            *(self.fonts[weight].digest for weight in sorted(self.fonts)))
        self._jobs.append(CardJob(save_as, key, kind, owner, texts, photo))

    def _make(self, batch: list[CardJob]) -> tuple[int, list[tuple[str, str, tuple[int, int]]]]:
        """Puts cards that share a photo (a person's, in each language) into the output folder,
        from the cache or drawn into it first, decoding the photo once. Returns how many were
        drawn, and (save_as, key, (size, mtime)) of each file."""
        fitted = None
        drawn, written = 0, []
        for job in batch:
            cached = self.cache / job.cached_name
            if not cached.exists():
                if fitted is None and job.photo is not None:
                    fitted = _fitted_photo(job.photo)
                self._draw_into(cached, job, fitted)
                drawn += 1
            target = os.path.join(self.output_path, job.save_as)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            link_or_copy(cached, target)
            status = os.stat(target)
            written.append((job.save_as, job.key, (status.st_size, status.st_mtime_ns)))
        return drawn, written

    def _draw_into(self, cached: Path, job: CardJob, fitted: Image.Image | None) -> None:
        draw = self._draw_home if job.kind == "home" else self._draw_person
        image = draw(job.texts, fitted)
        self.cache.mkdir(parents=True, exist_ok=True)
        # Saved with no info at all: no text chunk, no EXIF, no time.
        if image.mode != "RGB":  # indices: a palette PNG, a third of the size of an RGB one
            image.putpalette(_text_palette())
            write_atomically(cached, lambda stream: image.save(stream, "PNG"))
            return
        # Drawn at twice the size and reduced: the text is as smooth as a font renderer makes it.
        reduced = image.resize(PERSON_CARD_SIZE, Image.Resampling.LANCZOS)
        write_atomically(cached, lambda stream: reduced.save(stream, "JPEG", quality=PERSON_CARD_QUALITY,
                                                             optimize=True, progressive=True))  # 4 % smaller

    # Drawing

    def _font(self, weight: str, size: int) -> ImageFont.FreeTypeFont:
        return font(self.fonts[weight], size)

    def _canvas(self, texts: dict, photo: bool) -> Image.Image:
        """A new card with what every card of its kind has: the bar, the site's name (in a second
        alphabet below it, on a person's card) and the host. With a photo it is RGB, without
        one palette indices (INKS)."""
        key = (texts["site"], texts["host"], photo)
        empty = self._canvases.get(key)
        if empty is None:
            empty = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND) if photo else Image.new("L", (WIDTH, HEIGHT), 0)
            _paste(empty, (0, 0, BAR, HEIGHT), None, ACCENT)
            first, *others = texts["site"]
            baseline = 56 + self._font("bold", 34).getmetrics()[0]
            self._line(empty, first, "bold", 34, MARGIN, baseline, ACCENT)
            for other in others:
                baseline += 40
                self._line(empty, other, "regular", 28, MARGIN, baseline, MUTED)
            if texts["host"]:
                self._line(empty, texts["host"], "regular", 28, MARGIN, HEIGHT - 60, MUTED)
            self._canvases[key] = empty
        return empty.copy()

    def _draw_home(self, texts: dict, photo) -> Image.Image:
        image = self._canvas(texts, photo=False)
        width = WIDTH - 2 * MARGIN
        self._line(image, texts["number"], "bold", self._fitting("bold", texts["number"], width, 200, 80).size,
                   MARGIN, 290, ACCENT)
        y = self._paragraph(image, texts["phrase"], "regular", 44, 30, width, 3, MARGIN, 320, TEXT)
        self._paragraph(image, texts["as_of"], "regular", 36, 28, width, 1, MARGIN, y + 16, MUTED)
        return image

    def _draw_person(self, texts: dict, fitted: Image.Image | None) -> Image.Image:
        image = self._canvas(texts, photo=fitted is not None)
        right = WIDTH - MARGIN
        if fitted is not None:
            image.paste(fitted, (WIDTH - PHOTO_WIDTH, 0))
            right = WIDTH - PHOTO_WIDTH - 48
        width = right - MARGIN
        first, *others = texts["names"]
        y = self._paragraph(image, first, "bold", 76, 44, width, 3, MARGIN, 180, TEXT, shared=False)
        for other in others:
            y = self._paragraph(image, other, "regular", 48, 32, width, 2, MARGIN, y + 28, MUTED, shared=False)
        return image

    def _line(self, image: Image.Image, text: str, weight: str, size: int, x: int, baseline: int, ink,
              shared: bool = True) -> None:
        """One line of text, its baseline starting at (x, baseline)."""
        rasterise = _text_mask if shared else _text_mask_recent
        mask, (left, top) = rasterise(self.fonts[weight], size, text)
        _paste(image, (x + left, baseline + top), mask, ink)

    def _fitting(self, weight: str, text: str, width: int, largest: int, smallest: int) -> ImageFont.FreeTypeFont:
        size = largest
        while size > smallest and self._font(weight, size).getlength(text) > width:
            size -= 4
        return self._font(weight, size)

    def _paragraph(self, image: Image.Image, text: str, weight: str, largest: int, smallest: int, width: int,
                   max_lines: int, x: int, y: int, fill, shared: bool = True) -> int:
        """Draws `text` wrapped to `width` in at most `max_lines` lines, in the largest size that fits
        (the last line is cut with … below the smallest), its first line's top at `y`; returns the
        bottom of the last line. A text on many cards (`shared`) is laid out and rasterised once."""
        size, lines = (_layout if shared else _layout_recent)(self.fonts[weight], text, largest, smallest, width,
                                                               max_lines)
        line_height = round(size * 1.2)
        baseline = y
        for index, line in enumerate(lines):
            baseline = y + round(size * 0.95) + index * line_height
            self._line(image, line, weight, size, x, baseline, fill, shared)
        return baseline + round(size * 0.3)


def card_languages(languages: Languages) -> list[Language]:
    """The languages a person's card writes in: the site's default one, and the first in another
    alphabet (be and en: the name in Cyrillic and in Latin letters)."""
    default = languages.default
    other = next((language for language in languages if not set(language.alphabet) & set(default.alphabet)), None)
    return [default, *([other] if other else [])]


def _distinct(texts) -> tuple[str, ...]:
    """The texts without repeats or blanks, in order (a name given in English only is shown once)."""
    return tuple(dict.fromkeys(text for text in texts if text))


def _paste(image: Image.Image, box: tuple, coverage: Image.Image | None, ink: tuple) -> None:
    """Ink through a coverage mask (None: the whole box). On an RGB card it blends into what is
    there, as ImageDraw does; on a card of palette indices each covered pixel takes the ink's
    step for its coverage (a line does not overlap another, so nothing is lost by not blending)."""
    if image.mode == "RGB":
        image.paste(ink, box, coverage)
    elif coverage is None:
        image.paste(_ink_steps(ink)[255], box)
    else:
        image.paste(coverage.point(_ink_steps(ink)), box, coverage.point(_COVERED))


_COVERED = [0] + [255] * 255


@functools.lru_cache(maxsize=None)
def _ink_steps(ink: tuple) -> list[int]:
    """Coverage (0 to 255) -> the palette index of the ink at that coverage."""
    first = INKS.index(ink) * STEPS
    return [first + round(value * (STEPS - 1) / 255) for value in range(256)]


@functools.lru_cache(maxsize=256)
def _layout(file: FontFile, text: str, largest: int, smallest: int, width: int, max_lines: int) -> tuple[int, tuple]:
    """The size and lines of a paragraph (ShareCards._paragraph). Thousands of cards share
    their status lines: each is measured once."""
    size = largest
    while True:
        measure = font(file, size)
        lines = _wrap(text, measure, width)
        # A word wider than the column (a long double surname) makes the size smaller too.
        fits = all(measure.getlength(line) <= width for line in lines)
        if (len(lines) <= max_lines and fits) or size <= smallest:
            break
        size -= 4
    cut = len(lines) > max_lines
    lines = lines[:max_lines]
    for index, line in enumerate(lines):
        if (cut and index == len(lines) - 1) or measure.getlength(line) > width:
            while line and measure.getlength(line + "…") > width:
                line = line[:-1]
            lines[index] = line.rstrip() + "…"
    return size, tuple(lines)


@functools.lru_cache(maxsize=256)
def _text_mask(file: FontFile, size: int, line: str) -> tuple[Image.Image, tuple[int, int]]:
    """A line of text as coverage (0 to 255), and its box's corner from the left end of its
    baseline. Pasting a colour through it blends like ImageDraw.text, and a line that thousands
    of cards share (a status, the site's name) is rasterised once."""
    face = font(file, size)
    left, top, right, bottom = face.getbbox(line, anchor="ls")
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(mask).text((-left, -top), line, font=face, fill=255, anchor="ls")
    return mask, (left, top)


def _fitted_photo(photo: Path) -> Image.Image:
    """The photo cut to the card's photo column. It is the largest rendition (photos.py): its
    pixels are already bare, upright and in sRGB, so it is only decoded. Faces are near the
    top of a portrait: the crop keeps the upper part. The rendition can be a little smaller
    than the column (480 pixels wide, 630 high): on a card shown a third as large, that does
    not show."""
    with Image.open(photo) as image:
        pixels = image.convert("RGB")
    return ImageOps.fit(pixels, (PHOTO_WIDTH, HEIGHT), Image.Resampling.BICUBIC, centering=(0.5, 0.3))


@functools.lru_cache(maxsize=1)
def _text_palette() -> list[int]:
    """The colours of a card without a photo (INKS), as putpalette() takes them."""
    return [round(ink[k] * step / (STEPS - 1) + BACKGROUND[k] * (1 - step / (STEPS - 1)))
            for ink in INKS for step in range(STEPS) for k in range(3)]


# A name is on its person's cards only, drawn one after another: these remember the last few.
_layout_recent = functools.lru_cache(maxsize=8)(_layout.__wrapped__)
_text_mask_recent = functools.lru_cache(maxsize=8)(_text_mask.__wrapped__)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]
