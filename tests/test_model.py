"""The model: look-ups, structure queries, polarity, depth and editing."""

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgumentMap,
    AttackType,
    Claim,
    Counts,
    Polarity,
    Rebuttal,
    RelationKind,
    Source,
    Support,
    UnknownIdError,
)
from argmap._frozen import FrozenMap, freeze, thaw
from argmap.strategies import argument_maps

T = "t"


def chain_map() -> ArgumentMap:
    """t <- a (support); a <- b (rebuttal); b <- c (rebuttal); (a->t) undercut by u."""
    return ArgumentMap(
        "m",
        "A map",
        theses=[T],
        claims=[Claim(x, f"claim {x}") for x in (T, "a", "b", "c", "u", "p", "q")],
        relations=[
            Support("s1", "a", T),
            Rebuttal("r1", "b", "a"),
            Rebuttal("r2", "c", "b"),
            Rebuttal("r3", "u", "s1"),
            Support("s2", ["p", "q"], T),
        ],
    )


def test_lookups_return_the_element():
    """claim(), relation() and source() find elements by id."""
    m = chain_map()
    assert m.claim("a").text == "claim a"
    assert m.relation("s1").target == T
    assert "a" in m
    assert "s1" in m
    assert "nope" not in m


def test_unknown_lookup_names_the_id():
    """An unknown id raises UnknownIdError, which is also a LookupError."""
    with pytest.raises(UnknownIdError, match="'zz'") as info:
        chain_map().claim("zz")
    assert isinstance(info.value, LookupError)
    assert info.value.id == "zz"


def test_pros_cons_and_undercuts():
    """Supports are pros, rebuttals of a claim are cons, rebuttals of a relation undercuts."""
    m = chain_map()
    assert [r.id for r in m.pros(T)] == ["s1", "s2"]
    assert [r.id for r in m.cons("a")] == ["r1"]
    assert [r.id for r in m.undercuts("s1")] == ["r3"]
    assert m.cons(T) == ()


def test_premises_of_lists_every_premise_once():
    """premises_of collects the premises of all relations into a claim."""
    assert chain_map().premises_of(T) == ("a", "p", "q")


def test_a_premise_is_a_role():
    """The same claim is the conclusion of one relation and a premise of another."""
    m = chain_map()
    assert m.relations_into("a")
    assert m.relations_from("a")


def test_attack_types():
    """A rebuttal undermines a premise, rebuts a mere conclusion, undercuts a relation."""
    m = chain_map()
    assert m.attack_type("r1") is AttackType.UNDERMINE
    assert m.attack_type("r3") is AttackType.UNDERCUT
    lone = m.with_relation(Rebuttal("r9", "c", T))
    assert lone.attack_type("r9") is AttackType.REBUT


def test_polarity_flips_on_rebuttals_and_undercuts():
    """Support keeps the side, rebuttal flips it, an undercut opposes its relation."""
    pol = chain_map().polarity(T)
    assert pol[T] is Polarity.PRO
    assert pol["a"] is Polarity.PRO
    assert pol["b"] is Polarity.CON
    assert pol["c"] is Polarity.PRO
    assert pol["u"] is Polarity.CON
    assert pol["p"] is Polarity.PRO


def test_polarity_both_when_paths_disagree():
    """A claim that both supports and rebuts a con claim is on both sides."""
    m = chain_map().with_relation(Support("s9", "c", "b"))  # c also rebuts b
    assert m.polarity(T)["c"] is Polarity.BOTH


def test_polarity_terminates_on_cycles():
    """Mutual rebuttals do not loop."""
    m = chain_map().with_relation(Rebuttal("r9", "a", "b"))
    assert m.polarity(T)["b"] is Polarity.CON


def test_depths_count_relation_steps():
    """A thesis is at depth 0, its reasons at 1, their reasons at 2."""
    m = chain_map()
    d = m.depths()
    assert d[T] == 0
    assert d["a"] == 1
    assert d["b"] == 2
    assert d["c"] == 3
    assert d["u"] == 2  # answers the inference a -> t, one level below a
    assert m.depth == 3


def test_depth_prefers_the_shortest_path():
    """A claim reachable by a long and a short path gets the short depth."""
    m = chain_map().with_relation(Support("s9", "c", T))
    assert m.depths()["c"] == 1


@pytest.mark.parametrize("n", [5_000, pytest.param(50_000, marks=pytest.mark.slow)])
def test_deep_chain_needs_no_recursion(n):
    """A chain five or fifty times deeper than the recursion limit is indexed."""
    claims = [Claim(f"c{i}", "x") for i in range(n)]
    relations = [Support(f"s{i}", f"c{i + 1}", f"c{i}") for i in range(n - 1)]
    m = ArgumentMap("deep", "Deep", theses=["c0"], claims=claims, relations=relations)
    assert m.depth == n - 1
    assert len(m.polarity("c0")) == n


def test_repr_is_short():
    """A map's repr gives counts, not contents."""
    assert repr(chain_map()) == "<ArgumentMap 'm': 7 claims, 5 relations, 1 thesis>"


def test_without_claim_cascades():
    """Removing a claim removes the relations citing it and the undercuts of those."""
    m = chain_map().without_claim("a")
    assert "a" not in m
    assert {r.id for r in m.relations} == {"r2", "s2"}


