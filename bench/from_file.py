"""From a file to labels: argmap against formal-argumentation 0.3.0, each reading its own file.

    python bench/from_file.py                              # 200k claims
    python bench/from_file.py --sizes 200000 1000000 --graphs attack
    python bench/from_file.py --baseline ../main     # argmap before -> after, same run

Needs ``pip install formal-argumentation==0.3.0`` (the ``bench`` extra) for the peer.

The same graph (``bench/_graphs.py``, no base scores: the peer's file has no weights) is
written twice, untimed: as argmap's native JSON (compact) and as ASPARTIX facts (ICCMA's
``.apx``, the peer's reader ``argumentation.interop.iccma.parse_apx``). For ``attack``
graphs the two files hold the same graph; for ``mixed`` the ``.apx`` holds argmap's exact
encoding (every relation an argument), and only grounded is compared.

What each timer covers (CPU seconds, ``time.process_time``, each job a fresh process, best
of ``--repeat``, Python's garbage collector on as in any program):

argmap: ``argmap.load(path)`` (read, parse, build the map, validate it) and then
    ``argmap.evaluate(m, semantics, explain=False)``;
peer: ``parse_apx(Path(path).read_text())`` (read, parse, build and check its framework)
    and then ``grounded_extension``, or for DF-QuAD a ``WeightedBipolarGraph`` of the
    parsed attacks (every weight 0.5, argmap's default base score) and
    ``dfquad_strengths``.

floor: ``json.loads`` of argmap's file read as bytes, the collector paused (as argmap's
    reader pauses it), nothing built. Added to argmap's solve from the row above, it
    bounds the speed-up any reader built on Python's ``json`` could give with that
    solver (the ``at most`` figure).

With ``--baseline DIR``, argmap's job is run a second time with the argmap package found in
DIR (another checkout, first on ``PYTHONPATH``; same files, same interpreter), so that one
run gives argmap before and after beside the peer; its results are compared too.

Imports and one-time set-up are left out on both sides (argmap reads a one-claim map
first, the peer parses and solves a two-argument file). Each job writes every claim's
result; the run fails unless both sides agree (strengths to 1e-9). Memory is each
process's peak resident size (interpreter and imports included).
"""

from __future__ import annotations

import argparse
import gc
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

PAIRS = {
    "attack": ("grounded", "dfquad"),
    "attack-cyclic": ("grounded", "dfquad"),
    "mixed": ("grounded",),
}
clock = time.process_time


def parse_floor(folder: Path, repeat: int) -> dict[str, float]:
    """The least a reader built on Python's ``json`` pays: read argmap's file and parse it."""
    json.loads('{"a": [1]}')
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()  # as argmap's reader pauses the collector while it parses
        start = clock()
        data = json.loads((folder / "map.json").read_bytes())
        best = min(best, clock() - start)
        del data
        gc.enable()
    return {"read": best, "total": best}


