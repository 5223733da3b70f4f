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
    # What a counted-only record may hold: nothing that names the person (a record with more
    # is refused: tests/unit/test_untrusted_input.py).
    "people/counted-0417.md": person("custody", visibility="counted", region="gomel", detained="2020-08-11"),
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
    """In no page, data file, photo, nor (as published) sitemap, feed or share card (the search
    index is compressed: tests/test_browse.py searches it)."""
    output = request.getfixturevalue(built)
    for path in output.rglob("*"):
        assert "counted-0417" not in path.relative_to(output).as_posix()  # no page, photo or share card of theirs
        if path.is_file():
            assert b"counted-0417" not in path.read_bytes(), path.relative_to(output)
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


# A failed build changes nothing; the development server survives a bad edit.


def snapshot(output) -> dict[str, tuple[bytes, int]]:
    """Every file of the output folder with its bytes and modification time."""
    return {path.relative_to(output).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(output.rglob("*")) if path.is_file()}


def truncated_jpeg() -> bytes:
    import io
    stream = io.BytesIO()
    Image.effect_noise((600, 800), 60).convert("RGB").save(stream, "JPEG", quality=90)
    return stream.getvalue()[: len(stream.getvalue()) // 2]


BAD_EDITS = {
    "a record with a typo": {"people/ivan.md": person("custdy", name={"en": "Ivan"})},
    "a damaged photo": {"people/ivan.md": person(name={"en": "Ivan"}, photo="ivan.jpg"),
                        "people/photos/ivan.jpg": truncated_jpeg()},
    "a name turned around": {"people/ivan.md": person(name={"en": "Ivan \u202enavI"})},
    "a new signatory with a key twice": {"signatories/new.yaml": "name: New\nname_lang: en\nkind: organisation\n"
                                                                 "joined: 2021-10-22\njoined: 2021-10-23\n"},
}


@pytest.mark.parametrize("edit", BAD_EDITS.values(), ids=BAD_EDITS.keys())
def test_a_build_that_fails_leaves_the_output_folder_as_it_was(tmp_path, edit):
    from conftest import write_content
    from portal.content.problems import ContentError
    files = {"people/hanna.md": person(name={"en": "Hanna"}), "people/olga.md": person(name={"en": "Olga"})}
    output = build(tmp_path, files, ("data", "statements", "pages", "signatories"))
    before = snapshot(output)
    write_content(tmp_path / "edit", edit, real=())  # then copied over the site's content
    for path in (tmp_path / "edit" / "content").rglob("*"):
        if path.is_file():
            target = tmp_path / "content" / path.relative_to(tmp_path / "edit" / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    with pytest.raises(ContentError):
        build(tmp_path, None)
    assert snapshot(output) == before


def test_the_open_data_table_runs_no_formula(tmp_path):
    formula = '=HYPERLINK("https://evil.example","click")'
    output = build(tmp_path, {"people/ivan.md": person(name={"en": "Ivan"}, sentence=f"'{formula}'")})
    import csv
    [row] = list(csv.DictReader((output / "data" / "people.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert row["sentence_en"] == "'" + formula  # shown as text by every spreadsheet
    assert json.loads(read(output, "data/people.json"))["people"][0]["sentence"]["en"] == formula  # the data as is


def test_the_development_server_survives_a_bad_edit_and_builds_the_fix(tmp_path):
    import queue
    import socket
    import subprocess
    import sys
    import threading
    import time
    import urllib.request

    from conftest import ROOT, write_content
    content = write_content(tmp_path, {"people/ivan.md": person(name={"en": "Ivan Before"})})
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "portal.commands.devserver", "--settings", str(ROOT / "pelicanconf.py"),
         "--content", str(content), "--output", str(tmp_path / "output"), "--cache-path", str(tmp_path / "cache"),
         "--port", str(port), "--interval", "0.2"],
        cwd=tmp_path, env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "plugins")},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    # The server's lines, read by a thread: a server that falls silent fails the test at the
    # deadline instead of blocking it forever.
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()

    def until(line_start: str) -> list[str]:
        seen = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            seen.append(line)
            if line.startswith(line_start):
                return seen
        raise AssertionError(f"no line starting {line_start!r} within 60 s:\n" + "".join(seen))

    def page() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/people/ivan/") as response:
            return response.read().decode("utf-8")
    try:
        until("Built in ")
        assert "Ivan Before" in page()
        record = content / "people" / "ivan.md"
        record.write_text(person("custdy", name={"en": "Ivan Broken"}), encoding="utf-8")
        report = "".join(until("The build stopped"))
        assert '"custdy" is not a known status.' in report and "Traceback" not in report
        assert "Ivan Before" in page()  # still served, as it was
        record.write_text(person(name={"en": "Ivan After"}), encoding="utf-8")
        until("Built in ")
        assert "Ivan After" in page()
    finally:
        server.terminate()
        server.wait(10)
