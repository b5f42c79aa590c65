"""Trivial Graph Format (tgf): argument lines, a ``#`` line, then attack lines.

Writing gives the map's exact attack graph (:mod:`argmap.attack_graph`), arguments named
``1``, ``2``...; TGF has no comments, so the side table goes where TGF allows free text,
in each argument's label: ``1 thesis "bike-lane"`` (ICCMA solvers read the first token of
a node line). The map's own id and title are not written. Reading gives a map of claims
and single-premise rebuttals (see :mod:`argmap.io._iccma`); a label that is no side-table
entry becomes the claim's text.
"""

from __future__ import annotations

import re

from argmap.errors import FormatError
from argmap.io._iccma import Framework, graph_of, map_of, table_entry
from argmap.model import ArgumentMap

__all__ = ["dumps", "loads"]

_ENTRY = re.compile(r'(\S+)\s+(".*")$')


def dumps(argument_map: ArgumentMap, *, table: bool = True) -> str:
    """Return the map's exact attack graph as TGF.

    Args:
        argument_map: the map.
        table: label each argument with its side-table entry (role and claim id).
    """
    g = graph_of(argument_map)
    lines = [
        table_entry(a.name, a.role, a.subject).removeprefix("argmap ") if table else a.name
        for a in g.arguments
    ]
    lines.append("#")
    lines.extend(f"{g.arguments[i].name} {g.arguments[j].name}" for i, j in g.attacks)
    return "\n".join(lines) + "\n"


def loads(text: str) -> ArgumentMap:
    """Read TGF as a map of claims and rebuttals.

    Raises:
        FormatError: if there is no ``#`` line, or an attack line does not name two
            arguments.
    """
    f = Framework()
    attacks = False
    for number, line in enumerate(text.split("\n"), start=1):
        parts = line.split(maxsplit=1)
        if not parts:
            continue
        if parts == ["#"]:
            if attacks:
                msg = (
                    f"line {number}: a second '#' line; TGF has one, between arguments and attacks"
                )
                raise FormatError(msg, line=number)
            attacks = True
        elif not attacks:
            _node(f, parts, number)
        else:
            ends = line.split(maxsplit=2)
            if len(ends) < 2:
                msg = f"line {number}: an attack line names two arguments, not {line.strip()!r}"
                raise FormatError(msg, line=number)
            for name in ends[:2]:
                if not f.known(name):
                    f.note("undeclared", repr(name))
            f.attacks.append((f.argument(ends[0], line=number), f.argument(ends[1], line=number)))
    if not attacks:
        msg = "no '#' line: TGF lists the arguments, a line '#', then the attacks"
        raise FormatError(msg)
    return map_of(f, "tgf")


def _node(f: Framework, parts: list[str], number: int) -> None:
    name = parts[0]
    f.argument(name, line=number)
    if len(parts) == 1:
        return
    label = parts[1].strip()
    entry = _ENTRY.match(label)
    if entry is None or not f.read_entry(name, entry[1], entry[2]):
        f.labels[name] = label
