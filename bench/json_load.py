"""Reading maps from files, per element: native JSON from 10k to 1M claims, AIF, Argdown, arguebuf.

    python bench/json_load.py                       # JSON at 10k, 100k, 1M; the rest at 10k, 100k
    python bench/json_load.py --sizes 10000 100000 --other-sizes 10000
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

Per-element figures are microseconds per claim or relation. With ``--baseline DIR``, the
native JSON column is also timed with the argmap package found in DIR (another checkout,
put first on ``PYTHONPATH``), the same files and the same interpreter, alternating with
this checkout's: a before and after from one run.
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


def spawn(reader: str, path: Path, repeat: int, baseline: Path | None = None) -> dict[str, float]:
    command = [sys.executable, __file__, "--job", reader, "--path", str(path)]
    command += ["--repeat", str(repeat)]
    env = None
    if baseline is not None:
        env = {**os.environ, "PYTHONPATH": str(baseline.resolve())}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)  # noqa: S603
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1]}  # type: ignore[dict-item]
    return json.loads(done.stdout)


def cell(result: dict[str, float], elements: int) -> str:
    if "error" in result:
        return f"error: {result['error']}"
    s = result["seconds"]
    return f"{s:.3f} s ({s / elements * 1e6:.2f} µs)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--other-sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--baseline", type=Path, help="another checkout, timed for JSON too")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--job", choices=["json", "aif", "argdown", "arguebuf"])
    parser.add_argument("--path", type=Path)
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
    for n in sorted(set(args.sizes) | set(args.other_sizes)):
        g = _graphs.generate("mixed", n)
        elements = len(g.claims) + len(g.relations)
        cells = {}
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            if n in args.sizes or n in args.other_sizes:
                _graphs.write_json(g, folder / "map.json")
                if args.baseline:
                    cells["before"] = spawn("json", folder / "map.json", args.repeat, args.baseline)
                cells["json"] = spawn("json", folder / "map.json", args.repeat)
            if n in args.other_sizes:
                import argmap

                m = _graphs.build_map(g)
                for fmt, name in (("aif", "map.aif.json"), ("argdown", "map.argdown")):
                    (folder / name).write_text(argmap.dumps(m, fmt), encoding="utf-8")
                    cells[fmt] = spawn(fmt, folder / name, args.repeat)
                if peer:
                    cells["arguebuf"] = spawn("arguebuf", folder / "map.aif.json", args.repeat)
                del m
        print(row(n, elements, cells), flush=True)


def row(n: int, elements: int, cells: dict[str, dict[str, float]]) -> str:
    """One size's line of the table."""
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


if __name__ == "__main__":
    main()
