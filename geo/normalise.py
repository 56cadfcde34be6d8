"""Name normalisation shared by the gazetteer index and the text scanner.

The fold is *length preserving*: every character of the input maps to exactly one
character of the output, so an offset found in folded text is the same offset in the
original text.

Examples
--------
>>> fold("Kəlbəcər")
'kelbecer'
>>> fold("Armenia’s")
"armenia's"
>>> fold("Nagorno-Karabakh") == fold("Nagorno Karabakh")
True
>>> normalise_name("  Şuşa  ")
'susa'
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = {
    "ə": "e", "Ə": "e", "ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
    "đ": "d", "Đ": "d", "ß": "s", "æ": "a", "Æ": "a", "œ": "o", "Œ": "o",
    # Apostrophe variants (’ ' ʼ ʻ `) fold to one, so "Armenia’s" and "Armenia's" agree.
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'",
    # Hyphens and dashes between name parts fold to a space.
    "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ",
    "\u00a0": " ", "\t": " ", "\n": " ", "\r": " ",
}


def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in base if not unicodedata.combining(c)).lower()
    # Keep the fold length preserving: anything that does not reduce to one char stays.
    if len(base) == 1:
        return base
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


class _FoldTable(dict):
    """A ``str.translate`` table that works each character out once, on first sight."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Fold case, diacritics, apostrophes and hyphens, keeping the length of ``text``."""
    return text.translate(_TABLE)


#: A word of a name: letters and digits, with inner apostrophes ("ag'dam") but not a
#: possessive "'s", which is not part of the name.
WORD = re.compile(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*")


def words(folded: str) -> list[re.Match[str]]:
    """The words of a folded text, with their offsets, leaving out possessive "'s"."""
    return [
        m for m in WORD.finditer(folded)
        if not (m.group() == "s" and m.start() > 0 and folded[m.start() - 1] == "'")
    ]


def normalise_name(name: str) -> str:
    """The key a name is indexed under: its folded words joined by single spaces.

    >>> normalise_name("U.S."), normalise_name("Armenia's"), normalise_name("Ag'dam")
    ('u s', 'armenia', "ag'dam")
    """
    return " ".join(m.group() for m in words(fold(unicodedata.normalize("NFC", name))))
