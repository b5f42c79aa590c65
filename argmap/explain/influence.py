"""Influence: what moves a thesis's strength under a gradual semantics, claim by claim.

Per thesis, the derivative of its strength with respect to each claim's base score, by one
reverse (adjoint) pass over the cone in reverse topological order; on a cyclic cone the
adjoint equations are iterated like the strengths.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from argmap._gradual import Rule
from argmap._graph import SUPPORT, Graph
from argmap.explain.cone import Budget, Cone

__all__ = ["Slopes", "influence"]


class Slopes:
    """The strength rule of each node differentiated, computed once per node on demand.

    ``of(node)`` is ([(input, d strength / d input)], d strength / d base score), by the
    rule's own derivatives (:attr:`argmap._gradual.Rule.claim_slopes`); an assumed claim
    depends on nothing, not even its base score.
    """

    __slots__ = ("_cache", "g", "rule", "val")

    def __init__(self, g: Graph, val: Sequence[float], rule: Rule) -> None:
        self.g, self.val, self.rule = g, val, rule
        self._cache: dict[int, tuple[list[tuple[int, float]], float]] = {}

    def of(self, node: int) -> tuple[list[tuple[int, float]], float]:
        """The slopes of one node's rule."""
        found = self._cache.get(node)
        if found is None:
            found = self._relation(node) if node >= self.g.claims else self._claim(node)
            self._cache[node] = found
        return found

    def _relation(self, node: int) -> tuple[list[tuple[int, float]], float]:
        g, val = self.g, self.val
        c = g.claims
        j = node - c
        premises = g.premises(j)
        unders = [c + u for u in g.undercut_by.get(j, ())]
        if not unders and len(premises) == 1:
            return [(premises[0], 1.0)], 0.0
        to_premises, to_undercuts = self.rule.relation_slopes(
            [val[p] for p in premises], [val[u] for u in unders]
        )
        grads = list(zip(premises, to_premises, strict=True))
        grads += zip(unders, to_undercuts, strict=True)
        return grads, 0.0

    def _claim(self, node: int) -> tuple[list[tuple[int, float]], float]:
        g, val = self.g, self.val
        if node in g.assumed:
            return [], 0.0
        c = g.claims
        rels = g.into()[node]
        sups = [c + j for j in rels if g.kind[j] == SUPPORT]
        atts = [c + j for j in rels if g.kind[j] != SUPPORT]
        to_sups, to_atts, to_base = self.rule.claim_slopes(
            g.base[node], [val[x] for x in sups], [val[x] for x in atts]
        )
        grads = list(zip(sups, to_sups, strict=True))
        grads += zip(atts, to_atts, strict=True)
        return grads, to_base


def influence(  # noqa: PLR0913 - the cone, its rules, and the iteration's settings
    g: Graph,
    k: Cone,
    slopes: Slopes,
    budget: Budget,
    *,
    max_iterations: int,
    tolerance: float,
) -> tuple[list[tuple[int, float]], bool]:
    """d(thesis strength) / d(base score) for every other claim of the cone.

    Also says whether the adjoint iteration settled (always, on an acyclic cone). Sorted
    by size, largest first, then nearest the thesis, then map order.

    Raises:
        OutOfWork: if ``budget`` cannot pay a step per node of the cone for each pass.
    """
    c, thesis = g.claims, k.thesis
    budget.spend(len(k.depth))
    adjoint = dict.fromkeys(k.depth, 0.0)
    settled = True
    if k.acyclic:
        adjoint[thesis] = 1.0
        for y in reversed(k.in_order()):
            weight = adjoint[y]
            if weight:
                for x, slope in slopes.of(y)[0]:
                    adjoint[x] += weight * slope
    else:
        rules = [(y, slopes.of(y)[0]) for y in k.depth]
        rounds, moved = 0, math.inf
        while rounds < max_iterations and moved > tolerance:
            budget.spend(len(rules))  # a round is a few arithmetic steps per input
            fresh = dict.fromkeys(k.depth, 0.0)
            fresh[thesis] = 1.0
            for y, grads in rules:
                weight = adjoint[y]
                if weight:
                    for x, slope in grads:
                        fresh[x] += weight * slope
            moved = max(abs(fresh[x] - adjoint[x]) for x in fresh)
            adjoint = fresh
            rounds += 1
        settled = moved <= tolerance
    found = [(x, adjoint[x] * slopes.of(x)[1]) for x in k.depth if x < c and x != thesis]
    found.sort(key=lambda item: (-abs(item[1]), k.depth[item[0]], item[0]))
    return found, settled
