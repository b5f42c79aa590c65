"""Which source, claim and relation of one map is which of the other.

The rules, in order (README, "Comparing maps", says the same):

* **Sources** match by id; the rest match by title: a pair whose titles have a
  :func:`~argmap.diff.words.similarity` of at least :data:`RENAME_THRESHOLD` is one source
  renamed.
* **Claims** match by id; the rest match when their texts have a similarity of at least
  :data:`RENAME_THRESHOLD`, or their quotes (source, after matching the sources, and
  passage) overlap that much (``2·shared / (m + n)``): one claim renamed.
* **Relations** match by id; the rest match by shape once claims are matched: the same
  kind (support or rebuttal), the same premises in any order and the same target
  (repeated, since an undercut's target is a relation that may match only in the round
  before). What is still unmatched matches on the same premises with the same kind or
  target, or with the same kind and target on shared premises: one relation renamed that
  was also retargeted, turned from support to rebuttal, or given other premises.

Where several pairs qualify, the best score goes first, then the pair whose positions
among the unmatched things of each map lie closest, then the ids; so the matching is the
same whichever map comes first, and renaming every id of a map (keeping its order)
matches every element to itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from argmap.diff.values import Rename
from argmap.diff.words import lcs_length, words
from argmap.model import ArgumentMap, Claim, Quote, Rebuttal, Relation, RelationId, Source

__all__ = ["RENAME_THRESHOLD", "Matching", "match"]

#: The least similarity of text, title or quotes at which two things with different ids
#: are one thing renamed (from 0 to 1; 1 asks for the same words).
RENAME_THRESHOLD = 0.6


@attrs.frozen(kw_only=True)
class Unmatched:
    """What a reference to something the other map lacks becomes: equal to nothing there."""

    id: str


#: A translated reference: an id of the later map, or an unmatched thing of the earlier.
Ref = str | Unmatched


@attrs.define(kw_only=True)
class Matching:
    """The pairs found: earlier id -> later id for sources, claims and relations.

    Attributes:
        sources: matched sources.
        claims: matched claims.
        relations: matched relations.
        renames: per part ("sources", "claims", "relations"), the pairs whose ids differ.
        before: the earlier map.
        after: the later map.
    """

    before: ArgumentMap
    after: ArgumentMap
    sources: dict[str, str] = attrs.Factory(dict)
    claims: dict[str, str] = attrs.Factory(dict)
    relations: dict[str, str] = attrs.Factory(dict)
    renames: dict[str, list[Rename]] = attrs.Factory(
        lambda: {"sources": [], "claims": [], "relations": []}
    )

    def source(self, sid: str) -> Ref:
        """The later id of an earlier source reference."""
        if sid in self.before.sources_by_id:
            return self.sources.get(sid) or Unmatched(id=sid)
        return sid

    def claim(self, cid: str) -> Ref:
        """The later id of an earlier claim reference (an unknown id stays as it is)."""
        if cid in self.before.claims_by_id:
            return self.claims.get(cid) or Unmatched(id=cid)
        return cid

    def target(self, tid: str) -> Ref:
        """The later id of an earlier relation's target, a claim or a relation."""
        if tid in self.before.claims_by_id:
            return self.claim(tid)
        if tid in self.before.relations_by_id:
            return self.relations.get(tid) or Unmatched(id=tid)
        return tid

    def quotes(self, quotes: Iterable[Quote]) -> tuple[tuple[Ref, str], ...]:
        """Quotes as (later source, passage) pairs."""
        return tuple((self.source(q.source), q.text) for q in quotes)

    def premises(self, r: Relation) -> tuple[Ref, ...]:
        """A relation's premises, translated."""
        return tuple(self.claim(p) for p in r.premises)


def match(a: ArgumentMap, b: ArgumentMap, threshold: float = RENAME_THRESHOLD) -> Matching:
    """Match the sources, claims and relations of ``a`` (earlier) to those of ``b``."""
    m = Matching(before=a, after=b)
    _match_sources(m, threshold)
    _match_claims(m, threshold)
    _match_relations(m)
    return m


# -- pairing --------------------------------------------------------------------------------

#: A candidate pair: (score, rule, index among the earlier unmatched, among the later).
_Candidate = tuple[float, str, int, int]
#: The keys (quotes) a claim is matched on, for one map.
_Keys = Callable[[Any], frozenset[Hashable]]


