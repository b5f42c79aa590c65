"""Benchmark argmap.evaluate against formal-argumentation 0.3.0 on generated maps.

    python bench/evaluate.py                       # 10k, 100k and 1M claims
    python bench/evaluate.py --sizes 10000 100000  # fewer
    python bench/evaluate.py --peer-timeout 1800   # seconds allowed per peer job

Needs ``pip install formal-argumentation==0.3.0`` (the ``bench`` extra) for the peer.

The maps are seeded and acyclic: each claim after the first ten (the theses) is the premise
of 2 or 3 relations (2.5 on average), each aimed at a random earlier claim (a support or a
rebuttal, evenly) or, one time in ten, at a random earlier relation (an undercut); one
relation in ten is linked, with a second premise drawn from the claims after its target.
One claim in five sets a base score. References are fresh strings, as when a map is read
from JSON.

Each job runs in its own process (so memory figures do not mix and a slow peer can be
stopped); every job builds the same map from the same seed. Times are CPU seconds
(``time.process_time``); memory is the peak traced by ``tracemalloc`` during the
evaluation alone (a separate, untimed run) and the process's peak resident size.

argmap (ours):
    model: building the ArgumentMap (1 attrs object per claim and relation) - reported,
        not part of any evaluation;
    index: argmap's integer index of the map (once per evaluate call);
    grounded / dfquad: the solvers on that index;
    evaluate(...): the public call end to end (index + solver + result views), explain off.

formal-argumentation (the peer), each from the same ArgumentMap:
    grounded, exact encoding (argmap.attack_graph.encode, every_relation=True): a Dung
        framework whose grounded extension is exactly argmap's IN set: every claim and
        relation is an argument; 'not:p' (attacked by premise p) attacks each relation
        citing p; 'unsupported:c' (attacked by each support of c) attacks a supported
        claim c; rebuttals and undercuts attack their target. The job checks that both
        IN sets agree.
    grounded, claims only: one argument per claim and an attack from each premise of each
        rebuttal of a claim to its target; supports and undercuts are dropped (the answer
        differs; it is the least work the peer could be given for this map).
    dfquad, relation nodes: a QBAF of claims and relations; a relation (base score 0) is
        supported by its premises and supports or attacks its target; an undercut attacks
        the relation. Single-premise relations then carry their premise's strength exactly
        as in argmap, but a linked relation gets the probabilistic sum of its premises
        instead of their product, and an undercut subtracts instead of scaling; the job
        reports how many claim strengths agree with argmap's to 1e-9.
    dfquad, claims only: one argument per claim; each premise of each support or
        rebuttal of a claim supports or attacks the target; undercuts dropped.
    convert: ArgumentMap -> the peer's sets; build: the peer's constructor (it validates
        and indexes); solve: the peer's semantics.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap import ArgumentMap, Claim, Rebuttal, Support, evaluate
from argmap.attack_graph import encode

SEED = 20261122
THESES = 10
JOBS = (
    "check-dfquad",
    "ours",
    "ours-memory",
    "peer-grounded-exact",
    "peer-grounded-claims",
    "peer-dfquad-relations",
    "peer-dfquad-claims",
)
clock = time.process_time


def generate(
    n: int, seed: int = SEED, *, undercuts: float = 0.1, linked: float = 0.1
) -> list[tuple[str, tuple[int, ...], int, bool]]:
    """(kind, premise numbers, target number, target is a relation) per relation."""
    rng = random.Random(seed)
    relations: list[tuple[str, tuple[int, ...], int, bool]] = []
    for i in range(THESES, n):
        for _ in range(rng.choice((2, 3))):
            roll = rng.random()
            if roll < undercuts and relations:
                relations.append(("rebuttal", (i,), rng.randrange(len(relations)), True))
                continue
            target = rng.randrange(i)
            premises: tuple[int, ...] = (i,)
            if rng.random() < linked:
                extra = rng.randrange(target + 1, n)
                if extra != i:
                    premises = (i, extra)
            kind = "support" if roll < 0.55 else "rebuttal"
            relations.append((kind, premises, target, False))
    return relations


def scores(n: int, seed: int = SEED) -> list[float | None]:
    rng = random.Random(seed + 1)
    return [round(rng.random(), 3) if rng.random() < 0.2 else None for _ in range(n)]


def build_map(n: int, raw: list[tuple[str, tuple[int, ...], int, bool]]) -> ArgumentMap:
    """The ArgumentMap of a generated graph; every reference is a fresh string."""
    base = scores(n)
    claims = [Claim(f"c{i}", "A claim.", base_score=base[i]) for i in range(n)]
    relations = [
        (Support if kind == "support" else Rebuttal)(
            f"r{j}", [f"c{p}" for p in premises], f"r{target}" if undercut else f"c{target}"
        )
        for j, (kind, premises, target, undercut) in enumerate(raw)
    ]
    return ArgumentMap(
        "bench",
        "Generated",
        theses=[f"c{i}" for i in range(THESES)],
        claims=claims,
        relations=relations,
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- ours --------------------------------------------------------------------------------------


def job_ours(m: ArgumentMap, model_s: float) -> dict[str, object]:
    from argmap import _dfquad, _quadratic
    from argmap._gradual import strengths
    from argmap._graph import Graph
    from argmap._grounded import label

    out: dict[str, object] = {"model": model_s, "relations": len(m.relations)}
    best: dict[str, float] = {}
    repeats = 3 if len(m.claims) <= 100_000 else 1
    for _ in range(repeats):
        gc.collect()
        t = clock()
        g = Graph(m)
        times = {"index": clock() - t}
        t = clock()
        label(g)
        times["grounded"] = clock() - t
        t = clock()
        converged = strengths(g, _dfquad.RULE, max_iterations=1000, tolerance=1e-9).converged
        times["dfquad"] = clock() - t
        t = clock()
        solved = strengths(g, _quadratic.RULE, max_iterations=1000, tolerance=1e-9)
        times["quadratic"] = clock() - t
        converged = converged and solved.converged
        del g, solved
        for semantics in ("grounded", "dfquad", "quadratic", "all"):
            gc.collect()
            t = clock()
            e = evaluate(m, semantics, explain=False)  # type: ignore[arg-type]
            times[f"evaluate {semantics}"] = clock() - t
            del e
        for key, value in times.items():
            best[key] = min(best.get(key, math.inf), value)
    out.update(best)
    out["converged"] = converged
    if len(m.claims) <= 100_000:
        gc.collect()
        t = clock()
        e = evaluate(m, "all", explain=True)
        out["evaluate all, explain"] = clock() - t
        out["cruxes per thesis"] = sum(map(len, e.cruxes.values())) / len(e.cruxes)
    out["peak rss MB"] = peak_rss_mb()
    return out


def job_ours_memory(m: ArgumentMap, _: float) -> dict[str, object]:
    gc.collect()
    tracemalloc.start()
    e = evaluate(m, "all", explain=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del e
    return {"evaluate all, traced peak MB": peak / 2**20}


# -- the peer ----------------------------------------------------------------------------------


def exact_af(m: ArgumentMap) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """argmap's exact encoding (argmap.attack_graph), every relation an argument."""
    return encode(m, every_relation=True).named()


