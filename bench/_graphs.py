"""Seeded graphs for the scale benchmarks, as plain lists both sides start from.

Each generator runs in time linear in its size and returns a :class:`Graph`: claims as
``(id, base score or None)`` and relations as ``(id, kind, premise ids, target id)``, with
ids as ready-made strings (``c0``, ``r0``...). argmap builds its model from these lists,
the peer (formal-argumentation) its framework; the writers turn them into the files each
side reads (argmap's native JSON, ASPARTIX facts).

Kinds of graph:

* ``attack``: a plain attack graph. Every claim after the ten theses rebuts 2 or 3
  distinct earlier claims (acyclic), or 2 or 3 distinct other claims anywhere
  (``attack-cyclic``). No supports: argmap's map and the peer's framework are the same
  graph, argument for argument.
* ``mixed``: supports and rebuttals (evenly), one relation in ten an undercut of an
  earlier relation, one in ten linked (a second premise after its target): the peer needs
  argmap's exact encoding (``argmap.attack_graph``) for the same answer.
* ``bipolar``: ``mixed`` without undercuts or linked premises, so that DF-QuAD with
  relations as nodes (the peer's QBAF) gives argmap's strengths exactly.

One claim in five sets a base score (none in graphs meant for files the peer reads, whose
format has no weights).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import NamedTuple

SEED = 20261122
THESES = 10
KINDS = ("attack", "attack-cyclic", "mixed", "bipolar")
TEXT = "A claim."


class Graph(NamedTuple):
    claims: list[tuple[str, float | None]]
    relations: list[tuple[str, str, tuple[str, ...], str]]
    theses: list[str]


def generate(kind: str, n: int, *, scores: bool = True, seed: int = SEED) -> Graph:
    """The graph of this kind with ``n`` claims (see the module docstring)."""
    rng = random.Random(seed)
    ids = [f"c{i}" for i in range(n)]
    score_rng = random.Random(seed + 1)
    claims = [
        (cid, round(score_rng.random(), 3) if scores and score_rng.random() < 0.2 else None)
        for cid in ids
    ]
    relations: list[tuple[str, str, tuple[str, ...], str]] = []
    add = relations.append
    if kind.startswith("attack"):
        cyclic = kind == "attack-cyclic"
        for i in range(THESES, n):
            chosen: set[int] = set()
            for _ in range(rng.choice((2, 3))):
                t = rng.randrange(n if cyclic else i)
                if t == i or t in chosen:
                    continue
                chosen.add(t)
                add((f"r{len(relations)}", "rebuttal", (ids[i],), ids[t]))
    else:
        mixed = kind == "mixed"
        for i in range(THESES, n):
            for _ in range(rng.choice((2, 3))):
                roll = rng.random()
                rid = f"r{len(relations)}"
                if mixed and roll < 0.1 and relations:
                    add((rid, "rebuttal", (ids[i],), f"r{rng.randrange(len(relations))}"))
                    continue
                t = rng.randrange(i)
                premises: tuple[str, ...] = (ids[i],)
                if mixed and rng.random() < 0.1:
                    extra = rng.randrange(t + 1, n)
                    if extra != i:
                        premises = (ids[i], ids[extra])
                add((rid, "support" if roll < 0.55 else "rebuttal", premises, ids[t]))
    return Graph(claims, relations, ids[:THESES])


def build_map(g: Graph):
    """The map, through the public constructors (what a user writes)."""
    from argmap import ArgumentMap, Claim, Rebuttal, Support

    kinds = {"support": Support, "rebuttal": Rebuttal}
    return ArgumentMap(
        "bench",
        "Generated",
        theses=g.theses,
        claims=[Claim(cid, TEXT, base_score=s) for cid, s in g.claims],
        relations=[kinds[k](rid, p, t) for rid, k, p, t in g.relations],
    )


def write_json(g: Graph, path: Path) -> None:
    """argmap's native JSON of the graph, compact (what argmap.dumps writes, minus spaces)."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"argmap":1,"id":"bench","title":"Generated","theses":')
        out.write(json.dumps(g.theses))
        out.write(',"claims":[')
        out.write(
            ",".join(
                f'{{"id":"{cid}","text":"{TEXT}"}}'
                if s is None
                else f'{{"id":"{cid}","text":"{TEXT}","base_score":{s!r}}}'
                for cid, s in g.claims
            )
        )
        out.write('],"relations":[')
        out.write(
            ",".join(
                f'{{"id":"{rid}","kind":"{k}","premises":{json.dumps(list(p))},"target":"{t}"}}'
                for rid, k, p, t in g.relations
            )
        )
        out.write("]}\n")


