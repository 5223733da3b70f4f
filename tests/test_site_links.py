"""Links: LinkChecker over the site-level suite's site, which has every kind of page (the
check itself, and that it fails on a broken link, are in test_publishing.py)."""
from __future__ import annotations

import re
import subprocess

from conftest import ROOT
from test_publishing import LINKCHECKER_CONFIG, mirror


def test_linkchecker_finds_no_broken_link_or_anchor_on_any_kind_of_page(suite_site):
    with mirror(suite_site.output) as base:
        result = subprocess.run([str(ROOT / ".venv" / "bin" / "linkchecker"), "--config", str(LINKCHECKER_CONFIG),
                                 f"{base}/"], capture_output=True, text=True)
    assert result.returncode == 0 and " 0 warnings found" in result.stdout, result.stdout[-4000:]
    checked = int(re.search(r"(\d+) links? in \d+ URLs? checked", result.stdout).group(1))
    assert checked > 300  # every page was reached
