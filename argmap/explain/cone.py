"""What the explanations of a thesis share: a budget of steps, the components, the cone.

Bounded work: every step (a node re-decided, a component re-solved, a node of a cone
found, an influence pass) is paid from one :class:`Budget` per evaluation, linear in the
size of the map. When it runs out, :class:`OutOfWork` is raised and the evaluation says
which theses' explanations were cut short, instead of running for hours.

The whole graph is split once into strongly connected components in topological order
(:class:`Structure`, shared by every thesis); a thesis's :class:`Cone` is the nodes from
which it can be reached, with their distance to it.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from argmap._graph import Graph, strongly_connected

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Budget", "Cone", "OutOfWork", "Structure", "cone"]


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


def cone(
    g: Graph,
    thesis: int,
    structure: Structure | Callable[[], Structure],
    budget: Budget | None = None,
) -> Cone:
    """The cone of ``thesis``, by a 0-1 breadth-first search along inputs.

    ``structure`` may be given as a function that makes it, called only once the cone is
    found within the budget (the components of a whole corpus cost more than a cone cut
    short).

    Raises:
        OutOfWork: if ``budget`` cannot pay one step per node of the cone; the search
            stops as soon as the cone outgrows what is left, having paid for what it found.
    """
    c = g.claims
    depth = {thesis: 0}
    queue = deque([thesis])
    into = g.into()
    far = 1 << 62
    limit = far if budget is None else budget.left
    while queue:
        if len(depth) > limit:
            assert budget is not None  # noqa: S101 - the limit is finite only with a budget
            budget.spend(len(depth))  # more than is left: raises OutOfWork
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
    return Cone(thesis, depth, structure if isinstance(structure, Structure) else structure())
