"""The strategy for valid maps: each claim attaches to one drawn earlier.

So the maps are connected and free of circular support by construction; every kind of
relation, linked premises, several theses, quotes, tags, notes, base scores and verdicts
all occur.
"""

from __future__ import annotations

from collections.abc import Mapping

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
from argmap.strategies.values import pick, slugs, texts

__all__ = ["argument_maps"]

_ACTIONS = ("support", "rebuttal", "undercut", "link")

# Strategies built once: building them inside a draw loop costs more than drawing.
_SLUG = slugs()
_TEXT = texts()
_TAGS = st.lists(_SLUG, max_size=2, unique=True)
_SCORE = st.none() | st.floats(0.0, 1.0)
_BOOL = st.booleans()


@st.composite
def argument_maps(  # noqa: PLR0913 - each knob is a keyword with a default
    draw: st.DrawFn,
    *,
    min_claims: int = 1,
    max_claims: int = 12,
    max_theses: int = 3,
    text: st.SearchStrategy[str] | None = None,
    undercuts: bool = True,
    ids: st.SearchStrategy[str] | None = None,
    meta: st.SearchStrategy[Mapping[str, object]] | None = None,
    labels: st.SearchStrategy[str] | None = None,
) -> ArgumentMap:
    """Draw a valid map (``validate(m) == ()``).

    Args:
        draw: supplied by Hypothesis.
        min_claims: the fewest claims, theses included.
        max_claims: the most claims, theses included.
        max_theses: the most theses (at least one is drawn).
        text: the strategy for claim texts, quotes and titles (default :func:`texts`).
        undercuts: whether rebuttals may target relations.
        ids: the strategy for every id (map, claims, relations, sources); by default
            claims, sources and the map get :func:`slugs` and relations ``<claim>--<kind>``.
            Given, relations also get ids of the form a single-premise Argdown relation
            reads as (``a--supports--b``) now and then.
        meta: the strategy for the metadata of the map, its claims and relations (by
            default they have none); :func:`metadata`, for example.
        labels: the strategy for relation labels and schemes (by default they have none).
    """
    text = text if text is not None else _TEXT
    n_claims = draw(st.integers(max(1, min_claims), max(1, min_claims, max_claims)))
    n_theses = draw(st.integers(1, max(1, min(max_theses, n_claims))))
    pool: list[str] = []
    if ids is None:
        ids_ = draw(st.lists(_SLUG, min_size=n_claims, max_size=n_claims, unique=True))
        source_ids = draw(st.lists(_SLUG, min_size=1, max_size=2, unique=True))
    else:
        pool = draw(st.lists(ids, min_size=2 * n_claims, max_size=2 * n_claims, unique=True))
        ids_, pool = pool[:n_claims], pool[n_claims:]
        source_ids = draw(st.lists(ids, min_size=1, max_size=2, unique=True))
    sources = tuple(
        Source(
            sid,
            draw(text),
            author=pick(draw, ["", "A. Author"]),
            url=pick(draw, ["", f"https://example.org/{sid}"]),
        )
        for sid in source_ids
    )
    actions = [a for a in _ACTIONS if undercuts or a != "undercut"]

    claims: list[Claim] = []
    relations: list[Relation] = []
    taken = set(ids_) | set(pool)

    def relation_id(cid: str, action: str, target: str) -> str:
        if ids is None:
            return f"{cid}--{action}"
        verb = {"support": "supports", "rebuttal": "rebuts", "undercut": "undercuts"}[action]
        canonical = f"{cid}--{verb}--{target}"
        if canonical not in taken and draw(_BOOL):
            taken.add(canonical)
            return canonical
        return pool.pop()

    for i, cid in enumerate(ids_):
        is_thesis = i < n_theses
        implicit = not is_thesis and draw(_BOOL)
        quotes: tuple[Quote, ...] = ()
        if not implicit:
            quotes = tuple(
                Quote(pick(draw, source_ids), draw(text)) for _ in range(draw(st.integers(0, 2)))
            )
        claims.append(
            Claim(
                cid,
                draw(text),
                implicit=implicit,
                quotes=quotes,
                tags=draw(_TAGS),
                note=pick(draw, ["", "a note"]),
                qualifier=pick(draw, ["", "", "it remains to be seen"]),
                base_score=draw(_SCORE),
                meta=draw(meta) if meta is not None else None,
            )
        )
        if is_thesis:
            continue
        action = pick(draw, actions if relations else actions[:2])
        if action == "link":
            k = draw(st.integers(0, len(relations) - 1))
            r = relations[k]
            relations[k] = attrs.evolve(r, premises=(*r.premises, ClaimId(cid)))
            continue
        target = pick(draw, relations).id if action == "undercut" else pick(draw, ids_[:i])
        kind = Support if action == "support" else Rebuttal
        relations.append(
            kind(
                relation_id(cid, action, target),
                [cid],
                target,
                label=draw(labels) if labels is not None and draw(_BOOL) else "",
                scheme=draw(labels) if labels is not None and draw(_BOOL) else "",
                meta=draw(meta) if meta is not None else None,
            )
        )

    theses = ids_[:n_theses]
    verdicts = {t: pick(draw, list(Verdict)) for t in theses if draw(_BOOL)}
    return ArgumentMap(
        draw(_SLUG if ids is None else ids),
        draw(text),
        description=pick(draw, ["", "A generated map."]),
        sources=sources,
        theses=theses,
        claims=claims,
        relations=relations,
        verdicts=verdicts,
        meta=draw(meta) if meta is not None else None,
    )
