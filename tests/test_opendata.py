"""What journalists, campaigns and other sites take from the portal: the chart, open data files,
feeds, share cards, the counter and the sitemap; none of them may name a counted-only record."""
from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import struct
from pathlib import Path
from xml.etree import ElementTree

import pytest
from lxml import etree
from PIL import Image

from conftest import LANGS, LANGUAGES, PHOTO_RED, SIZO, build, person, photo_with_metadata, read, serve
from helpers import parse, rows_of, select_one, text
from portal.pages.template_functions import break_after_separators
SITE_URL = "https://portal.example/pp"
ATOM = "{http://www.w3.org/2005/Atom}"
FILES = {
    "institutions/sizo-test.yaml": SIZO,
    "people/ales-open.md": person(
        "custody", updated="2021-10-22", name={"be": "Алесь Адкрыты", "ru": "Алесь Открытый", "en": "Ales Open"},
        born="1985-03-14", region="minsk-city", detained="2020-08-10", articles='["342-1"]',
        sentence="5 years", institution="sizo-test", photo="ales-open.jpg", sources="[https://example.org/ales]",
        history="\n  - date: 2020-08-10\n    status: house-arrest\n  - date: 2021-02-01\n    status: custody",
        body="<!-- lang: be -->\nГісторыя Алеся.\n"),
    "people/photos/ales-open.jpg": photo_with_metadata(),
    "people/olga-en-only.md": person("released", updated="2021-09-01", name={"en": "Olga Only"},
                                     status_since="2021-07-01", letters="false",
                                     letters_note={"en": "The family asks not to write."},
                                     detained="2020-11-02", sentenced="2021-01-10", penalty="restricted-freedom-institution",
                                     released="2021-07-01", recognised={"by": "Viasna", "date": "2020-12-01"}),
    # Counted, named nowhere (a counted-only record holds nothing more: see the unit tests).
    "people/counted-0913.md": person(
        "custody", updated="2021-10-10", visibility="counted", region="gomel",
        history="\n  - date: 2020-09-01\n    status: house-arrest\n  - date: 2021-01-05\n    status: custody"),
}
PUBLIC = ["ales-open", "olga-en-only"]
SECRETS = ["counted-0913"]


REAL = ("data", "statements", "pages")


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    """As published (SITEURL set), its lists cut by letter. Tests read it, and must leave it as it is."""
    return build(tmp_path_factory.mktemp("opendata"), FILES, REAL, SITEURL=SITE_URL, STALE_AFTER_DAYS=30,
                 LIST_SPLIT_AT=2)


@pytest.fixture(scope="module")
def local_output(tmp_path_factory) -> Path:
    """A development build: no SITEURL."""
    return build(tmp_path_factory.mktemp("opendata-local"), FILES)


def test_counted_only_records_are_in_no_output_file(output, local_output):
    for root in (output, local_output):
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for secret in SECRETS:
                    assert secret.encode() not in data, (path.relative_to(root), secret)
        assert not list(root.rglob("*counted-0913*"))


