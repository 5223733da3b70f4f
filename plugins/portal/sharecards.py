"""Share cards: the Open Graph image of each public person's page and of the home page, per
language, drawn with Pillow at build time (1200x630 PNG, no metadata at all).

A person's card has the name in the card's language, the photo if there is one, the status
and the site's name; the home page's card has the current total and its date. Every card is
kept in the cache (CACHE_PATH/sharecards/) under a hash of everything that makes it (texts,
photo bytes, fonts, and the drawing code itself: this module and photos.py), so a rebuild
copies an unchanged card instead of drawing it again, and a change of layout redraws all.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFont, ImageOps

from . import parallel, photos
from .photos import clean_pixels

WIDTH, HEIGHT = 1200, 630
MARGIN, BAR = 80, 24
PHOTO_WIDTH = 440
ACCENT, TEXT, MUTED, BACKGROUND = (138, 28, 28), (27, 27, 27), (85, 85, 85), (255, 255, 255)


class ShareCards:
    def __init__(self, settings: dict, urls, output_path: str, gettext_in, ngettext_in, number_in, date_in,
                 outputs=None, processes: int = 1):
        self.settings = settings
        self.urls = urls
        self.output_path = output_path
        self.gettext_in, self.ngettext_in, self.number_in, self.date_in = gettext_in, ngettext_in, number_in, date_in
        self.outputs = outputs  # the record of the output folder (outputs.py): what may be kept
        self.processes = processes
        self._jobs: list[tuple] = []  # (save_as, key, kind, texts, photo), in the order described
        self.cache = Path(settings["CACHE_PATH"]) / "sharecards"
        self.fonts = {weight: os.path.join(settings["THEME"], path) for weight, path in settings["SHARE_CARD_FONTS"].items()}
        digest = hashlib.sha256()
        for path in [*(self.fonts[weight] for weight in sorted(self.fonts)), __file__, photos.__file__]:
            digest.update(Path(path).read_bytes())
        self.drawing_hash = digest.hexdigest()  # fonts and code: the layout's version
        split = urlsplit(settings.get("SITEURL") or "")
        self.host = (split.netloc + split.path.rstrip("/")) if split.netloc else ""
        self.drawn = self.copied = 0
        self._photo_hashes: dict[Path, str] = {}

    def write_all(self, site, totals, languages: list[str]) -> int:
        """Writes every card; returns how many were drawn (the others came from the cache).

        A card the output folder already holds from the same key is left alone; one in the cache
        is copied; the others are drawn on every core (parallel.py), each into the cache."""
        for lang in languages:
            self._home(lang, totals)
            fallbacks = self.settings["PORTAL_LANGUAGES"][lang].get("fallback", [])
            for person in site.public_people:
                self._person(lang, person, fallbacks)
        todo = [job for job in self._jobs if self.outputs is None or not self.outputs.unchanged(job[0], job[1])]
        to_draw = list({job[1]: job for job in todo if not (self.cache / f"{job[1]}.png").exists()}.values())
        parallel.fork_map(self._draw_into_cache, to_draw, self.processes, chunk=16)
        self.drawn = len(to_draw)
        self.copied = len(todo) - self.drawn
        for save_as, key, *_ in todo:
            target = os.path.join(self.output_path, save_as)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(self.cache / f"{key}.png", target)
            if self.outputs is not None:
                self.outputs.wrote(save_as, key)
        # Cards no page uses any more (a renamed person, an old total) leave the cache, so it
        # does not grow from build to build.
        used = {self.cache / f"{job[1]}.png" for job in self._jobs}
        for stale in set(self.cache.glob("*.png")) - used:
            stale.unlink()
        return self.drawn

    # The cards

    def _home(self, lang: str, totals) -> None:
        texts = {
            "site": self.gettext_in(lang, "Political prisoners of Belarus"),
            "number": self.number_in(lang, totals.total),
            "phrase": self.ngettext_in(lang, "person is a political prisoner or is persecuted for political reasons",
                                       "people are political prisoners or are persecuted for political reasons",
                                       totals.total),
            "as_of": self.gettext_in(lang, "as of %(date)s") % {"date": self.date_in(lang, totals.as_of)}
            if totals.as_of else "",
            "host": self.host,
        }
        self._write(self.urls.save_as("home_card", lang=lang), "home", texts, None, self._draw_home)

    def _person(self, lang: str, person, fallbacks: list[str]) -> None:
        def pick(localized):
            text = localized.pick(lang, fallbacks) if localized else None
            return text.value if text else ""

        texts = {
            "site": self.gettext_in(lang, "Political prisoners of Belarus"),
            "name": pick(person.name),
            "status": pick(person.category.label),
            "group": pick(person.category.group.label),
            "host": self.host,
        }
        self._write(self.urls.save_as("person_card", lang=lang, id=person.id), "person", texts, person.photo,
                    self._draw_person)

    def _write(self, save_as: str, kind: str, texts: dict, photo: Path | None, draw) -> None:
        """Describes a card; write_all() makes it."""
        key = hashlib.sha256(json.dumps([kind, texts, self._photo_hash(photo), self.drawing_hash],
                                        ensure_ascii=False, sort_keys=True).encode()).hexdigest()
        self._jobs.append((save_as, key, kind, texts, photo))

    def _draw_into_cache(self, job) -> None:
        _, key, kind, texts, photo = job
        draw = self._draw_home if kind == "home" else self._draw_person
        image = draw(texts, photo)
        # A fresh image from bare pixels, saved with no info: no text chunk, no EXIF, no time.
        # A card without a photo has only the inks blended into white: as a palette image it
        # is a third of the size (about 10 kB), which counts with thousands of people.
        image = (image.quantize(palette=_text_palette(), dither=Image.Dither.NONE) if photo is None
                 else Image.frombytes(image.mode, image.size, image.tobytes()))
        self.cache.mkdir(parents=True, exist_ok=True)
        cached = self.cache / f"{key}.png"
        partial = cached.with_suffix(f".{os.getpid()}.part")
        image.save(partial, "PNG")
        os.replace(partial, cached)

    def _photo_hash(self, photo: Path | None) -> str | None:
        if photo is None:
            return None
        if photo not in self._photo_hashes:
            self._photo_hashes[photo] = hashlib.sha256(photo.read_bytes()).hexdigest()
        return self._photo_hashes[photo]

    # Drawing

    def _font(self, weight: str, size: int) -> ImageFont.FreeTypeFont:
        return _font(self.fonts[weight], size)

    def _canvas(self, texts: dict) -> tuple[Image.Image, ImageDraw.ImageDraw]:
        image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, BAR - 1, HEIGHT), fill=ACCENT)
        draw.text((MARGIN, 56), texts["site"], font=self._font("bold", 34), fill=ACCENT)
        if texts["host"]:
            draw.text((MARGIN, HEIGHT - 60), texts["host"], font=self._font("regular", 28), fill=MUTED, anchor="ls")
        return image, draw

    def _draw_home(self, texts: dict, photo) -> Image.Image:
        image, draw = self._canvas(texts)
        width = WIDTH - 2 * MARGIN
        number_font = self._fitting("bold", texts["number"], width, 200, 80)
        draw.text((MARGIN, 290), texts["number"], font=number_font, fill=ACCENT, anchor="ls")
        y = self._paragraph(draw, texts["phrase"], "regular", 44, 30, width, 3, MARGIN, 320, TEXT)
        self._paragraph(draw, texts["as_of"], "regular", 36, 28, width, 1, MARGIN, y + 16, MUTED)
        return image

    def _draw_person(self, texts: dict, photo: Path | None) -> Image.Image:
        image, draw = self._canvas(texts)
        right = WIDTH - MARGIN
        if photo is not None:
            pixels = clean_pixels(photo).convert("RGB")
            # Faces are near the top of a portrait: keep the upper part when cropping.
            fitted = ImageOps.fit(pixels, (PHOTO_WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=(0.5, 0.3))
            image.paste(fitted, (WIDTH - PHOTO_WIDTH, 0))
            right = WIDTH - PHOTO_WIDTH - 48
        width = right - MARGIN
        y = self._paragraph(draw, texts["name"], "bold", 76, 44, width, 3, MARGIN, 150, TEXT)
        y = self._paragraph(draw, texts["status"], "regular", 40, 30, width, 3, MARGIN, y + 36, TEXT)
        self._paragraph(draw, texts["group"], "regular", 30, 24, width, 2, MARGIN, y + 8, MUTED)
        return image

    def _fitting(self, weight: str, text: str, width: int, largest: int, smallest: int) -> ImageFont.FreeTypeFont:
        size = largest
        while size > smallest and self._font(weight, size).getlength(text) > width:
            size -= 4
        return self._font(weight, size)

    def _paragraph(self, draw, text: str, weight: str, largest: int, smallest: int, width: int, max_lines: int,
                   x: int, y: int, fill) -> int:
        """Draws `text` wrapped to `width` in at most `max_lines` lines, in the largest size that fits
        (the last line is cut with … below the smallest), its first line's top at `y`; returns the
        bottom of the last line."""
        size = largest
        while True:
            font = self._font(weight, size)
            lines = _wrap(text, font, width)
            if len(lines) <= max_lines or size <= smallest:
                break
            size -= 4
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            while lines[-1] and font.getlength(lines[-1] + "…") > width:
                lines[-1] = lines[-1][:-1]
            lines[-1] = lines[-1].rstrip() + "…"
        line_height = round(size * 1.2)
        baseline = y
        for index, line in enumerate(lines):
            baseline = y + round(size * 0.95) + index * line_height
            draw.text((x, baseline), line, font=font, fill=fill, anchor="ls")
        return baseline + round(size * 0.3)


@functools.lru_cache(maxsize=64)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=1)
def _text_palette() -> Image.Image:
    """The colours of a card without a photo: each ink in 16 steps of anti-aliasing on white."""
    colours = [tuple(round(ink[k] * step / 15 + BACKGROUND[k] * (1 - step / 15)) for k in range(3))
               for ink in (ACCENT, TEXT, MUTED) for step in range(16)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for colour in colours for value in colour])
    return palette


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]
