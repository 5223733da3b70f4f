"""make import: a list's export in three languages, with the rows real exports have (a
byte-order mark, `;`, Excel's day numbers, empty cells, an id twice, an unknown status word, a
formula, a cell of a megabyte, a row cut short), imported into a fixture site and built; then
the same export again (nothing changes) and a newer one (exactly what changed changes)."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, build, person, read, write_content
from portal.commands import import_list

HEADER = ["id", "url", "name", "status", "birthday", "gender", "arrested", "articles", "verdict_date", "decision",
          "penalty", "judge", "prison", "declaration", "release_date", "died"]
RU_HEADER = ["id", "ссылка", "ФИО", "Статус", "Дата рождения", "Пол", "Дата задержания", "Статьи", "Дата приговора",
             "Приговор", "Наказание", "Судья", "Место заключения", "Дата признания", "Дата освобождения",
             "Дата смерти"]
MEGABYTE = "x" * (1024 * 1024)
# (id, name be, name ru, name en, the other cells as in the be export)
ROWS = [
    ("101", "Узорны Алесь Іванавіч", "Узорный Алесь Иванович", "Uzorny Ales",
     ["https://example.org/p/101", "active", "1985", "м", "2021-03-01", "ч.1 ст.342 УК; ст.130", "01.06.2021",
      "5 гадоў калоніі", "пазбаўленне волі", "Суддзя Суддзін", "СІЗА-1 г. Мінск\nвул. Валадарскага, 2",
      "2021-04-01", "", ""]),
    ("102", "Прыкладная Ганна", "Прикладная Анна", "Prykladnaya Hanna",
     ["", "former", "1990-05-02", "ж", "2020-08-10", "ст. 342", "2020-12-01", "", "пазбаўленне волі", "", "released",
      "", "2022-01-05", ""]),
    ("103", "Накідны Павел", "Накидной Павел", "Nakidny Pavel",  # Excel's day number: 44197 is 2021-01-01
     ["", "active", "", "", "44197", "", "", "", "хатні арышт", "", "", "", "", ""]),
    ("104", "Пусты Міхась", "Пустой Михаил", "Pusty Mikhas",  # empty cells
     ["", "active", "", "", "", "", "", "", "", "", "", "", "", ""]),
    ("105", "імя не раскрываецца", "имя не раскрывается", "anonymous",  # counted only
     ["", "active", "1979", "м", "2022-02-02", "ст. 342", "", "", "", "", "ПК-4 г. Гомель", "", "", ""]),
    ("106", "Невядомы Статус", "Неизвестный Статус", "Nevyadomy Status",
     ["", "pending", "", "", "", "", "", "", "", "", "", "", "", ""]),
    ("107", "=HYPERLINK(\"http://evil\")", "Формула Иван", "Formula Ivan",
     ["", "active", "", "", "", "", "", "", "", "", "", "", "", ""]),
    ("108", "Доўгі Тэкст", "Длинный Текст", "Douhi Tekst",  # a cell of a megabyte
     ["", "active", "", "", "2021-05-05", "", "", MEGABYTE, "", "", "", "", "", ""]),
    ("109", "Кароткі Радок", "Короткий Ряд", "Karotki Radok", ["", "active"]),  # too few cells
    ("101", "Двойчы Іван", "Дважды Иван", "Dvoichy Ivan",  # one id twice
     ["", "active", "", "", "", "", "", "", "", "", "", "", "", ""]),
    ("110", "Новая Турма", "Новая Тюрьма", "Novaya Turma",
     ["", "active", "", "", "2021-09-09", "", "", "", "", "", "ПК-15 г. Шклоў", "", "", ""]),
    ("111", "Умоўны Юрась", "Условный Юрий", "Umouny Yuras",
     ["", "np", "", "", "2021-02-02", "ст. 342", "2021-07-07", "", "умоўна", "", "", "", "", ""]),
]
EXPORT_DATE = "2024-01-15"


def export(rows, lang: str) -> bytes:
    """The be export: a byte-order mark and `;` (as Excel writes CSV); ru: Russian headers; en: plain."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";" if lang == "be" else ",", lineterminator="\r\n")
    writer.writerow(RU_HEADER if lang == "ru" else HEADER)
    for row_id, be, ru, en, cells in rows:
        name = {"be": be, "ru": ru, "en": en}[lang]
        writer.writerow([row_id, cells[0], name, *cells[1:]])
    data = stream.getvalue().encode()
    return b"\xef\xbb\xbf" + data if lang == "be" else data


