"""The diff itself: match two maps, then say what changed in each part of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import attrs

from argmap._checks import map_arg, shown
from argmap.diff.match import RENAME_THRESHOLD, Matching, Ref, match
from argmap.diff.values import (
    Changes,
    Edit,
    FieldChange,
    MapDiff,
    Placed,
    ThesisChanges,
    VerdictChange,
    field_value,
    same_value,
)
from argmap.errors import InvalidMapError, ParameterError
from argmap.model import ArgumentMap, Claim, ClaimId, Quote, Rebuttal, Relation, Source, Support
from argmap.validate import validate

__all__ = ["CLAIM_FIELDS", "MAP_FIELDS", "RELATION_FIELDS", "SOURCE_FIELDS", "diff"]

#: The fields compared, in the order changes list them.
CLAIM_FIELDS = ("text", "implicit", "tags", "quotes", "note", "qualifier", "base_score", "meta")
RELATION_FIELDS = ("kind", "premises", "target", "label", "scheme", "meta")
SOURCE_FIELDS = ("title", "author", "outlet", "date", "url")
MAP_FIELDS = ("id", "title", "description", "meta")

_SEMANTICS = ("grounded", "dfquad", "all")

_Item = TypeVar("_Item", Claim, Support | Rebuttal, Source)


def diff(
    before: ArgumentMap,
    after: ArgumentMap,
    *,
    semantics: str | None = "all",
    threshold: float = RENAME_THRESHOLD,
) -> MapDiff:
    """What changed from ``before`` to ``after``, and what it did to the evaluation.

    Claims, relations and sources match by id, then as the matching rules say
    (:mod:`argmap.diff.match`; README, "Comparing maps"). The order of things is
    recorded (so that :meth:`MapDiff.apply` rebuilds ``after`` exactly) but never makes
    two maps differ.

    Args:
        before: the earlier map.
        after: the later map.
        semantics: "grounded", "dfquad" or "all" (both) for the evaluation delta, or None
            to leave it out (then neither map needs to be one :func:`argmap.evaluate`
            accepts).
        threshold: the least similarity, above 0 and at most 1, at which two things with
            different ids are one thing renamed.

    Returns:
        The :class:`MapDiff`.

    Raises:
        ParameterError: if ``before`` or ``after`` is not a map, ``semantics`` is not one
            of the above, or ``threshold`` is not a number in (0, 1].
        InvalidMapError: if a map gives one id to two claims or relations, or to two
            sources (nothing would say which is which); and, with ``semantics``, whatever
            :func:`argmap.evaluate` refuses.
    """
    a = map_arg(before, "before")
    b = map_arg(after, "after")
    if semantics is not None and semantics not in _SEMANTICS:
        msg = (
            f"semantics must be one of {', '.join(map(repr, _SEMANTICS))} or None, "
            f"not {shown(semantics)}"
        )
        raise ParameterError(msg)
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0 < threshold <= 1
    ):
        msg = f"threshold must be a number above 0 and at most 1, not {shown(threshold)}"
        raise ParameterError(msg)
    for m in (a, b):
        _check_ids(m)
    found = match(a, b, float(threshold))
    d = MapDiff(
        before_id=a.id,
        after_id=b.id,
        fields=_fields(MAP_FIELDS, a, b, lambda _, v: v),
        sources=_changes(found, "sources", a.sources, b.sources, _source_fields),
        claims=_changes(found, "claims", a.claims, b.claims, _claim_fields),
        relations=_changes(found, "relations", a.relations, b.relations, _relation_fields),
        theses=_theses(found),
    )
    if semantics is None:
        return d
    from argmap.diff.delta import evaluation_delta

    return attrs.evolve(d, semantics=semantics, evaluation=evaluation_delta(found, d, semantics))


def _check_ids(m: ArgumentMap) -> None:
    """Refuse a map in which one id names two things (a diff could not tell them apart)."""
    elements = len(m.claims) + len(m.relations)
    if len({*m.claims_by_id, *m.relations_by_id}) == elements and len(m.sources_by_id) == len(
        m.sources
    ):
        return
    codes = {"duplicate-id", "duplicate-source"}
    raise InvalidMapError(
        [p for p in validate(m) if p.code in codes], subject=f"map {m.id!r} (to diff)"
    )


def _fields(
    names: Sequence[str],
    x: object,
    y: object,
    translate: Callable[[str, object], object] = lambda _, v: v,
    later: Callable[[str, object], object] = lambda _, v: v,
) -> tuple[FieldChange, ...]:
    """The fields of ``x`` and ``y`` that differ once both are put in the later map's terms.

    ``translate`` puts a value of ``x`` (the earlier map's) in those terms, ``later`` one
    of ``y``; the changes hold the values as the maps do.
    """
    out = []
    for name in names:
        before, after = field_value(x, name), field_value(y, name)
        if not same_value(translate(name, before), later(name, after)):
            out.append(FieldChange(name, before, after))
    return tuple(out)


def _source_fields(_: Matching, x: Source, y: Source) -> tuple[FieldChange, ...]:
    return _fields(SOURCE_FIELDS, x, y)


def _claim_fields(m: Matching, x: Claim, y: Claim) -> tuple[FieldChange, ...]:
    def translate(name: str, value: object) -> object:
        return m.quotes(cast("tuple[Quote, ...]", value)) if name == "quotes" else value

    def later(name: str, value: object) -> object:
        if name == "quotes":
            return tuple((q.source, q.text) for q in cast("tuple[Quote, ...]", value))
        return value

    return _fields(CLAIM_FIELDS, x, y, translate, later)


def _relation_fields(m: Matching, x: Relation, y: Relation) -> tuple[FieldChange, ...]:
    def translate(name: str, value: object) -> object:
        if name == "premises":
            return tuple(m.claim(p) for p in cast("tuple[str, ...]", value))
        if name == "target":
            return m.target(cast("str", value))
        return value

    return _fields(RELATION_FIELDS, x, y, translate)


def _changes(
    m: Matching,
    part: str,
    before: Sequence[_Item],
    after: Sequence[_Item],
    fields: Callable[[Matching, _Item, _Item], tuple[FieldChange, ...]],
) -> Changes[_Item]:
    pairs: dict[str, str] = getattr(m, part)
    later: dict[str, tuple[int, _Item]] = {y.id: (j, y) for j, y in enumerate(after)}
    matched_later = set(pairs.values())
    changed = []
    for i, x in enumerate(before):
        if x.id not in pairs:
            continue
        j, y = later[pairs[x.id]]
        found = fields(m, x, y)
        if found:
            changed.append(
                Edit(before=x.id, after=y.id, fields=found, before_index=i, after_index=j)
            )
    kept_before = [x.id for x in before if x.id in pairs]
    kept_after = [y.id for y in after if y.id in matched_later]
    reordered = [pairs[x] for x in kept_before] != kept_after
    return Changes(
        added=[Placed(y, j) for j, y in enumerate(after) if y.id not in matched_later],
        removed=[Placed(x, i) for i, x in enumerate(before) if x.id not in pairs],
        renamed=m.renames[part],
        changed=changed,
        order=(kept_before, kept_after) if reordered else None,
    )


def _theses(m: Matching) -> ThesisChanges:
    a, b = m.before, m.after
    translated: list[Ref] = [m.claim(t) for t in a.theses]
    later = set(b.theses)
    common_before = [t for t in translated if t in later]
    common_after = [t for t in b.theses if t in set(translated)]
    verdicts, verdict_maps = _verdicts(m)
    return ThesisChanges(
        added=tuple(t for t in b.theses if t not in set(translated)),
        removed=tuple(t for t, x in zip(a.theses, translated, strict=True) if x not in later),
        renamed=tuple(
            (t, x)
            for t, x in zip(a.theses, translated, strict=True)
            if isinstance(x, str) and x != t and x in later
        ),
        reordered=common_before != common_after,
        verdicts=verdicts,
        lists=None if tuple(translated) == b.theses else (a.theses, b.theses),
        verdict_maps=verdict_maps,
    )


def _verdicts(m: Matching) -> tuple[list[VerdictChange], Any]:
    a, b = m.before, m.after
    translated = {m.claim(k): v for k, v in a.verdicts.items()}
    if translated == dict(b.verdicts):
        return [], None
    back = {y: x for x, y in m.claims.items()}
    changes = []
    for k, v in a.verdicts.items():
        x = m.claim(k)
        later = x if isinstance(x, str) else None
        after = b.verdicts.get(ClaimId(later)) if later is not None else None
        if after != v:
            changes.append(VerdictChange(before_id=k, after_id=later, before=v, after=after))
    for k, v in b.verdicts.items():
        if k not in translated:
            earlier = back.get(k) if k in b.claims_by_id else k
            changes.append(VerdictChange(before_id=earlier, after_id=k, before=None, after=v))
    return changes, (a.verdicts, b.verdicts)
