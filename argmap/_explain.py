"""Why each node got its label, which claims are cruxes, and what moves a thesis's strength.

Reasons (linear): one short sentence per claim and relation naming the input that decided
it (the rebuttal that holds, the premise that is out, ...).

Cruxes (per thesis): a claim is a crux when one more unanswered objection to it (which
makes it OUT) would change the thesis's grounded label. Only the thesis's *cone* (the nodes
from which it can be reached) matters. The whole graph is split once into strongly
connected components in topological order (shared by every thesis); rejecting a candidate
is simulated by re-deciding only the components of the cone its change reaches, in that
order, with per-node counters so that one node costs O(1) however many inputs it has.

The rest of a simulation depends only on its *frontier*: the nodes still pending and, for
each, how its inputs' labels have moved (every other node keeps its label). Whenever the
frontier is small (at most :data:`NARROW` nodes, none on a cycle), the outcome is memoised
under it and reused by every later candidate whose change reaches the same frontier. On a
tree-shaped cone a change narrows to one node, and on a "ladder" (each level's claims
resting jointly on the whole level below) it spreads to a level and meets the previous
candidate's frontier there, so either way every candidate stops after a few steps and all
cruxes cost O(cone). Changes that stay wider than :data:`NARROW` cost up to the region
they spread over, and a cycle is re-solved whole each time a change enters it (O(cone^2)
at worst, when the whole cone is one cycle).

Bounded work: every step (a node re-decided, a component re-solved, a node of a cone
found, an influence pass) is paid from one :class:`Budget` per evaluation, linear in the
size of the map. When it runs out, :class:`OutOfWork` is raised and the evaluation says
which theses' explanations were cut short, instead of running for hours.

Influence (per thesis): the derivative of the thesis's DF-QuAD strength with respect to
each claim's base score, by one reverse (adjoint) pass over the cone in reverse
topological order; on a cyclic cone the adjoint equations are iterated like the strengths.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from math import prod

from argmap._graph import SUPPORT, Graph, strongly_connected
from argmap._grounded import IN, OUT, UNDEC, decide

# A crux simulation's frontier: per pending node, (node, moves of its four input counts).
_Frontier = frozenset[tuple[int, int, int, int, int]]

__all__ = [
    "NARROW",
    "Budget",
    "Cone",
    "Counts",
    "OutOfWork",
    "Slopes",
    "Structure",
    "cone",
    "cruxes",
    "influence",
    "reasons",
]

#: The most pending nodes a crux simulation's frontier may have to be memoised.
NARROW = 16


class OutOfWork(Exception):  # noqa: N818 - a signal between two private modules, not an error
    """The explanation work allowed for this evaluation is used up."""


class Budget:
    """How many more steps the explanations of one evaluation may take.

    Attributes:
        left: the steps still allowed (below zero once used up).
    """

    __slots__ = ("left",)

    def __init__(self, steps: int) -> None:
        self.left = steps

    def spend(self, steps: int) -> None:
        """Pay for ``steps`` steps.

        Raises:
            OutOfWork: if that is more than is left.
        """
        self.left -= steps
        if self.left < 0:
            raise OutOfWork


# -- reasons -------------------------------------------------------------------------------


def _names(ids: Sequence[str], limit: int = 2) -> str:
    shown = [repr(i) for i in ids[:limit]]
    if len(ids) > limit:
        return ", ".join(shown) + f" and {len(ids) - limit} more"
    if len(shown) > 1:
        return ", ".join(shown[:-1]) + f" and {shown[-1]}"
    return shown[0]


def reasons(g: Graph, lab: bytearray) -> Iterator[tuple[str, str]]:
    """Yield (node id, one-sentence reason) for every claim and relation."""
    c = g.claims
    into = g.into()
    for x in range(c):
        yield g.claim_ids[x], _claim_reason(g, lab, x, into[x])
    for j in range(g.relations):
        yield g.relation_ids[j], _relation_reason(g, lab, j)


def _claim_reason(g: Graph, lab: bytearray, x: int, rels: list[int]) -> str:  # noqa: PLR0911
    c = g.claims
    rid = g.relation_ids
    sups = [j for j in rels if g.kind[j] == SUPPORT]
    atts = [j for j in rels if g.kind[j] != SUPPORT]
    status = lab[x]
    if status == OUT:
        winners = [j for j in atts if lab[c + j] == IN]
        if winners:
            return f"rebuttal {rid[winners[0]]!r} holds against it"
        failed = [rid[j] for j in sups]
        if len(failed) == 1:
            return f"its only support, {failed[0]!r}, fails"
        return f"every support fails ({_names(failed)})"
    if status == IN:
        if sups:
            holding = next(j for j in sups if lab[c + j] == IN)
            head = f"support {rid[holding]!r} holds"
        else:
            head = "accepted as a basic premise (nothing supports it)"
        if not atts:
            return f"{head} and nothing attacks it"
        if len(atts) == 1:
            return f"{head} and the one rebuttal, {rid[atts[0]]!r}, fails"
        return f"{head} and every rebuttal fails ({_names([rid[j] for j in atts])})"
    open_atts = [rid[j] for j in atts if lab[c + j] == UNDEC]
    if open_atts:
        verb = "is" if len(open_atts) == 1 else "are"
        return f"rebuttal {_names(open_atts)} {verb} undecided, so it is neither in nor out"
    open_sups = [rid[j] for j in sups if lab[c + j] == UNDEC]
    verb = "is" if len(open_sups) == 1 else "are"
    return f"no support holds and {_names(open_sups)} {verb} undecided"


def _relation_reason(g: Graph, lab: bytearray, j: int) -> str:
    c = g.claims
    cid, rid = g.claim_ids, g.relation_ids
    premises = g.premises(j)
    unders = g.undercut_by.get(j, [])
    status = lab[c + j]
    if status == OUT:
        out = [cid[p] for p in premises if lab[p] == OUT]
        if out:
            return f"premise {out[0]!r} is out"
        hit = next(u for u in unders if lab[c + u] == IN)
        return f"undercut {rid[hit]!r} holds against it"
    if status == IN:
        if len(premises) == 1:
            head = f"its premise {cid[premises[0]]!r} is in"
        elif len(premises) == 2:
            head = f"its premises {_names([cid[p] for p in premises])} are both in"
        else:
            head = f"all its premises ({_names([cid[p] for p in premises], 3)}) are in"
        if not unders:
            return f"{head} and nothing undercuts it"
        return f"{head} and every undercut fails ({_names([rid[u] for u in unders])})"
    open_premises = [cid[p] for p in premises if lab[p] == UNDEC]
    if open_premises:
        return f"premise {open_premises[0]!r} is undecided"
    hit = next(u for u in unders if lab[c + u] == UNDEC)
    return f"undercut {rid[hit]!r} is undecided"


# -- the cone of a thesis --------------------------------------------------------------------


class Structure:
    """The strongly connected components of the whole graph, in topological order.

    Attributes:
        topo: per node, the index of its component (inputs come before their users).
        members: per component, its nodes.
        cyclic: per component, whether it holds a cycle (several nodes, or a relation
            that undercuts itself).
    """

    __slots__ = ("cyclic", "members", "topo")

    def __init__(self, g: Graph) -> None:
        emitted = strongly_connected(*g.consumer_rows())
        emitted.reverse()
        topo = [0] * g.size
        for i, members in enumerate(emitted):
            for x in members:
                topo[x] = i
        c = g.claims
        self.topo = topo
        self.members = emitted
        self.cyclic = [len(m) > 1 or (m[0] >= c and g.target[m[0] - c] == m[0]) for m in emitted]


class Cone:
    """The nodes a thesis depends on, and how far each is from it.

    Attributes:
        thesis: the thesis node.
        depth: node -> relation steps to the thesis (the thesis is 0; a relation is one
            step below its target; a premise is at the distance of the relation citing it).
        structure: the components of the whole graph.
    """

    __slots__ = ("depth", "structure", "thesis")

    def __init__(self, thesis: int, depth: dict[int, int], structure: Structure) -> None:
        self.thesis = thesis
        self.depth = depth
        self.structure = structure

    @property
    def acyclic(self) -> bool:
        """True when no node of the cone lies on a cycle."""
        cyclic, topo = self.structure.cyclic, self.structure.topo
        return not any(cyclic[topo[x]] for x in self.depth)

    def in_order(self) -> list[int]:
        """The cone's nodes, inputs before the nodes that use them."""
        return sorted(self.depth, key=self.structure.topo.__getitem__)