def run(content: Path, files: list[Path], capsys, *options: str) -> tuple[int, str]:
    code = import_list.main(["--settings", str(ROOT / "pelicanconf.py"), "--content", str(content),
                             "--file", " ".join(map(str, files)), "--date", EXPORT_DATE, *options])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def files_of(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))}


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_IMPORT_KEY", "test-key-never-in-the-repository")
    content = write_content(tmp_path, {}, real=("data", "institutions"))
    paths = []
    for lang in ("be", "ru", "en"):
        path = tmp_path / f"list-{lang}.csv"
        path.write_bytes(export(ROWS, lang))
        paths.append(path)
    return tmp_path, content, paths


def test_an_export_in_three_languages_is_reported_written_built_and_imported_again(site, capsys):
    root, content, paths = site
    people = content / "people"
    code, report = run(content, paths, capsys)
    assert code == 0
    assert list(people.glob("*.md")) == []  # the report writes nothing
    assert "12 rows: 8 new, 0 matched (0 changed, 0 unchanged), 4 unusable" in report
    assert "Nothing was written. WRITE=1 writes 8 new files and changes 0 files." in report
    # every unusable row with its file, row, column, value and fix
    assert (f'{paths[0]}, row 7, column status: "pending" the mapping does not know this status word.\n'
            f"    Fix: add it under statuses: in {content}/data/imports/viasna.yaml") in report
    assert f'{paths[0]}, row 8, column name: "=HYPERLINK("http://evil")" the cell holds a formula, not a value.' in report
    assert f"{paths[0]}, row 10: the row has 12 cell(s) fewer than the header." in report
    assert f'{paths[0]}, row 11, column id: "101" the id is also on row 2.' in report
    assert f'{paths[0]}, row 9, column decision: "xxxxxxxx' in report and "1,048,576 characters" in report
    # what the mapping does not know yet, with counts
    assert '  status words (under statuses:):\n    "pending": 1 row' in report
    assert '  prisons (under prisons (or places):):\n    "ПК-15 г. Шклоў": 1 row\n\n' in report
    assert "Problems with the files" not in report
    assert "judge" not in report.split("Columns the mapping does not use")[-1]
    # a counted-only row's cells are never shown, nor its record tied to its row
    assert "раскрываецца" not in report and "1979" not in report
    assert "  ales-uzorny (row 2), custody\n" in report and "  counted-0001 (counted only), custody\n" in report

    code, report = run(content, paths, capsys, "--write", "1")
    assert code == 0 and "Wrote 8 new files and changed 0 files." in report
    written = files_of(people)
    assert sorted(written) == ["ales-uzorny.md", "counted-0001.md", "hanna-prykladnaya.md", "mikhas-pusty.md",
                               "pavel-nakidny.md", "tekst-douhi.md", "turma-novaya.md", "yuras-umouny.md"]
    ales = written["ales-uzorny.md"]
    for line in ["  be: Алесь Узорны", "  ru: Алесь Узорный", "  en: Ales Uzorny", "born: 1985", "gender: male",
                 "status: custody", "status_since: 2021-03-01", "detained: 2021-03-01", 'articles: ["342-1", "130"]',
                 "sentenced: 2021-06-01", "penalty: imprisonment", "  be: \"5 гадоў калоніі\"", "institution: sizo-1-minsk",
                 "letter_name: Узорный Алесь Иванович", "  by: Viasna", "  date: 2021-04-01",
                 "sources: [https://example.org/p/101]", "updated: 2024-01-15", "  source: viasna", '  row: "101"']:
        assert line in ales.split("\n"), line
    assert "Суддзін" not in ales  # the judge is kept out
    assert "status: released" in written["hanna-prykladnaya.md"] and "released: 2022-01-05" in written["hanna-prykladnaya.md"]
    assert "status: house-arrest" in written["pavel-nakidny.md"] and "detained: 2021-01-01" in written["pavel-nakidny.md"]
    assert "sentence" not in written["tekst-douhi.md"]  # the megabyte cell is left out
    assert "institution" not in written["turma-novaya.md"]
    assert "status: suspended-sentence" in written["yuras-umouny.md"]
    counted = written["counted-0001.md"]
    assert re.fullmatch(r"---\nid: counted-0001\nstatus: custody\nstatus_since: 2022-02-02\nvisibility: counted\n"
                        r"detained: 2022-02-02\nupdated: 2024-01-15\nimported:\n  source: viasna\n  key: [0-9a-f]{32}\n"
                        r'  fields: \{detained: "?[0-9a-f]{8}"?, status: "?[0-9a-f]{8}"?\}\n---\n', counted), counted
    assert "105" not in counted

    output = build(root, None)
    page = read(output, "en/people/ales-uzorny/index.html")
    assert "Viasna, 1 April 2021" in page and "Imprisonment" in page
    totals = json.loads(read(output, "data/totals.json"))
    by_category = {category: count for group in totals["groups"].values()
                   for category, count in group["categories"].items()}
    assert (by_category["custody"], by_category["house-arrest"], by_category["released"],
            by_category["suspended-sentence"]) == (5, 1, 1, 1)
    assert "counted-0001" not in read(output, "data/people.json")

    # The same export again changes nothing.
    code, report = run(content, paths, capsys, "--write", "1")
    assert "12 rows: 0 new, 8 matched (0 changed, 8 unchanged), 4 unusable" in report
    assert files_of(people) == written


