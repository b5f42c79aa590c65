"""Suggestions for an id that names nothing: "did you mean 'grant'?".

:func:`close_ids` ranks the known ids against what was typed: the same id in other case
first, then ids within a few typing mistakes (edit distance, a swap of two neighbouring
letters counting as one); only where there are none, ids that contain what was typed,
then ids whose own words or whose claim's text hold the words typed (``escalation`` finds
``escalates-china-tensions``, whose text says "escalate"). :func:`did_you_mean` words the
result for the end of an error message.

>>> ids = ["grant", "cost", "parking-loss", "customers-walk"]
>>> close_ids("grnat", ids)
('grant',)
>>> close_ids("parking", ids)
('parking-loss',)
>>> close_ids("shoppers", ids, {"customers-walk": "Most shoppers arrive on foot."})
('customers-walk',)
>>> did_you_mean(("grant", "cost"))
"; did you mean 'grant' or 'cost'?"

The cost is linear in the number of ids (and the length of their texts), with a cheap
bound that skips most of them before any edit distance is computed; it runs only when an
error is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["close_ids", "did_you_mean", "edit_distance", "stem", "words"]

#: The most suggestions given.
LIMIT = 3
_WORD = re.compile(r"[^\W_]+")


def edit_distance(a: str, b: str, limit: int) -> int:
    """The edit distance of ``a`` and ``b`` (a swap of neighbours counts as one), capped.

    Returns ``limit + 1`` as soon as the distance is known to exceed ``limit``.

    >>> edit_distance("grant", "grnat", 2), edit_distance("cost", "coast", 2)
    (1, 1)
    >>> edit_distance("abc", "xyz", 1)
    2
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit and min(previous) > limit:  # a swap reaches back two rows
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def stem(word: str) -> str:
    """The part of a word its other forms share, roughly: ``escalation`` → ``escalat``.

    Words of four letters or fewer stay whole; longer ones lose up to three letters.
    """
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


def words(text: str) -> list[str]:
    """The words of a text, case-folded (letters and digits; ``-`` and ``_`` split words)."""
    return _WORD.findall(text.casefold())


def close_ids(
    query: str,
    ids: Iterable[str],
    texts: Mapping[str, str] | None = None,
    *,
    limit: int = LIMIT,
) -> tuple[str, ...]:
    """The ids most like ``query``, best first (at most ``limit``; none if nothing is close).

    Args:
        query: what was typed.
        ids: the ids that exist, in the order ties should keep.
        texts: the text each id stands for (a claim's), whose words count too.
        limit: the most ids returned.
    """
    typed = query.casefold().strip()
    if not typed:
        return ()
    allowed = max(1, min(3, len(typed) // 4))
    letters = set(typed)
    stems = [stem(w) for w in words(typed) if len(w) >= 3]
    ranked: list[tuple[tuple[int, float, int], str]] = []
    for order, known in enumerate(ids):
        folded = known.casefold()
        if folded == typed:
            ranked.append(((0, 0, order), known))
            continue
        # Each edit changes the set of letters by at most two: a cheap lower bound.
        if len(letters ^ set(folded)) <= 2 * allowed:
            distance = edit_distance(typed, folded, allowed)
            if distance <= allowed:
                ranked.append(((1, distance, order), known))
                continue
        if len(typed) >= 3 and typed in folded:
            ranked.append(((2, len(folded), order), known))
            continue
        if stems:
            haystack = folded + " " + (texts.get(known, "") if texts else "").casefold()
            found = sum(s in haystack for s in stems)
            if found * 2 >= len(stems) and found:
                ranked.append(((3, -found / len(stems), order), known))
    ranked.sort(key=lambda item: item[0])
    if ranked and ranked[0][0][0] <= 1:  # a near miss of an id: words would be noise
        ranked = [item for item in ranked if item[0][0] <= 1]
    return tuple(known for _, known in ranked[:limit])


def did_you_mean(suggestions: Sequence[str]) -> str:
    """``"; did you mean 'a', 'b' or 'c'?"`` for the end of a message, or ``""`` for none."""
    if not suggestions:
        return ""
    shown = [repr(s) for s in suggestions]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" or {shown[-1]}"
    return f"; did you mean {listed}?"
