"""The counter badge: a small SVG with the site's name and the current total, for other sites.

The text is measured with the font the theme ships (share cards use it too), and each text
has a textLength, so the badge keeps its layout whatever font the reader's system has.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..images.fonts import FontFile, font

HEIGHT, SIZE, PADDING = 20, 11, 7
LABEL_FILL, NUMBER_FILL, DATE_FILL = "#444", "#8a1c1c", "#5e5e5e"


def badge_svg(label: str, number: str, as_of: str, fonts: dict[str, FontFile]) -> str:
    """`label`, the formatted `number` and `as_of` (the date, in words: "as of 22 October
    2021"), each on its own field, so that a reader of another site sees how old the number is
    (the date is also in the title); `fonts`: images/fonts.py's font_files()."""
    regular, bold = font(fonts["regular"], SIZE), font(fonts["bold"], SIZE)
    fields = [(label, regular, LABEL_FILL, ""), (number, bold, NUMBER_FILL, ' font-weight="700"')]
    if as_of:
        fields.append((as_of, regular, DATE_FILL, ""))
    rects, texts, x = [], [], 0
    for text, measured, fill, weight in fields:
        text_width = round(measured.getlength(text))
        width = text_width + 2 * PADDING
        rects.append(f'<rect x="{x}" width="{width}" height="{HEIGHT}" fill="{fill}"/>\n')
        texts.append(f'<text x="{x + PADDING}" y="14"{weight} textLength="{text_width}" '
                     f'lengthAdjust="spacingAndGlyphs">{escape(text)}</text>\n')
        x += width
    title = f"{label}: {number}" + (f", {as_of}" if as_of else "")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{x}" height="{HEIGHT}" viewBox="0 0 {x} {HEIGHT}" '
        f'role="img" aria-label={quoteattr(title)}>\n'
        f"<title>{escape(title)}</title>\n"
        + "".join(rects)
        + f'<g fill="#fff" font-family="\'Noto Sans\', \'DejaVu Sans\', Verdana, sans-serif" font-size="{SIZE}">\n'
        + "".join(texts)
        + "</g>\n</svg>\n"
    )
