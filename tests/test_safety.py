"""Keeping people safe: untrusted stories, photo metadata, counted-only records, no third parties."""
from __future__ import annotations

import json
import re

import pytest
from PIL import Image

from conftest import build, person, photo_with_metadata, read

HOSTILE_STORY = """\
Hello <script>alert("x")</script> world.

<img src="x" onerror="alert(1)"> <a href="javascript:alert(2)">click</a>
<iframe src="https://evil.example/"></iframe><embed src="https://evil.example/x.swf">
<style>body { display: none }</style><p style="color:red" onclick="steal()">styled</p>
[markdown link](javascript:alert(3)) and [fine link](https://example.org/ok)

# A heading
"""


FILES = {
        "people/hostile-story.md": person("custody", name={"en": "Hostile Story"}, body=HOSTILE_STORY),
        "people/with-photo.md": person("custody", name={"en": "With Photo"}, photo="with-photo.jpg"),
        "people/photos/with-photo.jpg": photo_with_metadata(),
        "people/secret-one.md": person(
            "custody", visibility="counted", region="gomel", born="1970-01-02", detained="2020-08-11",
            name={"be": "Утоеная Асоба", "ru": "Скрытая Персона", "en": "Hiddenperson Zzq"},
            articles='["342-1"]', sentence="SECRETSENTENCE", photo="secret-one.jpg",
            sources="[https://example.org/secretsourcezzq]", body="SECRETSTORYZZQ\n"),
        "people/photos/secret-one.jpg": photo_with_metadata(),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("safety"), FILES)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """As published (SITEURL): with the sitemap, the feeds and the share cards."""
    return build(tmp_path_factory.mktemp("safety-published"), FILES, ("data", "statements", "pages"),
                 SITEURL="https://example.org")


def test_story_keeps_text_and_safe_links_only(output):
    html = read(output, "en/people/hostile-story/index.html")
    story = html.split('<section class="story"')[1].split("</section>")[0]
    for forbidden in ["<script", "alert(", "onerror", "onclick", "javascript:", "<iframe", "<embed",
                      "<style", "style=", "<img", "evil.example", "<h1"]:
        assert forbidden not in story.lower(), forbidden
    assert "Hello" in story and "world." in story and "styled" in story
    assert '<a href="https://example.org/ok" rel="nofollow noopener noreferrer">fine link</a>' in story
    assert "<h2>A heading</h2>" in story  # a story's headings sit below the page's <h1>


def test_photos_carry_no_metadata_and_stand_upright(output):
    written = sorted((output / "photos").glob("with-photo-*.jpg"))
    # Upright the photo is 200 px wide: one rendition at its own width, never enlarged to 240 or 480.
    assert [p.name for p in written] == ["with-photo-200.jpg"]
    for path in written:
        data = path.read_bytes()
        for secret in [b"SecretCameraMaker", b"SecretModel9000", b"SecretComment", b"Exif", b"GPS"]:
            assert secret not in data, (path.name, secret)
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert "exif" not in image.info and "comment" not in image.info and "icc_profile" not in image.info
            assert image.size == (200, 300)  # the orientation was applied before the EXIF was dropped


@pytest.mark.parametrize("built", ["output", "published"])
def test_counted_only_people_leave_no_trace_in_any_output_file(built, request):
    """In no page, data file, photo, nor (as published) sitemap, feed or share card, by name or by
    content (the search index is compressed: tests/test_browse.py searches it)."""
    output = request.getfixturevalue(built)
    secrets = ["secret-one", "Утоеная", "Скрытая", "Hiddenperson", "SECRETSENTENCE", "SECRETSTORYZZQ",
               "secretsourcezzq", "1970"]
    for path in output.rglob("*"):
        assert "secret-one" not in path.relative_to(output).as_posix()  # no page, photo or share card of theirs
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, (path.relative_to(output), secret)
    if built == "published":
        assert (output / "sitemap.xml").is_file() and list((output / "feeds").glob("*.atom.xml"))
        assert list((output / "cards").rglob("*.jpg")) and list((output / "pagefind").rglob("*"))


def test_counted_only_people_are_counted(output):
    totals = json.loads(read(output, "data/totals.json"))
    assert totals["groups"]["political-prisoner"]["categories"]["custody"] == 3 and totals["total"] == 3


def test_no_page_loads_anything_from_another_origin(output):
    resource = re.compile(r'<(?:script|img|link|iframe|source|audio|video)\b[^>]*?\b(?:src|href|srcset)="([^"]*)"', re.I)
    for page in output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in resource.findall(html):
            assert not re.match(r"(?:https?:)?//", url), (page.relative_to(output), url)
    for sheet in output.rglob("*.css"):
        css = sheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", css), sheet
