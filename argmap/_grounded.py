"""The grounded labelling of a map, by a worklist over counters (linear time, no recursion).

The rules are those of :mod:`argmap.evaluate`. Every node starts undecided; a node is
decided IN or OUT as soon as its rule settles, which happens at most once, and deciding it
touches only the nodes that depend on it. What is never decided stays UNDEC. Each decision
is forced by the rules from earlier decisions, so the result is the least fixpoint of the
rules, whatever order the worklist takes.

Counters per node:

* a relation needs each premise IN and each undercut OUT: ``need`` counts those still
  missing; one premise OUT or one undercut IN makes it OUT.
* a claim needs each rebuttal OUT, plus one IN support if it has supports: ``need`` counts
  those; ``left`` counts its supports not yet OUT (all OUT makes it OUT; -1 once one is IN).

A *plain* relation (one premise, no undercut) is just its premise's label passed on, so it
is settled inline when its premise is, without a trip through the worklist.
"""

from __future__ import annotations

from itertools import chain, compress, repeat
from operator import add, not_

from argmap._graph import SUPPORT, Graph

__all__ = ["IN", "OUT", "UNDEC", "claim_rule", "label", "relation_rule"]

#: Label codes in the bytearray :func:`label` returns.
UNDEC, IN, OUT = 0, 1, 2


def label(g: Graph) -> bytearray:  # noqa: C901, PLR0912, PLR0915 - one hot loop, kept flat for speed
    """Return the grounded label code of every node (claims, then relations)."""
    c, n = g.claims, g.size
    code, first = g.code, g.first
    use_start, use_rel = g.use_start, g.use_rel
    supports, rebuttals = g.in_counts()
    left = supports.copy()
    need = list(map(add, rebuttals, map(bool, supports)))
    need.extend(repeat(0, g.relations))
    for j in {**g.more, **g.undercut_by}:  # the relations that are not plain
        need[c + j] = len(g.more.get(j, ())) + 1 + len(g.undercut_by.get(j, ()))

    lab = bytearray(n)
    stack = list(compress(range(c), map(not_, need)))
    for x in stack:
        lab[x] = IN
    # Relations with no premise cannot occur (Graph refuses them), so only claims seed.
    pop, push = stack.pop, stack.append
    while stack:
        x = pop()
        if x < c:
            value = lab[x]
            for j in use_rel[use_start[x] : use_start[x + 1]]:
                q = code[j]
                if q & 1:
                    # A plain relation carries its premise's label to its target at once.
                    t = q >> 3
                    if lab[t]:
                        continue
                else:
                    r = c + j
                    if lab[r]:
                        continue
                    if value == IN:
                        rest = need[r] - 1
                        need[r] = rest
                        if rest:
                            continue
                        lab[r] = IN
                    else:
                        lab[r] = OUT
                    push(r)
                    continue
                if not q & 2:  # a support
                    s = left[t]
                    if s <= 0:
                        continue
                    if value == IN:
                        left[t] = -1
                        rest = need[t] - 1
                        need[t] = rest
                        if rest:
                            continue
                        lab[t] = IN
                    else:
                        left[t] = s - 1
                        if s > 1:
                            continue
                        lab[t] = OUT
                elif value == IN:
                    lab[t] = OUT
                else:
                    rest = need[t] - 1
                    need[t] = rest
                    if rest:
                        continue
                    lab[t] = IN
                push(t)
        else:
            q = code[x - c]
            t = q >> 3
            if lab[t]:
                continue
            value = lab[x]
            if not q & 2:  # a support
                s = left[t]
                if s <= 0:
                    continue
                if value == IN:
                    left[t] = -1
                    rest = need[t] - 1
                    need[t] = rest
                    if rest:
                        continue
                    lab[t] = IN
                else:
                    left[t] = s - 1
                    if s > 1:
                        continue
                    lab[t] = OUT
            elif value == IN:
                lab[t] = OUT
            else:
                rest = need[t] - 1
                need[t] = rest
                if rest:
                    continue
                lab[t] = IN
            push(t)

    # Plain relations were never labelled themselves: each has its premise's label.
    rel = bytearray(map(lab.__getitem__, first))
    for j in chain(g.more, g.undercut_by):
        rel[j] = lab[c + j]
    lab[c:] = rel
    return lab


def relation_rule(g: Graph, lab: bytearray, j: int) -> int:
    """The label the rules give relation ``j`` from the labels of its inputs."""
    c = g.claims
    premises = [lab[p] for p in g.premises(j)]
    undercuts = [lab[c + u] for u in g.undercut_by.get(j, ())]
    if OUT in premises or IN in undercuts:
        return OUT
    if all(v == IN for v in premises) and all(v == OUT for v in undercuts):
        return IN
    return UNDEC


def claim_rule(g: Graph, lab: bytearray, x: int) -> int:
    """The label the rules give claim ``x`` from the labels of the relations into it."""
    c = g.claims
    supports = [lab[c + j] for j in g.into()[x] if g.kind[j] == SUPPORT]
    attacks = [lab[c + j] for j in g.into()[x] if g.kind[j] != SUPPORT]
    if IN in attacks or (supports and all(v == OUT for v in supports)):
        return OUT
    if all(v == OUT for v in attacks) and (not supports or IN in supports):
        return IN
    return UNDEC
