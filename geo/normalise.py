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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

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
# The ASCII characters folded as bytes: ``bytes.translate`` takes a table of 256 and
# runs at memory speed, where ``str.translate`` looks each character of a text up in
# a dict once the text holds one character outside ASCII (a curly quote will do).
_ASCII_TABLE = bytes(ord(_fold_char(chr(i))) for i in range(128)) + bytes(range(128, 256))
# Written so that the pattern begins with a set of characters, which the engine skips
# over to the next one outside ASCII ("[^...]+" it would try at every character).
_NOT_ASCII = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")
# Shorter texts that are not all ASCII (a word, a name) are quicker to translate whole.
_LONG_TEXT = 100


def fold(text: str) -> str:
    """Fold case, diacritics, apostrophes and hyphens, keeping the length of ``text``."""
    if text.isascii():
        return _fold_ascii(text)
    if len(text) < _LONG_TEXT:
        return text.translate(_TABLE)
    parts, at = [], 0
    for run in _NOT_ASCII.finditer(text):
        parts += _fold_ascii(text[at:run.start()]), run.group().translate(_TABLE)
        at = run.end()
    parts.append(_fold_ascii(text[at:]))
    return "".join(parts)


def _fold_ascii(text: str) -> str:
    return text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")


#: A word of a name: letters and digits, with inner apostrophes ("ag'dam") but not a
#: possessive "'s", which is not part of the name.
WORD = re.compile(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*")


def words(folded: str) -> list[re.Match[str]]:
    """The words of a folded text, with their offsets, leaving out possessive "'s"."""
    return [
        m for m in WORD.finditer(folded)
        if not (m.group() == "s" and m.start() > 0 and folded[m.start() - 1] == "'")
    ]


# Letters a pattern compiled with IGNORECASE takes for others: "İ" and "ı" match "i",
# "ſ" matches "s".
_AS_IGNORECASE_READS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def lower(text: str) -> str:
    """``text`` in lower case, of the same length, so offsets found in the result hold
    in ``text``: a lower-case pattern matches it where the pattern would match ``text``
    with IGNORECASE ("İ", whose lower case is two characters long, becomes "i").

    >>> lower("Kəlbəcər İS")
    'kəlbəcər is'
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    if len(lowered) != len(text):
        lowered = "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)
    # translate looks up every character of a text that is not all ASCII: only when
    # there is something to change
    if "İ" in lowered or "ı" in lowered or "ſ" in lowered:
        return lowered.translate(_AS_IGNORECASE_READS)
    return lowered


def ends_with_words(text: str, words: tuple[str, ...], *, spaces: bool = False) -> bool:
    r"""Whether ``text`` ends with one of the lower-case ``words`` and then white space
    (at least one character of it with ``spaces``), in any case: what a pattern ending
    in ``\s*$`` (``\s+$``) tests, without the engine trying every position of the text.

    >>> ends_with_words("since March ", ("march",))
    True
    >>> ends_with_words("since March", ("march",), spaces=True)
    False
    """
    stripped = text.rstrip()
    return (not spaces or len(stripped) < len(text)) and lower(stripped).endswith(words)


def normalise_name(name: str) -> str:
    """The key a name is indexed under: its folded words joined by single spaces.

    >>> normalise_name("U.S."), normalise_name("Armenia's"), normalise_name("Ag'dam")
    ('u s', 'armenia', "ag'dam")
    """
    return " ".join(m.group() for m in words(fold(unicodedata.normalize("NFC", name))))


@dataclass(frozen=True)
class UnfoldedWords:
    """Patterns over the original, unfolded text that find the words :data:`WORD` finds
    in the folded text, at the same offsets: folding a whole article costs more than
    folding the few words that matter.

    Examples
    --------
    >>> patterns = unfolded_words()
    >>> [m.group() for m in patterns.capitalised.finditer("in Kəlbəcər’s O’Brien ağdam")]
    ['Kəlbəcər', 'O’Brien']
    >>> patterns.following.match("—Karabakh", 0).group(1)
    'Karabakh'
    """

    #: a word that begins with a capital letter
    capitalised: re.Pattern[str]
    #: what may stand between two words of a name (folded to a space or a dot) and the
    #: next word, in group 1
    following: re.Pattern[str]


@cache
def unfolded_words() -> UnfoldedWords:
    """The patterns of :class:`UnfoldedWords`, their character classes worked out from
    :func:`fold` itself (once per process, on first use)."""
    chars = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    pairs = list(zip(chars, fold(chars), strict=True))
    letter = _char_class(c for c, f in pairs if f.isalnum())
    word = _char_class(c for c, f in pairs if f.isalnum() or f == "_")
    apostrophe = _char_class(c for c, f in pairs if f == "'")
    s_letter = _char_class(c for c, f in pairs if f == "s")
    gap = _char_class(c for c, f in pairs if f in " .")
    capital = _char_class(c for c, f in pairs if c.isupper() and f.isalnum())
    # An inner apostrophe joins letters, except in a possessive "'s" (see WORD).
    rest = rf"{letter}*(?:{apostrophe}(?!{s_letter}(?!{word})){letter}+)*"
    return UnfoldedWords(
        # The capital is matched first and what stands before it checked after, so the
        # engine can skip along to the capitals; a capital after a letter and an
        # apostrophe is inside a word ("O'Brien"), unless it is a possessive "'S".
        capitalised=re.compile(rf"{capital}(?<!{letter}.)"
                               rf"(?:(?<!{letter}{apostrophe}.)|(?<={s_letter})(?!{word})){rest}"),
        following=re.compile(rf"{gap}{{1,3}}({letter}{rest})"),
    )


def _char_class(chars: Iterable[str]) -> str:
    """A regular-expression character class of ``chars``, written as ranges."""
    codes = sorted(ord(c) for c in chars)
    ranges: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        low, high = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        ranges.append(low if i == j else f"{low}-{high}")
        i = j + 1
    return "[" + "".join(ranges) + "]"
