"""The counter badge: a small SVG with the site's name and the current total, for other sites.

The text is measured with the font the theme ships (share cards use it too), and each text
has a textLength, so the badge keeps its layout whatever font the reader's system has.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..images.fonts import FontFile, font

HEIGHT, SIZE, PADDING = 20, 11, 7
LABEL_FILL, NUMBER_FILL = "#444", "#8a1c1c"


def badge_svg(label: str, number: str, as_of: str, fonts: dict[str, FontFile]) -> str:
    """`label` and the formatted `number`; `as_of` (the date, in words) goes into the title;
    `fonts`: images/fonts.py's font_files()."""
    regular, bold = font(fonts["regular"], SIZE), font(fonts["bold"], SIZE)
    label_text = round(regular.getlength(label))
    number_text = round(bold.getlength(number))
    label_width, number_width = label_text + 2 * PADDING, number_text + 2 * PADDING
    width = label_width + number_width
    title = f"{label}: {number}" + (f", {as_of}" if as_of else "")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" viewBox="0 0 {width} {HEIGHT}" '
        f'role="img" aria-label={quoteattr(title)}>\n'
        f"<title>{escape(title)}</title>\n"
        f'<rect width="{label_width}" height="{HEIGHT}" fill="{LABEL_FILL}"/>\n'
        f'<rect x="{label_width}" width="{number_width}" height="{HEIGHT}" fill="{NUMBER_FILL}"/>\n'
        f'<g fill="#fff" font-family="\'Noto Sans\', \'DejaVu Sans\', Verdana, sans-serif" font-size="{SIZE}">\n'
        f'<text x="{PADDING}" y="14" textLength="{label_text}" lengthAdjust="spacingAndGlyphs">{escape(label)}</text>\n'
        f'<text x="{label_width + PADDING}" y="14" font-weight="700" textLength="{number_text}" '
        f'lengthAdjust="spacingAndGlyphs">{escape(number)}</text>\n'
        "</g>\n</svg>\n"
    )
