"""Latin spellings of Belarusian and Russian names, as people actually meet them.

One name reaches a reader in many spellings: "Іванаў" in a Belarusian text, "Иванов" in a
Russian one, "Ivanau" in a Belarusian passport, "Ivanov" in an English newspaper, "Ivanou"
where a Russian form was written the Belarusian way. `spellings()` gives every one of them,
for the search index; `latin()` gives the one an English page shows where a record has no
English name.

Schemes (tables below):
- be "passport": the Belarusian national transliteration as used in passports and the
  English-language press (Ціханоўская -> Tsikhanouskaya, Аляксандр -> Aliaksandr);
- be "bgn": BGN/PCGN for Belarusian (Alyaksandr), common in older English texts;
- be "lacinka": Belarusian Latin alphabet (Cichanoŭskaja), also without diacritics;
- ru "bgn": BGN/PCGN for Russian (Tikhanovskaya, Ivanov);
- ru "icao": the Russian passport scheme (Tikhanovskaia);
- ru "ou": BGN with "в" after a vowel and before a consonant or the word end written as
  the Belarusian ў ("u"): Иванов -> Ivanou, the form of many Belarusian passports.
"""
from __future__ import annotations

import re
import unicodedata

# Apostrophes that Belarusian and Ukrainian texts use between a consonant and a vowel.
APOSTROPHES = "'\u2019\u02bc\u2018`"
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
_VOWELS_BE = set("аеёіоуыэюяАЕЁІОУЫЭЮЯ")
_VOWELS_RU = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")

_COMMON = {"а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "к": "k", "л": "l", "м": "m",
           "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
           "ц": "ts", "ч": "ch", "ш": "sh", "ы": "y", "ь": "", "ъ": "", "э": "e"}

# Per scheme: letters, and the iotated vowels at the start of a word or after a vowel,
# a soft sign or an apostrophe ("initial"), where they differ.
_SCHEMES = {
    ("be", "passport"): ({**_COMMON, "г": "h", "е": "e", "ё": "io", "і": "i", "й": "i", "ў": "u",
                          "ю": "iu", "я": "ia"},
                         {"е": "ye", "ё": "yo", "ю": "yu", "я": "ya"}),
    ("be", "bgn"): ({**_COMMON, "г": "h", "е": "e", "ё": "yo", "і": "i", "й": "y", "ў": "w",
                     "ю": "yu", "я": "ya"},
                    {"е": "ye"}),
    ("ru", "bgn"): ({**_COMMON, "г": "g", "е": "e", "ё": "e", "и": "i", "й": "y", "щ": "shch",
                     "ю": "yu", "я": "ya"},
                    {"е": "ye", "ё": "yo"}),
    ("ru", "icao"): ({**_COMMON, "г": "g", "е": "e", "ё": "e", "и": "i", "й": "i", "щ": "shch",
                      "ъ": "ie", "ю": "iu", "я": "ia"},
                     {}),
}
# Belarusian Latin alphabet (łacinka). Iotated vowels are "j" + vowel at the start of a word or
# after a vowel, "i" + vowel after a consonant, and the bare vowel after л (which is then the soft
# "l"; the hard л is "ł"). The soft sign marks the consonant before it (зь -> ź).
_LACINKA = {"а": "a", "б": "b", "в": "v", "г": "h", "д": "d", "ж": "ž", "з": "z", "і": "i", "й": "j",
            "к": "k", "л": "ł", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
            "у": "u", "ў": "ŭ", "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ы": "y", "э": "e"}
_LACINKA_SOFT = {"з": "ź", "л": "l", "н": "ń", "с": "ś", "ц": "ć"}
_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}


def _is_letter(char: str) -> bool:
    # U+02BC, the apostrophe Belarusian spelling recommends, is a letter to str.isalpha().
    return char.isalpha() and char not in APOSTROPHES


def _match_case(latin: str, cyrillic: str, previous: str, following: str) -> str:
    """The Latin letters in the Cyrillic letter's case: "Ш" -> "Sh" in "Шура", "SH" in "ШУРА"
    (a word in capitals: the next letter is a capital, or the last letter follows one)."""
    if not cyrillic.isupper() or not latin:
        return latin
    in_capitals = following.isupper() if _is_letter(following) else previous.isupper() and _is_letter(previous)
    return latin.upper() if in_capitals else latin[0].upper() + latin[1:]


