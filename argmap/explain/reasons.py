"""Reasons: one short sentence per claim and relation naming the input that decided its label.

The rebuttal that holds, the premise that is out, the support that holds...; linear in the
size of the map.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from argmap._graph import SUPPORT, Graph
from argmap._grounded import IN, OUT, UNDEC

__all__ = ["reason", "reasons"]


def _names(ids: Sequence[str], limit: int = 2) -> str:
    shown = [repr(i) for i in ids[:limit]]
    if len(ids) > limit:
        return ", ".join(shown) + f" and {len(ids) - limit} more"
    if len(shown) > 1:
        return ", ".join(shown[:-1]) + f" and {shown[-1]}"
    return shown[0]


def reasons(g: Graph, lab: bytearray) -> Iterator[tuple[str, str]]:
    """Yield (node id, one-sentence reason) for every claim and relation."""
    c = g.claims
    into = g.into()
    for x in range(c):
        yield g.claim_ids[x], _claim_reason(g, lab, x, into[x])
    for j in range(g.relations):
        yield g.relation_ids[j], _relation_reason(g, lab, j)


def reason(
    g: Graph, lab: bytearray, node_id: object, relations: Mapping[str, int]
) -> tuple[bool, str | None]:
    """The reason of the claim or relation with this id alone: (found, sentence).

    What ``dict(reasons(g, lab))`` holds for that id, without finding the rest:
    ``relations`` maps each relation id to its last relation number (where a relation
    shares its id with a claim or another relation, the last one yielded wins).
    """
    if not isinstance(node_id, str):
        return False, None
    j = relations.get(node_id)
    if j is not None:
        return True, _relation_reason(g, lab, j)
    x = g.claim_index.get(node_id)  # type: ignore[call-overload]
    if x is None:
        return False, None
    return True, _claim_reason(g, lab, x, g.into()[x])


def _claim_reason(g: Graph, lab: bytearray, x: int, rels: list[int]) -> str:  # noqa: PLR0911
    c = g.claims
    rid = g.relation_ids
    if x in g.assumed:
        word = "in" if g.assumed[x] else "out"
        return f"assumed {word} (what if); its reasons and objections are set aside"
    sups = [j for j in rels if g.kind[j] == SUPPORT]
    atts = [j for j in rels if g.kind[j] != SUPPORT]
    status = lab[x]
    if status == OUT:
        winners = [j for j in atts if lab[c + j] == IN]
        if winners:
            return f"rebuttal {rid[winners[0]]!r} holds against it"
        failed = [rid[j] for j in sups]
        if len(failed) == 1:
            return f"its only support, {failed[0]!r}, fails"
        return f"every support fails ({_names(failed)})"
    if status == IN:
        if sups:
            holding = next(j for j in sups if lab[c + j] == IN)
            head = f"support {rid[holding]!r} holds"
        else:
            head = "accepted as a basic premise (nothing supports it)"
        if not atts:
            return f"{head} and nothing attacks it"
        if len(atts) == 1:
            return f"{head} and the one rebuttal, {rid[atts[0]]!r}, fails"
        return f"{head} and every rebuttal fails ({_names([rid[j] for j in atts])})"
    open_atts = [rid[j] for j in atts if lab[c + j] == UNDEC]
    if open_atts:
        verb = "is" if len(open_atts) == 1 else "are"
        return f"rebuttal {_names(open_atts)} {verb} undecided, so it is neither in nor out"
    open_sups = [rid[j] for j in sups if lab[c + j] == UNDEC]
    verb = "is" if len(open_sups) == 1 else "are"
    return f"no support holds and {_names(open_sups)} {verb} undecided"


def _relation_reason(g: Graph, lab: bytearray, j: int) -> str:
    c = g.claims
    cid, rid = g.claim_ids, g.relation_ids
    premises = g.premises(j)
    unders = g.undercut_by.get(j, [])
    status = lab[c + j]
    if status == OUT:
        out = [cid[p] for p in premises if lab[p] == OUT]
        if out:
            return f"premise {out[0]!r} is out"
        hit = next(u for u in unders if lab[c + u] == IN)
        return f"undercut {rid[hit]!r} holds against it"
    if status == IN:
        if len(premises) == 1:
            head = f"its premise {cid[premises[0]]!r} is in"
        elif len(premises) == 2:
            head = f"its premises {_names([cid[p] for p in premises])} are both in"
        else:
            head = f"all its premises ({_names([cid[p] for p in premises], 3)}) are in"
        if not unders:
            return f"{head} and nothing undercuts it"
        return f"{head} and every undercut fails ({_names([rid[u] for u in unders])})"
    open_premises = [cid[p] for p in premises if lab[p] == UNDEC]
    if open_premises:
        return f"premise {open_premises[0]!r} is undecided"
    hit = next(u for u in unders if lab[c + u] == UNDEC)
    return f"undercut {rid[hit]!r} is undecided"
