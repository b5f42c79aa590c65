"""Reading maps from files, per element: native JSON from 10k to 1M claims, AIF, Argdown, arguebuf.

    python bench/json_load.py                       # JSON at 10k, 100k, 1M; the rest at 10k, 100k
    python bench/json_load.py --sizes 10000 100000 --other-sizes 10000
    python bench/json_load.py --sizes 10000 100000 --other-sizes 10000 100000 --baseline ../main
    python bench/json_load.py --other-sizes --baseline ../main   # JSON before -> after

The map is ``bench/_graphs.py``'s ``mixed`` graph (supports and rebuttals, linked
premises, undercuts, a base score on one claim in five) of N claims and about 2.5 N
relations; an element is a claim or a relation. It is written untimed: native JSON in
compact form (argmap's reader takes any JSON layout; the indented text ``argmap.dumps``
writes passes argmap's 256 MiB input limit near 800,000 claims), AIF and Argdown with
``argmap.dumps``.

What each timer covers (CPU seconds, ``time.process_time``, each file read in a fresh
process, best of ``--repeat``, imports and a first read of a one-claim document left out):

* ``argmap.load(path)``: read the file, parse it, build the map, validate it (what a user
  calls), for native JSON, AIF (``.aif.json``) and Argdown (``.argdown``);
* ``arguebuf.load.file(path)`` on the AIF file (arguebuf 2.x, if installed: ``pip install
  arguebuf``; not an argmap dependency): read, parse and build its graph. It keeps fewer
  objects than argmap (no validation, no bookkeeping).

Per-element figures are microseconds per claim or relation. A second table sets AIF
against native JSON and arguebuf per size. With ``--baseline CHECKOUT``, the native JSON
and AIF files are also read with the argmap of another checkout (its folder put first on
``PYTHONPATH`` in the job's fresh process; same files, same interpreter), for
before-and-after figures from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _graphs

clock = time.process_time
TINY = {
    "json": '{"argmap": 1, "id": "w", "title": "W", "theses": ["t"], '
    '"claims": [{"id": "t", "text": "T"}]}',
}


def run_job(reader: str, path: Path, repeat: int) -> dict[str, float]:
    best = float("inf")
    if reader == "arguebuf":
        import arguebuf

        # Imports and one-time set-up, untimed as argmap's are: a one-node graph read first.
        tiny = path.with_name("tiny.json")
        tiny.write_text(
            '{"nodes": [{"nodeID": "1", "text": "a", "type": "I"}], "edges": [], "locutions": []}',
            encoding="utf-8",
        )
        arguebuf.load.file(tiny)
        for _ in range(repeat):
            start = clock()
            arguebuf.load.file(path)
            best = min(best, clock() - start)
    else:
        import argmap

        tiny = argmap.loads(TINY["json"])  # imports and one-time set-up, untimed
        fmt = {"json": "json", "aif": "aif", "argdown": "argdown"}[reader]
        argmap.loads(argmap.dumps(tiny, fmt), fmt)
        for _ in range(repeat):
            start = clock()
            m = argmap.load(path)
            best = min(best, clock() - start)
            del m
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": best, "peak rss MiB": rss}


def spawn(reader: str, path: Path, repeat: int, checkout: Path | None = None) -> dict[str, float]:
    command = [sys.executable, __file__, "--job", reader, "--path", str(path)]
    command += ["--repeat", str(repeat)]
    env = None
    if checkout is not None:  # the argmap of another checkout, found before this one's
        env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)  # noqa: S603
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1]}  # type: ignore[dict-item]
    return json.loads(done.stdout)


def cell(result: dict[str, float], elements: int) -> str:
    if "error" in result:
        return f"error: {result['error']}"
    s = result["seconds"]
    return f"{s:.3f} s ({s / elements * 1e6:.2f} µs)"


def measure(n: int, args: argparse.Namespace, *, peer: bool) -> tuple[int, dict[str, Any]]:
    """The elements of the graph of ``n`` claims, and each reader's result on its files."""
    g = _graphs.generate("mixed", n)
    elements = len(g.claims) + len(g.relations)
    cells = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _graphs.write_json(g, folder / "map.json")
        if args.baseline is not None:
            cells["before"] = spawn("json", folder / "map.json", args.repeat, args.baseline)
        cells["json"] = spawn("json", folder / "map.json", args.repeat)
        if n in args.other_sizes:
            import argmap

            m = _graphs.build_map(g)
            for fmt, name in (("aif", "map.aif.json"), ("argdown", "map.argdown")):
                (folder / name).write_text(argmap.dumps(m, fmt), encoding="utf-8")
                cells[fmt] = spawn(fmt, folder / name, args.repeat)
            if args.baseline is not None:
                cells["aif before"] = spawn(
                    "aif", folder / "map.aif.json", args.repeat, args.baseline
                )
            if peer:
                cells["arguebuf"] = spawn("arguebuf", folder / "map.aif.json", args.repeat)
            del m
    return elements, cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--other-sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--job", choices=["json", "aif", "argdown", "arguebuf"])
    parser.add_argument("--path", type=Path)
    parser.add_argument("--baseline", type=Path, help="also read with this checkout's argmap")
    args = parser.parse_args()
    if args.job:
        print(json.dumps(run_job(args.job, args.path, args.repeat)))
        return
    try:
        import arguebuf  # noqa: F401
    except ImportError:
        peer = False
    else:
        peer = True
    print(f"# argmap.load per file, CPU s (µs per element), best of {args.repeat}")
    before = "native JSON, baseline | " if args.baseline else ""
    print(
        f"| claims | elements | {before}native JSON | AIF | Argdown | arguebuf (AIF) | "
        "JSON vs arguebuf |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |" + (" --- |" if args.baseline else ""))
    aif_rows: list[tuple[int, int, dict[str, dict[str, float]]]] = []
    for n in sorted(set(args.sizes) | set(args.other_sizes)):
        elements, cells = measure(n, args, peer=peer)
        print(row(n, elements, cells), flush=True)
        if "aif" in cells:
            aif_rows.append((n, elements, cells))
    if aif_rows:
        print_aif(aif_rows, args.baseline)


