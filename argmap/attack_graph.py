"""A map as a Dung attack graph whose grounded extension is the map's grounded labelling.

Abstract argumentation (Dung 1995) knows one relation, attack. argmap's grounded rules
(:mod:`argmap.evaluate`) also have supports, linked premises and undercuts, so
:func:`encode` adds helper arguments that make the attack graph behave exactly like the
map:

* every claim is an argument;
* a claim ``c`` that has supports gets a helper ``unsupported:c`` that attacks it and is
  attacked by each of its supports: ``c`` then needs one support to hold (all supports
  out make the helper in, and the claim out);
* a *plain* relation (one premise, not undercut) is its premise's label passed on, so its
  premise attacks directly: a rebuttal's premise attacks the target, a support's premise
  attacks ``unsupported:target``;
* any other relation (linked, or undercut) is an argument of its own: it is attacked by a
  helper ``not:p`` for each premise ``p`` (which ``p`` attacks), so it holds only when
  every premise does, and by the undercuts aimed at it; it attacks its target (a
  rebuttal) or ``unsupported:target`` (a support).

The grounded labelling of the graph then gives every claim (and every relation that is
an argument) the label argmap's grounded semantics gives it: IN is in the grounded
extension, OUT is attacked by it, UNDEC is the rest. With ``every_relation=True`` every
relation is an argument (the larger graph the benchmark has always measured).

>>> from argmap import registry
>>> from argmap.attack_graph import encode
>>> g = encode(registry.get("example"))
>>> len(g.arguments), len(g.attacks)
(13, 12)
>>> g.arguments[0]
Argument(name='1', role='thesis', subject='bike-lane')
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from argmap.model import ArgumentMap, Support

__all__ = ["Argument", "AttackGraph", "Role", "encode"]

#: What an argument of the graph stands for: a claim (a thesis, or another claim), a
#: relation, or a helper about a claim (``not``: the claim does not hold;
#: ``unsupported``: no support of the claim holds).
Role: TypeAlias = Literal["thesis", "claim", "relation", "not", "unsupported"]

#: Prefixes of the helper arguments' long names (``not:c1``).
HELPER_PREFIX: dict[str, str] = {"not": "not:", "unsupported": "unsupported:"}


@attrs.frozen
class Argument:
    """One argument of an attack graph.

    Attributes:
        name: its name in the graph: ``1``, ``2``... in the order of :attr:`AttackGraph.arguments`.
        role: what it stands for (see :data:`Role`).
        subject: the id of the claim or relation it stands for, or is a helper about.
    """

    name: str
    role: Role
    subject: str

    @property
    def long_name(self) -> str:
        """The subject's id, prefixed for helpers (``not:c1``, ``unsupported:c2``)."""
        return HELPER_PREFIX.get(self.role, "") + self.subject


@attrs.frozen(repr=False)
class AttackGraph:
    """Arguments, and attacks between them as pairs of positions in ``arguments``.

    Attributes:
        arguments: claims first (in map order), then relations that are arguments, then
            the helpers, in the order they are first needed.
        attacks: (attacker, attacked) positions, sorted, without repeats.
    """

    arguments: tuple[Argument, ...]
    attacks: tuple[tuple[int, int], ...]

    def __repr__(self) -> str:
        return f"<AttackGraph: {len(self.arguments)} arguments, {len(self.attacks)} attacks>"

    def named(self) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
        """The graph as sets of argument long names and attacks between them."""
        names = [a.long_name for a in self.arguments]
        return frozenset(names), frozenset((names[i], names[j]) for i, j in self.attacks)


def encode(argument_map: ArgumentMap, *, every_relation: bool = False) -> AttackGraph:  # noqa: C901 - one pass per rule
    """Return the attack graph of a map (see the module's description).

    Runs in time linear in the size of the map.

    Args:
        argument_map: the map; it should be valid (relations that cite unknown claims or
            relations are left out).
        every_relation: make every relation an argument, plain ones included.
    """
    m = argument_map
    theses = set(m.theses)
    claims = m.claims_by_id
    relations = m.relations_by_id
    index: dict[tuple[str, str], int] = {}
    arguments: list[Argument] = []

    def arg(kind: str, role: Role, subject: str) -> int:
        key = (kind, subject)
        found = index.get(key)
        if found is None:
            found = index[key] = len(arguments)
            arguments.append(Argument(str(found + 1), role, subject))
        return found

    for c in m.claims:
        arg("claim", "thesis" if c.id in theses else "claim", c.id)
    undercut = {r.target for r in m.relations if r.target in relations}
    usable = [
        r
        for r in m.relations
        if all(p in claims for p in r.premises)
        and r.premises
        and (r.target in claims or (r.target in relations and not isinstance(r, Support)))
    ]
    own = {r.id for r in usable if every_relation or len(r.premises) > 1 or r.id in undercut}
    for r in usable:
        if r.id in own:
            arg("relation", "relation", r.id)
    attacks: set[tuple[int, int]] = set()
    for r in usable:
        if r.id in own:
            source = index["relation", r.id]
            for p in r.premises:
                helper = arg("not", "not", p)
                attacks.add((index["claim", p], helper))
                attacks.add((helper, source))
        else:
            source = index["claim", r.premises[0]]
        if isinstance(r, Support):
            attacks.add((source, arg("unsupported", "unsupported", r.target)))
        else:
            kind = "claim" if r.target in claims else "relation"
            target = index.get((kind, r.target))
            if target is not None:  # an undercut of a relation that is not usable
                attacks.add((source, target))
    for c in m.claims:
        found = index.get(("unsupported", c.id))
        if found is not None:
            attacks.add((found, index["claim", c.id]))
    return AttackGraph(tuple(arguments), tuple(sorted(attacks)))
