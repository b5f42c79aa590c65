"""Evaluation: which claims stand, how strong they are, and what the cruxes are.

This module fixes the value every view overlays (:class:`Evaluation`); the semantics that
compute it are added by the evaluation work (issue 6).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from argmap.model import ArgumentMap, ClaimId, RelationId

__all__ = ["Evaluation", "Label", "Semantics", "evaluate"]

#: The semantics :func:`evaluate` offers; "all" runs every one.
Semantics = Literal["grounded", "dfquad", "all"]


class Label(enum.StrEnum):
    """A claim's status under grounded semantics."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


def _frozen_mapping(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Evaluation:
    """What an evaluation found; views overlay it on a drawing or a summary.

    Attributes:
        semantics: which semantics ran ("grounded", "dfquad" or "all").
        labels: per claim, IN, OUT or UNDEC (grounded; empty when it did not run).
        effective: per relation, whether it takes effect (grounded; empty when it did not
            run).
        strengths: per claim, a strength in [0, 1] (DF-QuAD; empty when it did not run).
        cruxes: per thesis, the claims whose rejection would change its verdict, most
            decisive first.
        reasons: per claim or relation id, one short sentence saying why it got its label.
        converged: False when the gradual semantics hit its iteration bound on a cycle.
    """

    semantics: str
    labels: Mapping[ClaimId, Label] = attrs.field(factory=dict, converter=_frozen_mapping)
    effective: Mapping[RelationId, bool] = attrs.field(factory=dict, converter=_frozen_mapping)
    strengths: Mapping[ClaimId, float] = attrs.field(factory=dict, converter=_frozen_mapping)
    cruxes: Mapping[ClaimId, tuple[ClaimId, ...]] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    reasons: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_mapping)
    converged: bool = True


def evaluate(argument_map: ArgumentMap, semantics: Semantics = "all") -> Evaluation:
    """Evaluate a map (issue 6 implements the semantics)."""
    raise NotImplementedError("evaluation semantics are not implemented yet (issue 6)")