def _pair(
    m: Matching,
    part: str,
    left: Sequence[tuple[int, str]],
    right: Sequence[tuple[int, str]],
    candidates: Iterable[_Candidate],
) -> int:
    """Take candidate pairs best first (the module docstring's order); return how many.

    ``left`` and ``right`` are the unmatched (position in the map, id) of each map.
    """
    table: dict[str, dict[str, str]] = {
        "sources": m.sources,
        "claims": m.claims,
        "relations": m.relations,
    }
    pairs = table[part]

    def key(c: _Candidate) -> tuple[float, int, str, str]:
        x, y = left[c[2]][1], right[c[3]][1]
        return -c[0], abs(c[2] - c[3]), min(x, y), max(x, y)

    taken_left: set[int] = set()
    taken_right: set[int] = set()
    found = 0
    for score, rule, i, j in sorted(candidates, key=key):
        if i in taken_left or j in taken_right:
            continue
        taken_left.add(i)
        taken_right.add(j)
        (ia, x), (jb, y) = left[i], right[j]
        pairs[x] = y
        m.renames[part].append(
            Rename(before=x, after=y, rule=rule, score=score, before_index=ia, after_index=jb)
        )
        found += 1
    return found


def _unmatched(
    items: Sequence[Any], pairs: Mapping[str, str], *, later: bool
) -> list[tuple[int, str]]:
    taken = set(pairs.values()) if later else set(pairs)
    return [(i, x.id) for i, x in enumerate(items) if x.id not in taken]


def _similar_words(
    left: Sequence[tuple[str, ...]],
    right: Sequence[tuple[str, ...]],
    open_left: Iterable[int],
    open_right: Iterable[int],
    threshold: float,
) -> Iterator[tuple[float, int, int]]:
    """The pairs of texts (as words) whose similarity reaches ``threshold``, below 1.

    The words two texts share bound their common subsequence from above; only the pairs
    that bound lets through are compared in full.
    """
    postings: dict[str, list[tuple[int, int]]] = {}
    for j in open_right:
        for word, n in Counter(right[j]).items():
            postings.setdefault(word, []).append((j, n))
    for i in open_left:
        w = left[i]
        shared: dict[int, int] = {}
        for word, n in Counter(w).items():
            for j, k in postings.get(word, ()):
                shared[j] = shared.get(j, 0) + min(n, k)
        for j, common in shared.items():
            total = len(w) + len(right[j])
            if right[j] == w or 2 * common < threshold * total:
                continue
            score = 2 * lcs_length(w, right[j]) / total
            if score >= threshold:
                yield score, i, j


def _similar_sets(
    left: Sequence[frozenset[Hashable]],
    right: Sequence[frozenset[Hashable]],
    open_left: Iterable[int],
    open_right: Iterable[int],
    threshold: float,
) -> Iterator[tuple[float, int, int]]:
    """The pairs of sets whose overlap ``2·shared / (m + n)`` reaches ``threshold``."""
    postings: dict[Hashable, list[int]] = {}
    for j in open_right:
        for x in right[j]:
            postings.setdefault(x, []).append(j)
    for i in open_left:
        shared: Counter[int] = Counter()
        for x in left[i]:
            shared.update(postings.get(x, ()))
        for j, n in shared.items():
            score = 2 * n / (len(left[i]) + len(right[j]))
            if score >= threshold:
                yield score, i, j


def _same(left: Sequence[Hashable], right: Sequence[Hashable], rule: str) -> Iterator[_Candidate]:
    """The pairs whose keys are equal (keys that are empty never match)."""
    where: dict[Hashable, list[int]] = {}
    for j, key in enumerate(right):
        if key:
            where.setdefault(key, []).append(j)
    for i, key in enumerate(left):
        if key:
            for j in where.get(key, ()):
                yield 1.0, rule, i, j


def _match_by_text(  # noqa: PLR0913 - the two maps' parts and how to read them
    m: Matching,
    part: str,
    before: Sequence[Any],
    after: Sequence[Any],
    *,
    text: Callable[[Any], str],
    threshold: float,
    noun: str,
    quotes: tuple[_Keys, _Keys] | None = None,
) -> None:
    """Match by id, then by the same text or quotes, then by similar text or quotes.

    Pairs that are the same (a score of 1) are taken first, as the best-first order
    would; then only the pairs still open are scored for similarity, in the same
    positions, so the outcome is the one a single best-first pass over all pairs gives.
    """
    pairs: dict[str, str] = getattr(m, part)
    later_ids = {x.id for x in after}
    for x in before:
        if x.id in later_ids:
            pairs[x.id] = x.id
    left = _unmatched(before, pairs, later=False)
    right = _unmatched(after, pairs, later=True)
    if not left or not right:
        return
    by_id_before = {x.id: x for x in before}
    by_id_after = {x.id: x for x in after}
    ltext = [text(by_id_before[x]) for _, x in left]
    rtext = [text(by_id_after[y]) for _, y in right]
    lw, rw = [words(t) for t in ltext], [words(t) for t in rtext]
    # Texts without words (punctuation only) are the same when equal but for case and space.
    lbare = ["" if w else _bare(t) or " " for w, t in zip(lw, ltext, strict=True)]
    rbare = ["" if w else _bare(t) or " " for w, t in zip(rw, rtext, strict=True)]
    same = [*_same(lw, rw, f"same {noun}"), *_same(lbare, rbare, f"same {noun}")]
    lq: list[frozenset[Hashable]] = []
    rq: list[frozenset[Hashable]] = []
    if quotes is not None:
        lq = [quotes[0](by_id_before[x]) for _, x in left]
        rq = [quotes[1](by_id_after[y]) for _, y in right]
        same.extend(_same(lq, rq, "same quotes"))
    _pair(m, part, left, right, same)
    taken_before, taken_after = set(pairs), set(pairs.values())
    open_left = [i for i, (_, x) in enumerate(left) if x not in taken_before]
    open_right = [j for j, (_, y) in enumerate(right) if y not in taken_after]
    if not open_left or not open_right:
        return
    found: dict[tuple[int, int], tuple[float, str]] = {}
    for score, i, j in _similar_words(lw, rw, open_left, open_right, threshold):
        found[i, j] = (score, f"similar {noun}")
    if quotes is not None:
        for score, i, j in _similar_sets(lq, rq, open_left, open_right, threshold):
            if score > found.get((i, j), (-1.0, ""))[0]:
                found[i, j] = (score, "similar quotes")
    _pair(m, part, left, right, [(s, rule, i, j) for (i, j), (s, rule) in found.items()])


