"""The evaluation delta: which claims a change moved, how far, and which edits did it.

Both maps are evaluated under the semantics asked for. A claim of both maps *changed*
when its grounded label differs, or its DF-QuAD strength moved by more than
:data:`STRENGTH_TOLERANCE`. Its causes are the edits that reach it, in the direction in
which evaluation flows (from a premise to the relation that cites it, from a relation to
its target), through claims and relations whose own value changed under the same
semantics too: an edit whose effect stops at a claim or relation that came out the same
cannot have moved anything beyond it. The edits are relations added, removed, retargeted,
turned from support to rebuttal or given other premises, and (for DF-QuAD) claims whose
base score changed. Each change also carries the evaluation's own reason for the claim's
label in each map (:attr:`argmap.Evaluation.reasons`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping

import attrs

from argmap.diff.match import Matching, Unmatched
from argmap.diff.values import Cause, EvaluationChange, MapDiff
from argmap.evaluate import Evaluation, Label, Semantics, evaluate
from argmap.model import ArgumentMap, ClaimId, Relation, RelationId

__all__ = ["STRENGTH_TOLERANCE", "evaluation_delta"]

#: The least move of a DF-QuAD strength that counts as a change. DF-QuAD iterates until no
#: strength moves by more than 1e-9 a round, so two runs that reach the same fixed point by
#: different paths can still differ by about 1e-8; a millionth is well above that noise and
#: well below anything a reader would weigh (the report prints three decimals, more when
#: they would hide the move).
STRENGTH_TOLERANCE = 1e-6

#: Fields of a relation whose change is an edit to the evaluation.
_STRUCTURE = ("kind", "premises", "target")

#: The semantics the delta runs, in the order its changes list them.
_RUNS: tuple[Semantics, ...] = ("grounded", "dfquad")

_Node = Hashable
#: The union of both maps: edges the way evaluation flows, and which nodes are relations.
_Graph = tuple[dict[_Node, set[_Node]], set[_Node]]


def _evaluations(m: ArgumentMap, runs: Iterable[Semantics]) -> dict[str, Evaluation]:
    """The map evaluated under each semantics the delta runs ("grounded", "dfquad").

    One evaluation per semantics, not one under "all": "all" would also solve the
    quadratic energy model, which nothing in a diff shows. (The map's index is kept with
    the map, so the second evaluation does not build it again.)
    """
    # Reasons are all the explanations the delta needs: a budget of no steps skips the
    # cruxes and the influence, which cost far more on large maps.
    return {run: evaluate(m, run, max_explain_steps=0) for run in runs}


def _dfquad(e: Evaluation) -> Mapping[ClaimId, float]:
    """DF-QuAD's strengths (``e.strengths`` are the headline semantics')."""
    return e.gradual["dfquad"].strengths


def evaluation_delta(m: Matching, d: MapDiff, semantics: str) -> tuple[EvaluationChange, ...]:
    """Every matched claim whose label or strength changed, with its causes and reasons."""
    a, b = m.before, m.after
    runs = [s for s in _RUNS if semantics in {s, "all"}]
    evaluated_a, evaluated_b = _evaluations(a, runs), _evaluations(b, runs)
    # Every change carries the grounded reasons when grounded semantics ran.
    why = runs[0]
    graph = _union(m)
    edits = _edits(m, d)
    out: list[EvaluationChange] = []
    claim_at_a: dict[str, int] = {c.id: i for i, c in enumerate(a.claims)}
    claim_at_b: dict[str, int] = {c.id: i for i, c in enumerate(b.claims)}
    for run in runs:
        ea, eb = evaluated_a[run], evaluated_b[run]
        changed = _changed(m, ea, eb, run)
        moved = [(x, y) for x, y in m.claims.items() if y in changed]
        if not moved:
            continue
        reach = _reach(graph, changed, edits, run)
        for x, y in moved:
            values: tuple[Label | float, Label | float] = (
                (ea.labels[ClaimId(x)], eb.labels[ClaimId(y)])
                if run == "grounded"
                else (_dfquad(ea)[ClaimId(x)], _dfquad(eb)[ClaimId(y)])
            )
            out.append(
                EvaluationChange(
                    before_id=x,
                    after_id=y,
                    semantics=run,
                    before=values[0],
                    after=values[1],
                    causes=reach.get(y, ()),
                    why_before=evaluated_a[why].reasons.get(x, ""),
                    why_after=evaluated_b[why].reasons.get(y, ""),
                    before_index=claim_at_a[x],
                    after_index=claim_at_b[y],
                )
            )
    return tuple(out)


def _changed(m: Matching, ea: Evaluation, eb: Evaluation, run: str) -> set[_Node]:
    """The later ids of the claims and relations of both maps whose value changed."""
    out: set[_Node] = set()
    if run == "grounded":
        for x, y in m.claims.items():
            if ea.labels[ClaimId(x)] != eb.labels[ClaimId(y)]:
                out.add(y)
        for x, y in m.relations.items():
            if ea.relation_labels[RelationId(x)] != eb.relation_labels[RelationId(y)]:
                out.add(y)
        return out
    for x, y in m.claims.items():
        if abs(_dfquad(ea)[ClaimId(x)] - _dfquad(eb)[ClaimId(y)]) > STRENGTH_TOLERANCE:
            out.add(y)
    for x, y in m.relations.items():
        ra, rb = ea.gradual["dfquad"].relation_strengths, eb.gradual["dfquad"].relation_strengths
        before, after = ra[RelationId(x)], rb[RelationId(y)]
        if abs(before - after) > STRENGTH_TOLERANCE:
            out.add(y)
    return out


def _union(m: Matching) -> _Graph:
    """Both maps as one graph in the later map's ids, its edges the way evaluation flows.

    What only the earlier map has is an :class:`~argmap.diff.match.Unmatched` node.
    Returns the edges and the set of nodes that are relations.
    """
    edges: dict[_Node, set[_Node]] = {}
    relations: set[_Node] = set()

    def add(relation: _Node, premises: Iterable[_Node], target: _Node) -> None:
        relations.add(relation)
        for p in premises:
            edges.setdefault(p, set()).add(relation)
        edges.setdefault(relation, set()).add(target)

    for r in m.before.relations:
        add(_earlier(m, r), m.premises(r), m.target(r.target))
    for r in m.after.relations:
        add(r.id, r.premises, r.target)
    return edges, relations


def _earlier(m: Matching, r: Relation) -> _Node:
    return m.relations.get(r.id) or Unmatched(id=r.id)


def _edits(m: Matching, d: MapDiff) -> list[tuple[_Node, Cause, tuple[str, ...]]]:
    """Each edit: its node, the cause it is, and the semantics it can move."""
    a, b = m.before, m.after
    both = ("grounded", "dfquad")
    out: list[tuple[_Node, Cause, tuple[str, ...]]] = []
    for p in d.relations.added:
        cause = Cause(element="relation", what="added", after_id=p.id, after_kind=b.kind(p.item))
        out.append((p.id, cause, both))
    for p in d.relations.removed:
        cause = Cause(
            element="relation", what="removed", before_id=p.id, before_kind=a.kind(p.item)
        )
        out.append((Unmatched(id=p.id), cause, both))
    for e in d.relations.changed:
        fields = tuple(n for n in e.names if n in _STRUCTURE)
        if fields:
            cause = Cause(
                element="relation",
                what="changed",
                before_id=e.before,
                after_id=e.after,
                before_kind=a.kind(e.before),
                after_kind=b.kind(e.after),
                fields=fields,
            )
            out.append((e.after, cause, both))
    for e in d.claims.changed:
        if "base_score" in e.names:
            cause = Cause(
                element="claim",
                what="changed",
                before_id=e.before,
                after_id=e.after,
                fields=("base_score",),
            )
            out.append((e.after, cause, ("dfquad",)))
    return out


def _reach(
    graph: _Graph,
    changed: set[_Node],
    edits: list[tuple[_Node, Cause, tuple[str, ...]]],
    run: str,
) -> dict[_Node, tuple[Cause, ...]]:
    """For each changed claim, the edits that reach it through changed nodes, with distances.

    The distance counts the relations on the way, the edit's own included: a relation
    added against a claim is 1 from it, a base score is 0 from its own claim.
    """
    edges, relations = graph
    found: dict[_Node, list[Cause]] = {}
    for start, cause, runs in edits:
        if run not in runs:
            continue
        dist = {start: 1 if start in relations else 0}
        queue = deque([start])
        while queue:  # breadth first, a relation one step and a claim none (0-1 BFS)
            node = queue.popleft()
            if node != start and node not in changed:
                continue  # its value came out the same: the change stops here
            for nxt in edges.get(node, ()):
                step = 1 if nxt in relations else 0
                if dist[node] + step < dist.get(nxt, len(edges) + 2):
                    dist[nxt] = dist[node] + step
                    if step:
                        queue.append(nxt)
                    else:
                        queue.appendleft(nxt)
        for node, d in dist.items():
            if node in changed and node not in relations:
                found.setdefault(node, []).append(attrs.evolve(cause, distance=d))
    return {k: tuple(v) for k, v in found.items()}
