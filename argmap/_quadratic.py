"""The quadratic energy model (Potyka, KR 2018) as a :class:`~argmap._gradual.Rule`.

The rules (docs/evaluation.md explains them):

* a claim with base score ``b``, supports of strengths ``s_i`` and rebuttals of strengths
  ``a_i`` has the *energy* ``E = sum(s_i) - sum(a_i)`` and strength
  ``b + (1 - b) h(E)`` when ``E > 0``, ``b - b h(-E)`` when ``E < 0``, and ``b`` when
  ``E == 0``, where ``h(e) = e^2 / (1 + e^2)`` is the quadratic impact;
* a relation with premises' product ``P`` and undercuts of strengths ``u_i`` is the model
  applied to an argument of base score ``P`` attacked by its undercuts: ``U = sum(u_i)``
  and strength ``P - P h(U) = P / (1 + U^2)``.

An aggregate here is a plain sum, folded in input order. Nodes on cycles are solved by the
continuous model (``"rk4"``). The combination is stated once, in :func:`claim_strength`,
and the relation's in :func:`relation_strength`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import compress, repeat
from operator import add, ge, sub

from argmap._gradual import SATURATION, Rule

__all__ = ["RULE", "claim_strength", "impact", "relation_strength"]

#: The energy beyond which the impact is within :data:`SATURATION` of 1:
#: ``h(e) >= 1 - 1e-3`` exactly when ``e * e >= 999``.
_SATURATING_ENERGY = math.sqrt((1.0 - SATURATION) / SATURATION)


def impact(e: float) -> float:
    """The quadratic impact ``h(e) = max(e, 0)^2 / (1 + max(e, 0)^2)``."""
    if e <= 0.0:
        return 0.0
    e2 = e * e
    return e2 / (1.0 + e2)


def claim_strength(base: float, energy: float) -> float:
    """The model's combination: move ``base`` towards 1 or 0 by the impact of the energy."""
    if energy > 0.0:
        return base + (1.0 - base) * impact(energy)
    if energy < 0.0:
        return base - base * impact(-energy)
    return base


def relation_strength(premises: float, undercut: float) -> float:
    """A relation's strength: its premises' product, attacked by its undercuts' sum."""
    return premises / (1.0 + undercut * undercut)


def _claim(base: float, support: float, attack: float) -> float:
    return claim_strength(base, support - attack)


def _same(x: float) -> float:
    return x


def _impact_slope(e: float) -> float:
    """h'(e) for e > 0: 2e / (1 + e^2)^2."""
    return 2.0 * e / ((1.0 + e * e) ** 2)


def _claim_slopes(
    base: float, sups: Sequence[float], atts: Sequence[float]
) -> tuple[list[float], list[float], float]:
    """Derivatives of a claim's strength (the model is smooth: h'(0) = 0 on both sides)."""
    e = sum(sups) - sum(atts)
    if e > 0.0:
        slope = (1.0 - base) * _impact_slope(e)
    elif e < 0.0:
        slope = base * _impact_slope(-e)
    else:
        slope = 0.0
    return [slope] * len(sups), [-slope] * len(atts), 1.0 / (1.0 + e * e)


def _relation_slopes(
    premises: Sequence[float], undercuts: Sequence[float]
) -> tuple[list[float], list[float]]:
    u = sum(undercuts)
    damp = 1.0 / (1.0 + u * u)
    grads = []
    for i in range(len(premises)):
        others = 1.0
        for k, p in enumerate(premises):
            if k != i:
                others *= p
        grads.append(others * damp)
    p_all = math.prod(premises)
    return grads, [-p_all * 2.0 * u * damp * damp] * len(undercuts)


def _saturated(support: Sequence[float], attack: Sequence[float]) -> dict[int, tuple[str, ...]]:
    """Claims whose energy is so large that its impact is within 1e-3 of 1."""
    energy = list(map(sub, support, attack))
    big = compress(range(len(energy)), map(ge, map(abs, energy), repeat(_SATURATING_ENERGY)))
    return {x: ("support",) if energy[x] > 0.0 else ("attack",) for x in big}


RULE = Rule(
    name="quadratic",
    neutral=0.0,
    contribution=_same,
    fold=add,
    total=sum,
    claim=_claim,
    relation=relation_strength,
    claim_slopes=_claim_slopes,
    relation_slopes=_relation_slopes,
    saturated=_saturated,
    cycles="rk4",
)
