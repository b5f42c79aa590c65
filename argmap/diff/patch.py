"""A diff as an edit script: :meth:`MapDiff.apply` turns the earlier map into the later one.

Each part is rebuilt the same way: what was removed goes (it must be there, as the diff
recorded it), what stays takes its new id, its references follow the renames, and the
fields that changed take their later values (each must hold its recorded earlier value);
the order of the later map is restored, and what was added goes back to its place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn, TypeVar, cast

import attrs

from argmap._checks import map_arg
from argmap.diff.values import Changes, Edit, MapDiff, field_value, same_value
from argmap.errors import ParameterError
from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    Source,
    Support,
    Verdict,
)

__all__ = ["apply_diff"]

_Item = TypeVar("_Item", Claim, Support | Rebuttal, Source)


def apply_diff(d: MapDiff, argument_map: ArgumentMap) -> ArgumentMap:
    """The map ``d`` turns ``argument_map`` into (see :meth:`MapDiff.apply`)."""
    m = map_arg(argument_map)
    if m.id != d.before_id:
        _misfit(d, f"it was made from map {d.before_id!r}, not {m.id!r}")
    sources = {r.before: r.after for r in d.sources.renamed}
    claims = {r.before: r.after for r in d.claims.renamed}
    relations = {r.before: r.after for r in d.relations.renamed}

    def claim(c: Claim) -> Claim:
        return attrs.evolve(
            c,
            id=claims.get(c.id, c.id),
            quotes=tuple(Quote(sources.get(q.source, q.source), q.text) for q in c.quotes),
        )

    def relation(r: Relation) -> Relation:
        target = claims.get(r.target) or relations.get(r.target) or r.target
        premises = tuple(claims.get(p, p) for p in r.premises)
        return attrs.evolve(r, id=relations.get(r.id, r.id), premises=premises, target=target)

    def source(s: Source) -> Source:
        return attrs.evolve(s, id=sources.get(s.id, s.id))

    return attrs.evolve(
        m,
        **_own_fields(d, m),
        sources=_rebuild(d, "source", d.sources, m.sources, source),
        claims=_rebuild(d, "claim", d.claims, m.claims, claim),
        relations=_rebuild(d, "relation", d.relations, m.relations, relation),
        theses=_theses(d, m, claims),
        verdicts=_verdicts(d, m, claims),
    )


def _misfit(d: MapDiff, why: str) -> NoReturn:
    msg = f"the diff from {d.before_id!r} to {d.after_id!r} does not fit this map: {why}"
    raise ParameterError(msg)


def _own_fields(d: MapDiff, m: ArgumentMap) -> dict[str, Any]:
    """The map's own fields that change, with their later values."""
    for f in d.fields:
        if not same_value(getattr(m, f.name), f.before):
            _misfit(d, f"the map's {f.name} is not what the diff says it was")
    return {f.name: f.after for f in d.fields}


def _theses(d: MapDiff, m: ArgumentMap, claims: Mapping[str, str]) -> tuple[str, ...]:
    if d.theses.lists is None:
        return tuple(claims.get(t, t) for t in m.theses)
    if m.theses != d.theses.lists[0]:
        _misfit(d, "the map's theses are not what the diff says they were")
    return d.theses.lists[1]


def _verdicts(d: MapDiff, m: ArgumentMap, claims: Mapping[str, str]) -> Mapping[ClaimId, Verdict]:
    if d.theses.verdict_maps is None:
        return {ClaimId(claims.get(k, k)): v for k, v in m.verdicts.items()}
    if m.verdicts != d.theses.verdict_maps[0]:
        _misfit(d, "the map's verdicts are not what the diff says they were")
    return d.theses.verdict_maps[1]


def _rebuild(
    d: MapDiff,
    noun: str,
    changes: Changes[_Item],
    items: Sequence[_Item],
    follow: Callable[[_Item], _Item],
) -> tuple[_Item, ...]:
    """One part of the later map, from the earlier map's and the changes."""
    _check_fit(d, noun, changes, items)
    edits = {e.before: e for e in changes.changed}
    removed = {p.id for p in changes.removed}
    kept = []
    for x in items:
        if x.id not in removed:
            y = follow(x)
            kept.append(_edited(d, noun, x, y, edits[x.id]) if x.id in edits else y)
    if changes.order is not None:
        where = {x: i for i, x in enumerate(changes.order[1])}
        if len(where) != len(kept) or any(y.id not in where for y in kept):
            _misfit(d, f"its order of {noun}s does not fit the map's")
        kept.sort(key=lambda y: where[y.id])
    return _placed(d, noun, kept, changes)


def _check_fit(d: MapDiff, noun: str, changes: Changes[_Item], items: Sequence[_Item]) -> None:
    """Whatever the changes remove, rename or change must be in the map as they recorded."""
    by_id: dict[str, _Item] = {x.id: x for x in items}
    for p in changes.removed:
        if by_id.get(p.id) != p.item:
            _misfit(d, f"it removes {noun} {p.id!r}, which the map does not hold as recorded")
    removed = {p.id for p in changes.removed}
    for before in [r.before for r in changes.renamed] + [e.before for e in changes.changed]:
        if before not in by_id or before in removed:
            _misfit(d, f"it changes {noun} {before!r}, which the map does not have")


def _placed(d: MapDiff, noun: str, kept: list[_Item], changes: Changes[_Item]) -> tuple[_Item, ...]:
    """What is kept, in its order, with what was added put back in its place."""
    total = len(kept) + len(changes.added)
    slots: list[_Item | None] = [None] * total
    for p in changes.added:
        if not 0 <= p.index < total or slots[p.index] is not None:
            _misfit(d, f"it adds {noun} {p.id!r} where the map has no place for it")
        slots[p.index] = p.item
    rest = iter(kept)
    return tuple(x if x is not None else next(rest) for x in slots)


def _edited(d: MapDiff, noun: str, x: _Item, y: _Item, edit: Edit) -> _Item:
    """``y`` (``x`` with its id and references moved on) with the edit's later values."""
    values: dict[str, object] = {}
    for f in edit.fields:
        if not same_value(field_value(x, f.name), f.before):
            _misfit(d, f"{noun} {edit.before!r} has another {f.name} than the diff says it had")
        values[f.name] = f.after
    kind = values.pop("kind", None)
    if kind is not None and isinstance(y, Support | Rebuttal):
        cls = Rebuttal if kind == "rebuttal" else Support
        flipped = cls(y.id, y.premises, y.target, label=y.label, scheme=y.scheme, meta=y.meta)
        return attrs.evolve(flipped, **cast("dict[str, Any]", values))
    return attrs.evolve(y, **cast("dict[str, Any]", values))
