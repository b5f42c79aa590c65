"""ICCMA 2023's numeric format: ``p af N``, then one ``i j`` line per attack.

Writing gives the map's exact attack graph (:mod:`argmap.attack_graph`), arguments
numbered ``1`` to ``N`` as the format requires, with the side table in ``#`` comment
lines after the header: ``# argmap 1 thesis "bike-lane"`` per argument and
``# argmap map "example" "Title"`` for the map. Reading gives a map of claims and
single-premise rebuttals (see :mod:`argmap.io._iccma`).
"""

from __future__ import annotations

from argmap.errors import FormatError
from argmap.io._iccma import MAX_ARGUMENTS, Framework, graph_of, map_line, map_of, table_entry
from argmap.model import ArgumentMap

__all__ = ["dumps", "loads"]


def dumps(argument_map: ArgumentMap, *, table: bool = True) -> str:
    """Return the map's exact attack graph in ICCMA 2023's format.

    Args:
        argument_map: the map.
        table: write the side table (``#`` comments naming each argument's claim).
    """
    g = graph_of(argument_map)
    lines = [f"p af {len(g.arguments)}"]
    if table:
        lines.append(f"# The exact attack graph of argmap map {argument_map.id!r}")
        lines.append("# " + map_line(argument_map))
        lines.extend("# " + table_entry(a.name, a.role, a.subject) for a in g.arguments)
    lines.extend(f"{i + 1} {j + 1}" for i, j in g.attacks)
    return "\n".join(lines) + "\n"


def loads(text: str) -> ArgumentMap:
    """Read ICCMA 2023's format as a map of claims and rebuttals.

    Raises:
        FormatError: without a ``p af N`` header first, or for an attack line that is not
            two argument numbers from 1 to N.
    """
    f = Framework()
    count = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            f.read_table(stripped[1:], line=number)
            continue
        parts = stripped.split()
        if count is None:
            count = _header(parts, number)
            for n in range(1, count + 1):
                f.argument(str(n), line=number)
            continue
        if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
            if parts[:2] == ["p", "af"]:
                msg = f"line {number}: a second 'p af' header; give one, on the first line"
            else:
                msg = f"line {number}: an attack is two argument numbers, not {stripped[:40]!r}"
            raise FormatError(msg, line=number)
        a, b = (int(p) if len(p) < 12 else 0 for p in parts)
        if not (1 <= a <= count and 1 <= b <= count):
            msg = f"line {number}: attack {stripped[:40]!r} names an argument outside 1..{count}"
            raise FormatError(msg, line=number)
        f.attacks.append((a - 1, b - 1))
    if count is None:
        msg = "no 'p af N' header: ICCMA 2023 frameworks start with one"
        raise FormatError(msg)
    return map_of(f, "iccma23")


def _header(parts: list[str], number: int) -> int:
    if (
        len(parts) != 3
        or parts[:2] != ["p", "af"]
        or not (parts[2].isascii() and parts[2].isdigit())
    ):
        msg = f"line {number}: expected the header 'p af N' first, not {' '.join(parts)[:40]!r}"
        raise FormatError(msg, line=number)
    count = int(parts[2]) if len(parts[2]) < 12 else MAX_ARGUMENTS + 1
    if count > MAX_ARGUMENTS:
        msg = (
            f"line {number}: {count:,} arguments, over argmap's limit of {MAX_ARGUMENTS:,} "
            "for ICCMA frameworks; split the framework"
        )
        raise FormatError(msg, line=number)
    return count