def run_job(job: str, semantics: str, folder: Path, repeat: int) -> tuple[dict, list]:
    if job == "floor":
        return parse_floor(folder, repeat), []
    ids = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
    if job == "ours":  # imports and one-time set-up, left out on both sides
        import argmap

        argmap.loads(
            '{"argmap": 1, "id": "w", "title": "W", "theses": ["t"], '
            '"claims": [{"id": "t", "text": "T"}]}'
        )
    else:
        from argumentation.core.dung import grounded_extension
        from argumentation.interop.iccma import parse_apx

        grounded_extension(parse_apx("arg(a).\narg(b).\natt(a,b).\n"))
    best: dict[str, float] = {}
    out: list[object] = []
    for _ in range(repeat):
        gc.collect()
        if job == "ours":
            import argmap

            start = clock()
            m = argmap.load(folder / "map.json")
            read = clock() - start
            e = argmap.evaluate(m, semantics, explain=False)
            total = clock() - start
            if semantics == "grounded":
                out = [e.labels[c] == "in" for c in ids["claims"]]
                out += [e.relation_labels[r] == "in" for r in ids["relations"]]
            else:
                out = [e.strengths[c] for c in ids["claims"]]
            del m, e
        else:
            from argumentation.core.dung import grounded_extension
            from argumentation.gradual.dfquad import dfquad_strengths
            from argumentation.gradual.gradual import WeightedBipolarGraph
            from argumentation.interop.iccma import parse_apx

            start = clock()
            af = parse_apx((folder / "graph.apx").read_text(encoding="utf-8"))
            read = clock() - start
            if semantics == "grounded":
                ext = grounded_extension(af)
                total = clock() - start
                out = [c in ext for c in ids["claims"]]
                out += [r in ext for r in ids["relations"]]
            else:
                qbaf = WeightedBipolarGraph(
                    arguments=af.arguments,
                    initial_weights=dict.fromkeys(af.arguments, 0.5),
                    attacks=af.defeats,
                    supports=frozenset(),
                )
                strengths = dfquad_strengths(qbaf).strengths
                total = clock() - start
                out = [strengths[c] for c in ids["claims"]]
            del af
        for k, v in (("read", read), ("total", total)):
            best[k] = min(best.get(k, v), v)
    best["peak rss MiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return best, out


def write_files(graph: str, n: int, folder: Path) -> dict[str, int]:
    g = _graphs.generate(graph, n, scores=False)
    _graphs.write_json(g, folder / "map.json")
    if graph == "mixed":
        arguments, attacks = _graphs.exact_encoding(g)
        relations = [r[0] for r in g.relations]
    else:
        arguments, attacks = _graphs.attacks_of(g)
        relations = []
    _graphs.write_apx(arguments, attacks, folder / "graph.apx")
    ids = {"claims": [c for c, _ in g.claims], "relations": relations}
    (folder / "ids.json").write_text(json.dumps(ids), encoding="utf-8")
    return {
        "relations": len(g.relations),
        "json MB": (folder / "map.json").stat().st_size / 1e6,
        "apx MB": (folder / "graph.apx").stat().st_size / 1e6,
        "arguments": len(arguments),
        "attacks": len(attacks),
    }


def spawn(
    job: str, semantics: str, folder: Path, repeat: int, baseline: Path | None = None
) -> dict:
    command = [sys.executable, __file__, "--job", job, "--semantics", semantics]
    command += ["--folder", str(folder), "--repeat", str(repeat)]
    env = None
    if baseline is not None:
        env = {**os.environ, "PYTHONPATH": str(baseline.resolve())}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"{job} {semantics}: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000])
    parser.add_argument("--graphs", nargs="+", default=list(PAIRS), choices=list(PAIRS))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--baseline", type=Path, help="another checkout, its argmap timed too")
    parser.add_argument("--job", choices=["ours", "peer", "floor"], help=argparse.SUPPRESS)
    parser.add_argument("--semantics", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        best, out = run_job(args.job, args.semantics, args.folder, args.repeat)
        (args.folder / f"{args.job}.json").write_text(json.dumps(out), encoding="utf-8")
        print(json.dumps(best))
        return
    print(f"# from a file to labels; CPU s, best of {args.repeat}; peak RSS per process")
    before = "argmap baseline load + solve = total (speed-up), peak RSS MiB | "
    before = before if args.baseline else ""
    print(
        "| claims | relations | graph | semantics | files (JSON / apx MB) | "
        f"{before}argmap load + solve = total | peer parse + solve = total | speed-up | "
        "argmap / peer peak RSS (MiB) | equal |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" + " --- |" * bool(before))
    floors: list[str] = []
    for n in args.sizes:
        for graph in args.graphs:
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                info = write_files(graph, n, folder)
                f = spawn("floor", "", folder, args.repeat)["total"]
                bounds = []
                for semantics in PAIRS[graph]:
                    shown = ""
                    if args.baseline:
                        z = spawn("ours", semantics, folder, args.repeat, args.baseline)
                        (folder / "ours.json").rename(folder / "baseline.json")
                    a = spawn("ours", semantics, folder, args.repeat)
                    b = spawn("peer", semantics, folder, args.repeat)
                    equal = _graphs.same_results(folder / "ours.json", folder / "peer.json")
                    if args.baseline:
                        equal = equal and _graphs.same_results(
                            folder / "baseline.json", folder / "peer.json"
                        )
                        shown = (
                            f"{z['read']:.2f} + {z['total'] - z['read']:.2f} = "
                            f"{z['total']:.2f} ({b['total'] / z['total']:.2f}x), "
                            f"{z['peak rss MiB']:.0f} | "
                        )
                    _graphs.print_row(
                        f"| {n:,} | {info['relations']:,} | {graph} | {semantics} | "
                        f"{info['json MB']:.0f} / {info['apx MB']:.0f} | {shown}"
                        f"{a['read']:.2f} + {a['total'] - a['read']:.2f} = {a['total']:.2f} | "
                        f"{b['read']:.2f} + {b['total'] - b['read']:.2f} = {b['total']:.2f} | ",
                        a,
                        b,
                        equal,
                    )
                    solve = a["total"] - a["read"]
                    bounds.append(
                        f"\n    {semantics}: with argmap's solve {f + solve:.2f} s, "
                        f"at most {b['total'] / (f + solve):.1f}x the peer"
                    )
                floors.append(
                    f"  {n:,} claims, {graph}: json.loads of the {info['json MB']:.0f} MB file "
                    f"{f:.2f} s" + "".join(bounds)
                )
    print("\nfloor (read and parse argmap's file with Python's json, nothing built):")
    print("\n".join(floors))


if __name__ == "__main__":
    main()
