"""Patterns made cheaper to run, matching what they matched.

Python's ``re`` tries a pattern at every position of a text, a few microseconds for a
sentence even when nothing matches. Two remedies, both read from the patterns
themselves, so that the rules of ``data/rules/*.yaml`` stay the only statement of what
they match:

- the literal strings a pattern cannot match without (`required_literals`): a text
  holding none of them is passed over before the engine runs (`prefiltered`);
- alternatives grouped by first letter (`by_first_letter`): at each position the
  engine tests one letter per group, not each alternative.

Examples
--------
>>> sorted(required_literals(r"\\b(?:land ?mines?|mines?|minefields?)\\b"))
['mine']
>>> sorted(required_literals(r"\\bkilled\\b|\\binjur(?:ed|ies)\\b"))
['injured', 'injuries', 'killed']
>>> required_literals(r"\\d+ people") == frozenset({" people"})
True
>>> required_literals(r"\\w+") is None   # any word: no literal is needed
True
>>> rule = prefiltered(re.compile(r"\\bblast|explosion"))
>>> rule.search("a mine exploded") is None, rule.search("the blast").group()
(True, 'blast')
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

try:  # the parser ``re`` compiles with; without it, patterns simply run unfiltered
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - a Python whose ``re`` is laid out otherwise
    sre = sre_parse = None

#: how many strings a set of alternatives may grow to before it is given up on
_MAX_STRINGS = 64
#: looking for a literal in a sentence takes a tenth to a twentieth of a pattern's
#: search, and patterns with more literals skip fewer texts: beyond this many, the
#: look costs more than it saves
MAX_LITERALS = 6
#: beyond this many first letters, most letters of a sentence begin some alternative:
#: skipping to the next of them gains nothing (measured on the rules of events.yaml)
MAX_FIRST_LETTERS = 8


@dataclass(frozen=True)
class _Strings:
    """What a piece of a pattern matches: ``exact``, every string it can match (when
    few and known); ``needed``, strings one of which each of its matches holds."""

    exact: frozenset[str] | None
    needed: frozenset[str] | None


_UNKNOWN = _Strings(None, None)
_EMPTY = _Strings(frozenset({""}), None)


def required_literals(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None when
    the pattern can match without any known string (or ignores case)."""
    if sre_parse is None:
        return None
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, TypeError):
        return None
    if (flags | parsed.state.flags) & re.IGNORECASE:
        return None
    strings = _sequence(list(parsed))
    return _useful(strings.needed if strings.exact is None else strings.exact)


def _useful(strings: frozenset[str] | None) -> frozenset[str] | None:
    """``strings`` without those holding another one ("mines" holds "mine"), or None
    when one is empty: the empty string is in every text."""
    if not strings or "" in strings:
        return None
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets of needed strings: the longer shortest string,
    then the fewer strings."""
    a, b = _useful(a), _useful(b)
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _sequence(items: list) -> _Strings:
    """Pieces one after another: runs of exactly known pieces are joined into their
    strings; each run, and each piece with needed strings of its own, is a candidate
    for the sequence's needed strings."""
    run: frozenset[str] | None = frozenset({""})
    needed: frozenset[str] | None = None
    whole = True
    for op, av in items:
        piece = _piece(op, av)
        if piece.exact is not None and len(run) * len(piece.exact) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in piece.exact)
            continue
        whole = False
        needed = _better(_better(needed, run), piece.needed if piece.exact is None
                         else piece.exact)
        run = frozenset({""})
    if whole:
        return _Strings(run, None)
    return _Strings(None, _better(needed, run))