def test_people_json_holds_the_public_records_with_every_field(output):
    data = json.loads(read(output, "data/people.json"))
    assert data["as_of"] == "2021-10-22"
    assert data["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert [p["id"] for p in data["people"]] == PUBLIC
    ales = data["people"][0]
    assert ales["name"] == {"be": "Алесь Адкрыты", "ru": "Алесь Открытый", "en": "Ales Open"}
    assert ales["url"] == {lang: f"{SITE_URL}/{lang}/people/ales-open/" for lang in LANGS}
    assert ales["history"] == [{"date": "2020-08-10", "status": "house-arrest"}, {"date": "2021-02-01", "status": "custody"}]
    assert (ales["status"], ales["group"], ales["status_since"]) == ("custody", "political-prisoner", "2021-02-01")
    assert (ales["born"], ales["region"], ales["detained"], ales["articles"]) == ("1985-03-14", "minsk-city", "2020-08-10", ["342-1"])
    assert ales["sentence"] == {"be": "5 years", "ru": "5 years", "en": "5 years"}  # free text: shown in every language
    assert ales["institution"] == "sizo-test" and ales["letters"] is True
    assert ales["photo"] == f"{SITE_URL}/photos/ales-open-200.jpg"
    assert ales["story"] == {"be": "<p>Гісторыя Алеся.</p>", "ru": None, "en": None}
    olga = data["people"][1]
    assert olga["name"] == {"be": None, "ru": None, "en": "Olga Only"}
    assert (olga["letters"], olga["letters_note"]["en"]) == (False, "The family asks not to write.")
    assert olga["status_since"] == "2021-07-01" and olga["history"] == []
    assert (olga["sentenced"], olga["penalty"], olga["released"], olga["died"]) == \
        ("2021-01-10", "restricted-freedom-institution", "2021-07-01", None)
    assert olga["recognised"] == {"by": "Viasna", "date": "2020-12-01"}
    assert (ales["sentenced"], ales["penalty"], ales["released"], ales["recognised"]) == (None, None, None, None)
    penalties = json.loads(read(output, "data/penalties.json"))["penalties"]
    assert {"id": "fine", "label": {"be": "Штраф", "ru": "Штраф", "en": "Fine"}} in penalties


def test_a_verdict_penalty_release_and_recognition_show_on_the_page_in_each_language(output):
    penalty = {"be": "Абмежаванне волі з накіраваннем у папраўчую ўстанову («хімія»)",
               "ru": "Ограничение свободы с направлением в исправительное учреждение («химия»)",
               "en": "Restriction of freedom in an open correctional institution (‘chemistry’)"}
    for lang in LANGS:
        page = parse(read(output, f"{lang}/people/olga-en-only/index.html"))
        shown = [text(dd) for dd in page.select("dl dd")]
        assert penalty[lang] in shown, lang
        assert any(value.startswith("Viasna, ") for value in shown), lang
    page = parse(read(output, "en/people/olga-en-only/index.html"))
    pairs = {text(dt): text(dt.find_next_sibling("dd")) for dt in page.select("dl dt")}
    assert pairs["Verdict"] == "10 January 2021" and pairs["Released"] == "1 July 2021"
    assert pairs["Recognised as a political prisoner"] == "Viasna, 1 December 2020"
    assert "Died" not in pairs


def test_where_a_record_comes_from_and_when_it_was_last_checked(output, local_output):
    """Its sources and its last check, on the page and in the open data; a record not checked
    for more than STALE_AFTER_DAYS (30 here, 180 by default) before the figures' date is said
    to be so."""
    people = {p["id"]: p for p in json.loads(read(output, "data/people.json"))["people"]}
    assert (people["ales-open"]["sources"], people["ales-open"]["updated"], people["ales-open"]["stale"]) == (
        ["https://example.org/ales"], "2021-10-22", False)
    assert (people["olga-en-only"]["sources"], people["olga-en-only"]["updated"], people["olga-en-only"]["stale"]) == (
        [], "2021-09-01", True)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO((output / "data" / "people.csv").read_text(encoding="utf-8-sig")))}
    assert (rows["ales-open"]["stale"], rows["olga-en-only"]["stale"]) == ("false", "true")
    ales = read(output, "en/people/ales-open/index.html")
    assert [a["href"] for a in parse(ales).select(".sources a")] == ["https://example.org/ales"]
    assert [text(p) for p in parse(ales).select("p.checked")] == ["Record last checked: 22 October 2021"]
    olga = read(output, "en/people/olga-en-only/index.html")
    assert [text(p) for p in parse(olga).select("p.checked")] == [
        "Record last checked: 1 September 2021",
        "Not checked again for 51 days before 22 October 2021: some of it may be out of date. If you know more, "
        "suggest a correction."]
    # With the default of 180 days, nothing is stale yet.
    assert not json.loads(read(local_output, "data/people.json"))["people"][1]["stale"]
    assert len(parse(read(local_output, "en/people/olga-en-only/index.html")).select("p.checked")) == 1


