"""Maps of a given shape: hostile texts in every field, and the extreme shapes of stress tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from argmap.model import ArgumentMap, Claim, Quote, Rebuttal, Relation, Source, Support
from argmap.strategies.values import HOSTILE_IDS, HOSTILE_TEXTS, texts

__all__ = ["chain_map", "cyclic_map", "fan_in_map", "hostile_map", "hostile_maps", "ladder_map"]


def hostile_map(text: str, ids: Sequence[str] = HOSTILE_IDS[:6]) -> ArgumentMap:
    """A valid map with ``text`` in every text field, ``ids`` as its ids (at least five).

    The thesis is ``ids[0]``; ``ids[1]`` and ``ids[2]`` support it jointly, ``ids[3]``
    rebuts it and ``ids[4]`` undercuts the support, which is labelled and tagged.
    """
    if len(set(ids)) < 5:
        msg = "hostile_map needs five different ids"
        raise ValueError(msg)
    t, a, b, c, d, *_ = ids
    source = Source(
        "src", text, author=text, outlet=text, date=text, url="javascript:alert(1)//" + text
    )
    claims = [
        Claim(t, text, tags=(f"tag-{t}", text[:80]), note=text),
        Claim(a, text, quotes=(Quote("src", text),), tags=(f"tag-{a}",)),
        Claim(b, text, implicit=True, note=text),
        Claim(c, text, quotes=(Quote("src", text),), base_score=0.25),
        Claim(d, text),
    ]
    support = Support(f"{a}+{b}", (a, b), t, label=text)
    relations: list[Support | Rebuttal] = [
        support,
        Rebuttal(f"{c}!{t}", (c,), t, label=text),
        Rebuttal(f"{d}/{support.id}", (d,), support.id),
    ]
    return ArgumentMap(
        "hostile-" + t,
        text,
        description=text,
        sources=(source,),
        theses=(t,),
        claims=claims,
        relations=relations,
        verdicts={t: "mixed"},
    )


@st.composite
def hostile_maps(draw: st.DrawFn) -> ArgumentMap:
    """:func:`hostile_map` with a drawn hostile or random text and five drawn hostile ids."""
    text = draw(st.sampled_from(HOSTILE_TEXTS) | texts(max_size=80))
    ids = draw(st.lists(st.sampled_from(HOSTILE_IDS), min_size=5, max_size=5, unique=True))
    return hostile_map(text, ids)


def chain_map(n: int, *, kind: str = "support") -> ArgumentMap:
    """A chain of ``n`` claims, ``n - 1`` levels deep.

    ``c1`` supports (or, with ``kind="rebuttal"``, rebuts) the thesis ``c0``, ``c2``
    supports ``c1``, and so on.
    """
    relation = Support if kind == "support" else Rebuttal
    claims = [Claim(f"c{i}", f"Claim {i} of a chain.") for i in range(n)]
    relations = [relation(f"r{i}", (f"c{i + 1}",), f"c{i}") for i in range(n - 1)]
    return ArgumentMap(
        f"chain-{n}", f"A {n}-claim chain", theses=("c0",), claims=claims, relations=relations
    )


def fan_in_map(n: int) -> ArgumentMap:
    """A thesis with ``n - 1`` direct reasons, every tenth of them an objection."""
    claims = [Claim(f"c{i}", f"Claim {i} bears on the thesis.") for i in range(n)]
    relations: list[Relation] = [
        (Rebuttal if i % 10 == 0 else Support)(f"r{i}", (f"c{i}",), "c0") for i in range(1, n)
    ]
    return ArgumentMap(
        f"fan-in-{n}", f"A {n}-claim fan-in", theses=("c0",), claims=claims, relations=relations
    )


def ladder_map(levels: int, *, width: int = 2, theses: int = 1) -> ArgumentMap:
    """A "ladder": ``levels`` levels of ``width`` claims, each level resting on the next.

    Every claim of level ``i`` (``l{i}-{j}``) is supported jointly by all the claims of
    level ``i + 1``, and each thesis (``t0``, ``t1``, ...) jointly by level 0, so every
    claim is a premise of ``width`` relations and rejecting one sinks the whole level
    above it: the shape that makes explanations grow with depth times theses unless they
    are computed with care.
    """

    def level(i: int) -> tuple[str, ...]:
        return tuple(f"l{i}-{j}" for j in range(width))

    ids = [f"t{k}" for k in range(theses)]
    claims = [Claim(t, f"Thesis {t} of a ladder.") for t in ids]
    relations: list[Relation] = [Support(f"s-{t}", level(0), t) for t in ids]
    for i in range(levels):
        claims += [Claim(c, f"Claim {c} of a ladder.") for c in level(i)]
        if i + 1 < levels:
            relations += [Support(f"s-{c}", level(i + 1), c) for c in level(i)]
    return ArgumentMap(
        f"ladder-{levels}",
        f"A {levels}-level ladder, {width} claims wide",
        theses=ids,
        claims=claims,
        relations=relations,
    )


def cyclic_map(n: int, *, degree: int = 8, seed: int = 0) -> ArgumentMap:
    """A web of ``n`` claims that attack each other, with odd and even cycles everywhere.

    Each claim rebuts ``degree`` random others; an acyclic support runs from each claim to
    the thesis ``c0``'s first reasons, and every tenth support is undercut.
    """
    import random

    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    claims = [Claim(f"c{i}", f"Claim {i} of a web of attacks.") for i in range(n)]
    relations: list[Relation] = []
    for i in range(1, n):
        relations.append(Support(f"s{i}", (f"c{i}",), f"c{rng.randrange(i)}"))
        for k in range(degree):
            j = rng.randrange(1, n)
            if j != i:
                relations.append(Rebuttal(f"a{i}-{k}", (f"c{i}",), f"c{j}"))
        if i % 10 == 0:
            relations.append(Rebuttal(f"u{i}", (f"c{rng.randrange(1, n)}",), f"s{i}"))
    return ArgumentMap(
        f"cyclic-{n}", f"A {n}-claim web", theses=("c0",), claims=claims, relations=relations
    )
