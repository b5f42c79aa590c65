"""Generated maps of any size, for the benchmarks (deterministic for a given seed)."""

from __future__ import annotations

import random

from argmap import ArgumentMap, Claim, Rebuttal, Relation, Support

WORDS = (
    "the",
    "council",
    "budget",
    "lane",
    "street",
    "traffic",
    "cyclists",
    "shops",
    "parking",
    "safety",
    "cost",
    "grant",
    "survey",
    "injuries",
    "residents",
    "evidence",
    "policy",
    "would",
    "should",
    "because",
    "however",
    "most",
    "many",
    "fewer",
    "more",
    "cannot",
    "will",
    "report",
    "study",
    "data",
    "year",
    "town",
    "road",
    "plan",
    "risk",
    "benefit",
)


def generated_map(n: int, seed: int = 1) -> ArgumentMap:
    """A valid map of ``n`` claims: each new claim supports or attacks an earlier one.

    About one relation in six gains a second (linked) premise and one in ten is an
    undercut; claim texts run from 4 to 30 words. It runs in time linear in ``n``: a
    target is drawn by its position (``rng.randrange``, the very draw ``rng.choice`` of a
    prefix makes, so the maps are the same as ever) instead of from a copied prefix.
    """
    rng = random.Random(seed)
    claims = [Claim("c0", "Thesis: " + " ".join(rng.choices(WORDS, k=8)) + ".")]
    relations: list[Relation] = []
    i = 1
    while i < n:
        cid = f"c{i}"
        claims.append(Claim(cid, " ".join(rng.choices(WORDS, k=rng.randint(4, 30))) + "."))
        roll = rng.random()
        if relations and roll < 0.1:
            target = rng.choice(relations)
            relations.append(Rebuttal(f"r{i}", [cid], target.id))
        elif relations and roll < 0.25 and i + 1 < n:
            other = f"c{i + 1}"
            claims.append(Claim(other, " ".join(rng.choices(WORDS, k=rng.randint(4, 20))) + "."))
            target_id = claims[rng.randrange(i)].id
            relations.append(Support(f"r{i}", [cid, other], target_id))
            i += 1
        else:
            target_id = claims[rng.randrange(max(1, i))].id
            kind = Support if rng.random() < 0.6 else Rebuttal
            relations.append(kind(f"r{i}", [cid], target_id))
        i += 1
    return ArgumentMap(
        f"generated-{n}",
        f"A generated map of {n} claims",
        theses=["c0"],
        claims=claims,
        relations=relations,
    )