def test_people_json_matches_the_pages(output):
    data = json.loads(read(output, "data/people.json"))
    for lang in LANGS:
        pages = sorted(p.parent.name for p in (output / lang / "people").glob("*/index.html"))
        assert pages == sorted(p["id"] for p in data["people"])
    for record in data["people"]:
        for lang in LANGS:
            page = read(output, record["url"][lang].removeprefix(SITE_URL + "/") + "index.html")
            shown = record["name"][lang] or record["name"]["en"]
            assert text(select_one(page, "h1")) == shown, (record["id"], lang)


def test_people_csv_is_the_json_as_a_table(output):
    records = json.loads(read(output, "data/people.json"))["people"]
    raw = (output / "data" / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,name_be,")  # the byte-order mark, for Excel; once
    assert raw.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == PUBLIC
    for row, record in zip(rows, records):
        for lang in LANGS:
            assert row[f"name_{lang}"] == (record["name"][lang] or "")
            assert row[f"url_{lang}"] == record["url"][lang]
        for key in ("status", "group", "status_since", "updated", "institution", "region", "sentenced", "penalty",
                    "released", "died"):
            assert row[key] == (record[key] or ""), key
        assert row["history"] == "; ".join(f"{e['date']} {e['status']}" for e in record["history"])
        assert row["letters"] == ("true" if record["letters"] else "false")
        assert "story" not in row
    assert rows[0]["history"] == "2020-08-10 house-arrest; 2021-02-01 custody"
    assert (rows[1]["recognised_by"], rows[1]["recognised_date"]) == ("Viasna", "2020-12-01")


def test_categories_and_institutions_json(output):
    totals = json.loads(read(output, "data/totals.json"))
    categories = json.loads(read(output, "data/categories.json"))
    for group in categories["groups"]:
        assert group["total"] == totals["groups"][group["id"]]["total"]
        assert set(group["label"]) == set(LANGS)
        for category in group["categories"]:
            assert category["total"] == totals["groups"][group["id"]]["categories"][category["id"]]
            assert category["url"]["en"] == f"{SITE_URL}/en/status/{category['id']}/"
    custody = categories["groups"][0]["categories"][0]
    assert (custody["id"], custody["total"], custody["held"]) == ("custody", 2, True)  # the counted one is counted
    institutions = json.loads(read(output, "data/institutions.json"))["institutions"]
    assert institutions[0]["people"] == ["ales-open"]
    assert institutions[0]["address"] == ["СИЗО № 1", "ул. Володарского, 2", "220030, г. Минск"]
    assert institutions[0]["country"] == "Беларусь / BELARUS"
    regions = json.loads(read(output, "data/regions.json"))["regions"]
    assert {"id": "gomel", "label": {"be": "Гомельская вобласць", "ru": "Гомельская область", "en": "Gomel Region"}} \
        in regions


def test_open_data_page_documents_the_files_fields_and_licence(output):
    html = read(output, "en/data/index.html")
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html
    for name in ["people.json", "people.csv", "categories.json", "institutions.json", "regions.json",
                 "totals-history.csv"]:
        assert re.search(rf'<a href="[./]*/data/{re.escape(name)}" download>{re.escape(break_after_separators(name))}</a>', html), name
    record = json.loads(read(output, "data/people.json"))["people"][0]
    for field in record:  # every field of the file is documented
        assert f"<code>{break_after_separators(field)}</code>" in html, field
    assert "3 people were political prisoners or persecuted for political reasons in Belarus as of 22 October 2021" \
        f" (Political prisoners of Belarus, {SITE_URL}/en/numbers/)." in html
    assert "Адкрытыя даныя" in read(output, "be/data/index.html")
    assert 'href="../../en/data/"' in read(output, "en/people/index.html")  # linked from the footer


# The first row of the chart's table in each language: the month's name as CLDR writes it.
FIRST_MONTH = {"en": "August 2020", "be": "жнівень 2020", "ru": "август 2020\u202fг."}


@pytest.mark.parametrize("page", ["{lang}/index.html", "{lang}/numbers/index.html"])
def test_chart_is_an_accessible_svg_with_the_same_figures_as_a_table(output, page, lang):
    series = json.loads(read(output, "data/totals-history.json"))["series"]
    html = parse(read(output, page.format(lang=lang)))
    svg = select_one(html, 'svg[role="img"]')
    prefix = svg["aria-labelledby"].split()[0].removesuffix("-title")
    assert svg["aria-labelledby"] == f"{prefix}-title {prefix}-desc"
    assert select_one(svg, f"title#{prefix}-title") and select_one(svg, f"desc#{prefix}-desc")
    assert len(svg.find_all("polyline")) == 2  # one line per group
    rows = rows_of(select_one(html, f"#{prefix}-table tbody"))
    assert len(rows) == len(series) == 15  # August 2020 to September 2021, then 22 October 2021
    for (label, *figures), point in zip(rows, series):
        assert figures == [str(point["groups"]["political-prisoner"]["total"]),
                           str(point["groups"]["persecuted"]["total"]), str(point["total"])], label
    assert rows[0][0] == FIRST_MONTH[lang]
    if lang == "en":
        assert rows[-1][0] == "22 October 2021"
        labels = {text(label) for label in svg.find_all("text")}
        assert {"Jan", "2021"} <= labels  # the axis: every other month, the year under January
        assert {"People", "End of month"} <= labels  # the axes are labelled


def test_feeds_are_valid_atom(output):
    schema = etree.RelaxNG.from_rnc_string((Path(__file__).parent / "fixtures" / "atom.rnc").read_text())
    feeds = sorted((output / "feeds").glob("*.xml"))
    assert [f.name for f in feeds] == sorted(f"{lang}{kind}.atom.xml" for lang in LANGS for kind in ("", ".people"))
    for feed in feeds:
        document = etree.parse(str(feed))
        assert schema.validate(document), (feed.name, schema.error_log)
        root = document.getroot()
        # What RFC 4287 requires beyond the grammar: an author for each entry, unique ids.
        has_author = root.find(f"{ATOM}author") is not None
        entries = root.findall(f"{ATOM}entry")
        assert entries
        assert all(has_author or entry.find(f"{ATOM}author") is not None for entry in entries), feed.name
        ids = [entry.findtext(f"{ATOM}id") for entry in entries]
        assert len(ids) == len(set(ids)), feed.name


def test_atom_schema_rejects_a_broken_feed(output):
    schema = etree.RelaxNG.from_rnc_string((Path(__file__).parent / "fixtures" / "atom.rnc").read_text())
    text = read(output, "feeds/en.people.atom.xml")
    for broken in [re.sub(r"<id>[^<]*</id>", "", text, count=2), text.replace("+03:00</updated>", "</updated>", 1),
                   text.replace('type="html"', 'type="markdown"', 1)]:
        assert not schema.validate(etree.fromstring(broken.encode()))


def test_people_feed_lists_people_added_and_status_changes(output):
    root = ElementTree.fromstring(read(output, "feeds/en.people.atom.xml"))
    entries = {entry.findtext(f"{ATOM}id"): entry for entry in root.findall(f"{ATOM}entry")}
    assert set(entries) == {f"{SITE_URL}/en/people/ales-open/", f"{SITE_URL}/en/people/olga-en-only/",
                            f"{SITE_URL}/en/people/ales-open/#status-2021-02-01"}
    change = entries[f"{SITE_URL}/en/people/ales-open/#status-2021-02-01"]
    assert change.findtext(f"{ATOM}title") == "Ales Open: In custody"
    assert change.findtext(f"{ATOM}summary") == "From 1 February 2021: In custody (before: House arrest)."
    assert change.findtext(f"{ATOM}updated") == "2021-02-01T00:00:00+03:00"
    added = entries[f"{SITE_URL}/en/people/olga-en-only/"]
    assert added.findtext(f"{ATOM}updated") == "2021-09-01T00:00:00+03:00"
    assert root.findtext(f"{ATOM}updated") == "2021-10-22T00:00:00+03:00"  # the figures' date, not the clock
    assert "Алесь Адкрыты: Пад вартай" in read(output, "feeds/be.people.atom.xml")
    head = read(output, "en/index.html")
    assert 'href="../feeds/en.people.atom.xml"' in head


def png_chunks(path: Path) -> list[bytes]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, position = [], 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunks.append(kind)
        position += 12 + length
    return chunks


def jpeg_segments(path: Path) -> list[int]:
    """The markers of a JPEG's segments up to the image data (APPn carry EXIF, XMP, ICC)."""
    data, markers, position = path.read_bytes(), [], 2
    while data[position] == 0xFF and data[position + 1] != 0xDA:
        markers.append(data[position + 1])
        position += 2 + struct.unpack(">H", data[position + 2:position + 4])[0]
    return markers


def test_share_cards_have_the_right_size_and_no_metadata(output):
    # A person with a photo has one JPEG card for every language; the home card is a PNG per
    # language, which Olga's pages (no photo) name too (pages/urls.py: card_file).
    cards = sorted(path for path in (output / "cards").rglob("*") if path.is_file())
    assert [c.relative_to(output / "cards").as_posix() for c in cards] == sorted(
        [f"{lang}/home.png" for lang in LANGS] + ["people/ales-open.jpg"])
    for card in cards:
        with Image.open(card) as image:
            assert image.size == {".png": (1200, 630), ".jpg": (600, 315)}[card.suffix]
            assert image.format == {".png": "PNG", ".jpg": "JPEG"}[card.suffix]
            assert not image.getexif() and not image.info.get("exif") and not image.info.get("icc_profile")
            assert not getattr(image, "text", None) and not image.info.get("comment")
        if card.suffix == ".png":
            assert set(png_chunks(card)) <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}, card
        else:  # only JFIF's own APP0, the tables and the (progressive) frame: no EXIF, XMP, ICC or comment
            assert set(jpeg_segments(card)) <= {0xE0, 0xDB, 0xC4, 0xC2}, (card, jpeg_segments(card))
    for secret in [b"SecretCameraMaker", b"SecretModel9000", b"GPS"]:
        assert secret not in (output / "cards" / "people" / "ales-open.jpg").read_bytes()
    # The photo is on the card: its right side is the fixture's red (within what two JPEG
    # encodings change), not the white background.
    with Image.open(output / "cards" / "people" / "ales-open.jpg") as image:
        pixel = image.convert("RGB").getpixel((550, 157))
        assert max(abs(got - red) for got, red in zip(pixel, PHOTO_RED)) <= 3, pixel
        # The name, in Cyrillic and in Latin letters, is in the text column (dark pixels).
        column = image.convert("L").crop((40, 80, 360, 260))
        assert column.getextrema()[0] < 60


