"""The import's report, in plain text for the maintainer who completes the mapping."""
from __future__ import annotations

import datetime

from .plan import Plan
from .table import shorten

SHOWN_NEW = 30  # new records are many on a first import: the first ones, then a count
UNKNOWN_KINDS = {"status": "status words", "prison": "prisons", "article": "articles", "penalty": "penalties",
                 "gender": "genders"}
UNKNOWN_KEYS = {"status": "statuses", "prison": "prisons (or places)", "article": "articles",
                "penalty": "penalties", "gender": "genders"}


def value_text(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "not given"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "; ".join(f"{key}: {value_text(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value)
    return shorten(str(value), 80)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def where(planned) -> str:
    """"ales-uzorny (row 17), ": a counted-only record is never tied to its row, which on the
    list's site leads to the person's name (a report may be pasted into a pull request)."""
    if planned.counted:
        return f"{planned.record_id} (counted only), "
    return f"{planned.record_id} (row {planned.proposal.row}), "


def render(plan: Plan, mapping_path: str, files: list[str], export_date: datetime.date, written: bool,
           seconds: float) -> str:
    matched = len(plan.changed) + plan.unchanged
    lines = [f"Import of {', '.join(files)} with {mapping_path} (the export of {export_date.isoformat()})", "",
             f"{plural(plan.rows, 'row')}: {len(plan.new):,} new, {matched:,} matched ({len(plan.changed):,} changed, "
             f"{plan.unchanged:,} unchanged), {len(plan.unusable):,} unusable; "
             f"{plural(sum(1 for p in plan.writes if p.counted), 'counted-only record')} among the new and changed."]
    if plan.file_problems:
        lines += ["", f"Problems with the files ({len(plan.file_problems)}):"]
        lines += [f"  {problem}" for problem in plan.file_problems]
    if plan.new:
        lines += ["", f"New records ({len(plan.new):,}):"]
        for planned in plan.new[:SHOWN_NEW]:
            lines.append(f"  {where(planned)}{planned.proposal.status}")
        if len(plan.new) > SHOWN_NEW:
            lines.append(f"  … and {len(plan.new) - SHOWN_NEW:,} more")
    if plan.changed:
        lines += ["", f"Changed records ({len(plan.changed):,}), field by field, old → new:"]
        for planned in plan.changed:
            lines.append(f"  {where(planned).removesuffix(', ')}:")
            lines += [f"    {change.key}: {value_text(change.old)} → {value_text(change.new)}"
                      for change in planned.changes]
    conflicted = [planned for planned in plan.changed + plan.conflicts_only if planned.conflicts]
    if conflicted:
        lines += ["", f"Conflicts ({len(conflicted):,}): edited by hand since the last import and changed in the list; "
                      "the hand's value is kept (FORCE=1 takes the list's):"]
        for planned in conflicted:
            for change in planned.conflicts:
                lines.append(f"  {where(planned)}{change.key}: "
                             f"{value_text(change.old)} (by hand) ≠ {value_text(change.new)} (the list)")
    if plan.unusable:
        lines += ["", f"Unusable rows ({len(plan.unusable):,}), not imported:"]
        for proposal in sorted(plan.unusable, key=lambda p: p.row):
            lines += [f"  {problem}" for problem in proposal.problems]
    if plan.left_out:
        lines += ["", f"Cells left out ({len(plan.left_out):,}): the row is imported without them:"]
        lines += [f"  {problem}" for problem in plan.left_out]
    if plan.unknown:
        lines += ["", f"Values the mapping does not know yet: add them to {mapping_path}, then import again:"]
        for kind, label in UNKNOWN_KINDS.items():
            found = sorted(((count, value) for (k, value), count in plan.unknown.items() if k == kind),
                           key=lambda item: (-item[0], item[1]))
            if found:
                lines.append(f"  {label} (under {UNKNOWN_KEYS[kind]}:):")
                lines += [f'    "{shorten(value)}": {plural(count, "row")}' for count, value in found]
    if plan.unused_columns:
        lines += ["", "Columns the mapping does not use (add them to columns: or ignored:): "
                  + ", ".join(plan.unused_columns)]
    if plan.visibility_changes:
        lines += ["", f"Records whose visibility the list changed ({len(plan.visibility_changes):,}): a public record "
                      "the list no longer names, or a counted one it now names; decide each by hand first:"]
        lines += [f"  {record_id}" for record_id in plan.visibility_changes]
    if plan.duplicates:
        lines += ["", f"Probably one person ({len(plan.duplicates):,}): a new record and one already here, or two "
                      "new ones; check each by hand, never merged (not_duplicate_of: silences a pair you checked):"]
        lines += [f"  {pair.a} and {pair.b}: {pair.score}, {'; '.join(pair.why)}" for pair in plan.duplicates]
    if plan.missing:
        lines += ["", f"In the content but not in this export ({len(plan.missing):,}); never deleted, check them by hand:"]
        lines += [f"  {record_id}" for record_id in plan.missing]
    lines.append("")
    if written:
        lines.append(f"Wrote {plural(len(plan.new), 'new file')} and changed {plural(len(plan.changed), 'file')}. "
                     "Next: make check, make duplicates, make review BASE=main, then a pull request.")
    elif plan.writes:
        lines.append(f"Nothing was written. WRITE=1 writes {plural(len(plan.new), 'new file')} and changes "
                     f"{plural(len(plan.changed), 'file')}.")
    else:
        lines.append("Nothing to write: the content already holds this export.")
    lines.append(f"({seconds:.1f} s)")
    return "\n".join(lines) + "\n"