def claims_af(m: ArgumentMap) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    claim_ids = {c.id for c in m.claims}
    defeats = {
        (p, r.target)
        for r in m.relations
        if isinstance(r, Rebuttal) and r.target in claim_ids
        for p in r.premises
    }
    return frozenset(claim_ids), frozenset(defeats)


def job_peer_grounded(m: ArgumentMap, encoding: str) -> dict[str, object]:
    from argumentation.core.dung import ArgumentationFramework, grounded_extension

    gc.collect()
    t = clock()
    arguments, defeats = exact_af(m) if encoding == "exact" else claims_af(m)
    convert = clock() - t
    t = clock()
    af = ArgumentationFramework(arguments=arguments, defeats=defeats)
    build = clock() - t
    t = clock()
    extension = grounded_extension(af)
    solve = clock() - t
    out: dict[str, object] = {
        "convert": convert,
        "build": build,
        "solve": solve,
        "arguments": len(arguments),
        "attacks": len(defeats),
        "peak rss MB": peak_rss_mb(),
    }
    if encoding == "exact":
        e = evaluate(m, "grounded", explain=False)
        ours = {x for x, v in e.labels.items() if v == "in"}
        ours |= {x for x, v in e.relation_labels.items() if v == "in"}
        out["same IN set as argmap"] = ours == extension & (set(e.labels) | set(e.effective))
    return out


