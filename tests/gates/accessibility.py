"""Accessibility: axe-core (the pinned npm package) run inside the page in Chromium."""
from __future__ import annotations

from conftest import ROOT
from site_suite import Page

from . import Finding

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 levels A and AA, and axe's best practices (landmarks, one h1, heading order),
# which screen-reader users rely on as much.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
NODES_SHOWN = 3  # per violation: enough to find the template, short enough to read


def axe_findings(page, where: Page) -> list[Finding]:
    """Runs axe-core on the page loaded in `page` (a Playwright page)."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: `make test` installs it (npm ci, from package-lock.json)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    findings = []
    for violation in result["violations"]:
        for node in violation["nodes"][:NODES_SHOWN]:
            summary = "; ".join(line.strip() for line in node.get("failureSummary", "").splitlines() if line.strip())
            summary = summary.replace(":; ", ": ")
            findings.append(Finding(where, f"axe {violation['id']} ({violation['impact']})",
                                    f"{violation['help']}; element {' '.join(node['target'])}; {summary}"))
        if len(violation["nodes"]) > NODES_SHOWN:
            findings.append(Finding(where, f"axe {violation['id']} ({violation['impact']})",
                                    f"and {len(violation['nodes']) - NODES_SHOWN} more elements"))
    return findings
