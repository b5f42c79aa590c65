"""Edited copies of maps: what :func:`argmap.diff` has to find.

:func:`edit_map` makes random edits of every kind a diff reports (a claim reworded,
renamed, added as an objection or removed; a relation retargeted, turned from support to
rebuttal, given a premise more or less; tags, quotes, qualifiers, base scores, theses,
verdicts, sources, the title and the order of claims) with a :class:`random.Random`, so a
benchmark can repeat them from a seed; :func:`edited_maps` draws a map and an edited copy
of it for Hypothesis. Every edit keeps the map one :func:`argmap.evaluate` accepts.
:func:`rename_ids` gives every id of a map a new name and changes nothing else.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs
from hypothesis import strategies as st

from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    Source,
    Support,
    Verdict,
)
from argmap.strategies.maps import argument_maps

__all__ = ["EDITS", "edit_map", "edited_maps", "rename_ids"]

_WORDS = ("lanes", "costs", "rarely", "council", "evidence", "risk", "alliance", "Japan", "may")

_Edit = Callable[[ArgumentMap, random.Random], ArgumentMap | None]


def rename_ids(m: ArgumentMap, rename: Callable[[str], str] | None = None) -> ArgumentMap:
    """``m`` with every id renamed (claims, relations, sources, the map's own), all else kept.

    Args:
        m: the map.
        rename: the new id of each old one (default: ``"renamed-"`` in front); it must
            give different ids for different ones.
    """
    new = rename if rename is not None else (lambda x: f"renamed-{x}")
    claims: dict[str, str] = {c.id: new(c.id) for c in m.claims}
    relations: dict[str, str] = {r.id: new(r.id) for r in m.relations}
    sources: dict[str, str] = {s.id: new(s.id) for s in m.sources}
    return attrs.evolve(
        m,
        id=new(m.id),
        sources=[attrs.evolve(s, id=sources[s.id]) for s in m.sources],
        claims=[
            attrs.evolve(
                c,
                id=claims[c.id],
                quotes=[Quote(sources.get(q.source, q.source), q.text) for q in c.quotes],
            )
            for c in m.claims
        ],
        relations=[
            attrs.evolve(
                r,
                id=relations[r.id],
                premises=[claims.get(p, p) for p in r.premises],
                target=claims.get(r.target) or relations.get(r.target) or r.target,
            )
            for r in m.relations
        ],
        theses=[claims.get(t, t) for t in m.theses],
        verdicts={claims.get(k, k): v for k, v in m.verdicts.items()},
    )


def edit_map(m: ArgumentMap, edits: int, rng: random.Random) -> ArgumentMap:
    """``m`` after ``edits`` random edits (of the kinds in :data:`EDITS`), drawn with ``rng``.

    An edit that does not apply to the map as it stands (no relation to retarget, say) is
    drawn again; after a hundred misses in a row the map is returned as it is.
    """
    for _ in range(edits):
        for _ in range(100):
            edited = EDITS[rng.choice(sorted(EDITS))](m, rng)
            if edited is not None:
                m = edited
                break
    return m


@st.composite
def edited_maps(
    draw: st.DrawFn,
    maps: st.SearchStrategy[ArgumentMap] | None = None,
    *,
    min_edits: int = 1,
    max_edits: int = 6,
) -> tuple[ArgumentMap, ArgumentMap]:
    """Draw a map (from ``maps``, by default :func:`argument_maps`) and an edited copy.

    Args:
        draw: supplied by Hypothesis.
        maps: the strategy for the first map.
        min_edits: the fewest edits.
        max_edits: the most edits.
    """
    before = draw(maps if maps is not None else argument_maps())
    rng = draw(st.randoms(use_true_random=False))
    return before, edit_map(before, draw(st.integers(min_edits, max_edits)), rng)


# -- the edits -------------------------------------------------------------------------------


def _fresh(m: ArgumentMap, stem: str, rng: random.Random) -> str:
    while True:
        candidate = f"{stem}-{rng.randrange(1_000_000)}"
        if candidate not in m and candidate not in m.sources_by_id:
            return candidate


def _claim(m: ArgumentMap, rng: random.Random, *, thesis: bool = True) -> Claim | None:
    pool = [c for c in m.claims if thesis or c.id not in m.theses]
    return rng.choice(pool) if pool else None


def _replace_claim(m: ArgumentMap, c: Claim) -> ArgumentMap:
    return attrs.evolve(m, claims=[c if x.id == c.id else x for x in m.claims])


def _replace_relation(m: ArgumentMap, old: Relation, new: Relation) -> ArgumentMap:
    return attrs.evolve(m, relations=[new if r.id == old.id else r for r in m.relations])


def _reword(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng)
    if c is None:
        return None
    words = c.text.split() or [c.text]
    at = rng.randrange(len(words))
    words[at : at + rng.choice((0, 1))] = [rng.choice(_WORDS)]
    text = " ".join(words)
    return None if text == c.text else _replace_claim(m, attrs.evolve(c, text=text))


def _rename_claim(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng)
    if c is None:
        return None
    new = _fresh(m, "renamed", rng)
    return rename_ids(m, lambda x: new if x == c.id else x)


def _rename_relation(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    if not m.relations:
        return None
    old = rng.choice(m.relations).id
    new = _fresh(m, "renamed", rng)
    return rename_ids(m, lambda x: new if x == old else x)


def _add_objection(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    target = _claim(m, rng)
    if target is None:
        return None
    cid = _fresh(m, "objection", rng)
    claim = Claim(cid, f"An objection: {rng.choice(_WORDS)} {rng.choice(_WORDS)}.")
    rebuttal = Rebuttal(f"{cid}--rebuts--{target.id}", [cid], target.id)
    return attrs.evolve(m, claims=[*m.claims, claim], relations=[*m.relations, rebuttal])


def _remove_claim(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng, thesis=False)
    return None if c is None else m.without_claim(c.id)


def _on_claims(m: ArgumentMap) -> list[Relation]:
    """The relations aimed at a claim (a support of a relation would be no valid map)."""
    return [r for r in m.relations if r.target in m.claims_by_id]


def _retarget(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    relations = _on_claims(m)
    if not relations:
        return None
    r = rng.choice(relations)
    targets = [c.id for c in m.claims if c.id not in r.premises and c.id != r.target]
    if not targets:
        return None
    return _replace_relation(m, r, attrs.evolve(r, target=rng.choice(targets)))


def _flip_kind(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    relations = _on_claims(m)
    if not relations:
        return None
    r = rng.choice(relations)
    other = Support if isinstance(r, Rebuttal) else Rebuttal
    flipped = other(r.id, r.premises, r.target, label=r.label, scheme=r.scheme, meta=r.meta)
    return _replace_relation(m, r, flipped)


def _link_premise(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    if not m.relations:
        return None
    r = rng.choice(m.relations)
    extra = [c.id for c in m.claims if c.id not in r.premises and c.id != r.target]
    if not extra:
        return None
    return _replace_relation(m, r, attrs.evolve(r, premises=[*r.premises, rng.choice(extra)]))


def _unlink_premise(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    linked = [r for r in m.relations if r.linked]
    if not linked:
        return None
    r = rng.choice(linked)
    premises = list(r.premises)
    premises.pop(rng.randrange(len(premises)))
    return _replace_relation(m, r, attrs.evolve(r, premises=premises))


def _retag(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng)
    if c is None:
        return None
    tags = list(c.tags)
    if tags and rng.random() < 0.5:
        tags.pop(rng.randrange(len(tags)))
    else:
        tag = rng.choice(_WORDS).lower()
        if tag in tags:
            return None
        tags.append(tag)
    return _replace_claim(m, attrs.evolve(c, tags=tags))


def _requote(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng)
    if c is None or c.implicit:
        return None
    quotes = list(c.quotes)
    if quotes and (rng.random() < 0.5 or not m.sources):
        quotes.pop(rng.randrange(len(quotes)))
    elif m.sources:
        quotes.append(Quote(rng.choice(m.sources).id, f"{rng.choice(_WORDS)} said"))
    else:
        return None
    return _replace_claim(m, attrs.evolve(c, quotes=quotes))


def _toggle_implicit(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng, thesis=False)
    if c is None or c.quotes:
        return None
    return _replace_claim(m, attrs.evolve(c, implicit=not c.implicit))


def _qualify(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng)
    if c is None:
        return None
    qualifier = "" if c.qualifier else f"it {rng.choice(_WORDS)} seem so"
    return _replace_claim(m, attrs.evolve(c, qualifier=qualifier))


def _rescore(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng)
    if c is None:
        return None
    score = rng.choice((None, round(rng.random(), 2)))
    return None if score == c.base_score else _replace_claim(m, attrs.evolve(c, base_score=score))


def _add_thesis(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    c = _claim(m, rng, thesis=False)
    return None if c is None else m.with_thesis(c.id)


def _drop_thesis(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    if len(m.theses) < 2:
        return None
    t = rng.choice(m.theses)
    return attrs.evolve(
        m,
        theses=[x for x in m.theses if x != t],
        verdicts={k: v for k, v in m.verdicts.items() if k != t},
    )


def _verdict(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    if not m.theses:
        return None
    t = rng.choice(m.theses)
    verdicts = dict(m.verdicts)
    choices = [v for v in (None, *Verdict) if v != verdicts.get(ClaimId(t))]
    new = rng.choice(choices)
    if new is None:
        del verdicts[ClaimId(t)]
    else:
        verdicts[ClaimId(t)] = new
    return attrs.evolve(m, verdicts=verdicts)


def _retitle_source(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    if not m.sources:
        return None
    s = rng.choice(m.sources)
    retitled = attrs.evolve(s, title=f"{s.title} ({rng.choice(_WORDS)})")
    return attrs.evolve(m, sources=[retitled if x.id == s.id else x for x in m.sources])


def _add_source(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    sid = _fresh(m, "source", rng)
    return m.with_source(Source(sid, f"A new source on {rng.choice(_WORDS)}"))


def _retitle_map(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    return attrs.evolve(m, title=f"{m.title} ({rng.choice(_WORDS)})")


def _reorder(m: ArgumentMap, rng: random.Random) -> ArgumentMap | None:
    if len(m.claims) < 2:
        return None
    claims = list(m.claims)
    i, j = rng.sample(range(len(claims)), 2)
    claims[i], claims[j] = claims[j], claims[i]
    return attrs.evolve(m, claims=claims)


#: Every kind of edit, by name.
EDITS: dict[str, _Edit] = {
    "reword": _reword,
    "rename-claim": _rename_claim,
    "rename-relation": _rename_relation,
    "add-objection": _add_objection,
    "remove-claim": _remove_claim,
    "retarget": _retarget,
    "flip-kind": _flip_kind,
    "link-premise": _link_premise,
    "unlink-premise": _unlink_premise,
    "retag": _retag,
    "requote": _requote,
    "toggle-implicit": _toggle_implicit,
    "qualify": _qualify,
    "rescore": _rescore,
    "add-thesis": _add_thesis,
    "drop-thesis": _drop_thesis,
    "verdict": _verdict,
    "retitle-source": _retitle_source,
    "add-source": _add_source,
    "retitle-map": _retitle_map,
    "reorder": _reorder,
}
