"""The gradual semantics against formal-argumentation's implementations (version 0.3.0).

On a plain QBAF, a map whose relations are all single-premise supports and rebuttals of
claims with no undercuts, argmap's encoding and formal-argumentation's
``WeightedBipolarGraph`` agree: a claim is an argument with its base score as initial
weight, and a relation "premise supports (rebuts) target" is the support (attack) edge
premise -> target (a plain relation's strength is its premise's). On those maps the
strengths must agree to 1e-9 with

* ``quadratic_energy_strengths_discrete`` on acyclic maps (the fixpoint iteration is exact
  there once every argument has been reached, and so is argmap's one pass);
* ``quadratic_energy_strengths`` (RK4 with adaptive steps) on any map, both sides run to a
  residual of 1e-12 (argmap's RK4 uses a fixed step; both integrate the same flow to the
  same equilibrium);
* ``dfquad_strengths`` (Rago et al. 2016), on acyclic maps exactly and on cycles when both
  discrete iterations converge (both are Jacobi iterations from the base scores).

Linked premises and undercuts have no counterpart there; docs/evaluation.md states how
argmap generalises the rules to them.
"""

from __future__ import annotations

import math

from argumentation.gradual.dfquad import dfquad_strengths
from argumentation.gradual.gradual import (
    WeightedBipolarGraph,
    quadratic_energy_strengths,
    quadratic_energy_strengths_discrete,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Rebuttal, Support, evaluate

#: How closely argmap's strengths must match the reference's.
CLOSE = 1e-9


@st.composite
def plain_qbafs(draw: st.DrawFn, *, acyclic: bool) -> tuple[ArgumentMap, WeightedBipolarGraph]:
    """A plain QBAF as an argmap map and as formal-argumentation's graph.

    Acyclic maps only aim a relation from a later claim at an earlier one.
    """
    n = draw(st.integers(1, 8))
    scores = [draw(st.floats(0, 1)) for _ in range(n)]
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
        lambda pt: pt[0] > pt[1] if acyclic else pt[0] != pt[1]
    )
    edges = draw(st.lists(pairs, max_size=14, unique=True)) if n > 1 else []
    kinds = [draw(st.sampled_from([Support, Rebuttal])) for _ in edges]
    claims = [Claim(f"c{i}", "A claim.", base_score=s) for i, s in enumerate(scores)]
    relations = [
        cls(f"r{j}", (f"c{p}",), f"c{t}")
        for j, ((p, t), cls) in enumerate(zip(edges, kinds, strict=True))
    ]
    m = ArgumentMap("qbaf", "QBAF", theses=["c0"], claims=claims, relations=relations)
    graph = WeightedBipolarGraph(
        arguments=frozenset(c.id for c in claims),
        initial_weights={c.id: s for c, s in zip(claims, scores, strict=True)},
        supports=frozenset(
            (f"c{p}", f"c{t}") for (p, t), cls in zip(edges, kinds, strict=True) if cls is Support
        ),
        attacks=frozenset(
            (f"c{p}", f"c{t}") for (p, t), cls in zip(edges, kinds, strict=True) if cls is Rebuttal
        ),
    )
    return m, graph


def assert_close(ours: dict[str, float], theirs: dict[str, float]) -> None:
    assert ours.keys() == theirs.keys()
    for key, value in ours.items():
        assert math.isclose(value, theirs[key], rel_tol=0.0, abs_tol=CLOSE), (key, value, theirs)


@given(plain_qbafs(acyclic=True))
def test_quadratic_energy_matches_the_reference_on_acyclic_maps(case):
    """One pass in topological order is the model's fixpoint, as the reference finds it."""
    m, graph = case
    ours = dict(evaluate(m, "quadratic", explain=False).strengths)
    assert_close(ours, quadratic_energy_strengths_discrete(graph).strengths)


@settings(max_examples=40, deadline=None)
@given(plain_qbafs(acyclic=False))
def test_quadratic_energy_matches_the_continuous_reference(case):
    """On maps with cycles, both integrations of the continuous model reach one equilibrium."""
    m, graph = case
    e = evaluate(m, "quadratic", explain=False, tolerance=1e-12, max_iterations=100_000)
    theirs = quadratic_energy_strengths(graph, tolerance=1e-12, max_iterations=100_000)
    assert e.converged
    assert theirs.converged
    assert_close(dict(e.strengths), theirs.strengths)


@given(plain_qbafs(acyclic=True))
def test_dfquad_matches_the_reference_on_acyclic_maps(case):
    """argmap's DF-QuAD is Rago et al.'s on plain acyclic QBAFs."""
    m, graph = case
    ours = dict(evaluate(m, "dfquad", explain=False).strengths)
    assert_close(ours, dfquad_strengths(graph).strengths)


@settings(max_examples=40, deadline=None)
@given(plain_qbafs(acyclic=False))
def test_dfquad_matches_the_reference_on_cycles_when_both_converge(case):
    """Both DF-QuAD iterations start from the base scores and update all at once."""
    m, graph = case
    e = evaluate(m, "dfquad", explain=False, tolerance=1e-12, max_iterations=2000)
    theirs = dfquad_strengths(graph, tolerance=1e-12, max_iterations=2000)
    if e.converged and theirs.converged:
        assert_close(dict(e.strengths), theirs.strengths)
