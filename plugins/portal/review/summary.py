"""The review as Markdown: what needs a human first, then who was added, removed, renamed,
whose status changed, every field that changed, and the totals before → after.

Plain language, one list item per fact, counts in the headings, always in the same order (by
id within a section), so that two runs on one change give the same text.
"""
from __future__ import annotations

from ..content.model import Content, ReferenceData
from ..figures.totals import Totals, compute_totals
from ..language.language import Language
from .changes import Changes, Rename
from .flags import Flag
from .records import is_counted, md, since, who


def plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def summary(changes: Changes, old: Content, new: Content, language: Language, compared: str, prefix: str = "") -> str:
    """`compared`: what was compared with what, in a sentence (Markdown); `prefix`: the content
    folder's path in the repository, which the paths shown start with."""
    before, after = compute_totals(old), compute_totals(new)
    parts = ["# What this change does", "", compared, "", _in_short(changes, before, after), ""]
    parts += _needs_a_human(changes.flags, changes.close_names)
    parts += _section(plural(len(changes.added), "person added", "people added"),
                      [_added(person, language) for person in changes.added])
    parts += _section(plural(len(changes.removed), "person removed", "people removed"),
                      [_removed(person, changes.merged_into.get(person.id), language) for person in changes.removed])
    parts += _section(plural(len(changes.renamed), "person renamed", "people renamed"),
                      [_renamed(rename, language) for rename in changes.renamed])
    parts += _section(plural(len(changes.status), "change of status", "changes of status"),
                      [_status_change(old_person, new_person, language) for old_person, new_person in changes.status])
    parts += _section(plural(len(changes.records), "record changed", "records changed"), [
        f"{who(record.new, language, is_counted(record.old, record.new))}:\n"
        + "\n".join(f"  - {what}: {how}" for what, how in record.fields)
        + ("\n" if record.fields and record.hidden else "")
        + (f"  - also changed, not shown (counted only): {', '.join(record.hidden)}" if record.hidden else "")
        for record in changes.records])
    parts += _totals(old, new, before, after, language)
    parts += _section(plural(len(changes.other_files), "other file changed", "other files changed"),
                      [f"`{md(prefix + path)}`" for path in changes.other_files],
                      "Files besides the person records: read them in the diff.")
    return "\n".join(parts).rstrip("\n") + "\n"


def _in_short(changes: Changes, before: Totals, after: Totals) -> str:
    counts = [(len(changes.added), "person added", "people added"),
              (len(changes.removed), "person removed", "people removed"),
              (len(changes.renamed), "person renamed", "people renamed"),
              (len(changes.status), "change of status", "changes of status"),
              (len(changes.records), "record changed", "records changed")]
    said = [plural(count, one, many) for count, one, many in counts if count]
    people = ", ".join(said) if said else "no person record changed"
    if after.total == before.total:
        total = f"the total stays {after.total:,}"
    else:
        total = f"the total goes from {before.total:,} to {after.total:,} ({after.total - before.total:+,})"
    flags = plural(len(changes.flags), "thing needs", "things need") + " a human" if changes.flags \
        else "nothing was flagged"
    return f"In short: {people}; {total}; {flags}."


def _section(heading: str, items: list[str], note: str = "") -> list[str]:
    if not items:
        return []
    return [f"## {heading}", ""] + ([note, ""] if note else []) + [f"- {item}" for item in items] + [""]


def _needs_a_human(flags: list[Flag], close_names: bool) -> list[str]:
    heading = f"Needs a human: {plural(len(flags), 'warning', 'warnings')}" if flags else "Needs a human: nothing"
    lines = [f"## {heading}", ""]
    if not close_names:
        lines += ["So many people were added that probable duplicates were looked for by the same name only, "
                  "not by similar names.", ""]
    if flags:
        lines += [f"- **{flag.kind}**: {flag.text}" for flag in flags] + [""]
    else:
        lines += ["None of the checks found anything. The diff still needs reading.", ""]
    return lines


def _added(person, language: Language) -> str:
    words = [_status(person, language)]
    if person.region is not None:
        words.append(md(language.text(person.region.label)))
    if person.is_public:
        words.append(plural(len(person.sources), "source", "sources") if person.sources else "no sources")
        if person.photo is not None:
            words.append("a photo")
    else:
        words.append(f"checked {person.updated.isoformat()}")
    return f"{who(person, language)}: {'; '.join(words)}"


def _removed(person, merged_into, language: Language) -> str:
    region = f"; {md(language.text(person.region.label))}" if person.region is not None else ""
    merged = ""
    if merged_into is not None:
        merged = f"; merged into {who(merged_into, language, is_counted(person, merged_into))}, where its old " \
                 "address leads"
    return f"{who(person, language, is_counted(merged_into))}: was {_status(person, language)}{region}{merged}"


def _renamed(rename: Rename, language: Language) -> str:
    counted = is_counted(rename.old, rename.new)
    if rename.alias_kept:
        how = "the old address is kept (`aliases`)"
    else:
        how = "renamed? The old address is not kept: links to it break"
    return f"`{rename.old.id}` → {who(rename.new, language, counted)}: {how}"


def _status(person, language: Language) -> str:
    words = language.text(person.category.label)
    return f"{words} since {since(person).isoformat()}" if since(person) else words


def _status_change(old, new, language: Language) -> str:
    def status(person) -> str:
        words = language.text(person.category.label)
        return f"{words} (since {since(person).isoformat()})" if since(person) else words
    return f"{who(new, language, is_counted(old, new))}: {status(old)} → {status(new)}"


def _totals(old: ReferenceData, new: ReferenceData, before: Totals, after: Totals, language: Language) -> list[str]:
    """Groups and their categories (the new version's, then any the old one had alone), the total;
    the change only on the rows that changed."""
    rows: list[tuple[str, int, int]] = []
    seen_groups, seen_categories = set(), set()
    for reference in (new, old):
        for group in reference.groups:
            if group.id in seen_groups:
                continue
            seen_groups.add(group.id)
            rows.append((f"**{md(language.text(group.label))}**", before.by_group.get(group.id, 0),
                         after.by_group.get(group.id, 0)))
            for category in group.categories:
                if category.id not in seen_categories:
                    seen_categories.add(category.id)
                    rows.append((md(language.text(category.label)), before.by_category.get(category.id, 0),
                                 after.by_category.get(category.id, 0)))
    rows.append((f"**{md(language.gettext('Total'))}**", before.total, after.total))
    heading = f"## Totals: {before.total:,} → {after.total:,}" if before.total != after.total \
        else f"## Totals: {after.total:,}, unchanged"
    lines = [heading, "", "| | before | after | change |", "| --- | ---: | ---: | ---: |"]
    for label, was, now in rows:
        change = f"{now - was:+,}" if now != was else ""
        lines.append(f"| {label} | {language.number(was)} | {language.number(now)} | {change} |")
    lines += ["", f"Counted only (in the totals, never named): {before.counted_only:,} → {after.counted_only:,}."
              if before.counted_only != after.counted_only else
              f"Counted only (in the totals, never named): {after.counted_only:,}, unchanged.", ""]
    return lines
