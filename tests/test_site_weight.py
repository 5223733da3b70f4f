"""Page weight: each kind of page, in each language, stays within its budget of HTML, CSS and
JavaScript bytes (tests/gates/weight.py; printed after the run), and the gate fails on a page
that does not."""
from __future__ import annotations

import pytest

from gates import report
from gates.weight import BUDGET, Weight, over_budget, page_weight, weights_key
from site_suite import ALL_PAGES, BROKEN, broken_site


@pytest.mark.parametrize("where", ALL_PAGES, ids=lambda page: page.id)
def test_the_page_is_within_its_weight_budget(request, suite_site, where):
    weight = page_weight(suite_site.output, where, suite_site.url)
    request.config.stash.setdefault(weights_key, []).append((where, weight))
    findings = over_budget(where, weight)
    assert not findings, report(findings, "pages over their weight budget")


def test_the_budget_fails_an_oversize_page(tmp_path):
    broken_site(tmp_path, "<p>" + "Слова. " * 3_000 + "</p>", '<link rel="stylesheet" href="../../site.css">\n'
                '<script src="../../site.js" defer></script>',
                files={"site.css": "p { margin: 0; }\n" * 500, "site.js": "// a script\n" * 500})
    weight = page_weight(tmp_path, BROKEN)
    assert weight == Weight(html=(tmp_path / "en/broken/index.html").stat().st_size, css=8_500, js=6_000)
    findings = over_budget(BROKEN, weight)
    assert weight.total > BUDGET and [str(finding) for finding in findings] == [
        f"broken page, en, /en/broken/: page weight over budget: {weight.total:,} bytes (HTML {weight.html:,}, "
        f"CSS 8,500, JavaScript 6,000) > budget {BUDGET:,}"]
