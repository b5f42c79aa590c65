"""A compact integer index of a map, built once per evaluation.

Claims are nodes ``0 .. C-1`` and relations nodes ``C .. C+R-1`` (relation ``j`` is node
``C + j``), both in map order. Everything is a flat list indexed by those numbers, built
with C-level ``map`` calls where possible: at a million claims the cost of an evaluation
is dominated by resolving the ids the relations cite, so this module touches each attrs
object once and never builds the model's own per-claim tuples.

A what-if question changes the index, not the map: ``base_scores`` replace claims' base
scores, and an *assumed* claim (``assumed``) is cut off from the relations aimed at it, so
that nothing it would have depended on reaches it. Every structural query below
(:meth:`Graph.into`, :meth:`Graph.in_counts`, :meth:`Graph.inputs`,
:meth:`Graph.consumers`, :meth:`Graph.consumer_rows`) answers for the cut graph; the
relations aimed at an assumed claim keep their own premises, undercuts and results. The
solvers read :attr:`Graph.code` directly and skip an assumed target themselves.
"""

from __future__ import annotations

import copy
import math
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, attrgetter, is_, itemgetter, le, mul, ne, sub
from typing import NoReturn

from argmap.errors import InvalidMapError, UnknownIdError
from argmap.model import ArgumentMap, ClaimId, RelationId, Support, take

__all__ = [
    "ATTACK",
    "RESOLVED",
    "SUPPORT",
    "UNDERCUT",
    "Graph",
    "Resolved",
    "Unusable",
    "strongly_connected",
]

#: Relation kinds, as stored in :attr:`Graph.kind`: a rebuttal of a claim, a support, and a
#: rebuttal of a relation (an undercut).
ATTACK, SUPPORT, UNDERCUT = 0, 1, 2

#: The type code of the arrays of node and relation numbers: 32 bits (half of what a list
#: of references to shared ints costs).
NODE = "i"

#: The base score of a claim that sets none.
DEFAULT_BASE_SCORE = 0.5

_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend
_get_id = attrgetter("id")
_get_target = attrgetter("target")
_get_premises = attrgetter("premises")
_get_score = attrgetter("base_score")
_first = itemgetter(0)
_SEVERAL = bytes([0, 0, *([1] * 254)])  # a premise count (at most 2) -> 1 if linked
# Translation tables over kind codes (ATTACK, SUPPORT, UNDERCUT).
_NOT_SUPPORT_2 = bytes([2, 0, 2, *([0] * 253)])
_IS_SUPPORT = bytes([0, 1, 0, *([0] * 253)])
_IS_REBUTTAL = bytes([1, 0, 0, *([0] * 253)])


#: The key under which a reader leaves :class:`Resolved` in a map's derived store.
RESOLVED = "resolved"


class Resolved:
    """What a reader found while reading a map: its ids resolved, as :class:`Graph` holds them.

    A reader resolves every premise and target by id anyway (to share the claims' own id
    strings); it leaves what it found with the map (:func:`argmap.model.leave`, under
    :data:`RESOLVED`) so that the index does not look every id up again. The fields are
    :class:`Graph`'s own and must be exactly what :meth:`Graph._index` would build from
    the map's objects (tests check this). A reader leaves them only when the claim ids are
    distinct and every relation has premises and resolves (a claim for each premise; a
    claim, or for a rebuttal a relation, for its target); otherwise the index is built
    from the objects, and refuses the map as ever.
    """

    __slots__ = (
        "claim_ids",
        "claim_index",
        "first",
        "kind",
        "more",
        "relation_ids",
        "target",
        "undercut_by",
    )

    def __init__(  # noqa: PLR0913 - one argument per column of the index
        self,
        *,
        claim_ids: list[ClaimId],
        claim_index: dict[ClaimId, int],
        relation_ids: list[RelationId],
        target: array[int],
        kind: bytearray,
        undercut_by: dict[int, list[int]],
        first: array[int],
        more: dict[int, tuple[int, ...]],
    ) -> None:
        self.claim_ids, self.claim_index, self.relation_ids = claim_ids, claim_index, relation_ids
        self.target, self.kind, self.undercut_by = target, kind, undercut_by
        self.first, self.more = first, more


