"""Plain text for ``argmap evaluate``: per thesis its label, strength, reasons and cruxes."""

from __future__ import annotations

from argmap.evaluate import Evaluation, Label
from argmap.model import ArgumentMap, ClaimId, Rebuttal

__all__ = ["describe"]

_SHOWN = 10  # the most rows of one list shown per thesis
_INFLUENCE_SHOWN = 5


def _kind(m: ArgumentMap, relation_id: str) -> str:
    r = m.relation(relation_id)
    if isinstance(r, Rebuttal):
        return "undercut" if m.is_undercut(r) else "rebuttal"
    return "support"


def _label(value: Label | None) -> str:
    return value.upper() if value is not None else "-"


def describe(m: ArgumentMap, e: Evaluation) -> str:
    """The evaluation of ``m`` as text, thesis by thesis."""
    ran = {"grounded": "grounded labels", "dfquad": "DF-QuAD strengths"}
    parts = [ran[s] for s in ("grounded", "dfquad") if e.semantics in {s, "all"}]
    if e.strengths:
        settled = "converged" if e.converged else f"NOT converged after {e.iterations} rounds"
        parts[-1] += f" ({settled})"
    lines = [f"{m.id}: {m.title}", " and ".join(parts)]
    for thesis in m.theses:
        lines.append("")
        lines.extend(_thesis(m, e, thesis))
    return "\n".join(lines) + "\n"


def _thesis(m: ArgumentMap, e: Evaluation, thesis: ClaimId) -> list[str]:
    head = f"thesis {thesis!r}:"
    if thesis in e.labels:
        head += f" {_label(e.labels[thesis])}"
    if thesis in e.strengths:
        head += f"{',' if thesis in e.labels else ''} strength {e.strengths[thesis]:.3f}"
    lines = [head]
    if thesis in e.reasons:
        lines.append(f"  why: {e.reasons[thesis]}")
    lines += _relations_into(m, e, thesis)
    if thesis in e.cruxes:
        lines += _cruxes(e, thesis)
    ranking = [(c, d) for c, d in e.influence.get(thesis, ()) if d]
    if ranking:
        lines.append("  what moves its strength most (change per unit of base score):")
        lines.extend(f"    {d:+.3f}  {c}" for c, d in ranking[:_INFLUENCE_SHOWN])
    return lines


def _relations_into(m: ArgumentMap, e: Evaluation, thesis: str) -> list[str]:
    into = m.relations_into(thesis)
    if not into:
        return []
    lines = ["  relations into it:"]
    width = max(len(r.id) for r in into[:_SHOWN]) + 2
    for r in into[:_SHOWN]:
        row = f"    {_kind(m, r.id):<8} {r.id!r:<{width}}"
        if r.id in e.relation_labels:
            row += f" {_label(e.relation_labels[r.id]):<5}"
        if r.id in e.relation_strengths:
            row += f" {e.relation_strengths[r.id]:.3f}"
        if r.id in e.reasons:
            row += f"  {e.reasons[r.id]}"
        lines.append(row.rstrip())
    if len(into) > _SHOWN:
        lines.append(f"    ... and {len(into) - _SHOWN} more")
    return lines


def _cruxes(e: Evaluation, thesis: ClaimId) -> list[str]:
    cruxes = e.cruxes[thesis]
    if not cruxes:
        return ["  cruxes: none (no single rejection changes the verdict)"]
    lines = ["  cruxes (rejecting one would change the verdict):"]
    outcomes = e.crux_outcomes.get(thesis, {})
    for claim in cruxes[:_SHOWN]:
        after = outcomes.get(claim)
        suffix = f" -> thesis {_label(after)}" if after is not None else ""
        lines.append(f"    {claim!r}{suffix}")
    if len(cruxes) > _SHOWN:
        lines.append(f"    ... and {len(cruxes) - _SHOWN} more")
    return lines
