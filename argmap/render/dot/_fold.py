"""Folding: which claims a drawing keeps when the whole selection would not fit.

A drawing reads from its theses outward, one level of reasons and objections at a time,
as an outline does. When a selection holds more claims than :data:`BUDGET`, or reaches
deeper than :data:`LEVELS` levels below its topmost claims, the drawing keeps:

1. what is nearest the top: every claim of a level before any claim of the next (the
   reader meets the thesis first, then its direct reasons and objections: Kialo's one
   level at a time, Rationale's folded branches);
2. within a level, the larger cases first: a reason or objection with more claims
   beneath it holds more of the argument, so it is kept before a smaller one (ties keep
   the map's order);
3. the claims that nothing bears on and that bear on nothing (in a dialogue, the
   statements no one argued about) after every case, in the map's order;
4. whole relations: the premises of a linked relation are kept or folded together, and a
   claim is kept only under a kept claim, so every drawn claim connects to the top.

What is not kept is counted in stubs, each hanging from the drawn claim it lies beneath
(see :mod:`argmap.render.dot._draw`).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator

from argmap.model import ArgumentMap, RelationId, RelationKind

__all__ = ["BUDGET", "LEVELS", "Forest", "below", "fold", "forest"]

#: The most claims a default drawing holds. The article maps (up to 66 claims) draw whole;
#: past about 80 boxes a drawing stops being something a reader takes in at once.
BUDGET = 80
#: The most levels below the topmost claims that a default drawing reaches: with boxes
#: 28 columns wide, the theses' column and six more fit in 1,425 pt (1,900 px).
LEVELS = 6

_KIND_ORDER = {RelationKind.SUPPORT: 0, RelationKind.REBUTTAL: 1, RelationKind.UNDERCUT: 2}


def below(m: ArgumentMap, claim: str, relations: set[str]) -> Iterator[tuple[str, list[str]]]:
    """The relations (among ``relations``) that bear on ``claim``, with their premises.

    Relations into the claim come first (supports, then rebuttals, each in map order),
    then the undercuts of those relations, and theirs in turn.
    """
    into = sorted(
        (r for r in m.relations_into(claim) if r.id in relations),
        key=lambda r: _KIND_ORDER[m.kind(r)],
    )
    queue = deque(into)
    seen: set[str] = set()
    while queue:
        r = queue.popleft()
        if r.id in seen:
            continue
        seen.add(r.id)
        yield r.id, list(dict.fromkeys(r.premises))
        queue.extend(u for u in m.relations_into(r.id) if u.id in relations)


class Forest:
    """A spanning forest of a selection, level by level from its topmost claims.

    Attributes:
        level: each claim's level (0 for the topmost claims).
        units: (anchor, premises) in the order met: a relation's premises that it reached
            first, and the claim it bears on (None for a topmost claim, alone in its unit).
        via: the relation through which each claim (but the topmost) was reached.
        size: how many claims each claim holds in the forest, itself included.
    """

    def __init__(self) -> None:
        self.level: dict[str, int] = {}
        self.units: list[tuple[str | None, list[str]]] = []
        self.via: dict[str, str] = {}
        self.size: dict[str, int] = {}


def forest(m: ArgumentMap, claims: set[str], relations: set[str]) -> Forest:  # noqa: C901
    """The spanning forest of ``claims`` through ``relations`` (see :class:`Forest`).

    The topmost claims are the theses, then the claims no drawn relation uses (in map
    order); a claim only circles of relations reach starts a tree of its own.
    """
    f = Forest()
    # One breadth-first walk, restarted for what it has not reached.
    order: dict[str, int] = {c.id: i for i, c in enumerate(m.claims)}
    used = {p for rid in relations for p in m.relations_by_id[RelationId(rid)].premises}
    starts: list[str] = [t for t in dict.fromkeys(m.theses) if t in claims]
    starts += sorted(
        (c for c in claims if c not in used and c not in starts), key=order.__getitem__
    )
    rest = iter(sorted(claims, key=order.__getitem__))
    queue: deque[str] = deque()
    while True:
        for s in starts:
            if s not in f.level:
                f.level[s] = 0
                f.units.append((None, [s]))
                queue.append(s)
        while queue:
            x = queue.popleft()
            for rid, premises in below(m, x, relations):
                new = [p for p in premises if p in claims and p not in f.level]
                for p in new:
                    f.level[p] = f.level[x] + 1
                    f.via[p] = rid
                    queue.append(p)
                if new:
                    f.units.append((x, new))
        unreached = next((c for c in rest if c not in f.level), None)
        if unreached is None:
            break
        starts = [unreached]
    f.size = dict.fromkeys(f.level, 1)
    for anchor, premises in reversed(f.units):
        if anchor is not None:
            f.size[anchor] += sum(f.size[p] for p in premises)
    return f


def fold(f: Forest, *, budget: int | None, levels: int | None) -> set[str]:
    """The claims of the forest ``f`` to keep (see the module docstring).

    ``budget`` and ``levels`` of None keep everything.
    """
    if (budget is None or len(f.level) <= budget) and (
        levels is None or max(f.level.values(), default=0) <= levels
    ):
        return set(f.level)
    units = f.units

    def rank(i: int) -> tuple[float, int, int]:
        anchor, premises = units[i]
        if anchor is None and f.size[premises[0]] == 1:
            return (math.inf, 0, i)  # a claim nothing bears on: after every case
        return (f.level[premises[0]], -sum(f.size[p] for p in premises), i)

    ranked = sorted(range(len(units)), key=rank)
    kept: set[str] = set()
    for i in ranked:
        anchor, premises = units[i]
        if anchor is not None and anchor not in kept:
            continue
        if levels is not None and f.level[premises[0]] > levels:
            continue
        if budget is not None and len(kept) + len(premises) > budget:
            continue
        kept.update(premises)
    return kept