def test_a_development_build_draws_no_share_card(local_output):
    """Without SITEURL no page names a card (og:image needs an absolute address): none is drawn."""
    assert not (local_output / "cards").exists()
    assert "og:image" not in read(local_output, "ru/people/ales-open/index.html")


def test_unchanged_share_cards_are_copied_from_the_cache(output, tmp_path):
    # The module's build drew every card into its cache; a build with a copy of that cache
    # and a changed name draws that person's cards only.
    first = output
    cache = output.parent / "cache" / "portal" / "sharecards"
    cached = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(cached) == len(LANGS) + 1  # the home cards, and Ales's
    shutil.copytree(cache, tmp_path / "cache" / "portal" / "sharecards")
    # A new Russian spelling is not on the card (Belarusian and Latin letters are): nothing is
    # drawn. A new Belarusian one is: Ales's card alone is drawn again, and his old one goes.
    ales = FILES["people/ales-open.md"]
    russian = {**FILES, "people/ales-open.md": ales.replace("Алесь Открытый", "Алесь Открытов")}
    second = build(tmp_path, russian, REAL, SITEURL=SITE_URL)
    after = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache" / "portal" / "sharecards").iterdir()}
    assert after == cached
    assert (first / "cards/people/ales-open.jpg").read_bytes() == (second / "cards/people/ales-open.jpg").read_bytes()
    (tmp_path / "content" / "people" / "ales-open.md").write_text(
        russian["people/ales-open.md"].replace("Алесь Адкрыты", "Алесь Адкрытаў"), encoding="utf-8")
    third = build(tmp_path, None, REAL, SITEURL=SITE_URL)
    after = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache" / "portal" / "sharecards").iterdir()}
    new, gone = set(after) - set(cached), set(cached) - set(after)
    assert len(new) == len(gone) == 1 and all(name.endswith(".jpg") for name in new | gone)
    assert all(after[name] == cached[name] for name in set(cached) - gone)
    assert (first / "cards/people/ales-open.jpg").read_bytes() != (third / "cards/people/ales-open.jpg").read_bytes()