def row(n: int, elements: int, cells: dict[str, dict[str, float]]) -> str:
    """One size's line of the first table."""
    shown = {k: cell(v, elements) for k, v in cells.items()}
    ratio = "-"
    if "arguebuf" in cells and "seconds" in cells["arguebuf"]:
        ratio = f"{cells['arguebuf']['seconds'] / cells['json']['seconds']:.1f}x"
    before = f"{shown['before']} | " if "before" in shown else ""
    return (
        f"| {n:,} | {elements:,} | {before}{shown.get('json', '-')} | "
        f"{shown.get('aif', '-')} | {shown.get('argdown', '-')} | "
        f"{shown.get('arguebuf', '-')} | {ratio} |"
    )


def _per_element(result: dict[str, float] | None, elements: int) -> float | None:
    if result is None or "seconds" not in result:
        return None
    return result["seconds"] / elements * 1e6


def print_aif(
    rows: list[tuple[int, int, dict[str, dict[str, float]]]], baseline: Path | None
) -> None:
    """AIF per element against native JSON and arguebuf, from the runs above."""
    print("\n# AIF: argmap.load per element, against native JSON and arguebuf (same run)")
    head = "| claims | AIF µs | JSON µs | AIF / JSON | arguebuf µs | arguebuf / AIF |"
    print(head + (f" AIF µs with {baseline} | before / after |" if baseline else ""))
    print("| --- " * (6 + 2 * bool(baseline)) + "|")
    for n, elements, cells in rows:
        us = {
            k: _per_element(cells.get(k), elements)
            for k in ("aif", "json", "arguebuf", "aif before")
        }

        def shown(x: float | None) -> str:
            return "-" if x is None else f"{x:.2f}"

        def ratio(a: float | None, b: float | None) -> str:
            return "-" if a is None or b is None else f"{a / b:.2f}x"

        line = (
            f"| {n:,} | {shown(us['aif'])} | {shown(us['json'])} | {ratio(us['aif'], us['json'])} "
            f"| {shown(us['arguebuf'])} | {ratio(us['arguebuf'], us['aif'])} |"
        )
        if baseline:
            line += f" {shown(us['aif before'])} | {ratio(us['aif before'], us['aif'])} |"
        print(line, flush=True)


if __name__ == "__main__":
    main()
