"""Whole-map checks: every problem a map has, each named in one line that says what to do.

>>> from argmap import ArgumentMap, Claim, Support, validate
>>> m = ArgumentMap("m", "A map", theses=["t"], claims=[Claim("t", "A thesis")],
...                 relations=[Support("s1", ["c9"], "t")])
>>> for problem in validate(m):
...     print(problem)
error: support 's1' cites unknown premise 'c9'; add the claim or drop the premise
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain, compress, repeat
from operator import eq, gt, lt, not_

from argmap._checks import map_arg
from argmap._gc import paused
from argmap._graph import SUPPORT, UNDERCUT, Graph, Unusable, strongly_connected
from argmap.model import ArgumentMap, Claim, ClaimId, Rebuttal, Relation, Support, derived
from argmap.problems import CODES, Problem, Severity

__all__ = ["CODES", "Problem", "Severity", "validate"]


_BAD_ID = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def _bad_id(value: object) -> bool:
    return not isinstance(value, str) or not value or _BAD_ID.search(value) is not None


def validate(argument_map: ArgumentMap) -> tuple[Problem, ...]:
    """Return every problem of a map, errors and warnings, in a stable order.

    Runs in time linear in the size of the map.

    Args:
        argument_map: the map to check.

    Returns:
        The problems found; empty when the map is sound. See :data:`CODES`.

    Raises:
        ParameterError: if ``argument_map`` is not an :class:`~argmap.ArgumentMap`.
    """
    return derived(map_arg(argument_map), "problems", _all_problems)


def _all_problems(m: ArgumentMap) -> tuple[Problem, ...]:
    """What :func:`validate` returns, found once per map (the map is frozen, so it stays).

    A map that is read, then validated by ``argmap.load``, then written, is checked once:
    readers that must know what the writer would refuse (Argdown's straight reader) and
    the writers themselves ask again.
    """
    with paused():
        return tuple(_problems(m, fast=True))


def _problems(m: ArgumentMap, *, fast: bool = False) -> Iterator[Problem]:
    """Every problem, in order; ``fast`` first tries :func:`_fast_problems`."""
    found = _fast_problems(m) if fast else None
    if found is not None:
        yield from found
        return
    yield from _check_ids(m)
    yield from _check_theses(m)
    for claim in m.claims:
        yield from _check_claim(m, claim)
    for relation in m.relations:
        yield from _check_relation(m, relation)
    yield from _check_cycles(m)
    if any(t in m.claims_by_id for t in m.theses):
        yield from _check_orphans(m)


def _fast_problems(m: ArgumentMap) -> list[Problem] | None:
    """The problems of a map whose claims and relations pass checks made in bulk, or None.

    The bulk checks look at one field of every claim or relation at once (C-level loops
    over columns, and evaluation's integer index of the map, which the map keeps for a
    later evaluation: :func:`argmap.model.derived`). When they pass, the problems left
    to find are few and found one by one: those of sources, theses, quoting claims,
    linked relations whose premises repeat or hold their target, circles of support,
    orphans. No id dictionary of the map is built (the index resolves every id). When
    any fails (None), the checks run one item at a time. Both ways find the same problems
    in the same order (tests check this on broken maps).
    """
    quoting, cleared = _claims_to_check(m)
    g = _sound_index(m) if cleared else None  # every thesis, premise and target resolved
    if g is None:
        return None
    c, r = g.claims, g.relations
    if any(map(eq, g.target, range(c, c + r))) or any(map(eq, g.target, g.first)):
        return None  # a relation aimed at itself, or at its own (first) premise
    found = list(_check_ids(m, sources_only=True))
    found += _check_theses(m, g.claim_index)
    for claim in quoting:
        found += _check_claim(m, claim)
    # A linked relation whose premises repeat or hold its target: its own checks say so.
    target, first, linked = g.target, g.first, g.more
    for j in linked:
        premises = (first[j], *linked[j])
        if target[j] in premises or len(set(premises)) < len(premises):
            found += _check_relation(m, m.relations[j])
    if _support_circle(g):
        found += _check_cycles(m)
    if g.theses:
        reached = _reached(g)
        what = "bears on no thesis; connect it with a support or rebuttal, or remove it"
        for i in compress(range(c), map(not_, reached)):
            cid = g.claim_ids[i]
            found.append(Problem("orphan", cid, f"claim {cid!r} {what}"))
    return found


def _usable_graph(m: ArgumentMap) -> Graph:
    return Graph(m, refuse=False)


def _sound_index(m: ArgumentMap) -> Graph | None:
    """The map's evaluation index (kept with the map), or None.

    None unless the index resolves every id and the ids are sound (distinct, no claim
    sharing a relation's id, each a non-empty slug).
    """
    try:
        g = derived(m, "graph", _usable_graph)
    except (Unusable, TypeError):  # (a TypeError: an id no dictionary can hold)
        return None
    return g if _ids_sound(g) else None


_all: Callable[[Iterable[object]], bool] = all


def _ids_sound(g: Graph) -> bool:
    """Whether every claim and relation id is a distinct, non-empty slug (checked in bulk).

    The claim ids of a usable index are distinct already (``g.claim_index`` has them).
    """
    claims, relations = g.claim_ids, g.relation_ids
    try:
        joined = "".join(claims) + "".join(relations)  # (a TypeError for an id no string)
    except TypeError:
        return False
    distinct = set(relations)
    if len(distinct) != len(relations) or not distinct.isdisjoint(g.claim_index):
        return False
    return "" not in distinct and "" not in g.claim_index and _no_bad_character(joined)


def _no_bad_character(text: str) -> bool:
    """Whether ``text`` holds no character :data:`_BAD_ID` finds (space, control character).

    Every such character but the space is unprintable, so a text all printable and with
    no space needs no search (which costs five times as much).
    """
    return (text.isprintable() and " " not in text) or _BAD_ID.search(text) is None


def _claims_to_check(m: ArgumentMap) -> tuple[list[Claim], bool]:
    """The claims that may have a problem of their own, and whether bulk checks cleared the rest.

    Texts with something to say and scores from 0 to 1 clear every claim that quotes
    nothing; if one claim fails them, every claim is checked one by one.
    """
    claims = m.claims
    scores = [s for c in claims if (s := c.base_score) is not None]
    if (
        not _all(map(str.strip, [c.text for c in claims]))
        or set(map(type, scores)) - {float, int}
        or not _all(map((0.0).__le__, scores))
        or not _all(map((1.0).__ge__, scores))
    ):
        return list(claims), False
    return [c for c in claims if c.quotes], True


def _support_circle(g: Graph) -> bool:  # noqa: C901 - one walk, its cases spelled out
    """Whether supports run in a circle (premise to target), by peeling claims without one."""
    c = g.claims
    kind, target = g.kind, g.target
    supports = list(compress(range(g.relations), map(SUPPORT.__eq__, kind)))
    # First look for an order every support's premises follow (all after, or all before,
    # its target): then no circle can close.
    premise = list(map(g.first.__getitem__, supports))
    aimed = list(map(target.__getitem__, supports))
    for j in filter(g.more.__contains__, supports):
        extra = g.more[j]
        premise += extra
        aimed += repeat(target[j], len(extra))
    if _all(map(gt, premise, aimed)) or _all(map(lt, premise, aimed)):
        return False
    del premise, aimed
    into = [0] * c
    edges: list[tuple[int, int]] = []
    for j in supports:
        t = target[j]
        for p in g.premises(j):
            if p != t:
                edges.append((p, t))
                into[t] += 1
    if not edges:
        return False
    out: list[list[int]] = [[] for _ in range(c)]
    for p, t in edges:
        out[p].append(t)
    ready = deque(compress(range(c), map(not_, into)))
    left = c
    while ready:
        x = ready.popleft()
        left -= 1
        for t in out[x]:
            into[t] -= 1
            if not into[t]:
                ready.append(t)
    return left > 0


def _reached(g: Graph) -> bytearray:
    """Per claim, 1 if it bears on a thesis: the theses, the premises of what is aimed at them...

    In one pass over the claims when every relation's premises come after the claim it
    bears on (see :func:`_reached_in_order`), else level by level from the theses.
    """
    found = _reached_in_order(g)
    return _reached_by_levels(g) if found is None else found


def _reached_in_order(g: Graph) -> bytearray | None:
    """:func:`_reached` in claim order, or None when the map's order does not allow it.

    A relation bears on a thesis when the claim it is aimed at does (through the relations
    it undercuts, for an undercut): call that claim its aim. When every premise comes
    after its relation's aim (maps written top down, from the thesis to its reasons),
    whether a claim bears on a thesis depends only on claims before it, so one pass in
    order settles every claim, reading each relation that cites it once.
    """
    c, r = g.claims, g.relations
    target = g.target
    aim = list(target)
    steps = 0
    for j in compress(range(r), map(UNDERCUT.__eq__, g.kind)):
        x = aim[j]
        while x >= c:  # the relation it undercuts: follow to a claim
            x = target[x - c]
            steps += 1
            if steps > 4 * r:  # undercuts in a circle, or long chains: use the levels
                return None
        aim[j] = x
    if not _all(map(gt, g.first, aim)):
        return None
    for j, extra in g.more.items():
        if not _all(map(aim[j].__lt__, extra)):
            return None
    reached = bytearray(c)
    for x in g.theses:
        reached[x] = 1
    start, cited_by = g.use_start, g.use_rel
    holds, bears = reached.__getitem__, aim.__getitem__
    for x in compress(range(c), map(not_, reached)):
        s, e = start[x], start[x + 1]
        if s != e and any(map(holds, map(bears, cited_by[s:e]))):
            reached[x] = 1
    return reached


def _reached_by_levels(g: Graph) -> bytearray:
    """:func:`_reached`, level by level from the theses.

    Each level's look-ups are C-level loops over its nodes. A relation is met once only,
    when its target is (it has one target), so relations need no mark; claims are marked
    as they are met, their first time.
    """
    seen = bytearray(g.claims)
    into = g.into()
    first, more, undercut_by = g.first, g.more, g.undercut_by
    claims = list(dict.fromkeys(g.theses))
    for x in claims:
        seen[x] = 1
    relations: list[int] = []
    while claims or relations:
        found = list(chain.from_iterable(map(into.__getitem__, claims)))
        for j in filter(undercut_by.__contains__, relations):
            found.extend(undercut_by[j])
        premises = list(map(first.__getitem__, found))
        for j in filter(more.__contains__, found):
            premises.extend(more[j])
        claims = [x for x in dict.fromkeys(premises) if not seen[x]]
        for x in claims:
            seen[x] = 1
        relations = found
    return seen


def _check_orphans(m: ArgumentMap) -> Iterator[Problem]:
    connected = m.connected()
    what = "bears on no thesis; connect it with a support or rebuttal, or remove it"
    return (
        Problem("orphan", c.id, f"claim {c.id!r} {what}") for c in m.claims if c.id not in connected
    )


def _check_ids(m: ArgumentMap, *, sources_only: bool = False) -> Iterator[Problem]:
    if _bad_id(m.id):
        # Every view and message shows the map's id: like a claim's, it is one plain word.
        yield Problem(
            "bad-id",
            m.id,
            f"map id {m.id!r} is empty or holds spaces or control characters; use a slug "
            "such as 'bike-lanes'",
        )
    seen: dict[str, str] = {}
    items: list[tuple[str, str]] = [] if sources_only else [("claim", c.id) for c in m.claims]
    items += [] if sources_only else [(r.kind, r.id) for r in m.relations]
    for kind, id_ in items:
        if _bad_id(id_):
            yield Problem(
                "bad-id",
                id_,
                f"{kind} id {id_!r} is empty or holds spaces or control characters; "
                "use a slug such as 'china-opposes'",
            )
        if id_ in seen:
            yield Problem(
                "duplicate-id",
                id_,
                f"{kind} id {id_!r} is already used by a {seen[id_]}; give each claim and "
                "relation its own id",
            )
        else:
            seen[id_] = kind
    sources: set[str] = set()
    for s in m.sources:
        if _bad_id(s.id):
            yield Problem(
                "bad-id",
                s.id,
                f"source id {s.id!r} is empty or holds spaces or control characters; use a slug",
            )
        if s.id in sources:
            yield Problem(
                "duplicate-source",
                s.id,
                f"source id {s.id!r} is used twice; give each source its own id",
            )
        sources.add(s.id)


def _check_theses(
    m: ArgumentMap, claims: Mapping[ClaimId, object] | None = None
) -> Iterator[Problem]:
    """The problems of the theses and verdicts.

    ``claims`` holds the claim ids: by default the map's own index.
    """
    known = m.claims_by_id if claims is None else claims
    if not m.theses:
        yield Problem("no-thesis", m.id, f"map {m.id!r} names no thesis; add the claim it is about")
    seen: set[str] = set()
    for t in m.theses:
        if t in seen:
            yield Problem("repeated-thesis", t, f"thesis {t!r} is listed twice; list it once")
        seen.add(t)
        if t not in known:
            yield Problem(
                "unknown-thesis",
                t,
                f"thesis {t!r} is not a claim of the map; add the claim or drop the thesis",
            )
    for t in m.verdicts:
        if t not in seen:
            yield Problem(
                "verdict-not-thesis",
                t,
                f"a verdict is given for {t!r}, which is no thesis; make it a thesis or "
                "drop the verdict",
            )


def _check_claim(m: ArgumentMap, claim: Claim) -> Iterator[Problem]:
    if not claim.text.strip():
        yield Problem("empty-text", claim.id, f"claim {claim.id!r} has no text; write the claim")
    score = claim.base_score
    if score is not None and (
        isinstance(score, bool)
        or not isinstance(score, int | float)
        or math.isnan(score)
        or not 0.0 <= score <= 1.0
    ):
        yield Problem(
            "bad-score",
            claim.id,
            f"claim {claim.id!r} has base score {score!r}; use a number from 0 to 1",
        )
    for quote in claim.quotes:
        if quote.source not in m.sources_by_id:
            yield Problem(
                "unknown-source",
                claim.id,
                f"claim {claim.id!r} quotes unknown source {quote.source!r}; add the source "
                "to the map or fix the quote",
            )
        if not quote.text.strip():
            yield Problem(
                "empty-text",
                claim.id,
                f"claim {claim.id!r} has an empty quote; copy the passage or drop the quote",
            )
    if claim.implicit and claim.quotes:
        yield Problem(
            "implicit-quoted",
            claim.id,
            f"claim {claim.id!r} is implicit but quotes its source; drop the quote or mark "
            "it explicit",
        )


def _check_relation(m: ArgumentMap, r: Relation) -> Iterator[Problem]:
    if not r.premises:
        yield Problem("no-premises", r.id, f"{r.kind} {r.id!r} has no premise; add one or drop it")
    seen: set[str] = set()
    for p in r.premises:
        if p in seen:
            yield Problem(
                "repeated-premise",
                r.id,
                f"{r.kind} {r.id!r} lists premise {p!r} twice; list it once",
            )
        seen.add(p)
        if p not in m.claims_by_id:
            yield Problem(
                "unknown-premise",
                r.id,
                f"{r.kind} {r.id!r} cites unknown premise {p!r}; add the claim or drop the premise",
            )
    if r.target == r.id:
        yield Problem(
            "self-undercut",
            r.id,
            f"{r.kind} {r.id!r} targets itself; point it at a claim or another relation",
        )
    elif r.target in m.relations_by_id:
        if isinstance(r, Support):
            yield Problem(
                "support-of-relation",
                r.id,
                f"support {r.id!r} targets relation {r.target!r}; a support targets a "
                "claim (to attack an inference, use a rebuttal)",
            )
    elif r.target not in m.claims_by_id:
        yield Problem(
            "unknown-target",
            r.id,
            f"{r.kind} {r.id!r} targets unknown claim or relation {r.target!r}; add it or "
            "fix the target",
        )
    if r.target in seen:
        yield Problem(
            "self-premise",
            r.id,
            f"{r.kind} {r.id!r} lists its own target {r.target!r} among its premises; a "
            "claim cannot bear on itself",
        )


def _check_cycles(m: ArgumentMap) -> Iterator[Problem]:
    """Find circles of support (premise -> target), one problem per circle found."""
    graph: dict[str, list[str]] = {}
    for r in m.relations:
        if isinstance(r, Rebuttal) or r.target not in m.claims_by_id:
            continue
        for p in r.premises:
            if p != r.target and p in m.claims_by_id:
                graph.setdefault(p, []).append(r.target)
    for component in _circles(graph):
        cycle = _cycle_in(graph, component)
        path = " → ".join(repr(c) for c in [*cycle, cycle[0]])
        yield Problem(
            "circular-support",
            cycle[0],
            f"claims support each other in a circle: {path}; remove one of these supports",
        )


def _circles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The components of two or more claims, by :func:`argmap._graph.strongly_connected`.

    Only claims with an edge out can lie on a circle, so the others are left out; the
    premises are numbered in the order ``graph`` lists them, so the circles come in a
    stable order.
    """
    names = list(graph)
    number = dict(zip(names, range(len(names)), strict=True)).get
    start: list[int] = [0]
    targets: list[int] = []
    for successors in graph.values():
        targets.extend(i for i in map(number, successors) if i is not None)
        start.append(len(targets))
    found = strongly_connected(start, targets)
    return [[names[i] for i in component] for component in found if len(component) > 1]


def _cycle_in(graph: dict[str, list[str]], component: list[str]) -> list[str]:
    """A shortest circle through the component's smallest id, found breadth first."""
    members = set(component)
    start = min(component)
    parent: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for nxt in graph.get(node, []):
                if nxt not in members:
                    continue
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return path[::-1]
                if nxt not in parent:
                    parent[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start]  # pragma: no cover - a component of two or more always has a circle
