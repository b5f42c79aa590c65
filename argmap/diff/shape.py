"""A diff as JSON: the documented shape of ``argmap diff --json`` (README, "Comparing maps").

::

    {"same": bool,
     "map": {"before": id, "after": id, "changed": [field, ...]},
     "claims": {"added": [id, ...], "removed": [id, ...], "renamed": [[old, new], ...],
                "changed": [{"id": id, "fields": [field, ...]}, ...]},
     "relations": {...the same keys...},
     "sources": {...the same keys...},
     "theses": {...the same keys...},
     "reordered": ["claims", ...],
     "semantics": "all" | "grounded" | "dfquad" | null,
     "evaluation": [{"id": id, "semantics": "grounded" | "dfquad",
                     "before": "in" | 0.5, "after": "out" | 0.25, "because": [text, ...],
                     "why": {"before": text | null, "after": text | null}}, ...]}

A ``field`` is ``{"field": name, "before": value, "after": value}`` with the values as
argmap's JSON writes them (a quote is ``{"source": id, "text": text}``); a claim's
``text`` also has ``"words"``, the word-level diff as ``[["=" | "-" | "+", words], ...]``.
A thesis's ``changed`` fields are its ``verdict`` (``"for"``, ``"against"``, ``"mixed"``,
``"not-argued"`` or null). Ids in ``changed`` and ``evaluation`` are the later map's
(the earlier map's for what it alone has).
"""

from __future__ import annotations

from typing import Any

from argmap._frozen import FrozenMap, thaw
from argmap.diff.values import Changes, FieldChange, MapDiff, ThesisChanges
from argmap.diff.words import word_diff
from argmap.model import Quote

__all__ = ["diff_json"]


def diff_json(d: MapDiff) -> dict[str, Any]:
    """The diff in the shape above."""
    return {
        "same": d.same,
        "map": {
            "before": d.before_id,
            "after": d.after_id,
            "changed": [_field(f) for f in d.fields],
        },
        "claims": _part(d.claims, text_words=True),
        "relations": _part(d.relations),
        "sources": _part(d.sources),
        "theses": _theses(d.theses),
        "reordered": list(d.reordered),
        "semantics": d.semantics,
        "evaluation": [
            {
                "id": c.after_id,
                "semantics": c.semantics,
                "before": _value(c.before),
                "after": _value(c.after),
                "because": list(c.because),
                "why": {"before": c.why_before or None, "after": c.why_after or None},
            }
            for c in d.evaluation
        ],
    }


def _part(part: Changes[Any], *, text_words: bool = False) -> dict[str, Any]:
    return {
        "added": [p.id for p in part.added],
        "removed": [p.id for p in part.removed],
        "renamed": [[r.before, r.after] for r in part.renamed],
        "changed": [
            {"id": e.after, "fields": [_field(f, text_words=text_words) for f in e.fields]}
            for e in part.changed
        ],
    }


def _theses(t: ThesisChanges) -> dict[str, Any]:
    return {
        "added": list(t.added),
        "removed": list(t.removed),
        "renamed": [list(pair) for pair in t.renamed],
        "changed": [
            {
                "id": v.id,
                "fields": [
                    {"field": "verdict", "before": _value(v.before), "after": _value(v.after)}
                ],
            }
            for v in t.verdicts
        ],
    }


def _field(f: FieldChange, *, text_words: bool = False) -> dict[str, Any]:
    out = {"field": f.name, "before": _value(f.before), "after": _value(f.after)}
    if text_words and f.name == "text":
        out["words"] = [list(op) for op in word_diff(f.before, f.after)]
    return out


def _value(value: object) -> Any:  # noqa: ANN401 - any JSON value
    """A field's value as JSON: tuples as lists, quotes as objects, enums as their text."""
    if isinstance(value, Quote):
        return {"source": value.source, "text": value.text}
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if isinstance(value, FrozenMap):
        return thaw(value)
    if isinstance(value, str):
        return str(value)  # a StrEnum (a label, a verdict) as its plain text
    return value
