"""The marks, colours and small pieces of text the terminal views share.

Every text from a map goes through :func:`argmap.text.clean` (here, in :func:`text`), so
that it prints as itself: rich markup stays literal and control characters show escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from argmap.model import ArgumentMap, ClaimId, Source
from argmap.render.terminal import marks
from argmap.text import clean

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation

__all__ = [
    "LABEL_STYLE",
    "MARK",
    "MARK_STYLE",
    "VERDICT_STYLE",
    "badge",
    "citation",
    "own_verdicts",
    "plural",
    "short_ids",
    "text",
    "verdicts_of",
]

#: The mark of each kind of relation, and its colour.
MARK: dict[str, str] = {"support": "✚", "rebuttal": "✖", "undercut": "⊘"}
MARK_STYLE: dict[str, str] = {"support": "green", "rebuttal": "red", "undercut": "magenta"}
#: The colour of each grounded label, and of each verdict.
LABEL_STYLE = {"in": "green", "out": "red", "undec": "yellow"}
VERDICT_STYLE = {"for": "green", "against": "red", "mixed": "yellow", "not-argued": "dim"}


def text(value: str, style: str = "") -> Text:
    """A rich Text of data: never parsed as markup, never carrying raw control codes."""
    return Text(clean(value), style=style)


def citation(s: Source) -> Text:
    parts = [s.author, f"“{s.title}”", s.outlet, s.date]
    line = Text()
    line.append(clean(s.id), style="bold")
    line.append(": " + clean(", ".join(p for p in parts if p)))
    if s.url:
        line.append(" " + clean(s.url), style="blue")
    return line


def verdicts_of(m: ArgumentMap, thesis: ClaimId) -> Text:
    """The sources' own verdict on a thesis (and each article's, for a merged map)."""
    verdict = m.verdicts.get(thesis)
    out = Text()
    if verdict is None:
        return out
    out.append(verdict.value, style=VERDICT_STYLE.get(verdict.value, ""))
    own = own_verdicts(m).get(thesis, {})
    if own:
        each = ", ".join(f"{clean(k)}: {clean(v)}" for k, v in own.items())
        out.append(f" ({each})")
    return out


def own_verdicts(m: ArgumentMap) -> dict[str, dict[str, str]]:
    """``meta["verdicts"]`` of a merged map (thesis → map id → verdict), where well formed."""
    raw = m.meta.get("verdicts")
    if not isinstance(raw, Mapping):
        return {}
    out: dict[str, dict[str, str]] = {}
    for thesis, per_map in raw.items():
        if isinstance(per_map, Mapping):
            out[str(thesis)] = {str(k): str(v) for k, v in per_map.items()}
    return out


def badge(evaluation: Evaluation | None, node_id: str, *, relation: bool = False) -> Text:
    """``[grounded: in · DF-QuAD: 0.72]``: a claim's value under each semantics (or nothing).

    Each value names its semantics (:mod:`argmap.render.terminal.marks`); the label is in
    its colour, the strengths in cyan.
    """
    found = marks.parts(evaluation, node_id, relation=relation)
    out = Text()
    if not found:
        return out
    out.append("[")
    for i, part in enumerate(found):
        if i:
            out.append(" · ")
        label = part.label
        style = LABEL_STYLE.get(label.value, "") if label is not None else "cyan"
        out.append(f"{part.semantics.name}: {part.shown()}", style=style)
    out.append("]")
    return out


def short_ids(theses: Sequence[str]) -> dict[str, str]:
    """Thesis ids without their shared prefix ("asian-nato-likely" → "likely")."""
    if len(theses) < 2:
        return {t: t for t in theses}
    first, last = min(theses), max(theses)
    n = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first))
    prefix = first[: first.rfind("-", 0, n) + 1]
    return {t: t[len(prefix) :] or t for t in theses}


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
