"""Links: LinkChecker over the site-level suite's site, which has every kind of page (the
check under a sub-path, and that it fails on a broken link, are in test_publishing.py)."""
from __future__ import annotations

from gates import report
from gates.links import check_links, mirror, unreached_pages


def test_linkchecker_finds_no_broken_link_or_anchor_on_any_kind_of_page(suite_site):
    with mirror(suite_site.output) as base:
        check = check_links(base)
    findings = check.findings()
    assert check.returncode == 0 and not findings, report(findings, "broken links and anchors (LinkChecker)")
    assert unreached_pages(suite_site.output, check) == []  # every page meant to be found was reached
