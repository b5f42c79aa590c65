"""From in-memory data to labels: argmap against formal-argumentation 0.3.0, end to end.

    python bench/evaluate.py                                  # 200k claims, every graph
    python bench/evaluate.py --sizes 10000 200000 1000000 --repeat 1
    python bench/evaluate.py --graphs attack mixed --gc off

Needs ``pip install formal-argumentation==0.3.0`` (the ``bench`` extra) for the peer.

Both sides start from the same plain lists (``bench/_graphs.py``: claim ids and base
scores, relations as (id, kind, premise ids, target id), ids ready-made strings) and end
with every claim's result; the results are compared and the run fails if they differ.

What each timer covers (CPU seconds, ``time.process_time``, best of ``--repeat``, the
same number of runs for both sides, each job in a fresh process):

argmap
    build: the public constructors, ``Claim``/``Support``/``Rebuttal`` per element and
        ``ArgumentMap`` (what a user's code runs);
    solve: ``argmap.evaluate(m, semantics, explain=False)``, the public call (it builds
        argmap's integer index of the map, solves, and wraps the results).
formal-argumentation (the peer)
    build: from the same lists to the peer's framework: its sets of arguments and attacks
        (for ``mixed``, argmap's exact encoding computed from the lists) and its
        constructor (``ArgumentationFramework``, which validates and indexes, or
        ``WeightedBipolarGraph``);
    solve: ``grounded_extension`` or ``dfquad_strengths``.
floor
    build: the least any Python program pays to hold that data as objects: one tuple per
        claim and relation, and the same count of instances of a bare slotted class
        (on the first graph of ``--graphs``).
    memory: the peak resident size of a process holding the input lists alone, and the
        input lists with one bare slotted object per claim and relation (four fields:
        what holding the data as objects costs at the least). A target below the second
        figure cannot be met by any model of one object per element in this bench.

Garbage collection is the same for both sides: ``--gc on`` (the default, as a user's
program runs; argmap pauses the collector inside ``evaluate`` itself, which counts as
argmap's work) or ``--gc off`` (disabled for the whole of every timed region).

Comparisons (results asserted equal):
    attack, attack-cyclic: the same attack graph on both sides (grounded; DF-QuAD with
        the peer's QBAF of the claims);
    mixed: supports, linked premises, undercuts; the peer solves argmap's exact encoding
        (grounded only: no QBAF of the peer gives argmap's linked and undercut rule);
    bipolar: supports and rebuttals with single premises, DF-QuAD, the peer's QBAF with
        relations as nodes (exact there).

Memory: the peak resident size of each job's process (``ru_maxrss``), which includes the
interpreter, the imports and the input lists (the same for both sides).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _graphs

PAIRS = {
    "attack": ("grounded", "dfquad"),
    "attack-cyclic": ("grounded", "dfquad"),
    "mixed": ("grounded",),
    "bipolar": ("dfquad",),
}
clock = time.process_time


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, gc_on: bool):
    gc.collect()
    if not gc_on:
        gc.disable()
    try:
        start = clock()
        result = fn()
        return clock() - start, result
    finally:
        gc.enable()


def ours(
    g: _graphs.Graph, kind: str, semantics: str, gc_on: bool
) -> tuple[float, float, list[object]]:
    import argmap

    build, m = timed(lambda: _graphs.build_map(g), gc_on)
    solve, e = timed(lambda: argmap.evaluate(m, semantics, explain=False), gc_on)
    if semantics == "grounded":
        out = [v == "in" for v in e.labels.values()]
        if kind == "mixed":
            out += [v == "in" for v in e.relation_labels.values()]
    else:
        out = list(e.strengths.values())
    return build, solve, out


def peer(
    g: _graphs.Graph, kind: str, semantics: str, gc_on: bool
) -> tuple[float, float, list[object]]:
    from argumentation.core.dung import ArgumentationFramework, grounded_extension
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import WeightedBipolarGraph

    if semantics == "grounded":

        def make() -> ArgumentationFramework:
            if kind == "mixed":
                arguments, attacks = _graphs.exact_encoding(g)
            else:
                arguments, attacks = _graphs.attacks_of(g)
            return ArgumentationFramework(
                arguments=frozenset(arguments), defeats=frozenset(attacks)
            )

        build, af = timed(make, gc_on)
        solve, ext = timed(lambda: grounded_extension(af), gc_on)
        out: list[object] = [c in ext for c, _ in g.claims]
        if kind == "mixed":
            out += [r[0] in ext for r in g.relations]
        return build, solve, out

    def make_qbaf() -> WeightedBipolarGraph:
        if kind == "bipolar":
            weights, attacks, supports = _graphs.relation_qbaf(g)
        else:
            weights = {c: 0.5 if s is None else s for c, s in g.claims}
            attacks = {(p[0], t) for _, _, p, t in g.relations}
            supports = set()
        return WeightedBipolarGraph(
            arguments=frozenset(weights),
            initial_weights=weights,
            attacks=frozenset(attacks),
            supports=frozenset(supports),
        )

    build, qbaf = timed(make_qbaf, gc_on)
    solve, result = timed(lambda: dfquad_strengths(qbaf), gc_on)
    return build, solve, [result.strengths[c] for c, _ in g.claims]


class _Bare:
    __slots__ = ("a", "b", "c", "d")

    def __init__(self, a: object, b: object, c: object, d: object) -> None:
        self.a, self.b, self.c, self.d = a, b, c, d


def floor(g: _graphs.Graph, gc_on: bool) -> dict[str, float]:
    tuples, _ = timed(
        lambda: (
            [(c, _graphs.TEXT, s) for c, s in g.claims],
            [(r, k, tuple(p), t) for r, k, p, t in g.relations],
        ),
        gc_on,
    )
    bare, _ = timed(
        lambda: (
            [_Bare(c, _graphs.TEXT, s, None) for c, s in g.claims],
            [_Bare(r, k, tuple(p), t) for r, k, p, t in g.relations],
        ),
        gc_on,
    )
    return {"tuples": tuples, "slotted objects": bare}


def memory_floor(g: _graphs.Graph) -> dict[str, float]:
    """Peak RSS with the input lists alone, then with one bare object per element too."""
    alone = peak_rss_mib()
    held = (
        [_Bare(c, _graphs.TEXT, s, None) for c, s in g.claims],
        [_Bare(r, k, p, t) for r, k, p, t in g.relations],
    )
    return {"input MiB": alone, "input + objects MiB": peak_rss_mib(), "held": len(held)}


def run_job(args: argparse.Namespace) -> None:
    g = _graphs.generate(args.graph, args.sizes[0])
    if args.job == "memory-floor":
        print(json.dumps(memory_floor(g)))
        return
    best: dict[str, float] = {}
    result: list[object] = []
    for _ in range(args.repeat):
        if args.job == "floor":
            times = floor(g, args.gc == "on")
        else:
            side = ours if args.job == "ours" else None
            if side is None:
                b, s, result = peer(g, args.graph, args.semantics, args.gc == "on")
            else:
                b, s, result = ours(g, args.graph, args.semantics, args.gc == "on")
            times = {"build": b, "solve": s, "total": b + s}
        for k, v in times.items():
            best[k] = min(best.get(k, v), v)
    if args.out:
        Path(args.out).write_text(json.dumps(result), encoding="utf-8")
    print(json.dumps({**best, "peak rss MiB": peak_rss_mib(), "relations": len(g.relations)}))


def spawn(  # noqa: PLR0913, PLR0917 - one job's every setting
    job: str, graph: str, semantics: str, n: int, args: argparse.Namespace, out: str
):
    command = [
        sys.executable, __file__, "--job", job, "--graphs", graph, "--semantics", semantics,
        "--sizes", str(n), "--repeat", str(args.repeat), "--gc", args.gc, "--out", out,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"{job} {graph} {semantics} {n}: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000])
    parser.add_argument("--graphs", nargs="+", default=list(PAIRS), choices=list(PAIRS))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--gc", choices=["on", "off"], default="on")
    parser.add_argument(
        "--job", choices=["ours", "peer", "floor", "memory-floor"], help=argparse.SUPPRESS
    )
    parser.add_argument("--semantics", default="grounded", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        args.graph = args.graphs[0]
        run_job(args)
        return
    print(
        f"# from in-memory lists to labels; CPU s, best of {args.repeat}, gc {args.gc}; "
        "peak RSS per process"
    )
    print(
        "| claims | relations | graph | semantics | argmap build + solve = total | "
        "peer build + solve = total | speed-up | argmap / peer peak RSS (MiB) | equal |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    floors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            for graph in args.graphs:
                for semantics in PAIRS[graph]:
                    a = spawn("ours", graph, semantics, n, args, f"{tmp}/a.json")
                    b = spawn("peer", graph, semantics, n, args, f"{tmp}/b.json")
                    equal = _graphs.same_results(Path(f"{tmp}/a.json"), Path(f"{tmp}/b.json"))
                    _graphs.print_row(
                        f"| {n:,} | {a['relations']:,} | {graph} | {semantics} | "
                        f"{a['build']:.2f} + {a['solve']:.2f} = {a['total']:.2f} | "
                        f"{b['build']:.2f} + {b['solve']:.2f} = {b['total']:.2f} | ",
                        a,
                        b,
                        equal,
                    )
            first = args.graphs[0]
            f = spawn("floor", first, "grounded", n, args, f"{tmp}/f.json")
            mem = spawn("memory-floor", first, "grounded", n, args, f"{tmp}/f.json")
            floors.append(
                f"  {n:,} claims ({first} graph):\n"
                f"    time: one tuple per element {f['tuples']:.2f} s, "
                f"one bare slotted object per element {f['slotted objects']:.2f} s\n"
                f"    peak RSS: the input lists alone {mem['input MiB']:.0f} MiB, "
                f"with one bare slotted object per element too {mem['input + objects MiB']:.0f} MiB"
            )
    print("\nfloor (creating that many Python objects at all, and holding them):")
    print("\n".join(floors))


if __name__ == "__main__":
    main()
