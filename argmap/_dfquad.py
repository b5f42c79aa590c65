"""DF-QuAD (Rago, Toni, Aurisicchio and Baroni, KR 2016) as a :class:`~argmap._gradual.Rule`.

The rules (docs/evaluation.md explains them):

* a claim with base score ``b``, supports of strengths ``s_i`` and rebuttals of strengths
  ``a_i`` has ``d = prod(1 - a_i) - prod(1 - s_i)`` (that is, ``v_s - v_a`` with the
  probabilistic sums ``v = 1 - prod(1 - x_i)``) and strength ``b + (1 - b) d`` when
  ``d > 0``, else ``b + b d``;
* a relation has strength ``prod(premises) * prod(1 - undercuts)``.

An aggregate here is the product ``prod(1 - x_i)``, the complement of the probabilistic
sum: it starts at 1 and each input multiplies it by ``1 - x``. Nodes on cycles are solved
by the discrete iteration (``"jacobi"``). DF-QuAD's combination is stated once, in
:func:`claim_strength`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from math import prod
from operator import le, mul

from argmap._gradual import SATURATION, Rule

__all__ = ["RULE", "claim_strength"]


def claim_strength(base: float, d: float) -> float:
    """DF-QuAD's combination: move ``base`` towards 1 or 0 by the net aggregate ``d``."""
    return base + (1.0 - base) * d if d > 0.0 else base + base * d


def _claim(base: float, support: float, attack: float) -> float:
    # The aggregates are prod(1 - s) and prod(1 - a), so v_s - v_a = attack - support.
    return claim_strength(base, attack - support)


def _complement(x: float) -> float:
    return 1.0 - x


def _total(values: Iterable[float]) -> float:
    return prod(map(_ONE.__sub__, values))


_ONE = 1.0


def _excluding(factors: Sequence[float]) -> list[float]:
    """For each factor, the product of all the others (without dividing)."""
    n = len(factors)
    out = [1.0] * n
    running = 1.0
    for i in range(n):
        out[i] = running
        running *= factors[i]
    running = 1.0
    for i in range(n - 1, -1, -1):
        out[i] *= running
        running *= factors[i]
    return out


def _claim_slopes(
    base: float, sups: Sequence[float], atts: Sequence[float]
) -> tuple[list[float], list[float], float]:
    """Derivatives of a claim's strength; at the kink (``d == 0``) the mean of both sides."""
    s_f = [1.0 - x for x in sups]
    a_f = [1.0 - x for x in atts]
    d = prod(a_f) - prod(s_f)
    slope = (1.0 - base) if d > 0.0 else base if d < 0.0 else 0.5
    return (
        [slope * e for e in _excluding(s_f)],
        [-slope * e for e in _excluding(a_f)],
        1.0 - abs(d),
    )


def _relation_slopes(
    premises: Sequence[float], undercuts: Sequence[float]
) -> tuple[list[float], list[float]]:
    neg = [1.0 - u for u in undercuts]
    p_all, n_all = prod(premises), prod(neg)
    return [n_all * e for e in _excluding(premises)], [-p_all * e for e in _excluding(neg)]


def _saturated(support: Sequence[float], attack: Sequence[float]) -> dict[int, tuple[str, ...]]:
    """Claims whose probabilistic sum of supports or of rebuttals is within 1e-3 of 1."""
    found: dict[int, tuple[str, ...]] = {}
    full_support = set(compress(range(len(support)), map(le, support, repeat(SATURATION))))
    full_attack = set(compress(range(len(attack)), map(le, attack, repeat(SATURATION))))
    for x in sorted(full_support | full_attack):
        found[x] = tuple(
            side for side, full in (("support", full_support), ("attack", full_attack)) if x in full
        )
    return found


RULE = Rule(
    name="dfquad",
    neutral=1.0,
    contribution=_complement,
    fold=mul,
    total=_total,
    claim=_claim,
    relation=mul,
    claim_slopes=_claim_slopes,
    relation_slopes=_relation_slopes,
    saturated=_saturated,
    cycles="jacobi",
)
