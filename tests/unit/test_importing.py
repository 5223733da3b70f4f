"""The pure parts of make import: cells, dates, articles, status rules, the writer of person
files and the mapping's checks (plugins/portal/importing/)."""
from __future__ import annotations

import datetime

import pytest

from conftest import SETTINGS, person, write_content
from portal.content.loader import load_content
from portal.content.problems import ContentError
from portal.content.safety import load_yaml
from portal.importing.mapping import MappingError, load_mapping, normal, read_articles, read_date
from portal.importing.records import digest, edit_record, key_lines, new_record, scalar
from portal.importing.rows import Cell, forename_first, propose
from portal.importing.table import read_table

TODAY = datetime.date(2026, 1, 1)
FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = write_content(tmp_path_factory.mktemp("importing"), {}, real=("data", "institutions"))
    return content, load_content(content, SETTINGS, today=TODAY)


@pytest.fixture(scope="module")
def mapping(site):
    content, loaded = site
    return load_mapping(content / "data" / "imports" / "viasna.yaml", "viasna.yaml", loaded.reference)


@pytest.mark.parametrize("text, day", [
    ("2021-06-01", datetime.date(2021, 6, 1)), ("01.06.2021", datetime.date(2021, 6, 1)), ("1985", 1985),
    ("44197", datetime.date(2021, 1, 1)), ("44197.0", datetime.date(2021, 1, 1)),
    ("2021-06-01 00:00:00", datetime.date(2021, 6, 1))])
def test_dates_as_lists_write_them(text, day):
    assert read_date(text, FORMATS) == day


@pytest.mark.parametrize("text", ["last spring", "31.02.2021", "2021-13-01", "06/01/2021"])
def test_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        read_date(text, FORMATS)


@pytest.mark.parametrize("text, codes, unread", [
    ("ч.1 ст.342 УК; ст.130", ["342-1", "130"], []),
    ("ст. 342 ч. 1, ст. 361.1 ч.2", ["342-1", "361-1-2"], []),
    ("part 2 of article 130\n342", ["130-2", "342"], []),
    ("Массовые беспорядки; хулиганство", ["293"], ["хулиганство"]),
])
def test_articles_from_free_text(text, codes, unread):
    assert read_articles(text, {normal("Массовые беспорядки"): ["293"]}) == (codes, unread)


def test_words_are_compared_without_case_yo_spaces_and_a_full_stop():
    assert normal("  СИЗО-1,  г. Минск. ") == normal("сизо-1, г. минск") == "сизо-1, г. минск"
    assert normal("Освобождён") == normal("освобожден")


def test_forename_first():
    assert forename_first("Іваноў Іван Іванавіч") == "Іван Іваноў"
    assert forename_first("Cher") == "Cher"


@pytest.mark.parametrize("value", [
    "Іван Іваноў", "5 гадоў калоніі", "yes", "null", "342-1", "1734", "12345678", "#hash", "- dash", "a: b",
    "[list]", "{map}", "it's", 'say "hi"', "trailing ", "line\\nbreak", "100%", "@at", "`tick`", "*star", "&amp",
    "!tag", "|pipe", ">fold", "https://example.org/p?a=1&b=2", "https://example.org/a b", "ё", "1e5", "0x1F",
    "2021-06-01", "~", "ИК № 4, Гомель", "«химия»", "=HYPERLINK()"])
def test_every_text_is_written_as_yaml_reads_it_back(value):
    assert load_yaml(f"key: {scalar(value)}") == {"key": value}


def test_a_new_record_reads_back_as_its_values():
    values = {"imported": {"source": "viasna", "row": "17", "fields": {"name": "12345678"}}, "id": "a-b",
              "name": {"be": "Алесь", "en": "Ales: the 1st"}, "status": "custody",
              "articles": ["342-1", "130"], "born": 1985, "detained": datetime.date(2021, 3, 1),
              "recognised": {"by": "Viasna", "date": datetime.date(2021, 4, 1)},
              "history": [{"date": datetime.date(2021, 3, 1), "status": "custody"}]}
    text = new_record(values)
    assert load_yaml(text.split("---\n")[1]) == values
    assert text.index("id:") < text.index("name:") < text.index("history:") < text.index("imported:")


