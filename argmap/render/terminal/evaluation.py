"""The evaluation as plain text: per thesis its label, strengths, reasons and cruxes.

Every label and strength is named by the semantics it comes from ("grounded OUT · QE
0.620 · DF-QuAD 0.500"); a what-if question is stated under the title, and a line under a
thesis says when a gradual semantics has saturated there.

:func:`report` is what ``argmap evaluate`` prints. Every line fits ``width`` columns (ids
longer than that are never split), so the report reads in an 80-column terminal and stays
stable as a golden file; a width narrower than :data:`MIN_WIDTH` is refused. Every line
goes through :func:`argmap.text.clean` as it is added: texts and ids from the map (its id,
title, claims) cannot act on the terminal or start a line of their own. Plain text needs
no rich: this module loads none.
"""

from __future__ import annotations

import textwrap

from argmap._checks import map_arg
from argmap.errors import ParameterError
from argmap.evaluate import SATURATION, SEMANTICS_NAMES, Evaluation, Label
from argmap.model import ArgumentMap, ClaimId
from argmap.render._args import evaluation_arg, width_arg
from argmap.text import clean

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "report"]

_SHOWN = 10  # the most rows of one list shown per thesis
_INFLUENCE_SHOWN = 5
#: The width the report is laid out for when not told.
DEFAULT_WIDTH = 80
#: The narrowest width the report is laid out for.
MIN_WIDTH = 40


class _Lines:
    """Lines of the report, each made safe, then wrapped to the width with a hanging indent."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[str] = []

    def add(self, text: str, indent: int = 0, hang: int = 4) -> None:
        self.lines.extend(
            textwrap.wrap(
                clean(text),
                self.width,
                initial_indent=" " * indent,
                subsequent_indent=" " * (indent + hang),
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [""]
        )


def _label(value: Label | None) -> str:
    return value.upper() if value is not None else "-"


def report(m: ArgumentMap, evaluation: Evaluation, width: int = DEFAULT_WIDTH) -> str:
    """The evaluation of ``m`` as text, thesis by thesis, in lines of at most ``width``.

    Args:
        m: the map.
        evaluation: what :func:`argmap.evaluate` found for it.
        width: the most columns a line may take.

    Raises:
        ParameterError: if ``m`` is not a map, ``evaluation`` not an evaluation, or
            ``width`` not a whole number of at least :data:`MIN_WIDTH`.
    """
    m = map_arg(m, "m")
    e = evaluation_arg(evaluation)
    if e is None:
        msg = "evaluation must be what argmap.evaluate() returns, not None"
        raise ParameterError(msg)
    out = _Lines(width_arg(width, MIN_WIDTH))
    parts = ["grounded labels"] if e.labels else []
    for name, part in e.gradual.items():
        settled = "converged" if part.converged else f"NOT converged after {part.iterations} rounds"
        parts.append(f"{_NAMES[name]} strengths ({settled})")
    out.add(f"{m.id}: {m.title}")
    out.add(", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts))
    if e.assumed or e.base_scores:
        out.add(f"what if: {_what_if(m, e)}")
    if e.cut_short:
        out.add(f"note: {e.cut_short_note}")
    for thesis in m.theses:
        out.lines.append("")
        _thesis(out, m, e, thesis)
    return "\n".join(out.lines) + "\n"


#: Each semantics as the report names it.
_NAMES = {"grounded": "grounded", "quadratic": "quadratic-energy (QE)", "dfquad": "DF-QuAD"}


def _status(e: Evaluation, node: str, *, every: bool = True) -> str:
    """A claim's or relation's results, each named by its semantics.

    With ``every``, the strengths of every gradual semantics that ran; else the headline's.
    """
    shown = e.marks(node, every=every, digits=3)
    return " · ".join(
        f"{mark.name} {mark.value.upper() if mark.semantics == 'grounded' else mark.value}"
        for mark in shown
    )


def _what_if(m: ArgumentMap, e: Evaluation) -> str:
    """The what-if question: the assumptions, then the base scores set."""
    parts = [f"{claim!r} assumed {label}" for claim, label in e.assumed.items()]
    for claim, score in e.base_scores.items():
        own = m.claims_by_id[claim].base_score
        was = "unset, 0.5" if own is None else f"{own:g}"
        parts.append(f"base score of {claim!r} {score:g} (the map's: {was})")
    return "; ".join(parts)


def _saturation(e: Evaluation, claim: ClaimId) -> list[str]:
    """One line per gradual semantics whose combination saturated at ``claim``."""
    lines = []
    for name, part in e.gradual.items():
        sides = part.saturated.get(claim, ())
        if not sides:
            continue
        if len(sides) == 2:
            what = (
                "its support and attack aggregates are both within "
                f"{SATURATION:g} of 1, so its strength stays near its base score however "
                "the two sides compare"
            )
        else:
            side = "reasons" if sides[0] == "support" else "objections"
            what = (
                f"its {sides[0]} aggregate is within {SATURATION:g} of its limit: more "
                f"{side} cannot move its strength"
            )
        lines.append(f"saturated ({SEMANTICS_NAMES[name]}): {what}")
    return lines


def _thesis(out: _Lines, m: ArgumentMap, e: Evaluation, thesis: ClaimId) -> None:
    status = _status(e, thesis)
    out.add(f"thesis {thesis!r}" + (f": {status}" if status else ""))
    out.add(m.claim(thesis).text, indent=2, hang=0)
    if thesis in e.reasons:
        out.add(f"why: {e.reasons[thesis]}", indent=2)
    for line in _saturation(e, thesis):
        out.add(line, indent=2)
    _relations_into(out, m, e, thesis)
    if thesis in e.cruxes:
        _cruxes(out, m, e, thesis)
    if thesis in e.cut_short:
        out.add(f"{' and '.join(e.cut_short[thesis])}: cut short (see the note above)", indent=2)
    ranking = [(c, d) for c, d in e.influence.get(thesis, ()) if d]
    if ranking:
        name = SEMANTICS_NAMES[e.strength_semantics]
        out.add(f"what moves its {name} strength most (change per unit of base score):", indent=2)
        for c, d in ranking[:_INFLUENCE_SHOWN]:
            out.add(f"{d:+.3f}  {c}", indent=4, hang=8)


def _relations_into(out: _Lines, m: ArgumentMap, e: Evaluation, thesis: str) -> None:
    into = m.relations_into(thesis)
    if not into:
        return
    out.add("relations into it:", indent=2)
    for r in into[:_SHOWN]:
        row = f"{m.kind(r)} {r.id!r}"
        status = _status(e, r.id, every=False)
        out.add(row + (f": {status}" if status else ""), indent=4)
        if r.id in e.reasons:
            out.add(e.reasons[r.id], indent=6)
    if len(into) > _SHOWN:
        out.add(f"... and {len(into) - _SHOWN} more", indent=4)


def _cruxes(out: _Lines, m: ArgumentMap, e: Evaluation, thesis: ClaimId) -> None:
    cruxes = e.cruxes[thesis]
    if not cruxes:
        out.add("cruxes: none (no single rejection changes the verdict)", indent=2)
        return
    out.add("cruxes (rejecting one would change the verdict):", indent=2)
    outcomes = e.crux_outcomes.get(thesis, {})
    for claim in cruxes[:_SHOWN]:
        after = outcomes.get(claim)
        suffix = f" -> thesis {_label(after)}" if after is not None else ""
        out.add(f"{claim!r}{suffix}", indent=4)
        out.add(m.claim(claim).text, indent=6, hang=0)
    if len(cruxes) > _SHOWN:
        out.add(f"... and {len(cruxes) - _SHOWN} more", indent=4)
