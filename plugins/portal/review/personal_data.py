"""Phone numbers, e-mail addresses and street addresses in a text (a person's story).

A story is published; such details put the person or their family at risk, so a review
flags them for a human (it never decides). The patterns aim at what stories really contain,
in Belarusian, Russian and English, and leave alone what they contain most: dates ("10
жніўня 2020", 2020-08-10, 10.08.2020), years and periods, article numbers, sentences ("5 гадоў"),
sums and web addresses.

- a phone number: 9 to 15 digits in groups ("+375 29 123-45-67", "8 (029) 1234567"), or a
  local number of 7 digits written 3-2-2 ("222-33-44");
- an e-mail address;
- a street address: a street word ("вул.", "вуліца", "ул.", "улица", "праспект", "пр-т",
  "завулак", "переулок", "street", "St.", "avenue", "prospekt"…) with a name and a house
  number ("вул. Леніна, 5", "12 Lenin Street"), or a flat or house number on its own ("кв. 12",
  "д. 5", "apt. 3").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PHONE = "a phone number"
EMAIL = "an e-mail address"
ADDRESS = "a street address"

# Digits with spaces, dots, hyphens or brackets between them, not inside a word, a web address
# or a longer number.
_PHONE = re.compile(r"(?<![\w/#=.+-])(?:\+[ \t]?)?\(?\d(?:[\d \t().-]*\d)?(?![\w/-]|\.\d)")
_GROUPS_OF_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}\.\d{1,2}\.\d{1,2}")
_LOCAL = re.compile(r"\d{3}[ -]\d{2}[ -]\d{2}")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?!\w)")

# What follows a number that is not a house number: a month, years, days.
_NOT_A_HOUSE = (r"(?!\s*(?:студзен|лют|сакав|красав|мая|травен|чэрвен|ліп|жнів|жніў|верас|кастрыч|лістапад"
                r"|снеж|январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр"
                r"|гад|год|лет|сут|дзён|дзен|дн|месяц|тыдн|недел|чалав|человек"
                r"|january|february|march|april|may|june|july|august|september|october|november"
                r"|december"
                r"|years?|days?|months?|weeks?|people))")
_HOUSE = r"\d{1,3}(?:[/-]\d{1,3})?(?:[ \t]?[а-яa-z](?![\w]))?(?!\d)" + _NOT_A_HOUSE
_STREET_CYRILLIC = (r"(?:вул\.|вуліц\w*|ул\.|улиц\w*|праспект\w*|проспект\w*|пр-т|пр-кт|пр\.|завулак\w*"
                    r"|зав\.|переул\w*|пер\.|бульвар\w*|бул\.|б-р|плошч\w*|площад\w*|пл\.|тракт\w*|шаша|шоссе"
                    r"|ш\.)")
_STREET_LATIN = (r"(?:street|st\.|str\.|avenue|ave\.|road|rd\.|boulevard|blvd\.|lane|prospekt|prospect|ulitsa"
                 r"|vulica|vul\.|ul\.)")
_CAPITALISED = r"[A-Z][\w'’.-]*"
_ADDRESS = re.compile("|".join([
    # вул. Леніна, 5; улица Антошкина 3; пр-т Независимости, д. 12
    rf"(?<!\w)(?i:{_STREET_CYRILLIC})[ \t]*(?:[^\W\d][\w'’.-]*[ \t]+){{0,3}}[^\W\d][\w'’.-]*,?[ \t]*"
    rf"(?i:д\.|дом)?[ \t]*№?[ \t]*{_HOUSE}",
    # 12 Lenin Street; 5, Kalinouskaga St.
    rf"(?<![\w.,-])\d{{1,3}}[a-z]?,?[ \t]+(?:{_CAPITALISED}[ \t]+){{1,3}}(?i:{_STREET_LATIN})(?!\w)",
    # Lenin Street 12; Nezalezhnasci Avenue, 5
    rf"(?<!\w)(?:{_CAPITALISED}[ \t]+){{1,3}}(?i:{_STREET_LATIN}),?[ \t]*(?i:no\.?)?[ \t]*{_HOUSE}",
    # ul. Lenina 12; street Lenina, 5
    rf"(?<!\w)(?i:{_STREET_LATIN})[ \t]+(?:{_CAPITALISED}[ \t]*){{1,3}},?[ \t]*{_HOUSE}",
    # кв. 12; квартира 5; д. 5; дом 5; apt. 3; flat 12
    r"(?<!\w)(?i:кв\.|квартир\w*|кватэр\w*|д\.|дом|apt\.?|apartment|flat)[ \t]*№?[ \t]*#?[ \t]*\d{1,4}"
    r"(?!\d)" + _NOT_A_HOUSE,
]))


@dataclass(frozen=True)
class Finding:
    kind: str  # PHONE, EMAIL or ADDRESS
    start: int  # where in the text
    end: int


def find_personal_data(text: str) -> list[Finding]:
    """Every phone number, e-mail address and street address in `text`, in order."""
    found = [Finding(EMAIL, m.start(), m.end()) for m in _EMAIL.finditer(text)]
    found += [Finding(ADDRESS, m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    found += [Finding(PHONE, m.start(), m.end()) for m in _PHONE.finditer(text) if _is_phone(m.group())]
    found.sort(key=lambda finding: (finding.start, finding.end))
    # A phone number inside an e-mail or an address, or two patterns over one span: the first.
    kept: list[Finding] = []
    for finding in found:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def _is_phone(candidate: str) -> bool:
    candidate = candidate.strip()
    digits = sum(char.isdigit() for char in candidate)
    if re.search(r"[ \t.()-]{3,}|\.\.|--", candidate) or candidate.count("(") != candidate.count(")"):
        return False  # not how numbers are written
    if _DATE.fullmatch(candidate) or (not candidate.startswith("+") and _GROUPS_OF_THOUSANDS.fullmatch(candidate)):
        return False
    if 9 <= digits <= 15:
        return True
    return digits == 7 and bool(_LOCAL.fullmatch(candidate))
