"""Places of detention: one YAML file each in content/institutions/, with the envelope
address letters go to, checked line by line."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from .fields import LATIN, Fields
from .frontmatter import read_yaml_record
from .model import Institution, InstitutionType, Region
from .problems import Problem

INSTITUTION_KEYS = ["id", "type", "name", "address", "city", "region", "source", "checked", "recheck"]
_POSTCODE = re.compile(r"(?<!\d)2\d{5}(?!\d)")  # Belarusian postcodes: six digits, starting with 2


def load_institutions(folder: Path, shown_folder: str, languages: list[str], types: dict[str, InstitutionType],
                      regions: dict[str, Region], today: datetime.date):
    """One YAML file per institution: content/institutions/<id>.yaml."""
    institutions: dict[str, Institution] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return institutions, problems
    for path in sorted(folder.iterdir()):
        shown = f"{shown_folder}/{path.name}"
        if path.name.startswith(".") or path.is_symlink():
            continue  # a link is never read: the loader reports it (content/loader.py: unsafe_files)
        if path.suffix != ".yaml" or not path.is_file():
            problems.append(Problem(shown, None, None, "this file is in the institutions folder but is not an institution record.",
                                    "institution records are YAML files ending in .yaml, e.g. sizo-1-minsk.yaml."))
            continue
        record, file_problems = read_yaml_record(path.read_bytes(), shown)
        problems += file_problems
        if record is None:
            continue
        fields = Fields(record, today)
        fields.unknown_keys(INSTITUTION_KEYS)
        institution_id = fields.identifier("id") or path.stem
        if institution_id != path.stem:
            fields.problem("id", f'the id "{institution_id}" differs from the file name "{path.name}".',
                           f"rename the file to {institution_id}.yaml or set id: {path.stem}.")
        kind = fields.choice("type", types, required=True, where=" (see content/data/institution-types.yaml)")
        name = fields.localized("name", languages, required=True, all_languages=True)
        address = _envelope_address(fields)
        city = fields.text("city", required=True, fix="add 'city: ' with the town as written in the address, e.g. city: Гомель.")
        region = fields.choice("region", regions, required=True, where=" (see content/data/regions.yaml)")
        source = fields.url("source")
        if source is None and "source" not in record.data:
            fields.missing("source", "add 'source: ' with the web address where the postal address was published.")
        checked = fields.date("checked", required=True, allow_year=True)
        recheck = fields.boolean("recheck", default=False)
        problems += fields.problems
        if not fields.problems:
            institutions[path.stem] = Institution(path.stem, kind, name, address, city, region, source, checked, recheck, shown)
    return institutions, problems


def _envelope_address(fields: Fields) -> list[str]:
    example = "address: |\n          ИК № 4\n          ул. Антошкина, 3\n          246035, г. Гомель"
    text = fields.text("address", required=True, fix=f"add the address as it goes on an envelope, one line per line:\n        {example}")
    if text is None:
        return []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        fields.problem("address", "the address must have one line per envelope line (institution, street, postcode and town).",
                       f"write it as a block:\n        {example}")
    elif latin := LATIN.search(text):
        fields.problem("address", f'the address has Latin letters ("{latin.group()}"…): letters are addressed in Cyrillic.',
                       "write the address in Russian or Belarusian, exactly as it goes on the envelope.")
    elif not _POSTCODE.search(text):
        fields.problem("address", "the address has no Belarusian postcode (six digits starting with 2).",
                       "add the postcode to the town line, e.g. 246035, г. Гомель.")
    return lines
