"""DF-QuAD strengths of a map: one pass in topological order, then iteration on cycles.

Whatever lies on or below a cycle is iterated to a fixpoint, within a bound.

The rules (docs/evaluation.md explains them):

* a claim with base score ``b``, supports of strengths ``s_i`` and rebuttals of strengths
  ``a_i`` has ``d = prod(1 - a_i) - prod(1 - s_i)`` (that is, ``v_s - v_a`` with the
  probabilistic sums ``v = 1 - prod(1 - x_i)``) and strength ``b + (1 - b) d`` when
  ``d > 0``, else ``b + b d``;
* a relation has strength ``prod(premises) * prod(1 - undercuts)``.

The first pass is Kahn's algorithm: a node's strength is computed as soon as every input
is final, so on an acyclic map each node and each edge is touched once. Nodes left over sit
on a cycle or below one; they are iterated together (all at once, from the previous round's
values) until no strength moves by more than the tolerance, or the bound is hit.

DF-QuAD's combination is stated once, in :func:`claim_strength`, which both the first pass
and the iteration call (written out inline, it saved 2 to 3% of the pass: too little to
keep a second copy).
"""

from __future__ import annotations

import math
from array import array
from itertools import chain, compress, repeat
from math import prod
from operator import add, not_

from argmap._graph import SUPPORT, Graph

__all__ = ["claim_strength", "strengths"]


_ONE = 1.0


def claim_strength(base: float, d: float) -> float:
    """DF-QuAD's combination: move ``base`` towards 1 or 0 by the net aggregate ``d``."""
    return base + (1.0 - base) * d if d > 0.0 else base + base * d


def strengths(  # noqa: C901, PLR0915 - one hot loop, kept flat for speed
    g: Graph, *, max_iterations: int, tolerance: float
) -> tuple[list[float], bool, int]:
    """Return (strength per node, converged, fixpoint rounds run).

    Rounds are 0 when the acyclic pass settles everything.

    The state of node ``x`` is four doubles at ``4x`` in one array, so that updating it
    touches one cache line: for a claim, the products ``prod(1 - s)`` over its final
    supports and ``prod(1 - a)`` over its final rebuttals, its count of inputs still to
    come, and its base score, replaced by its strength once final; for a relation, the
    product of its final premises, ``prod(1 - u)`` over its final undercuts, the count, and
    its strength. An input adds its factor at offset ``code >> 1`` (see
    :attr:`Graph.code`).
    """
    c, n = g.claims, g.size
    code, first = g.code, g.first
    use_start, use_rel = g.use_start, g.use_rel
    supports, rebuttals = g.in_counts()
    pend = array("d", map(add, supports, rebuttals))
    pend.extend(repeat(0.0, g.relations))
    for j in {**g.more, **g.undercut_by}:  # the relations that are not plain
        pend[c + j] = len(g.more.get(j, ())) + 1 + len(g.undercut_by.get(j, ()))
    st = array("d", bytes(32 * n))
    ones = array("d", repeat(1.0, n))
    st[0::4] = ones
    st[1::4] = ones
    st[2::4] = pend
    st[3 : 4 * c : 4] = array("d", g.base)
    claims_end = 4 * c

    stack = list(compress(range(c), map(not_, pend)))
    pop, push, combine = stack.pop, stack.append, claim_strength
    while stack:
        x = pop()
        v = st[4 * x + 3]
        w = 1.0 - v
        claim = x < c
        # A final claim is an input of the relations citing it; a final relation (one that
        # is not plain) an input of its target.
        for j in use_rel[use_start[x] : use_start[x + 1]] if claim else (x - c,):
            q = code[j]
            if claim and not q & 1:
                # A relation that is not plain: the premise joins its product.
                b = 4 * (c + j)
                st[b] *= v
                rest = st[b + 2] - 1.0
                st[b + 2] = rest
                if not rest:
                    st[b + 3] = st[b] * st[b + 1]
                    push(c + j)
                continue
            # A plain relation's premise, or a relation itself: a factor of its target.
            at = q >> 1
            st[at] *= w
            b = at & -4
            rest = st[b + 2] - 1.0
            st[b + 2] = rest
            if rest:
                continue
            if b < claims_end:  # a claim: its base score moved by the net aggregate
                st[b + 3] = combine(st[b + 3], st[b + 1] - st[b])
            else:
                st[b + 3] = st[b] * st[b + 1]
            push(b >> 2)

    val = st[3::4].tolist()
    # A plain relation's strength is its premise's.
    rel = list(map(val.__getitem__, first))
    for j in chain(g.more, g.undercut_by):
        rel[j] = val[c + j]
    val[c:] = rel
    # A claim or other relation is settled once all its inputs were (count 0); a plain
    # relation, once its premise is.
    waiting = st[2::4]
    if not any(waiting):
        return val, True, 0
    done = bytearray(map(not_, waiting))
    for j in compress(range(g.relations), g.plain):
        done[c + j] = done[first[j]]
    return _iterate(g, val, done, max_iterations=max_iterations, tolerance=tolerance)


_Rule = tuple[int, float, tuple[int, ...], tuple[int, ...]]


def _rules(g: Graph, done: bytearray) -> list[_Rule]:
    """One rule per unsettled node: (node, base score, positive and negative inputs).

    A claim's positive inputs are its supports and its negative ones its rebuttals; a
    relation has base score -1, its premises and its undercuts.
    """
    c = g.claims
    into = g.into()
    rules: list[_Rule] = []
    for x in compress(range(g.size), map(not_, done)):
        if x < c:
            rels = into[x]
            sups = tuple(c + j for j in rels if g.kind[j] == SUPPORT)
            atts = tuple(c + j for j in rels if g.kind[j] != SUPPORT)
            rules.append((x, g.base[x], sups, atts))
        else:
            j = x - c
            unders = tuple(c + u for u in g.undercut_by.get(j, ()))
            rules.append((x, -1.0, g.premises(j), unders))
    return rules


def _iterate(
    g: Graph, val: list[float], done: bytearray, *, max_iterations: int, tolerance: float
) -> tuple[list[float], bool, int]:
    """Iterate the rules on the unsettled nodes, all at once, from their starting values.

    Claims start at their base score and relations at the product of their premises'
    starting strengths; settled nodes keep their final strengths throughout.
    """
    rules = _rules(g, done)
    get = val.__getitem__
    for x, b, premises, _ in rules:
        if b < 0.0:  # a relation: start from its premises, as if nothing undercut it
            val[x] = prod(map(get, premises))
    rounds, moved = 0, math.inf
    while rounds < max_iterations and moved > tolerance:
        fresh = [
            prod(map(get, pos)) * prod(map(_ONE.__sub__, map(get, neg)))
            if b < 0.0
            else claim_strength(
                b, prod(map(_ONE.__sub__, map(get, neg))) - prod(map(_ONE.__sub__, map(get, pos)))
            )
            for _, b, pos, neg in rules
        ]
        moved = max(abs(s - val[rule[0]]) for rule, s in zip(rules, fresh, strict=True))
        for rule, s in zip(rules, fresh, strict=True):
            val[rule[0]] = s
        rounds += 1
    return val, moved <= tolerance, rounds