def test_people_cards_can_be_turned_off(tmp_path):
    """For a host with a size limit: PERSON_CARD_SAVE_AS = "" draws no person's card, and their
    pages point at the home card of their language."""
    output = build(tmp_path, FILES, SITEURL=SITE_URL, PERSON_CARD_SAVE_AS="")
    assert sorted(p.relative_to(output / "cards").as_posix() for p in (output / "cards").rglob("*") if p.is_file()) \
        == [f"{lang}/home.png" for lang in sorted(LANGS)]
    html = read(output, "ru/people/ales-open/index.html")
    assert f'<meta property="og:image" content="{SITE_URL}/cards/ru/home.png">' in html
    assert '<meta property="og:image:type" content="image/png">' in html


def test_open_graph_and_twitter_tags(output, local_output):
    html = read(output, "ru/people/ales-open/index.html")
    assert '<meta property="og:title" content="Алесь Открытый · Политзаключённые Беларуси">' in html
    assert f'<meta property="og:url" content="{SITE_URL}/ru/people/ales-open/">' in html
    assert f'<meta property="og:image" content="{SITE_URL}/cards/people/ales-open.jpg">' in html
    assert f'<meta property="og:image" content="{SITE_URL}/cards/people/ales-open.jpg">' in read(
        output, "be/people/ales-open/index.html")  # one card for every language
    assert '<meta property="og:image:type" content="image/jpeg">' in html
    assert '<meta property="og:image:width" content="600">' in html and '<meta property="og:image:height" content="315">' in html
    assert '<meta property="og:locale" content="ru_RU">' in html
    olga = read(output, "ru/people/olga-en-only/index.html")  # no photo: the home card of her page's language
    assert f'<meta property="og:image" content="{SITE_URL}/cards/ru/home.png">' in olga
    assert '<meta property="og:image:type" content="image/png">' in olga
    assert '<meta property="og:image:width" content="1200">' in olga
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    for page in ["en/index.html", "en/people/index.html", "en/data/index.html", "index.html"]:
        assert f'content="{SITE_URL}/cards/{"en" if page.startswith("en") else "be"}/home.png"' in read(output, page)
    local = read(local_output, "ru/people/ales-open/index.html")
    assert '<meta property="og:title" content="Алесь Открытый · Политзаключённые Беларуси">' in local
    assert "og:image" not in local and "og:url" not in local  # Open Graph needs absolute addresses
    assert '<meta name="twitter:card" content="summary">' in local


