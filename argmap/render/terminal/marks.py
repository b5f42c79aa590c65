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

from argmap.evaluate import Label

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation

__all__ = ["LABEL_WORD", "SEMANTICS", "Part", "Semantics", "parts", "text"]

#: How a grounded label reads in a mark.
LABEL_WORD = {Label.IN: "in", Label.OUT: "out", Label.UNDEC: "undecided"}

_Values = Callable[["Evaluation"], Mapping[Any, "Label | float"]]


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
        "DF-QuAD",
        lambda e: e.strengths,
        lambda e: e.relation_strengths,
        "a strength from 0 to 1",
        "0.72",
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


def parts(evaluation: Evaluation | None, node: str, *, relation: bool = False) -> list[Part]:
    """The value of each semantics that ran for a claim (or a relation), in order."""
    if evaluation is None:
        return []
    found = []
    for s in SEMANTICS:
        values = (s.relations if relation else s.claims)(evaluation)
        if node in values:
            found.append(Part(s, values[node]))
    return found


def text(found: list[Part], digits: int = 2) -> str:
    """The parts as one mark's words: ``grounded: out · DF-QuAD: 0.75`` (empty for none)."""
    return " · ".join(f"{p.semantics.name}: {p.shown(digits)}" for p in found)