class Graph:
    """The structure of a map as integer arrays (see the module docstring for numbering).

    Attributes:
        claims: how many claims (C).
        relations: how many relations (R).
        claim_ids: claim ids in map order.
        relation_ids: relation ids in map order.
        claim_index: claim id -> claim node.
        theses: the thesis nodes, in map order.
        base: per claim, its base score (``None`` in the map becomes 0.5).
        target: per relation, the node it targets (a claim, or a relation for undercuts).
        kind: per relation, SUPPORT, ATTACK (a rebuttal of a claim) or UNDERCUT.
        first: per relation, its first premise (a claim node).
        more: relation -> its further premises, for linked relations only.
        plain: per relation, 1 when it has one premise and nothing undercuts it (then it
            simply passes its premise on), else 0.
        code: per relation, ``8 * target + 2 * (0 for a support, else 1) + plain``: what
            the solvers' hot loops need, in one read (made when first asked).
        use_start, use_rel: per claim ``x``, the relations (as relation numbers ``j``)
            that cite it are ``use_rel[use_start[x]:use_start[x + 1]]`` (compact arrays:
            at a million claims, lists of lists cost a cache miss per element).
        undercut_by: relation number -> the relations (numbers) that undercut it.
        assumed: claim node -> True (assumed in) or False (assumed out), for a what-if
            question; an assumed claim has no inputs, and its base score is 1 or 0.
        detached: the relations (numbers) aimed at an assumed claim.
    """

    __slots__ = (
        "_code",
        "_in_counts",
        "_into",
        "assumed",
        "base",
        "claim_ids",
        "claim_index",
        "claims",
        "detached",
        "first",
        "kind",
        "more",
        "plain",
        "relation_ids",
        "relations",
        "target",
        "theses",
        "undercut_by",
        "use_rel",
        "use_start",
    )

    def __init__(self, m: ArgumentMap, *, refuse: bool = True) -> None:
        """Index ``m`` (no what-if question: see :meth:`asking`).

        Raises:
            InvalidMapError: if the map cannot be evaluated (with validate's account of
                why), or :class:`Unusable` instead when ``refuse`` is False.
        """
        try:
            self._index(m)
        except Unusable:
            if refuse:
                _refuse(m)
            raise

    def asking(
        self,
        m: ArgumentMap,
        *,
        base_scores: Mapping[ClaimId, float] | None = None,
        assumed: Mapping[ClaimId, bool] | None = None,
    ) -> Graph:
        """This index with a what-if question posed: ``base_scores`` and ``assumed``.

        The index itself is shared (a map's index is kept with the map and reused); the
        question gets its own base scores and cut relations. With no question, ``self``.

        Raises:
            UnknownIdError: if ``base_scores`` or ``assumed`` names no claim of the map.
        """
        if not base_scores and not assumed:
            return self
        g = copy.copy(self)
        g.base = array("d", self.base)
        g.assumed = {}
        for key, value in (base_scores or {}).items():
            g.base[self._claim(m, key, "base_scores")] = value
        for key, holds in (assumed or {}).items():
            x = self._claim(m, key, "assume")
            g.assumed[x] = holds
            g.base[x] = 1.0 if holds else 0.0
        kind, target = g.kind, g.target
        g.detached = frozenset(
            j for j in range(g.relations) if kind[j] != UNDERCUT and target[j] in g.assumed
        )
        g._into = g._in_counts = None  # noqa: SLF001 - the copy's own caches, emptied
        return g

    def _index(self, m: ArgumentMap) -> None:
        claims, relations = m.claims, m.relations
        c, r = len(claims), len(relations)
        self.claims, self.relations = c, r
        found: Resolved | None = take(m, RESOLVED)  # what the reader resolved, if it did
        if found is not None and (len(found.claim_ids) != c or len(found.relation_ids) != r):
            found = None  # (not this map's columns: a reader leaves those of the map it made)
        if found is not None:
            self.claim_ids, self.relation_ids = found.claim_ids, found.relation_ids
            index = self.claim_index = found.claim_index
        else:
            self.claim_ids = list(map(_get_id, claims))
            self.relation_ids = list(map(_get_id, relations))
            index = self.claim_index = dict(zip(self.claim_ids, range(c), strict=True))
        theses = list(map(index.get, m.theses))
        if len(index) != c or None in theses:
            raise Unusable
        self.theses: list[int] = theses  # type: ignore[assignment] # None was refused
        self.base = _base_scores(list(map(_get_score, claims)))
        if found is not None:
            self.target, self.kind, self.undercut_by = found.target, found.kind, found.undercut_by
            self.first, self.more = found.first, found.more
        else:
            self.target, self.kind, self.undercut_by = self._targets(m)
            self.first, self.more = self._premises(m)
        self.assumed: dict[int, bool] = {}
        self.detached: frozenset[int] = frozenset()
        plain = bytearray(b"\x01") * r
        for j in chain(self.more, self.undercut_by):
            plain[j] = 0
        self.plain = plain
        self.use_start, self.use_rel = self._uses()
        self._code: array[int] | None = None
        self._into: list[list[int]] | None = None
        self._in_counts: tuple[list[int], list[int]] | None = None

    def _uses(self) -> tuple[array[int], array[int]]:
        """Per claim, the relations citing it, in compact rows (``use_start``, ``use_rel``).

        A claim's row lists the relations whose first premise it is, in map order, then
        those of which it is a further premise, in map order.
        """
        first = self.first
        if not self.more and all(map(le, first, islice(first, 1, None))):
            # Already in premise order (maps written claim by claim): each run of one
            # claim is its row, and its length the claim's count, found in C from where
            # the runs begin, without a list per claim.
            n = len(first)
            begins = (
                [0, *compress(range(1, n), map(ne, first, islice(first, 1, None)))] if n else []
            )
            counts = [0] * self.claims
            lengths = map(sub, [*islice(begins, 1, None), n], begins)
            _consume(map(counts.__setitem__, map(first.__getitem__, begins), lengths))
            return array(NODE, accumulate(counts, initial=0)), array(NODE, range(n))
        # Otherwise a list per claim, filled in map order: faster than sorting the pairs
        # (a sort with a key reads each pair at random), at the cost of a list per claim.
        rows: list[list[int]] = [[] for _ in range(self.claims)]
        _consume(map(list.append, map(rows.__getitem__, first), range(self.relations)))
        for j, extra in self.more.items():
            for p in extra:
                rows[p].append(j)
        return (
            array(NODE, accumulate(map(len, rows), initial=0)),
            array(NODE, chain.from_iterable(rows)),
        )

    def _claim(self, m: ArgumentMap, key: str, what: str) -> int:
        """The node of the claim a what-if question names."""
        x = self.claim_index.get(key)  # type: ignore[call-overload]
        if x is None:
            msg = f"{what} names {key!r}, which is no claim of map {m.id!r}; use a claim id"
            raise UnknownIdError(msg, key)
        return x  # type: ignore[no-any-return]

    def _targets(self, m: ArgumentMap) -> tuple[array[int], bytearray, dict[int, list[int]]]:
        """Per relation its target node and kind; per undercut relation, its undercuts."""
        c, r = self.claims, self.relations
        kind = bytearray(map(isinstance, m.relations, repeat(Support)))  # SUPPORT, or ATTACK
        undercut_by: dict[int, list[int]] = {}
        # One pass reads the relations in order, another looks their targets up: faster
        # than both in one pass, which mixes reading in order with reading at random.
        targets = list(map(_get_target, m.relations))
        target: list[int | None] = list(map(self.claim_index.get, targets))
        if None in target:
            # Rebuttals of relations (undercuts); only then is a relation index needed.
            missing = list(compress(range(r), map(is_, target, repeat(None))))
            wanted = set(map(targets.__getitem__, missing))
            where: dict[str, int] = {}
            for j in compress(range(r), map(wanted.__contains__, self.relation_ids)):
                where.setdefault(self.relation_ids[j], j)
            for j in missing:
                hit = where.get(targets[j])
                if hit is None or kind[j] == SUPPORT:
                    raise Unusable
                target[j] = c + hit
                kind[j] = UNDERCUT
                undercut_by.setdefault(hit, []).append(j)
        return array(NODE, target), kind, undercut_by  # type: ignore[arg-type] # None resolved

    def _premises(self, m: ArgumentMap) -> tuple[array[int], dict[int, tuple[int, ...]]]:
        """Per relation its first premise; for linked relations, the others."""
        premises = list(map(_get_premises, m.relations))
        counts = list(map(len, premises))  # one pass over the tuples, then over small ints
        if 0 in counts:
            raise Unusable
        index = self.claim_index
        try:
            first = array(NODE, list(map(index.__getitem__, list(map(_first, premises)))))
            more: dict[int, tuple[int, ...]] = {}
            if sum(counts) != len(counts):  # some relation has several premises
                several = bytes(map(min, counts, repeat(2))).translate(_SEVERAL)
                more = {
                    j: tuple(map(index.__getitem__, premises[j][1:]))
                    for j in compress(range(self.relations), several)
                }
        except KeyError:
            raise Unusable from None
        return first, more

    @property
    def code(self) -> array[int]:
        """Per relation, what the hot loops read about it in one number (one memory access).

        That is ``8 * target + 2 * (1 unless it is a support) + plain``; made when first
        asked (a plain attack graph's grounded labels need none of it).
        """
        if self._code is None:
            flags = bytes(map(add, self.kind.translate(_NOT_SUPPORT_2), self.plain))
            self._code = array("q", map(add, map(mul, self.target, repeat(8)), flags))
        return self._code

    @property
    def size(self) -> int:
        """Claims and relations together."""
        return self.claims + self.relations

    def node_id(self, node: int) -> str:
        """The id of a claim or relation node."""
        c = self.claims
        return self.claim_ids[node] if node < c else self.relation_ids[node - c]

    def uses(self, claim: int) -> Sequence[int]:
        """The relations (numbers ``j``) that cite this claim."""
        return self.use_rel[self.use_start[claim] : self.use_start[claim + 1]]

    def in_counts(self) -> tuple[list[int], list[int]]:
        """Per claim, how many supports and how many rebuttals target it."""
        if self._in_counts is None:
            c, kind, target = self.claims, self.kind, self.target
            supports, rebuttals = [0] * c, [0] * c
            # Each count is set in the order the counter holds them (in C): looking every
            # claim up in the counter instead would read its table at random.
            if SUPPORT in kind:
                found = Counter(compress(target, kind.translate(_IS_SUPPORT)))
                _consume(map(supports.__setitem__, found.keys(), found.values()))
            if ATTACK in kind:
                attacks = kind.translate(_IS_REBUTTAL)
                every = attacks.count(1) == len(attacks)
                found = Counter(target if every else compress(target, attacks))
                _consume(map(rebuttals.__setitem__, found.keys(), found.values()))
            for x in self.assumed:
                supports[x] = rebuttals[x] = 0
            self._in_counts = supports, rebuttals
        return self._in_counts

    def premises(self, j: int) -> tuple[int, ...]:
        """The premise nodes of relation ``j``."""
        extra = self.more.get(j)
        return (self.first[j], *extra) if extra else (self.first[j],)

    def into(self) -> list[list[int]]:
        """Per claim, the relations (numbers) that target it: its supports and rebuttals."""
        if self._into is None:
            c = self.claims
            into: list[list[int]] = [[] for _ in range(c)]
            kind = self.kind
            cut = self.detached
            js = [j for j in range(self.relations) if kind[j] != UNDERCUT and j not in cut]
            _consume(map(list.append, map(into.__getitem__, map(self.target.__getitem__, js)), js))
            self._into = into
        return self._into

    def inputs(self, node: int) -> Iterable[int]:
        """The nodes a node's status depends on.

        For a claim, the relations into it; for a relation, its premises and undercuts.
        """
        c = self.claims
        if node < c:
            return (c + j for j in self.into()[node])
        j = node - c
        return (*self.premises(j), *(c + u for u in self.undercut_by.get(j, ())))

    def consumer_rows(self) -> tuple[list[int], list[int]]:
        """Every node's consumers in compressed rows, for :func:`strongly_connected`.

        A claim's consumers are the relations that cite it; a relation's, its target
        (none when that is an assumed claim).
        """
        c = self.claims
        targets = [c + j for j in self.use_rel]
        base = len(targets)
        if not self.detached:
            targets.extend(self.target)
            start = [*self.use_start, *range(base + 1, base + self.relations + 1)]
            return start, targets
        start = list(self.use_start)
        cut = self.detached
        for j, t in enumerate(self.target):
            if j not in cut:
                targets.append(t)
            start.append(len(targets))
        return start, targets

    def consumers(self, node: int) -> Sequence[int]:
        """The nodes whose status depends on this node."""
        c = self.claims
        if node < c:
            return [c + j for j in self.uses(node)]
        j = node - c
        return () if j in self.detached else (self.target[j],)


