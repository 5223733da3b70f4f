"""The quality gates of the site-level suite (tests/test_site_*.py, and `make audit`).

Each checker returns findings that name the page (its kind and path), its language and the
rule it breaks, so that a failing gate reads as a list of things to fix.
"""
from __future__ import annotations

from dataclasses import dataclass

from site_suite import Page


@dataclass(frozen=True)
class Finding:
    page: Page
    rule: str
    detail: str

    def __str__(self):
        return f"{self.page}: {self.rule}: {self.detail}"


def report(findings: list[Finding], what: str) -> str:
    """The assertion message of a gate: one line per finding."""
    lines = [f"{what}: {len(findings)}"] + [f"  {finding}" for finding in findings]
    return "\n".join(lines)
