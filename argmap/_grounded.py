"""The grounded labelling of a map: its rule stated once, and the linear-time solver.

:func:`decide` is the rule (docs/evaluation.md explains it): a node's label from how many
of its positive inputs (a claim's supports, a relation's premises) and negative inputs (a
claim's rebuttals, a relation's undercuts) are IN and OUT. The explanations re-decide nodes
with it.

:func:`label` finds the least labelling that obeys the rule by a worklist over counters
(linear time, no recursion). Every node starts undecided; a node is decided IN or OUT as
soon as its rule settles, which happens at most once, and deciding it touches only the
nodes that depend on it. What is never decided stays UNDEC. Each decision is forced by the
rule from earlier decisions, so the result is the least fixpoint, whatever order the
worklist takes.

Counters per node:

* a relation needs each premise IN and each undercut OUT: ``need`` counts those still
  missing; one premise OUT or one undercut IN makes it OUT.
* a claim needs each rebuttal OUT, plus one IN support if it has supports: ``need`` counts
  those; ``left`` counts its supports not yet OUT (all OUT makes it OUT; -1 once one is IN).

An *assumed* claim (a what-if question) has no inputs in the index and the label assumed.

A *plain* relation (one premise, no undercut) is just its premise's label passed on, so it
is settled inline when its premise is, without a trip through the worklist.

**The rule is applied in three loops; a change to it must be made in each.** The general
loop (in :func:`label`) serves every map; :func:`_settle_plain` serves maps whose every
relation is plain, and :func:`_settle_attacks` those whose every relation is a plain
rebuttal of a claim (a Dung framework). Written once, as the general loop alone
(``label(g, shaped=False)``), labelling took 1.15x to 1.23x as long on the plain and attack
graphs of 200,000 claims (``python bench/grounded_loops.py``: attack 177 -> 211 ms, cyclic
attack 193 -> 238, bipolar 226 -> 259; the mixed graph takes the general loop either way),
so the shaped loops stay. tests/test_solvers.py checks each loop against the least
fixpoint of :func:`decide` on maps of its own shape: ``..._on_attack_graphs`` (the attack
loop, and the general loop on the same maps), ``..._on_plain_maps`` (the plain loop, and
the general loop), ``..._on_maps_that_are_not_plain`` (the general loop);
``test_a_failing_support_decided_first_leaves_the_other_to_decide`` pins, for the plain
and the general loop, the order in which a support's failure must not decide its target.
A bug planted in each loop in turn fails them.

The solver applies the rule through those counters, inline, rather than calling
:func:`decide`: the same worklist deciding each node by :func:`decide` from six counts per
node took three times as long (33 ms against 11 ms for the 10,000 claims of
bench/evaluate.py, 510 against 148 ms for 100,000). tests/test_solvers.py checks on random
maps, cycles included, that its labels are the least fixpoint of :func:`decide`.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import chain, compress, islice, repeat
from operator import add, not_

from argmap._graph import NODE, SUPPORT, Graph

__all__ = ["IN", "OUT", "UNDEC", "decide", "label"]

#: Label codes in the bytearray :func:`label` returns.
UNDEC, IN, OUT = 0, 1, 2


def decide(is_claim: bool, counts: Sequence[int]) -> int:
    """The grounded rule: a node's label from the labels of its inputs.

    Args:
        is_claim: a claim (inputs: supports and rebuttals), or a relation (inputs:
            premises and undercuts).
        counts: ``[positive IN, positive OUT, negative IN, negative OUT, positive in all,
            negative in all]``.

    Returns:
        IN, OUT or UNDEC.
    """
    pin, pout, nin, nout, ptot, ntot = counts
    if is_claim:
        # Out once a rebuttal holds or every support (if any) fails; in once every
        # rebuttal fails and a support holds (or none is needed).
        if nin or (ptot and pout == ptot):
            return OUT
        if nout == ntot and (not ptot or pin):
            return IN
        return UNDEC
    # A relation: out once a premise fails or an undercut holds; in once all premises
    # hold and every undercut fails.
    if pout or nin:
        return OUT
    if pin == ptot and nout == ntot:
        return IN
    return UNDEC


def label(g: Graph, *, shaped: bool = True) -> bytearray:  # noqa: C901, PLR0912, PLR0915 - one hot loop, kept flat for speed
    """Return the grounded label code of every node (claims, then relations).

    With ``shaped`` False, the general loop runs whatever the map's shape (the tests and
    bench/grounded_loops.py compare the loops).
    """
    c, n = g.claims, g.size
    first = g.first
    supports, rebuttals = g.in_counts()
    left = supports.copy()
    need = list(map(add, rebuttals, map(bool, supports)))
    plain = shaped and not g.more and not g.undercut_by  # then only claims are ever decided
    if not plain:
        need.extend(repeat(0, g.relations))
        for j in {**g.more, **g.undercut_by}:  # the relations that are not plain
            need[c + j] = len(g.more.get(j, ())) + 1 + len(g.undercut_by.get(j, ()))

    lab = bytearray(n)
    lab[:c] = bytes(map(not_, islice(need, c)))  # IN (1) where nothing is needed
    stack = list(compress(range(c), lab))
    # An assumed claim has no inputs (so it is seeded above) and the label assumed; what
    # arrives at it later finds it decided and is skipped.
    for x, holds in g.assumed.items():
        lab[x] = IN if holds else OUT
    # Relations with no premise cannot occur (Graph refuses them), so only claims seed.
    if plain:
        _settle_plain(g, lab, need, left, stack)
        lab[c:] = bytearray(map(lab.__getitem__, first))
        return lab
    code, use_start, use_rel = g.code, g.use_start, g.use_rel
    pop, push = stack.pop, stack.append
    while stack:
        x = pop()
        value = lab[x]
        claim = x < c
        # A decided claim is an input of the relations citing it; a decided relation (one
        # that is not plain) an input of its target. Either way the input is positive (a
        # support, a premise) or negative (a rebuttal, an undercut).
        for j in use_rel[use_start[x] : use_start[x + 1]] if claim else (x - c,):
            q = code[j]
            # The premise of a relation that is not plain stops it when OUT, and is one input
            # fewer for it to wait for when IN; a plain relation's premise, or a relation
            # itself, passes its label to the target, which an attack IN stops.
            premise = claim and not q & 1
            t = c + j if premise else q >> 3
            if lab[t]:
                continue
            if not (premise or q & 2):  # a support
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
            elif value == (OUT if premise else IN):
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


def _settle_plain(  # noqa: C901, PLR0912 - label()'s worklist, for plain relations only
    g: Graph, lab: bytearray, need: list[int], left: list[int], stack: list[int]
) -> None:
    """:func:`label`'s worklist when every relation is plain (one premise, no undercut).

    Then only claims are ever decided (a relation is its premise's label), and a claim
    decided IN or OUT acts on each target the same way: the loop is split by the label
    of the claim taken, and reads one number per relation citing it (:attr:`Graph.code`).
    """
    if SUPPORT not in g.kind:
        _settle_attacks(g, lab, need, stack)
        return
    code, use_start, use_rel = g.code, g.use_start, g.use_rel
    pop, push = stack.pop, stack.append
    while stack:
        x = pop()
        if lab[x] == IN:
            for j in use_rel[use_start[x] : use_start[x + 1]]:
                q = code[j]
                t = q >> 3
                if lab[t]:
                    continue
                if not q & 2:  # a support: one IN is enough (with every rebuttal OUT)
                    if left[t] <= 0:
                        continue
                    left[t] = -1
                    rest = need[t] - 1
                    need[t] = rest
                    if rest:
                        continue
                    lab[t] = IN
                else:  # a rebuttal that holds
                    lab[t] = OUT
                push(t)
        else:
            for j in use_rel[use_start[x] : use_start[x + 1]]:
                q = code[j]
                t = q >> 3
                if lab[t]:
                    continue
                if not q & 2:  # a support fails: OUT once every support has
                    s = left[t]
                    if s <= 0:
                        continue
                    left[t] = s - 1
                    if s > 1:
                        continue
                    lab[t] = OUT
                else:  # a rebuttal fails: one fewer to wait for
                    rest = need[t] - 1
                    need[t] = rest
                    if rest:
                        continue
                    lab[t] = IN
                push(t)


def _settle_attacks(g: Graph, lab: bytearray, need: list[int], stack: list[int]) -> None:
    """:func:`_settle_plain` when every relation is a rebuttal of a claim: a Dung framework.

    A claim IN makes every claim it rebuts OUT; a claim OUT is one rebuttal fewer for each
    of them to wait for. The loop reads the rebutted claims themselves, in one array laid
    out as :attr:`Graph.use_rel` (taken once, in C).
    """
    start = g.use_start
    rebutted = array(NODE, map(g.target.__getitem__, g.use_rel))
    pop, push = stack.pop, stack.append
    while stack:
        x = pop()
        if lab[x] == IN:
            for t in rebutted[start[x] : start[x + 1]]:
                if not lab[t]:
                    lab[t] = OUT
                    push(t)
        else:
            for t in rebutted[start[x] : start[x + 1]]:
                if lab[t]:
                    continue
                rest = need[t] - 1
                need[t] = rest
                if not rest:
                    lab[t] = IN
                    push(t)
