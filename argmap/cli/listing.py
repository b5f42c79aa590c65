# pathlib costs an import that --help would pay too: os.path and open here.
# ruff: noqa: PTH110, PTH112, PTH118, PTH120, PTH123, PTH208
"""``argmap list`` at start-up speed: a record of the built-in maps' titles and counts.

Building every built-in map to count its claims costs far more than starting Python. So
``builtin_maps.json`` (beside this module) records, for each map, its title and counts
with a fingerprint of what built them: the bytes of argmap's model and builder and of
every Python file of the map's package. ``argmap list`` uses the record only when, for
every installed map, the entry point, the fingerprint and the map id all match the record; any other
map (a plugin's, or one whose code changed since the record was written) makes it build
and count every map, as before. The output is the same either way.

``python -c "import argmap.cli.listing as l; l.write()"`` rewrites the record from the maps
as they build now (a test says when it is out of date).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from argmap.cli.status import EXIT_OK, EXIT_PROBLEMS

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

# Modules load inside the functions: ``argmap --help`` imports this one.

__all__ = ["RECORD", "SIDE_WORD", "fingerprint", "list_maps", "record", "rows", "write"]

#: The record: {entry point value: {"fingerprint", "id", "title", "counts"}}.
RECORD = os.path.join(os.path.dirname(__file__), "builtin_maps.json")

Row = dict[str, Any]


def fingerprint(entry_point: str) -> str | None:
    """What a map's row depends on: argmap's model and builder, and its package's files.

    None when the entry point's module cannot be found without importing it.
    """
    import zlib
    from importlib.util import find_spec
    from pathlib import Path

    top = entry_point.partition(":")[0].partition(".")[0]
    try:
        spec = find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    here = Path(__file__).resolve().parent.parent
    parts = [(here / own).read_bytes() for own in ("model.py", "build.py")]
    for folder in spec.submodule_search_locations:
        for path in sorted(Path(folder).rglob("*.py")):
            parts += [str(path.relative_to(folder)).encode(), path.read_bytes()]
    data = b"\0".join(parts)  # a check for change, not for tampering: CRC-32 and length
    return f"{zlib.crc32(data):08x}-{len(data)}"


def _entry_points() -> dict[str, str]:
    """The ``argmap.maps`` entry points installed, {name: value}, first of each name.

    Read straight from the ``entry_points.txt`` of each distribution on ``sys.path`` (the
    first distribution of each name, as :mod:`importlib.metadata` takes it), which spares
    importing that module (or from the registry, when this program has loaded it); where
    anything else could provide distributions (a zip on the
    path, an import hook that finds them) it asks :mod:`importlib.metadata` itself.
    """
    import sys
    from importlib.machinery import PathFinder

    registry = sys.modules.get("argmap.registry")
    if registry is not None:  # loaded already: this program's registry has the last word
        return {name: ep.value for name, ep in registry._entry_points().items()}  # noqa: SLF001
    hooks = [f for f in sys.meta_path if hasattr(f, "find_distributions") and f is not PathFinder]
    folders = [p or "." for p in sys.path]
    if hooks or not all(os.path.isdir(p) for p in folders if os.path.exists(p)):
        from importlib.metadata import entry_points

        return _first((ep.name, ep.value) for ep in entry_points(group="argmap.maps"))
    seen: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for folder in folders:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            stem, dot, kind = name.rpartition(".")
            if not dot or kind not in ("dist-info", "egg-info"):
                continue
            dist = stem.partition("-")[0].lower().replace("-", "_").replace(".", "_")
            if dist in seen:
                continue
            seen.add(dist)
            pairs += _read_entry_points(os.path.join(folder, name, "entry_points.txt"))
    return _first(pairs)


def _first(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in pairs:
        found.setdefault(name, value)
    return found


def _read_entry_points(path: str) -> list[tuple[str, str]]:
    """The ``argmap.maps`` section of an ``entry_points.txt`` (an INI file)."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    pairs: list[tuple[str, str]] = []
    section = None
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == "argmap.maps" and "=" in line:
            name, _, value = line.partition("=")
            pairs.append((name.strip(), value.strip()))
    return pairs


#: How a side of a thesis reads in a count ("57 claims for").
SIDE_WORD = {"pro": "for", "con": "against", "both": "both ways"}


