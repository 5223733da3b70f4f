"""Alphabetical order per language, from the language's own alphabet.

Python's default order puts Belarusian і and ў, and Russian ё, after я (their code points
are higher). Here each letter takes its place in the alphabet the language settings give;
letters of other scripts follow, and punctuation (apostrophes, hyphens) is ignored.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable


def sort_key_for(alphabet: str) -> Callable[[str], tuple]:
    order = {letter: index for index, letter in enumerate(alphabet)}

    def weight(letter: str) -> tuple[int, int] | None:
        if letter in order:
            return (1, order[letter])
        if letter.isspace():
            return (0, 0)  # a word ends before any letter: "Іван" before "Іванаў"
        if letter.isalpha():
            base = unicodedata.normalize("NFD", letter)[0]  # ž sorts with z in English
            return (1, order[base]) if base in order else (2, ord(base))
        return None

    weights = _Weights(weight)

    def key(text: str) -> tuple:
        folded = unicodedata.normalize("NFC", " ".join(text.split()).casefold())
        return (folded.translate(weights), folded, text)

    return key


class _Weights(dict):
    """Character -> its weight written as one character, so that a name's weights are a string
    (made by str.translate, compared in C) that sorts as the tuple of (class, position) pairs
    would: spaces, then the alphabet in its order, then other letters by code point. Filled in
    as characters are first met; characters without a weight (punctuation) are dropped."""

    def __init__(self, weight):
        super().__init__()
        self.weight = weight

    def __missing__(self, code: int) -> str | None:
        found = self.weight(chr(code))
        if found is None:
            encoded = None
        else:
            kind, position = found
            encoded = chr((0x1, 0x100, 0x10000)[kind] + min(position, 0xEFFFF) * (kind > 0))
        self[code] = encoded
        return encoded


def surname_first(name: str) -> str:
    """Names are written forename first; lists sort by the surname, the last word."""
    words = name.split()
    return " ".join(words[-1:] + words[:-1])


def initial(name: str, alphabet: str) -> str | None:
    """The letter of `alphabet` a name is filed under in an alphabet index ("Ёлкін" under Ё in
    Belarusian), upper case; None where the name does not start with one of its letters."""
    for char in unicodedata.normalize("NFC", name.casefold()):
        if char.isalpha():
            if char in alphabet:
                return char.upper()
            base = unicodedata.normalize("NFD", char)[0]
            return base.upper() if base in alphabet else None
    return None