def test_an_edit_keeps_every_other_line_its_comments_and_the_story():
    text = ("---\n# a comment at the top\nid: a-b\nname:\n  be: Алесь\nstatus: custody   # why\n# about the region\n"
            "region: gomel\nstatus_since: 2021-01-01\nupdated: 2021-10-22\n---\n<!-- lang: be -->\nГісторыя.\n")
    edited = edit_record(text, {"status": "released", "status_since": None, "released": datetime.date(2022, 1, 5),
                                "history": [{"date": datetime.date(2022, 1, 5), "status": "released"}]})
    assert edited == ("---\n# a comment at the top\nid: a-b\nname:\n  be: Алесь\nstatus: released\n# about the region\n"
                      "region: gomel\nreleased: 2022-01-05\nupdated: 2021-10-22\nhistory:\n  - date: 2022-01-05\n"
                      "    status: released\n---\n<!-- lang: be -->\nГісторыя.\n")


def test_a_digest_reads_a_date_and_its_text_as_one():
    assert digest(datetime.date(2021, 3, 1)) == digest("2021-03-01") != digest("2021-03-02")
    assert digest({"be": "A", "en": "B"}) == digest({"en": "B", "be": "A"})
    assert key_lines("articles", ["342-1"]) == ['articles: ["342-1"]']


