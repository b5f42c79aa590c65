"""Texts compared word by word: how alike two texts are, and what changed between them.

:func:`similarity` is the rule that decides renames: ``2·L / (m + n)``, where ``m`` and
``n`` are the numbers of words of the two texts and ``L`` the length of their longest
common subsequence of words. Words are runs of letters and digits, compared case-folded,
so punctuation, spacing and case do not count. It is symmetric, 1.0 for texts with the
same words in the same order, 0.0 for texts that share none.

>>> similarity("Tea calms you.", "tea calms you")
1.0
>>> similarity("Tea calms you.", "Tea calms most people.")
0.5714285714285714
>>> word_diff("Tea calms you.", "Tea calms most people.")
(('=', 'Tea calms'), ('-', 'you.'), ('+', 'most people.'))
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Literal

__all__ = ["WordOp", "lcs_length", "similarity", "word_diff", "words"]

_WORD = re.compile(r"\w+")

#: One step of a word-level diff: ``=`` kept, ``-`` only before, ``+`` only after, and
#: the words (joined by single spaces).
WordOp = tuple[Literal["=", "-", "+"], str]


def words(text: str) -> tuple[str, ...]:
    """The words of a text as :func:`similarity` compares them: case-folded, no punctuation."""
    return tuple(_WORD.findall(text.casefold()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """The length of a longest common subsequence of ``a`` and ``b``.

    Bit-parallel (Allison and Dix 1986, in Hyyrö's form): one row of the dynamic programme
    is an integer whose bits mark where the row steps, so each element of ``b`` costs a few
    integer operations on ``len(a)`` bits.
    """
    if not a or not b:
        return 0
    positions: dict[str, int] = {}
    for i, x in enumerate(a):
        positions[x] = positions.get(x, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for y in b:
        match = row & positions.get(y, 0)
        row = ((row + match) | (row - match)) & full
    return len(a) - row.bit_count()


def similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0.0 to 1.0 (the module docstring states the rule).

    Two texts without a word between them (punctuation only, or empty) are 1.0 when they
    are the same apart from case and surrounding space, else 0.0.
    """
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0 if a.strip().casefold() == b.strip().casefold() else 0.0
    return 2 * lcs_length(wa, wb) / (len(wa) + len(wb))


def word_diff(before: str, after: str) -> tuple[WordOp, ...]:
    """The words of ``before`` and ``after`` as kept, removed and added runs.

    Words here are what lies between spaces (punctuation stays with its word, as in
    ``git diff --word-diff``), compared exactly; the runs join their words with one space.
    Reading the ``=`` and ``-`` runs gives ``before``'s words, the ``=`` and ``+`` runs
    ``after``'s.
    """
    a, b = before.split(), after.split()
    ops: list[WordOp] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(a[i1:i2])))
            continue
        if i1 < i2:
            ops.append(("-", " ".join(a[i1:i2])))
        if j1 < j2:
            ops.append(("+", " ".join(b[j1:j2])))
    return tuple(ops)
