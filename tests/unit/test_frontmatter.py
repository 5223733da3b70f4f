"""Reading a record file: bytes -> (YAML mapping, Markdown body), every problem located."""
from __future__ import annotations

import pytest

from portal.content.frontmatter import read_markdown_record, read_yaml_record
from portal.content.problems import Problem

PATH = "content/people/ivan-ivanau.md"
YAML_FIX = ("check the indentation and the colon after each key; put text that contains a colon or starts "
            "with a quote in quotes.")
DATE_FIX = "write dates as YYYY-MM-DD with a real month and day, e.g. 2021-06-01."
NO_FRONT_MATTER = Problem(PATH, 1, None,
                          "the file does not start with front matter between two lines of three dashes (---).",
                          "put '---' on the first line, then the keys (status:, updated:, …), then '---' again.")
NOT_UTF8_FIX = "save the file with the encoding UTF-8 (in most editors: Save as… → Encoding: UTF-8)."


def read(raw: bytes):
    record, problems = read_markdown_record(raw, PATH)
    return record, problems


def test_a_record_gives_its_keys_its_body_and_where_each_stands():
    record, problems = read(
        b"---\n"
        b"name:\n"
        b"  en: Ivan Ivanau\n"
        b"status: custody\n"
        b"updated: 2021-10-22\n"
        b"---\n"
        b"The story.\n"
    )
    assert problems == []
    assert record.data["name"] == {"en": "Ivan Ivanau"}
    assert record.data["updated"].isoformat() == "2021-10-22"  # a date, not text
    assert record.body == "The story.\n"
    assert record.body_line == 7
    assert record.key_lines == {"name": 2, "status": 4, "updated": 5}  # top-level keys only
    assert record.line_of("status") == 4 and record.line_of("born") is None


def test_a_byte_order_mark_and_windows_line_ends_are_accepted():
    raw = "\ufeff---\r\nstatus: custody\r\nname:\r\n  en: X\r\n---\r\nBody\r\nline 2\r\n".encode()
    record, problems = read(raw)
    assert problems == []
    assert record.data == {"status": "custody", "name": {"en": "X"}}
    assert record.body == "Body\nline 2\n"
    assert (record.body_line, record.key_lines) == (6, {"status": 2, "name": 3})


def test_old_mac_line_ends_are_accepted():
    record, problems = read(b"---\rstatus: custody\r---\rBody\r")
    assert problems == []
    assert (record.data, record.body, record.body_line) == ({"status": "custody"}, "Body\n", 4)


def test_empty_front_matter_is_an_empty_mapping():
    record, problems = read(b"---\n---\n")
    assert problems == [] and record.data == {} and record.body == ""


def test_a_file_ending_right_after_the_closing_fence():
    record, problems = read(b"---\nstatus: custody\n---")
    assert problems == [] and record.data == {"status": "custody"} and record.body == ""


@pytest.mark.parametrize("raw", [
    b"Just a story.\n",
    b"---\nstatus: custody\n",  # no closing fence
    b"\n---\nstatus: custody\n---\n",  # the fence is not on the first line
], ids=["no fences", "one fence", "blank first line"])
def test_missing_fences_are_reported_on_line_1(raw):
    assert read(raw) == (None, [NO_FRONT_MATTER])


def test_front_matter_that_is_a_list_is_reported():
    assert read(b"---\n- a\n- b\n---\n") == (None, [Problem(
        PATH, 2, None, "the front matter is not a list of keys and values.",
        "write one 'key: value' per line between the two '---' lines.")])


@pytest.mark.parametrize("raw, line, what", [
    (b"---\nname: [unclosed\nstatus: custody\nupdated: 2021-10-22\n---\n", 3, "did not find expected ',' or ']'"),
    (b"---\nkey: value\n  bad: indent\n---\n", 3, "mapping values are not allowed in this context"),
    (b'---\nstatus: custody\nkey: "unclosed\n---\n', 4, "found unexpected end of stream"),
])
def test_bad_yaml_is_reported_with_the_line_the_reader_stopped_at(raw, line, what):
    assert read(raw) == (None, [Problem(PATH, line, None, f"the YAML cannot be read: {what}.", YAML_FIX)])


@pytest.mark.parametrize("raw, line, what", [
    (b"---\nstatus: custody\nupdated: 2021-10-22\ndetained: 2021-13-01\n---\n", 4, "month must be in 1..12"),
    (b"---\nstatus: custody\nborn: 1985-02-30\nupdated: 2021-10-22\n---\n", 3, "day is out of range for month"),
])
def test_an_impossible_date_is_located(raw, line, what):
    assert read(raw) == (None, [Problem(PATH, line, None, f"a date cannot be read: {what}.", DATE_FIX)])


def test_a_date_without_zero_padding_is_text_not_a_date():
    """libyaml reads 1985-2-30 as text: Fields.date() then says it is not a date."""
    record, problems = read(b"---\nborn: 1985-2-30\n---\n")
    assert problems == [] and record.data == {"born": "1985-2-30"}


@pytest.mark.parametrize("raw, line", [
    ("---\nname: Иван\n---\n".encode("cp1251"), 2),
    ("---\nstatus: custody\nname:\n  ru: Иван\n---\n".encode("cp1251"), 4),
])
def test_a_file_not_in_utf8_names_the_line_and_the_byte(raw, line):
    assert read(raw) == (None, [Problem(PATH, line, None, "the file is not UTF-8 text (byte 0xc8 cannot be read).",
                                        NOT_UTF8_FIX)])


def test_a_yaml_data_file():
    record, problems = read_yaml_record("id: ik-9\nname:\n  be: x\ncity: Гомель\n".encode(), "content/institutions/ik-9.yaml")
    assert problems == []
    assert record.data == {"id": "ik-9", "name": {"be": "x"}, "city": "Гомель"}
    assert record.key_lines == {"id": 1, "name": 2, "city": 4}
    assert (record.body, record.body_line) == ("", 0)


@pytest.mark.parametrize("raw, problem", [
    (b"- a\n", Problem("data.yaml", 1, None, "the file is not a list of keys and values.",
                       "write one 'key: value' per line.")),
    (b"", Problem("data.yaml", 1, None, "the file is not a list of keys and values.",
                  "write one 'key: value' per line.")),
    (b"id: x\nchecked: 2021-02-29\n", Problem("data.yaml", 2, None, "a date cannot be read: day is out of range for month.",
                                               DATE_FIX)),
    (b"id: x\nname: {be: x\n", Problem("data.yaml", 3, None, "the YAML cannot be read: did not find expected ',' or '}'.",
                                        YAML_FIX)),
])
def test_a_bad_yaml_data_file(raw, problem):
    assert read_yaml_record(raw, "data.yaml") == (None, [problem])
