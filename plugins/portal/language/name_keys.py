"""Search keys of names: every spelling of a name folded to one form a reader's query meets.

"Ціханоўская", "Тихановская", "Tsikhanouskaya", "Tikhanovskaya" and "Cichanoŭskaja" are one
name in five spellings; a search box must find the person from any of them, from a part of
any, and from one typed with a slip. The search page's script folds the query by the same
rules as the keys are folded here: the rules are data (`FOLD`), written into the file the
script reads (publish/people_search.py), so that one table decides both sides.

The folding, in order:
1. lower case, without diacritics (ŭ -> u, ł -> l), apostrophes and soft signs dropped;
2. Cyrillic letters to Latin ones, one way for Belarusian and Russian alike (г and х -> h,
   ц and ч -> c, і, и, ы and й -> i, я -> ia, ю -> iu);
3. the ways Latin spellings differ, in order: shch, sch, sh -> s; kh -> h; ch, ts, tz -> c;
   sc -> s (шч, as shch); zh -> z; x -> ks; y, j -> i; g -> h; q -> k; then ie, ia, iu, io -> e, a, u, o (ya, ia, ja
   are one sound), the Belarusian dz and c before i as the Russian d and t (Дзмітрый, Дмитрий;
   Ціханоўская, Тихановская), o and e -> a (Belarusian writes the unstressed о as а and е as
   я: Іванаў, Иванов; Бяляцкі, Беляцкий; and ё is often written е), v and w -> u (Ivanou,
   Ivanov, Iwanow);
4. a doubled letter as one.

Two spellings of one name then mostly give the same key, or keys one letter apart, which
the script's tolerance of one wrong letter covers. Different names may share a key ("Vasil",
"Uasil"): the results are ranked, and a key is only ever compared with a query.
"""
from __future__ import annotations

import re
import unicodedata

# The rules, as the search page's script reads them too: letters mapped one by one, then the
# replacements in their order (each over the whole word), then doubled letters made one.
FOLD = {
    "letters": {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "e", "ж": "z", "з": "z",
        "и": "i", "і": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s",
        "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ł": "l", "'": "",
    },
    "replace": [
        ["shch", "s"], ["sch", "s"], ["sh", "s"], ["kh", "h"], ["ch", "c"], ["ts", "c"], ["tz", "c"],
        ["sc", "s"], ["zh", "z"], ["x", "ks"], ["y", "i"], ["j", "i"], ["g", "h"], ["q", "k"],
        ["ie", "e"], ["ia", "a"], ["iu", "u"], ["io", "o"],
        ["dz", "d"], ["ci", "ti"], ["o", "a"], ["e", "a"], ["v", "u"], ["w", "u"],
    ],
}
# A word: letters (str.isalpha, as the page's \p{L}) with apostrophes inside it (Дар'я), as
# search.js's WORD splits a query; everything else separates words.
_APOSTROPHE_CHARS = "'\u2019\u02bc\u2018`"
_WORD = re.compile(r"[^\s'\u2019\u2018`]+(?:['\u2019\u02bc\u2018`][^\s'\u2019\u2018`]+)*")
_APOSTROPHES = re.compile(f"[{_APOSTROPHE_CHARS}]")
_DOUBLED = re.compile(r"(.)\1+")


def fold_word(word: str) -> str:
    """One word folded by FOLD's rules ("Ціханоўская" -> "tihanauska")."""
    word = _APOSTROPHES.sub("'", word.lower())
    # Without marks: ŭ -> u; and й, ў, ё -> и, у, е, which fold as they do.
    word = "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.category(char).startswith("M"))
    letters = FOLD["letters"]
    word = "".join(letters.get(char, char) for char in word)
    for old, new in FOLD["replace"]:
        word = word.replace(old, new)
    return _DOUBLED.sub(r"\1", word)


def fold_words(text: str) -> list[str]:
    """Every word of `text`, folded, in order. Composed first (NFC): a name stored with its
    marks apart (и + ̆ for й) would otherwise split at each mark."""
    text = unicodedata.normalize("NFC", text)
    words = _WORD.findall("".join(char if char.isalpha() or char in _APOSTROPHE_CHARS else " " for char in text))
    return [folded for folded in (fold_word(word) for word in words) if folded]


def name_keys(spellings: list[str]) -> list[str]:
    """The keys of a name from all its spellings: each word's fold, once, in the order met."""
    return list(dict.fromkeys(key for spelling in spellings for key in fold_words(spelling)))
