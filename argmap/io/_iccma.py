"""What the three ICCMA formats share: the side table, and the map an attack graph becomes.

Writing: a map becomes its exact attack graph (:mod:`argmap.attack_graph`), and each
format lists its arguments and attacks; a *side table* names, for every argument, what it
stands for in the map: one line ``argmap NAME ROLE ID`` per argument (ROLE as in
:data:`argmap.attack_graph.Role`, ID a JSON string), and ``argmap map ID TITLE`` for the
map. The formats put it where they allow free text: ``%`` comments (apx), ``#`` comments
(iccma23) or node labels (tgf).

Reading: every argument becomes a claim and every attack a single-premise rebuttal from
the attacker to the attacked. With a side table, claims take their original ids, theses
are the arguments the table marks ``thesis``, and the map its id and title; without one,
ids are the argument names and the theses are the arguments that attack nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import cast

import attrs

from argmap.attack_graph import HELPER_PREFIX, Argument, AttackGraph, Role, encode
from argmap.errors import FormatError, warn
from argmap.io._shared import IdPool, derived_theses, slug
from argmap.model import ArgumentMap, Claim, ClaimId, Rebuttal

__all__ = [
    "MAX_ARGUMENTS",
    "META_KEY",
    "Framework",
    "graph_of",
    "map_line",
    "map_of",
    "table_entry",
]

#: The key of the claims' ``meta`` where readers note each argument's name and role.
META_KEY = "iccma"

#: Frameworks with more arguments than this are refused (each becomes a claim).
MAX_ARGUMENTS = 2_000_000

_ROLES = ("thesis", "claim", "relation", "not", "unsupported")
_STRING = r'"(?:[^"\\]|\\.)*"'
_TABLE = re.compile(rf"argmap\s+(\S+)\s+(\S+)\s+({_STRING})\s*$")
_MAP = re.compile(rf"argmap\s+map\s+({_STRING})\s+({_STRING})\s*$")
_HELPER_ROLES = ("relation", "not", "unsupported")


def graph_of(argument_map: ArgumentMap) -> AttackGraph:
    """The exact attack graph that every ICCMA writer writes.

    A claim read from an ICCMA side table as a relation or helper argument (its
    ``meta["iccma"]`` says so) is written back in that role, so that reading and writing
    again gives the same file.
    """
    g = encode(argument_map)
    claims = argument_map.claims_by_id
    arguments = list(g.arguments)
    for i, a in enumerate(arguments):
        if a.role != "claim":
            continue
        meta = claims[ClaimId(a.subject)].meta.get(META_KEY)
        if isinstance(meta, Mapping):
            role, subject = meta.get("role"), meta.get("subject")
            if role in _HELPER_ROLES and isinstance(subject, str) and subject:
                arguments[i] = Argument(a.name, cast("Role", role), subject)
    return AttackGraph(tuple(arguments), g.attacks)


def table_entry(name: str, role: str, subject: str) -> str:
    """One side-table entry, without the comment mark: ``argmap NAME ROLE "ID"``."""
    return f"argmap {name} {role} {json.dumps(subject)}"


def map_line(argument_map: ArgumentMap) -> str:
    """The side table's line for the map itself: ``argmap map "ID" "TITLE"``."""
    return f"argmap map {json.dumps(argument_map.id)} {json.dumps(argument_map.title)}"


