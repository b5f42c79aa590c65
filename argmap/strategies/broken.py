"""Broken maps: a valid map with exactly one defect, and the problem it must cause."""

from __future__ import annotations

import math
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
    SourceId,
    Support,
    Verdict,
)
from argmap.problems import CODES
from argmap.strategies.maps import argument_maps
from argmap.strategies.values import pick

__all__ = ["BrokenMap", "broken_maps"]


@attrs.frozen
class BrokenMap:
    """A map with exactly one defect, and the problem that names it.

    Attributes:
        map: the map.
        code: the code of the one problem :func:`argmap.validate` must report.
        subject: the id that problem must name.
    """

    map: ArgumentMap
    code: str
    subject: str


_Inject = Callable[[st.DrawFn, ArgumentMap], tuple[ArgumentMap, str]]
_MISSING = "missing--id"
_BOOL = st.booleans()


def _add(m: ArgumentMap, relation: Relation) -> ArgumentMap:
    return attrs.evolve(m, relations=(*m.relations, relation))


def _explicit(m: ArgumentMap) -> list[Claim]:
    return [c for c in m.claims if not c.implicit]


def _ordered_pair(draw: st.DrawFn, m: ArgumentMap) -> tuple[ClaimId, ClaimId]:
    """Two distinct claims, the first drawn later than the second (so no circle forms)."""
    i = draw(st.integers(1, len(m.claims) - 1))
    j = draw(st.integers(0, i - 1))
    return m.claims[i].id, m.claims[j].id


def _duplicate_id(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, m.claims)
    return attrs.evolve(m, claims=(*m.claims, Claim(c.id, "A second claim."))), c.id


def _empty_text(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, m.claims)
    blank = pick(draw, ["", " ", "\n\t"])
    return m.with_claim(attrs.evolve(c, text=blank)), c.id


def _unknown_premise(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    target = pick(draw, m.claims).id
    return _add(m, Support("defect--rel", [_MISSING], target)), "defect--rel"


def _unknown_target(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    premise = pick(draw, m.claims).id
    return _add(m, Rebuttal("defect--rel", [premise], _MISSING)), "defect--rel"


def _unknown_thesis(_: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    return attrs.evolve(m, theses=(*m.theses, _MISSING)), _MISSING


def _unknown_source(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, _explicit(m))
    quotes = (*c.quotes, Quote(_MISSING, "A passage."))
    return m.with_claim(attrs.evolve(c, quotes=quotes)), c.id


def _self_premise(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, m.claims).id
    relation: Relation = (
        Support("defect--rel", [c], c) if draw(st.booleans()) else Rebuttal("defect--rel", [c], c)
    )
    return _add(m, relation), "defect--rel"


def _self_undercut(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, m.claims).id
    return _add(m, Rebuttal("defect--rel", [c], "defect--rel")), "defect--rel"


def _circular_support(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    # Two new claims that support each other; one of them also supports an old claim,
    # so both bear on a thesis and the circle is the only problem.
    target = pick(draw, m.claims).id
    x, y = ClaimId("defect--x"), ClaimId("defect--y")
    m = attrs.evolve(m, claims=(*m.claims, Claim(x, "One claim."), Claim(y, "Another.")))
    edges = [("defect--xy", x, y), ("defect--yx", y, x), ("defect--yt", y, target)]
    for rid, premise, conclusion in edges:
        m = _add(m, Support(rid, [premise], conclusion))
    return m, x


def _no_premises(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    target = pick(draw, m.claims).id
    return _add(m, Support("defect--rel", [], target)), "defect--rel"


def _repeated_premise(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    a, b = _ordered_pair(draw, m)
    return _add(m, Support("defect--rel", [a, a], b)), "defect--rel"


def _support_of_relation(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, m.claims).id
    target = pick(draw, m.relations).id
    return _add(m, Support("defect--rel", [c], target)), "defect--rel"


def _orphan(_: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    return m.with_claim(Claim("defect--orphan", "A claim on its own.")), "defect--orphan"


def _bad_score(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, m.claims)
    score = pick(draw, [-0.5, 1.5, math.nan, math.inf])
    return m.with_claim(attrs.evolve(c, base_score=score)), c.id


def _repeated_thesis(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    t = pick(draw, m.theses)
    return attrs.evolve(m, theses=(*m.theses, t)), t


def _verdict_not_thesis(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, [c for c in m.claims if c.id not in m.theses]).id
    return attrs.evolve(m, verdicts=m.verdicts.set(c, Verdict.MIXED)), c


def _bad_id(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    if draw(_BOOL):  # the map's own id: a line break or an escape sequence in it
        bad = m.id + pick(draw, ["\nok", "\x1b[2K", "\u0085", " x"])
        return attrs.evolve(m, id=bad), bad
    undercut = {r.target for r in m.relations}
    r = pick(draw, [r for r in m.relations if r.id not in undercut])
    bad = r.id + pick(draw, [" x", "\t", "\x00"])
    relations = tuple(attrs.evolve(x, id=bad) if x.id == r.id else x for x in m.relations)
    return attrs.evolve(m, relations=relations), bad


def _duplicate_source(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    s = pick(draw, m.sources)
    copy = Source(s.id, "Another title")
    return attrs.evolve(m, sources=(*m.sources, copy)), s.id


def _implicit_quoted(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = pick(draw, [c for c in m.claims if c.id not in m.theses])
    quotes = c.quotes or (Quote(SourceId(m.sources[0].id), "A passage."),)
    return m.with_claim(attrs.evolve(c, implicit=True, quotes=quotes)), c.id


def _no_thesis(_: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    return attrs.evolve(m, theses=(), verdicts={}), m.id


_INJECTIONS: dict[str, _Inject] = {
    "duplicate-id": _duplicate_id,
    "empty-text": _empty_text,
    "unknown-premise": _unknown_premise,
    "unknown-target": _unknown_target,
    "unknown-thesis": _unknown_thesis,
    "unknown-source": _unknown_source,
    "self-premise": _self_premise,
    "self-undercut": _self_undercut,
    "circular-support": _circular_support,
    "no-premises": _no_premises,
    "repeated-premise": _repeated_premise,
    "support-of-relation": _support_of_relation,
    "orphan": _orphan,
    "bad-score": _bad_score,
    "repeated-thesis": _repeated_thesis,
    "verdict-not-thesis": _verdict_not_thesis,
    "bad-id": _bad_id,
    "duplicate-source": _duplicate_source,
    "implicit-quoted": _implicit_quoted,
    "no-thesis": _no_thesis,
}
assert set(_INJECTIONS) == set(CODES), "every problem code has an injection"  # noqa: S101


@st.composite
def broken_maps(draw: st.DrawFn, *, codes: tuple[str, ...] | None = None) -> BrokenMap:
    """Draw a map with exactly one defect (of one of ``codes``, by default any).

    Every code of :data:`argmap.validate.CODES` can be drawn.
    """
    code = pick(draw, sorted(codes or _INJECTIONS))
    base = draw(argument_maps(min_claims=3, max_theses=1))
    m, subject = _INJECTIONS[code](draw, base)
    return BrokenMap(m, code, subject)
