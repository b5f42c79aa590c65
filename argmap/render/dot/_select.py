"""What a drawing shows: the whole map, one thesis's case, a neighbourhood, or the top levels.

Each selection is a set of claims and a set of relations; :func:`drawable` then keeps the
relations whose target is drawn, so that no arrow points at nothing.
"""

from __future__ import annotations

from collections import deque

from argmap.model import ArgumentMap, RelationId

__all__ = ["case", "drawable", "neighbourhood", "top_levels"]


def neighbourhood(m: ArgumentMap, focus: str, depth: int) -> tuple[set[str], set[str]]:
    """Claims and relations within ``depth`` relation steps of the claim ``focus``.

    A step goes from a claim through a relation to another claim of it (a premise or the
    target); an undercut is a step away from the relation it attacks.
    """
    m.claim(focus)
    hops: dict[str, int] = {focus: 0}
    queue: deque[str] = deque([focus])
    limit = 2 * depth  # a claim is two hops from the next: claim, relation, claim
    relations = m.relations_by_id
    while queue:
        node = queue.popleft()
        if hops[node] >= limit:
            continue
        near: list[str] = [r.id for r in m.relations_into(node)]
        if node in relations:
            r = relations[RelationId(node)]
            near += [*r.premises, r.target]
        else:
            near += [r.id for r in m.relations_from(node)]
        for n in near:
            if n not in hops and (n in m.claims_by_id or n in relations):
                hops[n] = hops[node] + 1
                queue.append(n)
    claims = {c for c in hops if c in m.claims_by_id}
    drawn: set[str] = {r for r, h in hops.items() if h < limit and r in relations}
    return claims, drawn


def case(m: ArgumentMap, thesis: str) -> tuple[set[str], set[str]]:
    """A claim and everything that bears on it: its reasons and objections, theirs in turn.

    The undercuts of those relations belong to the case too (they attack its inferences).
    """
    m.claim(thesis)
    claims: set[str] = {thesis}
    relations: set[str] = set()
    stack: list[str] = [thesis]
    while stack:
        node = stack.pop()
        for r in m.relations_into(node):
            if r.id in relations:
                continue
            relations.add(r.id)
            stack.append(r.id)
            for p in r.premises:
                if p not in claims and p in m.claims_by_id:
                    claims.add(p)
                    stack.append(p)
    return claims, relations


def top_levels(m: ArgumentMap, depth: int) -> tuple[set[str], set[str]]:
    """Claims at most ``depth`` levels below a thesis, and the relations among them."""
    claims: set[str] = {c for c, d in m.depths().items() if d <= depth}
    relations: set[str] = {r.id for r in m.relations if all(p in claims for p in r.premises)}
    return claims, relations


def drawable(m: ArgumentMap, claims: set[str], relations: set[str]) -> set[str]:
    """The relations whose target is drawn: a drawn claim, or a drawn relation in turn."""
    verdicts: dict[str, bool] = {}
    for start in relations:
        path: list[str] = []
        node = start
        while True:
            if node in verdicts:
                verdict = verdicts[node]
                break
            if node in claims:
                verdict = True
                break
            if node not in relations or node in path:
                verdict = False
                break
            path.append(node)
            node = m.relations_by_id[RelationId(node)].target
        verdicts.update(dict.fromkeys(path, verdict))
    return {r for r in relations if verdicts[r]}
