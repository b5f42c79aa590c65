"""validate(): sound maps pass; every defect is named once, with its id."""

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Rebuttal, Support, validate
from argmap._graph import Graph, Unusable
from argmap.strategies import BrokenMap, argument_maps, broken_maps
from argmap.validate import (
    CODES,
    Severity,
    _problems,
    _reached_by_levels,
    _reached_in_order,
)


@given(argument_maps())
def test_generated_maps_validate(m):
    """Maps drawn by argument_maps() have no problem at all."""
    assert validate(m) == ()


@given(broken_maps())
def test_single_defect_is_caught_exactly(broken: BrokenMap):
    """A map with one injected defect has exactly that problem, naming the right id."""
    problems = validate(broken.map)
    assert [(p.code, p.subject) for p in problems] == [(broken.code, broken.subject)]
    problem = problems[0]
    assert repr(broken.subject) in problem.message
    assert "\n" not in str(problem)
    assert ";" in problem.message  # every message goes on to say what to do


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_can_be_injected(code):
    """broken_maps() covers every problem code (each is drawn at least once here).

    The maps drawn all carry the one defect asked for, so a few examples show the code is
    covered; test_single_defect_is_caught_exactly checks the defects themselves.
    """

    @settings(max_examples=5)
    @given(broken_maps(codes=(code,)))
    def check(broken):
        assert [p.code for p in validate(broken.map)] == [code]

    check()


def test_circular_support_reports_the_cycle():
    """A circle of supports is named claim by claim."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim(x, x) for x in "tabc"],
        relations=[
            Support("s0", "a", "t"),
            Support("s1", "a", "b"),
            Support("s2", "b", "c"),
            Support("s3", "c", "a"),
        ],
    )
    (problem,) = validate(m)
    assert problem.code == "circular-support"
    assert "'a' → 'b' → 'c' → 'a'" in problem.message


def test_mutual_rebuttal_is_not_circular_support():
    """Claims may attack each other: that is disagreement, not a circle of support."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim(x, x) for x in "tab"],
        relations=[Support("s", "a", "t"), Rebuttal("r1", "a", "b"), Rebuttal("r2", "b", "a")],
    )
    assert validate(m) == ()


def test_orphan_is_a_warning():
    """A claim that bears on no thesis is a warning, not an error."""
    m = ArgumentMap("m", "M", theses=["t"], claims=[Claim("t", "T"), Claim("x", "X")])
    (problem,) = validate(m)
    assert problem.severity is Severity.WARNING
    assert not problem.is_error
    assert str(problem).startswith("warning: claim 'x' bears on no thesis")


@pytest.mark.parametrize("n", [5_000, pytest.param(20_000, marks=pytest.mark.slow)])
def test_long_support_cycle_needs_no_recursion(n):
    """A circle of support longer than the recursion limit is found without RecursionError."""
    claims = [Claim(f"c{i}", "x") for i in range(n)]
    relations = [Support(f"s{i}", f"c{i}", f"c{(i + 1) % n}") for i in range(n)]
    m = ArgumentMap("m", "M", theses=["c0"], claims=claims, relations=relations)
    (problem,) = validate(m)
    assert problem.code == "circular-support"


def test_a_circle_closed_by_a_linked_premise_is_found():
    """Every first premise comes after its target; the circle closes through a second one."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim(i, i.upper()) for i in ("t", "a", "b", "x")],
        relations=[
            Support("s1", ["b"], "a"),
            Support("s2", ["x", "a"], "b"),
            Support("s3", ["a"], "t"),
        ],
    )
    problems = validate(m)
    assert [p.code for p in problems] == ["circular-support"]
    assert "'a' → 'b' → 'a'" in problems[0].message


def test_linked_premises_that_repeat_or_hold_the_target_are_named():
    """The bulk path checks linked relations by their integer premises; the names stay."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim(i, i.upper()) for i in ("t", "a", "b")],
        relations=[
            Support("s1", ["a", "b", "a"], "t"),
            Rebuttal("r1", ["b", "t"], "t"),
            Support("s2", ["a", "b"], "t"),
        ],
    )
    assert [(p.code, p.subject) for p in validate(m)] == [
        ("repeated-premise", "s1"),
        ("self-premise", "r1"),
    ]


def test_an_undercutters_premises_bear_on_the_thesis():
    """Premises of an undercut (and of an undercut of it) are no orphans; a lone claim is."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim(i, i.upper()) for i in ("t", "a", "b", "c", "lone")],
        relations=[
            Support("s1", ["a"], "t"),
            Rebuttal("u1", ["b"], "s1"),
            Rebuttal("u2", ["c"], "u1"),
        ],
    )
    assert [(p.code, p.subject) for p in validate(m)] == [("orphan", "lone")]


def test_an_empty_id_is_named():
    """The bulk id check lets no empty id through."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim("t", "T"), Claim("", "E")],
        relations=[Support("s", [""], "t")],
    )
    assert [(p.code, p.subject) for p in validate(m)] == [("bad-id", "")]


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(argument_maps(), broken_maps(codes=("orphan",)).map(lambda b: b.map)))
def test_orphans_are_found_in_claim_order_and_by_levels_alike(m):
    """Both ways of finding what bears on a thesis agree, the map's claims in either order.

    Maps written top down (premises after what they bear on) are settled in one pass in
    claim order; the same map with its claims reversed is not, and goes level by level.
    """
    for variant in (m, attrs.evolve(m, claims=tuple(reversed(m.claims)))):
        assert list(_problems(attrs.evolve(variant), fast=True)) == list(_problems(variant))
        try:
            g = Graph(variant, refuse=False)
        except Unusable:
            continue
        in_order = _reached_in_order(g)
        if in_order is not None:
            assert in_order == _reached_by_levels(g)


def test_orphans_where_the_order_matters():
    """The claim-order pass reads every relation citing a claim, and knows when to stop.

    A claim cited twice bears on the thesis through its second relation; a second premise
    placed before its relation's target sends the check level by level.
    """
    twice = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim(i, i.upper()) for i in ("t", "o", "p")],
        relations=[Rebuttal("r1", ["p"], "o"), Rebuttal("r2", ["p"], "t")],
    )
    assert [(p.code, p.subject) for p in validate(twice)] == [("orphan", "o")]
    early = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim(i, i.upper()) for i in ("t", "a", "b", "c")],
        relations=[Support("r1", ["c", "a"], "b"), Support("r2", ["b"], "t")],
    )
    assert validate(early) == ()


def test_a_maps_problems_are_found_once_and_a_changed_copy_is_checked_again():
    """validate(m) is kept with the frozen map; a copy made by evolve starts afresh."""
    m = ArgumentMap("m", "M", theses=["t"], claims=[Claim("t", "T."), Claim("a", "A.")])
    first = validate(m)
    assert validate(m) is first
    broken = attrs.evolve(m, relations=[Support("s", ["nope"], "t")])
    assert validate(broken) != first
    assert any(p.code == "unknown-premise" for p in validate(broken))
    assert validate(m) is first
