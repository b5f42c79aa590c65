"""What the JSON reader resolves, the evaluation index takes over: identical to its own work.

The native JSON reader looks every premise and target up by id anyway; it leaves what it
found with the map it returns (:class:`argmap._graph.Resolved`), and :class:`Graph`
builds its index from that instead of looking the ids up again. These tests read
documents of every shape (repeated ids, ids shared by a claim and a relation, undercuts,
linked and missing premises, unknown targets, supports of relations, self-undercuts) and
check that the index, validation and evaluation of the map read are those of the same map
without what the reader left (``attrs.evolve`` gives a copy with an empty store), and its
problems those that validation finds one item at a time.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._graph import RESOLVED, Graph, Unusable
from argmap.io import json as native
from argmap.model import leave
from argmap.strategies import argument_maps, broken_maps, hostile_maps
from argmap.validate import _BAD_ID, _fast_problems, _no_bad_character, _problems, validate

_CLAIM_IDS = ["a", "b", "c", "d"]
_RELATION_IDS = ["r1", "r2", "r3", "a"]  # "a" is a claim's id too
_POOL = st.sampled_from([*_CLAIM_IDS, "r1", "r2", "r3", "x"])  # "x" names nothing


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A native JSON document of a small map, sound or not (ids drawn from few, so they meet).

    Half of them cite claims only (the rest any id), so that sound maps with undercuts and
    linked premises come as often as broken ones.
    """
    unique = draw(st.booleans())
    claim_ids = draw(st.lists(st.sampled_from(_CLAIM_IDS), max_size=5, unique=unique))
    claims = [
        {"id": cid, "text": "T"}
        | ({"base_score": draw(st.sampled_from([0.0, 0.25, 1]))} if draw(st.booleans()) else {})
        for cid in claim_ids
    ]
    cited = st.sampled_from(claim_ids) if claim_ids and draw(st.booleans()) else _POOL
    unique = draw(st.booleans())  # (claims and relations repeat ids apart; often, if at all)
    pool = _RELATION_IDS if unique else _RELATION_IDS[:2]
    relation_ids = draw(st.lists(st.sampled_from(pool), max_size=6, unique=unique))
    aimed = st.one_of(cited, st.sampled_from(relation_ids)) if relation_ids else cited
    relations = [
        {
            "id": rid,
            "kind": draw(st.sampled_from(["support", "rebuttal"])),
            "premises": draw(st.lists(cited, max_size=3)),
            "target": draw(aimed),
        }
        for rid in relation_ids
    ]
    theses = draw(st.lists(cited, max_size=2))
    return {"argmap": 1, "id": "m", "title": "M", "theses": theses, "claims": claims} | {
        "relations": relations
    }


def _resolvable(m: argmap.ArgumentMap) -> bool:
    """Whether the reader can resolve the map, said the slow way (its own rule, restated)."""
    claims = [c.id for c in m.claims]
    if len(set(claims)) != len(claims):
        return False
    relations = {r.id: r for r in reversed(m.relations)}  # the first of each id wins
    for r in m.relations:
        if not r.premises or not set(r.premises) <= set(claims):
            return False
        if r.target not in claims and (r.target not in relations or isinstance(r, argmap.Support)):
            return False
    return True


def _index(m: argmap.ArgumentMap) -> dict[str, Any] | str:
    """Every field of the map's evaluation index, or the word "unusable"."""
    try:
        g = Graph(m, refuse=False)
    except Unusable:
        return "unusable"
    fields = [s for s in Graph.__slots__ if s != "_code"]
    found = {name: getattr(g, name) for name in fields}
    found["more order"] = list(g.more)  # the same entries in the same order
    found["undercut order"] = list(g.undercut_by)
    return found


def _outcome(m: argmap.ArgumentMap) -> object:
    """What a grounded evaluation gives: its labels, or its error's messages."""
    try:
        e = argmap.evaluate(m, "grounded", explain=False)
    except argmap.InvalidMapError as exc:
        return ("refused", str(exc), exc.problems)
    return dict(e.labels), dict(e.relation_labels)