def test_a_new_row_that_is_probably_someone_already_here_is_reported_never_merged(site, capsys):
    root, content, paths = site
    # Written by hand before the list was imported: Ales Uzorny of row 101, in Russian only.
    (content / "people" / "uzorny.md").write_text(
        person("custody", name={"ru": "Алесь Узорный"}, born="1985", updated="2023-01-01"), encoding="utf-8")
    code, report = run(content, paths, capsys)
    assert code == 0
    found = report.split("Probably one person (1):", 1)[1].split("\n\n", 1)[0]
    assert found.strip().splitlines()[1:] == [
        "  ales-uzorny and uzorny: 75, the same name; born the same year (1985)"]
    code, report = run(content, paths, capsys, "--write", "1")
    assert sorted(path.name for path in (content / "people").glob("*uzorny*.md")) == ["ales-uzorny.md", "uzorny.md"]


def test_a_newer_export_changes_exactly_what_changed(site, capsys):
    root, content, paths = site
    people = content / "people"
    run(content, paths, capsys, "--write", "1")
    before = files_of(people)
    # A hand edit of an imported value, and one of a key the import does not own.
    hanna = people / "hanna-prykladnaya.md"
    hanna.write_text(hanna.read_text().replace("born: 1990-05-02", "born: 1990-05-03"), encoding="utf-8")
    mikhas = people / "mikhas-pusty.md"
    mikhas.write_text(mikhas.read_text().replace("status: custody", "status: custody\nregion: gomel"), encoding="utf-8")
    edited = files_of(people)
    newer = [list(row) for row in ROWS if row[0] not in ("104", "106", "107", "109")]
    for row in newer:
        row[4] = list(row[4])
        if row[0] == "101":  # released, with the day
            row[4][1], row[4][10], row[4][12] = "former", "released", "2023-11-30"
        if row[0] == "102":  # the list corrects the birth date that was also edited by hand
            row[4][2] = "1990-06-02"
        if row[0] == "110":  # the list's spelling of the prison: still unknown; the name in en changes
            row[3] = "Novaja Turma"
    for path, lang in zip(paths, ("be", "ru", "en")):
        path.write_bytes(export([tuple(row) for row in newer], lang))
    code, report = run(content, paths, capsys, "--write", "1")
    assert code == 0
    assert "8 rows: 0 new, 7 matched (2 changed, 5 unchanged), 1 unusable" in report
    assert "  ales-uzorny (row 2):\n    institution: sizo-1-minsk → not given\n    released: not given → 2023-11-30\n" \
           "    status: custody → released\n" in report
    assert "  turma-novaya (row 8):\n    name: be: Турма Новая; ru: Тюрьма Новая; en: Turma Novaya → " \
           "be: Турма Новая; ru: Тюрьма Новая; en: Turma Novaja\n" in report
    assert ("hanna-prykladnaya (row 3), born: 1990-05-03 (by hand) ≠ 1990-06-02 (the list)") in report
    assert "In the content but not in this export (1); never deleted, check them by hand:\n  mikhas-pusty" in report
    after = files_of(people)
    assert {name for name in after if after[name] != edited[name]} == {"ales-uzorny.md", "turma-novaya.md"}
    ales = after["ales-uzorny.md"]
    assert ("history:\n  - date: 2021-03-01\n    status: custody\n  - date: 2023-11-30\n    status: released\n"
            in ales)
    assert "status_since" not in ales and "institution:" not in ales and "updated: 2024-01-15" in ales
    assert "born: 1990-05-03" in after["hanna-prykladnaya.md"]  # the hand's value is kept
    assert "region: gomel" in after["mikhas-pusty.md"]
    assert before.keys() == after.keys()  # nothing deleted

    code, report = run(content, paths, capsys, "--write", "1", "--force", "1")
    assert "hanna-prykladnaya (row 3):\n    born: 1990-05-03 → 1990-06-02" in report
    assert "born: 1990-06-02" in (people / "hanna-prykladnaya.md").read_text()
    build(root, None)  # the content is still valid


