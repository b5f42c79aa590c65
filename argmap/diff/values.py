"""The values a diff is made of: what was added, removed, renamed and changed, and why.

Every value is frozen, and every list is a tuple in one fixed order (what is added or
changed in the order of the later map, what is removed in the order of the earlier one,
evaluation changes largest first), so that two diffs of the same maps are equal and
``diff(b, a) == diff(a, b).inverse()``.

(Longer than the house's guide of 500 lines: it is the one concern of what a diff says, a
dozen small frozen types, each with its inverse and its JSON, most of the length their
documentation.)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, Generic, Protocol, TypeVar

import attrs

from argmap._frozen import FrozenMap
from argmap.evaluate import Label
from argmap.model import ArgumentMap, Claim, ClaimId, Rebuttal, Relation, Source, Verdict

__all__ = [
    "Cause",
    "Changes",
    "Edit",
    "EvaluationChange",
    "FieldChange",
    "MapDiff",
    "Placed",
    "Rename",
    "ThesisChanges",
    "VerdictChange",
    "field_value",
    "same_value",
]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


@attrs.frozen
class FieldChange:
    """One field of a claim, relation, source or map, before and after.

    Attributes:
        name: the field: a claim's ``text``, ``implicit``, ``tags``, ``quotes``, ``note``,
            ``qualifier``, ``base_score`` or ``meta``; a relation's ``kind`` ("support" or
            "rebuttal"), ``premises``, ``target``, ``label``, ``scheme`` or ``meta``; a
            source's ``title``, ``author``, ``outlet``, ``date`` or ``url``; the map's
            ``id``, ``title``, ``description`` or ``meta``.
        before: its value in the earlier map, as the model holds it.
        after: its value in the later map.
    """

    name: str
    before: Any
    after: Any

    def inverse(self) -> FieldChange:
        """The same change, undone."""
        return FieldChange(self.name, self.after, self.before)


def _field_changes(items: Iterable[FieldChange]) -> tuple[FieldChange, ...]:
    return tuple(items)


@attrs.frozen
class Placed(Generic[_T]):
    """A claim, relation or source that only one of the maps has, and where it stands.

    Attributes:
        item: the claim, relation or source.
        index: its position among its map's claims, relations or sources.
    """

    item: _T
    index: int

    @property
    def id(self) -> str:
        """The item's id."""
        return self.item.id


@attrs.frozen(kw_only=True)
class Rename:
    """A claim, relation or source that both maps have, under different ids.

    Attributes:
        before: its id in the earlier map.
        after: its id in the later map.
        rule: why the two are one: "same text", "similar text", "same quotes" or
            "similar quotes" for claims; "same title" or "similar title" for sources;
            "same shape" (kind, premises and target) or "same premises" (and kind or
            target) for relations.
        score: how alike they are by that rule, from the threshold up to 1.0.
        before_index: its position in the earlier map.
        after_index: its position in the later map.
    """

    before: str
    after: str
    rule: str
    score: float
    before_index: int
    after_index: int

    def inverse(self) -> Rename:
        """The rename undone."""
        return attrs.evolve(
            self,
            before=self.after,
            after=self.before,
            before_index=self.after_index,
            after_index=self.before_index,
        )


@attrs.frozen(kw_only=True)
class Edit:
    """A claim, relation or source that both maps have, with the fields that changed.

    Attributes:
        before: its id in the earlier map.
        after: its id in the later map (the same unless it was renamed).
        fields: the fields that changed, in the order of the model's fields.
        before_index: its position in the earlier map.
        after_index: its position in the later map.
    """

    before: str
    after: str
    fields: tuple[FieldChange, ...] = attrs.field(converter=_field_changes)
    before_index: int
    after_index: int

    def field(self, name: str) -> FieldChange | None:
        """The change of the field called ``name``, or None if it did not change."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the fields that changed."""
        return tuple(f.name for f in self.fields)

    def inverse(self) -> Edit:
        """The edit undone."""
        return Edit(
            before=self.after,
            after=self.before,
            fields=tuple(f.inverse() for f in self.fields),
            before_index=self.after_index,
            after_index=self.before_index,
        )


def _placed(items: Iterable[Placed[Any]]) -> tuple[Placed[Any], ...]:
    return tuple(sorted(items, key=lambda p: p.index))


def _renames(items: Iterable[Rename]) -> tuple[Rename, ...]:
    return tuple(sorted(items, key=lambda r: r.after_index))