Edges = set[tuple[str, str]]


def relation_qbaf(m: ArgumentMap) -> tuple[dict[str, float], Edges, Edges]:
    weights = {c.id: 0.5 if c.base_score is None else c.base_score for c in m.claims}
    attacks: set[tuple[str, str]] = set()
    supports: set[tuple[str, str]] = set()
    for r in m.relations:
        weights[r.id] = 0.0
        supports.update((p, r.id) for p in r.premises)
        (supports if isinstance(r, Support) else attacks).add((r.id, r.target))
    return weights, attacks, supports


def claims_qbaf(m: ArgumentMap) -> tuple[dict[str, float], Edges, Edges]:
    weights = {c.id: 0.5 if c.base_score is None else c.base_score for c in m.claims}
    attacks: set[tuple[str, str]] = set()
    supports: set[tuple[str, str]] = set()
    for r in m.relations:
        if r.target in weights:
            edges = supports if isinstance(r, Support) else attacks
            edges.update((p, r.target) for p in r.premises)
    supports -= attacks  # the peer refuses an edge that is both
    return weights, attacks, supports


def job_peer_dfquad(m: ArgumentMap, encoding: str) -> dict[str, object]:
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import WeightedBipolarGraph

    gc.collect()
    t = clock()
    weights, attacks, supports = relation_qbaf(m) if encoding == "relations" else claims_qbaf(m)
    arguments = frozenset(weights)
    attack_set, support_set = frozenset(attacks), frozenset(supports)
    convert = clock() - t
    t = clock()
    graph = WeightedBipolarGraph(
        arguments=arguments, initial_weights=weights, attacks=attack_set, supports=support_set
    )
    build = clock() - t
    t = clock()
    result = dfquad_strengths(graph)
    solve = clock() - t
    out: dict[str, object] = {
        "convert": convert,
        "build": build,
        "solve": solve,
        "arguments": len(arguments),
        "edges": len(attack_set) + len(support_set),
        "converged": result.converged,
        "peak rss MB": peak_rss_mb(),
    }
    if encoding == "relations":
        ours = evaluate(m, "dfquad", explain=False).strengths
        agree = sum(abs(ours[c.id] - result.strengths[c.id]) <= 1e-9 for c in m.claims)
        out["claims agreeing with argmap"] = f"{agree}/{len(m.claims)}"
    return out


def job_check_dfquad(n: int) -> dict[str, object]:
    """On a map without linked premises or undercuts the relation-node QBAF is exact."""
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import WeightedBipolarGraph

    m = build_map(n, generate(n, undercuts=0.0, linked=0.0))
    weights, attacks, supports = relation_qbaf(m)
    graph = WeightedBipolarGraph(
        arguments=frozenset(weights),
        initial_weights=weights,
        attacks=frozenset(attacks),
        supports=frozenset(supports),
    )
    theirs = dfquad_strengths(graph).strengths
    ours = evaluate(m, "dfquad", explain=False).strengths
    worst = max(abs(ours[c.id] - theirs[c.id]) for c in m.claims)
    return {"claims": n, "largest difference": worst}


def run_job(job: str, n: int) -> dict[str, object]:
    if job == "check-dfquad":
        return job_check_dfquad(n)
    raw = generate(n)
    gc.collect()
    t = clock()
    m = build_map(n, raw)
    model_s = clock() - t
    del raw
    if job == "ours":
        return job_ours(m, model_s)
    if job == "ours-memory":
        return job_ours_memory(m, model_s)
    family, _, encoding = job.removeprefix("peer-").partition("-")
    if family == "grounded":
        result = job_peer_grounded(m, encoding)
    else:
        result = job_peer_dfquad(m, encoding)
    # Building the same map takes the same work in every job: a gauge of the machine's
    # speed while the job ran (the machine may be shared).
    result["model"] = model_s
    return result


