"""Which semantics each value of an evaluation comes from: the marks the terminal prints.

A mark never runs a label and a strength together: ``[out 0.75]`` reads as one verdict
("out, but 0.75 strong?"), when the label is grounded's and the strength DF-QuAD's. Each
part here names its semantics, so the views print ``grounded: out · DF-QuAD: 0.75``.

The parts come from :data:`SEMANTICS`, one row per semantics with where its values are
kept in an :class:`~argmap.evaluate.Evaluation` (for claims, and for relations); a
semantics that did not run has no values, and so no part. A new semantics is one more row.
This module loads no rich: the plain-text report uses it too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from argmap.evaluate import GradualEvaluation, Label

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation

__all__ = ["LABEL_WORD", "SEMANTICS", "Part", "Semantics", "parts", "ran", "text"]

#: How a grounded label reads in a mark.
LABEL_WORD = {Label.IN: "in", Label.OUT: "out", Label.UNDEC: "undecided"}

_Values = Callable[["Evaluation"], Mapping[Any, "Label | float"]]

_NONE = GradualEvaluation("none")


def _gradual(e: Evaluation, name: str) -> GradualEvaluation:
    """What the gradual semantics ``name`` found, or nothing if it did not run.

    An evaluation built by hand may give only the headline's strengths, named by
    ``strength_semantics`` but without ``gradual``: they are that semantics' values.
    """
    found = e.gradual.get(name)
    if found is not None:
        return found
    if name == e.strength_semantics:
        return GradualEvaluation(name, e.strengths, e.relation_strengths)
    return _NONE


@attrs.frozen
class Semantics:
    """A semantics as the marks show it.

    Attributes:
        name: its name as printed ("grounded", "DF-QuAD").
        claims: where an evaluation keeps its values for claims.
        relations: where an evaluation keeps its values for relations.
        meaning: what its value says, for the key to the marks.
        sample: a value as the key shows it.
    """

    name: str
    claims: _Values
    relations: _Values
    meaning: str
    sample: str
    key: str = ""  # argmap.evaluate's name of a gradual semantics ("quadratic", "dfquad")


#: Every semantics the marks know, in the order they are printed.
SEMANTICS: tuple[Semantics, ...] = (
    Semantics(
        "grounded",
        lambda e: e.labels,
        lambda e: e.relation_labels,
        "in (stands), out (defeated) or undecided",
        "in",
    ),
    Semantics(
        "QE",
        lambda e: _gradual(e, "quadratic").strengths,
        lambda e: _gradual(e, "quadratic").relation_strengths,
        "the quadratic energy model's strength, from 0 to 1",
        "0.62",
        "quadratic",
    ),
    Semantics(
        "DF-QuAD",
        lambda e: _gradual(e, "dfquad").strengths,
        lambda e: _gradual(e, "dfquad").relation_strengths,
        "DF-QuAD's strength, from 0 to 1",
        "0.72",
        "dfquad",
    ),
)


@attrs.frozen
class Part:
    """One semantics' value for a claim or relation.

    Attributes:
        semantics: the semantics it comes from.
        value: a grounded label, or a strength in [0, 1].
    """

    semantics: Semantics
    value: Label | float

    @property
    def label(self) -> Label | None:
        """The value, if it is a label."""
        return self.value if isinstance(self.value, Label) else None

    def shown(self, digits: int = 2) -> str:
        """The value as a mark shows it: a label's word, or a strength to ``digits`` places."""
        if isinstance(self.value, Label):
            return LABEL_WORD.get(self.value, str(self.value))
        return f"{self.value:.{digits}f}"


def ran(evaluation: Evaluation | None, *, every: bool = False) -> list[Semantics]:
    """The semantics whose values an evaluation holds, in order.

    Grounded, then the headline gradual semantics (``strength_semantics``); with ``every``,
    the other gradual semantics that ran too.
    """
    if evaluation is None:
        return []
    return [
        s
        for s in SEMANTICS
        if (s.claims(evaluation) or s.relations(evaluation))
        and (every or not s.key or s.key == evaluation.strength_semantics)
    ]


def parts(
    evaluation: Evaluation | None, node: str, *, relation: bool = False, every: bool = False
) -> list[Part]:
    """The value of each semantics that ran for a claim (or a relation), in order.

    Grounded's label and the headline strength; with ``every``, every gradual semantics'.
    """
    found = []
    for s in ran(evaluation, every=every):
        values = (s.relations if relation else s.claims)(evaluation)  # type: ignore[arg-type]
        if node in values:
            found.append(Part(s, values[node]))
    return found


def text(found: list[Part], digits: int = 2) -> str:
    """The parts as one mark's words: ``grounded: out · DF-QuAD: 0.75`` (empty for none)."""
    return " · ".join(f"{p.semantics.name}: {p.shown(digits)}" for p in found)