@attrs.define
class Framework:
    """An abstract framework as a reader found it, with whatever side table it carried.

    Attributes:
        names: argument names, in the order the file gives them.
        attacks: (attacker, attacked) positions in ``names``, in file order.
        table: per argument name, (role, id) from the side table.
        map_id: the map's id from the side table ("" when absent).
        title: the map's title from the side table.
        labels: per argument name, a label the file gave it (tgf), used as its text.
        odd: what lenient reading noticed, one message per kind.
    """

    names: list[str] = attrs.field(factory=list)
    attacks: list[tuple[int, int]] = attrs.field(factory=list)
    table: dict[str, tuple[str, str]] = attrs.field(factory=dict)
    map_id: str = ""
    title: str = ""
    labels: dict[str, str] = attrs.field(factory=dict)
    odd: dict[str, list[str]] = attrs.field(factory=dict)
    _index: dict[str, int] = attrs.field(factory=dict)

    def argument(self, name: str, *, line: int) -> int:
        """The position of argument ``name``, adding it if new."""
        found = self._index.get(name)
        if found is None:
            if len(self.names) >= MAX_ARGUMENTS:
                msg = (
                    f"line {line}: more than {MAX_ARGUMENTS:,} arguments, argmap's limit "
                    "for ICCMA frameworks; split the framework"
                )
                raise FormatError(msg, line=line)
            found = self._index[name] = len(self.names)
            self.names.append(name)
        return found

    def known(self, name: str) -> bool:
        """True when ``name`` was declared or used already."""
        return name in self._index

    def note(self, kind: str, what: str) -> None:
        """Remember an oddity of one kind, to warn once for all of them."""
        self.odd.setdefault(kind, []).append(what)

    def read_table(self, text: str, *, line: int) -> bool:
        """Read one side-table entry or map line (without its comment mark), if it is one.

        Returns False for text that is no side-table line at all; a line that starts like
        one but cannot be read is noted (and ignored).
        """
        text = text.strip()
        if not re.match(r"argmap\s", text):
            return False
        if found := _MAP.match(text):
            pair = _json_strings(f"[{found[1]}, {found[2]}]")
            if len(pair) == 2:
                self.map_id, self.title = pair
                return True
        elif (found := _TABLE.match(text)) and self.read_entry(found[1], found[2], found[3]):
            return True
        self.note("table", f"line {line}")
        return True

    def read_entry(self, name: str, role: str, subject: str) -> bool:
        """Record that argument ``name`` stands for ``subject`` (a JSON string) in ``role``."""
        ids = _json_strings(f"[{subject}]")
        if role not in _ROLES or len(ids) != 1 or not ids[0]:
            return False
        self.table[name] = (role, ids[0])
        return True


def _json_strings(text: str) -> list[str]:
    """The strings of a JSON array of strings, or [] if it is not one."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return []
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return value
    return []


def _shown(items: list[str]) -> str:
    return ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")


_ODDITIES = {
    "table": "side-table lines that argmap cannot read are ignored ({items})",
    "undeclared": "attacks name arguments that were not declared; they are added ({items})",
    "untabled": "arguments missing from the side table keep their names as ids ({items})",
    "self": (
        "arguments attack themselves ({items}); argmap has no self-attack, so each gets a "
        "helper claim that it attacks and that attacks it, which keeps grounded labels"
    ),
}


def map_of(framework: Framework, fmt: str) -> ArgumentMap:  # noqa: C901 - claims, then attacks
    """The map of claims and single-premise rebuttals that a framework becomes."""
    f = framework
    pool = IdPool()
    tabled = bool(f.table)
    ids: list[str] = []
    claims: list[Claim] = []
    theses: list[str] = []
    for name in f.names:
        role, subject = f.table.get(name, ("", ""))
        if tabled and not role:
            f.note("untabled", repr(name))
        cid = pool.take(HELPER_PREFIX.get(role, "") + subject if role else slug(name))
        ids.append(cid)
        meta: dict[str, object] = {"argument": name}
        if role:
            meta.update(role=role, subject=subject)
        text = f.labels.get(name) or _text(name, role, subject)
        claims.append(Claim(cid, text, meta={META_KEY: meta}))
        if role == "thesis":
            theses.append(cid)
    relations = []
    seen: set[tuple[int, int]] = set()
    selves: list[str] = []
    rid = _relation_ids(pool)
    for a, b in f.attacks:
        if (a, b) in seen:
            continue
        seen.add((a, b))
        if a != b:
            relations.append(Rebuttal(next(rid), [ids[a]], ids[b]))
            continue
        selves.append(repr(f.names[a]))
        helper = pool.take(f"{ids[a]}~self")
        claims.append(
            Claim(
                helper,
                f"Argument {f.names[a]} attacks itself.",
                meta={META_KEY: {"self-attack": f.names[a]}},
            )
        )
        relations.append(Rebuttal(next(rid), [ids[a]], helper))
        relations.append(Rebuttal(next(rid), [helper], ids[a]))
    if selves:
        f.note("self", ", ".join(selves))
    for kind, items in f.odd.items():
        shown = _ODDITIES[kind].replace("{items}", _shown(items))
        warn(f"{fmt}: {shown}")
    m = ArgumentMap(
        f.map_id or fmt,
        f.title or f"An abstract argumentation framework ({fmt})",
        claims=claims,
        relations=relations,
        theses=theses,
    )
    if not theses:
        m = attrs.evolve(m, theses=derived_theses(m))
    return m


def _relation_ids(pool: IdPool) -> Iterator[str]:
    n = 0
    while True:
        n += 1
        yield pool.take(f"att{n}")


def _text(name: str, role: str, subject: str) -> str:
    if role == "not":
        return f"Claim {subject!r} does not hold."
    if role == "unsupported":
        return f"No support of claim {subject!r} holds."
    if role == "relation":
        return f"Relation {subject!r} takes effect."
    if role:
        return f"Claim {subject!r}."
    return f"Argument {name}."