def strongly_connected(start: Sequence[int], targets: Sequence[int]) -> list[list[int]]:  # noqa: C901 - Tarjan, unrolled
    """The strongly connected components of a graph, by Tarjan's algorithm without recursion.

    The graph is given in compressed rows: node ``v`` (``0 <= v < len(start) - 1``) has
    the successors ``targets[start[v]:start[v + 1]]``. Roots are taken in node order and
    successors in the order given, so the result depends only on the graph. A component
    comes after every component it reaches (a reverse topological order); its members are
    in the order Tarjan's stack gives them up.

    This is argmap's one SCC: :func:`argmap.validate` finds circles of support with it,
    and the explanations order a map's components with it.
    """
    n = len(start) - 1
    index = [-1] * n
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    emitted: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, start[root])]
        while work:
            node, at = work[-1]
            end = start[node + 1]
            descended = False
            while at < end:
                nxt = targets[at]
                at += 1
                if index[nxt] < 0:
                    work[-1] = (node, at)
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = 1
                    work.append((nxt, start[nxt]))
                    descended = True
                    break
                if on_stack[nxt] and index[nxt] < low[node]:
                    low[node] = index[nxt]
            if descended:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members: list[int] = []
                while True:
                    w = stack.pop()
                    on_stack[w] = 0
                    members.append(w)
                    if w == node:
                        break
                emitted.append(members)
    return emitted


def _base_scores(given: list[float | None]) -> array[float]:
    """Base scores with the default filled in; refuse anything but numbers in [0, 1]."""
    scores = [DEFAULT_BASE_SCORE if s is None else s for s in given]
    if not set(map(type, scores)) <= {float, int}:  # bool, str and the like
        raise Unusable
    if scores and (min(scores) < 0.0 or max(scores) > 1.0 or any(map(math.isnan, scores))):
        raise Unusable
    return array("d", map(float, scores))


class Unusable(Exception):  # noqa: N818 - a signal between Graph and its callers
    """The map cannot be indexed for evaluation (validate says why)."""


def _refuse(m: ArgumentMap) -> NoReturn:
    """Raise InvalidMapError with validate's own account of what is wrong."""
    from argmap.validate import validate

    problems = [p for p in validate(m) if p.is_error]
    raise InvalidMapError(problems, subject=f"map {m.id!r} cannot be evaluated: it")