SYLLABLES = ["ба", "ве", "гі", "до", "жу", "зы", "ка", "ле", "мі", "но", "пу", "ры", "са", "ту", "фе", "хі"]
FIRST_NAMES = ["Алесь", "Ганна", "Павел", "Вольга", "Міхась", "Ірына", "Юрась", "Наталля"]


def a_name(n: int) -> str:
    """A made-up name of its own for each n below 4,096: three syllables and an ending."""
    return f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {''.join(SYLLABLES[(n >> shift) % 16] for shift in (8, 4, 0)).title()}віч"


def test_a_large_export_is_reported_whole(tmp_path, capsys):
    """Two thousand rows of people with names of their own: every one new and reported. (How
    long the report takes is the benchmark's to measure, not a test's.)"""
    content = write_content(tmp_path, {}, real=("data", "institutions"))
    rows = [(str(1000 + n), a_name(n), "", "",
             ["", ["active", "former", "np"][n % 3], str(1950 + n % 50), "м", "2021-03-01", "ч.1 ст.342 УК",
              "01.06.2021", "3 года", "лишение свободы", "", "СИЗО-1 г. Минск\nул. Володарского, 2", "2021-04-01",
              "2022-01-01" if n % 3 == 1 else "", ""]) for n in range(2_000)]
    path = tmp_path / "list-be.csv"
    path.write_bytes(export(rows, "be"))
    code, report = run(content, [path], capsys)
    assert code == 0 and "2,000 rows: 2,000 new, 0 matched (0 changed, 0 unchanged), 0 unusable" in report
    assert "Nothing was written. WRITE=1 writes 2,000 new files" in report


def test_a_value_removed_by_hand_is_not_put_back(site, capsys):
    root, content, paths = site
    run(content, paths, capsys, "--write", "1")
    record = content / "people" / "ales-uzorny.md"
    # Removed for the person's safety: the next import reports it and leaves it out.
    record.write_text(record.read_text(encoding="utf-8").replace("born: 1985\n", ""), encoding="utf-8")
    code, report = run(content, paths, capsys, "--write", "1")
    assert "  ales-uzorny (row 2), born: not given (by hand) ≠ 1985 (the list)" in report
    assert "\nborn:" not in record.read_text(encoding="utf-8")  # (the imported digests name it)


def test_a_person_the_list_stops_naming_is_never_a_second_record(site, capsys):
    root, content, paths = site
    run(content, paths, capsys, "--write", "1")
    before = files_of(content / "people")
    # The newer export counts Hanna (row 102) without her name.
    anonymous = [(row_id, "імя не раскрываецца", "имя не раскрывается", "anonymous", cells) if row_id == "102"
                 else (row_id, be, ru, en, cells) for row_id, be, ru, en, cells in ROWS]
    for lang, path in zip(("be", "ru", "en"), paths):
        path.write_bytes(export(anonymous, lang))
    code, report = run(content, paths, capsys, "--write", "1")
    assert "the list no longer names hanna-prykladnaya, whose public record this row matches." in report
    assert "Records whose visibility the list changed (1)" in report and "  hanna-prykladnaya\n" in report
    assert files_of(content / "people") == before  # no counted-only double, nothing else changed
    assert "In the content but not in this export" not in report


def test_a_counted_only_rows_values_never_reach_the_report(site, capsys):
    root, content, paths = site
    rows = [(row_id, be, ru, en, cells[:10] + ["ИК-77 г. Невядомск"] + cells[11:]) if row_id == "105"
            else (row_id, be, ru, en, cells) for row_id, be, ru, en, cells in ROWS]
    rows.append(("105", "імя не раскрываецца", "имя не раскрывается", "anonymous", ROWS[4][4]))  # and twice
    for lang, path in zip(("be", "ru", "en"), paths):
        path.write_bytes(export(rows, lang))
    code, report = run(content, paths, capsys)
    assert "Невядомск" not in report  # an unknown prison of a counted row is not listed as unknown
    assert '"105"' not in report and "105 " not in report  # nor its id on the list, even when doubled
    assert "the id is also on row 6." in report
