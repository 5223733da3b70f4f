"""Valid HTML: the Nu HTML Checker (vnu, the pinned npm package vnu-jar) over the whole output."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import ROOT
from site_suite import PAGE_KINDS, page_of_file

from . import Finding

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_findings(output: Path, kinds: dict[str, str] = PAGE_KINDS) -> list[Finding]:
    """Every error vnu finds in the HTML and CSS files under `output` (vnu reads files:
    it refuses addresses on 127.0.0.1)."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("java is missing: `make test` installs Debian's default-jre-headless")
    if not VNU.exists():
        raise RuntimeError(f"{VNU} is missing: `make test` installs it (npm ci, from package-lock.json)")
    # Two runs: with --also-check-css, vnu 26.9.27 gives HTML errors one line too early.
    messages = _vnu(java, ["--skip-non-html", str(output)])
    stylesheets = sorted(str(path) for path in output.rglob("*.css"))
    if stylesheets:
        messages += _vnu(java, ["--css", *stylesheets])
    findings = []
    for message in messages:
        path = Path(unquote(urlparse(message.get("url", "")).path))
        where = page_of_file(path.relative_to(output.resolve()).as_posix() if path.is_absolute() else str(path), kinds)
        line = f"line {message['lastLine']}: " if "lastLine" in message else ""
        extract = f" (in: {' '.join(message['extract'].split())})" if message.get("extract") else ""
        findings.append(Finding(where, f"vnu {message.get('subType', message['type'])}",
                                f"{line}{message['message']}{extract}"))
    return sorted(findings, key=lambda finding: finding.page.path)  # vnu reports files in no fixed order


def _vnu(java: str, arguments: list[str]) -> list[dict]:
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *arguments],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"vnu failed (exit code {result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stderr)["messages"]
