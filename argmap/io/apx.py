"""ASPARTIX (apx): an abstract framework as facts ``arg(a1).`` and ``att(a1,a2).``.

Writing gives the map's exact attack graph (:mod:`argmap.attack_graph`), arguments named
``a1``, ``a2``... (ASP constants every apx reader accepts), with the side table in ``%``
comments above the facts: ``% argmap a1 thesis "bike-lane"`` per argument and
``% argmap map "example" "Title"`` for the map. Reading gives a map of claims and
single-premise rebuttals (see :mod:`argmap.io._iccma`); names may be ASP constants,
integers or quoted strings, with spaces anywhere between the tokens, several facts to a
line and ``%`` comments after them.
"""

from __future__ import annotations

import re

from argmap.errors import FormatError
from argmap.io._iccma import Framework, graph_of, map_line, map_of, table_entry
from argmap.model import ArgumentMap

__all__ = ["dumps", "loads"]

_TERM = r'("(?:[^"\\\n]|\\.)*"|[^\s(),."%]+)'
_FACT = re.compile(rf"(arg)\s*\(\s*{_TERM}\s*\)\s*\.|(att)\s*\(\s*{_TERM}\s*,\s*{_TERM}\s*\)\s*\.")
_SPACE = re.compile(r"\s*")


def dumps(argument_map: ArgumentMap, *, table: bool = True) -> str:
    """Return the map's exact attack graph as apx facts.

    Args:
        argument_map: the map.
        table: write the side table (``%`` comments naming each argument's claim).
    """
    g = graph_of(argument_map)
    names = [f"a{a.name}" for a in g.arguments]
    lines = []
    if table:
        lines.append(
            f"% The exact attack graph of argmap map {argument_map.id!r}: {len(names)} "
            f"arguments, {len(g.attacks)} attacks"
        )
        lines.append("% " + map_line(argument_map))
        lines.extend(
            "% " + table_entry(n, a.role, a.subject)
            for n, a in zip(names, g.arguments, strict=True)
        )
    lines.extend(f"arg({n})." for n in names)
    lines.extend(f"att({names[i]},{names[j]})." for i, j in g.attacks)
    return "\n".join(lines) + "\n"


def loads(text: str) -> ArgumentMap:
    """Read apx facts as a map of claims and rebuttals.

    Raises:
        FormatError: for a line that holds something other than facts and comments.
    """
    f = Framework()
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("%"):
            f.read_table(stripped[1:], line=number)
            continue
        _facts(f, line, number)
    return map_of(f, "apx")


def _facts(f: Framework, line: str, number: int) -> None:
    pos = _SPACE.match(line, 0).end()  # type: ignore[union-attr]
    while pos < len(line) and line[pos] != "%":
        fact = _FACT.match(line, pos)
        if fact is None:
            shown = line[pos : pos + 30]
            msg = (
                f"line {number}, column {pos + 1}: expected arg(NAME). or att(NAME,NAME)., "
                f"not {shown!r}"
            )
            raise FormatError(msg, line=number, column=pos + 1)
        if fact[1]:
            f.argument(fact[2], line=number)
        else:
            a, b = fact[4], fact[5]
            for name in (a, b):
                if not f.known(name):
                    f.note("undeclared", repr(name))
            f.attacks.append((f.argument(a, line=number), f.argument(b, line=number)))
        pos = _SPACE.match(line, fact.end()).end()  # type: ignore[union-attr]