def _piece(op: object, av: object) -> _Strings:
    """What one parsed piece of a pattern matches."""
    if op is sre.LITERAL:
        return _Strings(frozenset({chr(av)}), None)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # zero width: "\b", "^", lookarounds
    if op is sre.IN:
        chars = [chr(v) for o, v in av if o is sre.LITERAL]
        return _Strings(frozenset(chars), None) if len(chars) == len(av) <= 4 else _UNKNOWN
    if op is sre.SUBPATTERN:
        group, add_flags, del_flags, sub = av
        return _UNKNOWN if add_flags & re.IGNORECASE else _sequence(list(sub))
    if op is sre.BRANCH:
        return _branch([_sequence(list(alternative)) for alternative in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av
        inner = _sequence(list(sub))
        if low == 0:
            optional = inner.exact is not None and high == 1
            return _Strings(inner.exact | {""}, None) if optional else _UNKNOWN
        exact = inner.exact if low == high == 1 else None
        return _Strings(exact, inner.needed if inner.exact is None else inner.exact)
    return _UNKNOWN


def _branch(alternatives: list[_Strings]) -> _Strings:
    """Alternatives: every string of each, or else a needed string of each."""
    if all(a.exact is not None for a in alternatives):
        exact = frozenset().union(*(a.exact for a in alternatives))
        if len(exact) <= _MAX_STRINGS:
            return _Strings(exact, None)
    needed = [_useful(a.needed if a.exact is None or len(a.exact) > _MAX_STRINGS else a.exact)
              for a in alternatives]
    if any(n is None for n in needed):
        return _UNKNOWN
    return _Strings(None, frozenset().union(*needed))


def fewer_literals(literals: frozenset[str] | None) -> frozenset[str] | None:
    """At most `MAX_LITERALS` strings that a text holding one of ``literals`` holds one
    of: their beginnings, as long as can be ("maps of ", "maps for " -> "maps "), or
    None if even beginnings of three characters are too many.

    >>> sorted(fewer_literals(frozenset(f"map {i:02}" for i in range(30))))
    ['map 0', 'map 1', 'map 2']
    """
    if literals is None or len(literals) <= MAX_LITERALS:
        return literals
    for length in range(max(map(len, literals)) - 1, 2, -1):
        shorter = _useful(frozenset(s[:length] for s in literals))
        if shorter is not None and len(shorter) <= MAX_LITERALS:
            return shorter
    return None


class Prefiltered:
    """A compiled pattern that searches only texts holding one of its ``literals``.

    ``search``, ``finditer`` and ``findall`` give what the pattern's own give;
    ``pattern`` is the pattern itself, for every other use. Made by :func:`prefiltered`.
    """

    __slots__ = ("pattern", "literals")

    def __init__(self, pattern: re.Pattern[str], literals: frozenset[str]) -> None:
        self.pattern = pattern
        self.literals = literals

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # a literal anywhere in the text, not only between pos and endpos, lets the
        # pattern run: never a match lost, at worst a search made
        return self.pattern.search(text, pos, endpos) if holds_one_of(text, self.literals) \
            else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if holds_one_of(text, self.literals) else iter(())

    def findall(self, text: str) -> list:
        return self.pattern.findall(text) if holds_one_of(text, self.literals) else []

    def __repr__(self) -> str:
        return f"Prefiltered({self.pattern.pattern!r})"


def holds_one_of(text: str, strings: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``strings``: the quick look before a pattern that
    cannot match without one of them.

    >>> holds_one_of("two anti-tank mines", ("mine", "map")), holds_one_of("maize", ["map"])
    (True, False)
    """
    # a loop, not any() over a generator or map: a fifth faster, and this look runs
    # before most searches
    for string in strings:  # noqa: SIM110
        if string in text:
            return True
    return False


#: a compiled pattern, or one behind a look for its literals: searched the same way
Searchable = re.Pattern[str] | Prefiltered


def prefiltered(pattern: re.Pattern[str]) -> Searchable:
    """``pattern`` behind a look for the literals it needs, or ``pattern`` itself when it
    has none worth looking for (see `MAX_LITERALS`)."""
    literals = fewer_literals(required_literals(pattern))
    return pattern if literals is None else Prefiltered(pattern, literals)


def by_first_letter(choices: list[str]) -> str:
    r"""One alternation of ``choices``, those that begin with the same letter behind
    that letter once. Where each begins with a letter, it matches what the plain
    alternation matches, in the same order of preference (two letters cannot both match
    at one place); the others come last. Choices with groups are left as they are, in
    one plain alternation, since grouping would number their groups anew.

    >>> print(by_first_letter(["mines?", "blast", "maps? of", r"\d+"]))
    m(?:ines?|aps? of)|b(?:last)|\d+
    >>> print(by_first_letter(["a(x)", "b", "a(y)"]))
    a(x)|b|a(y)
    """
    if any(_has_group(choice) for choice in choices):
        return "|".join(choices)
    groups, other = letter_groups(choices)
    return "|".join([f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()] + other)


def at_word_start(choices: list[str]) -> str:
    r"""A pattern that matches where ``\b(?:choices)`` does, with the same matches,
    written for ``re`` to search faster where the choices begin with few letters: the
    word boundary is tested after the first letter, as a look-behind, so that the
    pattern begins with a set of letters, and the engine skips along the text to the
    next of them rather than trying the pattern at every character.

    Where a choice does not begin with an ASCII letter (a word character whatever the
    flags), or holds a group, or the choices begin with more than `MAX_FIRST_LETTERS`
    letters, the boundary stays in front.

    >>> print(at_word_start(["mines?", "maps?", "blast"]))
    m(?<!\w.)(?:ines?|aps?)|b(?<!\w.)(?:last)
    >>> print(at_word_start([r"\d+ mines", "maps?"]))
    \b(?:m(?:aps?)|\d+ mines)
    >>> print(at_word_start(["şuşa", "maps?"]))  # under re.ASCII, "ş" is no word character
    \b(?:ş(?:uşa)|m(?:aps?))
    """
    groups, other = letter_groups(choices)
    if other or len(groups) > MAX_FIRST_LETTERS or not "".join(groups).isascii() or \
            any(map(_has_group, choices)):
        return rf"\b(?:{by_first_letter(choices)})"
    # After a letter, "no word character before it" is "\b" before it.
    return "|".join(rf"{first}(?<!\w.)(?:{'|'.join(rest)})" for first, rest in groups.items())


def whole_word(choices: list[str]) -> str:
    r"""An alternation of ``choices``, grouped by first letter, matching only as a whole
    run of ASCII letters: no letter right before or after it (where ``\b`` would also
    refuse a digit or "_" next to it: "5th", "24-hour").

    >>> print(whole_word(["may", "march", "june"]))
    (?<![A-Za-z])(?:m(?:ay|arch)|j(?:une))(?![A-Za-z])
    """
    return rf"(?<![A-Za-z])(?:{by_first_letter(choices)})(?![A-Za-z])"


def letter_groups(choices: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """The choices that begin with a letter (not made optional or repeated) without it,
    by that letter, in order; the other choices."""
    groups: dict[str, list[str]] = {}
    other = []
    for alternative in choices:
        if alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(alternative[0], []).append(alternative[1:])
        else:
            other.append(alternative)
    return groups, other


def alternatives(pattern: str) -> list[str]:
    r"""The alternatives of a pattern written as ``(?:A|B|...)`` and a tail, each with the
    tail, and so on within them; other patterns whole, and so those whose group has a
    quantifier or whose tail is an alternative of its own or has a group.

    >>> alternatives(r"(?:mines?|(?:anti|non)-\w+|[^])|]x)\b")
    ['mines?\\b', 'anti-\\w+\\b', 'non-\\w+\\b', '[^])|]x\\b']
    >>> alternatives(r"(?:(?:land|sea)mines?|blasts?)\b")
    ['landmines?\\b', 'seamines?\\b', 'blasts?\\b']
    >>> alternatives(r"blast(?:ed|s)"), alternatives(r"(?:an?|the)? blast")
    (['blast(?:ed|s)'], ['(?:an?|the)? blast'])
    >>> alternatives(r"(?:a|b)c|d"), alternatives(r"(?:a|b)(c)")
    (['(?:a|b)c|d'], ['(?:a|b)(c)'])
    """
    if not pattern.startswith("(?:"):
        return [pattern]
    cuts, close = [3], -1
    for i, char, depth in _structure(pattern):
        if close < 0 and char == "|" and depth == 1:
            cuts.append(i + 1)
        elif close < 0 and char == ")" and depth == 0:
            close = i
    tail = pattern[close + 1:]
    if close < 0 or tail[:1] in ("?", "*", "+", "{") or _has_group(tail) or \
            any(char == "|" and depth == 0 for _, char, depth in _structure(tail)):
        return [pattern]
    return [alternative for a, b in zip(cuts, [*cuts[1:], close + 1], strict=True)
            for alternative in alternatives(pattern[a:b - 1] + tail)]


def _has_group(pattern: str) -> bool:
    """Whether ``pattern`` has a group that numbers (named or not)."""
    return any(char == "(" and (not pattern.startswith("(?", i) or
                                pattern.startswith("(?P<", i))
               for i, char, _ in _structure(pattern))


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """The parentheses and bars of ``pattern`` that are not escaped nor in a class,
    each with its offset and the depth of groups it stands at (a parenthesis: outside
    its group)."""
    depth, i = 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1  # the escaped character is no parenthesis and no bar
        elif char == "[":  # a class: its brackets, parentheses and bars are letters
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += 1  # a "]" first in a class is one of its letters
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            yield i, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield i, char, depth
        elif char == "|":
            yield i, char, depth
        i += 1
