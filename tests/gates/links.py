"""Links: LinkChecker over a site served under a sub-path (as a mirror on someone else's
domain would serve it): every internal link and #anchor resolves, and what it reached."""
from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from conftest import ROOT
from helpers import parse
from site_suite import PAGE_KINDS, page_of_file

from . import Finding

LINKCHECKER = ROOT / ".venv" / "bin" / "linkchecker"
LINKCHECKER_CONFIG = Path(__file__).resolve().parent.parent / "fixtures" / "linkcheckerrc"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /mirror/, as a mirror on someone else's domain would."""

    def translate_path(self, path):
        if not path.startswith("/mirror/"):
            return "/nonexistent"
        return super().translate_path(path[len("/mirror"):])

    def end_headers(self):
        # LinkChecker waits 0.1-0.6 s between requests to a host unless it answers with this
        # header (linkcheck/checker/httpurl.py); then `maxrequestspersecond` applies.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def mirror(output: Path):
    """Serves `output` on 127.0.0.1 under /mirror/; yields the site's address (no trailing slash)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/mirror"
    finally:
        httpd.shutdown()


@dataclass(frozen=True)
class LinkCheck:
    base: str  # the site's address, without a trailing slash
    returncode: int
    rows: list[dict[str, str]]  # one per link checked, as LinkChecker's CSV output has it

    def findings(self, kinds: dict[str, str] = PAGE_KINDS) -> list[Finding]:
        """Every link that is broken (an error) or has a warning (a missing #anchor), named by
        the page it is on, in the order of the pages and their lines (LinkChecker's threads
        report in no fixed order)."""
        findings = []
        for row in sorted(self.rows, key=lambda row: (row["parentname"], row["line"].zfill(9), row["urlname"])):
            if row["valid"] == "True" and not row["warningstring"]:
                continue
            where = page_of_file(self.path_of(row["parentname"]) if row["parentname"] else "", kinds)
            line = f"line {row['line']}: " if row["line"] else ""
            rule = "broken link" if row["valid"] != "True" else "link warning"
            detail = row["result"] if row["valid"] != "True" else row["warningstring"]
            findings.append(Finding(where, rule, f"{line}{row['urlname']}: {' '.join(detail.split())}"))
        return findings

    def reached(self) -> set[str]:
        """The paths of the site (relative to its address, without #anchor) that were checked."""
        return {self.path_of(row["url"]) for row in self.rows if row["url"].startswith(self.base + "/")}

    def path_of(self, url: str) -> str:
        """A file's path: an address names "be/people/Б/" as "be/people/%D0%91/"."""
        return unquote(url.split("#")[0].removeprefix(self.base + "/"))


def check_links(base: str) -> LinkCheck:
    """Runs LinkChecker (tests/fixtures/linkcheckerrc: internal links and anchors only) from
    `base`/, logging every link it checks."""
    result = subprocess.run([str(LINKCHECKER), "--config", str(LINKCHECKER_CONFIG), "--verbose", "--output", "csv/utf-8",
                             f"{base}/"], capture_output=True, text=True, encoding="utf-8")
    if result.returncode not in (0, 1):
        raise RuntimeError(f"LinkChecker failed (exit code {result.returncode}): {result.stderr[-2000:]}")
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return LinkCheck(base, result.returncode, list(csv.DictReader(lines, delimiter=";")))


def unreached_pages(output: Path, check: LinkCheck) -> list[str]:
    """The pages of `output` meant to be found (all but those that ask not to be indexed: the
    404 page, the redirects from old ids, the counter for other sites' frames) that no link
    led LinkChecker to."""
    wanted = []
    for page in sorted(output.rglob("*.html")):
        if parse(page.read_text(encoding="utf-8")).select('meta[name="robots"][content~="noindex"]'):
            continue
        relative = page.relative_to(output).as_posix()
        wanted.append(relative.removesuffix("index.html"))
    reached = check.reached()
    return [path for path in wanted if path not in reached]
