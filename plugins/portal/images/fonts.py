"""The theme's fonts (SHARE_CARD_FONTS), for the share cards and the badge: each named by its
path and the digest of its bytes, so that what is measured and rasterised with a font is
remembered for that font's content, and a font replaced between two builds in one process
(make devserver) is measured afresh."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import NamedTuple

from PIL import ImageFont

from ..cache.digests import digest


class FontFile(NamedTuple):
    path: str
    digest: str


def font_files(settings: dict) -> dict[str, FontFile]:
    """weight ("regular", "bold") -> the font file the settings name, in the theme."""
    found = {}
    for weight, name in settings["SHARE_CARD_FONTS"].items():
        path = os.path.join(settings["THEME"], name)
        found[weight] = FontFile(path, digest(Path(path).read_bytes()))
    return found


@functools.lru_cache(maxsize=64)
def font(file: FontFile, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout: no shaping library needed, and the same metrics on every machine.
    return ImageFont.truetype(file.path, size, layout_engine=ImageFont.Layout.BASIC)