def _sides(m: ArgumentMap) -> dict[str, dict[str, int]]:
    """For each thesis, how many other claims argue for it, against it, and both ways."""
    out: dict[str, dict[str, int]] = {}
    for t in m.theses:
        if t not in m.claims_by_id:
            continue
        counts = {"for": 0, "against": 0, "both ways": 0}
        for claim, side in m.polarity(t).items():
            if claim != t:
                counts[SIDE_WORD[side.value]] += 1
        out[t] = counts
    return out


def _row(m: ArgumentMap) -> Row:
    import attrs

    return {"id": m.id, "title": m.title, **attrs.asdict(m.counts()), "theses": _sides(m)}


def rows() -> tuple[list[Row], bool]:
    """A row per built-in map, and whether every map built.

    From the record when it holds every installed map as it stands; otherwise every map is
    built (each failure is one line on standard error).
    """
    found = _recorded()
    if found is not None:
        return found, True
    import argmap
    from argmap.cli import inputs

    argmap.ArgumentMap  # noqa: B018 - finishes the command's lazy import of argmap
    maps, all_built = inputs.builtin_maps()
    return [_row(m) for m in maps], all_built


def _recorded() -> list[Row] | None:
    """Every installed map's row from the record, or None unless it holds them all."""
    import json

    found = _entry_points()
    try:
        with open(RECORD, encoding="utf-8") as fh:
            recorded = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict):
        return None
    prints: dict[str, str | None] = {}
    result: list[Row] = []
    for name in sorted(found):
        value = found[name]
        entry = recorded.get(value)
        if not isinstance(entry, dict) or entry.get("id") != name:
            return None
        top = value.partition(".")[0]
        if top not in prints:
            prints[top] = fingerprint(value)
        if prints[top] is None or entry.get("fingerprint") != prints[top]:
            return None
        if not isinstance(entry.get("theses"), dict):
            return None
        result.append(
            {"id": name, "title": entry["title"], **entry["counts"], "theses": entry["theses"]}
        )
    return result


def list_maps(args: argparse.Namespace) -> int:
    """``argmap list``: the built-in maps, their counts, and each thesis's sides."""
    import shutil
    import textwrap

    from argmap.text import clean, safe_json

    found, all_built = rows()
    status = EXIT_OK if all_built else EXIT_PROBLEMS
    if args.json:
        from argmap.cli.stdout import write_output

        write_output(safe_json(found) + "\n", None)
        return status
    if not found:
        print("no built-in maps are installed" if all_built else "no built-in map could be built")
        return status
    ids = {r["id"]: clean(r["id"]) for r in found}
    width = max(len(i) for i in ids.values())
    # The counts make a table; a title and the theses' sides, under their row, wrap to the
    # terminal so that no line runs past it.
    columns = max(shutil.get_terminal_size((80, 24)).columns, 40)

    def under(text: str) -> str:
        return textwrap.fill(text, width=columns, initial_indent="  ", subsequent_indent="    ")

    print(f"{'id':<{width}}  claims  supports  rebuttals  undercuts")
    for r in found:
        counts = f"{r['claims']:>6}  {r['supports']:>8}  {r['rebuttals']:>9}  {r['undercuts']:>9}"
        print(f"{ids[r['id']]:<{width}}  {counts}")
        print(under(clean(r["title"])))
        for thesis, n in r["theses"].items():
            parts = [f"{count} {word}" for word, count in n.items() if count]
            if parts:  # "57 claims for, 42 against": the first count says what it counts
                count, word = parts[0].split(" ", 1)
                parts[0] = f"{count} {'claim' if count == '1' else 'claims'} {word}"
            sides = ", ".join(parts)
            print(under(clean(f"thesis {thesis}: {sides or 'no claim bears on it'}")))
    return status


def record() -> dict[str, Row]:
    """The record as the installed maps build now (every map that builds)."""
    from importlib.metadata import entry_points

    from argmap import registry

    entries: dict[str, Row] = {}
    for ep in sorted(entry_points(group="argmap.maps"), key=lambda e: e.value):
        if ep.name not in registry.names():
            continue
        row = _row(registry.get(ep.name))
        entries[ep.value] = {
            "fingerprint": fingerprint(ep.value),
            "id": row.pop("id"),
            "title": row.pop("title"),
            "theses": row.pop("theses"),
            "counts": row,
        }
    return entries


def write() -> None:
    """Rewrite the record from the maps as they build now."""
    import json

    from argmap.files import write_atomic

    write_atomic(RECORD, json.dumps(record(), indent=2, ensure_ascii=False) + "\n")
