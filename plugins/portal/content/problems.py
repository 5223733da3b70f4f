"""Problems found in the content, and the error that stops the build with all of them."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def shown_path(path: Path | str) -> str:
    """The path as a contributor would type it: relative to where the build runs."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, written for the volunteer who has to fix it."""

    path: str  # as the contributor sees it, e.g. "content/people/ivan-ivanau.md"
    line: int | None
    field: str | None
    message: str  # what is wrong
    fix: str  # what to write instead

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f", line {self.line}"
        if self.field:
            where += f', field "{self.field}"'
        return f"{where}:\n    {self.message}\n    Fix: {self.fix}"


def format_report(problems: list[Problem], outcome: str = "the site was not built",
                  again: str = "build again") -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    head = f"The content has {count} {noun}; {outcome}. Fix each one below and {again}."
    return "\n\n".join([head, *(str(p) for p in sorted(problems, key=_order))]) + "\n"


def _order(problem: Problem):
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


class ContentError(SystemExit):
    """Raised when the content has problems.

    It is a SystemExit so that Pelican's command line prints the report and exits with
    status 1 instead of logging a traceback that would bury the report. Code that builds
    in-process (the tests) catches it and reads `problems`.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_order)
        super().__init__(format_report(self.problems))

    def __str__(self) -> str:
        return format_report(self.problems)


def github_annotation(problem: Problem) -> str:
    """A workflow command that shows the problem as an annotation on its file and line."""
    def escaped(text: str, properties: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if properties else text
    where = f"file={escaped(problem.path, True)}" + (f",line={problem.line}" if problem.line else "")
    title = escaped(f"field {problem.field}" if problem.field else "content problem", True)
    return f"::error {where},title={title}::{escaped(problem.message)} Fix: {escaped(problem.fix)}"
