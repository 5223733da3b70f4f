"""Signatories of the joint statement: one YAML file each in content/signatories/.

One file per signatory so that two organisations joining at once never touch the same
file in their pull requests.
"""
from __future__ import annotations

import datetime
from pathlib import Path

from .fields import ID_PATTERN, Fields
from .frontmatter import read_yaml_record
from .model import Signatory
from .problems import Problem

SIGNATORY_KEYS = ["name", "name_lang", "names", "other_names", "kind", "joined", "order", "note", "website", "members"]
KINDS = ["organisation", "initiative", "person", "delegates"]


def load_signatories(folder: Path, shown_folder: str, languages: list[str], today: datetime.date):
    """Returns (signatories in joining order, problems)."""
    problems: list[Problem] = []
    signatories: list[Signatory] = []
    if not folder.is_dir():
        return signatories, problems
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_symlink():
            continue  # a link is never read: the loader reports it (content/loader.py: unsafe_files)
        shown = f"{shown_folder}/{path.name}"
        if path.suffix != ".yaml" or not path.is_file():
            problems.append(Problem(shown, None, None, "this file is in the signatories folder but is not a signatory record.",
                                    "signatory records are YAML files ending in .yaml, e.g. viasna.yaml."))
            continue
        signatory, found = _read(path, shown, languages, today)
        problems += found
        if signatory is not None:
            signatories.append(signatory)
    problems += _duplicates(signatories)
    signatories.sort(key=lambda s: s.sort_key)
    return signatories, problems


def _read(path: Path, shown: str, languages: list[str], today: datetime.date):
    record, problems = read_yaml_record(path.read_bytes(), shown)
    if record is None:
        return None, problems
    fields = Fields(record, today)
    fields.unknown_keys(SIGNATORY_KEYS)
    if not ID_PATTERN.match(path.stem):
        fields.problem(None, f'the file name "{path.name}" is not a valid id.',
                       "rename the file to small Latin letters, digits and hyphens, e.g. viasna.yaml.", line=1)
    name = fields.text("name", required=True, fix="add 'name: ' with the name exactly as the signatory writes it.")
    name_lang = fields.language_tag("name_lang", fields.text("name_lang", required=True,
                                                             fix="add 'name_lang: ' with the language of the name, e.g. be."),
                                    read=False)
    names = _names(fields, languages)
    other_names = fields.text_list("other_names")
    kind = fields.choice("kind", KINDS, required=True)
    joined = fields.date("joined", required=True)
    order = fields.positive_int("order", fix="write the position in the original list, e.g. order: 12, or remove the line.")
    note = fields.localized("note", languages)
    website = fields.url("website")
    members = fields.text_list("members")
    if members and kind not in ("delegates", None):
        fields.problem("members", "only a group of delegates lists members.", "set kind: delegates, or remove the members.")
    if fields.problems:
        return None, problems + fields.problems
    return Signatory(
        id=path.stem, source_path=shown, name=name, name_lang=name_lang, names=names, other_names=other_names,
        kind=kind, joined=joined, order=order, note=note, website=website, members=members,
    ), problems


def _names(fields: Fields, languages: list[str]) -> dict[str, str]:
    """`names:` maps any language tag (not only the site's) to the name in that language."""
    value = fields.data.get("names")
    if value is None:
        return {}
    if not isinstance(value, dict):
        fields.problem("names", "this must give the name per language.",
                       "write it as:\n        names:\n          en: …\n          ru: …")
        return {}
    names = {}
    for lang, text in value.items():
        tag = fields.language_tag("names", str(lang), read=False)
        if not isinstance(text, str) or not text.strip():
            fields.problem(f"names.{lang}", "the name is empty or not text.", f"write '{lang}: ' followed by the name.")
        elif tag:
            names[tag] = " ".join(text.split())
    return names


def _duplicates(signatories: list[Signatory]) -> list[Problem]:
    """The same signatory added twice (any of its names), or two with one place in the order."""
    problems = []
    owner_of: dict[str, Signatory] = {}
    place_of: dict[tuple, Signatory] = {}
    # In joining order, so that the one who joined later is the one told about it.
    for signatory in sorted(signatories, key=lambda s: (s.sort_key, s.source_path)):
        for name in {signatory.name, *signatory.names.values(), *signatory.other_names}:
            key = " ".join(name.casefold().split())
            other = owner_of.setdefault(key, signatory)
            if other is not signatory:
                problems.append(Problem(signatory.source_path, None, "name",
                                        f'the name "{name}" is already used by {other.source_path}.',
                                        "a signatory has one file: remove the duplicate, or merge the two files."))
                break
        if signatory.order is not None:
            other = place_of.setdefault((signatory.joined, signatory.order), signatory)
            if other is not signatory:
                problems.append(Problem(signatory.source_path, None, "order",
                                        f"order {signatory.order} on {signatory.joined.isoformat()} is already taken by "
                                        f"{other.source_path}.",
                                        "give each signatory of one day its own order number, or remove the order line."))
    return problems