def _bare(text: str) -> str:
    return text.strip().casefold()


def _match_sources(m: Matching, threshold: float) -> None:
    _match_by_text(
        m,
        "sources",
        m.before.sources,
        m.after.sources,
        text=_source_title,
        threshold=threshold,
        noun="title",
    )


def _source_title(s: Source) -> str:
    return s.title


def _match_claims(m: Matching, threshold: float) -> None:
    def earlier(c: Claim) -> frozenset[Hashable]:
        return frozenset(m.quotes(c.quotes))

    def later(c: Claim) -> frozenset[Hashable]:
        return frozenset((q.source, q.text) for q in c.quotes)

    _match_by_text(
        m,
        "claims",
        m.before.claims,
        m.after.claims,
        text=_claim_text,
        threshold=threshold,
        noun="text",
        quotes=(earlier, later),
    )


def _claim_text(c: Claim) -> str:
    return c.text


# -- relations -----------------------------------------------------------------------------


def _kind(r: Relation) -> str:
    return "rebuttal" if isinstance(r, Rebuttal) else "support"


def _match_relations(m: Matching) -> None:
    a, b = m.before, m.after
    for r in a.relations:
        if r.id in b.relations_by_id:
            m.relations[r.id] = r.id
    while _by_shape(m) + _by_premises(m):
        pass


def _by_shape(m: Matching) -> int:
    """Match unmatched relations of the same kind, premises (as a set) and target; repeat."""
    total = 0
    while True:
        left = _unmatched(m.before.relations, m.relations, later=False)
        right = _unmatched(m.after.relations, m.relations, later=True)
        if not left or not right:
            return total
        index: dict[tuple[object, ...], list[int]] = {}
        for j, (_, y) in enumerate(right):
            r = m.after.relations_by_id[RelationId(y)]
            index.setdefault((_kind(r), frozenset(r.premises), r.target), []).append(j)
        candidates: list[_Candidate] = []
        for i, (_, x) in enumerate(left):
            r = m.before.relations_by_id[RelationId(x)]
            shape = (_kind(r), frozenset(m.premises(r)), m.target(r.target))
            candidates.extend((1.0, "same shape", i, j) for j in index.get(shape, ()))
        found = _pair(m, "relations", left, right, candidates)
        if not found:
            return total
        total += found


def _by_premises(m: Matching) -> int:
    """Match unmatched relations that share premises and agree on kind or target."""
    left = _unmatched(m.before.relations, m.relations, later=False)
    right = _unmatched(m.after.relations, m.relations, later=True)
    if not left or not right:
        return 0
    postings: dict[object, list[int]] = {}
    shapes = []
    for j, (_, y) in enumerate(right):
        r = m.after.relations_by_id[RelationId(y)]
        shapes.append((_kind(r), frozenset[object](r.premises), r.target))
        for p in set(r.premises):
            postings.setdefault(p, []).append(j)
    candidates: list[_Candidate] = []
    for i, (_, x) in enumerate(left):
        r = m.before.relations_by_id[RelationId(x)]
        kind, premises, target = _kind(r), frozenset[object](m.premises(r)), m.target(r.target)
        for j in sorted({j for p in premises for j in postings.get(p, ())}):
            other_kind, other_premises, other_target = shapes[j]
            same_premises = premises == other_premises
            agree = (kind == other_kind) + (target == other_target)
            if (same_premises and agree >= 1) or agree == 2:
                score = len(premises & other_premises) / len(premises | other_premises)
                rule = "same premises" if same_premises else "shared premises"
                candidates.append((score, rule, i, j))
    return _pair(m, "relations", left, right, candidates)
