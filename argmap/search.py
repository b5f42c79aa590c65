"""Finding claims by their words: what ``argmap find`` lists.

:func:`search` returns the claims whose id, text, qualifier, tags or note hold every word
asked for, each with the side it is on for every thesis it bears on. A word matches its
other forms (its :func:`~argmap.suggest.stem` is looked for: ``escalation`` finds
"escalate"); claims that hold the words as typed come first, then the map's order.

>>> from argmap import registry
>>> m = registry.get("example")
>>> [(found.claim.id, dict(found.sides)) for found in search(m, "regional grant")]
[('grant', {'bike-lane': <Polarity.PRO: 'pro'>})]

(A grant answers an objection to the bike lane, so it is on the lane's side.)
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap._checks import map_arg, text_arg
from argmap.errors import ParameterError
from argmap.model import ArgumentMap, Claim, ClaimId, Polarity
from argmap.suggest import stem, words

__all__ = ["Found", "search"]


@attrs.frozen
class Found:
    """A claim that holds the words asked for.

    Attributes:
        claim: the claim.
        sides: for each thesis it bears on, in the map's order, the side it is on (a
            thesis is on its own side, ``pro``).
    """

    claim: Claim
    sides: Mapping[ClaimId, Polarity]


def _haystack(c: Claim) -> str:
    return " ".join((c.id, c.text, c.qualifier, " ".join(c.tags), c.note)).casefold()


def search(m: ArgumentMap, query: str) -> tuple[Found, ...]:
    """The claims of ``m`` that hold every word of ``query``, best first.

    Raises:
        ParameterError: if ``m`` is not a map, or ``query`` is not a string with a word
            in it.
    """
    m = map_arg(m, "m")
    typed = words(text_arg(query, "query"))
    if not typed:
        msg = f"query {query!r} holds no word to look for; give one or more words"
        raise ParameterError(msg)
    stems = [stem(w) for w in typed]
    exact: list[Claim] = []
    near: list[Claim] = []
    for c in m.claims:
        haystack = _haystack(c)
        if all(s in haystack for s in stems):
            found_words = set(words(haystack))
            (exact if all(w in found_words for w in typed) else near).append(c)
    polarities = {t: m.polarity(t) for t in m.theses if t in m.claims_by_id}
    return tuple(
        Found(c, {t: p[c.id] for t, p in polarities.items() if c.id in p}) for c in exact + near
    )