def test_counter_page_and_badge_show_the_current_total(output):
    for lang, total, date in [("en", "3", "22 October 2021"), ("be", "3", "22 кастрычніка 2021")]:  # the counted one too
        html = read(output, f"{lang}/embed/counter/index.html")
        assert f'<strong class="number">{total}</strong>' in html and date in html
        assert f'href="../../../{lang}/numbers/" target="_blank" rel="noopener"' in html
        assert '<meta name="robots" content="noindex">' in html and "<link rel=\"stylesheet\"" not in html
        badge = ElementTree.fromstring(read(output, f"data/badge-{lang}.svg"))
        texts = [t.text for t in badge.iter("{http://www.w3.org/2000/svg}text")]
        # The date is on the badge itself, after the number, not only in its tooltip.
        assert texts[1] == total and date in texts[2] and date in badge.findtext("{http://www.w3.org/2000/svg}title")
        assert texts[2] == LANGUAGES[lang].gettext("as of %(date)s") % {"date": LANGUAGES[lang].date(datetime.date(2021, 10, 22))}
        widths = [int(rect.get("width")) for rect in badge.iter("{http://www.w3.org/2000/svg}rect")]
        assert len(widths) == 3 and sum(widths) == int(badge.get("width"))
    numbers = read(output, "en/numbers/index.html")
    assert f'&lt;iframe src="{SITE_URL}/en/embed/counter/"' in numbers
    assert f'&lt;img src="{SITE_URL}/data/badge-en.svg"' in numbers