def cone(g: Graph, thesis: int, structure: Structure, budget: Budget | None = None) -> Cone:
    """The cone of ``thesis``, by a 0-1 breadth-first search along inputs.

    Raises:
        OutOfWork: if ``budget`` cannot pay one step per node of the cone.
    """
    c = g.claims
    depth = {thesis: 0}
    queue = deque([thesis])
    into = g.into()
    far = 1 << 62
    while queue:
        x = queue.popleft()
        d = depth[x]
        if x < c:
            feeders = [(c + j, d + 1) for j in into[x]]
        else:
            j = x - c
            feeders = [(p, d) for p in g.premises(j)]
            feeders += [(c + u, d + 1) for u in g.undercut_by.get(j, ())]
        for y, dy in feeders:
            if dy < depth.get(y, far):
                depth[y] = dy
                if dy == d:
                    queue.appendleft(y)
                else:
                    queue.append(y)
    if budget is not None:
        budget.spend(len(depth))
    return Cone(thesis, depth, structure)


def _consumers(g: Graph, node: int) -> list[int]:
    c = g.claims
    return [c + j for j in g.uses(node)] if node < c else [g.target[node - c]]


# -- cruxes ------------------------------------------------------------------------------------


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
            consumers = _consumers(self.g, x)
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
                pending.extend(y for y in _consumers(self.g, x) if y in inside)
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
            y = g.target[x - c]
            role = 0 if g.kind[x - c] == SUPPORT else 2
            consumers = [y]
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
    candidates = sorted(
        (x for x in k.depth if x < c and x != thesis and lab[x] != OUT),
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


# -- influence ---------------------------------------------------------------------------------


def _excluding(factors: Sequence[float]) -> list[float]:
    """For each factor, the product of all the others (without dividing)."""
    n = len(factors)
    before = [1.0] * n
    running = 1.0
    for i in range(n):
        before[i] = running
        running *= factors[i]
    out = [0.0] * n
    running = 1.0
    for i in range(n - 1, -1, -1):
        out[i] = before[i] * running
        running *= factors[i]
    return out


class Slopes:
    """The strength rule of each node differentiated, computed once per node on demand.

    ``of(node)`` is ([(input, d strength / d input)], d strength / d base score). At
    DF-QuAD's kink (supports and rebuttals exactly balanced, ``d == 0``) the two one-sided
    slopes differ unless the base score is 0.5; their mean is used.
    """

    __slots__ = ("_cache", "g", "val")

    def __init__(self, g: Graph, val: Sequence[float]) -> None:
        self.g, self.val = g, val
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
        pos = [val[p] for p in premises]
        if not unders and len(pos) == 1:
            return [(premises[0], 1.0)], 0.0
        neg = [1.0 - val[u] for u in unders]
        p_all, n_all = prod(pos), prod(neg)
        grads = [(p, n_all * e) for p, e in zip(premises, _excluding(pos), strict=True)]
        grads += [(u, -p_all * e) for u, e in zip(unders, _excluding(neg), strict=True)]
        return grads, 0.0

    def _claim(self, node: int) -> tuple[list[tuple[int, float]], float]:
        g, val = self.g, self.val
        c = g.claims
        rels = g.into()[node]
        sups = [c + j for j in rels if g.kind[j] == SUPPORT]
        atts = [c + j for j in rels if g.kind[j] != SUPPORT]
        s_f = [1.0 - val[x] for x in sups]
        a_f = [1.0 - val[x] for x in atts]
        d = prod(a_f) - prod(s_f)
        b = g.base[node]
        slope = (1.0 - b) if d > 0.0 else b if d < 0.0 else 0.5
        grads = [(x, slope * e) for x, e in zip(sups, _excluding(s_f), strict=True)]
        grads += [(x, -slope * e) for x, e in zip(atts, _excluding(a_f), strict=True)]
        return grads, 1.0 - abs(d)


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