def test_without_relation_drops_its_undercuts():
    """Removing a relation removes the undercuts aimed at it."""
    m = chain_map().without_relation("s1")
    assert "r3" not in m
    assert "u" in m


def test_with_thesis_records_the_verdict():
    """with_thesis adds a thesis and its verdict."""
    m = chain_map().with_thesis("a", "against")
    assert m.theses == (T, "a")
    assert m.verdicts["a"] == "against"


def test_premises_accept_a_single_id():
    """A single id string is one premise, never a tuple of its letters."""
    assert Support("s", "abc", "t").premises == ("abc",)


def test_maps_are_hashable_and_comparable():
    """Equal maps hash equally, metadata included."""
    a = chain_map().with_claim(Claim("x", "y", meta={"k": [1, {"z": None}]}))
    b = chain_map().with_claim(Claim("x", "y", meta={"k": [1, {"z": None}]}))
    assert a == b
    assert hash(a) == hash(b)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_freeze_thaw_round_trip(value):
    """Freezing JSON data and thawing it gives it back."""
    assert thaw(freeze(value)) == value


def test_frozen_map_edits_return_copies():
    """FrozenMap.set and delete leave the original alone."""
    f = FrozenMap({"a": 1})
    assert f.set("b", 2) == {"a": 1, "b": 2}
    assert f.delete("a") == {}
    assert f == {"a": 1}


def snapshot(m: ArgumentMap) -> tuple[str, ...]:
    """The map as text: its JSON and its look-ups, which no later change can reach.

    (A copy made with ``attrs.evolve`` would share the collections an edit might change,
    so comparing with it would show nothing.)
    """
    return (
        argmap.dumps(m),
        repr(sorted(m.depths().items())),
        *(repr((m.claim(c.id), m.relations_into(c.id), m.relations_from(c.id))) for c in m.claims),
        *(repr((m.relation(r.id), m.relations_into(r.id))) for r in m.relations),
    )


@given(argument_maps(), st.data())
def test_editing_never_mutates(m, data):
    """Every with_/without_ method leaves the original map as its snapshot shows it."""
    before = snapshot(m)
    claim = data.draw(st.sampled_from(m.claims))
    m.with_claim(attrs.evolve(claim, text="changed"))
    m.with_claim(Claim("brand-new", "new"))
    m.without_claim(claim.id)
    m.with_thesis(claim.id, "mixed")
    if m.relations:
        relation = data.draw(st.sampled_from(m.relations))
        m.without_relation(relation.id)
        m.with_relation(attrs.evolve(relation, label="changed"))
    m.with_source(Source("brand-new-source", "A new source"))
    assert snapshot(m) == before
    assert argmap.loads(before[0]) == m


@given(argument_maps())
def test_every_generated_claim_reaches_a_thesis(m):
    """Generated maps are connected: every claim has a depth and a polarity."""
    assert set(m.depths()) == {c.id for c in m.claims}
    sides = set()
    for t in m.theses:
        sides |= set(m.polarity(t))
    assert sides == {c.id for c in m.claims}


def test_kind_names_supports_rebuttals_and_undercuts():
    """A support, a rebuttal of a claim and a rebuttal of a relation get their three kinds."""
    m = ArgumentMap(
        "k",
        "K",
        theses=["t"],
        claims=[Claim("t", "T"), Claim("a", "A"), Claim("b", "B"), Claim("c", "C")],
        relations=[Support("s", "a", "t"), Rebuttal("r", "b", "t"), Rebuttal("u", "c", "s")],
    )
    assert [m.kind(r) for r in m.relations] == list(RelationKind)
    assert m.kind("u").verb == "undercuts"
    assert m.counts() == Counts(
        claims=4, supports=1, rebuttals=1, undercuts=1, linked=0, implicit=0, depth=2
    )


def test_paused_collection_restores_the_collector_state():
    """The collector is off inside the block and back as it was afterwards, even on error."""
    import gc

    from argmap._gc import paused

    def fail_inside() -> None:
        with paused():
            assert not gc.isenabled()
            raise KeyError

    assert gc.isenabled()
    with pytest.raises(KeyError):
        fail_inside()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_large_maps_leaves_the_programs_garbage_to_the_collector():
    """A loop of large reads does not keep the program's own reference cycles alive.

    (A reader that moved every young object to the oldest generation after each read, to
    spare the collector a pass, kept all of them: each move restarted the count towards
    the next full collection.)
    """
    import gc
    import weakref

    class Node:
        pass

    claims = [{"id": f"c{i}", "text": "A claim."} for i in range(20_000)]
    relations = [
        {"id": f"r{i}", "kind": "rebuttal", "premises": [f"c{i}"], "target": f"c{i - 1}"}
        for i in range(1, 20_000)
    ]
    doc = {"argmap": 1, "id": "big", "title": "Big", "theses": ["c0"], "claims": claims}
    text = json.dumps({**doc, "relations": relations})
    alive = weakref.WeakSet[Node]()
    gc.collect()
    for _ in range(10):
        for _ in range(200):
            a, b = Node(), Node()
            a.other, b.other = b, a  # type: ignore[attr-defined]
            alive.add(a)
        del a, b
        argmap.loads(text, check=False)
    assert len(alive) < 1_000  # of 2,000 cycles made; 1,800 were kept by the reader that did