def _compare(text: str) -> None:
    m = native.loads(text)
    left = m._derived.get(RESOLVED)
    assert (left is not None) == _resolvable(m)
    assert _index(m) == _index(attrs.evolve(m))
    given = native.from_dict(json.loads(text))  # (data the caller parsed: not emptied)
    assert (given._derived.get(RESOLVED) is not None) == (left is not None)
    assert _index(given) == _index(m)
    again = native.loads(text)
    assert validate(again) == validate(attrs.evolve(again)) == tuple(_problems(again))
    again = native.loads(text)
    assert _outcome(again) == _outcome(attrs.evolve(again))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_index_from_what_the_reader_resolved_is_the_index_from_the_objects(document):
    """Sound or not, a document's map gives the same index, problems and labels both ways."""
    text = json.dumps(document)
    assert native._read_counted(text) is not None  # the fast reader, the one that resolves
    _compare(text)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        argument_maps(undercuts=True),
        hostile_maps(),
        broken_maps().map(lambda b: b.map),
    )
)
def test_generated_maps_read_back_index_alike(m):
    """Maps with undercuts, linked premises, hostile texts and one defect each: the same."""
    _compare(argmap.dumps(m))


def test_what_the_reader_left_is_taken_once():
    """The index takes what the reader left (a second index of the map builds its own)."""
    m = native.loads(_SMALL)
    assert m._derived.get(RESOLVED) is not None
    first = Graph(m)
    assert m._derived.get(RESOLVED) is None
    assert _index(m) == _index(attrs.evolve(m))
    assert first.target == Graph(m).target


_SMALL = json.dumps(
    {
        "argmap": 1,
        "id": "m",
        "title": "M",
        "theses": ["t"],
        "claims": [{"id": "t", "text": "T"}, {"id": "p", "text": "P"}, {"id": "q", "text": "Q"}],
        "relations": [
            {"id": "s", "kind": "support", "premises": ["p", "q"], "target": "t"},
            {"id": "u", "kind": "rebuttal", "premises": ["q"], "target": "s"},
        ],
    }
)


def test_the_bulk_id_check_finds_every_character_the_pattern_finds():
    """Printable-and-no-space stands in for the search only where the search finds nothing."""
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert _no_bad_character(f"a{c}b") == (_BAD_ID.search(c) is None), hex(code)


def test_an_undercut_aims_at_the_first_relation_of_its_id():
    """Where relation ids repeat, the index (and so the reader) takes the first of them."""
    document = json.loads(_SMALL)
    rebuttal = {"id": "s", "kind": "rebuttal", "premises": ["q"], "target": "t"}
    document["relations"].insert(1, rebuttal)  # a second "s", after the first
    m = native.loads(json.dumps(document))
    assert m._derived.get(RESOLVED) is not None
    assert list(Graph(m).target) == [0, 0, 3 + 0]
    assert _index(native.loads(json.dumps(document))) == _index(attrs.evolve(m))


@pytest.mark.parametrize(
    ("relation_ids", "claim_ids", "code"),
    [
        (["r", "r"], ["t", "p"], "duplicate-id"),  # two relations of one id
        (["p", "r"], ["t", "p"], "duplicate-id"),  # a relation of a claim's id
        (["r", ""], ["t", "p"], "bad-id"),  # an empty relation id
        (["r", "s"], ["t", ""], "bad-id"),  # an empty claim id
        (["r", "s t"], ["t", "p"], "bad-id"),  # a space
    ],
)
def test_ids_the_bulk_check_refuses_are_named_one_by_one(relation_ids, claim_ids, code):
    """Ids that are not distinct slugs send validation item by item, which names them."""
    t, p = claim_ids
    document = {
        "argmap": 1,
        "id": "m",
        "title": "M",
        "theses": [t],
        "claims": [{"id": t, "text": "T"}, {"id": p, "text": "P"}],
        "relations": [
            {"id": rid, "kind": "rebuttal", "premises": [p], "target": t} for rid in relation_ids
        ],
    }
    m = native.loads(json.dumps(document))
    assert _fast_problems(m) is None
    assert code in {problem.code for problem in validate(m)}
    assert validate(m) == tuple(_problems(attrs.evolve(m)))


def test_columns_of_another_size_are_not_taken():
    """Columns that cannot be this map's (another count of claims or relations) are ignored."""
    m = native.loads(_SMALL)
    other = native.loads(json.dumps(json.loads(_SMALL) | {"relations": []}))
    leave(m, RESOLVED, other._derived[RESOLVED])
    assert _index(m) == _index(attrs.evolve(m))
