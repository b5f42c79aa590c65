"""Time loading AIF: the largest corpus file, a generated document, and AIF argmap wrote.

Usage:
    python bench/aif_load.py [FOLDER] [--claims N] [--repeat R] [--baseline CHECKOUT]

FOLDER defaults to ../shared/corpora/aif. The generated document looks like an AIFdb
dialogue corpus: each claim is asserted by a locution (L → YA "Asserting" → I, with a
``locutions`` entry), locutions follow each other through TA nodes, and each claim after
the first attaches to an earlier one by an RA (80 %, a fifth of them with a second,
linked premise) or a CA (20 %, one in ten of those undercutting an RA instead).

The third document is what ``aif.dumps`` writes for a generated map of as many claims
(``_generate.generated_map``) with one source, a quote and a tag on every fifth claim:
reading it back gives the map without AIF bookkeeping, decided while reading
(``argmap.io.aif.written``) rather than by writing the map back (``argmap.io.aif.roundtrip``,
which the general reader still runs for other documents that carry ``argmapExtra``).
The fourth is the same map written with ``numeric_ids=True`` (AIFdb's numbered ids).

For each file, in the same run, each reader in a fresh process of its own and from the same
file path (wall-clock seconds, imports left out): ``argmap.load(path, "aif",
check=False)`` (read the file into a map, every node kept), ``argmap.load(path, "aif")``
(the same, plus validation), and arguebuf (``arguebuf.load.file(path)``, if installed; it
is not an argmap dependency); then the round trip back to AIF (``aif.dumps``, in this
process, with ``numeric_ids`` for the fourth). The best and the median of R runs are
shown. With ``--baseline CHECKOUT``, ``argmap.load(path, "aif")`` is also timed with the
argmap of another checkout (its folder first on ``PYTHONPATH`` in that job's fresh
process): before and after from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import attrs
from _generate import generated_map

import argmap
from argmap.io import aif

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "aif"


def generate(claims: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    stamp = "2016-09-01 13:52:52"

    def node(kind: str, text: str, **more: str) -> str:
        nid = str(len(nodes) + 1)
        nodes.append({"nodeID": nid, "text": text, "type": kind, "timestamp": stamp, **more})
        return nid

    def edge(src: str, dst: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": src, "toID": dst, "formEdgeID": None}
        )

    i_nodes: list[str] = []
    ra_nodes: list[str] = []
    previous_l = None
    for k in range(claims):
        i_node = node("I", f"Claim {k}: something the speaker holds to be true.")
        l_node = node("L", f"Speaker{k % 7} : claim {k}, in the speaker's words")
        ya = node("YA", "Asserting", scheme="Asserting", schemeID="74")
        edge(l_node, ya)
        edge(ya, i_node)
        locutions.append(
            {
                "nodeID": l_node,
                "personID": str(k % 7),
                "timestamp": stamp,
                "start": None,
                "end": None,
                "source": None,
            }
        )
        if previous_l is not None:
            ta = node("TA", "Default Transition", scheme="Default Transition", schemeID="82")
            edge(previous_l, ta)
            edge(ta, l_node)
        previous_l = l_node
        if i_nodes:
            if rng.random() < 0.8:
                s = node("RA", "Default Inference", scheme="Default Inference", schemeID="72")
                edge(i_node, s)
                t = rng.randrange(len(i_nodes))
                if rng.random() < 0.2 and t + 1 < len(i_nodes):
                    # A linked premise from after the target, so support never runs in a circle.
                    edge(i_nodes[rng.randrange(t + 1, len(i_nodes))], s)
                edge(s, i_nodes[t])
                ra_nodes.append(s)
            else:
                s = node("CA", "Default Conflict", scheme="Default Conflict", schemeID="71")
                edge(i_node, s)
                target = rng.choice(ra_nodes) if ra_nodes and rng.random() < 0.1 else None
                edge(s, target or rng.choice(i_nodes))
        i_nodes.append(i_node)
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


def written(claims: int, *, numeric: bool = False) -> str:
    """AIF that argmap wrote: a generated map with a source, quotes and tags."""
    m = generated_map(claims)
    source = argmap.Source("s1", "A generated source")
    quoted = [
        attrs.evolve(c, quotes=[argmap.Quote("s1", c.text[:30])], tags=["quoted"])
        if k % 5 == 0
        else c
        for k, c in enumerate(m.claims)
    ]
    return aif.dumps(attrs.evolve(m, sources=[source], claims=quoted), numeric_ids=numeric)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def job(reader: str, path: Path, repeat: int) -> None:
    """Time one reader on one file in this (fresh) process; print best and median."""
    warnings.simplefilter("ignore")
    if reader == "arguebuf":
        import arguebuf

        best, median, _ = timed(lambda: arguebuf.load.file(path), repeat)
    else:
        check = reader == "argmap-validate"
        best, median, _ = timed(lambda: argmap.load(path, "aif", check=check), repeat)
    print(json.dumps([best, median]))


def spawn(
    reader: str, path: Path, repeat: int, checkout: Path | None = None
) -> tuple[float, float]:
    command = [sys.executable, __file__, "--job", reader, str(path), "--repeat", str(repeat)]
    env = None
    if checkout is not None:  # the argmap of another checkout, found before this one's
        env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)  # noqa: S603
    best, median = json.loads(done.stdout)
    return best, median


def bench(path: Path, repeat: int, baseline: Path | None = None) -> None:
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    counts = {}
    for n in data["nodes"]:
        counts[n.get("type")] = counts.get(n.get("type"), 0) + 1
    shown = ", ".join(f"{k}:{v}" for k, v in sorted(counts.items(), key=str))
    print(f"\n{path.name}: {len(text) / 1e6:.2f} MB, {len(data['nodes'])} nodes ({shown})")
    warnings.simplefilter("ignore")
    best, median = spawn("argmap", path, repeat)
    print(f"  argmap load, check=False     best {best:7.3f}  median {median:7.3f}")
    best, median = spawn("argmap-validate", path, repeat)
    print(f"  argmap load + validate       best {best:7.3f}  median {median:7.3f}")
    if baseline is not None:
        best, median = spawn("argmap-validate", path, repeat, baseline)
        print(f"    the same with {baseline}: best {best:7.3f}  median {median:7.3f}")
    m = argmap.load(path, "aif", check=False)
    # A map read back from what argmap wrote with numeric ids writes them again when asked.
    numeric = data.get(aif.EXTRA_KEY, {}).get("numericIds") is True
    best, median, out = timed(lambda: aif.dumps(m, numeric_ids=numeric), repeat)
    same = json.loads(out) == data
    exact = "yes" if same else "NO"
    print(f"  argmap aif.dumps (exact: {exact})  best {best:7.3f}  median {median:7.3f}")
    try:
        import arguebuf
    except ImportError:
        print("  arguebuf: not installed (pip install arguebuf)")
        return
    best, median = spawn("arguebuf", path, repeat)
    g = arguebuf.load.file(path)
    print(
        f"  arguebuf load.file           best {best:7.3f}  median {median:7.3f}  "
        f"({len(g.atom_nodes)} atoms, {len(g.scheme_nodes)} schemes, {len(g.edges)} edges kept "
        f"of {len(data['edges'])})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--job", choices=["argmap", "argmap-validate", "arguebuf"])
    parser.add_argument("--baseline", type=Path, help="also time loading with this checkout")
    args = parser.parse_args()
    if args.job:
        job(args.job, args.folder, args.repeat)
        return 0
    files = sorted(args.folder.glob("*.json"), key=lambda p: p.stat().st_size)
    if not files:
        print(f"no .json files in {args.folder}")
        return 1
    print(f"Python {sys.version.split()[0]}, argmap {argmap.__version__}")
    bench(files[-1], args.repeat, args.baseline)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"generated-{args.claims}.json"
        path.write_text(json.dumps(generate(args.claims), indent=2), encoding="utf-8")
        bench(path, args.repeat, args.baseline)
        path = Path(tmp) / f"argmap-written-{args.claims}.json"
        path.write_text(written(args.claims), encoding="utf-8")
        bench(path, args.repeat, args.baseline)
        path = Path(tmp) / f"argmap-written-numeric-ids-{args.claims}.json"
        path.write_text(written(args.claims, numeric=True), encoding="utf-8")
        bench(path, args.repeat, args.baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
