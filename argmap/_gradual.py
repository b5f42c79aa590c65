"""Gradual semantics on the integer index: what they share, and the one solver they run on.

A gradual semantics gives every claim and relation a strength in [0, 1]. argmap's
semantics (:mod:`argmap._dfquad`, :mod:`argmap._quadratic`) share one shape, stated by a
:class:`Rule`:

* a claim has a base score ``b`` and two *aggregates*, one over the strengths of its
  supports and one over those of its rebuttals; its strength is ``rule.claim(b, pos,
  neg)``;
* a relation has the product ``P`` of its premises' strengths and an aggregate ``U`` over
  its undercuts; its strength is ``rule.relation(P, U)``;
* an aggregate starts at ``rule.neutral`` (no inputs) and takes each input's strength
  ``s`` in as ``rule.fold(aggregate, rule.contribution(s))``, in the order the inputs
  come (:func:`aggregate` is that fold over a list).

:func:`strengths` solves a map under a rule. The first pass is Kahn's algorithm: a node's
strength is computed as soon as every input is final, so on an acyclic map each node and
each edge is touched once. Nodes left over sit on a cycle or below one; they are solved
together by the rule's ``cycles`` method, starting from the base scores (claims) and the
product of the premises' starting strengths (relations), with settled nodes fixed:

* ``"jacobi"``: every round replaces all their strengths at once by the rule applied to
  the previous round's, until no strength moves by more than the tolerance (the
  discrete iteration).
* ``"rk4"``: the continuous model ``ds/dt = f(s) - s`` (Potyka, KR 2018), integrated by
  the classical fourth-order Runge-Kutta method with the fixed step :data:`RK4_STEP`;
  before each step the residual ``max |f(s) - s|`` is taken, and the iteration stops when
  it is at most the tolerance. After each step every strength is clamped to [0, 1] (the
  exact flow never leaves it; a step can overshoot by a rounding).

Either way at most ``max_iterations`` rounds (steps) run; if that bound is hit the
strengths are the last round's and the result says it did not converge.

An *assumed* claim (a what-if question, :attr:`argmap._graph.Graph.assumed`) has no
inputs and the base score 1 or 0, so its strength is that: the solver seeds it and skips
the inputs that arrive at it.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, MutableSequence, Sequence
from functools import reduce
from itertools import chain, compress, islice, repeat
from math import prod
from operator import add, not_
from typing import Literal, NamedTuple

from argmap._graph import SUPPORT, Graph

__all__ = [
    "RK4_STEP",
    "SATURATION",
    "Rule",
    "Solution",
    "aggregate",
    "strengths",
]

#: The step of the Runge-Kutta integration of the continuous model on cycles.
RK4_STEP = 0.5

#: How close to its limit an aggregate must be to count as saturated (see
#: :attr:`Rule.saturated`).
SATURATION = 1e-3


class Rule(NamedTuple):
    """What makes a gradual semantics (the module docstring says how the solver uses it).

    Attributes:
        name: the semantics' name in :func:`argmap.evaluate` ("dfquad", "quadratic").
        neutral: the aggregate of no inputs.
        contribution: an input's strength -> what it adds to an aggregate.
        fold: (aggregate, contribution) -> the aggregate with that input in.
        total: strengths -> their aggregate at once (the fold written out for speed:
            tests/test_solvers.py checks that they agree).
        claim: (base score, support aggregate, rebuttal aggregate) -> a claim's strength.
        relation: (product of premises, undercut aggregate) -> a relation's strength.
        claim_slopes: (base score, supports' strengths, rebuttals' strengths) -> the
            partial derivatives of the claim's strength with respect to each support, each
            rebuttal and the base score.
        relation_slopes: (premises' strengths, undercuts' strengths) -> the partial
            derivatives of the relation's strength with respect to each.
        saturated: (support aggregates, rebuttal aggregates) of the claims -> per claim
            number whose combination has saturated, the sides that did ("support",
            "attack").
        cycles: how the nodes on or below a cycle are solved ("jacobi" or "rk4").
    """

    name: str
    neutral: float
    contribution: Callable[[float], float]
    fold: Callable[[float, float], float]
    total: Callable[[Iterable[float]], float]
    claim: Callable[[float, float, float], float]
    relation: Callable[[float, float], float]
    claim_slopes: Callable[
        [float, Sequence[float], Sequence[float]], tuple[list[float], list[float], float]
    ]
    relation_slopes: Callable[[Sequence[float], Sequence[float]], tuple[list[float], list[float]]]
    saturated: Callable[[Sequence[float], Sequence[float]], dict[int, tuple[str, ...]]]
    cycles: Literal["jacobi", "rk4"]


class Solution(NamedTuple):
    """What :func:`strengths` found.

    Attributes:
        values: per node (claims, then relations), its strength.
        support: per claim, its support aggregate (``rule.neutral`` when it has none).
        attack: per claim, its rebuttal aggregate.
        converged: False when the cyclic part hit ``max_iterations``.
        rounds: rounds (steps) run on the cyclic part; 0 on an acyclic map.
    """

    values: MutableSequence[float]
    support: MutableSequence[float]
    attack: MutableSequence[float]
    converged: bool
    rounds: int


def aggregate(rule: Rule, values: Iterable[float]) -> float:
    """The aggregate of ``values`` under ``rule``, folded in the order given."""
    return reduce(rule.fold, map(rule.contribution, values), rule.neutral)


def strengths(  # noqa: C901, PLR0912, PLR0915 - one hot loop, kept flat for speed
    g: Graph, rule: Rule, *, max_iterations: int, tolerance: float
) -> Solution:
    """Solve the map's strengths under ``rule`` (see the module docstring).

    The state of node ``x`` is four doubles at ``4x`` in one array, so that updating it
    touches one cache line: for a claim, its support and rebuttal aggregates over its final
    inputs, its count of inputs still to come, and its base score, replaced by its strength
    once final; for a relation, the product of its final premises, the aggregate of its
    final undercuts, the count, and its strength. An input folds its contribution in at
    offset ``code >> 1`` (see :attr:`Graph.code`).
    """
    c, n = g.claims, g.size
    code, first = g.code, g.first
    use_start, use_rel = g.use_start, g.use_rel
    supports, rebuttals = g.in_counts()
    pend = array("d", map(add, supports, rebuttals))
    pend.extend(repeat(0.0, g.relations))
    for j in {**g.more, **g.undercut_by}:  # the relations that are not plain
        pend[c + j] = len(g.more.get(j, ())) + 1 + len(g.undercut_by.get(j, ()))
    # Made by repeating one node's start (a zeroed buffer and a column of the neutral value
    # to copy in cost twice the state's size at the peak).
    st = array("d", (rule.neutral, rule.neutral, 0.0, 0.0)) * n
    st[4 * c :: 4] = array("d", (1.0,)) * g.relations  # an empty product of premises
    st[2::4] = pend
    st[3 : 4 * c : 4] = g.base
    claims_end = 4 * c

    stack = list(compress(range(c), map(not_, pend)))
    del pend  # in the state now
    pop, push = stack.pop, stack.append
    combine, join, fold, contribution = rule.claim, rule.relation, rule.fold, rule.contribution
    while stack:
        x = pop()
        v = st[4 * x + 3]
        w = contribution(v)
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
                    st[b + 3] = join(st[b], st[b + 1])
                    push(c + j)
                continue
            # A plain relation's premise, or a relation itself: an input of its target. An
            # assumed claim counts below zero and is never computed (it was seeded).
            at = q >> 1
            st[at] = fold(st[at], w)
            b = at & -4
            rest = st[b + 2] - 1.0
            st[b + 2] = rest
            if rest:
                continue
            if b < claims_end:
                st[b + 3] = combine(st[b + 3], st[b], st[b + 1])
            else:
                st[b + 3] = join(st[b], st[b + 1])
            push(b >> 2)

    # The results stay arrays of doubles (a list would hold an object per strength).
    val = st[3::4]
    # A plain relation's strength is its premise's.
    rel = array("d", map(val.__getitem__, first))
    for j in chain(g.more, g.undercut_by):
        rel[j] = val[c + j]
    val[c:] = rel
    for x in g.assumed:
        st[4 * x + 2] = 0.0  # settled from the start, whatever arrived
    support = st[0 : 4 * c : 4]
    attack = st[1 : 4 * c : 4]
    # A claim or other relation is settled once all its inputs were (count 0); a plain
    # relation, once its premise is.
    waiting = islice(st, 2, None, 4)
    if not any(waiting):
        return Solution(val, support, attack, converged=True, rounds=0)
    done = bytearray(map(not_, islice(st, 2, None, 4)))
    for j in compress(range(g.relations), g.plain):
        done[c + j] = done[first[j]]
    rules = _rules(g, done)
    solve = _jacobi if rule.cycles == "jacobi" else _rk4
    # The rounds read strengths many times over: from a list, without a new float each.
    cyclic = val.tolist()
    converged, rounds = solve(
        rule, rules, cyclic, max_iterations=max_iterations, tolerance=tolerance
    )
    _plain_follow(g, done, cyclic)
    val = array("d", cyclic)
    get = val.__getitem__
    for x, _, pos, neg in rules:
        if x < c:
            support[x] = aggregate(rule, map(get, pos))
            attack[x] = aggregate(rule, map(get, neg))
    return Solution(val, support, attack, converged, rounds)


_Node = tuple[int, float, tuple[int, ...], tuple[int, ...]]


def _rules(g: Graph, done: bytearray) -> list[_Node]:
    """One entry per unsettled node, in node order: (node, base score, inputs +, inputs -).

    A claim's positive inputs are its supports and its negative ones its rebuttals; a
    relation has base score -1, its premises and its undercuts. A plain relation is no
    node of its own here: it is its premise, so where it is an input its premise is named
    instead (as in the first pass, where it passes its premise's strength on unchanged).
    """
    c = g.claims
    into, plain, first, kind = g.into(), g.plain, g.first, g.kind

    def source(j: int) -> int:
        return first[j] if plain[j] else c + j

    nodes: list[_Node] = []
    for x in compress(range(g.size), map(not_, done)):
        if x < c:
            rels = into[x]
            sups = tuple(source(j) for j in rels if kind[j] == SUPPORT)
            atts = tuple(source(j) for j in rels if kind[j] != SUPPORT)
            nodes.append((x, g.base[x], sups, atts))
        elif not plain[x - c]:
            j = x - c
            unders = tuple(source(u) for u in g.undercut_by.get(j, ()))
            nodes.append((x, -1.0, g.premises(j), unders))
    return nodes


def _start(nodes: list[_Node], val: list[float]) -> None:
    """Relations start from their premises' starting strengths, as if nothing undercut them.

    Claims start from their base scores, which ``val`` already holds.
    """
    get = val.__getitem__
    for x, b, premises, _ in nodes:
        if b < 0.0:
            val[x] = prod(map(get, premises))


def _apply(rule: Rule, nodes: list[_Node], val: Sequence[float]) -> list[float]:
    """The rule applied to every node of ``nodes`` at once, from the strengths ``val``."""
    get, total, claim, relation = val.__getitem__, rule.total, rule.claim, rule.relation
    return [
        relation(prod(map(get, pos)), total(map(get, neg)))
        if b < 0.0
        else claim(b, total(map(get, pos)), total(map(get, neg)))
        for _, b, pos, neg in nodes
    ]


def _plain_follow(g: Graph, done: bytearray, val: list[float]) -> None:
    """Give the unsettled plain relations their premises' strengths."""
    c, first = g.claims, g.first
    for j in compress(range(g.relations), g.plain):
        if not done[c + j]:
            val[c + j] = val[first[j]]


def _jacobi(
    rule: Rule, nodes: list[_Node], val: list[float], *, max_iterations: int, tolerance: float
) -> tuple[bool, int]:
    """The discrete iteration: all at once, round after round (module docstring)."""
    _start(nodes, val)
    rounds, moved = 0, math.inf
    while rounds < max_iterations and moved > tolerance:
        fresh = _apply(rule, nodes, val)
        moved = max(abs(s - val[node[0]]) for node, s in zip(nodes, fresh, strict=True))
        for node, s in zip(nodes, fresh, strict=True):
            val[node[0]] = s
        rounds += 1
    return moved <= tolerance, rounds


def _rk4(
    rule: Rule, nodes: list[_Node], val: list[float], *, max_iterations: int, tolerance: float
) -> tuple[bool, int]:
    """The continuous model integrated by fixed-step RK4 (module docstring)."""
    _start(nodes, val)
    at = [node[0] for node in nodes]
    h = RK4_STEP

    def slope(state: list[float]) -> list[float]:
        """ds/dt = f(s) - s with the nodes at ``state`` (written into ``val``)."""
        for x, s in zip(at, state, strict=True):
            val[x] = s
        return [f - s for f, s in zip(_apply(rule, nodes, val), state, strict=True)]

    rounds = 0
    while True:
        s0 = [val[x] for x in at]
        k1 = slope(s0)
        if max(map(abs, k1)) <= tolerance:
            return True, rounds
        if rounds == max_iterations:
            return False, rounds
        k2 = slope([s + h / 2 * k for s, k in zip(s0, k1, strict=True)])
        k3 = slope([s + h / 2 * k for s, k in zip(s0, k2, strict=True)])
        k4 = slope([s + h * k for s, k in zip(s0, k3, strict=True)])
        for x, s, a, b, m, d in zip(at, s0, k1, k2, k3, k4, strict=True):
            val[x] = min(1.0, max(0.0, s + h / 6 * (a + 2 * b + 2 * m + d)))
        rounds += 1