def test_a_table_with_a_byte_order_mark_semicolons_and_a_line_break_in_a_cell(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(b'\xef\xbb\xbfid;name;prison\r\n1;A;"IK-4\r\naddress"\r\n\r\n2;B\r\n')
    table = read_table(path)
    assert table.header == ["id", "name", "prison"]
    assert table.rows == [(2, ["1", "A", "IK-4\r\naddress"]), (4, ["2", "B"])]
    assert table.problems == []


@pytest.mark.parametrize("name, data, message", [
    ("list.csv", b"\xff\xfeid\n", "the file is not UTF-8 text."),
    ("list.pdf", b"%PDF", '".pdf" files cannot be read.'),
    ("list.csv", b"id,name\n1," + b"x" * (9 * 1024 * 1024) + b"\n", "the file cannot be read from here on"),
    ("list.xlsx", b"not a workbook", "the spreadsheet cannot be read"),
])
def test_files_that_cannot_be_read_are_named_not_raised(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    [problem] = read_table(path).problems
    assert problem.message.startswith(message)
    assert problem.fix


def row(mapping, site, **cells):
    _, loaded = site
    return propose("list.csv", 2, {key: Cell(key, value) for key, value in cells.items()}, 0, mapping, loaded, "ru",
                   datetime.date(2024, 1, 15))


@pytest.mark.parametrize("cells, status", [
    ({"status": "active"}, "custody"),
    ({"status": "Active", "penalty": "Химия"}, "restricted-freedom-institution"),
    ({"status": "active", "penalty": "домашний арест"}, "house-arrest"),
    ({"status": "former", "penalty": "штраф"}, "correctional-labour-or-fine"),
    ({"status": "former"}, "released"),
    ({"status": "np", "penalty": "условно"}, "suspended-sentence"),
    ({"status": "np", "institution": "неизвестно"}, "unknown-whereabouts"),
    ({"status": "np"}, "recognizance"),
])
def test_status_words_with_their_penalty_and_place_rules(mapping, site, cells, status):
    proposal = row(mapping, site, id="1", name="Иванов Иван", **cells)
    assert (proposal.usable, proposal.status) == (True, status)


def test_a_row_of_the_list_becomes_the_values_of_a_person_file(mapping, site):
    proposal = row(mapping, site, id="7", name="Иванов Иван Иванович", status="active", born="1985", gender="М",
                   detained="10.08.2020", articles="ч.1 ст.342 УК", sentenced="2021-02-01", penalty="лишение свободы",
                   institution="СИЗО-1 г. Минск; ул. Володарского, 2", recognised="2020-09-01",
                   sources="https://example.org/7", sentence="5 лет")
    assert proposal.values == {
        "born": 1985, "detained": datetime.date(2020, 8, 10), "sentenced": datetime.date(2021, 2, 1),
        "penalty": "imprisonment", "institution": "sizo-1-minsk", "gender": "male", "articles": ["342-1"],
        "sentence": {"ru": "5 лет"}, "recognised": {"by": "Viasna", "date": datetime.date(2020, 9, 1)},
        "sources": ["https://example.org/7"], "name": {"ru": "Иван Иванов"}, "letter_name": "Иванов Иван Иванович"}
    assert (proposal.status, proposal.since, proposal.unknown) == ("custody", datetime.date(2020, 8, 10), [])


def test_a_counted_only_row_keeps_what_counting_needs_and_shows_nothing(mapping, site):
    proposal = row(mapping, site, id="8", name="Имя скрыто", status="active", born="1985", detained="2020-08-10",
                   institution="=cmd()", sentence="=cmd()", gender="м")
    assert proposal.counted and proposal.usable
    assert proposal.values == {"detained": datetime.date(2020, 8, 10)}
    assert proposal.left_out == []


def test_what_a_row_lacks_or_the_mapping_does_not_know(mapping, site):
    proposal = row(mapping, site, id="9", name="Петров Пётр", status="на свободе", institution="ИК-99 г. Нигде",
                   articles="ст. 999; что-то", gender="?", penalty="ссылка", detained="2030-01-01", died="1985")
    assert not proposal.usable
    assert [(found.column, found.message) for found in proposal.problems] == [
        ("status", "the mapping does not know this status word.")]
    assert [(found.column, found.message.split(";")[0]) for found in proposal.left_out] == [
        ("detained", "the date lies after the export's date (2024-01-15) or before 1900."),
        ("died", "only the year is given, and this field needs the day.")]
    assert sorted(proposal.unknown) == [("article", "999"), ("article", "что-то"), ("gender", "?"),
                                        ("penalty", "ссылка"), ("prison", "ИК-99 г. Нигде"),
                                        ("status", "на свободе")]


def test_a_mapping_with_unknown_ids_is_refused_with_each_key(site, tmp_path):
    _, loaded = site
    path = tmp_path / "bad.yaml"
    path.write_text("source: Bad Source\ncolumns: {id: [id], nme: [name]}\nstatuses:\n  active: in-jail\n"
                    "prisons: {ik-99: [x]}\npenalties: {prison: [x]}\narticles: {x: ['999']}\n"
                    "date_formats: [YYYY/MM/DD]\nextra: 1\n", encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path, "bad.yaml", loaded.reference)
    keys = [problem.split(":")[0] for problem in caught.value.problems]
    assert keys == ["extra", "source", "columns.nme", "columns", "date_formats", "penalties.prison", "prisons.ik-99",
                    "statuses.active, rule 1", "articles.x"]


def test_the_template_is_a_valid_mapping(site):
    content, loaded = site
    assert load_mapping(content / "data" / "imports" / "template.yaml", "t", loaded.reference).source == "example-list"


def test_a_counted_only_record_may_not_hold_the_lists_row_id(tmp_path):
    imported = "\n  source: viasna\n  row: \"105\""
    content = write_content(tmp_path, {"people/counted-0001.md": person(visibility="counted", imported=imported)})
    with pytest.raises(ContentError) as caught:
        load_content(content, SETTINGS, today=TODAY)
    assert [(p.field, p.message.split(":")[0]) for p in caught.value.problems] == [
        ("imported.row", "a counted-only record may not hold the list's row id")]


def xlsx(rows: list[list]) -> bytes:
    """A minimal workbook as Excel writes one: text as inline strings, numbers as numbers."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value, column: int, row: int) -> str:
        ref = f"{chr(65 + column)}{row}"
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'

    sheet = "".join(f'<row r="{r}">' + "".join(cell(v, c, r) for c, v in enumerate(values)) + "</row>"
                    for r, values in enumerate(rows, start=1))
    main = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": f'<Types xmlns="{main}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{main}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{main}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}/spreadsheetml/2006/main" '
        f'xmlns:r="{main}/officeDocument/2006/relationships"><sheets><sheet name="list" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{main}/package/2006/relationships"><Relationship '
        f'Id="rId1" Type="{main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}/spreadsheetml/2006/main"><sheetData>{sheet}'
        "</sheetData></worksheet>",
    }
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + text)
    return stream.getvalue()


def ods(rows: list[list]) -> bytes:
    """A minimal OpenDocument spreadsheet, as LibreOffice writes one."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value) -> str:
        if isinstance(value, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>' \
                   "</table:table-cell>"
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in values) + "</table:table-row>" for values in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="list">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return stream.getvalue()


@pytest.mark.parametrize("suffix, make", [(".xlsx", xlsx), (".ods", ods)])
def test_a_workbooks_first_sheet_as_the_csv_export_would_give_it(tmp_path, suffix, make):
    path = tmp_path / f"list{suffix}"
    path.write_bytes(make([["id", "name", "arrested", "prison"], [101, "Іван Іваноў", 44197, "ПК-4\nадрас"],
                           [102, "=SUM(A1)", "", ""]]))
    table = read_table(path)
    assert table.problems == []
    assert table.header == ["id", "name", "arrested", "prison"]
    assert table.rows == [(2, ["101", "Іван Іваноў", "44197", "ПК-4\nадрас"]), (3, ["102", "=SUM(A1)", "", ""])]
