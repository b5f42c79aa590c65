"""Time reading arggraph XML documents of 1,000 and 10,000 ADUs (time per claim flat).

Usage:
    python bench/arggraph_load.py [--sizes 1000 10000] [--repeat R]

The documents look like the microtext corpus, only longer: one EDU per ADU (one ADU in
ten made of two EDUs through a joint), proponent and opponent ADUs, and each ADU after
the first attached to a random earlier one by ``sup`` (50 %), ``reb`` (25 %), ``exa``
(10 %) or, aimed at a random earlier edge, ``und`` (15 %); one relation in ten gets an
``add`` premise. Each size is read with ``argmap.loads(text, "arggraph")`` (reading plus
validation), best and median of R runs.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _loadtime
from _generate import WORDS

import argmap


def document(n: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    edus, adus, segs, rels = [], [], [], []
    e = 0
    for i in range(1, n + 1):
        parts = 2 if i % 10 == 0 else 1
        ids = []
        for _ in range(parts):
            e += 1
            ids.append(f"e{e}")
            words = " ".join(rng.choices(WORDS, k=rng.randint(4, 20)))
            edus.append(f'  <edu id="e{e}"><![CDATA[{words}]]></edu>')
        kind = "pro" if rng.random() < 0.7 else "opp"
        adus.append(f'  <adu id="a{i}" type="{kind}"/>')
        if parts == 2:
            adus.append(f'  <joint id="j{i}"/>')
            segs += [f'  <edge id="s{x}" src="{x}" trg="j{i}" type="seg"/>' for x in ids]
            segs.append(f'  <edge id="sj{i}" src="j{i}" trg="a{i}" type="seg"/>')
        else:
            segs.append(f'  <edge id="s{ids[0]}" src="{ids[0]}" trg="a{i}" type="seg"/>')
    edge_ids: list[str] = []
    for i in range(2, n + 1):
        roll = rng.random()
        eid = f"c{i}"
        if roll < 0.15 and edge_ids:
            rels.append(f'  <edge id="{eid}" src="a{i}" trg="{rng.choice(edge_ids)}" type="und"/>')
            continue
        kind = "sup" if roll < 0.65 else "reb" if roll < 0.9 else "exa"
        target = rng.randrange(1, i)
        rels.append(f'  <edge id="{eid}" src="a{i}" trg="a{target}" type="{kind}"/>')
        edge_ids.append(eid)
        if rng.random() < 0.1 and target + 1 < i:
            extra = rng.randrange(target + 1, i)
            rels.append(f'  <edge id="x{i}" src="a{extra}" trg="{eid}" type="add"/>')
    body = "\n".join([*edus, *adus, *segs, *rels])
    head = "<?xml version='1.0' encoding='UTF-8'?>\n<arggraph id=\"generated\">"
    return f"{head}\n{body}\n</arggraph>\n"


def _read(text: str) -> argmap.ArgumentMap:
    m = argmap.loads(text, "arggraph", check=False)
    argmap.validate(m)
    return m


def main() -> None:
    _loadtime.run(__doc__ or "", "ADUs", document, _read)


if __name__ == "__main__":
    main()
