"""Person photos, re-encoded at the sizes the theme shows, with no metadata at all.

Pillow decodes the image and a new image is built from the bare pixels, so EXIF (GPS
position, camera, date), XMP, IPTC and comments cannot reach the output. The orientation
EXIF describes is applied first, so the photo still stands the right way up.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def clean_pixels(source: Path) -> Image.Image:
    """The photo as bare sRGB pixels: oriented, colour-converted, with nothing else."""
    with Image.open(source) as image:
        image = ImageOps.exif_transpose(image)
        profile = image.info.get("icc_profile")
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
        return Image.frombytes(image.mode, image.size, image.tobytes())


def write_renditions(source: Path, output_path: str, save_as: str, url: str, person_id: str,
                     widths: list[int]) -> list[Rendition]:
    """Writes the photo at each width (never enlarged); returns what the page needs."""
    pixels = clean_pixels(source)
    renditions = []
    for width in sorted(widths):
        if width > pixels.width and renditions:
            break
        width = min(width, pixels.width)
        height = round(pixels.height * width / pixels.width)
        resized = pixels.resize((width, height), Image.Resampling.LANCZOS)
        target = os.path.join(output_path, save_as.format(id=person_id, width=width))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        resized.save(target, "JPEG", quality=82, optimize=True, progressive=True)
        renditions.append(Rendition(url.format(id=person_id, width=width), width, height))
    return renditions