def write_apx(arguments: list[str], attacks: list[tuple[str, str]], path: Path) -> None:
    """ASPARTIX facts: ``arg(a).`` per argument, ``att(a,b).`` per attack."""
    with path.open("w", encoding="utf-8") as out:
        out.writelines(f"arg({a}).\n" for a in arguments)
        out.writelines(f"att({a},{b}).\n" for a, b in attacks)


def attacks_of(g: Graph) -> tuple[list[str], list[tuple[str, str]]]:
    """A plain attack graph as the peer has it: claims, and (premise, target) per rebuttal."""
    return [c for c, _ in g.claims], [(p[0], t) for _, _, p, t in g.relations]


def exact_encoding(g: Graph) -> tuple[list[str], list[tuple[str, str]]]:
    """argmap's exact encoding with every relation an argument (argmap.attack_graph).

    Built from the lists, as the peer's own conversion: every claim and relation is an
    argument; ``not:p`` (attacked by premise ``p``) attacks each relation citing ``p``;
    ``unsupported:c`` (attacked by each support of ``c``) attacks a supported claim;
    rebuttals and undercuts attack their target.
    """
    arguments = [c for c, _ in g.claims]
    arguments += [rid for rid, _, _, _ in g.relations]
    attacks: list[tuple[str, str]] = []
    helpers: dict[str, None] = {}
    for rid, kind, premises, target in g.relations:
        for p in premises:
            helper = "not:" + p
            if helper not in helpers:
                helpers[helper] = None
                attacks.append((p, helper))
            attacks.append((helper, rid))
        if kind == "support":
            helper = "unsupported:" + target
            if helper not in helpers:
                helpers[helper] = None
                attacks.append((helper, target))
            attacks.append((rid, helper))
        else:
            attacks.append((rid, target))
    arguments += list(helpers)
    return arguments, attacks


def relation_qbaf(
    g: Graph,
) -> tuple[dict[str, float], set[tuple[str, str]], set[tuple[str, str]]]:
    """DF-QuAD with relations as nodes: exact for ``bipolar`` and ``attack`` graphs.

    A relation (base score 0) is supported by its premise and supports or attacks its
    target, so it carries its premise's strength, as in argmap. (With linked premises or
    undercuts it would not: the peer would sum where argmap multiplies.)
    """
    weights = {c: 0.5 if s is None else s for c, s in g.claims}
    attacks: set[tuple[str, str]] = set()
    supports: set[tuple[str, str]] = set()
    for rid, kind, premises, target in g.relations:
        weights[rid] = 0.0
        supports.update((p, rid) for p in premises)
        (supports if kind == "support" else attacks).add((rid, target))
    return weights, attacks, supports


def same_results(ours: Path, peer: Path) -> bool:
    """Whether two jobs' result files (JSON lists) agree: labels equal, strengths to 1e-9."""
    a = json.loads(ours.read_text(encoding="utf-8"))
    b = json.loads(peer.read_text(encoding="utf-8"))
    return len(a) == len(b) and all(
        abs(x - y) <= 1e-9 if isinstance(x, float) else x == y for x, y in zip(a, b, strict=True)
    )


def print_row(cells: str, ours: dict, peer: dict, equal: bool) -> None:
    """One comparison row: the cells given, then the speed-up, both peak RSS and "equal".

    ``ours`` and ``peer`` are a job's result (its ``total`` seconds and ``peak rss MiB``);
    the run stops when the results differ.
    """
    print(
        f"{cells}{peer['total'] / ours['total']:.2f}x | "
        f"{ours['peak rss MiB']:.0f} / {peer['peak rss MiB']:.0f} | "
        f"{'yes' if equal else 'NO'} |",
        flush=True,
    )
    if not equal:
        raise SystemExit("results differ")