def test_sitemap_lists_every_page_and_the_home_pages_alternates(output):
    sitemap = ElementTree.fromstring(read(output, "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    listed = {}
    for entry in sitemap.findall("s:url", ns):
        listed[entry.findtext("s:loc", namespaces=ns)] = {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    pages = set()
    for page in output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'content="noindex"' in html:
            continue  # the 404 page, redirects from old ids, the embeddable counter
        relative = page.relative_to(output).as_posix()
        pages.add(f"{SITE_URL}/{relative.removesuffix('index.html')}")
    assert pages == set(listed)
    # The home pages and the root (which offers them) name the root as their x-default; every
    # other page names its translations in its own head only.
    offered_by_root = {f"{SITE_URL}/"} | {f"{SITE_URL}/{lang}/" for lang in LANGS}
    for loc, alternates in listed.items():
        assert set(alternates) == ({*LANGS, "x-default"} if loc in offered_by_root else set()), loc
        assert set(alternates.values()) <= set(listed), loc  # every alternate is itself listed
    assert listed[f"{SITE_URL}/en/"]["x-default"] == f"{SITE_URL}/"
    numbers = parse(read(output, "ru/numbers/index.html"))
    assert {link["hreflang"]: link["href"] for link in numbers.select('link[rel="alternate"][hreflang]')} == {
        lang: f"{SITE_URL}/{lang}/numbers/" for lang in LANGS}


def test_counter_in_an_iframe_and_the_chart_in_chromium(browser, output):
    host = output.parent / "host"
    host.mkdir(exist_ok=True)
    with serve(output.parent) as base:
        (host / "index.html").write_text(
            '<!doctype html><title>host</title><iframe src="/output/en/embed/counter/" title="counter" '
            'width="320" height="190"></iframe>', encoding="utf-8")
        page = browser.new_page()
        page.goto(f"{base}/host/")
        frame = page.frame_locator("iframe")
        assert frame.locator(".number").inner_text() == "3"
        assert "22 October 2021" in frame.locator("a").inner_text()
        page.goto(f"{base}/output/en/numbers/")
        chart = page.get_by_role("img", name=re.compile("^Political prisoners and persecuted people, August 2020 to"))
        # As wide as the main column (52rem less 1rem of padding each side, at 1280 pixels),
        # as high as its viewBox's proportions make it.
        _, _, width, height = (float(number) for number in chart.get_attribute("viewBox").split())
        box = chart.bounding_box()
        assert (box["width"], box["height"]) == (800, pytest.approx(800 * height / width, abs=0.01))
        page.close()


def test_numbers_and_data_pages_fit_a_small_phone(browser, output):
    """Nothing sticks out sideways at 320 px: long addresses wrap, the chart scrolls in its frame."""
    with serve(output) as base:
        page = browser.new_page(viewport={"width": 320, "height": 640})
        for lang in LANGS:
            for path in ["numbers", "data"]:
                page.goto(f"{base}/{lang}/{path}/")
                assert page.evaluate("document.documentElement.scrollWidth") == 320, (lang, path)
        page.close()


def test_person_page_shows_the_history(output):
    en = read(output, "en/people/ales-open/index.html")
    assert "since 1 February 2021" in en  # the last entry's date: the record has no status_since
    earlier = parse(en).find("dt", string="Earlier").find_next_sibling("dd")
    assert [text(item) for item in earlier.select("ul.history > li")] == ["House arrest from 10 August 2020"]
    assert "Хатні арышт з 10 жніўня 2020" in read(output, "be/people/ales-open/index.html")
    assert "Earlier" not in read(output, "en/people/olga-en-only/index.html")
