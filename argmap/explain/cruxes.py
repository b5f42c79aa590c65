"""Cruxes: the claims whose rejection would change a thesis's grounded label.

A claim is a crux when one more unanswered objection to it (which makes it OUT) would
change the thesis's grounded label. Only the thesis's cone (the nodes from which it can be
reached) matters. Rejecting a candidate is simulated by re-deciding only the components of
the cone its change reaches, in topological order, with per-node counters so that one node
costs O(1) however many inputs it has.

The rest of a simulation depends only on its *frontier*: the nodes still pending and, for
each, how its inputs' labels have moved (every other node keeps its label). Whenever the
frontier is small (at most :data:`NARROW` nodes, none on a cycle), the outcome is memoised
under it and reused by every later candidate whose change reaches the same frontier. On a
tree-shaped cone a change narrows to one node, and on a "ladder" (each level's claims
resting jointly on the whole level below) it spreads to a level and meets the previous
candidate's frontier there, so either way every candidate stops after a few steps and all
cruxes cost O(cone). Changes that stay wider than :data:`NARROW` cost up to the region
they spread over, and a cycle is re-solved whole each time a change enters it (O(cone^2)
at worst, when the whole cone is one cycle). Every step is paid from the evaluation's
:class:`~argmap.explain.cone.Budget`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from argmap._graph import SUPPORT, Graph
from argmap._grounded import IN, OUT, UNDEC, decide
from argmap.explain.cone import Budget, Cone

__all__ = ["NARROW", "Counts", "cruxes"]

#: The most pending nodes a crux simulation's frontier may have to be memoised.
NARROW = 16

# A crux simulation's frontier: per pending node, (node, moves of its four input counts).
_Frontier = frozenset[tuple[int, int, int, int, int]]


class Counts:
    """Per node: how many of its positive and negative inputs are IN and OUT, and in all.

    Positive inputs are a claim's supports or a relation's premises; negative ones are a
    claim's rebuttals or a relation's undercuts. Computed on demand, once per node.
    """

    __slots__ = ("_base", "g", "lab")

    def __init__(self, g: Graph, lab: bytearray) -> None:
        self.g = g
        self.lab = lab
        self._base: dict[int, list[int]] = {}

    def role(self, source: int, consumer: int) -> int:
        """0 when ``source`` is a positive input of ``consumer``, 2 when negative."""
        c = self.g.claims
        if consumer < c:
            return 0 if self.g.kind[source - c] == SUPPORT else 2
        return 0 if source < c else 2

    def base(self, node: int) -> list[int]:
        """[pos IN, pos OUT, neg IN, neg OUT, pos total, neg total] at the base labels."""
        found = self._base.get(node)
        if found is None:
            found = [0] * 6
            for x in self.g.inputs(node):
                role = self.role(x, node)
                value = self.lab[x]
                if value != UNDEC:
                    found[role + (value == OUT)] += 1
                found[4 + role // 2] += 1
            self._base[node] = found
        return found


class _Simulation:
    """Reject one claim at a time and follow the change through the cone (module docstring).

    Outcomes are memoised across rejections as frontier -> thesis label (see
    :meth:`_Run.frontier`); every step is paid from ``budget``.
    """

    def __init__(self, g: Graph, lab: bytearray, k: Cone, counts: Counts, budget: Budget) -> None:
        self.g, self.lab, self.k = g, lab, k
        self.counts = counts
        self.budget = budget
        self.memo: dict[_Frontier, int] = {}
        self._inside: dict[int, frozenset[int]] = {}

    def inside(self, i: int) -> frozenset[int]:
        """The nodes of component ``i``, as a set (built once)."""
        found = self._inside.get(i)
        if found is None:
            found = self._inside[i] = frozenset(self.k.structure.members[i])
        return found

    def reject(self, claim: int) -> int:
        """The thesis's label once ``claim`` is made OUT."""
        run = _Run(self)
        k, thesis = self.k, self.k.thesis
        topo = k.structure.topo
        start = topo[claim]
        if k.structure.cyclic[start]:
            if self.lab[claim] == UNDEC:
                moved = self.spread(start, run.current, [(claim, OUT)], [])
            else:
                moved = self.resolve(start, run.current, pinned=claim)
            for x, value in moved:
                run.change(x, value)
            if start == topo[thesis]:
                return run.current(thesis)
        else:
            run.change(claim, OUT)
        result = run.finish()
        for key in run.trail:
            self.memo[key] = result
        return result

    def resolve(
        self, i: int, now: Callable[[int], int], *, pinned: int | None
    ) -> list[tuple[int, int]]:
        """Re-decide a cyclic component from scratch; return its nodes whose label moved."""
        c = self.g.claims
        members = self.k.structure.members[i]
        inside = self.inside(i)
        counts = {x: self._outside_counts(x, inside, now) for x in members}
        new = dict.fromkeys(members, UNDEC)
        work: list[int] = []
        for x in members:
            value = OUT if x == pinned else decide(x < c, counts[x])
            if value != UNDEC:
                new[x] = value
                work.append(x)
        budget = self.budget
        while work:
            x = work.pop()
            value = new[x]
            consumers = self.g.consumers(x)
            budget.spend(len(consumers))
            for y in consumers:
                if y not in inside or new[y] != UNDEC or y == pinned:
                    continue
                counts[y][self.counts.role(x, y) + (value == OUT)] += 1
                decided = decide(y < c, counts[y])
                if decided != UNDEC:
                    new[y] = decided
                    work.append(y)
        return [(x, v) for x, v in new.items() if v != now(x)]

    def spread(
        self,
        i: int,
        now: Callable[[int], int],
        seeds: list[tuple[int, int]],
        touched: list[int],
    ) -> list[tuple[int, int]]:
        """Extend component ``i``'s labels after inputs that were UNDEC got decided.

        ``seeds`` are members newly labelled (a rejected claim); ``touched`` are members
        whose inputs from outside were UNDEC and are now decided. Grounded labelling is
        monotone in what is decided, so every label already decided stays, and only the
        members reached from the change are looked at: the cost is that of the change, not
        of the component.
        """
        c = self.g.claims
        inside = self.inside(i)
        new: dict[int, int] = dict(seeds)

        def label(x: int) -> int:
            return new.get(x, now(x))

        work = [x for x, _ in seeds]
        pending = list(touched)
        budget = self.budget
        while work or pending:
            budget.spend(1)
            if pending:
                y = pending.pop()
            else:
                x = work.pop()
                pending.extend(y for y in self.g.consumers(x) if y in inside)
                continue
            if label(y) != UNDEC:
                continue
            tally = [0] * 6
            inputs = list(self.g.inputs(y))
            budget.spend(len(inputs))
            for z in inputs:
                role = self.counts.role(z, y)
                tally[4 + role // 2] += 1
                value = label(z)
                if value != UNDEC:
                    tally[role + (value == OUT)] += 1
            decided = decide(y < c, tally)
            if decided != UNDEC:
                new[y] = decided
                work.append(y)
        return [(x, v) for x, v in new.items() if v != now(x)]

    def _outside_counts(
        self, x: int, inside: frozenset[int], now: Callable[[int], int]
    ) -> list[int]:
        """Input counts of ``x`` with every input inside its component taken as UNDEC."""
        tally = [0] * 6
        inputs = list(self.g.inputs(x))
        self.budget.spend(1 + len(inputs))
        for y in inputs:
            role = self.counts.role(y, x)
            tally[4 + role // 2] += 1
            if y not in inside:
                value = now(y)
                if value != UNDEC:
                    tally[role + (value == OUT)] += 1
        return tally


class _Run:
    """The state of one rejection: changed labels, count deltas and pending components."""

    def __init__(self, sim: _Simulation) -> None:
        self.sim = sim
        self.changed: dict[int, int] = {}
        self.delta: dict[int, list[int]] = {}
        self.heap: list[int] = []
        self.queued: set[int] = set()
        self.trail: list[_Frontier] = []
        # Per cyclic component: its members whose outside inputs changed, and whether
        # every such change only decided an input that was UNDEC (then it can spread).
        self.touched: dict[int, list[int]] = {}
        self.only_decided: dict[int, bool] = {}

    def current(self, x: int) -> int:
        """The label of ``x`` in this run."""
        return self.changed.get(x, self.sim.lab[x])

    def change(self, x: int, value: int) -> None:
        """Relabel ``x`` and queue the components of the nodes in the cone that use it."""
        sim = self.sim
        g = sim.g
        c = g.claims
        inside, topo = sim.k.depth, sim.k.structure.topo
        old = self.current(x)
        self.changed[x] = value
        home = topo[x]
        if x < c:
            role = 0  # a claim is a premise of the relations that use it
            consumers = [c + j for j in g.uses(x)]
        else:
            role = 0 if g.kind[x - c] == SUPPORT else 2
            consumers = list(g.consumers(x))  # none when its target is an assumed claim
        lose = role + (old == OUT) if old != UNDEC else -1
        gain = role + (value == OUT) if value != UNDEC else -1
        sim.budget.spend(len(consumers))  # a step per input of a node that is touched
        delta, queued = self.delta, self.queued
        for y in consumers:
            if y not in inside:
                continue
            i = topo[y]
            if i == home:  # its own (cyclic) component was re-decided as a whole
                continue
            if sim.k.structure.cyclic[i]:
                self.touched.setdefault(i, []).append(y)
                self.only_decided[i] = self.only_decided.get(i, True) and old == UNDEC
            d = delta.get(y)
            if d is None:
                d = delta[y] = [0, 0, 0, 0]
            if lose >= 0:
                d[lose] -= 1
            if gain >= 0:
                d[gain] += 1
            if i not in queued:
                queued.add(i)
                heapq.heappush(self.heap, i)

    def frontier(self) -> _Frontier | None:
        """What the rest of this run depends on, if it is small and free of cycles.

        The pending nodes, each with how its inputs' labels have moved: every other node
        keeps its label, and each pending node is decided from those moves, so two runs
        with the same frontier end the same way. None when more than :data:`NARROW` nodes
        are pending, or a pending component is cyclic (its state is more than the moves).
        """
        heap = self.heap
        if len(heap) > NARROW:
            return None
        structure, delta = self.sim.k.structure, self.delta
        cyclic, members = structure.cyclic, structure.members
        pending = []
        for i in heap:
            if cyclic[i]:
                return None
            y = members[i][0]
            d = delta[y]
            pending.append((y, d[0], d[1], d[2], d[3]))
        return frozenset(pending)

    def counts(self, x: int) -> list[int]:
        """The input counts of ``x`` in this run."""
        b = self.sim.counts.base(x)
        d = self.delta.get(x)
        if d is None:
            return b
        return [b[0] + d[0], b[1] + d[1], b[2] + d[2], b[3] + d[3], b[4], b[5]]

    def finish(self) -> int:
        """Follow the change to the thesis, in topological order; return its label."""
        sim = self.sim
        k = sim.k
        c, thesis, structure = sim.g.claims, k.thesis, k.structure
        memo, budget = sim.memo, sim.budget
        moved = True  # the frontier is new: a label has just changed
        while self.heap:
            budget.spend(1)
            # A frontier is looked up where a change has just spread (looking it up after
            # every step costs more than the few extra hits it finds).
            key = self.frontier() if moved else None
            if key is not None:
                if key in memo:
                    return memo[key]
                self.trail.append(key)
            moved = False
            i = heapq.heappop(self.heap)
            self.queued.discard(i)
            if structure.cyclic[i]:
                if self.only_decided.pop(i, False):
                    changes = sim.spread(i, self.current, [], self.touched.pop(i, []))
                else:
                    self.touched.pop(i, None)
                    changes = sim.resolve(i, self.current, pinned=None)
                for x, value in changes:
                    self.change(x, value)
                moved = bool(changes)
                if i == structure.topo[thesis]:
                    return self.current(thesis)
                continue
            (x,) = structure.members[i]
            value = decide(x < c, self.counts(x))
            if value == self.current(x):
                continue
            if x == thesis:
                return value
            self.change(x, value)
            moved = True
        return sim.lab[thesis]


def cruxes(
    g: Graph, lab: bytearray, k: Cone, counts: Counts, budget: Budget
) -> list[tuple[int, int]]:
    """The claims of the cone whose rejection changes the thesis's label, with that label.

    Sorted most decisive first: a flip between IN and OUT before a move to or from UNDEC,
    then the nearest to the thesis, then map order.

    Raises:
        OutOfWork: if ``budget`` runs out first.
    """
    c, thesis, topo = g.claims, k.thesis, k.structure.topo
    sim = _Simulation(g, lab, k, counts, budget)
    before = lab[thesis]
    # Nearest the thesis first, so that farther claims meet memoised outcomes.
    # An assumed claim stays as assumed whatever objection it meets: it is no candidate.
    candidates = sorted(
        (x for x in k.depth if x < c and x != thesis and lab[x] != OUT and x not in g.assumed),
        key=lambda x: (-topo[x], x),
    )
    found = []
    for x in candidates:
        after = sim.reject(x)
        if after != before:
            found.append((x, after))

    def rank(item: tuple[int, int]) -> tuple[int, int, int]:
        x, after = item
        flip = {before, after} == {IN, OUT}
        return (0 if flip else 1, k.depth[x], x)

    found.sort(key=rank)
    return found
