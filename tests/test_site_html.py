"""Valid HTML: the Nu HTML Checker finds no error in the whole output (every page and the
stylesheet), and the gate fails on a page that has one."""
from __future__ import annotations

from gates import report
from gates.html_validity import vnu_findings
from site_suite import BROKEN, BROKEN_KINDS, broken_site


def test_vnu_finds_no_error_in_the_whole_output(suite_site):
    findings = vnu_findings(suite_site.output)
    assert not findings, report(findings, "HTML errors (vnu)")


def test_vnu_fails_a_page_with_an_error(tmp_path):
    broken_site(tmp_path, "<ul><p>Not a list item</p></ul>\n<div><span>Unclosed</div>",
                files={"theme/site.css": "p { colour: red; }\n"})
    lines = (tmp_path / BROKEN.path / "index.html").read_text(encoding="utf-8").splitlines()
    line_of = {text: number for number, line in enumerate(lines, start=1) for text in ("<ul>", "<div>") if text in line}
    findings = vnu_findings(tmp_path, BROKEN_KINDS)
    message = report(findings, "HTML errors (vnu)")
    assert any(str(finding).startswith(f"broken page, en, /en/broken/: vnu error: line {line_of['<ul>']}: "
                                       "Element “p” not allowed as child of element “ul”") for finding in findings), message
    assert any(str(finding).startswith(f"broken page, en, /en/broken/: vnu error: line {line_of['<div>']}: "
                                       "End tag “div” seen, but there were open elements") for finding in findings), message
    assert any(str(finding).startswith("stylesheet, all languages, /theme/site.css: vnu error: line 1: CSS: “colour”")
               for finding in findings), message
