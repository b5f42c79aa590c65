"""validate(): sound maps pass; every defect is named once, with its id."""

import pytest
from hypothesis import given, settings

from argmap import ArgumentMap, Claim, Rebuttal, Support, validate
from argmap.strategies import BrokenMap, argument_maps, broken_maps
from argmap.validate import CODES, Severity


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