def _edits(items: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(sorted(items, key=lambda e: e.after_index))


def _order(value: tuple[Iterable[str], Iterable[str]] | None) -> tuple[tuple[str, ...], ...] | None:
    return None if value is None else (tuple(value[0]), tuple(value[1]))


@attrs.frozen(kw_only=True)
class Changes(Generic[_T]):
    """What changed among a map's claims, its relations or its sources.

    Attributes:
        added: what only the later map has, in its order.
        removed: what only the earlier map has, in its order.
        renamed: what both have under different ids, in the later map's order.
        changed: what both have with different contents, in the later map's order.
        order: the ids of what both maps have, in the earlier map's order and the later
            one's (each under its own ids), when those orders differ; else None.
    """

    added: tuple[Placed[_T], ...] = attrs.field(default=(), converter=_placed)
    removed: tuple[Placed[_T], ...] = attrs.field(default=(), converter=_placed)
    renamed: tuple[Rename, ...] = attrs.field(default=(), converter=_renames)
    changed: tuple[Edit, ...] = attrs.field(default=(), converter=_edits)
    order: tuple[tuple[str, ...], ...] | None = attrs.field(default=None, converter=_order)

    @property
    def same(self) -> bool:
        """True when nothing was added, removed, renamed or changed (order aside)."""
        return not (self.added or self.removed or self.renamed or self.changed)

    def inverse(self) -> Changes[_T]:
        """The changes undone."""
        return Changes(
            added=self.removed,
            removed=self.added,
            renamed=tuple(r.inverse() for r in self.renamed),
            changed=tuple(e.inverse() for e in self.changed),
            order=None if self.order is None else (self.order[1], self.order[0]),
        )


@attrs.frozen(kw_only=True)
class VerdictChange:
    """The verdict recorded on a thesis, before and after.

    Attributes:
        before_id: the claim in the earlier map (None if it has no such claim).
        after_id: the claim in the later map (None if it has no such claim).
        before: the verdict in the earlier map (None: none recorded).
        after: the verdict in the later map (None: none recorded).
    """

    before_id: str | None
    after_id: str | None
    before: Verdict | None
    after: Verdict | None

    @property
    def id(self) -> str:
        """The thesis's id in the later map, or in the earlier one if it was removed."""
        return self.after_id if self.after_id is not None else str(self.before_id)

    def inverse(self) -> VerdictChange:
        """The change undone."""
        return VerdictChange(
            before_id=self.after_id, after_id=self.before_id, before=self.after, after=self.before
        )


def _verdict_key(v: VerdictChange) -> tuple[str, str]:
    ids = [i for i in (v.before_id, v.after_id) if i is not None]
    return min(ids), max(ids)


def _verdict_changes(items: Iterable[VerdictChange]) -> tuple[VerdictChange, ...]:
    return tuple(sorted(items, key=_verdict_key))


_Verdicts = FrozenMap[ClaimId, Verdict]


@attrs.frozen(kw_only=True)
class ThesisChanges:
    """What changed among the theses and the verdicts recorded on them.

    Attributes:
        added: claims that are theses only in the later map (later ids).
        removed: claims that are theses only in the earlier map (earlier ids).
        renamed: (earlier id, later id) of theses whose claim was renamed.
        reordered: the same theses in another order.
        verdicts: each thesis whose verdict changed (appeared, went or differs).
        lists: the two maps' theses (each under its own ids) when they differ other than
            by renames; None when they do not.
        verdict_maps: the two maps' verdicts when they differ other than by renames.
    """

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()
    reordered: bool = False
    verdicts: tuple[VerdictChange, ...] = attrs.field(default=(), converter=_verdict_changes)
    lists: tuple[tuple[ClaimId, ...], tuple[ClaimId, ...]] | None = None
    verdict_maps: tuple[_Verdicts, _Verdicts] | None = None

    @property
    def same(self) -> bool:
        """True when no thesis came or went and no verdict changed (order and renames aside)."""
        return not (self.added or self.removed or self.verdicts)

    def inverse(self) -> ThesisChanges:
        """The changes undone."""
        return ThesisChanges(
            added=self.removed,
            removed=self.added,
            renamed=tuple((new, old) for old, new in self.renamed),
            reordered=self.reordered,
            verdicts=tuple(v.inverse() for v in self.verdicts),
            lists=None if self.lists is None else (self.lists[1], self.lists[0]),
            verdict_maps=(
                None if self.verdict_maps is None else (self.verdict_maps[1], self.verdict_maps[0])
            ),
        )


#: How each changed field of a relation or claim reads in a cause.
_CAUSE_WORDS = {
    "target": "retargeted",
    "premises": "premises changed",
    "kind": "kind changed",
    "base_score": "base score changed",
}


@attrs.frozen(kw_only=True)
class Cause:
    """An edit that an evaluation change follows from.

    Attributes:
        element: "relation" or "claim".
        what: "added", "removed" or "changed".
        before_id: its id in the earlier map (None if added).
        after_id: its id in the later map (None if removed).
        before_kind: the relation's kind in the earlier map ("support", "rebuttal",
            "undercut"; None if added, and for a claim).
        after_kind: its kind in the later map (None if removed, and for a claim).
        fields: for a change, the fields that changed ("target", "premises", "kind",
            "base_score").
        distance: how many steps of relations lie between the edit and the claim it
            explains (0: the edit is at the claim itself).
    """

    element: str
    what: str
    before_id: str | None = None
    after_id: str | None = None
    before_kind: str | None = None
    after_kind: str | None = None
    fields: tuple[str, ...] = ()
    distance: int = 0

    @property
    def id(self) -> str:
        """Its id in the later map, or in the earlier one if it was removed."""
        return self.after_id if self.after_id is not None else str(self.before_id)

    def __str__(self) -> str:
        noun = self.element
        if self.element == "relation":
            noun = self.after_kind or self.before_kind or noun
        if self.what == "changed":
            words = ", ".join(_CAUSE_WORDS.get(f, f"{f} changed") for f in self.fields)
            if "kind" in self.fields:
                noun = f"{self.before_kind} (now a {self.after_kind})"
            return f"{noun} {self.id!r} {words}"
        return f"{noun} {self.id!r} {self.what}"

    def inverse(self) -> Cause:
        """The edit undone."""
        flipped = {"added": "removed", "removed": "added"}.get(self.what, self.what)
        return attrs.evolve(
            self,
            what=flipped,
            before_id=self.after_id,
            after_id=self.before_id,
            before_kind=self.after_kind,
            after_kind=self.before_kind,
        )


def _cause_key(c: Cause) -> tuple[int, str, str, str]:
    ids = [i for i in (c.before_id, c.after_id) if i is not None]
    return c.distance, c.element, min(ids), max(ids)


def _causes(items: Iterable[Cause]) -> tuple[Cause, ...]:
    return tuple(sorted(items, key=_cause_key))


#: How far a grounded label moves: between IN and OUT is all the way, to or from UNDEC half.
_LABEL_STEPS = {Label.IN: 0.0, Label.UNDEC: 0.5, Label.OUT: 1.0}


@attrs.frozen(kw_only=True)
class EvaluationChange:
    """A claim of both maps whose grounded label or DF-QuAD strength changed, and why.

    Attributes:
        before_id: the claim's id in the earlier map.
        after_id: its id in the later map.
        semantics: "grounded" (``before`` and ``after`` are labels) or "dfquad"
            (strengths).
        before: its label or strength in the earlier map.
        after: its label or strength in the later map.
        causes: the edits it follows from, nearest first: each reaches the claim through
            claims and relations whose own label (or strength) changed too.
        why_before: the evaluation's reason for its label in the earlier map
            (:attr:`argmap.Evaluation.reasons`; "" when grounded semantics did not run).
        why_after: the same in the later map.
        before_index: the claim's position in the earlier map.
        after_index: its position in the later map.
    """

    before_id: str
    after_id: str
    semantics: str
    before: Label | float
    after: Label | float
    causes: tuple[Cause, ...] = attrs.field(default=(), converter=_causes)
    why_before: str = ""
    why_after: str = ""
    before_index: int = 0
    after_index: int = 0

    @property
    def amount(self) -> float:
        """How much it moved: the change in strength, or 1.0 between IN and OUT (0.5 to UNDEC)."""
        if isinstance(self.before, Label) and isinstance(self.after, Label):
            return abs(_LABEL_STEPS[self.before] - _LABEL_STEPS[self.after])
        return abs(float(self.after) - float(self.before))

    @property
    def because(self) -> tuple[str, ...]:
        """The causes in words, nearest first ("rebuttal 'x' added")."""
        return tuple(str(c) for c in self.causes)

    def inverse(self) -> EvaluationChange:
        """The change undone."""
        return EvaluationChange(
            before_id=self.after_id,
            after_id=self.before_id,
            semantics=self.semantics,
            before=self.after,
            after=self.before,
            causes=tuple(c.inverse() for c in self.causes),
            why_before=self.why_after,
            why_after=self.why_before,
            before_index=self.after_index,
            after_index=self.before_index,
        )


def _evaluation_key(c: EvaluationChange) -> tuple[float, int, int]:
    return -c.amount, 0 if c.semantics == "grounded" else 1, c.after_index


def _evaluation_changes(items: Iterable[EvaluationChange]) -> tuple[EvaluationChange, ...]:
    return tuple(sorted(items, key=_evaluation_key))


def _claim_changes() -> Changes[Claim]:
    return Changes()


def _relation_changes() -> Changes[Relation]:
    return Changes()


def _source_changes() -> Changes[Source]:
    return Changes()


@attrs.frozen(kw_only=True, repr=False)
class MapDiff:
    """What changed from one map to another: :func:`argmap.diff.diff` returns it.

    Attributes:
        before_id: the earlier map's id.
        after_id: the later map's id.
        fields: changes of the map's own fields (``id``, ``title``, ``description``,
            ``meta``).
        sources: what changed among the sources.
        claims: what changed among the claims.
        relations: what changed among the supports and rebuttals.
        theses: what changed among the theses and their verdicts.
        semantics: the semantics the evaluation delta ran ("grounded", "dfquad" or
            "all"), or None when it was not asked for.
        evaluation: every claim of both maps whose label or strength changed, largest
            change first.
    """

    before_id: str
    after_id: str
    fields: tuple[FieldChange, ...] = attrs.field(default=(), converter=_field_changes)
    sources: Changes[Source] = attrs.field(factory=_source_changes)
    claims: Changes[Claim] = attrs.field(factory=_claim_changes)
    relations: Changes[Relation] = attrs.field(factory=_relation_changes)
    theses: ThesisChanges = attrs.field(factory=ThesisChanges)
    semantics: str | None = None
    evaluation: tuple[EvaluationChange, ...] = attrs.field(
        default=(), converter=_evaluation_changes
    )

    @property
    def same(self) -> bool:
        """True when the maps are the same argument: nothing changed but the order of things.

        Renames count as changes; the order of claims, relations, sources and theses does not.
        """
        return (
            not self.fields
            and self.sources.same
            and self.claims.same
            and self.relations.same
            and self.theses.same
            and not self.evaluation
        )

    @property
    def reordered(self) -> tuple[str, ...]:
        """What stands in another order: "sources", "claims", "relations", "theses"."""
        parts: dict[str, Changes[Any]] = {
            "sources": self.sources,
            "claims": self.claims,
            "relations": self.relations,
        }
        found = [name for name, part in parts.items() if part.order is not None]
        if self.theses.reordered:
            found.append("theses")
        return tuple(found)

    def __repr__(self) -> str:
        def counted(name: str, part: Changes[Any]) -> str:
            counts = (len(part.added), len(part.removed), len(part.renamed), len(part.changed))
            return f"{name} +{counts[0]} -{counts[1]} ~{counts[2]} ±{counts[3]}"

        parts = [
            counted("claims", self.claims),
            counted("relations", self.relations),
            counted("sources", self.sources),
        ]
        return (
            f"<MapDiff {self.before_id!r} -> {self.after_id!r}: "
            f"{'same' if self.same else ', '.join(parts)}, "
            f"{len(self.evaluation)} evaluation changes>"
        )

    def inverse(self) -> MapDiff:
        """The diff from the later map back to the earlier: ``diff(b, a)``."""
        return MapDiff(
            before_id=self.after_id,
            after_id=self.before_id,
            fields=tuple(f.inverse() for f in self.fields),
            sources=self.sources.inverse(),
            claims=self.claims.inverse(),
            relations=self.relations.inverse(),
            theses=self.theses.inverse(),
            semantics=self.semantics,
            evaluation=tuple(c.inverse() for c in self.evaluation),
        )

    def apply(self, argument_map: ArgumentMap) -> ArgumentMap:
        """Apply the diff, as an edit script, to the earlier map: ``d.apply(a) == b``.

        Raises:
            ParameterError: if ``argument_map`` is not a map.
            ArgmapError: if the diff does not fit it (it was made from another map): a
                claim, relation or source it changes or removes is missing, or holds
                something else than the diff says it held.
        """
        from argmap.diff.patch import apply_diff

        return apply_diff(self, argument_map)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict in the documented shape (README, "Comparing maps")."""
        from argmap.diff.shape import diff_json

        return diff_json(self)


def same_value(x: object, y: object) -> bool:
    """Equal, where a NaN equals a NaN (so that a map holding one is the same as itself)."""
    if isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y):
        return True
    return x == y


def field_value(x: object, name: str) -> object:
    """The value of a field as a :class:`FieldChange` holds it.

    A relation's ``kind`` is "support" or "rebuttal", the class it is.
    """
    if name == "kind":
        return "rebuttal" if isinstance(x, Rebuttal) else "support"
    return getattr(x, name)