# -- the report ----------------------------------------------------------------------------------


def spawn(job: str, n: int, timeout: float) -> dict[str, object]:
    command = [sys.executable, __file__, "--job", job, "--sizes", str(n)]
    start = time.perf_counter()
    try:
        done = subprocess.run(  # noqa: S603 - runs this very script
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    result: dict[str, object] = json.loads(done.stdout)
    result["wall"] = time.perf_counter() - start
    return result


def fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 100 else f"{value:.1f}"
    return str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--jobs", nargs="+", default=list(JOBS), choices=JOBS)
    parser.add_argument("--peer-timeout", type=float, default=1800.0)
    parser.add_argument("--job", choices=JOBS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        print(json.dumps(run_job(args.job, args.sizes[0])))
        return
    results: dict[int, dict[str, dict[str, object]]] = {}
    if "check-dfquad" in args.jobs:
        check = spawn("check-dfquad", min(args.sizes), args.peer_timeout)
        print(f"# DF-QuAD cross-check without linked premises or undercuts: {json.dumps(check)}")
    for n in args.sizes:
        results[n] = {}
        for job in args.jobs:
            if job == "check-dfquad":
                continue
            timeout = args.peer_timeout if job.startswith("peer") else 4 * args.peer_timeout
            results[n][job] = spawn(job, n, timeout)
            print(f"# {n:>9} {job}: {json.dumps(results[n][job])}", flush=True)
    print()
    report(results)


def total(result: dict[str, object], *keys: str) -> float | None:
    if any(k not in result for k in keys):
        return None
    return sum(float(result[k]) for k in keys)  # type: ignore[arg-type]


def report(results: dict[int, dict[str, dict[str, object]]]) -> None:
    print(
        "| claims | peer encoding | argmap evaluate (s) | per claim (µs) "
        "| peer (s): convert + build + solve | peer build + solve (s) | speed-up |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for n, jobs in results.items():
        ours = jobs.get("ours", {})
        for semantics, peers in (
            ("grounded", ("peer-grounded-exact", "peer-grounded-claims")),
            ("dfquad", ("peer-dfquad-relations", "peer-dfquad-claims")),
        ):
            mine = ours.get(f"evaluate {semantics}")
            for peer in peers:
                p = jobs.get(peer, {})
                full = total(p, "convert", "build", "solve")
                core = total(p, "build", "solve")
                label = peer.removeprefix("peer-")
                per = f"{float(mine) / n * 1e6:.2f}" if mine else "-"  # type: ignore[arg-type]
                if full is None:
                    shown = f"timeout after {p['timeout']} s" if "timeout" in p else "not run"
                    print(f"| {n:,} | {label} | {fmt(mine)} | {per} | {shown} | - | - |")
                    continue
                speed = f"{core / float(mine):.1f}x" if mine else "-"  # type: ignore[arg-type]
                print(
                    f"| {n:,} | {label} | {fmt(mine)} | {per} | {fmt(p['convert'])} + "
                    f"{fmt(p['build'])} + {fmt(p['solve'])} = {fmt(full)} | {fmt(core)} | {speed} |"
                )
    print()
    print("argmap phases (s): model construction, index, grounded, dfquad, quadratic; memory")
    for n, jobs in results.items():
        o, mem = jobs.get("ours", {}), jobs.get("ours-memory", {})
        print(
            f"  {n:>9,}: model {fmt(o.get('model'))}, index {fmt(o.get('index'))}, grounded "
            f"{fmt(o.get('grounded'))}, dfquad {fmt(o.get('dfquad'))}, quadratic "
            f"{fmt(o.get('quadratic'))} (evaluate dfquad {fmt(o.get('evaluate dfquad'))}, "
            f"quadratic {fmt(o.get('evaluate quadratic'))}), evaluate all "
            f"{fmt(o.get('evaluate all'))}, explain {fmt(o.get('evaluate all, explain'))}; "
            f"traced peak {fmt(mem.get('evaluate all, traced peak MB'))} MB, process peak RSS "
            f"{fmt(o.get('peak rss MB'))} MB"
        )


if __name__ == "__main__":
    main()