def _transliterate(text: str, table: dict[str, str], initial: dict[str, str], vowels: set[str]) -> str:
    out = []
    previous = ""
    for index, char in enumerate(text):
        lower = char.lower()
        following = text[index + 1] if index + 1 < len(text) else ""
        if lower in table:
            starts = not _is_letter(previous) or previous in vowels or previous.lower() in "ьъ"
            latin = initial.get(lower) if starts and lower in initial else table[lower]
            out.append(_match_case(latin, char, previous, following))
        elif char in APOSTROPHES:
            pass  # Дар'я -> Darya: the apostrophe only marks the iotation, which the letters show
        else:
            out.append(char)
        previous = char
    return "".join(out)


def _lacinka(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        lower = char.lower()
        following = text[index + 1].lower() if index + 1 < len(text) else ""
        previous = text[index - 1].lower() if index else ""
        if lower == "ь" or char in APOSTROPHES:
            continue
        if lower in _IOTATED:
            if previous == "л":
                latin = _IOTATED[lower]
            elif _is_letter(previous) and previous not in _VOWELS_BE and previous not in "ўь":
                latin = "i" + _IOTATED[lower]
            else:
                latin = "j" + _IOTATED[lower]
        elif lower == "л" and following in "еёюяіь" and following:
            latin = "l"
        elif lower in _LACINKA_SOFT and following == "ь":
            latin = _LACINKA_SOFT[lower]
        elif lower in _LACINKA:
            latin = _LACINKA[lower]
        else:
            out.append(char)
            continue
        out.append(_match_case(latin, char, text[index - 1] if index else "", text[index + 1] if following else ""))
    return "".join(out)


def fold(text: str) -> str:
    """Without diacritics: Cichanoŭskaja -> Cichanouskaja, Łukašenka -> Lukasenka."""
    text = text.replace("ł", "l").replace("Ł", "L")  # ł has no decomposition
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _ou(text: str) -> str:
    """Russian BGN, with в as ў after a vowel before a consonant or the end: Иванов -> Ivanou."""
    chars = list(text)
    for index, char in enumerate(chars):
        following = chars[index + 1] if index + 1 < len(chars) else ""
        previous = chars[index - 1] if index else ""
        if char.lower() == "в" and previous in _VOWELS_RU and (not following.isalpha() or following not in _VOWELS_RU):
            chars[index] = "ў" if char.islower() else "Ў"
    table, initial = _SCHEMES[("ru", "bgn")]
    return _transliterate("".join(chars), {**table, "ў": "u"}, initial, _VOWELS_RU)


def latin(text: str, lang: str) -> str:
    """The one Latin spelling an English page shows: passport style for Belarusian, BGN for Russian."""
    scheme = "passport" if lang == "be" else "bgn"
    vowels = _VOWELS_BE if lang == "be" else _VOWELS_RU
    table, initial = _SCHEMES[(lang, scheme)]
    return _transliterate(text, table, initial, vowels)


def spellings(text: str, lang: str) -> list[str]:
    """Every Latin spelling of a Belarusian or Russian name that the schemes above give."""
    if lang == "be":
        forms = [_transliterate(text, *_SCHEMES[("be", "passport")], _VOWELS_BE),
                 _transliterate(text, *_SCHEMES[("be", "bgn")], _VOWELS_BE),
                 _lacinka(text)]
    elif lang == "ru":
        forms = [_transliterate(text, *_SCHEMES[("ru", "bgn")], _VOWELS_RU),
                 _transliterate(text, *_SCHEMES[("ru", "icao")], _VOWELS_RU),
                 _ou(text)]
    else:
        return []
    forms += [fold(form) for form in forms]
    return list(dict.fromkeys(forms))


def apostrophe_variants(text: str) -> list[str]:
    """The text with each kind of apostrophe, and without: Дар'я, Дар’я, Дарʼя, Даря."""
    if not _APOSTROPHE.search(text):
        return [text]
    return list(dict.fromkeys([_APOSTROPHE.sub(mark, text) for mark in ("'", "\u2019", "\u02bc", "")]))
